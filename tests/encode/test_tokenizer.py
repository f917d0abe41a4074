from transformers import PhobertTokenizer

from vnpartner.encode import has_tokenizer, is_phobert_style, learn_bpe, load_tokenizer


def test_phobert_style_folder_gets_a_phobert_tokenizer(tmp_path):
    folder = learn_bpe(["Tỉnh Quảng_Nam ký_kết hợp_tác ."] * 5, tmp_path / "bpe", vocab_size=100, min_frequency=1)
    assert is_phobert_style(folder) and has_tokenizer(folder)
    tokenizer = load_tokenizer(folder)
    assert isinstance(tokenizer, PhobertTokenizer) and not tokenizer.is_fast
    assert tokenizer.tokenize("Quảng_Nam") == ["Quảng_Nam"]
    # what save_pretrained writes loads back the same
    tokenizer.save_pretrained(tmp_path / "saved")
    again = load_tokenizer(tmp_path / "saved")
    assert again("Tỉnh Quảng_Nam")["input_ids"] == tokenizer("Tỉnh Quảng_Nam")["input_ids"]


def test_fast_tokenizer_folder(tmp_path, fast):
    fast.save_pretrained(tmp_path)
    assert has_tokenizer(tmp_path) and not is_phobert_style(tmp_path)
    tokenizer = load_tokenizer(tmp_path)
    assert tokenizer.is_fast
    assert tokenizer(["Tỉnh"], is_split_into_words=True)["input_ids"] == fast(["Tỉnh"], is_split_into_words=True)["input_ids"]


def test_empty_folder_has_no_tokenizer(tmp_path):
    assert not has_tokenizer(tmp_path)
