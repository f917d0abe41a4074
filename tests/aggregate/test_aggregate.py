"""Partnership records from hand-written entities and relations (no tagger involved)."""

import pytest

from vnpartner.aggregate import aggregate
from vnpartner.schema import Document, Relation
from vnpartner.text import iter_sentences

PLACES = {
    "Bình Dương": ("VN", "province"), "Artemisa": ("CU", "province"), "Việt Nam": ("VN", "country"),
    "Cuba": ("CU", "country"), "Nhật Bản": ("JP", "country"), "Hà Nội": ("VN", "city"),
    "Lào": ("LA", "country"), "Thủ Dầu Một": ("VN", "city"), "Champasak": ("LA", "province"),
    "Pháp": ("FR", "country"), "Trung Quốc": ("CN", "country"), "Nga": ("RU", "country"),
    "Saudi Arabia": ("SA", "country"), "Campuchia": ("KH", "country"),
    "Iran": ("IR", "country"), "Myanmar": ("MM", "country"), "Hàn Quốc": ("KR", "country"), "Đức": ("DE", "country"),
    "Anh": ("GB", "country"), "Australia": ("AU", "country"), "Hong Kong": ("HK", "other"), "Libya": ("LY", "country"),
    "Biển Đông": (None, "other"), "châu Á": (None, "other"), "Sankt Peterburgo": (None, "other"), "Hoa Kỳ": ("US", "country"), "Indonesia": ("ID", "country"),
}


def build(text, spans, relations):
    """A Document with entities at the n-th occurrence of each (surface, label[, normalized, n]) and relations."""
    doc = Document(text=text, id="t")
    for surface, label, *rest in spans:
        normalized = rest[0] if rest else None
        nth = rest[1] if len(rest) > 1 else 1
        at = -1
        for _ in range(nth):
            at = text.index(surface, at + 1)
        if label == "LOCATION" and normalized is None:
            name = surface.removeprefix("tỉnh ").removeprefix("thành phố ")
            country, admin = PLACES[name]
            normalized = {"name": name, "country": country, "admin": admin}
        doc.add_entity(at, at + len(surface), label, normalized)
    doc.relations = [Relation(doc.entities[h].id, doc.entities[t].id, label) for h, t, label in relations]
    return doc


def records(doc):
    return aggregate(doc, list(iter_sentences(doc.text, words=False)))


def test_mentions_of_one_party_merge_into_one_record():
    text = ("UBND tỉnh Bình Dương và tỉnh Artemisa ký Bản ghi nhớ ngày 24/8/2023. "
            "Hai tỉnh hợp tác về y tế. Bình Dương và Artemisa sẽ trao đổi đoàn.")
    doc = build(text, [
        ("UBND tỉnh Bình Dương", "ORGANIZATION"), ("tỉnh Artemisa", "LOCATION"), ("Bản ghi nhớ", "AGREEMENT"),
        ("24/8/2023", "DATE", {"value": "2023-08-24", "granularity": "day"}),
        ("y tế", "SECTOR", {"code": "health"}), ("Bình Dương", "LOCATION", None, 2), ("Artemisa", "LOCATION", None, 2),
    ], [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED"), (2, 3, "DATE_OF"), (5, 6, "PARTNER"),
        (5, 4, "COOPERATES_IN")])
    [record] = records(doc)
    assert {(p.name, p.country, p.kind) for p in record.parties} == {
        ("Bình Dương", "VN", "province"), ("Artemisa", "CU", "province")}
    assert record.instrument == "mou" and record.date == "2023-08-24"
    assert record.sectors == ["health"]
    assert len(record.evidence) == 2


def test_several_groups_give_several_records_with_their_own_dates():
    text = ("Ngày 25/11, Việt Nam và Nhật Bản hội đàm. "
            "Chiều 17/11, Việt Nam và Lào ký hiệp định về giáo dục.")
    doc = build(text, [
        ("25/11", "DATE", {"value": "--11-25", "granularity": "day"}), ("Việt Nam", "LOCATION"),
        ("Nhật Bản", "LOCATION"), ("17/11", "DATE", {"value": "--11-17", "granularity": "day"}),
        ("Việt Nam", "LOCATION", None, 2), ("Lào", "LOCATION"), ("hiệp định", "AGREEMENT"),
        ("giáo dục", "SECTOR", {"code": "education"}),
    ], [(1, 2, "PARTNER"), (4, 5, "PARTNER"), (4, 6, "SIGNED"), (5, 6, "SIGNED"), (6, 3, "DATE_OF"),
        (4, 7, "COOPERATES_IN")])
    found = {frozenset(p.name for p in r.parties): r for r in records(doc)}
    assert set(found) == {frozenset({"Việt Nam", "Nhật Bản"}), frozenset({"Việt Nam", "Lào"})}
    laos = found[frozenset({"Việt Nam", "Lào"})]
    assert (laos.instrument, laos.date) == ("agreement", "--11-17")
    japan = found[frozenset({"Việt Nam", "Nhật Bản"})]
    assert (japan.instrument, japan.date) == ("meeting", "--11-25")  # the date its sentence gives


def test_partners_listed_with_the_main_record_share_its_event():
    text = ("Chiều 20/6, Tập đoàn Đất Xanh tổ chức lễ ký kết hợp tác với 20 đối tác. "
            "Đất Xanh chọn các nhóm đối tác: CPG, Apave và Savills. Savills mở văn phòng mới.")
    doc = build(text, [("20/6", "DATE", {"value": "--06-20", "granularity": "day"}),
                       ("Tập đoàn Đất Xanh", "ORGANIZATION"), ("Đất Xanh", "ORGANIZATION", None, 2),
                       ("CPG", "ORGANIZATION"), ("Apave", "ORGANIZATION"), ("Savills", "ORGANIZATION")],
                [(2, 3, "PARTNER"), (2, 4, "PARTNER"), (2, 5, "PARTNER")])
    found = records(doc)
    assert [len(r.parties) for r in found] == [2, 2, 2]
    assert [r.instrument for r in found] == ["agreement"] * 3


def test_a_country_pair_restating_a_local_pair_is_background():
    text = "Bình Dương và Artemisa góp phần vun đắp quan hệ Việt Nam - Cuba."
    doc = build(text, [("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"), ("Việt Nam", "LOCATION"),
                       ("Cuba", "LOCATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Bình Dương", "Artemisa"}]


def test_a_country_pair_the_article_tells_of_far_more_than_a_local_pair_stays():
    text = ("Việt Nam và Cuba hợp tác về y tế. Việt Nam và Cuba ký hiệp định. "
            "Bình Dương và Artemisa góp phần vun đắp quan hệ Việt Nam - Cuba.")
    doc = build(text, [("Việt Nam", "LOCATION"), ("Cuba", "LOCATION"), ("Việt Nam", "LOCATION", None, 2),
                       ("Cuba", "LOCATION", None, 2), ("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"),
                       ("Việt Nam", "LOCATION", None, 3), ("Cuba", "LOCATION", None, 3)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER"), (6, 7, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Cuba"}, {"Bình Dương", "Artemisa"}]


def test_a_country_paired_with_a_foreign_place_stays_where_the_article_tells_of_it_far_more():
    text = ("Việt Nam và Hamburg hợp tác. Việt Nam và Hamburg ký kết. Việt Nam mời Hamburg đầu tư. "
            "Hamburg kết nghĩa với Đà Nẵng.")
    hamburg = {"name": "Hamburg", "country": "DE", "admin": "city"}
    danang = {"name": "Đà Nẵng", "country": "VN", "admin": "city"}
    spans = [mention for n in (1, 2, 3) for mention in (("Việt Nam", "LOCATION", None, n),
                                                         ("Hamburg", "LOCATION", hamburg, n))]
    doc = build(text, spans + [("Hamburg", "LOCATION", hamburg, 4), ("Đà Nẵng", "LOCATION", danang)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER"), (6, 7, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Hamburg"}, {"Hamburg", "Đà Nẵng"}]
    once = build("Việt Nam và Hamburg hợp tác. Hamburg kết nghĩa với Đà Nẵng.",
                 [("Việt Nam", "LOCATION"), ("Hamburg", "LOCATION", hamburg), ("Hamburg", "LOCATION", hamburg, 2),
                  ("Đà Nẵng", "LOCATION", danang)], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(once)] == [{"Hamburg", "Đà Nẵng"}]


def test_an_organisation_takes_the_country_the_article_gives_it_in_brackets():
    text = "Việt Nam ký hiệp định vay vốn của Ngân hàng KFW (Đức) và ADB (Manila)."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Ngân hàng KFW", "ORGANIZATION"), ("ADB", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER")])
    assert [[(p.name, p.country) for p in r.parties] for r in records(doc)] == [
        [("Việt Nam", "VN"), ("Ngân hàng KFW", "DE")], [("Việt Nam", "VN"), ("ADB", None)]]


def test_a_bracket_after_a_member_of_a_body_is_not_its_country():
    text = "Việt Nam gia nhập WTO. Một thành viên WTO (Mỹ) yêu cầu thêm thông tin."
    doc = build(text, [("Việt Nam", "LOCATION"), ("WTO", "ORGANIZATION"), ("WTO", "ORGANIZATION", None, 2)],
                [(0, 1, "PARTNER")])
    assert [[(p.name, p.country) for p in r.parties] for r in records(doc)] == [[("Việt Nam", "VN"), ("WTO", None)]]


