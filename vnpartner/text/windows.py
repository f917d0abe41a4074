"""Group sentences into windows of bounded size for models with a position limit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")


def windows(sentences: Iterable[list[Item]], max_words: int) -> Iterator[list[Item]]:
    """Pack consecutive sentences (lists of words) into windows of at most ``max_words``.

    A sentence longer than ``max_words`` is cut into pieces of that size. Lazy: a long
    document streams through with memory bounded by one window.
    """
    if max_words < 1:
        raise ValueError("max_words must be >= 1")
    window: list[Item] = []
    for sentence in sentences:
        for i in range(0, max(len(sentence), 1), max_words):
            piece = sentence[i:i + max_words]
            if window and len(window) + len(piece) > max_words:
                yield window
                window = []
            window.extend(piece)
    if window:
        yield window
