"""The pattern layer: gazetteers and Vietnamese naming patterns, no training needed.

It finds the names it knows (places, titles, sector terms, instrument names, date forms)
and the names that Vietnamese news writes in a fixed shape (``ông`` + a capitalised
name, ``UBND tỉnh`` + a place, a common surname + given names). It is the baseline the
neural tagger must beat, and ``extract(text, model="rules")`` selects it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import find_dates, is_ambiguous, place_surfaces, sector_terms, title_terms
from ..normalize.names import vietnamese_name
from ..normalize.text import alternation
from ..normalize.titles import ACADEMIC_DEGREE, MILITARY_RANKS
from ..text import Sentence, word_ends

UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper())
LETTER = r"[^\W\d_]"
CAP = rf"[{UPPER}]{LETTER}*(?:[-'’]{LETTER}+)*"
NAME = rf"{CAP}(?: {CAP})*"

SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Vương Trương "
    "Đào Đoàn Lương Mai Cao Tô Lâm Hà Tạ Chu Trịnh Quách Lưu Phùng Kiều Thân Triệu Tăng Lại Nông "
    "Hứa Vi Mạc Lò Lục Âu Văn Khổng Giáp Từ Thái Châu Quan Tôn Đàm Doãn Kim Ninh Nghiêm Lã Diệp"
).split()
# The most frequent surnames: a capitalised run that reaches one of these has ended.
COMMON_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương".split()
_SURNAME_START = re.compile(rf"(?:{'|'.join(COMMON_SURNAMES)}) {CAP}")
HONORIFICS = rf"(?:ông|bà|Ông|Bà|Ngài|ngài|đồng chí|Đồng chí|{MILITARY_RANKS})"
PLACE_TYPES = r"(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.|TP|Tp\.|quận|huyện|thị xã)"

# Organisation heads. `needs_place`: generic unless a place follows (`UBND tỉnh Bình Dương`).
ORG_HEADS_PLACE = (
    r"UBND|HĐND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|Hội đồng [Nn]hân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|"
    r"Thành uỷ|Huyện ủy|Chính quyền|chính quyền|Đảng bộ"
)
ORG_HEADS_NAME = (
    r"Bộ|Sở|Ban|Cục|Tổng cục|Viện|Học viện|Trường Đại học|Đại học|Trường|Tổng công ty|Công ty cổ phần|"
    r"Công ty TNHH|Công ty|Tập đoàn|Ngân hàng|Hiệp hội|Hội|Liên hiệp|Liên đoàn|Diễn đàn|Trung tâm|Nhóm|"
    r"Đảng|Mặt trận|Ủy ban|Uỷ ban|Văn phòng|Quỹ|Tổ chức|Báo|Đài|Thông tấn xã|Đại sứ quán|"
    r"Tổng Lãnh sự quán|Lãnh sự quán|Quốc hội|Bệnh viện|Sở giao dịch"
)
AGREEMENT_HEADS = (
    r"Bản ghi nhớ|Biên bản ghi nhớ|Ý định thư|Thỏa thuận|Thoả thuận|Bản thỏa thuận|Hiệp định|Hiệp ước|"
    r"Biên bản|Nghị định thư|Công hàm|Tuyên bố chung|Chương trình hợp tác|Kế hoạch hợp tác|Hợp đồng"
)
# Written capitalised only: lowercase, `bản` may end the word `văn bản` (`văn bản tuyên bố chung`).
CAPITALISED_AGREEMENT_HEADS = r"Bản tuyên bố chung"
_NOT_IN_NAME = r"(?:giữa|với|của|tại|tỉnh|thành|giai|hai|các|này|năm|đã|được|sẽ|ký|trong|theo|cho|là|có|từ|đến|vào|về)"
AGREEMENT_TAIL = (
    r"(?: (?:hợp tác|hữu nghị|toàn diện|ghi nhớ|làm việc|thỏa thuận|kết nghĩa|chiến lược|và|"
    r"thương mại|tự do|song phương|"
    rf"giao, nhận|giao nhận|về hợp tác(?: (?!(?:{_NOT_IN_NAME}|và)\b)[a-zà-ỹ]+){{0,3}}))*"
    # A name after the kind, lowercase words inside it: `Hiệp định Du lịch ASEAN`, `Hiệp ước Ba-li`.
    rf"(?P<name> {CAP}(?:(?: (?!{_NOT_IN_NAME}\b)[a-zà-ỹ]+){{0,3}}(?: | ?[-–] ?){CAP})*)?"
    r"(?: giai đoạn \d{4}\s*[-–]\s*\d{4})?"
)
# A free trade agreement or a joint statement is an instrument whether or not a signing verb
# stands before it (the gold marks all 12 of its `tuyên bố chung`, issued or recalled).
_WITHOUT_SIGNING_CUE = re.compile(r"thương mại tự do|^tuyên bố chung\b")
# Words of an instrument's kind written after its name.
_KIND_AFTER_NAME = re.compile(r"(?: (?:tự do|song phương|đa phương|toàn diện))+(?!\w)")
SIGN_CUE = re.compile(r"(?:ký|kí|ký kết|kí kết|trao|thông qua)\s*$", re.I)
COOPERATION_CUE = re.compile(alternation(
    "hợp tác|lĩnh vực|trao đổi|thúc đẩy|chuyển giao|giao lưu|đầu tư|phát triển|hỗ trợ|kết nối|"
    "chia sẻ|học tập|ký kết|nghiên cứu|tăng cường|mở rộng".split("|")
), re.I)
# Patterns of the candidate finders below, compiled once.
_CAPITALISED = re.compile(CAP)
_CAPITALISED_BEFORE = re.compile(rf"{CAP}\s*$")
_CAPITALISED_AFTER = re.compile(rf"\s+{CAP}")
_NAME_NEXT = re.compile(rf" ({NAME})")
_CUED_NAME = re.compile(rf"(?<!\w){HONORIFICS} ({NAME})")
_CREDITED_NAME = re.compile(rf"(?:(?<=Ảnh: )|(?<=Ảnh:)|^)({CAP}(?: {CAP}){{1,3}})(?=\s*/\s*[A-ZĐ])")
_PLACE_TYPE_FIRST = re.compile(rf"^{PLACE_TYPES} ")
_PLACE_TYPE_BEFORE = re.compile(rf"{PLACE_TYPES}\s*$")
_TYPED_NAME = re.compile(rf"(?<!\w)(?:tỉnh|thành phố|Tỉnh|Thành phố) ({CAP}(?: {CAP}){{0,2}})(?!\w)")
_TYPED_PLACE_NAME = re.compile(rf"{PLACE_TYPES} {NAME}")
_NAMED_PLACE_NEXT = re.compile(rf" (?:{PLACE_TYPES} )?{CAP}")
_TITLE_BODY = re.compile(r" (?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|UBND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|HĐND)"
                         r"(?: (?:tỉnh|thành phố|TP))?$")
_INSTRUMENT = re.compile(rf"(?<!\w)(?:{CAPITALISED_AGREEMENT_HEADS}|{AGREEMENT_HEADS}|{AGREEMENT_HEADS.lower()})"
                         rf"{AGREEMENT_TAIL}(?!\w)")
_PLACE_HEAD = re.compile(rf"(?<!\w)(?:{ORG_HEADS_PLACE})(?= (?:{PLACE_TYPES} )?[{UPPER}])")
_NAME_HEAD = re.compile(rf"(?<!\w)(?:{ORG_HEADS_NAME})(?= [{UPPER}])")
_ORG_HEAD = re.compile(rf"(?:{ORG_HEADS_NAME}|{ORG_HEADS_PLACE})(?!\w)")
_ORG_HEAD_INSIDE = re.compile(rf" (?:{ORG_HEADS_NAME}|{ORG_HEADS_PLACE})(?: |$)")
_NOT_A_NAME = re.compile(r"(?:Đoàn|Phía|Thủ đô|Tỉnh|Thành phố|Nhà nước|Đảng)(?!\w)")

ACRONYM = re.compile(r"(?<![\w.])[A-ZĐ]{2,}[0-9]?(?:\+)?(?![\w])")
NOT_ORG_ACRONYMS = {"UBND", "HĐND", "TP", "TPHCM", "GMT", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
                    "XIII", "XIV", "XV", "XX", "XXI", "COVID", "ĐT", "ĐC", "HCM", "CEO", "STT"}


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    priority: int  # higher wins an overlap; then the longer span


def _words_starting(sentence: Sentence) -> dict[int, int]:
    return {w.start: w.end for w in sentence.words}


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern:
    alternatives = alternation(s for s in place_surfaces() if len(s) > 1)
    return re.compile(rf"(?<!\w)(?:{PLACE_TYPES} )?{alternatives}(?![\w])")


# Titles written in lowercase from their first word too (`người phát ngôn`: the gold marks 6 of 7).
_LOWERCASE_TITLES = ("Người phát ngôn", "Trưởng đại diện")
_LOWERCASE_TITLES_LOWERED = tuple(title.lower() for title in _LOWERCASE_TITLES)


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    terms = set(title_terms())
    # Older news writes the words after the first in lowercase (`Tổng bí thư`, `Phó thủ tướng`).
    lowered = {t.split(" ", 1)[0] + " " + t.split(" ", 1)[1].lower() for t in terms if " " in t}
    # ... and some capitalise every word (`Nhà Vua`, `Quốc Vụ khanh`).
    capitalised = {f"{head} {rest[:1].upper()}{rest[1:]}" for head, rest in (t.split(" ", 1) for t in lowered)}
    # ... and a few in lowercase from the first word (`người phát ngôn`).
    lowercase = {t.lower() for t in lowered if t.startswith(_LOWERCASE_TITLES)}
    heads = alternation(terms | lowered | capitalised | lowercase)
    after_deputy = alternation({t.lower() for t in terms})
    return re.compile(
        rf"(?<!\w)(?:(?:Phó |Nguyên |Quyền |Trợ lý )?{heads}|(?:Phó|Nguyên|Quyền) {after_deputy})"
        rf"(?: (?:thứ nhất|Thường trực|thường trực|Thường vụ|lâm thời|luân phiên|[đĐ]ặc mệnh [tT]oàn quyền))*"
        rf"(?: (?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|UBND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|HĐND|Quốc hội|"
        rf"Quốc phòng|Ngoại giao|Công Thương|Trung ương Đảng|Bộ Chính trị|Ban Bí thư)(?: (?:tỉnh|thành phố|TP))?)?"
        rf"(?!\w)(?! quán\b)"  # `Đại sứ quán` is an embassy
    )


@lru_cache(maxsize=1)
def _sector_regex() -> re.Pattern:
    # Matched case-insensitively, and loose about spaces and hyphens: `khoa học - công nghệ`.
    loose = {" ": r"\s*[-–]?\s*", "-": r"\s*[-–]\s*"}
    alternatives = alternation({t.lower() for t in sector_terms()}, lambda c: loose.get(c) or re.escape(c))
    return re.compile(rf"(?<!\w){alternatives}(?!\w)", re.I)


def _is_place(text: str) -> bool:
    return text in place_surfaces()


class RuleTagger:
    """Finds entity spans with patterns and gazetteers. Stateless; one instance serves all."""

    name = "rules"

    def tag(self, text: str, sentences: list[Sentence]) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, label)`` over the whole document."""
        candidates: list[Candidate] = []
        for sentence in sentences:
            candidates.extend(self.tag_sentence(text, sentence))
        chosen = _resolve(candidates)
        chosen = _propagate_people(text, chosen)
        return [(c.start, c.end, c.label) for c in chosen]

    def tag_batch(self, documents) -> list[list[tuple[int, int, str]]]:
        """``tag`` for each ``(text, sentences)``."""
        return [self.tag(text, sentences) for text, sentences in documents]

    def tag_sentence(self, text: str, sentence: Sentence) -> list[Candidate]:
        s, e = sentence.start, sentence.end
        chunk = text[s:e]
        found: list[Candidate] = []
        found += [Candidate(s + a, s + b, "DATE", 6) for a, b in find_dates(chunk)]
        places = [(m.start(), m.end()) for m in _place_regex().finditer(chunk)]
        first_word = next((w for w in sentence.words if w.text[0].isalnum()), None)  # after a quote mark
        opening = (first_word.start - s, first_word.end - s) if first_word else None
        found += _places(chunk, s, places, opening)
        found += _titles(chunk, s)
        found += _agreements(chunk, sentence)
        found += _organisations(text, sentence)
        found += _acronyms(chunk, s)
        found += _people(chunk, s, places)
        found += _sectors(chunk, s)
        found += _after_titles(text, sentence, found)
        return found


