"""Load the tokenizer of a model folder or hub name, PhoBERT-style where the files say so."""

from __future__ import annotations

import os
from pathlib import Path

PHOBERT_FILES = ("vocab.txt", "bpe.codes")


def is_phobert_style(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` holds the two files of a PhoBERT BPE vocabulary."""
    return all((Path(folder) / name).is_file() for name in PHOBERT_FILES)


def has_tokenizer(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` holds tokenizer files that ``load_tokenizer`` can read."""
    folder = Path(folder)
    return is_phobert_style(folder) or any(
        (folder / name).is_file() for name in ("tokenizer.json", "tokenizer_config.json",
                                               "sentencepiece.bpe.model", "spiece.model", "vocab.json"))


def load_tokenizer(name_or_path: str | os.PathLike, *, local_files_only: bool | None = None):
    """A transformers tokenizer for a local folder or a hub name.

    A folder with ``vocab.txt`` + ``bpe.codes`` gets a ``PhobertTokenizer`` (slow, as
    PhoBERT ships); anything else goes through ``AutoTokenizer``. Folders are read with
    ``local_files_only=True``; names use the hub as transformers normally does.
    """
    path = Path(name_or_path)
    local = path.is_dir()
    if local_files_only is None:
        local_files_only = local
    if local and is_phobert_style(path):
        from transformers import PhobertTokenizer

        if (path / "tokenizer_config.json").is_file():
            return PhobertTokenizer.from_pretrained(str(path), local_files_only=True)
        return PhobertTokenizer(str(path / "vocab.txt"), str(path / "bpe.codes"))
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(name_or_path), local_files_only=local_files_only)
