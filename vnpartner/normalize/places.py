"""Place gazetteer: Vietnamese provinces and cities, countries, foreign provinces and cities.

Built on first use (never at import) from installed packages and from small files in
``vnpartner/resources/``:

* underthesea's ``address/data/mapping.json``: the 63 provinces before the 2025 merger,
  the 34 after it (``successor``), and the district-level units before 2025;
* pycountry: every country (English names and the ``vi`` translations of iso3166-1) and
  the first-level subdivisions of every other country (with ``vi`` iso3166-2 names);
* ``countries_vi.tsv``, ``places_extra.tsv``, ``vn_aliases.tsv``: today's Vietnamese names
  of countries, capitals and major cities, and Vietnamese aliases (``TP.HCM``, ``Sài Gòn``);
* ``places_ambiguous.tsv`` / ``places_dropped.tsv``: surfaces that need context / names
  not to use.

Canonical names are the Vietnamese short names without a type word (``Bình Dương``,
``Hồ Chí Minh``, ``Cuba``, ``Lào``, ``Nhật Bản``, ``La Habana``).
"""

from __future__ import annotations

import gettext
import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import VnPartnerError
from .text import collapse, is_ascii, norm_key, strip_diacritics, tone_variants

__all__ = [
    "DISTRICT_TYPE_WORDS", "OUTSIDE_TYPE_WORDS", "SPAN_TYPE_WORDS", "Place", "is_ambiguous", "is_common_word",
    "lookup_place", "place_surfaces", "sovereign_of", "strip_place_type", "type_word_before",
]

ADMIN_LEVELS = ("country", "province", "city", "other")
# Type words that belong to a LOCATION span when they directly precede the name ...
SPAN_TYPE_WORDS = ("tỉnh", "Tỉnh", "thành phố", "Thành phố", "TP.", "TP", "Tp.", "Tp", "T.P.")
# ... those that stay outside it (`thủ đô La Habana` → `La Habana`) ...
OUTSIDE_TYPE_WORDS = ("thủ đô", "Thủ đô", "vùng", "Vùng", "nước", "Nước", "bang", "Bang")
# ... and the district-level ones (`huyện Dầu Tiếng`), which the guidelines leave open.
DISTRICT_TYPE_WORDS = ("quận", "Quận", "huyện", "Huyện", "thị xã", "Thị xã")

# The words of a state's full name before the country's (`Cộng hòa Hồi giáo` Iran, `Liên bang` Đức).
STATE_PREFIX = re.compile(
    r"(?i:cộng hòa|cộng hoà)(?: (?i:xã hội chủ nghĩa|liên bang|hồi giáo|dân chủ nhân dân|nhân dân|dân chủ|ả rập))? "
    r"|(?i:liên bang) ")

# The kind of a facility named for its place (`sân bay quốc tế Bắc Kinh`, `cảng Cam Ranh`).
FACILITY_WORDS = r"(?i:sân bay|cảng)(?: (?i:quốc tế))?"
FACILITY_KIND = re.compile(rf"{FACILITY_WORDS} ")

# Longest first so that `thành phố` wins over nothing and `TP.` over `TP`.
_SPAN_TYPE_ALT = "|".join(re.escape(w) for w in sorted(SPAN_TYPE_WORDS, key=len, reverse=True))
# A type word ending in a full stop may touch the name (`TP.HCM`); the others need a space.
_TYPE_BEFORE = re.compile(rf"(?<![\w.])(?P<type>{_SPAN_TYPE_ALT})(?:(?<=\.)[ \t]?|[ \t])$")
# `các tỉnh miền Trung`, `tám tỉnh Cao - Bắc - Lạng`, `một thành phố châu Âu`: here the
# type word is a common noun (a number of provinces), not part of a place name.
_QUANTIFIER = re.compile(
    r"(?<!\w)(?:các|những|mọi|mỗi|từng|nhiều|mấy|vài|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|"
    r"số|toàn|cả|\d+)\s+$",
    re.I,
)

_Y_AS_I = dict(zip("yýỳỷỹỵ", "iíìỉĩị"))
_FINAL_Y = re.compile(r"(?<=[bcdđghklmnpqrstvx])[yýỳỷỹỵ](?!\w)")

