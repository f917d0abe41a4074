"""PERSON values from the document's HAS_TITLE and AFFILIATED_WITH relations."""

import pytest

from vnpartner.normalize.document import normalize_people
from vnpartner.schema import Document, Relation

TEXT = ("Tổng thống Mỹ Donald Trump tiếp Thủ tướng Nguyễn Xuân Phúc. "
        "Donald Trump cảm ơn Nguyễn Xuân Phúc, người đứng đầu Chính phủ Việt Nam.")


def build() -> Document:
    doc = Document(text=TEXT)
    found = {}
    for surface, label, nth in (("Tổng thống Mỹ", "TITLE", 0), ("Donald Trump", "PERSON", 0), ("Thủ tướng", "TITLE", 0),
                                ("Nguyễn Xuân Phúc", "PERSON", 0), ("Donald Trump", "PERSON", 1),
                                ("Nguyễn Xuân Phúc", "PERSON", 1), ("Việt Nam", "LOCATION", 0)):
        at = -1
        for _ in range(nth + 1):
            at = TEXT.index(surface, at + 1)
        normalized = {"name": "Việt Nam", "country": "VN", "admin": "country"} if label == "LOCATION" else None
        found[(surface, nth)] = doc.add_entity(at, at + len(surface), label, normalized).id
    doc.relations = [Relation(found[("Donald Trump", 0)], found[("Tổng thống Mỹ", 0)], "HAS_TITLE"),
                     Relation(found[("Nguyễn Xuân Phúc", 0)], found[("Thủ tướng", 0)], "HAS_TITLE"),
                     Relation(found[("Nguyễn Xuân Phúc", 1)], found[("Việt Nam", 0)], "AFFILIATED_WITH")]
    return doc


def test_what_one_mention_gives_holds_for_every_mention_of_the_name():
    doc = normalize_people(build())
    values = [(e.text, e.normalized["title"], e.normalized["country"]) for e in doc.entities if e.label == "PERSON"]
    assert values == [("Donald Trump", "Tổng thống Mỹ", "US"), ("Nguyễn Xuân Phúc", "Thủ tướng", "VN"),
                      ("Donald Trump", "Tổng thống Mỹ", "US"), ("Nguyễn Xuân Phúc", "Thủ tướng", "VN")]
    assert [e.normalized["affiliation"] for e in doc.entities if e.text == "Nguyễn Xuân Phúc"] == ["Việt Nam"] * 2


def test_a_person_with_no_relation_has_empty_values():
    doc = Document(text="Ông Ba đến.")
    doc.add_entity(4, 6, "PERSON")
    assert normalize_people(doc).entities[0].normalized == {"title": None, "affiliation": None, "country": None}


def titled(text: str, people: list[str], titles: list[str]) -> Document:
    """``people[i]`` (first occurrence) with the title ``titles[i]`` when it is not empty."""
    doc = Document(text=text)
    for name, title in zip(people, titles):
        person = doc.add_entity(text.index(name), text.index(name) + len(name), "PERSON")
        if title:
            at = text.index(title)
            doc.relations.append(Relation(person.id, doc.add_entity(at, at + len(title), "TITLE").id, "HAS_TITLE"))
    return doc


def test_a_shorter_mention_takes_what_the_full_name_gives():
    doc = titled("Tổng thống Mỹ Donald Trump đến. Ông Trump nói.", ["Donald Trump", "Trump"], ["Tổng thống Mỹ", ""])
    short = next(e for e in normalize_people(doc).entities if e.text == "Trump")
    assert (short.normalized["title"], short.normalized["country"]) == ("Tổng thống Mỹ", "US")


def test_a_vietnamese_name_with_no_country_is_vietnamese_titled_or_not():
    doc = titled("Thủ tướng Nguyễn Xuân Phúc gặp Chủ tịch Kim Young Chul. Ông Hùng đến cùng Trần Văn Nam.",
                 ["Nguyễn Xuân Phúc", "Kim Young Chul", "Hùng", "Trần Văn Nam"], ["Thủ tướng", "Chủ tịch", "", ""])
    countries = {e.text: e.normalized["country"] for e in normalize_people(doc).entities if e.label == "PERSON"}
    assert countries == {"Nguyễn Xuân Phúc": "VN", "Kim Young Chul": None, "Hùng": None, "Trần Văn Nam": "VN"}


