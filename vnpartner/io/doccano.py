"""Import Doccano sequence-labelling exports (JSONL, one document per line).

Two shapes are read:

- old: ``{"text", "label": [[start, end, "LABEL"], ...]}`` (also under ``"labels"``);
- new: ``{"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
  "relations": [{"from_id", "to_id", "type"}]}``.

Offsets are code points into ``text``; a non-NFC text is normalised and remapped.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..errors import AnnotationError
from ..schema import Document
from ._files import iter_records
from .offsets import LabelMap, Link, Span, document_from_spans


def from_doccano(record: Mapping[str, Any], *, label_map: LabelMap | None = None) -> Document:
    """Build a Document from one Doccano record (old or new export shape).

    Entities get ids ``T1``.. in text order and relations follow them. ``label_map``
    renames entity labels (``None`` drops an entity and its relations). Raises
    AnnotationError for a missing text, bad offsets or relations to unknown entities.
    """
    if not isinstance(record, Mapping):
        raise AnnotationError("E115", f"expected a JSON object, got {type(record).__name__}.")
    text = record.get("text", record.get("data"))
    if not isinstance(text, str):
        raise AnnotationError("E103", "Doccano record has no string field 'text'.")
    if "entities" in record:
        spans, links = _new_entities(record["entities"]), _relations(record.get("relations") or [])
    else:
        spans, links = _old_labels(record.get("label", record.get("labels")) or []), []
    doc_id = "" if record.get("id") is None else str(record["id"])
    return document_from_spans(text, spans, links, id=doc_id, label_map=label_map)


def _new_entities(raws: Any) -> list[Span]:
    if not isinstance(raws, list) or not all(isinstance(r, Mapping) for r in raws):
        raise AnnotationError("E115", "'entities' must be a list of objects with "
                              "'id', 'start_offset', 'end_offset' and 'label'.")
    return [(r.get("id", f"#{i}"), r.get("start_offset"), r.get("end_offset"), r.get("label"))
            for i, r in enumerate(raws, 1)]


def _old_labels(raws: Any) -> list[Span]:
    if not isinstance(raws, list) or not all(isinstance(r, (list, tuple)) and len(r) == 3 for r in raws):
        raise AnnotationError("E115", "'label' must be a list of [start, end, label] triples.")
    return [(f"#{i}", s, e, lab) for i, (s, e, lab) in enumerate(raws, 1)]


def _relations(raws: Any) -> list[Link]:
    if not isinstance(raws, list) or not all(isinstance(r, Mapping) for r in raws):
        raise AnnotationError("E115", "'relations' must be a list of objects with "
                              "'from_id', 'to_id' and 'type'.")
    return [(r.get("from_id"), r.get("to_id"), r.get("type", "")) for r in raws]


def read_doccano(path: str | os.PathLike, *, label_map: LabelMap | None = None) -> list[Document]:
    """Read a Doccano JSONL export (plain, ``.xz`` or ``.gz``) with :func:`from_doccano`."""
    return list(iter_records(path, lambda data, _: from_doccano(data, label_map=label_map)))
