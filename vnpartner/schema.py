"""Result objects of schema v1 (see docs/annotation-guidelines.md and ANNOTATION.md).

Plain dataclasses. Offsets are code-point indices into the NFC text of the document,
``start`` inclusive, ``end`` exclusive. Every class has ``to_dict()``/``from_dict()`` and
``Document`` round-trips through JSON unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

ENTITY_LABELS = ("PERSON", "TITLE", "ORGANIZATION", "LOCATION", "DATE", "SECTOR", "AGREEMENT")
RELATION_LABELS = (
    "PARTNER", "LOCATED_IN", "HAS_TITLE", "AFFILIATED_WITH", "COOPERATES_IN", "SIGNED", "DATE_OF",
)
SECTOR_CODES = (
    "economy", "trade", "investment", "agriculture", "industry", "health", "education",
    "science_technology", "culture", "tourism", "sports", "defense_security",
    "politics_diplomacy", "labor", "environment", "energy", "transport", "urban_development",
    "finance", "people_exchange", "public_administration", "justice", "media",
)
# Strongest first: a record keeps the first of these the document reports.
INSTRUMENTS = ("agreement", "mou", "letter_of_intent", "twinning", "visit", "meeting")
PARTY_KINDS = ("country", "province", "city", "organization", "other")
_PARTIES = frozenset({"LOCATION", "ORGANIZATION"})
# label -> (allowed head labels, allowed tail labels), as in ANNOTATION.md's relation table.
RELATION_ARGUMENTS = {
    "PARTNER": (_PARTIES, _PARTIES),
    "LOCATED_IN": (_PARTIES, frozenset({"LOCATION"})),
    "HAS_TITLE": (frozenset({"PERSON"}), frozenset({"TITLE"})),
    "AFFILIATED_WITH": (frozenset({"PERSON"}), _PARTIES),
    "COOPERATES_IN": (_PARTIES, frozenset({"SECTOR"})),
    "SIGNED": (_PARTIES | {"PERSON"}, frozenset({"AGREEMENT"})),
    "DATE_OF": (frozenset({"AGREEMENT", "PERSON"}), frozenset({"DATE"})),
}
# Relations that say the same thing in both directions; stored once, head first in text.
SYMMETRIC_RELATIONS = frozenset({"PARTNER"})


@dataclass
class Entity:
    """A labelled span of the document text."""

    start: int
    end: int
    label: str
    text: str = ""
    id: str = ""
    normalized: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """This Entity as the plain dict of ANNOTATION.md (JSON-ready)."""
        out: dict[str, Any] = {
            "id": self.id, "start": self.start, "end": self.end, "label": self.label, "text": self.text,
        }
        if self.normalized is not None:
            out["normalized"] = self.normalized
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        """An Entity from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(
            start=int(data["start"]), end=int(data["end"]), label=str(data["label"]),
            text=str(data.get("text", "")), id=str(data.get("id", "")),
            normalized=data.get("normalized"),
        )

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: character offsets into ``Document.text``."""
        return (self.start, self.end)


@dataclass
class Relation:
    """A directed relation between two entities of one document, by entity id."""

    head: str
    tail: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        """This Relation as the plain dict of ANNOTATION.md (JSON-ready)."""
        return {"head": self.head, "tail": self.tail, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        """A Relation from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(head=str(data["head"]), tail=str(data["tail"]), label=str(data["label"]))


@dataclass
class Party:
    """One side of a partnership: a country, province, city or organisation."""

    name: str
    country: str | None = None
    kind: str = "other"

    def to_dict(self) -> dict[str, Any]:
        """This Party as the plain dict of ANNOTATION.md (JSON-ready)."""
        return {"name": self.name, "country": self.country, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Party:
        """A Party from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(name=str(data["name"]), country=data.get("country"), kind=data.get("kind", "other"))


@dataclass
class Person:
    """A person named in a partnership record."""

    name: str
    title: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """This Person as the plain dict of ANNOTATION.md (JSON-ready)."""
        return {"name": self.name, "title": self.title, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Person:
        """A Person from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(name=str(data["name"]), title=data.get("title"), country=data.get("country"))


@dataclass
class Partnership:
    """One cooperating group of parties reported by a document."""

    parties: list[Party] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    date: str | None = None
    instrument: str | None = None
    people: list[Person] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """This Partnership as the plain dict of ANNOTATION.md (JSON-ready)."""
        return {
            "parties": [p.to_dict() for p in self.parties],
            "sectors": list(self.sectors),
            "date": self.date,
            "instrument": self.instrument,
            "people": [p.to_dict() for p in self.people],
            "evidence": [[s, e] for s, e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Partnership:
        """A Partnership from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(
            parties=[Party.from_dict(p) for p in data.get("parties", [])],
            sectors=list(data.get("sectors", [])),
            date=data.get("date"),
            instrument=data.get("instrument"),
            people=[Person.from_dict(p) for p in data.get("people", [])],
            evidence=[(int(s), int(e)) for s, e in data.get("evidence", [])],
        )


@dataclass
class Document:
    """A text with its entities, relations and partnership records."""

    text: str
    id: str = ""
    published: str | None = None
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """This Document as the plain dict of ANNOTATION.md (JSON-ready)."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published,
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
            "partnerships": [p.to_dict() for p in self.partnerships],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """A Document from the dict ``to_dict()`` gives (or ANNOTATION.md's file format)."""
        return cls(
            text=str(data["text"]),
            id=str(data.get("id", "")),
            published=data.get("published"),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            relations=[Relation.from_dict(r) for r in data.get("relations", [])],
            partnerships=[Partnership.from_dict(p) for p in data.get("partnerships", [])],
        )

    def to_json(self, **kwargs: Any) -> str:
        """One JSON line (non-ASCII kept); ``kwargs`` go to :func:`json.dumps`."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, line: str) -> Document:
        """A Document from one JSON line, as ``to_json()`` writes it."""
        return cls.from_dict(json.loads(line))

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def by_label(self, label: str) -> list[Entity]:
        """The entities with this label, in the order of ``entities``."""
        return [e for e in self.entities if e.label == label]

    def add_entity(self, start: int, end: int, label: str, normalized: dict | None = None) -> Entity:
        """Append an entity over ``text[start:end]`` with the next free id ``T<n>``."""
        ent = Entity(start, end, label, self.text[start:end], f"T{len(self.entities) + 1}", normalized)
        self.entities.append(ent)
        return ent

    def sort_entities(self) -> None:
        """Order entities by position and renumber their ids, keeping relations pointing right."""
        self.entities.sort(key=lambda e: (e.start, -e.end, e.label))
        renamed = {}
        for i, ent in enumerate(self.entities, 1):
            renamed[ent.id] = f"T{i}"
            ent.id = f"T{i}"
        for rel in self.relations:
            rel.head, rel.tail = renamed.get(rel.head, rel.head), renamed.get(rel.tail, rel.tail)
