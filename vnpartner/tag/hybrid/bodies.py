"""Corrections of ORGANIZATION spans after the merge (ministries, missions, armies, companies,
newspapers, known bodies, acronyms), and ``_completed``, which chains the corrections of the merged
spans of every label."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left

from ...normalize.names import COMPANY_TYPE, foreign_word, vietnamese_name
from ...normalize.places import leading_country, lookup_place
from ...normalize.sectors import sector_terms
from ..rules import UPPER
from .fields import _fields_only, _hyphened_fields, _listed_fields
from .people import _bodies_before_people, _without_caption_words
from .places import _bodies_of_named_states, _facilities, _paired_parties, _states, _states_read_as_bodies
from .titles import _ministers_of_two_fields, _offices_of_leaders, _offices_only, _secretariats, _titles_before_nuoc
from .words import (
    _ACRONYM, _BODY_ACRONYMS, _DASH_GAP, _NAME_LABELS, _NOT_ORGANIZATIONS, _OTHER_BODY_HEADS, _RANK, Span, _is_country,
    _opens_with_body, _run_on, _word_spans,
)

_MISSION_WORD = re.compile(r"(?:Tổng )?(?:Lãnh sự quán|Đại sứ quán)")
_ARMY = re.compile(r"(?<!\w)Quân đội (?:[Nn]hân dân|Hoàng gia|Giải phóng [Nn]hân dân)(?!\w)")
_PAPER = re.compile(r"(?:[A-Z][\w.'-]*[ \t]){1,4}(?P<noun>Times|Post|Daily|Journal|Herald|Tribune|Gazette|Review|News)"
                    r"(?![\w-])")
# The government or a house of parliament, right before a span (not `quân chính phủ`, its troops).
_STATE_ORGAN_BEFORE = re.compile(r"(?<![\w-])(?<!quân )(?i:chính phủ|hạ viện|thượng viện|quốc hội|nghị viện) $")
# The PetroVietnam group's companies, `PV` and an English word (`PV` for phóng viên otherwise).
_PETROVIETNAM_UNIT = re.compile(r"PV (?i:gas|oil|power|drilling|trans|coating|shipyard)\b")
# An all-capital word of two to five letters and one space, right before a span
# (not opening a caption: `Ảnh: TT` + `Cảnh sát biển`).
_ACRONYM_BEFORE = re.compile(r"(?<![\w&.-])(?<!: )[A-ZĐ]{2,5} $")
_BRACKETED_ACRONYM = re.compile(r" ?\(([A-ZĐ][A-Za-zĐ-]*[A-ZĐ])\)")
# The first words of a state's name (`CHLB` of `CHLB Đức`), which the model takes for a body.
_STATE_PREFIX = re.compile(r"CH[A-ZĐ]{0,4}|(?i:cộng hòa|cộng hoà|liên bang|hoàng gia|vương quốc|nhà nước)")
_ACRONYM_AFTER_WORDS = re.compile(r"(?P<words>(?:[A-Z][\w&.-]* ){1,5}?[A-Z][\w&.-]*) \((?P<acronym>[A-Z]{2,5})\)")
# A diplomatic mission, named with the place where it sits (`Đại sứ quán Việt Nam tại Campuchia`).
_MISSION = re.compile(
    r"(?i:đại sứ quán|tổng lãnh sự quán|lãnh sự quán|phái đoàn|cơ quan đại diện|văn phòng đại diện|thương vụ)\s")
# A ministry, committee or other office, often named for several fields (`Bộ Văn hóa, Thể thao và Du lịch`,
# `Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch`).
_MINISTRY_HEAD = re.compile(r"(?:Bộ|Ủy ban|Uỷ ban|Sở|Trung tâm|Tổng cục|Cục|Viện|Học viện|Ban) [" + UPPER + "]")
_FIELD_WORD = rf"[{UPPER}][\w-]*(?: (?!và\b)(?![{UPPER}])[^\W\d_][\w-]*)?"  # `Công nghiệp`, `Xã hội`
_FIELDS_NAME = re.compile(rf"{_FIELD_WORD}(?: {_FIELD_WORD})+")  # at least two
# `, Thương mại và Công nghiệp` or ` và Hợp tác Quốc tế`: capitalised words joined by commas and `và`.
_FIELDS_RUN = re.compile(rf"(?:,| và) (?P<first>{_FIELD_WORD})(?:(?:,| và)? {_FIELD_WORD})*")
# Bodies the model reads as places, misses or cuts: the Chinese news agency (`Tân Hoa xã`, a
# place and a commune to it; with `Hãng thông tấn` where that opens the name), the groups of
# economies named by their number (`G7`, `G20`), the agriculture ministry, whose name ends in
# lowercase words (`Bộ Nông nghiệp và Phát triển` + `nông thôn`), and the Eurasian Economic Union
# and APEC, which the model cuts at a dash or a lowercase word (`Liên minh Kinh tế Á` + ` - Âu`,
# `Diễn đàn` | `Hợp tác` | `Kinh tế châu Á - Thái Bình Dương`).
_UNITED_NATIONS = re.compile(r"Liên [Hh](?:ợ|iệ)p [Qq]uốc")
_KNOWN_BODIES = re.compile(r"(?<!\w)(?:(?:Hãng thông tấn )?Tân Hoa [Xx]ã|G-?\d{1,2}"
                           r"|(?:Bộ|Sở) Nông nghiệp (?:và|&) Phát triển [Nn]ông thôn"
                           r"|(?:Liên minh|Ủy ban|Uỷ ban) [Kk]inh tế Á ?[-–] ?Âu"
                           r"|(?:(?:Hội đồng [Bb]ảo [Aa]n|Đại hội đồng|Hội đồng [Nn]hân quyền) )?"
                           rf"{_UNITED_NATIONS.pattern}"
                           r"|Diễn đàn Hợp tác Kinh tế [Cc]hâu Á ?[-–] ?Thái Bình Dương)(?![\w-])")


def _completed(text: str, spans: list[Span]) -> list[Span]:
    """The merged spans, corrected where one source's span ends where the other's begins
    (a body's name and the fields or the place after it), where a sector names no field, and
    where a dash joins a found party to one no span covers."""
    spans = _offices_of_leaders(text, _ministries_whole(text, _missions(text, _without_caption_words(text, spans))))
    spans = _bodies_with_their_place(text, spans)
    spans = _armies(text, _companies_with_their_brand(text, _secretariats(text, spans)))
    spans = _titles_before_nuoc(text, _states_read_as_bodies(text, _states(text, _facilities(text, spans))))
    spans = _bodies_of_named_states(text, _offices_only(text, spans))
    spans = _paired_parties(text, _defined_acronyms(text, _fields_only(text, _hyphened_fields(text, spans))))
    spans = _bodies_spelt_by_their_acronym(text, spans)
    spans = _bodies_named_whole(text, _known_bodies(text, _listed_fields(text, spans)))
    spans = _countries_of_unnamed_companies(text, _acronyms_opening_bodies(text, spans))
    spans = _state_organs_of_countries(text, spans)
    return _ministers_of_two_fields(text, _bodies_before_people(text, spans))


def _state_organs_of_countries(text: str, spans: list[Span]) -> list[Span]:
    """A country the model tagged alone after the government or a house of parliament that no span
    holds is that organ's name (`Hạ viện` + `Nhật Bản`, `chính phủ` + `Syria`): the gold marks 114
    of 126 such names one ORGANIZATION."""
    out = []
    for start, end, label in spans:
        organ = _free_words_before(text, spans, start, _STATE_ORGAN_BEFORE, 12) if label == "LOCATION" else None
        if organ is not None and _is_country(text[start:end]) and not _DASH_GAP.match(text, end):
            start, label = organ, "ORGANIZATION"  # not `chính phủ Việt - Thái`: two countries
        out.append((start, end, label))
    return out


def _free_words_before(text: str, spans: list[Span], start: int, pattern: re.Pattern, window: int) -> int | None:
    """Where ``pattern`` matches the words right before ``start`` (within ``window`` characters)
    that no span holds; None where it does not match or a span holds them."""
    found = pattern.search(text, max(0, start - window), start)
    if found is None or any(s < start and found.start() < e for s, e, _ in spans):
        return None
    return found.start()


def _countries_of_unnamed_companies(text: str, spans: list[Span]) -> list[Span]:
    """A company type word and a country is no company's name but the country it comes from
    (`Tập đoàn Hà Lan muốn ...`): the guidelines mark only the country, as the gold does."""
    out = []
    for start, end, label in spans:
        kind = COMPANY_TYPE.match(text[start:end]) if label == "ORGANIZATION" else None
        if kind and _is_country(text[start + kind.end():end]):
            start, label = start + kind.end(), "LOCATION"
        out.append((start, end, label))
    return out


def _acronyms_opening_bodies(text: str, spans: list[Span]) -> list[Span]:
    """An acronym no span holds, right before a body's capitalised name, opens that name: the
    model tags the second word of a group's company alone (`PV` + `GAS`, `PV` + `Oil`). Not an
    acronym of a kind of body or person (`PV` for phóng viên + `Báo Tin tức`)."""
    out = []
    for start, end, label in spans:
        opens = _free_words_before(text, spans, start, _ACRONYM_BEFORE, 6) if label == "ORGANIZATION" else None
        acronym = text[opens:start - 1] if opens is not None else ""
        if acronym and text[start].isupper() and acronym not in _NOT_ORGANIZATIONS \
                and (acronym not in _BODY_ACRONYMS or _PETROVIETNAM_UNIT.match(text, opens)):
            start = opens
        out.append((start, end, label))
    return out


def _bodies_named_whole(text: str, spans: list[Span]) -> list[Span]:
    """A body's name the model cut where the article gives it whole elsewhere (`Liên minh Kinh tế
    Á` + ` - Âu`, `Công ty LG` + ` Vina Cosmetics`): the span takes the rest of that name, over
    the bodies and places the model found in it but no other span."""
    names = sorted({text[start:end] for start, end, label in spans if label == "ORGANIZATION"})
    out: list[Span] = []
    for start, end, label in spans:
        if out and out[-1][2] == "ORGANIZATION" and start < out[-1][1]:
            continue  # inside the name taken whole
        if label == "ORGANIZATION":
            end = _whole_name_end(text, start, end, names, spans)
        out.append((start, end, label))
    return out


def _whole_name_end(text: str, start: int, end: int, names: list[str], spans: list[Span]) -> int:
    """The end of the longest of ``names`` (sorted) that opens with the span's name and is written at ``start``."""
    name = text[start:end]
    longer = itertools.takewhile(lambda whole: whole.startswith(name), names[bisect_left(names, name):])
    for whole in sorted(longer, key=len, reverse=True):
        whole_end = start + len(whole)
        if len(whole) == len(name) or not text.startswith(whole, start) or not whole[-1].isalnum() \
                or text[whole_end:whole_end + 1].isalnum() or text[end].isalnum():
            continue
        inside = [s for s in spans if start < s[1] and s[0] < whole_end and s[0] >= end]
        if all(label in ("ORGANIZATION", "LOCATION") and s_end <= whole_end for _, s_end, label in inside):
            return whole_end
    return end


def _known_bodies(text: str, spans: list[Span]) -> list[Span]:
    """Bodies the model misses or cuts wherever the text names them (`_KNOWN_BODIES`), in place
    of the spans they overlap; not inside the name of a body or an instrument (`Chương trình ...
    Toàn diện và G20`, `Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu`)."""
    bodies = [(start, end) for start, end, label in spans
              if label in ("ORGANIZATION", "AGREEMENT") and text[start].isupper()]
    found = [(m.start(), m.end(), "ORGANIZATION") for m in _KNOWN_BODIES.finditer(text)
             if not any(start <= m.start() and m.end() <= end and (start, end) != m.span() for start, end in bodies)]
    if not found:
        return spans
    kept, overlapped = [], []
    for span in spans:
        hit = any(span[0] < end and start < span[1] for start, end, _ in found)
        (overlapped if hit else kept).append(span)
    return _organs_of_the_un(text, sorted(kept + found + _around_bodies(text, overlapped, found)))


def _organs_of_the_un(text: str, spans: list[Span]) -> list[Span]:
    """A body named right before the United Nations is one of its organs (`Hội đồng Bảo an` +
    `Liên hợp quốc`)."""
    return _run_on(spans, lambda body, span: span[2] == "ORGANIZATION" and text[body[1]:span[0]] == " "
                   and _UNITED_NATIONS.fullmatch(text, span[0], span[1]) is not None)


def _around_bodies(text: str, overlapped: list[Span], bodies: list[Span]) -> list[Span]:
    """What a model's span that overlaps a known body held besides it: a person after it (`Liên Hợp
    Quốc Antonio Guterres`), a title before it (`Tổng thư ký Liên hợp quốc`)."""
    out = []
    for start, end, label in overlapped:
        for b_start, b_end, _ in bodies:
            if label == "PERSON" and start <= b_start < b_end < end and text[b_end] == " ":
                out.append((b_end + 1, end, "PERSON"))
            elif label == "TITLE" and start < b_start < end and text[b_start - 1] == " ":
                out.append((start, b_start - 1, "TITLE"))
    return out


def _armies(text: str, spans: list[Span]) -> list[Span]:
    """A state's army named as a body (`Quân đội Hoàng gia Campuchia`, `Quân đội nhân dân Việt
    Nam`) is one organisation; the model sees a place or `Hoàng gia` in it, or runs it on to the
    rank after it (`Quân đội Hoàng gia` + `Thống tướng`)."""
    for army in _ARMY.finditer(text):
        start, end = army.span()
        country = leading_country(text[end:end + 40])
        if country and text[end:end + 1] == " ":
            end += country[1]
        inside = [span for span in spans if span[0] < end and start < span[1]]
        if any(s < start or (e > end and not _RANK.match(text, end + 1, e)) for s, e, _ in inside):
            continue  # part of a longer name (`Báo Quân đội nhân dân`)
        runs_on = [(end + 1, e, "TITLE") for s, e, _ in inside if e > end]
        spans = sorted([span for span in spans if span not in inside] + [(start, end, "ORGANIZATION")] + runs_on)
    return spans


def _missions(text: str, spans: list[Span]) -> list[Span]:
    """An embassy or consulate the model took for a title (`Đại sứ quán`) is a body, with the
    country it represents right after it, whatever the model called that or if it missed it
    (`Đại sứ quán` + `Nga`, `Lãnh sự quán` + `Mỹ`)."""
    out: list[Span] = []
    for start, end, label in sorted(spans):
        if out and out[-1][2] == "ORGANIZATION" and start < out[-1][1]:
            continue  # the country the mission took in below
        if label == "TITLE" and _MISSION_WORD.fullmatch(text, start, end):
            label = "ORGANIZATION"
        if label == "ORGANIZATION" and _MISSION_WORD.fullmatch(text, start, end) and text[end:end + 1] == " ":
            country = leading_country(text[end + 1:end + 41])
            if country:
                end += 1 + country[1]
        out.append((start, end, label))
    return out


def _defined_acronyms(text: str, spans: list[Span]) -> list[Span]:
    """An acronym defined in brackets after an instrument's name (`Hiệp định Du lịch ASEAN
    (T-ASEAN)`) is that instrument wherever the text writes it, whatever the model called it."""
    defined = set()
    for start, end, label in spans:
        m = _BRACKETED_ACRONYM.match(text, end) if label == "AGREEMENT" else None
        if m:
            defined.add(m.group(1))
    if not defined:
        return spans
    mentions = [(m.start(), m.end(), "AGREEMENT") for m in re.finditer(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")(?![\w-])", text)]
    kept = [s for s in spans if not any(s[0] < e and b < s[1] for b, e, _ in mentions)]
    return sorted(kept + mentions)


def _bodies_spelt_by_their_acronym(text: str, spans: list[Span]) -> list[Span]:
    """A body whose bracketed acronym spells the initials of the words before it, which the model
    cut, or read as a person (`General` + `Electric` + `(GE)`, `Asian Development Bank (ADB)`):
    those words are one body."""
    for m in _ACRONYM_AFTER_WORDS.finditer(text):
        acronym, words = m.group("acronym"), list(re.finditer(r"\S+", m.group("words")))
        if len(words) < len(acronym):
            continue
        named = words[-len(acronym):]
        if "".join(w.group()[0] for w in named) != acronym or not all(w.group()[0].isupper() for w in named):
            continue
        start, end = m.start("words") + named[0].start(), m.start("words") + named[-1].end()
        inside = [span for span in spans if span[0] < end and start < span[1]]
        if not inside or inside == [(start, end, "ORGANIZATION")] or lookup_place(text[start:end]) \
                or any(span[0] < start or span[1] > end or span[2] not in _NAME_LABELS for span in inside):
            continue  # `Trung Quốc (TQ)` is a place
        spans = sorted([span for span in spans if span not in inside] + [(start, end, "ORGANIZATION")])
    return spans


def _ministries_whole(text: str, spans: list[Span]) -> list[Span]:
    """A ministry, committee or office named for several fields, which the model cut at a `và` or a
    comma (`Bộ Ngoại giao` + `và Hợp tác Quốc tế`, `Bộ Kinh tế` + `, Thương mại và Công nghiệp`): the
    capitalised words after it that no name, title or place span holds, up to the next such span.
    After a comma the run must hold a `và`, as the last of such a list of fields does."""
    out: list[Span] = []
    for index, (start, end, label) in enumerate(spans):
        if label == "ORGANIZATION" and _MINISTRY_HEAD.match(text, start):
            after = next((span for span in spans[index + 1:] if span[2] != "SECTOR"), None)
            run = _FIELDS_RUN.match(text, end, after[0] if after else len(text))
            if run and not _opens_with_body(run.group("first"), _OTHER_BODY_HEADS) \
                    and (run.group(0).startswith(" và") or " và " in run.group(0)):
                end = run.end()
            elif after and _ministry_rest(text, end, after):
                end = after[1]  # the model called the rest a body of its own
        if out and out[-1][2] == "ORGANIZATION" and start < out[-1][1]:
            continue  # a sector or the rest inside the ministry's name
        out.append((start, end, label))
    return out


def _ministry_rest(text: str, end: int, span: Span) -> bool:
    """Whether ``span``, right after a ministry's name and `và`, is the rest of that name
    (`Bộ Ngoại giao` + `và` + `Hợp tác Quốc tế Campuchia`): fields, not a body of its own."""
    rest = text[span[0]:span[1]]
    return span[2] == "ORGANIZATION" and text[end:span[0]] == " và " and _FIELDS_NAME.fullmatch(rest) is not None \
        and rest.split()[1].islower() and not _opens_with_body(rest, _OTHER_BODY_HEADS)


def _bodies_with_their_place(text: str, spans: list[Span]) -> list[Span]:
    """A body's name runs on into the place right after it (`Cảnh sát biển` + `Việt Nam`,
    `Sở Khoa học và Công nghệ TP` + `Cần Thơ`): the guidelines keep a place inside a name in
    the ORGANIZATION span, and a mission's name the place where it sits (`Đại sứ quán Mỹ` + `tại
    Hà Nội`, even where the model read that place as a body). Only a place the gazetteer knows
    (the model takes some names for places), and not after the first words of a state's name
    (`CHLB` + `Đức`)."""
    return _run_on(spans, lambda body, span: _takes_place(text, body, span))


def _takes_place(text: str, body: Span, span: Span) -> bool:
    if span[2] not in ("LOCATION", "ORGANIZATION") or not lookup_place(text[span[0]:span[1]]):
        return False
    name, gap = text[body[0]:body[1]], text[body[1]:span[0]]
    if gap in (" tại ", " ở ") and _MISSION.match(name):
        return True
    return span[2] == "LOCATION" and gap == " " and not _STATE_PREFIX.fullmatch(name)


def _companies_with_their_brand(text: str, spans: list[Span]) -> list[Span]:
    """A company's name runs on into the brand right after it that the model took for a person
    (`Công ty Cổ phần giáo dục` + `Hùng Hậu`): where the company's name holds no name of its own,
    only its type and fields, or where the article names the company whole elsewhere."""
    bodies = {text[start:end] for start, end, label in spans if label == "ORGANIZATION"}
    return _run_on(spans, lambda body, span: _takes_brand(text, body, span, bodies))


def _takes_brand(text: str, body: Span, span: Span, bodies: set[str]) -> bool:
    if span[2] != "PERSON" or text[body[1]:span[0]] != " ":
        return False
    whole, company, brand = text[body[0]:span[1]], text[body[0]:body[1]], text[span[0]:span[1]]
    return whole in bodies or (_type_and_fields_only(company) and not vietnamese_name(brand))


def _type_and_fields_only(name: str) -> bool:
    """Whether ``name`` is a company type word and fields, or the type word alone, no name
    (`Công ty Cổ phần nông nghiệp`, `Công ty Trách nhiệm hữu hạn`)."""
    kind = COMPANY_TYPE.match(name + " ")
    rest = name[kind.end():] if kind else ""
    return kind is not None and (not rest or rest.islower() or rest.lower() in sector_terms())


def _newspapers(text: str, spans: list[Span]) -> list[Span]:
    """A paper named in English is one body (`New York Times`, `The Japan Times`, `Phnom Penh
    Post`, `Hong Kong Economic Journal`), where the model read a place or a person in it (`New
    York` + `Times`): the English words before the noun, an acronym only right before it (`ABC
    News`, not `MC` of `MC Fox News`), and a place the gazetteer knows before them."""
    papers = []
    for match in _PAPER.finditer(text):
        start = match.start("noun")
        words = _word_spans(text, match.start(), start)
        while words and _paper_word(text[words[-1][0]:words[-1][1]], words[-1][1] + 1 == match.start("noun")):
            start = words.pop()[0]
        if start == match.start("noun"):
            continue
        for size in (2, 1):  # `Hong Kong`, whose words are Vietnamese syllables
            if len(words) >= size and lookup_place(text[words[-size][0]:words[-1][1]]) is not None:
                start = words[-size][0]
                break
        if text[max(0, start - 4):start] == "The ":
            start -= 4
        papers.append((start, match.end(), "ORGANIZATION"))
    if not papers:
        return spans
    kept = [span for span in spans if not any(span[0] < end and start < span[1] for start, end, _ in papers)]
    return sorted(kept + papers)


def _paper_word(word: str, last: bool) -> bool:
    return word.isascii() and foreign_word(word) and not word.endswith(".") and (last or not _ACRONYM.fullmatch(word))
