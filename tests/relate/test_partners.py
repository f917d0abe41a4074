"""The party filter: PARTNER decided per pair of parties from pooled head probabilities."""

import json

import pytest
import torch

from vnpartner.errors import VnPartnerError
from vnpartner.normalize.document import normalize_document
from vnpartner.relate.neural import PARTNER, build_head, decide, load_relater, save_head
from vnpartner.relate.partners import (
    FEATURES, PartyPairFilter, cosigner_partners, fit_party_filter, listed_counterparts, listed_trio_partners,
    party_pair_groups, shared_fields,
)
from vnpartner.schema import RELATION_LABELS, Document, Relation
from vnpartner.text import iter_sentences

TEXT = ("Tỉnh Gia Lai và tỉnh Savannakhet ký kết hợp tác. Gia Lai mong muốn hợp tác với Savannakhet. "
        "Đoàn có mặt tại Hà Nội.")


def make_doc() -> Document:
    doc = Document(text=TEXT)
    for surface, nth in (("Tỉnh Gia Lai", 0), ("tỉnh Savannakhet", 0), ("Gia Lai", 1), ("Savannakhet", 1),
                         ("Hà Nội", 0)):
        at = -1
        for _ in range(nth + 1):
            at = TEXT.index(surface, at + 1)
        doc.add_entity(at, at + len(surface), "LOCATION")
    normalize_document(doc)  # as extract() does before relating: `Tỉnh Gia Lai` is `Gia Lai`
    return doc


KEYS = [("T1", "T2"), ("T3", "T4"), ("T1", "T5")]


def test_mentions_of_one_party_pair_are_one_group():
    doc = make_doc()
    groups = party_pair_groups(doc, list(iter_sentences(TEXT)), KEYS, [0.9, 0.4, None])
    assert len(groups) == 1  # the pair with Hà Nội is no PARTNER candidate here
    (group,) = groups
    assert group.indices == [0, 1]
    features = dict(zip(FEATURES, group.features))
    assert features["max_p"] == pytest.approx(0.9)
    assert features["noisy_or_p"] == pytest.approx(1 - 0.1 * 0.6)
    assert features["in_first_sentence"] == 1.0
    assert features["share_above_half"] == pytest.approx(0.5)
    assert features["kind_locality"] == 2.0  # two provinces
    assert features["kind_country"] == features["kind_organization"] == 0.0


def test_a_kept_pair_links_its_likely_mentions_and_a_dropped_pair_none():
    doc = make_doc()
    groups = party_pair_groups(doc, list(iter_sentences(TEXT)), KEYS, [0.9, 0.4, None])
    keep_all = PartyPairFilter([0.0] * len(FEATURES), bias=5.0, floor=0.3)
    assert keep_all.partner_indices(groups, [0.9, 0.4, None]) == {0, 1}
    assert PartyPairFilter([0.0] * len(FEATURES), bias=5.0, floor=0.95).partner_indices(
        groups, [0.9, 0.4, None]) == {0}  # at least the pair's best mention pair
    drop_all = PartyPairFilter([0.0] * len(FEATURES), bias=-5.0)
    assert drop_all.partner_indices(groups, [0.9, 0.4, None]) == set()


def test_the_filter_learns_from_pooled_probabilities():
    rows, labels = [], []
    for k in range(40):
        high = k % 2 == 0
        row = [0.0] * len(FEATURES)
        row[FEATURES.index("max_p")] = 0.8 + 0.01 * (k % 7) if high else 0.1 + 0.01 * (k % 7)
        rows.append(row)
        labels.append(int(high))
    fitted = fit_party_filter(rows, labels)
    assert all(fitted.keep(row) == bool(label) for row, label in zip(rows, labels))
    assert PartyPairFilter.from_dict(json.loads(json.dumps(fitted.to_dict()))) == fitted
    with pytest.raises(ValueError):
        fit_party_filter(rows, [1] * len(rows))  # one class only


