"""The pattern-layer relater on one sentence whose relations are all known."""

import vnpartner

SENTENCE = ("Ngày 21/4/2023, UBND tỉnh Bình Dương ký kết Bản ghi nhớ hợp tác với tỉnh Artemisa (Cuba) "
            "về y tế và giáo dục.")


def _relations(text):
    doc = vnpartner.extract(text, model="rules")
    by_id = {e.id: e for e in doc.entities}
    return [(by_id[r.head].text, by_id[r.tail].text, r.label) for r in doc.relations]


def test_every_relation_of_a_signing_sentence_once():
    found = _relations(SENTENCE)
    assert sorted(found) == sorted([
        ("tỉnh Artemisa", "Cuba", "LOCATED_IN"),
        ("UBND tỉnh Bình Dương", "tỉnh Artemisa", "PARTNER"),
        ("UBND tỉnh Bình Dương", "Bản ghi nhớ hợp tác", "SIGNED"),
        ("UBND tỉnh Bình Dương", "y tế", "COOPERATES_IN"),
        ("UBND tỉnh Bình Dương", "giáo dục", "COOPERATES_IN"),
        ("tỉnh Artemisa", "y tế", "COOPERATES_IN"),
        ("tỉnh Artemisa", "giáo dục", "COOPERATES_IN"),
        ("Bản ghi nhớ hợp tác", "21/4/2023", "DATE_OF"),
    ])
    assert len(found) == len(set(found))


def test_a_repeated_sentence_relates_within_each_sentence_only():
    found = _relations(SENTENCE + " " + SENTENCE)
    assert len(found) == 16 and len(set(found)) == 8


def test_duplicates_and_self_links_are_dropped_in_order():
    from vnpartner.relate.rules import _unique
    from vnpartner.schema import Relation

    found = [Relation("T1", "T2", "PARTNER"), Relation("T1", "T1", "PARTNER"), Relation("T1", "T2", "PARTNER"),
             Relation("T2", "T3", "LOCATED_IN")]
    assert _unique(found) == [Relation("T1", "T2", "PARTNER"), Relation("T2", "T3", "LOCATED_IN")]
