"""DATE spans and their normalised values (schema v1, docs/annotation-guidelines.md).

Span rules: ``ngày``, weekdays and times of day (``sáng``, ``tối`` ...) stay outside the
span; ``tháng``, ``năm`` and ``giai đoạn`` are inside; relative words (``vừa qua``,
``tới``, ``này`` ...) are inside. Durations (``60 năm``, ``2 ngày``) and clock times are
never dates.

Values: ``{"value": "2023-08-24", "granularity": "day"}``, ``"2022-09"`` (month), ``"2014"``
(year), ``"2022/2026"`` or ``"2023-11-08/2023-11-09"`` (range). A date without a year
takes the nearest such day not after the anchor; with no anchor it is ``--08-24``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..errors import VnPartnerError
from .text import nfc

__all__ = ["document_anchor", "find_dateline", "find_dates", "normalize_date", "parse_iso_date"]

_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:19\d\d|20\d\d|21\d\d)"
_LEFT = r"(?<![\w./\-–])"
_RIGHT = r"(?![\w/]|[.,\-–]\d)"

_MONTH_WORDS = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
# `tháng năm` / `tháng một` in lower case are ordinary words: those two need a capital.
_MONTH_WORD = (
    r"(?:Mười\s+[Mm]ột|Mười\s+[Hh]ai|mười\s+một|mười\s+hai|[Mm]ười|[Gg]iêng|[Cc]hạp|[Tt]ư|[Bb]ốn|"
    r"[Hh]ai|[Bb]a|Năm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín|Một)(?!\w)"
)
_REL = (
    r"(?:vừa\s+qua|sắp\s+tới|năm\s+nay|năm\s+ngoái|năm\s+trước|năm\s+tới|năm\s+sau|năm\s+đó|năm\s+ấy"
    r"|cùng\s+năm|tới|này"
    r"|(?:trước|qua|sau)(?=\s*(?:[,.;:)!?]|$)))"
)
_REL_YEAR = r"(?:nay|ngoái|trước|tới|sau)"
# The year a day or month is said to fall in (`28/5 năm ngoái`, `tháng 12 năm đó`): relative to
# the anchor, or that of the date named before (`năm đó`, `năm ấy`, `cùng năm`).
_YEAR_REF = r"(?:\s+(?P<yref>(?i:năm\s+(?:nay|ngoái|trước|tới|sau|đó|ấy)|cùng\s+năm)))?"
_YEAR_SHIFT = {"năm nay": 0, "năm ngoái": -1, "năm trước": -1, "năm tới": 1, "năm sau": 1}
_THAT_YEAR = ("năm đó", "năm ấy", "cùng năm")
_REL_MONTH = r"(?:vừa\s+qua|này|trước|tới|sau)"
# `6-8/6`, `29 tới 31/5`, `7 và 8/2`, `4 đến 5/11`, `30/1 đến 7/2`: the two days of a range.
_DAY_TO = r"(?:\s*[-–]\s*|\s+(?:và|đến|tới)\s+)"
_CTX = r"(?i:ngày|sáng|trưa|chiều|tối|đêm|khuya|hôm|rạng\s+sáng)"

# (kind, core pattern, needs a context word such as `ngày` before it)
_CORES: list[tuple[str, str, bool]] = [
    ("iso", rf"(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])", False),
    ("dayrange2", rf"(?P<d1>{_D})/(?P<m1>{_M})(?:\s*[-–]\s*|\s+(?:đến|tới)\s+)(?P<d2>{_D})/(?P<m2>{_M})(?:/(?P<y>{_Y}))?", False),
    ("dayrange", rf"(?P<d1>{_D}){_DAY_TO}(?P<d2>{_D})/(?P<m>{_M})(?:/(?P<y>{_Y})|{_YEAR_REF})", False),
    ("dayrange", rf"(?P<d1>{_D}){_DAY_TO}(?P<d2>{_D})\.(?P<m>{_M})(?:\.(?P<y>{_Y}))?", True),
    ("dayrange", rf"(?P<d1>{_D})\s+(?:đến|tới)\s+(?P<d2>{_D})-(?P<m>{_M})(?:-(?P<y>{_Y}))?", True),
    ("fullrange", rf"(?P<d1>{_D})(?P<s>[/.\-])(?P<m1>{_M})(?P=s)(?P<y1>{_Y})\s*[-–]\s*"
                  rf"(?P<d2>{_D})(?P=s)(?P<m2>{_M})(?P=s)(?P<y2>{_Y})", False),
    ("full", rf"(?P<d>{_D})(?P<s>[/.\-])(?P<m>{_M})(?P=s)(?P<y>{_Y})", False),
    ("words", rf"(?P<d>{_D})\s+(?i:tháng)\s+(?P<m>{_M})"
              rf"(?:(?:\s+(?i:năm)\s+|\s*[/,]\s*)(?P<y>{_Y})|{_YEAR_REF})", False),
    ("daymonth", rf"(?P<d>{_D})/(?P<m>{_M}){_YEAR_REF}", False),
    ("daymonth", rf"(?P<d>{_D})[.\-](?P<m>{_M})", True),
    ("monthrange", rf"(?i:tháng)\s+(?P<m1>{_M})\s*[-–]\s*(?P<m2>{_M})"
                   rf"(?:\s*[/.\-]\s*|\s+(?i:năm)\s+)(?P<y>{_Y})", False),
    ("month", rf"(?i:tháng)\s+(?:(?P<m>{_M})|(?P<mw>{_MONTH_WORD}))"
              rf"(?:\s*[/.\-]\s*(?P<y>{_Y})|\s+(?i:năm)\s+(?P<y2>{_Y})|\s+(?P<rel>(?i:{_REL})))?(?!\s+lần)", False),
    ("monthrel", rf"(?i:tháng)\s+(?P<mrel>(?i:{_REL_MONTH}))(?!\s+(?:khi|đó|đây|nữa))", False),
    ("yearrange", rf"(?:(?i:giai\s+đoạn|năm)\s+)?(?P<y1>{_Y})\s*[-–]\s*(?P<y2>{_Y})", False),
    ("year", rf"(?i:năm)\s+(?P<y>{_Y})", False),
    ("yearrel", rf"(?i:năm)\s+(?P<yrel>(?i:{_REL_YEAR}))(?!\s+(?:khi|đó|đây|nữa))", False),
]


def _finder(core: str, needs_context: bool) -> re.Pattern:
    """The search pattern of a core: group ``core`` is the span, a context word stays outside."""
    if needs_context:
        return re.compile(rf"(?<!\w)(?P<ctx>{_CTX})\s+(?P<core>{core}){_RIGHT}")
    return re.compile(rf"{_LEFT}(?P<core>{core}){_RIGHT}")


_FIND = [(kind, _finder(core, ctx)) for kind, core, ctx in _CORES]
# What each kind cannot match without (most sentences hold no date: their patterns are skipped).
_CUES = {"separator": re.compile(r"\d[/.\-]\d"), "range": re.compile(r"\d\s*[-–]"),
         "tháng": re.compile(r"(?i:tháng)"), "năm": re.compile(r"(?i:năm)")}
_NEEDS = {"iso": "separator", "dayrange2": "separator", "dayrange": "separator", "fullrange": "separator",
          "full": "separator", "daymonth": "separator", "words": "tháng", "monthrange": "tháng", "month": "tháng",
          "monthrel": "tháng", "yearrange": "range", "year": "năm", "yearrel": "năm"}
# Read inside a span a tagger found, never searched for: a bare year (`2017`), a month with no
# `tháng` (`1/2018`) or a quarter (`quý 1/2017`, `Quý III/2017`) are too loose to find in text.
_SPAN_CORES: list[tuple[str, str]] = [
    ("yearrange", rf"(?:(?i:năm)\s+)?(?P<y1>{_Y})\s+(?:đến|tới)\s+(?:(?i:năm)\s+)?(?P<y2>{_Y})"),
    ("dayrange", rf"(?P<d1>{_D})\s+(?:đến|tới)\s+(?i:ngày)\s+(?P<d2>{_D})/(?P<m>{_M})(?:/(?P<y>{_Y}))?"),
    ("quarter", rf"(?i:quý)\s+(?P<q>[1-4]|I{{1,3}}|IV)\s*[/\-]\s*(?P<y>{_Y})"),
    ("month", rf"(?P<m>{_M})/(?P<y>{_Y})"),
    ("year", rf"(?P<y>{_Y})"),
]
_PARSE = [(kind, re.compile(core)) for kind, core, _ in _CORES]
_PARSE_SPAN = _PARSE + [(kind, re.compile(core)) for kind, core in _SPAN_CORES]
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "I": 1, "II": 2, "III": 3, "IV": 4}
# A number or quantifier before `năm`/`tháng` makes a duration: `2 năm trước`, `mỗi tháng 2 lần`.
_QUANTIFIER_BEFORE = re.compile(r"(?:\d|\b(?:những|các|nhiều|mấy|vài|hàng|hằng|mỗi|mọi|một|cả))\s*$", re.I)
# `1/3 dân số` is a fraction, not 1 March.
_FRACTION_BEFORE = re.compile(r"\b(?:chiếm|khoảng|gần|hơn|trên|dưới|tỷ lệ|tỉ lệ|bằng)\s*$", re.I)
_FRACTION_AFTER = re.compile(r"^\s*(?:số|diện tích|dân số|tổng|lượng|phần|trường hợp)\b", re.I)
_LEADING_NOISE = re.compile(
    rf"^(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật)\s*,?\s*|(?:vào\s+)?{_CTX}\s+"
    rf"|(?:vào|trong|từ|đến|nhiệm\s+kỳ|niên\s+khóa|niên\s+khoá)\s+)+", re.I
)

# A span that runs on into the clock (`31/5 giờ` of `31/5 giờ địa phương`).
_CLOCK_AFTER = re.compile(r"\s+(?i:giờ)$")


@dataclass(frozen=True)
class _Parsed:
    """A date expression read from its span; fields left None are not written in the text."""

    kind: str
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    rel: str | None = None
    yref: str | None = None


def find_dates(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the DATE expressions in ``text``, in order.

    >>> t = "Tối 24/8, hai bên ký kết; Tháng Tư vừa qua đã ký Ý định thư."
    >>> [t[s:e] for s, e in find_dates(t)]
    ['24/8', 'Tháng Tư vừa qua']
    """
    present = {cue: bool(pattern.search(text)) for cue, pattern in _CUES.items()}
    found: list[tuple[int, int]] = []
    for kind, pattern in _FIND:
        if not present[_NEEDS[kind]]:
            continue
        for m in pattern.finditer(text):
            start, end = m.span("core")
            if _accept(kind, text, start, end) and _read(kind, m) is not None:
                found.append((start, end))
    return _longest_first(found)