# `thức tỉnh châu Âu` (to awaken Europe): `tỉnh` ends a word there; `chính thức tỉnh X` keeps it.
_COMPOUND = re.compile(r"(?<!chính )(?<!\w)thức\s+$", re.I)


def type_word_before(text: str, start: int) -> int | None:
    """Start of a place type word (``tỉnh``, ``thành phố``, ``TP.``) right before ``start``.

    None when there is none, or when a quantifier makes it a common noun
    (``các tỉnh miền Trung``).
    """
    m = _TYPE_BEFORE.search(text, max(0, start - 16), start)
    if not m:
        return None
    found = m.start("type")
    if _QUANTIFIER.search(text, max(0, found - 12), found) or _COMPOUND.search(text, max(0, found - 12), found):
        return None
    return found


_TYPE_PREFIX = re.compile(
    r"^(?P<type>tỉnh|thành\s+phố|t\.?p\.|tp|thủ\s+đô|vùng|nước|quận|huyện|thị\s+xã|bang|đặc\s+khu)"
    r"(?:\s+|(?<=\.)\s*)(?=\S)",
    re.I,
)
_TYPE_PREFERS = {
    "tỉnh": "province", "thành phố": "city", "tp.": "city", "t.p.": "city", "tp": "city",
    "thủ đô": "city", "nước": "country", "bang": "province", "vùng": "province",
    "quận": "other", "huyện": "other", "thị xã": "other", "đặc khu": "other",
}
_GENERIC_WORDS = frozenset(
    "north south east west central northern southern eastern western centre center capital "
    "nord sud est ouest centro norte sur este oeste littoral coast island islands lakes plateau "
    "mountain valley highlands interior".split()
)
# One Vietnamese syllable once its diacritics are gone: onset, one to three vowels, coda.
_VN_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows.

    ``name`` is canonical (Vietnamese short name, no type word); ``country`` is ISO 3166-1
    alpha-2 (None for regions such as ``Đông Nam Á``); ``admin`` is one of country,
    province, city, other. ``parent`` names the province or country that contains it;
    ``successor`` names the province a Vietnamese province was merged into in 2025;
    ``capital`` marks a foreign country's capital city.
    """

    name: str
    country: str | None
    admin: str
    parent: str | None = None
    successor: str | None = None
    capital: bool = False

    def to_dict(self) -> dict:
        """The LOCATION value of the contract: ``{"name", "country", "admin"}``."""
        return {"name": self.name, "country": self.country, "admin": self.admin}


@dataclass
class _Index:
    by_surface: dict[str, list[Place]] = field(default_factory=dict)
    by_key: dict[str, list[Place]] = field(default_factory=dict)
    by_ascii: dict[str, list[Place]] = field(default_factory=dict)
    ambiguous: dict[str, bool] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    sovereigns: dict[str, str] = field(default_factory=dict)  # `HK` → `CN`

    def add(self, place: Place, surfaces, ambiguous: bool | None = None) -> None:
        for raw in surfaces:
            surface = collapse(raw)
            if not surface:
                continue
            key = norm_key(surface)
            for variant in _surface_variants(surface):
                _append(self.by_surface, variant, place)
                if variant not in self.ambiguous:
                    self.ambiguous[variant] = _looks_ambiguous(variant, key) if ambiguous is None else ambiguous
            _append(self.by_key, _spelling_key(key), place)
            _append(self.by_ascii, strip_diacritics(key), place)


def _spelling_key(key: str) -> str:
    """``key`` with the spellings Vietnamese writes both ways made one: a dash between syllables
    as a space (`Xê-út`, `Xê Út`) and a syllable's final `y` after a consonant as `i` (`Thụy Sỹ`,
    `Thụy Sĩ`) in Vietnamese spelling, which ``key`` not being ASCII tells (`Mary` stays); an
    abbreviation's dot with or without a space after it (`St.Petersburg`, `St. Petersburg`)."""
    key = key.replace("-", " ").replace(". ", ".")
    return key if key.isascii() else _FINAL_Y.sub(lambda m: _Y_AS_I[m.group()], key)


def _append(table: dict[str, list[Place]], key: str, place: Place) -> None:
    places = table.setdefault(key, [])
    if place not in places:
        places.append(place)


