"""Corrections of PERSON spans after the merge: names cut, glued or run on into a caption or the next
sentence, people after a title or a country or addressed as `ông`/`bà`, and foreign names the model
ran a body's name on into."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...normalize.names import foreign_word, vietnamese_name
from ...normalize.places import is_common_word, lookup_place, trailing_place
from ..rules import UPPER
from .words import (
    _ACRONYM, _BODY_HEADS, _FOREIGN_PARTICLES, _HONORIFIC_ONLY, _NAME_LABELS, _NEXT_WORD, _OTHER_BODY_HEADS, _WORD,
    Span, _is_country, _opens_with_body, _run_on, _word_spans,
)

_WORD_END = re.compile(r"\S*$")
_SINO_VIETNAMESE_NAMED = frozenset({"CN", "TW"})  # whose people Vietnamese news names by Sino-Vietnamese reading
_MIDDLE_INITIAL = re.compile(rf" [A-Z]\. (?P<rest>[{UPPER}][\w'-]+(?: [{UPPER}][\w'-]+)?)(?![\w'-])")
# The first word of a photo credit (`Ảnh: TTXVN`) or of a sentence run on without its break
# (`Đây là`, `Sáng 14-5`), with what follows it there; times of day are given names too (`Văn Sáng`).
_TIMES_OF_DAY = frozenset({"Sáng", "Chiều", "Tối", "Trưa", "Ngày", "Hôm"})
_RUN_ON_FOLLOWS = {"Ảnh": re.compile(":"), "Nguồn": re.compile(":"), "Đây": re.compile(" "),
                   **{word: re.compile(r" \d") for word in _TIMES_OF_DAY}}
_AFTER_COMPANY_WORD = re.compile(r"(?i:hãng|công ty|tập đoàn)[ \t]+(\S+(?: \S+){0,3})")
# Words of a company's own name, no person's (`Samsung Electronics`, `Vietnam Airlines`).
_COMPANY_WORDS = re.compile(r"(?i)\b(?:airlines?|bank|capital|corp|corporation|electronics|energy|group|holdings?|"
                            r"industries|international|investment|ltd|motors?|partners|solutions|systems|technologies|"
                            r"telecom|ventures)\b")
# One to four capitalised words right after a title: a name (`Vua` + `Juan Carlos`).
_TITLED_NAME = re.compile(rf" (?P<name>[{UPPER}][\w'-]*(?:\.[\w'-]+)*(?: [{UPPER}][\w'-]*){{0,3}})")
# Titles of a body's head, which the body's name follows (`Giám đốc điều hành` + `Motorola`).
_HEADS_A_BODY = re.compile(r"(?i:giám đốc|chủ tịch|chủ nhiệm|ủy viên|uỷ viên|bí thư|trưởng ban|điều hành|hiệu trưởng|"
                           r"viện trưởng|cục trưởng|vụ trưởng|tổng thư ký|người phát ngôn|phát ngôn viên)$")


def _bodies_before_people(text: str, spans: list[Span]) -> list[Span]:
    """A body's name without the foreign first names the model ran it on into (`Liên Hợp Quốc Nikki`
    + `Haley`, `Tập đoàn Microsoft Bill Gates`): the person's name, where the text names that person
    elsewhere or the model found the family name right after."""
    people = {text[start:end] for start, end, label in spans if label == "PERSON"}
    bodies = {text[start:end] for start, end, label in spans if label == "ORGANIZATION"}
    out = list(spans)
    for index, (start, end, label) in enumerate(spans):
        after = _person_right_after(text, end, spans[index + 1:index + 2])
        cut = _person_inside(text, start, end, after, people, bodies) if label == "ORGANIZATION" else None
        if cut is None:
            continue
        out[index] = (start, len(text[:cut].rstrip()), "ORGANIZATION")
        if after is not None:
            out[index + 1] = (cut, after[1], "PERSON")
        else:
            out.append((cut, end, "PERSON"))
    return sorted(out)


def _person_right_after(text: str, end: int, following: list[Span]) -> Span | None:
    """The person span one space after ``end``, if ``following`` (the next span) is one."""
    return following[0] if following and following[0][2] == "PERSON" and text[end:following[0][0]] == " " else None


def _person_inside(text: str, start: int, end: int, after: Span | None, people: set[str],
                   bodies: set[str]) -> int | None:
    """Where a person's name opens at the end of a body's span; None if it does not. The name
    is a person's the model found, or its first names run on before the family name it found
    (`Nikki` + `Haley`), or a full name after the body as the article names it elsewhere
    (`Tập đoàn Nidec` + `Shigenobu Nagamori`)."""
    words = _word_spans(text, start, end)
    rest = text[end:after[1]] if after is not None else ""
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        cut = words[-size][0]
        tail = text[cut:end].split()
        if not all(_first_name(word) for word in tail) or not _named(text[start:cut].rstrip()):
            continue
        if text[cut:end] + rest in people or (size == 1 and len(rest.split()) == 1):
            return cut
        if size > 1 and not rest and text[start:cut].rstrip() in bodies and not _COMPANY_WORDS.search(text[cut:end]) \
                and not any(text[cut:end] in body for body in bodies if body != text[start:end]):
            return cut  # not a name the article gives a body (`Công ty LG` + `Vina Cosmetics`)
    return None


def _first_name(word: str) -> bool:
    """Whether ``word`` can be a foreign first name: capitalised, no Vietnamese syllable, acronym or place."""
    return word[0].isupper() and foreign_word(word) and not _ACRONYM.fullmatch(word) and lookup_place(word) is None


def _named(body: str) -> bool:
    """Whether a body's name holds a name, not only type words (`Tập đoàn`, `Trường Đại học`)."""
    words = body.split()
    while words:
        head = next((size for size in (2, 1) if " ".join(words[:size]) in _BODY_HEADS), 0)
        if not head:
            break
        words = words[head:]
    return any(c.isupper() for c in " ".join(words))