# The city is named after the president: `Chủ tịch Hồ Chí Minh`, `Bác Hồ Chí Minh` are him.
THE_PRESIDENT = re.compile(r"(?:(?<=[Cc]hủ tịch )|(?<=Bác )|(?<=tư tưởng ))Hồ Chí Minh(?!\w)")
# A country's first syllable opening a common word (`Trung tâm`, `Trung ương`, `Nhật ký`) names no country.
COMMON_WORD_AFTER = {
    "Trung": "tâm ương thu học đoàn tướng tá úy uý sĩ cấp bình lập gian tuần hạn thành niên đội chuyển".split(),
    "Nhật": "ký kí hoàng trình thực".split(),
}


# Countries whose short name opens a sentence as its subject (`Mỹ bàn giao ...`, `Đức cũng là
# ...`) when the segmenter finds it a word of its own (not `Mỹ phẩm`, `Pháp luật`); `Anh` (he),
# `Ý` (`Ý kiến`) and `Thái` (`Thái độ`) open sentences as other words.
_SUBJECT_COUNTRIES = frozenset({"Mỹ", "Nga", "Đức", "Pháp", "Nhật", "Lào", "Úc", "Bỉ", "Séc"})
# A capitalised word, not an acronym, joined to the one before by a hyphen (`-Index` of `VN-Index`).
_GLUED_WORD = re.compile(r"-([A-ZĐ][^\W\dA-ZĐ]+)(?!\w)")
# `ông Đức`, `bà Nga`, `Thượng úy Đức` are people; `người đàn ông Hàn Quốc` is a Korean man.
_MANY_BEFORE = re.compile(r"(?<!\w)(?:các|những|hai|ba|bốn|\d+) $", re.I)
_HONORIFIC_BEFORE = re.compile(rf"(?<!\w)(?<!đàn )(?:ông|bà|Ông|Bà|ngài|Ngài|{MILITARY_RANKS}) $")


