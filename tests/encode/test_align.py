import random

import pytest

from vnpartner.encode import IGNORE, Window, align_labels, assign_words, encode_words, pad_batch, plan_windows
from vnpartner.encode.align import special_tokens, word_pieces


# --- align_labels -------------------------------------------------------------------------

def test_first_subword_gets_the_word_label_others_ignore():
    assert align_labels([5, 0, 7], [None, 0, 0, 1, 2, 2, 2, None]) == [
        IGNORE, 5, IGNORE, 0, 7, IGNORE, IGNORE, IGNORE]


def test_special_tokens_only():
    assert align_labels([], [None, None]) == [IGNORE, IGNORE]


def test_word_indices_need_not_start_at_zero():
    # a later window of a document: document-wide word indices
    assert align_labels([1, 2, 3, 4], [None, 2, 3, 3, None]) == [IGNORE, 3, 4, IGNORE, IGNORE]


def test_word_index_out_of_range_is_an_error():
    with pytest.raises(IndexError, match="word 2"):
        align_labels([1, 2], [None, 0, 2])


def test_window_labels_use_its_word_ids():
    window = Window([0, 11, 12, 13, 2], [None, 4, 4, 5, None], (4, 6), [1, 3])
    assert window.labels([0, 0, 0, 0, 8, 9]) == [IGNORE, 8, IGNORE, 9, IGNORE]


# --- planning windows ---------------------------------------------------------------------

def _check_plan(lengths, budget, overlap):
    ranges = plan_windows(lengths, budget, overlap)
    covered = set()
    for (start, end), following in zip(ranges, ranges[1:] + [None]):
        assert sum(lengths[start:end]) <= budget
        covered.update(range(start, end))
        if following is not None:
            assert following[0] > start and following[1] > end  # always progress
            assert end - following[0] <= overlap
    assert covered == set(range(len(lengths)))
    owner = assign_words(ranges, len(lengths))
    for i, w in enumerate(owner):
        assert ranges[w][0] <= i < ranges[w][1]
    return ranges, owner


def test_plan_covers_every_word_within_budget_random():
    rng = random.Random(7)
    for _ in range(300):
        budget = rng.randint(1, 30)
        lengths = [rng.randint(1, budget) for _ in range(rng.randint(0, 120))]
        _check_plan(lengths, budget, rng.randint(0, 10))


def test_plan_overlaps_by_the_requested_words():
    ranges, owner = _check_plan([1] * 20, 8, 2)
    assert ranges == [(0, 8), (6, 14), (12, 20)]
    # each overlapped word goes to the window where it is furthest from a cut edge
    assert owner[6] == 0 and owner[7] == 1 and owner[12] == 1 and owner[13] == 2


def test_document_edges_are_not_cut_edges():
    ranges = [(0, 6), (4, 10)]
    owner = assign_words(ranges, 10)
    assert owner[:4] == [0] * 4 and owner[6:] == [1] * 4
    # word 4: 4 from the left edge of window 0 (an edge), 1 from its cut; 0 from window 1's cut
    assert owner[4] == 0 and owner[5] == 1


def test_a_word_longer_than_the_budget_is_refused():
    with pytest.raises(ValueError, match="more than the budget"):
        plan_windows([1, 9, 1], 4)


def test_no_words_no_windows():
    assert plan_windows([], 10, 2) == []


# --- encode_words -------------------------------------------------------------------------

def _check_windows(windows, n_words, max_length):
    predicted = []
    for window in windows:
        assert len(window.input_ids) == len(window.word_ids) <= max_length
        assert window.word_ids[0] is None and window.word_ids[-1] is None
        for position in window.predict:
            index = window.word_ids[position]
            assert index is not None and (position == 0 or window.word_ids[position - 1] != index)
            predicted.append(index)
    assert sorted(predicted) == list(range(n_words))  # every word exactly once


def test_fake_tokenizer_windows_random(fake):
    rng = random.Random(3)
    vocabulary = ["a", "bb", "ccc", "dddd", "Bình Dương", "ký kết"]
    for _ in range(100):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 80))]
        max_length = rng.randint(6, 40)
        windows = encode_words(fake, words, max_length, overlap=rng.randint(0, 3))
        _check_windows(windows, len(words), max_length)


