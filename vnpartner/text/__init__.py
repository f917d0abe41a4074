"""Text layer: clean input, split sentences, segment words, keep offsets into the raw text.

    >>> from vnpartner.text import prepare_text, iter_sentences
    >>> text = prepare_text("Tỉnh Bình Dương ký kết với tỉnh Artemisa.")
    >>> [w.text for w in next(iter_sentences(text)).words][:3]
    ['Tỉnh', 'Bình Dương', 'ký kết']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .clean import decode, html_to_text, looks_like_html, prepare_text
from .segment import Word, segment
from .sentences import split_sentences, strip_span
from .windows import windows

_SYLLABLE = re.compile(r"\S+")

__all__ = [
    "Sentence", "Word", "decode", "sentence_finder", "html_to_text", "iter_sentences", "looks_like_html",
    "prepare_text", "segment", "split_sentences", "strip_span", "windows", "word_ends",
]


@dataclass
class Sentence:
    """A sentence span of the document text and its segmented words."""

    start: int
    end: int
    words: list[Word] = field(default_factory=list)


def word_ends(sentences: Iterable[Sentence]) -> dict[int, int]:
    """Where each syllable of a segmented word goes on to the next syllable of the word: from the
    end of the one to the end of the other (`Sư` + `phạm` of `Sư phạm`)."""
    ends = {}
    for word in (word for sentence in sentences for word in sentence.words if " " in word.text):
        syllables = [word.start + m.end() for m in _SYLLABLE.finditer(word.text)]
        ends.update(zip(syllables, syllables[1:]))
    return ends


def iter_sentences(text: str, *, words: bool = True) -> Iterator[Sentence]:
    """Sentences of ``text`` one at a time (bounded memory for long documents)."""
    for start, end in split_sentences(text):
        yield Sentence(start, end, segment(text, start, end) if words else [])


def sentence_finder(sentences: list[Sentence]) -> Callable[[int], int]:
    """A function giving the index of the sentence holding a character offset (bisect)."""
    starts = [s.start for s in sentences]
    return lambda offset: max(0, bisect.bisect_right(starts, offset) - 1)
