"""DATE spans and values (vnpartner.normalize.dates), on short made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from vnpartner.errors import VnPartnerError
from vnpartner.normalize import document_anchor, find_dateline, find_dates, normalize_date, parse_iso_date

ANCHOR = date(2023, 8, 24)


def spans_text(text: str) -> list[str]:
    return [text[s:e] for s, e in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("Tối 24/8, Đoàn đã đến thăm tỉnh.", ["24/8"]),
    ("Ý định thư đã ký kết ngày 21/4/2023 tại Cuba.", ["21/4/2023"]),
    ("Đoàn lãnh đạo tỉnh đã sang Cuba tháng 9/2022.", ["tháng 9/2022"]),
    ("Tháng Tư vừa qua, hai bên ký Ý định thư.", ["Tháng Tư vừa qua"]),
    ("Quan hệ hữu nghị được thiết lập vào năm 2014.", ["năm 2014"]),
    ("Hai bên ký thỏa thuận giai đoạn 2022-2026.", ["giai đoạn 2022-2026"]),
    ("Hai bên ký thỏa thuận giai đoạn 2022 – 2026.", ["giai đoạn 2022 – 2026"]),
    ("Trong 2 ngày 8-9/11, hội nghị diễn ra trực tuyến.", ["8-9/11"]),
    ("Cuộc hội đàm diễn ra vào sáng 9.6 tại Hà Nội.", ["9.6"]),
    ("Ngày 10-11, đoàn đến làm việc.", ["10-11"]),
    ("Thứ Tư, 23/8/2023 8:13'(GMT+7)", ["23/8/2023"]),
    ("Món quà được trao vào tháng 11/2022./.", ["tháng 11/2022"]),
    ("Năm ngoái hai tỉnh đã ký kết, năm nay sẽ triển khai.", ["Năm ngoái", "năm nay"]),
    ("Đoàn sẽ sang thăm vào tháng Mười Hai.", ["tháng Mười Hai"]),
    ("Lễ ký kết diễn ra ngày 21 tháng 4 năm 2023.", ["21 tháng 4 năm 2023"]),
    ("Cập nhật 2023-08-23 lúc 8:13.", ["2023-08-23"]),
    ("Chương trình kéo dài tháng 8-9/2023.", ["tháng 8-9/2023"]),
    ("Kế hoạch năm 2022-2023 đã hoàn thành.", ["năm 2022-2023"]),
    ("Hội chợ mở từ 30/12-2/1.", ["30/12-2/1"]),
    ("Đoàn sẽ trở lại trong tháng tới.", ["tháng tới"]),
    ("Hội nghị dự kiến tổ chức vào tháng 12 tới.", ["tháng 12 tới"]),
    ("Ngày 25/11, Thủ tướng đã tiếp Bộ trưởng.", ["25/11"]),
    ("Đại hội nhiệm kỳ 2020-2025 đã thành công.", ["2020-2025"]),
    ("Diễn đàn diễn ra từ 29 tới 31/5 tại Hà Nội.", ["29 tới 31/5"]),
    ("Ngày 4 và 5/11, hai bên hội đàm.", ["4 và 5/11"]),
    ("Từ ngày 20 - 21.6, đoàn thăm Nhật Bản.", ["20 - 21.6"]),
    ("Hội nghị diễn ra từ ngày 4 đến 8-6 tại Tokyo.", ["4 đến 8-6"]),
    ("Hội chợ tổ chức từ 30/1 đến 7/2.", ["30/1 đến 7/2"]),
    ("Hai đoàn gặp nhau các ngày 30/1 và 7/2.", ["30/1", "7/2"]),
    ("Kỷ niệm ngày Quốc khánh (12/6/1990-12/6/2017).", ["12/6/1990-12/6/2017"]),
])
def test_find_dates_forms(text, expected):
    assert spans_text(text) == expected


def test_find_dates_skips_durations_counts_decimals_and_clock_times():
    text = (
        "Kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao, đoàn làm việc 2 ngày. Công ty trồng 6.722 ha "
        "cao su, tặng 1.000 tấn gạo và 2.000 tấn gạo, giúp đỡ suốt 6 thập kỷ qua, chiếm 1/3 dân số. "
        "Cách đây 2 năm trước, mỗi tháng 2 lần, tỷ số 3-1, lúc 8:30, đạt 10.5 điểm, trong những năm tới "
        "và Năm Hữu nghị Việt Nam-Lào; 135 năm Ngày sinh; hơn 1.300 lao động; Nghị định 15/2023/NĐ-CP; "
        "tăng 20-21.6 lần; chỉ 1 và 2/3 số người."
    )
    assert find_dates(text) == []


def test_find_dates_in_a_paragraph_with_noise():
    text = (
        "Tối 24/8, sau 2 ngày làm việc, hai bên ký Bản ghi nhớ. Căn cứ Ý định thư ký ngày 21/4/2023, "
        "công ty đã trồng 6.722 ha cao su trong 60 năm và sẽ mở rộng giai đoạn 2022-2026."
    )
    assert spans_text(text) == ["24/8", "21/4/2023", "giai đoạn 2022-2026"]


def test_spans_are_offsets_into_the_text():
    text = "Sáng 9/6, tại Hà Nội."
    (start, end), = find_dates(text)
    assert (start, end) == (5, 8)


@pytest.mark.parametrize("span, value, granularity", [
    ("24/8", "2023-08-24", "day"),
    ("21/4/2023", "2023-04-21", "day"),
    ("23/8/2023", "2023-08-23", "day"),
    ("9.6", "2023-06-09", "day"),
    ("10-11", "2022-11-10", "day"),
    ("21 tháng 4 năm 2023", "2023-04-21", "day"),
    ("2023-08-23", "2023-08-23", "day"),
    ("tháng 9/2022", "2022-09", "month"),
    ("tháng 11/2022", "2022-11", "month"),
    ("Tháng Tư vừa qua", "2023-04", "month"),
    ("tháng 9 năm ngoái", "2022-09", "month"),
    ("tháng 12 tới", "2023-12", "month"),
    ("tháng 3 tới", "2024-03", "month"),
    ("tháng này", "2023-08", "month"),
    ("tháng trước", "2023-07", "month"),
    ("năm 2014", "2014", "year"),
    ("năm ngoái", "2022", "year"),
    ("năm nay", "2023", "year"),
    ("năm tới", "2024", "year"),
    ("giai đoạn 2022-2026", "2022/2026", "range"),
    ("năm 2022-2023", "2022/2023", "range"),
    ("8-9/11", "2022-11-08/2022-11-09", "range"),
    ("8-9/11/2023", "2023-11-08/2023-11-09", "range"),
    ("30/12-2/1", "2022-12-30/2023-01-02", "range"),
    ("tháng 8-9/2023", "2023-08/2023-09", "range"),
])
def test_normalize_date_with_anchor(span, value, granularity):
    assert normalize_date(span, ANCHOR) == {"value": value, "granularity": granularity}


@pytest.mark.parametrize("span, anchor, value", [
    ("24/12", date(2023, 1, 5), "2022-12-24"),   # the nearest such day not after the anchor
    ("24/12", date(2023, 12, 24), "2023-12-24"),  # the anchor day itself counts
    ("24/8", date(2023, 12, 31), "2023-08-24"),   # the year-end anchor of a text's latest full date
    ("29/2", date(2023, 3, 1), "2020-02-29"),
    ("Tháng Tư vừa qua", date(2023, 3, 1), "2022-04"),
    ("tháng trước", date(2023, 1, 15), "2022-12"),
])
def test_year_inference(span, anchor, value):
    assert normalize_date(span, anchor)["value"] == value


@pytest.mark.parametrize("span, value, granularity", [
    ("24/8", "--08-24", "day"),
    ("9.6", "--06-09", "day"),
    ("tháng 9", "--09", "month"),
    ("tháng Tư", "--04", "month"),
    ("8-9/11", "--11-08/--11-09", "range"),
    ("21/4/2023", "2023-04-21", "day"),
    ("giai đoạn 2022-2026", "2022/2026", "range"),
    ("29 tới 31/5", "--05-29/--05-31", "range"),
    ("7 và 8/2", "--02-07/--02-08", "range"),
    ("4 đến 5/11", "--11-04/--11-05", "range"),
    ("20 - 21.6", "--06-20/--06-21", "range"),
    ("4-8.6.2017", "2017-06-04/2017-06-08", "range"),
    ("4 đến 8-6", "--06-04/--06-08", "range"),
    ("30/1 đến 7/2", "--01-30/--02-07", "range"),
    ("1/7/1997 - 1/7/2017", "1997-07-01/2017-07-01", "range"),
    ("31/5 giờ", "--05-31", "day"),
])
def test_normalize_date_without_anchor(span, value, granularity):
    assert normalize_date(span) == {"value": value, "granularity": granularity}


@pytest.mark.parametrize("span", ["Tháng Tư vừa qua", "năm ngoái", "năm nay", "tháng này", "tháng 12 tới"])
def test_relative_dates_without_anchor_are_none(span):
    assert normalize_date(span) is None


@pytest.mark.parametrize("span, anchor, earlier, value", [
    ("28/5 năm ngoái", date(2005, 6, 1), None, "2004-05-28"),
    ("5/3 năm nay", date(2017, 1, 10), None, "2017-03-05"),  # not the 5/3 before the anchor
    ("4-8/6 năm sau", ANCHOR, None, "2024-06-04/2024-06-08"),
    ("tháng 12 năm đó", None, 2003, "2003-12"),
    ("23/9 cùng năm", ANCHOR, 1997, "1997-09-23"),
    ("tháng 12 năm đó", None, None, "--12"),  # no year named before: as if unsaid
])
def test_a_day_or_month_takes_the_year_it_is_said_to_fall_in(span, anchor, earlier, value):
    assert normalize_date(span, anchor, earlier)["value"] == value


def test_the_year_a_date_is_said_to_fall_in_is_part_of_its_span():
    text = "Ký ngày 28/5 năm ngoái, gặp 4-8/6 năm sau, họp tháng 12 năm đó và 23/9 cùng năm; 2 năm sau."
    assert spans_text(text) == ["28/5 năm ngoái", "4-8/6 năm sau", "tháng 12 năm đó", "23/9 cùng năm"]


def test_a_day_in_last_year_with_no_anchor_is_none():
    assert normalize_date("28/5 năm ngoái") is None


def test_that_year_is_the_year_of_the_date_named_before():
    from vnpartner.normalize.document import normalize_document
    from vnpartner.schema import Document

    text = "Tháng 10/2003, hai bên hoàn tất đàm phán và ký vào tháng 12 năm đó."
    doc = Document(text=text)
    for surface in ("Tháng 10/2003", "tháng 12 năm đó"):
        doc.add_entity(text.index(surface), text.index(surface) + len(surface), "DATE")
    assert [e.normalized["value"] for e in normalize_document(doc).entities] == ["2003-10", "2003-12"]


@pytest.mark.parametrize("span", ["31/2", "xin chào", "", "60 năm", "2026-2022"])
def test_normalize_date_rejects_non_dates(span):
    assert normalize_date(span, ANCHOR) is None


def test_normalize_date_tolerates_context_words_left_in_the_span():
    assert normalize_date("ngày 21/4/2023")["value"] == "2023-04-21"
    assert normalize_date("Thứ Tư, 23/8/2023")["value"] == "2023-08-23"
    assert normalize_date("Tối 24/8", ANCHOR)["value"] == "2023-08-24"
    assert normalize_date("nhiệm kỳ 2020-2025")["value"] == "2020/2025"


@pytest.mark.parametrize("span, value", [
    ("2017", "2017"), ("1/2018", "2018-01"), ("quý 1/2017", "2017-01/2017-03"), ("Quý III/2017", "2017-07/2017-09"),
    ("Quý 4-2016", "2016-10/2016-12"), ("năm 2014 đến 2016", "2014/2016"), ("27 đến ngày 30/6/2017", "2017-06-27/2017-06-30"),
])
def test_a_span_a_tagger_found_may_hold_forms_too_loose_to_search_for(span, value):
    assert normalize_date(span)["value"] == value


def test_a_bare_year_or_quarter_is_never_searched_for():
    assert find_dates("Năm 2017 có 2017 người, quý 1/2017 tăng 1/2018.") == [(0, 8)]


HEADER = "Chủ Nhật, 24/11/2024\nThời sự - Chính trị\n"
DATELINE = "Thứ Tư, 23/8/2023 8:13'(GMT+7)\n"
BODY = "\nTP Hồ Chí Minh và thủ đô La Habana thắt chặt quan hệ hợp tác.\nNgày 22/8/2023, đoàn đến thăm.\n"


def test_find_dateline_prefers_the_timed_line_over_the_page_header():
    assert find_dateline(HEADER + DATELINE + BODY) == date(2023, 8, 23)


def test_find_dateline_falls_back_to_a_page_header():
    assert find_dateline(HEADER + BODY) == date(2024, 11, 24)


@pytest.mark.parametrize("line, expected", [
    ("Ngày đăng: 23/08/2023", date(2023, 8, 23)),
    ("Cập nhật: 2023-08-23 08:13", date(2023, 8, 23)),
    ("2023-08-23T08:13:00+07:00", date(2023, 8, 23)),
    ("08:13 | 23/08/2023", date(2023, 8, 23)),
    ("Thứ Tư, ngày 23/08/2023 - 08:13", date(2023, 8, 23)),
    ("Thứ Tư, 08:13, 23/08/2023", date(2023, 8, 23)),
    ("Thứ tư, 23/8/2023, 08:13 (GMT+7)", date(2023, 8, 23)),
    ("Thứ Tư, 23-08-2023, 08:13", date(2023, 8, 23)),
    ("23/08/2023 08:13 GMT+7", date(2023, 8, 23)),
    ("Cập nhật lúc 08:13, 23/08/2023", date(2023, 8, 23)),
])
def test_find_dateline_forms(line, expected):
    assert find_dateline("Tiêu đề bài viết\n" + line + "\nNội dung bài viết.") == expected


def test_find_dateline_labelled_line_beats_a_timed_line():
    text = "Thứ Ba, 22/8/2023 10:00\nNgày đăng: 23/08/2023\nNội dung."
    assert find_dateline(text) == date(2023, 8, 23)


def test_a_date_inside_a_sentence_is_no_dateline():
    assert find_dateline("Ngày 23/8/2023, hai tỉnh ký kết Bản ghi nhớ hợp tác.") is None


def test_document_anchor_order():
    text = "Tối 24/8, hai bên ký Bản ghi nhớ. Ý định thư đã ký ngày 21/4/2023."
    assert document_anchor(text, published="2023-09-01") == date(2023, 9, 1)
    assert document_anchor(text, published=date(2023, 9, 1)) == date(2023, 9, 1)
    assert document_anchor(text, published="2023-09-01T08:00:00") == date(2023, 9, 1)
    assert document_anchor(DATELINE + text) == date(2023, 8, 23)
    anchor = document_anchor(text)
    assert anchor == date(2023, 12, 31)
    assert normalize_date("24/8", anchor)["value"] == "2023-08-24"


def test_year_or_month_only_expressions_do_not_anchor():
    assert document_anchor("Từ năm 2014, tháng 9/2022 và giai đoạn 2022-2026, ngày 24/8.") is None


def test_document_anchor_uses_the_given_spans():
    text = "Ngày 21/4/2023 và ngày 5/1/2024."
    assert document_anchor(text) == date(2024, 12, 31)
    assert document_anchor(text, date_spans=[(5, 14)]) == date(2023, 12, 31)


def test_bad_published_is_an_actionable_error():
    with pytest.raises(VnPartnerError, match=r"\[E201\]"):
        document_anchor("văn bản", published="hôm qua")


def test_parse_iso_date():
    assert parse_iso_date("2023-08-24") == date(2023, 8, 24)
    assert parse_iso_date("2023-08-24T08:13:00+07:00") == date(2023, 8, 24)
    assert parse_iso_date("24/8/2023") is None
    assert parse_iso_date(None) is None
