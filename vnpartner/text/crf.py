"""underthesea's word-segmentation CRF, decoded in Python from its CRFsuite model file.

underthesea builds 43 feature strings per syllable and hands them to its Rust tagger; building
and passing those strings cost about 20 µs a syllable, a third of `extract()`'s time. Every
feature of that model depends on a window of one, two or three neighbouring syllables, so a
syllable's score is a sum of per-n-gram parts: a syllable's own are cached, and a longer
n-gram's are a table lookup by its yes/no features unless the model knows its text. Decoding
is the same linear-chain Viterbi: the tags are underthesea's (the tests compare the two; they
agreed on 269k corpus sentences when this was written). `load()` returns None, so that callers
keep underthesea's own tagger, when the model's feature templates are not the ones this
decoder knows."""

from __future__ import annotations

import struct
from pathlib import Path

# The templates of underthesea's `ws_crf_vlsp2013` model, in its features.bin order.
TEMPLATES = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)
_CACHE_LIMIT = 200_000  # syllables cached before the cache is emptied


def _features(size: int) -> list[tuple[str | None, str | None, list[tuple[str, int]]]]:
    """For an n-gram of ``size`` syllables, per offset from the first to the last template window
    it fills: the ``template=`` prefixes of its text and lowercase features (None where the
    model has none) and its yes/no features as (prefix, index into title/in-dict/digit)."""
    flag_kinds = {".istitle": 0, ".is_in_dict": 1, ".isdigit": 2}
    per_offset = []
    for first in range(-2, 3 - size + 1):
        window = f"T[{first}]" if size == 1 else f"T[{first},{first + size - 1}]"
        mine = [t[len(window):] for t in TEMPLATES if t == window or t.startswith(window + ".")]
        per_offset.append((
            window + "=" if "" in mine else None,
            window + ".lower=" if ".lower" in mine else None,
            [(window + kind + "=", flag_kinds[kind]) for kind in mine if kind in flag_kinds],
        ))
    return per_offset


_FEATURES = {size: _features(size) for size in (1, 2, 3)}


def read_crfsuite(path: str | Path) -> tuple[list[str], dict[str, list[float]], list[list[float]]]:
    """Labels, state weights (attribute → one weight per label) and label-transition weights
    of a CRFsuite model file."""
    data = Path(path).read_bytes()
    if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
        raise ValueError(f"{path} is not a CRFsuite first-order model")
    *_, off_features, off_labels, off_attrs, _, _ = struct.unpack_from("<4sI4s9I", data, 0)
    labels, attributes = _quarks(data, off_labels), _quarks(data, off_attrs)
    state: dict[str, list[float]] = {}
    transition = [[0.0] * len(labels) for _ in labels]
    (count,) = struct.unpack_from("<I", data, off_features + 8)
    for kind, source, target, weight in struct.iter_unpack("<IIId", data[off_features + 12:off_features + 12 + 20 * count]):
        if kind == 0:
            state.setdefault(attributes[source], [0.0] * len(labels))[target] += weight
        else:
            transition[source][target] += weight
    return labels, state, transition


def _quarks(data: bytes, offset: int) -> list[str]:
    """The strings of a CRFsuite string table (CQDB chunk), by id, read through its id index."""
    if data[offset:offset + 4] != b"CQDB":
        raise ValueError("CRFsuite string table not found")
    count, index = struct.unpack_from("<II", data, offset + 16)
    strings = []
    for (entry,) in struct.iter_unpack("<I", data[offset + index:offset + index + 4 * count]):
        _, size = struct.unpack_from("<iI", data, offset + entry)
        start = offset + entry + 8
        strings.append(data[start:start + size - 1].decode("utf-8"))
    return strings


def _by_value(state: dict[str, list[float]], prefix: str | None) -> dict[str, list[float]]:
    """The weights of one template's features, keyed by the value after ``prefix``."""
    if prefix is None:
        return {}
    return {name[len(prefix):]: weights for name, weights in state.items() if name.startswith(prefix)}


def _is_title(text: str) -> bool:
    # underthesea's notion: no word of the text starts with a lowercase letter (`ABC`, `1,5`).
    return all(not word[:1].islower() for word in text.split(" "))


def _add(first: tuple, second: tuple) -> tuple:
    return tuple((b1 + b2, e1 + e2) for (b1, e1), (b2, e2) in zip(first, second))


