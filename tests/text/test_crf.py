"""The Python decoder of underthesea's word-segmentation CRF gives underthesea's own tags."""

import joblib
import pytest

from vnpartner.text import crf, segment
from vnpartner.text.segment import _model_folder, _syllable_spans

SENTENCES = [
    "Chiều 24/8, UBND tỉnh Bình Dương và tỉnh Artemisa (Cuba) ký kết biên bản ghi nhớ hợp tác.",
    "Hai bên thống nhất đẩy mạnh hợp tác trong các lĩnh vực giáo dục, y tế, nông nghiệp công nghệ cao.",
    "Đại sứ Nguyễn Văn A tiếp Bộ trưởng Ngoại giao Lào Saleumxay Kommasith tại Hà Nội ngày 1.5.2024.",
    "Tổng kim ngạch đạt 2,5 tỷ USD, tăng 12% so với năm 2022; iPhone và ĐH FPT cũng được nhắc tới.",
    "Xin chào",
    "Hà",
    "ABC XYZ 2. x",
]


@pytest.fixture(scope="module")
def decoder():
    found = crf.load(_model_folder())
    assert found is not None, "the decoder should read the model underthesea ships"
    return found


@pytest.fixture(scope="module")
def underthesea_tagger():
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    model = FastCRFSequenceTagger()
    model.load(_model_folder())
    return model


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tags_match_underthesea(decoder, underthesea_tagger, sentence):
    syllables = [sentence[s:e] for s, e in _syllable_spans(sentence, 0, len(sentence))]
    expected = underthesea_tagger.predict([[s] for s in syllables])
    assert decoder.tag(syllables) == expected
    decoder.clear_caches()
    assert decoder.tag(syllables) == expected  # the same from a cold cache


def test_segmentation_joins_multi_syllable_words(decoder):
    words = [w.text for w in segment(SENTENCES[1])]
    assert "hợp tác" in words and "giáo dục" in words and "nông nghiệp" in words
    assert decoder.tag([]) == []


def test_reads_labels_and_transitions_of_a_crfsuite_file():
    labels, state, transition = crf.read_crfsuite(f"{_model_folder()}/models.bin")
    assert labels == ["B-W", "I-W"]
    assert len(transition) == 2 and all(len(row) == 2 for row in transition)
    assert all(len(weights) == 2 for weights in state.values())
    assert any(name.startswith("T[0]=") for name in state)


def test_rejects_a_file_that_is_not_a_crfsuite_model(tmp_path):
    path = tmp_path / "models.bin"
    path.write_bytes(b"not a model at all")
    with pytest.raises(ValueError, match="not a CRFsuite"):
        crf.read_crfsuite(path)


def test_unknown_templates_leave_the_model_to_underthesea(tmp_path):
    (tmp_path / "models.bin").write_bytes((_model_folder_path() / "models.bin").read_bytes())
    joblib.dump(["T[0]", "T[0].lower"], tmp_path / "features.bin")
    joblib.dump(set(), tmp_path / "dictionary.bin")
    assert crf.load(tmp_path) is None
    assert crf.load(tmp_path / "missing") is None


def _model_folder_path():
    from pathlib import Path

    return Path(_model_folder())
