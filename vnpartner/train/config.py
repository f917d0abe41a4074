"""``TrainConfig``: every setting of a training run, with help text and validation.

Cheap to import (no torch): the command line reads its help texts from here.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import VnPartnerError

FORMATS = ("auto", "jsonl", "tokens", "conll", "vlsp2018", "doccano", "labelstudio")


def _opt(default, help: str, **kwargs):
    return field(default=default, metadata={"help": help}, **kwargs)


@dataclass
class TrainConfig:
    """What ``vnpartner.train.train`` needs. Invalid values raise VnPartnerError E400/E401."""

    train: str | os.PathLike = _opt(None, "annotated training file: JSONL (ANNOTATION.md), CoNLL/IOB2 or "
                                    "token JSONL, VLSP 2018, Doccano or Label Studio export")
    dev: str | os.PathLike | None = _opt(None, "annotated file scored with seqeval during and after training")
    base: str = _opt(None, "model to start from: a hub name (vinai/phobert-base), a local transformers "
                     "folder, or a vnpartner model folder to continue training")
    output_dir: str | os.PathLike = _opt(None, "folder for the trained model, report.json and checkpoints/")
    labels: list[str] | None = _opt(None, "entity types to learn (PERSON, LOCATION, ...); by default every type "
                                    "in the training data. Other types in the data are ignored")
    epochs: int = _opt(3, "passes over the training data (ignored when a step limit is set)")
    max_steps: int | None = _opt(None, "optimizer steps to run in all; overrides epochs")
    batch_size: int = _opt(16, "windows per optimizer step")
    lr: float = _opt(5e-5, "peak learning rate of AdamW")
    warmup_ratio: float = _opt(0.1, "share of the steps spent warming the learning rate up from 0")
    weight_decay: float = _opt(0.01, "AdamW weight decay (not applied to biases and norms)")
    seed: int = _opt(42, "seed of the head initialisation, dropout and data order")
    max_length: int = _opt(256, "positions per window, special tokens included (PhoBERT: 256)")
    eval_every: int = _opt(0, "score dev every N steps (0: at the end of each epoch)")
    save_every: int = _opt(500, "write a checkpoint every N steps (0: never); the last 2 are kept")
    resume: bool = _opt(False, "continue from the newest checkpoint in the output folder's checkpoints/")
    freeze_embeddings: bool = _opt(False, "keep the embedding layer fixed")
    format: str = _opt("auto", f"format of train/dev files: {', '.join(FORMATS)}")
    tokenizer: str | os.PathLike | None = _opt(None, "folder or hub name of the tokenizer, when the base "
                                               "folder has none (default: the base)")
    overlap: int = _opt(32, "words shared by consecutive windows of a long document (at most half a window)")
    max_grad_norm: float = _opt(1.0, "gradient clipping norm (0: no clipping)")
    device: str = _opt("auto", "torch device: auto (cuda when available), cpu, cuda, cuda:1, ...")
    bf16: bool = _opt(False, "mixed precision: forward and backward passes in bfloat16 autocast, weights "
                             "and optimizer in float32 (about 1.5x faster on CPUs with AMX)")
    progress: bool = _opt(True, "show a progress bar (on a terminal)")

    def __post_init__(self) -> None:
        for name in ("train", "base", "output_dir"):
            if getattr(self, name) in (None, ""):
                _bad(f"{name} is required")
        self.train = str(self.train)
        self.output_dir = str(self.output_dir)
        self.base = str(self.base)
        for name in ("train", "dev"):
            path = getattr(self, name)
            if path is not None:
                path = str(path)
                setattr(self, name, path)
                if not Path(path).is_file():
                    raise VnPartnerError("E401", f"{name} file not found: {path} (relative to {Path.cwd()}).")
        if Path(self.output_dir).is_file():
            _bad(f"output_dir {self.output_dir} is a file; give a folder")
        if self.tokenizer is not None:
            self.tokenizer = str(self.tokenizer)
        self._check_numbers()
        if self.format not in FORMATS:
            _bad(f"unknown format {self.format!r}; use one of: {', '.join(FORMATS)}")
        if self.labels is not None:
            self.labels = _check_labels(self.labels)

    def _check_numbers(self) -> None:
        _int_at_least(self, "epochs", 1)
        if self.max_steps is not None:
            _int_at_least(self, "max_steps", 1)
        _int_at_least(self, "batch_size", 1)
        _int_at_least(self, "max_length", 8)
        _int_at_least(self, "overlap", 0)
        _int_at_least(self, "eval_every", 0)
        _int_at_least(self, "save_every", 0)
        if not isinstance(self.seed, int) or isinstance(self.seed, bool):
            _bad(f"seed must be an integer, got {self.seed!r}")
        check_rate("lr", self.lr)
        if not _finite(self.warmup_ratio) or not 0 <= self.warmup_ratio < 1:
            _bad(f"warmup_ratio must be in [0, 1), got {self.warmup_ratio!r}")
        for name in ("weight_decay", "max_grad_norm"):
            value = getattr(self, name)
            if not _finite(value) or value < 0:
                _bad(f"{name} must be a number >= 0, got {value!r}")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def help(cls, name: str) -> str:
        """The help text of field ``name``."""
        return next(f.metadata["help"] for f in fields(cls) if f.name == name)

    @classmethod
    def default(cls, name: str):
        """The default value of field ``name``."""
        return next(f.default for f in fields(cls) if f.name == name)


def _bad(message: str) -> None:
    raise VnPartnerError("E400", f"invalid training configuration: {message}.")


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _int_at_least(config: TrainConfig, name: str, low: int) -> None:
    check_int(name, getattr(config, name), low)


def check_int(name: str, value, low: int) -> None:
    """VnPartnerError E400 unless ``value`` is an integer (not a bool) of at least ``low``."""
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        _bad(f"{name} must be an integer >= {low}, got {value!r}")


def check_rate(name: str, value) -> None:
    """VnPartnerError E400 unless ``value`` is a finite number above 0 (a learning rate)."""
    if not _finite(value) or value <= 0:
        _bad(f"{name} must be a number > 0, got {value!r}")


def _check_labels(labels) -> list[str]:
    if isinstance(labels, str):
        labels = [part.strip() for part in labels.split(",")]
    labels = list(labels)
    if not labels or any(not isinstance(x, str) or not x.strip() for x in labels):
        _bad("labels must be a non-empty list of entity types")
    prefixed = [x for x in labels if len(x) > 2 and x[1] == "-" and x[0] in "BIESLU"]
    if prefixed or "O" in labels:
        _bad(f"labels are entity types (PERSON), not tags: drop {', '.join(prefixed + ['O'] * ('O' in labels))}")
    if len(set(labels)) != len(labels):
        _bad("labels has duplicates")
    return labels
