"""PARTNER decided per pair of parties, not per pair of mentions.

A partnership record needs one PARTNER link between two parties, however many times the
article names them. The relation head scores mention pairs one sentence at a time, so a
pair of parties the article keeps returning to, or one named only in passing, looks the
same to it. ``PartyPairFilter`` pools the head's PARTNER probabilities over all mention
pairs of two parties (parties as the aggregation step merges them) and adds what only the
whole article shows: how often and how early the two meet, how prominent each is, their
kinds and countries. A logistic regression over these features, fitted on out-of-fold
head probabilities of the training articles (``fit_party_filter``), keeps or drops the pair;
a kept pair links its mention pairs whose probability passes ``floor`` (at least its best one).

Measured with gold entities over five folds of the 184 gold train articles: party-set F1
59.8 with the head's own PARTNER decisions, 64.9 with the filter.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from itertools import combinations

from ..aggregate import mention_parties
from ..aggregate.hosts import LIST_GAP
from ..schema import Document, Entity, Relation
from ..text import Sentence, sentence_finder

__all__ = ["FEATURES", "PartyPairFilter", "cosigner_partners", "fit_party_filter", "listed_counterparts",
           "listed_trio_partners", "party_pair_groups", "shared_fields"]

KINDS = ("country", "locality", "organization")
KIND_OF = {"province": "locality", "city": "locality"}  # a party's kind as the filter counts it
FEATURES = (
    "max_p", "noisy_or_p", "log_sum_p", "log_mentions", "log_sentences", "in_first_sentence", "in_lead",
    "log_first_sentence", "log_min_count", "log_max_count", "has_most_named", "both_in_top3", "same_country",
    "has_vietnam", "share_above_half", *(f"kind_{k}" for k in KINDS), "max_above_half",
)


@dataclass
class PartyPairGroup:
    """The candidate mention pairs (indices into the head's pairs) of one pair of parties."""

    parties: frozenset[str]
    indices: list[int]
    features: list[float]


@dataclass
class PartyPairFilter:
    """A logistic regression over ``FEATURES`` that keeps or drops a pair of parties."""

    weights: list[float]
    bias: float
    threshold: float = 0.5
    floor: float = 0.3

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict) -> PartyPairFilter:
        if list(data.get("features", [])) != list(FEATURES) or len(data["weights"]) != len(FEATURES):
            raise ValueError("party filter features differ from this version's; retrain the relation head")
        return cls([float(w) for w in data["weights"]], float(data["bias"]), float(data.get("threshold", 0.5)),
                   float(data.get("floor", 0.3)))

    def keep(self, features: list[float]) -> bool:
        score = self.bias + sum(w * x for w, x in zip(self.weights, features))
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, score)))) > self.threshold

    def partner_indices(self, groups: list[PartyPairGroup], partner_p: list[float]) -> set[int]:
        """Indices of the mention pairs to label PARTNER."""
        chosen: set[int] = set()
        for group in groups:
            if self.keep(group.features):
                above = [i for i in group.indices if partner_p[i] > self.floor]
                chosen.update(above or [max(group.indices, key=lambda i: partner_p[i])])
        return chosen


def party_pair_groups(doc: Document, sentences: list[Sentence], keys: list[tuple[str, str]],
                      partner_p: list[float | None]) -> list[PartyPairGroup]:
    """Group the PARTNER candidates (``partner_p[i]`` not None) of ``keys`` by pair of parties."""
    party = mention_parties(doc)
    by_id = {e.id: e for e in doc.entities}
    sentence_at = sentence_finder(sentences)
    counts: dict[str, int] = {}
    for p in party.values():
        counts[p.name] = counts.get(p.name, 0) + 1
    rank = {name: i for i, name in enumerate(sorted(counts, key=lambda n: -counts[n]))}
    members: dict[frozenset[str], list[int]] = {}
    for i, (head, tail) in enumerate(keys):
        if partner_p[i] is None or head not in party or tail not in party:
            continue
        if party[head].name != party[tail].name:
            members.setdefault(frozenset((party[head].name, party[tail].name)), []).append(i)
    some = {p.name: p for p in party.values()}
    groups = []
    for names, indices in members.items():
        probs = [partner_p[i] for i in indices]
        first_sentences = sorted({sentence_at(by_id[keys[i][0]].start) for i in indices})
        a, b = (some[n] for n in sorted(names))
        none_p = math.prod(1 - p for p in probs)
        features = [
            max(probs), 1 - none_p, math.log1p(sum(probs)), math.log1p(len(indices)),
            math.log1p(len(first_sentences)), float(first_sentences[0] == 0), float(first_sentences[0] <= 2),
            math.log1p(first_sentences[0]), math.log1p(min(counts[n] for n in names)),
            math.log1p(max(counts[n] for n in names)), float(min(rank[n] for n in names) == 0),
            float(max(rank[n] for n in names) <= 2), float(a.country is not None and a.country == b.country),
            float("VN" in (a.country, b.country)), sum(p > 0.5 for p in probs) / len(probs),
            *(float([KIND_OF.get(a.kind, a.kind), KIND_OF.get(b.kind, b.kind)].count(k)) for k in KINDS),
            float(max(probs) > 0.5),
        ]
        groups.append(PartyPairGroup(names, indices, features))
    return groups


