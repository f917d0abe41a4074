"""VLSP 2018 style character offsets, including non-NFC text remapped to NFC offsets."""

from __future__ import annotations

import unicodedata

import pytest

from vnpartner.errors import AnnotationError
from vnpartner.io import from_char_offsets, nfc_offset_map, read_vlsp2018

TEXT = "Đoàn công tác tỉnh Quảng Ngãi thăm thành phố Viêng Chăn của Lào."


def spans(text: str, *surfaces: str) -> list[tuple[int, int]]:
    """Offsets of each surface in ``text``, in the normal form ``text`` is in."""
    form = "NFC" if unicodedata.is_normalized("NFC", text) else "NFD"
    found = [unicodedata.normalize(form, s) for s in surfaces]
    return [(text.index(s), text.index(s) + len(s)) for s in found]


def vlsp_record(text: str) -> dict:
    found = spans(text, "tỉnh Quảng Ngãi", "Quảng Ngãi", "thành phố Viêng Chăn", "Lào")
    (a, b), (c, d), (e, f), (g, h) = found
    return {"id": "v:1", "text": text, "entities": [
        {"start": a, "end": b, "label": "LOC", "depth": 0}, {"start": c, "end": d, "label": "LOC", "depth": 1},
        {"start": e, "end": f, "label": "LOC", "depth": 0}, {"start": g, "end": h, "label": "LOC", "depth": 0}]}


def test_top_level_by_default(surfaces):
    doc = from_char_offsets(vlsp_record(TEXT), label_map={"LOC": "LOCATION"})
    assert doc.id == "v:1"
    assert surfaces(doc) == [("tỉnh Quảng Ngãi", "LOCATION"), ("thành phố Viêng Chăn", "LOCATION"),
                             ("Lào", "LOCATION")]


def test_other_depths(surfaces):
    assert surfaces(from_char_offsets(vlsp_record(TEXT), depth=1)) == [("Quảng Ngãi", "LOC")]
    assert len(from_char_offsets(vlsp_record(TEXT), depth=None).entities) == 4


def test_non_nfc_text_is_normalised_and_offsets_remapped(surfaces):
    nfd = unicodedata.normalize("NFD", TEXT)
    assert len(nfd) > len(TEXT)
    doc = from_char_offsets(vlsp_record(nfd))
    assert doc.text == TEXT
    assert surfaces(doc) == [("tỉnh Quảng Ngãi", "LOC"), ("thành phố Viêng Chăn", "LOC"), ("Lào", "LOC")]


def test_partly_decomposed_text(surfaces):
    text = "Ông Lê Văn " + unicodedata.normalize("NFD", "Quyết") + " đến Huế."
    start = text.index("Lê")
    record = {"text": text, "entities": [{"start": start, "end": text.index(" đến"), "label": "PER"},
                                         {"start": text.index("Huế"), "end": len(text) - 1, "label": "LOC"}]}
    assert surfaces(from_char_offsets(record)) == [("Lê Văn Quyết", "PER"), ("Huế", "LOC")]


def test_offset_inside_a_combining_sequence_keeps_the_whole_letter():
    nfd = unicodedata.normalize("NFD", "Việt")  # V i e ̣ ̂ t
    nfc, starts, ends = nfc_offset_map(nfd)
    assert nfc == "Việt" and len(starts) == len(nfd) + 1
    assert nfc[starts[3]:ends[4]] == "ệ"
    assert (starts[0], ends[len(nfd)]) == (0, len(nfc))


def test_nfc_text_maps_to_itself():
    nfc, starts, ends = nfc_offset_map(TEXT)
    assert nfc == TEXT and starts == ends == list(range(len(TEXT) + 1))


def test_read_vlsp2018_file_and_errors(write_file, surfaces):
    good = vlsp_record(TEXT)
    docs = read_vlsp2018(write_file("v.jsonl", [good]))
    assert surfaces(docs[0])[0] == ("tỉnh Quảng Ngãi", "LOC")
    bad = {"id": "v:2", "text": "Hà Nội.", "entities": [{"start": 0, "end": 40, "label": "LOC", "depth": 0}]}
    with pytest.raises(AnnotationError, match=r"v2.jsonl, line 2: entity #1 \[0:40\]: offsets out of range") as info:
        read_vlsp2018(write_file("v2.jsonl", [good, bad]))
    assert info.value.code == "E106"


def test_hangul_jamo_that_nfc_joins_map_to_the_syllable_they_make():
    # conjoining jamo are starters of their own, yet NFC makes one syllable of them
    jamo = unicodedata.normalize("NFD", "Hàn Quốc (한국) ký")
    nfc, starts, ends = nfc_offset_map(jamo)
    assert nfc == "Hàn Quốc (한국) ký"
    korea = jamo.index("(") + 1, jamo.index(")")
    assert nfc[starts[korea[0]]:ends[korea[1]]] == "한국"
    second_syllable = korea[0] + 3  # the first jamo of 국
    assert nfc[starts[second_syllable]:ends[korea[1]]] == "국"
