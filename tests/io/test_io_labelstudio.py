"""Label Studio JSON exports: spans, relations, cancelled annotations, UTF-16 offsets."""

from __future__ import annotations

import json

import pytest

from vnpartner.errors import AnnotationError
from vnpartner.io import from_labelstudio, read_labelstudio

TEXT = "Bộ trưởng Phạm Minh Tâm gặp Đại sứ Lào."


def span(rid: str, surface: str, label: str, text: str = TEXT, shift: int = 0) -> dict:
    start = text.index(surface) + shift
    return {"id": rid, "type": "labels", "from_name": "label", "to_name": "text",
            "value": {"start": start, "end": start + len(surface), "text": surface, "labels": [label]}}


def task(results: list, **extra) -> dict:
    return {"id": 3, "data": {"text": TEXT}, "annotations": [{"was_cancelled": False, "result": results}], **extra}


def test_spans_and_relations(surfaces):
    results = [span("b", "Phạm Minh Tâm", "PERSON"), span("a", "Bộ trưởng", "TITLE"),
               {"type": "relation", "from_id": "b", "to_id": "a", "direction": "right", "labels": ["HAS_TITLE"]},
               {"type": "relation", "from_id": "a", "to_id": "b", "direction": "left", "labels": []}]
    doc = from_labelstudio(task(results))
    assert doc.id == "3"
    assert surfaces(doc) == [("Bộ trưởng", "TITLE"), ("Phạm Minh Tâm", "PERSON")]
    assert [r.to_dict() for r in doc.relations] == [{"head": "T2", "tail": "T1", "label": "HAS_TITLE"},
                                                    {"head": "T2", "tail": "T1", "label": ""}]


def test_first_non_cancelled_annotation_and_data_key(surfaces):
    record = {"id": 1, "data": {"body": TEXT}, "annotations": [
        {"was_cancelled": True, "result": [span("x", "Lào", "LOCATION")]},
        {"result": [span("y", "Đại sứ", "TITLE")]}]}
    doc = from_labelstudio(record, data_key="body")
    assert surfaces(doc) == [("Đại sứ", "TITLE")]
    with pytest.raises(AnnotationError, match="data\\['text'\\]"):
        from_labelstudio(record)


def test_utf16_offsets_are_converted(surfaces):
    text = "🇻🇳 Đà Nẵng hợp tác với Viêng Chăn."
    extra = len(text.encode("utf-16-le")) // 2 - len(text)
    result = span("a", "Đà Nẵng", "LOCATION", text, extra)
    record = {"data": {"text": text}, "annotations": [{"result": [result]}]}
    assert surfaces(from_labelstudio(record)) == [("Đà Nẵng", "LOCATION")]


def test_read_file_and_mismatch_error(tmp_path, surfaces):
    path = tmp_path / "export.json"
    bad = span("z", "Lào", "LOCATION")
    bad["value"]["text"] = "Việt Nam"
    path.write_text(json.dumps([task([span("a", "Lào", "LOCATION")]), task([bad], id=8)], ensure_ascii=False),
                    encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"export.json, task 2 \(id 8\): entity z \[35:38\]: "
                                              r"entity text 'Việt Nam' differs from text\[35:38\] 'Lào'") as info:
        read_labelstudio(path)
    assert info.value.code == "E107"
    path.write_text(json.dumps([task([span("a", "Lào", "LOCATION")])], ensure_ascii=False), encoding="utf-8")
    assert surfaces(read_labelstudio(path)[0]) == [("Lào", "LOCATION")]