def _places(chunk: str, offset: int, places: list[tuple[int, int]],
            opening: tuple[int, int] | None = None) -> list[Candidate]:
    """Place candidates of a sentence; ``opening``: the span of its first segmented word."""
    out = []
    for start, end in places:
        if THE_PRESIDENT.match(chunk, start) or _HONORIFIC_BEFORE.search(chunk, max(0, start - 16), start):
            continue
        glued = _GLUED_WORD.match(chunk, end)
        if glued and not _is_place(glued.group(1)):
            continue  # `VN-Index`: the first word of a name
        surface = _PLACE_TYPE_FIRST.sub("", chunk[start:end])
        typed = surface != chunk[start:end]
        if typed and _MANY_BEFORE.search(chunk, max(0, start - 12), start):
            start = end - len(surface)  # `hai tỉnh` + `Bình Dương`: the type word is the pair's, not the name's
        if is_ambiguous(surface) and not typed and not _country_context(chunk, start, end) \
                and not _opening_subject(chunk, start, end, opening):
            continue
        out.append(Candidate(offset + start, offset + end, "LOCATION", 4))
    # `tỉnh X` with X unknown to the gazetteer is still a place, unless X is a person's full
    # name (`Phó Chủ tịch UBND tỉnh` + `Dương Tất Thắng`).
    for m in _TYPED_NAME.finditer(chunk):
        name = m.group(1)
        if not _is_place(name) and not (name.count(" ") == 2 and vietnamese_name(name)):
            out.append(Candidate(offset + m.start(), offset + m.end(), "LOCATION", 3))
    return out


