"""``merge``, which joins the model's spans and the pattern layer's, the gap fillers it takes from the
pattern layer (Vietnamese names, people addressed as `ông`/`bà`, sure fields), and the corrections of
the model's dates, titles, instruments and officials made against the pattern layer before it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from ...normalize.names import vietnamese_name
from ..rules import UPPER
from .words import _ACRONYM, _NAME_LABELS, Span, _is_country

_DATE_WORD = re.compile(r"\d|\b(?i:ngày|tháng|năm|qua|nay|tới|ngoái|trước|sau|này|đầu|cuối|giữa)\b")
# Terms of sectors.tsv that the gold marks a sector wherever they are written (see `_sure_fields`).
_SURE_FIELDS = re.compile(r"(?<![\w-])(?:(?i:chống (?:chủ nghĩa )?khủng bố|cải cách hành chính|hạ tầng giao thông"
                          r"|phòng thủ tên lửa|thủy sản|thuỷ sản|nông sản)|TTHC)(?![\w-])")
# A person addressed as Mr or Mrs, by the capitalised words of the name (`ông Tấn`, `Ông Putin`, `bà Nga`).
# Not `đàn ông` (men) nor `ông bà` (forebears); a full stop only between initials (`L.Aldis`), not ending a sentence.
_ADDRESSED = re.compile(
    rf"(?<![\w-])(?<!đàn )(?:[Ôô]ng|(?<![Ôô]ng )bà)[ \t]+"
    rf"(?P<name>[{UPPER}][\w'-]*(?:\.[\w'-]+)*(?:[ \t][{UPPER}][\w'-]*){{0,3}})")


def _officials_after_their_place(text: str, found: list[Span], ruled: Sequence[Span]) -> list[Span]:
    """The pattern layer's body or place and person after a title where the model's spans cover
    the two with other bounds (`Tỉnh trưởng` + `Phúc Kiến Vu Vỹ Quốc` read as one person,
    `Bí thư` + `Tỉnh ủy Quảng Tây Bành` + `Thanh Hoa` as a body and a place): the pattern layer
    reads a title, its body or place and the holder's name in that order. A person the model
    reads where the pattern layer reads a country right after a title is that country (`Tổng thống
    Síp`; a city may be a name, `Hoàng hậu Sofia`)."""
    titles = {end for _, end, label in list(found) + list(ruled) if label == "TITLE"}
    places = {(start, end) for start, end, label in ruled
              if label == "LOCATION" and start - 1 in titles and _is_country(text[start:end])}
    found = [(start, end, "LOCATION") if label == "PERSON" and (start, end) in places else (start, end, label)
             for start, end, label in found]  # `Tổng thống` + `Síp`: the country, not a person
    for place, person in zip(ruled, ruled[1:]):
        if place[2] not in ("ORGANIZATION", "LOCATION") or person[2] != "PERSON" or text[place[1]:person[0]] != " " \
                or place[0] - 1 not in titles or len(text[person[0]:person[1]].split()) < 2:
            continue
        covering = [span for span in found if span[0] < person[1] and place[0] < span[1]]
        if covering and covering[0][0] == place[0] and covering[-1][1] == person[1] \
                and [span[2] for span in covering] != [place[2], "PERSON"]:
            found = sorted([span for span in found if span not in covering] + [place, person])
    return found


def merge(neural: Sequence[Span], rules: Sequence[Span], neural_labels: frozenset[str],
          fillers: Sequence[Span] = ()) -> list[Span]:
    """Owned spans of each source first, then gap fillers that overlap nothing chosen.

    A model-owned label comes from the model alone: the pattern layer's spans of it, added
    in gaps, cost precision (held-out gold articles: ORGANIZATION F1 72.6 with them, 75.0
    without). Gap fillers are the model's name spans (PERSON, ORGANIZATION, LOCATION) of
    rule-owned labels, the pattern layer's instruments and titles where the model owns them, and
    ``fillers`` (the pattern layer's Vietnamese names, see :func:`_vietnamese_people`); the model's
    dates, sectors, titles and agreements count only where it owns them.
    """
    neural = list(neural)
    for label in ("DATE", "TITLE"):
        if label in neural_labels:
            neural = _whole(neural, rules, label)
    if "AGREEMENT" in neural_labels:
        neural = _agreement_bounds(neural, rules)
    first = [s for s in neural if s[2] in neural_labels] + [s for s in rules if s[2] not in neural_labels]
    gaps = [s for s in neural if s[2] not in neural_labels and s[2] in _NAME_LABELS]
    # instruments the pattern layer knows by their kind word, and offices by their name (the model
    # misses some it seldom saw: `Quốc vương`, `Nhà vua`; TITLE F1 on round 4 86.5 -> 88.2)
    gaps += [s for s in rules if s[2] in ("AGREEMENT", "TITLE") and s[2] in neural_labels]
    gaps += fillers
    chosen = _no_overlaps(first)
    taken = _Taken(chosen)
    for span in gaps:
        if not taken.overlaps(span[0], span[1]):
            taken.add(span[0], span[1])
            chosen.append(span)
    return sorted(chosen)


def _vietnamese_people(text: str, rules: Sequence[Span]) -> list[Span]:
    """The pattern layer's people whose names read as Vietnamese (a family name and two or three
    more capitalised words): the model misses some it learnt as no name from silver labels
    (`Tổng bí thư Nông Đức Mạnh`, where `Đức` is also Germany). VLSP 2018 dev (first 1,500
    paragraphs): PERSON F1 87.0 -> 87.1; gold dev, round 3, round 4 and seeds unchanged."""
    return [span for span in rules if span[2] == "PERSON" and vietnamese_name(text[span[0]:span[1]])]


def _sure_fields(text: str) -> list[Span]:
    """Fields whose words name a field wherever they stand (`chống khủng bố`, `nông sản`, `TTHC`):
    the gold's train and dev articles mark every one of their 50 mentions but one a sector, and
    the model misses a third of them."""
    return [(m.start(), m.end(), "SECTOR") for m in _SURE_FIELDS.finditer(text)]


def _addressed_people(text: str) -> list[Span]:
    """The names after `ông` and `bà` (Mr, Mrs): the model misses a few, most often a family name
    alone (`ông Putin`, `ông Tấn nói`); every such mention in the gold articles that no span held
    was a person. Not an acronym, and not `Bà` opening a place (`Bà Rịa`)."""
    return [(m.start("name"), m.end("name"), "PERSON") for m in _ADDRESSED.finditer(text)
            if not any(_ACRONYM.fullmatch(word) for word in m.group("name").split())]


def _whole(neural: Sequence[Span], rules: Sequence[Span], wanted: str) -> list[Span]:
    """The model's spans, each pattern-layer span of the ``wanted`` label that holds some of its
    spans of that label whole in their place: the grammar knows the forms of a date range (`4 đến
    8/6`, `4-8.6.2017`) the model cuts in pieces, and the body a title takes (`Chủ tịch HĐQT`).
    A title also replaces the words of it the model read as a person's name (`Quốc Vụ` of
    `Quốc Vụ khanh`): the pattern layer's titles hold no names; and those it read as a field
    (`an ninh` of `Cố vấn an ninh quốc gia`)."""
    out = sorted(neural)
    longest = max((e - s for s, e, _ in out), default=0)
    held = {wanted, "PERSON", "SECTOR"} if wanted == "TITLE" else {wanted}
    for start, end, label in rules:
        if label != wanted:
            continue
        first, last = bisect_left(out, (start,)), bisect_left(out, (end,))
        inside = [s for s in out[first:last] if s[1] <= end]
        crossing = [s for s in out[bisect_left(out, (start - longest,)):last] if start < s[1] and s not in inside]
        if inside and not crossing and all(s[2] in held for s in inside) and (start, end, label) not in inside:
            out[first:last] = [(start, end, label)]  # no span crosses, so those starting here are all inside
            longest = max(longest, end - start)
    return out


_DAY_CONTEXT = re.compile(r"(?i:\b(?:ngày|hôm|sáng|trưa|chiều|tối|đêm))\s+$")


def _days_missed(text: str, neural: list[Span], rules: Sequence[Span]) -> list[Span]:
    """The model's spans plus each pattern-layer day it has nothing on, written in figures after
    `ngày`, `hôm`, `tối` ... (`hôm 10/5`): on the gold sets, 6 of 6 such days are dates the
    model missed, where the layer's other dates there are mostly not dates the gold marks."""
    taken = _Taken(neural)
    missed = [span for span in rules if span[2] == "DATE" and re.search(r"\d[/.\-]\d", text[span[0]:span[1]])
              and _DAY_CONTEXT.search(text, max(0, span[0] - 8), span[0])
              and not taken.overlaps(span[0], span[1])]
    return sorted(neural + missed)


