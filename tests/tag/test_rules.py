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


@pytest.mark.parametrize("region", ["châu Á - Thái Bình Dương", "Châu Á – Thái Bình Dương", "Ấn Độ Dương - Thái Bình Dương"])
def test_a_region_named_with_a_dash_is_one_place(region):
    text = f"Hai nước hợp tác vì hòa bình ở khu vực {region}."
    assert [s for s in spans(text) if s[1] == "LOCATION"] == [(region, "LOCATION")]
