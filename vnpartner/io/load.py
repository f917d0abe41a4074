"""``load_documents``: one entry point for every annotation format ``vnpartner.io`` reads."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from ..errors import VnPartnerError
from ..schema import Document
from ._files import base_suffix, check_exists, first_chars, iter_lines
from .doccano import read_doccano
from .jsonl import read_jsonl
from .labelstudio import read_labelstudio
from .offsets import read_vlsp2018
from .tokens import read_token_file

READERS: dict[str, Callable[..., list[Document]]] = {
    "jsonl": read_jsonl,
    "tokens": read_token_file,
    "conll": read_token_file,
    "vlsp2018": read_vlsp2018,
    "doccano": read_doccano,
    "labelstudio": read_labelstudio,
}
_SNIFF_LINES = 50


def load_documents(path: str | os.PathLike, format: str = "auto", **options: Any) -> list[Document]:
    """Read the documents of an annotation file in any supported format.

    ``format`` is one of ``"jsonl"``, ``"tokens"``, ``"conll"``, ``"vlsp2018"``,
    ``"doccano"``, ``"labelstudio"`` or ``"auto"`` (detect from the extension and the
    keys of the first records). ``options`` go to the reader (``labels=``,
    ``label_map=``, ``segmented=``, ``depth=``, ``data_key=``).
    """
    if format != "auto" and format not in READERS:
        raise VnPartnerError("E112", f"Unknown format {format!r}. Use one of: auto, {', '.join(READERS)}.")
    path = check_exists(path)
    name = detect_format(path) if format == "auto" else format
    return READERS[name](path, **options)


def detect_format(path: str | os.PathLike) -> str:
    """The format name of ``path``, from its extension and the keys of its first records."""
    path = check_exists(path)
    first = first_chars(path)
    if base_suffix(path) == ".json" or first == "[":
        return "labelstudio"
    if first != "{":
        return "conll"
    for lineno, line in iter_lines(path):
        if lineno > _SNIFF_LINES:
            break
        name = _format_of_record(_try_json(line))
        if name:
            return name
    return "jsonl"


def _try_json(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def _format_of_record(record: Any) -> str | None:
    """The format a decoded record reveals, or None when it could be several."""
    if not isinstance(record, dict):
        return None
    if "tokens" in record:
        return "tokens"
    if isinstance(record.get("label"), list) or _has_key(record, "entities", "start_offset") \
            or _has_key(record, "relations", "from_id"):
        return "doccano"
    if "domain" in record or _has_key(record, "entities", "depth"):
        return "vlsp2018"
    if "published" in record or "partnerships" in record or _has_key(record, "entities", "start"):
        return "jsonl"
    return None


def _has_key(record: dict, field: str, key: str) -> bool:
    items = record.get(field)
    return isinstance(items, list) and any(isinstance(i, dict) and key in i for i in items)
