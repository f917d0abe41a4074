"""Sector codes (vnpartner.normalize.sectors)."""

from __future__ import annotations

import pytest

from vnpartner.normalize import sector_code, sector_key, sector_terms
from vnpartner.schema import SECTOR_CODES

# Every anchor of the contract's sector table (ANNOTATION.md, "Sector codes").
CONTRACT_ANCHORS = {
    "economy": ["kinh tế", "phát triển kinh tế"],
    "trade": ["thương mại", "xúc tiến thương mại", "xuất nhập khẩu", "bán buôn", "bán lẻ"],
    "investment": ["đầu tư", "xúc tiến đầu tư", "hợp tác đầu tư"],
    "agriculture": ["nông nghiệp", "lâm nghiệp", "thủy sản", "chăn nuôi", "trồng trọt", "cao su"],
    "industry": ["công nghiệp", "khu công nghiệp", "vật tư xây dựng", "khai thác khoáng sản"],
    "health": ["y tế", "dược phẩm", "vaccine", "sinh phẩm", "khám chữa bệnh", "chăm sóc sức khỏe"],
    "education": ["giáo dục", "đào tạo", "học bổng", "nguồn nhân lực", "trao đổi sinh viên"],
    "science_technology": ["khoa học công nghệ", "công nghệ sinh học", "đổi mới sáng tạo", "chuyển đổi số",
                           "viễn thông"],
    "culture": ["văn hóa", "di sản", "nghệ thuật", "điện ảnh"],
    "tourism": ["du lịch"],
    "sports": ["thể thao"],
    "defense_security": ["quốc phòng", "an ninh", "biên giới", "phòng chống tội phạm"],
    "politics_diplomacy": ["chính trị", "đối ngoại", "ngoại giao", "xây dựng Đảng"],
    "labor": ["lao động", "xuất khẩu lao động"],
    "environment": ["môi trường", "biến đổi khí hậu"],
    "energy": ["năng lượng", "điện"],
    "transport": ["giao thông", "vận tải", "hàng không", "logistics", "hạ tầng"],
    "urban_development": ["đô thị", "đô thị thông minh", "quy hoạch", "xây dựng"],
    "finance": ["tài chính", "ngân hàng", "ngân sách"],
    "people_exchange": ["giao lưu nhân dân", "thanh niên", "thanh thiếu niên"],
    "public_administration": ["hành chính công", "cải cách hành chính", "chính sách công"],
    "justice": ["tư pháp", "pháp luật"],
    "media": ["thông tin", "truyền thông", "báo chí"],
}
ANCHOR_CASES = [(term, code) for code, terms in CONTRACT_ANCHORS.items() for term in terms]


def test_the_anchor_table_covers_every_code():
    assert set(CONTRACT_ANCHORS) == set(SECTOR_CODES)


@pytest.mark.parametrize("term, code", ANCHOR_CASES)
def test_contract_anchors(term, code):
    assert sector_code(term) == code


@pytest.mark.parametrize("text, code", [
    ("khoa học-công nghệ", "science_technology"),
    ("khoa học - công nghệ", "science_technology"),
    ("Khoa học công nghệ", "science_technology"),
    ("KHOA HỌC   CÔNG NGHỆ", "science_technology"),
    ("văn hoá", "culture"),
    ("Thuỷ sản", "agriculture"),
    ("chăm sóc sức khoẻ", "health"),
    ("khám, chữa bệnh", "health"),
    ("Y tế", "health"),
    ("kinh tế - xã hội", "economy"),
    ("kinh tế-xã hội", "economy"),
    ("giao lưu thanh niên", "people_exchange"),
    ("thương mại điện tử", "trade"),
    ("dược phẩm", "health"),
    ("vắc-xin", "health"),
    ("sinh học", "science_technology"),
    ("công nghệ cao", "science_technology"),
    ("thủ công mỹ nghệ", "trade"),
    ("nông sản", "agriculture"),
    ("cơ kim khí", "industry"),
    ("số hóa", "science_technology"),
    ("thể dục thể thao", "sports"),
    ("giáo dục đào tạo", "education"),
    ("chính trị - đối ngoại", "politics_diplomacy"),
    ("xúc tiến thương mại đầu tư", "investment"),
])
def test_spelling_variants_and_extra_terms(text, code):
    assert sector_code(text) == code


@pytest.mark.parametrize("text, code", [
    ("phát triển khoa học công nghệ", "science_technology"),  # the longest known term inside
    ("lĩnh vực y tế", "health"),
    ("hợp tác về giáo dục", "education"),
    ("kinh tế-thương mại", "trade"),  # a compound field: its last field
    ("công nghiệp quốc phòng", "defense_security"),
    ("hạ tầng viễn thông", "science_technology"),
])
def test_known_term_inside_a_longer_span(text, code):
    assert sector_code(text) == code


@pytest.mark.parametrize("text", ["", "bác sĩ", "hữu nghị", "tốt đẹp"])
def test_unknown_is_none(text):
    assert sector_code(text) is None


def test_sector_key():
    assert sector_key("Khoa học - Công nghệ") == "khoa học công nghệ"
    assert sector_key("văn hoá") == "văn hóa"


def test_sector_terms_for_taggers():
    terms = sector_terms()
    assert set(terms.values()) <= set(SECTOR_CODES)
    lengths = [len(t) for t in terms]
    assert lengths == sorted(lengths, reverse=True)
    assert terms["khoa học công nghệ"] == "science_technology"
    assert terms["văn hóa"] == terms["văn hoá"] == "culture"
    assert "điện" not in terms and "thông tin" not in terms  # too common as ordinary words
    assert all(sector_code(term) == code for term, code in terms.items())


@pytest.mark.parametrize("text, code", [
    ("chống khủng bố", "defense_security"), ("bóng đá", "sports"), ("thành phố thông minh", "urban_development"),
    ("CNTT", "science_technology"), ("TTHC", "public_administration"), ("hệ sinh thái khởi nghiệp", "science_technology"),
    ("chống tham nhũng", "justice"), ("Internet of Things", "science_technology"), ("giày da-túi xách", "industry"),
    ("biến đổi khí hậu", "environment"), ("tìm kiếm và cứu hộ", "defense_security"),
])
def test_terms_the_gold_train_split_uses(text, code):
    assert sector_code(text) == code
