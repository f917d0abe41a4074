"""``tidy``, which brings the model's spans to the annotation guidelines' conventions before the merge,
with the helpers that set a name's bounds (honorifics, ranks, run-on words, end marks, instruments) and
a person's (a country, body or place the model put around the name, first names it left out)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from ...normalize import is_ambiguous
from ...normalize.names import foreign_word
from ...normalize.places import is_common_word, lookup_place, type_word_before
from ...normalize.sectors import sector_code, sector_terms
from ...normalize.titles import ACADEMIC_DEGREE
from ..rules import SURNAMES, THE_PRESIDENT, UPPER
from .body_bounds import _binational_end, _hyphen_parties, _joined_bodies, _official_after_place, _whole_body
from .words import (
    _ACRONYM, _BODY_TYPE_WORDS, _CAMBODIAN_HONORIFIC, _DANGLING, _FOREIGN_PARTICLES, _HONORIFIC_ONLY, _NAME_LABELS,
    _NEXT_WORD, _NOT_ORGANIZATIONS, _RANK, Span, _in_document_number, _is_country, _name_end, _word_spans,
)

# A place's type word alone (`Thủ đô` of `Thủ đô Hà Nội`) and `Trung ương` (the central
# government: `thành phố trực thuộc Trung ương`), which the model takes for places of their own.
_NOT_PLACES = re.compile(r"(?i:thủ đô|tỉnh|thành phố|tp\.?|quận|huyện|thị xã|xã|bang|trung ương)")
# A monarch's title the model ran on into the monarch's name (`Hoàng hậu Sofia`, `Hoàng hậu Michiko`).
_ROYAL_NAMED = re.compile(
    rf"(?:[Nn]hà [Vv]ua|[Vv]ua|[Hh]oàng hậu|[Qq]uốc vương|[Hh]oàng tử|[Cc]ông chúa|[Tt]hái tử|[Nn]ữ hoàng|[Gg]iáo hoàng)"
    rf" (?P<name>[{UPPER}][\w-]*(?: [{UPPER}][\w-]*){{0,2}})")
# A regnal number, I to XXIX (`Felipe VI`); a single letter before a full stop is an initial.
_REGNAL = re.compile(r" (?:X{1,2}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)(?![\w-])(?!(?<= [IVX])\.)")
_END_MARK = re.compile(r"(?: v\.v\.|\.)$")
_HONORIFIC_LEAD = re.compile(r"[Nn]gài ")
_HONORIFIC_TAIL = re.compile(rf" (?:[Nn]gài|{_CAMBODIAN_HONORIFIC})$")
# A person's name holds no capitalised `Ông`/`Bà` either (`Bà Rịa` is a place's), nor the Khmer
# honorific: `Ông` + `Tập Cận Bình`, `Samdech` + `Heng Samrin`, `Nguyễn Thiện Nhân` + ` Ông`.
_PERSON_HONORIFIC_LEAD = re.compile(rf"(?:[Nn]gài|Ông|Bà|{_CAMBODIAN_HONORIFIC}) ")
_PERSON_HONORIFIC_TAIL = re.compile(r" (?:[Nn]gài|Ông|Bà)$")
_TRAILING_MARK = re.compile(r"[\s,;:–-]*[,;:–-]\s*$")  # a dash or a comma a name's span ends on
# A function word no name ends on, which the model ran on to (`Học viện Thời trang London và
# Ursula Hudson của`).
_TRAILING_FUNCTION_WORD = re.compile(r"(?:\s+(?:của|và|với|cho|tại|về|các|những|là|đã|được|theo))+\s*$")
# A limited company's type spelt out (`Công ty Trách nhiệm hữu hạn MTV`), rare beside `Công ty TNHH`.
_SPELT_COMPANY_TYPE = re.compile(r"(?i:công ty trách nhiệm hữu hạn)(?: (?:MTV|(?i:một thành viên)))?")
# An initial and a name spelt in hyphened Vietnamese syllables (`A. Cô-bi-a-cốp`): a person,
# though the model may call it a place.
_INITIALLED_TRANSLITERATION = re.compile(r"[A-ZĐ]\. ?[A-ZĐ][^\W\d_]*(?:-[^\W\d_]+)+")
# A word of three letters or more right before a span's last character: not an initial (`Th.`, `N.`).
_WORD_BEFORE_DOT = re.compile(r"[^\W\d_]{3}\.$")
# Fields written as acronyms, which the model sometimes takes for bodies (`CNTT`, `KH&CN`, `ODA`).
_FIELD_ACRONYMS = frozenset(term for term in sector_terms() if term.isupper())
# Instruments the model sometimes takes for organisations.
_AGREEMENT_ACRONYMS = frozenset({"MOU", "MoU", "FTA", "BCC"})
# How an instrument's name opens (`thỏa thuận`, `Bản ghi nhớ`, `văn kiện hợp tác`); a model span
# that opens otherwise is no instrument unless it is an acronym (`Theo Kyodo` is a source).
_AGREEMENT_HEAD = re.compile(
    r"(?i)(?:bản |biên bản |văn bản )?(?:thỏa thuận|thoả thuận|hiệp định|hiệp ước|hợp đồng|ghi nhớ|tuyên bố|"
    r"văn kiện|văn bản|biên bản|kế hoạch|chương trình|công ước|nghị định thư|ý định thư|công hàm|"
    r"sáng kiến|quy tắc|bộ quy tắc|khuôn khổ)\b"
)
# Words an instrument's name does not end on: the model ran on (`Bản ghi nhớ về việc`).
_AGREEMENT_TAIL = re.compile(r"(?:[ \t]+(?:về|việc|của|với|giữa|và|giao|trên|này|hồi|[-–]))+$")
_SYLLABLE = re.compile(r"-([^\W\d_]+)\b")  # `-tin` of `Pu-tin`
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az)-[A-ZĐ]")  # `al-Assad`: Arabic article + name
# One or two capitalised words between a span and a person's name (`Séc` _Milos_ `Zeman`).
_FREE_FIRST_NAMES = re.compile(rf" (?:[{UPPER}][\w.'-]*[ ]){{1,2}}")
_CLUBS = frozenset({"CLB", "Câu lạc bộ"})
# Function words no name ends on, which the segmenter can glue to a name's last syllable
# (`Báo Nhân Dân nhân` of `Báo Nhân Dân nhân chuyến thăm`, `Công ty A có`).
_NEVER_LAST = frozenset({"nhân", "đã", "sẽ", "vừa", "cũng", "là", "với", "cho", "từ", "trong", "về", "khi", "đến",
                         "thăm", "tới", "được", "có", "đang", "vào"})
# A summit or a games is an event and a partnership a level of relations, not bodies (`Hội
# nghị Thượng đỉnh` + `G20`, `quan hệ Đối tác Toàn diện`, `SEA Games 23`).
_EVENT_ONLY = re.compile(r"(?:Hội nghị )?[Tt]hượng (?:đỉnh|định)"
                         r"|(?i:đối tác(?: hợp tác)?(?: chiến lược)?(?: toàn diện)?)"
                         r"|(?:SEA Games|ASIAD|Olympic|World Cup|Tiger Cup|AFF Cup|Champions League|V-League)(?: \d+)?")


def _without_invisible_ends(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the zero-width characters at its ends (`Heng Samrin` + U+200B), nor a dash
    it opens with (`– Thái Bình Dương`)."""
    while start < end and (unicodedata.category(text[start]) == "Cf" or text[start] in "-– "):
        start += 1
    while end > start and unicodedata.category(text[end - 1]) == "Cf":
        end -= 1
    return start, end


