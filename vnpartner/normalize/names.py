"""Names: the company type words before an organisation's name, aliases given in brackets, the
full name a shorter mention of a person stands for, and whether a person's name is Vietnamese."""

from __future__ import annotations

import re
from functools import lru_cache

from ..schema import Entity
from .places import Place, lookup_place, resource_rows
from .text import norm_key

# Longest first where one starts another (`công ty cổ phần` before `công ty`).
COMPANY_TYPE_WORDS = ("tổng công ty", "công ty cổ phần", "công ty trách nhiệm hữu hạn", "công ty tnhh", "công ty cp",
                      "công ty", "tập đoàn")
# A company type word opening a name (`Tập đoàn Đất Xanh`), in any case.
COMPANY_TYPE = re.compile(rf"^(?i:{'|'.join(map(re.escape, COMPANY_TYPE_WORDS))})\s+")

# Family names of Vietnamese officials. Vietnamese news names foreign leaders with their
# country at least once (`Chủ tịch Trung Quốc Tập Cận Bình`), its own ones without it.
_VIETNAMESE_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Trương Lương Mai Trịnh Tô Hà "
    "Lâm Cao Đoàn Chu Tạ Kiều Quách Thái La Vương Từ Nông Lưu Triệu Tống Doãn Mạc Tăng Giang Khổng Âu Hứa Châu "
    "Lại Thân Phùng Nghiêm Văn Lục Quan Tôn Diệp Hầu Đồng Bạch Khúc Uông Liêu Đới Tiết Lã Thạch Cù Ninh Bế "
    "Tòng Lò Vi Giáp Đàm Cầm Thào Sùng Giàng".split())  # the last, of the Tày, Thái and H'Mông


def leader_country(name: str) -> str | None:
    """The country of a head of state or government the press names without it (`Donald Trump`,
    `Lý Hiển Long`), from ``resources/leaders.tsv``; None for anyone else."""
    return _leaders().get(spelling_key(name))


def body_key(name: str) -> str | None:
    """The acronym of a body the press names both ways (`ASEAN` for `Hiệp hội các quốc gia Đông
    Nam Á`), from ``resources/bodies.tsv``; None for a body not listed."""
    return _bodies().get(norm_key(name))


@lru_cache(maxsize=1)
def _bodies() -> dict[str, str]:
    return {norm_key(name): acronym for acronym, names in resource_rows("bodies.tsv")
            for name in [acronym, *names.split(";")]}


@lru_cache(maxsize=1)
def _leaders() -> dict[str, str]:
    return {spelling_key(name): country for country, names in resource_rows("leaders.tsv") for name in names.split(";")}


def bracket_aliases(text: str, mentions: list[Entity]):
    """(alias, full name) mentions: each organisation right after another in brackets, `X (Y)`.

    A place in brackets is where the first lies (`Thủ Dầu Một (tỉnh Bình Dương)`), no alias.
    """
    ordered = sorted(mentions, key=lambda e: e.start)
    for full, alias in zip(ordered, ordered[1:]):
        bracketed = re.fullmatch(r"\s*\(\s*", text[full.end:alias.start]) and text[alias.end:].lstrip()[:1] == ")"
        if bracketed and full.label == alias.label == "ORGANIZATION":
            yield alias, full


def canonical_country(name: str, place: Place | None = None) -> str:
    """``name`` with the country that ends it written as the gazetteer names it (`Hải quân Mỹ`
    → `Hải quân Hoa Kỳ`, `Cao su VN` → `Cao su Việt Nam`); with ``place``, only that country.

    The country must start with a capital: in `Ngân hàng Nhà nước Việt Nam` the `nước` belongs
    to the name, not to the country.
    """
    words = name.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        if not words[-size][:1].isupper():
            continue
        found = lookup_place(" ".join(words[-size:]))
        if found is not None and found.admin == "country" and (place is None or found == place):
            return " ".join(words[:-size] + [found.name])
    return name


_GENERATION = re.compile(r"(?:Jr|Sr|II|III|IV)\.?")  # `Donald Trump Jr` is not `Donald Trump` in full


# A first name cut to its initial (`G.Poltavchenko`, `V. Putin`).
_INITIALLED = re.compile(r"(?P<initial>[A-ZĐ])\.\s?(?P<family>[A-ZĐ][\w'-]+)")
_MIDDLE_INITIAL = re.compile(r"(?<=\S) [A-Z]\. (?=\S)")
_INITIAL = re.compile(r"[A-ZĐ][a-zđ]?\.?")  # `N.`, `Th.`: a name shortened to protect someone
# An Arabic article joined to a family name (`al-Assad`), which the name's short form drops (`Assad`).
_ARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l)-(?=[A-Z])")