def _without_caption_words(text: str, spans: list[Span]) -> list[Span]:
    """Names without the first word of a photo caption or the next sentence run on after them,
    where the article lost the break (`Nông Đức Mạnh` + `Ảnh: TTXVN`, `Reuters` + `Sáng 14-5`)."""
    out = []
    for start, end, label in spans:
        if label in ("PERSON", "ORGANIZATION"):
            name, _, last = text[start:end].rpartition(" ")
            follows = _RUN_ON_FOLLOWS.get(last)
            if name and follows and follows.match(text, end) and not (label == "PERSON" and last in _TIMES_OF_DAY):
                end = start + len(name)
        out.append((start, end, label))
    return out


def _addressed_as_people(text: str, spans: list[Span], addressed: list[Span]) -> list[Span]:
    """A place or body the model found in a name after `ông` or `bà` is that person (`Ông Nelson
    cho rằng`: not the city in New Zealand; no gold article has a place or body there), and so is
    the same name elsewhere in the article (`Bộ trưởng Thương mại Australia Steven` + `Ciobo`),
    unless it names a country (`bà Nga`, `ông Đức`) or the article names a company so (`hãng
    Walt Disney`). So is a foreign person's family name (`Shigenobu Nagamori`, then
    `Nagamori`): 248 of 249 such gold mentions were the person."""
    ends = {start: end for start, end, _ in addressed}
    names = {text[start:end] for start, end, _ in addressed} | _foreign_surnames(text, spans)
    companies = _company_names(text)
    people = {name for name in names if not _is_country(name) and name not in companies}
    return [(start, end, "PERSON") if label in ("LOCATION", "ORGANIZATION")
            and (end <= ends.get(start, -1) or text[start:end] in people) else (start, end, label)
            for start, end, label in spans]


def _names_joined(text: str, spans: list[Span]) -> list[Span]:
    """One Vietnamese name the model cut in two people side by side (`Uông` + `Chu Lưu`)."""
    return _run_on(spans, lambda first, second: second[2] == "PERSON" and text[first[1]:second[0]] == " "
                   and vietnamese_name(text[first[0]:second[1]]), "PERSON")


def _people_unglued(text: str, spans: list[Span]) -> list[Span]:
    """A person's name without the word the source glued to its first or last word (`Trung
    QuốcNgụy Phượng Hòa`, `Nguyễn Văn TámPhó`), and without a verb a title-case caption wrote
    after the name the article gives elsewhere (`Thủ tướng Nguyễn Xuân Phúc Tiếp Phó Chủ tịch`) or
    the first word of the sentence after a caption (`Tập Cận Bình Thông tin trên ...`). A name the
    article gives elsewhere and a second Vietnamese name run on after it are two people (a caption's
    `Vũ Văn Tám` and the byline's `Phạm Anh`)."""
    names = {text[start:end] for start, end, label in spans if label == "PERSON"}
    out = []
    for start, end, label in spans:
        if label == "PERSON":
            glue = _glue_points(text, start, end)
            if glue and len(text[glue[0]:end].split()) >= 2:
                start = glue[0]
            elif glue and len(text[start:glue[-1]].split()) >= 2 and " " not in text[glue[-1]:end]:
                end = glue[-1]
            name, _, last = text[start:end].rpartition(" ")
            if name in names and len(name.split()) >= 3 and (vietnamese_name(name) or _opens_a_word(text, end, last)):
                end = start + len(name)
            second = _second_name(text, start, end, names)
            if second is not None:
                out.append((start, second - 1, label))
                start = second
        out.append((start, end, label))
    return out