def test_decide_overrides_the_heads_partner_choice():
    doc = make_doc()
    sentences = list(iter_sentences(TEXT))
    probs = torch.zeros(3, len(RELATION_LABELS) + 1)
    probs[:, 0] = 0.6
    probs[:, PARTNER] = torch.tensor([0.4, 0.35, 0.0])
    mask = torch.ones(3, len(RELATION_LABELS) + 1, dtype=torch.bool)
    mask[2, PARTNER] = False
    assert decide(doc, sentences, KEYS, probs, mask) == []  # NONE wins pair by pair
    keep_all = PartyPairFilter([0.0] * len(FEATURES), bias=5.0, floor=0.3)
    found = decide(doc, sentences, KEYS, probs, mask, keep_all)
    assert [(r.head, r.tail, r.label) for r in found] == [("T1", "T2", "PARTNER"), ("T3", "T4", "PARTNER")]


def test_no_place_is_located_in_a_place_of_another_country():
    doc = make_doc()  # Gia Lai and Hà Nội are in Viet Nam, Savannakhet in Laos
    probs = torch.zeros(3, len(RELATION_LABELS) + 1)
    located_in = RELATION_LABELS.index("LOCATED_IN") + 1
    probs[:, located_in] = 0.7
    probs[:, 0] = 0.3
    mask = torch.ones(3, len(RELATION_LABELS) + 1, dtype=torch.bool)
    found = decide(doc, list(iter_sentences(TEXT)), KEYS, probs, mask)
    assert [(r.head, r.tail, r.label) for r in found] == [("T1", "T5", "LOCATED_IN")]


def test_a_title_right_before_a_later_person_is_not_an_earlier_persons():
    text = "Ông Erdogan và Vua Salman đã điện đàm. Ông Michael Rogers, Chủ tịch Tiểu ban, phát biểu."
    doc = Document(text=text)
    for surface in ("Erdogan", "Vua", "Salman", "Michael Rogers", "Chủ tịch", "Tiểu"):
        doc.add_entity(text.index(surface), text.index(surface) + len(surface),
                       "TITLE" if surface in ("Vua", "Chủ tịch") else "PERSON")
    keys = [("T1", "T2"), ("T3", "T2"), ("T4", "T5")]  # the last is an apposition, whatever the model read after it
    probs = torch.zeros(3, len(RELATION_LABELS) + 1)
    probs[:, RELATION_LABELS.index("HAS_TITLE") + 1] = 0.7
    probs[:, 0] = 0.3
    mask = torch.ones(3, len(RELATION_LABELS) + 1, dtype=torch.bool)
    found = decide(doc, list(iter_sentences(text)), keys, probs, mask)
    assert [(r.head, r.tail, r.label) for r in found] == [("T3", "T2", "HAS_TITLE"), ("T4", "T5", "HAS_TITLE")]


def _titles_decided(text, spans, keys):
    """(head, tail) of the HAS_TITLE links ``decide`` keeps where the head gives every pair 0.7."""
    doc = Document(text=text)
    for surface, label in spans:
        doc.add_entity(text.index(surface), text.index(surface) + len(surface), label)
    probs = torch.zeros(len(keys), len(RELATION_LABELS) + 1)
    probs[:, RELATION_LABELS.index("HAS_TITLE") + 1] = 0.7
    probs[:, 0] = 0.3
    mask = torch.ones(len(keys), len(RELATION_LABELS) + 1, dtype=torch.bool)
    return [(r.head, r.tail) for r in decide(doc, list(iter_sentences(text)), keys, probs, mask)
            if r.label == "HAS_TITLE"]


def test_a_title_opening_a_later_name_after_a_titled_persons_comma_is_the_later_ones():
    spans = [("Thủ tướng", "TITLE"), ("Phan Văn Khải", "PERSON"), ("Quốc vương", "TITLE"), ("Sihamoni", "PERSON")]
    found = _titles_decided("Thủ tướng Phan Văn Khải, Quốc vương Sihamoni bày tỏ.", spans,
                            [("T2", "T1"), ("T2", "T3"), ("T4", "T3")])
    assert found == [("T2", "T1"), ("T4", "T3")]


