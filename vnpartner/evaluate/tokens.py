"""Entity scores for token-level IOB2 benchmarks (VLSP, PhoNER), seqeval's strict mode.

Entities are read with seqeval's own IOB2 scheme, exactly as
``seqeval.metrics.classification_report(..., mode="strict", scheme=IOB2)`` reads them:
an entity starts at ``B-X`` and runs over following ``I-X``; a stray ``I-X`` is no entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vnpartner.errors import VnPartnerError
from vnpartner.evaluate.spans import Key, score_labelled


def score_tags(true_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]],
               labels: Iterable[str] | None = None) -> dict[str, dict]:
    """Strict IOB2 entity scores: a ``prf`` dict per entity type, then micro and macro."""
    _check_shapes(true_tags, pred_tags)
    gold = tag_entities(true_tags, "true_tags")
    pred = tag_entities(pred_tags, "pred_tags")
    return score_labelled(gold, pred, labels)


def tag_entities(sequences: Sequence[Sequence[str]], role: str = "tags") -> set[Key]:
    """(type, sentence index, start token, end token) of every strict IOB2 entity."""
    from seqeval.scheme import IOB2, Entities  # imported on first use, as models are

    try:
        found = Entities([list(seq) for seq in sequences], IOB2)
    except (ValueError, KeyError, IndexError) as exc:
        raise VnPartnerError(
            "E305",
            f"{role} holds a tag that is not IOB2 ({exc}); use 'O', 'B-TYPE' or 'I-TYPE'.",
        ) from exc
    return {(e.tag, e.sent_id, e.start, e.end) for sent in found.entities for e in sent}


def _check_shapes(true_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> None:
    if len(true_tags) != len(pred_tags):
        raise VnPartnerError(
            "E304", f"got {len(true_tags)} true and {len(pred_tags)} predicted tag sequences; "
            "give one predicted sequence per sentence.",
        )
    for i, (t, p) in enumerate(zip(true_tags, pred_tags)):
        if len(t) != len(p):
            raise VnPartnerError(
                "E304", f"sentence {i}: {len(t)} true tags but {len(p)} predicted tags; "
                "predict one tag per token.",
            )
