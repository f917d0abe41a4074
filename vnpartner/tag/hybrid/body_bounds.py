"""The bounds :func:`~vnpartner.tag.hybrid.conventions.tidy` gives a body's or a place's name: the type word
before a body's name and the rest the model cut off, a body cut in two, two parties joined by a dash,
and a body run on into its official's name."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence

from ...normalize.names import vietnamese_name
from ...normalize.places import leading_country, lookup_place, trailing_place
from ...normalize.sectors import sector_code
from .words import (
    _BODY_HEADS, _DANGLING, _OTHER_BODY_HEADS, Span, _in_document_number, _name_end, _opens_with_body, _party_label,
    _run_on, _word_spans,
)

_JOINT_BODY = re.compile(r"(?i)\b(?:hữu nghị|thương mại|doanh nghiệp|hiệp hội|liên minh|hội|phòng|trường|trung tâm|viện|đại học|quỹ|diễn đàn)\b")
_DASH = re.compile(r"\s*[-–]\s*")
_HYPHEN_PAIR = re.compile(r"^(?P<a>\S.*?)\s*[-–]\s*(?P<b>\S.*)$")
_NAMED_FOR_NO_ONE = re.compile(r"Quốc hội|Chính phủ|Bộ [A-ZĐ][^\W\d]*(?: [^\W\d]+)*")
# Two or three capitalised words spelt in hyphened syllables at a name's end (`Xa-bơ Chau-hơ-ry`)
_TRANSLITERATED_NAME = re.compile(
    r"[A-ZĐ][^\W\d_]*-[^\W\d_-]+(?:-[^\W\d_-]+)*(?: [A-ZĐ][^\W\d_]*(?:-[^\W\d_-]+)+){1,2}$")
_BRACKETED_NAME = re.compile(r" \([A-Z][\w.'-]*(?: [A-Z][\w.'-]*)+\)")
_INTERNATIONAL = re.compile(r"[ \t]+quốc tế\b")
_WORLD = re.compile(r"[ \t]+thế giới\b")  # `Tổ chức Y tế` + `thế giới`: the gold writes it with the name
# Lowercase words up to `thế giới` and an alias in brackets: the rest of a name the model cut at
# its `và` (`Nhóm các nền kinh tế phát triển` + `và mới nổi hàng đầu thế giới` + ` (G20)`).
_WORLD_BEFORE_ALIAS = re.compile(r"(?P<words>(?:[ \t]+\w+){0,8}?)[ \t]+thế giới(?=[ \t]*\([A-ZĐ])")


def _whole_body(text: str, start: int, end: int, spans: Sequence[Span]) -> tuple[int, int]:
    """A body's name the model cut (annotated whole in the gold articles): the type word just
    before it (`Uỷ ban` + `châu Âu`), the name after a dangling `tại`/`và`/`của` (`Đại sứ quán
    Việt Nam tại` + `Cộng hòa Séc`, up to a person or title the model found after it), a
    lowercase `quốc tế` with the country after it (`Hội Xúc tiến mậu dịch` + `quốc tế Trung Quốc`),
    and a lowercase `thế giới` (`Diễn đàn Kinh tế` + `thế giới`)."""
    before = text[max(0, start - 30):start]  # a window: long documents have many names
    for size in (2, 1):
        head = " ".join(before.split()[-size:])
        if head in _BODY_HEADS and before.endswith(head + " "):
            start -= len(head) + 1
            break
    head, _, last = text[start:end].rpartition(" ")
    if head and last in _DANGLING:
        world = _lowercase_world(text, start + len(head)) if _opens_with_body(head, _OTHER_BODY_HEADS) else None
        return start, world.end() if world else _continued_end(text, end, spans) or start + len(head)
    international = _INTERNATIONAL.match(text, end)
    if international and _opens_with_body(text[start:end]):
        return start, _name_end(text, international.end(), most=3, lowercase_inside=True) or international.end()
    world = _WORLD.match(text, end) or _lowercase_world(text, end)
    if world and _opens_with_body(text[start:end], _OTHER_BODY_HEADS) and len(text[start:end].split()) > 1:
        return start, world.end()
    return start, end


def _lowercase_world(text: str, end: int) -> re.Match | None:
    """The lowercase words and `thế giới` after ``end``, where a bracketed alias follows them."""
    found = _WORLD_BEFORE_ALIAS.match(text, end)
    return found if found and not any(c.isupper() for c in found.group("words")) else None


def _continued_end(text: str, end: int, spans: Sequence[Span]) -> int | None:
    """The end of the name after a dangling word at ``end``: the name run, cut before a person
    or title, stretched to the end of the model's span it ends inside (`Giao` of `Giao thông vận tải`)."""
    run_end = _name_end(text, end, most=6, lowercase_inside=True)
    if run_end is None:
        return None
    following = itertools.islice(spans, bisect_left(spans, (end,)), None)  # spans are sorted
    window = list(itertools.takewhile(lambda span: span[0] < run_end, following))
    people = [s for s, _, label in window if label in ("PERSON", "TITLE")]
    if people:
        run_end = len(text[:people[0]].rstrip())
        if run_end <= end:
            return None
    inside = [e for s, e, label in window if s < run_end < e and label not in ("PERSON", "TITLE")]
    return max(inside, default=run_end)


