"""Exact-match scores for entity spans and relations, the seqeval/scikit-learn way.

Every scorer takes two lists of the same length, ``gold_docs[i]`` scored against
``pred_docs[i]`` (``vnpartner.evaluate.report`` pairs documents by id first), and
returns one dict: a ``prf`` dict per label, then ``"micro"`` and ``"macro"``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

from vnpartner.errors import VnPartnerError
from vnpartner.schema import SYMMETRIC_RELATIONS, Document, Entity

Key = tuple[Hashable, ...]  # a labelled item; the label comes first


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts; 0.0 wherever undefined; support = tp + fn."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}


def macro(rows: Sequence[dict[str, float | int]]) -> dict[str, float | int]:
    """Unweighted mean of per-label precision, recall and F1 (as seqeval); support summed."""
    if not rows:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    n = len(rows)
    return {
        "precision": sum(r["precision"] for r in rows) / n,
        "recall": sum(r["recall"] for r in rows) / n,
        "f1": sum(r["f1"] for r in rows) / n,
        "support": sum(int(r["support"]) for r in rows),
    }


def score_labelled(gold: Iterable[Key], pred: Iterable[Key],
                   labels: Iterable[str] | None = None) -> dict[str, dict]:
    """Score two collections of keys whose first element is the label.

    Keys are compared as sets (a duplicate counts once). ``labels`` restricts the
    report, micro and macro averages included, to those labels; by default every
    label seen in gold or prediction is reported, sorted.
    """
    gold_by, pred_by = _by_label(gold), _by_label(pred)
    names = sorted(set(gold_by) | set(pred_by)) if labels is None else list(labels)
    out: dict[str, dict] = {}
    tp = fp = fn = 0
    for label in names:
        g, p = gold_by.get(label, set()), pred_by.get(label, set())
        hits = len(g & p)
        out[label] = prf(hits, len(p) - hits, len(g) - hits)
        tp, fp, fn = tp + hits, fp + len(p) - hits, fn + len(g) - hits
    per_label = [out[label] for label in names]
    out["micro"] = prf(tp, fp, fn)
    out["macro"] = macro(per_label)
    return out


def _by_label(keys: Iterable[Key]) -> dict[Hashable, set[Key]]:
    grouped: dict[Hashable, set[Key]] = defaultdict(set)
    for key in keys:
        grouped[key[0]].add(key)
    return grouped


def check_paired(gold_docs: Sequence, pred_docs: Sequence) -> None:
    """Raise E301 unless the two lists can be scored position by position."""
    if len(gold_docs) != len(pred_docs):
        raise VnPartnerError(
            "E301",
            f"got {len(gold_docs)} gold and {len(pred_docs)} predicted documents; the scorers "
            "compare them position by position. Use vnpartner.evaluate.evaluate() to pair by id.",
        )


def entity_keys(doc: Document, index: int) -> set[Key]:
    """(label, document index, start, end) for every entity of ``doc``."""
    return {(e.label, index, e.start, e.end) for e in doc.entities}


def relation_keys(doc: Document, index: int) -> set[Key]:
    """(label, document index, head end, tail end) per relation; ends are (start, end, label).

    Entity ids are resolved through ``doc`` because gold and predicted ids differ; the
    two ends of a symmetric relation are put in a fixed order.
    """
    by_id = {e.id: e for e in doc.entities}
    keys: set[Key] = set()
    for rel in doc.relations:
        head, tail = _end(by_id, rel.head, doc), _end(by_id, rel.tail, doc)
        if rel.label in SYMMETRIC_RELATIONS:
            head, tail = sorted((head, tail))
        keys.add((rel.label, index, head, tail))
    return keys


def _end(by_id: dict[str, Entity], entity_id: str, doc: Document) -> tuple[int, int, str]:
    ent = by_id.get(entity_id)
    if ent is None:
        raise VnPartnerError(
            "E302",
            f"document {doc.id!r}: a relation points to entity id {entity_id!r}, which the "
            "document does not have. Fix the relation or add the entity.",
        )
    return (ent.start, ent.end, ent.label)


def score_entities(gold_docs: Sequence[Document], pred_docs: Sequence[Document],
                   labels: Iterable[str] | None = None) -> dict[str, dict]:
    """Exact-match entity scores: a hit needs the same document, start, end and label."""
    check_paired(gold_docs, pred_docs)
    gold = [k for i, d in enumerate(gold_docs) for k in entity_keys(d, i)]
    pred = [k for i, d in enumerate(pred_docs) for k in entity_keys(d, i)]
    return score_labelled(gold, pred, labels)


def score_relations(gold_docs: Sequence[Document], pred_docs: Sequence[Document],
                    labels: Iterable[str] | None = None) -> dict[str, dict]:
    """Exact-match relation scores: both ends' spans and labels and the relation label.

    For labels in ``SYMMETRIC_RELATIONS`` head and tail may come in either order.
    """
    check_paired(gold_docs, pred_docs)
    gold = [k for i, d in enumerate(gold_docs) for k in relation_keys(d, i)]
    pred = [k for i, d in enumerate(pred_docs) for k in relation_keys(d, i)]
    return score_labelled(gold, pred, labels)
