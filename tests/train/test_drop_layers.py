"""recipes/drop_layers.py: a smaller student keeps the chosen layers, renumbered, and still tags."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from vnpartner.train.tiny import random_phobert

ROOT = Path(__file__).resolve().parents[2]


def recipe():
    spec = importlib.util.spec_from_file_location("drop_layers", ROOT / "recipes" / "drop_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kept_layers_are_renumbered_and_the_model_still_tags(tmp_path):
    from safetensors.torch import load_file

    import vnpartner

    model = random_phobert(tmp_path / "tiny", ["Tỉnh Bình_Dương ký_kết bản_ghi_nhớ với Cuba ."] * 20, layers=3)
    out = tmp_path / "small"
    result = recipe().drop_layers(model, out, [0, 2])
    assert result["layers"] == 2
    assert json.loads((out / "config.json").read_text())["num_hidden_layers"] == 2
    before, after = load_file(model / "model.safetensors"), load_file(out / "model.safetensors")
    key = "roberta.encoder.layer.{}.output.dense.weight"
    assert (after[key.format(1)] == before[key.format(2)]).all()
    assert key.format(2) not in after
    assert (out / "vnpartner.json").is_file() and (out / "bpe.codes").is_file()
    from vnpartner.tag.neural import NeuralTagger

    tagger = NeuralTagger(out, dtype="float32")
    assert tagger.model.config.num_hidden_layers == 2 and len(tagger.model.roberta.encoder.layer) == 2
    doc = vnpartner.extract("Tỉnh Bình Dương ký kết bản ghi nhớ với Cuba.", model=str(out))
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_layers_out_of_range_are_refused(tmp_path):
    model = random_phobert(tmp_path / "tiny", ["Tỉnh Bình_Dương ký_kết ."] * 20, layers=2)
    with pytest.raises(SystemExit, match="below 2"):
        recipe().drop_layers(model, tmp_path / "small", [0, 2])
