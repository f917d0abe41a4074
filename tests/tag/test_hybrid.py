"""Merging the neural tagger with the pattern layer: each label has an owner; model names fill gaps."""

import json
import re

import pytest

import vnpartner
from vnpartner.errors import VnPartnerError
from vnpartner.tag.neural import read_meta
from vnpartner.tag.hybrid import HybridTagger, merge
from vnpartner.text import iter_sentences

OWNED = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})



def _span(text, surface, label, after=0):
    """``(start, end, label)`` of the first ``surface`` in ``text`` from ``after`` on."""
    start = text.index(surface, after)
    return (start, start + len(surface), label)


def test_owned_labels_come_from_the_model_alone():
    neural = [(0, 10, "LOCATION"), (20, 30, "SECTOR"), (40, 50, "PERSON")]
    rules = [(0, 14, "LOCATION"), (18, 32, "SECTOR"), (60, 70, "ORGANIZATION"), (41, 45, "TITLE")]
    assert merge(neural, rules, OWNED) == [(0, 10, "LOCATION"), (18, 32, "SECTOR"), (40, 50, "PERSON")]


def test_model_names_fill_the_gaps_of_rule_owned_labels():
    neural = [(0, 10, "LOCATION"), (20, 30, "ORGANIZATION"), (40, 50, "PERSON")]
    rules = [(2, 12, "LOCATION"), (19, 24, "TITLE")]
    merged = merge(neural, rules, frozenset({"PERSON"}))
    assert merged == [(2, 12, "LOCATION"), (19, 24, "TITLE"), (40, 50, "PERSON")]
    assert merge(neural, [(19, 24, "TITLE")], frozenset({"PERSON"})) == [
        (0, 10, "LOCATION"), (19, 24, "TITLE"), (40, 50, "PERSON")]


def test_owned_spans_that_overlap_each_other_keep_the_longer():
    neural = [(5, 20, "ORGANIZATION")]
    rules = [(0, 8, "TITLE")]
    assert merge(neural, rules, OWNED) == [(5, 20, "ORGANIZATION")]
    assert merge([], rules, OWNED) == rules and merge(neural, [], OWNED) == neural


def test_no_owned_labels_means_rules_first():
    neural = [(0, 10, "LOCATION"), (12, 15, "PERSON")]
    rules = [(0, 14, "LOCATION")]
    assert merge(neural, rules, frozenset()) == [(0, 14, "LOCATION")]


def test_model_dates_sectors_titles_count_only_where_owned():
    neural = [(0, 5, "SECTOR"), (10, 15, "DATE"), (20, 25, "PERSON")]
    assert merge(neural, [], OWNED) == [(20, 25, "PERSON")]
    assert merge(neural, [], frozenset({"SECTOR"})) == [(0, 5, "SECTOR"), (20, 25, "PERSON")]


def test_a_pattern_date_holding_model_dates_whole_replaces_them():
    owned = frozenset({"DATE", "PERSON"})
    pieces = [(10, 11, "DATE"), (15, 18, "DATE"), (30, 40, "PERSON")]
    assert merge(pieces, [(10, 18, "DATE")], owned) == [(10, 18, "DATE"), (30, 40, "PERSON")]
    crossing = [(10, 11, "DATE"), (14, 20, "PERSON")]  # a name across its end: the model stays
    assert merge(crossing, [(10, 18, "DATE")], owned) == crossing
    assert merge([(10, 18, "DATE")], [(12, 18, "DATE")], owned) == [(10, 18, "DATE")]
    assert merge(pieces, [(10, 18, "DATE")], frozenset({"PERSON"})) == [(10, 18, "DATE"), (30, 40, "PERSON")]


def test_a_pattern_title_holding_a_model_title_whole_gives_its_bounds():
    owned = frozenset({"TITLE", "PERSON", "ORGANIZATION"})
    assert merge([(4, 12, "TITLE")], [(4, 17, "TITLE")], owned) == [(4, 17, "TITLE")]  # `Chủ tịch` + ` HĐQT`
    body = [(4, 12, "TITLE"), (13, 17, "ORGANIZATION")]  # the model's body inside: the model stays
    assert merge(body, [(4, 17, "TITLE")], owned) == body
    # `Quốc Vụ` read as a name inside the pattern layer's `Quốc Vụ khanh`
    assert merge([(0, 7, "PERSON")], [(0, 13, "TITLE")], owned) == [(0, 13, "TITLE")]
    # `Cố vấn` + `an ninh` + `quốc gia`: a field inside the pattern layer's title is the title's
    pieces = [(0, 6, "TITLE"), (7, 14, "SECTOR"), (15, 23, "TITLE")]
    assert merge(pieces, [(0, 23, "TITLE")], owned | {"SECTOR"}) == [(0, 23, "TITLE")]


def test_a_monarch_s_title_run_on_into_the_name_is_the_title_and_the_person():
    from vnpartner.tag.hybrid import tidy

    text = "Vua Juan Carlos và Hoàng hậu Sofia gặp Nhà vua Tây Ban Nha và Quốc vương Tamin."
    spans = [_span(text, name, "TITLE") for name in ("Hoàng hậu Sofia", "Nhà vua Tây Ban Nha", "Quốc vương Tamin")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Hoàng hậu", "TITLE"), ("Sofia", "PERSON"), ("Nhà vua Tây Ban Nha", "TITLE"), ("Quốc vương", "TITLE"),
        ("Tamin", "PERSON")]


def test_a_company_named_by_type_and_field_takes_the_brand_the_model_read_as_a_person():
    from vnpartner.tag.hybrid.bodies import _companies_with_their_brand

    text = ("Công ty Cổ phần giáo dục Hùng Hậu ký với Diễn đàn Doanh nghiệp Việt Nam-Hà Lan. "
            "Diễn đàn Doanh nghiệp Việt Nam-Hà Lan mời Tổng công ty Đường sắt Nguyễn Văn Bằng.")
    def at(name, label, nth=0):
        start = text.index(name) if nth == 0 else text.index(name, text.index(name) + 1)
        return (start, start + len(name), label)
    spans = [at("Công ty Cổ phần giáo dục", "ORGANIZATION"), at("Hùng Hậu", "PERSON"),
             at("Diễn đàn Doanh nghiệp Việt Nam-Hà", "ORGANIZATION"), at("Lan", "PERSON"),
             at("Diễn đàn Doanh nghiệp Việt Nam-Hà Lan", "ORGANIZATION", 1),
             at("Tổng công ty Đường sắt", "ORGANIZATION"), at("Nguyễn Văn Bằng", "PERSON")]
    assert [(text[s:e], label) for s, e, label in _companies_with_their_brand(text, spans)] == [
        ("Công ty Cổ phần giáo dục Hùng Hậu", "ORGANIZATION"),
        ("Diễn đàn Doanh nghiệp Việt Nam-Hà Lan", "ORGANIZATION"),  # named whole elsewhere
        ("Diễn đàn Doanh nghiệp Việt Nam-Hà Lan", "ORGANIZATION"),
        ("Tổng công ty Đường sắt", "ORGANIZATION"), ("Nguyễn Văn Bằng", "PERSON")]  # a person's full name


class Fixed:
    """A stand-in neural tagger that finds one fixed span per document."""

    def __init__(self, span):
        self.span = span

    def tag_batch(self, documents):
        return [[self.span] if len(text) >= self.span[1] else [] for text, _ in documents]


def test_hybrid_tagger_batches_and_merges():
    text = "Ngày 21/4/2023, tỉnh Bình Dương ký kết Bản ghi nhớ với tỉnh Artemisa."
    hybrid = HybridTagger(Fixed((16, 31, "LOCATION")))
    spans = hybrid.tag(text, iter_sentences(text))
    assert (16, 31, "LOCATION") in spans and any(label == "DATE" for _, _, label in spans)
    assert hybrid.tag_batch([(text, list(iter_sentences(text))), ("", [])])[1] == []


def test_a_model_date_run_on_past_a_pattern_date_is_cut_to_it():
    text = "Ông Trump tới Việt Nam vào tháng 11-2017 dự Hội nghị APEC, hồi tháng 5 năm ngoái."
    run_on = (text.index("tháng 11"), text.index(" Hội nghị"), "DATE")
    hybrid = HybridTagger(Fixed(run_on), neural_labels=frozenset({"DATE"}))
    assert [text[s:e] for s, e, label in hybrid.tag(text, iter_sentences(text)) if label == "DATE"][0] == "tháng 11-2017"
    relative = (text.index("tháng 5"), len(text) - 1, "DATE")  # words a date holds stay
    hybrid = HybridTagger(Fixed(relative), neural_labels=frozenset({"DATE"}))
    assert (relative[0], relative[1], "DATE") in hybrid.tag(text, iter_sentences(text))


@pytest.mark.parametrize("text, run_on, name, label", [
    ("Hai nguyên thủ. Ảnh: THX Ảnh: Reuters Ảnh: tư liệu.", "Reuters Ảnh", "Reuters", "ORGANIZATION"),
    ("Nguồn: TTXVN Đây là chuyến thăm đầu tiên.", "TTXVN Đây", "TTXVN", "ORGANIZATION"),
    ("Ảnh: Reuters Sáng 14-5, diễn đàn khai mạc.", "Reuters Sáng", "Reuters", "ORGANIZATION"),
    ("Ông Nguyễn Văn Sáng 45 tuổi đã tới.", "Nguyễn Văn Sáng", "Nguyễn Văn Sáng", "PERSON"),
])
def test_a_name_loses_the_caption_or_sentence_word_run_on_after_it(text, run_on, name, label):
    start = text.index(run_on)
    hybrid = HybridTagger(Fixed((start, start + len(run_on), label)), neural_labels=frozenset({label}))
    assert (start, start + len(name), label) in hybrid.tag(text, iter_sentences(text))


def test_model_folder_with_neural_labels_loads_as_hybrid(model_dir, tmp_path):
    import shutil

    folder = tmp_path / "m"
    shutil.copytree(model_dir, folder)
    meta = json.loads((folder / "vnpartner.json").read_text())
    meta["neural_labels"] = ["PERSON"]
    (folder / "vnpartner.json").write_text(json.dumps(meta))
    pipeline = vnpartner.load(str(folder))
    assert isinstance(pipeline.tagger, HybridTagger) and pipeline.tagger.neural_labels == {"PERSON"}
    doc = pipeline("Ngày 21/4/2023, tỉnh Bình Dương ký kết Bản ghi nhớ với tỉnh Artemisa.")
    assert any(e.label == "DATE" for e in doc.entities)
    meta["neural_labels"] = "PERSON"
    (folder / "vnpartner.json").write_text(json.dumps(meta))
    with pytest.raises(VnPartnerError, match="E411.*neural_labels"):
        read_meta(folder)


def test_tidy_brings_model_spans_to_the_guidelines():
    from vnpartner.tag.hybrid import tidy

    text = "Bà Nguyễn Thị Lệ trao quà tại Thành phố Hồ Chí Minh, nơi quan hệ Việt Nam-Cuba và ủy tỉnh."
    name = text.index("Nguyễn")
    city = text.index("Hồ Chí Minh")
    pair = text.index("Việt Nam-Cuba")
    lower = text.index("ủy tỉnh")
    spans = [(name, text.index(" quà"), "PERSON"), (city, city + 11, "LOCATION"), (pair, pair + 13, "LOCATION"),
             (lower, lower + 7, "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Nguyễn Thị Lệ", "Thành phố Hồ Chí Minh", "Việt Nam", "Cuba"]
    assert tidy("các tỉnh Hà Nam", [(9, 15, "LOCATION")]) == [(9, 15, "LOCATION")]


def test_tidy_gives_country_and_field_acronyms_their_labels():
    from vnpartner.tag.hybrid import tidy

    text = "Doanh nghiệp VN đầu tư vào CNTT cùng VNG và FPT."
    spans = [(text.index(word), text.index(word) + len(word), "ORGANIZATION") for word in ("VN ", "CNTT", "VNG", "FPT")]
    spans[0] = (spans[0][0], spans[0][1] - 1, "ORGANIZATION")
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("VN", "LOCATION"), ("CNTT", "SECTOR"), ("VNG", "ORGANIZATION"), ("FPT", "ORGANIZATION")]


