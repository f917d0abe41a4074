"""Character-offset records (the VLSP 2018 form) and NFC offset remapping.

A record is ``{"id", "text", "entities": [{"start", "end", "label", "depth"}]}`` with
code-point offsets into ``text`` as given, which may not be NFC. The document keeps the
NFC text and every offset is moved through a character map so that a span covers the
same characters as before.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import AnnotationError
from ..schema import Document, Relation
from ._files import iter_records

LabelMap = Mapping[str, "str | None"]
Span = tuple[Any, Any, Any, Any]  # (key, start, end, label)
Link = tuple[Any, Any, Any]  # (head key, tail key, label)


def nfc_offset_map(text: str) -> tuple[str, list[int], list[int]]:
    """NFC-normalise ``text`` and map its offsets.

    Returns ``(nfc_text, starts, ends)``; both lists have ``len(text) + 1`` items.
    ``starts[i]``/``ends[i]`` is where offset ``i`` of ``text`` lands in ``nfc_text`` when
    used as a span start/end. An offset inside a character sequence that NFC merges
    (a letter and its combining marks) moves back to the sequence start for a start,
    forward to its end for an end, so a span never loses part of a character.
    """
    if unicodedata.is_normalized("NFC", text):
        identity = list(range(len(text) + 1))
        return text, identity, identity.copy()
    pieces, starts, ends = [], [0] * (len(text) + 1), [0] * (len(text) + 1)
    new = 0
    for a, b in _segments(text):
        piece = unicodedata.normalize("NFC", text[a:b])
        for i in range(a, b):
            starts[i], ends[i] = new, new + len(piece)
        ends[a] = new
        pieces.append(piece)
        new += len(piece)
    starts[len(text)] = ends[len(text)] = new
    return "".join(pieces), starts, ends


def _segments(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into runs that NFC normalises independently (starter + marks)."""
    bounds = [i for i, ch in enumerate(text) if i == 0 or unicodedata.combining(ch) == 0]
    bounds.append(len(text))
    segments: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:]):
        if segments and _composes_across(text, segments[-1], (a, b)):
            segments[-1] = (segments[-1][0], b)
        else:
            segments.append((a, b))
    return segments


def _composes_across(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether NFC joins the two runs (rare starter pairs such as Hangul jamo)."""
    first, second = text[left[0]:left[1]], text[right[0]:right[1]]
    if first.isascii() and second.isascii():
        return False
    nfc = unicodedata.normalize
    return nfc("NFC", first + second) != nfc("NFC", first) + nfc("NFC", second)


def from_char_offsets(record: Mapping[str, Any], *, depth: int | None = 0,
                      label_map: LabelMap | None = None) -> Document:
    """Build a Document from a VLSP 2018 style record.

    Keeps the entities whose ``depth`` (default 0 when absent) equals ``depth``; ``None``
    keeps all depths. The text is NFC-normalised and the offsets remapped with
    :func:`nfc_offset_map`. ``label_map`` renames labels; a label mapped to ``None`` is dropped.
    Raises AnnotationError for a missing text or bad offsets.
    """
    if not isinstance(record, Mapping):
        raise AnnotationError("E111", f"expected a JSON object, got {type(record).__name__}.")
    text = record.get("text")
    if not isinstance(text, str):
        raise AnnotationError("E103", "record has no string field 'text'.")
    spans = []
    for i, raw in enumerate(record.get("entities") or [], 1):
        if not isinstance(raw, Mapping):
            raise AnnotationError("E111", f"entity #{i} is not a JSON object.")
        if depth is None or raw.get("depth", 0) == depth:
            spans.append((f"#{i}", raw.get("start"), raw.get("end"), raw.get("label")))
    return document_from_spans(text, spans, id=str(record.get("id") or ""), label_map=label_map)


def document_from_spans(text: str, spans: Iterable[Span], relations: Iterable[Link] = (), *,
                        id: str = "", label_map: LabelMap | None = None) -> Document:
    """Build a Document from a possibly non-NFC text and spans given as offsets into it.

    ``spans`` are ``(key, start, end, label)`` and ``relations`` ``(head key, tail key,
    label)``; keys are the source tool's entity ids. The text is NFC-normalised and the
    offsets remapped (:func:`nfc_offset_map`); entities get ids ``T1``.. in text order.
    A label mapped to ``None`` drops the entity and its relations. Raises AnnotationError
    for bad offsets, duplicate keys and relations to unknown keys.
    """
    nfc_text, starts, ends = nfc_offset_map(text)
    doc = Document(text=nfc_text, id=id)
    keys: dict[str, str | None] = {}
    for key, start, end, label in spans:
        key, where = str(key), f"entity {key}"
        start, end = check_span(start, end, text, where)
        if not isinstance(label, str) or not label:
            raise AnnotationError("E111", f"{where} [{start}:{end}]: missing label.")
        if key in keys:
            raise AnnotationError("E110", f"{where} [{start}:{end}]: duplicate entity id {key!r}.")
        label = map_label(label, label_map)
        keys[key] = None if label is None else doc.add_entity(starts[start], ends[end], label).id
    for head, tail, label in relations:
        ids = [_entity_id(keys, str(k), label) for k in (head, tail)]
        if None not in ids:
            doc.relations.append(Relation(ids[0], ids[1], str(label)))
    doc.sort_entities()
    return doc


def _entity_id(keys: Mapping[str, str | None], key: str, label: object) -> str | None:
    if key not in keys:
        raise AnnotationError("E109", f"relation {label!r} points at entity id {key!r}, which this "
                              "document does not have.")
    return keys[key]


def check_span(start: Any, end: Any, text: str, where: str) -> tuple[int, int]:
    """``(start, end)`` if they are ints with ``0 <= start < end <= len(text)``, else AnnotationError."""
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise AnnotationError("E105", f"{where} [{start!r}:{end!r}]: start and end must be integers.")
    if not 0 <= start < end <= len(text):
        raise AnnotationError("E106", f"{where} [{start}:{end}]: offsets out of range; need "
                              f"0 <= start < end <= {len(text)} (the text length).")
    return start, end


def map_label(label: Any, label_map: LabelMap | None) -> str | None:
    """``label`` renamed through ``label_map`` (unchanged when absent; ``None`` drops it)."""
    if not isinstance(label, str) or not label:
        raise AnnotationError("E111", f"entity label must be a non-empty string, got {label!r}.")
    if label_map is not None and label in label_map:
        return label_map[label]
    return label


def read_vlsp2018(path: str | os.PathLike, *, depth: int | None = 0,
                  label_map: LabelMap | None = None) -> list[Document]:
    """Read a JSONL file of VLSP 2018 style records with :func:`from_char_offsets`."""
    def build(data: Any, _lineno: int) -> Document:
        return from_char_offsets(data, depth=depth, label_map=label_map)

    return list(iter_records(path, build))
