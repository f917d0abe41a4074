"""Token + tag sequences and token files (JSONL and CoNLL) to character-offset Documents."""

from __future__ import annotations

import lzma
import unicodedata

import pytest

from vnpartner.errors import AnnotationError
from vnpartner.io import from_tokens, iob_to_spans, read_token_file
from vnpartner.io.tokens import desegment, is_segmented

WORDS = ["Ông", "Nguyễn_Văn_An", "thăm", "tỉnh", "Bình_Định", "."]
WORD_TAGS = ["O", "B-PER", "O", "B-LOC", "I-LOC", "O"]
SYLLABLES = ["Bà", "Trần", "Thị", "Hoa", "làm", "việc", "tại", "Sở", "Y", "tế", "Hà", "Giang"]


@pytest.mark.parametrize("tags, expected", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["B-LOC", "B-LOC", "I-LOC"], [(0, 1, "LOC"), (1, 3, "LOC")]),
    (["O", "I-ORG", "I-ORG", "B-ORG"], [(1, 3, "ORG"), (3, 4, "ORG")]),  # IOB1 / stray I-
    (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    (["PER", "PER", "O", "LOC", "ORG"], [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]),  # plain labels
    (["S-LOC", "B-PER", "E-PER", "S-PER"], [(0, 1, "LOC"), (1, 3, "PER"), (3, 4, "PER")]),
    (["O", "O"], []),
])
def test_iob_to_spans(tags, expected):
    assert iob_to_spans(tags) == expected


def test_segmented_tokens_give_exact_offsets(surfaces):
    doc = from_tokens(WORDS, WORD_TAGS, segmented=True, id="s1")
    assert doc.text == "Ông Nguyễn Văn An thăm tỉnh Bình Định ."
    assert surfaces(doc) == [("Nguyễn Văn An", "PER"), ("tỉnh Bình Định", "LOC")]
    assert (doc.id, [e.id for e in doc.entities]) == ("s1", ["T1", "T2"])


def test_unsegmented_keeps_underscores(surfaces):
    doc = from_tokens(WORDS, WORD_TAGS)
    assert surfaces(doc) == [("Nguyễn_Văn_An", "PER"), ("tỉnh Bình_Định", "LOC")]


def test_desegment_edges():
    assert desegment("Bình_Định") == "Bình Định"
    assert desegment("___") == "___"
    assert desegment("_x_y_") == "_x y_"
    assert is_segmented(["a", "Quảng_Nam"]) and not is_segmented(["_", "3_4", "a_"])


def test_tokens_are_nfc_normalised(surfaces):
    tokens = [unicodedata.normalize("NFD", t) for t in SYLLABLES]
    tags = ["O", "B-NAME", "I-NAME", "I-NAME", "O", "O", "O", "B-ORGANIZATION", "I-ORGANIZATION",
            "I-ORGANIZATION", "I-ORGANIZATION", "I-ORGANIZATION"]
    doc = from_tokens(tokens, tags)
    assert unicodedata.is_normalized("NFC", doc.text)
    assert surfaces(doc) == [("Trần Thị Hoa", "NAME"), ("Sở Y tế Hà Giang", "ORGANIZATION")]


def test_label_map_renames_and_drops(surfaces):
    tags = ["B-MISC", "B-PER", "I-PER", "I-PER", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC"]
    doc = from_tokens(SYLLABLES, tags, label_map={"PER": "PERSON", "LOC": "LOCATION", "MISC": None})
    assert surfaces(doc) == [("Trần Thị Hoa", "PERSON"), ("Sở Y tế", "ORG"), ("Hà Giang", "LOCATION")]


def test_length_mismatch():
    with pytest.raises(AnnotationError, match="3 tokens but 2 tags") as info:
        from_tokens(["a", "b", "c"], ["O", "O"])
    assert info.value.code == "E113"


def test_read_token_jsonl_xz_autodetects_segmentation(tmp_path, surfaces):
    path = tmp_path / "tok.jsonl.xz"
    with lzma.open(path, "wt", encoding="utf-8") as handle:
        handle.write('{"id": "a:1", "tokens": ["Ông", "Nguyễn_Văn_An", "thăm", "tỉnh", "Bình_Định", "."], '
                     '"tags": ["O", "B-PER", "O", "B-LOC", "I-LOC", "O"]}\n')
        handle.write('{"id": "a:2", "tokens": ["Hà", "Giang"], "tags": ["B-LOC", "I-LOC"]}\n')
    docs = read_token_file(path, label_map={"PER": "PERSON", "LOC": "LOCATION"})
    assert [d.id for d in docs] == ["a:1", "a:2"]
    assert surfaces(docs[0]) == [("Nguyễn Văn An", "PERSON"), ("tỉnh Bình Định", "LOCATION")]
    assert surfaces(docs[1]) == [("Hà Giang", "LOCATION")]
    assert read_token_file(path, segmented=False)[0].entities[0].text == "Nguyễn_Văn_An"


def test_read_conll_tab_and_space_columns(write_file, surfaces):
    content = ("-DOCSTART- -X- O\n\n"
               "Ông\tNp\tO\nNguyễn Văn An\tNp\tB-PER\nthăm\tV\tO\n\n"
               "Sở B-ORG\nY I-ORG\ntế I-ORG\n")
    docs = read_token_file(write_file("mau.conll", content))
    assert [d.text for d in docs] == ["Ông Nguyễn Văn An thăm", "Sở Y tế"]
    assert [d.id for d in docs] == ["mau:1", "mau:2"]
    assert surfaces(docs[0]) == [("Nguyễn Văn An", "PER")]
    assert surfaces(docs[1]) == [("Sở Y tế", "ORG")]


def test_bad_conll_line_names_file_and_line(write_file):
    path = write_file("bad.conll", "Ông O\n\nthăm\n")
    with pytest.raises(AnnotationError, match=r"bad.conll, line 3: expected 'token") as info:
        read_token_file(path)
    assert info.value.code == "E113"


def test_bad_token_record_names_file_and_line(write_file):
    path = write_file("bad.jsonl", [{"id": "1", "tokens": ["a"], "tags": ["O"]},
                                    {"id": "2", "tokens": ["a", "b"], "tags": ["O"]}])
    with pytest.raises(AnnotationError, match=r"bad.jsonl, line 2: 2 tokens but 1 tags"):
        read_token_file(path)