def cosigner_partners(doc: Document, sentences: list[Sentence], relations: list[Relation]) -> list[Relation]:
    """PARTNER links between two parties that SIGN one agreement in the same sentence.

    GUIDELINES.md counts signing together as partnering, but the head scores each mention
    pair on its own and often finds both SIGNED links without the PARTNER one. Signers named
    after `với` are the counterparts of the party named before it, not each other's partners
    (`EU ... ký kết các FTA với Singapore và Việt Nam`: EU – Singapore, EU – Việt Nam). Only
    links that ``relations`` lacks are returned, head first in the text.
    """
    signers: dict[str, set[str]] = {}
    for r in relations:
        if r.label == "SIGNED":
            signers.setdefault(r.tail, set()).add(r.head)
    shared = [heads for heads in signers.values() if len(heads) > 1]
    if not shared:  # most articles: no need to merge party mentions
        return []
    party = mention_parties(doc)
    by_id = {e.id: e for e in doc.entities}
    sentence_at = sentence_finder(sentences)
    linked = {frozenset((r.head, r.tail)) for r in relations if r.label == "PARTNER"}
    found = []
    for heads in shared:
        ordered = sorted((h for h in heads if h in party), key=lambda ent_id: by_id[ent_id].start)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if frozenset((first, second)) in linked or party[first].name == party[second].name \
                        or sentence_at(by_id[first].start) != sentence_at(by_id[second].start):
                    continue
                sentence = sentences[sentence_at(by_id[first].start)]
                subject = _party_before_with(doc, party, sentence, by_id[first], {first, second})
                pairs = [(subject, first), (subject, second)] if subject else [(first, second)]
                for head, tail in pairs:
                    if frozenset((head, tail)) not in linked and party[head].name != party[tail].name:
                        linked.add(frozenset((head, tail)))
                        found.append(Relation(head, tail, "PARTNER"))
    return found


_WITH = re.compile(r"\bvới\b")


def _party_before_with(doc: Document, party: dict, sentence: Sentence, signer: Entity, signers: set[str]) -> str | None:
    """The first party the sentence names before a `với` that comes before ``signer``, if it is
    none of the ``signers``' parties: the one the signers sign with."""
    with_word = _WITH.search(doc.text, sentence.start, signer.start)
    if with_word is None:
        return None
    names = {party[i].name for i in signers}
    before = [e for e in doc.entities if e.id in party and sentence.start <= e.start and e.end <= with_word.start()]
    first = min(before, key=lambda e: e.start, default=None)
    return first.id if first is not None and party[first.id].name not in names else None


