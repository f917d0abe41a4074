"""Import Label Studio JSON exports (a list of tasks) for span + relation projects.

A task is ``{"id", "data": {"text": ...}, "annotations": [{"result": [...]}]}``. Span
results carry ``value: {"start", "end", "text", "labels": [...]}``, relation results
``{"type": "relation", "from_id", "to_id", "labels": [...]}``. The first annotation that
was not cancelled is used.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from ..errors import AnnotationError, VnPartnerError
from ..schema import Document
from ._files import message_of, open_text
from .offsets import LabelMap, Link, Span, document_from_spans


def from_labelstudio(task: Mapping[str, Any], *, data_key: str = "text",
                     label_map: LabelMap | None = None) -> Document:
    """Build a Document from one Label Studio task.

    The text is ``task["data"][data_key]``. Spans get one entity per label, relations one
    relation per label (``""`` when unlabelled; a ``"left"`` relation is turned around).
    Offsets that Label Studio counted in UTF-16 units (text with emoji) are converted
    when that is what makes the span match its ``text``.
    """
    data = task.get("data") if isinstance(task, Mapping) else None
    text = data.get(data_key) if isinstance(data, Mapping) else None
    if not isinstance(text, str):
        raise AnnotationError("E103", f"task has no string field data[{data_key!r}]; pass data_key= "
                              "to name the field that holds the text.")
    spans: list[Span] = []
    links: list[Link] = []
    for result in _first_annotation(task):
        if not isinstance(result, Mapping):
            raise AnnotationError("E115", "each annotation result must be a JSON object.")
        if result.get("type") == "relation":
            links.extend(_relation(result))
        elif isinstance(result.get("value"), Mapping) and "start" in result["value"]:
            spans.extend(_spans(result, text))
    doc_id = "" if task.get("id") is None else str(task["id"])
    return document_from_spans(text, spans, links, id=doc_id, label_map=label_map)


def _first_annotation(task: Mapping[str, Any]) -> list:
    annotations = task.get("annotations", task.get("completions")) or []
    for annotation in annotations:
        if isinstance(annotation, Mapping) and not annotation.get("was_cancelled"):
            result = annotation.get("result") or []
            if not isinstance(result, list):
                raise AnnotationError("E115", "an annotation's 'result' must be a list.")
            return result
    return []


def _spans(result: Mapping[str, Any], text: str) -> list[Span]:
    value = result["value"]
    labels = value.get(result.get("type")) or value.get("labels") or []
    start, end = _code_points(text, value.get("start"), value.get("end"), value.get("text"), result.get("id"))
    key = result.get("id")
    return [(key if i == 0 else f"{key}#{i}", start, end, label) for i, label in enumerate(labels)]


def _relation(result: Mapping[str, Any]) -> list[Link]:
    head, tail = result.get("from_id"), result.get("to_id")
    if result.get("direction") == "left":
        head, tail = tail, head
    return [(head, tail, label) for label in (result.get("labels") or [""])]


def _code_points(text: str, start: Any, end: Any, surface: Any, key: Any) -> tuple[Any, Any]:
    """``(start, end)`` as code points, converting from UTF-16 units if that matches ``surface``."""
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(surface, str):
        return start, end
    if not 0 <= start < end <= len(text) or text[start:end] == surface:
        return start, end
    converted = utf16_to_code_point(text, start), utf16_to_code_point(text, end)
    if text[converted[0]:converted[1]] == surface:
        return converted
    raise AnnotationError("E107", f"entity {key} [{start}:{end}]: entity text {surface!r} differs from "
                          f"text[{start}:{end}] {text[start:end]!r}. Re-export the task from Label Studio.")


def utf16_to_code_point(text: str, units: int) -> int:
    """The code-point offset in ``text`` of an offset counted in UTF-16 code units."""
    count = 0
    for i, ch in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def read_labelstudio(path: str | os.PathLike, *, data_key: str = "text",
                     label_map: LabelMap | None = None) -> list[Document]:
    """Read a Label Studio JSON export (a list of tasks, or one task) with :func:`from_labelstudio`.

    Errors name the file and the 1-based task number.
    """
    tasks = _load_tasks(path)
    docs = []
    for n, task in enumerate(tasks, 1):
        try:
            docs.append(from_labelstudio(task, data_key=data_key, label_map=label_map))
        except VnPartnerError as err:
            task_id = task.get("id") if isinstance(task, Mapping) else None
            raise AnnotationError(err.code, f"{path}, task {n} (id {task_id}): {message_of(err)}") from None
    return docs


def _load_tasks(path: str | os.PathLike) -> list:
    with open_text(path) as handle:
        try:
            tasks = json.load(handle)
        except json.JSONDecodeError as err:
            raise AnnotationError("E102", f"{path}, line {err.lineno}: invalid JSON ({err.msg}). "
                                  "Export the project from Label Studio as JSON.") from None
    if isinstance(tasks, Mapping):
        return [tasks]
    if not isinstance(tasks, list):
        raise AnnotationError("E115", f"{path}: expected a JSON list of tasks.")
    return tasks
