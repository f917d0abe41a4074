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
