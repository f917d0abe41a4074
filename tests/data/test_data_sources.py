"""Label mapping of each gold source, dropped documents and the test-split guard."""

from __future__ import annotations

import pytest

from vnpartner.data import SOURCES, apply_spec, check_not_test, iter_gold, load_source, make_id, source_of
from vnpartner.errors import VnPartnerError
from vnpartner.schema import ENTITY_LABELS


def gold(shared, name, split="train"):
    spec = SOURCES[name]
    docs = load_source(spec, shared / spec.files[split], root=shared)
    return list(iter_gold(spec, docs, split))


def spans(doc):
    return [(e.text, e.label) for e in doc.entities]


def test_vlsp2016_maps_labels_drops_misc_and_doc_104682(shared):
    items = gold(shared, "vlsp2016")
    assert [d.id for d, _, _ in items] == ["vlsp2016/train/7:1", "vlsp2016/train/7:2"]
    first, second = items[0][0], items[1][0]
    # desegmented text; the type word before the LOC moves inside it
    assert first.text.startswith("Ông Trần Văn Bình thăm thành phố Cao Lãnh")
    assert spans(first) == [("Trần Văn Bình", "PERSON"), ("thành phố Cao Lãnh", "LOCATION")]
    assert items[0][2]["type_words"] == 1
    # MISC is dropped but its span blocks silver spans
    assert spans(second) == [("Sở Y tế tỉnh Đồng Tháp", "ORGANIZATION")]
    blocked = items[1][1]
    assert [second.text[s:e] for s, e in blocked] == ["Lễ hội Tháng Ba năm 2020"]
    assert items[1][2]["dropped_MISC"] == 1


def test_vlsp2018_depth0_mapping_and_quantified_type_word(shared):
    items = gold(shared, "vlsp2018")
    doc = items[0][0]
    assert doc.id == "vlsp2018/train/900:1"
    assert spans(doc) == [("thành phố Hạ Long", "LOCATION"), ("Công ty Sao Mai", "ORGANIZATION"),
                          ("miền Tây", "LOCATION")]  # `các tỉnh miền Tây` keeps the type word out
    dev = gold(shared, "vlsp2018", "dev")[0][0]
    assert dev.id == "vlsp2018/dev/950:1"
    assert {e.label for e in dev.entities} == {"PERSON", "ORGANIZATION"}  # nested LOC left out


def test_phoner_keeps_only_date_and_nfc(shared):
    items = gold(shared, "phoner")
    assert [spans(d) for d, _, _ in items] == [[("14 - 3", "DATE")], [("20/3", "DATE")]]
    assert "bệnh" in items[1][0].text  # NFD token normalised
    blocked_text = [items[0][0].text[s:e] for s, e in items[0][1]]
    assert blocked_text == ["1001"]  # PATIENT_ID blocks; LOCATION (other convention) does not
    assert SOURCES["phoner"].gold == {"DATE"}


def test_vlsp2021_dates_filtered_and_trimmed(shared):
    (doc, blocked, stats), = gold(shared, "vlsp2021")
    assert spans(doc) == [("5/6/2019", "DATE"), ("Nguyễn An", "PERSON"), ("thành phố Vinh", "LOCATION")]
    assert stats["dates_dropped"] == 1 and stats["dates_trimmed"] == 1
    assert [doc.text[s:e] for s, e in blocked] == ["3 ngày"]  # the duration blocks silver; PERSONTYPE does not


def test_every_mapped_label_is_ours():
    for spec in SOURCES.values():
        assert set(spec.label_map.values()) <= set(ENTITY_LABELS)
        assert spec.gold | spec.silver == set(ENTITY_LABELS)
        assert not spec.gold & spec.silver


def test_apply_spec_drops_unmapped_labels():
    from vnpartner.schema import Document

    doc = Document(text="Ông A ở B.", id="s")
    doc.add_entity(4, 5, "PER")
    doc.add_entity(8, 9, "WEIRD")
    doc, blocked = apply_spec(doc, SOURCES["vlsp2016"])
    assert spans(doc) == [("A", "PERSON")] and blocked == []


@pytest.mark.parametrize("path", [
    "ner/vlsp2016/test.jsonl.xz", "ner/phoner_covid19/test_syllable.jsonl.xz", "ner/vlsp2018/TEST.jsonl.xz",
    "ner/test/train.jsonl.xz",
])
def test_guard_refuses_test_splits(shared, path):
    with pytest.raises(VnPartnerError, match="E601"):
        check_not_test(shared / path, shared)


def test_guard_refuses_test_file_without_root_and_allows_train(shared):
    with pytest.raises(VnPartnerError, match="E601"):
        check_not_test("/somewhere/dev_or_test.jsonl")
    # tmp_path itself contains `test_…`: only the part below the shared root counts
    assert check_not_test(shared / "ner/vlsp2016/train.jsonl.xz", shared).name == "train.jsonl.xz"


def test_load_source_refuses_test_split(shared):
    with pytest.raises(VnPartnerError, match="E601"):
        load_source(SOURCES["vlsp2016"], shared / "ner/vlsp2016/test.jsonl.xz", root=shared)


def test_ids_record_the_source():
    doc_id = make_id("vlsp2018", "train", "23351225:1")
    assert doc_id == "vlsp2018/train/23351225:1"
    assert source_of(doc_id) == ("vlsp2018", "train", "23351225:1")
    with pytest.raises(VnPartnerError, match="E602"):
        source_of("no-source")
