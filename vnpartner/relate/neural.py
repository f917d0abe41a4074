"""The relation model: a span-pair head over the tagger's encoder.

The tagger's encoder pass already gives every word a vector (``WordVectors``); the head
reads them, so relations cost no second pass. For each candidate pair of entities (same
sentence; a DATE_OF date may sit in the sentence before) whose types some relation label
allows (``RELATION_ARGUMENTS``), it scores NONE or one of the allowed labels from the
head and tail vectors (mean over their words), their product, the mean of the words
between them, the two entity types and the bucketed distance.

A model folder with a relation head holds ``relations.safetensors`` and
``relations.json``; ``load_relater(folder)`` reads them. Labels the head does not own
(``owned`` in relations.json) come from the pattern layer.

Error code: E420 unreadable relation head.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import VnPartnerError
from ..schema import (ENTITY_LABELS, RELATION_ARGUMENTS, RELATION_LABELS, SYMMETRIC_RELATIONS, Document, Entity,
                      Relation)
from ..text import Sentence, sentence_finder
from .rules import RuleRelater

__all__ = ["HEAD_CONFIG", "HEAD_WEIGHTS", "NeuralRelater", "Pair", "candidate_pairs", "load_relater",
           "pair_inputs", "save_head"]

HEAD_WEIGHTS = "relations.safetensors"
HEAD_CONFIG = "relations.json"
NONE = 0  # class 0 is "no relation"; class k > 0 is RELATION_LABELS[k - 1]
DISTANCE_BUCKETS = 8  # per direction, log2 of the word distance


@dataclass
class Pair:
    """A candidate (head, tail) and the relation labels its entity types allow."""

    head: Entity
    tail: Entity
    allowed: tuple[str, ...]


def candidate_pairs(doc: Document, sentences: list[Sentence]) -> list[Pair]:
    """Ordered entity pairs of one sentence (DATE_OF also to a date in the sentence before)."""
    sentence_at = sentence_finder(sentences)
    sentence_of = [sentence_at(ent.start) for ent in doc.entities]
    in_sentence: dict[int, list[int]] = {}
    for index, number in enumerate(sentence_of):
        in_sentence.setdefault(number, []).append(index)
    pairs = []
    for h, head in enumerate(doc.entities):
        here = sentence_of[h]
        for t in sorted(in_sentence.get(here - 1, []) + in_sentence[here]):
            tail = doc.entities[t]
            if head is tail:
                continue
            allowed = tuple(label for label in RELATION_LABELS if _allows(label, head, tail, here - sentence_of[t]))
            if allowed:
                pairs.append(Pair(head, tail, allowed))
    return pairs


def _allows(label: str, head: Entity, tail: Entity, gap: int) -> bool:
    heads, tails = RELATION_ARGUMENTS[label]
    if head.label not in heads or tail.label not in tails:
        return False
    if label in SYMMETRIC_RELATIONS and head.start > tail.start:
        return False
    return gap == 0 or (label == "DATE_OF" and gap == 1)


def _bucket(distance: int) -> int:
    magnitude = min(DISTANCE_BUCKETS - 1, int(math.log2(abs(distance) + 1)))
    return DISTANCE_BUCKETS + (magnitude if distance >= 0 else -magnitude - 1)


def pair_inputs(pairs: list[Pair], vectors) -> dict:
    """The head's input tensors for ``pairs`` of one document (see ``RelationHead.forward``)."""
    import torch

    matrix = vectors.matrix
    hidden = matrix.shape[-1]
    cache: dict[str, tuple[torch.Tensor, int, int]] = {}

    def span(ent: Entity):
        if ent.id not in cache:
            rows = vectors.rows(ent.start, ent.end)
            vec = matrix[rows].mean(0) if rows else torch.zeros(hidden)
            cache[ent.id] = (vec, rows[0] if rows else 0, rows[-1] if rows else 0)
        return cache[ent.id]

    heads, tails, between, types, distance, mask = [], [], [], [], [], []
    for pair in pairs:
        (h, h_first, h_last), (t, t_first, t_last) = span(pair.head), span(pair.tail)
        lo, hi = (h_last + 1, t_first) if h_first <= t_first else (t_last + 1, h_first)
        heads.append(h)
        tails.append(t)
        between.append(matrix[lo:hi].mean(0) if hi > lo else torch.zeros(hidden))
        types.append([ENTITY_LABELS.index(pair.head.label), ENTITY_LABELS.index(pair.tail.label)])
        distance.append(_bucket(t_first - h_first))
        mask.append([True] + [label in pair.allowed for label in RELATION_LABELS])
    return {"head": torch.stack(heads), "tail": torch.stack(tails), "between": torch.stack(between),
            "types": torch.tensor(types), "distance": torch.tensor(distance), "mask": torch.tensor(mask)}


