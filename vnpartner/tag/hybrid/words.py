"""Patterns, word sets and small helpers that more than one module of the hybrid tagger uses: the
span type, acronyms, the words that open a body's name, and predicates and span helpers such as
``_is_country``, ``_word_spans``, ``_run_on`` and ``_name_end``."""

from __future__ import annotations

import re

from ...normalize.places import lookup_place
from ...normalize.sectors import sector_code
from ...normalize.titles import MILITARY_RANKS

Span = tuple[int, int, str]
_NAME_LABELS = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ&]+")
_WORD = re.compile(r"\S*")
_FOREIGN_PARTICLES = frozenset({"al", "an", "at", "ben", "bin", "by", "da", "de", "del", "di", "du", "el", "in", "la", "le", "on",
                                 "ibn", "to", "van", "von"})
_CAMBODIAN_HONORIFIC = r"(?:Samdech|Xăm-đéc)(?: Akka Moha Sena Padei| Ác-ca Mô-ha Sê-na Pa-đây)?(?: Techo| Tê-chô)?"
_HONORIFIC_ONLY = re.compile(_CAMBODIAN_HONORIFIC)  # `Samdech Techo` + `Hun Sen`: no name of its own
_RANK = re.compile(rf"(?:{MILITARY_RANKS})(?!\w)")
# Abbreviations of currencies, diseases and viruses, units, products, stock indices and common
# nouns that the model takes for organisations (`USD`, `SARS-CoV-2`, `DN` for doanh nghiệp, `ĐB`
# for đại biểu, `HĐQT` for a company's board).
_NOT_ORGANIZATIONS = frozenset({
    "USD", "VND", "VNĐ", "EUR", "HIV", "AIDS", "GDP", "DN", "DNNN", "TP", "SV", "THPT", "MW", "ISO", "CDMA", "BH",
    "GMP", "ĐB", "ĐBQH", "CNLĐ", "HS", "HSSV", "OEM", "PNTR", "HĐQT", "SGK", "ATTP", "SDG", "SDGs", "BHYT",
    "LPG", "LNG", "CNG", "PP", "PVC", "ATM", "SMS", "CBCNV", "CBCNVC", "CBCC", "DA", "HTX", "PC", "TOP", "KCN", "KCX",
    "SN", "USS", "M&A", "VIDEO", "XEM", "CD", "THCS", "VĐV", "HLV", "KS", "BV", "TV", "VAT", "MBA",
    "SARS", "SARS-CoV-2", "COVID-19", "Covid-19", "nCoV", "H5N1", "MERS", "VN-Index", "HNX-Index",
})
# Acronyms of a kind of body, not of one body: no party of a pair (`Thành ủy-HĐND-UBND`).
_BODY_ACRONYMS = frozenset({"UBND", "HĐND", "MTTQ", "ĐH", "CĐ", "ĐHQG", "THPT", "THCS", "BCH", "BTC", "DN", "PV"})
# The kind of body alone (`ĐH` of `ĐH Zeeland`, `Tập đoàn` of `Tập đoàn đóng tàu Damen`): the
# model stops at the type word before a name it has not seen.
_BODY_TYPE_WORDS = frozenset({
    "ĐH", "CĐ", "ĐHQG", "Đại học", "Trường", "Trường ĐH", "Học viện", "Viện", "Công ty", "Tập đoàn",
    "Tổng công ty", "TCty", "Trung tâm", "Hiệp hội", "Liên đoàn", "Ngân hàng", "Bệnh viện", "Quỹ", "Bộ", "Sở", "Cục",
    "CLB", "Câu lạc bộ",
})
_NEXT_WORD = re.compile(r"[ \t]+(\w(?:[\w&'-]*[\w&])?)")  # not ending in a quote or a dash
# Words that open a body's name (`Liên đoàn Công nghiệp ...`, `Uỷ ban châu Âu`); a name the
# model cut after one of them is continued (see ``_whole_body``).
_BODY_HEADS = _BODY_TYPE_WORDS | frozenset({
    "Hội", "Phòng", "Ủy ban", "Uỷ ban", "Tổ chức", "Tổng cục", "Hội đồng", "Liên hiệp", "Đại sứ quán",
})
# What opens a body of its own after a ministry's `và` (`Bộ Ngoại giao và Diễn đàn Kinh tế Thế giới`).
_OTHER_BODY_HEADS = _BODY_HEADS | frozenset({"Diễn đàn", "Liên minh", "Chương trình", "Cơ quan", "Nhóm", "Hãng",
                                             "Báo", "Đài", "Thông tấn", "Câu lạc bộ", "Ban", "Đoàn", "Đảng",
                                             "Mặt trận"})
# A name does not end on these: the model stopped before the rest (`Đại sứ quán Việt Nam tại`).
_DANGLING = frozenset({"tại", "và", "của"})


def _opens_with_body(name: str, heads: frozenset[str] = _BODY_HEADS) -> bool:
    words = name.split()
    return " ".join(words[:2]) in heads or (len(words) > 1 and words[0] in heads)


def _run_on(spans: list[Span], continues, label: str = "ORGANIZATION") -> list[Span]:
    """``spans`` with each ``label`` span (a body) joined to the span right after it where
    ``continues(body, span)``."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1][2] == label and continues(out[-1], span):
            out[-1] = (out[-1][0], span[1], label)
            continue
        out.append(span)
    return out


def _name_end(text: str, end: int, most: int = 4, lowercase_inside: bool = False) -> int | None:
    """The end of the capitalised words (at most ``most``, on the line) right after ``end``; None
    if none. With ``lowercase_inside``, lowercase words between two capitalised ones count too
    (`Cộng hòa Séc`, `Năng lượng Đức`)."""
    found, at = None, end
    for _ in range(most):
        word = _NEXT_WORD.match(text, at)
        if word is None:
            break
        if not word.group(1)[0].isupper():
            after = _NEXT_WORD.match(text, word.end()) if lowercase_inside else None
            if found is None or after is None or not after.group(1)[0].isupper():
                break
        else:
            found = word.end()
        at = word.end()
    return found


def _in_document_number(text: str, start: int) -> bool:
    """Whether a span starting at ``start`` is the issuer code of a legal document's number
    (`QĐ-TTg` of `Quyết định số 772/QĐ-TTg`), not a body."""
    return text[start - 1:start] == "/" and text[start - 2:start - 1].isdigit()


def _is_country(name: str) -> bool:
    place = lookup_place(name)
    return place is not None and place.admin == "country"


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text[start:end]``."""
    return [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]


def _party_label(text: str, start: int, end: int) -> str | None:
    """LOCATION for a place the gazetteer knows, ORGANIZATION for an acronym naming no field that
    the text also writes on its own (`ASEAN`), else None."""
    name = text[start:end]
    if lookup_place(name) is not None:
        return "LOCATION"
    if not _ACRONYM.fullmatch(name) or name in _BODY_ACRONYMS or sector_code(name):
        return None
    alone = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return "ORGANIZATION" if alone.search(text, 0, start) or alone.search(text, end) else None


_DASH_GAP = re.compile(r"\s*[-–]\s*")
