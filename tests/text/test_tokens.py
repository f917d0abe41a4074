import random

import pytest

from vnpartner.text.segment import _token_spans

underthesea_tokens = pytest.importorskip("underthesea.pipeline.word_tokenize.regex_tokenize")

TRICKY = [
    "Thus Those ThaSa ThịSa ThS. Th.S Th.s Thời Th Sơn Th s Th\tS aộ:Th sxĐS",  # `Th.S`: the dot is any character
    "v.v... e-mail aʺb ʺ TP. TP.HCM H'Mông N’Thôn",
    "x@y.com http://a.b/c?d=1 vnexpress.net 1.000 2/3 3x4 4K 43H-0530 NĐ-CP :D :)) <3",
    "a_b ² ½ Ａ   leading\ttab\u00a0nbsp end. TP.",
    "Ngày 24/8/2023, UBND tỉnh Bình Dương (Việt Nam) và tỉnh Artemisa (Cuba) ký kết.",
]


def _reference(text):
    return [m.span() for m in underthesea_tokens.patterns.finditer(text)]


@pytest.mark.parametrize("text", TRICKY)
def test_token_spans_are_underthesea_regex_matches(text):
    assert _token_spans(text) == _reference(text)


def test_token_spans_match_on_random_mixtures():
    rng = random.Random(3)
    pieces = ["Th", "S", "s", "a", "ộ", "Đ", ".", "-", "'", "ʺ", "1", "/", " ", " ", "@", ",", "(", ":", "x"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _token_spans(text) == _reference(text), text
