"""evaluate(): pairing documents, reading JSONL, the text table and the JSON file."""

from __future__ import annotations

import copy
import json

import pytest

import vnpartner.evaluate as ev
from vnpartner.errors import VnPartnerError
from vnpartner.evaluate import evaluate, format_report, write_report
from vnpartner.evaluate import report as report_module


def _scores(report):
    """Every P/R/F1 row and accuracy in a report."""
    rows = [*report["entities"].values(), *report["relations"].values()]
    rows += [report["partnerships"][k] for k in ("parties", "sectors", "party_pairs")]
    return rows


def test_public_api():
    assert set(ev.__all__) == {"evaluate", "format_report", "write_report", "score_entities",
                               "score_relations", "score_partnerships", "score_tags"}
    assert all(callable(getattr(ev, name)) for name in ev.__all__)


def test_perfect_prediction_scores_one_everywhere(gold_doc):
    report = evaluate([gold_doc], [copy.deepcopy(gold_doc)])
    assert set(report) == {"entities", "relations", "partnerships", "documents",
                           "paired_by", "missing_ids", "extra_ids"}
    assert all((r["precision"], r["recall"], r["f1"]) == (1.0, 1.0, 1.0) for r in _scores(report))
    assert report["partnerships"]["date"]["accuracy"] == 1.0
    assert report["partnerships"]["instrument"]["accuracy"] == 1.0
    assert (report["documents"], report["paired_by"]) == (1, "id")
    assert report["missing_ids"] == report["extra_ids"] == []


def test_pairs_by_id_in_any_order(gold_doc, make_doc):
    other = make_doc("Hà Nội đón đoàn Lào.", [("Hà Nội", "LOCATION")], doc_id="d2")
    report = evaluate([gold_doc, other], [copy.deepcopy(other), copy.deepcopy(gold_doc)])
    assert report["entities"]["micro"]["f1"] == 1.0
    assert report["paired_by"] == "id"


def test_missing_and_extra_ids(gold_doc, make_doc):
    other = make_doc("Hà Nội đón đoàn Lào.", [("Hà Nội", "LOCATION")], doc_id="d2")
    stray = make_doc("Văn bản khác.", [], doc_id="x9")
    report = evaluate([gold_doc, other], [copy.deepcopy(gold_doc), stray])
    assert report["missing_ids"] == ["d2"] and report["extra_ids"] == ["x9"]
    assert report["documents"] == 2
    micro = report["entities"]["micro"]
    n = len(gold_doc.entities)
    assert micro["precision"] == 1.0 and micro["recall"] == pytest.approx(n / (n + 1))
    assert report["entities"]["LOCATION"]["support"] == 3


def test_no_id_match_with_equal_counts_pairs_by_position(gold_doc):
    pred = copy.deepcopy(gold_doc)
    pred.id = ""
    report = evaluate([gold_doc], [pred])
    assert report["paired_by"] == "position"
    assert report["entities"]["micro"]["f1"] == 1.0


def test_no_id_match_with_different_counts_is_an_error(gold_doc, make_doc):
    pred = [make_doc(gold_doc.text, doc_id="p1"), make_doc(gold_doc.text, doc_id="p2")]
    with pytest.raises(VnPartnerError, match=r"\[E310\].*1 gold.*2 predicted"):
        evaluate([gold_doc], pred)


def test_some_ids_missing_are_scored_as_empty_predictions(gold_doc, make_doc):
    pred = [make_doc(gold_doc.text, doc_id="d1"), make_doc(gold_doc.text, doc_id="p2")]
    report = evaluate([gold_doc, make_doc("Hà Nội hợp tác với Tokyo.", doc_id="d3")], pred)
    assert report["paired_by"] == "id"
    assert report["missing_ids"] == ["d3"] and report["extra_ids"] == ["p2"]


def test_mismatched_text_raises_naming_the_id(gold_doc):
    pred = copy.deepcopy(gold_doc)
    pred.text = pred.text.replace("Bình Dương", "Bình Định")
    with pytest.raises(VnPartnerError, match=r"\[E303\].*'d1'") as info:
        evaluate([gold_doc], [pred])
    assert info.value.code == "E303"


def test_duplicate_ids_raise(gold_doc):
    with pytest.raises(VnPartnerError, match=r"\[E309\]"):
        evaluate([gold_doc, copy.deepcopy(gold_doc)], [gold_doc])


def test_bad_input_type_raises(gold_doc):
    with pytest.raises(VnPartnerError, match=r"\[E308\]"):
        evaluate(gold_doc, [gold_doc])


def _write_jsonl(path, docs):
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    return path


def test_reads_jsonl_paths(tmp_path, gold_doc):
    gold = _write_jsonl(tmp_path / "gold.jsonl", [gold_doc])
    report = evaluate(gold, str(gold))
    assert report["entities"]["micro"]["f1"] == 1.0
    assert report["partnerships"]["parties"]["f1"] == 1.0


def test_batch_failure_lines_count_as_missing_and_bad_lines_are_located(tmp_path, gold_doc):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "x", "error": {"code": "E002", "message": "bad bytes"}}\n\n' + gold_doc.to_json() + "\n",
                    encoding="utf-8")
    assert report_module.read_documents(path) == [gold_doc]
    path.write_text(gold_doc.to_json() + "\n{not json\n", encoding="utf-8")
    with pytest.raises(VnPartnerError, match=r"pred.jsonl.*line 2|pred.jsonl:2"):
        report_module.read_documents(path)


def test_missing_file_raises(tmp_path):
    with pytest.raises(VnPartnerError, match=r"\[E307\]"):
        evaluate(tmp_path / "nope.jsonl", [])


def test_accepts_dicts(gold_doc):
    assert evaluate([gold_doc.to_dict()], [gold_doc])["entities"]["micro"]["f1"] == 1.0


def test_format_report_table(gold_doc, make_doc):
    pred = copy.deepcopy(gold_doc)
    pred.entities = pred.entities[:3]
    pred.relations = []
    text = format_report(evaluate([gold_doc, make_doc("Khác.", doc_id="d2")], [pred]))
    lines = text.splitlines()
    assert lines[0] == "Documents: 2 (paired by id)"
    assert "Missing ids: d2" in lines
    row = next(line for line in lines if line.startswith("micro"))
    assert row.split() == ["micro", "100.0", "33.3", "50.0", "9"]
    for needle in ("Entities", "Relations", "Partnerships", "parties", "party pairs", "sectors",
                   "date accuracy", "instrument accuracy", "records: gold 1, predicted 1, matched 1"):
        assert needle in text


def test_write_report_is_json_and_atomic(tmp_path, gold_doc):
    report = evaluate([gold_doc], [gold_doc])
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    assert write_report(report, target) == target
    assert json.loads(target.read_text(encoding="utf-8")) == report
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_write_report_leaves_no_temp_file_on_failure(tmp_path):
    target = tmp_path / "report.json"
    with pytest.raises(TypeError):
        write_report({"bad": object()}, target)
    assert list(tmp_path.iterdir()) == []

