"""Schema v1 JSONL: round trip, validation errors naming file and line, atomic writes."""

from __future__ import annotations

import gzip
import json
import lzma
import unicodedata

import pytest

from vnpartner.errors import AnnotationError
from vnpartner.io import iter_jsonl, read_jsonl, write_jsonl
from vnpartner.schema import ENTITY_LABELS, Document, Entity

TEXT = "Ông Nguyễn Văn An thăm tỉnh Bình Định."  # PERSON 4:17, LOCATION 23:37


def record(**changes) -> dict:
    data = {"id": "d1", "text": TEXT, "published": None,
            "entities": [{"id": "T1", "start": 4, "end": 17, "label": "PERSON", "text": "Nguyễn Văn An"},
                         {"id": "T2", "start": 23, "end": 37, "label": "LOCATION"}],
            "relations": [{"head": "T1", "tail": "T2", "label": "AFFILIATED_WITH"}], "partnerships": []}
    data.update(changes)
    return data


def with_entity(**fields) -> dict:
    ent = {"id": "T9", "start": 4, "end": 17, "label": "PERSON"}
    ent.update(fields)
    return record(entities=[ent], relations=[])


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.xz", ".jsonl.gz"])
def test_round_trip(tmp_path, sample_doc, suffix):
    path = tmp_path / f"docs{suffix}"
    write_jsonl([sample_doc, Document(text="Chưa có nhãn.", id="d2")], path)
    docs = read_jsonl(path)
    assert [d.to_dict() for d in docs] == [sample_doc.to_dict(), Document(text="Chưa có nhãn.", id="d2").to_dict()]
    assert Document.from_json(docs[0].to_json()) == sample_doc


def test_compressed_files_are_really_compressed(tmp_path, sample_doc):
    write_jsonl([sample_doc], tmp_path / "a.jsonl.xz")
    write_jsonl([sample_doc], tmp_path / "a.jsonl.gz")
    assert lzma.open(tmp_path / "a.jsonl.xz", "rt", encoding="utf-8").read().startswith("{")
    assert gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf-8").read().startswith("{")


def test_reads_entities_and_relations(write_file, surfaces):
    doc = read_jsonl(write_file("a.jsonl", [record()]))[0]
    assert surfaces(doc) == [("Nguyễn Văn An", "PERSON"), ("tỉnh Bình Định", "LOCATION")]
    assert doc.relations[0].head == "T1" and doc.relations[0].label == "AFFILIATED_WITH"


def test_fills_missing_entity_text_and_ids(write_file):
    raw = record(entities=[{"start": 4, "end": 17, "label": "PERSON"},
                           {"id": "T1", "start": 23, "end": 37, "label": "LOCATION"},
                           {"start": 0, "end": 3, "label": "TITLE"}], relations=[])
    doc = read_jsonl(write_file("a.jsonl", [raw]))[0]
    assert [e.id for e in doc.entities] == ["T2", "T1", "T3"]
    assert doc.entities[0].text == "Nguyễn Văn An"


def test_iter_is_lazy_and_skips_blank_lines(write_file):
    path = write_file("a.jsonl", "\n" + json.dumps(record()) + "\n\n")
    assert [d.id for d in iter_jsonl(path)] == ["d1"]


def test_write_fills_empty_entity_text(tmp_path):
    doc = Document(text=TEXT, entities=[Entity(4, 17, "PERSON", id="T1")])
    write_jsonl([doc], tmp_path / "a.jsonl")
    assert read_jsonl(tmp_path / "a.jsonl")[0].entities[0].text == "Nguyễn Văn An"


def test_write_refuses_a_bad_document(tmp_path):
    doc = Document(text=TEXT, id="x", entities=[Entity(4, 99, "PERSON", id="T1")])
    with pytest.raises(AnnotationError, match=r"document 1 \(id 'x'\).*T1"):
        write_jsonl([doc], tmp_path / "a.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_leaves_no_temp_file(tmp_path, sample_doc):
    path = tmp_path / "docs.jsonl"
    write_jsonl([sample_doc], path)
    write_jsonl([sample_doc, sample_doc], path)
    assert [p.name for p in tmp_path.iterdir()] == ["docs.jsonl"]
    assert len(read_jsonl(path)) == 2


def test_failed_write_keeps_the_old_file(tmp_path, sample_doc):
    path = tmp_path / "docs.jsonl"
    write_jsonl([sample_doc], path)
    before = path.read_bytes()

    def crashing():
        yield sample_doc
        raise RuntimeError("crash while writing")

    with pytest.raises(RuntimeError):
        write_jsonl(crashing(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["docs.jsonl"]


BAD_RECORDS = [
    ("E103", {"id": "d1", "entities": []}, "text"),
    ("E104", record(text=unicodedata.normalize("NFD", TEXT), entities=[], relations=[]), "NFC-normalise"),
    ("E105", with_entity(start="4"), r"entity T9 \['4':17\]"),
    ("E105", with_entity(end=17.0), "integers"),
    ("E106", with_entity(end=99), r"entity T9 \[4:99\]"),
    ("E106", with_entity(start=17, end=17), r"entity T9 \[17:17\]"),
    ("E106", with_entity(start=-1), "out of range"),
    ("E107", with_entity(text="Nguyễn Văn"), "'Nguyễn Văn' differs from text\\[4:17\\] 'Nguyễn Văn An'"),
    ("E109", record(relations=[{"head": "T1", "tail": "T7", "label": "PARTNER"}]), "'T7'"),
    ("E110", record(entities=[{"id": "T1", "start": 4, "end": 17, "label": "PERSON"},
                              {"id": "T1", "start": 23, "end": 37, "label": "LOCATION"}]), r"entity T1 \[23:37\]"),
    ("E111", with_entity(label=None), "label"),
]


@pytest.mark.parametrize("code, bad, pattern", BAD_RECORDS)
def test_validation_errors_name_file_line_and_span(write_file, code, bad, pattern):
    path = write_file("bad.jsonl", [record(), bad])
    with pytest.raises(AnnotationError, match=pattern) as info:
        read_jsonl(path)
    assert info.value.code == code
    assert f"{path}, line 2:" in str(info.value)
    assert str(info.value).startswith(f"[{code}]")


def test_invalid_json_names_line(write_file):
    path = write_file("bad.jsonl", '{"id": "d1", "text": "Xin chào."}\n{"id": "d2", "text": \n')
    with pytest.raises(AnnotationError, match=r"bad.jsonl, line 2: invalid JSON") as info:
        read_jsonl(path)
    assert info.value.code == "E102"


def test_unknown_label_only_checked_when_labels_given(write_file):
    path = write_file("a.jsonl", [with_entity(label="PER")])
    assert read_jsonl(path)[0].entities[0].label == "PER"
    with pytest.raises(AnnotationError, match=r"a.jsonl, line 1: entity T9 \[4:17\]: unknown label 'PER'") as info:
        read_jsonl(path, labels=ENTITY_LABELS)
    assert info.value.code == "E108"


def test_missing_file_is_named(tmp_path):
    with pytest.raises(Exception, match="nowhere.jsonl"):
        read_jsonl(tmp_path / "nowhere.jsonl")
