"""Corrections of LOCATION spans after the merge: airports and ports, countries named in full, the
party a dash joins to a found one, places named with a dash or a dot, and a country between a title
and a person."""

from __future__ import annotations

import re

from ...normalize import is_ambiguous
from ...normalize.names import foreign_word
from ...normalize.places import FACILITY_WORDS, STATE_PREFIX, leading_country, lookup_place
from .words import _ACRONYM, _DASH_GAP, Span, _is_country, _party_label, _run_on, _word_spans

# Not `tàu sân bay` (a carrier), `thành phố cảng` (a port city), `các sân bay` (a list of them).
_FACILITY_BEFORE = re.compile(rf"(?<!\w)(?<![Tt]àu )(?<!phố )(?<![Cc]ác )(?<!những ){FACILITY_WORDS} $")
_STATE_WORDS_BEFORE = re.compile(rf"(?<!\w)(?:{STATE_PREFIX.pattern})$")
_DASHES = frozenset("-–")
_STATE_NAME = re.compile(r"CH[A-ZĐ]{0,5} |(?:Cộng|CỘNG) (?i:hòa|hoà) |(?i:Liên bang|Vương quốc) ")


def _facilities(text: str, spans: list[Span]) -> list[Span]:
    """An airport or a port named for its place is a place with its kind word (`sân bay quốc tế
    Bắc Kinh`, `cảng Cam Ranh`); a country's port is the country's (`cảng Việt Nam`)."""
    out = []
    for start, end, label in spans:
        kind = _FACILITY_BEFORE.search(text, max(0, start - 20), start) if label == "LOCATION" else None
        if kind and not (out and out[-1][1] > kind.start()):
            if not _is_country(text[start:end]):
                start = kind.start()
        out.append((start, end, label))
    return out


def _states(text: str, spans: list[Span]) -> list[Span]:
    """A country named in full is one place (`Cộng hoà Palau`, `Cộng hòa Hồi giáo Iran`,
    `Liên bang Đức`): the model and the gazetteer find the short name, or read the rest as a body.
    Lowercase, `liên bang` is federal (`tòa án liên bang Mỹ`)."""
    out: list[Span] = []
    for start, end, label in spans:
        state = _STATE_WORDS_BEFORE.search(text, max(0, start - 40), start) if label == "LOCATION" else None
        if state and text[state.start()].isupper() and _is_country(text[start:end]):
            start = state.start()
            while out and out[-1][1] > start:
                out.pop()  # the model's `Liên bang`
        out.append((start, end, label))
    return out


def _states_read_as_bodies(text: str, spans: list[Span]) -> list[Span]:
    """A country named in full that the model read as a body (`Cộng hòa xã hội chủ nghĩa Việt
    Nam`, after `Thủ tướng Chính phủ nước`) is a place: the gold marks all 84 of its full state
    names as places."""
    return [(start, end, "LOCATION") if label == "ORGANIZATION" and _STATE_NAME.match(text, start)
            and _is_country(text[start:end]) else (start, end, label) for start, end, label in spans]


def _bodies_of_named_states(text: str, spans: list[Span]) -> list[Span]:
    """A body's name runs on over `nước` and the full name of its state (`Bộ Giáo dục` + `nước` +
    `Cộng hoà Nhân dân Trung Hoa`), as over a place right after it (:func:`_bodies_with_their_place`)."""
    return _run_on(spans, lambda body, span: span[2] == "LOCATION" and text[body[1]:span[0]] == " nước "
                   and _STATE_NAME.match(text, span[0]) is not None and _is_country(text[span[0]:span[1]]))


def _paired_parties(text: str, spans: list[Span]) -> list[Span]:
    """The spans plus the party a dash joins to one of them that none covers (`ASEAN` of `Nhật
    Bản-ASEAN`, `Nga` of `Nga-Mỹ`)."""
    taken = [(s, e) for s, e, _ in spans]
    added = []
    for start, end, label in spans:
        if label not in ("LOCATION", "ORGANIZATION") or not _dash_beside(text, start, end):
            continue
        if _party_label(text, start, end) is None:
            continue
        for other in (_party_after(text, end), _party_before(text, start)):
            if other and not any(other[0] < e and s < other[1] for s, e in taken):
                added.append(other)
                taken.append(other[:2])
    return sorted(spans + added) if added else spans