def _joined_bodies(text: str, spans: list[Span]) -> list[Span]:
    """One body the model cut in two: at its `và` (`Liên đoàn Công nghiệp` + `Giao thông Vận tải
    Séc`: a body's name, `và`, then a name that opens with a field, not with a body of its own)
    or at an `&` with no space around it (`VH-TT` + `DL`),
    or before the last words of its name, taken for a place the gazetteer does not know
    (`Diễn đàn Hợp tác Kinh tế Châu Á` + `Horasis`, `Trung ương` + `Đảng`)."""
    return _run_on(spans, lambda body, span: _continues_body(text, body, span))


def _continues_body(text: str, body: Span, span: Span) -> bool:
    gap, name = text[body[1]:span[0]], text[span[0]:span[1]]
    if span[2] == "ORGANIZATION" and gap == "&":
        return True  # `VH-TT` + `&` + `DL`: one ministry's abbreviated fields
    if span[2] == "ORGANIZATION":
        return gap == " và " and _opens_with_field(name) and _opens_with_body(text[body[0]:body[1]])
    return span[2] == "LOCATION" and gap == " " and _unknown_place(name)


def _unknown_place(name: str) -> bool:
    """Whether neither ``name`` nor any word of it is a place the gazetteer knows."""
    return lookup_place(name) is None and all(lookup_place(word) is None for word in name.split())


# Fields in bodies' names that no sector code covers (`Ngân hàng Đầu tư và Phát triển Việt Nam`,
# `Bộ Ngoại giao và Hợp tác Quốc tế`, `Bộ Lao động, Thương binh và Xã hội`).
_NAME_FIELDS = frozenset({"phát triển", "hợp tác", "quan hệ", "xã hội", "kế hoạch", "tài nguyên", "thương binh"})


def _opens_with_field(name: str) -> bool:
    words = name.split()
    first = " ".join(words[:2])
    return len(words) > 1 and not _opens_with_body(name) and (
        sector_code(first) is not None or first.lower() in _NAME_FIELDS)


def _binational_end(text: str, start: int, end: int) -> int:
    """The end of a name the model cut at the dash of two countries (`Hội Hữu nghị Việt Nam`
    of `Hội Hữu nghị Việt Nam – Cuba`): a body two countries share (a friendship society, a
    chamber, a school) named with the first, then a dash and the other."""
    dash = _DASH.match(text, end)
    if dash is None or not _JOINT_BODY.search(text[start:end]):
        return end
    first, second = trailing_place(text[start:end]), leading_country(text[dash.end():dash.end() + 40])
    if first is None or first.admin != "country" or second is None or second[0].country == first.country:
        return end
    return dash.end() + second[1]


def _place_and_country(name: str) -> bool:
    """Whether ``name`` is a place and a country (`Thái Bình Dương Mỹ`, the Pacific of the US, is no
    one; `Nguyễn Văn Đức` is someone, though `Đức` is Germany)."""
    words = name.split()
    for cut in range(1, len(words)):
        country = lookup_place(" ".join(words[cut:]))
        if country is not None and country.admin == "country" and lookup_place(" ".join(words[:cut])) is not None:
            return True
    return False


def _official_after_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of the body, start of the name) where a body named for its place, or one never named
    for a person (`Quốc hội`, a ministry), runs on into the full Vietnamese name of its official
    (`UBND tỉnh Hà Tĩnh` + `Dương Tất Thắng`, `Quốc hội` + `Tòng Thị Phóng`), or into a foreign
    name spelt the Vietnamese way that the original follows in brackets; None if not. A
    two-word name is too often a body's own (`Trường THPT Chu` + `Văn An`), and a place and a
    country are no one's (`Bộ Tư lệnh` + `Thái Bình Dương Mỹ`)."""
    words = _word_spans(text, start, end)
    for first in range(max(1, len(words) - 4), len(words) - 2):  # three or four words, the longest first
        body, name = text[start:words[first - 1][1]], text[words[first][0]:end]
        if vietnamese_name(name) and not _place_and_country(name) \
                and (trailing_place(body) or _NAMED_FOR_NO_ONE.fullmatch(body)):
            return words[first - 1][1], words[first][0]
    transliterated = _TRANSLITERATED_NAME.search(text, start, end)
    if transliterated and transliterated.start() > start + 1 and _BRACKETED_NAME.match(text, end):
        # `Liên minh Nghị viện Thế giới` + `Xa-bơ Chau-hơ-ry (Saber Chowdhury)`
        return transliterated.start() - 1, transliterated.start()
    return None


def _hyphen_parties(text: str, start: int, end: int) -> list[Span] | None:
    """The two parties of a name made of two joined by a dash (`VN-Campuchia`, `EU-Ai Cập`,
    `ASEAN-EU`), each a place the gazetteer knows or an acronym the text also writes alone, or
    two bodies' names (`Hiệp hội ...-Liên minh châu Âu`);
    None for any other name (`GD-ĐT`, `BFM-TV`, the `QĐ-UB` of a document's number)."""
    m = _HYPHEN_PAIR.match(text[start:end])
    if not m or _in_document_number(text, start):
        return None
    sides = [(start + m.start(side), start + m.end(side)) for side in "ab"]
    labels = [_party_label(text, s, e) for s, e in sides]
    if all(_opens_with_body(text[s:e], _OTHER_BODY_HEADS) for s, e in sides):
        labels = ["ORGANIZATION", "ORGANIZATION"]  # `Hiệp hội các quốc gia Đông Nam Á-Liên minh châu Âu`
    if None in labels:
        return None
    return [(s, e, label) for (s, e), label in zip(sides, labels)]
