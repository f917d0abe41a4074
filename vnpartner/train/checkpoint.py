"""Checkpoints: ``checkpoints/step-N`` folders with everything a run needs to go on.

Each holds ``model.safetensors`` (weights), ``trainer.pt`` (optimizer, scheduler, step,
RNG state) and ``checkpoint.json`` (step, tags; readable without torch). A folder is
written under a temporary name and renamed, so a crash never leaves half a checkpoint.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from ..errors import VnPartnerError

_STEP = re.compile(r"^step-(\d+)$")
KEEP = 2


def checkpoints(root: str | Path) -> list[Path]:
    """The checkpoint folders under ``root``, oldest first."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in root.iterdir() if p.is_dir() and (m := _STEP.match(p.name))]
    return [p for _, p in sorted(found)]


def latest(root: str | Path) -> Path | None:
    found = checkpoints(root)
    return found[-1] if found else None


def save(root: str | Path, step: int, model, optimizer, scheduler, *, tags: list[str], info: dict | None = None,
         keep: int = KEEP) -> Path:
    """Write ``root/step-<step>`` and delete all but the newest ``keep`` checkpoints.

    ``info`` (JSON-able, e.g. the training history) comes back from :func:`load`.
    """
    import torch
    from safetensors.torch import save_model

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    final = root / f"step-{step}"
    tmp = root / f".step-{step}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    save_model(model, str(tmp / "model.safetensors"))
    state = {"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(), "step": step,
             "rng": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda_rng"] = torch.cuda.get_rng_state_all()
    torch.save(state, tmp / "trainer.pt")
    (tmp / "checkpoint.json").write_text(json.dumps({"step": step, "tags": tags, "info": info or {}}), encoding="utf-8")
    if final.exists():
        shutil.rmtree(final)
    os.replace(tmp, final)
    for old in checkpoints(root)[:-keep]:
        shutil.rmtree(old)
    return final


def load(path: str | Path, model, optimizer, scheduler, *, tags: list[str], device: str = "cpu"
         ) -> tuple[int, dict]:
    """Restore a checkpoint into ``model``, ``optimizer`` and ``scheduler``; return its step and info."""
    import torch
    from safetensors.torch import load_model

    path = Path(path)
    info = json.loads((path / "checkpoint.json").read_text(encoding="utf-8"))
    if info.get("tags") != list(tags):
        raise VnPartnerError("E406", f"checkpoint {path} was trained with the tags {info.get('tags')}, this run "
                             f"has {list(tags)}; drop --resume or use another --output.")
    load_model(model, str(path / "model.safetensors"), device=str(device))
    state = torch.load(path / "trainer.pt", map_location=device, weights_only=True)
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    torch.set_rng_state(state["rng"].cpu())
    if "cuda_rng" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([s.cpu() for s in state["cuda_rng"]])
    return int(state["step"]), info.get("info", {})


def clear(root: str | Path) -> None:
    """Remove the checkpoints of an earlier run (a fresh run must not resume from them later)."""
    for old in checkpoints(root):
        shutil.rmtree(old)