def build_head(hidden: int, width: int = 256, dropout: float = 0.1):
    """A fresh relation head for encoder vectors of size ``hidden``."""
    import torch
    from torch import nn

    class RelationHead(nn.Module):
        def __init__(self):
            super().__init__()
            self.types = nn.Embedding(len(ENTITY_LABELS), 32)
            self.distance = nn.Embedding(2 * DISTANCE_BUCKETS, 32)
            self.score = nn.Sequential(
                nn.Linear(4 * hidden + 3 * 32, width), nn.GELU(), nn.Dropout(dropout),
                nn.Linear(width, len(RELATION_LABELS) + 1),
            )

        def forward(self, head, tail, between, types, distance, mask):
            features = torch.cat([head, tail, head * tail, between, self.types(types).flatten(1),
                                  self.distance(distance)], dim=-1)
            return self.score(features).masked_fill(~mask, float("-inf"))

    return RelationHead()


def save_head(head, folder: str | os.PathLike, config: dict) -> None:
    """Write ``relations.safetensors`` and ``relations.json`` into a model folder."""
    from safetensors.torch import save_file

    folder = Path(folder)
    save_file({k: v.contiguous() for k, v in head.state_dict().items()}, str(folder / HEAD_WEIGHTS))
    (folder / HEAD_CONFIG).write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load_relater(folder: str | os.PathLike) -> NeuralRelater | None:
    """The relation model of a model folder, or None when it has no relation head."""
    folder = Path(folder)
    if not (folder / HEAD_WEIGHTS).is_file():
        return None
    try:
        from safetensors.torch import load_file

        config = json.loads((folder / HEAD_CONFIG).read_text(encoding="utf-8"))
        head = build_head(int(config["hidden"]), int(config.get("width", 256)))
        head.load_state_dict(load_file(str(folder / HEAD_WEIGHTS)))
    except (OSError, ValueError, KeyError, RuntimeError) as err:
        raise VnPartnerError("E420", f"cannot read the relation head in {folder}: {err}") from None
    head.eval()
    return NeuralRelater(head, owned=config.get("owned", RELATION_LABELS))


class NeuralRelater:
    """``relate(doc, sentences, vectors)``: the head's relations for the labels it owns, the
    pattern layer's for the rest (and for all labels when no vectors are given)."""

    name = "neural"
    needs_vectors = True

    def __init__(self, head, owned=RELATION_LABELS, fallback: RuleRelater | None = None):
        self.head = head
        self.owned = frozenset(owned)
        self.fallback = fallback or RuleRelater()

    def __repr__(self) -> str:
        return f"NeuralRelater(owned={sorted(self.owned)})"

    def relate(self, doc: Document, sentences: list[Sentence], vectors=None) -> list[Relation]:
        if vectors is None:
            return self.fallback.relate(doc, sentences)
        found = [r for r in self.predict(doc, sentences, vectors) if r.label in self.owned]
        if self.owned >= set(RELATION_LABELS):
            return found
        return found + [r for r in self.fallback.relate(doc, sentences) if r.label not in self.owned]

    def predict(self, doc: Document, sentences: list[Sentence], vectors) -> list[Relation]:
        import torch

        pairs = candidate_pairs(doc, sentences)
        if not pairs:
            return []
        with torch.inference_mode():
            best = self.head(**pair_inputs(pairs, vectors)).argmax(-1).tolist()
        return [Relation(p.head.id, p.tail.id, RELATION_LABELS[k - 1]) for p, k in zip(pairs, best) if k != NONE]
