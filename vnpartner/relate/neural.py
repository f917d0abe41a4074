"""The relation model: a span-pair head over the tagger's encoder.

The tagger's encoder pass already gives every word a vector (``WordVectors``); the head
reads them, so relations cost no second pass. For each candidate pair of entities (same
sentence; a DATE_OF date may sit in the sentence before) whose types some relation label
allows (``RELATION_ARGUMENTS``), it scores NONE or one of the allowed labels from the
head and tail vectors (mean over their words), their product, the mean and the maximum of
the words between them, the words just before and after each, the two entity types, the
bucketed distance and the number of places and organisations between them. Where the
head comes with a party filter (``partners.py``), PARTNER is then decided per pair of
parties rather than per pair of mentions.

A model folder with a relation head holds ``relations.safetensors`` and
``relations.json``; ``load_relater(folder)`` reads them. The head may be several heads
trained with different seeds (``heads`` in relations.json) whose probabilities are averaged.
Labels the head does not own (``owned`` in relations.json) come from the pattern layer.

Error code: E420 unreadable relation head.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import VnPartnerError
from ..schema import (ENTITY_LABELS, RELATION_ARGUMENTS, RELATION_LABELS, SYMMETRIC_RELATIONS, Document, Entity,
                      Relation)
from ..text import Sentence, sentence_finder
from .partners import (PartyPairFilter, cosigner_partners, listed_counterparts, listed_trio_partners, party_pair_groups,
                       shared_fields)
from .rules import RuleRelater

__all__ = ["HEAD_CONFIG", "HEAD_SCHEMA", "HEAD_WEIGHTS", "NeuralRelater", "Pair", "build_ensemble", "build_head",
           "candidate_pairs", "decide", "load_relater", "pair_inputs", "pair_keys", "partner_probabilities",
           "save_head"]

HEAD_WEIGHTS = "relations.safetensors"
HEAD_CONFIG = "relations.json"
NONE = 0  # class 0 is "no relation"; class k > 0 is RELATION_LABELS[k - 1]
DISTANCE_BUCKETS = 8  # per direction, log2 of the word distance
PARTNER = RELATION_LABELS.index("PARTNER") + 1
LOCATED_IN = RELATION_LABELS.index("LOCATED_IN") + 1
HAS_TITLE = RELATION_LABELS.index("HAS_TITLE") + 1
HEAD_SCHEMA = 2  # 2: context, peak and crowd features, optional party filter
CROWD_BUCKETS = 8  # places and organisations between head and tail: 0..7+
PAIR_CHUNK = 2048  # pairs scored at once: bounds the memory a long document's pair features take
# `của` and the honorific between a title and whose it is, after a few lowercase words that
# qualify the title (`cố vấn an ninh` + `cấp cao của ông` + `Trump`).
_OF_WHOM = re.compile(r"(?:\s+[a-zà-ỹđ]+){0,3}?\s+của\s+(?:(?:ông|bà|ngài)\s+)?")
_OF_BEFORE = re.compile(r"\s+của\s+$")
_PLACE_GAPS = re.compile(r" (?:nước )?\| ")  # around the place between a title and a name
PARTY_LABELS = ("LOCATION", "ORGANIZATION")


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
            allowed = _allowed(head.label, tail.label, head.start > tail.start, here - sentence_of[t])
            if allowed:
                pairs.append(Pair(head, tail, allowed))
    return pairs


@lru_cache(maxsize=None)  # a few hundred combinations of two labels, an order and a gap
def _allowed(head_label: str, tail_label: str, backwards: bool, gap: int) -> tuple[str, ...]:
    """The relation labels a head and a tail of these types allow, the tail ``gap`` sentences
    before the head (0 or 1) and, with ``backwards``, earlier in the text than the head."""
    return tuple(label for label in RELATION_LABELS if _allows(label, head_label, tail_label, backwards, gap))


def _allows(label: str, head_label: str, tail_label: str, backwards: bool, gap: int) -> bool:
    heads, tails = RELATION_ARGUMENTS[label]
    if head_label not in heads or tail_label not in tails:
        return False
    if label in SYMMETRIC_RELATIONS and backwards:
        return False
    return gap == 0 or (label == "DATE_OF" and gap == 1)


def _bucket(distance: int) -> int:
    magnitude = min(DISTANCE_BUCKETS - 1, int(math.log2(abs(distance) + 1)))
    return DISTANCE_BUCKETS + (magnitude if distance >= 0 else -magnitude - 1)


def pair_inputs(doc: Document, pairs: list[Pair], vectors) -> dict:
    """The head's input tensors for ``pairs`` of one document (see ``RelationHead.forward``).

    Entity vectors, the words around each entity and the gaps between entities are computed
    once each and gathered per pair by index.
    """
    import torch

    matrix = vectors.matrix
    rows, hidden = matrix.shape
    zero = torch.zeros(hidden)
    entity_at: dict[str, int] = {}
    means, bounds = [], []

    def entity(ent: Entity) -> int:
        if ent.id not in entity_at:
            found = vectors.rows(ent.start, ent.end)
            entity_at[ent.id] = len(means)
            means.append(matrix[found[0]:found[-1] + 1].mean(0) if found else zero)  # found: consecutive rows
            bounds.append((found[0], found[-1]) if found else (0, 0))
        return entity_at[ent.id]

    def row(index: int) -> int:  # -1 stands for a row outside the document: the zero vector
        return index if 0 <= index < rows else -1

    gap_at: dict[tuple[int, int], int] = {}
    gap_means, gap_peaks = [], []

    def gap(lo: int, hi: int) -> int:  # the mean and the peak of the vectors between two spans
        if (lo, hi) not in gap_at:
            gap_at[lo, hi] = len(gap_means)
            between = matrix[lo:hi]
            gap_means.append(between.mean(0) if hi > lo else zero)
            gap_peaks.append(between.amax(0) if hi > lo else zero)
        return gap_at[lo, hi]

    parties = sorted(e.start for e in doc.entities if e.label in PARTY_LABELS)
    heads, tails, gaps, context, types, distance, crowd, mask = [], [], [], [], [], [], [], []
    for pair in pairs:
        h, t = entity(pair.head), entity(pair.tail)
        (h_first, h_last), (t_first, t_last) = bounds[h], bounds[t]
        lo, hi = (h_last + 1, t_first) if h_first <= t_first else (t_last + 1, h_first)
        left, right = sorted((pair.head, pair.tail), key=lambda e: e.start)
        heads.append(h)
        tails.append(t)
        gaps.append(gap(lo, hi))
        context.append([row(h_first - 1), row(h_last + 1), row(t_first - 1), row(t_last + 1)])
        types.append([ENTITY_LABELS.index(pair.head.label), ENTITY_LABELS.index(pair.tail.label)])
        distance.append(_bucket(t_first - h_first))
        inside = bisect_left(parties, right.start) - bisect_left(parties, left.end)
        crowd.append(min(CROWD_BUCKETS - 1, max(0, inside)))
        mask.append([True] + [label in pair.allowed for label in RELATION_LABELS])
    entities, gap_index = torch.stack(means), torch.tensor(gaps)
    around = _rows_or_zero(matrix, torch.tensor(context)).flatten(1)
    return {"head": entities[heads], "tail": entities[tails], "between": torch.stack(gap_means)[gap_index],
            "peak": torch.stack(gap_peaks)[gap_index], "context": around,
            "types": torch.tensor(types), "distance": torch.tensor(distance), "crowd": torch.tensor(crowd),
            "mask": torch.tensor(mask)}


def _rows_or_zero(matrix, index):
    """``matrix[index]`` where an index is -1 reads as a zero row (no copy of the matrix, which
    for a long document is hundreds of MB)."""
    import torch

    if not len(matrix):
        return torch.zeros(*index.shape, matrix.shape[1], dtype=matrix.dtype)
    found = matrix[index.clamp(min=0)]
    return torch.where((index >= 0)[..., None], found, torch.zeros((), dtype=matrix.dtype))


def build_head(hidden: int, width: int = 256, dropout: float = 0.1):
    """A fresh relation head for encoder vectors of size ``hidden``."""
    import torch
    from torch import nn

    class RelationHead(nn.Module):
        def __init__(self):
            super().__init__()
            self.types = nn.Embedding(len(ENTITY_LABELS), 32)
            self.distance = nn.Embedding(2 * DISTANCE_BUCKETS, 32)
            self.crowd = nn.Embedding(CROWD_BUCKETS, 16)
            self.score = nn.Sequential(
                nn.Linear(9 * hidden + 3 * 32 + 16, width), nn.GELU(), nn.Dropout(dropout),
                nn.Linear(width, len(RELATION_LABELS) + 1),
            )

        def forward(self, head, tail, between, peak, context, types, distance, crowd, mask):
            features = torch.cat([head, tail, head * tail, between, peak, context, self.types(types).flatten(1),
                                  self.distance(distance), self.crowd(crowd)], dim=-1)
            return self.score(features).masked_fill(~mask, float("-inf"))

    return RelationHead()


def build_ensemble(members: list):
    """One head from several: its scores are the log of the members' mean probabilities, so
    that a softmax over them gives that mean back (and disallowed classes stay at zero).
    A lone member is returned as it is."""
    import torch
    from torch import nn

    if len(members) == 1:
        return members[0]

    class HeadEnsemble(nn.Module):
        def __init__(self):
            super().__init__()
            self.members = nn.ModuleList(members)

        def forward(self, **inputs):
            return torch.stack([torch.softmax(m(**inputs), -1) for m in self.members]).mean(0).log()

    return HeadEnsemble()


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
        if config.get("schema") != HEAD_SCHEMA:
            raise ValueError(f"relations.json schema {config.get('schema')!r}, this version reads {HEAD_SCHEMA}; "
                             "retrain it with `vnpartner train ... --task relations`")
        count = int(config.get("heads", 1))
        if count < 1:
            raise ValueError(f"heads is {count}, at least 1 expected")
        head = build_ensemble([build_head(int(config["hidden"]), int(config.get("width", 256)))
                               for _ in range(count)])
        head.load_state_dict(load_file(str(folder / HEAD_WEIGHTS)))
        party_filter = PartyPairFilter.from_dict(config["party_filter"]) if config.get("party_filter") else None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as err:
        raise VnPartnerError("E420", f"cannot read the relation head in {folder}: {err}") from None
    head.eval()
    return NeuralRelater(head, owned=config.get("owned", RELATION_LABELS), party_filter=party_filter)


class NeuralRelater:
    """``relate(doc, sentences, vectors)``: the head's relations for the labels it owns, the
    pattern layer's for the rest (and for all labels when no vectors are given)."""

    name = "neural"
    needs_vectors = True

    def __init__(self, head, owned=RELATION_LABELS, fallback: RuleRelater | None = None,
                 party_filter: PartyPairFilter | None = None):
        self.head = head
        self.owned = frozenset(owned)
        self.fallback = fallback or RuleRelater()
        self.party_filter = party_filter

    def __repr__(self) -> str:
        return f"NeuralRelater(owned={sorted(self.owned)}, party_filter={self.party_filter is not None})"

    def relate(self, doc: Document, sentences: list[Sentence], vectors=None) -> list[Relation]:
        return self.relate_many([(doc, sentences, vectors)])[0]

    def relate_many(self, items: list[tuple[Document, list[Sentence], object]]) -> list[list[Relation]]:
        """``relate`` for several ``(doc, sentences, vectors)``; their pairs share the head's calls."""
        with_vectors = [i for i, (_, _, vectors) in enumerate(items) if vectors is not None]
        predicted = dict(zip(with_vectors, self.predict_many([items[i] for i in with_vectors])))
        out = []
        for i, (doc, sentences, _) in enumerate(items):
            if i not in predicted:
                out.append(self.fallback.relate(doc, sentences))
                continue
            found = [r for r in predicted[i] if r.label in self.owned]
            if not self.owned >= set(RELATION_LABELS):
                found += [r for r in self.fallback.relate(doc, sentences) if r.label not in self.owned]
            out.append(found)
        return out

    def predict(self, doc: Document, sentences: list[Sentence], vectors) -> list[Relation]:
        return self.predict_many([(doc, sentences, vectors)])[0]

    def predict_many(self, items: list[tuple[Document, list[Sentence], object]]) -> list[list[Relation]]:
        """The head's relations of each ``(doc, sentences, vectors)``."""
        pairs = [candidate_pairs(doc, sentences) for doc, sentences, _ in items]
        scored = self._probabilities([(doc, found, vectors) for (doc, _, vectors), found in zip(items, pairs)])
        return [decide(doc, sentences, pair_keys(found), probs, mask, self.party_filter) if found else []
                for (doc, sentences, _), found, (probs, mask) in zip(items, pairs, scored)]

    def _probabilities(self, jobs: list[tuple[Document, list[Pair], object]]) -> list[tuple]:
        """(class probabilities, allowed classes) of each document's pairs. The pairs of several
        documents go through the head together, about PAIR_CHUNK at a time (a call per document
        costs more in overhead than in arithmetic)."""
        import torch

        probs: list[list] = [[] for _ in jobs]
        masks: list[list] = [[] for _ in jobs]
        pending: list[tuple[int, dict]] = []  # (job, inputs) not yet scored

        def flush() -> None:
            inputs = {key: torch.cat([part[key] for _, part in pending]) for key in pending[0][1]}
            with torch.inference_mode():
                scores = torch.softmax(self.head(**inputs), -1)
            sizes = [len(part["mask"]) for _, part in pending]
            for (job, part), chunk in zip(pending, scores.split(sizes)):
                probs[job].append(chunk)
                masks[job].append(part["mask"])
            pending.clear()

        waiting = 0  # pairs in `pending`
        for job, (doc, pairs, vectors) in enumerate(jobs):
            for first in range(0, len(pairs), PAIR_CHUNK):
                chunk = pairs[first:first + PAIR_CHUNK]
                pending.append((job, pair_inputs(doc, chunk, vectors)))
                waiting += len(chunk)
                if waiting >= PAIR_CHUNK:
                    flush()
                    waiting = 0
        if pending:
            flush()
        return [(torch.cat(p), torch.cat(m)) if p else (None, None) for p, m in zip(probs, masks)]


