"""Partnership records: merge party mentions, group partners, collect sectors, date, instrument.

One module per step: ``parties`` (the party of each mention), ``hosts`` (pairs an official
stands for), ``groups`` (which pairs of parties become records), ``fields`` (each
record's sectors, instrument, date and people).
"""

from __future__ import annotations

import re

from ..schema import Document, Entity, Partnership, Party
from ..text import Sentence, sentence_finder
from .fields import (build_record, conflict_only, event_instrument, first_event_date, instrument_of, lead_people,
                     member_people, officials, officials_abroad, sector_codes, stronger_signed, without_cooperation)
from .groups import drop_background, with_trilaterals
from .hosts import hosted_pairs
from .parties import (bracketed_countries, capital_for_state, domestic_affairs, for_state, inside, is_facility,
                      is_region, is_venue, mention_parties, own_body, part_of, party_of, unnamed, within_its_bloc,
                      witnessed_by, written_names)

__all__ = ["aggregate", "instrument_of", "mention_parties", "party_of"]


def aggregate(doc: Document, sentences: list[Sentence]) -> list[Partnership]:
    """One record per pair of parties that a PARTNER relation links.

    Mentions of one party (``tỉnh Bình Dương``, ``UBND tỉnh Bình Dương``, an alias, a
    shorter name) merge through :func:`mention_parties`; a state body dealing with a foreign
    party stands for its state. A pair of countries that only restates the countries of a
    local pair in the same sentences is background, not a record of its own. An official
    meeting or visiting a party of another country stands for their own (:func:`hosted_pairs`:
    `Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Iran` is Việt Nam – Iran) where no relation pairs
    the two countries; where a relation made that very pair, the meeting's sentence joins its
    evidence (and so gives it its date and instrument).
    """
    by_id = {e.id: e for e in doc.entities}
    party = mention_parties(doc)
    pairs, pair_sentences = _related_pairs(doc, sentences, by_id, party)
    _add_hosted_pairs(doc, sentences, party, pairs, pair_sentences)
    pairs = dict(sorted(pairs.items(), key=lambda item: min(pair_sentences[item[0]])))  # text order
    keys = with_trilaterals(drop_background(pairs, pair_sentences), pairs, pair_sentences)
    records = _records(doc, sentences, by_id, party, pairs, pair_sentences, keys)
    records = _with_cooperation(doc, [record for record in records if not conflict_only(doc, record)])
    _settle_fields(doc, sentences, records)
    _as_written(doc, party, records)
    return records


# The parties named only as the two of them: `hai bên`, `hai nước`, `hai tỉnh` ...
_THE_TWO = re.compile(r"(?i)\bhai (?:bên|nước|phía|tỉnh|thành phố|quốc gia|địa phương|đơn vị)\b")

_AND = re.compile(r"\s+và\s+")
_OF_BOTH = re.compile(r"\s+(?:của\s+)?(?:hai|mỗi|các)\s+(?:nước|bên)\b")

Pairs = dict[frozenset[str], tuple[Party, Party]]  # the two parties' names -> the two parties
PairSentences = dict[frozenset[str], set[int]]  # the two parties' names -> numbers of the sentences pairing them


def _related_pairs(doc: Document, sentences: list[Sentence], by_id: dict[str, Entity],
                   party: dict[str, Party]) -> tuple[Pairs, PairSentences]:
    """The pairs of parties that PARTNER relations link, with the sentences that link them. A state
    body stands for its state; a venue, a region, a facility, one party's own body or part, and a
    domestic affair are no pair."""
    sentence_at = sentence_finder(sentences)
    pairs: Pairs = {}
    pair_sentences: PairSentences = {}
    partner = [r for r in doc.relations if r.label == "PARTNER"]
    named = {party[i].name for r in partner for i in (r.head, r.tail)}
    for rel in partner:
        a, b = for_state(party[rel.head], party[rel.tail]), for_state(party[rel.tail], party[rel.head])
        a, b = capital_for_state(a, b), capital_for_state(b, a)
        if is_venue(doc.text, by_id[rel.head], a, named) or is_venue(doc.text, by_id[rel.tail], b, named) \
                or witnessed_by(doc.text, by_id[rel.head]) or witnessed_by(doc.text, by_id[rel.tail]) \
                or _kinds_of_both(doc.text, by_id[rel.head], by_id[rel.tail]):
            continue
        if any(unnamed(p) or is_region(p) or is_facility(p) for p in (a, b)) or a.name == b.name or own_body(a, b) \
                or own_body(b, a) or inside(a, b) or inside(b, a) or part_of(a, b) or part_of(b, a) \
                or domestic_affairs(a, b) or within_its_bloc(a, b):
            continue
        key = frozenset((a.name, b.name))
        pairs.setdefault(key, (a, b))
        pair_sentences.setdefault(key, set()).add(sentence_at(by_id[rel.head].start))
    return pairs, pair_sentences


