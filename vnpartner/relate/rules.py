"""Relations from the layout of a sentence: who holds which title, who signed, who partners."""

from __future__ import annotations

import re

from ..schema import Document, Entity, Relation
from ..text import Sentence

PARTY_LABELS = ("LOCATION", "ORGANIZATION")
_GAP_TITLE = re.compile(r"^(?:,? ?| [-–] )$")
_GAP_PARTNER = re.compile(r"^\s*(?:và|với|[-–]|,)\s*$")
_BETWEEN = re.compile(r"giữa\s*$")
_LINKED = re.compile(r"^[^;:.]{0,80}\b(?:với|cùng)\s*$")
_SIGN = re.compile(r"\b(?:ký|kí)(?: kết)?\b", re.I)
_COOPERATE = re.compile(r"hợp tác|kết nghĩa|ký kết|kí kết|quan hệ hữu nghị", re.I)
_IN_OF = re.compile(r"^\s*(?:\(|của |thuộc |, )\s*$")
_VISIT = re.compile(r"\b(?:thăm|làm việc|hội đàm|tiếp|hội kiến|gặp)\b", re.I)


class RuleRelater:
    """Relations between the entities of a document, from patterns within each sentence."""

    name = "rules"

    def relate_many(self, items: list[tuple[Document, list[Sentence], object]]) -> list[list[Relation]]:
        """``relate`` for several ``(doc, sentences, vectors)``."""
        return [self.relate(doc, sentences, vectors) for doc, sentences, vectors in items]

    def relate(self, doc: Document, sentences: list[Sentence], vectors=None) -> list[Relation]:
        """Relations of ``doc`` (``vectors``, the encoder's word vectors, are not used here)."""
        relations: list[Relation] = []
        for sentence, ents in entities_by_sentence(doc.entities, sentences):
            chunk = doc.text[sentence.start:sentence.end]
            relations += _titles(doc, ents)
            relations += _located_in(doc, ents)
            relations += _partners(doc, ents, chunk)
            relations += _signed(doc, ents)
            relations += _cooperates_in(doc, ents, chunk)
            relations += _dates(doc, ents, chunk)
        return _unique(relations)


def entities_by_sentence(entities: list[Entity], sentences: list[Sentence]):
    """Pairs ``(sentence, its entities in text order)`` for sentences holding any, in one pass."""
    ordered = sorted(entities, key=lambda e: e.start)
    i = 0
    for sentence in sentences:
        while i < len(ordered) and ordered[i].start < sentence.start:
            i += 1
        inside = []
        while i < len(ordered) and ordered[i].end <= sentence.end:
            inside.append(ordered[i])
            i += 1
        if inside:
            yield sentence, inside


def _gap(doc: Document, left: Entity, right: Entity) -> str:
    return doc.text[left.end:right.start]


def _titles(doc: Document, ents: list[Entity]) -> list[Relation]:
    """`Thống đốc tỉnh Artemisa Ricardo ...` and `ông Ricardo ..., Thống đốc tỉnh Artemisa`."""
    out = []
    for i, person in enumerate(ents):
        if person.label != "PERSON":
            continue
        before = ents[i - 1] if i >= 1 else None
        if before and before.label in PARTY_LABELS and _GAP_TITLE.match(_gap(doc, before, person)):
            out.append(Relation(person.id, before.id, "AFFILIATED_WITH"))
            title = ents[i - 2] if i >= 2 else None
            if title and title.label == "TITLE" and _GAP_TITLE.match(_gap(doc, title, before)):
                out.append(Relation(person.id, title.id, "HAS_TITLE"))
                continue
        elif before and before.label == "TITLE" and _GAP_TITLE.match(_gap(doc, before, person)):
            out.append(Relation(person.id, before.id, "HAS_TITLE"))
            continue
        after = ents[i + 1] if i + 1 < len(ents) else None
        if after and after.label == "TITLE" and _GAP_TITLE.match(_gap(doc, person, after)):
            out.append(Relation(person.id, after.id, "HAS_TITLE"))
            body = ents[i + 2] if i + 2 < len(ents) else None
            if body and body.label in PARTY_LABELS and _GAP_TITLE.match(_gap(doc, after, body)):
                out.append(Relation(person.id, body.id, "AFFILIATED_WITH"))
    return out


