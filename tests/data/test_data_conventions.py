"""Convention bridges: place type words (and their reverse) and source DATE spans."""

from __future__ import annotations

import pytest

from vnpartner.data import bridge_date, extend_type_words, is_calendar_date, is_duration, to_vlsp
from vnpartner.schema import Document


def doc_with(text: str, *spans: tuple[str, str]) -> Document:
    doc = Document(text=text, id="x")
    for surface, label in spans:
        start = text.index(surface)
        doc.add_entity(start, start + len(surface), label)
    return doc


def texts(doc: Document) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in doc.entities]


@pytest.mark.parametrize("text, gold, expected", [
    ("Ông Hùng đến thành phố Vinh hôm qua.", "Vinh", "thành phố Vinh"),
    ("Đoàn thăm tỉnh Sơn La.", "Sơn La", "tỉnh Sơn La"),
    ("Tỉnh Sơn La có mưa.", "Sơn La", "Tỉnh Sơn La"),
    ("Họp tại TP Huế.", "Huế", "TP Huế"),
    ("Họp tại TP. Huế.", "Huế", "TP. Huế"),
    ("Họp tại TP.HCM hôm nay.", "HCM", "TP.HCM"),
])
def test_type_word_moves_into_location(text, gold, expected):
    doc = doc_with(text, (gold, "LOCATION"))
    assert extend_type_words(doc) == 1
    assert texts(doc) == [(expected, "LOCATION")]
    assert doc.text[doc.entities[0].start:doc.entities[0].end] == expected


@pytest.mark.parametrize("text, gold", [
    ("Mưa lớn ở các tỉnh miền Trung.", "miền Trung"),        # plural: a common noun
    ("Hai tỉnh Sơn La và Lai Châu.", "Sơn La"),               # a number of provinces
    ("Đây là một thành phố châu Âu.", "châu Âu"),
    ("Ông ở thủ đô Viên.", "Viên"),                           # `thủ đô` stays outside
    ("Khách sạn Vinh Plaza mở cửa.", "Vinh Plaza"),           # no type word
    ("Phố Vinh, phường Huế.", "Huế"),                         # `phường` is no span type word
    ("Đi Xtỉnh Sơn La.", "Sơn La"),                          # not a whole word
])
def test_no_extension_without_a_plain_type_word(text, gold):
    doc = doc_with(text, (gold, "LOCATION"))
    before = texts(doc)
    assert extend_type_words(doc) == 0
    assert texts(doc) == before


def test_type_word_inside_another_span_or_blocked_stays():
    doc = doc_with("UBND tỉnh Sơn La họp.", ("UBND tỉnh", "ORGANIZATION"), ("Sơn La", "LOCATION"))
    assert extend_type_words(doc) == 0
    doc = doc_with("Đoàn thăm tỉnh Sơn La.", ("Sơn La", "LOCATION"))
    start = doc.text.index("tỉnh")
    assert extend_type_words(doc, blocked=[(start, start + 4)]) == 0


def test_only_locations_and_already_inside_unchanged():
    doc = doc_with("Thăm tỉnh Sơn La và thành phố Vinh.", ("tỉnh Sơn La", "LOCATION"), ("Vinh", "PERSON"))
    assert extend_type_words(doc) == 0
    assert texts(doc) == [("tỉnh Sơn La", "LOCATION"), ("Vinh", "PERSON")]


@pytest.mark.parametrize("text, span, vlsp", [
    ("Đoàn thăm tỉnh Sơn La.", "tỉnh Sơn La", "Sơn La"),
    ("Tỉnh Sơn La có mưa.", "Tỉnh Sơn La", "Sơn La"),
    ("Ở thành phố Vinh.", "thành phố Vinh", "Vinh"),
    ("Ở TP. Huế.", "TP. Huế", "Huế"),
    ("Ở TP.HCM.", "TP.HCM", "HCM"),
    ("Ở TP Huế.", "TP Huế", "Huế"),
    ("Ở Huế.", "Huế", "Huế"),
    ("Ở Tỉnh.", "Tỉnh", "Tỉnh"),  # a type word alone is left alone
])
def test_to_vlsp_strips_type_word(text, span, vlsp):
    doc = doc_with(text, (span, "LOCATION"))
    out = to_vlsp(doc)
    assert texts(out) == [(vlsp, "LOCATION")]
    assert texts(doc) == [(span, "LOCATION")]  # the input is not changed


def test_to_vlsp_reverses_extension_and_keeps_other_labels():
    text = "Chủ tịch tỉnh Sơn La gặp đoàn thành phố Vinh ngày 2/3/2022."
    original = doc_with(text, ("Sơn La", "LOCATION"), ("Vinh", "LOCATION"), ("2/3/2022", "DATE"),
                        ("Chủ tịch", "TITLE"))
    original.sort_entities()
    spans = [(e.start, e.end, e.label) for e in original.entities]
    extended = to_vlsp(original)  # deep copy to extend
    assert extend_type_words(extended) == 2
    assert [e.text for e in extended.by_label("LOCATION")] == ["tỉnh Sơn La", "thành phố Vinh"]
    back = to_vlsp(extended)
    assert [(e.start, e.end, e.label) for e in back.entities] == spans


@pytest.mark.parametrize("span, expected", [
    ("Sáng ngày 6/9/2017", "6/9/2017"),
    ("Ngày 20-9", "20-9"),
    ("Thứ Tư, 23/8/2023", "23/8/2023"),
    ("14h ngày 24/9", "24/9"),
    ("17:25 22/09/2017", "22/09/2017"),
    ("tháng 9/2022", "tháng 9/2022"),
    ("năm 2014", "năm 2014"),
    ("năm ngoái", "năm ngoái"),
    ("giai đoạn 2022-2026", "giai đoạn 2022-2026"),
    ("4 năm", None),
    ("6 thập kỷ qua", None),
    ("vài phút", None),
    ("16h30", None),
    ("Từ năm 1969 đến năm 1972", None),
    ("Buổi sáng", None),
])
def test_bridge_date(span, expected):
    text = f"Xem: {span}."
    start = text.index(span)
    got = bridge_date(text, start, start + len(span))
    assert (text[got[0]:got[1]] if got else None) == expected


@pytest.mark.parametrize("span, duration", [
    ("60 năm", True), ("2 ngày", True), ("hai năm", True), ("6-7 tuần", True), ("hơn 10 năm qua", True),
    ("năm 2016", False), ("3 tháng 5", False), ("tháng 5", False), ("24/8", False),
])
def test_is_duration(span, duration):
    assert is_duration(span) is duration
    if duration:
        assert not is_calendar_date(span)
