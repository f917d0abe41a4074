"""Pairs the text gives through a Vietnamese official rather than two party names.

Vietnamese news seldom names Việt Nam in `Thủ tướng Nguyễn Xuân Phúc tiếp Chủ tịch Quốc hội
Myanmar`: the official stands for it. GUIDELINES put such a meeting or visit at the level the
article works at (`Việt Nam` – `Myanmar`), but a PARTNER relation needs two party mentions,
so no relation, gold or predicted, can carry it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..normalize.places import country_place
from ..schema import Document, Entity, Party
from ..text import Sentence

__all__ = ["hosted_pairs"]

HOME = "VN"
# Meeting or visiting, said of the official just before (`đã hội kiến với`, `sẽ thăm`); not
# `tiếp tục`, `tiếp nhận` and the other words `tiếp` opens.
_MEETS = re.compile(
    r"^[^,.;:()]{0,25}?\b(?:tiếp(?!\s+(?:tục|nhận|cận|theo|đó|thu|diễn|sức|tế|giáp|nối|quản|viện|xúc))"
    r"|hội kiến|hội đàm|gặp|điện đàm|thăm|làm việc với)\b",
    re.I,
)
_VENUE = re.compile(r"\b(?:tại|ở)\s+$", re.I)


def hosted_pairs(doc: Document, sentences: list[Sentence], party: dict[str, Party]) -> Iterator[tuple[Party, Party, int]]:
    """(Vietnamese party, foreign party, sentence number) for each sentence whose first
    Vietnamese official (a titled PERSON of country VN) meets or visits a foreign party named
    after the verb (`tiếp Đại sứ Hoa Kỳ`, `hội kiến với Chủ tịch Quốc hội Myanmar`).

    The Vietnamese party is the official's body or place where a relation gives one, else
    Việt Nam. A foreign party named as the place of the meeting (`tại Nhật Bản`) is none.
    """
    home = country_place(HOME)
    if home is None:
        return
    country = Party(home.name, home.country, "country")
    body = {r.head: party[r.tail] for r in doc.relations if r.label == "AFFILIATED_WITH" and r.tail in party}
    for number, sentence in enumerate(sentences):
        inside = [e for e in doc.entities if sentence.start <= e.start < sentence.end]
        official = next((e for e in inside if _is_home_official(e)), None)
        meets = _MEETS.search(doc.text[official.end:sentence.end]) if official else None
        if meets is None:
            continue
        own = body.get(official.id)
        own = own if own is not None and own.country == HOME else country
        after = official.end + meets.end()
        for ent in inside:
            other = party.get(ent.id)
            if ent.start < after or other is None or other.country in (None, HOME):
                continue
            if _VENUE.search(doc.text[max(0, ent.start - 6):ent.start]) is None:
                yield own, other, number
            break  # the first foreign party after the verb is the counterpart


def _is_home_official(ent: Entity) -> bool:
    value = ent.normalized or {}
    return ent.label == "PERSON" and value.get("country") == HOME and bool(value.get("title"))