def tidy(text: str, spans: Sequence[Span], word_ends: Mapping[int, int] | None = None) -> list[Span]:
    """Bring the model's name spans to the annotation guidelines' conventions.

    A name holds a capital letter; a person's name starts and ends with a capitalised
    word (``Nguyễn Thị Lệ trao`` → ``Nguyễn Thị Lệ``); a place includes the type word
    before it (``thành phố Hồ Chí Minh``); two places joined by a hyphen are two places
    (``Việt Nam-Cuba``); an acronym naming a country or a field is no organisation (``VN``,
    ``CNTT``); a body's type word takes the capitalised name after it (``ĐH`` →
    ``ĐH Zeeland``) and the syllable its last word goes on with (``word_ends``, see
    :func:`vnpartner.text.word_ends`: ``ĐH Sư phạm``), and is no organisation without one (``các trường
    ĐH``); a person's name holds no country or acronym (``TQ Tập Cận Bình``); an academic
    degree is a title of its own (``PGS-TS``); an instrument opens with its kind (``Hiệp
    định``, ``thỏa thuận``) or is an acronym (``MOU``).
    """
    out: list[Span] = []
    spans = sorted(spans)
    places = {text[s:e] for s, e, label in spans if label == "LOCATION"}
    people = {s for s, _, label in spans if label == "PERSON"}
    for span in spans:
        tidied = _tidy_span(text, span, spans, places, people, word_ends or {}, out)
        if tidied is not None:
            out.append(tidied)
    return _joined_bodies(text, sorted(out))