def test_a_titled_foreign_name_with_no_country_takes_the_foreign_country_named_just_before_it():
    def country_of(text, place="Pakistan"):
        doc = titled(text, ["Pervez Musharraf"], ["Tổng thống"])
        code = {"Pakistan": "PK", "Việt Nam": "VN"}[place]
        doc.add_entity(text.index(place), text.index(place) + len(place), "LOCATION",
                       {"name": place, "country": code, "admin": "country"})
        return next(e for e in normalize_people(doc).entities if e.label == "PERSON").normalized["country"]

    assert country_of("Đoàn thăm Pakistan, theo lời mời của Tổng thống Pervez Musharraf.") == "PK"
    assert country_of("Đoàn thăm Pakistan. Theo lời mời của Tổng thống Pervez Musharraf.") is None
    assert country_of("Hội nghị tại Pakistan, Tổng thống Pervez Musharraf nói.") is None  # the venue
    assert country_of("\"Hợp tác với Pakistan\", Tổng thống Pervez Musharraf nói.") is None  # quoted
    assert country_of("Đoàn thăm Việt Nam, theo lời mời của Tổng thống Pervez Musharraf.", "Việt Nam") is None
    assert country_of("Pakistan " + "x" * 70 + " Tổng thống Pervez Musharraf.") is None  # too far
    assert country_of("Quân đội sẵn sàng tấn công Pakistan nếu có lệnh của Tổng thống Pervez Musharraf.") is None
    assert country_of("Cố vấn của Tổng thống Pakistan - ông Pervez Musharraf nói.") == "PK"
    text = "Đoàn thăm Pakistan, theo lời mời của Thượng tướng Ma Văn Kháng."  # no foreign word in the name
    doc = titled(text, ["Ma Văn Kháng"], ["Thượng tướng"])
    doc.add_entity(text.index("Pakistan"), text.index("Pakistan") + 8, "LOCATION",
                   {"name": "Pakistan", "country": "PK", "admin": "country"})
    assert normalize_people(doc).entities[0].normalized["country"] is None
    assert country_of("Nhật Bản hợp tác với Pakistan\nTổng thống Pervez Musharraf nói.") is None  # a headline's


def test_a_vietnamese_looking_name_is_chinese_where_the_article_names_china_and_nothing_vietnamese():
    text = "Chủ tịch Chu Tiểu Xuyên gửi thư tới Tổng thống Bush. Trung Quốc và Mỹ hợp tác."
    china = {"name": "Trung Quốc", "country": "CN", "admin": "country"}
    vietnam = {"name": "Việt Nam", "country": "VN", "admin": "country"}
    for place, expected in ((china, "CN"), (vietnam, "VN"), (None, "VN")):
        doc = titled(text, ["Chu Tiểu Xuyên"], ["Chủ tịch"])
        if place:
            doc.add_entity(text.index("Trung Quốc"), text.index("Trung Quốc") + 10, "LOCATION", place)
        person = next(e for e in normalize_people(doc).entities if e.label == "PERSON")
        assert person.normalized["country"] == expected


def test_an_office_is_the_title_before_a_degree_whichever_relation_comes_first():
    text = "PGS.TS. Nguyễn Cảnh Lương, Phó hiệu trưởng, và TS. Trương Gia Bình phát biểu."
    for degree_first in (True, False):
        doc = Document(text=text)
        ids = {surface: doc.add_entity(text.index(surface), text.index(surface) + len(surface), label).id
               for surface, label in (("PGS.TS.", "TITLE"), ("Nguyễn Cảnh Lương", "PERSON"),
                                      ("Phó hiệu trưởng", "TITLE"), ("TS.", "TITLE"), ("Trương Gia Bình", "PERSON"))}
        titles = [Relation(ids["Nguyễn Cảnh Lương"], ids[t], "HAS_TITLE") for t in ("PGS.TS.", "Phó hiệu trưởng")]
        doc.relations = (titles if degree_first else titles[::-1]) + [
            Relation(ids["Trương Gia Bình"], ids["TS."], "HAS_TITLE")]
        values = {e.text: e.normalized["title"] for e in normalize_people(doc).entities if e.label == "PERSON"}
        assert values == {"Nguyễn Cảnh Lương": "Phó hiệu trưởng", "Trương Gia Bình": "TS."}


