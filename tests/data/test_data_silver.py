"""Silver fill: only the labels a source lacks, never over gold or blocked spans."""

from __future__ import annotations

import random

from vnpartner.data import silver_fill
from vnpartner.schema import ENTITY_LABELS, Document

TEXT = "Ngày 2/3/2022, Giám đốc Sở Y tế tỉnh Lâm Đồng ký Bản ghi nhớ hợp tác y tế với tỉnh Gia Lai."


def at(surface: str, label: str, text: str = TEXT) -> tuple[int, int, str]:
    start = text.index(surface)
    return start, start + len(surface), label


def test_adds_only_missing_labels_outside_gold():
    doc = Document(text=TEXT, id="vlsp2016/train/1:1")
    doc.add_entity(*at("Sở Y tế tỉnh Lâm Đồng", "ORGANIZATION"))
    doc.add_entity(*at("tỉnh Gia Lai", "LOCATION"))
    rules = [at("2/3/2022", "DATE"), at("Giám đốc Sở Y tế", "TITLE"),  # overlaps gold ORG
             at("Bản ghi nhớ", "AGREEMENT"), at("y tế với", "SECTOR"),
             at("Gia Lai", "LOCATION"),  # label annotated by the source: not added
             at("Lâm Đồng", "PERSON")]  # annotated label, and inside gold
    stats = {}
    added = silver_fill(doc, rules, {"DATE", "TITLE", "SECTOR", "AGREEMENT"}, stats=stats)
    assert added == 3
    assert [(e.text, e.label) for e in doc.entities] == [
        ("2/3/2022", "DATE"), ("Sở Y tế tỉnh Lâm Đồng", "ORGANIZATION"), ("Bản ghi nhớ", "AGREEMENT"),
        ("y tế với", "SECTOR"), ("tỉnh Gia Lai", "LOCATION")]
    assert [e.id for e in doc.entities] == ["T1", "T2", "T3", "T4", "T5"]
    assert stats["clash_TITLE"] == 1 and stats["silver_DATE"] == 1


def test_blocked_spans_are_respected():
    doc = Document(text=TEXT, id="x")
    start, end, _ = at("Bản ghi nhớ hợp tác", "X")
    assert silver_fill(doc, [at("Bản ghi nhớ", "AGREEMENT"), at("2/3/2022", "DATE")], {"AGREEMENT", "DATE"},
                       blocked=[(start, end)]) == 1
    assert [e.label for e in doc.entities] == ["DATE"]


def test_random_spans_never_overlap_gold():
    rng = random.Random(7)
    text = "x" * 200
    for _ in range(200):
        doc = Document(text=text, id="r")
        gold_labels = set(rng.sample(ENTITY_LABELS, 3))
        for _ in range(4):
            s = rng.randrange(0, 190)
            e = s + rng.randrange(1, 10)
            if all(e <= g.start or s >= g.end for g in doc.entities):
                doc.add_entity(s, e, rng.choice(sorted(gold_labels)))
        gold = [(g.start, g.end, g.label) for g in doc.entities]
        rules = []
        for _ in range(15):
            s = rng.randrange(0, 195)
            rules.append((s, s + rng.randrange(1, 6), rng.choice(ENTITY_LABELS)))
        missing = set(ENTITY_LABELS) - gold_labels
        silver_fill(doc, rules, missing)
        spans = [(e.start, e.end, e.label) for e in doc.entities]
        assert set(gold) <= set(spans)
        silver = [s for s in spans if s not in gold]
        assert all(label in missing for _, _, label in silver)
        ordered = sorted(spans)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))  # no overlaps at all