def _opening_subject(chunk: str, start: int, end: int, opening: tuple[int, int] | None) -> bool:
    """A country's short name as the first word of a sentence, before a lowercase word (`Mỹ bàn
    giao`, not the `Đức` of `Đức Tuân`)."""
    return ((start, end) == opening and chunk[start:end] in _SUBJECT_COUNTRIES
            and chunk[end:end + 1] == " " and chunk[end + 1:end + 2].islower())


def _country_context(chunk: str, start: int, end: int) -> bool:
    """An ambiguous short place name (`Lào`, `Anh`) read as a place only in place context."""
    before = chunk[max(0, start - 12):start]
    after = chunk[end:end + 3]
    next_word = re.match(r" \s*(\S+)", chunk[end:end + 12])
    if next_word and next_word.group(1) in COMMON_WORD_AFTER.get(chunk[start:end], ()):
        return False
    if _after_title(chunk, start):  # `Thủ tướng Đức`, `Ngoại trưởng Anh Boris Johnson`
        return True
    if _CAPITALISED_BEFORE.search(before) or _CAPITALISED_AFTER.match(after):
        # inside a capitalised run: part of a person or organisation name...
        return bool(re.search(r"[-–]\s*$", before) or re.match(r"\s*[-–]", after))  # ...unless `Việt-Lào`
    return bool(re.search(r"(?:nước|tại|với|của|sang|đến|và|giữa|thăm|,)\s*$", before) or re.match(r"\s*[-–,)]", after))


