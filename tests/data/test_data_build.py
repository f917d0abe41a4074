"""The builder end to end on a made-up shared folder, and the recipe's command line."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from vnpartner.data import OverlapGuard, build, format_table, gold_labels_of, rule_spans
from vnpartner.data import builder as build_module
from vnpartner.data import sources as sources_module
from vnpartner.errors import VnPartnerError
from vnpartner.io import read_jsonl
from vnpartner.schema import ENTITY_LABELS

ROOT = Path(__file__).resolve().parents[2]


def run(shared, out, tagger, **kwargs):
    return build(shared, out, tagger=tagger, progress=False, **kwargs)


def test_build_writes_train_dev_with_sources(shared, tmp_path, tagger):
    out = tmp_path / "runs" / "ner"
    result = run(shared, out, tagger)
    train = read_jsonl(out / "train.jsonl", labels=ENTITY_LABELS)
    dev = read_jsonl(out / "dev.jsonl", labels=ENTITY_LABELS)
    assert [d.id for d in dev] == ["vlsp2018/dev/950:1"]
    ids = [d.id for d in train]
    assert ids == ["vlsp2016/train/7:1", "vlsp2016/train/7:2", "vlsp2018/train/900:1",
                   "phoner/train/train:0", "phoner/train/train:1",
                   "corpus/vntc/vntc-1", "corpus/vntc/vntc-2", "corpus/unc/unc-1"]
    assert result.notes[("train", "vlsp2018")]["dropped_dev_overlap"] == 1  # repeats the dev paragraph
    by_id = {d.id: d for d in train}
    # VLSP 2016: gold PER/LOC kept, silver DATE added, rule LOCATION/PERSON not added
    assert [(e.text, e.label) for e in by_id["vlsp2016/train/7:1"].entities] == [
        ("Trần Văn Bình", "PERSON"), ("thành phố Cao Lãnh", "LOCATION"), ("3/5/2021", "DATE")]
    # the MISC span blocks the silver DATE inside it; SECTOR inside gold ORG is not added
    assert [(e.text, e.label) for e in by_id["vlsp2016/train/7:2"].entities] == [
        ("Sở Y tế tỉnh Đồng Tháp", "ORGANIZATION")]
    # PhoNER: gold DATE, silver ORGANIZATION; PATIENT_ID is no entity of ours
    assert [(e.text, e.label) for e in by_id["phoner/train/train:0"].entities] == [
        ("14 - 3", "DATE"), ("Bệnh viện Đa khoa tỉnh Bạc Liêu", "ORGANIZATION")]
    # corpus: all labels silver
    corpus = by_id["corpus/vntc/vntc-1"]
    assert {e.label for e in corpus.entities} == {"DATE", "LOCATION", "AGREEMENT", "SECTOR"}
    assert gold_labels_of(corpus.id) == frozenset()
    # dev gets the same treatment as train
    assert [(e.text, e.label) for e in dev[0].entities][:2] == [("12/4", "DATE"), ("Phan Thị Hoa", "PERSON")]
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["docs"]["train/corpus"] == 3
    assert all("test" not in p for p in stats["paths"]["train"] + stats["paths"]["dev"])


def test_no_silver_span_overlaps_gold(shared, tmp_path, tagger):
    out = tmp_path / "ner"
    run(shared, out, tagger)
    for doc in read_jsonl(out / "train.jsonl") + read_jsonl(out / "dev.jsonl"):
        ordered = sorted((e.start, e.end) for e in doc.entities)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), doc.id


def test_standoff_records_have_no_text(shared, tmp_path, tagger):
    out = tmp_path / "ner"
    run(shared, out, tagger, corpus_docs=2)
    lines = (out / "corpus_rules.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc_id"] for r in records] == ["corpus/vntc/vntc-1", "corpus/vntc/vntc-2"]
    assert set(records[0]) == {"doc_id", "entities"}
    assert all(len(e) == 3 and isinstance(e[0], int) for r in records for e in r["entities"])


def test_sources_option_and_errors(shared, tmp_path, tagger):
    result = run(shared, tmp_path / "a", tagger, sources=["phoner"])
    assert {src for _, src in result.docs} == {"phoner", "vlsp2018"}  # vlsp2018 = dev only
    with pytest.raises(VnPartnerError, match="E604"):
        run(shared, tmp_path / "b", tagger, sources=["vlsp2099"])
    with pytest.raises(VnPartnerError, match="E605"):
        run(shared, tmp_path / "c", tagger, sources=["vlsp2021"])
    result = run(shared, tmp_path / "d", tagger, sources=["vlsp2021"], allow_test_overlap=True)
    assert result.docs[("train", "vlsp2021")] == 1


def test_builder_refuses_a_test_path(shared, tmp_path, tagger, monkeypatch):
    spec = sources_module.SOURCES["vlsp2016"]
    bad = sources_module.SourceSpec(**{**spec.__dict__, "files": {"train": "ner/vlsp2016/test.jsonl.xz"}})
    monkeypatch.setitem(build_module.SOURCES, "vlsp2016", bad)
    with pytest.raises(VnPartnerError, match="E601"):
        run(shared, tmp_path / "ner", tagger, sources=["vlsp2016"])
    with pytest.raises(VnPartnerError, match="E601"):
        list(build_module.iter_corpus(shared / "corpora" / "news_test.jsonl.xz", 1))


def test_overlap_guard_matches_across_tokenisation():
    guard = OverlapGuard(["Sáng 12/4, bà Phan Thị Hoa đã làm việc với đoàn công tác của Trường Đại học Bách Khoa "
                          "về hợp tác đào tạo."])
    assert guard.overlaps("Bà Phan Thị Hoa đã làm việc với đoàn công tác của Trường Đại học Bách Khoa về "
                          "hợp tác đào tạo .")
    assert not guard.overlaps("Bà Hoa làm việc với Trường Đại học Bách Khoa.")


def test_format_table_lists_sources_and_labels(shared, tmp_path, tagger):
    table = format_table(run(shared, tmp_path / "ner", tagger))
    header = table.splitlines()[0].split()
    assert header[:4] == ["split", "source", "kind", "docs"] and header[-1] == "all"
    assert any(line.split()[:3] == ["train", "TOTAL", "all"] for line in table.splitlines())
    assert any(line.split()[:3] == ["dev", "vlsp2018", "gold"] for line in table.splitlines())


def test_rule_spans_contract():
    text = "Ngày 2/3/2022, tỉnh Lâm Đồng ký Bản ghi nhớ hợp tác y tế với tỉnh Gia Lai."
    spans = rule_spans(text)
    assert spans and all(label in ENTITY_LABELS and 0 <= s < e <= len(text) for s, e, label in spans)
    found = {(text[s:e], label) for s, e, label in spans}
    assert ("2/3/2022", "DATE") in found and ("tỉnh Gia Lai", "LOCATION") in found


def test_recipe_cli(shared, tmp_path, tagger, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("build_ner_data", ROOT / "recipes" / "build_ner_data.py")
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    monkeypatch.setattr(recipe, "build", lambda *a, **k: build(*a, tagger=tagger, progress=False, **k))
    out = tmp_path / "runs" / "ner"
    code = recipe.main(["--shared", str(shared), "--out", str(out), "--corpus-docs", "2",
                        "--sources", "vlsp2016,phoner,corpus"])
    printed = capsys.readouterr().out
    assert code == 0
    assert (out / "train.jsonl").exists() and (out / "dev.jsonl").exists()
    assert "TOTAL" in printed and "phoner" in printed
    assert (out / "corpus_rules.jsonl").exists()
    assert "corpus_rules.jsonl" in printed
    assert recipe.main(["--shared", str(shared), "--out", str(out), "--sources", "vlsp2021"]) == 2
