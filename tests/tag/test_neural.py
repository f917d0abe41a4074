import json
import shutil

import pytest
import torch

import vnpartner
from vnpartner.encode import Window
from vnpartner.errors import VnPartnerError
from vnpartner.schema import ENTITY_LABELS
from vnpartner.tag.neural import (
    META_FILE, NeuralTagger, model_max_length, predict_words, read_meta, repair_iob, tags_to_spans,
)
from vnpartner.text import iter_sentences


# --- decoding -----------------------------------------------------------------------------

@pytest.mark.parametrize("tags, repaired", [
    (["B-PER", "I-PER", "O"], ["B-PER", "I-PER", "O"]),
    (["I-PER", "I-PER"], ["B-PER", "I-PER"]),                 # stray I- starts an entity
    (["B-PER", "I-LOC", "I-LOC"], ["B-PER", "B-LOC", "I-LOC"]),  # type change
    (["O", "I-LOC"], ["O", "B-LOC"]),
    (["B-LOC", "B-LOC"], ["B-LOC", "B-LOC"]),
    (["S-LOC", "E-LOC", "PER", "PER"], ["B-LOC", "I-LOC", "B-PER", "I-PER"]),
    ([], []),
])
def test_repair_iob(tags, repaired):
    assert repair_iob(tags) == repaired


def test_tags_to_spans_run_from_first_word_start_to_last_word_end():
    spans = [(0, 4), (5, 15), (16, 22), (23, 25), (26, 30)]
    assert tags_to_spans(spans, ["B-LOC", "I-LOC", "O", "I-SECTOR", "B-SECTOR"]) == [
        (0, 15, "LOC"), (23, 25, "SECTOR"), (26, 30, "SECTOR")]
    assert tags_to_spans(spans, ["O"] * 5) == []
    assert tags_to_spans(spans[:2], ["I-X", "I-X"]) == [(0, 15, "X")]


class ArgmaxIsTheId(torch.nn.Module):
    """A fake model whose prediction at each position is the input id."""

    def forward(self, input_ids, attention_mask):
        return type("Out", (), {"logits": torch.nn.functional.one_hot(input_ids, 50).float()})()


def test_predict_words_reads_each_word_from_its_owning_window():
    windows = [
        Window([0, 11, 12, 13, 2], [None, 0, 1, 2, None], (0, 3), predict=[1, 2]),
        Window([0, 22, 23, 24, 25, 2], [None, 1, 2, 3, 3, None], (1, 4), predict=[2, 3]),
    ]
    assert predict_words(ArgmaxIsTheId(), windows, 4, pad_id=1, batch_size=1) == [11, 12, 23, 24]
    assert predict_words(ArgmaxIsTheId(), windows, 4, pad_id=1, batch_size=8) == [11, 12, 23, 24]


# --- the tagger on a random model ------------------------------------------------------------

def _check_spans(text, sentences, spans):
    labels = set(ENTITY_LABELS)
    for start, end, label in spans:
        assert label in labels
        assert text[start:end] == text[start:end].strip() and end > start
        assert any(s.start <= start and end <= s.end for s in sentences)  # never across sentences
    ordered = sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:]))  # no overlaps


def test_tagger_reads_its_folder(tagger, model_dir):
    assert tagger.labels[0] == "O" and len(tagger.labels) == 1 + 2 * len(ENTITY_LABELS)
    assert tagger.segmented and tagger.max_length == 256
    assert read_meta(model_dir)["labels"] == tagger.labels
    assert model_max_length(tagger.model.config) == 256


def test_tag_gives_word_aligned_spans(tagger, text):
    sentences = list(iter_sentences(text))
    spans = tagger.tag(text, sentences)
    assert spans  # random weights tag plenty
    _check_spans(text, sentences, spans)
    starts = {w.start for s in sentences for w in s.words}
    ends = {w.end for s in sentences for w in s.words}
    assert all(start in starts and end in ends for start, end, _ in spans)


def test_batch_size_and_windows_do_not_change_the_words_predicted(model_dir, tagger, text):
    sentences = list(iter_sentences(text * 3))
    words = [w.text for s in sentences for w in s.words]
    one_window = tagger.tag_words(words)
    assert len(one_window) == len(words)
    small = NeuralTagger(model_dir, batch_size=1, max_length=20, overlap=4, dtype="float32")
    many_windows = small.tag_words(words)
    assert len(many_windows) == len(words)
    _check_spans(text * 3, sentences, small.tag(text * 3, sentences))
    same = NeuralTagger(model_dir, batch_size=7, max_length=20, overlap=4, dtype="float32")
    assert same.tag_words(words) == many_windows


def test_quantized_tagger(model_dir, text):
    quantized = NeuralTagger(model_dir, quantize=True)
    sentences = list(iter_sentences(text))
    _check_spans(text, sentences, quantized.tag(text, sentences))
    assert "quantized" in type(quantized.model.classifier).__module__


def test_bfloat16_tagger_gives_float32_vectors(model_dir, text):
    exact = NeuralTagger(model_dir, dtype="float32")
    half = NeuralTagger(model_dir, dtype="bfloat16")
    assert exact.model.dtype == torch.float32 and half.model.dtype == torch.bfloat16
    sentences = list(iter_sentences(text))
    [(spans, vectors)] = half.tag_encode_batch([(text, sentences)])
    _check_spans(text, sentences, spans)
    [(_, exact_vectors)] = exact.tag_encode_batch([(text, sentences)])
    assert vectors.matrix.dtype == torch.float32 and vectors.matrix.shape == exact_vectors.matrix.shape
    # bfloat16 keeps 8 bits of mantissa: the same vectors to within a few per cent
    assert torch.allclose(vectors.matrix, exact_vectors.matrix, atol=0.1, rtol=0.05)


