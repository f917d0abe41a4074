"""Strict IOB2 token-level scores, checked by hand and against seqeval on random data."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import IOB2

from vnpartner.errors import VnPartnerError
from vnpartner.evaluate import score_tags

TYPES = ("PER", "LOC", "ORG")
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))


def test_hand_computed_case():
    true = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "I-PER", "O", "I-LOC"], ["B-ORG", "O", "O"]]
    s = score_tags(true, pred)
    # PER hit; the stray I-LOC is no entity (strict): LOC missed; ORG span too short.
    assert s["PER"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert s["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["micro"] == pytest.approx({"precision": 0.5, "recall": 1 / 3, "f1": 0.4, "support": 3})
    assert s["macro"] == pytest.approx({"precision": 1 / 3, "recall": 1 / 3, "f1": 1 / 3, "support": 3})


def test_perfect_tags_score_one():
    tags = [["B-PER", "I-PER", "O"], ["O", "B-LOC"]]
    assert all(row["f1"] == 1.0 for row in score_tags(tags, tags).values())


def strict_spans(sequences):
    """Independent strict IOB2 reader: B-X then any I-X; everything else ends it."""
    spans = set()
    for sent, seq in enumerate(sequences):
        i = 0
        while i < len(seq):
            if seq[i].startswith("B-"):
                kind, j = seq[i][2:], i + 1
                while j < len(seq) and seq[j] == f"I-{kind}":
                    j += 1
                spans.add((kind, sent, i, j))
                i = j
            else:
                i += 1
    return spans


def reference_scores(true, pred):
    gold, guess = strict_spans(true), strict_spans(pred)
    tp = Counter(s[0] for s in gold & guess)
    fp = Counter(s[0] for s in guess - gold)
    fn = Counter(s[0] for s in gold - guess)
    out = {}
    for kind in sorted({s[0] for s in gold | guess}):
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 0.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 0.0
        out[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp[kind] + fn[kind])
    return out


def random_corpus(rng, n_sentences):
    true, pred = [], []
    for _ in range(n_sentences):
        n = rng.randint(0, 12)
        true.append([rng.choice(TAGS) for _ in range(n)])
        # Mostly copy the truth so that hits, near misses and stray I- tags all occur.
        pred.append([t if rng.random() < 0.7 else rng.choice(TAGS) for t in true[-1]])
    return true, pred


@pytest.mark.parametrize("seed", range(4))
def test_random_sequences_agree_with_reference_and_seqeval(seed):
    rng = random.Random(seed)
    true, pred = random_corpus(rng, 200)
    ours = score_tags(true, pred)
    expected = reference_scores(true, pred)
    assert set(ours) - {"micro", "macro"} == set(expected)
    seq = classification_report(true, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    for kind, (p, r, f, support) in expected.items():
        row = ours[kind]
        assert (row["precision"], row["recall"], row["f1"]) == pytest.approx((p, r, f))
        assert row["support"] == support == seq[kind]["support"]
        assert (row["precision"], row["recall"], row["f1"]) == pytest.approx(
            (seq[kind]["precision"], seq[kind]["recall"], seq[kind]["f1-score"]))
    for ours_key, seq_key in (("micro", "micro avg"), ("macro", "macro avg")):
        assert ours[ours_key]["f1"] == pytest.approx(seq[seq_key]["f1-score"])
        assert ours[ours_key]["precision"] == pytest.approx(seq[seq_key]["precision"])
        assert ours[ours_key]["recall"] == pytest.approx(seq[seq_key]["recall"])
        assert ours[ours_key]["support"] == seq[seq_key]["support"]
    assert ours["micro"]["f1"] == pytest.approx(f1_score(true, pred, mode="strict", scheme=IOB2))


def test_sequence_count_or_length_mismatch_raises():
    with pytest.raises(VnPartnerError, match=r"\[E304\]"):
        score_tags([["O"]], [])
    with pytest.raises(VnPartnerError, match=r"\[E304\] sentence 0"):
        score_tags([["O", "O"]], [["O"]])


@pytest.mark.parametrize("bad", ["E-PER", "X", ""])
def test_invalid_tag_raises(bad):
    with pytest.raises(VnPartnerError, match=r"\[E305\]"):
        score_tags([["O"]], [[bad]])