def pair_keys(pairs: list[Pair]) -> list[tuple[str, str]]:
    """(head id, tail id) of each pair."""
    return [(p.head.id, p.tail.id) for p in pairs]


def partner_probabilities(probs, mask) -> list[float | None]:
    """Each pair's PARTNER probability, None where its entity types rule PARTNER out."""
    return [p if ok else None for p, ok in zip(probs[:, PARTNER].tolist(), mask[:, PARTNER].tolist())]


def decide(doc: Document, sentences: list[Sentence], keys: list[tuple[str, str]], probs, mask,
           party_filter: PartyPairFilter | None = None) -> list[Relation]:
    """Relations from the head's class probabilities of the pairs ``keys`` (``mask``: allowed classes).

    Each pair takes its most probable class (never LOCATED_IN between places of two countries, never
    HAS_TITLE from a person to the title of a later person or to one whose holder is theirs, `cố vấn
    của Trump`);
    with a party filter, PARTNER goes to the mention pairs the filter chooses instead. Two
    parties that sign one agreement in one sentence are partners (:func:`cosigner_partners`), a
    party linked to one item of a list of counterparts is linked to the others the head does not
    rule out (:func:`listed_counterparts`), and partners in one sentence share its fields
    (:func:`shared_fields`).
    """
    probs = _without_titles_of_later_people(doc, keys, _without_foreign_places(doc, keys, probs))
    probs = _without_titles_of_whose(doc, keys, probs)
    best = probs.argmax(-1).tolist()
    partner = partner_probabilities(probs, mask)
    if party_filter is not None:
        chosen = party_filter.partner_indices(party_pair_groups(doc, sentences, keys, partner), partner)
        best = [PARTNER if i in chosen else NONE if k == PARTNER else k for i, k in enumerate(best)]
    relations = [Relation(head, tail, RELATION_LABELS[k - 1]) for (head, tail), k in zip(keys, best) if k != NONE]
    relations += cosigner_partners(doc, sentences, relations)
    relations += listed_trio_partners(doc, relations)
    floor = party_filter.floor if party_filter is not None else PartyPairFilter.floor
    relations += listed_counterparts(doc, sentences, keys, partner, relations, floor)
    return relations + shared_fields(doc, sentences, relations)


