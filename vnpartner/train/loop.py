"""``train(config)``: fine-tune a token-classification model and save a vnpartner model folder.

A plain PyTorch loop: AdamW, linear warm-up then decay, gradient clipping. Batch ``k``
of epoch ``e`` is fixed by the seed (the data order of epoch ``e`` is a permutation
seeded with ``seed + e``), and checkpoints keep the RNG state, so a resumed run ends with
the same weights as one that never stopped.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..encode import encode_words, pad_batch
from ..evaluate import score_tags
from ..tag.neural import predict_words, repair_iob
from . import checkpoint
from .config import TrainConfig
from .data import (
    Corpus, WordDoc, build_dataset, check_not_empty, corpus_is_segmented, entity_types, read_corpus, tag_names,
    to_word_docs,
)
from .model import Base, check_compatible, load_base_model, load_base_tokenizer, resolve_base, save_model

REPORT_FILE = "report.json"


@dataclass
class Prepared:
    """Everything known before a model is loaded: base, label set, words and tags."""

    base: Base
    types: list[str]
    tags: list[str]
    segmented: bool
    train: Corpus
    train_docs: list[WordDoc]
    train_stats: Counter
    dev: Corpus | None = None
    dev_docs: list[WordDoc] | None = None
    dev_stats: Counter = field(default_factory=Counter)
    new_head: bool = False  # a vnpartner model continued with another label set


def prepare(config: TrainConfig) -> Prepared:
    """Check the base, read the data, fix the labels and turn documents into tagged words."""
    base = resolve_base(config.base)
    train_corpus = read_corpus(config.train, config.format)
    dev_corpus = read_corpus(config.dev, config.format) if config.dev else None
    types, new_head = label_types(config, base, entity_types([train_corpus]))
    if base.is_vnpartner_model:
        segmented = bool(base.meta["segmented"])
        tags = tag_names(types) if new_head else list(base.meta["labels"])
    else:
        tags, segmented = tag_names(types), corpus_is_segmented(train_corpus)
    data = Prepared(base, types, tags, segmented, train_corpus, [], Counter(), dev_corpus, new_head=new_head)
    data.train_docs = to_word_docs(train_corpus, segmented=segmented, types=types, stats=data.train_stats)
    check_not_empty(data.train_docs, types, config.train)
    if dev_corpus is not None:
        data.dev_docs = to_word_docs(dev_corpus, segmented=segmented, types=types, stats=data.dev_stats)
    return data


def train(config: TrainConfig) -> dict:
    """Train as ``config`` says; save the model into ``config.output_dir``; return the report."""
    started = time.perf_counter()
    data = prepare(config)
    tokenizer = load_base_tokenizer(data.base, config.tokenizer)
    model = load_base_model(data.base, data.tags, config.seed, new_head=data.new_head)
    check_compatible(model, tokenizer, config.max_length, data.base)
    dataset = build_dataset(data.train_docs, tokenizer, data.tags, max_length=config.max_length,
                            overlap=config.overlap)
    run = Run(config, data, model, tokenizer, dataset)
    run.fit()
    scores = run.evaluate()
    if run.history and scores is not None:
        run.history[-1]["dev_f1"] = scores["micro"]["f1"]
    out = Path(config.output_dir)
    save_model(out, model, tokenizer, tags=data.tags, segmented=data.segmented, max_length=config.max_length,
               base=config.base)
    report = {
        "model": str(out), "base": config.base, "continued": data.base.is_vnpartner_model,
        "new_head": data.new_head,
        "labels": data.types, "tags": data.tags, "segmented": data.segmented,
        "train": _data_report(data.train, data.train_stats, len(dataset)),
        "dev": None if data.dev is None else {**_data_report(data.dev, data.dev_stats), "scores": scores},
        "steps": run.step, "steps_run": run.step - run.first_step,
        "epochs": round(run.step / run.steps_per_epoch, 3), "resumed_from": run.resumed_from,
        "loss": run.history[-1]["loss"] if run.history else None,
        "seconds": round(time.perf_counter() - started, 2), "device": run.device,
        "history": run.history, "config": config.to_dict(),
    }
    (out / REPORT_FILE).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


class Run:
    """One training run: optimizer, schedule, checkpoints, and the loop over steps."""

    def __init__(self, config: TrainConfig, data: Prepared, model, tokenizer, dataset):
        from transformers import get_linear_schedule_with_warmup

        self.config, self.data, self.model, self.tokenizer, self.dataset = config, data, model, tokenizer, dataset
        self.device = _device(config.device)
        model.to(self.device)
        if config.freeze_embeddings:
            _freeze_embeddings(model)
        self.optimizer = _optimizer(model, config)
        self.steps_per_epoch = math.ceil(len(dataset) / config.batch_size)
        self.total = config.max_steps or config.epochs * self.steps_per_epoch
        self.scheduler = get_linear_schedule_with_warmup(
            self.optimizer, int(config.warmup_ratio * self.total), self.total)
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        self.root = Path(config.output_dir) / "checkpoints"
        self.step, self.resumed_from, self.history = 0, None, []
        self.lengths = [len(ids) for ids in dataset["input_ids"]]
        self._order: tuple[int, list[list[int]]] | None = None
        found = checkpoint.latest(self.root) if config.resume else None
        if found is not None:
            self.step, info = checkpoint.load(found, model, self.optimizer, self.scheduler, tags=data.tags,
                                              device=self.device)
            self.resumed_from, self.history = self.step, info.get("history", [])
        elif not config.resume:
            checkpoint.clear(self.root)
        self.first_step = self.step

    def batch(self, step: int) -> dict:
        """Batch ``step``: the batches of epoch ``e`` are fixed by ``seed + e`` (see ``epoch_batches``)."""
        epoch, index = divmod(step, self.steps_per_epoch)
        if self._order is None or self._order[0] != epoch:
            self._order = (epoch, epoch_batches(self.lengths, self.config.batch_size, self.config.seed + epoch))
        rows = self.dataset[self._order[1][index]]
        batch = pad_batch(rows["input_ids"], self.pad_id, rows["labels"])
        return {k: v.to(self.device) for k, v in batch.items()}

    def fit(self) -> None:
        import torch
        from tqdm.auto import tqdm

        config, model = self.config, self.model
        losses: list[float] = []
        model.train()
        bar = tqdm(total=self.total, initial=self.step, desc="train", unit="step",
                   disable=None if config.progress else True)
        device_type = torch.device(self.device).type
        while self.step < self.total:
            with torch.autocast(device_type, dtype=torch.bfloat16, enabled=config.bf16):
                loss = model(**self.batch(self.step)).loss
            loss.backward()
            if config.max_grad_norm:
                torch.nn.utils.clip_grad_norm_(model.parameters(), config.max_grad_norm)
            self.optimizer.step()
            self.scheduler.step()
            self.optimizer.zero_grad(set_to_none=True)
            self.step += 1
            losses.append(loss.item())
            bar.update(1)
            bar.set_postfix(loss=f"{losses[-1]:.4f}")
            every = config.eval_every or self.steps_per_epoch
            if self.step % every == 0 or self.step == self.total:
                # the last step is scored once, after the loop
                self.log(losses, self.evaluate() if self.step < self.total else None)
                losses = []
            if config.save_every and self.step % config.save_every == 0:
                checkpoint.save(self.root, self.step, model, self.optimizer, self.scheduler, tags=self.data.tags,
                                info={"history": self.history})
        bar.close()
        model.eval()

    def log(self, losses: list[float], scores: dict | None) -> None:
        point = {"step": self.step, "epoch": round(self.step / self.steps_per_epoch, 3),
                 "loss": round(sum(losses) / len(losses), 6) if losses else None,
                 "lr": self.scheduler.get_last_lr()[0]}
        if scores is not None:
            point["dev_f1"] = scores["micro"]["f1"]
        self.history.append(point)

    def evaluate(self) -> dict | None:
        """Dev scores now (None without a dev set)."""
        if not self.data.dev_docs:
            return None
        config = self.config
        return evaluate_words(self.model, self.tokenizer, self.data.dev_docs, self.data.tags,
                              max_length=config.max_length, overlap=config.overlap,
                              batch_size=config.batch_size, device=self.device)


def epoch_batches(lengths: list[int], batch_size: int, seed: int, pool: int = 50) -> list[list[int]]:
    """Row indices of every batch of one epoch, grouped by length so that little is padding.

    Rows are shuffled, cut into pools of ``pool`` batches, sorted by length within a pool
    and batched; the batches are then shuffled. The same seed gives the same batches.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(lengths), generator=generator).tolist()
    batches = []
    for start in range(0, len(order), batch_size * pool):
        chunk = sorted(order[start:start + batch_size * pool], key=lambda i: lengths[i])
        batches.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    shuffled = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[i] for i in shuffled]


