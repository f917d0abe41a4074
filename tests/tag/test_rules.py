"""The pattern layer on hand-written sentences."""

import pytest

from vnpartner.tag.rules import RuleTagger
from vnpartner.text import iter_sentences


def spans(text):
    return [(text[start:end], label) for start, end, label in RuleTagger().tag(text, list(iter_sentences(text)))]


@pytest.mark.parametrize("text", [
    "Cuba sẽ tổ chức hội thảo về Chủ tịch Hồ Chí Minh.",
    "Học tập và làm theo tư tưởng Hồ Chí Minh.",
])
def test_the_president_is_a_person_not_the_city(text):
    assert ("Hồ Chí Minh", "PERSON") in spans(text)
    assert not any(label == "LOCATION" and "Hồ Chí Minh" in surface for surface, label in spans(text))


@pytest.mark.parametrize("text, place", [
    ("Đoàn đại biểu Thành phố Hồ Chí Minh thăm Cuba.", "Thành phố Hồ Chí Minh"),
    ("Lãnh đạo TP Hồ Chí Minh tiếp đoàn.", "TP Hồ Chí Minh"),
])
def test_the_city_stays_a_place(text, place):
    assert (place, "LOCATION") in spans(text)


@pytest.mark.parametrize("text, places", [
    ("Bệnh viện FV ký bản ghi nhớ với Trung tâm mắt quốc gia Singapore.", ["Singapore"]),
    ("Đoàn làm việc với Trung ương Đoàn và Nhật ký chiến tranh.", []),
    ("Hàng hóa xuất sang Trung, Nhật và Hàn.", ["Trung", "Nhật", "Hàn"]),
])
def test_a_countrys_first_syllable_opening_a_common_word_is_no_place(text, places):
    assert [surface for surface, label in spans(text) if label == "LOCATION"] == places


@pytest.mark.parametrize("region", ["châu Á - Thái Bình Dương", "Châu Á – Thái Bình Dương", "Ấn Độ Dương - Thái Bình Dương"])
def test_a_region_named_with_a_dash_is_one_place(region):
    text = f"Hai nước hợp tác vì hòa bình ở khu vực {region}."
    assert [s for s in spans(text) if s[1] == "LOCATION"] == [(region, "LOCATION")]


@pytest.mark.parametrize("text, instrument", [
    ("Hai bên ký kết thỏa thuận về hợp tác phát triển giai đoạn 2022-2026 giữa hai tỉnh.",
     "thỏa thuận về hợp tác phát triển giai đoạn 2022-2026"),
    ("Trên cơ sở Thỏa thuận về hợp tác quốc phòng hai nước ký năm 2011.", "Thỏa thuận về hợp tác quốc phòng"),
    ("Các nước triển khai Hiệp định Du lịch ASEAN (T-ASEAN).", "Hiệp định Du lịch ASEAN"),
    ("Hai bên ký Hiệp ước Phòng thủ chung Mỹ-Hàn năm 1953.", "Hiệp ước Phòng thủ chung Mỹ-Hàn"),
    ("Hai tỉnh ký Bản ghi nhớ với tỉnh Artemisa.", "Bản ghi nhớ"),
    ("Kỷ niệm 45 năm ký kết Hiệp ước hữu nghị và hợp tác Việt Nam-Lào.", "Hiệp ước hữu nghị và hợp tác"),
])
def test_an_instrument_ends_where_its_name_does(text, instrument):
    assert [s for s in spans(text) if s[1] == "AGREEMENT"] == [(instrument, "AGREEMENT")]



def test_a_vietnamese_name_may_hold_a_one_word_place_after_its_family_name():
    text = "Tổng bí thư Nông Đức Mạnh gặp Thủ tướng Đức. Cuộc thi Hoa hậu Hoàn Vũ Việt Nam mở màn."
    people = [text[s:e] for s, e, label in RuleTagger().tag(text, list(iter_sentences(text))) if label == "PERSON"]
    assert people == ["Nông Đức Mạnh"]  # `Vũ Việt Nam` holds a two-word place: no name


