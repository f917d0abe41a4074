"""From words to model positions and back: subword windows and label alignment.

A document is a list of words (multi-syllable words keep their inner spaces, as
``vnpartner.text`` segments them). ``encode_words`` turns it into windows of at most
``max_length`` positions, special tokens included, that overlap by a few words, and
marks in each window the positions whose predictions count, so that every word is
predicted exactly once: by the window in which it lies furthest from a cut edge.

    >>> align_labels([3, 0], [None, 0, 0, 1, None])
    [-100, 3, -100, 0, -100]
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

IGNORE = -100  # the label PyTorch's cross-entropy skips


def align_labels(word_labels: Sequence[int], word_index_of_subword: Sequence[int | None]) -> list[int]:
    """Subword labels from word labels: the first subword of a word gets the word's label.

    ``word_index_of_subword[i]`` is the index in ``word_labels`` of the word that position
    ``i`` belongs to, or ``None`` for a special token. Special tokens and the second and
    later subwords of a word get ``IGNORE`` (-100).
    """
    labels, previous = [], None
    for index in word_index_of_subword:
        if index is None or index == previous:
            labels.append(IGNORE)
        else:
            if not 0 <= index < len(word_labels):
                raise IndexError(f"subword points at word {index}, but there are {len(word_labels)} words")
            labels.append(int(word_labels[index]))
        previous = index
    return labels


@dataclass
class Window:
    """One model input: token ids, the word of each position, the positions to read.

    ``word_ids`` holds document-wide word indices (``None`` for special tokens);
    ``predict`` lists the positions (first subwords) whose predictions this window
    contributes; ``words`` is the ``[first, last)`` range of words it covers.
    """

    input_ids: list[int]
    word_ids: list[int | None]
    words: tuple[int, int]
    predict: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.input_ids)

    def labels(self, word_labels: Sequence[int]) -> list[int]:
        """Training labels of this window's positions (see :func:`align_labels`)."""
        return align_labels(word_labels, self.word_ids)


def word_pieces(tokenizer, words: Sequence[str]) -> list[list[int]]:
    """Subword ids of each word.

    Slow (PhoBERT-style) tokenizers tokenize each word alone, syllables joined by ``_``;
    fast tokenizers take the words with their spaces (``is_split_into_words``) and say
    which word each subword came from. A word the tokenizer drops gets the unknown
    token, so that every word has a first subword to predict from.
    """
    if not words:
        return []
    if getattr(tokenizer, "is_fast", False):
        pieces: list[list[int]] = [[] for _ in words]
        encoding = tokenizer(list(words), is_split_into_words=True, add_special_tokens=False,
                             truncation=False, verbose=False)
        for token_id, index in zip(encoding["input_ids"], encoding.word_ids()):
            if index is not None:
                pieces[index].append(token_id)
    else:
        cache = _piece_cache(tokenizer)
        ids_of = _slow_word_ids(tokenizer)
        pieces = []
        for word in words:
            key = "_".join(word.split())
            if key not in cache:
                cache[key] = ids_of(key)
            pieces.append(cache[key])
    unknown = tokenizer.unk_token_id if tokenizer.unk_token_id is not None else 0
    return [ids if ids else [unknown] for ids in pieces]


def _slow_word_ids(tokenizer) -> Callable[[str], list[int]]:
    """Subword ids of one word (no spaces) under a slow tokenizer.

    For PhoBERT's tokenizer this is its BPE merges and vocabulary straight: what
    ``tokenize()`` does with a word that holds none of its added tokens (``<s>``, ``<mask>``…),
    less the search for them, which costs more than the merges of a cached word.
    """
    from transformers import PhobertTokenizer

    def general(key: str) -> list[int]:
        return tokenizer.convert_tokens_to_ids(tokenizer.tokenize(key))

    if type(tokenizer) is not PhobertTokenizer:
        return general
    added = tuple(tokenizer.added_tokens_encoder)
    vocab, unknown = tokenizer.encoder, tokenizer.encoder.get(tokenizer.unk_token)

    def phobert(key: str) -> list[int]:
        if not key or any(token in key for token in added):
            return general(key)
        return [vocab.get(piece, unknown) for piece in tokenizer.bpe(key).split(" ")]

    return phobert


_PIECE_CACHES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
PIECE_CACHE_SIZE = 200_000  # words; emptied when full (a corpus repeats most of its words)