def _surface_variants(surface: str) -> list[str]:
    """``surface`` in both tone styles and, for `A - B` names, with the dash written five ways
    (`A-B`, `A - B`, `A – B`, and with one space only: `A -B`, `A- B`)."""
    if surface.isascii():
        return [surface]
    forms = [surface]
    if re.search(r"\s[-–]\s", surface):
        forms += [re.sub(r"\s[-–]\s", dash, surface) for dash in ("-", " – ", " - ", " -", "- ")]
    return list(dict.fromkeys(v for form in forms for v in tone_variants(form)))


# ---------------------------------------------------------------- data files


def resource_rows(name: str) -> list[list[str]]:
    """Rows of a TSV file of ``vnpartner/resources`` (``#`` comments and blank lines skipped)."""
    text = resources.files("vnpartner").joinpath("resources", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise VnPartnerError("E202", f"the package {name!r} is needed for the gazetteers: pip install {name}")
    return Path(list(spec.submodule_search_locations)[0])


@lru_cache(maxsize=1)
def _underthesea_mapping() -> dict:
    path = _package_dir("underthesea") / "address" / "data" / "mapping.json"
    if not path.exists():
        raise VnPartnerError("E203", f"{path} is missing: install a recent underthesea (9.x ships address/data/mapping.json)")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Common Vietnamese words (underthesea's Viet22K list), lower case."""
    path = _package_dir("underthesea") / "corpus" / "data" / "Viet22K.txt"
    if not path.exists():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def is_common_word(text: str) -> bool:
    """Whether ``text`` is a common Vietnamese word (`lao động`, `trung ương`), in any case."""
    return " ".join(text.lower().split()) in _common_words()


@lru_cache(maxsize=1)
def _manual_ambiguous() -> frozenset[str]:
    return frozenset(norm_key(row[0]) for row in resource_rows("places_ambiguous.tsv"))


def _looks_ambiguous(surface: str, key: str | None = None) -> bool:
    """Could ``surface`` be an ordinary word or part of a person's name?"""
    key = norm_key(surface) if key is None else key
    if key in _manual_ambiguous():
        return True
    tokens = surface.split()
    if len(tokens) == 1:
        token = tokens[0]
        acronym = token.isupper() and len(token) > 1
        if not acronym and _VN_SYLLABLE.fullmatch(strip_diacritics(token).lower()):
            return True  # one Vietnamese syllable: Lào, Nhật, Đức, Huế, Nga, Anh
        if is_ascii(token) and len(token) <= 3 and not token.isupper():
            return True
    return key in _common_words() or key in _GENERIC_WORDS


# ---------------------------------------------------------------- builders


@lru_cache(maxsize=1)
def _index() -> _Index:
    index = _Index()
    _add_vn_aliases(index, _add_vn_provinces(index))
    countries = _add_countries(index)
    _add_extra_places(index)
    _add_vn_districts(index, urban=True)
    _add_subdivisions(index, countries)
    _add_vn_districts(index, urban=False)
    return index


def _add_vn_provinces(index: _Index) -> dict[str, Place]:
    """The 63 provinces (centrally-run cities are `city`) and the Vietnamese aliases."""
    mapping = _underthesea_mapping()
    old, new, merged = mapping["old_province_names"], mapping["province_names"], mapping["province_mapping"]
    by_name: dict[str, Place] = {}
    for key, info in old.items():
        successor_key = merged.get(key, key)
        successor = new[successor_key]["short"] if successor_key != key and successor_key in new else None
        admin = "city" if info["name"].startswith("Thành phố") else "province"
        place = Place(info["short"], "VN", admin, "Việt Nam", successor)
        index.add(place, [info["short"]])
        by_name[info["short"]] = place
    return by_name


def _add_countries(index: _Index) -> dict[str, str]:
    """Every pycountry country under its Vietnamese name; returns ISO2 → canonical name."""
    import pycountry

    vi = _translation("iso3166-1")
    dropped = {norm_key(row[0]) for row in resource_rows("places_dropped.tsv")}
    rows = {row[0]: row for row in resource_rows("countries_vi.tsv")}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        row = rows.get(code)
        english = [getattr(country, attr, "") for attr in ("name", "common_name", "official_name")]
        translated = [vi.gettext(n) for n in english if n]
        # Territories without a row keep their English short name, as Vietnamese news writes them.
        canonical = row[1] if row else (english[1] or english[0])
        surfaces = [canonical] + (row[2].split(";") if row and len(row) > 2 else [])
        surfaces += [_clean_vi_country(n) for n in translated] + english
        surfaces = [s for s in surfaces if s and "," not in s and norm_key(s) not in dropped]
        index.add(Place(canonical, code, "country"), surfaces)
        index.countries[code] = Place(canonical, code, "country")
        names[code] = canonical
    return names


def _clean_vi_country(name: str) -> str:
    """`Ba Tư, Cộng hoà Hồi giáo` → `Ba Tư`; `Nước Cộng Hoà Trung Phi` is kept whole."""
    return name.split(",")[0].strip()


def _add_vn_aliases(index: _Index, vn_provinces: dict[str, Place]) -> None:
    cities = _vn_district_places(urban=True)
    for alias, canonical in ((row[0], row[1]) for row in resource_rows("vn_aliases.tsv")):
        place = vn_provinces.get(canonical) or next((p for p in cities if p.name == canonical), None)
        if place is not None:
            index.add(place, [alias])


def _add_extra_places(index: _Index) -> None:
    for row in resource_rows("places_extra.tsv"):
        name, country, admin, parent = (row + ["", "", "", ""])[:4]
        variants = row[4].split(";") if len(row) > 4 else []
        capital = admin == "capital"
        place = Place(name, country or None, "city" if capital else admin, parent or None, capital=capital)
        index.add(place, [name] + variants)


_DISTRICT_PREFIXES = (("Thành phố ", "city"), ("Thị xã ", "other"), ("Quận ", "other"), ("Huyện ", "other"))


@lru_cache(maxsize=2)
def _vn_district_places(urban: bool) -> tuple[Place, ...]:
    """District-level units before 2025: cities (``urban``) or the quận/huyện/thị xã."""
    mapping = _underthesea_mapping()
    provinces = {info["name"]: info["short"] for info in mapping["old_province_names"].values()}
    seen: dict[tuple[str, str], Place] = {}
    for ward in mapping["ward_mapping"]:
        district, province = ward.get("old_district") or "", ward.get("old_province") or ""
        if (district, province) in seen:
            continue
        for prefix, admin in _DISTRICT_PREFIXES:
            if district.startswith(prefix) and (admin == "city") == urban:
                bare = district[len(prefix):].strip()
                name = district if bare.isdigit() else bare  # `Quận 1` keeps its type word
                seen[(district, province)] = Place(name, "VN", admin, provinces.get(province))
                break
    return tuple(seen.values())


def _add_vn_districts(index: _Index, urban: bool) -> None:
    for place in _vn_district_places(urban):
        index.add(place, [place.name], ambiguous=None if urban else True)


def _add_subdivisions(index: _Index, countries: dict[str, str]) -> None:
    """First-level subdivisions of every country but Vietnam, as provinces."""
    import pycountry

    vi = _translation("iso3166-2")
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "VN":
            continue
        names = [n.strip() for n in re.split(r";| / ", sub.name) if n.strip()]
        surfaces = [_clean_subdivision(n) for n in names] + names
        translated = _clean_subdivision(vi.gettext(names[0]))
        if translated != names[0] and _useful_translation(translated):
            surfaces.append(translated)
        surfaces = [s for s in dict.fromkeys(surfaces) if len(s) > 2 and "," not in s]
        own_code = sub.code.split("-", 1)[1]
        if surfaces and _is_listed_territory(index, own_code, surfaces):
            if own_code != sub.country_code:
                index.sovereigns[own_code] = sub.country_code
        elif surfaces:
            place = Place(surfaces[0], sub.country_code, "province", countries.get(sub.country_code))
            index.add(place, surfaces)


def _is_listed_territory(index: _Index, own_code: str, surfaces: list[str]) -> bool:
    """Whether a subdivision is a territory ISO lists as a country of its own (`CN-HK` is Hong
    Kong, `HK`): news gives it that code. `US-GA` Georgia shares a name with a country but not
    its code, so it stays a state."""
    return any(p.admin == "country" and p.country == own_code
               for s in surfaces for p in index.by_key.get(_spelling_key(norm_key(s)), []))


_GENERIC_HEADS = re.compile(
    r"^(?:Miền|Vùng|Đảo|Quần [Đđ]ảo|Sông|Hạt|Cộng [Hh]o[àa]|Lãnh|Công|Quận|Vịnh|Bờ|Thành [Pp]hố)\b"
)


def _useful_translation(name: str) -> bool:
    """A `vi` subdivision name worth matching: `Nam Úc`, `Bắc Kivu`; not `Miền Bắc`, `Tây Nam`."""
    if _GENERIC_HEADS.match(name) or _looks_ambiguous(name):
        return False
    words = _common_words()
    return not all(token.lower() in words for token in name.split())


_SUBDIVISION_SUFFIX = re.compile(
    r"(?:\s+(?:Sheng|Shi|(?:\w+zu\s+|Uygur\s+)?Zizhiqu|SAR|oblast'|kray|avtonomnyy okrug|avtonomnaya oblast'"
    r"|Respublika)|-(?:gwangyeoksi|teukbyeolsi|teukbyeoljachido|do))$"
)


def _clean_subdivision(name: str) -> str:
    """`Anhui Sheng` → `Anhui`, `Gyeonggi-do` → `Gyeonggi`, `Komi, Respublika` → `Komi`."""
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    name = name.split(",")[0].strip()
    return _SUBDIVISION_SUFFIX.sub("", name).strip()


def _translation(domain: str) -> gettext.NullTranslations:
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["vi"])
    except OSError:
        return gettext.NullTranslations()


# ---------------------------------------------------------------- public API


def place_surfaces() -> dict[str, list[Place]]:
    """Every surface form a tagger may match, as usually written, → the places it can name.

    Both tone styles (`Khánh Hòa`/`Khánh Hoà`) and dash spellings (`Bà Rịa - Vũng Tàu`,
    `Bà Rịa-Vũng Tàu`) are listed; the first place of each list is the likeliest. Built
    once and shared: do not modify it. Use :func:`is_ambiguous` before trusting a surface
    that is also an ordinary word or a name part (`Anh`, `Nga`, `Lào`, `Việt`).
    """
    return _index().by_surface


def is_ambiguous(surface: str) -> bool:
    """True when ``surface`` is also an ordinary word or part of a person's name.

    Flagged: single Vietnamese syllables (`Lào`, `Nhật`, `Đức`, `Hà`, `Nam`), common words
    (`Hòa Bình`, `Trang`), Chinese provinces that are Vietnamese given names (`Hải Nam`),
    and Vietnamese districts (`Dầu Tiếng`), which a tagger should take only after a type word.
    """
    text = collapse(surface)
    flags = _index().ambiguous
    return flags[text] if text in flags else _looks_ambiguous(text)


def strip_place_type(surface: str) -> tuple[str | None, str]:
    """``(type word or None, name)``: `tỉnh Bình Dương` → ``("tỉnh", "Bình Dương")``."""
    text = collapse(surface)
    m = _TYPE_PREFIX.match(text)
    if not m:
        return None, text
    return m.group("type"), text[m.end():]


def trailing_place(name: str, *, whole: bool = False, max_words: int = 4) -> Place | None:
    """The place named by the last words of ``name`` (`Đại sứ quán Ucraina tại Việt Nam` →
    Việt Nam), longest ending first; ``whole`` lets all of a short name be the place. Words in
    lowercase name no place unless the gazetteer writes them so (`châu Âu`): `Bộ Tư pháp` is
    the justice ministry, not France's."""
    words = name.split()
    longest = min(max_words, len(words) if whole else len(words) - 1)
    for size in range(longest, 0, -1):
        ending = " ".join(words[-size:])
        place = lookup_place(ending)
        if place is not None and (ending[0].isupper() or ending in place_surfaces()) \
                and not _name_syllable(ending, place, words[:-size]):
            return place
    return None


def _name_syllable(ending: str, place: Place, before: list[str]) -> bool:
    """A foreign country's first syllable standing for it (`Trung`, `Nhật`) right after a
    capitalised word is the end of a Vietnamese name (`Công ty Quang Trung`), not the country;
    after a country it still is one (`Hội hữu nghị Việt Trung`). A name ending in `Việt`
    (`Chứng khoán Bản Việt`) is Vietnamese either way."""
    return bool(before) and before[-1][:1].isupper() and place.name.split()[0] == ending != place.name \
        and place.country != "VN" and lookup_place(before[-1]) is None


# The words that open a text, up to the first punctuation (`Cuba` of `Cuba, Ngân hàng`).
_LEADING_WORDS = re.compile(r"\s*([^\s,.;:()\[\]\"“”]+(?:[^\S\n]+[^\s,.;:()\[\]\"“”]+)*)")


def leading_country(text: str, *, max_words: int = 6) -> tuple[Place, int] | None:
    """The country named by the first words of ``text`` (`Cuba, Ngân hàng` → Cuba), longest
    first, with the offset in ``text`` where its words end; None when they name no country."""
    match = _LEADING_WORDS.match(text)
    if match is None:
        return None
    words = list(re.finditer(r"\S+", match.group(1)))[:max_words]
    for size in range(len(words), 0, -1):
        end = match.start(1) + words[size - 1].end()
        place = lookup_place(text[match.start(1):end])
        if place is not None and place.admin == "country":
            return place, end
    return None


def country_place(code: str) -> Place | None:
    """The country with ISO 3166-1 alpha-2 ``code`` (`VN` → Việt Nam), or None."""
    return _index().countries.get(code.upper())


def sovereign_of(code: str | None) -> str | None:
    """The country a territory with its own ISO code belongs to (`HK` → `CN`), else None."""
    return _index().sovereigns.get(code.upper()) if code else None


@lru_cache(maxsize=65536)  # places are frozen and the gazetteer fixed; news repeats its places
def lookup_place(surface: str, country_hint: str | None = None) -> Place | None:
    """The place a LOCATION surface names, or None.

    Leading type words (`tỉnh`, `thành phố`, `TP`, `TP.`, `thủ đô`, `vùng`, `nước`,
    `quận`, `huyện`) are stripped and steer the choice (`tỉnh La Habana` is the Cuban
    province, `La Habana` the capital). Matching ignores case and tone placement; an
    ASCII-only surface also matches without diacritics (`Ha Noi` → Hà Nội).
    ``country_hint`` (ISO2) picks among places of the same name.

    >>> lookup_place("tỉnh Bình Dương").to_dict()
    {'name': 'Bình Dương', 'country': 'VN', 'admin': 'province'}
    """
    text = collapse(surface).strip(" ,.;:()")
    if not text:
        return None
    places, type_word = _candidates(text)
    if not places:
        state = STATE_PREFIX.match(text)  # `Cộng hoà Palau`: the gazetteer knows `Palau`
        country = lookup_place(text[state.end():]) if state else None
        return country if country is not None and country.admin == "country" else None
    return _choose(places, type_word, country_hint)


def _candidates(text: str) -> tuple[list[Place], str | None]:
    index = _index()
    type_word, rest = None, text
    while True:
        found = index.by_key.get(_spelling_key(norm_key(rest)))
        if found:
            return found, type_word
        m = _TYPE_PREFIX.match(rest)
        if not m:
            break
        type_word, rest = re.sub(r"\s+", " ", m.group("type").lower()), rest[m.end():]
    for candidate in dict.fromkeys([text, rest]):
        # one or two letters without their marks are too weak a clue (`Y` of `Y tế` is not `Ý`)
        if is_ascii(candidate) and len(candidate) > 2:
            found = index.by_ascii.get(strip_diacritics(norm_key(candidate)))
            if found:
                return found, type_word
    return [], type_word


def _choose(places: list[Place], type_word: str | None, country_hint: str | None) -> Place:
    if country_hint:
        hinted = [p for p in places if p.country == country_hint.upper()]
        places = hinted or places
    wanted = _TYPE_PREFERS.get(type_word or "")
    if wanted:
        preferred = [p for p in places if p.admin == wanted]
        if wanted == "city" and not preferred:
            preferred = [p for p in places if p.admin == "province" and p.country != "VN"]
        places = preferred or places
    return places[0]
