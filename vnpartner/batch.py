"""Corpus-scale extraction: a JSONL of documents in, a JSONL of results out.

    vnpartner extract --input docs.jsonl --output out.jsonl --workers 2

Input lines are ``{"id": ..., "text": ..., "published"?: "YYYY-MM-DD"}``. Each output line
is a Document (``to_dict()``) or, for a document that failed, ``{"id", "error": {"code",
"message"}}``; lines come in input order. The output is appended one whole line per
``write`` and flushed, so a killed run leaves at most one partial last line: a rerun cuts
it off, skips every id already written, and goes on, which ends with exactly one line per
input id.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import VnPartnerError
from .io import check_writable
from .pipeline import Failure, chunked, load
from .runtime import tune_for_throughput
from .tag.neural import check_dtype

CHUNK = 32  # documents per task handed to a worker


@dataclass
class Item:
    """One input line: its id and text, or the error that reading it gave."""

    id: str
    text: str = ""
    published: str | None = None
    error: tuple[str, str] | None = None


def read_items(path: str | os.PathLike) -> Iterator[Item]:
    """The documents of an input JSONL; a bad line becomes an Item with an error."""
    with open(path, encoding="utf-8", errors="replace") as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            yield _item(line, lineno)


def _item(line: str, lineno: int) -> Item:
    fallback = f"line-{lineno}"
    try:
        record = json.loads(line)
    except ValueError as err:
        return Item(fallback, error=("E101", f"line {lineno} is not JSON: {err}"))
    if not isinstance(record, dict):
        return Item(fallback, error=("E101", f"line {lineno} is not a JSON object"))
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else fallback
    text = record.get("text")
    if not isinstance(text, str):
        return Item(doc_id, error=("E001", f"line {lineno}: 'text' must be a string"))
    published = record.get("published")
    return Item(doc_id, text, None if published in (None, "") else str(published))


def written_ids(path: str | os.PathLike) -> set[str]:
    """Ids already in an output file; a partial last line (a killed run) is cut off first."""
    path = Path(path)
    if not path.exists():
        return set()
    with open(path, "rb+") as handle:
        data = handle.read()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            handle.truncate(end)
    ids = set()
    for line in data[:end].splitlines():
        if line.strip():
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                raise VnPartnerError("E105", f"{path} has a line that is not an output record; "
                                     "give a new --output file or remove it.") from None
    return ids


_WORKER_PIPELINE = None


def _start_worker(model: str | None, threads: int | None, dtype: str = "auto") -> None:
    global _WORKER_PIPELINE
    if threads:
        import torch

        torch.set_num_threads(threads)
    _WORKER_PIPELINE = load(model, dtype=dtype)
    tune_for_throughput()


def _extract_chunk(chunk: list[Item], batch_size: int = 16) -> list[tuple[str, bool]]:
    """``(output line, failed)`` for each item of a chunk, in order (in a worker or in-process)."""
    out: dict[int, dict] = {}
    todo = []
    for i, item in enumerate(chunk):
        if item.error is not None:
            out[i] = Failure(item.id, *item.error).to_dict()
        else:
            todo.append(i)
    # documents of one chunk share one published date only when they agree; else one by one
    groups: dict[str | None, list[int]] = {}
    for i in todo:
        groups.setdefault(chunk[i].published, []).append(i)
    for published, members in groups.items():
        try:
            results = list(_WORKER_PIPELINE.pipe([chunk[i].text for i in members], published=published,
                                                 ids=[chunk[i].id for i in members], batch_size=batch_size,
                                                 errors="record"))
        except VnPartnerError as err:  # a bad published date fails the whole group
            results = [Failure(chunk[i].id, err.code, err.message) for i in members]
        for i, result in zip(members, results):
            out[i] = result.to_dict()
    return [(json.dumps(out[i], ensure_ascii=False) + "\n", "error" in out[i]) for i in range(len(chunk))]


def run(input_path: str | os.PathLike, output_path: str | os.PathLike, *, model: str | None = None,
        workers: int = 1, batch_size: int = 16, progress: bool = True, dtype: str = "auto") -> dict:
    """Extract every document of ``input_path`` into ``output_path``; returns counts.

    Resumes where an earlier run stopped (ids already in the output are skipped).
    ``workers > 1`` runs that many processes, each with its own model and
    ``cpu_count // workers`` torch threads. ``dtype`` is the model's precision, as for
    :func:`vnpartner.load`. The process that extracts (this one when ``workers == 1``) is
    tuned for a long run once its model is loaded (:func:`vnpartner.runtime.tune_for_throughput`).
    """
    if not Path(input_path).is_file():
        raise VnPartnerError("E101", f"no input file at {input_path}")
    if workers < 1:
        raise VnPartnerError("E007", f"workers must be >= 1, not {workers}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise VnPartnerError("E007", f"batch_size must be a positive integer, not {batch_size!r}")
    check_writable(output_path)
    check_dtype(dtype)
    done = written_ids(output_path)
    ids = [item.id for item in read_items(input_path)]
    counts = {"input": len(ids), "skipped": sum(1 for i in ids if i in done), "written": 0, "errors": 0}
    chunks = chunked((item for item in read_items(input_path) if item.id not in done), CHUNK)
    bar = _bar(counts["input"], counts["skipped"], progress)
    with open(output_path, "a", encoding="utf-8") as out:
        for lines in _results(chunks, model, workers, batch_size, dtype):
            for line, failed in lines:
                out.write(line)
                counts["written"] += 1
                counts["errors"] += failed
            out.flush()
            bar.update(len(lines))
    bar.close()
    return counts


def _results(chunks, model, workers: int, batch_size: int, dtype: str) -> Iterator[list[tuple[str, bool]]]:
    from functools import partial

    if workers == 1:
        _start_worker(model, None, dtype)
        for chunk in chunks:
            yield _extract_chunk(chunk, batch_size)
        return
    import multiprocessing

    threads = threads_per_worker(workers)
    context = multiprocessing.get_context("spawn")  # torch and fork do not mix
    with context.Pool(workers, initializer=_start_worker, initargs=(model, threads, dtype)) as pool:
        yield from pool.imap(partial(_extract_chunk, batch_size=batch_size), chunks)


def threads_per_worker(workers: int) -> int:
    """The torch threads each of ``workers`` processes gets: the CPUs shared out, at least one."""
    return max(1, (os.cpu_count() or 1) // workers)


def _bar(total: int, initial: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, initial=initial, unit="doc", desc="extract", disable=None if enabled else True)