def _tidy_span(text: str, span: Span, spans: list[Span], places: set[str], people: set[int],
               word_ends: Mapping[int, int], out: list[Span]) -> Span | None:
    """One model span brought to the conventions, or None where it names nothing; spans split off
    it (a second party, a visited place, an office before its holder) go to ``out``."""
    start, end = _without_invisible_ends(text, span[0], span[1])
    label = span[2]
    if start == end:
        return None
    if label in _NAME_LABELS:
        mark = _TRAILING_MARK.search(text, start, end)  # `Hội Nông dân -` + `Hội Phụ nữ`, `Bộ Công an,`
        end = mark.start() if mark and mark.start() > start else end
        if label == "PERSON" and _HONORIFIC_ONLY.fullmatch(text, start, end):
            return None
        start, end = _without_honorific(text, start, end, label)
        start, end, label = _after_rank(text, start, end, label, out)
    if label in ("ORGANIZATION", "LOCATION"):
        end = _run_on_end(text, start, _before_end_mark(text, start, end))
        visited = _visited_place(text, start, end)
        if visited:
            out.append((visited[1], end, "LOCATION"))
            end = visited[0]
        pair = _hyphen_parties(text, start, end)
        if pair:  # `Việt Nam-Cuba`, `ASEAN-EU`: two parties
            out.extend(pair)
            return None
    label = _relabelled(text[start:end], label)
    if label == "AGREEMENT":
        end = _agreement_end(text, start, end)
        if end is None:
            return None
    if label == "ORGANIZATION":
        body = _body_bounds(text, start, end, spans, people, word_ends, out)
        if body is None:
            return None
        start, end, label = body
    royal = _ROYAL_NAMED.fullmatch(text, start, end) if label == "TITLE" else None
    if royal and not _is_country(royal.group("name")):  # `Hoàng hậu` + `Sofia`, not + `Hà Lan`
        out.append((start, royal.start("name") - 1, "TITLE"))
        start, label = royal.start("name"), "PERSON"
    if label == "LOCATION" and (_is_the_president(text, start, end)
                                or _INITIALLED_TRANSLITERATION.fullmatch(text, start, end)):
        label = "PERSON"
    if label == "PERSON":
        start, end, label = _person_bounds(text, start, end, spans, places)
    if label in _NAME_LABELS:  # what no step above completed (a body's `tại` takes its place)
        word = _TRAILING_FUNCTION_WORD.search(text, start, end)
        end = word.start() if word and word.start() > start else end
    if label in _NAME_LABELS and not any(c.isupper() for c in text[start:end]):
        return None
    if label == "LOCATION" and _NOT_PLACES.fullmatch(text[start:end]):
        return None
    if label == "LOCATION":
        before = type_word_before(text, start)
        if before is not None and not any(s < start and before < e for s, e, _ in out):
            start = before
    return start, end, label


