"""Randomly initialised PhoBERT-shaped models, for tests, smoke runs and speed measurements.

They extract nothing useful; they have the shape, files and code paths of real ones.

    >>> random_phobert("runs/tiny", ["Tỉnh Bình_Dương ký_kết bản_ghi_nhớ ."] * 20)  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..encode import learn_bpe
from ..schema import ENTITY_LABELS
from .data import tag_names


def random_phobert(out_dir: str | os.PathLike, corpus: Iterable[str], *, labels: Sequence[str] = ENTITY_LABELS,
                   head: bool = True, layers: int = 2, hidden: int = 32, heads: int = 2, vocab_size: int = 1000,
                   max_length: int = 256, seed: int = 0) -> Path:
    """Write a RoBERTa model folder with a BPE vocabulary learned on ``corpus``.

    ``corpus`` is word-segmented text (syllables of a word joined by ``_``), one line per
    sentence. ``head=True`` writes a vnpartner model (token classification over the IOB2
    tags of ``labels``, with ``vnpartner.json``); ``head=False`` a masked-LM base, like a
    pretrained PhoBERT, to train from.
    """
    import torch
    from transformers import PhobertTokenizer, RobertaConfig, RobertaForMaskedLM, RobertaForTokenClassification

    from ..tag.neural import quiet_transformers
    from .model import save_model

    out = Path(out_dir)
    learn_bpe(corpus, out, vocab_size=vocab_size, min_frequency=1)
    tokenizer = PhobertTokenizer(str(out / "vocab.txt"), str(out / "bpe.codes"))
    config = RobertaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
        intermediate_size=4 * hidden, max_position_embeddings=max_length + 2, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id, type_vocab_size=1,
        layer_norm_eps=1e-5,
    )
    torch.manual_seed(seed)
    if not head:
        with quiet_transformers():
            RobertaForMaskedLM(config).save_pretrained(out)
            tokenizer.save_pretrained(out)
        return out
    tags = tag_names(list(labels))
    config.id2label = dict(enumerate(tags))
    config.label2id = {t: i for i, t in enumerate(tags)}
    save_model(out, RobertaForTokenClassification(config), tokenizer, tags=tags, segmented=True,
               max_length=max_length, base="random")
    return out