def _without_titles_of_later_people(doc: Document, keys: list[tuple[str, str]], probs):
    """``probs`` with no HAS_TITLE from a person to a title that opens a later person's name
    (`ông Erdogan và Vua Salman`: `Vua` is Salman's), unless only a comma parts the two and the
    first has no title of its own before it, nor to a title joined on by `và` (`Trump và Nhà
    vua`: another person, named or not). In the gold, 819 of 823 titles right before a person
    are that person's, the rest shared along a list that follows; no title after `và` is the
    person's before it, nor one after a titled person's comma (`Thủ tướng Phan Văn Khải, Quốc
    vương Sihamoni`)."""
    by_id = {e.id: e for e in doc.entities}
    people = sorted((e.start, e.end) for e in doc.entities if e.label == "PERSON")
    starts = [start for start, _ in people]
    title_ends = sorted(e.end for e in doc.entities if e.label == "TITLE")
    places = sorted((e.start, e.end) for e in doc.entities if e.label == "LOCATION")
    later = []
    for i, (head, tail) in enumerate(keys):
        person, title = by_id[head], by_id[tail]
        if person.label != "PERSON" or title.label != "TITLE" or person.end > title.start:
            continue
        after = bisect_left(starts, title.end)
        opens_later = after < len(people) and _opens_name(doc.text, title.end, people[after][0], places)
        if opens_later and doc.text[title.end:people[after][0]].strip():
            later.append(i)  # `ông Peskov, Tổng thống Nga Vladimir Putin`: across a country, no apposition
            continue
        before = bisect_left(title_ends, person.start + 1) - 1
        titled = before >= 0 and _opens_name(doc.text, title_ends[before], person.start, places)
        if not doc.text[person.end:title.start].strip(" ,") and not titled:
            continue  # `ông Michael Rogers, Chủ tịch Tiểu ban ...`: an apposition, whatever follows
        if opens_later or doc.text[person.end:title.start].strip() == "và":
            later.append(i)
    return _ruled_out(probs, later, HAS_TITLE)


