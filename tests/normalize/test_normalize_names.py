"""Organisation names: the country that ends a name, written as the gazetteer names it."""

from __future__ import annotations

import pytest

from vnpartner.normalize.names import canonical_country
from vnpartner.normalize.places import lookup_place


@pytest.mark.parametrize("name, expected", [
    ("Hải quân Mỹ", "Hải quân Hoa Kỳ"),
    ("Cao su VN", "Cao su Việt Nam"),
    ("Ngân hàng Nhà nước Việt Nam", "Ngân hàng Nhà nước Việt Nam"),
    ("Bộ Quốc phòng Campuchia", "Bộ Quốc phòng Campuchia"),
    ("Tập đoàn Viettel", "Tập đoàn Viettel"),
    ("Mỹ", "Mỹ"),
])
def test_canonical_country(name, expected):
    assert canonical_country(name) == expected


def test_canonical_country_only_the_given_country():
    assert canonical_country("Đại sứ quán Mỹ", lookup_place("Nhật Bản")) == "Đại sứ quán Mỹ"
    assert canonical_country("Đại sứ quán Mỹ", lookup_place("Hoa Kỳ")) == "Đại sứ quán Hoa Kỳ"


@pytest.mark.parametrize("word, foreign", [
    ("Lincoln", True), ("Xiaomi", True), ("TTXVN", True), ("Nguyễn", False), ("nghiêng", False), ("Bà", False),
    ("Pu-tin", False), ("Rịa-Vũng", False),
])
def test_foreign_words_are_those_no_vietnamese_syllable_spells(word, foreign):
    from vnpartner.normalize.names import foreign_word

    assert foreign_word(word) is foreign


def test_a_short_name_is_the_one_longer_name_that_holds_it_and_shares_its_title():
    from vnpartner.normalize.names import full_names

    names = ["Trump", "Donald Trump", "Melania Trump", "Putin", "Vladimir Putin", "Lee"]
    assert full_names(names) == {"Putin": "Vladimir Putin"}  # `Trump`: two to choose from
    titles = {"Trump": "Tổng thống", "Donald Trump": "Tổng thống", "Melania Trump": "Phu nhân"}
    assert full_names(names, titles) == {"Trump": "Donald Trump", "Putin": "Vladimir Putin"}


def test_a_name_is_not_the_short_form_of_the_same_name_with_a_generation_suffix():
    from vnpartner.normalize.names import full_names

    assert full_names(["Donald Trump", "Donald Trump Jr", "Trump"]) == {"Trump": "Donald Trump"}
    assert full_names(["Donald Trump", "Donald Trump Jr."]) == {}


def test_a_name_with_its_first_word_as_an_initial_is_the_full_name():
    from vnpartner.normalize.names import full_names

    names = ["Georgy Poltavchenko", "G.Poltavchenko", "V. Putin", "Vladimir Putin", "K.Putin"]
    assert full_names(names) == {"G.Poltavchenko": "Georgy Poltavchenko", "V. Putin": "Vladimir Putin"}


def test_a_short_name_of_one_full_name_written_two_ways_is_that_name():
    from vnpartner.normalize.names import full_names, spelling_key

    assert spelling_key("Prayut Chan-o-cha") == spelling_key("Prayut Chan-ocha")
    assert full_names(["Prayut", "Prayut Chan-ocha", "Prayut Chan-o-cha"]) == {"Prayut": "Prayut Chan-o-cha"}
    assert spelling_key("Donald J. Trump") == spelling_key("Donald Trump") != spelling_key("Donald Trump Jr")
    assert spelling_key("Seko Hiroshige") == spelling_key("Hiroshige Seko")  # a Japanese name in either order
    assert spelling_key("Moon Jae-in") == spelling_key("Moon Jae In")
    assert full_names(["Park Won-soon", "Park Won"]) == {"Park Won": "Park Won-soon"}  # cut at its hyphen
    assert full_names(["Trump", "Donald J. Trump", "Donald Trump"]) == {"Trump": "Donald Trump"}


def test_a_short_name_drops_the_arabic_article_of_the_full_one():
    from vnpartner.normalize.names import full_names

    assert full_names(["Bashar al-Assad", "Assad", "al-Assad"]) == {
        "Assad": "Bashar al-Assad", "al-Assad": "Bashar al-Assad"}
    assert full_names(["Al-Sabhan", "Thamer Al-Sabhan"]) == {"Al-Sabhan": "Thamer Al-Sabhan"}


@pytest.mark.parametrize("name, expected", [
    ("Nguyễn Xuân Phúc", True), ("Bế Xuân Trường", True), ("Moon Jae In", False), ("Kim Young Chul", False),
    ("Nguyễn", False), ("Chu Shiu Kee", False), ("Hoàng Thị N.", True), ("Bùi Thị Th", True),
])
def test_a_vietnamese_name_is_a_family_name_and_capitalised_words(name, expected):
    from vnpartner.normalize.names import vietnamese_name

    assert vietnamese_name(name) is expected


@pytest.mark.parametrize("name, key", [
    ("ASEAN", "ASEAN"), ("Hiệp hội các Quốc gia Đông Nam Á", "ASEAN"), ("Liên minh Kinh tế Á - Âu", "EAEU"),
    ("Uỷ ban châu Âu", "EC"), ("Liên hợp quốc", "LHQ"), ("Hiệp hội Du lịch Việt Nam", None)])
def test_a_body_the_press_names_both_ways_has_one_key(name, key):
    from vnpartner.normalize.names import body_key

    assert body_key(name) == key
