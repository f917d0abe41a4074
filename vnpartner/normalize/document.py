"""Attach normalised values to the entities of a Document (the normalise step of extract)."""

from __future__ import annotations

import re

from ..schema import Document, Entity
from .dates import document_anchor, find_dateline, normalize_date
from .names import foreign_word, full_names, leader_country, vietnamese_name
from .places import FACILITY_KIND, Place, leading_country, lookup_place, strip_place_type, trailing_place
from .sectors import sector_code
from .titles import is_rank, normalize_title

_COUNTRY_NEXT = re.compile(r"\s*(?:\(|của |thuộc |, )\s*([^\s(),.;:][^(),.;:\n]{0,40})")
_LIST_BEFORE = re.compile(r"(?:,|\bvà)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,|và\b)")


def normalize_document(doc: Document) -> Document:
    """Fill ``normalized`` on DATE, LOCATION and SECTOR entities, and ``published``.

    Works in place and returns the document. Existing values are kept.
    """
    if doc.published is None:
        dateline = find_dateline(doc.text)
        doc.published = dateline.isoformat() if dateline else None
    dates = [e for e in doc.entities if e.label == "DATE"]
    anchor = document_anchor(doc.text, doc.published, [(e.start, e.end) for e in dates])
    countries = _named_countries(doc)
    earlier_year = None  # the year of the last date read, for `tháng 12 năm đó`
    for ent in sorted(doc.entities, key=lambda e: e.start):
        if ent.label == "DATE":
            if ent.normalized is None:
                ent.normalized = normalize_date(ent.text, anchor, earlier_year)
            year = (ent.normalized or {}).get("value", "")[:4]
            earlier_year = int(year) if year.isdigit() else earlier_year
        elif ent.normalized is not None:
            continue
        elif ent.label == "LOCATION":
            ent.normalized = _place_value(doc, ent, countries)
        elif ent.label == "SECTOR":
            code = sector_code(ent.text)
            ent.normalized = {"code": code} if code else None
    return doc


def _named_countries(doc: Document) -> list[str]:
    """The codes of the countries the document's LOCATION mentions name, first mention first."""
    places = (lookup_place(e.text) for e in doc.entities if e.label == "LOCATION")
    return list(dict.fromkeys(p.country for p in places if p is not None and p.admin == "country"))


def _place_value(doc: Document, ent: Entity, countries: list[str]) -> dict | None:
    facility = FACILITY_KIND.match(ent.text)
    surface = ent.text[facility.end():] if facility else ent.text
    hint = _country_hint(doc, ent)
    place = lookup_place(surface, country_hint=hint)
    if place is not None and hint is None and place.admin != "country" and place.country != "VN":
        place = _in_named_country(surface, place, countries)
    if place is not None and facility:  # `sân bay quốc tế Bắc Kinh`: in Beijing, not Beijing
        return {"name": ent.text, "country": place.country, "admin": "other"}
    if place is None:
        return {"name": strip_place_type(ent.text)[1], "country": hint, "admin": "other"} if hint else None
    return {"name": place.name, "country": place.country, "admin": place.admin}


def _in_named_country(surface: str, place: Place, countries: list[str]) -> Place:
    """Of foreign places sharing a name, the one in a country the document names (`Maryland`
    beside `Hoa Kỳ` is the state, not the Liberian county)."""
    for code in countries:
        named = lookup_place(surface, country_hint=code)
        if named is not None and named.country == code:
            return named
    return place


def _country_hint(doc: Document, ent: Entity) -> str | None:
    """The country named right after a place (`Artemisa của Cuba`, `Champasak (Lào)`,
    `Kosice, Slovakia`); not the next item of a list (`Việt Nam, SriLanka, Thái Lan`)."""
    match = _COUNTRY_NEXT.match(doc.text, ent.end)
    if match is None:
        return None
    found = leading_country(match.group(1))
    if found is None:
        return None
    country, end = found
    if match.group(0).lstrip().startswith(",") and _in_list(doc.text, ent.start, match.start(1) + end):
        return None
    return country.country