def _relabelled(name: str, label: str) -> str:
    """A country's bare name the model took for a body is a place (the gold: 3,791 of 3,791), and
    an instrument's or a field's acronym an instrument or a sector."""
    if label == "ORGANIZATION" and _is_country(name):
        return "LOCATION"
    if label == "ORGANIZATION" and name in _AGREEMENT_ACRONYMS:
        return "AGREEMENT"
    if label == "ORGANIZATION" and name in _FIELD_ACRONYMS:
        return "SECTOR"
    return label


def _body_bounds(text: str, start: int, end: int, spans: list[Span], people: set[int],
                 word_ends: Mapping[int, int], out: list[Span]) -> Span | None:
    """A body's span completed (a type word takes its name, a company's kind its brand), or None
    where it names no body; an official the model ran on after its place goes to ``out``."""
    if text[start:end] in _NOT_ORGANIZATIONS or _EVENT_ONLY.fullmatch(text[start:end]) \
            or _in_document_number(text, start):
        return None
    spelt = _SPELT_COMPANY_TYPE.match(text, start)
    if spelt and end <= spelt.end():  # the model stops inside the type words it seldom saw
        end = _name_end(text, spelt.end(), most=5)
        if end is None:
            return None  # a company's kind with no name is no organisation, as `Công ty` alone
    if text[start:end] in _BODY_TYPE_WORDS:
        after = _NEXT_WORD.match(text, end)
        if text[start:end] in _CLUBS and after is not None and after.start(1) in people:
            return None  # `Chủ tịch CLB` + `Trịnh Thanh Tài`, but `Công ty Mai Linh` and `ĐH Tôn Đức Thắng`
        end = _name_end(text, end)
        if end is None:
            return None
        end = _run_on_end(text, start, word_ends.get(end, end))  # `ĐH Sư` + `phạm`: not inside a word
    label = _acronym_label(text[start:end])
    if label == "ORGANIZATION":
        start, end = _whole_body(text, start, end, spans)
        end = _binational_end(text, start, end)
        official = _official_after_place(text, start, end)
        if official is not None:  # `UBND tỉnh Hậu Giang` + `Đồng Văn Thanh`
            out.append((start, official[0], "ORGANIZATION"))
            start, label = official[1], "PERSON"
    return start, end, label


def _person_bounds(text: str, start: int, end: int, spans: list[Span], places: set[str]) -> Span:
    """A person's name without the sentence's full stop or an honorific before it, and without
    what the model put around it, with the syllables and the regnal number it cut off."""
    if text[end - 1] == "." and _WORD_BEFORE_DOT.search(text, start, end):
        end -= 1  # the sentence's full stop, not an initial's (`Hoàng Thị N.`, `chị Tr.`)
    start, end = _capitalised_core(text, start, end)
    start, end, label = _person_name(text, start, end, spans, places)
    lead = _PERSON_HONORIFIC_LEAD.match(text, start, end)
    start = lead.end() if label == "PERSON" and lead and lead.end() < end else start
    if label == "PERSON":
        end = _transliteration_end(text, end)
        regnal = _REGNAL.match(text, end)
        end = regnal.end() if regnal else end  # `Felipe` + ` VI`
    return start, end, label


