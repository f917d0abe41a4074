"""Partnership-record scores: party-set matching, sectors, people, date, instrument, pairs."""

from __future__ import annotations

import copy
import unicodedata

import pytest

from vnpartner.evaluate import score_partnerships
from vnpartner.evaluate.partnerships import normalize_party_name, party_set
from vnpartner.schema import Party, Person

TEXT = "Bình Dương, Artemisa và La Habana hợp tác."


@pytest.mark.parametrize("name, expected", [
    ("tỉnh Bình Dương", "bình dương"),
    ("Tỉnh Bình Dương", "bình dương"),
    ("  Bình Dương. ", "bình dương"),
    ("TP. Hồ Chí Minh", "hồ chí minh"),
    ("TP Hồ Chí Minh", "hồ chí minh"),
    ("Thành phố Hồ Chí Minh", "hồ chí minh"),
    ("thủ đô La Habana", "la habana"),
    ("(Cuba)", "cuba"),
    ("Tập đoàn Đất Xanh", "đất xanh"),
    ("Tổng công ty Bưu điện Việt Nam", "bưu điện việt nam"),
    ("Công ty cổ phần FPT", "fpt"),
    ("“Artemisa”", "artemisa"),
    (unicodedata.normalize("NFD", "Tỉnh Bình Dương"), "bình dương"),
    ("Tịnh Biên", "tịnh biên"),
    ("TPBank", "tpbank"),
    ("Tỉnh", "tỉnh"),
    ("Cao su VN", "cao su việt nam"),
    ("Hải quân Mỹ", "hải quân hoa kỳ"),
    ("Ngân hàng Nhà nước Việt Nam", "ngân hàng nhà nước việt nam"),
])
def test_normalize_party_name(name, expected):
    assert normalize_party_name(name) == expected


def test_party_set_drops_duplicates_and_unknown_country():
    parties = [Party("Bình Dương", None), Party("tỉnh Bình Dương", "vn"), Party("Artemisa", "CU")]
    assert party_set(parties) == [("artemisa", "CU"), ("bình dương", "VN")]


def _doc(make_doc, *records, doc_id="d1"):
    return make_doc(TEXT, partnerships=list(records), doc_id=doc_id)


def test_perfect_prediction_scores_one_everywhere(gold_doc):
    s = score_partnerships([gold_doc], [copy.deepcopy(gold_doc)])
    for key in ("parties", "sectors", "party_pairs"):
        assert (s[key]["precision"], s[key]["recall"], s[key]["f1"]) == (1.0, 1.0, 1.0)
    assert s["date"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert s["instrument"] == {"accuracy": 1.0, "correct": 1, "total": 1}
    assert s["counts"] == {"gold": 1, "pred": 1, "matched": 1}


def test_type_words_and_none_country_still_match(make_doc, make_record):
    gold = _doc(make_doc, make_record(("tỉnh Bình Dương", "VN"), ("tỉnh Artemisa", "CU")))
    pred = _doc(make_doc, make_record(("Artemisa", None), ("Bình Dương", "VN")))
    assert score_partnerships([gold], [pred])["parties"]["f1"] == 1.0


def test_different_country_does_not_match(make_doc, make_record):
    gold = _doc(make_doc, make_record(("Bình Dương", "VN"), ("Artemisa", "CU")))
    pred = _doc(make_doc, make_record(("Bình Dương", "VN"), ("Artemisa", "ES")))
    s = score_partnerships([gold], [pred])
    assert s["parties"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["date"] == {"accuracy": 0.0, "correct": 0, "total": 0}


def test_sector_f1_is_micro_over_matched_records(make_doc, make_record):
    gold = _doc(make_doc,
                make_record(("Bình Dương", "VN"), ("Artemisa", "CU"),
                            sectors=["health", "education", "culture"]),
                make_record(("Bình Dương", "VN"), ("La Habana", "CU"), sectors=["trade"]))
    pred = _doc(make_doc,
                make_record(("Bình Dương", "VN"), ("Artemisa", "CU"),
                            sectors=["health", "education", "trade", "tourism"]),
                make_record(("Bình Dương", "VN"), ("La Habana", "CU"), sectors=[]))
    s = score_partnerships([gold], [pred])["sectors"]
    # tp = 2 (health, education), fp = 2 (trade, tourism), fn = 1 + 1 (culture; trade)
    assert s == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 4})


def test_sectors_of_unmatched_records_are_not_counted(make_doc, make_record):
    gold = _doc(make_doc, make_record(("Bình Dương", "VN"), ("Artemisa", "CU"), sectors=["health"]))
    pred = _doc(make_doc, make_record(("Bình Dương", "VN"), ("La Habana", "CU"), sectors=["trade"]))
    assert score_partnerships([gold], [pred])["sectors"]["support"] == 0


def test_people_score_name_and_country_over_matched_records(make_doc, make_record):
    gold_record = make_record(("Bình Dương", "VN"), ("Artemisa", "CU"))
    gold_record.people = [Person("Nguyễn Văn Lộc", "Chủ tịch", "VN"), Person("Ana Maria", "Bí thư", "CU")]
    pred_record = make_record(("Bình Dương", "VN"), ("Artemisa", "CU"))
    pred_record.people = [Person("nguyễn văn lộc", "Bí thư", "VN"), Person("Ana Maria", "Bí thư", None)]
    s = score_partnerships([_doc(make_doc, gold_record)], [_doc(make_doc, pred_record)])["people"]
    # the name is casefolded and the title not scored; a missing country is wrong
    assert s == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})


