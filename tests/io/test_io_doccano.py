"""Doccano JSONL exports, old (label triples) and new (entities + relations) shapes."""

from __future__ import annotations

import unicodedata

import pytest

from vnpartner.errors import AnnotationError
from vnpartner.io import from_doccano, read_doccano

BOTH = [("Trường Đại học Cần Thơ", "ORGANIZATION"), ("Đại học Nông Lâm", "ORGANIZATION")]
TEXT = "Trường Đại học Cần Thơ ký kết với Đại học Nông Lâm."  # ORG 0:22, ORG 34:50


def test_old_shape(surfaces):
    doc = from_doccano({"id": 7, "text": TEXT, "label": [[34, 50, "ORG"], [0, 22, "ORG"]]},
                       label_map={"ORG": "ORGANIZATION"})
    assert doc.id == "7"
    assert surfaces(doc) == BOTH


def test_new_shape_with_relations(surfaces):
    record = {"id": 1, "text": TEXT,
              "entities": [{"id": 31, "start_offset": 34, "end_offset": 50, "label": "ORGANIZATION"},
                           {"id": 30, "start_offset": 0, "end_offset": 22, "label": "ORGANIZATION"}],
              "relations": [{"id": 5, "from_id": 30, "to_id": 31, "type": "PARTNER"}]}
    doc = from_doccano(record)
    assert surfaces(doc) == BOTH
    assert [e.id for e in doc.entities] == ["T1", "T2"]
    assert [r.to_dict() for r in doc.relations] == [{"head": "T1", "tail": "T2", "label": "PARTNER"}]


def test_non_nfc_text_is_remapped(surfaces):
    text = unicodedata.normalize("NFD", TEXT)
    start = text.index(unicodedata.normalize("NFD", "Đại học Nông Lâm"))
    doc = from_doccano({"text": text, "label": [[start, len(text) - 1, "ORG"]]})
    assert doc.text == TEXT and surfaces(doc) == [("Đại học Nông Lâm", "ORG")]


def test_dropped_label_drops_its_relations():
    record = {"text": TEXT, "entities": [{"id": 1, "start_offset": 0, "end_offset": 22, "label": "ORG"},
                                         {"id": 2, "start_offset": 34, "end_offset": 50, "label": "X"}],
              "relations": [{"from_id": 1, "to_id": 2, "type": "PARTNER"}]}
    doc = from_doccano(record, label_map={"X": None})
    assert len(doc.entities) == 1 and doc.relations == []


def test_file_errors_name_file_and_line(write_file):
    good = {"text": TEXT, "label": []}
    bad = {"text": TEXT, "entities": [{"id": 1, "start_offset": 0, "end_offset": 22, "label": "ORG"}],
           "relations": [{"from_id": 1, "to_id": 9, "type": "PARTNER"}]}
    with pytest.raises(AnnotationError, match=r"d.jsonl, line 2: relation 'PARTNER' points at entity id '9'") as info:
        read_doccano(write_file("d.jsonl", [good, bad]))
    assert info.value.code == "E109"
    assert len(read_doccano(write_file("ok.jsonl", [good, good]))) == 2
