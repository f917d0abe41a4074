"""Relations of several documents scored together equal those of each scored alone."""

import pytest
import torch

import vnpartner.relate.neural as neural
from vnpartner.relate.neural import NeuralRelater, build_head, candidate_pairs
from vnpartner.relate.rules import RuleRelater
from vnpartner.schema import Document
from vnpartner.tag.neural import WordVectors
from vnpartner.text import iter_sentences

HIDDEN = 8
TEXTS = [
    ("Tỉnh Bình Dương ký kết biên bản ghi nhớ với tỉnh Artemisa ngày 24/8/2023.",
     [("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"), ("biên bản ghi nhớ", "AGREEMENT"), ("24/8/2023", "DATE")]),
    ("Bộ trưởng Nguyễn Văn An tiếp Đại sứ Nhật Bản tại Hà Nội. Hai bên hợp tác về y tế.",
     [("Bộ trưởng", "TITLE"), ("Nguyễn Văn An", "PERSON"), ("Đại sứ", "TITLE"), ("Nhật Bản", "LOCATION"),
      ("Hà Nội", "LOCATION"), ("y tế", "SECTOR")]),
    ("Không có quan hệ nào ở đây.", []),
]


def _items(seed: int = 0):
    torch.manual_seed(seed)
    items = []
    for text, entities in TEXTS:
        doc = Document(text=text, id=str(len(items)))
        for surface, label in entities:
            start = text.index(surface)
            doc.add_entity(start, start + len(surface), label)
        sentences = list(iter_sentences(text))
        spans = [(w.start, w.end) for s in sentences for w in s.words]
        items.append((doc, sentences, WordVectors(spans, torch.randn(len(spans), HIDDEN))))
    return items


@pytest.fixture
def relater():
    torch.manual_seed(1)
    return NeuralRelater(build_head(HIDDEN, 16).eval())


def _keys(relations):
    return [(r.head, r.tail, r.label) for r in relations]


@pytest.mark.parametrize("chunk", [2048, 3])  # 3: head calls that span documents and split one
def test_documents_scored_together_get_the_relations_they_get_alone(relater, monkeypatch, chunk):
    monkeypatch.setattr(neural, "PAIR_CHUNK", chunk)
    items = _items()
    alone = [_keys(relater.relate(*item)) for item in items]
    together = [_keys(found) for found in relater.relate_many(items)]
    assert together == alone
    assert any(alone) and not alone[2]
    jobs = [(doc, candidate_pairs(doc, sentences), vectors) for doc, sentences, vectors in items]
    for (probs, mask), job in zip(relater._probabilities(jobs), jobs):
        if job[1]:
            single, single_mask = relater._probabilities([job])[0]
            assert torch.allclose(probs, single, atol=1e-6) and torch.equal(mask, single_mask)
            assert len(probs) == len(job[1])


def test_a_document_without_vectors_gets_the_pattern_layer_relations(relater):
    doc, sentences, vectors = _items()[0]
    found = relater.relate_many([(doc, sentences, None), (doc, sentences, vectors)])
    assert _keys(found[0]) == _keys(RuleRelater().relate(doc, sentences))
    assert relater.relate_many([]) == []