def _piece_cache(tokenizer) -> dict[str, list[int]]:
    """The subword ids already found for words, one cache per slow tokenizer object.

    Tokenizing a word goes through transformers' Python BPE (about 80 µs); news repeats
    its words, so across documents most lookups hit.
    """
    try:
        cache = _PIECE_CACHES.setdefault(tokenizer, {})
    except TypeError:  # an object that takes no weak reference: no cache across calls
        return {}
    if len(cache) > PIECE_CACHE_SIZE:
        cache.clear()
    return cache


def special_tokens(tokenizer) -> tuple[list[int], list[int]]:
    """The ids a tokenizer puts before and after one sequence (``<s>`` … ``</s>``)."""
    if hasattr(tokenizer, "build_inputs_with_special_tokens"):
        marker = -1
        ids = tokenizer.build_inputs_with_special_tokens([marker])
        cut = ids.index(marker)
        return list(ids[:cut]), list(ids[cut + 1:])
    encoding = tokenizer(["a"], is_split_into_words=True, add_special_tokens=True)
    ids, index = encoding["input_ids"], encoding.word_ids()
    inside = [i for i, w in enumerate(index) if w is not None]
    return list(ids[:inside[0]]), list(ids[inside[-1] + 1:])


def plan_windows(lengths: Sequence[int], budget: int, overlap: int = 0) -> list[tuple[int, int]]:
    """Word ranges ``[start, end)`` whose subword ``lengths`` fit in ``budget`` each.

    Windows are filled greedily; the next one starts ``overlap`` words (at most half the
    previous window) before the end of the previous one, unless that would not get it
    past the previous end. Every word
    lies in at least one window. A word longer than ``budget`` must be cut beforehand.
    """
    if budget < 1:
        raise ValueError("budget must be >= 1")
    if overlap < 0:
        raise ValueError("overlap must be >= 0")
    n = len(lengths)

    def fill(start: int) -> int:
        end, used = start, 0
        while end < n and used + lengths[end] <= budget:
            used += lengths[end]
            end += 1
        if end == start:
            raise ValueError(f"word {start} has {lengths[start]} subwords, more than the budget {budget}")
        return end

    ranges: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = fill(start)
        ranges.append((start, end))
        if end >= n:
            break
        following = max(end - min(overlap, (end - start) // 2), start + 1)
        start = following if fill(following) > end else end
    return ranges


def assign_words(ranges: Sequence[tuple[int, int]], n_words: int) -> list[int]:
    """For each word, the index of the window it is predicted from.

    That is the window where the word is furthest from a cut edge (a document edge is
    no cut); ties go to the earlier window.
    """
    best = [-1] * n_words
    score = [-1.0] * n_words
    for w, (start, end) in enumerate(ranges):
        for i in range(start, end):
            left = float("inf") if start == 0 else i - start
            right = float("inf") if end == n_words else end - 1 - i
            margin = min(left, right)
            if margin > score[i]:
                best[i], score[i] = w, margin
    return best


def encode_words(tokenizer, words: Sequence[str], max_length: int = 256, *, overlap: int = 32) -> list[Window]:
    """Windows of at most ``max_length`` positions (special tokens included) over ``words``.

    Consecutive windows share up to ``overlap`` words; each word is predicted from
    exactly one window (see :func:`assign_words`). A word with more subwords than fit
    in a window keeps only as many as fit (its first subword is what is predicted).
    """
    prefix, suffix = special_tokens(tokenizer)
    budget = max_length - len(prefix) - len(suffix)
    if budget < 1:
        raise ValueError(f"max_length={max_length} leaves no room next to {len(prefix) + len(suffix)} special tokens")
    pieces = [ids[:budget] for ids in word_pieces(tokenizer, words)]
    ranges = plan_windows([len(p) for p in pieces], budget, overlap)
    owner = assign_words(ranges, len(words))
    windows = []
    for w, (start, end) in enumerate(ranges):
        input_ids = list(prefix)
        word_ids: list[int | None] = [None] * len(prefix)
        predict = []
        for i in range(start, end):
            if owner[i] == w:
                predict.append(len(input_ids))
            input_ids.extend(pieces[i])
            word_ids.extend([i] * len(pieces[i]))
        input_ids.extend(suffix)
        word_ids.extend([None] * len(suffix))
        windows.append(Window(input_ids, word_ids, (start, end), predict))
    return windows
