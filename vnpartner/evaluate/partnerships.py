"""Scores for document-level partnership records (ANNOTATION.md, key ``partnerships``).

Within one document, gold and predicted records are matched one to one when their
party *sets* are equal. A party is keyed by its normalised name and its country; a
``None`` country on either side matches any country. A country party is keyed by its
ISO code alone, so that ``Mỹ`` and ``Hoa Kỳ`` (both ``US``) are one party. An alias the
gold document defines in brackets is its full name (``Hiệp hội các quốc gia Đông Nam Á
(ASEAN)``: ``ASEAN`` and the full name are one party in that document). Sector, date and instrument
are then compared over the matched records only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from itertools import combinations

from vnpartner.evaluate.spans import check_paired, prf
from vnpartner.normalize.names import COMPANY_TYPE_WORDS, bracket_aliases, canonical_country
from vnpartner.schema import Document, Partnership, Party

PartyKey = tuple[str, "str | None"]
Aliases = dict[str, str]

# Type words dropped from the front of a party name, longest first: administrative ones, and
# those of a company (`Tập đoàn Đất Xanh` and `Đất Xanh` are one party).
TYPE_WORDS = ("thành phố", "thủ đô", "tỉnh", "tp.", "tp") + COMPANY_TYPE_WORDS


def normalize_party_name(name: str) -> str:
    """Casefold and NFC a name, drop leading type words and surrounding punctuation.

    ``"tỉnh Bình Dương"``, ``"Bình Dương"`` and ``"(Bình Dương)"`` all give
    ``"bình dương"``; ``"TP. Hồ Chí Minh"`` and ``"Thành phố Hồ Chí Minh"`` agree, and so do
    ``"Tập đoàn Đất Xanh"`` and ``"Đất Xanh"``; a country ending the name is written as the
    gazetteer names it (``"Cao su VN"`` and ``"Cao su Việt Nam"`` agree).
    """
    text = unicodedata.normalize("NFC", canonical_country(unicodedata.normalize("NFC", name)).casefold())
    text = _strip_punct(" ".join(text.split()))
    while True:
        shorter = _drop_type_word(text)
        if shorter == text or not shorter:
            return text
        text = shorter


def _strip_punct(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge(char: str) -> bool:
    return unicodedata.category(char)[0] in "PZC"


def _drop_type_word(text: str) -> str:
    for word in TYPE_WORDS:
        rest = text[len(word):]
        if text.startswith(word) and (word.endswith(".") or not rest or _is_edge(rest[0])):
            return _strip_punct(rest)
    return text


def party_key(party: Party, aliases: Aliases | None = None) -> PartyKey:
    """(normalised name, upper-case ISO country or None); a country's name is its ISO code.

    ``aliases`` maps a normalised alias to the normalised full name it stands for.
    """
    country = (party.country or "").strip().upper() or None
    if party.kind == "country" and country:
        return (f"@{country}", country)
    name = normalize_party_name(party.name)
    return ((aliases or {}).get(name, name), country)


def document_aliases(doc: Document) -> Aliases:
    """Normalised alias → normalised full name, for each organisation that ``doc`` (gold)
    names again in brackets right after its full name."""
    by_name = {}
    for alias, full in bracket_aliases(doc.text, doc.entities):
        short, long = normalize_party_name(alias.text), normalize_party_name(full.text)
        if short and long and short != long:
            by_name[short] = long
    return by_name


def keys_match(a: PartyKey, b: PartyKey) -> bool:
    """Same name, and the same country unless either country is None."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def party_set(parties: Sequence[Party], aliases: Aliases | None = None) -> list[PartyKey]:
    """The distinct party keys of a record; a None country yields to a known one."""
    countries: dict[str, set[str | None]] = {}
    for name, country in (party_key(p, aliases) for p in parties):
        countries.setdefault(name, set()).add(country)
    keys = []
    for name, found in countries.items():
        known = sorted(found - {None})
        keys.extend((name, c) for c in known or [None])
    return sorted(keys, key=lambda k: (k[0], k[1] or ""))


