"""load_documents: dispatch by format name and auto-detection."""

from __future__ import annotations

import json

import pytest

from vnpartner.errors import VnPartnerError
from vnpartner.io import detect_format, load_documents, write_conll, write_jsonl

TEXT = "Tỉnh Bắc Giang đón đoàn Hàn Quốc."  # LOC 0:14, LOC 24:32


@pytest.fixture
def files(tmp_path, write_file, sample_doc):
    write_jsonl([sample_doc], tmp_path / "schema.jsonl.gz")
    write_conll([sample_doc], tmp_path / "out.txt")
    tokens = {"id": "t:1", "tokens": ["Bắc_Giang", "đón", "Hàn_Quốc"], "tags": ["B-LOC", "O", "B-LOC"]}
    write_file("tokens.jsonl", [tokens])
    vlsp = {"id": "v:1", "domain": "Xa hoi", "text": TEXT, "entities": []}
    write_file("vlsp.jsonl", [vlsp, dict(vlsp, entities=[{"start": 0, "end": 14, "label": "LOC", "depth": 0}])])
    write_file("doccano_old.jsonl", [{"text": TEXT, "label": [[24, 32, "LOC"]]}])
    write_file("doccano_new.jsonl", [{"text": TEXT, "entities": [
        {"id": 1, "start_offset": 0, "end_offset": 14, "label": "LOC"}], "relations": []}])
    value = {"start": 24, "end": 32, "text": "Hàn Quốc", "labels": ["LOC"]}
    task = {"id": 1, "data": {"text": TEXT}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": value}]}]}
    write_file("ls.json", json.dumps([task], ensure_ascii=False))
    return tmp_path


@pytest.mark.parametrize("name, fmt, first", [
    ("schema.jsonl.gz", "jsonl", "Tỉnh Quảng Nam"), ("out.txt", "conll", "Tỉnh Quảng Nam"),
    ("tokens.jsonl", "tokens", "Bắc Giang"), ("vlsp.jsonl", "vlsp2018", "Tỉnh Bắc Giang"),
    ("doccano_old.jsonl", "doccano", "Hàn Quốc"), ("doccano_new.jsonl", "doccano", "Tỉnh Bắc Giang"),
    ("ls.json", "labelstudio", "Hàn Quốc"),
])
def test_auto_and_named_formats(files, name, fmt, first):
    assert detect_format(files / name) == fmt
    for chosen in ("auto", fmt):
        docs = load_documents(files / name, format=chosen)
        ent = next(e for d in docs for e in d.entities)
        assert ent.text == first


def test_options_reach_the_reader(files):
    docs = load_documents(files / "tokens.jsonl", label_map={"LOC": "LOCATION"})
    assert [e.label for e in docs[0].entities] == ["LOCATION", "LOCATION"]


def test_unknown_format_lists_accepted(files):
    with pytest.raises(VnPartnerError, match="Unknown format 'brat'.*jsonl, tokens, conll, vlsp2018, doccano, "
                                             "labelstudio") as info:
        load_documents(files / "tokens.jsonl", format="brat")
    assert info.value.code == "E112"


def test_missing_file_is_named(tmp_path):
    with pytest.raises(VnPartnerError, match="File not found: .*khong_co.jsonl") as info:
        load_documents(tmp_path / "khong_co.jsonl")
    assert info.value.code == "E101"
