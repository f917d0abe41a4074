"""Text layer: clean input, split sentences, segment words, keep offsets into the raw text.

    >>> from vnpartner.text import prepare_text, iter_sentences
    >>> text = prepare_text("Tỉnh Bình Dương ký kết với tỉnh Artemisa.")
    >>> [w.text for w in next(iter_sentences(text)).words][:3]
    ['Tỉnh', 'Bình Dương', 'ký kết']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .clean import decode, html_to_text, looks_like_html, prepare_text
from .segment import Word, segment
from .sentences import split_sentences, strip_span
from .windows import windows

__all__ = [
    "Sentence", "Word", "decode", "sentence_finder", "html_to_text", "iter_sentences", "looks_like_html",
    "prepare_text", "segment", "split_sentences", "strip_span", "windows",
]


@dataclass
class Sentence:
    """A sentence span of the document text and its segmented words."""

    start: int
    end: int
    words: list[Word] = field(default_factory=list)


def iter_sentences(text: str, *, words: bool = True) -> Iterator[Sentence]:
    """Sentences of ``text`` one at a time (bounded memory for long documents)."""
    for start, end in split_sentences(text):
        yield Sentence(start, end, segment(text, start, end) if words else [])


def sentence_finder(sentences: list[Sentence]) -> Callable[[int], int]:
    """A function giving the index of the sentence holding a character offset (bisect)."""
    starts = [s.start for s in sentences]
    return lambda offset: max(0, bisect.bisect_right(starts, offset) - 1)
