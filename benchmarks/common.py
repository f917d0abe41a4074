"""What the benchmark scripts share: where the data is, the CRF baseline, tables, results."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_MODEL = ROOT / "models" / "vnpartner-ner"


def shared_data(path: str | None = None) -> Path | None:
    """The shared data folder: ``path``, ``$VNPARTNER_DATA``, or ``../shared/data`` beside the repo."""
    for candidate in (path, os.environ.get("VNPARTNER_DATA"), ROOT.parent / "shared" / "data"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def shown(path: str) -> str:
    """``path`` relative to the repository when inside it (results never name this machine's paths)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def machine() -> dict:
    import torch

    return {"python": platform.python_version(), "torch": torch.__version__, "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(), "platform": platform.platform()}


def crf_spans(text: str) -> list[tuple[int, int, str]]:
    """underthesea's CRF NER on raw text, as character spans (PERSON/LOCATION/ORGANIZATION)."""
    from underthesea import ner

    names = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
    spans, cursor, current = [], 0, None
    for word, _pos, _chunk, tag in ner(text):
        start = text.find(word, cursor)
        if start < 0:  # underthesea rewrote the word (rare): give up on this one
            current = None
            continue
        end = cursor = start + len(word)
        prefix, _, label = tag.partition("-")
        label = names.get(label)
        if prefix == "I" and current is not None and current[2] == label:
            current = (current[0], end, label)
            spans[-1] = current
        elif label is not None:
            current = (start, end, label)
            spans.append(current)
        else:
            current = None
    return spans


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds``."""

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started


def syllables(texts) -> int:
    """Whitespace-separated tokens: the word count used for every words/s figure."""
    return sum(len(t.split()) for t in texts)


def write_json(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / name
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def publish(stem: str, results: dict, table: str) -> None:
    """Print the table and write ``results/<stem>.json`` and ``results/<stem>.md``."""
    print(table)
    write_json(f"{stem}.json", results)
    (RESULTS / f"{stem}.md").write_text(table + "\n", encoding="utf-8")


def markdown_table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if value >= 10 else f"{value:.3g}"
    return str(value)


def progress(iterable, **kwargs):
    from tqdm.auto import tqdm

    return tqdm(iterable, file=sys.stderr, **kwargs)