def test_windows_overlap_and_share_words(fake):
    windows = encode_words(fake, ["a"] * 60, 32, overlap=4)  # 2 subwords a word: 15 words a window
    assert len(windows) > 1
    for left, right in zip(windows, windows[1:]):
        assert right.words[0] == left.words[1] - 4


def test_overlap_is_at_most_half_a_window():
    assert plan_windows([1] * 12, 4, overlap=10) == [(0, 4), (2, 6), (4, 8), (6, 10), (8, 12)]


def test_slow_tokenizer_joins_syllables_with_underscores(phobert):
    pieces = word_pieces(phobert, ["Quảng Nam", "ký kết"])
    assert pieces == [phobert.convert_tokens_to_ids(phobert.tokenize(w)) for w in ("Quảng_Nam", "ký_kết")]
    assert special_tokens(phobert) == ([phobert.cls_token_id], [phobert.sep_token_id])


def test_slow_tokenizer_tokenizes_a_word_once_across_calls(phobert, monkeypatch):
    first = word_pieces(phobert, ["Bình Dương", "hợp tác"])
    calls = []
    original = phobert.bpe
    monkeypatch.setattr(phobert, "bpe", lambda text: calls.append(text) or original(text))
    again = word_pieces(phobert, ["hợp tác", "Bình Dương", "Qzxwv Artemisa"])
    assert again == [first[1], first[0], phobert.convert_tokens_to_ids(phobert.tokenize("Qzxwv_Artemisa"))]
    assert calls[0] == "Qzxwv_Artemisa" and calls.count("Qzxwv_Artemisa") == 2  # ours, then tokenize()'s


def test_phobert_words_skip_the_added_token_search_with_the_same_ids(phobert):
    words = ["Bình Dương", "hợp tác", "Qzxwv", "a<mask>b", "<s>", "x</s>y", "1.000", "Nguyễn_Văn A"]
    expected = [phobert.convert_tokens_to_ids(phobert.tokenize("_".join(w.split()))) for w in words]
    assert word_pieces(phobert, words) == [ids or [phobert.unk_token_id] for ids in expected]


def test_phobert_windows(phobert):
    words = ("Tỉnh Quảng Nam ký kết Bản ghi nhớ hợp tác y tế với tỉnh Sơn La .".split(" ")) * 12
    windows = encode_words(phobert, words, 24, overlap=3)
    _check_windows(windows, len(words), 24)
    assert all(w.input_ids[0] == phobert.cls_token_id and w.input_ids[-1] == phobert.sep_token_id for w in windows)


def test_one_window_when_it_fits(phobert):
    windows = encode_words(phobert, ["Tỉnh", "Quảng Nam"], 256)
    assert len(windows) == 1 and windows[0].words == (0, 2)
    assert windows[0].input_ids == phobert("Tỉnh Quảng_Nam")["input_ids"]


def test_unknown_and_overlong_words_still_get_one_prediction(phobert):
    words = ["Tỉnh", "x" * 200, "𝔘𝔫𝔦", "Sơn La"]
    windows = encode_words(phobert, words, 10, overlap=1)
    _check_windows(windows, len(words), 10)


def test_fast_tokenizer_uses_word_ids(fast):
    words = ["Tỉnh", "Quảng Nam", "ký kết", "Bản ghi nhớ", "."]
    pieces = word_pieces(fast, words)
    assert len(pieces) == 5 and len(pieces[1]) >= 2  # a word with a space is still one word
    assert special_tokens(fast) == ([fast.cls_token_id], [fast.sep_token_id])
    windows = encode_words(fast, words * 10, 16, overlap=2)
    _check_windows(windows, 50, 16)


def test_max_length_must_leave_room_for_a_word(phobert):
    with pytest.raises(ValueError, match="no room"):
        encode_words(phobert, ["a"], 2)


def test_empty_document(phobert):
    assert encode_words(phobert, [], 256) == []


def test_pad_batch():
    batch = pad_batch([[0, 5, 2], [0, 2]], pad_id=1, labels=[[IGNORE, 3, IGNORE], [IGNORE, IGNORE]])
    assert batch["input_ids"].tolist() == [[0, 5, 2], [0, 2, 1]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 1, 0]]
    assert batch["labels"].tolist() == [[IGNORE, 3, IGNORE], [IGNORE, IGNORE, IGNORE]]
