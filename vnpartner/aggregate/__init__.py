"""Partnership records: merge party mentions, group partners, collect sectors, date, instrument."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations, permutations

from ..normalize.names import COMPANY_TYPE, bracket_aliases, canonical_country
from ..normalize.places import country_place, lookup_place, trailing_place
from ..schema import INSTRUMENTS, Document, Entity, Partnership, Party, Person
from ..text import Sentence, sentence_finder

__all__ = ["aggregate", "instrument_of", "mention_parties", "party_of"]

# Government bodies act for their place: `UBND tỉnh Bình Dương` is the party `Bình Dương`.
_PLACE_BODY = re.compile(
    r"^(?:UBND|HĐND|(?i:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân|tỉnh ủy|tỉnh uỷ|thành ủy|"
    r"thành uỷ|chính quyền|đảng bộ|lãnh đạo|nhân dân))\s+(?:tỉnh|thành phố|TP\.?|Thủ đô|thủ đô)?\s*(?P<place>.+)$"
)
# A state's own bodies, and their departments, act for the state: `Chính phủ Hoa Kỳ` and
# `Cục Thông tin, Quân đội Myanmar` are the parties `Hoa Kỳ` and `Myanmar`.
_STATE_BODY = re.compile(
    r"(?:^|,\s*)(?:Bộ|Chính phủ|chính phủ|Quốc hội|Nhà nước|Quân đội|Thượng viện|Hạ viện|Nghị viện|Tòa án|Toà án)\s"
)
# The units of a ministry or an army (`Cục Thông tin, Quân đội Myanmar`).
_DEPARTMENT = re.compile(r"^(?:Cục|Tổng cục|Vụ|Ban|Viện|Văn phòng|Học viện|Bộ Tư lệnh|Quân chủng|Binh chủng)\s")
# A ministry stays itself beside another state's ministry (`Bộ Quốc phòng Việt Nam` and
# `Bộ Quốc phòng Campuchia`); see `_for_state`.
_MINISTRY = re.compile(r"^Bộ\s")
# Seats of government named for the government (`Lầu Năm Góc đã đạt được thỏa thuận`).
_STATE_SEATS = {"lầu năm góc": "US", "nhà trắng": "US", "điện kremlin": "RU", "kremlin": "RU",
                "điện élysée": "FR", "phố downing": "GB", "nhà xanh": "KR"}
# `Đại sứ quán Hoa Kỳ tại Việt Nam` belongs to Hoa Kỳ: the place after `tại` is where it sits.
_SEATED_AT = re.compile(r"\s+(?:tại|ở)\s+.*$")
_INSTRUMENT_WORDS = (
    ("agreement", r"thỏa thuận|thoả thuận|hiệp định|hiệp ước|biên bản|nghị định thư|hợp đồng"),
    ("mou", r"ghi nhớ"),
    ("letter_of_intent", r"ý định thư"),
    ("twinning", r"kết nghĩa"),
)
_VENUE = re.compile(r"\b(?:tại|ở)\s+$", re.I)
_LEVEL_AT_END = re.compile(r"(?i:\b(?:tỉnh|thành phố|tỉnh [uủ]y|thành [uủ]y|huyện|quận|xã))$")
_DAY = r"(?:\d{4}|-)-\d\d-\d\d"
_DAYS = re.compile(f"{_DAY}(?:/{_DAY})?")  # `2023-08-24`, `--06-06/--06-08`
_SIGNING = re.compile(
    r"(?<!sẽ )\b(?:ký kết|đã ký|lễ ký|ký (?:hợp tác|thỏa thuận|thoả thuận|bản ghi nhớ|biên bản|hiệp định|hợp đồng|văn kiện))\b",
    re.I,
)
_PLANNED = re.compile(r"\b(?:sẽ|nên|chưa|dự kiến|tiến tới|hướng tới|một khi)\b[^.;]*$", re.I)
_VISIT = re.compile(r"\bthăm\b|chuyến công tác|công du", re.I)
_MEETING = re.compile(r"hội đàm|người đồng cấp|làm việc|hội kiến|tiếp|hội thảo|gặp|thảo luận|điện đàm|hội nghị|tọa đàm|toạ đàm|đối thoại", re.I)


def party_of(ent: Entity) -> Party:
    """The party a LOCATION or ORGANIZATION mention stands for."""
    seat = _seat_country(ent.text)
    if seat:
        return Party(ent.text, seat, "organization")
    if ent.label == "LOCATION":
        value = ent.normalized or {}
        kind = value.get("admin", "other")
        return Party(value.get("name") or ent.text, value.get("country"), kind if kind != "other" else "other")
    place = lookup_place(ent.text)  # a place the tagger called an organisation (`Tỉnh Artemisa`)
    if place is not None:
        return Party(place.name, place.country, place.admin)
    body = _PLACE_BODY.match(ent.text)
    if body:
        place = lookup_place(body.group("place"))
        if place is not None:
            return Party(place.name, place.country, place.admin)
    owner = _SEATED_AT.sub("", ent.text)
    place = trailing_place(owner)
    if place is not None and place.admin == "country" and _STATE_BODY.search(owner) and not _MINISTRY.match(owner):
        return Party(place.name, place.country, "country")
    if place is None and _STATE_BODY.match(owner):
        return Party(ent.text, "VN", "organization")  # `Bộ Ngoại giao` unqualified, in Vietnamese news
    if place is None:
        return Party(ent.text, None, "organization")
    return Party(canonical_country(ent.text, place), place.country, "organization")


def instrument_of(text: str) -> str | None:
    """Instrument code of an AGREEMENT span (`Bản ghi nhớ` → `mou`); a twinning MoU is `mou`."""
    lowered = text.lower()
    found = [code for code, pattern in _INSTRUMENT_WORDS if re.search(pattern, lowered)]
    return min(found, key=INSTRUMENTS.index) if found else None


def aggregate(doc: Document, sentences: list[Sentence]) -> list[Partnership]:
    """One record per pair of parties that a PARTNER relation links.

    Mentions of one party (``tỉnh Bình Dương``, ``UBND tỉnh Bình Dương``, an alias, a
    shorter name) merge through :func:`mention_parties`; a state body dealing with a foreign
    party stands for its state. A pair of countries that only restates the countries of a
    local pair in the same sentences is background, not a record of its own.
    """
    by_id = {e.id: e for e in doc.entities}
    party = mention_parties(doc)
    party_names = {ent_id: p.name for ent_id, p in party.items()}
    sentence_at = sentence_finder(sentences)
    pairs: dict[frozenset[str], tuple[Party, Party]] = {}
    pair_sentences: dict[frozenset[str], set[int]] = {}
    partner = [r for r in doc.relations if r.label == "PARTNER"]
    named = {party[i].name for r in partner for i in (r.head, r.tail)}
    for rel in partner:
        a, b = _for_state(party[rel.head], party[rel.tail]), _for_state(party[rel.tail], party[rel.head])
        a, b = _capital_for_state(a, b), _capital_for_state(b, a)
        if _is_venue(doc.text, by_id[rel.head], a, named) or _is_venue(doc.text, by_id[rel.tail], b, named):
            continue
        if _unnamed(a) or _unnamed(b) or a.name == b.name or _own_body(a, b) or _own_body(b, a) \
                or _inside(a, b) or _inside(b, a):
            continue
        key = frozenset((a.name, b.name))
        pairs.setdefault(key, (a, b))
        pair_sentences.setdefault(key, set()).add(sentence_at(by_id[rel.head].start))
    keys = _with_trilaterals(_drop_background(pairs, pair_sentences), pairs, pair_sentences)
    evidence = {key: [(s.start, s.end) for i, s in enumerate(sentences) if i in pair_sentences[key]] for key in keys}
    records = []
    for key in keys:
        elsewhere = [span for other in keys if other != key for span in evidence[other] if span not in evidence[key]]
        records.append(_record(doc, by_id, party_names, list(pairs[key]), evidence[key], elsewhere))
    if records:  # the article's first record is its main event, with its date
        records[0].date = records[0].date or _first_event_date(doc, by_id)
        lead = [(s.start, s.end) for s in sentences[:2]]
        records[0].instrument = records[0].instrument or _event_instrument(doc, lead)
        records[0].people += _lead_people(doc, lead, records[0])
    for record in records:  # a pledge with no event yet has no date (GUIDELINES: planned visits)
        if record.instrument is None:
            record.date = None
    if len(records) == 1:  # a lone record: every field the article names is its field
        for code in _sector_codes(doc):
            if code not in records[0].sectors:
                records[0].sectors.append(code)
    return records


def mention_parties(doc: Document) -> dict[str, Party]:
    """The party of every LOCATION/ORGANIZATION mention, one name per party.

    An alias in brackets is its full name (`Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO)`),
    wherever it is used. An organisation named with more or fewer words elsewhere (`Thượng
    viện Haiti`, `Thượng viện Cộng hòa Haiti`) is one party, named as the document names it
    most often (the shorter on a tie).
    """
    mentions = [e for e in doc.entities if e.label in ("LOCATION", "ORGANIZATION")]
    party = {e.id: party_of(e) for e in mentions}
    for alias, full in bracket_aliases(doc.text, mentions):
        short = party[alias.id].name
        party.update({ent_id: party[full.id] for ent_id, p in party.items() if p.name == short})
    for department, parent in _departments(doc.text, mentions, party):
        party[department.id] = Party(party[department.id].name, parent.country, "organization")
    canonical = _canonical_names(list(party.values()))
    kept = {p.name: p for p in party.values() if canonical.get(p.name) == p.name}
    country: dict[str, str] = {}
    for p in party.values():
        if p.name in canonical and p.country:
            country.setdefault(canonical[p.name], p.country)
    for ent_id, p in party.items():
        if p.name in canonical:
            name = canonical[p.name]
            party[ent_id] = Party(name, country.get(name), kept[name].kind)
    return party


def _canonical_names(parties: list[Party]) -> dict[str, str]:
    """Each variant organisation name → the name of its group the mentions use most (an
    abbreviation yields to the words it abbreviates)."""
    counts = Counter(p.name for p in parties)
    canonical = {}
    for group in _joined(_variant_pairs([p for p in parties if p.kind == "organization"])):
        name = min(group, key=lambda n: (any(_abbreviates(n, o) for o in group), -counts[n], len(n), n))
        canonical.update(dict.fromkeys(group, name))
    return canonical


def _joined(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """The connected groups of names that ``pairs`` link."""
    groups: list[set[str]] = []
    for a, b in pairs:
        touching = [g for g in groups if a in g or b in g]
        merged = {a, b}.union(*touching)
        groups = [g for g in groups if g not in touching] + [merged]
    return groups


def _for_state(body: Party, other: Party) -> Party:
    """A state body dealing with a foreign party acts for its state (`Bộ Quốc phòng` with
    Hoa Kỳ is Việt Nam); with a party of its own country it stays itself."""
    if body.kind != "organization" or not body.country or other.country in (None, body.country):
        return body
    if not _is_state_body(body) or _is_state_body(other):
        return body
    return _as_state(body)


def _is_state_body(party: Party) -> bool:
    return party.kind == "organization" and bool(_STATE_BODY.match(party.name) or _seat_country(party.name))


def _seat_country(name: str) -> str | None:
    """The country whose government a seat of government names (`Lầu Năm Góc` → US), or None."""
    return _STATE_SEATS.get(" ".join(name.casefold().split()))


def _as_state(party: Party) -> Party:
    """The country ``party`` belongs to, as a party (``party`` itself if the gazetteer lacks it)."""
    country = country_place(party.country)
    return Party(country.name, country.country, "country") if country else party


def _capital_for_state(party: Party, other: Party) -> Party:
    """A foreign capital dealing with a state or with another capital stands for its state
    (`Washington` – `Bắc Kinh` is Hoa Kỳ – Trung Quốc); with any other city it is itself."""
    if not _is_capital(party) or not (other.kind == "country" or _is_capital(other)):
        return party
    return _as_state(party)


def _is_capital(party: Party) -> bool:
    place = lookup_place(party.name) if party.kind == "city" else None
    return place is not None and place.capital


def _departments(text: str, mentions: list[Entity], party: dict[str, Party]):
    """(department mention, its parent's party) for `Cục Thông tin, Quân đội Myanmar`: a
    department named without a country, then a state body of one after a comma."""
    ordered = sorted(mentions, key=lambda e: e.start)
    for first, second in zip(ordered, ordered[1:]):
        parent = party[second.id]
        if text[first.end:second.start] != ", " or party[first.id].country or not parent.country:
            continue
        if _DEPARTMENT.match(first.text) and _STATE_BODY.match(second.text):
            yield first, parent


def _variant_pairs(organizations: list[Party]) -> list[tuple[str, str]]:
    """Names of one organisation, countries agreeing: the same words in another case or
    without a company type word (`Công ty cổ phần VNG`, `VNG`), one name's words all within
    another's, or an abbreviation (`LLBVBB Nhật Bản`, `Lực lượng Bảo vệ bờ biển Nhật Bản`)."""
    names: dict[str, str | None] = {}
    for p in organizations:
        names.setdefault(p.name, p.country)
    words = {n: _name_words(n) for n in names}
    pairs = []
    for name, other in permutations(names, 2):
        same = words[name] == words[other] or _abbreviates(name, other)
        if not same and (len(set(words[name])) < 2 or not set(words[name]) < set(words[other])):
            continue
        if names[name] and names[other] and names[name] != names[other]:
            continue
        if not same and not names[name] and names[other] and trailing_place(other) is not None:
            continue  # `Bộ Quốc phòng` is not `Bộ Quốc phòng Campuchia`
        pairs.append((name, other))
    return pairs


def _name_words(name: str) -> list[str]:
    """The words that tell one organisation from another: casefolded, company type words dropped."""
    return COMPANY_TYPE.sub("", name).casefold().split()


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with its first words cut to their capitalised initials."""
    first, *rest = short.split()
    words = long.split()
    size = len(first)
    if size < 2 or not first.isalpha() or not first.isupper() or len(words) != size + len(rest):
        return False
    initials = "".join(word[0] for word in words[:size]).upper()
    return initials == first and [w.casefold() for w in words[size:]] == [w.casefold() for w in rest]


def _is_venue(text: str, ent: Entity, party: Party, parties: set[str]) -> bool:
    """An organisation named as the place of the event (`tại Trung tâm Hành chính tỉnh`), or a
    town there inside a party (`tại thành phố Thủ Dầu Một` when Bình Dương is a party).

    A province or country named as the venue often is the host party, so it stays.
    """
    if _VENUE.search(text[max(0, ent.start - 8):ent.start]) is None:
        return False
    if ent.label == "ORGANIZATION":
        return True
    place = lookup_place(party.name) if ent.label == "LOCATION" else None
    return place is not None and place.parent in parties


def _inside(place: Party, other: Party) -> bool:
    """A place does not partner the province it lies in (`Thủ Dầu Một` – `Bình Dương`)."""
    found = lookup_place(place.name) if place.kind not in ("country", "organization") else None
    return found is not None and found.parent == other.name


def _unnamed(party: Party) -> bool:
    """A descriptor, not a name (`Chính quyền tỉnh`, `Thủ đô`): it cannot found a record.

    Vietnamese names are title-cased after their first word; parties the gazetteer placed,
    acronyms (`UBND tỉnh`) and one-word names (`Horasis`) count as named.
    """
    words = party.name.split()
    if party.country is None and _LEVEL_AT_END.search(party.name):
        return True  # `Ban Thường vụ Tỉnh ủy`, `UBND tỉnh`: the body of a province left unnamed
    if party.country is not None or len(words) < 2 or words[0][:2].isupper():
        return False
    return not any(word[0].isupper() for word in words[1:])


def _drop_background(pairs: dict, pair_sentences: dict) -> list[frozenset[str]]:
    """Pairs in text order, less those that only restate a more specific pair.

    A country pair stated in a sentence of a local pair of the same two countries (two
    places or bodies, neither a country) is background; so is a country paired with a place
    or body whenever that place is paired with something inside the country (``Cuba`` –
    ``Bình Dương`` beside ``Artemisa`` – ``Bình Dương``).
    """
    local = {key: {p.country for p in pairs[key]} for key in pairs if all(p.kind != "country" for p in pairs[key])}
    kept = []
    for key, parties in pairs.items():
        countries = {p.country for p in parties}
        if all(p.kind == "country" for p in parties) and any(
            countries == local_countries and pair_sentences[key] & pair_sentences[other]
            for other, local_countries in local.items()
        ):
            continue
        if _restates_a_local_pair(parties, pairs.values()) or _within_a_country_pair(parties, pairs.values()):
            continue
        kept.append(key)
    return kept


def _with_trilaterals(keys: list[frozenset[str]], pairs: dict, pair_sentences: dict) -> list[frozenset[str]]:
    """Three parties that pair with each other in one sentence are one three-party record
    (`Hà Nội`, `BRG` and `Sumitomo` sign together); a pair of them stays a record of its own
    only where it also appears outside the sentences the three share, and on those sentences alone.

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
        kept.insert(min((kept.index(key) for key in trio if key in kept), default=len(kept)), group)
        kept = [key for key in kept if key not in trio or not pair_sentences[key] <= shared]
        for key in trio:
            pair_sentences[key] = pair_sentences[key] - shared
    return kept


def _sentence_trios(keys: list[frozenset[str]], pair_sentences: dict) -> list[tuple[frozenset[str], ...]]:
    """The triples of pairs found together in some sentence, in the order of ``keys``; only
    these can share a sentence, and a long text with many pairs would have far too many triples."""
    by_sentence: dict[int, list[frozenset[str]]] = {}
    for key in keys:
        for sentence in pair_sentences[key]:
            by_sentence.setdefault(sentence, []).append(key)
    trios = {trio for here in by_sentence.values() for trio in combinations(here, 3)}
    return sorted(trios, key=lambda trio: [keys.index(key) for key in trio])


def _restates_a_local_pair(parties: tuple[Party, Party], all_pairs) -> bool:
    kinds = [p.kind == "country" for p in parties]
    if kinds.count(True) != 1:
        return False
    country, other = parties if kinds[0] else parties[::-1]
    for a, b in all_pairs:
        for inside, same in ((a, b), (b, a)):
            if same.name == other.name and inside.kind != "country" and inside.country == country.country:
                return True
    return False


def _within_a_country_pair(parties: tuple[Party, Party], all_pairs) -> bool:
    """A country paired with a public body of another country restates the pair of the two
    countries when the document has it (`Việt Nam` – `Ủy ban Quân lực Thượng viện Hoa Kỳ`
    beside `Việt Nam` – `Hoa Kỳ`); a company keeps its own record."""
    kinds = [p.kind == "country" for p in parties]
    if kinds.count(True) != 1:
        return False
    country, body = parties if kinds[0] else parties[::-1]
    if body.kind != "organization" or not body.country or COMPANY_TYPE.match(body.name):
        return False
    wanted = {country.country, body.country}
    return any(a.kind == b.kind == "country" and {a.country, b.country} == wanted for a, b in all_pairs)


def _own_body(country: Party, other: Party) -> bool:
    """A country does not partner a body of its own (`Hoa Kỳ` – `Bộ Ngoại giao Hoa Kỳ`)."""
    return country.kind == "country" and other.kind != "country" and other.country == country.country


def _record(doc: Document, by_id: dict[str, Entity], party_names: dict[str, str], parties: list[Party],
            evidence: list[tuple[int, int]], elsewhere: list[tuple[int, int]]) -> Partnership:
    """A record from the mentions of its parties, less those in another record's sentences."""
    names = {p.name for p in parties}
    party_ids = {
        ent_id for ent_id, name in party_names.items()
        if name in names and not _within(by_id[ent_id].start, elsewhere)
    }
    sectors = []
    for rel in doc.relations:
        code = (by_id[rel.tail].normalized or {}).get("code") if rel.label == "COOPERATES_IN" else None
        if rel.head in party_ids and code and code not in sectors:
            sectors.append(code)
    for ent in doc.entities:  # fields named in the record's sentences, linked or not
        code = (ent.normalized or {}).get("code") if ent.label == "SECTOR" else None
        if code and code not in sectors and _within(ent.start, evidence):
            sectors.append(code)
    signers = party_ids | {r.head for r in doc.relations if r.label == "AFFILIATED_WITH" and r.tail in party_ids}
    signed = [by_id[r.tail] for r in doc.relations
              if r.label == "SIGNED" and r.head in signers and not _planned(doc.text, by_id[r.tail])]
    instruments = [_signed_instrument(a) for a in signed]
    instrument = min(instruments, key=INSTRUMENTS.index) if instruments else _event_instrument(doc, evidence)
    strongest = [a for a in signed if _signed_instrument(a) == instrument]
    return Partnership(
        parties=parties, sectors=sectors, date=_record_date(doc, by_id, strongest, evidence),
        instrument=instrument, people=_people(doc, evidence), evidence=evidence,
    )


def _sector_codes(doc: Document) -> list[str]:
    """The codes of the document's SECTOR mentions, in text order, once each."""
    codes = [(ent.normalized or {}).get("code") for ent in doc.entities if ent.label == "SECTOR"]
    return list(dict.fromkeys(code for code in codes if code))


def _signed_instrument(agreement: Entity) -> str:
    """The code of a signed instrument; one with no instrument word (`văn kiện`, `Kế hoạch`) is an agreement."""
    return instrument_of(agreement.text) or "agreement"


def _planned(text: str, agreement: Entity) -> bool:
    """Whether the words just before an agreement say it is yet to be signed (`sẽ ký kết`)."""
    return _PLANNED.search(text[max(0, agreement.start - 60):agreement.start]) is not None


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls inside one of ``spans`` (sentences as ``(start, end)``)."""
    return any(start <= offset < end for start, end in spans)


def _event_instrument(doc: Document, evidence: list[tuple[int, int]]) -> str | None:
    text = " ".join(doc.text[s:e] for s, e in evidence) or doc.text[:2000]
    if _SIGNING.search(text):
        return "agreement"  # signed, with no instrument named (`ký kết hợp tác`)
    if _VISIT.search(text):
        return "visit"
    if _MEETING.search(text):
        return "meeting"
    return None


def _record_date(doc: Document, by_id: dict[str, Entity], strongest: list[Entity],
                 evidence: list[tuple[int, int]]) -> str | None:
    """The date of the strongest instrument, else of an event in the evidence.

    A weaker instrument's date is not the record's: it was signed earlier (`Căn cứ Ý định
    thư đã ký kết ngày 21/4/2023, ... ký kết Bản ghi nhớ`).
    """
    dated = {r.head: (by_id[r.tail].normalized or {}).get("value") for r in doc.relations if r.label == "DATE_OF"}
    for agreement in strongest:
        if dated.get(agreement.id):
            return dated[agreement.id]
    for head_id, value in dated.items():
        head = by_id[head_id]
        if value and head.label != "AGREEMENT" and _within(head.start, evidence):
            return value
    return _first_day(doc, evidence)


def _first_day(doc: Document, spans: list[tuple[int, int]]) -> str | None:
    """The first date of day precision (or a range of days) within ``spans``: the event's, most often."""
    for ent in doc.entities:
        value = (ent.normalized or {}).get("value") or ""
        if ent.label == "DATE" and _DAYS.fullmatch(value) and _within(ent.start, spans):
            return value
    return None


def _first_event_date(doc: Document, by_id: dict[str, Entity]) -> str | None:
    """The value of the first dated DATE_OF tail in the text."""
    dates = sorted((by_id[r.tail] for r in doc.relations if r.label == "DATE_OF"), key=lambda d: d.start)
    return next((d.normalized["value"] for d in dates if (d.normalized or {}).get("value")), None)


def _lead_people(doc: Document, lead: list[tuple[int, int]], record: Partnership) -> list[Person]:
    """People the lead names for a country of the main record's parties who are not in it yet
    (the leaders of a visit are often named before the sentences that pair the parties)."""
    countries = {p.country for p in record.parties if p.country}
    named = {p.name for p in record.people}
    return [p for p in _people(doc, lead) if p.country in countries and p.name not in named]


def _people(doc: Document, evidence: list[tuple[int, int]]) -> list[Person]:
    """People with a title who are named in the record's evidence sentences."""
    people: dict[str, Person] = {}
    for ent in doc.entities:
        if ent.label != "PERSON" or not ent.normalized or not ent.normalized.get("title"):
            continue
        if evidence and not _within(ent.start, evidence):
            continue
        value = ent.normalized
        if ent.text not in people:
            people[ent.text] = Person(ent.text, value.get("title"), value.get("country"))
    return list(people.values())