def test_an_office_is_the_title_before_a_military_rank():
    text = "Đại tướng Ngô Xuân Lịch, Bộ trưởng Quốc phòng, tiếp Trung tá Roger Cabiness."
    doc = Document(text=text)
    ids = {surface: doc.add_entity(text.index(surface), text.index(surface) + len(surface), label).id
           for surface, label in (("Đại tướng", "TITLE"), ("Ngô Xuân Lịch", "PERSON"), ("Bộ trưởng", "TITLE"),
                                  ("Trung tá", "TITLE"), ("Roger Cabiness", "PERSON"))}
    doc.relations = [Relation(ids["Ngô Xuân Lịch"], ids["Bộ trưởng"], "HAS_TITLE"),
                     Relation(ids["Ngô Xuân Lịch"], ids["Đại tướng"], "HAS_TITLE"),
                     Relation(ids["Roger Cabiness"], ids["Trung tá"], "HAS_TITLE")]
    values = {e.text: e.normalized["title"] for e in normalize_people(doc).entities if e.label == "PERSON"}
    assert values == {"Ngô Xuân Lịch": "Bộ trưởng", "Roger Cabiness": "Trung tá"}


def test_of_two_bodies_the_one_giving_a_country_then_the_nearer_is_the_persons():
    text = "Bộ trưởng Ngoại giao Iran Zarif gặp người đồng cấp Canada. Đại tá Thắng, Vụ trưởng Vụ Pháp chế, Bộ Quốc phòng Lào."
    doc = Document(text=text)
    place = {"Iran": ("IR", "Iran"), "Canada": ("CA", "Canada")}
    ids = {}
    for surface, label in (("Iran", "LOCATION"), ("Zarif", "PERSON"), ("Canada", "LOCATION"), ("Thắng", "PERSON"),
                           ("Vụ Pháp chế", "ORGANIZATION"), ("Bộ Quốc phòng Lào", "ORGANIZATION")):
        country = place.get(surface)
        value = {"name": country[1], "country": country[0], "admin": "country"} if country else None
        ids[surface] = doc.add_entity(text.index(surface), text.index(surface) + len(surface), label, value).id
    # the model's relations in the order it gave them: the far or countryless body last
    doc.relations = [Relation(ids["Zarif"], ids["Iran"], "AFFILIATED_WITH"),
                     Relation(ids["Zarif"], ids["Canada"], "AFFILIATED_WITH"),
                     Relation(ids["Thắng"], ids["Bộ Quốc phòng Lào"], "AFFILIATED_WITH"),
                     Relation(ids["Thắng"], ids["Vụ Pháp chế"], "AFFILIATED_WITH")]
    normalize_people(doc)
    values = {e.text: (e.normalized["affiliation"], e.normalized["country"]) for e in doc.entities if e.label == "PERSON"}
    assert values == {"Zarif": ("Iran", "IR"), "Thắng": ("Bộ Quốc phòng Lào", "LA")}


def country_through(body: str) -> str | None:
    """The country normalize_people gives a titled foreign name affiliated with ``body``."""
    text = f"Ông John Doe, Chủ tịch {body}, phát biểu."
    doc = titled(text, ["John Doe"], ["Chủ tịch"])
    org = doc.add_entity(text.index(body), text.index(body) + len(body), "ORGANIZATION")
    doc.relations.append(Relation(doc.entities[0].id, org.id, "AFFILIATED_WITH"))
    return normalize_people(doc).entities[0].normalized["country"]


@pytest.mark.parametrize("body, expected", [
    ("Đại sứ quán Mỹ tại Hà Nội", "US"), ("Đại sứ quán Việt Nam tại Campuchia", "VN"),
    ("Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam", "KR"), ("Văn phòng đại diện tại Hà Nội", "VN"),
])
def test_a_body_seated_abroad_gives_its_own_country_not_its_seat(body, expected):
    assert country_through(body) == expected


