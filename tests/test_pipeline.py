import json

import pytest

import vnpartner
from vnpartner.errors import VnPartnerError
from vnpartner.io import read_jsonl

SENTENCE = "Ngày 21/4/2023, UBND tỉnh Bình Dương ký kết Bản ghi nhớ hợp tác với tỉnh Artemisa (Cuba) về y tế và giáo dục."


def test_public_api_is_small_and_lazy():
    assert set(vnpartner.__all__) >= {"extract", "extract_batch", "load", "Document"}
    with pytest.raises(AttributeError):
        vnpartner.does_not_exist


def test_extract_finds_and_normalises_entities():
    doc = vnpartner.extract(SENTENCE)
    found = {(e.text, e.label) for e in doc.entities}
    assert ("21/4/2023", "DATE") in found
    assert ("UBND tỉnh Bình Dương", "ORGANIZATION") in found
    assert ("tỉnh Artemisa", "LOCATION") in found
    assert ("Bản ghi nhớ hợp tác", "AGREEMENT") in found
    for ent in doc.entities:
        assert doc.text[ent.start:ent.end] == ent.text
    by_text = {e.text: e for e in doc.entities}
    assert by_text["21/4/2023"].normalized == {"value": "2023-04-21", "granularity": "day"}
    assert by_text["tỉnh Artemisa"].normalized == {"name": "Artemisa", "country": "CU", "admin": "province"}
    assert by_text["y tế"].normalized == {"code": "health"}


def test_extract_builds_a_partnership_record():
    doc = vnpartner.extract(SENTENCE)
    assert len(doc.partnerships) == 1
    record = doc.partnerships[0]
    assert {(p.name, p.country) for p in record.parties} == {("Bình Dương", "VN"), ("Artemisa", "CU")}
    assert record.instrument == "mou"
    assert set(record.sectors) == {"health", "education"}


def test_published_anchors_dates_without_a_year():
    doc = vnpartner.extract("Tối 24/8, đoàn tỉnh Artemisa thăm tỉnh Bình Dương.", published="2023-09-01")
    date = next(e for e in doc.entities if e.label == "DATE")
    assert date.normalized["value"] == "2023-08-24"
    assert doc.published == "2023-09-01"


def test_bad_published_value_is_a_clear_error():
    with pytest.raises(VnPartnerError, match="published"):
        vnpartner.extract(SENTENCE, published="yesterday")


@pytest.mark.parametrize("text", ["", "   \n\t  ", b""])
def test_empty_input_gives_an_empty_document(text):
    doc = vnpartner.extract(text)
    assert doc.entities == [] and doc.relations == [] and doc.partnerships == []


def test_english_text_gives_no_vietnamese_partnership():
    doc = vnpartner.extract("The weather was fine and the committee discussed the budget at length.")
    assert doc.partnerships == []
    assert not [e for e in doc.entities if e.label in ("PERSON", "AGREEMENT", "SECTOR")]


def test_html_input_is_extracted_from_its_visible_text():
    html = f"<html><body><h1>Tin</h1><p>{SENTENCE}</p><script>var x = 'Hà Nội';</script></body></html>"
    doc = vnpartner.extract(html)
    assert "<p>" not in doc.text and "var x" not in doc.text
    assert any(e.text == "tỉnh Artemisa" for e in doc.entities)


def test_wrongly_encoded_bytes_are_rejected_clearly():
    with pytest.raises(VnPartnerError, match="E002"):
        vnpartner.extract(SENTENCE.encode("utf-16-le"))
    doc = vnpartner.extract(SENTENCE.encode("utf-16"), encoding="utf-16")
    assert doc.entities