class WordSegmenter:
    """B-W/I-W tags of a syllable sequence under underthesea's segmentation CRF.

    A syllable's score is the sum of its n-grams' feature weights at their offsets from it.
    Syllables repeat, so their weights are cached; two- and three-syllable n-grams mostly
    fire only yes/no features (title case, in the dictionary), whose sums are tabled once,
    and their text only matters when the model has a weight for it.
    """

    def __init__(self, labels, state, transition, dictionary):
        self.labels = labels
        self.state = state
        self.transition = transition
        self.dictionary = dictionary
        # Per n-gram size and offset: the text and lowercase templates' weights by value.
        self._strings = {size: [(_by_value(state, text), _by_value(state, lower)) for text, lower, _ in features]
                         for size, features in _FEATURES.items()}
        self._known = {size: set().union(*(set(t) | set(low) for t, low in per_offset))
                       for size, per_offset in self._strings.items()}
        self._flag_table = {(size, title, in_dict): self._weights(size, None, None, (str(title), str(in_dict), "False"))
                            for size in (2, 3) for title in (False, True) for in_dict in (False, True)}
        self._edges = {(size, edge): self._weights(size, edge, edge, (edge, edge, edge))
                       for size in (1, 2, 3) for edge in ("BOS", "EOS")}
        self._syllables: dict[str, tuple] = {}
        self._known_ngrams: dict[tuple[int, str], tuple] = {}

    def clear_caches(self) -> None:
        self._syllables.clear()
        self._known_ngrams.clear()

    def tag(self, syllables: list[str]) -> list[str]:
        """One label per syllable (``B-W`` starts a word, ``I-W`` continues it)."""
        n = len(syllables)
        if not n:
            return []
        info = [self._syllable(s) for s in syllables]
        lower = [i[1] for i in info]
        title = [i[2] for i in info]
        pairs = [(syllables[j] + " " + syllables[j + 1], lower[j] + " " + lower[j + 1], title[j] and title[j + 1])
                 for j in range(n - 1)]
        triples = [(text + " " + syllables[j + 2], low + " " + lower[j + 2], both and title[j + 2])
                   for j, (text, low, both) in enumerate(pairs[:n - 2])]
        edges = self._edges
        uni = [edges[1, "BOS"]] * 2 + [i[0] for i in info] + [edges[1, "EOS"]] * 2
        bi = [edges[2, "BOS"]] * 2 + [self._ngram(2, *pair) for pair in pairs] + [edges[2, "EOS"]] * 2
        tri = ([edges[3, "BOS"]] * 2 + [self._ngram(3, *triple) for triple in triples]
               + [edges[3, "EOS"]] * 2)[:n + 2]
        scores = []
        # Syllable i sits at slot i + 2 of the sentence padded with two BOS and two EOS; the
        # n-gram starting k slots before that scores it with its weights for offset k.
        for i in range(n):
            parts = (uni[i][0], uni[i + 1][1], uni[i + 2][2], uni[i + 3][3], uni[i + 4][4],
                     bi[i][0], bi[i + 1][1], bi[i + 2][2], bi[i + 3][3],
                     tri[i][0], tri[i + 1][1], tri[i + 2][2])
            begin, inside = map(sum, zip(*parts))
            scores.append((begin, inside))
        return [self.labels[y] for y in self._viterbi(scores)]

    def _syllable(self, syllable: str) -> tuple:
        """(unigram weights per offset, lowercase, title case) of a syllable, cached."""
        found = self._syllables.get(syllable)
        if found is None:
            if len(self._syllables) >= _CACHE_LIMIT:
                self._syllables.clear()
            lower, title = syllable.lower(), _is_title(syllable)
            flags = (str(title), str(lower in self.dictionary), str(syllable.isdigit()))
            found = self._syllables[syllable] = (self._weights(1, syllable, lower, flags), lower, title)
        return found

    def _ngram(self, size: int, text: str, lower: str, title: bool) -> tuple:
        known = self._known[size]
        if text not in known and lower not in known:
            return self._flag_table[size, title, lower in self.dictionary]
        found = self._known_ngrams.get((size, text))
        if found is None:
            if len(self._known_ngrams) >= _CACHE_LIMIT:
                self._known_ngrams.clear()
            found = _add(self._flag_table[size, title, lower in self.dictionary], self._weights(size, text, lower, None))
            self._known_ngrams[size, text] = found
        return found

    def _weights(self, size: int, text: str | None, lower: str | None, flags: tuple | None) -> tuple:
        """Per offset, the summed weights of the features of an n-gram with this text, lowercase
        and yes/no values (title, in the dictionary, digits); None leaves those features out."""
        out = []
        for (by_text, by_lower), (_, _, flag_features) in zip(self._strings[size], _FEATURES[size]):
            found = [by_text.get(text), by_lower.get(lower)]
            if flags is not None:
                found += [self.state.get(prefix + flags[kind]) for prefix, kind in flag_features]
            b = e = 0.0
            for weights in found:
                if weights:
                    b += weights[0]
                    e += weights[1]
            out.append((b, e))
        return tuple(out)  # tuples of floats drop out of the garbage collector's tracking

    def _viterbi(self, scores: list[tuple[float, float]]) -> list[int]:
        (t00, t01), (t10, t11) = self.transition
        best0, best1 = scores[0]
        back = []
        for b, e in scores[1:]:
            from0, from1 = best0 + t00, best1 + t10
            to_i0, to_i1 = best0 + t01, best1 + t11
            back.append((0 if from0 >= from1 else 1, 0 if to_i0 >= to_i1 else 1))
            best0, best1 = max(from0, from1) + b, max(to_i0, to_i1) + e
        label = 0 if best0 >= best1 else 1
        path = [label]
        for pointers in reversed(back):
            label = pointers[label]
            path.append(label)
        return path[::-1]


def load(folder: str | Path) -> WordSegmenter | None:
    """The decoder for underthesea's model in ``folder``, or None when it is not one it knows."""
    import joblib

    folder = Path(folder)
    try:
        templates = joblib.load(folder / "features.bin")
        if tuple(templates) != TEMPLATES:
            return None
        labels, state, transition = read_crfsuite(folder / "models.bin")
        dictionary = joblib.load(folder / "dictionary.bin")
    except (OSError, ValueError, struct.error):
        return None
    if labels != ["B-W", "I-W"]:
        return None
    return WordSegmenter(labels, state, transition, dictionary)
