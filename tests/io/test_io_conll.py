"""CoNLL export: IOB2 lines, sentence breaks, word spans, and the export → import round trip."""

from __future__ import annotations

import pytest

from vnpartner.io import read_jsonl, read_token_file, to_conll, write_conll, write_jsonl
from vnpartner.io.conll import default_words
from vnpartner.schema import Document

TEXT = "Ông Nguyễn Văn An thăm tỉnh Bình Định.\nHai bên bàn về hợp tác y tế."


def make_doc(text: str = TEXT, spans=(("Nguyễn Văn An", "PERSON"), ("tỉnh Bình Định", "LOCATION"),
                                      ("y tế", "SECTOR"))) -> Document:
    doc = Document(text=text, id="c1")
    for surface, label in spans:
        doc.add_entity(text.index(surface), text.index(surface) + len(surface), label)
    return doc


def test_to_conll_lines_and_sentences():
    out = to_conll(make_doc())
    assert out.split("\n\n")[0].splitlines() == [
        "Ông O", "Nguyễn B-PERSON", "Văn I-PERSON", "An I-PERSON", "thăm O", "tỉnh B-LOCATION",
        "Bình I-LOCATION", "Định I-LOCATION", ". O"]
    assert out.split("\n\n")[1].splitlines()[-3:] == ["y B-SECTOR", "tế I-SECTOR", ". O"]
    assert out.endswith(". O\n")


def test_default_words_cut_at_entity_boundaries():
    doc = make_doc("Đoàn Việt-Lào họp.", (("Việt", "LOCATION"), ("Lào", "LOCATION")))
    words = default_words(doc)
    assert [doc.text[s:e] for s, e in words] == ["Đoàn", "Việt", "-", "Lào", "họp", "."]
    doc = make_doc("Hãng VinaX2024 mở.", (("VinaX", "ORGANIZATION"),))
    assert [doc.text[s:e] for s, e in default_words(doc)] == ["Hãng", "VinaX", "2024", "mở", "."]
    assert to_conll(doc).splitlines()[1:3] == ["VinaX B-ORGANIZATION", "2024 O"]


def test_adjacent_entities_of_one_label_get_b_tags():
    doc = make_doc("Hà Nội Huế", (("Hà Nội", "LOCATION"), ("Huế", "LOCATION")))
    assert to_conll(doc).splitlines() == ["Hà B-LOCATION", "Nội I-LOCATION", "Huế B-LOCATION"]


def test_given_words_partly_covered_take_the_entity_tag():
    doc = make_doc("Ông Nguyễn Văn An thăm.", (("Nguyễn Văn A", "PERSON"),))
    words = [(0, 3), (4, 14), (15, 17), (18, 22), (22, 23)]
    assert to_conll(doc, words).splitlines() == ["Ông O", "Nguyễn_Văn B-PERSON", "An I-PERSON", "thăm O", ". O"]


def test_entity_across_a_newline_restarts_with_b():
    doc = make_doc("Sở Y\ntế mới.", (("Sở Y\ntế", "ORGANIZATION"),))
    assert to_conll(doc).split("\n\n") == ["Sở B-ORGANIZATION\nY I-ORGANIZATION",
                                          "tế B-ORGANIZATION\nmới O\n. O\n"]


def test_empty_document():
    assert to_conll(Document(text="  \n ")) == ""


@pytest.mark.parametrize("suffix", [".conll", ".conll.xz"])
def test_round_trip_recovers_spans(tmp_path, surfaces, suffix):
    docs = [make_doc(), make_doc("Bà Lê Thị Mai.", (("Lê Thị Mai", "PERSON"),))]
    path = tmp_path / f"out{suffix}"
    write_conll(docs, path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    back = read_token_file(path)
    assert [d.text for d in back] == ["Ông Nguyễn Văn An thăm tỉnh Bình Định .",
                                      "Hai bên bàn về hợp tác y tế .", "Bà Lê Thị Mai ."]
    assert [s for d in back for s in surfaces(d)] == [s for d in docs for s in surfaces(d)]


def test_round_trip_keeps_offsets_when_text_is_space_separated(tmp_path):
    spans = (("Nguyễn Văn An", "PERSON"), ("Bình Định", "LOCATION"))
    doc = make_doc("Ông Nguyễn Văn An thăm tỉnh Bình Định .", spans)
    write_conll([doc], tmp_path / "a.conll")
    back = read_token_file(tmp_path / "a.conll")[0]
    assert back.text == doc.text
    assert [(e.start, e.end, e.label) for e in back.entities] == [(e.start, e.end, e.label) for e in doc.entities]


def test_spaces_in_given_words_survive_the_round_trip(tmp_path, surfaces):
    doc = make_doc("Trung tâm Y khoa mở cửa.", (("Trung tâm Y khoa", "ORGANIZATION"),))
    words = [(0, 9), (10, 11), (12, 16), (17, 19), (20, 23), (23, 24)]
    (tmp_path / "w.conll").write_text(to_conll(doc, words), encoding="utf-8")
    assert surfaces(read_token_file(tmp_path / "w.conll")[0]) == [("Trung tâm Y khoa", "ORGANIZATION")]


def test_jsonl_to_conll_to_tokens(tmp_path, sample_doc, surfaces):
    write_jsonl([sample_doc], tmp_path / "a.jsonl")
    write_conll(read_jsonl(tmp_path / "a.jsonl"), tmp_path / "a.conll")
    back = read_token_file(tmp_path / "a.conll")[0]
    assert back.text.startswith("Tỉnh Quảng Nam ký bản ghi nhớ")
    # the tokeniser splits "3/5/2021" into 3 words, which come back joined by spaces
    assert surfaces(back) == [(s.replace("/", " / "), label) for s, label in surfaces(sample_doc)]