def full_names(names: list[str], titles: dict[str, str] | None = None) -> dict[str, str]:
    """Each name → the one longer name of ``names`` that ends or starts with its words
    (`Trump` → `Donald Trump`, `Moon` → `Moon Jae In`), or whose first word it writes as an
    initial (`G.Poltavchenko` → `Georgy Poltavchenko`); names with none or several are left out.
    With ``titles`` (name → title), of several longer names the one with the short name's title
    is it (`Tổng thống Trump` is `Donald Trump`, not `Melania Trump`)."""
    found = {}
    by_end = _names_by_end_word(names)
    for short in names:
        longer = [full for full in _candidates(short, by_end) if _shortens(short, full)]
        if len({spelling_key(full) for full in longer}) == 1:  # one name written two ways
            longer = sorted(longer, key=lambda full: (has_middle_initial(full), full))[:1]
        if len(longer) > 1 and titles and titles.get(short):
            longer = [full for full in longer if titles.get(full) == titles[short]]
        if len(longer) == 1:
            found[short] = longer[0]
    return found


def _names_by_end_word(names: list[str]) -> dict[str, list[str]]:
    """Each first and each last word of ``names`` → the names it opens or ends, in order."""
    index: dict[str, list[str]] = {}
    for name in names:
        words = _name_words(name)
        if not words:
            continue
        for word in {words[0], words[-1]}:
            index.setdefault(word, []).append(name)
    return index


def _candidates(short: str, by_end: dict[str, list[str]]) -> list[str]:
    """The names ``short`` could shorten: only those sharing its first or last word, or ending
    in the family name after its initial (see :func:`_shortens`)."""
    words = _name_words(short)
    if not words:
        return []
    keys = {words[0], words[-1]}
    initialled = _INITIALLED.fullmatch(short)
    if initialled is not None:
        keys.add(initialled.group("family"))
    return list(dict.fromkeys(name for key in keys for name in by_end.get(key, ())))


def spelling_key(name: str) -> str:
    """A name with case, hyphens, spaces and middle initials set aside, and the order of a
    foreign given and family name (Japanese names come in either): `Prayut Chan-o-cha` and
    `Prayut Chan-ocha`, `Donald J. Trump` and `Donald Trump`, `Seko Hiroshige` and `Hiroshige
    Seko` are one person written two ways."""
    words = _MIDDLE_INITIAL.sub(" ", name).casefold().replace("-", "").split()
    if len(words) == 2 and all(foreign_word(word) for word in words):
        words.sort()
    return re.sub(r"[\s-]+", "", "".join(words))


def has_middle_initial(name: str) -> bool:
    """Whether ``name`` writes a middle name as an initial (`Donald J. Trump`)."""
    return _MIDDLE_INITIAL.search(name) is not None


def _shortens(short: str, full: str) -> bool:
    """Whether ``short`` is a short form of the name ``full``: its last or first words, less
    Arabic articles (`Assad` of `Bashar al-Assad`), the name cut at its last word's hyphen
    (`Park Won` of `Park Won-soon`), or its family name after its first word's
    initial (`G.Poltavchenko` of `Georgy Poltavchenko`); not the name less a generation (`Jr`)."""
    if full == short or _GENERATION.fullmatch(full.split()[-1]):
        return False
    words, full_words = _name_words(short), _name_words(full)
    if len(full_words) > len(words) and words in (full_words[-len(words):], full_words[:len(words)]):
        return True
    if len(words) == len(full_words) > 1 and words[:-1] == full_words[:-1] \
            and full_words[-1].startswith(words[-1] + "-"):
        return True  # `Park Won` of `Park Won-soon`: a name cut at its hyphen
    initialled = _INITIALLED.fullmatch(short)
    return initialled is not None and len(full_words) > 1 and not _INITIALLED.fullmatch(full) \
        and full_words[-1] == initialled.group("family") and full_words[0][0] == initialled.group("initial")


def _name_words(name: str) -> list[str]:
    """The words of a name, less the Arabic article of each (`Bashar al-Assad` → `Bashar`, `Assad`)."""
    return [_ARTICLE.sub("", word) for word in name.split()]


# One Vietnamese syllable: onset, one to three vowels, coda (`nguyễn`, `khoa`, `ngh`-led `nghị`).
_VIETNAMESE_SYLLABLE = re.compile(
    r"(?i)(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def foreign_word(word: str) -> bool:
    """Whether a word is spelt as no Vietnamese syllable is (`Lincoln`, `Xiaomi`; not `Hà`).

    >>> foreign_word("Lincoln"), foreign_word("Nguyễn")
    (True, False)
    """
    return not all(_VIETNAMESE_SYLLABLE.fullmatch(part) for part in word.split("-"))


def vietnamese_name(name: str) -> bool:
    """Whether ``name`` reads as a Vietnamese person's: two to four capitalised words after a
    Vietnamese family name, each a Vietnamese syllable or an initial (`Hoàng Thị N.`), so not
    `Chu Shiu Kee`."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[0] in _VIETNAMESE_SURNAMES and all(w[:1].isupper() for w in words) \
        and not any(foreign_word(w) and not _INITIAL.fullmatch(w) for w in words[1:])