def _ruled_out(probs, rows: list[int], label: int):
    """``probs`` with ``label`` at 0 in ``rows`` (a copy; ``probs`` itself where no row is ruled out)."""
    if not rows:
        return probs
    probs = probs.clone()
    probs[rows, label] = 0.0
    return probs


def _opens_name(text: str, end: int, name_start: int, places: list[tuple[int, int]]) -> bool:
    """Whether a title ending at ``end`` opens the name at ``name_start``: nothing but spaces
    between, or the place the title's holder serves (`Thủ tướng Cộng hòa Liên bang Đức Angela
    Merkel`, `Thủ tướng Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam Nguyễn Xuân Phúc`)."""
    if end > name_start:
        return False
    if not text[end:name_start].strip():
        return True
    inside = [(start, stop) for start, stop in places if end <= start and stop <= name_start]
    if len(inside) != 1:
        return False
    return _PLACE_GAPS.fullmatch(f"{text[end:inside[0][0]]}|{text[inside[0][1]:name_start]}") is not None


def _of_another_title(text: str, start: int, title_ends: set[int]) -> bool:
    """Whether the title at ``start`` follows another title and `của` (`Đặc phái viên của` +
    `Thủ tướng Australia`): it names the one the other serves, not the person before."""
    of = _OF_BEFORE.search(text, max(0, start - 12), start)
    return of is not None and of.start() in title_ends