def test_a_title_written_in_lowercase_after_its_first_word_is_a_title():
    text = "Tổng bí thư Nông Đức Mạnh tiếp Phó thủ tướng Lào. Chủ tịch quốc hội Nguyễn Văn An phát biểu."
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "TITLE"] == [
        "Tổng bí thư", "Phó thủ tướng", "Chủ tịch quốc hội"]


def test_an_ambassador_plenipotentiary_is_one_title_however_its_words_are_capitalised():
    text = "Đại sứ Đặc mệnh toàn quyền Israel và Đại sứ đặc mệnh toàn quyền Lào đến chào."
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "TITLE"] == [
        "Đại sứ Đặc mệnh toàn quyền", "Đại sứ đặc mệnh toàn quyền"]


def test_a_country_that_is_also_a_given_name_is_a_place_right_after_a_title():
    text = "Tổng bí thư Nông Đức Mạnh hội đàm với Thủ tướng Đức. Anh Nam là Chủ tịch Hội."
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "LOCATION"] == ["Đức"]


@pytest.mark.parametrize("text, places", [
    ("Theo ông Đức, đoàn sẽ quảng bá du lịch tại Hàn Quốc.", ["Hàn Quốc"]),
    ("Bà Nga, mẹ của cháu, đã về Hà Nội.", ["Hà Nội"]),
    ("Công ty hợp tác với một người đàn ông Hàn Quốc.", ["Hàn Quốc"]),
])
def test_a_country_name_after_an_honorific_is_a_person_not_a_place(text, places):
    assert [surface for surface, label in spans(text) if label == "LOCATION"] == places


def test_a_province_opening_with_an_honorific_is_a_place_not_a_person():
    found = spans("Sở Nông nghiệp tỉnh Bà Rịa-Vũng Tàu cho rằng đề án là tốt.")
    assert ("tỉnh Bà Rịa-Vũng Tàu", "LOCATION") in found
    assert not any(label == "PERSON" for _, label in found)


def test_an_academic_degree_before_a_name_is_a_title_but_a_hotel_is_not():
    found = spans("Theo PGS.TS. Nguyễn Cảnh Lương và ThS Lê Thị Hoa, hội thảo diễn ra tại KS Melia. Ông là TS.")
    assert [surface for surface, label in found if label == "TITLE"] == ["PGS.TS.", "ThS"]
    assert ("Nguyễn Cảnh Lương", "PERSON") in found


def test_military_ranks_and_an_assistant_s_office_are_titles():
    found = spans("Chuẩn Đô đốc Donald Gabrielson và Trung tá Fernando Maldonado, Trợ lý Tham mưu trưởng, tiếp Đại tá Lê Văn Minh.")
    assert [surface for surface, label in found if label == "TITLE"] == [
        "Chuẩn Đô đốc", "Trung tá", "Trợ lý Tham mưu trưởng", "Đại tá"]


def test_a_deputy_head_of_a_department_is_a_title_in_its_short_form_too():
    found = spans("Ông Trần Văn An, Cục phó Cục Thuế, và bà Lê Thị Hoa, Vụ phó Vụ Pháp chế, đến dự.")
    assert [surface for surface, label in found if label == "TITLE"] == ["Cục phó", "Vụ phó"]


def test_a_country_s_name_after_a_military_rank_is_no_place_but_after_an_office_it_is():
    found = spans("Thượng úy Đức bị thương, Đại sứ Anh đến thăm.")
    assert ("Đức", "LOCATION") not in found and ("Anh", "LOCATION") in found


def test_a_province_word_before_a_person_s_full_name_makes_no_place():
    found = spans("Phó Chủ tịch UBND tỉnh Dương Tất Thắng mời đối tác đến tỉnh Champasak.")
    assert [surface for surface, label in found if label == "LOCATION"] == ["tỉnh Champasak"]


