"""Corrections of TITLE spans after the merge: secretariats and leaders' offices the model read as
titles, a minister's two fields, the `nước` after a title, and titles cut at `và`."""

from __future__ import annotations

import re

from ...normalize.places import lookup_place
from ...normalize.sectors import is_sector_term
from ...normalize.titles import title_bodies
from .words import Span

_SECRETARIAT_BEFORE = re.compile(r"(?<!\w)Ban $")
_MINISTER = re.compile(r"(?:Phó |Nguyên |Quyền )?(?:Bộ|Thứ) trưởng\b")
_SECOND_FIELD = re.compile(r"(?P<first>(?: [\w-]+){0,3}?) và (?P<words>[^\W\d_][\w-]*(?: [^\W\d_][\w-]*){0,3})")
_NO_OFFICE = frozenset({term.lower() for term in title_bodies()} | {"tp", "tp.", "tphcm", "tp.hcm", "thường vụ"})
_LEADERS_OFFICE = re.compile(r"(?<!\w)(Phủ|Văn phòng) (?:Tổng thống|Thủ tướng|Chủ tịch(?: nước)?)(?!\w)")
_VENUE_BEFORE = re.compile(r"(?:tại|ở) $")
_NUOC_OF_THE_TITLE = re.compile(r"(?i:chủ t[iị]ch|nhà|tài nguyên|nguồn) nước$")


def _secretariats(text: str, spans: list[Span]) -> list[Span]:
    """A secretary's title after `Ban` names a body, the secretariat, which takes the body or
    place it serves right after it (`Ban Thư ký ASEAN`, `Ban Tổng Thư ký Interpol`)."""
    out: list[Span] = []
    secretariat = False
    for start, end, label in spans:
        ban = _SECRETARIAT_BEFORE.match(text, max(0, start - 4), start) if label == "TITLE" else None
        if ban and "thư ký" in text[start:end].lower():
            start = ban.start()
            if out and out[-1][1] > start:
                out.pop()  # the model's bare `Ban`
            out.append((start, end, "ORGANIZATION"))
            secretariat = True
            continue
        if secretariat and label in ("ORGANIZATION", "LOCATION") and text[out[-1][1]:start] == " ":
            out[-1] = (out[-1][0], end, "ORGANIZATION")
        else:
            out.append((start, end, label))
        secretariat = False
    return out


def _ministers_of_two_fields(text: str, spans: list[Span]) -> list[Span]:
    """A minister's title names both fields of the ministry, which the model cut at `và` (`Bộ
    trưởng Kinh tế` + `và` + `Năng lượng`, `Bộ trưởng` + `Bưu chính và` + `Viễn thông Lào`):
    the title takes the field after `và`, which is no sector, and leaves the rest of a span
    that ran on past it (the country, a place)."""
    for title in [span for span in spans if span[2] == "TITLE"]:
        head, field = _MINISTER.match(text, title[0], title[1]), _SECOND_FIELD.match(text, title[1])
        if head is None or field is None:
            continue
        first = field.group("first").strip()
        if not (_is_field(first) if first else head.end() < title[1]):
            continue  # `Bộ trưởng` + `Lavrov nói về kinh tế và du lịch`
        words = field.group("words").split()
        while words and not _is_field(" ".join(words)):
            words.pop()
        if not words:
            continue
        second, end = field.start("words"), field.start("words") + len(" ".join(words))
        after = [span for span in spans if title[1] < span[1] and span[0] < end]
        if any(span[2] != "SECTOR" if span[0] < second else span[2] not in ("SECTOR", "ORGANIZATION")
               for span in after):
            continue  # a name or a place the model found in the words: no field of the title
        rest = [_rest_of(text, span, end) for span in after if span[1] > end]
        spans = sorted([span for span in spans if span != title and span not in after]
                       + [(title[0], end, "TITLE")] + [span for span in rest if span])
    return spans


def _is_field(words: str) -> bool:
    return is_sector_term(words.lower()) or words.lower() == "hợp tác quốc tế"