def test_a_sea_is_no_party():
    text = "Trung Quốc hợp tác với Biển Đông; Trung Quốc hợp tác với Hoa Kỳ."
    doc = build(text, [("Trung Quốc", "LOCATION"), ("Biển Đông", "LOCATION"), ("Trung Quốc", "LOCATION", None, 2),
                       ("Hoa Kỳ", "LOCATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Trung Quốc", "Hoa Kỳ"}]


def test_a_region_of_no_one_country_is_no_party_but_an_unknown_place_is():
    text = "Việt Nam hợp tác với châu Á; Việt Nam hợp tác với Sankt Peterburgo."
    doc = build(text, [("Việt Nam", "LOCATION"), ("châu Á", "LOCATION"), ("Việt Nam", "LOCATION", None, 2),
                       ("Sankt Peterburgo", "LOCATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Sankt Peterburgo"}]


def test_no_partner_relation_means_no_record():
    text = "Bình Dương đẩy mạnh phát triển y tế."
    doc = build(text, [("Bình Dương", "LOCATION"), ("y tế", "SECTOR", {"code": "health"})],
                [(0, 1, "COOPERATES_IN")])
    assert records(doc) == []


def test_a_party_partnered_with_itself_is_not_a_record():
    text = "tỉnh Bình Dương và UBND tỉnh Bình Dương làm việc."
    doc = build(text, [("tỉnh Bình Dương", "LOCATION"), ("UBND tỉnh Bình Dương", "ORGANIZATION")],
                [(0, 1, "PARTNER")])
    assert records(doc) == []


def test_a_country_paired_with_a_place_already_paired_inside_it_is_background():
    text = "Bình Dương và Artemisa ký kết hợp tác. Cuba và Bình Dương có quan hệ tốt."
    doc = build(text, [("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"), ("Cuba", "LOCATION"),
                       ("Bình Dương", "LOCATION", None, 2)], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Bình Dương", "Artemisa"}]


def test_a_country_paired_with_a_body_of_no_known_country_stays_beside_that_bodys_local_pair():
    text = "Google hợp tác với Việt Nam. Google hỗ trợ Hội Nông dân Việt Nam."
    doc = build(text, [("Google", "ORGANIZATION"), ("Việt Nam", "LOCATION"), ("Google", "ORGANIZATION", None, 2),
                       ("Hội Nông dân Việt Nam", "ORGANIZATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [
        {"Google", "Việt Nam"}, {"Google", "Hội Nông dân Việt Nam"}]


def test_a_foreign_body_dealing_with_a_country_acts_for_its_state_but_a_company_does_not():
    text = "Mỹ bàn giao tàu cho Cảnh sát biển Việt Nam. Lào hợp tác với Tập đoàn Viettel Việt Nam."
    doc = build(text, [("Mỹ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                       ("Cảnh sát biển Việt Nam", "ORGANIZATION"), ("Lào", "LOCATION"),
                       ("Tập đoàn Viettel Việt Nam", "ORGANIZATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["Hoa Kỳ", "Việt Nam"], ["Lào", "Tập đoàn Viettel Việt Nam"]]


def test_a_country_does_not_partner_its_own_bodies():
    text = "Việt Nam và Bộ Ngoại giao Việt Nam trao đổi với Nhật Bản."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Bộ Ngoại giao Việt Nam", "ORGANIZATION"),
                       ("Nhật Bản", "LOCATION")], [(0, 1, "PARTNER"), (1, 2, "PARTNER")])
    # the ministry acts for its state, so the one record is the country pair
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Nhật Bản"}]


def test_a_body_named_by_its_acronym_and_in_words_is_one_party():
    text = ("ASEAN và EU họp tại Bangkok. Hiệp hội các quốc gia Đông Nam Á và Liên minh châu Âu "
            "nhất trí hợp tác. ASEAN và EU ra tuyên bố.")
    doc = build(text, [("ASEAN", "ORGANIZATION"), ("EU", "ORGANIZATION"),
                       ("Hiệp hội các quốc gia Đông Nam Á", "ORGANIZATION"), ("Liên minh châu Âu", "ORGANIZATION"),
                       ("ASEAN", "ORGANIZATION", None, 2), ("EU", "ORGANIZATION", None, 2)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["ASEAN", "EU"]]


def test_a_country_does_not_partner_a_state_agency_named_with_no_state():
    text = ("Hàn Quốc bổ nhiệm quan chức của Văn phòng An ninh Quốc gia. "
            "Việt Nam hợp tác với Ngân hàng Phát triển châu Á.")
    doc = build(text, [("Hàn Quốc", "LOCATION"), ("Văn phòng An ninh Quốc gia", "ORGANIZATION"),
                       ("Việt Nam", "LOCATION"), ("Ngân hàng Phát triển châu Á", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Ngân hàng Phát triển châu Á"}]


def test_a_body_does_not_partner_its_own_office_but_a_joint_body_partners_its_members():
    text = ("Ban Thư ký ASEAN và ASEAN ra mắt báo cáo. Liên minh Doanh nghiệp châu Âu - ASEAN và ASEAN "
            "ký kết thỏa thuận.")
    doc = build(text, [("Ban Thư ký ASEAN", "ORGANIZATION"), ("ASEAN", "ORGANIZATION", None, 2),
                       ("Liên minh Doanh nghiệp châu Âu - ASEAN", "ORGANIZATION"), ("ASEAN", "ORGANIZATION", None, 4)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Liên minh Doanh nghiệp châu Âu - ASEAN", "ASEAN"}]


def test_an_organisation_named_as_the_venue_is_no_party():
    text = "Đoàn tỉnh Artemisa làm việc với tỉnh Bình Dương tại Trung tâm Hành chính tỉnh."
    doc = build(text, [("tỉnh Artemisa", "LOCATION"), ("tỉnh Bình Dương", "LOCATION"),
                       ("Trung tâm Hành chính", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Artemisa", "Bình Dương"}]


def test_a_descriptor_is_no_party_but_a_named_organisation_is():
    text = "Chính quyền tỉnh tiếp đoàn tỉnh Artemisa; tỉnh Artemisa ký với Tập đoàn Điện lực Cuba."
    doc = build(text, [("Chính quyền tỉnh", "ORGANIZATION"), ("tỉnh Artemisa", "LOCATION"),
                       ("tỉnh Artemisa", "LOCATION", None, 2), ("Tập đoàn Điện lực Cuba", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    # `Chính quyền tỉnh` names no province; the corporation is named, and placed by its last word
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Artemisa", "Tập đoàn Điện lực Cuba"}]


def test_a_town_named_as_the_venue_inside_a_party_is_no_party():
    text = "Tại thành phố Thủ Dầu Một, tỉnh Bình Dương và tỉnh Champasak ký thỏa thuận."
    doc = build(text, [("thành phố Thủ Dầu Một", "LOCATION"), ("tỉnh Bình Dương", "LOCATION"),
                       ("tỉnh Champasak", "LOCATION")],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER"), (1, 2, "PARTNER")])
    # the town hosts the signing; it partners neither its own province nor the guest
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Bình Dương", "Champasak"}]


def test_the_body_of_an_unnamed_province_is_no_party():
    text = "Ban Thường vụ Tỉnh ủy tiếp đoàn tỉnh Champasak, đối tác của tỉnh Bình Dương."
    doc = build(text, [("Ban Thường vụ Tỉnh ủy", "ORGANIZATION"), ("tỉnh Champasak", "LOCATION"),
                       ("tỉnh Bình Dương", "LOCATION")], [(0, 1, "PARTNER"), (1, 2, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Champasak", "Bình Dương"}]


def test_a_company_named_only_by_its_kind_is_no_party():
    text = "Tập đoàn Hoàn Cầu và Tập đoàn Daewoo thành lập Công ty TNHH liên doanh với Công ty TNHH MTV môi trường."
    doc = build(text, [("Tập đoàn Hoàn Cầu", "ORGANIZATION"), ("Tập đoàn Daewoo", "ORGANIZATION"),
                       ("Công ty TNHH", "ORGANIZATION"), ("Công ty TNHH MTV", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER"), (1, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Tập đoàn Hoàn Cầu", "Tập đoàn Daewoo"}]


def test_an_alias_in_brackets_and_a_shorter_name_are_one_party():
    text = ("Tập đoàn Viễn thông Quân đội (Viettel) ký hợp đồng với Tổng công ty Haiti Telecom. "
            "VIETTEL và Haiti Telecom hợp tác. Tập đoàn Viễn thông Quân đội cam kết đầu tư.")
    doc = build(text, [("Tập đoàn Viễn thông Quân đội", "ORGANIZATION"), ("Viettel", "ORGANIZATION"),
                       ("Tổng công ty Haiti Telecom", "ORGANIZATION"), ("VIETTEL", "ORGANIZATION"),
                       ("Haiti Telecom", "ORGANIZATION", None, 2),
                       ("Tập đoàn Viễn thông Quân đội", "ORGANIZATION", None, 2)],
                [(0, 2, "PARTNER"), (3, 4, "PARTNER")])
    # `Viettel` stands for the name before it everywhere, in any case; the two names of the Haitian
    # company are as frequent, and the shorter is kept
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["Haiti Telecom", "Tập đoàn Viễn thông Quân đội"]]


def test_a_place_in_brackets_is_no_alias():
    text = "Thành phố Thủ Dầu Một (tỉnh Bình Dương) kết nghĩa với tỉnh Artemisa."
    doc = build(text, [("Thủ Dầu Một", "LOCATION"), ("tỉnh Bình Dương", "LOCATION"), ("tỉnh Artemisa", "LOCATION")],
                [(0, 2, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Artemisa", "Thủ Dầu Một"]]


def test_a_ministry_meeting_a_foreign_country_acts_for_viet_nam_but_not_at_home():
    text = "Bộ Quốc phòng hội đàm với Hoa Kỳ. Bộ Quốc phòng ký thỏa thuận với Tập đoàn Becamex."
    doc = build(text, [("Bộ Quốc phòng", "ORGANIZATION"), ("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US",
                                                                                "admin": "country"}),
                       ("Bộ Quốc phòng", "ORGANIZATION", None, 2), ("Tập đoàn Becamex", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["Hoa Kỳ", "Việt Nam"], ["Bộ Quốc phòng", "Tập đoàn Becamex"]]


def test_ministries_of_two_states_stay_ministries_but_a_ministry_meeting_a_state_is_its_state():
    text = "Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Campuchia hội đàm. Bộ Ngoại giao Lào tiếp Nhật Bản."
    doc = build(text, [("Bộ Quốc phòng Việt Nam", "ORGANIZATION"), ("Bộ Quốc phòng Campuchia", "ORGANIZATION"),
                       ("Bộ Ngoại giao Lào", "ORGANIZATION"), ("Nhật Bản", "LOCATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted((p.name, p.country) for p in r.parties) for r in records(doc)] == [
        [("Bộ Quốc phòng Campuchia", "KH"), ("Bộ Quốc phòng Việt Nam", "VN")], [("Lào", "LA"), ("Nhật Bản", "JP")]]


def test_a_ministry_named_without_its_country_partners_the_namesake_ministry_of_another():
    text = ("Bộ Quốc phòng tiếp đoàn. Bộ Quốc phòng Việt Nam và Bộ Quốc phòng Trung Quốc ký Thỏa thuận. "
            "Bộ Quốc phòng chủ trì.")
    doc = build(text, [("Bộ Quốc phòng", "ORGANIZATION"), ("Bộ Quốc phòng Việt Nam", "ORGANIZATION"),
                       ("Bộ Quốc phòng Trung Quốc", "ORGANIZATION"), ("Bộ Quốc phòng", "ORGANIZATION", None, 3)],
                [(1, 2, "PARTNER")])
    # the article names its own ministry mostly without the country, which is not `Trung Quốc`'s part
    assert [sorted((p.name, p.country) for p in r.parties) for r in records(doc)] == [
        [("Bộ Quốc phòng", "VN"), ("Bộ Quốc phòng Trung Quốc", "CN")]]


def test_a_signing_without_a_named_instrument_is_an_agreement():
    text = "Ngày 20/6, Tập đoàn Đất Xanh đã ký kết hợp tác với CPG."
    doc = build(text, [("20/6", "DATE", {"value": "--06-20", "granularity": "day"}),
                       ("Tập đoàn Đất Xanh", "ORGANIZATION"), ("CPG", "ORGANIZATION")], [(1, 2, "PARTNER")])
    [record] = records(doc)
    assert (record.instrument, record.date) == ("agreement", "--06-20")


def test_a_declaration_adopted_but_not_signed_is_no_agreement():
    for verb, instrument in (("thông qua", "meeting"), ("ký", "agreement")):
        text = f"EU và Libya họp bàn, các bên {verb} Tuyên bố Hội nghị."
        doc = build(text, [("EU", "ORGANIZATION"), ("Libya", "LOCATION"), ("Tuyên bố Hội nghị", "AGREEMENT")],
                    [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")])
        assert records(doc)[0].instrument == instrument, verb


def test_a_memorandum_is_an_mou_whatever_word_opens_it():
    from vnpartner.aggregate import instrument_of

    assert [instrument_of(name) for name in ("Bản ghi nhớ", "Biên bản ghi nhớ về hợp tác", "Thỏa thuận ghi nhớ",
                                              "Biên bản hợp tác", "Thỏa thuận kết nghĩa", "Ý định thư", "văn kiện")] \
        == ["mou", "mou", "mou", "agreement", "agreement", "letter_of_intent", None]


@pytest.mark.parametrize("words", ["sẽ ký kết", "ủng hộ việc sớm ký", "có thể ký", "nhiều khả năng ký"])
def test_a_planned_signing_is_no_agreement(words):
    text = f"Tập đoàn Đất Xanh và CPG {words} Hiệp định."
    doc = build(text, [("Tập đoàn Đất Xanh", "ORGANIZATION"), ("CPG", "ORGANIZATION"), ("Hiệp định", "AGREEMENT")],
                [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")])
    assert records(doc)[0].instrument is None


@pytest.mark.parametrize("sentence", ["Việt Nam và Mông Cổ hội đàm, hai bên ký được Hiệp ước hữu nghị.",
                                      "Việt Nam và Mông Cổ hội đàm rồi ký Hiệp ước hữu nghị.",
                                      "Việt Nam và Mông Cổ hội đàm nhân kỷ niệm Ngày hai nước ký Hiệp ước hữu nghị."])
def test_a_signing_said_without_da_is_an_agreement(sentence):
    doc = build(sentence, [("Việt Nam", "LOCATION"),
                           ("Mông Cổ", "LOCATION", {"name": "Mông Cổ", "country": "MN", "admin": "country"}),
                           ("Hiệp ước hữu nghị", "AGREEMENT")], [(0, 1, "PARTNER")])
    assert records(doc)[0].instrument == "agreement"


def test_a_meeting_of_two_countries_within_the_visit_the_lead_reports_is_that_visit():
    text = "Chủ tịch nước tới Nga, trong khuôn khổ chuyến thăm chính thức. Sau đó, Việt Nam và Nga hội đàm."
    doc = build(text, [("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"}),
                       ("Việt Nam", "LOCATION"), ("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"}, 2)],
                [(1, 2, "PARTNER")])
    assert records(doc)[0].instrument == "visit"
    bodies = build(text.replace("Việt Nam và Nga", "Tập đoàn Đất Xanh và CPG"),
                   [("Tập đoàn Đất Xanh", "ORGANIZATION"), ("CPG", "ORGANIZATION")], [(0, 1, "PARTNER")])
    assert records(bodies)[0].instrument == "meeting"  # bodies meet within a visit


def test_an_instrument_carried_out_is_no_signing_unless_its_signing_is_told():
    spans = [("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"}),
             ("Trung Quốc", "LOCATION"), ("hợp đồng", "AGREEMENT")]
    relations = [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")]
    carried_out = build("Nga và Trung Quốc hội đàm, Nga đã bắt đầu thực hiện hợp đồng cung ứng.", spans, relations)
    assert records(carried_out)[0].instrument == "meeting"
    signed = build("Nga và Trung Quốc hội đàm, Nga thực hiện hợp đồng ký năm 2015.", spans, relations)
    assert records(signed)[0].instrument == "agreement"


def test_an_instrument_said_to_be_signed_later_is_no_agreement():
    text = "Pháp và Trung Quốc hội đàm, nhiều hợp đồng sẽ được ký kết trong chuyến đi."
    doc = build(text, [("Pháp", "LOCATION"), ("Trung Quốc", "LOCATION"), ("hợp đồng", "AGREEMENT")],
                [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")])
    assert records(doc)[0].instrument == "meeting"


def test_a_visit_only_announced_is_a_pledge():
    # GUIDELINES, "Planned visits": instrument null, date null.
    planned = "Ngày 29/6, Quốc vương Saudi Arabia cho biết sẽ đến thăm Nga để tăng cường hợp tác."
    soon = "Ngày 29/6, Quốc vương Saudi Arabia sắp thăm Nga để tăng cường hợp tác."
    later = "Ngày 29/6, Quốc vương Saudi Arabia nói về chuyến thăm Nga sắp tới để tăng cường hợp tác."
    wished = "Ngày 29/6, Quốc vương Saudi Arabia mong muốn các chuyến thăm Nga để tăng cường hợp tác."
    made = "Ngày 29/6, Quốc vương Saudi Arabia đã đến thăm Nga để tăng cường hợp tác."
    found = []
    for text in (planned, soon, later, wished, made):
        doc = build(text, [("29/6", "DATE", {"value": "--06-29", "granularity": "day"}),
                           ("Saudi Arabia", "LOCATION"), ("Nga", "LOCATION")], [(1, 2, "PARTNER")])
        found.append(records(doc)[0].instrument)
    assert found == [None, None, None, None, "visit"]


def test_a_signing_followed_by_plans_of_its_own_was_held():
    # A signing reads words of plans after it only within its clause: after a comma they are
    # the parties' next plan, not the signing's.
    found = []
    for text in ("Hà Nội và Sumitomo đã ký kết hợp tác, dự kiến đầu tư 4 tỷ USD.",
                 "Hà Nội và Sumitomo ký kết hợp tác trong tháng tới.", "Hà Nội và Sumitomo sẽ ký kết hợp tác."):
        doc = build(text, [("Hà Nội", "LOCATION"), ("Sumitomo", "ORGANIZATION")], [(0, 1, "PARTNER")])
        found.append(records(doc)[0].instrument)
    assert found == ["agreement", None, None]


def test_going_on_with_cooperation_is_no_meeting_but_receiving_someone_is():
    found = []
    for text in ("EU sẽ tăng cường tiếp xúc với Libya và tiếp tục hợp tác.", "EU trực tiếp hỗ trợ Libya.",
                 "EU gặp khó khi hợp tác với Libya.", "EU tiếp Ngoại trưởng Libya.", "EU gặp Ngoại trưởng Libya."):
        doc = build(text, [("EU", "ORGANIZATION"), ("Libya", "LOCATION")], [(0, 1, "PARTNER")])
        found.append(records(doc)[0].instrument)
    assert found == [None, None, None, "meeting", "meeting"]


def test_the_same_day_is_the_day_named_before_it():
    text = "Chiều 24/5, Việt Nam và Cuba hội đàm. Cùng ngày, Bình Dương và Artemisa hội đàm."
    doc = build(text, [("24/5", "DATE", {"value": "--05-24", "granularity": "day"}), ("Việt Nam", "LOCATION"),
                       ("Cuba", "LOCATION"), ("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION")],
                [(1, 2, "PARTNER"), (3, 4, "PARTNER")])
    assert [r.date for r in records(doc)] == ["--05-24", "--05-24"]


def test_an_anniversarys_span_of_years_is_not_the_records_day():
    text = "Việt Nam và Hàn Quốc hội đàm nhân kỷ niệm 25 năm quan hệ (22/12/1992-22/12/2017). Hội chợ diễn ra ngày 1/6."
    span = {"value": "1992-12-22/2017-12-22", "granularity": "range"}
    doc = build(text, [("Việt Nam", "LOCATION"), ("Hàn Quốc", "LOCATION"), ("22/12/1992-22/12/2017", "DATE", span),
                       ("1/6", "DATE", {"value": "2017-06-01", "granularity": "day"})], [(0, 1, "PARTNER")])
    assert [r.date for r in records(doc)] == [None]
    doc.entities[2].normalized = {"value": "2017-12-22", "granularity": "day"}
    assert [r.date for r in records(doc)] == ["2017-12-22"]


def test_a_pledge_with_no_event_has_no_date():
    text = "Ngày 29/6, Việt Nam và Nga cam kết tăng cường hợp tác."
    doc = build(text, [("29/6", "DATE", {"value": "--06-29", "granularity": "day"}),
                       ("Việt Nam", "LOCATION", {"name": "Việt Nam", "country": "VN", "admin": "country"}),
                       ("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"})], [(1, 2, "PARTNER")])
    [record] = records(doc)
    assert (record.instrument, record.date) == (None, None)


def test_leading_a_delegation_is_a_visit():
    text = "Ngày 7/2, Thủ tướng Lào dẫn đầu Đoàn đại biểu Chính phủ Lào tới Việt Nam, Lào và Việt Nam họp."
    doc = build(text, [("7/2", "DATE", {"value": "--02-07", "granularity": "day"}), ("Lào", "LOCATION"),
                       ("Việt Nam", "LOCATION"), ("Lào", "LOCATION", None, 3), ("Việt Nam", "LOCATION", None, 2)],
                [(3, 4, "PARTNER")])
    assert (records(doc)[0].instrument, records(doc)[0].date) == ("visit", "--02-07")


def test_a_trip_is_a_visit_and_counterparts_agreeing_is_a_meeting():
    japan = {"name": "Nhật Bản", "country": "JP", "admin": "country"}
    trip = "Đặc phái viên Hoa Kỳ có chuyến công du tới Nhật Bản."
    doc = build(trip, [("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                       ("Nhật Bản", "LOCATION", japan)], [(0, 1, "PARTNER")])
    assert records(doc)[0].instrument == "visit"
    counterparts = "Bộ trưởng Quốc phòng Việt Nam và người đồng cấp Nhật Bản nhất trí tăng cường hợp tác."
    doc = build(counterparts, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION", japan)], [(0, 1, "PARTNER")])
    assert records(doc)[0].instrument == "meeting"


def test_the_main_record_takes_the_people_the_lead_names_for_its_parties():
    text = ("Thủ tướng Nguyễn Xuân Phúc và Thủ tướng Lào Thongloun đến Washington. Chuyến thăm kéo dài ba ngày. "
            "Việt Nam và Hoa Kỳ ký kết hợp tác.")
    doc = build(text, [
        ("Nguyễn Xuân Phúc", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "VN"}),
        ("Thongloun", "PERSON", {"title": "Thủ tướng Lào", "affiliation": None, "country": "LA"}),
        ("Việt Nam", "LOCATION"), ("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
    ], [(2, 3, "PARTNER")])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.people] == [("Nguyễn Xuân Phúc", "VN")]


def test_the_main_record_takes_the_officials_of_its_bodies_wherever_the_article_names_them():
    text = ("Chủ tịch Tập đoàn Đất Xanh Lương Trí Thìn phát biểu. Chuyến đi kéo dài ba ngày. "
            "Tập đoàn Đất Xanh ký kết hợp tác với CPG. Tập đoàn Đất Xanh cũng hợp tác với Savills.")
    doc = build(text, [
        ("Tập đoàn Đất Xanh", "ORGANIZATION"),
        ("Lương Trí Thìn", "PERSON", {"title": "Chủ tịch", "affiliation": "Tập đoàn Đất Xanh", "country": "VN"}),
        ("Tập đoàn Đất Xanh", "ORGANIZATION", None, 2), ("CPG", "ORGANIZATION"),
        ("Tập đoàn Đất Xanh", "ORGANIZATION", None, 3), ("Savills", "ORGANIZATION"),
    ], [(1, 0, "AFFILIATED_WITH"), (2, 3, "PARTNER"), (4, 5, "PARTNER")])
    main, other = records(doc)
    assert [p.name for p in main.people] == ["Lương Trí Thìn"]
    assert other.people == []  # the later records' stories name their own people


def test_people_a_shared_sentence_names_go_each_to_the_record_of_their_own_body():
    text = ("Quảng Ninh ký kết hợp tác với TTXVN và VOV, có Tổng Giám đốc TTXVN Nguyễn Đức Lợi "
            "và Tổng Giám đốc VOV Nguyễn Thế Kỷ.")
    doc = build(text, [
        ("Quảng Ninh", "LOCATION", {"name": "Quảng Ninh", "country": "VN", "admin": "province"}),
        ("TTXVN", "ORGANIZATION"), ("VOV", "ORGANIZATION"),
        ("Nguyễn Đức Lợi", "PERSON", {"title": "Tổng Giám đốc", "affiliation": "TTXVN", "country": "VN"}),
        ("Nguyễn Thế Kỷ", "PERSON", {"title": "Tổng Giám đốc", "affiliation": "VOV", "country": "VN"}),
    ], [(0, 1, "PARTNER"), (0, 2, "PARTNER")])
    assert [(sorted(p.name for p in r.parties), [p.name for p in r.people]) for r in records(doc)] == [
        (["Quảng Ninh", "TTXVN"], ["Nguyễn Đức Lợi"]), (["Quảng Ninh", "VOV"], ["Nguyễn Thế Kỷ"])]


def test_a_foreign_official_goes_to_the_one_record_of_their_country_wherever_named():
    germany = {"name": "Đức", "country": "DE", "admin": "country"}
    text = ("Hàn Quốc điện đàm với Đức. Hàn Quốc điện đàm với Nhật Bản. "
            "Thủ tướng Angela Merkel chúc mừng. Người phát ngôn Steffen Seibert cho biết.")
    doc = build(text, [
        ("Hàn Quốc", "LOCATION"), ("Đức", "LOCATION", germany), ("Hàn Quốc", "LOCATION", None, 2),
        ("Nhật Bản", "LOCATION"),
        ("Angela Merkel", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "DE"}),
        ("Steffen Seibert", "PERSON", {"title": "Người phát ngôn", "affiliation": None, "country": "DE"}),
    ], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    german, japanese = records(doc)
    assert [p.name for p in german.people] == ["Angela Merkel"]  # not the spokesperson
    assert japanese.people == []


def test_a_spokesperson_speaks_for_a_party_but_is_not_among_its_people():
    text = "Người phát ngôn Lê Thị Thu Hằng cho biết Việt Nam và Nhật Bản ký kết hợp tác."
    doc = build(text, [
        ("Lê Thị Thu Hằng", "PERSON", {"title": "Người phát ngôn", "affiliation": None, "country": "VN"}),
        ("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION")], [(1, 2, "PARTNER")])
    assert records(doc)[0].people == []


def test_an_office_holder_of_the_past_is_not_among_a_records_people():
    text = ("Tổng thống Donald Trump tiếp Thủ tướng Nguyễn Xuân Phúc, mở ra quan hệ Việt Nam - Hoa Kỳ "
            "bình thường hóa từ thời Tổng thống Bill Clinton và cựu Tổng thống Barack Obama.")
    officials = [(name, "PERSON", {"title": "Tổng thống", "affiliation": None, "country": "US"})
                 for name in ("Donald Trump", "Bill Clinton", "Barack Obama")]
    doc = build(text, officials[:1] + [
        ("Nguyễn Xuân Phúc", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "VN"}),
        ("Việt Nam", "LOCATION"), ("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
    ] + officials[1:], [(2, 3, "PARTNER")])
    assert [p.name for p in records(doc)[0].people] == ["Donald Trump", "Nguyễn Xuân Phúc"]


def test_the_addressee_of_a_message_passed_on_is_not_among_a_records_people():
    text = ("Thủ tướng Nguyễn Xuân Phúc tiếp Ngoại trưởng John Kerry, đề nghị ông truyền tải thông điệp "
            "tới Tổng thống Donald Trump về quan hệ Việt Nam - Hoa Kỳ.")
    doc = build(text, [
        ("Nguyễn Xuân Phúc", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "VN"}),
        ("John Kerry", "PERSON", {"title": "Ngoại trưởng", "affiliation": None, "country": "US"}),
        ("Donald Trump", "PERSON", {"title": "Tổng thống", "affiliation": None, "country": "US"}),
        ("Việt Nam", "LOCATION"), ("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
    ], [(3, 4, "PARTNER")])
    assert [p.name for p in records(doc)[0].people] == ["Nguyễn Xuân Phúc", "John Kerry"]


def test_a_person_written_two_ways_is_listed_once():
    text = ("Thủ tướng Prayut Chan-o-cha tiếp Đại sứ Việt Nam. "
            "Thái Lan và Việt Nam hợp tác, Thủ tướng Prayut Chan-ocha nói.")
    prayut = {"title": "Thủ tướng", "affiliation": None, "country": "TH"}
    doc = build(text, [("Prayut Chan-o-cha", "PERSON", prayut), ("Thái Lan", "LOCATION", {"name": "Thái Lan",
                       "country": "TH", "admin": "country"}), ("Việt Nam", "LOCATION", None, 2),
                       ("Prayut Chan-ocha", "PERSON", prayut)], [(1, 2, "PARTNER")])
    assert [p.name for p in records(doc)[0].people] == ["Prayut Chan-ocha"]  # as the record's sentence writes it


def _capital(name, country):
    return {"name": name, "country": country, "admin": "city"}


def test_foreign_capitals_dealing_with_each_other_or_a_state_stand_for_their_states():
    text = "Washington và Bắc Kinh đạt thỏa thuận. Washington hợp tác với Cuba."
    doc = build(text, [("Washington", "LOCATION", _capital("Washington", "US")),
                       ("Bắc Kinh", "LOCATION", _capital("Bắc Kinh", "CN")),
                       ("Washington", "LOCATION", _capital("Washington", "US"), 2), ("Cuba", "LOCATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Hoa Kỳ", "Trung Quốc"], ["Cuba", "Hoa Kỳ"]]


def test_a_foreign_capital_dealing_with_a_bloc_stands_for_its_state():
    text = "Tokyo và ASEAN khởi động đàm phán FTA."
    doc = build(text, [("Tokyo", "LOCATION", _capital("Tokyo", "JP")), ("ASEAN", "ORGANIZATION")],
                [(0, 1, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["ASEAN", "Nhật Bản"]]


def test_a_capital_twinned_with_a_city_is_the_city():
    text = "Hà Nội và La Habana ký thỏa thuận hợp tác. Thủ Dầu Một hợp tác với Washington."
    doc = build(text, [("Hà Nội", "LOCATION"), ("La Habana", "LOCATION", _capital("La Habana", "CU")),
                       ("Thủ Dầu Một", "LOCATION"), ("Washington", "LOCATION", _capital("Washington", "US"))],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["Hà Nội", "La Habana"], ["Thủ Dầu Một", "Washington"]]


def test_names_differing_in_case_company_words_or_initials_are_one_party():
    text = ("Facebook hợp tác với Fox Sports. FOX Sports và Facebook phát trực tiếp. "
            "Công ty cổ phần VNG làm việc với NASDAQ. VNG và NASDAQ ký kết. "
            "Lực lượng Bảo vệ bờ biển Nhật Bản thăm Đà Nẵng. LLBVBB Nhật Bản rời Đà Nẵng. LLBVBB Nhật Bản chào.")
    orgs = ["Facebook", "Fox Sports", "FOX Sports", "Công ty cổ phần VNG", "NASDAQ", "VNG", "Lực lượng Bảo vệ bờ biển "
            "Nhật Bản", "LLBVBB Nhật Bản"]
    spans = [(name, "ORGANIZATION") for name in orgs] + [("Facebook", "ORGANIZATION", None, 2),
                                                         ("NASDAQ", "ORGANIZATION", None, 2),
                                                         ("Đà Nẵng", "LOCATION", _capital("Đà Nẵng", "VN")),
                                                         ("Đà Nẵng", "LOCATION", _capital("Đà Nẵng", "VN"), 2),
                                                         ("LLBVBB Nhật Bản", "ORGANIZATION", None, 2)]
    doc = build(text, spans, [(0, 1, "PARTNER"), (2, 8, "PARTNER"), (3, 4, "PARTNER"), (5, 9, "PARTNER"),
                              (6, 10, "PARTNER"), (7, 11, "PARTNER")])
    # the most used name of each party (the shorter on a tie), but never an abbreviation
    # over the words it stands for
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["FOX Sports", "Facebook"], ["NASDAQ", "VNG"], ["Lực lượng Bảo vệ bờ biển Nhật Bản", "Đà Nẵng"]]


@pytest.mark.parametrize("short, long, expected", [
    ("LLBVBB Nhật Bản", "Lực lượng Bảo vệ bờ biển Nhật Bản", True),
    ("UBND Hà Nội", "Ủy ban nhân dân Hà Nội", True),
    ("LLBVBB Hàn Quốc", "Lực lượng Bảo vệ bờ biển Nhật Bản", False),  # the words after the initials differ
    ("LLBV Nhật Bản", "Lực lượng Bảo vệ bờ biển Nhật Bản", False),  # too few initials for the words
    ("Llbvbb Nhật Bản", "Lực lượng Bảo vệ bờ biển Nhật Bản", False),  # initials are capitals
    ("L Nhật Bản", "Lực Nhật Bản", False),  # one letter is no abbreviation
])
def test_an_abbreviation_is_the_initials_of_the_first_words_and_the_rest_as_written(short, long, expected):
    from vnpartner.aggregate.parties import _abbreviates
    assert _abbreviates(short, long) is expected


def test_an_english_company_word_after_the_name_is_the_vietnamese_one_before_it():
    text = "Tập đoàn BRG ký với Tập đoàn Sumitomo. BRG hợp tác với Sumitomo Corporation."
    spans = [("Tập đoàn BRG", "ORGANIZATION"), ("Tập đoàn Sumitomo", "ORGANIZATION"), ("BRG", "ORGANIZATION", None, 2),
             ("Sumitomo Corporation", "ORGANIZATION")]
    doc = build(text, spans, [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["BRG", "Tập đoàn Sumitomo"]]


def test_a_body_named_as_often_with_its_country_as_without_is_named_with_it():
    text = ("Bộ Nội vụ Slovakia hợp tác với Bộ Công an. Bộ Nội vụ Slovakia và Bộ Công an Việt Nam ký kết. "
            "Bộ Công an Việt Nam chào. Bộ Công an chào.")
    spans = [("Bộ Nội vụ Slovakia", "ORGANIZATION"), ("Bộ Công an", "ORGANIZATION"),
             ("Bộ Nội vụ Slovakia", "ORGANIZATION", None, 2), ("Bộ Công an Việt Nam", "ORGANIZATION"),
             ("Bộ Công an Việt Nam", "ORGANIZATION", None, 2), ("Bộ Công an", "ORGANIZATION", None, 2)]
    doc = build(text, spans, [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Bộ Công an Việt Nam", "Bộ Nội vụ Slovakia"]]


def test_a_seat_of_government_acts_for_its_state():
    text = "Lầu Năm Góc đạt thỏa thuận bán máy bay cho Qatar, Mỹ và Qatar cho biết."
    qatar = {"name": "Qatar", "country": "QA", "admin": "country"}
    doc = build(text, [("Lầu Năm Góc", "ORGANIZATION"), ("Qatar", "LOCATION", qatar),
                       ("Mỹ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                       ("Qatar", "LOCATION", qatar, 2)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Hoa Kỳ", "Qatar"]]


def test_a_public_body_beside_its_countries_pair_is_no_record_but_a_company_is():
    text = ("Việt Nam và Hoa Kỳ hợp tác. Bộ Quốc phòng Việt Nam tiếp Ủy ban Quân lực Thượng viện Hoa Kỳ. "
            "Bộ Quốc phòng Việt Nam làm việc với Tập đoàn Microsoft Hoa Kỳ.")
    us = {"name": "Hoa Kỳ", "country": "US", "admin": "country"}
    doc = build(text, [("Việt Nam", "LOCATION"), ("Hoa Kỳ", "LOCATION", us), ("Bộ Quốc phòng Việt Nam", "ORGANIZATION"),
                       ("Ủy ban Quân lực Thượng viện Hoa Kỳ", "ORGANIZATION"),
                       ("Bộ Quốc phòng Việt Nam", "ORGANIZATION", None, 2), ("Tập đoàn Microsoft Hoa Kỳ", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER")])
    # the ministry stands for Việt Nam; the committee, no state body of its own, does not
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [
        ["Hoa Kỳ", "Việt Nam"], ["Tập đoàn Microsoft Hoa Kỳ", "Việt Nam"]]


def test_a_department_of_a_foreign_army_belongs_to_its_state():
    text = "Quân đội nhân dân Việt Nam tiếp Cục Thông tin, Quân đội Myanmar."
    doc = build(text, [("Quân đội nhân dân Việt Nam", "ORGANIZATION"), ("Cục Thông tin", "ORGANIZATION"),
                       ("Quân đội Myanmar", "ORGANIZATION")], [(0, 1, "PARTNER")])
    # taken for a Vietnamese department, `Cục Thông tin` would make this a domestic affair
    assert [sorted((p.name, p.country) for p in r.parties) for r in records(doc)] == [
        [("Myanmar", "MM"), ("Việt Nam", "VN")]]


def test_a_ministry_named_without_its_country_is_the_foreign_one_the_article_names():
    from vnpartner.aggregate import mention_parties

    text = "Bộ Nội vụ Slovakia thăm Bộ Công an. Bộ Nội vụ và Bộ Công an ký kết. Bộ Tài chính họp."
    doc = build(text, [("Bộ Nội vụ Slovakia", "ORGANIZATION"), ("Bộ Công an", "ORGANIZATION"),
                       ("Bộ Nội vụ", "ORGANIZATION", None, 2), ("Bộ Công an", "ORGANIZATION", None, 2),
                       ("Bộ Tài chính", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    party = mention_parties(doc)
    assert [(party[e.id].name, party[e.id].country) for e in doc.entities] == [
        ("Bộ Nội vụ Slovakia", "SK"), ("Bộ Công an", "VN"), ("Bộ Nội vụ Slovakia", "SK"), ("Bộ Công an", "VN"),
        ("Bộ Tài chính", "VN")]
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Bộ Công an", "Bộ Nội vụ Slovakia"]]


def test_a_cut_name_within_two_bodies_of_different_kinds_joins_neither():
    from vnpartner.aggregate import mention_parties

    committee, council = "Ủy ban quốc gia về Hợp tác kinh tế Thái Bình Dương", "Hội đồng hợp tác kinh tế Thái Bình Dương"
    text = f"{committee} phối hợp với {council}. Hợp tác kinh tế được bàn."
    doc = build(text, [(committee, "ORGANIZATION"), (council, "ORGANIZATION"), ("Hợp tác kinh tế", "ORGANIZATION", None, 2)],
                [(0, 1, "PARTNER")])
    party = mention_parties(doc)
    assert len({party[e.id].name for e in doc.entities}) == 3
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [sorted([committee, council])]
    spellings = "Bộ Ngoại giao và Hợp tác Quốc tế. Bộ Ngoại giao và Quan hệ Quốc tế. Bộ Ngoại giao họp."
    doc = build(spellings, [("Bộ Ngoại giao và Hợp tác Quốc tế", "ORGANIZATION"),
                            ("Bộ Ngoại giao và Quan hệ Quốc tế", "ORGANIZATION"),
                            ("Bộ Ngoại giao", "ORGANIZATION", None, 3)], [])
    party = mention_parties(doc)
    assert len({party[e.id].name for e in doc.entities}) == 1  # one ministry spelt two ways


def test_a_signed_instrument_with_no_instrument_word_is_an_agreement():
    text = "Việt Nam và Lào ký Kế hoạch hợp tác năm 2017."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Lào", "LOCATION"), ("Kế hoạch hợp tác năm 2017", "AGREEMENT")],
                [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")])
    assert records(doc)[0].instrument == "agreement"


def test_an_instrument_still_to_be_signed_does_not_raise_the_level():
    text = "Việt Nam và Lào hội đàm. Hai nước sẽ sớm ký kết Bản ghi nhớ về y tế."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Lào", "LOCATION"), ("Bản ghi nhớ", "AGREEMENT")],
                [(0, 1, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED")])
    assert records(doc)[0].instrument == "meeting"


def test_a_signing_the_relations_missed_raises_the_main_records_event_to_its_instrument():
    text = ("Việt Nam và Mông Cổ hội đàm. Hai nước đã 3 lần ký Hiệp ước hữu nghị. "
            "Hai bên mong muốn ký kết Hiệp định thương mại.")
    mongolia = {"name": "Mông Cổ", "country": "MN", "admin": "country"}
    spans = [("Việt Nam", "LOCATION"), ("Mông Cổ", "LOCATION", mongolia), ("Hiệp ước hữu nghị", "AGREEMENT"),
             ("Hiệp định thương mại", "AGREEMENT")]
    doc = build(text, spans, [(0, 1, "PARTNER")])
    assert records(doc)[0].instrument == "agreement"
    planned = build(text.replace("đã 3 lần ký", "sẽ ký"), spans, [(0, 1, "PARTNER")])
    assert records(planned)[0].instrument == "meeting"
    registered = build(text.replace("Hai nước đã 3 lần ký Hiệp ước hữu nghị", "Vốn đăng ký theo Hiệp ước hữu nghị"),
                       spans, [(0, 1, "PARTNER")])
    assert records(registered)[0].instrument == "meeting"


def test_a_signing_of_another_record_does_not_raise_the_main_records_event():
    text = "Nhà vua Thụy Điển thăm Việt Nam. Công ty Comvik và MobiFone đã ký Bản ghi nhớ."
    sweden = {"name": "Thụy Điển", "country": "SE", "admin": "country"}
    doc = build(text, [("Thụy Điển", "LOCATION", sweden), ("Việt Nam", "LOCATION"), ("Công ty Comvik", "ORGANIZATION"),
                       ("MobiFone", "ORGANIZATION"), ("Bản ghi nhớ", "AGREEMENT")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (2, 4, "SIGNED"), (3, 4, "SIGNED")])
    assert [r.instrument for r in records(doc)] == ["visit", "mou"]


def test_the_bodies_each_of_two_countries_has_are_no_pair():
    text = "Quân ủy Trung ương và Bộ Quốc phòng hai nước thúc đẩy hợp tác. Việt Nam và Lào hợp tác."
    doc = build(text, [("Quân ủy Trung ương", "ORGANIZATION"), ("Bộ Quốc phòng", "ORGANIZATION"),
                       ("Việt Nam", "LOCATION"), ("Lào", "LOCATION")], [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Lào", "Việt Nam"]]


def test_a_member_state_or_its_city_takes_part_in_its_bloc_but_another_state_partners_it():
    text = "Việt Nam và ASEAN họp. Đà Nẵng đón Diễn đàn APEC. ASEAN và Hàn Quốc hợp tác."
    korea = {"name": "Hàn Quốc", "country": "KR", "admin": "country"}
    doc = build(text, [("Việt Nam", "LOCATION"), ("ASEAN", "ORGANIZATION"),
                       ("Đà Nẵng", "LOCATION", {"name": "Đà Nẵng", "country": "VN", "admin": "city"}),
                       ("Diễn đàn APEC", "ORGANIZATION"), ("ASEAN", "ORGANIZATION", None, 2),
                       ("Hàn Quốc", "LOCATION", korea)], [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["ASEAN", "Hàn Quốc"]]


def test_a_witness_of_a_signing_is_no_party_to_it():
    text = ("Tổng công ty Bưu điện và Cục Đường thủy ký thỏa thuận trước sự chứng kiến của lãnh đạo "
            "Bộ Thông tin và Truyền thông.")
    doc = build(text, [("Tổng công ty Bưu điện", "ORGANIZATION"), ("Cục Đường thủy", "ORGANIZATION"),
                       ("thỏa thuận", "AGREEMENT"), ("Bộ Thông tin và Truyền thông", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (0, 3, "PARTNER"), (1, 3, "PARTNER"), (0, 2, "SIGNED"), (1, 2, "SIGNED"),
                 (3, 2, "SIGNED")])
    assert [sorted(p.name for p in r.parties) for r in records(doc)] == [["Cục Đường thủy", "Tổng công ty Bưu điện"]]


def test_the_anniversary_a_signing_marks_dates_it_by_its_last_day():
    text = "Lễ kỷ niệm (11/7/1995-11/7/2017), Việt Nam và bang Virginia ký Bản ghi nhớ."
    doc = build(text, [("11/7/1995-11/7/2017", "DATE", {"value": "1995-07-11/2017-07-11", "granularity": "range"}),
                       ("Việt Nam", "LOCATION"),
                       ("Virginia", "LOCATION", {"name": "Virginia", "country": "US", "admin": "province"}),
                       ("Bản ghi nhớ", "AGREEMENT")], [(1, 2, "PARTNER"), (1, 3, "SIGNED"), (2, 3, "SIGNED"),
                                                       (3, 0, "DATE_OF")])
    assert records(doc)[0].date == "2017-07-11"


def test_an_instrument_signed_long_ago_stays_the_groups_instrument():
    # GUIDELINES, "Signed earlier": a background instrument is still the strongest the article reports.
    text = "Thủ tướng Lào thăm Việt Nam nhân kỷ niệm 40 năm Ngày ký Hiệp ước hữu nghị Việt Nam - Lào."
    doc = build(text, [("Lào", "LOCATION"), ("Việt Nam", "LOCATION"), ("Hiệp ước hữu nghị", "AGREEMENT")],
                [(0, 1, "PARTNER"), (1, 2, "SIGNED"), (0, 2, "SIGNED")])
    assert records(doc)[0].instrument == "agreement"


def test_an_undated_instrument_does_not_take_the_date_of_a_weaker_one_signed_before():
    text = ("Ngày 24/8/2023, tỉnh Bình Dương và tỉnh Artemisa hội đàm. "
            "Căn cứ Ý định thư ký tháng 4/2023, tỉnh Bình Dương và tỉnh Artemisa ký Bản ghi nhớ.")
    doc = build(text, [
        ("24/8/2023", "DATE", {"value": "2023-08-24", "granularity": "day"}), ("tỉnh Bình Dương", "LOCATION"),
        ("tỉnh Artemisa", "LOCATION"), ("Ý định thư", "AGREEMENT"),
        ("tháng 4/2023", "DATE", {"value": "2023-04", "granularity": "month"}),
        ("tỉnh Bình Dương", "LOCATION", None, 2), ("tỉnh Artemisa", "LOCATION", None, 2), ("Bản ghi nhớ", "AGREEMENT"),
    ], [(1, 2, "PARTNER"), (5, 6, "PARTNER"), (5, 3, "SIGNED"), (6, 3, "SIGNED"), (3, 4, "DATE_OF"),
        (5, 7, "SIGNED"), (6, 7, "SIGNED")])
    [record] = records(doc)
    assert (record.instrument, record.date) == ("mou", "2023-08-24")  # the event's day, not the letter's month



def test_the_day_a_weaker_instrument_was_signed_is_not_the_records_day():
    # The event's day is in a sentence of another party group; the letter's day is in this record's.
    text = ("Tối 24/8, đoàn tỉnh Artemisa của Cuba thăm Việt Nam. "
            "Căn cứ Ý định thư ký ngày 21/4/2023, tỉnh Bình Dương và tỉnh Artemisa ký Bản ghi nhớ.")
    doc = build(text, [
        ("24/8", "DATE", {"value": "2023-08-24", "granularity": "day"}), ("tỉnh Artemisa", "LOCATION"),
        ("Cuba", "LOCATION"), ("Việt Nam", "LOCATION"), ("Ý định thư", "AGREEMENT"),
        ("21/4/2023", "DATE", {"value": "2023-04-21", "granularity": "day"}), ("tỉnh Bình Dương", "LOCATION"),
        ("tỉnh Artemisa", "LOCATION", None, 2), ("Bản ghi nhớ", "AGREEMENT"),
    ], [(1, 0, "DATE_OF"), (4, 5, "DATE_OF"), (6, 7, "PARTNER"), (6, 4, "SIGNED"), (7, 4, "SIGNED"),
        (6, 8, "SIGNED"), (7, 8, "SIGNED")])
    [record] = [r for r in records(doc) if {p.name for p in r.parties} == {"Bình Dương", "Artemisa"}]
    assert (record.instrument, record.date) == ("mou", "2023-08-24")


def test_an_instrument_no_signer_reached_still_dates_the_record_it_gave_its_level():
    # no SIGNED relation reached the agreement (its signer went untagged): the words give the level
    text = ("Ngày 21/6, tỉnh Bình Dương ký Hiệp định với tỉnh Artemisa. "
            "Hội thảo của tỉnh Bình Dương và tỉnh Artemisa diễn ra ngày 13/7.")
    doc = build(text, [
        ("21/6", "DATE", {"value": "--06-21", "granularity": "day"}), ("tỉnh Bình Dương", "LOCATION"),
        ("Hiệp định", "AGREEMENT"), ("tỉnh Artemisa", "LOCATION"),
        ("tỉnh Bình Dương", "LOCATION", None, 2), ("tỉnh Artemisa", "LOCATION", None, 2),
        ("13/7", "DATE", {"value": "--07-13", "granularity": "day"}),
    ], [(1, 3, "PARTNER"), (4, 5, "PARTNER"), (2, 0, "DATE_OF")])
    [record] = records(doc)
    assert (record.instrument, record.date) == ("agreement", "--06-21")


def test_the_day_two_countries_set_up_relations_is_not_the_day_of_their_meeting():
    text = "Việt Nam, nước thiết lập quan hệ ngoại giao (1/7/1975) với Bồ Đào Nha, hội đàm với Bồ Đào Nha ngày 25/5."
    portugal = {"name": "Bồ Đào Nha", "country": "PT", "admin": "country"}
    doc = build(text, [("Việt Nam", "LOCATION"), ("1/7/1975", "DATE", {"value": "1975-07-01", "granularity": "day"}),
                       ("Bồ Đào Nha", "LOCATION", portugal), ("Bồ Đào Nha", "LOCATION", portugal, 2),
                       ("25/5", "DATE", {"value": "--05-25", "granularity": "day"})], [(0, 3, "PARTNER")])
    [record] = records(doc)
    assert (record.instrument, record.date) == ("meeting", "--05-25")


def test_the_day_of_this_event_beats_the_month_of_a_meeting_recalled():
    text = ("Ông Abe nhắc lại cuộc gặp giữa Việt Nam và Nhật Bản tháng 11/2016. "
            "Ngày 10/5/2017, ông Quang hội đàm, Việt Nam và Nhật Bản nhất trí hợp tác.")
    doc = build(text, [
        ("Abe", "PERSON"), ("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"),
        ("tháng 11/2016", "DATE", {"value": "2016-11", "granularity": "month"}),
        ("10/5/2017", "DATE", {"value": "2017-05-10", "granularity": "day"}), ("Quang", "PERSON"),
        ("Việt Nam", "LOCATION", None, 2), ("Nhật Bản", "LOCATION", None, 2),
    ], [(1, 2, "PARTNER"), (0, 3, "DATE_OF"), (6, 7, "PARTNER"), (5, 4, "DATE_OF")])
    [record] = records(doc)
    assert record.date == "2017-05-10"


def test_the_lead_sentence_gives_the_main_records_instrument():
    text = ("Việt Nam điện đàm với Nhật Bản. "
            "Trao đổi về hợp tác, Việt Nam mong muốn Nhật Bản tăng đầu tư.")
    doc = build(text, [("Việt Nam", "LOCATION", None, 2), ("Nhật Bản", "LOCATION", None, 2)], [(0, 1, "PARTNER")])
    [record] = records(doc)
    assert record.instrument == "meeting"  # `điện đàm` in the first sentence, which has no relation


def test_a_lone_record_takes_every_field_the_article_names():
    text = ("Việt Nam và Nhật Bản hội đàm. "
            "Hai bên nhất trí đẩy mạnh hợp tác giáo dục và y tế.")
    doc = build(text, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"),
                       ("giáo dục", "SECTOR", {"code": "education"}), ("y tế", "SECTOR", {"code": "health"})],
                [(0, 1, "PARTNER")])
    [record] = records(doc)
    assert record.sectors == ["education", "health"]


def test_the_field_inside_an_agreements_name_is_a_field_of_its_record():
    text = "Hà Nội và Lào ký Thỏa thuận hợp tác đào tạo. Lào và Campuchia hợp tác về y tế."
    doc = build(text, [("Hà Nội", "LOCATION"), ("Lào", "LOCATION"), ("Thỏa thuận hợp tác đào tạo", "AGREEMENT"),
                       ("Lào", "LOCATION", None, 2), ("Campuchia", "LOCATION"),
                       ("y tế", "SECTOR", {"code": "health"})],
                [(0, 1, "PARTNER"), (3, 4, "PARTNER")])
    assert [r.sectors for r in records(doc)] == [["education"], ["health"]]


def test_the_fields_of_the_two_parties_named_as_such_go_to_the_record_told_of_before():
    text = ("Việt Nam và Nhật Bản hội đàm. Hai bên nhất trí hợp tác về y tế. "
            "Lào và Campuchia hội đàm. Hai nước nhất trí hợp tác về giáo dục.")
    doc = build(text, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"), ("y tế", "SECTOR", {"code": "health"}),
                       ("Lào", "LOCATION"), ("Campuchia", "LOCATION"), ("giáo dục", "SECTOR", {"code": "education"})],
                [(0, 1, "PARTNER"), (3, 4, "PARTNER")])
    assert [r.sectors for r in records(doc)] == [["health"], ["education"]]


def test_fields_outside_a_records_sentences_stay_out_when_there_are_several_records():
    text = ("Việt Nam và Nhật Bản hội đàm. Việt Nam và Lào hội đàm. "
            "Ngành giáo dục phát triển mạnh.")
    doc = build(text, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"), ("Việt Nam", "LOCATION", None, 2),
                       ("Lào", "LOCATION"), ("giáo dục", "SECTOR", {"code": "education"})],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [r.sectors for r in records(doc)] == [[], []]


def test_three_parties_paired_in_one_sentence_are_one_record_and_a_pair_seen_elsewhere_stays():
    text = "Việt Nam và Nhật Bản hội đàm. Việt Nam, Nhật Bản và Lào ký Bản ghi nhớ ba bên."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"), ("Việt Nam", "LOCATION", None, 2),
                       ("Nhật Bản", "LOCATION", None, 2), ("Lào", "LOCATION"), ("Bản ghi nhớ", "AGREEMENT")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (2, 4, "PARTNER"), (3, 4, "PARTNER"),
                 (2, 5, "SIGNED"), (3, 5, "SIGNED"), (4, 5, "SIGNED")])
    found = {frozenset(p.name for p in r.parties): r.instrument for r in records(doc)}
    assert found == {frozenset({"Việt Nam", "Nhật Bản"}): "meeting",
                     frozenset({"Việt Nam", "Nhật Bản", "Lào"}): "mou"}


def test_a_pair_told_of_only_after_its_three_party_sentence_is_the_groups_story():
    text = "Việt Nam, Nhật Bản và Lào ký Bản ghi nhớ ba bên. Theo đó, Việt Nam và Nhật Bản sẽ hợp tác."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"), ("Lào", "LOCATION"),
                       ("Bản ghi nhớ", "AGREEMENT"), ("Việt Nam", "LOCATION", None, 2),
                       ("Nhật Bản", "LOCATION", None, 2)],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER"), (1, 2, "PARTNER"), (4, 5, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Nhật Bản", "Lào"}]


def test_a_pair_told_of_before_its_three_party_sentence_stays_the_main_record():
    text = ("Ngày 24/3, Việt Nam và Lào hội đàm. "
            "Hai bên thực hiện Tuyên bố về Tam giác phát triển giữa Campuchia - Lào - Việt Nam.")
    doc = build(text, [("24/3", "DATE", {"value": "--03-24", "granularity": "day"}), ("Việt Nam", "LOCATION"),
                       ("Lào", "LOCATION"), ("Tuyên bố", "AGREEMENT"), ("Campuchia", "LOCATION"),
                       ("Lào", "LOCATION", None, 2), ("Việt Nam", "LOCATION", None, 2)],
                [(1, 2, "PARTNER"), (4, 5, "PARTNER"), (4, 6, "PARTNER"), (5, 6, "PARTNER")])
    main, trio = records(doc)
    assert {p.name for p in main.parties} == {"Việt Nam", "Lào"}
    assert (main.date, main.instrument) == ("--03-24", "meeting")
    assert {p.name for p in trio.parties} == {"Việt Nam", "Lào", "Campuchia"}


def test_an_instrument_dated_by_its_signing_day_and_its_period_takes_the_day():
    text = "Ngày 9/6, Bình Dương và Artemisa ký Thỏa thuận hợp tác giai đoạn 2023-2028."
    doc = build(text, [
        ("9/6", "DATE", {"value": "--06-09", "granularity": "day"}), ("Bình Dương", "LOCATION"),
        ("Artemisa", "LOCATION"), ("Thỏa thuận hợp tác", "AGREEMENT"),
        ("giai đoạn 2023-2028", "DATE", {"value": "2023/2028", "granularity": "range"}),
    ], [(1, 2, "PARTNER"), (1, 3, "SIGNED"), (3, 0, "DATE_OF"), (3, 4, "DATE_OF")])
    [record] = records(doc)
    assert record.instrument == "agreement" and record.date == "--06-09"


def test_a_record_names_an_organisation_as_the_article_writes_it():
    text = "Đại sứ quán Mỹ và tỉnh Bình Dương ký Bản ghi nhớ. Đại sứ quán Mỹ tài trợ."
    doc = build(text, [("Đại sứ quán Mỹ", "ORGANIZATION"), ("tỉnh Bình Dương", "LOCATION"),
                       ("Đại sứ quán Mỹ", "ORGANIZATION", None, 2)], [(0, 1, "PARTNER")])
    [record] = records(doc)
    assert {(p.name, p.country) for p in record.parties} == {("Đại sứ quán Mỹ", "US"), ("Bình Dương", "VN")}


def test_a_person_named_short_in_the_record_is_listed_by_full_name():
    text = "Ông Donald Trump đến Hà Nội hôm qua. Tổng thống Trump và Việt Nam hợp tác với Hoa Kỳ."
    us = {"title": "Tổng thống", "affiliation": None, "country": "US"}
    doc = build(text, [("Donald Trump", "PERSON", us), ("Hà Nội", "LOCATION"), ("Trump", "PERSON", us, 2),
                       ("Việt Nam", "LOCATION"), ("Hoa Kỳ", "LOCATION")], [(3, 4, "PARTNER")])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.people] == [("Donald Trump", "US")]


def test_another_event_with_no_date_of_its_own_stays_undated_though_the_article_names_one_day():
    text = ("Chiều 24/5, Việt Nam và Cuba hội đàm. "
            "Bình Dương và Artemisa cũng hội đàm. Hà Nội và Lào đã gặp năm 2020.")
    day = {"value": "--05-24", "granularity": "day"}
    doc = build(text, [
        ("24/5", "DATE", day), ("Việt Nam", "LOCATION"), ("Cuba", "LOCATION"),
        ("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"), ("Hà Nội", "LOCATION"), ("Lào", "LOCATION"),
        ("năm 2020", "DATE", {"value": "2020", "granularity": "year"}),
    ], [(1, 2, "PARTNER"), (3, 4, "PARTNER"), (5, 6, "PARTNER"), (6, 7, "DATE_OF")])
    found = {frozenset(p.name for p in r.parties): r.date for r in records(doc)}
    assert found[frozenset({"Việt Nam", "Cuba"})] == "--05-24"
    assert found[frozenset({"Bình Dương", "Artemisa"})] is None  # the gold often leaves it so
    assert found[frozenset({"Hà Nội", "Lào"})] == "2020"


def test_an_article_naming_two_days_gives_no_day_to_a_record_without_one():
    text = "Chiều 24/5, Việt Nam và Cuba hội đàm. Bình Dương và Artemisa cũng hội đàm. Ngày 25/5 đoàn về nước."
    doc = build(text, [
        ("24/5", "DATE", {"value": "--05-24", "granularity": "day"}), ("Việt Nam", "LOCATION"),
        ("Cuba", "LOCATION"), ("Bình Dương", "LOCATION"), ("Artemisa", "LOCATION"),
        ("25/5", "DATE", {"value": "--05-25", "granularity": "day"}),
    ], [(1, 2, "PARTNER"), (3, 4, "PARTNER")])
    found = {frozenset(p.name for p in r.parties): r.date for r in records(doc)}
    assert found[frozenset({"Bình Dương", "Artemisa"})] is None


def test_a_foreign_name_with_no_country_takes_the_one_foreign_country_of_its_record():
    text = "Thủ tướng Shinzo Abe hội đàm với Thủ tướng Lê Văn A; Việt Nam và Nhật Bản hợp tác."
    titled = {"title": "Thủ tướng", "affiliation": None, "country": None}
    doc = build(text, [("Shinzo Abe", "PERSON", titled), ("Lê Văn A", "PERSON", titled),
                       ("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION")], [(2, 3, "PARTNER")])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.people] == [("Shinzo Abe", "JP"), ("Lê Văn A", None)]


def test_a_foreign_name_keeps_no_country_where_its_record_has_two_foreign_ones():
    text = "Thủ tướng Shinzo Abe dự lễ; Lào và Nhật Bản hợp tác."
    doc = build(text, [("Shinzo Abe", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": None}),
                       ("Lào", "LOCATION"), ("Nhật Bản", "LOCATION")], [(1, 2, "PARTNER")])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.people] == [("Shinzo Abe", None)]


def test_beside_a_bloc_only_a_state_officer_takes_the_one_foreign_country():
    text = "Chủ tịch Donald Tusk và Thủ tướng Shinzo Abe hội đàm; EU và Nhật Bản hợp tác."
    no_country = {"affiliation": None, "country": None}
    doc = build(text, [("Donald Tusk", "PERSON", {"title": "Chủ tịch", **no_country}),
                       ("Shinzo Abe", "PERSON", {"title": "Thủ tướng", **no_country}),
                       ("EU", "ORGANIZATION"), ("Nhật Bản", "LOCATION")], [(2, 3, "PARTNER")])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.people] == [("Donald Tusk", None), ("Shinzo Abe", "JP")]


def test_a_photographer_in_a_credit_is_not_among_the_record_s_people():
    text = "Thủ tướng Shinzo Abe và Việt Nam, Nhật Bản hợp tác. - Ảnh: VGP/Quang Hiếu Hai bên hợp tác."
    titled = {"title": "Thủ tướng", "affiliation": None, "country": "JP"}
    doc = build(text, [("Shinzo Abe", "PERSON", titled), ("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION"),
                       ("Quang Hiếu", "PERSON", titled)], [(1, 2, "PARTNER")])
    [record] = records(doc)
    assert [p.name for p in record.people] == ["Shinzo Abe"]


def test_a_person_of_a_third_country_is_not_among_the_record_s_people():
    text = "Thủ tướng Goh Chok Tong từng nói Việt Nam và Indonesia nên hợp tác, như ông Trần B mong."
    doc = build(text, [("Goh Chok Tong", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "SG"}),
                       ("Việt Nam", "LOCATION"), ("Indonesia", "LOCATION"),
                       ("Trần B", "PERSON", {"title": "Đại sứ", "affiliation": None, "country": "VN"})],
                [(1, 2, "PARTNER")])
    [record] = records(doc)
    assert [p.name for p in record.people] == ["Trần B"]


@pytest.mark.parametrize("degree", ["TS.", "Phó Giáo sư", "Tiến sĩ"])
def test_a_person_whose_only_title_is_a_degree_is_not_among_the_record_s_people(degree):
    text = f"Thủ tướng Shinzo Abe và {degree} Lê Văn A dự lễ; Việt Nam và Nhật Bản hợp tác."
    doc = build(text, [("Shinzo Abe", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "JP"}),
                       ("Lê Văn A", "PERSON", {"title": degree, "affiliation": None, "country": "VN"}),
                       ("Việt Nam", "LOCATION"), ("Nhật Bản", "LOCATION")], [(2, 3, "PARTNER")])
    [record] = records(doc)
    assert [p.name for p in record.people] == ["Shinzo Abe"]


PRIME_MINISTER = ("Nguyễn Xuân Phúc", "PERSON", {"title": "Thủ tướng", "affiliation": None, "country": "VN"})


def test_a_vietnamese_official_meeting_a_foreign_party_pairs_viet_nam_with_it():
    text = "Chiều 24/5, Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Iran Saleh Adibi."
    doc = build(text, [("24/5", "DATE", {"value": "--05-24", "granularity": "day"}), PRIME_MINISTER,
                       ("Iran", "LOCATION")], [])
    [record] = records(doc)
    assert [(p.name, p.country) for p in record.parties] == [("Việt Nam", "VN"), ("Iran", "IR")]
    assert (record.instrument, record.date) == ("meeting", "--05-24")


def test_a_name_given_again_in_brackets_does_not_hide_the_meeting_after_it():
    text = "Tổng thống Mỹ Đô-nan Trăm (Donald Trump) đã điện đàm với Quốc vương Iran."
    trump = {"title": "Tổng thống", "affiliation": "Hoa Kỳ", "country": "US"}
    doc = build(text, [("Mỹ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                       ("Đô-nan Trăm", "PERSON", trump), ("Donald Trump", "PERSON", trump), ("Iran", "LOCATION")], [])
    assert [[p.name for p in r.parties] for r in records(doc)] == [["Hoa Kỳ", "Iran"]]


def test_an_office_of_a_country_whose_holder_goes_unnamed_meets_as_its_country():
    france = ("Pháp", "LOCATION", {"name": "Pháp", "country": "FR", "admin": "country"})
    usa = ("Mỹ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"})
    text = "Vị tổng thống trẻ tuổi của Pháp cũng đã tiếp Tổng thống Mỹ Donald Trump."
    trump = ("Donald Trump", "PERSON", {"title": "Tổng thống", "affiliation": "Hoa Kỳ", "country": "US"})
    doc = build(text, [("tổng thống", "TITLE"), france, ("Tổng thống", "TITLE"), usa, trump], [])
    assert [([p.name for p in r.parties], r.instrument) for r in records(doc)] == [(["Pháp", "Hoa Kỳ"], "meeting")]
    for named in ("Tổng thống Pháp Emmanuel Macron cũng đã tiếp Mỹ.", "Tổng thống Pháp (TT) Emmanuel Macron đã tiếp Mỹ."):
        doc = build(named, [("Tổng thống", "TITLE"), france, ("Emmanuel Macron", "PERSON"), usa], [])
        assert records(doc) == [], named  # a named holder with no country of their own is no official


def test_the_official_who_visits_need_not_be_the_first_the_sentence_names():
    text = "Nhận lời mời của Ngoại trưởng Nhật Bản Taro Kono, Phó Thủ tướng Phạm Bình Minh đã thăm Nhật Bản ngày 25/5."
    doc = build(text, [("Nhật Bản", "LOCATION"),
                       ("Taro Kono", "PERSON", {"title": "Ngoại trưởng", "affiliation": "Nhật Bản", "country": "JP"}),
                       ("Phạm Bình Minh", "PERSON", {"title": "Phó Thủ tướng", "affiliation": None, "country": "VN"}),
                       ("Nhật Bản", "LOCATION", None, 2), ("25/5", "DATE", {"value": "--05-25", "granularity": "day"})],
                [])
    [record] = records(doc)
    assert ([p.name for p in record.parties], record.instrument, record.date) == (
        ["Việt Nam", "Nhật Bản"], "visit", "--05-25")


def test_the_meeting_of_a_pair_a_relation_made_elsewhere_gives_it_its_sentence():
    text = "Chiều 24/5, Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Iran. Việt Nam và Iran hợp tác về y tế."
    doc = build(text, [("24/5", "DATE", {"value": "--05-24", "granularity": "day"}), PRIME_MINISTER,
                       ("Iran", "LOCATION"), ("Việt Nam", "LOCATION"), ("Iran", "LOCATION", None, 2)],
                [(3, 4, "PARTNER")])
    [record] = records(doc)
    assert (record.instrument, record.date) == ("meeting", "--05-24")
    assert [text[start:end] for start, end in record.evidence] == [
        "Chiều 24/5, Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Iran.", "Việt Nam và Iran hợp tác về y tế."]


def test_records_follow_the_text_whichever_step_paired_them():
    text = "Chiều 24/5, Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Iran. Lào và Campuchia hợp tác."
    doc = build(text, [("24/5", "DATE", {"value": "--05-24", "granularity": "day"}), PRIME_MINISTER,
                       ("Iran", "LOCATION"), ("Lào", "LOCATION"), ("Campuchia", "LOCATION")], [(3, 4, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Iran"}, {"Lào", "Campuchia"}]


def test_an_official_meeting_for_a_vietnamese_body_pairs_that_body():
    text = "Bí thư Thành ủy Hà Nội Nguyễn Văn A tiếp Chủ tịch Quốc hội Myanmar."
    doc = build(text, [("Hà Nội", "LOCATION"),
                       ("Nguyễn Văn A", "PERSON", {"title": "Bí thư Thành ủy", "affiliation": "Hà Nội", "country": "VN"}),
                       ("Myanmar", "LOCATION")], [(1, 0, "AFFILIATED_WITH")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Hà Nội", "Myanmar"}]


def test_no_host_pair_for_a_foreign_venue_another_verb_or_a_country_a_relation_already_pairs():
    venue = "Thủ tướng Nguyễn Xuân Phúc gặp cộng đồng người Việt tại Nhật Bản."
    other_verb = "Thủ tướng Nguyễn Xuân Phúc tiếp tục chuyến công tác Nhật Bản."
    for text in (venue, other_verb):
        assert records(build(text, [PRIME_MINISTER, ("Nhật Bản", "LOCATION")], [])) == []
    paired = "Thủ tướng Nguyễn Xuân Phúc thăm Nhật Bản. Hà Nội và Nhật Bản hợp tác."
    doc = build(paired, [PRIME_MINISTER, ("Nhật Bản", "LOCATION"), ("Hà Nội", "LOCATION"),
                         ("Nhật Bản", "LOCATION", None, 2)], [(2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Hà Nội", "Nhật Bản"}]


def test_no_host_pair_with_a_party_of_no_known_country():
    text = "Thủ tướng Nguyễn Xuân Phúc tiếp Tập đoàn Vamed."
    assert records(build(text, [PRIME_MINISTER, ("Tập đoàn Vamed", "ORGANIZATION")], [])) == []


def test_a_relation_pairing_the_counterpart_with_a_third_party_leaves_the_host_pair():
    text = "Thủ tướng Nguyễn Xuân Phúc thăm Nhật Bản. Lào và Nhật Bản hợp tác."
    doc = build(text, [PRIME_MINISTER, ("Nhật Bản", "LOCATION"), ("Lào", "LOCATION"),
                       ("Nhật Bản", "LOCATION", None, 2)], [(2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Nhật Bản"}, {"Lào", "Nhật Bản"}]


def test_a_foreign_official_calling_the_leaders_of_a_list_of_countries_pairs_each_with_theirs():
    text = "Tổng thống Hàn Quốc Moon Jae-in đã điện đàm với các nhà lãnh đạo Đức, Anh và Australia."
    doc = build(text, [("Hàn Quốc", "LOCATION"),
                       ("Moon Jae-in", "PERSON", {"title": "Tổng thống", "affiliation": "Hàn Quốc", "country": "KR"}),
                       ("Đức", "LOCATION"), ("Anh", "LOCATION"), ("Australia", "LOCATION")], [(1, 0, "AFFILIATED_WITH")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [
        {"Hàn Quốc", "Đức"}, {"Hàn Quốc", "Anh"}, {"Hàn Quốc", "Australia"}]


def test_a_country_visited_only_to_attend_an_event_there_is_its_venue():
    moon = ("Moon Jae-in", "PERSON", {"title": "Tổng thống", "affiliation": "Hàn Quốc", "country": "KR"})
    for verb, expected in (("để tham dự", []), ("và dự", [{"Hàn Quốc", "Australia"}])):
        text = f"Tổng thống Hàn Quốc Moon Jae-in thăm Australia {verb} hội nghị."
        doc = build(text, [("Hàn Quốc", "LOCATION"), moon, ("Australia", "LOCATION")], [(1, 0, "AFFILIATED_WITH")])
        assert [{p.name for p in r.parties} for r in records(doc)] == expected


def test_the_country_after_a_place_is_where_it_is_not_a_second_counterpart():
    text = "Thủ tướng Nguyễn Xuân Phúc tiếp Đoàn doanh nghiệp Hong Kong, Trung Quốc."
    for hong_kong in ({"name": "Hong Kong", "country": "HK", "admin": "other"},
                      {"name": "Hồng Kông", "country": "HK", "admin": "country"}):  # a territory ISO lists
        doc = build(text, [PRIME_MINISTER, ("Hong Kong", "LOCATION", hong_kong), ("Trung Quốc", "LOCATION")], [])
        assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", hong_kong["name"]}]


def test_an_airport_is_no_party():
    text = "Đoàn Việt Nam đến sân bay John F. Kennedy, rồi hội đàm với Hoa Kỳ."
    airport = {"name": "sân bay John F. Kennedy", "country": "US", "admin": "other"}
    doc = build(text, [("Việt Nam", "LOCATION"), ("sân bay John F. Kennedy", "LOCATION", airport),
                       ("Hoa Kỳ", "LOCATION")], [(0, 1, "PARTNER"), (0, 2, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Việt Nam", "Hoa Kỳ"}]


def test_the_late_president_recalled_acts_for_no_party():
    text = "Việt Nam và Lào ký hiệp định. Thủ tướng Nguyễn Xuân Phúc nhắc lời Chủ tịch Hồ Chí Minh về Việt Nam và Lào."
    uncle_ho = ("Hồ Chí Minh", "PERSON", {"title": "Chủ tịch", "affiliation": None, "country": "VN"})
    doc = build(text, [("Việt Nam", "LOCATION"), ("Lào", "LOCATION"), PRIME_MINISTER, uncle_ho,
                       ("Việt Nam", "LOCATION", None, 2), ("Lào", "LOCATION", None, 2)],
                [(0, 1, "PARTNER"), (4, 5, "PARTNER")])
    [record] = records(doc)
    assert [p.name for p in record.people] == ["Nguyễn Xuân Phúc"]


def test_a_late_foreign_leader_recalled_acts_for_no_party():
    text = "Việt Nam và Trung Quốc hợp tác. Tổng thống Tập Cận Bình nhắc đến Chủ tịch Mao Trạch Đông."
    leaders = [(name, "PERSON", {"title": title, "affiliation": None, "country": "CN"})
               for name, title in (("Tập Cận Bình", "Tổng thống"), ("Mao Trạch Đông", "Chủ tịch"))]
    doc = build(text, [("Việt Nam", "LOCATION"), ("Trung Quốc", "LOCATION")] + leaders, [(0, 1, "PARTNER")])
    assert [p.name for p in records(doc)[0].people] == ["Tập Cận Bình"]


def test_a_late_leader_is_known_however_the_article_spells_the_name():
    text = "Việt Nam và Lào hợp tác, như Chủ tịch Cay xỏn Phôm-vi-hản mong muốn."
    doc = build(text, [("Việt Nam", "LOCATION"), ("Lào", "LOCATION"),
                       ("Cay xỏn Phôm-vi-hản", "PERSON", {"title": "Chủ tịch", "affiliation": None, "country": "LA"})],
                [(0, 1, "PARTNER")])
    assert records(doc)[0].people == []


def test_bodies_in_a_visits_story_meet():
    text = ("Đoàn Đảng Cộng sản Cuba thăm chính thức Việt Nam. Trong chuyến thăm, Đảng Cộng sản Cuba "
            "làm việc với Ban Đối ngoại Trung ương.")
    doc = build(text, [("Đảng Cộng sản Cuba", "ORGANIZATION"), ("Việt Nam", "LOCATION"),
                       ("Đảng Cộng sản Cuba", "ORGANIZATION", None, 2),
                       ("Ban Đối ngoại Trung ương", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    instruments = {frozenset(p.name for p in r.parties): r.instrument for r in records(doc)}
    assert instruments == {frozenset({"Đảng Cộng sản Cuba", "Việt Nam"}): "visit",
                           frozenset({"Đảng Cộng sản Cuba", "Ban Đối ngoại Trung ương"}): "meeting"}


def test_a_name_with_a_middle_initial_is_listed_once_without_it():
    text = "Tổng thống Donald J. Trump tiếp Ngoại trưởng Nga. Hoa Kỳ và Nga hợp tác, Tổng thống Donald Trump nói."
    trump = {"title": "Tổng thống", "affiliation": None, "country": "US"}
    doc = build(text, [("Donald J. Trump", "PERSON", trump), ("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US",
                       "admin": "country"}), ("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"}, 1),
                       ("Donald Trump", "PERSON", trump)], [(1, 2, "PARTNER")])
    assert [p.name for p in records(doc)[0].people] == ["Donald Trump"]


def test_a_foreign_name_misspelt_by_one_letter_is_listed_once_but_a_vietnamese_one_is_another_person():
    text = ("Thủ tướng Shinzo Abe tiếp ông Nguyễn Văn Hùng. Nhật Bản và Việt Nam hợp tác, Thủ tướng Sinzo Abe "
            "và ông Nguyễn Văn Hưng nói.")
    abe = {"title": "Thủ tướng", "affiliation": None, "country": "JP"}
    envoy = {"title": "Đại sứ", "affiliation": None, "country": "VN"}
    doc = build(text, [("Shinzo Abe", "PERSON", abe), ("Nguyễn Văn Hùng", "PERSON", envoy),
                       ("Nhật Bản", "LOCATION"), ("Việt Nam", "LOCATION"), ("Sinzo Abe", "PERSON", abe),
                       ("Nguyễn Văn Hưng", "PERSON", envoy)], [(2, 3, "PARTNER")])
    names = [p.name for p in records(doc)[0].people]
    assert len(names) == 3 and {"Nguyễn Văn Hùng", "Nguyễn Văn Hưng"} < set(names)  # and one Abe


def test_the_police_at_home_found_no_record_but_across_a_border_they_cooperate():
    text = ("Bộ Công an khởi tố Ngân hàng MHB và làm việc với Công ty Hoa Việt. "
            "Bộ Công an Việt Nam và Bộ Nội vụ Belarus ký bản ghi nhớ.")
    belarus = {"name": "Belarus", "country": "BY", "admin": "country"}
    doc = build(text, [("Bộ Công an", "ORGANIZATION"), ("Ngân hàng MHB", "ORGANIZATION"),
                       ("Công ty Hoa Việt", "ORGANIZATION"), ("Bộ Công an Việt Nam", "ORGANIZATION"),
                       ("Bộ Nội vụ Belarus", "ORGANIZATION"), ("Belarus", "LOCATION", belarus)],
                [(0, 1, "PARTNER"), (0, 2, "PARTNER"), (3, 4, "PARTNER")])
    assert [[p.name for p in r.parties] for r in records(doc)] == [["Bộ Công an Việt Nam", "Bộ Nội vụ Belarus"]]


def test_pure_conflict_founds_no_record_but_talks_about_it_do():
    countries = [("Hoa Kỳ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                 ("Nga", "LOCATION", {"name": "Nga", "country": "RU", "admin": "country"})]
    sanctions = build("Hoa Kỳ công bố trừng phạt thương mại mới đối với Nga.", countries, [(0, 1, "PARTNER")])
    assert records(sanctions) == []  # `thương mại` is a word of cooperation, but not here
    talks = build("Hoa Kỳ và Nga đối thoại về căng thẳng ở Syria.", countries, [(0, 1, "PARTNER")])
    assert [[p.name for p in r.parties] for r in records(talks)] == [["Hoa Kỳ", "Nga"]]


def test_a_vietnamese_province_or_ministry_does_not_partner_its_own_department():
    text = ("UBND TP Hà Nội phối hợp với Sở GD&ĐT. Bộ Công Thương phối hợp với Cục Quản lý cạnh tranh. "
            "Tỉnh Savannakhet hợp tác với Sở Ngoại vụ.")
    hanoi = {"name": "Hà Nội", "country": "VN", "admin": "city"}
    doc = build(text, [("Hà Nội", "LOCATION", hanoi), ("Sở GD&ĐT", "ORGANIZATION"),
                       ("Bộ Công Thương", "ORGANIZATION"), ("Cục Quản lý cạnh tranh", "ORGANIZATION"),
                       ("Savannakhet", "LOCATION", {"name": "Savannakhet", "country": "LA", "admin": "province"}),
                       ("Sở Ngoại vụ", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER"), (4, 5, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Savannakhet", "Sở Ngoại vụ"}]


def test_a_special_administrative_region_partners_others_but_not_its_country():
    cn = ("Trung Quốc", "LOCATION", {"name": "Trung Quốc", "country": "CN", "admin": "country"})
    hk = {"name": "Hồng Kông", "country": "HK", "admin": "country"}
    vn = ("Việt Nam", "LOCATION", {"name": "Việt Nam", "country": "VN", "admin": "country"})
    text = "Chủ tịch Trung Quốc thăm Hồng Kông. Việt Nam hợp tác với Hồng Kông."
    doc = build(text, [cn, ("Hồng Kông", "LOCATION", hk), vn, ("Hồng Kông", "LOCATION", hk, 2)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [[p.name for p in r.parties] for r in records(doc)] == [["Việt Nam", "Hồng Kông"]]


def test_a_kind_of_body_with_no_name_is_no_party():
    text = "Ủy ban Nhân dân làm việc với Cuba. UBND TP Hà Nội hợp tác với Cuba."
    doc = build(text, [("Ủy ban Nhân dân", "ORGANIZATION"), ("Cuba", "LOCATION"),
                       ("UBND TP Hà Nội", "ORGANIZATION"), ("Cuba", "LOCATION", None, 2)],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [{p.name for p in r.parties} for r in records(doc)] == [{"Hà Nội", "Cuba"}]


def test_two_parties_one_sentence_names_with_no_word_of_cooperation_make_no_record():
    countries = [("Mỹ", "LOCATION", {"name": "Hoa Kỳ", "country": "US", "admin": "country"}),
                 ("Australia", "LOCATION", {"name": "Australia", "country": "AU", "admin": "country"})]
    bombs = build("Mỹ thả bom nhầm vào Australia.", countries, [(0, 1, "PARTNER")])
    assert records(bombs) == []
    for text in ("Mỹ thương thảo với Australia về thuế.", "Mỹ và Australia tổ chức tập trận chung.",
                 "Mỹ bàn giao tàu cho Australia."):
        assert [[p.name for p in r.parties] for r in records(build(text, countries, [(0, 1, "PARTNER")]))] == [
            ["Hoa Kỳ", "Australia"]], text
    treaty = build("Mỹ và Australia thực hiện Hiệp ước ANZUS.",
                   [*countries, ("Hiệp ước ANZUS", "AGREEMENT")], [(0, 1, "PARTNER")])
    assert len(records(treaty)) == 1  # an agreement in the sentence is cooperation enough
    chat = build("Nói chung Mỹ và Australia khác nhau.", countries, [(0, 1, "PARTNER")])
    assert records(chat) == []  # `nói chung` is no joint anything
    fire = build("Mỹ đưa tin về đám cháy ở mỏ của Công ty Than Thống Nhất.",
                 [countries[0], ("Công ty Than Thống Nhất", "ORGANIZATION")], [(0, 1, "PARTNER")])
    assert records(fire) == []  # a name's words are no cue


def test_a_pair_with_no_word_of_cooperation_stays_beside_a_list_sibling_that_shows_it():
    def country(name, code):
        return (name, "LOCATION", {"name": name, "country": code, "admin": "country"})
    text = "Hàn Quốc sẽ nhận lao động từ các nước gồm Lào và Việt Nam. Hàn Quốc hợp tác với Việt Nam về lao động."
    spans = [country("Hàn Quốc", "KR"), country("Lào", "LA"), country("Việt Nam", "VN"),
             ("Hàn Quốc", "LOCATION", {"name": "Hàn Quốc", "country": "KR", "admin": "country"}, 2),
             ("Việt Nam", "LOCATION", {"name": "Việt Nam", "country": "VN", "admin": "country"}, 2)]
    doc = build(text, spans, [(0, 1, "PARTNER"), (0, 2, "PARTNER"), (3, 4, "PARTNER")])
    assert sorted(sorted(p.name for p in r.parties) for r in records(doc)) == [["Hàn Quốc", "Lào"], ["Hàn Quốc", "Việt Nam"]]
    alone = build(text.split(". ")[0] + ".", spans[:3], [(0, 1, "PARTNER"), (0, 2, "PARTNER")])
    assert records(alone) == []  # no sibling shows cooperation


def test_a_political_organ_with_a_vietnamese_body_is_the_states_own_business_but_abroad_a_partner():
    text = ("Ủy ban Thường vụ Quốc hội họp với Ủy ban Trung ương MTTQ Việt Nam. "
            "Mặt trận Tổ quốc Việt Nam và Chính hiệp Trung Quốc ký kế hoạch hợp tác.")
    doc = build(text, [("Ủy ban Thường vụ Quốc hội", "ORGANIZATION"), ("Ủy ban Trung ương MTTQ Việt Nam", "ORGANIZATION"),
                       ("Mặt trận Tổ quốc Việt Nam", "ORGANIZATION"), ("Chính hiệp Trung Quốc", "ORGANIZATION")],
                [(0, 1, "PARTNER"), (2, 3, "PARTNER")])
    assert [[p.name for p in r.parties] for r in records(doc)] == [["Mặt trận Tổ quốc Việt Nam", "Chính hiệp Trung Quốc"]]
