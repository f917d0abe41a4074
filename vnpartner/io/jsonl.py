"""Read and write the schema v1 JSON Lines format (ANNOTATION.md, "Files").

One document per line: ``{"id", "text", "published", "entities", "relations",
"partnerships"}``. Readers validate every line and name the file, the line and the span
of the first problem; writers replace the target file atomically.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ..errors import AnnotationError, VnPartnerError
from ..schema import Document, Entity, Partnership, Relation
from ._files import iter_records, located, write_lines


def iter_jsonl(path: str | os.PathLike, *, labels: Collection[str] | None = None,
               skip_failures: bool = False) -> Iterator[Document]:
    """Yield the documents of a JSONL file (plain, ``.xz`` or ``.gz``), validating each line.

    ``labels``, when given, is the set of allowed entity labels. Raises AnnotationError
    naming the file, the 1-based line and the offending entity on the first bad record.
    Blank lines are skipped, and with ``skip_failures`` so are the ``{"id", "error"}`` lines
    a batch job writes for documents it could not read.
    """
    records = iter_records(path, lambda data, _: None if skip_failures and _is_failure(data)
                           else parse_record(data, labels=labels))
    return (doc for doc in records if doc is not None)


def _is_failure(data: Any) -> bool:
    return isinstance(data, dict) and "error" in data and "text" not in data


def read_jsonl(path: str | os.PathLike, *, labels: Collection[str] | None = None,
               skip_failures: bool = False) -> list[Document]:
    """All documents of a JSONL file, validated as in :func:`iter_jsonl`."""
    return list(iter_jsonl(path, labels=labels, skip_failures=skip_failures))


def write_jsonl(docs: Iterable[Document], path: str | os.PathLike) -> None:
    """Write ``docs`` one per line to ``path`` (compressed for ``.xz``/``.gz``).

    The file is written to a temp file in the same folder and moved into place with
    ``os.replace``, so a crash leaves the old file, never a half-written one. Each
    document is validated first (AnnotationError naming its 1-based position and id);
    empty entity ``text`` fields are filled from the document text.
    """
    write_lines((_dump(doc, n) for n, doc in enumerate(docs, 1)), path)


def _dump(doc: Document, position: int) -> str:
    data = doc.to_dict()
    for ent in data["entities"]:
        if not ent.get("text") and isinstance(ent.get("start"), int) and isinstance(ent.get("end"), int):
            ent["text"] = doc.text[ent["start"]:ent["end"]]
    try:
        parse_record(data)
    except VnPartnerError as err:
        raise located(err, f"document {position} (id {doc.id!r})", None) from None
    return json.dumps(data, ensure_ascii=False)


def parse_record(data: Any, *, labels: Collection[str] | None = None) -> Document:
    """Validate one decoded JSONL record and build its Document.

    Raises AnnotationError (without file or line; the readers add them) when the record
    breaks the schema. Entities without ``text`` get it from the document, entities
    without ``id`` get the next free ``T<n>``.
    """
    if not isinstance(data, dict):
        raise AnnotationError("E111", f"expected a JSON object, got {type(data).__name__}.")
    text = _text_of(data)
    entities = _entities(data.get("entities") or [], text, labels)
    relations = _relations(data.get("relations") or [], {e.id for e in entities})
    return Document(
        text=text, id="" if data.get("id") is None else str(data["id"]), published=data.get("published"),
        entities=entities, relations=relations, partnerships=_partnerships(data.get("partnerships") or []),
    )


def _text_of(data: dict) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        raise AnnotationError("E103", "record has no string field 'text'. Every document needs its text.")
    if not unicodedata.is_normalized("NFC", text):
        raise AnnotationError("E104", "text is not NFC-normalised. NFC-normalise it "
                              "(unicodedata.normalize('NFC', text)) and re-annotate, or import it with "
                              "vnpartner.io.from_char_offsets, which remaps the offsets.")
    return text


def _describe(raw: dict, index: int) -> str:
    has_id = raw.get("id") is not None and raw.get("id") != ""
    name = f"entity {raw['id']}" if has_id else f"entity #{index} (no id)"
    return f"{name} [{raw.get('start')!r}:{raw.get('end')!r}]"


def _entities(raws: Any, text: str, labels: Collection[str] | None) -> list[Entity]:
    if not isinstance(raws, list):
        raise AnnotationError("E111", "'entities' must be a list of objects.")
    entities = [_entity(raw, i, text, labels) for i, raw in enumerate(raws, 1)]
    _check_unique_ids(entities)
    _fill_ids(entities)
    return entities


def _entity(raw: Any, index: int, text: str, labels: Collection[str] | None) -> Entity:
    if not isinstance(raw, dict):
        raise AnnotationError("E111", f"entity #{index} is not a JSON object.")
    where = _describe(raw, index)
    start, end = raw.get("start"), raw.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise AnnotationError("E105", f"{where}: start and end must be integers (code-point offsets).")
    if not 0 <= start < end <= len(text):
        raise AnnotationError("E106", f"{where}: offsets out of range; need 0 <= start < end <= {len(text)} "
                              "(the text length).")
    surface = text[start:end]
    given = raw.get("text")
    if given not in (None, "") and given != surface:
        raise AnnotationError("E107", f"{where}: entity text {given!r} differs from text[{start}:{end}] "
                              f"{surface!r}. Fix the offsets or the entity text.")
    label = raw.get("label")
    if not isinstance(label, str) or not label:
        raise AnnotationError("E111", f"{where}: missing 'label'.")
    if labels is not None and label not in labels:
        allowed = ", ".join(sorted(labels))
        raise AnnotationError("E108", f"{where}: unknown label {label!r}; allowed: {allowed}.")
    ent_id = "" if raw.get("id") is None else str(raw["id"])
    return Entity(start, end, label, surface, ent_id, raw.get("normalized"))


def _check_unique_ids(entities: list[Entity]) -> None:
    seen: set[str] = set()
    for ent in entities:
        if ent.id and ent.id in seen:
            raise AnnotationError("E110", f"entity {ent.id} [{ent.start}:{ent.end}]: duplicate entity id "
                                  f"{ent.id!r}. Give every entity of a document its own id.")
        seen.add(ent.id)


def _fill_ids(entities: list[Entity]) -> None:
    used = {e.id for e in entities if e.id}
    n = 0
    for ent in entities:
        if ent.id:
            continue
        n += 1
        while f"T{n}" in used:
            n += 1
        ent.id = f"T{n}"


def _relations(raws: Any, ids: set[str]) -> list[Relation]:
    if not isinstance(raws, list):
        raise AnnotationError("E111", "'relations' must be a list of objects.")
    return [_relation(raw, i, ids) for i, raw in enumerate(raws, 1)]


def _relation(raw: Any, index: int, ids: set[str]) -> Relation:
    if not isinstance(raw, dict) or not all(k in raw for k in ("head", "tail", "label")):
        raise AnnotationError("E111", f"relation #{index} needs the keys 'head', 'tail' and 'label'.")
    rel = Relation.from_dict(raw)
    for end in ("head", "tail"):
        target = getattr(rel, end)
        if target not in ids:
            raise AnnotationError("E109", f"relation #{index} ({rel.label}): {end} points at entity id "
                                  f"{target!r}, which this document does not have.")
    return rel


def _partnerships(raws: Any) -> list[Partnership]:
    try:
        return [Partnership.from_dict(p) for p in raws]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise AnnotationError("E111", f"malformed 'partnerships' ({type(err).__name__}: {err}).") from None