def test_date_and_instrument_accuracy(make_doc, make_record):
    gold = _doc(make_doc,
                make_record(("Bình Dương", None), ("Artemisa", None), date="2023-08-24", instrument="mou"),
                make_record(("Bình Dương", None), ("La Habana", None), date="2023-04", instrument=None),
                make_record(("Artemisa", None), ("La Habana", None), date=None, instrument="visit"))
    pred = _doc(make_doc,
                make_record(("La Habana", None), ("Bình Dương", None), date="2023-04", instrument="visit"),
                make_record(("Artemisa", None), ("Bình Dương", None), date="2023-08-25", instrument="mou"),
                make_record(("Artemisa", None), ("La Habana", None), date=None, instrument="visit"))
    s = score_partnerships([gold], [pred])
    assert s["counts"] == {"gold": 3, "pred": 3, "matched": 3}
    assert s["date"] == pytest.approx({"accuracy": 2 / 3, "correct": 2, "total": 3})
    assert s["instrument"] == pytest.approx({"accuracy": 2 / 3, "correct": 2, "total": 3})


def test_records_match_one_to_one(make_doc, make_record):
    rec = make_record(("Bình Dương", "VN"), ("Artemisa", "CU"))
    gold = _doc(make_doc, rec)
    pred = _doc(make_doc, rec, copy.deepcopy(rec))
    s = score_partnerships([gold], [pred])
    assert s["parties"] == pytest.approx({"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "support": 1})


def test_matching_is_maximal_not_first_fit(make_doc, make_record):
    # The first gold record fits both predictions; first-fit would strand the second.
    gold = _doc(make_doc, make_record(("Bình Dương", None), ("Artemisa", "CU")),
                make_record(("Bình Dương", "VN"), ("Artemisa", "CU")))
    pred = _doc(make_doc, make_record(("Bình Dương", "VN"), ("Artemisa", "CU")),
                make_record(("Bình Dương", "LA"), ("Artemisa", "CU")))
    assert score_partnerships([gold], [pred])["counts"]["matched"] == 2


def test_party_sets_must_be_equal_but_pairs_give_partial_credit(make_doc, make_record):
    gold = _doc(make_doc, make_record(("Bình Dương", "VN"), ("Artemisa", "CU"), ("La Habana", "CU")))
    pred = _doc(make_doc, make_record(("Artemisa", "CU"), ("Bình Dương", "VN")))
    s = score_partnerships([gold], [pred])
    assert s["parties"]["f1"] == 0.0
    assert s["party_pairs"] == pytest.approx({"precision": 1.0, "recall": 1 / 3, "f1": 0.5, "support": 3})


def test_records_only_match_within_their_document(make_doc, make_record):
    rec = make_record(("Bình Dương", "VN"), ("Artemisa", "CU"))
    a, b = _doc(make_doc, rec, doc_id="a"), _doc(make_doc, doc_id="b")
    s = score_partnerships([a, b], [b, a])
    assert s["counts"] == {"gold": 1, "pred": 1, "matched": 0}
    assert s["party_pairs"]["f1"] == 0.0


def test_no_records_anywhere_gives_zeros(make_doc):
    s = score_partnerships([_doc(make_doc)], [_doc(make_doc)])
    assert s["parties"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert s["counts"] == {"gold": 0, "pred": 0, "matched": 0}


ALIAS_TEXT = "Nhật Bản cam kết hợp tác với Hiệp hội các quốc gia Đông Nam Á (ASEAN). ASEAN hoan nghênh."


def test_an_alias_the_gold_defines_in_brackets_is_its_full_name(make_doc, make_record):
    spans = [("Nhật Bản", "LOCATION"), ("Hiệp hội các quốc gia Đông Nam Á", "ORGANIZATION"),
             ("ASEAN", "ORGANIZATION")]
    gold = make_doc(ALIAS_TEXT, spans=spans, partnerships=[make_record(("Nhật Bản", "JP"), ("ASEAN", None))])
    full = make_doc(ALIAS_TEXT, partnerships=[
        make_record(("Nhật Bản", "JP"), ("Hiệp hội Các quốc gia Đông Nam Á", None))])
    assert score_partnerships([gold], [full])["parties"]["f1"] == 1.0


def test_without_the_bracket_definition_an_acronym_is_another_name(make_doc, make_record):
    text = ALIAS_TEXT.replace(" (ASEAN)", "")
    spans = [("Nhật Bản", "LOCATION"), ("Hiệp hội các quốc gia Đông Nam Á", "ORGANIZATION"),
             ("ASEAN", "ORGANIZATION")]
    gold = make_doc(text, spans=spans, partnerships=[make_record(("Nhật Bản", "JP"), ("ASEAN", None))])
    full = make_doc(text, partnerships=[make_record(("Nhật Bản", "JP"), ("Hiệp hội các quốc gia Đông Nam Á", None))])
    assert score_partnerships([gold], [full])["parties"]["f1"] == 0.0
