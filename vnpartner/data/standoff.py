"""Stand-off gold records of corpus documents: offsets and labels, never the corpus text.

The team's in-domain gold set (``data/gold/*.jsonl``) annotates articles of the shared news
corpus. A stand-off record is a schema-v1 document without its text: entity offsets and
labels, relations, partnership records, and a SHA-1 of the NFC text so that a changed
corpus is caught. Strings that would quote the article (person names, titles, party
names) are stored as ``{"at": [start, end]}`` and restored from the text on load.

``to_standoff(doc)`` / ``from_standoff(record, text)`` convert one document;
``load_gold(path, corpus)`` reads a split and joins it with the corpus;
``problems(doc)`` lists what breaks the rules of ANNOTATION.md beyond what the JSONL
reader already checks (relation argument types, normalised values, overlapping spans).
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import AnnotationError, VnPartnerError
from ..io.jsonl import parse_record
from ..schema import INSTRUMENTS, PARTY_KINDS, RELATION_ARGUMENTS, SECTOR_CODES, Document

__all__ = ["corpus_texts", "from_standoff", "load_annotated", "load_gold", "problems", "to_standoff"]

GRANULARITIES = ("day", "month", "year", "range")
ADMIN_LEVELS = ("country", "province", "city", "other")
# (where in the record, key) of the strings that quote the article.
_QUOTED_KEYS = {"entity": ("title", "affiliation"), "location": ("name",), "party": ("name",),
                "person": ("name", "title")}


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _quote(value: Any, text: str) -> Any:
    if isinstance(value, str) and value:
        at = text.find(value)
        if at >= 0:
            return {"at": [at, at + len(value)]}
    return value


def _unquote(value: Any, text: str) -> Any:
    if isinstance(value, dict) and set(value) == {"at"}:
        start, end = value["at"]
        return text[start:end]
    return value


def _map_quoted(data: dict, text: str, fn) -> dict:
    for ent in data.get("entities", []):
        norm = ent.get("normalized") or {}
        keys = _QUOTED_KEYS["location"] if ent.get("label") == "LOCATION" else _QUOTED_KEYS["entity"]
        for key in keys:
            if key in norm:
                norm[key] = fn(norm[key], text)
    for record in data.get("partnerships", []):
        for party in record.get("parties", []):
            for key in _QUOTED_KEYS["party"]:
                party[key] = fn(party.get(key), text)
        for person in record.get("people", []):
            for key in _QUOTED_KEYS["person"]:
                person[key] = fn(person.get(key), text)
    return data


def to_standoff(doc: Document) -> dict:
    """The stand-off record of an annotated document (no text, no quoted strings)."""
    data = json.loads(doc.to_json())
    data = _map_quoted(data, doc.text, _quote)
    for ent in data["entities"]:
        ent.pop("text", None)
    data.pop("text")
    return {"id": data.pop("id"), "sha1": text_sha1(doc.text), **data}


def from_standoff(record: dict, text: str) -> Document:
    """Join a stand-off record with its document's text and validate the result."""
    text = unicodedata.normalize("NFC", text)
    if record.get("sha1") and record["sha1"] != text_sha1(text):
        raise AnnotationError("E116", f"document {record.get('id')!r}: the corpus text has changed "
                                      "since it was annotated (SHA-1 differs).")
    data = json.loads(json.dumps(record))
    data.pop("sha1", None)
    data["text"] = text
    data = _map_quoted(data, text, _unquote)
    return parse_record(data)


def corpus_texts(corpus: str | os.PathLike, ids: Iterable[str]) -> dict[str, str]:
    """The NFC texts of the corpus documents ``ids`` (stops reading once all are found)."""
    wanted = set(ids)
    found: dict[str, str] = {}
    if not Path(corpus).is_file():
        raise VnPartnerError("E101", f"corpus file not found: {corpus}.")
    with lzma.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(found) == len(wanted):
                break
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = unicodedata.normalize("NFC", record["text"])
    missing = wanted - set(found)
    if missing:
        raise VnPartnerError("E101", f"{len(missing)} annotated documents are not in {corpus}: "
                                     f"{sorted(missing)[:5]}.")
    return found


