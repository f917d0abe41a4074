"""Organisation names: the company type words before a name, and aliases given in brackets."""

from __future__ import annotations

import re

from ..schema import Entity

# Longest first where one starts another (`công ty cổ phần` before `công ty`).
COMPANY_TYPE_WORDS = ("tổng công ty", "công ty cổ phần", "công ty tnhh", "công ty cp", "công ty", "tập đoàn")
# A company type word opening a name (`Tập đoàn Đất Xanh`), in any case.
COMPANY_TYPE = re.compile(rf"^(?i:{'|'.join(map(re.escape, COMPANY_TYPE_WORDS))})\s+")


def bracket_aliases(text: str, mentions: list[Entity]):
    """(alias, full name) mentions: each organisation right after another in brackets, `X (Y)`.

    A place in brackets is where the first lies (`Thủ Dầu Một (tỉnh Bình Dương)`), no alias.
    """
    ordered = sorted(mentions, key=lambda e: e.start)
    for full, alias in zip(ordered, ordered[1:]):
        bracketed = re.fullmatch(r"\s*\(\s*", text[full.end:alias.start]) and text[alias.end:].lstrip()[:1] == ")"
        if bracketed and full.label == alias.label == "ORGANIZATION":
            yield alias, full
