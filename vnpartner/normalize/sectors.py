"""SECTOR codes: map a sector span (`khoa học-công nghệ`, `Y tế`) to a code of SECTOR_CODES.

Terms live in ``vnpartner/resources/sectors.tsv`` (the contract's anchors and more); they
are read on first use. Matching ignores case, tone placement (`văn hoá`/`văn hóa`),
hyphens, commas and extra spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import VnPartnerError
from ..schema import SECTOR_CODES
from .places import resource_rows
from .text import collapse, old_tone, tone_variants

__all__ = ["is_sector_term", "sector_code", "sector_key", "sector_terms"]

_SEPARATORS = re.compile(r"[-‐‑‒–—,/;:()]+")
_LONGEST_TERM = 8  # words


def sector_key(text: str) -> str:
    """The matching key of a sector text: `Khoa học - Công nghệ` → `khoa học công nghệ`."""
    return collapse(_SEPARATORS.sub(" ", old_tone(collapse(text)).casefold()))


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, bool], ...]:
    """``(term, code, offered to taggers)`` for every line of sectors.tsv."""
    rows = []
    for cells in resource_rows("sectors.tsv"):
        if cells[1] not in SECTOR_CODES:
            raise VnPartnerError(
                "E204", f"sectors.tsv: {cells[1]!r} is not one of vnpartner.schema.SECTOR_CODES; fix the file")
        rows.append((cells[0], cells[1], len(cells) < 3 or cells[2] != "lookup"))
    return tuple(rows)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    return {sector_key(term): code for term, code, _ in _rows()}


def sector_code(text: str) -> str | None:
    """The sector code of a SECTOR span, or None when no known term is in it.

    An exact term wins; otherwise the longest known term inside the text, the rightmost
    of equal length: `phát triển khoa học công nghệ` → ``science_technology``, and a
    compound field is coded by its last field (`kinh tế-thương mại` → ``trade``), as the
    annotation guidelines code it.

    >>> sector_code("khoa học-công nghệ")
    'science_technology'
    """
    key = sector_key(text)
    table = _by_key()
    if key in table:
        return table[key]
    words = key.split()
    for size in range(min(_LONGEST_TERM, len(words)), 0, -1):
        for start in range(len(words) - size, -1, -1):
            code = table.get(" ".join(words[start:start + size]))
            if code:
                return code
    return None


def is_sector_term(text: str) -> bool:
    """Whether ``text`` is a term of the sector table as a whole (`an ninh-quốc phòng`).

    >>> is_sector_term("an ninh-quốc phòng"), is_sector_term("thương mại-đầu tư")
    (True, False)
    """
    return sector_key(text) in _by_key()


@lru_cache(maxsize=1)
def _terms() -> dict[str, str]:
    terms: dict[str, str] = {}
    for term, code, offered in _rows():
        if offered:
            for variant in tone_variants(term):
                terms.setdefault(variant, code)
    return dict(sorted(terms.items(), key=lambda item: (-len(item[0]), item[0])))


def sector_terms() -> dict[str, str]:
    """Sector surface → code for taggers, longest terms first (match case-insensitively).

    Terms too common as ordinary words (`điện`, `thông tin`) are left out; sector_code()
    still knows them. Both tone placements are listed (`văn hóa`, `văn hoá`). Shared: do not modify.
    """
    return _terms()