def _second_name(text: str, start: int, end: int, names: set[str]) -> int | None:
    """Where a second Vietnamese name starts inside a person span that opens with a Vietnamese
    name of three or more words the article gives on its own elsewhere."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for cut in range(3, len(words) - 1):
        first, rest = text[start:start + words[cut - 1].end()], text[start + words[cut].start():end]
        if first in names and vietnamese_name(first) and vietnamese_name(rest) and text[start + words[cut - 1].end()] == " ":
            return start + words[cut].start()
    return None


def _opens_a_word(text: str, end: int, last: str) -> bool:
    """Whether a name's ``last`` word and the lowercase word after it make a common word: the next
    sentence's first word, after a caption with no full stop (`Tập Cận Bình` + `Thông tin trên ...`)."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).islower() and is_common_word(f"{last} {after.group(1)}")


def _glue_points(text: str, start: int, end: int) -> list[int]:
    """Offsets of capitals right after a lowercase letter where one of the two words so joined
    is spelt with a Vietnamese letter (`QuốcNgụy`, `TámPhó`; not `McCain`)."""
    points = []
    for i in range(start + 1, end):
        if text[i].isupper() and text[i - 1].islower():
            left, right = _WORD_END.search(text, start, i), _WORD.match(text, i)
            if not (left.group().isascii() and right.group().isascii()):
                points.append(i)
    return points


def _first_names_joined(text: str, spans: list[Span]) -> list[Span]:
    """One foreign name the model cut into a place it does not know and a person (`Thamer` +
    `Al-Sabhan`): a foreign word no gazetteer knows, right before a foreign person's name."""
    out: list[Span] = []
    for span in spans:
        first = out[-1] if out else None
        if first is not None and first[2] == "LOCATION" and span[2] == "PERSON" and text[first[1]:span[0]] == " " \
                and _foreign_unknown(text[first[0]:first[1]]) \
                and not _HONORIFIC_ONLY.fullmatch(text, first[0], first[1]) \
                and all(foreign_word(w) for w in text[span[0]:span[1]].split()):
            out[-1] = (first[0], span[1], "PERSON")
            continue
        out.append(span)
    return out


def _foreign_unknown(word: str) -> bool:
    """A single capitalised foreign word that names no place the gazetteer knows."""
    return " " not in word and word[:1].isupper() and not word.isupper() and foreign_word(word) \
        and lookup_place(word) is None


def _particle_names(text: str, spans: list[Span]) -> list[Span]:
    """One foreign name the model cut at a lowercase particle (`Mohammed bin` + `Salman`,
    `Ursula von` + `der Leyen`): a person's, when either part is a person."""
    out: list[Span] = []
    for span in spans:
        if out and text[out[-1][1]:span[0]] == " " and "PERSON" in (out[-1][2], span[2]) \
                and {out[-1][2], span[2]} <= _NAME_LABELS \
                and _ends_in_particle(text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], span[1], "PERSON")
            continue
        out.append(span)
    return out


def _people_after_countries(text: str, spans: list[Span]) -> list[Span]:
    """A body's name the model ran on over its official's after the country (`Bộ Ngoại giao Mỹ` +
    `Richard Boucher`, `Bộ Ngoại giao TQ` + `Hoa Xuân Doanh`): the body and the person."""
    out: list[Span] = []
    for start, end, label in spans:
        cut = _name_after_country(text, start, end) if label == "ORGANIZATION" else None
        if cut is None:
            out.append((start, end, label))
            continue
        out += [(start, len(text[:cut].rstrip()), "ORGANIZATION"), (cut, end, "PERSON")]
    return out


def _name_after_country(text: str, start: int, end: int) -> int | None:
    """Where a person's two or three word name opens after a foreign country at the end of a body's
    span. Việt Nam is left alone: `Ngân hàng Việt Nam Thịnh Vượng` is a bank's name."""
    words = _word_spans(text, start, end)
    for size in (3, 2):
        if len(words) < size + 2:
            continue
        cut = words[-size][0]
        body, name = text[start:cut].rstrip(), text[cut:end]
        place = trailing_place(body)
        if place is None or place.admin != "country" or place.country == "VN" \
                or lookup_place(f"{body.split()[-1]} {name.split()[0]}") is not None:  # not inside `Trung Quốc`
            continue
        if vietnamese_name(name) or (all(map(_first_name, name.split())) and not _COMPANY_WORDS.search(name)) \
                or (place.country in _SINO_VIETNAMESE_NAMED and all(map(_sino_vietnamese_syllable, name.split()))):
            return cut
    return None


