"""Evaluate predicted documents against gold ones and report the scores.

``evaluate(gold, pred)`` pairs documents by id, scores entities, relations and
partnership records, and returns one plain dict; ``format_report`` prints it as a
table and ``write_report`` saves it as JSON.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Union

from vnpartner.errors import VnPartnerError
from vnpartner.evaluate.partnerships import score_partnerships
from vnpartner.evaluate.spans import score_entities, score_relations
from vnpartner.schema import Document

DocumentsLike = Union[str, "os.PathLike[str]", Iterable[Document]]


def evaluate(gold: DocumentsLike, pred: DocumentsLike) -> dict[str, Any]:
    """Score ``pred`` against ``gold``; each is a list of Documents or a JSONL path.

    Returns ``{"entities", "relations", "partnerships", "documents", "paired_by",
    "missing_ids", "extra_ids"}``. A gold id absent from ``pred`` is scored as an
    empty prediction; a predicted id absent from ``gold`` is ignored.
    """
    gold_docs, pred_docs = as_documents(gold, "gold"), as_documents(pred, "pred")
    pairs, info = pair_documents(gold_docs, pred_docs)
    golds, preds = [g for g, _ in pairs], [p for _, p in pairs]
    return {
        "entities": score_entities(golds, preds),
        "relations": score_relations(golds, preds),
        "partnerships": score_partnerships(golds, preds),
        "documents": len(pairs),
        **info,
    }


def as_documents(value: DocumentsLike, role: str) -> list[Document]:
    """A list of Documents from a JSONL path, or from Documents or their dicts."""
    if isinstance(value, (str, os.PathLike)):
        return read_documents(value)
    if isinstance(value, (Document, dict, bytes)) or not isinstance(value, Iterable):
        raise VnPartnerError(
            "E308", f"{role} must be a list of Documents or a path to a JSONL file, "
            f"not {type(value).__name__}.",
        )
    docs = []
    for item in value:
        if isinstance(item, dict):
            item = Document.from_dict(item)
        if not isinstance(item, Document):
            raise VnPartnerError("E308", f"{role} holds a {type(item).__name__}; expected Documents.")
        docs.append(item)
    return docs


def read_documents(path: str | os.PathLike[str]) -> list[Document]:
    """Read an ANNOTATION.md JSONL file (validated by :func:`vnpartner.io.read_jsonl`).

    The lines a batch job writes for documents it could not read (``{"id", "error"}``) are
    left out, so those documents count as empty predictions.
    """
    if not Path(path).is_file():
        raise VnPartnerError("E307", f"no file at {os.fspath(path)!r}; give the path of a JSONL file.")
    from vnpartner.io import read_jsonl

    return as_documents(read_jsonl(path, skip_failures=True), os.fspath(path))


def pair_documents(gold: Sequence[Document], pred: Sequence[Document]
                   ) -> tuple[list[tuple[Document, Document]], dict[str, Any]]:
    """Pair documents by id (by position when no id matches and the counts agree).

    Returns the pairs, in gold order, and ``{"paired_by", "missing_ids", "extra_ids"}``.
    A gold document without a prediction is paired with an empty one.
    """
    _check_unique(gold, "gold")
    _check_unique(pred, "pred")
    pred_by_id = {d.id: d for d in pred if d.id}
    found = [g for g in gold if g.id and g.id in pred_by_id]
    if gold and not found and len(gold) != len(pred):
        raise VnPartnerError(
            "E310", f"no predicted document shares an id with the {len(gold)} gold documents (and the counts "
            f"differ, {len(pred)} predicted), so nothing can be paired; are these the right files?",
        )
    if not found and gold and len(gold) == len(pred):
        pairs = list(zip(gold, pred))
        info = {"paired_by": "position", "missing_ids": [], "extra_ids": []}
    else:
        pairs = [(g, pred_by_id.get(g.id) or Document(text=g.text, id=g.id)) for g in gold]
        gold_ids = {g.id for g in found}
        info = {
            "paired_by": "id",
            "missing_ids": [g.id for g in gold if g.id not in gold_ids],
            "extra_ids": [p.id for p in pred if p.id not in gold_ids],
        }
    for g, p in pairs:
        _check_same_text(g, p)
    return pairs, info


def _check_unique(docs: Sequence[Document], role: str) -> None:
    seen: set[str] = set()
    for doc in docs:
        if doc.id and doc.id in seen:
            raise VnPartnerError(
                "E309", f"{role} has two documents with id {doc.id!r}; give each a unique id.",
            )
        seen.add(doc.id)


def _check_same_text(gold: Document, pred: Document) -> None:
    if gold.text != pred.text:
        name = repr(gold.id) if gold.id == pred.id else f"{gold.id!r} (predicted {pred.id!r})"
        raise VnPartnerError(
            "E303", f"document {name}: the predicted text differs from the gold text, so offsets "
            "cannot be compared. Predict on the gold text exactly as given (NFC).",
        )


def format_report(report: dict[str, Any]) -> str:
    """The report as a plain-text table; scores in percent with one decimal."""
    lines = [f"Documents: {report['documents']} (paired by {report['paired_by']})"]
    for key in ("missing_ids", "extra_ids"):
        if report.get(key):
            lines.append(f"{key.replace('_', ' ').capitalize()}: {', '.join(map(str, report[key]))}")
    for title in ("entities", "relations"):
        lines += ["", _header(title.capitalize())]
        lines += [_row(label, row) for label, row in report[title].items()]
    lines += ["", *_partnership_lines(report["partnerships"])]
    return "\n".join(lines)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _header(title: str) -> str:
    return f"{title:<24}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"


def _row(label: str, row: dict[str, Any]) -> str:
    return (f"{label:<24}{_pct(row['precision']):>7}{_pct(row['recall']):>7}"
            f"{_pct(row['f1']):>7}{row['support']:>9}")


def _partnership_lines(scores: dict[str, Any]) -> list[str]:
    lines = [_header("Partnerships")]
    lines += [_row(name.replace("_", " "), scores[name]) for name in ("parties", "party_pairs", "sectors", "people")]
    for name in ("date", "instrument"):
        acc = scores[name]
        count = f"({acc['correct']}/{acc['total']})"
        lines.append(f"{name + ' accuracy':<24}{_pct(acc['accuracy']):>7}   {count}")
    counts = scores["counts"]
    lines.append(f"records: gold {counts['gold']}, predicted {counts['pred']}, matched {counts['matched']}")
    return lines


def write_report(report: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write ``report`` as UTF-8 JSON, atomically (temp file, then ``os.replace``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target
