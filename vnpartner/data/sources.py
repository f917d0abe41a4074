"""The gold NER sources of the shared data folder and how their labels map to schema v1.

Every source is read with its own labels first; :func:`apply_spec` then keeps the spans
whose label maps to one of ours (gold) and remembers the spans of some dropped labels as
``blocked``: silver spans must not overlap those either (a date inside a VLSP ``MISC``
event name is no DATE of ours).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import VnPartnerError
from ..io import read_token_file, read_vlsp2018
from ..schema import ENTITY_LABELS, Document
from .conventions import bridge_date, extend_type_words, trim_date_context

__all__ = [
    "CORPUS", "PHONER", "SOURCES", "SourceSpec", "VLSP2016", "VLSP2018", "VLSP2021", "apply_spec",
    "check_not_test", "load_source", "make_id", "source_of",
]


@dataclass(frozen=True)
class SourceSpec:
    """How one source's annotation becomes schema v1 gold.

    ``label_map``: source label → our label (labels not listed are dropped).
    ``blocking``: dropped source labels whose spans still block silver spans.
    ``files``: split → path under the shared data folder.
    """

    name: str
    label_map: Mapping[str, str] = field(default_factory=dict)
    blocking: frozenset[str] = frozenset()
    files: Mapping[str, str] = field(default_factory=dict)
    kind: str = "tokens"  # tokens | offsets | corpus
    segmented: bool = False
    type_words: bool = False  # extend gold LOCATION over a preceding type word
    date_filter: bool = False  # drop source DATE spans that are no calendar expression
    drop_docs: frozenset[str] = frozenset()  # source document names to leave out

    @property
    def gold(self) -> frozenset[str]:
        """Our labels this source annotates; the pattern layer fills the others."""
        return frozenset(self.label_map.values())

    @property
    def silver(self) -> frozenset[str]:
        return frozenset(ENTITY_LABELS) - self.gold


_VLSP_MAP = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}

VLSP2016 = SourceSpec(
    "vlsp2016", _VLSP_MAP, frozenset({"MISC"}), {"train": "ner/vlsp2016/train.jsonl.xz"},
    kind="tokens", segmented=True, type_words=True,
    # In both train and test (README of the data folder): keep the test set clean.
    drop_docs=frozenset({"104682"}),
)
VLSP2018 = SourceSpec(
    "vlsp2018", _VLSP_MAP, frozenset({"MISC"}),
    {"train": "ner/vlsp2018/train.jsonl.xz", "dev": "ner/vlsp2018/dev.jsonl.xz"},
    kind="offsets", type_words=True,
)
# PhoNER's PERSON/LOCATION/ORGANIZATION conventions differ from ours (hospitals and
# quarantine places are LOCATION there), so only DATE is taken; its COVID-only labels
# still block silver spans, its NAME/LOCATION/ORGANIZATION do not (the rules refill them).
PHONER = SourceSpec(
    "phoner", {"DATE": "DATE"},
    frozenset({"PATIENT_ID", "AGE", "GENDER", "JOB", "SYMPTOM_AND_DISEASE", "TRANSPORTATION"}),
    {"train": "ner/phoner_covid19/train_syllable.jsonl.xz"}, kind="tokens", segmented=False,
)
# PERSONTYPE is close to TITLE but wider (occupations): it does not block silver TITLE.
VLSP2021 = SourceSpec(
    "vlsp2021",
    {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "ORGANIZATION", "DATETIME": "DATE"},
    frozenset({"DATETIME", "QUANTITY", "PRODUCT", "EVENT", "MISCELLANEOUS", "SKILL", "ADDRESS", "URL",
               "PHONENUMBER", "IP", "EMAIL"}),
    {"train": "ner/vlsp2021/dev.jsonl.xz"}, kind="tokens", segmented=False, type_words=True, date_filter=True,
)
CORPUS = SourceSpec("corpus", {}, frozenset(), {"train": "corpora/news_vi.jsonl.xz"}, kind="corpus")

SOURCES: dict[str, SourceSpec] = {s.name: s for s in (VLSP2016, VLSP2018, PHONER, VLSP2021, CORPUS)}


def check_not_test(path: str | os.PathLike, root: str | os.PathLike | None = None) -> Path:
    """``path`` as a Path; VnPartnerError E601 when it names a test split.

    The part of the path below ``root`` (the shared data folder), or the file name when
    no root is given, must not contain ``test`` (any case): test splits are only for the
    final evaluation and never enter training or dev data.
    """
    path = Path(path)
    part = path.name
    if root is not None:
        try:
            part = path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            part = path.name
    if "test" in part.lower():
        raise VnPartnerError("E601", f"refusing to read {path}: it is a test split. Test splits are only "
                             "for final evaluation, never for training or dev data.")
    return path


def make_id(source: str, split: str, source_id: str) -> str:
    """The document id that records its origin: ``vlsp2016/train/49:1``."""
    return f"{source}/{split}/{source_id}"


def source_of(doc_id: str) -> tuple[str, str, str]:
    """``(source, split, source id)`` of an id made by :func:`make_id`."""
    parts = doc_id.split("/", 2)
    if len(parts) != 3:
        raise VnPartnerError("E602", f"document id {doc_id!r} does not say its source; expected "
                             "'<source>/<split>/<source id>'.")
    return parts[0], parts[1], parts[2]


def load_source(spec: SourceSpec, path: str | os.PathLike, *, root: str | os.PathLike | None = None) -> list[Document]:
    """Read a gold source file with its own labels (no mapping yet), refusing test splits."""
    path = check_not_test(path, root)
    if spec.kind == "tokens":
        return read_token_file(path, segmented=spec.segmented)
    if spec.kind == "offsets":
        return read_vlsp2018(path, depth=0)
    raise VnPartnerError("E603", f"source {spec.name!r} is not a gold NER source.")


def apply_spec(doc: Document, spec: SourceSpec, *, stats: dict[str, int] | None = None
               ) -> tuple[Document, list[tuple[int, int]]]:
    """Map ``doc``'s source labels to ours and bridge the conventions, in place.

    Returns the document (entities renamed, others dropped, ids renumbered) and the
    ``blocked`` spans (spans of ``spec.blocking`` labels and dates the filter dropped).
    ``stats`` (when given) counts ``dropped_<label>``, ``dates_dropped``, ``dates_trimmed``
    and ``type_words``.
    """
    stats = {} if stats is None else stats
    kept, blocked = [], []
    for ent in doc.entities:
        ours = spec.label_map.get(ent.label)
        if ours is None:
            stats[f"dropped_{ent.label}"] = stats.get(f"dropped_{ent.label}", 0) + 1
            if ent.label in spec.blocking:
                blocked.append((ent.start, ent.end))
            continue
        if ours == "DATE" and spec.date_filter:
            span = bridge_date(doc.text, ent.start, ent.end)
            if span is None:
                stats["dates_dropped"] = stats.get("dates_dropped", 0) + 1
                blocked.append((ent.start, ent.end))
                continue
        elif ours == "DATE":
            span = trim_date_context(doc.text, ent.start, ent.end)
            if span[0] >= span[1]:
                span = (ent.start, ent.end)
        if ours == "DATE" and span != (ent.start, ent.end):
            stats["dates_trimmed"] = stats.get("dates_trimmed", 0) + 1
            ent.start, ent.end = span
        ent.label = ours
        ent.text = doc.text[ent.start:ent.end]
        kept.append(ent)
    doc.entities = kept
    if spec.type_words:
        n = extend_type_words(doc, blocked=blocked)
        if n:
            stats["type_words"] = stats.get("type_words", 0) + n
    doc.sort_entities()
    return doc, blocked


def doc_name(source_id: str) -> str:
    """The source document of a sentence/paragraph id (``104682:7`` → ``104682``)."""
    return source_id.split(":", 1)[0]


def iter_gold(spec: SourceSpec, docs: Iterable[Document], split: str):
    """``(document with our id, blocked spans, stats)`` for the kept documents of a source."""
    for doc in docs:
        if doc_name(doc.id) in spec.drop_docs:
            continue
        stats: dict[str, int] = {}
        source_id = doc.id
        doc, blocked = apply_spec(doc, spec, stats=stats)
        doc.id = make_id(spec.name, split, source_id)
        yield doc, blocked, stats