def _accept(kind: str, text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    if kind in ("month", "monthrel", "yearrel", "monthrange") and _QUANTIFIER_BEFORE.search(before):
        return False
    if kind in ("daymonth", "dayrange") and text[start:end].count("/") == 1:
        if _FRACTION_BEFORE.search(before) or _FRACTION_AFTER.match(text[end:end + 20]):
            return False
    return True


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _read(kind: str, m: re.Match) -> _Parsed | None:
    """The parsed expression of a match, or None where the numbers make no date."""
    g = m.groupdict()
    yref = re.sub(r"\s+", " ", g["yref"].lower()) if g.get("yref") else None
    if kind in ("iso", "full", "words", "daymonth"):
        parsed = _Parsed("day", _int(g.get("y")), int(g["m"]), int(g["d"]), yref=yref)
    elif kind == "dayrange":
        parsed = _Parsed("dayrange", _int(g["y"]), int(g["m"]), int(g["d1"]), _int(g["y"]), int(g["m"]), int(g["d2"]),
                         yref=yref)
    elif kind == "dayrange2":
        parsed = _Parsed("dayrange", _int(g["y"]), int(g["m1"]), int(g["d1"]), _int(g["y"]), int(g["m2"]), int(g["d2"]))
    elif kind == "fullrange":  # `(12/6/1990-12/6/2017)`: an anniversary
        parsed = _Parsed("dayrange", int(g["y1"]), int(g["m1"]), int(g["d1"]), int(g["y2"]), int(g["m2"]), int(g["d2"]))
    elif kind == "monthrange":
        parsed = _Parsed("monthrange", int(g["y"]), int(g["m1"]), None, int(g["y"]), int(g["m2"]))
    elif kind == "quarter":
        last = 3 * _QUARTERS[g["q"].upper()]
        parsed = _Parsed("monthrange", int(g["y"]), last - 2, None, int(g["y"]), last)
    elif kind == "month":
        month = int(g["m"]) if g["m"] else _MONTH_WORDS[re.sub(r"\s+", " ", g["mw"].lower())]
        rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
        parsed = _Parsed("month", _int(g["y"] or g.get("y2")), month, rel=rel)
    elif kind == "monthrel":
        parsed = _Parsed("monthrel", rel=re.sub(r"\s+", " ", g["mrel"].lower()))
    elif kind == "yearrange":
        parsed = _Parsed("yearrange", int(g["y1"]), y2=int(g["y2"]))
    elif kind == "year":
        parsed = _Parsed("year", int(g["y"]))
    else:
        parsed = _Parsed("yearrel", rel=g["yrel"].lower())
    return parsed if _plausible(parsed) else None


def _plausible(p: _Parsed) -> bool:
    if p.kind == "yearrange":
        return p.y2 is not None and p.y is not None and p.y < p.y2 <= p.y + 50
    if p.kind == "monthrange":
        return p.m is not None and p.m2 is not None and p.m < p.m2
    if p.d is not None and not _valid_day(p.y or 2000, p.m, p.d):
        return False
    if p.d2 is not None and not _valid_day(p.y2 or 2000, p.m2, p.d2):
        return False
    if p.kind == "dayrange" and p.y != p.y2:
        return p.y is not None and p.y2 is not None and p.y < p.y2
    return not (p.kind == "dayrange" and p.m == p.m2 and p.d is not None and p.d2 is not None and p.d >= p.d2)


def _valid_day(year: int, month: int | None, day: int) -> bool:
    try:
        date(year, month or 1, day)
    except ValueError:
        return False
    return True


def _parse(span_text: str) -> _Parsed | None:
    text = _CLOCK_AFTER.sub("", nfc(span_text).strip().rstrip(".,;:"))
    # the loose forms only as the whole span: `Từ năm 1969 đến năm 1972` is no span of one date
    for candidate, patterns in ((text, _PARSE_SPAN), (_LEADING_NOISE.sub("", text), _PARSE)):
        for kind, pattern in patterns:
            m = pattern.fullmatch(candidate)
            if m:
                parsed = _read(kind, m)
                if parsed is not None:
                    return parsed
    return None


def normalize_date(span_text: str, anchor: date | None = None, earlier_year: int | None = None) -> dict | None:
    """The normalised value of a DATE span, or None when it is no date we can read.

    ``anchor`` (usually :func:`document_anchor`) gives the year of dates written without
    one (the nearest such day not after the anchor) and resolves relative expressions;
    ``earlier_year``, the year of the date the text named before, is the year of `năm đó`
    (`tháng 12 năm đó`).

    >>> normalize_date("24/8", date(2023, 8, 24))
    {'value': '2023-08-24', 'granularity': 'day'}
    >>> normalize_date("giai đoạn 2022-2026")
    {'value': '2022/2026', 'granularity': 'range'}
    >>> normalize_date("24/8")
    {'value': '--08-24', 'granularity': 'day'}
    """
    parsed = _parse(span_text)
    if parsed is None:
        return None
    if parsed.kind in ("day", "dayrange", "month") and parsed.y is None:
        reference = parsed.yref or parsed.rel
        year = _referred_year(reference, anchor, earlier_year)
        if year is not None:
            parsed = replace(parsed, y=year, y2=year if parsed.kind == "dayrange" else parsed.y2)
        elif reference in _YEAR_SHIFT:
            return None  # `năm ngoái` with no anchor: no year to count from
        elif reference in _THAT_YEAR:
            parsed = replace(parsed, rel=None, yref=None)  # no year named before: as if unsaid
    return _VALUE[parsed.kind](parsed, anchor)


def _referred_year(reference: str | None, anchor: date | None, earlier_year: int | None) -> int | None:
    """The year `năm ngoái`, `năm nay`, `năm đó` ... name, where it can be known."""
    if reference in _THAT_YEAR:
        return earlier_year
    if reference in _YEAR_SHIFT and anchor is not None:
        return anchor.year + _YEAR_SHIFT[reference]
    return None


def _day_value(p: _Parsed, anchor: date | None) -> dict | None:
    if p.y is not None:
        return {"value": f"{p.y:04d}-{p.m:02d}-{p.d:02d}", "granularity": "day"}
    if anchor is None:
        return {"value": f"--{p.m:02d}-{p.d:02d}", "granularity": "day"}
    day = _day_not_after(p.m, p.d, anchor)
    return {"value": day.isoformat(), "granularity": "day"} if day else None


def _day_not_after(month: int, day: int, anchor: date) -> date | None:
    """The latest date with this month and day that is not after ``anchor``."""
    for year in range(anchor.year, anchor.year - 8, -1):
        if _valid_day(year, month, day) and date(year, month, day) <= anchor:
            return date(year, month, day)
    return None


def _dayrange_value(p: _Parsed, anchor: date | None) -> dict | None:
    if p.y != p.y2:  # both years written
        return {"value": f"{date(p.y, p.m, p.d).isoformat()}/{date(p.y2, p.m2, p.d2).isoformat()}", "granularity": "range"}
    if p.y is None and anchor is None:
        return {"value": f"--{p.m:02d}-{p.d:02d}/--{p.m2:02d}-{p.d2:02d}", "granularity": "range"}
    if p.y is not None:
        end = date(p.y, p.m2, p.d2)
    else:
        end = _day_not_after(p.m2, p.d2, anchor)
        if end is None:
            return None
    start_year = end.year if (p.m, p.d) <= (p.m2, p.d2) else end.year - 1
    if not _valid_day(start_year, p.m, p.d):
        return None
    start = date(start_year, p.m, p.d)
    return {"value": f"{start.isoformat()}/{end.isoformat()}", "granularity": "range"}


def _month_value(p: _Parsed, anchor: date | None) -> dict | None:
    if p.y is not None:
        return {"value": f"{p.y:04d}-{p.m:02d}", "granularity": "month"}
    if p.rel is None and anchor is None:
        return {"value": f"--{p.m:02d}", "granularity": "month"}
    if anchor is None:
        return None
    year = _month_year(p.m, p.rel, anchor)
    return {"value": f"{year:04d}-{p.m:02d}", "granularity": "month"}


def _month_year(month: int, rel: str | None, anchor: date) -> int:
    """Year of `tháng <month> <rel>` seen from ``anchor``."""
    shifts = {"năm nay": 0, "này": 0, "năm ngoái": -1, "năm trước": -1, "năm tới": 1, "năm sau": 1}
    if rel in shifts:
        return anchor.year + shifts[rel]
    if rel in ("tới", "sắp tới", "sau"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel in ("vừa qua", "qua", "trước"):
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _monthrel_value(p: _Parsed, anchor: date | None) -> dict | None:
    if anchor is None:
        return None
    shift = {"này": 0, "vừa qua": -1, "trước": -1, "tới": 1, "sau": 1}[p.rel]
    index = anchor.year * 12 + anchor.month - 1 + shift
    return {"value": f"{index // 12:04d}-{index % 12 + 1:02d}", "granularity": "month"}


def _monthrange_value(p: _Parsed, anchor: date | None) -> dict | None:
    return {"value": f"{p.y:04d}-{p.m:02d}/{p.y2:04d}-{p.m2:02d}", "granularity": "range"}


def _year_value(p: _Parsed, anchor: date | None) -> dict | None:
    return {"value": f"{p.y:04d}", "granularity": "year"}


def _yearrange_value(p: _Parsed, anchor: date | None) -> dict | None:
    return {"value": f"{p.y:04d}/{p.y2:04d}", "granularity": "range"}


def _yearrel_value(p: _Parsed, anchor: date | None) -> dict | None:
    if anchor is None:
        return None
    shift = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}[p.rel]
    return {"value": f"{anchor.year + shift:04d}", "granularity": "year"}


_VALUE = {
    "day": _day_value, "dayrange": _dayrange_value, "month": _month_value, "monthrel": _monthrel_value,
    "monthrange": _monthrange_value, "year": _year_value, "yearrange": _yearrange_value,
    "yearrel": _yearrel_value,
}

# ---------------------------------------------------------------- datelines and anchors

_WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+[Nn]hật|CN|T[2-7])"
_FULL_DATE = (
    rf"(?:(?P<d>{_D})(?P<s>[/.\-])(?P<m>{_M})(?P=s)(?P<y>{_Y})"
    rf"|(?P<iy>{_Y})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9]))"
)
_TIME = r"(?:(?:lúc\s+)?\d{1,2}\s*[:hH]\s*\d{2}(?::\d{2})?(?:\.\d+)?\s*'?\s*(?:AM|PM|am|pm|SA|CH)?)"
_ZONE = r"(?:\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?|[+-]\d{2}:?\d{2}|Z)"
_GAP = r"\s*[,\-–|/]?\s*"
_DATELINE = re.compile(
    rf"^(?:(?:{_WEEKDAY}|(?P<t1>{_TIME})){_GAP}){{0,2}}(?:[Nn]gày\s+)?{_FULL_DATE}"
    rf"(?:(?:T|{_GAP})(?P<t2>{_TIME}))?\s*{_ZONE}?\s*$"
)
_LABELLED = re.compile(
    r"^\s*(?P<label>Ngày\s+đăng|Đăng\s+ngày|Đăng\s+lúc|Ngày\s+xuất\s+bản|Xuất\s+bản|Thời\s+gian\s+đăng|"
    r"Ngày\s+cập\s+nhật|Cập\s+nhật\s+lúc|Cập\s+nhật|Published|Posted|Updated)\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_ANY_FULL_DATE = re.compile(rf"{_LEFT}{_FULL_DATE}{_RIGHT}")
_DATELINE_LINES = 30


def find_dateline(text: str) -> date | None:
    """The publication date an article states among its first lines, or None.

    A labelled line (``Ngày đăng: ...``, ``Cập nhật: ...``) wins, then a line holding only
    a date and a clock time (``Thứ Tư, 23/8/2023 8:13'(GMT+7)``); a line with only a date
    (a page header with today's date for the reader) counts only when there is no better.
    """
    best: tuple[int, int, date] | None = None
    lines = [line.strip() for line in nfc(text).splitlines() if line.strip()][:_DATELINE_LINES]
    for index, line in enumerate(lines):
        found = _dateline_of(line)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], index, found[1])
    return best[2] if best else None


