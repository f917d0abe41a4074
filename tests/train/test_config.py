from dataclasses import fields

import pytest

from vnpartner.errors import VnPartnerError
from vnpartner.train import TrainConfig


@pytest.fixture
def train_file(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text("", encoding="utf-8")
    return path


def test_defaults(train_file, tmp_path):
    config = TrainConfig(train=train_file, base="vinai/phobert-base", output_dir=tmp_path / "out")
    assert config.max_length == 256 and config.labels is None and config.format == "auto"
    assert config.train == str(train_file) and config.output_dir == str(tmp_path / "out")
    assert config.to_dict()["lr"] == 5e-5


def test_every_field_has_help():
    for f in fields(TrainConfig):
        assert len(TrainConfig.help(f.name)) > 10


@pytest.mark.parametrize("options, message", [
    ({"lr": 0}, "lr must be"),
    ({"lr": float("nan")}, "lr must be"),
    ({"epochs": 0}, "epochs"),
    ({"max_steps": 0}, "max_steps"),
    ({"batch_size": 2.5}, "batch_size"),
    ({"warmup_ratio": 1.0}, "warmup_ratio"),
    ({"weight_decay": -1}, "weight_decay"),
    ({"max_length": 4}, "max_length"),
    ({"overlap": -1}, "overlap"),
    ({"format": "xml"}, "unknown format"),
    ({"labels": ["B-PERSON"]}, "entity types"),
    ({"labels": []}, "non-empty"),
    ({"labels": ["PERSON", "PERSON"]}, "duplicates"),
    ({"seed": "x"}, "seed"),
])
def test_bad_values_are_E400(train_file, tmp_path, options, message):
    with pytest.raises(VnPartnerError, match=rf"E400.*{message}"):
        TrainConfig(train=train_file, base="b", output_dir=tmp_path / "out", **options)


def test_missing_files_are_E401(train_file, tmp_path):
    with pytest.raises(VnPartnerError, match=r"E401.*train file not found: .*nope.jsonl"):
        TrainConfig(train=tmp_path / "nope.jsonl", base="b", output_dir=tmp_path / "out")
    with pytest.raises(VnPartnerError, match=r"E401.*dev file"):
        TrainConfig(train=train_file, dev=tmp_path / "nope", base="b", output_dir=tmp_path / "out")


def test_required_fields(train_file, tmp_path):
    with pytest.raises(VnPartnerError, match="base is required"):
        TrainConfig(train=train_file, output_dir=tmp_path)


def test_labels_from_a_comma_list(train_file, tmp_path):
    config = TrainConfig(train=train_file, base="b", output_dir=tmp_path / "o", labels="PERSON, LOCATION")
    assert config.labels == ["PERSON", "LOCATION"]