def fit_party_filter(rows: list[list[float]], labels: list[int], l2: float = 1.0,
                     steps: int = 200) -> PartyPairFilter:
    """Fit the logistic regression (L2 penalty ``l2`` on the weights) on feature rows and 0/1 labels."""
    import torch

    if not rows or len(set(labels)) < 2:
        raise ValueError("the party filter needs pairs of parties with and without a partnership")
    x = torch.tensor(rows, dtype=torch.float64)
    y = torch.tensor(labels, dtype=torch.float64)
    weights = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    bias = torch.zeros((), dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([weights, bias], max_iter=steps, line_search_fn="strong_wolfe")

    def loss():
        optimizer.zero_grad()
        value = torch.nn.functional.binary_cross_entropy_with_logits(x @ weights + bias, y, reduction="sum")
        value = value + 0.5 * l2 * (weights ** 2).sum()
        value.backward()
        return value

    optimizer.step(loss)
    return PartyPairFilter([round(float(w), 6) for w in weights.detach()], round(float(bias.detach()), 6))


def shared_fields(doc: Document, sentences: list[Sentence], relations: list[Relation]) -> list[Relation]:
    """COOPERATES_IN links from a party to the fields its partner cooperates in, within one
    sentence (`Bình Dương và Artemisa hợp tác về y tế`: both parties → `y tế`).

    The gold gives the field to both partners in 98 % of such sentences; the head, scoring each
    pair on its own, often links only one. Only links that ``relations`` lacks are returned.
    """
    fields = [(r.head, r.tail) for r in relations if r.label == "COOPERATES_IN"]
    if not fields:
        return []
    by_id = {e.id: e for e in doc.entities}
    sentence_at = sentence_finder(sentences)
    linked = set(fields)
    found = []
    for rel in (r for r in relations if r.label == "PARTNER"):
        one_sentence = sentence_at(by_id[rel.head].start) == sentence_at(by_id[rel.tail].start)
        for party, partner in ((rel.head, rel.tail), (rel.tail, rel.head)):
            for head, field in fields:
                if one_sentence and head == party and (partner, field) not in linked \
                        and sentence_at(by_id[field].start) == sentence_at(by_id[party].start):
                    linked.add((partner, field))
                    found.append(Relation(partner, field, "COOPERATES_IN"))
    return found


def listed_trio_partners(doc: Document, relations: list[Relation]) -> list[Relation]:
    """The missing PARTNER link of three parties listed together (`Mỹ, Nga và Jordan đã thống
    nhất`) where the head linked two of their three pairs: the three act as one group.

    Only links that ``relations`` lacks are returned, head first in the text.
    """
    linked = {frozenset((r.head, r.tail)) for r in relations if r.label == "PARTNER"}
    if len(linked) < 2:
        return []
    party = mention_parties(doc)
    mentions = sorted((e for e in doc.entities if e.id in party), key=lambda e: e.start)
    found = []
    for i in range(len(mentions) - 2):
        trio = mentions[i:i + 3]
        if not _three_listed(doc.text, mentions, i) or len({party[e.id].name for e in trio}) != 3:
            continue
        missing = [(a, b) for a, b in combinations(trio, 2) if frozenset((a.id, b.id)) not in linked]
        if len(missing) == 1:
            head, tail = missing[0]
            linked.add(frozenset((head.id, tail.id)))
            found.append(Relation(head.id, tail.id, "PARTNER"))
    return found


def listed_counterparts(doc: Document, sentences: list[Sentence], keys: list[tuple[str, str]],
                        partner_p: list[float | None], relations: list[Relation], floor: float) -> list[Relation]:
    """PARTNER links from a party to the rest of a list of counterparts it is linked to one of
    (`Hội nghị Bộ trưởng Du lịch ASEAN với ba nước đối tác Trung Quốc, Nhật Bản và Hàn Quốc`).

    The head scores the later items of such a list well, but the party filter drops pairs named
    once, which listed counterparts usually are; the guidelines give one record per counterpart.
    The party must come before the list, in its sentence (`Iran và Nga hỗ trợ Syria` lists the
    subjects), and the head's PARTNER probability for the pair must pass ``floor``. Only links
    that ``relations`` lacks are returned, head first in the text.
    """
    linked = {frozenset((r.head, r.tail)) for r in relations if r.label == "PARTNER"}
    if not linked:
        return []
    party = mention_parties(doc)
    lists = _party_lists(doc, party)
    if not lists:
        return []
    by_id = {e.id: e for e in doc.entities}
    sentence_at = sentence_finder(sentences)
    probability = {key: p for key, p in zip(keys, partner_p) if p is not None}
    found = []
    for items in lists:
        ids = {e.id for e in items}
        names = {party[e.id].name for e in items}
        for pair in list(linked):
            outside = [i for i in pair if i not in ids]
            if len(outside) != 1 or outside[0] not in party:
                continue
            one = by_id[outside[0]]
            if party[one.id].name in names or one.end > items[0].start \
                    or sentence_at(one.start) != sentence_at(items[0].start):
                continue
            for item in items:
                key = (one.id, item.id)
                if frozenset(key) not in linked and probability.get(key, 0.0) >= floor:
                    linked.add(frozenset(key))
                    found.append(Relation(one.id, item.id, "PARTNER"))
    return found


def _party_lists(doc: Document, party: dict) -> list[list[Entity]]:
    """Runs of two or more party mentions joined only by list gaps (`Trung Quốc, Nhật Bản và Hàn
    Quốc`); a country after a place or body of its own closes the run (`Hamburg, Đức`)."""
    mentions = sorted((e for e in doc.entities if e.id in party), key=lambda e: e.start)
    runs: list[list[Entity]] = []
    run: list[Entity] = []
    for before, after in zip(mentions, mentions[1:]):
        first, second = party[before.id], party[after.id]
        where = second.kind == "country" and first.kind != "country" and first.country == second.country
        if LIST_GAP.fullmatch(doc.text, before.end, after.start) and not where:
            run = run or [before]
            run.append(after)
        else:
            runs += [run] if run else []
            run = []
    return runs + ([run] if run else [])


def _three_listed(text: str, mentions: list[Entity], i: int) -> bool:
    """Whether ``mentions[i:i + 3]`` are a list of exactly three (`A, B và C`)."""
    first_gap, second_gap = (text[a.end:b.start] for a, b in zip(mentions[i:i + 2], mentions[i + 1:i + 3]))
    longer = i > 0 and LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start) is not None
    return (not longer and LIST_GAP.fullmatch(first_gap) is not None and "và" not in first_gap
            and LIST_GAP.fullmatch(second_gap) is not None and "và" in second_gap)
