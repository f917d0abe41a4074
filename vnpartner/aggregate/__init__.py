"""Partnership records: merge party mentions, group partners, collect sectors, date, instrument."""

from __future__ import annotations

import bisect
import re

from ..normalize.places import lookup_place, trailing_place
from ..schema import INSTRUMENTS, Document, Entity, Partnership, Party, Person
from ..text import Sentence

__all__ = ["aggregate", "instrument_of", "party_of"]

# Government bodies act for their place: `UBND tỉnh Bình Dương` is the party `Bình Dương`.
_PLACE_BODY = re.compile(
    r"^(?:UBND|HĐND|(?i:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|tỉnh ủy|tỉnh uỷ|thành ủy|"
    r"thành uỷ|chính quyền|đảng bộ|lãnh đạo))\s+(?:tỉnh|thành phố|TP\.?|Thủ đô|thủ đô)?\s*(?P<place>.+)$"
)
_INSTRUMENT_WORDS = (
    ("agreement", r"thỏa thuận|thoả thuận|hiệp định|hiệp ước|biên bản|nghị định thư|hợp đồng"),
    ("mou", r"ghi nhớ"),
    ("letter_of_intent", r"ý định thư"),
    ("twinning", r"kết nghĩa"),
)
_VISIT = re.compile(r"\bthăm\b|chuyến công tác", re.I)
_MEETING = re.compile(r"hội đàm|làm việc|hội kiến|tiếp|hội thảo|gặp", re.I)


def party_of(ent: Entity) -> Party:
    """The party a LOCATION or ORGANIZATION mention stands for."""
    if ent.label == "LOCATION":
        value = ent.normalized or {}
        kind = value.get("admin", "other")
        return Party(value.get("name") or ent.text, value.get("country"), kind if kind != "other" else "other")
    place = lookup_place(ent.text)  # a place the tagger called an organisation (`Tỉnh Artemisa`)
    if place is not None:
        return Party(place.name, place.country, place.admin)
    body = _PLACE_BODY.match(ent.text)
    if body:
        place = lookup_place(body.group("place"))
        if place is not None:
            return Party(place.name, place.country, place.admin)
    place = trailing_place(ent.text)
    return Party(ent.text, place.country if place else None, "organization")


def instrument_of(text: str) -> str | None:
    """Instrument code of an AGREEMENT span (`Bản ghi nhớ` → `mou`); a twinning MoU is `mou`."""
    lowered = text.lower()
    found = [code for code, pattern in _INSTRUMENT_WORDS if re.search(pattern, lowered)]
    return min(found, key=INSTRUMENTS.index) if found else None


def aggregate(doc: Document, sentences: list[Sentence]) -> list[Partnership]:
    """One record per group of parties linked by PARTNER relations."""
    by_id = {e.id: e for e in doc.entities}
    partner_edges = [(by_id[r.head], by_id[r.tail]) for r in doc.relations if r.label == "PARTNER"]
    if not partner_edges:
        return []
    keys: dict[str, Party] = {}
    links: dict[str, set[str]] = {}
    mentions: dict[str, list[Entity]] = {}
    for head, tail in partner_edges:
        a, b = party_of(head), party_of(tail)
        if a.name == b.name:
            continue
        for party, ent in ((a, head), (b, tail)):
            keys.setdefault(party.name, party)
            links.setdefault(party.name, set())
            mentions.setdefault(party.name, []).append(ent)
        links[a.name].add(b.name)
        links[b.name].add(a.name)
    groups = [[keys[n] for n in group] for group in _components(links)]
    return [_record(doc, sentences, group, mentions) for group in _drop_background(groups)]


def _drop_background(groups: list[list[Party]]) -> list[list[Party]]:
    """A country pair that only restates a local pair's countries is context, not a record."""
    local_countries = [
        {p.country for p in group} for group in groups if any(p.kind != "country" for p in group)
    ]
    return [
        group for group in groups
        if any(p.kind != "country" for p in group) or {p.country for p in group} not in local_countries
    ]


def _components(links: dict[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    groups = []
    for start in links:
        if start in seen:
            continue
        stack, group = [start], []
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            group.append(name)
            stack.extend(links[name] - seen)
        groups.append(sorted(group))
    return groups


def _record(doc: Document, sentences: list[Sentence], parties: list[Party], mentions) -> Partnership:
    by_id = {e.id: e for e in doc.entities}
    names = {p.name for p in parties}
    party_ids = {e.id for p in parties for e in mentions[p.name]}
    # Every mention of a party, including ones not in a PARTNER relation, counts as its mention.
    all_ids = {e.id for e in doc.entities if e.label in ("LOCATION", "ORGANIZATION") and party_of(e).name in names}
    party_ids |= all_ids
    partner_heads = sorted(by_id[r.head].start for r in doc.relations if r.label == "PARTNER" and r.head in party_ids)
    evidence = [(s.start, s.end) for s in sentences if _any_between(partner_heads, s.start, s.end)]
    sector_ids = [r.tail for r in doc.relations if r.label == "COOPERATES_IN" and r.head in party_ids]
    sectors = []
    for ent_id in sector_ids:
        code = (by_id[ent_id].normalized or {}).get("code")
        if code and code not in sectors:
            sectors.append(code)
    signed = [by_id[r.tail] for r in doc.relations if r.label == "SIGNED" and r.head in party_ids]
    instruments = [code for code in (instrument_of(a.text) for a in signed) if code]
    instrument = min(instruments, key=INSTRUMENTS.index) if instruments else _event_instrument(doc, evidence)
    date = _record_date(doc, by_id, signed)
    return Partnership(
        parties=parties, sectors=sectors, date=date, instrument=instrument,
        people=_people(doc), evidence=evidence,
    )


def _event_instrument(doc: Document, evidence: list[tuple[int, int]]) -> str | None:
    text = " ".join(doc.text[s:e] for s, e in evidence) or doc.text[:2000]
    if _VISIT.search(text):
        return "visit"
    if _MEETING.search(text):
        return "meeting"
    return None


def _any_between(sorted_starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(sorted_starts, start)
    return i < len(sorted_starts) and sorted_starts[i] < end


def _record_date(doc: Document, by_id: dict[str, Entity], signed: list[Entity]) -> str | None:
    signed_ids = {a.id for a in signed}
    for rel in doc.relations:
        if rel.label == "DATE_OF" and rel.head in signed_ids:
            value = (by_id[rel.tail].normalized or {}).get("value")
            if value:
                return value
    for rel in doc.relations:
        if rel.label == "DATE_OF":
            value = (by_id[rel.tail].normalized or {}).get("value")
            if value:
                return value
    return None


def _people(doc: Document) -> list[Person]:
    people: dict[str, Person] = {}
    for ent in doc.entities:
        if ent.label != "PERSON" or not ent.normalized or not ent.normalized.get("title"):
            continue
        value = ent.normalized
        if ent.text not in people:
            people[ent.text] = Person(ent.text, value.get("title"), value.get("country"))
    return list(people.values())
