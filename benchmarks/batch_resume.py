"""Batch extraction at corpus scale, killed halfway and resumed.

    python benchmarks/batch_resume.py                  # 10,000 documents, --workers 2
    python benchmarks/batch_resume.py --docs 200       # a quick run

Builds a JSONL of ``--docs`` documents (the opening ``--chars`` characters of corpus
articles from ``../shared/data/corpora``, or the seeds repeated when it is absent), runs
``vnpartner extract --input … --output … --workers N`` as a user would, kills it with
SIGKILL once half the documents are written, runs the same command again, and checks
that the output ends with exactly one line per input id, in input order. Prints the
table and writes ``benchmarks/results/batch_resume.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_MODEL, ROOT, machine, markdown_table, publish, shared_data, shown  # noqa: E402


def corpus_documents(data: Path | None, n: int, chars: int, skip: int):
    """``n`` input records: corpus article openings cut at a sentence end, or the seeds repeated."""
    if data is None:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        for i in range(n):
            yield {"id": f"seed-{i}", "text": seeds[i % len(seeds)].read_text(encoding="utf-8")[:chars]}
        return
    with lzma.open(data / "corpora" / "news_vi.jsonl.xz", "rt", encoding="utf-8") as lines:
        taken = 0
        for number, line in enumerate(lines):
            if number < skip:
                continue
            record = json.loads(line)
            text = record["text"][:chars]
            cut = text.rfind(". ")
            yield {"id": record["id"], "text": text[:cut + 1] if cut > chars // 2 else text}
            taken += 1
            if taken == n:
                return


def count_lines(path: Path) -> int:
    if not path.exists():
        return 0
    with open(path, "rb") as handle:
        return handle.read().count(b"\n")


def extract_command(args, input_path: Path, output_path: Path) -> list[str]:
    return [sys.executable, "-m", "vnpartner.cli", "extract", "--input", str(input_path), "--output",
            str(output_path), "--workers", str(args.workers), "--model", args.model]


def run_killed(command: list[str], output_path: Path, kill_at: int) -> float:
    """Run until ``kill_at`` lines are written, then SIGKILL the whole process group."""
    started = time.perf_counter()
    process = subprocess.Popen(command, start_new_session=True)
    while process.poll() is None and count_lines(output_path) < kill_at:
        time.sleep(0.5)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return time.perf_counter() - started


def check_output(input_ids: list[str], output_path: Path) -> dict:
    records = [json.loads(line) for line in output_path.read_text(encoding="utf-8").splitlines()]
    ids = [record["id"] for record in records]
    errors = sum(1 for record in records if "error" in record)
    return {"lines": len(records), "unique_ids": len(set(ids)), "input_ids": len(input_ids),
            "one_line_per_id": sorted(ids) == sorted(input_ids) and len(ids) == len(set(ids)),
            "input_order": ids == input_ids, "error_records": errors}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=600, help="characters kept of each article")
    parser.add_argument("--skip", type=int, default=20_000, help="corpus articles skipped first")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="vnpartner-batch-") as tmp:
        input_path, output_path = Path(tmp) / "docs.jsonl", Path(tmp) / "out.jsonl"
        records = list(corpus_documents(shared_data(args.data), args.docs, args.chars, args.skip))
        with open(input_path, "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        words = sum(len(r["text"].split()) for r in records)
        command = extract_command(args, input_path, output_path)
        first_seconds = run_killed(command, output_path, len(records) // 2)
        at_kill = count_lines(output_path)
        started = time.perf_counter()
        subprocess.run(command, check=True)
        second_seconds = time.perf_counter() - started
        check = check_output([r["id"] for r in records], output_path)
    results = {"model": shown(args.model), "machine": machine(), "documents": len(records), "words": words,
               "workers": args.workers, "lines_when_killed": at_kill, "first_run_s": round(first_seconds, 1),
               "resumed_run_s": round(second_seconds, 1),
               "docs_per_s": round(len(records) / (first_seconds + second_seconds), 2),
               "words_per_s": round(words / (first_seconds + second_seconds), 1), **check}
    rows = [[k, results[k]] for k in ("documents", "words", "workers", "lines_when_killed", "first_run_s",
                                      "resumed_run_s", "docs_per_s", "words_per_s", "lines", "unique_ids",
                                      "one_line_per_id", "input_order", "error_records")]
    title = f"# Batch extraction, killed halfway and resumed — {results['model']}\n\n"
    publish("batch_resume", results, title + markdown_table(["", "value"], rows))
    return 0 if check["one_line_per_id"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
