"""Pretrain the shipped model's encoder: a small RoBERTa, masked LM, on the segmented corpus.

Resumable: every --save-every steps the model, optimiser, scheduler and step go to
OUT/checkpoint; a rerun continues from there. Batches are drawn by a generator seeded with
the step number, so a resumed run sees the same data as an uninterrupted one.

    python recipes/pretrain_mlm.py runs/corpus/segmented.txt runs/tokenizer runs/mlm --max-minutes 60
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm
from transformers import PhobertTokenizer, RobertaConfig, RobertaForMaskedLM


def model_config(tokenizer: PhobertTokenizer, args) -> RobertaConfig:
    return RobertaConfig(
        vocab_size=len(tokenizer), hidden_size=args.hidden, num_hidden_layers=args.layers,
        num_attention_heads=args.heads, intermediate_size=4 * args.hidden,
        max_position_embeddings=258, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        type_vocab_size=1, layer_norm_eps=1e-5,
    )


def token_ids(segmented: str, tokenizer: PhobertTokenizer, cache: Path) -> np.ndarray:
    """All corpus subword ids, documents separated by </s>; cached as .npy."""
    if cache.exists():
        return np.load(cache)
    ids: list[int] = []
    with open(segmented, encoding="utf-8") as handle:
        for line in tqdm(handle, desc="tokenise", unit="line"):
            if line.startswith('{"id"'):
                ids.append(tokenizer.sep_token_id)
                continue
            ids.extend(tokenizer.convert_tokens_to_ids(tokenizer.tokenize(line.strip())))
    array = np.asarray(ids, dtype=np.int32)
    np.save(cache, array)
    return array


def batch_at(ids: np.ndarray, step: int, args, tokenizer, special: torch.Tensor):
    rng = np.random.default_rng(args.seed * 1_000_003 + step)
    starts = rng.integers(0, len(ids) - args.seq_len, size=args.batch_size)
    body = torch.from_numpy(np.stack([ids[s:s + args.seq_len - 2] for s in starts]).astype(np.int64))
    bos = torch.full((args.batch_size, 1), tokenizer.cls_token_id)
    eos = torch.full((args.batch_size, 1), tokenizer.sep_token_id)
    input_ids = torch.cat([bos, body, eos], dim=1)
    labels = input_ids.clone()
    gen = torch.Generator().manual_seed(args.seed * 7919 + step)
    chosen = (torch.rand(input_ids.shape, generator=gen) < args.mask_prob) & ~torch.isin(input_ids, special)
    labels[~chosen] = -100
    roll = torch.rand(input_ids.shape, generator=gen)
    input_ids[chosen & (roll < 0.8)] = tokenizer.mask_token_id
    random_ids = torch.randint(4, len(tokenizer) - 1, input_ids.shape, generator=gen)
    swap = chosen & (roll >= 0.8) & (roll < 0.9)
    input_ids[swap] = random_ids[swap]
    return input_ids, labels


def masked_lm_loss(model: RobertaForMaskedLM, input_ids: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """MLM loss with the vocabulary projection run on the masked positions only.

    The 24k-way output layer over every position costs several times the encoder itself;
    only the ~15% masked positions contribute to the loss.
    """
    hidden = model.roberta(input_ids=input_ids).last_hidden_state
    chosen = labels != -100
    logits = model.lm_head(hidden[chosen])
    return torch.nn.functional.cross_entropy(logits, labels[chosen])


def lr_lambda(args):
    def schedule(step: int) -> float:
        if step < args.warmup:
            return (step + 1) / args.warmup
        progress = (step - args.warmup) / max(1, args.total_steps - args.warmup)
        return max(0.05, 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))
    return schedule


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("segmented")
    parser.add_argument("tokenizer_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=6e-4)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--total-steps", type=int, default=40000)
    parser.add_argument("--mask-prob", type=float, default=0.15)
    parser.add_argument("--save-every", type=int, default=200)
    parser.add_argument("--max-minutes", type=float, default=None, help="stop (after saving) when this is spent")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = PhobertTokenizer(f"{args.tokenizer_dir}/vocab.txt", f"{args.tokenizer_dir}/bpe.codes")
    ids = token_ids(args.segmented, tokenizer, out / "ids.npy")
    model = RobertaForMaskedLM(model_config(tokenizer, args))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda(args))
    step = 0
    checkpoint = out / "checkpoint" / "state.pt"
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step = state["step"]
        print(f"resumed at step {step}")
    special = torch.tensor([tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id])
    deadline = time.time() + 60 * args.max_minutes if args.max_minutes else None
    model.train()
    log = open(out / "log.jsonl", "a", encoding="utf-8")
    bar = tqdm(total=args.total_steps, initial=step, desc="mlm", unit="step")
    running = None
    while step < args.total_steps:
        input_ids, labels = batch_at(ids, step, args, tokenizer, special)
        loss = masked_lm_loss(model, input_ids, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)
        step += 1
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        bar.update(1)
        bar.set_postfix(loss=f"{running:.3f}")
        out_of_time = deadline is not None and time.time() > deadline
        if step % args.save_every == 0 or step == args.total_steps or out_of_time:
            _save(model, optimizer, scheduler, step, checkpoint, out)
            log.write(json.dumps({"step": step, "loss": running, "lr": scheduler.get_last_lr()[0]}) + "\n")
            log.flush()
        if out_of_time:
            break
    bar.close()


def _save(model, optimizer, scheduler, step: int, checkpoint: Path, out: Path) -> None:
    checkpoint.parent.mkdir(parents=True, exist_ok=True)
    tmp = checkpoint.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(), "step": step}, tmp)
    tmp.replace(checkpoint)
    model.save_pretrained(out / "model")


if __name__ == "__main__":
    main()
