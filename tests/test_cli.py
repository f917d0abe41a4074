import json
import subprocess
import sys

from vnpartner.cli import extract_files, format_documents, main
from vnpartner.io import read_jsonl, write_jsonl


def test_extract_prints_a_document_as_json(seed_paths, capsys):
    assert main(["extract", str(seed_paths[0]), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["id"] == seed_paths[0].stem
    assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["entities"])
    dates = [e["normalized"]["value"] for e in doc["entities"] if e["label"] == "DATE"]
    assert "2023-08-24" in dates
    places = {e["normalized"]["name"]: e["normalized"]["country"] for e in doc["entities"]
              if e["label"] == "LOCATION" and e.get("normalized")}
    assert places["Artemisa"] == "CU" and places["Bình Dương"] == "VN"


def test_extract_jsonl_and_conll_formats(seed_paths, capsys):
    assert main(["extract", *map(str, seed_paths[:2]), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert main(["extract", str(seed_paths[0]), "--format", "conll"]) == 0
    conll = capsys.readouterr().out
    assert "B-LOCATION" in conll and "B-DATE" in conll


def test_a_missing_file_is_reported_and_the_others_still_run(seed_paths, capsys, tmp_path):
    code = main(["extract", str(tmp_path / "missing.txt"), str(seed_paths[0]), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert code == 1
    assert "missing.txt" in captured.err
    assert len(captured.out.strip().splitlines()) == 1


def test_stdin_input_and_published_flag():
    result = subprocess.run(
        [sys.executable, "-m", "vnpartner", "extract", "--published", "2023-09-01"],
        input="Tối 24/8, tỉnh Bình Dương tiếp đoàn tỉnh Artemisa.".encode(),
        capture_output=True, check=True,
    )
    doc = json.loads(result.stdout)
    assert doc["id"] == "stdin"
    assert [e["normalized"]["value"] for e in doc["entities"] if e["label"] == "DATE"] == ["2023-08-24"]


def test_bad_bytes_on_a_file_give_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Hà Nội hợp tác".encode("latin-1", errors="replace") + b"\xe0\xff")
    assert main(["extract", str(bad)]) == 1
    assert "E002" in capsys.readouterr().err


def test_evaluate_prints_scores_and_writes_json(gold_path, tmp_path, capsys):
    gold = read_jsonl(gold_path)
    pred_path = tmp_path / "pred.jsonl"
    write_jsonl(gold, pred_path)
    out = tmp_path / "report.json"
    assert main(["evaluate", str(gold_path), str(pred_path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "PERSON" in printed and "100.0" in printed
    report = json.loads(out.read_text())
    assert report["entities"]["micro"]["f1"] == 1.0
    assert report["partnerships"]["parties"]["f1"] == 1.0


def test_evaluate_rejects_a_malformed_annotation_line(gold_path, tmp_path, capsys):
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "x", "text": "Hà Nội", "entities": [{"start": 0, "end": 3, "label": "LOCATION", "text": "Hà Nội"}]}\n')
    assert main(["evaluate", str(gold_path), str(pred)]) == 2
    err = capsys.readouterr().err
    assert "line 1" in err and "pred.jsonl" in err


def test_plain_functions_behind_the_commands(seed_paths):
    docs, errors = extract_files([str(seed_paths[1])])
    assert not errors and docs[0].entities
    assert format_documents(docs, "jsonl").count("\n") == 0


def test_partners_view_prints_one_line_per_record(seed_paths, tmp_path, capsys):
    assert main(["partners", str(seed_paths[0])]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and all(line.count(" · ") == 3 for line in lines)
    first = next(line for line in lines if "Artemisa" in line)
    assert first.startswith(seed_paths[0].stem + ": ") and "(CU)" in first and "mou" in first
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(seed_paths[0]), "--format", "jsonl"]) == 0
    out.write_text(capsys.readouterr().out + '{"id": "bad", "error": {"code": "E002", "message": "x"}}\n')
    assert main(["partners", str(out)]) == 0
    assert capsys.readouterr().out.strip().splitlines() == lines
    assert main(["partners", str(tmp_path / "missing.txt")]) == 1


def test_partners_reads_the_json_extract_writes_and_refuses_what_is_no_document(seed_paths, tmp_path, capsys):
    assert main(["extract", str(seed_paths[0]), "--format", "json"]) == 0
    as_json = tmp_path / "seed.json"
    as_json.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["partners", str(as_json)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and any("Artemisa (CU)" in line and "mou" in line for line in lines)
    odd = tmp_path / "odd.jsonl"
    odd.write_text("[1, 2]\n", encoding="utf-8")
    assert main(["partners", str(odd)]) == 1
    assert "[E111]" in (err := capsys.readouterr().err) and "line 1" in err
    assert err.count(str(odd)) == 1  # the reader names the file; the view does not name it again


def test_unknown_encoding_and_unwritable_report_are_one_line_errors(seed_paths, gold_path, tmp_path, capsys):
    assert main(["extract", str(seed_paths[0]), "--encoding", "no-such-codec"]) == 1
    assert "[E002] unknown encoding 'no-such-codec'" in capsys.readouterr().err
    assert main(["evaluate", str(gold_path), str(gold_path), "-o", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert "is a folder" in captured.err and captured.out == ""  # refused before any scoring


def test_a_missing_file_has_a_code(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "[E008] cannot read it" in capsys.readouterr().err


def test_version_and_help_name_every_command(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("vnpartner ")
    with pytest.raises(SystemExit):
        main(["--help"])
    usage = capsys.readouterr().out
    assert all(name in usage for name in ("extract", "partners", "evaluate", "train"))