def max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths), as sorted (left, right) pairs.

    Left items are tried in order against right items in order, so when nothing
    competes the result is the plain first-fit matching.
    """
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in range(n_right):
            if j not in seen and ok(i, j):
                seen.add(j)
                if owner[j] is None or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


def same_party_set(a: Sequence[PartyKey], b: Sequence[PartyKey]) -> bool:
    """Whether every party of ``a`` pairs off with exactly one party of ``b``."""
    if len(a) != len(b):
        return False
    return len(max_matching(len(a), len(b), lambda i, j: keys_match(a[i], b[j]))) == len(a)


def match_records(gold: Sequence[Partnership], pred: Sequence[Partnership],
                  aliases: Aliases | None = None) -> list[tuple[int, int]]:
    """Pair gold and predicted records of one document whose party sets are equal."""
    gold_sets = [party_set(r.parties, aliases) for r in gold]
    pred_sets = [party_set(r.parties, aliases) for r in pred]
    return max_matching(len(gold), len(pred), lambda i, j: same_party_set(gold_sets[i], pred_sets[j]))


def party_pairs(records: Sequence[Partnership], aliases: Aliases | None = None) -> list[tuple[PartyKey, PartyKey]]:
    """Every distinct unordered pair of parties that the records put together."""
    pairs = {pair for r in records for pair in combinations(party_set(r.parties, aliases), 2)}
    return sorted(pairs, key=repr)


def _pairs_match(a: tuple[PartyKey, PartyKey], b: tuple[PartyKey, PartyKey]) -> bool:
    straight = keys_match(a[0], b[0]) and keys_match(a[1], b[1])
    return straight or (keys_match(a[0], b[1]) and keys_match(a[1], b[0]))


def pair_hits(gold: Sequence[Partnership], pred: Sequence[Partnership],
              aliases: Aliases | None = None) -> tuple[int, int, int]:
    """(tp, fp, fn) of the lenient party-pair score for one document."""
    g, p = party_pairs(gold, aliases), party_pairs(pred, aliases)
    hits = len(max_matching(len(g), len(p), lambda i, j: _pairs_match(g[i], p[j])))
    return hits, len(p) - hits, len(g) - hits


def _accuracy(correct: int, total: int) -> dict[str, float | int]:
    return {"accuracy": correct / total if total else 0.0, "correct": correct, "total": total}


def _add(counts: list[int], *more: int) -> None:
    for i, n in enumerate(more):
        counts[i] += n


class _Tally:
    """Counts gathered document by document."""

    def __init__(self) -> None:
        self.records = [0, 0, 0]  # gold, pred, matched
        self.sectors = [0, 0, 0]  # tp, fp, fn over matched records
        self.people = [0, 0, 0]  # tp, fp, fn of (name, country) over matched records
        self.agree = [0, 0]  # matched records with equal date, equal instrument
        self.pairs = [0, 0, 0]  # tp, fp, fn

    def add_document(self, gold: Sequence[Partnership], pred: Sequence[Partnership],
                     aliases: Aliases | None = None) -> None:
        matches = match_records(gold, pred, aliases)
        _add(self.records, len(gold), len(pred), len(matches))
        for i, j in matches:
            self.add_match(gold[i], pred[j])
        _add(self.pairs, *pair_hits(gold, pred, aliases))

    def add_match(self, gold: Partnership, pred: Partnership) -> None:
        g, p = set(gold.sectors), set(pred.sectors)
        _add(self.sectors, len(g & p), len(p - g), len(g - p))
        g, p = _people_keys(gold), _people_keys(pred)
        _add(self.people, len(g & p), len(p - g), len(g - p))
        _add(self.agree, gold.date == pred.date, gold.instrument == pred.instrument)

    def result(self) -> dict[str, dict]:
        n_gold, n_pred, matched = self.records
        return {
            "parties": prf(matched, n_pred - matched, n_gold - matched),
            "sectors": prf(*self.sectors),
            "people": prf(*self.people),
            "date": _accuracy(self.agree[0], matched),
            "instrument": _accuracy(self.agree[1], matched),
            "party_pairs": prf(*self.pairs),
            "counts": {"gold": n_gold, "pred": n_pred, "matched": matched},
        }


def _people_keys(record: Partnership) -> set[tuple[str, str | None]]:
    return {(unicodedata.normalize("NFC", p.name).casefold(), p.country) for p in record.people}


def score_partnerships(gold_docs: Sequence[Document], pred_docs: Sequence[Document]) -> dict[str, dict]:
    """Score partnership records, ``gold_docs[i]`` against ``pred_docs[i]``.

    Returns ``parties`` (P/R/F1 of whole records matched by party set), ``sectors``
    (micro P/R/F1 of sector codes over matched records), ``people`` (micro P/R/F1 of each
    person's name and country over matched records), ``date`` and ``instrument``
    (exact-match accuracy over matched records; two ``None`` values agree),
    ``party_pairs`` (lenient P/R/F1 over unordered pairs of parties) and ``counts``.
    """
    check_paired(gold_docs, pred_docs)
    tally = _Tally()
    for gold, pred in zip(gold_docs, pred_docs):
        tally.add_document(gold.partnerships, pred.partnerships, document_aliases(gold))
    return tally.result()
