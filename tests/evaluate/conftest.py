"""Shared builders for the evaluation tests: tiny hand-made Vietnamese documents."""

from __future__ import annotations

import pytest

from vnpartner.schema import Document, Partnership, Party, Relation

TEXT = (
    "Ngày 24/8, UBND tỉnh Bình Dương và tỉnh Artemisa (Cuba) ký Bản ghi nhớ "
    "hợp tác về y tế và giáo dục. Ông Nguyễn Văn Lợi, Bí thư Tỉnh ủy, dự lễ."
)


def build_doc(text: str = TEXT, spans=(), relations=(), partnerships=(), doc_id: str = "d1") -> Document:
    """A Document with entities found by substring.

    ``spans`` holds ``(substring, label)`` or ``(substring, label, occurrence)``;
    ``relations`` holds ``(head index, tail index, label)`` into ``spans``.
    """
    doc = Document(text=text, id=doc_id)
    for spec in spans:
        surface, label = spec[0], spec[1]
        start = -1
        for _ in range(spec[2] if len(spec) > 2 else 1):
            start = text.index(surface, start + 1)
        doc.add_entity(start, start + len(surface), label)
    doc.relations = [Relation(doc.entities[h].id, doc.entities[t].id, lab) for h, t, lab in relations]
    doc.partnerships = list(partnerships)
    return doc


def record(*parties, sectors=(), date=None, instrument=None) -> Partnership:
    """A partnership record from ``(name, country)`` pairs."""
    return Partnership(
        parties=[Party(name=n, country=c, kind="province") for n, c in parties],
        sectors=list(sectors), date=date, instrument=instrument,
    )


@pytest.fixture
def make_doc():
    return build_doc


@pytest.fixture
def make_record():
    return record


@pytest.fixture
def gold_doc():
    """A fully annotated document: entities, relations and one record."""
    return build_doc(
        spans=[("24/8", "DATE"), ("UBND tỉnh Bình Dương", "ORGANIZATION"),
               ("tỉnh Artemisa", "LOCATION"), ("Cuba", "LOCATION"), ("Bản ghi nhớ", "AGREEMENT"),
               ("y tế", "SECTOR"), ("giáo dục", "SECTOR"), ("Nguyễn Văn Lợi", "PERSON"),
               ("Bí thư Tỉnh ủy", "TITLE")],
        relations=[(1, 2, "PARTNER"), (2, 3, "LOCATED_IN"), (1, 4, "SIGNED"), (4, 0, "DATE_OF"),
                   (7, 8, "HAS_TITLE"), (1, 5, "COOPERATES_IN")],
        partnerships=[record(("Bình Dương", "VN"), ("Artemisa", "CU"), sectors=["health", "education"],
                             date="2023-08-24", instrument="mou")],
    )