def _without_foreign_places(doc: Document, keys: list[tuple[str, str]], probs):
    """``probs`` with no LOCATED_IN between two places the gazetteer puts in different
    countries (`Emilia-Romagna` is not in `tỉnh Bình Dương`)."""
    country = {e.id: (e.normalized or {}).get("country") for e in doc.entities if e.label == "LOCATION"}
    foreign = [i for i, (head, tail) in enumerate(keys)
               if country.get(head) and country.get(tail) and country[head] != country[tail]]
    return _ruled_out(probs, foreign, LOCATED_IN)


def _without_titles_of_whose(doc: Document, keys: list[tuple[str, str]], probs):
    """``probs`` with no HAS_TITLE from a person to a title that ends right before `của` and
    their name (`H.R. McMaster, cố vấn an ninh quốc gia của Trump`, `cố vấn an ninh cấp cao của
    ông Trump`: the adviser is McMaster), nor
    from a person to a title after another title and `của` (`Frances Adamson, Đặc phái viên của
    Thủ tướng Australia`: she is the envoy; no such title in the gold is a person's before it)."""
    by_id = {e.id: e for e in doc.entities}
    title_ends = {e.end for e in doc.entities if e.label == "TITLE"}
    whose = []
    for i, (head, tail) in enumerate(keys):
        person, title = by_id[head], by_id[tail]
        if person.label != "PERSON" or title.label != "TITLE":
            continue
        if title.end <= person.start and _OF_WHOM.fullmatch(doc.text, title.end, person.start) \
                or person.end <= title.start and _of_another_title(doc.text, title.start, title_ends):
            whose.append(i)
    return _ruled_out(probs, whose, HAS_TITLE)
