"""Exact-match entity and relation scores."""

from __future__ import annotations

import copy

import pytest

from vnpartner.errors import VnPartnerError
from vnpartner.evaluate import score_entities, score_relations
from vnpartner.evaluate.spans import prf
from vnpartner.schema import Relation

TEXT = "Ông Nguyễn Văn Lợi và bà Võ Thị Hoa đến thăm Cuba."


def test_prf_counts_and_undefined_values():
    assert prf(2, 2, 1) == pytest.approx({"precision": 0.5, "recall": 2 / 3, "f1": 4 / 7, "support": 3})
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert prf(0, 3, 0)["precision"] == 0.0
    assert prf(0, 0, 2) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2}


def test_perfect_prediction_scores_one_everywhere(gold_doc):
    pred = copy.deepcopy(gold_doc)
    for scores in (score_entities([gold_doc], [pred]), score_relations([gold_doc], [pred])):
        for row in scores.values():
            assert (row["precision"], row["recall"], row["f1"]) == (1.0, 1.0, 1.0)
    assert score_entities([gold_doc], [pred])["micro"]["support"] == len(gold_doc.entities)


def test_known_counts_give_exact_scores(make_doc):
    gold = make_doc(TEXT, [("Nguyễn Văn Lợi", "PERSON"), ("Võ Thị Hoa", "PERSON"),
                           ("Cuba", "LOCATION")])
    pred = make_doc(TEXT, [("Nguyễn Văn Lợi", "PERSON"), ("Ông", "PERSON"), ("Cuba", "LOCATION"),
                           ("thăm", "DATE")])
    s = score_entities([gold], [pred])
    assert list(s) == ["DATE", "LOCATION", "PERSON", "micro", "macro"]
    assert s["PERSON"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert s["LOCATION"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert s["DATE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert s["micro"] == pytest.approx({"precision": 0.5, "recall": 2 / 3, "f1": 4 / 7, "support": 3})
    assert s["macro"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 3})


def test_labels_argument_restricts_report_and_averages(make_doc):
    gold = make_doc(TEXT, [("Nguyễn Văn Lợi", "PERSON"), ("Cuba", "LOCATION")])
    pred = make_doc(TEXT, [("Nguyễn Văn Lợi", "PERSON"), ("thăm", "DATE")])
    s = score_entities([gold], [pred], labels=["PERSON", "TITLE"])
    assert list(s) == ["PERSON", "TITLE", "micro", "macro"]
    assert s["micro"]["f1"] == 1.0
    assert s["macro"]["f1"] == 0.5


def test_span_off_by_one_char_is_a_miss(make_doc):
    gold = make_doc(TEXT, [("Cuba", "LOCATION")])
    pred = copy.deepcopy(gold)
    pred.entities[0].end -= 1
    s = score_entities([gold], [pred])["LOCATION"]
    assert (s["precision"], s["recall"]) == (0.0, 0.0)
    pred.entities[0].end += 1
    pred.entities[0].start -= 1
    assert score_entities([gold], [pred])["micro"]["f1"] == 0.0


def test_wrong_label_is_a_miss_for_both_labels(make_doc):
    gold = make_doc(TEXT, [("Cuba", "LOCATION")])
    pred = make_doc(TEXT, [("Cuba", "ORGANIZATION")])
    s = score_entities([gold], [pred])
    assert s["LOCATION"]["recall"] == 0.0 and s["ORGANIZATION"]["precision"] == 0.0


def test_same_span_in_another_document_is_a_miss(make_doc):
    a = make_doc(TEXT, [("Cuba", "LOCATION")], doc_id="a")
    empty = make_doc(TEXT, [], doc_id="b")
    s = score_entities([a, empty], [empty, a])["micro"]
    assert (s["precision"], s["recall"], s["support"]) == (0.0, 0.0, 1)


def test_relations_match_through_spans_not_ids(gold_doc):
    pred = copy.deepcopy(gold_doc)
    pred.entities.reverse()
    for ent in pred.entities:
        ent.id = "P" + ent.id
    for rel in pred.relations:
        rel.head, rel.tail = "P" + rel.head, "P" + rel.tail
    assert score_relations([gold_doc], [pred])["micro"]["f1"] == 1.0


SPANS = [("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"), ("Cuba", "LOCATION")]
PARTNER_TEXT = "Bình Dương và Artemisa (Cuba) ký kết."


def test_symmetric_partner_matches_with_swapped_ends(make_doc):
    gold = make_doc(PARTNER_TEXT, SPANS, [(0, 1, "PARTNER")])
    pred = make_doc(PARTNER_TEXT, SPANS, [(1, 0, "PARTNER")])
    assert score_relations([gold], [pred])["PARTNER"]["f1"] == 1.0


def test_located_in_swapped_does_not_match(make_doc):
    gold = make_doc(PARTNER_TEXT, SPANS, [(1, 2, "LOCATED_IN")])
    pred = make_doc(PARTNER_TEXT, SPANS, [(2, 1, "LOCATED_IN")])
    s = score_relations([gold], [pred])["LOCATED_IN"]
    assert s == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}


def test_relation_needs_matching_end_labels(make_doc):
    gold = make_doc(PARTNER_TEXT, SPANS, [(0, 1, "PARTNER")])
    pred = make_doc(PARTNER_TEXT, [("Bình Dương", "ORGANIZATION"), *SPANS[1:]], [(0, 1, "PARTNER")])
    assert score_relations([gold], [pred])["PARTNER"]["f1"] == 0.0


def test_relation_counts(make_doc):
    gold = make_doc(PARTNER_TEXT, SPANS, [(0, 1, "PARTNER"), (1, 2, "LOCATED_IN")])
    pred = make_doc(PARTNER_TEXT, SPANS, [(0, 1, "PARTNER"), (0, 2, "LOCATED_IN")])
    s = score_relations([gold], [pred])
    assert s["micro"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert s["LOCATED_IN"]["f1"] == 0.0 and s["PARTNER"]["f1"] == 1.0


def test_relation_to_unknown_entity_raises(make_doc):
    doc = make_doc(PARTNER_TEXT, SPANS)
    doc.relations = [Relation("T1", "T99", "PARTNER")]
    with pytest.raises(VnPartnerError, match=r"\[E302\].*T99"):
        score_relations([doc], [doc])


def test_lists_of_different_length_raise(gold_doc):
    with pytest.raises(VnPartnerError) as info:
        score_entities([gold_doc], [])
    assert info.value.code == "E301"
