"""Silver spans: the pattern layer fills the labels a source does not annotate."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from functools import lru_cache

from ..schema import Document

__all__ = ["Tagger", "rule_spans", "silver_fill"]

Span = tuple[int, int, str]
Tagger = Callable[[str], list[Span]]


@lru_cache(maxsize=1)
def _rule_tagger():
    from ..tag import RuleTagger

    return RuleTagger()


def rule_spans(text: str) -> list[Span]:
    """``(start, end, label)`` of the pattern layer (``RuleTagger``) over ``text``."""
    from ..text import iter_sentences

    return _rule_tagger().tag(text, list(iter_sentences(text)))


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def silver_fill(doc: Document, spans: Iterable[Span], labels: Collection[str], *,
                blocked: Iterable[tuple[int, int]] = (), stats: dict[str, int] | None = None) -> int:
    """Add the ``spans`` whose label is in ``labels`` and that overlap no entity of ``doc``
    (its gold), no ``blocked`` span and no silver span added before. Changes ``doc`` in
    place (entities re-sorted and renumbered) and returns how many were added.

    ``stats`` (when given) counts ``silver_<label>`` added and ``clash_<label>`` left out
    because they overlapped gold or a blocked span.
    """
    stats = {} if stats is None else stats
    taken = [(e.start, e.end) for e in doc.entities] + list(blocked)
    added = 0
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if label not in labels or not 0 <= start < end <= len(doc.text):
            continue
        if _overlaps(start, end, taken):
            stats[f"clash_{label}"] = stats.get(f"clash_{label}", 0) + 1
            continue
        doc.add_entity(start, end, label)
        taken.append((start, end))
        stats[f"silver_{label}"] = stats.get(f"silver_{label}", 0) + 1
        added += 1
    if added:
        doc.sort_entities()
    return added