def test_a_title_before_cua_and_a_name_is_not_that_persons():
    spans = [("H.R. McMaster", "PERSON"), ("cố vấn an ninh quốc gia", "TITLE"), ("Trump", "PERSON")]
    found = _titles_decided("H.R. McMaster, cố vấn an ninh quốc gia của Trump, phát biểu.", spans,
                            [("T1", "T2"), ("T3", "T2")])
    assert found == [("T1", "T2")]  # the adviser is McMaster, not Trump
    spans = [("HR McMaster", "PERSON"), ("cố vấn an ninh", "TITLE"), ("Trump", "PERSON")]
    found = _titles_decided("Ông HR McMaster, cố vấn an ninh cấp cao của ông Trump, cho biết.", spans,
                            [("T1", "T2"), ("T3", "T2")])
    assert found == [("T1", "T2")]  # a few words may qualify the title before `của`


def test_a_title_joined_on_by_va_is_not_the_persons_before_it():
    spans = [("Trump", "PERSON"), ("Nhà vua", "TITLE"), ("Tổng thống", "TITLE")]
    found = _titles_decided("Sau tiệc, Trump và Nhà vua theo dõi. Tổng thống Trump nói.", spans,
                            [("T1", "T2"), ("T1", "T3")])
    assert found == [("T1", "T3")]


def test_a_head_of_another_version_is_a_clear_error(tmp_path):
    save_head(build_head(8, 16), tmp_path, {"schema": 1, "hidden": 8, "width": 16})
    with pytest.raises(VnPartnerError) as err:
        load_relater(tmp_path)
    assert err.value.code == "E420" and "retrain" in str(err.value)


def test_a_saved_filter_is_loaded_with_the_head(tmp_path):
    fitted = PartyPairFilter([0.5] * len(FEATURES), bias=-1.0)
    save_head(build_head(8, 16), tmp_path, {"schema": 2, "hidden": 8, "width": 16,
                                             "party_filter": fitted.to_dict()})
    assert load_relater(tmp_path).party_filter == fitted
    config = json.loads((tmp_path / "relations.json").read_text())
    config["party_filter"]["features"] = ["max_p"]
    (tmp_path / "relations.json").write_text(json.dumps(config))
    with pytest.raises(VnPartnerError):
        load_relater(tmp_path)


COSIGN_TEXT = ("Tỉnh Gia Lai và tỉnh Savannakhet ký Bản ghi nhớ hợp tác. "
               "Gia Lai ký hợp đồng. Savannakhet cũng ký hợp đồng.")


def cosign_doc() -> Document:
    doc = Document(text=COSIGN_TEXT)
    for surface, label, nth in (("Tỉnh Gia Lai", "LOCATION", 0), ("tỉnh Savannakhet", "LOCATION", 0),
                                ("Bản ghi nhớ", "AGREEMENT", 0), ("Gia Lai", "LOCATION", 1),
                                ("hợp đồng", "AGREEMENT", 0), ("Savannakhet", "LOCATION", 1),
                                ("hợp đồng", "AGREEMENT", 1)):
        at = -1
        for _ in range(nth + 1):
            at = COSIGN_TEXT.index(surface, at + 1)
        doc.add_entity(at, at + len(surface), label)
    normalize_document(doc)
    return doc


def test_two_parties_signing_one_agreement_in_one_sentence_are_partners():
    doc = cosign_doc()
    sentences = list(iter_sentences(COSIGN_TEXT))
    signed = [Relation("T2", "T3", "SIGNED"), Relation("T1", "T3", "SIGNED")]  # tail first, as a head may give
    assert cosigner_partners(doc, sentences, signed) == [Relation("T1", "T2", "PARTNER")]
    assert cosigner_partners(doc, sentences, signed + [Relation("T2", "T1", "PARTNER")]) == []  # already linked
    # one party twice, and signers of different agreements in different sentences: no link
    same_party = [Relation("T1", "T3", "SIGNED"), Relation("T4", "T3", "SIGNED")]
    assert cosigner_partners(doc, sentences, same_party) == []
    apart = [Relation("T4", "T5", "SIGNED"), Relation("T6", "T7", "SIGNED")]
    assert cosigner_partners(doc, sentences, apart) == []


