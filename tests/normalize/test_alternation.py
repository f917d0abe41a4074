import random
import re

from vnpartner.normalize.text import alternation


def _plain(phrases):
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p) for p in ordered) + ")"


def test_alternation_matches_like_a_longest_first_alternation():
    rng = random.Random(7)
    letters = "aăbĐ .-(?"
    phrases = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(300)]
    texts = ["".join(rng.choice(letters) for _ in range(80)) for _ in range(50)]
    trie = re.compile(rf"(?<!\w){alternation(phrases)}(?!\w)")
    plain = re.compile(rf"(?<!\w){_plain(phrases)}(?!\w)")
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_alternation_prefers_the_longest_phrase_that_ends_at_a_word_edge():
    pattern = re.compile(rf"{alternation(['Hà', 'Hà Nội', 'Hà Nam'])}(?!\w)")
    assert pattern.match("Hà Nội mới").group() == "Hà Nội"
    assert pattern.match("Hà Nộii").group() == "Hà"
    assert pattern.match("Hà Tĩnh").group() == "Hà"


def test_alternation_of_nothing_matches_nothing():
    assert re.search(alternation([]), "abc") is None
    assert re.search(alternation([""]), "abc") is None


def test_alternation_spells_characters_with_char_pattern():
    loose = {" ": r"\s*[-–]?\s*"}
    pattern = re.compile(alternation(["an ninh", "an ninh mạng"], lambda c: loose.get(c) or re.escape(c)), re.I)
    assert pattern.match("An - ninh mạng").group() == "An - ninh mạng"
    assert pattern.match("anninh").group() == "anninh"
    assert pattern.match("an.ninh") is None