def test_a_place_glued_to_a_capitalised_word_opens_a_name():
    found = spans("Chỉ số VN-Index tăng, quan hệ Việt Nam-Cuba và Nhật Bản-ASEAN phát triển.")
    assert [surface for surface, label in found if label == "LOCATION"] == ["Việt Nam", "Cuba", "Nhật Bản"]


def test_a_country_s_short_name_opening_a_sentence_as_its_subject_is_a_place():
    text = "Mỹ bàn giao tàu. \"Nga sẽ đáp trả\". Anh cho biết sẽ đến. Pháp luật quy định rõ. Đức Tuân viết."
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "LOCATION"] == ["Mỹ", "Nga"]


def test_an_instrument_cut_inside_a_word_takes_the_word_and_its_kind_words_after_the_name():
    text = ("Việt Nam hoàn tất đàm phán Hiệp định Hàng không với Mỹ. Hai nước có thể ký một hiệp định "
            "thương mại tự do. EU sắp ký Hiệp định Thương mại tự do với Việt Nam.")
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "AGREEMENT"] == [
        "Hiệp định Hàng không", "hiệp định thương mại tự do", "Hiệp định Thương mại tự do"]


def test_a_title_with_every_word_capitalised_is_a_title():
    text = "Nhà Vua nhiệt liệt chào mừng. Ông Ung Sean, Quốc Vụ khanh Bộ Ngoại giao, phát biểu."
    found = RuleTagger().tag(text, list(iter_sentences(text)))
    assert [text[s:e] for s, e, label in found if label == "TITLE"] == ["Nhà Vua", "Quốc Vụ khanh"]


def test_a_joint_statement_is_an_instrument_with_or_without_a_signing_verb():
    found = spans("Mỹ và Hàn Quốc đã ra tuyên bố chung. Bản tuyên bố chung nêu rõ lập trường. Ông nói một tuyên bố.")
    assert [surface for surface, label in found if label == "AGREEMENT"] == ["tuyên bố chung", "Bản tuyên bố chung"]
    found = spans("Hai Thủ tướng đã ký kết văn bản tuyên bố chung về hợp tác.")
    assert [surface for surface, label in found if label == "AGREEMENT"] == ["tuyên bố chung về hợp tác"]


def test_a_spokesperson_is_a_title_written_in_lowercase_too():
    found = spans("Ngày 14/7, người phát ngôn Điện Kremlin Dmitry Peskov cho biết. Người phát ngôn Lê Thị Thu Hằng nói.")
    assert [surface for surface, label in found if label == "TITLE"] == ["người phát ngôn", "Người phát ngôn"]


def test_a_rotating_chair_and_a_chief_representative_are_titles():
    found = spans("Trung Quốc giữ chức Chủ tịch luân phiên SCO. Ông Chu Shiu Kee, trưởng đại diện UNESCO, nói.")
    assert [surface for surface, label in found if label == "TITLE"] == ["Chủ tịch luân phiên", "trưởng đại diện"]


def test_a_type_word_after_a_number_is_the_groups_not_the_first_names():
    found = spans("Lãnh đạo hai tỉnh Bình Dương và Artemisa gặp lãnh đạo tỉnh Bình Dương.")
    assert [surface for surface, label in found if label == "LOCATION"] == ["Bình Dương", "Artemisa", "tỉnh Bình Dương"]


def _spans(text):
    return [(text[s:e], label) for s, e, label in RuleTagger().tag(text, iter_sentences(text))]


def test_an_unknown_acronym_is_an_organization():
    assert ("XYZT", "ORGANIZATION") in _spans("Công ty đã hợp tác với XYZT trong lĩnh vực y tế.")


def test_a_capitalised_name_right_after_a_title_is_a_person_even_without_a_vietnamese_surname():
    assert ("Abcde Fghij", "PERSON") in _spans("Bộ trưởng Ngoại giao Abcde Fghij đã tới thăm.")
    assert ("Kowalski Zbigniew", "PERSON") in _spans("Đại sứ Kowalski Zbigniew phát biểu.")