def _after_title(chunk: str, start: int) -> bool:
    """Whether a title ends one space before ``start``."""
    before = chunk[max(0, start - 60):start]
    return before.endswith(" ") and any(m.end() == len(before) - 1 for m in _title_regex().finditer(before))


def _titles(chunk: str, offset: int) -> list[Candidate]:
    out = []
    for m in _title_regex().finditer(chunk):
        start, end = m.start(), m.end()
        # A body word followed by a named place belongs to the organisation, not the title.
        body = _TITLE_BODY.search(m.group())
        if body and _NAMED_PLACE_NEXT.match(chunk, end):
            end = start + body.start()
        if chunk[start].islower() and not chunk[start:end].startswith(("thứ", "ủy", *_LOWERCASE_TITLES_LOWERED)):
            continue
        out.append(Candidate(offset + start, offset + end, "TITLE", 5))
    for m in ACADEMIC_DEGREE.finditer(chunk):
        if chunk[m.end():m.end() + 1] == " " and chunk[m.end() + 1:m.end() + 2].isupper():
            out.append(Candidate(offset + m.start(), offset + m.end(), "TITLE", 5))
    return out


def _agreements(chunk: str, sentence: Sentence) -> list[Candidate]:
    """Instruments opening with their kind, in the sentence ``chunk`` of ``sentence``."""
    out = []
    ends: dict[int, int] | None = None
    for m in _INSTRUMENT.finditer(chunk):
        if m.group()[0].islower() and not SIGN_CUE.search(chunk[:m.start()]) \
                and not _WITHOUT_SIGNING_CUE.search(m.group()):
            continue
        if m.group("name") and m.end("name") == m.end() and _place_pair(m.group("name")):
            end = m.start("name")  # the two countries of `Hiệp ước hữu nghị và hợp tác Việt Nam-Lào` are places
        else:
            ends = word_ends([sentence]) if ends is None else ends
            end = _instrument_end(chunk, m, sentence.start, ends)
        # Outranks a date nested in it: `thỏa thuận ... giai đoạn 2022-2026` is one span.
        out.append(Candidate(sentence.start + m.start(), sentence.start + end, "AGREEMENT", 7))
    return out