def _sino_vietnamese_syllable(word: str) -> bool:
    """A capitalised Vietnamese syllable that names no place: a Chinese name read in Vietnamese (`Hồng Lỗi`)."""
    return word[:1].isupper() and not foreign_word(word) and lookup_place(word) is None


def _initialled_names(text: str, spans: list[Span]) -> list[Span]:
    """A foreign person's name goes on over a middle initial (`Michael` + ` J. Haycock`, `George` +
    ` W. Bush`): to the span the model found after it, or to the capitalised foreign words there."""
    out: list[Span] = []
    for index, span in enumerate(spans):
        if out and out[-1][1] > span[0]:
            continue  # taken in by the name before
        initial = _MIDDLE_INITIAL.match(text, span[1]) if span[2] == "PERSON" else None
        last_word = text[span[0]:span[1]].rsplit(" ", 1)[-1]
        if initial is None or not foreign_word(last_word) or not foreign_word(initial.group("rest").split()[0]):
            out.append(span)
            continue
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following is not None and following[0] == initial.start("rest") and following[2] in _NAME_LABELS:
            end = following[1]
        elif following is None or following[0] >= initial.end():
            words = initial.group("rest").split()
            end = initial.start("rest") + len(" ".join(words if foreign_word(words[-1]) else words[:1]))
        else:
            end = span[1]
        out.append((span[0], end, "PERSON"))
    return out


def _ends_in_particle(name: str) -> bool:
    """Whether ``name`` is a foreign name up to a particle (`Mohammed bin`; not `Bộ Công an`)."""
    *before, last = name.split(" ")
    return last in _FOREIGN_PARTICLES and bool(before) and foreign_word(before[-1])


def _foreign_surnames(text: str, spans: list[Span]) -> set[str]:
    names = (text[start:end] for start, end, label in spans if label == "PERSON")
    # Both ends foreign: `Lượng Bùi Herbalife` is a credit run into a brand, no one's name.
    return {words[-1] for words in map(str.split, names)
            if len(words) > 1 and foreign_word(words[0]) and foreign_word(words[-1])}


def _company_names(text: str) -> set[str]:
    """The first one to four words after each company word (`hãng Walt Disney`: `Walt`, `Walt
    Disney`, ...), in one pass over the text."""
    names = set()
    for words in _AFTER_COMPANY_WORD.finditer(text):
        parts = [part.rstrip(".,;:!?)\"”") for part in words.group(1).split(" ")]
        names.update(" ".join(parts[:size]) for size in range(1, len(parts) + 1))
    return names


def _titled_people(text: str, spans: list[Span], word_ends: Mapping[int, int]) -> list[Span]:
    """A foreign name right after a title that no span holds is a person (`Quốc vương` + `Salman`,
    `Vua` + `Juan Carlos`, `Thống tướng` + `Sao Sokha`): capitalised words, one at least spelt as no
    Vietnamese syllable is, that are no place, acronym, company or body, nor the capitalised start
    of a Vietnamese compound (`Tập` of `Tập đoàn`, ``word_ends``). Not after the title of a body's
    head, which its body follows (`Giám đốc điều hành` + `Motorola`)."""
    out = list(spans)
    for index, (start, end, label) in enumerate(spans):
        if label != "TITLE" or _HEADS_A_BODY.search(text, start, end):
            continue
        found = _TITLED_NAME.match(text, end)
        if found is None or found.end() in word_ends or not _foreign_name(found.group("name")):
            continue
        if index + 1 < len(spans) and spans[index + 1][0] < found.end():  # spans are sorted: the next one holds it
            continue
        out.append((found.start("name"), found.end(), "PERSON"))
    return sorted(out)


def _foreign_name(name: str) -> bool:
    """Whether ``name`` reads as a foreign person's: a word spelt as no Vietnamese syllable is,
    and no place, acronym, company word or body's type word."""
    words = name.split()
    return any(foreign_word(word) for word in words) and not _COMPANY_WORDS.search(name) \
        and lookup_place(name) is None and not _opens_with_body(name, _OTHER_BODY_HEADS) \
        and not any(_ACRONYM.fullmatch(word) or lookup_place(word) is not None for word in words)
