"""Export Documents as CoNLL text: one ``token TAG`` line per word, IOB2 tags.

Sentences end at newline characters of the text and are separated by a blank line.
Read the files back with :func:`vnpartner.io.read_token_file`.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from ..schema import Document, Entity
from ._files import write_lines

_WORD = re.compile(r"\w+|[^\w\s]")
_SPACE = re.compile(r"\s+")


def default_words(doc: Document) -> list[tuple[int, int]]:
    """Word spans of ``doc.text``: runs of ``\\w``, and every other non-space character alone.

    Runs are cut at entity starts and ends, so no word crosses an entity boundary.
    """
    cuts = sorted({e.start for e in doc.entities} | {e.end for e in doc.entities})
    words = []
    for match in _WORD.finditer(doc.text):
        start, end = match.span()
        inner = cuts[bisect_right(cuts, start):bisect_right(cuts, end - 1)]
        for cut in inner:
            words.append((start, cut))
            start = cut
        words.append((start, end))
    return words


def word_tags(doc: Document, words: Sequence[tuple[int, int]]) -> list[str]:
    """IOB2 tags of ``words`` (sorted ``(start, end)`` spans), restarting at each sentence.

    A word takes the label of the entity covering most of it; a word partly covered by an
    entity gets that entity's tag.
    """
    tags, previous, prev_end = [], None, 0
    for start, end in words:
        if "\n" in doc.text[prev_end:start]:
            previous = None
        ent = _covering(doc.entities, start, end)
        if ent is None:
            tags.append("O")
        else:
            tags.append(("I-" if ent is previous else "B-") + ent.label)
        previous, prev_end = ent, end
    return tags


def _covering(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    best, best_overlap = None, 0
    for ent in entities:
        overlap = min(end, ent.end) - max(start, ent.start)
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best


def to_conll(doc: Document, words: Sequence[tuple[int, int]] | None = None) -> str:
    """The CoNLL text of ``doc``: ``token TAG`` lines, a blank line between sentences.

    ``words`` are optional ``(start, end)`` word spans (default :func:`default_words`).
    Whitespace inside a token becomes ``_`` so that each line keeps two columns.
    """
    if words is None:
        words = default_words(doc)
    else:
        words = sorted(w for w in words if doc.text[w[0]:w[1]].strip())
    lines: list[str] = []
    prev_end = None
    for (start, end), tag in zip(words, word_tags(doc, words)):
        if prev_end is not None and "\n" in doc.text[prev_end:start]:
            lines.append("")
        lines.append(f"{_SPACE.sub('_', doc.text[start:end])} {tag}")
        prev_end = end
    return "\n".join(lines) + "\n" if lines else ""


def write_conll(docs: Iterable[Document], path: str | os.PathLike) -> None:
    """Write ``docs`` as CoNLL to ``path`` atomically, each after a ``-DOCSTART- O`` line."""
    def lines() -> Iterable[str]:
        for doc in docs:
            yield "-DOCSTART- O\n"
            yield to_conll(doc)

    write_lines(lines(), path)