def _instrument_end(chunk: str, m: re.Match, offset: int, ends: dict[int, int]) -> int:
    """The end of the instrument ``m`` found: a name cut inside a segmented word (``ends``, see
    :func:`vnpartner.text.word_ends`) takes the word (`Hiệp định Hàng` + `không`; not an acronym's
    `WTO` + `nhân`), then the kind words written after the name (`Hiệp định Thương mại` + `tự do`)."""
    end = m.end()
    if not m.group().rsplit(None, 1)[-1].isupper():
        end = ends.get(offset + end, offset + end) - offset
    suffix = _KIND_AFTER_NAME.match(chunk, end)
    return suffix.end() if suffix else end


def _place_pair(name: str) -> bool:
    parts = re.split(r"\s*[-–]\s*", name.strip())
    return len(parts) == 2 and all(_is_place(part) for part in parts)


def _organisations(text: str, sentence: Sentence) -> list[Candidate]:
    chunk = text[sentence.start:sentence.end]
    words = _words_starting(sentence)
    out = []
    for m in _PLACE_HEAD.finditer(chunk):
        place = _place_regex().match(chunk, m.end() + 1) or _TYPED_PLACE_NAME.match(chunk, m.end() + 1)
        if place and not _SURNAME_START.match(chunk, place.end() - len(place.group().split(" ", 1)[-1])):
            out.append(Candidate(sentence.start + m.start(), sentence.start + place.end(), "ORGANIZATION", 5))
    for m in _NAME_HEAD.finditer(chunk):
        end = _extend_capitalised(text, words, sentence.start + m.end(), sentence.end)
        if end > sentence.start + m.end():
            out.append(Candidate(sentence.start + m.start(), end, "ORGANIZATION", 4))
    return out


def _extend_capitalised(text: str, words: dict[int, int], pos: int, limit: int) -> int:
    """End of the run of capitalised words (hyphen-joined too) that starts after ``pos``."""
    end = pos
    while end < limit:
        gap = re.match(r" |[-–]", text[end:end + 1])
        nxt = end + 1
        if not gap or nxt >= limit or not text[nxt].isupper():
            break
        word_end = words.get(nxt) or _CAPITALISED.match(text, nxt).end()
        if _SURNAME_START.match(text, nxt) and end > pos:
            break  # a person's name starts: `Bộ Ngoại giao Nguyễn Quốc Dũng`
        end = word_end
        if text.startswith(" tại ", end):  # `Đại sứ quán Ucraina tại Việt Nam`
            place = _place_regex().match(text, end + 5)
            if place:
                end = place.end()
                break
    return end


def _acronyms(chunk: str, offset: int) -> list[Candidate]:
    out = []
    for m in ACRONYM.finditer(chunk):
        token = m.group()
        if token.rstrip("+0123456789") in NOT_ORG_ACRONYMS or _is_place(token):
            continue
        out.append(Candidate(offset + m.start(), offset + m.end(), "ORGANIZATION", 3))
    return out


# A lookahead finds a candidate at every surname, overlapping ones too; the resolver picks.
_SURNAME_LED = re.compile(rf"(?<![\w])(?=({alternation(SURNAMES)}(?: {CAP}){{1,3}})(?!\w))")


