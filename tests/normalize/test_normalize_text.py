"""String helpers of the normalisers (vnpartner.normalize.text)."""

from __future__ import annotations

import pytest

from vnpartner.normalize.text import new_tone, norm_key, old_tone, strip_diacritics, tone_variants


@pytest.mark.parametrize("new, old", [
    ("Hoà Bình", "Hòa Bình"), ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"), ("thuỷ sản", "thủy sản"),
    ("khoẻ", "khỏe"), ("hoá", "hóa"),
])
def test_tone_placement_both_ways(new, old):
    assert old_tone(new) == old
    assert new_tone(old) == new


@pytest.mark.parametrize("word", ["quý", "Quy Nhơn", "Hoàng", "thuở", "Huỳnh", "khuya", "Cuba"])
def test_words_outside_the_rule_are_kept(word):
    assert old_tone(word) == word == new_tone(word)


def test_tone_variants_and_keys():
    assert tone_variants("Khánh Hòa") == ["Khánh Hòa", "Khánh Hoà"]
    assert norm_key(" Bà Rịa – Vũng  Tàu ") == norm_key("bà rịa-vũng tàu") == "bà rịa-vũng tàu"
    assert strip_diacritics("Đắk Lắk") == "Dak Lak"