def _dash_beside(text: str, start: int, end: int) -> bool:
    return text[end:end + 1] in _DASHES or text[start - 1:start] in _DASHES


def _party_after(text: str, end: int) -> Span | None:
    """The party right after a dash at ``end`` (`-ASEAN`, `-Lào`)."""
    if text[end:end + 1] not in _DASHES or not text[end + 1:end + 2].isupper():
        return None
    acronym = _ACRONYM.match(text, end + 1)
    if acronym and not text[acronym.end():acronym.end() + 1].isalnum():
        label = _party_label(text, end + 1, acronym.end())
        return (end + 1, acronym.end(), label) if label else None
    country = leading_country(text[end + 1:end + 41])
    return (end + 1, end + 1 + country[1], "LOCATION") if country else None


def _party_before(text: str, start: int) -> Span | None:
    """The party right before a dash at ``start - 1`` (`Nga-`), of up to four words."""
    if text[start - 1:start] not in _DASHES:
        return None
    words = text[max(0, start - 41):start - 1].split(" ")
    for size in range(min(4, len(words)), 0, -1):
        name = " ".join(words[-size:])
        label = _party_label(text, start - 1 - len(name), start - 1) if name[:1].isupper() else None
        if label:
            return start - 1 - len(name), start - 1, label
    return None


def _bodies_over_dashed_places(text: str, spans: list[Span]) -> list[Span]:
    """A body's name the model cut at the dash of a place named with one (`Diễn đàn Hợp tác kinh
    tế Châu Á` + `– Thái Bình Dương`, the dash in either span or between): the body takes the
    place's rest, where the gazetteer knows the whole place."""
    def continues(body: Span, span: Span) -> bool:
        gap = text[body[1]:span[0]] + (text[span[0]] if text[span[0]] in "-–" else "")
        return span[2] == "LOCATION" and bool(_DASH_GAP.fullmatch(gap)) and _dashed_place_end(text, body, span)
    return _run_on(spans, continues)


def _dashed_place_end(text: str, body: Span, place: Span) -> bool:
    """Whether the last words of ``body`` and all of ``place`` name one place the gazetteer writes
    with a dash (not `Nam` + `- Lào`, which matches `Nam Lào`)."""
    words = _word_spans(text, body[0], body[1])
    for size in (1, 2, 3):
        if size < len(words):
            joined = lookup_place(text[words[-size][0]:place[1]])
            if joined is not None and "-" in joined.name:
                return True
    return False


_GLUED_WORD = re.compile(r"\.[A-ZĐ]\w+")  # `.Petersburg` of `St.Petersburg`


def _places_over_dots(text: str, spans: list[Span]) -> list[Span]:
    """A place cut at a dot glued to the next word (`thành phố St` + `.Petersburg`), where the
    gazetteer knows the whole; spans inside the rest go."""
    out: list[Span] = []
    for start, end, label in spans:
        if out and start < out[-1][1]:
            continue
        glued = _GLUED_WORD.match(text, end) if label == "LOCATION" else None
        if glued is not None and lookup_place(text[start:glued.end()]) is not None:
            end = glued.end()
        out.append((start, end, label))
    return out


def _countries_between_titles_and_people(text: str, spans: list[Span]) -> list[Span]:
    """A country no span covers between a title and a person (`Bộ trưởng Tài chính` + ` Mỹ ` +
    `Steve Mnuchin`): the model read it as neither, yet whose minister it is depends on it. A
    country named by one syllable a Vietnamese name may hold only before a foreign name (not
    `NSƯT` + ` Việt ` + `Anh`)."""
    out: list[Span] = []
    for span, following in zip(spans, spans[1:] + [None]):
        out.append(span)
        if span[2] != "TITLE" or following is None or following[2] != "PERSON":
            continue
        gap = text[span[1]:following[0]]
        place = lookup_place(gap) if gap == f" {gap.strip()} " else None
        foreign_person = foreign_word(text[following[0]:following[1]].split()[0])
        if place is not None and place.admin == "country" and (foreign_person or not is_ambiguous(gap.strip())):
            out.append((span[1] + 1, following[0] - 1, "LOCATION"))
    return out
