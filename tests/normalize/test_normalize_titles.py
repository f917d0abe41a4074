"""Title vocabulary and spelling (vnpartner.normalize.titles)."""

from __future__ import annotations

import pytest

from vnpartner.normalize import normalize_title, title_bodies, title_terms

HEADS = [
    "Bí thư", "Phó Bí thư", "Bí thư thứ nhất", "Phó Bí thư Thường trực", "Chủ tịch", "Phó Chủ tịch",
    "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Đại sứ", "Đại sứ đặc mệnh toàn quyền",
    "Tổng lãnh sự", "Đại biện lâm thời", "Thống đốc", "Tỉnh trưởng", "Phó Tỉnh trưởng", "Thị trưởng",
    "Giám đốc", "Tổng giám đốc", "Chủ nhiệm", "Trưởng ban", "Trưởng đoàn", "Ủy viên Trung ương Đảng",
    "Ủy viên Bộ Chính trị", "Tổng Bí thư", "Chủ tịch nước", "Chủ tịch Quốc hội", "Hiệu trưởng",
    "Tổng thư ký", "Thư ký", "Tổng tư lệnh",
]
BODIES = ["Tỉnh ủy", "Thành ủy", "UBND tỉnh", "Ủy ban nhân dân tỉnh", "HĐND tỉnh", "Quốc hội", "Quốc phòng",
          "Ngoại giao"]


@pytest.mark.parametrize("head", HEADS)
def test_title_heads(head):
    assert head in title_terms()


def test_title_terms_have_both_tone_spellings_and_longest_first():
    terms = title_terms()
    assert "Uỷ viên Bộ Chính trị" in terms
    lengths = [len(t) for t in terms]
    assert lengths == sorted(lengths, reverse=True)
    assert len(terms) == len(set(terms))


@pytest.mark.parametrize("body", BODIES)
def test_title_bodies(body):
    assert body in title_bodies()


@pytest.mark.parametrize("raw, expected", [
    ("Phó  Chủ tịch  Uỷ ban nhân dân tỉnh", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    (" Bí thư Tỉnh uỷ ", "Bí thư Tỉnh ủy"),
    ("Uỷ viên Bộ Chính trị", "Ủy viên Bộ Chính trị"),
    ("Bộ trưởng Văn hoá", "Bộ trưởng Văn hóa"),
    ("Thống\u00a0đốc", "Thống đốc"),
    ("Thống đốc", "Thống đốc"),
])
def test_normalize_title(raw, expected):
    assert normalize_title(raw) == expected


def test_normalize_title_returns_nfc():
    decomposed = "Bi\u0301 thư Ti\u0309nh u\u0309y"
    assert normalize_title(decomposed) == "Bí thư Tỉnh ủy"


@pytest.mark.parametrize("degree", ["PGS.TS.", "PGS-TS", "GS.TSKH", "TS.", "ThS", "BS.CKII", "GS. TS"])
def test_academic_degrees_are_degrees(degree):
    from vnpartner.normalize.titles import is_degree

    assert is_degree(degree)


@pytest.mark.parametrize("other", ["Phó hiệu trưởng", "KS", "TSB", "GS Lê"])
def test_offices_hotels_and_names_are_no_degrees(other):
    from vnpartner.normalize.titles import is_degree

    assert not is_degree(other)


@pytest.mark.parametrize("rank", ["Đại tướng", "Thượng tá", "Chuẩn Đô đốc", "Phó đô đốc", "Thiếu úy", "ThS"])
def test_military_ranks_and_degrees_are_ranks(rank):
    from vnpartner.normalize.titles import is_rank

    assert is_rank(rank)


@pytest.mark.parametrize("office", ["Bộ trưởng", "Tổng Tham mưu trưởng", "Tư lệnh", "Trung tâm"])
def test_offices_are_no_ranks(office):
    from vnpartner.normalize.titles import is_rank

    assert not is_rank(office)
