"""Which party a mention stands for: places, and the bodies that act for them."""

import pytest

from vnpartner.aggregate import party_of
from vnpartner.schema import Entity


def _org(text):
    return Entity(id="T1", start=0, end=len(text), label="ORGANIZATION", text=text)


@pytest.mark.parametrize("text", ["UBND tỉnh Bình Dương", "chính quyền tỉnh Bình Dương", "Tỉnh ủy Bình Dương",
                                  "Tỉnh Bình Dương", "Bình Dương"])
def test_bodies_and_places_called_organisations_are_their_place(text):
    party = party_of(_org(text))
    assert (party.name, party.country, party.kind) == ("Bình Dương", "VN", "province")


def test_other_organisations_stay_organisations():
    party = party_of(_org("Tổng công ty Becamex IDC"))
    assert party.kind == "organization" and party.name == "Tổng công ty Becamex IDC"


@pytest.mark.parametrize("text", ["Chính phủ Hoa Kỳ", "Quân đội Hoa Kỳ",
                                  "Cục Thông tin, Quân đội Hoa Kỳ"])
def test_a_states_own_bodies_are_the_state(text):
    party = party_of(_org(text))
    assert (party.name, party.country, party.kind) == ("Hoa Kỳ", "US", "country")


def test_a_ministry_of_a_named_country_is_an_organisation_of_that_country():
    party = party_of(_org("Bộ Ngoại giao Mỹ"))
    assert (party.name, party.country, party.kind) == ("Bộ Ngoại giao Hoa Kỳ", "US", "organization")


def test_the_people_of_a_country_is_the_country():
    assert party_of(_org("nhân dân Việt Nam")).kind == "country"


def test_a_country_inside_a_name_is_written_as_the_gazetteer_names_it():
    party = party_of(_org("Hải quân Mỹ"))
    assert (party.name, party.country, party.kind) == ("Hải quân Hoa Kỳ", "US", "organization")


def test_an_embassy_belongs_to_its_country_not_to_where_it_sits():
    assert party_of(_org("Đại sứ quán Hoa Kỳ tại Việt Nam")).country == "US"


def test_an_unqualified_ministry_is_vietnamese():
    party = party_of(_org("Bộ Quốc phòng"))
    assert (party.name, party.country, party.kind) == ("Bộ Quốc phòng", "VN", "organization")


@pytest.mark.parametrize("text, country", [("Lầu Năm Góc", "US"), ("Điện Kremlin", "RU"), ("Nhà Trắng", "US")])
def test_a_seat_of_government_belongs_to_its_state(text, country):
    party = party_of(_org(text))
    assert (party.name, party.country) == (text, country)


@pytest.mark.parametrize("text", ["Bệnh viện Việt Đức", "Trường Đào tạo Việt Mỹ", "Hội Hữu nghị Việt Nam – Cuba"])
def test_a_vietnamese_body_named_for_a_partner_country_is_vietnamese(text):
    party = party_of(_org(text))
    assert (party.name, party.country, party.kind) == (text, "VN", "organization")


def test_an_unqualified_state_body_is_viet_nams_but_the_self_styled_islamic_state_is_no_ones():
    assert party_of(_org("Nhà nước Việt Nam")).country == "VN"
    assert party_of(_org("Bộ Ngoại giao")).country == "VN"
    assert party_of(_org("Nhà nước Hồi giáo")).country is None


def test_hong_kong_is_a_party_of_kind_other_and_taiwan_a_country():
    def place(name, code):
        return Entity(id="T1", start=0, end=len(name), label="LOCATION", text=name,
                      normalized={"name": name, "country": code, "admin": "country"})

    assert party_of(place("Hồng Kông", "HK")).kind == "other"
    assert party_of(place("Đài Loan", "TW")).kind == "country"


def test_name_variants_are_the_pairs_a_test_of_every_pair_finds():
    from itertools import permutations

    from vnpartner.aggregate import parties
    from vnpartner.schema import Party

    names = ["LLBVBB Nhật Bản", "Lực lượng Bảo vệ bờ biển Nhật Bản", "ASEAN", "Hiệp hội các quốc gia Đông Nam Á",
             "VNG", "Công ty cổ phần VNG", "Bộ Quốc phòng", "Bộ Quốc phòng Campuchia", "Thượng viện Haiti",
             "Thượng viện Cộng hòa Haiti", "woori bank", "Woori Bank", "Ngân hàng Nhà nước", "FPT"]
    orgs = [Party(name, "KH" if name.endswith("Campuchia") else None, "organization") for name in names]

    def kept(name, other):  # the rule of _variant_pairs, tested on every ordered pair
        a, b = parties._name_words(name), parties._name_words(other)
        same = a == b or parties._abbreviates(name, other) or \
            (parties.body_key(name) and parties.body_key(name) == parties.body_key(other))
        if not same and (len(set(a)) < 2 or not set(a) < set(b)):
            return False
        return same or not (other.endswith("Campuchia") and parties.trailing_place(other) is not None)

    expected = [(a, b) for a, b in permutations(names, 2) if kept(a, b)]
    assert parties._variant_pairs(orgs) == expected
    assert ("ASEAN", "Hiệp hội các quốc gia Đông Nam Á") in expected and ("Bộ Quốc phòng", "Bộ Quốc phòng Campuchia") not in expected
