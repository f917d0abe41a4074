"""Which pairs of parties become records: background pairs that restate a more specific
pair are dropped, and three parties that pair in one sentence become one record."""

from __future__ import annotations

from itertools import combinations

from ..normalize.names import COMPANY_TYPE
from ..schema import Party

__all__ = ["drop_background", "with_trilaterals"]


def drop_background(pairs: dict, pair_sentences: dict) -> list[frozenset[str]]:
    """Pairs in text order, less those that only restate a more specific pair.

    A country pair stated in a sentence of a local pair of the same two countries (two
    places or bodies, neither a country) is background, unless the article tells of it in
    more than twice as many sentences as of the local pair (`Việt Nam` – `Đức` beside the
    ministries of the two that signed one arrangement); so is a country paired with a place
    or body whenever that place is paired with something inside the country (``Cuba`` –
    ``Bình Dương`` beside ``Artemisa`` – ``Bình Dương``).
    """
    local = {key: {p.country for p in pairs[key]} for key in pairs if all(p.kind != "country" for p in pairs[key])}
    kept = []
    for key, parties in pairs.items():
        countries = {p.country for p in parties}
        if all(p.kind == "country" for p in parties) and any(
            countries == local_countries and pair_sentences[key] & pair_sentences[other]
            and 2 * len(pair_sentences[other]) >= len(pair_sentences[key])
            for other, local_countries in local.items()
        ):
            continue
        if _restates_a_local_pair(key, pairs, pair_sentences) or _within_a_country_pair(parties, pairs.values()):
            continue
        kept.append(key)
    return kept


def with_trilaterals(keys: list[frozenset[str]], pairs: dict, pair_sentences: dict) -> list[frozenset[str]]:
    """Three parties that pair with each other in one sentence are one three-party record
    (`Hà Nội`, `BRG` and `Sumitomo` sign together); a pair of them stays a record of its own
    only where it is told of before the sentences the three share, and on its other sentences
    alone: after them, two of the three are still the group's story (`Hùng Hậu` and
    `Legcopromuslennui Park` later in the article that reports the three signing).
    The group comes after a pair of it told of before its sentence (the visit `Việt Nam` –
    `Lào` stays the main record beside a triangle of `Campuchia - Lào - Việt Nam` mentioned later).

    Adds the three-party groups to ``pairs`` and ``pair_sentences``; returns the keys in order.
    """
    kept = list(keys)
    for trio in _sentence_trios(keys, pair_sentences):
        group = frozenset().union(*trio)
        shared = set.intersection(*(pair_sentences[key] for key in trio))
        if len(group) != 3 or not shared or group in pairs:
            continue
        pairs[group] = tuple({p.name: p for key in trio for p in pairs[key]}.values())
        pair_sentences[group] = shared
        kept.insert(_trio_position(kept, trio, pair_sentences, shared), group)
        kept = [key for key in kept if key not in trio or min(pair_sentences[key]) < min(shared)]
        for key in trio:
            pair_sentences[key] = pair_sentences[key] - shared
    return kept


def _trio_position(kept: list[frozenset[str]], trio: tuple[frozenset[str], ...], pair_sentences: dict,
                   shared: set[int]) -> int:
    """Where a three-party group goes among the ``kept`` keys: after its pairs told of before
    the sentences the three share, else in the place of its first pair."""
    present = [kept.index(key) for key in trio if key in kept]
    told_before = [kept.index(key) for key in trio if key in kept and min(pair_sentences[key]) < min(shared)]
    return max(told_before) + 1 if told_before else min(present, default=len(kept))


def _sentence_trios(keys: list[frozenset[str]], pair_sentences: dict) -> list[tuple[frozenset[str], ...]]:
    """The triples of pairs found together in some sentence, in the order of ``keys``; only
    these can share a sentence, and a long text with many pairs would have far too many triples."""
    by_sentence: dict[int, list[frozenset[str]]] = {}
    for key in keys:
        for sentence in pair_sentences[key]:
            by_sentence.setdefault(sentence, []).append(key)
    trios = {trio for here in by_sentence.values() for trio in combinations(here, 3)}
    return sorted(trios, key=lambda trio: [keys.index(key) for key in trio])


def _restates_a_local_pair(key: frozenset[str], pairs: dict, pair_sentences: dict) -> bool:
    """Whether a country's pair with a place or body restates a pair of that place with something
    inside the country, one the article tells of at least half as often. A body of no known
    country keeps its own pair with the country (`Việt Nam` – `Google` beside `Google` –
    `Hội Nông dân Việt Nam`)."""
    parties = pairs[key]
    kinds = [p.kind == "country" for p in parties]
    if kinds.count(True) != 1:
        return False
    country, other = parties if kinds[0] else parties[::-1]
    if other.country is None:
        return False
    for local, (a, b) in pairs.items():
        for inside, same in ((a, b), (b, a)):
            if same.name == other.name and inside.kind != "country" and inside.country == country.country \
                    and 2 * len(pair_sentences[local]) >= len(pair_sentences[key]):
                return True
    return False


def _within_a_country_pair(parties: tuple[Party, Party], all_pairs) -> bool:
    """A country paired with a public body of another country restates the pair of the two
    countries when the document has it (`Việt Nam` – `Ủy ban Quân lực Thượng viện Hoa Kỳ`
    beside `Việt Nam` – `Hoa Kỳ`, where `Bộ Quốc phòng` met the committee and so stands for its
    state); a company keeps its own record."""
    kinds = [p.kind == "country" for p in parties]
    if kinds.count(True) != 1:
        return False
    country, body = parties if kinds[0] else parties[::-1]
    if body.kind != "organization" or not body.country or COMPANY_TYPE.match(body.name):
        return False
    wanted = {country.country, body.country}
    return any(a.kind == b.kind == "country" and {a.country, b.country} == wanted for a, b in all_pairs)