@pytest.mark.parametrize("fast, device, quantize, dtype, expected", [
    (True, "cpu", False, "auto", "bfloat16"),
    (False, "cpu", False, "auto", "float32"),
    (True, "cuda", False, "auto", "float32"),     # GPUs only on request
    (True, "cpu", True, "auto", "float32"),       # int8 layers run beside float32 ones
    (False, "cpu", False, "bfloat16", "bfloat16"),
    (True, "cpu", False, "float32", "float32"),
])
def test_inference_dtype(monkeypatch, fast, device, quantize, dtype, expected):
    from vnpartner.tag import neural

    monkeypatch.setattr(neural, "cpu_has_fast_bfloat16", lambda: fast)
    assert neural.inference_dtype(dtype, device, quantize) == expected


def test_unsegmented_model_tags_syllables(tmp_path, model_dir, text):
    folder = tmp_path / "m"
    shutil.copytree(model_dir, folder)
    meta = json.loads((folder / META_FILE).read_text())
    (folder / META_FILE).write_text(json.dumps({**meta, "segmented": False}))
    tagger = NeuralTagger(folder)
    sentences = list(iter_sentences(text))
    units = tagger.words(sentences)
    assert sum(map(len, units)) == sum(len(w.text.split()) for s in sentences for w in s.words)
    assert all(text[a:b] == unit and " " not in unit for u in units for a, b, unit in u)
    _check_spans(text, sentences, tagger.tag(text, sentences))


def test_load_a_model_folder_gives_a_neural_pipeline(model_dir, text):
    pipeline = vnpartner.load(str(model_dir))
    assert isinstance(pipeline.tagger, NeuralTagger) and pipeline.name == str(model_dir)
    assert vnpartner.load(str(model_dir)) is pipeline  # loaded once
    doc = vnpartner.extract(text, model=str(model_dir))
    assert doc.entities and all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_empty_text(tagger):
    assert tagger.tag("", []) == []
    assert vnpartner.extract("   ", model=str(tagger.model_dir)).entities == []


def test_folder_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(VnPartnerError, match="E005"):
        vnpartner.load(str(tmp_path))
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(VnPartnerError, match=r"E410.*folder"):
        NeuralTagger(tmp_path)


def test_bad_meta_is_a_clear_error(tmp_path, model_dir):
    folder = tmp_path / "m"
    shutil.copytree(model_dir, folder)
    (folder / META_FILE).write_text('{"schema": 99}')
    with pytest.raises(VnPartnerError, match="E411"):
        NeuralTagger(folder)
    (folder / META_FILE).write_text("{not json")
    with pytest.raises(VnPartnerError, match="E411"):
        NeuralTagger(folder)


def test_bad_options(model_dir):
    with pytest.raises(VnPartnerError, match="E412"):
        NeuralTagger(model_dir, device="cuda", quantize=True)
    with pytest.raises(VnPartnerError, match="E412"):
        NeuralTagger(model_dir, batch_size=0)
    with pytest.raises(VnPartnerError, match="E412.*float16"):
        NeuralTagger(model_dir, dtype="float16")
    with pytest.raises(VnPartnerError, match="E412.*bfloat16"):
        NeuralTagger(model_dir, quantize=True, dtype="bfloat16")
    with pytest.raises(VnPartnerError, match="E412"):
        vnpartner.load("rules", dtype="half")


def test_predict_many_batches_windows_of_several_documents():
    from vnpartner.tag.neural import predict_many

    one = [Window([0, 11, 12, 2], [None, 0, 1, None], (0, 2), predict=[1, 2])]
    two = [Window([0, 21, 2], [None, 0, None], (0, 1), predict=[1])]
    assert predict_many(ArgmaxIsTheId(), [(one, 2), (two, 1), ([], 0)], pad_id=1, batch_size=2) == [
        [11, 12], [21], []]


def test_tag_batch_equals_tagging_each_document(tagger, text):
    texts = [text, "Tỉnh Sơn La ký kết.", "", text[:60]]
    documents = [(t, list(iter_sentences(t))) for t in texts]
    assert tagger.tag_batch(documents) == [tagger.tag(t, s) for t, s in documents]


def test_vectors_of_documents_tagged_together_are_those_of_each_alone(model_dir, text):
    tagger = NeuralTagger(model_dir, dtype="float32")
    tagger.max_length, tagger.overlap, tagger.batch_size = 24, 4, 3  # several windows, shared batches
    documents = [(t, list(iter_sentences(t))) for t in (text, "Hà Nội và Viên Chăn ký kết.", text[: len(text) // 2])]
    together = tagger.tag_encode_batch(documents)
    for document, (spans, vectors) in zip(documents, together):
        [(alone_spans, alone_vectors)] = tagger.tag_encode_batch([document])
        assert spans == alone_spans
        assert vectors.spans == alone_vectors.spans
        assert vectors.matrix.shape == (len(vectors.spans), tagger.model.config.hidden_size)
        assert torch.allclose(vectors.matrix, alone_vectors.matrix, atol=1e-5)
        assert vectors.matrix.abs().sum(-1).gt(0).all()  # every word got its vector
