"""The place gazetteer (vnpartner.normalize.places)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from vnpartner.normalize import Place, is_ambiguous, lookup_place, place_surfaces, strip_place_type
from vnpartner.normalize import places as places_module

CENTRAL_CITIES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
# The 34 provinces and cities after the merger of 1 July 2025.
NEW_PROVINCES = [
    "Hà Nội", "Tuyên Quang", "Cao Bằng", "Thái Nguyên", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La",
    "Phú Thọ", "Lạng Sơn", "Quảng Ninh", "Bắc Ninh", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa",
    "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa",
    "Lâm Đồng", "Đồng Nai", "Tây Ninh", "Hồ Chí Minh", "Đồng Tháp", "Vĩnh Long", "An Giang", "Cần Thơ",
    "Cà Mau",
]
# Provinces merged away in 2025 → the province they joined.
MERGED = {
    "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Hà Giang": "Tuyên Quang",
    "Quảng Nam": "Đà Nẵng", "Hải Dương": "Hải Phòng", "Bắc Giang": "Bắc Ninh", "Hậu Giang": "Cần Thơ",
    "Sóc Trăng": "Cần Thơ", "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Phú Yên": "Đắk Lắk",
    "Ninh Thuận": "Khánh Hòa", "Bình Thuận": "Lâm Đồng", "Đắk Nông": "Lâm Đồng", "Long An": "Tây Ninh",
    "Tiền Giang": "Đồng Tháp", "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Kiên Giang": "An Giang",
    "Bạc Liêu": "Cà Mau", "Yên Bái": "Lào Cai", "Hòa Bình": "Phú Thọ", "Vĩnh Phúc": "Phú Thọ",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Thái Bình": "Hưng Yên", "Quảng Bình": "Quảng Trị",
    "Bắc Kạn": "Thái Nguyên", "Bình Phước": "Đồng Nai",
}


def value(surface: str, hint: str | None = None) -> tuple[str, str | None, str] | None:
    place = lookup_place(surface, country_hint=hint)
    return (place.name, place.country, place.admin) if place else None


@pytest.mark.parametrize("surface, expected", [
    ("Bình Dương", ("Bình Dương", "VN", "province")),
    ("CH Dominican", ("Cộng hòa Dominica", "DO", "country")),
    ("SriLanka", ("Sri Lanka", "LK", "country")),
    ("Newzeland", ("New Zealand", "NZ", "country")),
    ("tỉnh Bình Dương", ("Bình Dương", "VN", "province")),
    ("Tỉnh Bình Dương", ("Bình Dương", "VN", "province")),
    ("TP Hồ Chí Minh", ("Hồ Chí Minh", "VN", "city")),
    ("TP. Hồ Chí Minh", ("Hồ Chí Minh", "VN", "city")),
    ("Thành phố Hồ Chí Minh", ("Hồ Chí Minh", "VN", "city")),
    ("TP.HCM", ("Hồ Chí Minh", "VN", "city")),
    ("TPHCM", ("Hồ Chí Minh", "VN", "city")),
    ("HCM", ("Hồ Chí Minh", "VN", "city")),
    ("Sài Gòn", ("Hồ Chí Minh", "VN", "city")),
    ("thủ đô Hà Nội", ("Hà Nội", "VN", "city")),
    ("Thủ đô Hà Nội", ("Hà Nội", "VN", "city")),
    ("thành phố Hà Nội", ("Hà Nội", "VN", "city")),
    ("Thừa Thiên Huế", ("Huế", "VN", "city")),
    ("Thừa Thiên - Huế", ("Huế", "VN", "city")),
    ("BR-VT", ("Bà Rịa - Vũng Tàu", "VN", "province")),
    ("Bà Rịa-Vũng Tàu", ("Bà Rịa - Vũng Tàu", "VN", "province")),
    ("Bà Rịa – Vũng Tàu", ("Bà Rịa - Vũng Tàu", "VN", "province")),
    ("Khánh Hoà", ("Khánh Hòa", "VN", "province")),
    ("thành phố Thủ Dầu Một", ("Thủ Dầu Một", "VN", "city")),
    ("Thủ Dầu Một", ("Thủ Dầu Một", "VN", "city")),
    ("Việt Nam", ("Việt Nam", "VN", "country")),
    ("Việt", ("Việt Nam", "VN", "country")),
    ("Lào", ("Lào", "LA", "country")),
    ("Nhật", ("Nhật Bản", "JP", "country")),
    ("Nhật Bản", ("Nhật Bản", "JP", "country")),
    ("Hàn", ("Hàn Quốc", "KR", "country")),
    ("Hàn Quốc", ("Hàn Quốc", "KR", "country")),
    ("Trung", ("Trung Quốc", "CN", "country")),
    ("Mỹ", ("Hoa Kỳ", "US", "country")),
    ("Hoa Kỳ", ("Hoa Kỳ", "US", "country")),
    ("Cuba", ("Cuba", "CU", "country")),
    ("Cu-ba", ("Cuba", "CU", "country")),
    ("Campuchia", ("Campuchia", "KH", "country")),
    ("Ucraina", ("Ukraine", "UA", "country")),
    ("Liên bang Nga", ("Nga", "RU", "country")),
    ("nước Nga", ("Nga", "RU", "country")),
    ("Cộng hòa Dân chủ Nhân dân Lào", ("Lào", "LA", "country")),
    ("Japan", ("Nhật Bản", "JP", "country")),
    ("Viet Nam", ("Việt Nam", "VN", "country")),
    ("Artemisa", ("Artemisa", "CU", "province")),
    ("tỉnh Artemisa", ("Artemisa", "CU", "province")),
    ("Yamaguchi", ("Yamaguchi", "JP", "province")),
    ("Champasak", ("Champasak", "LA", "province")),
    ("Champassak", ("Champasak", "LA", "province")),
    ("Emilia-Romagna", ("Emilia-Romagna", "IT", "province")),
    ("vùng Emilia-Romagna", ("Emilia-Romagna", "IT", "province")),
    ("La Habana", ("La Habana", "CU", "city")),
    ("thủ đô La Habana", ("La Habana", "CU", "city")),
    ("Havana", ("La Habana", "CU", "city")),
    ("Viêng Chăn", ("Viêng Chăn", "LA", "city")),
    ("Bắc Kinh", ("Bắc Kinh", "CN", "city")),
    ("Moskva", ("Moskva", "RU", "city")),
    ("Đông Nam Á", ("Đông Nam Á", None, "other")),
    ("vùng Vịnh", ("Vùng Vịnh", None, "other")),
    ("điện Kremlin", ("Điện Kremlin", "RU", "other")),
    ("Nhà Trắng", ("Nhà Trắng", "US", "other")),
    ("bán đảo Triều Tiên", ("Bán đảo Triều Tiên", None, "other")),
    ("Kyushu", ("Kyushu", "JP", "other")),
    ("vùng Viễn Đông", ("Viễn Đông", "RU", "other")),
    ("ĐBSCL", ("Đồng bằng sông Cửu Long", "VN", "other")),
    ("Tây Nguyên", ("Tây Nguyên", "VN", "other")),
    ("Nam Trung Bộ", ("Nam Trung Bộ", "VN", "other")),
    ("tỉnh Bắc Lào", ("Bắc Lào", "LA", "other")),
    ("Triều Tiên", ("Triều Tiên", "KP", "country")),
    ("CHLB Đức", ("Đức", "DE", "country")),
    ("CHND Trung Hoa", ("Trung Quốc", "CN", "country")),
    ("CH Séc", ("Séc", "CZ", "country")),
    ("Arab Saudi", ("Ả Rập Xê Út", "SA", "country")),
    ("Phillipines", ("Philippines", "PH", "country")),
])
def test_lookup_place(surface, expected):
    assert value(surface) == expected


@pytest.mark.parametrize("surface, expected", [
    ("Ha Noi", "Hà Nội"), ("ha noi", "Hà Nội"), ("Da Nang", "Đà Nẵng"), ("Binh Duong", "Bình Dương"),
    ("Savannakhet", "Savannakhet"), ("Dak Lak", "Đắk Lắk"),
])
def test_ascii_surfaces_match_without_diacritics(surface, expected):
    assert lookup_place(surface).name == expected


def test_diacritics_are_not_ignored_for_non_ascii_surfaces():
    assert lookup_place("Hà Noi") is None
    assert lookup_place("Bình Duong") is None


def test_case_and_spacing_are_ignored():
    assert value("BÌNH DƯƠNG") == ("Bình Dương", "VN", "province")
    assert value("  tỉnh   bình  dương ") == ("Bình Dương", "VN", "province")


@pytest.mark.parametrize("written, usual", [
    ("Thụy Sỹ", "Thụy Sĩ"), ("Hoa Kì", "Hoa Kỳ"), ("Ả Rập Xê-út", "Ả Rập Xê Út"), ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
])
def test_spellings_written_both_ways_name_one_place(written, usual):
    assert lookup_place(written) == lookup_place(usual) is not None


def test_a_foreign_y_is_not_read_as_a_vietnamese_i():
    assert lookup_place("Mary").country == "TM"
    assert lookup_place("Mari") is None  # the first name of `Mari Elka Pangestu`


def test_type_word_steers_the_choice():
    assert value("tỉnh La Habana") == ("La Habana", "CU", "province")
    assert value("La Habana") == ("La Habana", "CU", "city")
    assert value("Bắc Ninh") == ("Bắc Ninh", "VN", "province")
    assert value("thành phố Bắc Ninh") == ("Bắc Ninh", "VN", "city")
    assert value("huyện Dầu Tiếng") == ("Dầu Tiếng", "VN", "other")


def test_country_hint_picks_among_homonyms():
    assert value("Georgia") == ("Gruzia", "GE", "country")
    assert value("Georgia", hint="US") == ("Georgia", "US", "province")


@pytest.mark.parametrize("hint", [None, "CN"])
def test_a_territory_iso_lists_is_its_own_country_even_beside_its_sovereign(hint):
    from vnpartner.normalize.places import sovereign_of

    assert value("Hong Kong", hint=hint) == ("Hồng Kông", "HK", "country")
    assert value("Macao", hint=hint) == ("Ma Cao", "MO", "country")
    assert sovereign_of("HK") == "CN" and sovereign_of("VN") is None and sovereign_of(None) is None


def test_of_foreign_homonyms_the_one_in_a_country_the_document_names_is_meant():
    text = "Học viện Hải quân Hoa Kỳ ở Maryland đón đoàn Việt Nam."
    assert _countries(text, ["Hoa Kỳ", "Maryland", "Việt Nam"]) == ["US", "US", "VN"]
    assert _countries("Đoàn đến Maryland.", ["Maryland"]) == ["LR"]  # the gazetteer's first, as before


def test_gaza_is_the_strip_unless_called_a_province():
    assert value("Gaza") == ("Dải Gaza", "PS", "other")
    assert value("tỉnh Gaza") == ("Gaza", "MZ", "province")


@pytest.mark.parametrize("surface", ["", "   ", "Hợp tác", "UBND", "xyz", "Nam", "Hà", "tỉnh"])
def test_unknown_surfaces_are_none(surface):
    assert lookup_place(surface) is None


@pytest.mark.parametrize("name", CENTRAL_CITIES)
def test_centrally_run_cities_are_cities(name):
    place = lookup_place(name)
    assert (place.country, place.admin, place.successor) == ("VN", "city", None)


@pytest.mark.parametrize("name", NEW_PROVINCES)
def test_every_post_2025_province_is_known_and_current(name):
    place = lookup_place(name)
    assert place.name == name and place.country == "VN" and place.successor is None
    assert place.admin == ("city" if name in CENTRAL_CITIES else "province")


@pytest.mark.parametrize("old, new", sorted(MERGED.items()))
def test_merged_provinces_name_their_successor(old, new):
    place = lookup_place(old)
    assert (place.name, place.admin, place.successor) == (old, "province", new)
    assert lookup_place(new).successor is None


def test_all_63_pre_2025_provinces_are_surfaces():
    surfaces = place_surfaces()
    provinces = {p for places in surfaces.values() for p in places
                 if p.country == "VN" and p.admin in ("province", "city") and p.parent == "Việt Nam"}
    assert len(provinces) == 63
    assert len([p for p in provinces if p.admin == "city"]) == 6


def test_district_level_city_knows_its_province():
    assert lookup_place("Thủ Dầu Một").parent == "Bình Dương"
    assert lookup_place("Artemisa").parent == "Cuba"
    assert lookup_place("Champasak").parent == "Lào"


def test_place_to_dict_is_the_contract_value():
    assert lookup_place("Lào").to_dict() == {"name": "Lào", "country": "LA", "admin": "country"}
    assert isinstance(lookup_place("Lào"), Place)


def test_place_surfaces_lists_written_forms():
    surfaces = place_surfaces()
    for surface in ["Bình Dương", "TP.HCM", "Khánh Hòa", "Khánh Hoà", "Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu",
                    "La Habana", "Lào", "Cuba", "Artemisa", "Việt", "Thủ Dầu Một", "Emilia-Romagna"]:
        assert surface in surfaces, surface
    assert all(places and all(isinstance(p, Place) for p in places) for places in surfaces.values())
    assert surfaces["La Habana"][0].admin == "city"


def test_place_surfaces_is_built_once():
    assert place_surfaces() is place_surfaces()


@pytest.mark.parametrize("surface", [
    "Anh", "Nga", "Đức", "Pháp", "Mỹ", "Nhật", "Thái", "Lào", "Ý", "Áo", "Bỉ", "Việt", "Nam", "Hà", "Trung",
    "Hàn", "Hòa Bình", "Dầu Tiếng", "Hải Nam",
])
def test_ambiguous_surfaces(surface):
    assert is_ambiguous(surface)


@pytest.mark.parametrize("surface", [
    "Cuba", "Bình Dương", "Artemisa", "Việt Nam", "Hà Nội", "La Habana", "Nhật Bản", "Thủ Dầu Một",
    "Champasak", "TP.HCM", "UAE",
])
def test_unambiguous_surfaces(surface):
    assert not is_ambiguous(surface)


def test_strip_place_type():
    assert strip_place_type("tỉnh Bình Dương") == ("tỉnh", "Bình Dương")
    assert strip_place_type("TP.HCM") == ("TP.", "HCM")
    assert strip_place_type("La Habana") == (None, "La Habana")


def test_gazetteer_is_not_built_at_import():
    code = "import vnpartner.normalize as n; from vnpartner.normalize import places as p; " \
           "assert p._index.cache_info().currsize == 0; print('lazy')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "lazy"


def test_first_build_is_fast():
    places_module._index.cache_clear()
    start = time.perf_counter()
    places_module.place_surfaces()
    assert time.perf_counter() - start < 3.0  # about 0.6 s on a laptop; generous for CI


def test_capitals_are_marked_and_other_cities_are_not():
    assert lookup_place("Washington").capital and lookup_place("Bắc Kinh").capital
    assert lookup_place("Washington").admin == "city"
    assert not lookup_place("Thượng Hải").capital and not lookup_place("Saint Petersburg").capital


def test_tq_is_china_as_news_abbreviates_it():
    assert lookup_place("TQ").country == "CN"


def _countries(text, surfaces):
    from vnpartner.normalize.document import normalize_document
    from vnpartner.schema import Document

    doc = Document(text=text)
    for surface in surfaces:
        at = text.index(surface)
        doc.add_entity(at, at + len(surface), "LOCATION")
    normalize_document(doc)
    return [(e.normalized or {}).get("country") for e in doc.entities]


@pytest.mark.parametrize("text", ["Đoàn đã thăm Kosice, Slovakia.", "Đại biểu từ Milan, Italy; Kosice, Slovakia, và Hà Nội."])
def test_a_country_after_a_comma_places_an_unknown_place(text):
    assert _countries(text, ["Kosice"]) == ["SK"]


def test_the_next_item_of_a_list_of_countries_is_not_the_country_of_the_one_before():
    text = "Đại diện Indonesia, Việt Nam, Wakanda, SriLanka, Thái Lan, Mông Cổ tham dự."
    assert _countries(text, ["Indonesia", "Việt Nam", "Wakanda", "SriLanka", "Thái Lan"]) == ["ID", "VN", None, "LK", "TH"]
    text = "Trung Quốc ký hiệp định với Wakanda, Hàn Quốc, Hungary."  # the list's first item
    assert _countries(text, ["Wakanda"]) == [None]


@pytest.mark.parametrize("text, place, expected", [
    ("đến tỉnh Bình Dương", "Bình Dương", "tỉnh Bình Dương"),
    ("thăm chính thức tỉnh Champasak", "Champasak", "tỉnh Champasak"),
    ("nhằm thức tỉnh châu Âu", "châu Âu", None),  # `thức tỉnh` is to awaken
    ("các tỉnh miền Trung", "miền Trung", None),
])
def test_type_word_before_a_place(text, place, expected):
    from vnpartner.normalize.places import type_word_before

    found = type_word_before(text, text.index(place))
    assert (text[found:] if found is not None else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cuba. Trong", ("CU", 4)), ("Cộng hòa Séc, Đại sứ", ("CZ", 12)), (" Lào và", ("LA", 4)),
    ("đơn vị chủ trì", None), ("(Lào)", None), ("", None),
])
def test_leading_country_names_the_country_the_text_opens_with(text, expected):
    from vnpartner.normalize.places import leading_country

    found = leading_country(text)
    assert ((found[0].country, found[1]) if found else None) == expected


def test_an_airport_is_in_the_country_of_its_place_but_is_not_that_place():
    from vnpartner.normalize.document import normalize_document
    from vnpartner.schema import Document

    text = "Đoàn đến sân bay quốc tế Bắc Kinh."
    doc = Document(text=text)
    doc.add_entity(text.index("sân"), text.index("."), "LOCATION")
    normalize_document(doc)
    assert doc.entities[0].normalized == {"name": "sân bay quốc tế Bắc Kinh", "country": "CN", "admin": "other"}


@pytest.mark.parametrize("surface, country", [("Cộng hoà Palau", "PW"), ("Cộng hòa Hồi giáo Iran", "IR"),
                                              ("Liên bang Đức", "DE")])
def test_a_country_s_full_name_is_the_country(surface, country):
    assert lookup_place(surface).country == country


def test_a_state_prefix_does_not_make_a_province_a_country():
    assert lookup_place("Cộng hòa Bình Dương") is None


@pytest.mark.parametrize("name, expected", [
    ("Đại sứ quán Ucraina tại Việt Nam", "Việt Nam"), ("Bộ Ngoại giao Pháp", "Pháp"), ("Liên minh châu Âu", "Châu Âu"),
    ("Bộ Tư pháp", None), ("Hãng mỹ phẩm", None), ("Tạp chí đạo đức", None),
    ("Công ty Quang Trung", None), ("Công ty Minh Nhật", None), ("Hội hữu nghị Việt Trung", "Trung Quốc"),
    ("Chứng khoán Bản Việt", "Việt Nam"), ("Viện Mỹ - Triều", "Triều Tiên"),
])
def test_a_trailing_place_is_capitalised_unless_the_gazetteer_writes_it_in_lowercase(name, expected):
    from vnpartner.normalize.places import trailing_place

    place = trailing_place(name)
    assert (place.name if place else None) == expected
