"""TITLE vocabulary for taggers and the canonical spelling of a title.

Heads (``Bí thư``, ``Thống đốc``, ``Đại sứ đặc mệnh toàn quyền``) are in
``vnpartner/resources/titles.tsv``; the generic bodies a title keeps when no place or
proper name follows (``Tỉnh ủy``, ``UBND tỉnh``, ``Quốc phòng``) in ``title_bodies.tsv``.
Both are read on first use. Military ranks (``Đại tướng``) are listed here, once for the
title vocabulary and the pattern that tells a rank from an office.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .text import collapse, old_tone, tone_variants

__all__ = ["ACADEMIC_DEGREE", "MILITARY_RANKS", "is_degree", "is_rank", "normalize_title", "title_bodies", "title_terms"]

# An academic or medical degree written before a name (`PGS.TS.`, `GS-TSKH`, `ThS`, `BS`): a TITLE
# in the guidelines' gold (`PGS.TS. Nguyễn Cảnh Lương`). `KS` is left out: it is also a hotel.
ACADEMIC_DEGREE = re.compile(r"(?<![\w.-])(?:P?GS|TSKH|TS|ThS|BS|NCS)(?:\.? ?[.-]?(?:TSKH|TS|BS|CKII|CKI)(?!\w))*(?:\.|(?!\w))")

_SPELLED_DEGREE = re.compile(r"(?i)(?:phó )?giáo sư(?:,? tiến s[ĩỹ])?|tiến s[ĩỹ](?: khoa học)?|thạc s[ĩỹ]")

# Military ranks (`Đại tướng`, `Chuẩn Đô đốc`): TITLEs, but held beside an office.
_RANKS = ("Nguyên soái", "Thống tướng", "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đô đốc",
          "Phó Đô đốc", "Chuẩn Đô đốc", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy",
          "Trung úy", "Thiếu úy")


def _lines(name: str) -> list[str]:
    text = resources.files("vnpartner").joinpath("resources", name).read_text(encoding="utf-8")
    return [collapse(line) for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _with_variants(terms: list[str]) -> tuple[str, ...]:
    """Both tone spellings of each term (`Ủy viên`, `Uỷ viên`), longest first, no duplicates."""
    forms = dict.fromkeys(variant for term in terms for variant in tone_variants(term))
    return tuple(sorted(forms, key=lambda t: (-len(t), t)))


# The ranks as a pattern (both tone spellings, longest first), for taggers and `is_rank`.
MILITARY_RANKS = "|".join(re.escape(rank) for rank in _with_variants(list(_RANKS)))
_MILITARY_RANK = re.compile(MILITARY_RANKS, re.IGNORECASE)


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    return _with_variants(_lines("titles.tsv") + list(_RANKS))


@lru_cache(maxsize=1)
def _bodies() -> tuple[str, ...]:
    return _with_variants(_lines("title_bodies.tsv"))


def title_terms() -> list[str]:
    """Heads of office and role titles, longest first, as usually capitalised.

    Includes `Bí thư`, `Phó Bí thư Thường trực`, `Bí thư thứ nhất`, `Thống đốc`,
    `Tỉnh trưởng`, `Đại sứ đặc mệnh toàn quyền`, `Ủy viên Bộ Chính trị`, `Trưởng đoàn` ...
    in both tone spellings (`Ủy`/`Uỷ`).
    """
    return list(_titles())


def title_bodies() -> list[str]:
    """Generic body words a title may absorb (`Tỉnh ủy`, `UBND tỉnh`, `Quốc hội`), longest first.

    Per the guidelines a title keeps its body only when no place or proper name follows:
    `Bí thư Tỉnh ủy` is one TITLE; in `Bí thư Thành ủy Hà Nội` the TITLE is `Bí thư`.
    """
    return list(_bodies())


def normalize_title(text: str) -> str:
    """A title in one spelling: NFC, spaces collapsed, `Uỷ` → `Ủy`, `hoà` → `hòa`.

    >>> normalize_title("Phó  Chủ tịch  Uỷ ban nhân dân tỉnh")
    'Phó Chủ tịch Ủy ban nhân dân tỉnh'
    """
    return old_tone(collapse(text))


def is_degree(text: str) -> bool:
    """Whether ``text`` is an academic or medical degree (`PGS.TS`, `ThS.`, `Phó Giáo sư`), not an office.

    >>> is_degree("PGS.TS."), is_degree("Phó Giáo sư"), is_degree("Phó hiệu trưởng")
    (True, True, False)
    """
    return ACADEMIC_DEGREE.fullmatch(text) is not None or _SPELLED_DEGREE.fullmatch(text) is not None


def is_rank(text: str) -> bool:
    """Whether ``text`` is a degree or a military rank, which a person holds beside an office.

    >>> is_rank("Đại tướng"), is_rank("ThS."), is_rank("Bộ trưởng")
    (True, True, False)
    """
    return is_degree(text) or _MILITARY_RANK.fullmatch(text) is not None