def _kinds_of_both(text: str, one: Entity, other: Entity) -> bool:
    """Whether two mentions joined by `và` name the kinds of body each of the two countries has
    (`Quân ủy Trung ương và Bộ Quốc phòng hai nước`): one side's bodies are no pair."""
    first, second = sorted((one, other), key=lambda ent: ent.start)
    return _AND.fullmatch(text, first.end, second.start) is not None \
        and _OF_BOTH.match(text, second.end) is not None


def _add_hosted_pairs(doc: Document, sentences: list[Sentence], party: dict[str, Party], pairs: Pairs,
                      pair_sentences: PairSentences) -> None:
    """Adds the pairs that officials' meetings and visits give (:func:`hosted_pairs`) where no
    relation paired the two countries; a meeting of a pair a relation made joins its sentences."""
    paired_countries = {frozenset((a.country, b.country)) for a, b in pairs.values()}
    for a, b, number in hosted_pairs(doc, sentences, party):
        b = capital_for_state(for_state(b, a), a)
        key = frozenset((a.name, b.name))
        if key in pairs:  # the meeting's sentence supports the pair a relation made
            pair_sentences[key].add(number)
            continue
        if frozenset((a.country, b.country)) in paired_countries or unnamed(b) or is_facility(b) or own_body(a, b) \
                or own_body(b, a) or part_of(a, b) or part_of(b, a) or domestic_affairs(a, b) or within_its_bloc(a, b):
            continue
        pairs.setdefault(key, (a, b))
        pair_sentences.setdefault(key, set()).add(number)


def _records(doc: Document, sentences: list[Sentence], by_id: dict[str, Entity], party: dict[str, Party],
             pairs: Pairs, pair_sentences: PairSentences, keys: list[frozenset[str]]) -> list[Partnership]:
    """One record per kept pair, its evidence the sentences that pair it. The first record is
    the article's main event: it also takes the lead's date, instrument and people."""
    party_names = {ent_id: p.name for ent_id, p in party.items()}
    evidence = {key: [(s.start, s.end) for i, s in enumerate(sentences) if i in pair_sentences[key]] for key in keys}
    records = []
    for key in keys:
        elsewhere = sorted({span for other in keys if other != key for span in evidence[other]} - set(evidence[key]))
        records.append(build_record(doc, by_id, party_names, list(pairs[key]), evidence[key], elsewhere))
    if records:  # the article's first record is its main event, with its date
        records[0].date = records[0].date or first_event_date(doc, by_id)
        lead = [(s.start, s.end) for s in sentences[:2]]
        records[0].instrument = _lead_event(doc, lead, records[0])
        records[0].people += lead_people(doc, lead, records[0])
        named = officials(doc)
        records[0].people += member_people(doc, by_id, party_names, records[0], named)
        officials_abroad(records, named)
    return records


def _with_cooperation(doc: Document, records: list[Partnership]) -> list[Partnership]:
    """The records that show cooperation (:func:`without_cooperation`), and those that share each
    of their sentences with such a record of one of their parties: list siblings (`Hàn Quốc sẽ
    nhận lao động từ 8 quốc gia gồm: Trung Quốc, Kazakhstan, ..., Việt Nam`, where only the
    Việt Nam pair says `hợp tác` elsewhere)."""
    showing = [not without_cooperation(doc, record) for record in records]
    sure = [record for record, shows in zip(records, showing) if shows]

    def sibling(record: Partnership) -> bool:
        names = {p.name for p in record.parties}
        return all(any(span in other.evidence and names & {p.name for p in other.parties} for other in sure)
                   for span in record.evidence)

    return [record for record, shows in zip(records, showing) if shows or sibling(record)]


