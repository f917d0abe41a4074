"""Assemble the train/dev JSONL of the neural tagger from the shared data folder.

``build(shared, out)`` reads the gold sources (:mod:`.sources`), bridges their conventions,
fills the labels each source lacks with the pattern layer (:mod:`.silver`), adds silver
documents from the news corpus, and writes ``train.jsonl``, ``dev.jsonl``,
``corpus_rules.jsonl`` (stand-off silver records of the corpus documents) and
``stats.json`` under ``out``. Dev is VLSP 2018 dev; no test split is ever read.
"""

from __future__ import annotations

import json
import lzma
import os
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import VnPartnerError
from ..io import write_jsonl
from ..schema import ENTITY_LABELS, Document
from .silver import Span, rule_spans, silver_fill
from .sources import CORPUS, SOURCES, VLSP2018, SourceSpec, check_not_test, iter_gold, load_source, make_id

__all__ = [
    "DEFAULT_SOURCES", "BuildResult", "OverlapGuard", "build", "format_table", "gold_labels_of",
    "iter_corpus", "standoff",
]

# vlsp2021 is left out by default: its only split ("dev") repeats VLSP 2018 dev and test
# paragraphs (measured: ~59 % test, ~36 % dev), so training on it leaks the benchmark.
DEFAULT_SOURCES = ("vlsp2016", "vlsp2018", "phoner", "corpus")
TEST_LEAKING_SOURCES = frozenset({"vlsp2021"})
WINDOW = 60  # characters of normalised text two documents must share to count as overlapping


def gold_labels_of(doc_id: str) -> frozenset[str]:
    """The labels that are gold in a built document (the others are silver)."""
    name = doc_id.split("/", 1)[0]
    spec = SOURCES.get(name)
    return spec.gold if spec is not None else frozenset()


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


class OverlapGuard:
    """Finds documents that share a stretch of text with a reference set (the dev set).

    Texts are compared lower-cased with everything but letters and digits removed, so
    tokenised (``Hà Nội , ngày``) and raw text match. Two texts overlap when they share
    :data:`WINDOW` such characters in a row.
    """

    def __init__(self, texts: Iterable[str] = (), window: int = WINDOW):
        self.window = window
        self._windows: set[int] = set()
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        key, w = _key(text), self.window
        self._windows.update(hash(key[i:i + w]) for i in range(len(key) - w + 1))

    def overlaps(self, text: str) -> bool:
        key, w = _key(text), self.window
        return any(hash(key[i:i + w]) in self._windows for i in range(len(key) - w + 1))


def iter_corpus(path: str | os.PathLike, limit: int) -> Iterator[Document]:
    """The first ``limit`` documents of the news corpus as empty Documents (NFC text)."""
    check_not_test(path)
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                break
            record = json.loads(line)
            text = unicodedata.normalize("NFC", record["text"])
            yield Document(text=text, id=make_id(CORPUS.name, record.get("source") or "news", record["id"]))


def standoff(doc: Document) -> dict:
    """The stand-off record of a document: ids and offsets, no text."""
    return {"doc_id": doc.id, "entities": [[e.start, e.end, e.label] for e in doc.entities]}


@dataclass
class BuildResult:
    """Counts of a build: ``docs[(split, source)]``, ``entities[(split, source, kind)][label]``."""

    docs: Counter = field(default_factory=Counter)
    entities: dict = field(default_factory=lambda: defaultdict(Counter))
    notes: dict = field(default_factory=lambda: defaultdict(Counter))
    paths: dict = field(default_factory=dict)
    seconds: float = 0.0

    def count(self, split: str, source: str, doc: Document, stats: dict[str, int]) -> None:
        self.docs[(split, source)] += 1
        gold = gold_labels_of(doc.id)
        for ent in doc.entities:
            kind = "gold" if ent.label in gold else "silver"
            self.entities[(split, source, kind)][ent.label] += 1
        self.notes[(split, source)].update(stats)

    def to_dict(self) -> dict:
        return {
            "docs": {f"{s}/{src}": n for (s, src), n in self.docs.items()},
            "entities": {"/".join(k): dict(v) for k, v in self.entities.items()},
            "notes": {f"{s}/{src}": dict(v) for (s, src), v in self.notes.items()},
            "paths": self.paths,
            "seconds": round(self.seconds, 1),
        }


def _progress(iterable, **kwargs):
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return iterable
    return tqdm(iterable, **kwargs)