def _without_honorific(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """A name span less `Ngài` (Excellency) at either end, and a person's less a capitalised
    `Ông`/`Bà`: the gold keeps them out of every name (`Ngài` + `Vladimir Andreichenko`, `Quốc
    hội Belarus` + `Ngài`; a caption's name run into the next sentence, `Nguyễn Thiện Nhân` + `Ông`)."""
    person = label == "PERSON"
    lead = (_PERSON_HONORIFIC_LEAD if person else _HONORIFIC_LEAD).match(text, start, end)
    start = lead.end() if lead and lead.end() < end else start
    tail = (_PERSON_HONORIFIC_TAIL if person else _HONORIFIC_TAIL).search(text, start, end)
    end = tail.start() if tail and tail.start() > start else end
    return start, _without_run_on_word(text, start, end) if person else end


_LOWERCASE_NEXT = re.compile(r" [a-zđà-ỹ]")


def _without_run_on_word(text: str, start: int, end: int) -> int:
    """The end of a foreign name less a Vietnamese word run on from the next sentence (`Donald
    Trump` + ` Tiếp đó`, `Dana Smith` + ` Giới chức`): a marked syllable, no family name, that
    the sentence goes on from in lowercase (`Elvis Phương.` keeps his given name)."""
    *name, last = text[start:end].split(" ")
    if name and all(w.isascii() and foreign_word(w) and not w.isupper() for w in name) and not last.isascii() \
            and not foreign_word(last) and last not in SURNAMES and _LOWERCASE_NEXT.match(text, end):
        return end - len(last) - 1
    return end


def _after_rank(text: str, start: int, end: int, label: str, out: list[Span]) -> Span:
    """A name span once an academic degree or a military rank at its start is a title of its own,
    put in ``out`` (`PGS-TS` + `Ngô Kim Khôi`, `Thượng úy` + `Đức`: people; the model reads some
    as bodies or places, and cuts a rank it seldom saw: `Thượng` | `úy`)."""
    degree = ACADEMIC_DEGREE.match(text, start, end) or _RANK.match(text, start)
    if degree is None:
        return start, end, label
    if degree.end() >= end:
        return start, degree.end(), "TITLE"
    if text[degree.end()] != " ":
        return start, end, label
    out.append((start, degree.end(), "TITLE"))
    return degree.end() + 1, end, "PERSON"


def _acronym_label(name: str) -> str:
    """An acronym the model took for an organisation that names a country (`VN`, `TQ`) is a
    place, and one that names a field (`CNTT`, `TTHC`) is a sector; other names stay."""
    if not _ACRONYM.fullmatch(name):
        return "ORGANIZATION"
    if _is_country(name):
        return "LOCATION"
    return "SECTOR" if sector_code(name) else "ORGANIZATION"


def _person_name(text: str, start: int, end: int, spans: Sequence[Span], places: set[str]) -> Span:
    """A person's name without the country or body the model put before or after it (`TQ Tập Cận
    Bình`, `Trung Hoa Tập Cận Bình`, `Trump Cuba`) or a place it tags elsewhere in the text
    (`Toronto Feldman`), with the first name it left out after a country (`Séc Milos` + `Zeman`);
    a place the model took for a person (`Artemisa`) is a place again, the President excepted."""
    if text[start:end].isupper():  # a byline in capitals (`HÀ THANH GIANG`) has no acronyms
        return start, end, "PERSON"
    words = _word_spans(text, start, end)
    # a two-word country before the name (`Trung Hoa` + `Tập Cận Bình`, `Mông Cổ` + `Natsagiin`; not `Hà Lan Anh`)
    if (len(words) > 3 or len(words) == 3 and foreign_word(text[words[2][0]:words[2][1]])) \
            and _is_country(text[words[0][0]:words[1][1]]):
        words = words[2:]
    while len(words) > 1 and _opens_no_name(text[words[0][0]:words[0][1]], places, more_than_two=len(words) > 2):
        words.pop(0)
    while len(words) > 1 and _names_place_or_body(text[words[-1][0]:words[-1][1]]):
        words.pop()
    if not words:
        return start, end, "PERSON"
    start, end = words[0][0], words[-1][1]
    place = lookup_place(text[start:end])
    if place is not None and not is_ambiguous(text[start:end]) and not _is_the_president(text, start, end):
        return start, end, "LOCATION"
    return _first_name_start(text, start, spans, places), end, "PERSON"


def _transliteration_end(text: str, end: int) -> int:
    """The end of a name written in Vietnamese syllables that the model cut at a hyphen
    (`V.Pu` + `-tin`, `T.Éc` + `-đô-gan`): lowercase syllables joined by hyphens belong to it."""
    while (found := _SYLLABLE.match(text, end)) and found.group(1).islower():
        end = found.end()
    return end


def _opens_no_name(word: str, places: set[str], more_than_two: bool) -> bool:
    """Whether a person's name cannot open with ``word``: a country or acronym, a country's short
    name before two more words (`Nga Sergei Lavrov`), or a place the text names (`Toronto`), surnames aside."""
    return (_names_place_or_body(word) or (more_than_two and _leads_with_country(word))
            or (word in places and word not in SURNAMES))


def _is_the_president(text: str, start: int, end: int) -> bool:
    found = THE_PRESIDENT.match(text, start)  # `Chủ tịch Hồ Chí Minh`
    return found is not None and found.end() == end


def _names_place_or_body(word: str) -> bool:
    """A word no name of a person starts or ends with: a country (`Liban`) or an acronym (`TQ`, `JETRO`)."""
    if _ACRONYM.fullmatch(word):
        return True
    return _is_country(word) and not is_ambiguous(word)


def _leads_with_country(word: str) -> bool:
    """A country's short name that is also a given name (`Nga`, `Séc`, `Anh`) but no surname."""
    return _is_country(word) and word not in SURNAMES


def _first_name_start(text: str, start: int, spans: Sequence[Span], places: set[str]) -> int:
    """The start of a foreign name the model cut after its first names (`Tây Ban Nha` `Alfonso`):
    up to two capitalised words that no span holds, right after a place, body or title span."""
    nearby = spans[bisect_left(spans, (start - 200,)):bisect_left(spans, (start,))]  # spans are sorted
    before = [s for s in nearby if start - 40 < s[1] <= start]
    if not before:
        return start
    last = max(before, key=lambda s: s[1])
    if last[2] not in ("LOCATION", "ORGANIZATION", "TITLE"):
        return start
    gap = text[last[1]:start]
    if last[2] == "LOCATION" and gap == " ":  # the model took the first name for the place's end
        place_end = _place_end(text, last[0], last[1])
        return place_end + 1 if place_end < last[1] else start
    if not _FREE_FIRST_NAMES.fullmatch(gap) or (len(gap.split()) > 1 and _is_country(gap.strip())) \
            or any(_names_place_or_body(w) or w in places for w in gap.split()):
        return start  # `CHND` + ` Trung Hoa `: a country's name, not first names
    return last[1] + len(gap) - len(gap.lstrip())


def _place_end(text: str, start: int, end: int) -> int:
    """The end of the longest known place that opens ``text[start:end]`` and leaves one or two
    capitalised words that name no place after it (`Cộng hòa Séc` of `Cộng hòa Séc Milos`); ``end`` if none."""
    if lookup_place(text[start:end]) is not None:
        return end
    words = [word_end for _, word_end in _word_spans(text, start, end)]
    for cut in range(len(words) - 1, max(0, len(words) - 3), -1):
        rest = text[words[cut - 1]:end].split()
        if lookup_place(text[start:words[cut - 1]]) is not None and all(
                w[0].isupper() and not _names_place_or_body(w) and lookup_place(w) is None for w in rest):
            return words[cut - 1]
    return end


def _run_on_end(text: str, start: int, end: int) -> int:
    """The end of a name without the lowercase words the model ran on after an acronym, a
    place or a foreign word (`TTXVN phát`, `Mỹ cáo buộc`, `TP Cần Thơ nhiệm`, `ĐH Lincoln
    cấp`); a body's own lowercase words stay (`Bộ Giao thông vận tải`), and so does `quốc tế`."""
    words = _word_spans(text, start, end)
    named = len(words)
    while named and text[words[named - 1][0]].islower():
        named -= 1
    tail = text[words[named][0]:end] if 0 < named < len(words) else ""
    if not tail or tail.startswith("quốc tế") or tail in _DANGLING:
        return end
    if tail in _NEVER_LAST:
        return words[named - 1][1]
    first = named - 1
    while first and text[words[first - 1][0]].isupper():
        first -= 1
    name_end = words[named - 1][1]
    name, last_word = text[words[first][0]:name_end], text[words[named - 1][0]:name_end]
    place = lookup_place(name)
    # after a foreign word, a run-on is Vietnamese (`Lincoln cấp`), not the name's own `in`, `of`
    run_on = tail.split()[0]
    # A country's first syllable (`Trung`, `Nhật`) also opens common words (`Trung ương`, `Nhật
    # hoàng`), and a place's name may be a syllable of one (`Lao` of `Lao động`).
    is_place = place is not None and not place.name.startswith(name + " ") \
        and not is_common_word(f"{last_word} {run_on}")
    foreign = last_word.isalpha() and foreign_word(last_word) and not foreign_word(run_on) \
        and run_on not in _FOREIGN_PARTICLES
    return name_end if is_place or _ACRONYM.fullmatch(last_word) or foreign else end


def _visited_place(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end of the name, start of the place) where the model ran a name on through a Vietnamese
    verb into a place (`Bộ Nội vụ Slovakia` + `thăm` + `Việt Nam`): a name ending on a place,
    acronym or foreign word, one or two lowercase words, then a place the gazetteer knows to
    the span's end; None if not."""
    words = _word_spans(text, start, end)
    for verb in range(1, len(words) - 1):
        if not text[words[verb][0]].islower() or text[words[verb - 1][0]].islower():
            continue
        rest = next((i for i in (verb + 1, verb + 2) if i < len(words) and text[words[i][0]].isupper()), None)
        if rest is None or not all(text[words[i][0]].islower() for i in range(verb, rest)):
            continue
        if lookup_place(text[words[rest][0]:end]) is not None and lookup_place(text[words[verb][0]:end]) is None \
                and _run_on_end(text, start, words[rest - 1][1]) == words[verb - 1][1]:
            return words[verb - 1][1], words[rest][0]
    return None


def _before_end_mark(text: str, start: int, end: int) -> int:
    """The end of a name without the mark closing its sentence or list that the model ran on
    to (`EU` + `./.`, `ASEAN` + `...`, `Adidas` + ` v.v.`)."""
    mark = _END_MARK.search(text, start, end)
    return mark.start() if mark and text[end:end + 1] in ("/", ".", "") and mark.start() > start else end


def _capitalised_core(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's span without the lowercase words at its ends; an Arabic article joined to a
    capital (`Bashar al-Assad`, `el-Sisi`) is part of the name."""
    words = _word_spans(text, start, end)
    while words and not _in_name(text[words[-1][0]:words[-1][1]]):
        words.pop()
    while words and not _in_name(text[words[0][0]:words[0][1]]):
        words.pop(0)
    return (words[0][0], words[-1][1]) if words else (start, start)


def _in_name(word: str) -> bool:
    return word[0].isupper() or _ARTICLE_NAME.match(word) is not None


def _agreement_end(text: str, start: int, end: int) -> int | None:
    """The end of an instrument's name the model found, without the words it ran on; None if
    the span does not open like an instrument (`Kyodo`, `ECHIGO cập`) and is no acronym."""
    name = text[start:end]
    if not _AGREEMENT_HEAD.match(name) and not _ACRONYM.fullmatch(name):
        return None
    tail = _AGREEMENT_TAIL.search(name)
    if tail and tail.start() > 0:
        return start + tail.start()
    last = name.rsplit(None, 1)[-1]
    return (_name_end(text, end) or end) if last[0].isupper() else end  # `Bandar` + `Seri Begawan`
