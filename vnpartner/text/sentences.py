"""Sentence splitting with character offsets into the raw text."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "tp", "tx", "tt", "q", "p", "ts", "ths", "pgs", "gs", "bs", "ks", "ls", "nxb", "st", "mr", "mrs", "ms",
    "dr", "no", "vs", "etc", "tr", "h", "ng", "co", "ltd", "inc", "u", "j",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*\s+|\s*\|\s+")
_NEXT_STARTS_SENTENCE = re.compile(r"[\"“(\[]?[A-ZĐÀ-ỸÁÉÍÓÚÝ0-9]")


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"(\w+)\.$", chunk.rstrip("\"”’)] \t"))
    if not match:
        return False
    word = match.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text[start:end]``, stripped of spaces.

    Lines always end sentences; inside a line, ``.!?…`` followed by a space and a capital,
    digit or quote does, unless the word before is a known abbreviation (``TP.``, ``TS.``).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cursor = line_start
        for boundary in _BOUNDARY.finditer(line.group()):
            cut = line_start + boundary.end()
            piece = text[cursor:cut]
            if boundary.group().startswith((".", "!", "?", "…")):
                if _ends_with_abbreviation(piece) or not _NEXT_STARTS_SENTENCE.match(text, cut):
                    continue
            _add_stripped(text, cursor, cut, spans)
            cursor = cut
        _add_stripped(text, cursor, line_start + len(line.group()), spans)
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past whitespace at either end (empty: ``start == end``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = strip_span(text, start, end)
    if end > start:
        spans.append((start, end))