def test_decide_adds_the_cosigners_partner_link():
    doc = cosign_doc()
    sentences = list(iter_sentences(COSIGN_TEXT))
    keys = [("T1", "T2"), ("T1", "T3"), ("T2", "T3")]
    signed = RELATION_LABELS.index("SIGNED") + 1
    probs = torch.zeros(3, len(RELATION_LABELS) + 1)
    probs[0, 0], probs[0, PARTNER] = 0.7, 0.3  # the head misses PARTNER
    probs[1:, signed] = 0.9
    mask = torch.ones(3, len(RELATION_LABELS) + 1, dtype=torch.bool)
    found = decide(doc, sentences, keys, probs, mask)
    assert sorted((r.head, r.tail, r.label) for r in found) == [
        ("T1", "T2", "PARTNER"), ("T1", "T3", "SIGNED"), ("T2", "T3", "SIGNED")]


def test_partners_in_one_sentence_share_its_fields():
    text = "Bình Dương và Artemisa hợp tác về y tế. Bình Dương cũng mạnh về giáo dục."
    doc = Document(text=text)
    for surface, label, nth in (("Bình Dương", "LOCATION", 0), ("Artemisa", "LOCATION", 0), ("y tế", "SECTOR", 0),
                                ("Bình Dương", "LOCATION", 1), ("giáo dục", "SECTOR", 0)):
        at = text.index(surface) if nth == 0 else text.index(surface, text.index(surface) + 1)
        doc.add_entity(at, at + len(surface), label)
    relations = [Relation("T1", "T2", "PARTNER"), Relation("T1", "T3", "COOPERATES_IN"),
                 Relation("T4", "T5", "COOPERATES_IN")]
    found = shared_fields(doc, list(iter_sentences(text)), relations)
    assert [(r.head, r.tail, r.label) for r in found] == [("T2", "T3", "COOPERATES_IN")]
    assert shared_fields(doc, list(iter_sentences(text)), relations + found) == []


def _places(text, names):
    doc = Document(text=text)
    for name in names:
        at = text.index(name)
        doc.add_entity(at, at + len(name), "LOCATION")
    normalize_document(doc)
    return doc


def test_three_parties_listed_together_with_two_pairs_linked_get_the_third_link():
    doc = _places("Mỹ, Nga và Jordan đã thống nhất lệnh ngừng bắn.", ["Mỹ", "Nga", "Jordan"])
    two = [Relation("T1", "T2", "PARTNER"), Relation("T1", "T3", "PARTNER")]
    assert listed_trio_partners(doc, two) == [Relation("T2", "T3", "PARTNER")]
    assert listed_trio_partners(doc, two[:1]) == []  # one pair linked is no group


def test_a_longer_list_or_parties_not_listed_get_no_link():
    longer = _places("Lào, Mỹ, Nga và Jordan đã thống nhất.", ["Lào", "Mỹ", "Nga", "Jordan"])
    assert listed_trio_partners(longer, [Relation("T2", "T3", "PARTNER"), Relation("T2", "T4", "PARTNER")]) == []
    met = _places("Mỹ gặp Nga và Jordan.", ["Mỹ", "Nga", "Jordan"])  # one meets two: one record each
    assert listed_trio_partners(met, [Relation("T1", "T2", "PARTNER"), Relation("T1", "T3", "PARTNER")]) == []