def _located_in(doc: Document, ents: list[Entity]) -> list[Relation]:
    """`tỉnh Artemisa của Cuba`, `tỉnh Champasak (Lào)`, `Thủ Dầu Một (tỉnh Bình Dương)`."""
    out = []
    for left, right in zip(ents, ents[1:]):
        if left.label in PARTY_LABELS and right.label == "LOCATION" and _IN_OF.match(_gap(doc, left, right)):
            out.append(Relation(left.id, right.id, "LOCATED_IN"))
    return out


def _partners(doc: Document, ents: list[Entity], chunk: str) -> list[Relation]:
    """Two parties joined by `và`/`với`/`cùng`/a hyphen in a sentence about cooperation.

    A country right after a place (`tỉnh Artemisa (Cuba)`) locates it and is skipped.
    """
    if not _COOPERATE.search(chunk):
        return []
    parties = [e for e in ents if e.label in PARTY_LABELS]
    parties = [p for i, p in enumerate(parties) if not (i and _located(doc, parties[i - 1], p))]
    out = []
    for left, right in zip(parties, parties[1:]):
        if _same_place(left, right) or _is_country(left) != _is_country(right):
            continue  # a country and a province are not partners at one level
        gap = _gap(doc, left, right)
        if _GAP_PARTNER.match(gap) or _BETWEEN.search(doc.text[:left.start]) or _LINKED.search(gap):
            out.append(Relation(left.id, right.id, "PARTNER"))
    return out


def _is_country(ent: Entity) -> bool:
    return (ent.normalized or {}).get("admin") == "country"


def _same_place(a: Entity, b: Entity) -> bool:
    name_a = (a.normalized or {}).get("name") or a.text
    name_b = (b.normalized or {}).get("name") or b.text
    return name_a == name_b or name_a in b.text or name_b in a.text


def _located(doc: Document, a: Entity, b: Entity) -> bool:
    return bool(_IN_OF.match(_gap(doc, a, b)))


def _signed(doc: Document, ents: list[Entity]) -> list[Relation]:
    out = []
    for agreement in (e for e in ents if e.label == "AGREEMENT"):
        verb = None
        for m in _SIGN.finditer(doc.text, max(0, agreement.start - 60), agreement.start):
            verb = m
        if verb is None or agreement.start - verb.end() > 60:
            continue
        signers = [e for e in ents if e.label in PARTY_LABELS and e.end <= verb.start() and verb.start() - e.end < 120]
        out += [Relation(s.id, agreement.id, "SIGNED") for s in signers if not _is_country_of(s, signers)]
    return out


def _is_country_of(ent: Entity, others: list[Entity]) -> bool:
    """`tỉnh Artemisa của Cuba` signs as Artemisa, not as Cuba."""
    return (ent.normalized or {}).get("admin") == "country" and len(others) > 2


def _cooperates_in(doc: Document, ents: list[Entity], chunk: str) -> list[Relation]:
    sectors = [e for e in ents if e.label == "SECTOR"]
    parties = [e for e in ents if e.label in PARTY_LABELS and (e.normalized or {}).get("admin") != "country"]
    if not sectors or not parties:
        return []
    return [Relation(p.id, s.id, "COOPERATES_IN") for p in parties for s in sectors if p.start < s.start]


def _dates(doc: Document, ents: list[Entity], chunk: str) -> list[Relation]:
    dates = [e for e in ents if e.label == "DATE" and (e.normalized or {}).get("granularity") == "day"]
    if not dates:
        return []
    out = []
    for agreement in (e for e in ents if e.label == "AGREEMENT"):
        nearest = min(dates, key=lambda d: abs(d.start - agreement.start))
        out.append(Relation(agreement.id, nearest.id, "DATE_OF"))
    if _VISIT.search(chunk):
        people = [e for e in ents if e.label == "PERSON"]
        if people:
            out.append(Relation(people[0].id, dates[0].id, "DATE_OF"))
    return out


def _unique(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for rel in relations:
        key = (rel.head, rel.tail, rel.label)
        if key not in seen and rel.head != rel.tail:
            seen.add(key)
            out.append(rel)
    return out