def _dates_cut(text: str, neural: list[Span], rules: Sequence[Span]) -> list[Span]:
    """Each model date that runs on past a pattern-layer date into words no date holds
    (`tháng 11-2017` + `dự`) cut to the pattern layer's bounds."""
    out = []
    dates = sorted(r for r in rules if r[2] == "DATE")
    for start, end, label in neural:
        if label == "DATE":
            held = [r for r in dates[bisect_left(dates, (start,)):bisect_left(dates, (end,))] if r[1] <= end]
            if len(held) == 1 and not _DATE_WORD.search(text[start:held[0][0]] + " " + text[held[0][1]:end]):
                start, end = held[0][:2]
        out.append((start, end, label))
    return out


def _agreement_bounds(neural: Sequence[Span], rules: Sequence[Span]) -> list[Span]:
    """The model's instruments, each in the bounds of a pattern-layer instrument it overlaps: the
    grammar knows where a kind word's name ends (`Bản ghi nhớ` + `về việc ...` is not in it,
    `Hiệp định` + `Du lịch ASEAN` is). Gold dev split, AGREEMENT F1: pattern layer alone 48.3,
    model with these bounds 75.0."""
    ruled = [s for s in rules if s[2] == "AGREEMENT"]
    out = []
    for start, end, label in neural:
        if label == "AGREEMENT":
            overlapping = [s for s in ruled if s[0] < end and start < s[1]]
            if overlapping:
                start, end, _ = max(overlapping, key=lambda s: s[1] - s[0])
        out.append((start, end, label))
    return sorted(set(out))


def _no_overlaps(spans: list[Span]) -> list[Span]:
    """Owned spans can still overlap each other (a model place inside a rule title): keep the longer."""
    kept: list[Span] = []
    taken = _Taken()
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not taken.overlaps(span[0], span[1]):
            taken.add(span[0], span[1])
            kept.append(span)
    return kept


class _Taken:
    """Character ranges kept sorted by start, with the longest one's length: whether a new range
    overlaps one of them looks only at those starting close enough before it to reach it, not at
    all of them (a 1 MB document holds tens of thousands of spans). Ranges may overlap each other."""

    def __init__(self, spans: Iterable[Span] = ()):
        self.ranges = sorted((start, end) for start, end, *_ in spans)
        self.longest = max((end - start for start, end in self.ranges), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        first, last = bisect_left(self.ranges, (start - self.longest,)), bisect_left(self.ranges, (end,))
        return any(start < e and s < end for s, e in self.ranges[first:last])

    def add(self, start: int, end: int) -> None:
        self.ranges.insert(bisect_left(self.ranges, (start, end)), (start, end))
        self.longest = max(self.longest, end - start)
