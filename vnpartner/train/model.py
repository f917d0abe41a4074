"""The model side of training: find the base, load it with a fresh head, save the result."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..encode import has_tokenizer, load_tokenizer
from ..errors import VnPartnerError
from ..tag.neural import load_token_model, model_max_length, quiet_transformers, read_meta, write_meta

_HUB_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


@dataclass
class Base:
    """Where training starts: a local folder or a hub name, and its vnpartner.json if any."""

    name: str
    local: bool
    meta: dict | None = None

    @property
    def is_vnpartner_model(self) -> bool:
        return self.meta is not None


def resolve_base(base: str) -> Base:
    """Check ``base`` before anything is loaded: an existing model folder, or a hub name."""
    path = Path(base).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise VnPartnerError("E403", f"base folder {base} has no config.json, so it is not a transformers "
                                 "model folder; give the folder save_pretrained() wrote.")
        return Base(str(path), True, read_meta(path))
    if path.exists() or not _HUB_NAME.match(base):
        raise VnPartnerError("E402", f"unknown base {base!r}: no such model folder (relative to {Path.cwd()}), "
                             "and not a hub name like 'vinai/phobert-base'.")
    return Base(base, False, None)


def _hub_error(base: Base, err: Exception) -> VnPartnerError:
    first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    if base.local:
        return VnPartnerError("E403", f"cannot load the base model folder {base.name}: {first}")
    return VnPartnerError(
        "E402", f"unknown base {base.name!r}: it is not a folder and could not be loaded from the Hugging Face "
        f"hub ({first}). Check the name; without internet, download the model once elsewhere and give its "
        "folder (with HF_HUB_OFFLINE=1 transformers only looks in the local cache).")


def load_base_tokenizer(base: Base, tokenizer: str | None = None):
    """The tokenizer of the base (or of ``tokenizer``), with a clear error when there is none."""
    source = tokenizer or base.name
    if tokenizer is None and base.local and not has_tokenizer(base.name):
        raise VnPartnerError("E403", f"base folder {base.name} has no tokenizer files (vocab.txt + bpe.codes, or "
                             "tokenizer.json); copy them in or pass the tokenizer folder (--tokenizer).")
    try:
        with quiet_transformers():
            return load_tokenizer(source)
    except (OSError, ValueError) as err:
        raise _hub_error(Base(str(source), Path(source).is_dir()), err) from None


def load_base_model(base: Base, tags: list[str], seed: int, *, new_head: bool = False):
    """The base as a token-classification model over ``tags`` (a new head where needed).

    ``new_head=True`` re-initialises the classifier even when its shape happens to fit,
    for a vnpartner model trained on another label set.
    """
    import torch

    torch.manual_seed(seed)
    try:
        model = load_token_model(base.name, id2label=dict(enumerate(tags)),
                                 label2id={t: i for i, t in enumerate(tags)}, ignore_mismatched_sizes=True)
    except (OSError, ValueError) as err:
        raise _hub_error(base, err) from None
    head = getattr(model, "classifier", None)
    if new_head and isinstance(head, torch.nn.Linear):
        with torch.no_grad():
            head.weight.normal_(0.0, getattr(model.config, "initializer_range", 0.02))
            head.bias.zero_()
    return model


def check_compatible(model, tokenizer, max_length: int, base: Base) -> None:
    """The tokenizer's ids must fit the embeddings and windows the positions."""
    vocab = getattr(model.config, "vocab_size", None)
    if vocab is not None and len(tokenizer) > vocab:
        raise VnPartnerError("E403", f"the tokenizer of {base.name} has {len(tokenizer)} tokens but the model only "
                             f"{vocab} embeddings; use the tokenizer the model was trained with.")
    limit = model_max_length(model.config)
    if limit is not None and max_length > limit:
        raise VnPartnerError("E400", f"invalid training configuration: max_length={max_length} is more than the "
                             f"{limit} positions {base.name} takes; use --max-length {limit} or less.")


def save_model(folder: str | Path, model, tokenizer, *, tags: list[str], segmented: bool, max_length: int,
               base: str) -> dict:
    """Write a complete model folder: weights (safetensors), config, tokenizer, vnpartner.json."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with quiet_transformers():
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
    return write_meta(folder, labels=tags, segmented=segmented, max_length=max_length, base=base)