def test_a_short_name_takes_the_country_its_full_name_is_given_for_want_of_a_relation():
    text = "Thứ trưởng Đỗ Thắng Hải nói. Thứ trưởng Hải cho biết thêm."
    doc = Document(text=text)
    first = doc.add_entity(0, 9, "TITLE")
    full = doc.add_entity(10, 23, "PERSON")
    second = doc.add_entity(text.index("Thứ trưởng Hải"), text.index("Thứ trưởng Hải") + 9, "TITLE")
    short = doc.add_entity(text.index("Hải cho"), text.index("Hải cho") + 3, "PERSON")
    doc.relations = [Relation(full.id, first.id, "HAS_TITLE"), Relation(short.id, second.id, "HAS_TITLE")]
    countries = [e.normalized["country"] for e in normalize_people(doc).entities if e.label == "PERSON"]
    assert countries == ["VN", "VN"]


@pytest.mark.parametrize("body, expected", [
    ("Hội Hữu nghị Việt Nam - Cuba", "VN"), ("Nhóm Nghị sỹ Hữu nghị Cuba-Việt Nam", "CU"),
])
def test_a_body_named_for_two_countries_is_of_the_first(body, expected):
    assert country_through(body) == expected


@pytest.mark.parametrize("place, expected", [
    ({"name": "Nga", "country": "RU", "admin": "country"}, "VN"),  # a Vietnamese visitor to Russia
    ({"name": "Trung Quốc", "country": "CN", "admin": "country"}, "CN"),  # a Sino-Vietnamese reading
])
def test_a_vietnamese_looking_name_takes_a_country_only_where_such_names_are_native(place, expected):
    text = "Chuyến thăm Nga của Chủ tịch nước Trần Đại Quang."
    doc = titled(text, ["Trần Đại Quang"], ["Chủ tịch nước"])
    country = doc.add_entity(text.index("Nga"), text.index("Nga") + 3, "LOCATION", place)
    person = next(e for e in doc.entities if e.label == "PERSON")
    doc.relations.append(Relation(person.id, country.id, "AFFILIATED_WITH"))
    assert normalize_people(doc).entities[0].normalized["country"] == expected


def test_a_short_name_takes_the_country_of_its_full_name_over_its_own_link():
    text = "Tổng thống Philippines Rodrigo Duterte nói. Nga hoan nghênh, ông Duterte cho biết."
    doc = Document(text=text)
    places = {name: doc.add_entity(text.index(name), text.index(name) + len(name), "LOCATION",
                                   {"name": name, "country": code, "admin": "country"})
              for name, code in (("Philippines", "PH"), ("Nga", "RU"))}
    full = doc.add_entity(text.index("Rodrigo Duterte"), text.index("Rodrigo Duterte") + 15, "PERSON")
    short = doc.add_entity(text.index("Duterte cho"), text.index("Duterte cho") + 7, "PERSON")
    doc.relations = [Relation(full.id, places["Philippines"].id, "AFFILIATED_WITH"),
                     Relation(short.id, places["Nga"].id, "AFFILIATED_WITH")]
    people = [e for e in normalize_people(doc).entities if e.label == "PERSON"]
    assert [(p.normalized["affiliation"], p.normalized["country"]) for p in people] == [("Philippines", "PH")] * 2


def test_a_leader_no_mention_gives_a_country_has_the_one_the_leaders_list_gives():
    doc = titled("Tổng thống Donald Trump tiếp Thủ tướng Lý Hiển Long tại Nhà Trắng.",
                 ["Donald Trump", "Lý Hiển Long"], ["Tổng thống", "Thủ tướng"])
    countries = {e.text: e.normalized["country"] for e in normalize_people(doc).entities if e.label == "PERSON"}
    assert countries == {"Donald Trump": "US", "Lý Hiển Long": "SG"}
    doc = titled("Thủ tướng Thatcher gặp cựu Thủ tướng Gerhard Schroeder.",
                 ["Thatcher", "Gerhard Schroeder"], ["Thủ tướng", "Thủ tướng"])
    countries = {e.text: e.normalized["country"] for e in normalize_people(doc).entities if e.label == "PERSON"}
    assert countries == {"Thatcher": "GB", "Gerhard Schroeder": "DE"}
