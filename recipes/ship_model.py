"""Copy a trained model folder into ``models/`` in half precision (what git keeps).

    python recipes/ship_model.py runs/ner-main models/vnpartner-ner

Weights are stored as float16 safetensors (half the bytes; ``NeuralTagger`` loads them
back as float32), with the tokenizer files, ``config.json`` and ``vnpartner.json``.
``--neural-labels PERSON,ORGANIZATION,LOCATION`` records in ``vnpartner.json`` that the
model owns those labels and the pattern layer the others. ``report.json`` of the training run is kept as ``training_report.json``. The model card
(``README.md``) is written by hand and left alone when it exists.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

KEEP = ("vocab.txt", "bpe.codes", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
        "vnpartner.json")


def ship(trained: Path, out: Path, neural_labels: list[str] | None = None) -> dict:
    import torch

    from vnpartner.tag.neural import load_token_model, quiet_transformers

    model = load_token_model(trained).to(torch.float16)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.safetensors"):
        stale.unlink()
    with quiet_transformers():
        model.save_pretrained(out)
    for name in KEEP:
        if (trained / name).is_file():
            shutil.copy2(trained / name, out / name)
    if (trained / "report.json").is_file():
        report = json.loads((trained / "report.json").read_text(encoding="utf-8"))
        report.pop("config", None)
        (out / "training_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")
    if neural_labels is not None:
        meta = json.loads((out / "vnpartner.json").read_text(encoding="utf-8"))
        meta["neural_labels"] = neural_labels
        (out / "vnpartner.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    weights = out / "model.safetensors"
    return {"folder": str(out), "weights_mb": round(weights.stat().st_size / 2 ** 20, 1),
            "parameters": sum(p.numel() for p in model.parameters())}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("trained", type=Path, help="a model folder written by `vnpartner train`")
    parser.add_argument("out", type=Path, help="where to put the shipped copy (models/vnpartner-ner)")
    parser.add_argument("--neural-labels", help="comma-separated labels the model owns when merged with the "
                        "pattern layer (vnpartner.tag.hybrid); default: the model alone")
    args = parser.parse_args(argv)
    owned = [x.strip() for x in args.neural_labels.split(",") if x.strip()] if args.neural_labels else None
    print(json.dumps(ship(args.trained, args.out, owned), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