def test_tidy_drops_abbreviations_that_name_no_organisation():
    from vnpartner.tag.hybrid import tidy

    text = "DN Việt Nam vay 5 triệu USD từ Vietcombank."
    spans = [(text.index(word), text.index(word) + len(word), "ORGANIZATION") for word in ("DN", "USD", "Vietcombank")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Vietcombank"]
    text = "Máy ATM của HTX và PC của CBCNV PV GAS."
    spans = [(text.index(word), text.index(word) + len(word), "ORGANIZATION")
             for word in ("ATM", "HTX", "PC", "CBCNV", "GAS")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["GAS"]


def test_an_acronym_no_span_holds_opens_the_body_after_it():
    from vnpartner.tag.hybrid.bodies import _acronyms_opening_bodies

    text = ("Tổng giám đốc PV GAS gặp ông Hùng; PV Oil, VN Samsung và CBCNV Viettel. Ảnh: TT Cảnh sát biển; "
            "trả lời PV Báo Tin tức")
    found = [("Tổng giám đốc", "TITLE"), ("GAS", "ORGANIZATION"), ("Hùng", "PERSON"), ("Oil", "ORGANIZATION"),
             ("VN", "LOCATION"), ("Samsung", "ORGANIZATION"), ("Viettel", "ORGANIZATION"),
             ("Cảnh sát biển", "ORGANIZATION"), ("Báo Tin tức", "ORGANIZATION")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    assert [text[s:e] for s, e, label in _acronyms_opening_bodies(text, spans) if label == "ORGANIZATION"] == [
        "PV GAS", "PV Oil", "Samsung", "Viettel", "Cảnh sát biển", "Báo Tin tức"]


def test_tidy_drops_viruses_and_document_numbers_and_splits_two_places_taken_for_a_body():
    from vnpartner.tag.hybrid import tidy

    text = "Quan hệ VN-Campuchia, ca dương tính với SARS-CoV-2 và Quyết định số 772/QĐ-TTg của Bộ Y tế."
    spans = [(text.index(word), text.index(word) + len(word), "ORGANIZATION")
             for word in ("VN-Campuchia", "SARS-CoV-2", "QĐ-TTg", "Bộ Y tế")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("VN", "LOCATION"), ("Campuchia", "LOCATION"), ("Bộ Y tế", "ORGANIZATION")]


def test_tidy_drops_a_place_type_word_or_trung_uong_taken_for_a_place():
    from vnpartner.tag.hybrid import tidy

    text = "Thủ đô Hà Nội và các tỉnh trực thuộc Trung ương."
    spans = [(0, 6, "LOCATION"), (7, 13, "LOCATION"), (text.index("Trung"), len(text) - 1, "LOCATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Hà Nội"]


def test_a_body_type_word_takes_its_name_to_the_end_of_the_compound_the_segmenter_found():
    from vnpartner.tag.hybrid import tidy
    from vnpartner.text import word_ends

    text = "Tỷ lệ này ở ĐH Sư phạm khoảng 70%, ĐH Luật trên 66%."
    sentences = list(iter_sentences(text))
    assert any(word.text == "Sư phạm" for word in sentences[0].words)
    spans = [(text.index("ĐH"), text.index("ĐH") + 2, "ORGANIZATION"),
             (text.index("ĐH Luật"), text.index("ĐH Luật") + 2, "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["ĐH Sư", "ĐH Luật"]
    assert [text[s:e] for s, e, _ in tidy(text, spans, word_ends(sentences))] == ["ĐH Sư phạm", "ĐH Luật"]


def test_tidy_makes_an_academic_degree_a_title_of_its_own():
    from vnpartner.tag.hybrid import tidy

    text = "Khách mời: PGS-TS Ngô Kim Khôi và GS.TSKH Đặng Hùng, Viện Toán."
    spans = [(text.index("PGS-TS"), text.index(" và"), "ORGANIZATION"),
             (text.index("GS.TSKH"), text.index("GS.TSKH") + 7, "ORGANIZATION"),
             (text.index("Đặng"), text.index(","), "PERSON"), (text.index("Viện"), len(text) - 1, "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("PGS-TS", "TITLE"), ("Ngô Kim Khôi", "PERSON"), ("GS.TSKH", "TITLE"), ("Đặng Hùng", "PERSON"),
        ("Viện Toán", "ORGANIZATION")]


def test_tidy_cuts_the_verb_the_model_ran_on_after_an_acronym_or_a_place():
    from vnpartner.tag.hybrid import tidy

    text = "TTXVN phát tin Mỹ cáo buộc Ban Kinh tế Trung ương và Bộ Giao thông vận tải, Hội Chữ thập đỏ quốc tế."
    names = ("TTXVN phát", "Mỹ cáo buộc", "Ban Kinh tế Trung ương", "Bộ Giao thông vận tải",
             "Hội Chữ thập đỏ quốc tế")
    spans = [(text.index(name), text.index(name) + len(name), "LOCATION" if name.startswith("Mỹ") else "ORGANIZATION")
             for name in names]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "TTXVN", "Mỹ", "Ban Kinh tế Trung ương", "Bộ Giao thông vận tải", "Hội Chữ thập đỏ quốc tế"]


def test_tidy_cuts_a_function_word_glued_to_the_end_of_a_name():
    from vnpartner.tag.hybrid import tidy

    text = "Đoàn thăm Báo Nhân Dân nhân chuyến thăm; Hội đồng nhân dân họp."
    spans = [_span(text, "Báo Nhân Dân nhân", "ORGANIZATION"), _span(text, "Hội đồng nhân dân", "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Báo Nhân Dân", "Hội đồng nhân dân"]


def test_tidy_makes_a_military_rank_a_title_of_its_own():
    from vnpartner.tag.hybrid import tidy

    text = "Thượng úy Đức, Thống tướng Tea Banh và Trung tá gặp nhau."
    spans = [(0, text.index(","), "PERSON"), (text.index("Thống"), text.index("Thống") + 5, "PERSON"),
             (text.index("Tea"), text.index(" và"), "PERSON"), (text.index("Trung tá"), text.index(" gặp"), "LOCATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Thượng úy", "TITLE"), ("Đức", "PERSON"), ("Thống tướng", "TITLE"), ("Tea Banh", "PERSON"),
        ("Trung tá", "TITLE")]


def test_a_body_named_for_its_place_gives_up_the_name_of_its_official_after_it():
    from vnpartner.tag.hybrid import tidy

    text = "Chủ tịch UBND tỉnh Hậu Giang Đồng Văn Thanh gặp Trường THPT Chu Văn An."
    spans = [(text.index("UBND"), text.index(" gặp"), "ORGANIZATION"),
             (text.index("Trường"), text.index("."), "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("UBND tỉnh Hậu Giang", "ORGANIZATION"), ("Đồng Văn Thanh", "PERSON"),
        ("Trường THPT Chu Văn An", "ORGANIZATION")]


def test_parliament_and_a_union_give_up_the_names_of_their_officials_after_them():
    from vnpartner.tag.hybrid import tidy

    text = ("Chủ tịch Liên minh Nghị viện Thế giới Xa-bơ Chau-hơ-ry (Saber Chowdhury) và Phó chủ tịch "
            "Quốc hội Tòng Thị Phóng dự lễ tại Học viện Chính trị Quốc gia Hồ Chí Minh.")
    spans = [_span(text, "Liên minh Nghị viện Thế giới Xa-bơ Chau-hơ-ry", "ORGANIZATION"),
             _span(text, "Saber Chowdhury", "PERSON"), _span(text, "Quốc hội Tòng Thị Phóng", "ORGANIZATION"),
             _span(text, "Học viện Chính trị Quốc gia Hồ Chí Minh", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Liên minh Nghị viện Thế giới", "ORGANIZATION"), ("Xa-bơ Chau-hơ-ry", "PERSON"),
        ("Saber Chowdhury", "PERSON"), ("Quốc hội", "ORGANIZATION"), ("Tòng Thị Phóng", "PERSON"),
        ("Học viện Chính trị Quốc gia Hồ Chí Minh", "ORGANIZATION")]
    # a place and a country after a ministry's name are no one's name, a name ending like a country is
    text = "Bộ Tư lệnh Thái Bình Dương Mỹ cho biết; UBND tỉnh Hà Tĩnh Nguyễn Văn Đức nói."
    spans = [_span(text, "Bộ Tư lệnh Thái Bình Dương Mỹ", "ORGANIZATION"),
             _span(text, "UBND tỉnh Hà Tĩnh Nguyễn Văn Đức", "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Bộ Tư lệnh Thái Bình Dương Mỹ", "UBND tỉnh Hà Tĩnh", "Nguyễn Văn Đức"]


def test_tidy_cuts_the_vietnamese_verb_run_on_after_a_foreign_word_but_not_the_name_s_own_words():
    from vnpartner.tag.hybrid import tidy

    text = "Vincom Retail sở hữu, Viện Pasteur và Association in Singapore, bằng do ĐH Lincoln cấp."
    names = ("Vincom Retail sở hữu", "Viện Pasteur", "Association in")
    spans = [(text.index(name), text.index(name) + len(name), "ORGANIZATION") for name in names]
    spans.append((text.index("ĐH"), text.index("ĐH") + 2, "ORGANIZATION"))
    word_ends = {text.index(" cấp"): text.index(" cấp") + 4}  # the segmenter's `Lincoln cấp`
    assert [text[s:e] for s, e, _ in tidy(text, spans, word_ends)] == [
        "Vincom Retail", "Viện Pasteur", "Association in", "ĐH Lincoln"]


def test_sector_words_that_name_no_field_or_no_code_are_dropped():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = ("Hai bên hợp tác trong ngành xây dựng và xây dựng chiến lược chung, cải thiện môi trường đầu tư, "
            "bảo vệ môi trường; nhà phân tích chính trị nói về quan hệ chính trị, cùng phát triển.")
    words = [("xây dựng", 1), ("xây dựng", 2), ("môi trường", 1), ("môi trường", 2), ("chính trị", 1), ("chính trị", 2),
             ("phát triển", 1)]  # no sector code covers `phát triển`
    spans = []
    for word, nth in words:
        at = -1
        for _ in range(nth):
            at = text.index(word, at + 1)
        spans.append((at, at + len(word), "SECTOR"))
    kept = _fields_only(text, spans + [(0, 8, "ORGANIZATION")])
    assert [span for span in kept if span[2] == "SECTOR"] == [spans[0], spans[3], spans[5]]
    assert (0, 8, "ORGANIZATION") in kept


def test_socioeconomic_development_is_no_field_but_the_economy_is():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = "Thành tựu phát triển kinh tế - xã hội, kinh tế-xã hội của tỉnh; hợp tác kinh tế, xã hội học."
    spans = [_span(text, "phát triển kinh tế", "SECTOR"), _span(text, "kinh tế-xã hội", "SECTOR"),
             _span(text, "kinh tế", "SECTOR", text.index("hợp tác"))]
    assert _fields_only(text, spans) == [spans[2]]


def test_workers_the_law_the_press_and_health_are_fields_only_where_fields_are_named():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = ("Việc làm cho 1.300 lao động. Họ vi phạm pháp luật. Báo chí Séc đưa tin. Ông chúc sức khỏe. "
            "Hợp tác về lao động; các lĩnh vực y tế, báo chí và thực thi pháp luật.")
    words = [("lao động", 0), ("pháp luật", 0), ("Báo chí", 0), ("sức khỏe", 0),
             ("lao động", 1), ("y tế", 0), ("báo chí", 0), ("pháp luật", 1)]
    spans = []
    for word, nth in words:
        at = -1
        for _ in range(nth + 1):
            at = text.index(word, at + 1)
        spans.append((at, at + len(word), "SECTOR"))
    assert _fields_only(text, sorted(spans)) == sorted(spans[4:])


def test_moi_truong_as_a_setting_is_no_field():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = ("Hai bên tạo môi trường thuận lợi, duy trì môi trường hòa bình và hợp tác về môi trường, "
            "công nghệ thân thiện với môi trường.")
    starts = [i for i in range(len(text)) if text.startswith("môi trường", i)]
    spans = [(i, i + len("môi trường"), "SECTOR") for i in starts]
    assert _fields_only(text, spans) == [spans[2]]


def test_a_name_loses_the_sentence_or_list_end_mark_the_model_ran_on_to():
    from vnpartner.tag.hybrid import tidy

    text = "Ký với EU./. Nike, Adidas v.v.. và Q. 10 của TP."
    spans = [(text.index("EU"), text.index("/"), "ORGANIZATION"),
             (text.index("Adidas"), text.index(". và"), "ORGANIZATION"),
             (text.index("Q."), text.index("Q.") + 2, "LOCATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["EU", "Adidas", "Q."]


def test_a_secretary_s_title_after_ban_is_the_secretariat_with_the_body_it_serves():
    from vnpartner.tag.hybrid.titles import _secretariats

    text = "Đại diện Ban Thư ký ASEAN, Ban Tổng Thư ký Interpol và Tổng Thư ký Liên hợp quốc dự họp."

    spans = [_span(text, "Ban", "ORGANIZATION"), _span(text, "Thư ký", "TITLE"), _span(text, "ASEAN", "ORGANIZATION"),
             _span(text, "Tổng Thư ký", "TITLE"), _span(text, "Interpol", "ORGANIZATION"),
             _span(text, "Tổng Thư ký", "TITLE", text.index("Interpol")), _span(text, "Liên hợp quốc", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in _secretariats(text, spans)] == [
        ("Ban Thư ký ASEAN", "ORGANIZATION"), ("Ban Tổng Thư ký Interpol", "ORGANIZATION"),
        ("Tổng Thư ký", "TITLE"), ("Liên hợp quốc", "ORGANIZATION")]


def test_a_sector_cut_inside_a_hyphenated_word_takes_the_whole_field():
    from vnpartner.tag.hybrid.fields import _hyphened_fields

    text = "Hợp tác thương mại-đầu tư, khoa học-công nghệ, kinh tế-xã hội và kinh tế - thương mại."

    model = [_span(text, surface, "SECTOR") for surface in ("mại-đầu tư", "học-công nghệ", "kinh tế-xã", "kinh tế -")]
    model.append(_span(text, "thương mại", "SECTOR", text.index("kinh tế -")))
    assert [text[s:e] for s, e, _ in _hyphened_fields(text, model)] == [
        "thương mại-đầu tư", "khoa học-công nghệ", "kinh tế-xã hội", "kinh tế - thương mại"]
    # whole fields and sectors the model did not run on to the hyphen stay as they are
    whole = [_span(text, surface, "SECTOR") for surface in ("thương mại", "đầu tư", "khoa học-công nghệ")]
    assert _hyphened_fields(text, whole) == whole


def test_the_verb_xay_dung_with_its_object_in_the_span_names_the_object_s_field_or_none():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = "Hai nước xây dựng thể chế, xây dựng nông thôn mới và ngành xây dựng công trình."
    spans = [(text.index(name), text.index(name) + len(name), "SECTOR")
             for name in ("xây dựng thể chế", "xây dựng nông thôn", "xây dựng công trình")]
    assert _fields_only(text, spans) == spans[1:]  # the last: the building trade (`ngành`)


def test_a_body_takes_back_the_last_word_the_model_called_an_unknown_place():
    from vnpartner.tag.hybrid import tidy

    text = "Diễn đàn Hợp tác Kinh tế Châu Á Horasis, Bộ Công Thương Hà Nội và Liên bang Đức Brigitte."
    found = [("Diễn đàn Hợp tác Kinh tế Châu Á", "ORGANIZATION"), ("Horasis", "LOCATION"),
             ("Bộ Công Thương", "ORGANIZATION"), ("Hà Nội", "LOCATION"), ("Liên bang", "ORGANIZATION"),
             ("Đức Brigitte", "LOCATION")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Diễn đàn Hợp tác Kinh tế Châu Á Horasis", "ORGANIZATION"), ("Bộ Công Thương", "ORGANIZATION"),
        ("Hà Nội", "LOCATION"), ("Liên bang", "ORGANIZATION"), ("Đức Brigitte", "LOCATION")]


def test_a_body_runs_on_into_a_known_place_right_after_it_but_a_state_prefix_does_not():
    from vnpartner.tag.hybrid.bodies import _bodies_with_their_place

    text = "Cảnh sát biển Việt Nam, CHLB Đức, Bộ Nội vụ tại Hà Nội và UBND tỉnh Dương Tất Thắng."
    found = [("Cảnh sát biển", "ORGANIZATION"), ("Việt Nam", "LOCATION"), ("CHLB", "ORGANIZATION"),
             ("Đức", "LOCATION"), ("Bộ Nội vụ", "ORGANIZATION"), ("Hà Nội", "LOCATION"),
             ("UBND tỉnh", "ORGANIZATION"), ("Dương Tất Thắng", "LOCATION")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    assert [(text[s:e], label) for s, e, label in _bodies_with_their_place(text, spans)] == [
        ("Cảnh sát biển Việt Nam", "ORGANIZATION"), ("CHLB", "ORGANIZATION"), ("Đức", "LOCATION"),
        ("Bộ Nội vụ", "ORGANIZATION"), ("Hà Nội", "LOCATION"), ("UBND tỉnh", "ORGANIZATION"),
        ("Dương Tất Thắng", "LOCATION")]
    text = "Đại sứ quán Mỹ tại Hà Nội và Bộ Nội vụ tại Hà Nội."
    spans = [(0, 14, "ORGANIZATION"), (19, 25, "LOCATION"), (29, 38, "ORGANIZATION"), (43, 49, "LOCATION")]
    assert [text[s:e] for s, e, _ in _bodies_with_their_place(text, spans)] == [
        "Đại sứ quán Mỹ tại Hà Nội", "Bộ Nội vụ", "Hà Nội"]
    # the seat read as a body is still the mission's seat; a body beside a body stays apart
    spans = [(0, 14, "ORGANIZATION"), (19, 25, "ORGANIZATION"), (29, 38, "ORGANIZATION"), (43, 49, "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in _bodies_with_their_place(text, spans)] == [
        "Đại sứ quán Mỹ tại Hà Nội", "Bộ Nội vụ", "Hà Nội"]


def test_a_body_keeps_a_lowercase_the_gioi_that_ends_its_name():
    from vnpartner.tag.hybrid import tidy

    text = "Diễn đàn Kinh tế thế giới họp. Tổ chức Y tế thế giới. Hilton hàng đầu thế giới."
    found = [("Diễn đàn Kinh tế", "ORGANIZATION"), ("Tổ chức Y tế", "ORGANIZATION"), ("Hilton", "ORGANIZATION")]
    spans = [_span(text, name, label) for name, label in found]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Diễn đàn Kinh tế thế giới", "Tổ chức Y tế thế giới", "Hilton"]


def test_a_body_run_on_through_a_verb_into_a_place_is_the_body_and_the_place():
    from vnpartner.tag.hybrid import tidy

    text = "Đoàn Bộ Nội vụ Slovakia thăm Việt Nam. UBND thành phố Đà Nẵng họp."
    spans = [_span(text, "Bộ Nội vụ Slovakia thăm Việt Nam", "ORGANIZATION"),
             _span(text, "UBND thành phố Đà Nẵng", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Bộ Nội vụ Slovakia", "ORGANIZATION"), ("Việt Nam", "LOCATION"), ("UBND thành phố Đà Nẵng", "ORGANIZATION")]


def test_a_ministry_named_for_several_fields_takes_back_the_fields_the_model_cut():
    from vnpartner.tag.hybrid.bodies import _ministries_whole

    text = ("Bộ trưởng Bộ Lao động-Thương binh và Xã hội Đào Ngọc Dung; Bộ Kinh tế, Thương mại và Công nghiệp "
            "Nhật Bản; Bộ Nông nghiệp và Cải tạo nước này; Bộ Ngoại giao, Bộ Tư pháp và Bộ Y tế, Việt Nam.")
    found = [("Bộ trưởng", "TITLE"), ("Bộ Lao động-Thương binh", "ORGANIZATION"), ("Đào Ngọc Dung", "PERSON"),
             ("Bộ Kinh tế", "ORGANIZATION"), ("Thương mại", "SECTOR"), ("Nhật Bản", "LOCATION"),
             ("Bộ Nông nghiệp", "ORGANIZATION"), ("Bộ Ngoại giao", "ORGANIZATION"), ("Bộ Tư pháp", "ORGANIZATION"),
             ("Bộ Y tế", "ORGANIZATION"), ("Việt Nam", "LOCATION")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    assert [text[s:e] for s, e, label in _ministries_whole(text, spans) if label == "ORGANIZATION"] == [
        "Bộ Lao động-Thương binh và Xã hội", "Bộ Kinh tế, Thương mại và Công nghiệp", "Bộ Nông nghiệp và Cải tạo",
        "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Y tế"]
    # the rest of a name the model called a body of its own, but not a body that opens otherwise
    text = "Bộ Ngoại giao và Hợp tác Quốc tế Campuchia, Bộ Công Thương và Samsung Electronics, Bộ Y tế và Diễn đàn Kinh tế."
    names = ["Bộ Ngoại giao", "Hợp tác Quốc tế Campuchia", "Bộ Công Thương", "Samsung Electronics", "Bộ Y tế",
             "Diễn đàn Kinh tế"]
    spans = [(text.index(name), text.index(name) + len(name), "ORGANIZATION") for name in names]
    assert [text[s:e] for s, e, _ in _ministries_whole(text, spans)] == [
        "Bộ Ngoại giao và Hợp tác Quốc tế Campuchia"] + names[2:]
    # other offices named for several fields, but not a body that follows one (`Ban thư ký`)
    # nor a delegation, a party or a front (`Ủy ban Trung ương MTTQ Việt Nam` + `và Đoàn đại biểu`)
    text = ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch; Học viện Báo chí và Tuyên truyền; "
            "Cục Đối ngoại và Ban thư ký; Ủy ban Trung ương MTTQ Việt Nam và Đoàn đại biểu Lào.")
    names = ["Trung tâm Xúc tiến Đầu tư", "Học viện Báo chí", "Cục Đối ngoại", "Ủy ban Trung ương MTTQ Việt Nam"]
    spans = [(text.index(name), text.index(name) + len(name), "ORGANIZATION") for name in names]
    assert [text[s:e] for s, e, _ in _ministries_whole(text, spans)] == [
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "Học viện Báo chí và Tuyên truyền", "Cục Đối ngoại",
        "Ủy ban Trung ương MTTQ Việt Nam"]


def test_tidy_keeps_both_countries_of_a_joint_body():
    from vnpartner.tag.hybrid import tidy

    text = "Hội Hữu nghị Việt Nam – Cuba gặp Bộ Quốc phòng Việt Nam - đơn vị chủ trì."
    society, ministry = text.index("Hội"), text.index("Bộ Quốc")
    spans = [(society, text.index(" – Cuba"), "ORGANIZATION"), (ministry, text.index(" - đơn"), "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Hội Hữu nghị Việt Nam – Cuba", "Bộ Quốc phòng Việt Nam"]


def test_tidy_gives_a_bare_body_type_word_the_name_after_it():
    from vnpartner.tag.hybrid import tidy

    text = "VATC hợp tác với ĐH Zeeland (Hà Lan). Các trường ĐH và CĐ. Tập đoàn đóng tàu Damen. ĐH Yale. Các ĐH"
    spans = [(m.start(), m.end(), "ORGANIZATION") for m in re.finditer(r"ĐH|Tập đoàn", text)]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["ĐH Zeeland", "ĐH Yale"]


def test_tidy_names_a_club_unless_a_person_follows_it():
    from vnpartner.tag.hybrid import tidy

    text = "CLB Al-Ain mời ông. Chủ tịch CLB Trịnh Thanh Tài nói. Các CLB 'CLB Đông Á' và ĐB, LPG."
    spans = [_span(text, "CLB", "ORGANIZATION"), _span(text, "CLB", "ORGANIZATION", 20),
             _span(text, "Trịnh Thanh Tài", "PERSON"), _span(text, "CLB", "ORGANIZATION", text.index("Các")),
             _span(text, "CLB", "ORGANIZATION", text.index("'CLB")), _span(text, "ĐB", "ORGANIZATION"),
             _span(text, "LPG", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("CLB Al-Ain", "ORGANIZATION"), ("Trịnh Thanh Tài", "PERSON"), ("CLB Đông Á", "ORGANIZATION")]


def test_tidy_takes_the_rest_of_a_body_name_the_model_cut():
    from vnpartner.tag.hybrid import tidy

    text = ("Liên đoàn Công nghiệp và Giao thông Vận tải Séc gặp Đại sứ quán Việt Nam tại Cộng hòa Séc. "
            "Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng. Hiệp hội Công nghiệp và Giao thông vận tải. "
            "Hội Xúc tiến mậu dịch quốc tế Trung Quốc. Việt Nam - Uỷ ban châu Âu. Hội Nông dân Việt Nam và Google.")
    cut = [("Liên đoàn Công nghiệp", "ORGANIZATION"), ("Giao thông Vận tải Séc", "ORGANIZATION"),
           ("Đại sứ quán Việt Nam tại", "ORGANIZATION"), ("Bộ Kế hoạch và", "ORGANIZATION"),
           ("Nguyễn Chí Dũng", "PERSON"), ("Hiệp hội Công nghiệp và", "ORGANIZATION"),
           ("Giao thông vận tải", "SECTOR"), ("Hội Xúc tiến mậu dịch", "ORGANIZATION"), ("châu Âu", "ORGANIZATION"),
           ("Hội Nông dân Việt Nam", "ORGANIZATION"), ("Google", "ORGANIZATION")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in cut]
    names = [text[s:e] for s, e, label in tidy(text, spans) if label == "ORGANIZATION"]
    assert names == ["Liên đoàn Công nghiệp và Giao thông Vận tải Séc", "Đại sứ quán Việt Nam tại Cộng hòa Séc",
                     "Bộ Kế hoạch và Đầu tư", "Hiệp hội Công nghiệp và Giao thông vận tải",
                     "Hội Xúc tiến mậu dịch quốc tế Trung Quốc", "Uỷ ban châu Âu", "Hội Nông dân Việt Nam", "Google"]


def test_tidy_joins_a_body_cut_at_a_field_no_sector_code_covers():
    from vnpartner.tag.hybrid import tidy

    text = "Ngân hàng Đầu tư và Phát triển Việt Nam, Bộ Ngoại giao và Hợp tác Quốc tế; Bộ Ngoại giao và Phát Việt."
    cut = ["Ngân hàng Đầu tư", "Phát triển Việt Nam", "Bộ Ngoại giao", "Hợp tác Quốc tế"]
    spans = [_span(text, name, "ORGANIZATION") for name in cut]
    spans += [_span(text, "Bộ Ngoại giao", "ORGANIZATION", text.index(";")), _span(text, "Phát Việt", "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Ngân hàng Đầu tư và Phát triển Việt Nam", "Bộ Ngoại giao và Hợp tác Quốc tế", "Bộ Ngoại giao", "Phát Việt"]


def test_tidy_keeps_instruments_that_open_like_one_and_drops_what_they_ran_on():
    from vnpartner.tag.hybrid import tidy

    text = ("Theo Kyodo, hai bên ký kết Bản ghi nhớ về việc hợp tác, một MOU khác và "
            "Kế hoạch Hành động Bandar Seri Begawan.")
    found = [("Kyodo", "AGREEMENT"), ("Bản ghi nhớ về việc", "AGREEMENT"), ("MOU", "ORGANIZATION"),
             ("Kế hoạch Hành động Bandar", "AGREEMENT")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Bản ghi nhớ", "AGREEMENT"), ("MOU", "AGREEMENT"), ("Kế hoạch Hành động Bandar Seri Begawan", "AGREEMENT")]


def test_a_pattern_instrument_gives_the_model_instrument_its_bounds():
    owned = frozenset({"AGREEMENT", "PERSON"})
    model = [(10, 25, "AGREEMENT"), (40, 50, "AGREEMENT"), (60, 70, "PERSON")]
    pattern = [(10, 21, "AGREEMENT"), (80, 90, "AGREEMENT"), (61, 66, "AGREEMENT")]
    # The model's span takes the pattern's bounds; a pattern instrument the model missed fills a gap,
    # one inside a model name does not.
    assert merge(model, pattern, owned) == [(10, 21, "AGREEMENT"), (40, 50, "AGREEMENT"), (60, 70, "PERSON"),
                                            (80, 90, "AGREEMENT")]
    assert merge(model, pattern, frozenset({"PERSON"})) == [(10, 21, "AGREEMENT"), (60, 70, "PERSON"),
                                                            (80, 90, "AGREEMENT")]


def test_an_acronym_defined_after_an_instrument_is_that_instrument_everywhere():
    text = "Hai nước ký Hiệp định Du lịch ASEAN (T-ASEAN). Việc thực hiện T-ASEAN và ASEAN."
    name = text.index("Hiệp định")
    tagger = HybridTagger(Fixed((name, text.index(" (T-"), "AGREEMENT")), neural_labels=("AGREEMENT",))
    found = [(text[s:e], label) for s, e, label in tagger.tag(text, iter_sentences(text))]
    assert found.count(("T-ASEAN", "AGREEMENT")) == 2
    assert ("Hiệp định Du lịch ASEAN", "AGREEMENT") in found and ("ASEAN", "AGREEMENT") not in found


def test_tidy_gives_a_person_the_name_without_country_or_body_around_it():
    from vnpartner.tag.hybrid import tidy

    text = ("Chủ tịch TQ Tập Cận Bình gặp Tổng thống Trump Cuba, Tổng thống Cộng hòa Séc Milos Zeman "
            "và Ngoại trưởng Nga Sergei Lavrov. PHÓNG VIÊN HÀ THANH GIANG. Chủ tịch CHND Trung Hoa Hồ Cẩm Đào.")
    found = [("TQ Tập Cận Bình", "PERSON"), ("Trump Cuba", "PERSON"), ("Cộng hòa Séc Milos", "LOCATION"),
             ("Zeman", "PERSON"), ("Nga Sergei Lavrov", "PERSON"), ("HÀ THANH GIANG", "PERSON"),
             ("Trung Hoa Hồ Cẩm Đào", "PERSON")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    people = [text[s:e] for s, e, label in tidy(text, spans) if label == "PERSON"]
    assert people == ["Tập Cận Bình", "Trump", "Milos Zeman", "Sergei Lavrov", "HÀ THANH GIANG", "Hồ Cẩm Đào"]


def test_a_two_word_country_before_one_foreign_name_is_no_part_of_it_but_a_vietnamese_one_keeps_it():
    from vnpartner.tag.hybrid import tidy

    text = "Tổng thống Mông Cổ Natsagiin thăm Hà Nội. Chị Hà Lan Anh cho biết."
    spans = [(text.index(name), text.index(name) + len(name), "PERSON") for name in ("Mông Cổ Natsagiin", "Hà Lan Anh")]
    people = [text[s:e] for s, e, label in tidy(text, spans) if label == "PERSON"]
    assert people == ["Natsagiin", "Hà Lan Anh"]


def test_a_place_the_model_tags_elsewhere_is_no_first_name():
    from vnpartner.tag.hybrid import tidy

    text = "Phó Thị trưởng Toronto Mike Feldman tới TPHCM. Phó thị trưởng Toronto Feldman ký. Milan Kundera viết."
    found = [("Toronto", "LOCATION"), ("Mike Feldman", "PERSON"), ("Phó thị trưởng", "TITLE"),
             ("Toronto Feldman", "PERSON"), ("Milan Kundera", "PERSON")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    people = [text[s:e] for s, e, label in tidy(text, spans) if label == "PERSON"]
    assert people == ["Mike Feldman", "Feldman", "Milan Kundera"]  # Milan is no place in this text


def test_an_arabic_article_joined_to_a_capital_stays_in_the_name_but_lowercase_words_do_not():
    from vnpartner.tag.hybrid import tidy

    text = "Tổng thống Bashar al-Assad tiếp ông al-Attiyah và Lê Văn An trao."
    found = [("Bashar al-Assad", "PERSON"), ("al-Attiyah", "PERSON"), ("Lê Văn An trao", "PERSON")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    people = [text[s:e] for s, e, label in tidy(text, spans) if label == "PERSON"]
    assert people == ["Bashar al-Assad", "al-Attiyah", "Lê Văn An"]


def test_a_name_in_vietnamese_syllables_keeps_the_syllables_after_a_hyphen():
    from vnpartner.tag.hybrid import tidy

    text = "Tổng thống V.Pu-tin điện đàm với T.Éc-đô-gan, rồi gặp Trump-Kim Jong-un."
    found = [("V.Pu", "PERSON"), ("T.Éc", "PERSON"), ("Trump", "PERSON")]
    spans = [(text.index(name), text.index(name) + len(name), label) for name, label in found]
    people = [text[s:e] for s, e, label in tidy(text, spans) if label == "PERSON"]
    assert people == ["V.Pu-tin", "T.Éc-đô-gan", "Trump"]  # a capital after the hyphen is another name


def test_tidy_takes_a_place_the_model_called_a_person_for_a_place_but_keeps_the_president():
    from vnpartner.tag.hybrid import tidy

    text = "Chính quyền tỉnh Artemisa dâng hoa Chủ tịch Hồ Chí Minh tại Thành phố Hồ Chí Minh."
    name = len("Hồ Chí Minh")
    spans = [(text.index("Artemisa"), text.index(" dâng"), "PERSON"),
             (text.index("Hồ Chí Minh"), text.index("Hồ Chí Minh") + name, "LOCATION"),
             (text.rindex("Hồ Chí Minh"), text.rindex("Hồ Chí Minh") + name, "PERSON")]
    labelled = [(text[s:e], label) for s, e, label in tidy(text, spans)]
    assert labelled == [("tỉnh Artemisa", "LOCATION"), ("Hồ Chí Minh", "PERSON"),
                        ("Thành phố Hồ Chí Minh", "LOCATION")]


def test_a_sector_word_after_a_head_noun_it_modifies_is_no_field():
    from vnpartner.tag.hybrid.fields import _fields_only

    text = "Nền kinh tế lớn thu hút vốn đầu tư; hai bên hợp tác về kinh tế, đầu tư."
    spans = [(4, 11, "SECTOR"), (text.index("đầu tư"), text.index("đầu tư") + 6, "SECTOR"),
             (text.index("kinh tế,"), text.index("kinh tế,") + 7, "SECTOR"), (text.rindex("đầu tư"), len(text) - 1, "SECTOR")]
    assert _fields_only(text, spans) == spans[2:]
    text = "Các tổ chức tài chính và chuyên gia kinh tế ủng hộ hợp tác tài chính."
    spans = [(text.index("tài chính"), text.index("tài chính") + 9, "SECTOR"),
             (text.index("kinh tế"), text.index("kinh tế") + 7, "SECTOR"),
             (text.rindex("tài chính"), text.rindex("tài chính") + 9, "SECTOR")]
    assert _fields_only(text, spans) == spans[2:]


def test_the_pattern_layers_vietnamese_names_fill_the_models_gaps():
    text = "Tổng bí thư Nông Đức Mạnh tiếp ông Schroeder."
    schroeder = (text.index("Schroeder"), text.index("Schroeder") + len("Schroeder"), "PERSON")
    spans = HybridTagger(Fixed(schroeder)).tag(text, iter_sentences(text))
    people = [text[s:e] for s, e, label in spans if label == "PERSON"]
    assert people == ["Nông Đức Mạnh", "Schroeder"]
    lone = "Thống đốc Ricardo Rodriguez tiếp ông Schroeder."  # a filler never replaces the model's own span
    ricardo = (lone.index("Ricardo"), lone.index(" tiếp"), "ORGANIZATION")
    spans = HybridTagger(Fixed(ricardo)).tag(lone, iter_sentences(lone))
    assert [(lone[s:e], label) for s, e, label in spans if label != "TITLE"] == [
        ("Ricardo Rodriguez", "ORGANIZATION"), ("Schroeder", "PERSON")]


def test_a_name_right_after_a_title_is_a_person_unless_a_place_body_or_compound():
    from vnpartner.tag.hybrid.people import _titled_people

    text = ("Quốc vương Salman, Vua Juan Carlos và Tổng thống Nga gặp Bộ trưởng Tập đoàn Damen, "
            "Giám đốc ASEAN và Thượng nghị sĩ John McCain.")
    titles = [_span(text, t, "TITLE") for t in ("Quốc vương", "Vua", "Tổng thống", "Bộ trưởng", "Giám đốc",
                                                  "Thượng nghị sĩ")]
    spans = sorted(titles + [_span(text, "John McCain", "PERSON")])
    glued = {text.index("Tập") + len("Tập"): text.index("Tập") + len("Tập đoàn")}  # the segmenter's word
    people = [text[s:e] for s, e, label in _titled_people(text, spans, glued) if label == "PERSON"]
    assert people == ["Salman", "Juan Carlos", "John McCain"]


def test_the_pattern_layers_titles_fill_the_models_gaps_but_an_embassy_is_no_title():
    text = "Nhà vua Felipe VI tiếp Đại biện lâm thời Đại sứ quán Ucraina."
    felipe = (text.index("Felipe"), text.index("Felipe") + len("Felipe VI"), "PERSON")
    spans = HybridTagger(Fixed(felipe), neural_labels=("PERSON", "TITLE")).tag(text, iter_sentences(text))
    titles = [text[s:e] for s, e, label in spans if label == "TITLE"]
    assert titles == ["Nhà vua", "Đại biện lâm thời"]


def test_two_parties_joined_by_a_dash_are_two_but_other_dashed_acronyms_stay_whole():
    from vnpartner.tag.hybrid import tidy

    text = "Quan hệ ASEAN-EU, EU-Ai Cập và sở GD-ĐT, kênh BFM-TV. ASEAN và EU họp."
    spans = [(text.index(word), text.index(word) + len(word), "ORGANIZATION")
             for word in ("ASEAN-EU", "EU-Ai Cập", "GD-ĐT", "BFM-TV")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("ASEAN", "ORGANIZATION"), ("EU", "ORGANIZATION"), ("EU", "ORGANIZATION"), ("Ai Cập", "LOCATION"),
        ("GD-ĐT", "ORGANIZATION"), ("BFM-TV", "ORGANIZATION")]


def test_the_party_a_dash_joins_to_a_found_one_is_found_too():
    from vnpartner.tag.hybrid.places import _paired_parties

    text = "Quan hệ Nhật Bản-ASEAN, Nga-Mỹ và châu Á-TBD. Hội nghị ASEAN."
    spans = [(text.index(word), text.index(word) + len(word), "LOCATION") for word in ("Nhật Bản", "Mỹ", "châu Á")]
    assert [(text[s:e], label) for s, e, label in _paired_parties(text, spans)] == [
        ("Nhật Bản", "LOCATION"), ("ASEAN", "ORGANIZATION"), ("Nga", "LOCATION"), ("Mỹ", "LOCATION"),
        ("châu Á", "LOCATION")]


def test_a_state_s_army_named_as_a_body_is_one_organisation():
    from vnpartner.tag.hybrid.bodies import _armies

    text = ("Quân đội Hoàng gia Campuchia gặp Tư lệnh Quân đội Hoàng gia Thống tướng Pol Saroeun; "
            "Báo Quân đội nhân dân đưa tin, quân đội Mỹ vắng mặt.")

    spans = [_span(text, "Campuchia", "LOCATION"), _span(text, "Tư lệnh", "TITLE"),
             _span(text, "Quân đội Hoàng gia Thống tướng", "ORGANIZATION"), _span(text, "Pol Saroeun", "PERSON"),
             _span(text, "Báo Quân đội nhân dân", "ORGANIZATION"), _span(text, "Mỹ", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _armies(text, spans)] == [
        ("Quân đội Hoàng gia Campuchia", "ORGANIZATION"), ("Tư lệnh", "TITLE"),
        ("Quân đội Hoàng gia", "ORGANIZATION"), ("Thống tướng", "TITLE"), ("Pol Saroeun", "PERSON"),
        ("Báo Quân đội nhân dân", "ORGANIZATION"), ("Mỹ", "LOCATION")]


def test_an_airport_or_port_named_for_its_place_is_a_place_with_its_kind_word():
    from vnpartner.tag.hybrid.places import _facilities

    text = "Đến sân bay quốc tế Bắc Kinh, rồi cảng Cam Ranh; tàu sân bay Mỹ thăm cảng Việt Nam và các sân bay Đà Nẵng."
    places = [(text.index(w), text.index(w) + len(w), "LOCATION") for w in ("Bắc Kinh", "Cam Ranh", "Mỹ", "Việt Nam", "Đà Nẵng")]
    assert [text[s:e] for s, e, _ in _facilities(text, places)] == [
        "sân bay quốc tế Bắc Kinh", "cảng Cam Ranh", "Mỹ", "Việt Nam", "Đà Nẵng"]


def test_an_embassy_taken_for_a_title_is_a_body_with_the_country_after_it():
    from vnpartner.tag.hybrid.bodies import _missions

    text = "Nhân viên Đại sứ quán Nga, Lãnh sự quán Mỹ và Đại sứ quán dự; Đại sứ Lào phát biểu."
    second = text.index("Đại sứ quán", 20)
    spans = [_span(text, "Đại sứ quán", "TITLE"), _span(text, "Nga", "ORGANIZATION"), _span(text, "Lãnh sự quán", "TITLE"),
             _span(text, "Đại sứ quán", "TITLE", second), _span(text, "Đại sứ", "TITLE", second + 5)]
    assert [(text[s:e], label) for s, e, label in _missions(text, spans)] == [
        ("Đại sứ quán Nga", "ORGANIZATION"), ("Lãnh sự quán Mỹ", "ORGANIZATION"),
        ("Đại sứ quán", "ORGANIZATION"), ("Đại sứ", "TITLE")]


def test_a_monarch_s_name_keeps_its_regnal_number():
    from vnpartner.tag.hybrid import tidy

    text = "Nhà vua Felipe VI tiếp đoàn. Ông John V. Smith và vua Carlos I."
    spans = [(text.index(name), text.index(name) + len(name), "PERSON") for name in ("Felipe", "John", "Carlos")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Felipe VI", "John", "Carlos"]


def test_a_country_named_in_full_is_one_place_but_a_federal_court_is_not_a_state():
    from vnpartner.tag.hybrid.places import _states

    text = "Nước Cộng hoà Palau, Bộ trưởng Liên bang Đức và tòa án liên bang Mỹ."

    spans = [_span(text, "Palau", "LOCATION"), _span(text, "Bộ trưởng", "TITLE"), _span(text, "Liên bang", "ORGANIZATION"),
             _span(text, "Đức", "LOCATION"), _span(text, "Mỹ", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _states(text, spans)] == [
        ("Cộng hoà Palau", "LOCATION"), ("Bộ trưởng", "TITLE"), ("Liên bang Đức", "LOCATION"), ("Mỹ", "LOCATION")]


def test_a_field_listed_beside_a_found_one_is_a_field_too():
    from vnpartner.tag.hybrid.fields import _listed_fields

    text = "Hợp tác về thương mại, tài chính, hậu cần và du lịch; bàn về hệ thống giao thông và nhà ở xã hội tốt."
    spans = [_span(text, "thương mại", "SECTOR"), _span(text, "tài chính", "SECTOR")]
    assert [text[s:e] for s, e, _ in _listed_fields(text, spans)] == ["thương mại", "tài chính", "hậu cần", "du lịch"]
    assert _listed_fields(text, []) == []


def test_the_news_agency_and_the_groups_of_economies_are_bodies_but_a_summit_is_not():
    from vnpartner.tag.hybrid import tidy
    from vnpartner.tag.hybrid.bodies import _known_bodies

    text = ("Đoàn Hãng thông tấn Tân Hoa xã thăm Báo Nhân Dân. Theo hãng thông tấn Tân Hoa Xã, Hội nghị "
            "Thượng đỉnh G20 và Chương trình Tài chính Toàn diện và G20 họp; model G200 ra mắt.")
    spans = [_span(text, "Hãng thông tấn Tân Hoa", "ORGANIZATION"), _span(text, "Báo Nhân Dân", "ORGANIZATION"),
             _span(text, "thông tấn Tân Hoa Xã", "ORGANIZATION"), _span(text, "Thượng đỉnh", "ORGANIZATION"),
             _span(text, "Chương trình Tài chính Toàn diện và G20", "ORGANIZATION")]
    found = _known_bodies(text, tidy(text, spans))
    assert [text[s:e] for s, e, _ in found] == [
        "Hãng thông tấn Tân Hoa xã", "Báo Nhân Dân", "Tân Hoa Xã", "G20", "Chương trình Tài chính Toàn diện và G20"]
    assert {label for _, _, label in found} == {"ORGANIZATION"}


def test_a_games_a_trade_status_a_board_and_a_field_are_not_bodies():
    from vnpartner.tag.hybrid import tidy

    text = "Đoàn thể thao dự SEA Games 23 và Champions League; quy chế PNTR; HĐQT và Liên đoàn Bóng đá về CNTT."
    spans = [_span(text, name, "ORGANIZATION")
             for name in ("SEA Games 23", "Champions League", "PNTR", "HĐQT", "Liên đoàn Bóng đá", "CNTT")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Liên đoàn Bóng đá", "ORGANIZATION"), ("CNTT", "SECTOR")]


def test_the_full_name_of_the_g20_keeps_its_lowercase_words_before_its_alias():
    from vnpartner.tag.hybrid import tidy

    text = ("Hội nghị Nhóm các nền kinh tế phát triển và mới nổi hàng đầu thế giới (G20). "
            "Hội Nông dân và các hội hàng đầu thế giới họp.")
    spans = [_span(text, "Nhóm các nền kinh tế phát triển và", "ORGANIZATION"), _span(text, "G20", "ORGANIZATION"),
             _span(text, "Hội Nông dân", "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Nhóm các nền kinh tế phát triển và mới nổi hàng đầu thế giới", "G20", "Hội Nông dân"]


def test_a_body_gives_back_the_first_names_of_the_person_it_ran_into():
    from vnpartner.tag.hybrid.people import _bodies_before_people

    text = ("Đại sứ tại Liên Hợp Quốc Nikki Haley, Chủ tịch Tập đoàn Microsoft Bill Gates và ông Bill Gates; "
            "Chủ tịch quỹ KKR Global David Petraeus, Tổng giám đốc Vietnam Airlines Dương Trí Thành, Chủ tịch "
            "Hội đồng Mỹ - ASEAN Matthew Daley, Giám đốc Tập đoàn Puma Energy. Trường Đại học Phenikaa của "
            "Tập đoàn Phenikaa; Phenikaa nói.")
    found = [("Liên Hợp Quốc Nikki", "ORGANIZATION"), ("Haley", "PERSON"),
             ("Tập đoàn Microsoft Bill Gates", "ORGANIZATION"), ("Bill Gates", "PERSON"),
             ("KKR Global", "ORGANIZATION"), ("David Petraeus", "PERSON"),
             ("Vietnam Airlines", "ORGANIZATION"), ("Dương Trí Thành", "PERSON"),
             ("Hội đồng Mỹ - ASEAN", "ORGANIZATION"), ("Matthew Daley", "PERSON"),
             ("Tập đoàn Puma Energy", "ORGANIZATION"), ("Trường Đại học Phenikaa", "ORGANIZATION"),
             ("Tập đoàn Phenikaa", "ORGANIZATION"), ("Phenikaa", "PERSON")]
    spans, after = [], 0
    for name, label in found:
        spans.append(_span(text, name, label, after))
        after = spans[-1][1]
    expected = [("Liên Hợp Quốc", "ORGANIZATION"), ("Nikki Haley", "PERSON"),
                ("Tập đoàn Microsoft", "ORGANIZATION"), ("Bill Gates", "PERSON"), ("Bill Gates", "PERSON")]
    assert [(text[s:e], label) for s, e, label in _bodies_before_people(text, spans)] == expected + found[4:]


def test_a_name_after_ong_or_ba_is_a_person():
    from vnpartner.tag.hybrid.owners import _addressed_people

    text = ("Ông Putin gọi. Theo ông Tấn, bà Dole. Nếu ông L.Aldis và ông ASEAN; người đàn ông Hàn Quốc; "
            "Bà Rịa-Vũng Tàu; ông bà ta.")
    assert [text[s:e] for s, e, label in _addressed_people(text) if label == "PERSON"] == [
        "Putin", "Tấn", "Dole", "L.Aldis"]


def test_a_place_or_body_the_model_found_after_ong_or_ba_is_that_person():
    from vnpartner.tag.hybrid.owners import _addressed_people
    from vnpartner.tag.hybrid.people import _addressed_as_people

    text = "Ông Nelson cho rằng Nelson đúng; bà Mary Smith nói; ông bà Việt Nam; bà Nga và Nga; Bộ Ngoại giao."
    spans = [_span(text, "Nelson", "LOCATION"), _span(text, "Nelson", "ORGANIZATION", 12),
             _span(text, "Mary", "ORGANIZATION"), _span(text, "Việt Nam", "LOCATION"),
             _span(text, "Nga", "LOCATION", text.index("và")), _span(text, "Bộ Ngoại giao", "ORGANIZATION")]
    found = _addressed_as_people(text, spans, _addressed_people(text))
    assert [(text[s:e], label) for s, e, label in found] == [
        ("Nelson", "PERSON"), ("Nelson", "PERSON"), ("Mary", "PERSON"), ("Việt Nam", "LOCATION"),
        ("Nga", "LOCATION"), ("Bộ Ngoại giao", "ORGANIZATION")]


def test_a_foreign_family_name_the_model_took_for_a_place_or_body_is_the_person():
    from vnpartner.tag.hybrid.owners import _addressed_people
    from vnpartner.tag.hybrid.people import _addressed_as_people

    text = ("Chủ tịch Shigenobu Nagamori nói Nagamori; Lượng Bùi Herbalife và Herbalife; "
            "ông Walt Disney của hãng Walt Disney; Vũ Đức và Đức.")
    spans = [_span(text, "Shigenobu Nagamori", "PERSON"), _span(text, "Nagamori", "LOCATION", 30),
             _span(text, "Lượng Bùi Herbalife", "PERSON"), _span(text, "Herbalife", "ORGANIZATION", 60),
             _span(text, "Walt Disney", "PERSON"), _span(text, "Walt Disney", "ORGANIZATION", 85),
             _span(text, "Vũ Đức", "PERSON"), _span(text, "Đức", "LOCATION", text.index("và Đức"))]
    found = _addressed_as_people(text, spans, _addressed_people(text))
    assert [label for _, _, label in found] == [
        "PERSON", "PERSON", "PERSON", "ORGANIZATION", "PERSON", "ORGANIZATION", "PERSON", "LOCATION"]


def test_one_vietnamese_name_cut_in_two_people_is_one_person():
    from vnpartner.tag.hybrid.people import _names_joined

    text = "Bộ trưởng Uông Chu Lưu gặp Tổng thống Duterte Ernesto Abella."
    spans = [_span(text, name, "PERSON") for name in ("Uông", "Chu Lưu", "Duterte", "Ernesto Abella")]
    assert [text[s:e] for s, e, _ in _names_joined(text, spans)] == ["Uông Chu Lưu", "Duterte", "Ernesto Abella"]


def test_a_foreign_name_cut_at_its_particle_is_one_person():
    from vnpartner.tag.hybrid.people import _particle_names

    text = "Thái tử Mohammed bin Salman gặp Bộ trưởng Bộ Công an Tô Lâm."
    spans = [_span(text, "Mohammed bin", "LOCATION"), _span(text, "Salman", "PERSON"),
             _span(text, "Bộ Công an", "ORGANIZATION"), _span(text, "Tô Lâm", "PERSON")]
    assert [(text[s:e], label) for s, e, label in _particle_names(text, spans)] == [
        ("Mohammed bin Salman", "PERSON"), ("Bộ Công an", "ORGANIZATION"), ("Tô Lâm", "PERSON")]


def test_a_foreign_name_goes_on_over_a_middle_initial():
    from vnpartner.tag.hybrid.people import _initialled_names

    text = "Chuẩn Đô đốc Michael J. Haycock gặp ông George W. Bush và Nguyễn Văn A. Ông Tom T. Hà Nội."
    spans = [_span(text, "Michael", "PERSON"), _span(text, "George", "PERSON"), _span(text, "Bush", "LOCATION"),
             _span(text, "Nguyễn Văn A", "PERSON"), _span(text, "Tom", "PERSON")]
    assert [(text[s:e], label) for s, e, label in _initialled_names(text, spans)] == [
        ("Michael J. Haycock", "PERSON"), ("George W. Bush", "PERSON"), ("Nguyễn Văn A", "PERSON"), ("Tom", "PERSON")]


def test_a_paper_named_in_english_is_one_body():
    from vnpartner.tag.hybrid.bodies import _newspapers

    text = "Theo tờ New York Times và The Japan Times, Bloomberg News viết. Mỹ. Theo Washington Post, Hà Nội News."
    spans = [_span(text, "New York", "LOCATION"), _span(text, "Times", "ORGANIZATION"), _span(text, "Japan", "LOCATION"),
             _span(text, "Bloomberg News", "PERSON"), _span(text, "Mỹ", "LOCATION"), _span(text, "Hà Nội", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _newspapers(text, spans)] == [
        ("New York Times", "ORGANIZATION"), ("The Japan Times", "ORGANIZATION"), ("Bloomberg News", "ORGANIZATION"),
        ("Mỹ", "LOCATION"), ("Washington Post", "ORGANIZATION"), ("Hà Nội", "LOCATION")]
    text = "Tờ Hong Kong Economic Journal, MC Fox News, Minh PhươngTheo ABC News."
    assert [text[s:e] for s, e, _ in _newspapers(text, [])] == ["Hong Kong Economic Journal", "Fox News", "ABC News"]


def test_a_title_cut_at_and_goes_on_over_the_field_before_a_person():
    from vnpartner.tag.hybrid.titles import _titles_through_and

    text = "Bộ trưởng Kế hoạch và Đầu tư Nguyễn Chí Dũng, Bộ trưởng Công Thương và Đầu tư nước ngoài, Cục trưởng và"
    spans = [_span(text, "Bộ trưởng Kế hoạch", "TITLE"), _span(text, "Đầu tư", "SECTOR"),
             _span(text, "Nguyễn Chí Dũng", "PERSON"), _span(text, "Bộ trưởng Công Thương", "TITLE"),
             _span(text, "Đầu tư", "SECTOR", after=40), _span(text, "Cục trưởng và", "TITLE")]
    assert [(text[s:e], label) for s, e, label in _titles_through_and(text, spans)] == [
        ("Bộ trưởng Kế hoạch và Đầu tư", "TITLE"), ("Nguyễn Chí Dũng", "PERSON"), ("Bộ trưởng Công Thương", "TITLE"),
        ("Đầu tư", "SECTOR"), ("Cục trưởng", "TITLE")]


def test_a_body_run_on_over_its_official_after_the_country_is_the_body_and_the_person():
    from vnpartner.tag.hybrid.people import _people_after_countries

    text = ("Bộ Ngoại giao Mỹ Richard Boucher; Bộ Ngoại giao Trung Quốc Hồng Lỗi; Ngân hàng Việt Nam Thịnh Vượng; "
            "Tập đoàn Hàn Quốc Lotte Group; U23 Thái Lan Chanathip Songkrasin.")
    names = ["Bộ Ngoại giao Mỹ Richard Boucher", "Bộ Ngoại giao Trung Quốc Hồng Lỗi", "Ngân hàng Việt Nam Thịnh Vượng",
             "Tập đoàn Hàn Quốc Lotte Group", "U23 Thái Lan Chanathip Songkrasin"]
    spans = [_span(text, name, "ORGANIZATION") for name in names]
    assert [(text[s:e], label) for s, e, label in _people_after_countries(text, spans)] == [
        ("Bộ Ngoại giao Mỹ", "ORGANIZATION"), ("Richard Boucher", "PERSON"),
        ("Bộ Ngoại giao Trung Quốc", "ORGANIZATION"), ("Hồng Lỗi", "PERSON"),
        ("Ngân hàng Việt Nam Thịnh Vượng", "ORGANIZATION"), ("Tập đoàn Hàn Quốc Lotte Group", "ORGANIZATION"),
        ("U23 Thái Lan", "ORGANIZATION"), ("Chanathip Songkrasin", "PERSON")]


def test_excellency_is_no_part_of_a_name():
    from vnpartner.tag.hybrid import tidy

    text = "Quốc hội Belarus Ngài V. Andreichenko. Chúc mừng Ngài Vladimir Andreichenko."
    spans = [_span(text, "Quốc hội Belarus Ngài", "ORGANIZATION"), _span(text, "Ngài Vladimir Andreichenko", "PERSON")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Quốc hội Belarus", "ORGANIZATION"), ("Vladimir Andreichenko", "PERSON")]


def test_samdech_techo_is_an_honorific_not_a_name_nor_part_of_one():
    from vnpartner.tag.hybrid import tidy

    text = "Thủ tướng Campuchia Samdech Techo Hun Sen và Thủ tướng Campuchia Samdech Hun Sen."
    spans = [_span(text, "Campuchia", "LOCATION"), _span(text, "Samdech Techo", "PERSON"), _span(text, "Hun Sen", "PERSON"),
             _span(text, "Campuchia Samdech", "LOCATION", 50), _span(text, "Samdech Hun Sen", "PERSON")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Campuchia", "LOCATION"), ("Hun Sen", "PERSON"), ("Campuchia", "LOCATION"), ("Hun Sen", "PERSON")]


def test_a_persons_name_holds_no_capitalised_ong_or_ba_nor_a_word_run_on_from_the_next_sentence():
    from vnpartner.tag.hybrid import tidy

    text = ("Bí thư Nguyễn Thiện Nhân Ông Nhân sống ở quận Hai Bà Trưng. Ông Tập Cận Bình nói. "
            "Tổng thống Donald Trump Tiếp đó, Joseph Nguyễn và Moon Jae In đến. Chủ tịch TQ Tập nói. Samdech Hun Sen. "
            "Ca sĩ Elvis Phương.")
    spans = [_span(text, "Nguyễn Thiện Nhân Ông", "PERSON"), _span(text, "quận Hai Bà Trưng", "LOCATION"),
             _span(text, "Ông Tập Cận Bình", "PERSON"), _span(text, "Donald Trump Tiếp", "PERSON"),
             _span(text, "Joseph Nguyễn", "PERSON"), _span(text, "Moon Jae In", "PERSON"),
             _span(text, "TQ Tập", "PERSON"), _span(text, "Samdech Hun Sen", "PERSON"),
             _span(text, "Elvis Phương", "PERSON")]
    found = [text[s:e] for s, e, _ in tidy(text, spans)]
    assert found[-2:] == ["Hun Sen", "Elvis Phương"]
    assert found[:6] == [
        "Nguyễn Thiện Nhân", "quận Hai Bà Trưng", "Tập Cận Bình", "Donald Trump", "Joseph Nguyễn", "Moon Jae In"]
    assert "TQ" not in found  # an acronym is no foreign name


def test_the_model_keeps_its_own_span_where_an_addressed_name_would_overlap(tmp_path):
    found = merge([(4, 13, "LOCATION")], [], OWNED, [(4, 7, "PERSON"), (20, 25, "PERSON")])
    assert found == [(4, 13, "LOCATION"), (20, 25, "PERSON")]


def test_a_body_named_elsewhere_gives_back_the_full_name_after_it():
    from vnpartner.tag.hybrid.people import _bodies_before_people

    text = ("Thủ tướng tiếp Tập đoàn Nidec và Công ty LG. Chủ tịch Tập đoàn Nidec Shigenobu Nagamori, nhân viên "
            "Công ty LG Vina Cosmetics và Vina Cosmetics; Công ty LG Electronics America.")
    names = ["Tập đoàn Nidec", "Công ty LG", "Tập đoàn Nidec Shigenobu Nagamori", "Công ty LG Vina Cosmetics",
             "Vina Cosmetics", "Công ty LG Electronics America"]
    spans, after = [], 0
    for name in names:
        spans.append(_span(text, name, "ORGANIZATION", after))
        after = spans[-1][1]
    found = [(text[s:e], label) for s, e, label in _bodies_before_people(text, spans)]
    assert ("Tập đoàn Nidec", "ORGANIZATION") in found[2:] and ("Shigenobu Nagamori", "PERSON") in found
    assert [name for name, _ in found[4:]] == [
        "Công ty LG Vina Cosmetics", "Vina Cosmetics", "Công ty LG Electronics America"]


def test_the_agriculture_ministry_keeps_the_lowercase_end_of_its_name():
    from vnpartner.tag.hybrid.bodies import _known_bodies

    text = ("Bộ Nông nghiệp và Phát triển nông thôn và Sở Nông nghiệp & Phát triển Nông thôn họp với "
            "Liên minh Kinh tế Á - Âu về Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu; "
            "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương (APEC).")
    spans = [_span(text, "Bộ Nông nghiệp và Phát triển", "ORGANIZATION"),
             _span(text, "Liên minh Kinh tế Á", "ORGANIZATION"),
             _span(text, "Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu", "AGREEMENT")]
    assert [text[s:e] for s, e, _ in _known_bodies(text, spans)] == [
        "Bộ Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp & Phát triển Nông thôn", "Liên minh Kinh tế Á - Âu",
        "Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu", "Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương"]


def test_the_united_nations_is_a_body_wherever_it_is_named():
    from vnpartner.tag.hybrid.bodies import _known_bodies

    text = ("Tổng Thư ký Liên Hợp Quốc Antonio Guterres; Tổng thư ký Liên hợp quốc nói; Hội đồng Bảo An Liên Hợp Quốc "
            "họp; Chương trình Phát triển Liên hợp quốc; Ủy ban Nhân quyền Liên hiệp quốc.")
    spans = [_span(text, "Tổng Thư ký", "TITLE"), _span(text, "Liên Hợp Quốc Antonio Guterres", "PERSON"),
             _span(text, "Tổng thư ký Liên hợp quốc", "TITLE"),
             _span(text, "Chương trình Phát triển Liên hợp quốc", "ORGANIZATION"),
             _span(text, "Ủy ban Nhân quyền", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in _known_bodies(text, spans)] == [
        ("Tổng Thư ký", "TITLE"), ("Liên Hợp Quốc", "ORGANIZATION"), ("Antonio Guterres", "PERSON"),
        ("Tổng thư ký", "TITLE"), ("Liên hợp quốc", "ORGANIZATION"), ("Hội đồng Bảo An Liên Hợp Quốc", "ORGANIZATION"),
        ("Chương trình Phát triển Liên hợp quốc", "ORGANIZATION"), ("Ủy ban Nhân quyền Liên hiệp quốc", "ORGANIZATION")]
    dashed = "Quan hệ Việt Nam-Liên Hợp Quốc."  # the second of a dashed pair
    assert [dashed[s:e] for s, e, _ in _known_bodies(dashed, [_span(dashed, "Nam-Liên Hợp Quốc", "PERSON")])] == [
        "Liên Hợp Quốc"]


def test_a_body_cut_short_takes_the_whole_name_the_article_gives_it_elsewhere():
    from vnpartner.tag.hybrid.bodies import _bodies_named_whole

    text = ("Việt Nam và Liên minh Kinh tế Á - Âu ký kết. Liên minh Kinh tế Á - Âu và Công ty LG Vina Cosmetics; "
            "Công ty LG Vina Cosmetics và ông Lâm, Bộ Lao động - Thương binh. Bộ Lao động - nói.")
    found = [("Việt Nam", "LOCATION", 0), ("Liên minh Kinh tế Á - Âu", "ORGANIZATION", 0),
             ("Liên minh Kinh tế Á", "ORGANIZATION", 1), ("Công ty LG Vina Cosmetics", "ORGANIZATION", 0),
             ("Công ty LG", "ORGANIZATION", 1), ("Vina Cosmetics", "ORGANIZATION", 1), ("Lâm", "PERSON", 0),
             ("Bộ Lao động", "ORGANIZATION", 0), ("Bộ Lao động -", "ORGANIZATION", 1)]
    spans = sorted(_nth_span(text, name, label, nth) for name, label, nth in found)
    assert [text[s:e] for s, e, _ in _bodies_named_whole(text, spans)] == [
        "Việt Nam", "Liên minh Kinh tế Á - Âu", "Liên minh Kinh tế Á - Âu", "Công ty LG Vina Cosmetics",
        "Công ty LG Vina Cosmetics", "Lâm", "Bộ Lao động", "Bộ Lao động -"]


def _nth_span(text, surface, label, nth):
    """``(start, end, label)`` of occurrence ``nth`` (from 0) of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return (start, start + len(surface), label)


def test_a_level_of_partnership_is_no_body():
    from vnpartner.tag.hybrid import tidy

    text = "Quan hệ Đối tác Toàn diện và Đối tác chiến lược của Hội Đối tác Việt Nam."
    spans = [_span(text, "Đối tác Toàn diện", "ORGANIZATION"), _span(text, "Đối tác chiến lược", "ORGANIZATION"),
             _span(text, "Hội Đối tác Việt Nam", "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Hội Đối tác Việt Nam"]


def test_a_place_cut_at_a_glued_dot_takes_the_rest_where_the_gazetteer_knows_the_whole():
    from vnpartner.tag.hybrid.places import _places_over_dots

    text = "Đoàn đến thành phố St.Petersburg, rồi Hà Nội.Sáng nay họp, và St.Xyz."
    spans = [_span(text, "thành phố St", "LOCATION"), _span(text, "Petersburg", "LOCATION"),
             _span(text, "Hà Nội", "LOCATION"), _span(text, "St", "LOCATION", text.index("Xyz") - 3)]
    assert [(text[s:e], label) for s, e, label in _places_over_dots(text, spans)] == [
        ("thành phố St.Petersburg", "LOCATION"), ("Hà Nội", "LOCATION"), ("St", "LOCATION")]


def test_a_span_loses_the_zero_width_characters_at_its_ends_and_a_dash_it_opens_with():
    from vnpartner.tag.hybrid import tidy

    text = "Ông Heng Samrin\u200b và \u200b\u200b đến châu Á – Thái Bình Dương."
    spans = [(4, text.index(" và"), "PERSON"), (text.index("\u200b\u200b"), text.index(" đến"), "PERSON"),
             (text.index("– Thái"), text.index("."), "LOCATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Heng Samrin", "PERSON"), ("Thái Bình Dương", "LOCATION")]


def test_a_country_between_a_title_and_a_person_is_a_place_where_no_span_covers_it():
    from vnpartner.tag.hybrid.places import _countries_between_titles_and_people

    text = ("Bộ trưởng Tài chính Mỹ Steve Mnuchin, Bộ trưởng của Mỹ John Doe và Tổng thống Tân Hoa Nam gặp nhau. "
            "NSƯT Việt Anh hát.")
    spans = [_span(text, "Bộ trưởng Tài chính", "TITLE"), _span(text, "Steve Mnuchin", "PERSON"),
             _span(text, "Bộ trưởng", "TITLE", 30), _span(text, "John Doe", "PERSON"),
             _span(text, "Tổng thống", "TITLE"), _span(text, "Hoa Nam", "PERSON"), _span(text, "NSƯT", "TITLE"),
             _span(text, "Anh", "PERSON", text.index("Việt Anh"))]
    found = [(text[s:e], label) for s, e, label in _countries_between_titles_and_people(text, spans)]
    assert found[:3] == [("Bộ trưởng Tài chính", "TITLE"), ("Mỹ", "LOCATION"), ("Steve Mnuchin", "PERSON")]
    assert ("Mỹ", "LOCATION") not in found[3:] and ("Việt", "LOCATION") not in found and len(found) == 9


def test_a_day_in_figures_after_a_time_word_is_a_date_where_the_model_found_nothing():
    from vnpartner.tag.hybrid.owners import _days_missed

    text = "Hôm 10/5, ông Trump gặp ông Lavrov; 2/3 số nước, ngày 11/5 và chiều năm sau."
    rules = [_span(text, "10/5", "DATE"), _span(text, "2/3", "DATE"), _span(text, "11/5", "DATE"),
             _span(text, "năm sau", "DATE")]
    neural = [_span(text, "Trump", "PERSON"), _span(text, "ngày 11/5", "DATE")]
    assert [text[s:e] for s, e, _ in _days_missed(text, neural, rules)] == ["10/5", "Trump", "ngày 11/5"]


def test_a_place_that_is_a_syllable_of_a_common_word_ends_no_name():
    from vnpartner.tag.hybrid import tidy

    text = "Tổng Liên đoàn Lao động Việt Nam và Bộ Nội vụ Slovakia thăm Việt Nam."
    spans = [_span(text, "Tổng Liên đoàn Lao động Việt Nam", "ORGANIZATION"),
             _span(text, "Bộ Nội vụ Slovakia thăm Việt Nam", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("Tổng Liên đoàn Lao động Việt Nam", "ORGANIZATION"), ("Bộ Nội vụ Slovakia", "ORGANIZATION"),
        ("Việt Nam", "LOCATION")]


def test_an_unknown_foreign_word_before_a_foreign_person_is_their_first_name():
    from vnpartner.tag.hybrid.people import _first_names_joined

    text = "Quốc vụ khanh Thamer Al-Sabhan tới Liban; đại diện Jordan Abdullah và Mỹ John Kerry."
    spans = [_span(text, "Thamer", "LOCATION"), _span(text, "Al-Sabhan", "PERSON"), _span(text, "Liban", "LOCATION"),
             _span(text, "Jordan", "LOCATION"), _span(text, "Abdullah", "PERSON"), _span(text, "Mỹ", "LOCATION"),
             _span(text, "John Kerry", "PERSON")]
    assert [text[s:e] for s, e, _ in _first_names_joined(text, spans)] == [
        "Thamer Al-Sabhan", "Liban", "Jordan", "Abdullah", "Mỹ", "John Kerry"]


def test_a_body_cut_at_the_dash_of_a_place_takes_the_rest_of_the_place():
    from vnpartner.tag.hybrid.places import _bodies_over_dashed_places

    text = "Diễn đàn Hợp tác kinh tế Châu Á – Thái Bình Dương và Tập đoàn Việt Nam - Lào hợp tác."
    spans = [_span(text, "Diễn đàn Hợp tác kinh tế Châu Á", "ORGANIZATION"),
             _span(text, "– Thái Bình Dương", "LOCATION"), _span(text, "Tập đoàn Việt Nam", "ORGANIZATION"),
             _span(text, "Lào", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _bodies_over_dashed_places(text, spans)] == [
        ("Diễn đàn Hợp tác kinh tế Châu Á – Thái Bình Dương", "ORGANIZATION"),
        ("Tập đoàn Việt Nam", "ORGANIZATION"), ("Lào", "LOCATION")]


def test_terms_that_always_name_a_field_fill_the_models_gaps_as_sectors():
    from vnpartner.tag.hybrid.owners import _sure_fields

    text = "Hai nước hợp tác chống khủng bố, xuất khẩu nông sản và cải cách TTHC; Thủy sản tăng. Bản tin tthc."
    found = [text[s:e] for s, e, label in _sure_fields(text) if label == "SECTOR"]
    assert found == ["chống khủng bố", "nông sản", "TTHC", "Thủy sản"]  # the acronym only in capitals
    assert merge([(0, 8, "LOCATION")], [], frozenset({"SECTOR", "LOCATION"}), _sure_fields(text))[1][2] == "SECTOR"


def test_a_state_named_in_full_is_a_place_and_a_body_runs_on_over_nuoc_and_its_state():
    from vnpartner.tag.hybrid.places import _bodies_of_named_states, _states_read_as_bodies

    text = "Thủ tướng Chính phủ Cộng hòa Dân chủ Nhân dân Lào và Bộ Giáo dục nước Cộng hoà Nhân dân Trung Hoa, Bộ Y tế nước này."
    spans = [_span(text, "Thủ tướng Chính phủ", "TITLE"), _span(text, "Cộng hòa Dân chủ Nhân dân Lào", "ORGANIZATION"),
             _span(text, "Bộ Giáo dục", "ORGANIZATION"), _span(text, "Cộng hoà Nhân dân Trung Hoa", "LOCATION"),
             _span(text, "Bộ Y tế", "ORGANIZATION")]
    assert [(text[s:e], label) for s, e, label in _bodies_of_named_states(text, _states_read_as_bodies(text, spans))] == [
        ("Thủ tướng Chính phủ", "TITLE"), ("Cộng hòa Dân chủ Nhân dân Lào", "LOCATION"),
        ("Bộ Giáo dục nước Cộng hoà Nhân dân Trung Hoa", "ORGANIZATION"), ("Bộ Y tế", "ORGANIZATION")]


def test_a_title_leaves_the_nuoc_after_it_but_the_head_of_state_and_water_resources_keep_theirs():
    from vnpartner.tag.hybrid.titles import _titles_before_nuoc

    text = ("Thủ tướng Chính phủ nước Lào, Chủ tịch nước Tập Cận Bình, Thống đốc Ngân hàng Nhà nước, "
            "Bộ trưởng Nông nghiệp và Tài nguyên nước Úc và Đại sứ nước này.")
    spans = [_span(text, "Thủ tướng Chính phủ nước", "TITLE"), _span(text, "Chủ tịch nước", "TITLE"),
             _span(text, "Thống đốc Ngân hàng Nhà nước", "TITLE"), _span(text, "Bộ trưởng Nông nghiệp và Tài nguyên", "TITLE"),
             (text.index("nước Úc"), text.index("nước Úc") + 4, "TITLE"), _span(text, "Đại sứ", "TITLE"),
             (text.index("nước này"), text.index("nước này") + 4, "TITLE")]
    assert [text[s:e] for s, e, _ in _titles_before_nuoc(text, spans)] == [
        "Thủ tướng Chính phủ", "Chủ tịch nước", "Thống đốc Ngân hàng Nhà nước",
        "Bộ trưởng Nông nghiệp và Tài nguyên nước", "Đại sứ"]


def test_a_leaders_office_is_one_body_or_a_venue_but_a_title_naming_it_stays():
    from vnpartner.tag.hybrid.titles import _offices_of_leaders

    text = "Văn phòng Tổng thống Hàn Quốc nói. Ông Abe tại Phủ Tổng thống ở Seoul. Văn phòng Thủ tướng May nói. " \
           "Chủ nhiệm Văn phòng Chủ tịch nước nói."
    spans = [_span(text, "Văn phòng", "ORGANIZATION"), _span(text, "Tổng thống", "TITLE"), _span(text, "Hàn Quốc", "LOCATION"),
             _span(text, "Phủ", "LOCATION"), _span(text, "Tổng thống", "TITLE", text.index("Phủ")),
             _span(text, "Văn phòng Thủ tướng", "TITLE"), _span(text, "Chủ nhiệm Văn phòng Chủ tịch nước", "TITLE")]
    assert [(text[s:e], label) for s, e, label in _offices_of_leaders(text, sorted(spans))] == [
        ("Văn phòng Tổng thống", "ORGANIZATION"), ("Hàn Quốc", "LOCATION"), ("Phủ Tổng thống", "LOCATION"),
        ("Văn phòng Thủ tướng", "ORGANIZATION"), ("Chủ nhiệm Văn phòng Chủ tịch nước", "TITLE")]


def test_a_ministers_title_takes_the_second_field_of_the_ministry_but_not_a_sentence_about_fields():
    from vnpartner.tag.hybrid.titles import _ministers_of_two_fields

    text = "Bộ trưởng Kinh tế và Năng lượng Đức tới. Bộ trưởng Bưu chính và Viễn thông Lào nói. " \
           "Bộ trưởng Lavrov nói về kinh tế và du lịch."
    spans = [_span(text, "Bộ trưởng Kinh tế", "TITLE"), _span(text, "Năng lượng", "SECTOR"), _span(text, "Đức", "LOCATION"),
             _span(text, "Bộ trưởng", "TITLE", 30), _span(text, "Viễn thông Lào", "ORGANIZATION"),
             _span(text, "Bộ trưởng", "TITLE", 70), _span(text, "Lavrov", "PERSON"), _span(text, "du lịch", "SECTOR")]
    assert [(text[s:e], label) for s, e, label in _ministers_of_two_fields(text, sorted(spans))] == [
        ("Bộ trưởng Kinh tế và Năng lượng", "TITLE"), ("Đức", "LOCATION"), ("Bộ trưởng Bưu chính và Viễn thông", "TITLE"),
        ("Lào", "LOCATION"), ("Bộ trưởng", "TITLE"), ("Lavrov", "PERSON"), ("du lịch", "SECTOR")]


def test_a_persons_name_sheds_a_glued_word_and_a_captions_verb_but_mccain_stays_whole():
    from vnpartner.tag.hybrid.people import _people_unglued

    text = ("Bộ trưởng Trung QuốcNgụy Phượng Hòa, ông Nguyễn Văn TámPhó, ông John McCain. "
            "Thủ tướng Nguyễn Xuân Phúc Tiếp Phó Chủ tịch. Thủ tướng Nguyễn Xuân Phúc nói.")
    spans = [_span(text, name, "PERSON") for name in (
        "Trung QuốcNgụy Phượng Hòa", "Nguyễn Văn TámPhó", "John McCain", "Nguyễn Xuân Phúc Tiếp")]
    spans.append(_span(text, "Nguyễn Xuân Phúc", "PERSON", text.index("Phúc nói") - 12))
    assert [text[s:e] for s, e, _ in _people_unglued(text, sorted(spans))] == [
        "Ngụy Phượng Hòa", "Nguyễn Văn Tám", "John McCain", "Nguyễn Xuân Phúc", "Nguyễn Xuân Phúc"]
    # a caption with no full stop, run on into the next sentence's first word; a name's own last word stays
    text = "Chủ tịch Tập Cận Bình Thông tin trên được đưa ra. Ông Tập Cận Bình nói; ông Tập Cận Bình Minh đến."
    spans = [_span(text, "Tập Cận Bình Thông", "PERSON"), _span(text, "Tập Cận Bình", "PERSON", text.index("Ông T")),
             _span(text, "Tập Cận Bình Minh", "PERSON")]
    assert [text[s:e] for s, e, _ in _people_unglued(text, sorted(spans))] == [
        "Tập Cận Bình", "Tập Cận Bình", "Tập Cận Bình Minh"]


def test_a_body_or_a_city_read_as_a_title_on_its_own_is_no_title():
    from vnpartner.tag.hybrid.bodies import _completed

    text = "Ông Nguyễn Huy Cận, Chủ tịch LĐLĐ TP, và ông Dương Thanh Tân - Thường vụ Tỉnh ủy."
    spans = [_span(text, "Nguyễn Huy Cận", "PERSON"), _span(text, "Chủ tịch", "TITLE"), _span(text, "LĐLĐ", "ORGANIZATION"),
             _span(text, "TP", "TITLE"), _span(text, "Dương Thanh Tân", "PERSON"), _span(text, "Tỉnh ủy", "TITLE")]
    assert [text[s:e] for s, e, label in _completed(text, spans) if label == "TITLE"] == ["Chủ tịch"]


def test_a_body_spelt_by_its_bracketed_acronym_is_one_body_but_a_country_stays_a_place():
    from vnpartner.tag.hybrid.bodies import _bodies_spelt_by_their_acronym

    text = "General Electric (GE) ký hợp đồng; Asian Development Bank (ADB) họp; Trung Quốc (TQ) nói."
    spans = [_span(text, "General", "PERSON"), _span(text, "Electric", "ORGANIZATION"), _span(text, "GE", "ORGANIZATION"),
             _span(text, "Asian Development Bank", "PERSON"), _span(text, "ADB", "ORGANIZATION"),
             _span(text, "Trung Quốc", "LOCATION"), _span(text, "TQ", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _bodies_spelt_by_their_acronym(text, sorted(spans))] == [
        ("General Electric", "ORGANIZATION"), ("GE", "ORGANIZATION"), ("Asian Development Bank", "ORGANIZATION"),
        ("ADB", "ORGANIZATION"), ("Trung Quốc", "LOCATION"), ("TQ", "LOCATION")]


def test_a_company_type_word_and_a_country_is_the_country():
    from vnpartner.tag.hybrid.bodies import _countries_of_unnamed_companies

    text = "Tập đoàn Hà Lan muốn đầu tư; Tập đoàn Puma Energy và Công ty Nhật Bản Mitsui."
    spans = [(text.index(name), text.index(name) + len(name), "ORGANIZATION")
             for name in ("Tập đoàn Hà Lan", "Tập đoàn Puma Energy", "Công ty Nhật Bản Mitsui")]
    assert [(text[s:e], label) for s, e, label in _countries_of_unnamed_companies(text, spans)] == [
        ("Hà Lan", "LOCATION"), ("Tập đoàn Puma Energy", "ORGANIZATION"), ("Công ty Nhật Bản Mitsui", "ORGANIZATION")]


def test_tidy_ends_a_name_before_the_full_stop_and_reads_an_initialled_transliteration_as_a_person():
    from vnpartner.tag.hybrid import tidy

    text = "Ông hội kiến Thủ tướng A. Cô-bi-a-cốp. Bà Hoàng Thị N. và A. Cô-bi-a-cốp gặp chị Tr."
    first = text.index("A. Cô-bi-a-cốp.")
    second = text.index("A. Cô-bi-a-cốp gặp")
    spans = [(first, first + len("A. Cô-bi-a-cốp."), "PERSON"),
             (text.index("Hoàng Thị N."), text.index("Hoàng Thị N.") + len("Hoàng Thị N."), "PERSON"),
             (second, second + len("A. Cô-bi-a-cốp"), "LOCATION"), (len(text) - 3, len(text), "PERSON")]
    assert [(text[s:e], label) for s, e, label in tidy(text, spans)] == [
        ("A. Cô-bi-a-cốp", "PERSON"), ("Hoàng Thị N.", "PERSON"), ("A. Cô-bi-a-cốp", "PERSON"), ("Tr.", "PERSON")]


def test_tidy_drops_a_dash_or_comma_after_a_name_joins_at_an_ampersand_and_splits_two_bodies_at_a_dash():
    from vnpartner.tag.hybrid import tidy

    text = ("Hội Nông dân - Hội Phụ nữ; SOM Hiệp hội các quốc gia Đông Nam Á-Liên minh châu Âu; "
            "Trường Đại học Việt-Đức; Bộ Công an, Y tế, VH-TT&DL.")
    names = ["Hội Nông dân -", "Hiệp hội các quốc gia Đông Nam Á-Liên minh châu Âu", "Trường Đại học Việt-Đức",
             "Bộ Công an,", "VH-TT", "DL"]
    spans = [(text.index(name), text.index(name) + len(name), "ORGANIZATION") for name in names]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Hội Nông dân", "Hiệp hội các quốc gia Đông Nam Á", "Liên minh châu Âu", "Trường Đại học Việt-Đức",
        "Bộ Công an", "VH-TT&DL"]


def test_tidy_takes_a_company_s_spelt_out_type_and_its_name_and_drops_the_type_alone():
    from vnpartner.tag.hybrid import tidy

    text = "Công ty Trách nhiệm hữu hạn Nhã Khắc Lâm và Công ty Trách nhiệm hữu hạn MTV Gano Excel Việt Nam."
    spans = [(0, len("Công ty Trách nhiệm"), "ORGANIZATION"),
             (text.index("Công ty Trách nhiệm hữu hạn MTV"), text.index("Công ty Trách nhiệm hữu hạn MTV") + 27,
              "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == [
        "Công ty Trách nhiệm hữu hạn Nhã Khắc Lâm", "Công ty Trách nhiệm hữu hạn MTV Gano Excel Việt Nam"]
    text = "Đó là Công ty Trách nhiệm hữu hạn của ông."
    start = text.index("Công ty")
    assert tidy(text, [(start, start + len("Công ty Trách nhiệm"), "ORGANIZATION")]) == []


def test_the_pattern_layer_s_place_and_official_after_a_title_replace_the_model_s_other_bounds():
    from vnpartner.tag.hybrid.owners import _officials_after_their_place

    text = "Tỉnh trưởng Phúc Kiến Vu Vỹ Quốc và Bí thư Tỉnh ủy Quảng Tây Bành Thanh Hoa; Ngân hàng Việt Nam Thịnh Vượng."
    found = [_span(text, "Tỉnh trưởng", "TITLE"), _span(text, "Phúc Kiến Vu Vỹ Quốc", "PERSON"),
             _span(text, "Bí thư", "TITLE"), _span(text, "Tỉnh ủy Quảng Tây Bành", "ORGANIZATION"),
             _span(text, "Thanh Hoa", "LOCATION"), _span(text, "Ngân hàng Việt Nam Thịnh Vượng", "ORGANIZATION")]
    ruled = [_span(text, "Tỉnh trưởng", "TITLE"), _span(text, "Phúc Kiến", "LOCATION"),
             _span(text, "Vu Vỹ Quốc", "PERSON"), _span(text, "Bí thư", "TITLE"),
             _span(text, "Tỉnh ủy Quảng Tây", "ORGANIZATION"), _span(text, "Bành Thanh Hoa", "PERSON"),
             _span(text, "Ngân hàng Việt Nam", "ORGANIZATION"), _span(text, "Thịnh Vượng", "PERSON")]
    assert [(text[s:e], label) for s, e, label in _officials_after_their_place(text, found, ruled)] == [
        ("Tỉnh trưởng", "TITLE"), ("Phúc Kiến", "LOCATION"), ("Vu Vỹ Quốc", "PERSON"), ("Bí thư", "TITLE"),
        ("Tỉnh ủy Quảng Tây", "ORGANIZATION"), ("Bành Thanh Hoa", "PERSON"),
        ("Ngân hàng Việt Nam Thịnh Vượng", "ORGANIZATION")]  # no title before the bank

    text = "Ông Annan gặp Tổng thống Síp; bà Nga nói; Hoàng hậu Sofia đến."
    found = [_span(text, "Annan", "PERSON"), _span(text, "Tổng thống", "TITLE"), _span(text, "Síp", "PERSON"),
             _span(text, "Nga", "PERSON"), _span(text, "Hoàng hậu", "TITLE"), _span(text, "Sofia", "PERSON")]
    ruled = [_span(text, "Tổng thống", "TITLE"), _span(text, "Síp", "LOCATION"), _span(text, "Nga", "LOCATION"),
             _span(text, "Hoàng hậu", "TITLE"), _span(text, "Sofia", "LOCATION")]
    assert [(text[s:e], label) for s, e, label in _officials_after_their_place(text, found, ruled)] == [
        ("Annan", "PERSON"), ("Tổng thống", "TITLE"), ("Síp", "LOCATION"), ("Nga", "PERSON"),
        ("Hoàng hậu", "TITLE"), ("Sofia", "PERSON")]


def test_a_country_the_model_tags_as_a_body_is_a_place_and_one_after_a_state_organ_is_that_organ():
    from vnpartner.tag.hybrid import tidy
    from vnpartner.tag.hybrid.bodies import _state_organs_of_countries

    text = "Chủ tịch Hạ viện Nhật Bản gặp quân chính phủ Syria; hai chính phủ Việt - Thái; Chính phủ Mỹ."
    spans = [_span(text, "Chủ tịch", "TITLE"), _span(text, "Nhật Bản", "ORGANIZATION"),
             _span(text, "Syria", "LOCATION"), _span(text, "Việt", "LOCATION"), _span(text, "Thái", "LOCATION"),
             _span(text, "Mỹ", "LOCATION")]
    spans = _state_organs_of_countries(text, tidy(text, spans))
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("Chủ tịch", "TITLE"), ("Hạ viện Nhật Bản", "ORGANIZATION"), ("Syria", "LOCATION"), ("Việt", "LOCATION"),
        ("Thái", "LOCATION"), ("Chính phủ Mỹ", "ORGANIZATION")]


def test_taken_ranges_answer_overlap_like_a_scan():
    from vnpartner.tag.hybrid.owners import _Taken

    taken = _Taken([(5, 10, "X"), (20, 25, "Y")])
    taken.add(12, 15)
    for start, end in [(0, 5), (0, 6), (9, 12), (10, 12), (6, 7), (15, 20), (14, 21), (25, 30), (3, 30)]:
        scan = any(start < e and s < end for s, e in [(5, 10), (12, 15), (20, 25)])
        assert taken.overlaps(start, end) == scan, (start, end)
    nested = _Taken([(0, 100, "X"), (10, 20, "Y")])  # a range inside another still reaches past it
    assert nested.overlaps(50, 60) and not nested.overlaps(100, 110)


def test_a_known_name_and_a_byline_run_on_after_it_are_two_people():
    from vnpartner.tag.hybrid.people import _people_unglued

    text = "Ông Vũ Văn Tám nói. Thứ trưởng Vũ Văn Tám Phạm Anh"
    first, glued = text.index("Vũ Văn Tám"), text.rindex("Vũ Văn Tám")
    spans = [(first, first + 10, "PERSON"), (glued, len(text), "PERSON")]
    assert [text[s:e] for s, e, _ in _people_unglued(text, spans)] == ["Vũ Văn Tám", "Vũ Văn Tám", "Phạm Anh"]
    alone = [(glued, len(text), "PERSON")]  # not given on its own elsewhere: one name stays one
    assert [text[s:e] for s, e, _ in _people_unglued(text, alone)] == ["Vũ Văn Tám Phạm Anh"]


def test_tidy_drops_a_function_word_a_name_ends_on_unless_a_step_completes_it():
    from vnpartner.tag.hybrid import tidy

    text = "Bộ Ngoại giao về việc này đã làm việc với Đại sứ quán Việt Nam tại Cộng hòa Séc."
    ministry, embassy = text.index("Bộ"), text.index("Đại sứ quán")
    spans = [(ministry, text.index(" việc"), "ORGANIZATION"), (embassy, text.index(" Cộng hòa"), "ORGANIZATION")]
    assert [text[s:e] for s, e, _ in tidy(text, spans)] == ["Bộ Ngoại giao", "Đại sứ quán Việt Nam tại Cộng hòa Séc"]