def _in_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits inside a list of names: a comma or `và` both before
    ``start`` and after ``end``, or after ``end`` and then another country (`Newzeland, Hàn Quốc,
    Hungary`); `Kosice, Slovakia, Đại sứ quán` is a place and its country."""
    after = _LIST_AFTER.match(text, end)
    if after is None:
        return False
    return bool(_LIST_BEFORE.search(text[max(0, start - 6):start])) or leading_country(text[after.end():]) is not None


def normalize_people(doc: Document) -> Document:
    """Fill PERSON values from the HAS_TITLE and AFFILIATED_WITH relations of the document.

    A person's country is that of their body, else the one their title names (`Tổng thống
    Mỹ`), unless the name reads as Vietnamese and the country is not one whose names the press
    writes that way (``_HOMES_OF_VIETNAMESE_NAMES``). What one mention of a name gives (title,
    body, country) holds for every mention of that name that lacks it, and for a shorter mention
    of it (`Trump` of `Donald Trump`), whose body and country are the full name's where it has
    them: the article introduces a person in full (`Tổng thống Philippines Rodrigo Duterte`).
    A head of state or government no mention gives a country has that of the leaders' list
    (:func:`leader_country`). A person with a Vietnamese name and no country from any mention is
    Vietnamese, titled or not (the gold gives every person a country), or
    Chinese in an article that names China and nothing Vietnamese (``_home_of_vietnamese_names``).
    """
    linked = _person_links(doc)
    people = sorted((e for e in doc.entities if e.label == "PERSON" and e.normalized is None), key=lambda e: e.start)
    values = {ent.id: _mention_value(ent, linked.get(ent.id, {})) for ent in people}
    known, shortened = _name_values(doc, people, values)
    for ent in people:
        own = values[ent.id] if ent.text not in shortened else {"title": values[ent.id]["title"]}
        ent.normalized = {key: own.get(key) if own.get(key) is not None else known[ent.text][key]
                          for key in values[ent.id]}
    return doc


def _person_links(doc: Document) -> dict[str, dict[str, Entity]]:
    """Person id -> {"HAS_TITLE": title, "AFFILIATED_WITH": body}: an office over a degree or rank,
    the closer of two bodies."""
    by_id = {e.id: e for e in doc.entities}
    linked: dict[str, dict[str, Entity]] = {}
    for rel in doc.relations:
        if rel.label in ("HAS_TITLE", "AFFILIATED_WITH") and rel.head in by_id and rel.tail in by_id:
            links = linked.setdefault(rel.head, {})
            head, tail, before = by_id[rel.head], by_id[rel.tail], links.get(rel.label)
            if rel.label == "HAS_TITLE" and before is not None and is_rank(tail.text):
                continue  # an office, not a degree or rank (`PGS.TS`, `Đại tá`), is the title
            if rel.label == "AFFILIATED_WITH" and before is not None and _closer_body(head, before, tail):
                continue
            links[rel.label] = tail
    return linked


def _mention_value(ent: Entity, links: dict[str, Entity]) -> dict:
    """What one mention's own links give: its title, its body and a country."""
    title, body = links.get("HAS_TITLE"), links.get("AFFILIATED_WITH")
    country = (_entity_country(body) if body else None) or (_title_country(title.text) if title else None)
    return {
        "title": normalize_title(title.text) if title else None,
        "affiliation": ((body.normalized or {}).get("name") or body.text) if body else None,
        "country": country if country in _HOMES_OF_VIETNAMESE_NAMES or not vietnamese_name(ent.text) else None,
    }


def _name_values(doc: Document, people: list[Entity],
                 values: dict[str, dict]) -> tuple[dict[str, dict], dict[str, str]]:
    """Name -> what all its mentions give together, completed by the country before a foreign
    official, the leaders' list, the home of Vietnamese names and the full name of a short one;
    and the short names -> their full names."""
    known: dict[str, dict] = {}
    for ent in people:
        merged = known.setdefault(ent.text, {})
        for key, value in values[ent.id].items():
            if merged.get(key) is None:
                merged[key] = value
    shortened = full_names(list(known))
    for ent in {e.text: e for e in reversed(people)}.values():  # the first mention of each name
        merged = known[ent.text]
        if merged["country"] is None and merged["title"] is not None and ent.text not in shortened \
                and any(foreign_word(word) for word in ent.text.split()):
            merged["country"] = _foreign_country_before(doc, ent)
    for name, merged in known.items():  # `Tổng thống Donald Trump`, `Thủ tướng Lý Hiển Long`
        if merged["country"] is None:
            merged["country"] = leader_country(shortened.get(name, name))
    home = _home_of_vietnamese_names(doc)
    for merged in (known[name] for name in known if vietnamese_name(name)):
        if merged["country"] is None:
            merged["country"] = home
    for short, full in shortened.items():  # after the steps above, so `Hải` is Vietnamese as `Đỗ Thắng Hải` is
        for key, value in known[full].items():
            if known[short].get(key) is None or key != "title" and value is not None:
                known[short][key] = value  # the full name's body and country over a short mention's
    return known, shortened


# Between a country and a person it names the country of: a title, an honorific, `của`, `do`,
# `theo lời mời của` (`Pakistan, theo lời mời của Tổng thống Pervez Musharraf`).
_LINKING_GAP = re.compile(r"[ ,\-–]*(?:(?:theo|nhận) lời mời của |do |của )?(?:(?:[Nn]gài|ông|bà) )? *")
_VENUE_BEFORE = re.compile(r"\b(?:tại|ở)\s+$")


def _foreign_country_before(doc: Document, person: Entity) -> str | None:
    """The foreign country named right before ``person`` with nothing but a link between
    (``_LINKING_GAP``, titles aside): `Ngoại trưởng Qatar - ông Mutlaq al-Qahtani`; not a venue
    (`tại Pakistan, Tổng thống ...`), a bracketed country, or a country the sentence does
    something to (`tấn công Syria nếu có lệnh của Tổng thống Donald Trump`)."""
    before = [e for e in doc.entities if e.end <= person.start and e.label in ("LOCATION", "ORGANIZATION")]
    place = max(before, key=lambda e: e.end, default=None)
    value = (place.normalized or {}) if place is not None and place.label == "LOCATION" else {}
    if value.get("admin") != "country" or value.get("country") == "VN":
        return None
    gap = doc.text[place.end:person.start]
    for title in (e for e in doc.entities if e.label == "TITLE" and place.end <= e.start and e.end <= person.start):
        gap = gap.replace(title.text, " ")
    if not _LINKING_GAP.fullmatch(gap) or _VENUE_BEFORE.search(doc.text, max(0, place.start - 8), place.start) \
            or doc.text[place.start - 1:place.start] == "(":
        return None
    return value["country"]


def _first_of_pair(name: str) -> str | None:
    """The country of a body named for two countries, the first (`Hội Hữu nghị Việt Nam - Cuba` is
    Vietnamese, `Nhóm Nghị sỹ Hữu nghị Cuba-Việt Nam` Cuban); None for other names."""
    parts = _PAIR_DASH.split(name)
    if len(parts) != 2:
        return None
    first, second = trailing_place(parts[0], whole=True), lookup_place(parts[1])
    if first is None or second is None or first.admin != "country" or second.admin != "country":
        return None
    return first.country if first.country != second.country else None


def _closer_body(person: Entity, body: Entity, other: Entity) -> bool:
    """Whether ``body`` is the better of a person's two bodies: the one that gives a country, then
    the one named nearer (`Bộ trưởng Ngoại giao Iran Zarif và người đồng cấp Canada`)."""
    def rank(ent: Entity) -> tuple[bool, int]:
        return _entity_country(ent) is None, max(person.start - ent.end, ent.start - person.end, 0)
    return rank(body) < rank(other)


# Where a name that reads as Vietnamese can be native: Vietnam, and the countries whose names the
# press writes in Sino-Vietnamese (`Lý Hiển Long`, `Phan Cơ Văn`). A Vietnamese name tied to another
# country is a Vietnamese visitor there (`chuyến thăm Nga của Chủ tịch nước Trần Đại Quang`); the
# gold ties 21 such names to a foreign country, all of them Chinese or Taiwanese.
_HOMES_OF_VIETNAMESE_NAMES = frozenset({"VN", "CN", "TW", "HK", "MO", "SG", "KR", "KP"})


def _home_of_vietnamese_names(doc: Document) -> str:
    """Chinese names read in Sino-Vietnamese look Vietnamese (`Hồ Cẩm Đào`, `Vương Nghị`): in the
    gold articles naming China and no Vietnamese place or body, 7 of 8 such people were Chinese."""
    countries = {_entity_country(e) for e in doc.entities if e.label in ("LOCATION", "ORGANIZATION")}
    return "CN" if "CN" in countries and "VN" not in countries else "VN"


def _title_country(title: str) -> str | None:
    """The country a title names at its end (`Tổng thống Mỹ`, `Ngoại trưởng Nhật Bản`), or None."""
    place = trailing_place(title)
    return place.country if place is not None and place.admin == "country" else None


_PAIR_DASH = re.compile(r"\s*[-–]\s*")


def _entity_country(ent: Entity) -> str | None:
    if ent.label == "LOCATION" and ent.normalized:
        return ent.normalized.get("country")
    first = _first_of_pair(ent.text)
    if first is not None:
        return first
    owner, seated, _ = ent.text.partition(" tại ")
    home = trailing_place(owner, whole=True) if seated else None
    if home is not None and home.admin == "country":  # `Đại sứ quán Mỹ tại Hà Nội`: the embassy's country
        return home.country
    place_words = re.search(r"(?:tỉnh|thành phố|TP\.?|tại)\s+(.+)$", ent.text)
    if place_words:
        place = lookup_place(place_words.group(1))
        if place is not None:
            return place.country
    place = trailing_place(ent.text, whole=True)
    return place.country if place else None