def _dateline_of(line: str) -> tuple[int, date] | None:
    """``(score, date)`` of one line that is a dateline."""
    labelled = _LABELLED.match(line)
    if labelled:
        m = _ANY_FULL_DATE.search(labelled.group("rest"))
        day = _full_date(m) if m else None
        updated = re.search(r"cập|updated", labelled.group("label"), re.I)
        return (3 if updated else 4, day) if day else None
    m = _DATELINE.match(line)
    if not m:
        return None
    day = _full_date(m)
    if day is None:
        return None
    return (2 if (m.group("t1") or m.group("t2")) else 1, day)


def _full_date(m: re.Match) -> date | None:
    g = m.groupdict()
    y, mo, d = (g["y"], g["m"], g["d"]) if g.get("y") else (g["iy"], g["im"], g["id"])
    try:
        return date(int(y), int(mo), int(d))
    except (TypeError, ValueError):
        return None


def parse_iso_date(value: str | date | datetime | None) -> date | None:
    """A ``date`` from ``2023-08-24`` (a time part after it is ignored), a date or a datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = re.match(rf"^\s*(?P<iy>{_Y})-(?P<im>1[0-2]|0?[1-9])-(?P<id>3[01]|[12]\d|0?[1-9])(?:$|[T\s])", str(value))
    return _full_date(m) if m else None


def document_anchor(text: str, published: str | date | None = None,
                    date_spans: list[tuple[int, int]] | None = None) -> date | None:
    """The date that resolves year-less and relative dates of a document.

    ``published`` when given; else the dateline (:func:`find_dateline`); else 31 December
    of the year of the latest fully dated expression (day, month and year) among
    ``date_spans`` (default: :func:`find_dates`). Year- or month-only dates never anchor.
    Raises VnPartnerError [E201] for a ``published`` that is not an ISO date.
    """
    if published:
        anchor = parse_iso_date(published)
        if anchor is None:
            raise VnPartnerError("E201", f"published={published!r} is not an ISO date; use YYYY-MM-DD")
        return anchor
    dateline = find_dateline(text)
    if dateline is not None:
        return dateline
    spans = find_dates(text) if date_spans is None else date_spans
    years = [_full_year(_parse(text[s:e])) for s, e in spans]
    years = [y for y in years if y is not None]
    return date(max(years), 12, 31) if years else None


def _full_year(parsed: _Parsed | None) -> int | None:
    """The year of an expression written with day, month and year, else None."""
    if parsed is None or parsed.kind not in ("day", "dayrange") or parsed.y is None:
        return None
    return parsed.y2 or parsed.y