def load_gold(path: str | os.PathLike, corpus: str | os.PathLike) -> list[Document]:
    """The documents of a stand-off gold file, their texts read from ``corpus``."""
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = corpus_texts(corpus, (record["id"] for record in records))
    return [from_standoff(record, texts[record["id"]]) for record in records]


def load_annotated(path: str | os.PathLike, corpus: str | os.PathLike | None = None,
                   fmt: str = "auto") -> list[Document]:
    """Annotated documents of a file: stand-off records joined with their text from ``corpus``
    when one is given, else a file in an annotation format ``vnpartner.io`` reads."""
    if corpus:
        return load_gold(path, corpus)
    from ..io import load_documents

    return load_documents(path, fmt)


def problems(doc: Document) -> list[str]:
    """Rule breaks of ANNOTATION.md that the JSONL reader does not catch, one line each."""
    found: list[str] = []
    ents = sorted(doc.entities, key=lambda e: (e.start, e.end))
    for left, right in zip(ents, ents[1:]):
        if right.start < left.end:
            found.append(f"overlapping spans {left.id} {doc.text[left.start:left.end]!r} and "
                         f"{right.id} {doc.text[right.start:right.end]!r}: keep the outer one")
    for ent in doc.entities:
        found.extend(f"{ent.id} {doc.text[ent.start:ent.end]!r}: {p}" for p in _normalized_problems(ent))
        if doc.text[ent.start:ent.end] != doc.text[ent.start:ent.end].strip():
            found.append(f"{ent.id}: span starts or ends with a space")
    by_id = {ent.id: ent for ent in doc.entities}
    for rel in doc.relations:
        heads, tails = RELATION_ARGUMENTS[rel.label]
        head, tail = by_id[rel.head], by_id[rel.tail]
        if head.label not in heads or tail.label not in tails:
            found.append(f"relation {rel.label} {rel.head}->{rel.tail}: {head.label} -> {tail.label} "
                         f"is not allowed")
    for n, record in enumerate(doc.partnerships, 1):
        found.extend(f"partnership {n}: {p}" for p in _partnership_problems(record, len(doc.text)))
    return found


def _normalized_problems(ent) -> list[str]:
    norm = ent.normalized
    if norm is None:
        return ["missing normalized value"] if ent.label in ("DATE", "LOCATION", "SECTOR") else []
    if ent.label == "DATE":
        if not isinstance(norm.get("value"), str) or norm.get("granularity") not in GRANULARITIES:
            return ['DATE needs {"value": str, "granularity": day|month|year|range}']
    elif ent.label == "LOCATION":
        if not norm.get("name") or norm.get("admin") not in ADMIN_LEVELS or "country" not in norm:
            return ['LOCATION needs {"name", "country": ISO2 or null, "admin": country|province|city|other}']
    elif ent.label == "SECTOR":
        if norm.get("code") not in SECTOR_CODES:
            return [f"unknown sector code {norm.get('code')!r}"]
    return []


def _partnership_problems(record, text_length: int) -> list[str]:
    found = []
    if len(record.parties) < 2:
        found.append("a record needs at least two parties")
    found.extend(f"party {p.name!r}: kind {p.kind!r} is not one of {PARTY_KINDS}"
                 for p in record.parties if p.kind not in PARTY_KINDS)
    found.extend(f"unknown sector code {code!r}" for code in record.sectors if code not in SECTOR_CODES)
    if record.instrument is not None and record.instrument not in INSTRUMENTS:
        found.append(f"unknown instrument {record.instrument!r}")
    found.extend(f"evidence {span} is outside the text" for span in record.evidence
                 if not (0 <= span[0] < span[1] <= text_length))
    return found
