"""Bridges between the span conventions of the gold NER sources and schema v1.

- Place type words. Schema v1 puts ``tỉnh``/``thành phố``/``TP``/``TP.`` inside a LOCATION
  span when it directly precedes the name. :func:`extend_type_words` moves a gold LOCATION
  start back over such a word; :func:`to_vlsp` strips it again.
- Dates. Schema v1 keeps ``ngày``, weekdays, times of day and clock times outside a DATE
  span and has no durations. :func:`bridge_date` trims a source DATE span to that shape or
  says it is no calendar date (``None``).

Measured on the shared data: VLSP already keeps the type word *inside* the LOC
span in most cases (VLSP 2016 train: 249 LOC spans start with one, 4 follow one, all after
a quantifier such as `các tỉnh`; VLSP 2018 train: 356 vs 21, dev: 110 vs 10). So
:func:`extend_type_words` repairs only a minority (10 spans in VLSP 2018 train, 2 in dev),
and :func:`to_vlsp` does NOT give VLSP's majority convention: applied to the bridged
VLSP 2018 gold it changes 489 of 7,225 train and 130 of 2,377 dev LOC spans. Score against
VLSP gold without it unless you have checked the convention of that gold file.
"""

from __future__ import annotations

import copy
import re
from datetime import date

from ..normalize import SPAN_TYPE_WORDS, find_dates, normalize_date
from ..normalize.places import type_word_before
from ..schema import Document, Entity

__all__ = [
    "DATE_ANCHOR", "bridge_date", "extend_type_words", "is_calendar_date", "is_duration", "to_vlsp",
    "trim_date_context",
]

_TYPE_ALT = "|".join(re.escape(w) for w in sorted(SPAN_TYPE_WORDS, key=len, reverse=True))
_TYPE_AT_START = re.compile(rf"(?P<type>{_TYPE_ALT})(?:(?<=\.)[ \t]?|[ \t])(?=\w)")  # used with .match(text, pos)


def _covered(entities: list[Entity], start: int, end: int, skip: Entity | None = None) -> bool:
    return any(e is not skip and e.start < end and start < e.end for e in entities)


def extend_type_words(doc: Document, *, blocked: list[tuple[int, int]] = ()) -> int:
    """Move each LOCATION start of ``doc`` back over a directly preceding place type word.

    ``Chủ tịch thành phố London`` with gold ``London`` becomes ``thành phố London``. The
    word is taken only when it is a whole word, no other entity (nor a span of
    ``blocked``) covers it, and no quantifier precedes it (``các tỉnh miền Trung`` keeps
    ``miền Trung``). Changes ``doc`` in place (entity ids are kept) and returns how many
    spans were extended.
    """
    changed = 0
    for ent in doc.entities:
        if ent.label != "LOCATION":
            continue
        start = type_word_before(doc.text, ent.start)
        if start is None:
            continue
        if _covered(doc.entities, start, ent.start, skip=ent) or any(s < ent.start and start < e for s, e in blocked):
            continue
        ent.start = start
        ent.text = doc.text[ent.start:ent.end]
        changed += 1
    return changed


def to_vlsp(doc: Document) -> Document:
    """A copy of ``doc`` whose LOCATION spans do not start with a place type word.

    The reverse of :func:`extend_type_words`: ``tỉnh Bình Dương`` → ``Bình Dương``,
    ``TP.HCM`` → ``HCM``. Other entities, relations and ids are unchanged. See the module
    docstring: most VLSP gold keeps the type word inside, so check before scoring with this.
    """
    out = copy.deepcopy(doc)
    for ent in out.entities:
        if ent.label != "LOCATION":
            continue
        m = _TYPE_AT_START.match(out.text, ent.start, ent.end)
        if m and m.end() < ent.end:
            ent.start = m.end()
            ent.text = out.text[ent.start:ent.end]
    return out


# ------------------------------------------------------------------------------ dates

# Any year works: it only lets relative expressions (`năm ngoái`) and day-month dates resolve.
DATE_ANCHOR = date(2020, 12, 31)

_WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+[Nn]hật)"
_CLOCK = r"\d{1,2}\s*(?:[hg:]|giờ)\s*(?:\d{1,2}\s*(?:phút|p|')?)?"
_CONTEXT = r"(?i:rạng\s+sáng|sáng|trưa|chiều|tối|đêm|khuya|hôm|ngày|vào|lúc)"
_LEADING = re.compile(rf"^(?:(?:{_WEEKDAY}|{_CLOCK})\s*[,\-–]?\s*|{_CONTEXT}\s+)+")
_UNIT = r"(?:năm|tháng|tuần|ngày|đêm|giờ|tiếng|phút|giây|thập\s+kỷ|thập\s+niên|thế\s+kỷ|quý|mùa)"
_AMOUNT = (
    r"(?:\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|"
    r"mươi|trăm|nghìn|ngàn|vài|mấy|nhiều|hàng|chục|nửa|mấy\s+chục|vài\s+chục|hàng\s+chục)"
)
_DURATION = re.compile(
    rf"(?:(?:khoảng|gần|hơn|trên|dưới|chừng|suốt|trong|cả|mất|sau|trước)\s+)*"
    rf"(?:{_AMOUNT}\s+)+{_UNIT}(?:\s+(?:rưỡi|lẻ|qua|trước|nay|tới|sau|nữa|gần\s+đây|vừa\s+qua|liên\s+tục|liền))*",
    re.I,
)


def trim_date_context(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without leading weekdays, clock times, ``ngày``/``sáng``/``vào``…
    and trailing punctuation: ``Sáng ngày 6/9/2017`` → ``6/9/2017``."""
    m = _LEADING.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def is_duration(span: str) -> bool:
    """Whether ``span`` is a bare amount of time (``60 năm``, ``6 thập kỷ qua``, ``vài phút``)."""
    return _DURATION.fullmatch(span.strip()) is not None


def is_calendar_date(span: str) -> bool:
    """Whether ``span`` reads as a calendar expression: it normalises (with a fixed anchor
    for relative ones) and is not a duration."""
    return not is_duration(span) and normalize_date(span, DATE_ANCHOR) is not None


def bridge_date(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The schema v1 DATE span for a source DATE/DATETIME span, or None to drop it.

    Trims context words (:func:`trim_date_context`); keeps the span when it is a calendar
    expression; otherwise keeps the single date expression inside it (``14h ngày 24/9`` →
    ``24/9``); drops durations, clock times and spans with no or several dates.
    """
    start, end = trim_date_context(text, start, end)
    if start >= end:
        return None
    span = text[start:end]
    if is_duration(span):
        return None
    if normalize_date(span, DATE_ANCHOR) is not None:
        return start, end
    found = find_dates(span)
    if len(found) == 1:
        a, b = found[0]
        if is_calendar_date(span[a:b]):
            return start + a, start + b
    return None