def label_types(config: TrainConfig, base: Base, found: list[str]) -> tuple[list[str], bool]:
    """The entity types to learn, and whether a vnpartner model base needs a new head for them.

    A vnpartner model keeps its labels (and head) when the data's labels are among them and
    ``labels`` is unset or the same set; any other label set gets a fresh head on its encoder.
    """
    wanted = list(config.labels) if config.labels else found
    if not base.is_vnpartner_model:
        return wanted, False
    known = [t[2:] for t in base.meta["labels"] if t.startswith("B-")]
    same = sorted(config.labels) == sorted(known) if config.labels else set(found) <= set(known)
    return (known, False) if same else (wanted, True)


def evaluate_words(model, tokenizer, docs: list[WordDoc], tags: list[str], *, max_length: int, overlap: int,
                   batch_size: int, device: str = "cpu") -> dict:
    """Strict IOB2 scores (seqeval) of the model on word-tagged documents, per sentence."""
    was_training = model.training
    model.eval()
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    gold, pred = [], []
    for doc in docs:
        if not doc.words:
            continue
        windows = encode_words(tokenizer, doc.words, max_length, overlap=overlap)
        ids = predict_words(model, windows, len(doc.words), pad_id=pad_id, batch_size=batch_size, device=device)
        gold.extend(doc.sentences())
        pred.extend(repair_iob(s) for s in doc.sentences([tags[i] for i in ids]))
    if was_training:
        model.train()
    return score_tags(gold, pred)


def _data_report(corpus: Corpus, stats: Counter, windows: int | None = None) -> dict:
    ignored = {k[len("ignored "):]: v for k, v in sorted(stats.items()) if k.startswith("ignored ")}
    out = {"file": corpus.path, "format": corpus.format,
           **{k: stats[k] for k in ("documents", "sentences", "words", "entities")},
           "ignored_entities": ignored, "overlapping_entities_dropped": stats["overlapping entities dropped"]}
    if windows is not None:
        out["windows"] = windows
    return out


def _device(name: str) -> str:
    import torch

    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = True  # TF32 matrix products: same results to ~3 digits, far faster
    return name


def _freeze_embeddings(model) -> None:
    embeddings = getattr(model.base_model, "embeddings", None) or model.get_input_embeddings()
    for parameter in embeddings.parameters():
        parameter.requires_grad = False


def _optimizer(model, config: TrainConfig):
    import torch

    decay, no_decay = [], []
    for name, parameter in model.named_parameters():
        if not parameter.requires_grad:
            continue
        plain = name.endswith("bias") or "norm" in name.lower()
        (no_decay if plain else decay).append(parameter)
    groups = [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=config.lr)
