"""Tokenizers for the encode tests: a PhoBERT-style one learned here, a fast one, a fake one."""

from __future__ import annotations

import pytest

LINES = [
    "Tỉnh Quảng_Nam ký_kết Bản_ghi_nhớ hợp_tác y_tế với tỉnh Sơn_La .",
    "Chủ_tịch UBND tỉnh Gia_Lai Nguyễn_Văn_An tiếp đoàn công_tác thành_phố Busan .",
    "Hai bên thống_nhất đẩy_mạnh hợp_tác giáo_dục , du_lịch và nông_nghiệp .",
    "Ngày 3/5/2021 , đoàn đại_biểu tỉnh Savannakhet thăm thành_phố Đà_Nẵng .",
]


@pytest.fixture(scope="session")
def phobert(tmp_path_factory):
    """A PhobertTokenizer over a BPE vocabulary learned by vnpartner.encode.learn_bpe."""
    from transformers import PhobertTokenizer

    from vnpartner.encode import learn_bpe

    folder = learn_bpe(LINES * 5, tmp_path_factory.mktemp("bpe"), vocab_size=200, min_frequency=1)
    return PhobertTokenizer(str(folder / "vocab.txt"), str(folder / "bpe.codes"))


@pytest.fixture(scope="session")
def fast(tmp_path_factory):
    """A fast WordPiece tokenizer with [CLS] … [SEP], built without the hub."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    backend.train_from_iterator([line.replace("_", " ") for line in LINES] * 5,
                                trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[(t, backend.token_to_id(t)) for t in ("[CLS]", "[SEP]")])
    return PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")


class FakeTokenizer:
    """A slow tokenizer whose words split into ``len(word) % 4 + 1`` pieces; ids 10+."""

    is_fast = False
    unk_token_id = 3
    pad_token_id = 1

    def tokenize(self, word):
        return [f"{word}#{i}" for i in range(len(word) % 4 + 1)]

    def convert_tokens_to_ids(self, tokens):
        return [10 + len(t) for t in tokens]

    def build_inputs_with_special_tokens(self, ids):
        return [0] + list(ids) + [2]


@pytest.fixture
def fake():
    return FakeTokenizer()
