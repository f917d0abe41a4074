"""Keep some encoder layers of a vnpartner model: the start of a smaller, faster student.

    python recipes/drop_layers.py models/vnpartner-ner runs/base2 --keep 0 1

The copy keeps the embeddings, the kept layers (renumbered from 0), the classification
head and every tokenizer and vnpartner file; train it further with ``vnpartner train
DATA --base runs/base2`` (the model card of ``vnpartner-ner-fast`` has the run).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

LAYER = re.compile(r"\.layer\.(\d+)\.")


def drop_layers(model: Path, out: Path, keep: list[int]) -> dict:
    from safetensors.torch import load_file, save_file

    config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    layers = config["num_hidden_layers"]
    if not keep or sorted(set(keep)) != keep or keep[-1] >= layers:
        raise SystemExit(f"--keep needs increasing layer numbers below {layers}, got {keep}")
    renumber = {old: new for new, old in enumerate(keep)}
    weights = {}
    for name, tensor in load_file(model / "model.safetensors").items():
        found = LAYER.search(name)
        if found is None:
            weights[name] = tensor
        elif int(found.group(1)) in renumber:
            weights[LAYER.sub(f".layer.{renumber[int(found.group(1))]}.", name, count=1)] = tensor
    out.mkdir(parents=True, exist_ok=True)
    for path in model.iterdir():
        if path.is_file() and path.name not in ("model.safetensors", "config.json") \
                and not path.name.startswith("relations"):
            shutil.copy2(path, out / path.name)
    save_file(weights, out / "model.safetensors", metadata={"format": "pt"})
    config["num_hidden_layers"] = len(keep)
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return {"folder": str(out), "layers": len(keep), "parameters": sum(t.numel() for t in weights.values())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a vnpartner model folder")
    parser.add_argument("out", type=Path, help="where to write the smaller copy")
    parser.add_argument("--keep", type=int, nargs="+", required=True, help="encoder layers to keep (0 = lowest)")
    args = parser.parse_args(argv)
    print(json.dumps(drop_layers(args.model, args.out, args.keep), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