def _people(chunk: str, offset: int, places: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for m in _SURNAME_LED.finditer(chunk):
        start, end = m.start(1), m.end(1)
        if _is_place(m.group(1)) or _PLACE_TYPE_BEFORE.search(chunk, 0, start):
            continue
        if _crosses_place(m.group(1), start, places) or _starts_name_head(chunk, start):
            continue
        out.append(Candidate(offset + start, offset + end, "PERSON", 5))
    for m in _CUED_NAME.finditer(chunk):
        if any(start <= m.start() < end for start, end in places):  # `tỉnh Bà Rịa-Vũng Tàu`
            continue
        name = _trim_name(chunk, m.start(1), m.group(1))
        if name:
            out.append(Candidate(offset + m.start(1), offset + m.start(1) + len(name), "PERSON", 6))
    out += [Candidate(offset + m.start(), offset + m.end(), "PERSON", 6) for m in THE_PRESIDENT.finditer(chunk)]
    # Photo credits and bylines: `(Ảnh: Huyền Trang/TTXVN)`, a line `Nguyên Nhung/VOV1`.
    for m in _CREDITED_NAME.finditer(chunk):
        out.append(Candidate(offset + m.start(1), offset + m.end(1), "PERSON", 6))
    return out


def _crosses_place(name: str, start: int, places: list[tuple[int, int]]) -> bool:
    """Whether a place overlaps the surname-led ``name`` at ``start``, but for a given name of a
    three- or four-word name that is also a one-word place (`Nông Đức Mạnh`, `Trần Văn Lào`)."""
    end = start + len(name)
    surname_end = start + len(name.split()[0])
    overlapping = [(s, e) for s, e in places if s < end and start < e]
    return bool(overlapping) and not (len(name.split()) >= 3 and all(
        surname_end < s and e <= end and " " not in name[s - start:e - start] for s, e in overlapping))


def _starts_name_head(text: str, pos: int) -> bool:
    """A title, an organisation head or a place starts here: not a person's name."""
    return bool(
        _title_regex().match(text, pos)
        or _ORG_HEAD.match(text, pos)
        or _place_regex().match(text, pos)
        or _NOT_A_NAME.match(text, pos)
    )


def _trim_name(text: str, start: int, name: str) -> str:
    """The person name at ``text[start:]``: cut where a title or organisation head starts;
    empty when none is left or it is a single word (a lone capital is rarely a name here)."""
    if _starts_name_head(text, start):
        return ""
    cut = _ORG_HEAD_INSIDE.search(name)
    name = name[:cut.start()] if cut else name
    if " " not in name or _is_place(name):
        return ""
    return name


def _after_titles(text: str, sentence: Sentence, found: list[Candidate]) -> list[Candidate]:
    """A capitalised name right after a title (and its body or place) is a person."""
    out = []
    ends = {c.end: c for c in found if c.label in ("TITLE", "ORGANIZATION", "LOCATION")}
    titled = {c.end for c in found if c.label == "TITLE"}
    for c in found:
        if c.label in ("ORGANIZATION", "LOCATION") and c.start - 1 in titled:
            titled.add(c.end)
    for end in sorted(titled):
        m = _NAME_NEXT.match(text, end, sentence.end)
        if not m or end not in ends:
            continue
        name = _trim_name(text, m.start(1), m.group(1))
        if name:
            out.append(Candidate(m.start(1), m.start(1) + len(name), "PERSON", 4))
    return out


def _sectors(chunk: str, offset: int) -> list[Candidate]:
    if not COOPERATION_CUE.search(chunk):
        return []
    return [Candidate(offset + m.start(), offset + m.end(), "SECTOR", 2) for m in _sector_regex().finditer(chunk)]


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    taken: list[Candidate] = []
    occupied: set[int] = set()
    for cand in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if cand.end <= cand.start or any(i in occupied for i in range(cand.start, cand.end)):
            continue
        taken.append(cand)
        occupied.update(range(cand.start, cand.end))
    return sorted(taken, key=lambda c: c.start)


def _propagate_people(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Every other mention of a name found as a person (or its first words) is that person too."""
    names = {text[c.start:c.end] for c in chosen if c.label == "PERSON" and " " in text[c.start:c.end]}
    variants = set(names)
    for name in names:
        parts = name.split()
        if len(parts) >= 3 and parts[0] not in SURNAMES:  # foreign: `Luis Antonio` for `Luis Antonio Torres Iríbar`
            variants.add(" ".join(parts[:2]))
    if not variants:
        return chosen
    occupied = set()
    for c in chosen:
        occupied.update(range(c.start, c.end))
    extra = []
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(v) for v in sorted(variants, key=len, reverse=True))})(?!\w)")
    for m in pattern.finditer(text):
        if not any(i in occupied for i in range(m.start(), m.end())):
            extra.append(Candidate(m.start(), m.end(), "PERSON", 4))
            occupied.update(range(m.start(), m.end()))
    return sorted(chosen + extra, key=lambda c: c.start)
