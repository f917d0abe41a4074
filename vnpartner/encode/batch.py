"""Pad windows (or any id lists) into the tensors a model takes."""

from __future__ import annotations

from collections.abc import Sequence

from .align import IGNORE


def pad_batch(input_ids: Sequence[Sequence[int]], pad_id: int,
              labels: Sequence[Sequence[int]] | None = None) -> dict:
    """``input_ids``, ``attention_mask`` (and ``labels``) tensors, right-padded to the longest row."""
    import torch

    width = max(len(row) for row in input_ids)
    ids = torch.full((len(input_ids), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(input_ids), width), dtype=torch.long)
    for r, row in enumerate(input_ids):
        ids[r, :len(row)] = torch.tensor(row, dtype=torch.long)
        mask[r, :len(row)] = 1
    batch = {"input_ids": ids, "attention_mask": mask}
    if labels is not None:
        gold = torch.full((len(labels), width), IGNORE, dtype=torch.long)
        for r, row in enumerate(labels):
            gold[r, :len(row)] = torch.tensor(row, dtype=torch.long)
        batch["labels"] = gold
    return batch
