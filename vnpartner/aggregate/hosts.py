"""Pairs the text gives through an official rather than two party names.

Vietnamese news seldom names Việt Nam in `Thủ tướng Nguyễn Xuân Phúc tiếp Chủ tịch Quốc hội
Myanmar`: the official stands for it. GUIDELINES put such a meeting or visit at the level the
article works at (`Việt Nam` – `Myanmar`), but a PARTNER relation needs two party mentions,
so no relation, gold or predicted, can carry it. A foreign official meeting the leaders of a
list of countries (`điện đàm với các nhà lãnh đạo Đức, Anh và Australia`) is read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..normalize.places import sovereign_of
from ..schema import Document, Entity, Party
from ..text import Sentence, sentence_finder
from .fields import RECEIVES
from .parties import at_venue, country_party

__all__ = ["LIST_GAP", "hosted_pairs"]

# Meeting or visiting, said of the official just before (`đã hội kiến với`, `sẽ thăm`)
_MEETS = re.compile(
    rf"^(?:\s*\([^()]{{1,40}}\))?[^,.;:()]{{0,25}}?\b(?:{RECEIVES}"
    r"|hội kiến|hội đàm|gặp|điện đàm|thăm|làm việc với)\b",
    re.I,
)
_TOPIC = re.compile(r"\b(?:để|về|nhằm|bao gồm|tình hình|vấn đề)\b|[;:]", re.I)
# A country visited only to attend an event there (`thăm Singapore để tham dự Đối thoại Shangri
# La`) is its venue; `thăm Nhật Bản và dự` is a visit of its own.
_TO_ATTEND = re.compile(r"\s+để\s+(?:tham\s+)?dự\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")  # between two items of a list
# Between a title and its country: nothing, or a few words and `của` (`tổng thống trẻ tuổi của Pháp`)
_TITLE_OF = re.compile(r"\s+|\s+(?:[^\s,.;:()]+\s+){0,3}?của\s+")
_BEFORE_HOLDER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?")  # `Chủ tịch ... Việt Nam (VUFO) Nguyễn Phương Nga`


def hosted_pairs(doc: Document, sentences: list[Sentence],
                 party: dict[str, Party]) -> Iterator[tuple[Party, Party, int]]:
    """(official's party, counterpart, sentence number) for each sentence whose first official
    (a titled PERSON whose country is known) meets or visits a party of another country named
    after the verb (`tiếp Đại sứ Hoa Kỳ`, `hội kiến với Chủ tịch Quốc hội Myanmar`), and for
    each party listed with that one (`người đồng cấp của Australia, Indonesia`).

    The official's party is their body or place where a relation gives one of their country,
    else their country. A party named as the place of the meeting (`tại Nhật Bản`) is none.
    """
    body = {r.head: party[r.tail] for r in doc.relations if r.label == "AFFILIATED_WITH" and r.tail in party}
    sentence_at = sentence_finder(sentences)
    by_sentence: dict[int, list[Entity]] = {}
    for ent in sorted(doc.entities, key=lambda e: e.start):
        by_sentence.setdefault(sentence_at(ent.start), []).append(ent)
    for number, inside in by_sentence.items():
        sentence = sentences[number]
        official, home, verb_end = _meeting_official(doc.text, inside, sentence, party)
        if home is None:
            continue
        own = body.get(official.id) if official is not None else None
        own = own if own is not None and own.country == home else country_party(home)
        if own is None:
            continue
        after = [e for e in inside if e.start >= verb_end and e.id in party]
        for other in _counterparts(doc.text, verb_end, after, party, home):
            yield own, other, number


def _meeting_official(text: str, inside: list[Entity], sentence: Sentence,
                      party: dict[str, Party]) -> tuple[Entity | None, str | None, int]:
    """(the person or None, their country, where their verb ends) for the first official of the
    sentence who meets or visits; (None, None, 0) where none does. Not always its first official
    (`Nhận lời mời của Bộ trưởng Ngoại giao Bồ Đào Nha ..., Phó Thủ tướng Phạm Bình Minh đã thăm
    ...`: the host who invited comes first)."""
    for person, home, end in _officials(text, inside, party):
        meets = _MEETS.search(text[end:sentence.end])
        if meets is not None:
            return person, home, end + meets.end()
    return None, None, 0


def _officials(text: str, inside: list[Entity], party: dict[str, Party]) -> Iterator[tuple[Entity | None, str, int]]:
    """(person or None, country, end) of each official of a sentence, in text order: a titled
    person of a known country, or the title of a country's office whose holder goes unnamed
    (`Vị tổng thống trẻ tuổi của Pháp cũng đã tiếp`, `Thủ tướng Anh điện đàm với`)."""
    for i, ent in enumerate(inside):
        if _is_official(ent):
            yield ent, ent.normalized["country"], ent.end
        elif ent.label == "TITLE" and i + 1 < len(inside):
            place = inside[i + 1]
            country = party.get(place.id)
            if place.label != "LOCATION" or country is None or country.kind != "country" or not country.country \
                    or not _TITLE_OF.fullmatch(text, ent.end, place.start):
                continue
            holder = next((e for e in inside[i + 2:] if e.label == "PERSON"), None)
            if holder is None or not _BEFORE_HOLDER.fullmatch(text, place.end, holder.start):
                yield None, country.country, place.end  # not `Tổng thống Nga Vladimir Putin`: the person is


def _counterparts(text: str, verb_end: int, mentions: list[Entity], party: dict[str, Party],
                  home: str) -> list[Party]:
    """The party first named after the verb, if it is of a country other than ``home``, with
    the parties of other countries listed right after it. None where that first party is
    the venue or of no known country (`Tập đoàn Vamed của Austria`: the group, not Austria),
    visited only to attend an event there,
    or where the words before it turn to a topic (`để thảo luận tình hình Ukraine`)."""
    if not mentions:
        return []
    first = party[mentions[0].id]
    lead_in = text[verb_end:mentions[0].start]
    if not _foreign(first, home) or at_venue(text, mentions[0].start) or _TOPIC.search(lead_in) \
            or _TO_ATTEND.match(text, mentions[0].end):
        return []
    found = [first]
    for before, ent in zip(mentions, mentions[1:]):
        listed = party[ent.id]
        if not LIST_GAP.fullmatch(text[before.end:ent.start]):
            break
        previous = party[before.id]
        within = previous.kind != "country" or sovereign_of(previous.country) == listed.country
        if listed.kind == "country" and within:
            break  # `Hong Kong, Trung Quốc`: where Hong Kong is, not a second counterpart
        if _foreign(listed, home):
            found.append(listed)
    return found


def _foreign(party: Party, home: str) -> bool:
    """A party of a known country other than ``home``."""
    return party.country not in (None, home)


def _is_official(ent: Entity) -> bool:
    value = ent.normalized or {}
    return ent.label == "PERSON" and bool(value.get("country")) and bool(value.get("title"))
