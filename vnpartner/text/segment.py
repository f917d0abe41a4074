"""Word segmentation with underthesea, keeping every word's offsets in the raw text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import crf

# Scrape debris: a digit glued to a following capitalised word (a photo caption counter
# running into the next sentence, `ảnh 1UBND`) or a lowercase letter glued to a capital
# after punctuation. The segmenter sees a space there; offsets stay those of the raw text.
_GLUED = re.compile(r"(?<=\d)(?=[A-ZĐ][A-ZĐa-zà-ỹ])|(?<=[a-zà-ỹ][;:])(?=\w)")


@dataclass(frozen=True)
class Word:
    """A segmented word: its surface text and its span in the document text."""

    text: str
    start: int
    end: int

    @property
    def syllables(self) -> list[str]:
        return self.text.split()


def _model_folder() -> str:
    import underthesea.pipeline.word_tokenize as ws

    return ws.join(ws.dirname(ws.__file__), "models", "ws_crf_vlsp2013_20230727")


@lru_cache(maxsize=1)
def _decoder() -> crf.WordSegmenter | None:
    return crf.load(_model_folder())


@lru_cache(maxsize=1)
def _underthesea_tagger():
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    model = FastCRFSequenceTagger()
    model.load(_model_folder())
    return model


def _tag(syllables: list[str]) -> list[str]:
    """B-W/I-W tags of a sentence's syllables under underthesea's segmentation CRF: decoded by
    `crf` where it reads the model, else by underthesea's own tagger."""
    decoder = _decoder()
    if decoder is not None:
        return decoder.tag(syllables)
    return _underthesea_tagger().predict([[s] for s in syllables])


_CHUNK = re.compile(r"\S+")


def _token_spans(text: str) -> list[tuple[int, int]]:
    """The spans of underthesea's tokenizer regex (``patterns``) over ``text``, whole matches.

    A space-delimited run of letters is one ``word`` match: no earlier alternative takes
    letters alone, but for two exceptions left to the regex (`ʺ` is a letter yet punctuation
    to it, and its `Th.S` lets the dot be any character, a space too). The regex, which tries
    a dozen alternatives at each token, runs only on the other runs.
    """
    from underthesea.pipeline.word_tokenize.regex_tokenize import patterns

    spans = []
    cursor = 0  # where the last match ended: a `Th S` match runs into the next run
    for chunk in _CHUNK.finditer(text):
        start, end = chunk.span()
        run = chunk.group()
        if start >= cursor and run.isalpha() and "ʺ" not in run \
                and not (run.startswith("Th") and text[start + 3:start + 4] in ("S", "s")):
            spans.append((start, end))
            cursor = end
            continue
        for match in patterns.finditer(text, max(start, cursor)):
            if match.start() >= end:
                break
            spans.append(match.span())
            cursor = match.end()
    return spans


def _syllable_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of underthesea's syllable tokens in ``text[start:end]``."""
    from underthesea.pipeline.word_tokenize.regex_tokenize import normalize_characters_in_text

    raw_view = text[start:end]
    view = _GLUED.sub(" ", raw_view)
    normalized = normalize_characters_in_text(view)
    # underthesea's `tokenize(view, use_token_normalize=False)`, its tokens as spans.
    if len(view) == len(raw_view) and normalized == view:  # nothing moved: match positions hold
        return [(start + first, start + last) for first, last in _token_spans(view)]
    # `view` only has spaces inserted, so map view positions back to the raw text.
    back = []
    raw = start
    for char in view:
        back.append(raw)
        if raw < end and text[raw] == char:
            raw += 1
    spans = []
    cursor = 0
    for token in (normalized[first:last] for first, last in _token_spans(normalized)):
        found = view.find(token, cursor)
        if found < 0:  # the tokenizer changed characters: skip rather than misplace
            continue
        first, last = back[found], back[found + len(token) - 1] + 1
        spans.append((first, last))
        cursor = found + len(token)
    return spans


@lru_cache(maxsize=4096)
def _segment_cached(sentence: str) -> tuple[tuple[int, int], ...]:
    spans = _syllable_spans(sentence, 0, len(sentence))
    if not spans:
        return ()
    tags = _tag([sentence[s:e] for s, e in spans])
    words: list[list[int]] = []
    for (s, e), tag in zip(spans, tags):
        # Words never run across a space-free junction the tokenizer split (`1UBND`).
        if tag == "I-W" and words and sentence[words[-1][1]:s].isspace() and s - words[-1][1] == 1:
            words[-1][1] = e
        else:
            words.append([s, e])
    return tuple((s, e) for s, e in words)


def clear_caches() -> None:
    """Forget the sentences and syllable n-grams segmented so far (benchmarks time a cold start)."""
    _segment_cached.cache_clear()
    if _decoder.cache_info().currsize and _decoder() is not None:
        _decoder().clear_caches()


def segment(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of ``text[start:end]`` (one sentence is best) with offsets into ``text``.

    Multi-syllable words keep their inner spaces (``Bình Dương``); identical sentences
    are segmented once (boilerplate repeats across news pages).
    """
    end = len(text) if end is None else end
    sentence = text[start:end]
    return [Word(sentence[s:e], start + s, start + e) for s, e in _segment_cached(sentence)]