def test_a_megabyte_of_text_runs_with_offsets_intact():
    paragraph = SENTENCE + "\n"
    text = paragraph * (1_000_000 // len(paragraph.encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 1_000_000
    doc = vnpartner.extract(text)
    assert len([e for e in doc.entities if e.label == "DATE"]) == text.count("21/4/2023")
    assert all(text[e.start:e.end] == e.text for e in doc.entities[:50] + doc.entities[-50:])


def test_oversized_input_is_refused_before_any_work(monkeypatch):
    from vnpartner import pipeline

    monkeypatch.setattr(pipeline, "MAX_CHARS", 100)
    with pytest.raises(VnPartnerError, match="E003"):
        vnpartner.extract("a" * 101)


def test_unknown_model_is_a_clear_error():
    with pytest.raises(VnPartnerError, match="E006"):
        vnpartner.load("no-such-model")


def test_extract_batch_keeps_order():
    docs = vnpartner.extract_batch(["", SENTENCE, "Hà Nội."])
    assert [d.id for d in docs] == ["0", "1", "2"]
    assert docs[1].entities and not docs[0].entities


def test_document_json_round_trips():
    doc = vnpartner.extract(SENTENCE)
    again = vnpartner.Document.from_json(doc.to_json())
    assert again == doc
    assert json.loads(doc.to_json())["partnerships"][0]["instrument"] == "mou"


def test_seed_extraction_meets_the_contract(seed_paths):
    for path in seed_paths:
        doc = vnpartner.extract(path.read_bytes(), id=path.stem)
        for ent in doc.entities:
            assert doc.text[ent.start:ent.end] == ent.text
            if ent.label == "LOCATION" and ent.normalized:
                assert set(ent.normalized) == {"name", "country", "admin"}
            if ent.label == "SECTOR":
                assert ent.normalized["code"] in vnpartner.schema.SECTOR_CODES


def test_gold_seeds_are_valid_and_complete(gold_path, seed_paths):
    gold = read_jsonl(gold_path)
    assert [d.id for d in gold] == [p.stem for p in seed_paths]
    for doc, path in zip(gold, seed_paths):
        assert doc.text == vnpartner.text.prepare_text(path.read_bytes())
        assert {e.label for e in doc.entities} <= set(vnpartner.schema.ENTITY_LABELS)
        assert doc.partnerships, f"{doc.id} has no partnership record"


def test_default_model_follows_the_environment(monkeypatch, tmp_path):
    from vnpartner import pipeline

    monkeypatch.setenv("VNPARTNER_MODEL", "rules")
    assert pipeline.default_model() == "rules" and vnpartner.load().name == "rules"
    monkeypatch.delenv("VNPARTNER_MODEL")
    monkeypatch.setattr(pipeline, "shipped_model_dir", lambda: tmp_path / "missing")
    with pytest.warns(UserWarning, match="VNPARTNER_MODEL"):
        assert pipeline.default_model() == "rules"
    (tmp_path / "missing").mkdir()
    (tmp_path / "missing" / "config.json").write_text("{}")
    assert pipeline.default_model() == str(tmp_path / "missing")


@pytest.mark.shipped_model
def test_shipped_model_is_the_default_and_finds_the_parties(seed_paths):
    from vnpartner.pipeline import shipped_model_dir

    if not (shipped_model_dir() / "config.json").is_file():
        pytest.skip("no model in models/ yet")
    pipeline = vnpartner.load()
    assert pipeline.name == str(shipped_model_dir()) and vnpartner.load("vnpartner-ner") is pipeline
    doc = vnpartner.extract(seed_paths[0].read_text(encoding="utf-8"))
    places = {e.text for e in doc.entities if e.label == "LOCATION"}
    assert any("Bình Dương" in p for p in places) and any("Artemisa" in p for p in places)
    assert {"PERSON", "ORGANIZATION", "DATE"} <= {e.label for e in doc.entities}
    from vnpartner.relate.neural import NeuralRelater

    assert isinstance(pipeline.relater, NeuralRelater)
    [record] = [r for r in doc.partnerships if {p.name for p in r.parties} == {"Bình Dương", "Artemisa"}]
    assert {(p.country, p.kind) for p in record.parties} == {("VN", "province"), ("CU", "province")}
    assert (record.date, record.instrument) == ("2023-08-24", "mou")
    assert {"health", "education", "trade"} <= set(record.sectors)


@pytest.mark.shipped_model
def test_the_fast_shipped_model_is_named_and_finds_the_seed_parties(seed_paths):
    from vnpartner.pipeline import shipped_model_dir

    folder = shipped_model_dir("vnpartner-ner-fast")
    if not (folder / "config.json").is_file():
        pytest.skip("no fast model in models/")
    pipeline = vnpartner.load("vnpartner-ner-fast")
    assert pipeline.name == str(folder) and pipeline is not vnpartner.load("vnpartner-ner")
    assert pipeline.tagger.neural.model.config.num_hidden_layers == 2
    doc = pipeline(seed_paths[0].read_text(encoding="utf-8"))
    assert any({p.name for p in r.parties} == {"Bình Dương", "Artemisa"} for r in doc.partnerships)


def test_extract_batch_refuses_one_string():
    with pytest.raises(VnPartnerError, match="E001.*list of texts"):
        vnpartner.extract_batch("Hà Nội hợp tác với Tokyo.", model="rules")


def test_the_evaluate_subpackage_is_not_shadowed():
    import vnpartner.evaluate
    from vnpartner.evaluate import format_report

    assert callable(format_report) and callable(vnpartner.evaluate.evaluate)
    assert "evaluate" not in vnpartner.__all__ and "Failure" in vnpartner.__all__


def test_chunked_keeps_order_and_a_shorter_last_chunk():
    from vnpartner.pipeline import chunked
    assert list(chunked(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked(range(4), 2)) == [[0, 1], [2, 3]]
    assert list(chunked([], 3)) == []