def _lead_event(doc: Document, lead: list[tuple[int, int]], main: Partnership) -> str | None:
    """The main record's event: its own, else the lead's; a meeting of two countries within the
    visit the lead reports (`Trong khuôn khổ chuyến thăm chính thức Nga, ... hội đàm`) is that visit."""
    event = event_instrument(doc, lead)
    if main.instrument is None:
        return event
    if main.instrument == "meeting" and event == "visit" and all(p.kind == "country" for p in main.parties):
        return "visit"
    return main.instrument


def _settle_fields(doc: Document, sentences: list[Sentence], records: list[Partnership]) -> None:
    """The fields that depend on the other records: dates of pledges, the main event's strongest
    instrument and its partners, meetings of bodies, a lone record's sectors, and those of the
    sentences that name the parties only as the two of them."""
    for record in records:  # a pledge with no event yet has no date (GUIDELINES: planned visits)
        if record.instrument is None:
            record.date = None
    if records:  # the main event's group: the strongest instrument the article reports signed
        others = {span for record in records[1:] for span in record.evidence} - set(records[0].evidence)
        records[0].instrument = stronger_signed(doc, sentences, records[0].instrument, others)
        _share_main_event(records)
    for record in records:  # bodies in a visit's story meet (the gold: 6 meetings to 1 visit)
        if record.instrument == "visit" and all(p.kind == "organization" for p in record.parties):
            record.instrument = "meeting"
    if len(records) == 1:  # a lone record: every field the article names is its field
        for code in sector_codes(doc):
            if code not in records[0].sectors:
                records[0].sectors.append(code)
    if len(records) > 1:
        _add_fields_of_both(doc, sentences, records)
        _people_of_their_own_records(doc, records)


def _add_fields_of_both(doc: Document, sentences: list[Sentence], records: list[Partnership]) -> None:
    """A sentence that names the parties only as the two of them (`Hai bên nhất trí hợp tác về năng
    lượng`) gives its fields to the record told of last before it: no relation reaches its
    fields, as it names no party."""
    fields = [(ent.start, ent.normalized["code"]) for ent in doc.entities
              if ent.label == "SECTOR" and (ent.normalized or {}).get("code")]
    for sentence in sentences:
        if not _THE_TWO.search(doc.text, sentence.start, sentence.end):
            continue
        told_before = [(max(start for start, _ in record.evidence if start < sentence.start), k)
                       for k, record in enumerate(records) if any(start < sentence.start for start, _ in record.evidence)]
        if not told_before:
            continue
        record = records[max(told_before)[1]]
        if (sentence.start, sentence.end) in record.evidence:
            continue
        for start, code in fields:
            if code not in record.sectors and sentence.start <= start < sentence.end:
                record.sectors.append(code)


def _people_of_their_own_records(doc: Document, records: list[Partnership]) -> None:
    """A person who acts for a party of another record, not of this one, is that record's: the
    attendees a shared sentence lists (`Tổng Giám đốc TTXVN ..., Tổng Giám đốc VOV ...`) go each
    to the record of their own body."""
    affiliation = {ent.text: (ent.normalized or {}).get("affiliation") for ent in doc.entities if ent.label == "PERSON"}
    names = [{p.name for p in record.parties} for record in records]
    everyone = set().union(*names)
    for record, own in zip(records, names):
        record.people = [person for person in record.people
                         if affiliation.get(person.name) not in everyone - own]


def _as_written(doc: Document, party: dict[str, Party], records: list[Partnership]) -> None:
    """Parties named as the article writes them, with a country it gives only in brackets."""
    written, bracketed = written_names(doc, party), bracketed_countries(doc, party)
    for record in records:
        record.parties = [Party(written.get(p.name, p.name), p.country or bracketed.get(p.name), p.kind)
                          for p in record.parties]


def _share_main_event(records: list[Partnership]) -> None:
    """A record the same sentences pair with one of the main record's parties, with no event of
    its own, is one more partner at the main event (`Tập đoàn Đất Xanh` + each of the twenty
    partners listed after the lead's signing): it takes the main record's instrument and date."""
    main = records[0]
    names = {p.name for p in main.parties}
    for record in records[1:]:
        if record.instrument is None and record.evidence == main.evidence and names & {p.name for p in record.parties}:
            record.instrument, record.date = main.instrument, main.date