def _documents(spec: SourceSpec, split: str, shared: Path, tagger: Callable[[str], list[Span]],
               result: BuildResult, guard: OverlapGuard | None, corpus_docs: int, progress: bool,
               standoffs: list[dict] | None) -> Iterator[Document]:
    path = shared / spec.files[split]
    if spec.kind == "corpus":
        items = ((doc, [], {}) for doc in iter_corpus(check_not_test(path, shared), corpus_docs))
        total = corpus_docs
    else:
        docs = load_source(spec, path, root=shared)
        items = iter_gold(spec, docs, split)
        total = len(docs)
    if progress:
        items = _progress(items, total=total, desc=f"{spec.name}/{split}", unit="doc", mininterval=2)
    for doc, blocked, stats in items:
        if guard is not None and guard.overlaps(doc.text):
            result.notes[(split, spec.name)]["dropped_dev_overlap"] += 1
            continue
        silver_fill(doc, tagger(doc.text), spec.silver, blocked=blocked, stats=stats)
        result.count(split, spec.name, doc, stats)
        if standoffs is not None:
            standoffs.append(standoff(doc))
        yield doc


def build(shared: str | os.PathLike, out: str | os.PathLike, *, sources: Iterable[str] = DEFAULT_SOURCES,
          corpus_docs: int = 3000, tagger: Callable[[str], list[Span]] = rule_spans,
          allow_test_overlap: bool = False, progress: bool = True) -> BuildResult:
    """Write ``train.jsonl``, ``dev.jsonl``, ``corpus_rules.jsonl`` and ``stats.json`` to ``out``.

    ``sources`` picks the training sources (names of :data:`SOURCES`); the dev set is always
    VLSP 2018 dev. Training documents sharing text with a dev paragraph are dropped.
    ``tagger(text)`` gives the silver spans (default: the pattern layer). Raises
    VnPartnerError for unknown sources, for ``vlsp2021`` without ``allow_test_overlap``
    and (E601) for any path that names a test split.
    """
    started = time.monotonic()
    shared, out = Path(shared), Path(out)
    sources = list(dict.fromkeys(sources))
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise VnPartnerError("E604", f"unknown source(s) {', '.join(unknown)}; choose from {', '.join(SOURCES)}.")
    leaking = [s for s in sources if s in TEST_LEAKING_SOURCES]
    if leaking and not allow_test_overlap:
        raise VnPartnerError("E605", f"{', '.join(leaking)}: most of its text repeats VLSP 2018 dev/test "
                             "paragraphs, so training on it leaks the benchmark. Leave it out, or pass "
                             "allow_test_overlap=True (--allow-test-overlap) for a model that is never "
                             "scored on VLSP 2018.")
    if not shared.is_dir():
        raise VnPartnerError("E101", f"shared data folder not found: {shared}.")
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult()

    dev_docs = list(_documents(VLSP2018, "dev", shared, tagger, result, None, corpus_docs, progress, None))
    write_jsonl(dev_docs, out / "dev.jsonl")
    guard = OverlapGuard(d.text for d in dev_docs)
    del dev_docs

    standoffs: list[dict] = []
    train = (
        doc
        for name in sources
        for doc in _documents(SOURCES[name], "train", shared, tagger, result, guard, corpus_docs, progress,
                              standoffs if name == CORPUS.name else None)
    )
    write_jsonl(train, out / "train.jsonl")
    with open(out / "corpus_rules.jsonl", "w", encoding="utf-8") as handle:
        for record in standoffs:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    result.paths = {
        "dev": [f"{VLSP2018.files['dev']}"],
        "train": [SOURCES[name].files["train"] for name in sources],
    }
    result.seconds = time.monotonic() - started
    (out / "stats.json").write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n",
                                    encoding="utf-8")
    return result


def format_table(result: BuildResult) -> str:
    """A plain-text table: documents and entities per label, per split, source and gold/silver."""
    short = {"PERSON": "PER", "TITLE": "TITLE", "ORGANIZATION": "ORG", "LOCATION": "LOC", "DATE": "DATE",
             "SECTOR": "SECTOR", "AGREEMENT": "AGR"}
    header = ["split", "source", "kind", "docs"] + [short[label] for label in ENTITY_LABELS] + ["all"]
    rows = []
    totals: dict[str, Counter] = defaultdict(Counter)
    for (split, source), ndocs in result.docs.items():
        for kind in ("gold", "silver"):
            counts = result.entities.get((split, source, kind), Counter())
            rows.append([split, source, kind, str(ndocs) if kind == "gold" else ""]
                        + [str(counts.get(label, 0)) for label in ENTITY_LABELS] + [str(sum(counts.values()))])
            totals[split].update(counts)
    for split in sorted(totals, key=lambda s: s != "train"):
        ndocs = sum(n for (s, _), n in result.docs.items() if s == split)
        counts = totals[split]
        rows.append([split, "TOTAL", "all", str(ndocs)] + [str(counts.get(label, 0)) for label in ENTITY_LABELS]
                    + [str(sum(counts.values()))])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    lines = []
    for i, row in enumerate([header] + rows):
        lines.append("  ".join(c.ljust(w) if j < 3 else c.rjust(w) for j, (c, w) in enumerate(zip(row, widths))))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
