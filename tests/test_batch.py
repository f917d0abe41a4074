"""Batch extraction: extract_batch, Pipeline.pipe(errors=...), and `vnpartner extract --input/--output`."""

import json

import pytest

import vnpartner
from vnpartner.batch import read_items, run, written_ids
from vnpartner.cli import main
from vnpartner.errors import VnPartnerError
from vnpartner.pipeline import Failure

TEXTS = [
    "Ngày 21/4/2023, UBND tỉnh Bình Dương ký kết Bản ghi nhớ hợp tác với tỉnh Artemisa (Cuba) về y tế.",
    "Tỉnh Sơn La và tỉnh Luang Prabang (Lào) thống nhất hợp tác về du lịch.",
    "",
    "Chủ tịch UBND tỉnh Gia Lai tiếp đoàn công tác của thành phố Busan (Hàn Quốc) ngày 12/9/2022.",
]


def test_extract_batch_keeps_input_order_and_ids():
    docs = vnpartner.extract_batch(TEXTS, batch_size=2, ids=["a", "b", "c", "d"])
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    assert [d.text for d in docs] == TEXTS
    single = [vnpartner.extract(t, id=i) for t, i in zip(TEXTS, "abcd")]
    assert [d.to_dict() for d in docs] == [d.to_dict() for d in single]
    assert docs[2].entities == []


def test_pipe_records_failures_or_raises():
    pipeline = vnpartner.load("rules")
    bad = b"\xff\xfe\x00\xd8 broken"
    out = list(pipeline.pipe([TEXTS[0], bad, TEXTS[1]], ids=["x", "y", "z"], errors="record"))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Document"]
    assert out[1] == Failure("y", "E002", out[1].message) and out[1].to_dict()["error"]["code"] == "E002"
    with pytest.raises(VnPartnerError, match="E002"):
        list(pipeline.pipe([TEXTS[0], bad], errors="raise"))
    with pytest.raises(VnPartnerError, match="E007"):
        list(pipeline.pipe(TEXTS, errors="ignore"))
    with pytest.raises(VnPartnerError, match="E007"):
        list(pipeline.pipe(TEXTS, batch_size=0))


def _write_input(path, extra=()):
    lines = [json.dumps({"id": f"doc-{i}", "text": t}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    lines += list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ids(path):
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_one_line_per_input_in_order_with_error_records(tmp_path):
    source = _write_input(tmp_path / "in.jsonl", [
        "{not json", json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": TEXTS[0], "published": "yesterday"})])
    out = tmp_path / "out.jsonl"
    counts = run(source, out, model="rules", progress=False)
    assert _ids(out) == ["doc-0", "doc-1", "doc-2", "doc-3", "line-5", "no-text", "bad-date"]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["error"]["code"] for r in records if "error" in r] == ["E101", "E001", "E004"]
    assert counts == {"input": 7, "skipped": 0, "written": 7, "errors": 3}
    assert records[0]["partnerships"] and records[0]["entities"]


def test_a_killed_run_resumes_to_exactly_one_line_per_id(tmp_path):
    source = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    run(source, out, model="rules", progress=False)
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # as if killed while writing the third line: two whole lines and half of one
    out.write_text(whole[0] + whole[1] + whole[2][:25], encoding="utf-8")
    assert written_ids(out) == {"doc-0", "doc-1"} and out.read_text(encoding="utf-8") == whole[0] + whole[1]
    out.write_text(whole[0] + whole[1] + whole[2][:25], encoding="utf-8")
    counts = run(source, out, model="rules", progress=False)
    assert counts["skipped"] == 2 and counts["written"] == 2
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == whole
    assert run(source, out, model="rules", progress=False)["written"] == 0


def test_output_that_is_not_ours_is_refused(tmp_path):
    source = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    out.write_text("hello\n", encoding="utf-8")
    with pytest.raises(VnPartnerError, match="E105"):
        run(source, out, model="rules", progress=False)


def test_read_items_gives_errors_not_exceptions(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('[1]\n\n{"text": "x"}\n{"id": 5, "text": 7}\n', encoding="utf-8")
    items = list(read_items(path))
    assert [(i.id, i.error and i.error[0]) for i in items] == [("line-1", "E101"), ("line-3", None), ("5", "E001")]


def test_cli_batch_job_with_two_workers(tmp_path, capsys):
    source = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    code = main(["extract", "--input", str(source), "--output", str(out), "--workers", "2", "--model", "rules"])
    assert code == 0 and _ids(out) == [f"doc-{i}" for i in range(len(TEXTS))]
    assert "4 documents written" in capsys.readouterr().err
    assert main(["extract", "--workers", "2", "x.txt"]) == 2
    assert main(["extract", "--input", str(source)]) == 2


def test_a_bad_precision_fails_before_any_output(tmp_path, capsys):
    source = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with pytest.raises(VnPartnerError, match="E412"):
        run(source, out, model="rules", dtype="half", progress=False)
    assert not out.exists()
    assert main(["extract", "--input", str(source), "--output", str(out), "--model", "rules",
                 "--dtype", "float32"]) == 0
    assert _ids(out) == [f"doc-{i}" for i in range(len(TEXTS))]


def test_bad_batch_options_are_refused_before_any_output(tmp_path, capsys):
    source = _write_input(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with pytest.raises(VnPartnerError, match="E007.*batch_size"):
        run(source, out, model="rules", batch_size=0, progress=False)
    with pytest.raises(SystemExit):  # argparse: --batch-size must be 1 or more
        main(["extract", "--input", str(source), "--output", str(out), "--batch-size", "-1"])
    assert "must be 1 or more" in capsys.readouterr().err
    assert main(["extract", "--input", str(source), "--output", str(tmp_path), "--model", "rules"]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["extract", "--input", str(source), "--output", str(tmp_path / "no" / "out.jsonl")]) == 2
    assert "no folder" in capsys.readouterr().err
    assert main(["extract", "--input", str(source), "--output", str(out), "--published", "2023-01-01"]) == 2
    assert "--published: for FILES only" in capsys.readouterr().err
    assert not out.exists()


def test_error_records_hold_the_message_once():
    failure = next(vnpartner.load("rules").pipe([123], errors="record"))
    assert failure.code == "E001" and not failure.message.startswith("[E001]")
    assert failure.to_dict()["error"]["message"].startswith("expected text")


@pytest.mark.parametrize("cpus, workers, threads", [(16, 4, 4), (2, 1, 2), (2, 4, 1), (None, 2, 1)])
def test_workers_share_the_cpus_with_at_least_one_thread_each(monkeypatch, cpus, workers, threads):
    from vnpartner import batch
    monkeypatch.setattr(batch.os, "cpu_count", lambda: cpus)
    assert batch.threads_per_worker(workers) == threads