def _rest_of(text: str, span: Span, end: int) -> Span | None:
    """What is left of ``span`` after ``end``: a place where it names one, else nothing."""
    start = end + len(text[end:span[1]]) - len(text[end:span[1]].lstrip())
    return (start, span[1], "LOCATION") if start < span[1] and lookup_place(text[start:span[1]]) else None


def _offices_of_leaders(text: str, spans: list[Span]) -> list[Span]:
    """A leader's office is one name the model cuts at the leader's title (`Văn phòng` + `Tổng
    thống`, `Phủ` + `Chủ tịch`) or reads as a title (`Văn phòng Thủ tướng`): a body, or a place
    after `tại`/`ở` (`tại Phủ Tổng thống ở Seoul`), as the gold marks them; not inside a title
    that names it (`Chủ nhiệm Văn phòng Chủ tịch nước`)."""
    for office in _LEADERS_OFFICE.finditer(text):
        start, end = office.span()
        inside = [span for span in spans if span[0] < end and start < span[1]]
        found_whole = inside == [(start, end, "ORGANIZATION")] or inside == [(start, end, "LOCATION")]
        if not inside or found_whole or any(span[0] < start or span[1] > end for span in inside):
            continue
        venue = office.group(1) == "Phủ" and _VENUE_BEFORE.search(text, max(0, start - 4), start)
        office = (start, end, "LOCATION" if venue else "ORGANIZATION")
        spans = sorted([span for span in spans if span not in inside] + [office])
    return spans


def _offices_only(text: str, spans: list[Span]) -> list[Span]:
    """The spans less a body or a city the model read as a title on its own (`Chủ tịch LĐLĐ` +
    `TP`, `Thường vụ` + `Tỉnh ủy`): a title names a post; the gold marks none of these alone."""
    return [span for span in spans if span[2] != "TITLE" or text[span[0]:span[1]].lower() not in _NO_OFFICE]


def _titles_before_nuoc(text: str, spans: list[Span]) -> list[Span]:
    """Titles without the `nước` the model read on after them (`Thủ tướng Chính phủ nước` + `Cộng
    hòa Dân chủ Nhân dân Lào`, `Tổng thống nước` + `này`): the word names the state the title's
    holder serves, not the office. `Chủ tịch nước`, `nhà nước` and `Tài nguyên nước` (water) keep it, and a
    `nước` read as a title of its own ends such a title right before it (`Bộ trưởng Nông nghiệp và
    Tài nguyên` + `nước`) or is dropped."""
    out: list[Span] = []
    for start, end, label in spans:
        if label == "TITLE" and text[start:end] == "nước":
            if out and out[-1][2] == "TITLE" and text[out[-1][1]:start] == " " \
                    and _NUOC_OF_THE_TITLE.search(text, out[-1][0], end):
                out[-1] = (out[-1][0], end, label)
            continue
        if label == "TITLE" and text.endswith(" nước", start, end) and not _NUOC_OF_THE_TITLE.search(text, start, end):
            end -= len(" nước")
        out.append((start, end, label))
    return out


def _titles_through_and(text: str, spans: list[Span]) -> list[Span]:
    """A title the model cut at `và` goes on over the capitalised field it read on its own when a
    person follows (`Bộ trưởng Kế hoạch` + ` và ` + `Đầu tư` + `Nguyễn Chí Dũng`) or the cut kept
    the `và`; otherwise the title ends before `và`."""
    out: list[Span] = []
    for index, span in enumerate(spans):
        title = out[-1] if out and out[-1][2] == "TITLE" else None
        gap = text[title[1]:span[0]] if title else ""
        after = spans[index + 1] if index + 1 < len(spans) else None
        kept_and = text[title[0]:title[1]].endswith(" và") and gap == " " if title else False
        person_next = after is not None and after[2] == "PERSON" and text[span[1]:after[0]] == " "
        if span[2] == "SECTOR" and text[span[0]].isupper() and (kept_and or (gap == " và " and person_next)):
            out[-1] = (title[0], span[1], "TITLE")
            continue
        out.append(span)
    return [(start, end - 3, label) if label == "TITLE" and text[start:end].endswith(" và") else (start, end, label)
            for start, end, label in out]
