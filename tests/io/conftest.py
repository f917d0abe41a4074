"""Shared fixtures of the vnpartner.io tests: made-up sentences, tiny files in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnpartner.schema import Document, Partnership, Party, Relation

SENTENCE = "Tỉnh Quảng Nam ký bản ghi nhớ hợp tác y tế với tỉnh Sơn La ngày 3/5/2021."


def _span_of(text: str, surface: str) -> tuple[int, int]:
    """Offsets of the first occurrence of ``surface`` in ``text``."""
    start = text.index(surface)
    return start, start + len(surface)


@pytest.fixture
def sample_doc() -> Document:
    """A document with entities, a normalised value, relations and a partnership."""
    doc = Document(text=SENTENCE, id="mau-1", published="2021-05-04")
    for surface, label in [("Tỉnh Quảng Nam", "LOCATION"), ("bản ghi nhớ", "AGREEMENT"),
                           ("y tế", "SECTOR"), ("tỉnh Sơn La", "LOCATION"), ("3/5/2021", "DATE")]:
        doc.add_entity(*_span_of(SENTENCE, surface), label)
    doc.entities[2].normalized = {"code": "health"}
    doc.relations = [Relation("T1", "T4", "PARTNER"), Relation("T1", "T2", "SIGNED")]
    parties = [Party("Quảng Nam", "VN", "province"), Party("Sơn La", "VN", "province")]
    doc.partnerships = [Partnership(parties=parties, sectors=["health"], date="2021-05-03", instrument="mou",
                                    evidence=[(0, len(SENTENCE))])]
    return doc


@pytest.fixture
def write_file(tmp_path: Path):
    """``write_file(name, content)``: a UTF-8 file in tmp_path; lists of dicts become JSONL."""
    def write(name: str, content: str | list) -> Path:
        path = tmp_path / name
        if isinstance(content, list):
            content = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in content)
        path.write_text(content, encoding="utf-8")
        return path

    return write


def _surfaces(doc: Document) -> list[tuple[str, str]]:
    out = []
    for ent in doc.entities:
        assert ent.text == doc.text[ent.start:ent.end]
        out.append((doc.text[ent.start:ent.end], ent.label))
    return out


@pytest.fixture
def surfaces():
    """``surfaces(doc)``: ``(text[start:end], label)`` of every entity, checking ``ent.text`` agrees."""
    return _surfaces
