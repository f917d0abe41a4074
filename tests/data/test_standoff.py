"""Stand-off gold records: no text inside, exact round trip with the corpus, clear errors."""

import json
import lzma

import pytest

from vnpartner.data.standoff import from_standoff, load_gold, problems, to_standoff
from vnpartner.errors import VnPartnerError
from vnpartner.schema import Document, Partnership, Party, Person, Relation

TEXT = "Ông Trần Văn Nam, Chủ tịch UBND tỉnh Gia Lai, ký Bản ghi nhớ với tỉnh Attapeu ngày 3/5/2021."


def annotated() -> Document:
    doc = Document(text=TEXT, id="news-7")
    spans = [("Trần Văn Nam", "PERSON", {"title": "Chủ tịch", "affiliation": "Gia Lai", "country": "VN"}),
             ("Chủ tịch", "TITLE", None), ("UBND tỉnh Gia Lai", "ORGANIZATION", None),
             ("Bản ghi nhớ", "AGREEMENT", None),
             ("tỉnh Attapeu", "LOCATION", {"name": "Attapeu", "country": "LA", "admin": "province"}),
             ("3/5/2021", "DATE", {"value": "2021-05-03", "granularity": "day"})]
    for surface, label, normalized in spans:
        at = TEXT.index(surface)
        doc.add_entity(at, at + len(surface), label, normalized)
    ids = [e.id for e in doc.entities]
    doc.relations = [Relation(ids[0], ids[1], "HAS_TITLE"), Relation(ids[2], ids[4], "PARTNER"),
                     Relation(ids[3], ids[5], "DATE_OF")]
    doc.partnerships = [Partnership(
        parties=[Party("Gia Lai", "VN", "province"), Party("Attapeu", "LA", "province")], date="2021-05-03",
        instrument="mou", people=[Person("Trần Văn Nam", "Chủ tịch", "VN")], evidence=[(0, len(TEXT))])]
    return doc


def test_standoff_holds_no_text_and_round_trips():
    doc = annotated()
    record = to_standoff(doc)
    dumped = json.dumps(record, ensure_ascii=False)
    for quoted in ("Trần Văn Nam", "Gia Lai", "Attapeu", "Bản ghi nhớ"):
        assert quoted not in dumped
    assert "text" not in record and all("text" not in e for e in record["entities"])
    assert from_standoff(record, TEXT).to_dict() == doc.to_dict()


def test_a_changed_corpus_text_is_caught():
    record = to_standoff(annotated())
    with pytest.raises(VnPartnerError) as err:
        from_standoff(record, TEXT.replace("2021", "2022"))
    assert err.value.code == "E116"


def test_load_gold_joins_records_with_the_corpus(tmp_path):
    corpus = tmp_path / "news.jsonl.xz"
    with lzma.open(corpus, "wt", encoding="utf-8") as handle:
        for n, text in enumerate(["Một bài khác.", TEXT]):
            handle.write(json.dumps({"id": ["news-1", "news-7"][n], "text": text}, ensure_ascii=False) + "\n")
    gold = tmp_path / "test.jsonl"
    gold.write_text(json.dumps(to_standoff(annotated()), ensure_ascii=False) + "\n", encoding="utf-8")
    [doc] = load_gold(gold, corpus)
    assert doc.id == "news-7" and doc.partnerships[0].people[0].name == "Trần Văn Nam"
    missing = tmp_path / "missing.jsonl"
    missing.write_text(json.dumps({**to_standoff(annotated()), "id": "news-99"}) + "\n", encoding="utf-8")
    with pytest.raises(VnPartnerError, match="not in"):
        load_gold(missing, corpus)


def test_problems_name_the_rule_breaks():
    doc = annotated()
    assert problems(doc) == []
    ids = {e.label: e.id for e in doc.entities}
    doc.relations.append(Relation(ids["DATE"], ids["PERSON"], "HAS_TITLE"))
    doc.add_entity(TEXT.index("Gia Lai"), TEXT.index("Gia Lai") + 7, "LOCATION",
                   {"name": "Gia Lai", "country": "VN", "admin": "province"})
    doc.partnerships[0].sectors.append("space")
    found = "\n".join(problems(doc))
    assert "HAS_TITLE" in found and "not allowed" in found
    assert "overlapping" in found
    assert "unknown sector code 'space'" in found