def test_a_party_linked_to_one_listed_counterpart_is_linked_to_the_others_the_head_allows():
    doc = _places("ASEAN họp với ba nước Trung Quốc, Nhật Bản và Hàn Quốc.",
                  ["Trung Quốc", "Nhật Bản", "Hàn Quốc"])
    at = doc.text.index("ASEAN")
    doc.add_entity(at, at + 5, "ORGANIZATION")  # T4
    sentences = list(iter_sentences(doc.text))
    keys = [("T4", "T1"), ("T4", "T2"), ("T4", "T3"), ("T1", "T2")]
    linked = [Relation("T4", "T1", "PARTNER")]
    found = listed_counterparts(doc, sentences, keys, [0.9, 0.5, 0.2, 0.1], linked, floor=0.3)
    assert found == [Relation("T4", "T2", "PARTNER")]  # Hàn Quốc's pair is below the floor
    assert listed_counterparts(doc, sentences, keys, [0.9, 0.5, 0.4, 0.1], linked, floor=0.3) == [
        Relation("T4", "T2", "PARTNER"), Relation("T4", "T3", "PARTNER")]
    assert listed_counterparts(doc, sentences, keys, [0.9, 0.5, 0.4, 0.1], [], floor=0.3) == []


def test_listed_subjects_are_no_counterparts_of_the_party_after_them():
    doc = _places("Iran, Nga và Thổ Nhĩ Kỳ hỗ trợ Syria.", ["Iran", "Nga", "Thổ Nhĩ Kỳ", "Syria"])
    keys = [("T1", "T4"), ("T2", "T4"), ("T3", "T4")]
    found = listed_counterparts(doc, list(iter_sentences(doc.text)), keys, [0.9, 0.9, 0.9],
                                [Relation("T1", "T4", "PARTNER")], floor=0.3)
    assert found == []


def test_signers_named_after_with_are_counterparts_of_the_party_before_it():
    text = "EU đẩy nhanh việc ký kết FTA với Singapore và Việt Nam."
    doc = _places(text, ["Singapore", "Việt Nam"])
    for surface, label in (("EU", "ORGANIZATION"), ("FTA", "AGREEMENT")):
        doc.add_entity(text.index(surface), text.index(surface) + len(surface), label)  # T3, T4
    signed = [Relation("T1", "T4", "SIGNED"), Relation("T2", "T4", "SIGNED")]
    assert cosigner_partners(doc, list(iter_sentences(text)), signed) == [
        Relation("T3", "T1", "PARTNER"), Relation("T3", "T2", "PARTNER")]


def test_a_title_opening_a_later_name_across_its_country_is_the_later_ones():
    text = "Lời mời của Thủ tướng Đức Angela Merkel, Thủ tướng Chính phủ nước Việt Nam Nguyễn Xuân Phúc sẽ thăm."
    spans = [("Thủ tướng", "TITLE"), ("Đức", "LOCATION"), ("Angela Merkel", "PERSON"), ("Thủ tướng Chính phủ", "TITLE"),
             ("Việt Nam", "LOCATION"), ("Nguyễn Xuân Phúc", "PERSON")]
    found = _titles_decided(text, spans, [("T3", "T1"), ("T3", "T4"), ("T6", "T4")])
    assert found == [("T3", "T1"), ("T6", "T4")]


def test_a_title_opening_a_later_name_across_its_country_is_no_apposition():
    spans = [("Peskov", "PERSON"), ("Tổng thống", "TITLE"), ("Nga", "LOCATION"), ("Vladimir Putin", "PERSON")]
    found = _titles_decided("Theo ông Peskov, Tổng thống Nga Vladimir Putin chưa quyết định.", spans,
                            [("T1", "T2"), ("T4", "T2")])
    assert found == [("T4", "T2")]


def test_a_title_after_another_title_and_cua_is_not_the_persons_before_it():
    spans = [("Frances Adamson", "PERSON"), ("Đặc phái viên", "TITLE"), ("Thủ tướng", "TITLE")]
    found = _titles_decided("Bà Frances Adamson, Đặc phái viên của Thủ tướng Australia, nói.", spans,
                            [("T1", "T2"), ("T1", "T3")])
    assert found == [("T1", "T2")]
