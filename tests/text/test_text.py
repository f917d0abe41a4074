import unicodedata

import pytest

from vnpartner.errors import VnPartnerError
from vnpartner.text import iter_sentences, prepare_text, segment, split_sentences, windows


def test_prepare_text_normalises_to_nfc_and_unifies_newlines():
    raw = unicodedata.normalize("NFD", "Hợp tác\r\nkinh tế")
    assert prepare_text(raw) == "Hợp tác\nkinh tế"


def test_prepare_text_decodes_utf8_bytes_and_bom():
    assert prepare_text("\ufeffHà Nội".encode("utf-8")) == "Hà Nội"


def test_prepare_text_rejects_bytes_in_another_encoding():
    with pytest.raises(VnPartnerError, match="E002"):
        prepare_text("Hà Nội".encode("utf-16-be"))
    with pytest.raises(VnPartnerError, match="not valid utf-8"):
        prepare_text(b"H\xe0 N\xf4i")  # latin-1 style bytes


def test_prepare_text_accepts_an_explicit_encoding():
    assert prepare_text("Hà Nội".encode("utf-16"), encoding="utf-16") == "Hà Nội"


def test_prepare_text_rejects_non_text():
    with pytest.raises(VnPartnerError, match="E001"):
        prepare_text(12)


def test_html_is_reduced_to_visible_text():
    page = "<html><head><style>p{}</style></head><body><p>Tỉnh Bình Định</p><script>var a=1;</script><div>ký kết &amp; hợp tác</div></body></html>"
    assert prepare_text(page) == "Tỉnh Bình Định\n\nký kết & hợp tác"


def test_sentences_split_on_full_stops_but_not_abbreviations():
    text = "Đoàn đến TP. Hồ Chí Minh hôm qua. Hai bên ký kết. Sau đó\nđoàn về nước."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Đoàn đến TP. Hồ Chí Minh hôm qua.", "Hai bên ký kết.", "Sau đó", "đoàn về nước.",
    ]


def test_segment_keeps_offsets_into_the_raw_text():
    text = "  Tỉnh Bình Định  ký kết với tỉnh Savannakhet."
    words = segment(text, 2, len(text))
    assert all(text[w.start:w.end] == w.text for w in words)
    assert "Bình Định" in [w.text for w in words]
    assert words[0].start == 2


def test_segment_splits_scrape_debris_without_changing_offsets():
    text = "Hai tỉnh hợp tác ảnh 1UBND tỉnh Nam Định ký kết."
    words = segment(text)
    surfaces = [w.text for w in words]
    assert "1" in surfaces and "UBND" in surfaces
    assert all(text[w.start:w.end] == w.text for w in words)


def test_iter_sentences_is_lazy_and_complete():
    text = "Câu một. Câu hai.\n\nCâu ba."
    sentences = iter_sentences(text)
    first = next(sentences)
    assert text[first.start:first.end] == "Câu một."
    assert len(list(sentences)) == 2


def test_windows_bound_the_number_of_words():
    sentences = [list(range(3)), list(range(5)), list(range(12))]
    packed = list(windows(sentences, max_words=6))
    assert all(len(w) <= 6 for w in packed)
    assert sum(len(w) for w in packed) == 20
    with pytest.raises(ValueError):
        list(windows(sentences, max_words=0))


def test_seed_sentences_cover_their_words(seed_paths):
    text = prepare_text(seed_paths[0].read_bytes())
    for sentence in iter_sentences(text):
        for word in sentence.words:
            assert sentence.start <= word.start < word.end <= sentence.end
            assert text[word.start:word.end] == word.text
