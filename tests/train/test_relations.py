"""The relation head: trained with `vnpartner train --task relations`, saved with the tagger, run by extract()."""

import json
import re

import pytest
import torch

import vnpartner
from vnpartner.cli import main
from vnpartner.errors import VnPartnerError
from vnpartner.relate import RuleRelater
from vnpartner.relate.neural import NeuralRelater, candidate_pairs
from vnpartner.schema import RELATION_ARGUMENTS, Document
from vnpartner.text import iter_sentences
from vnpartner.train.joint import unit_tags
from vnpartner.train.relations import train_relations


def with_relations(path):
    """The documents of a JSONL file, given the relations the pattern layer reads off them."""
    docs = vnpartner.io.read_jsonl(path)
    for doc in docs:
        doc.relations = RuleRelater().relate(doc, list(iter_sentences(doc.text)))
    return docs


@pytest.fixture
def relation_files(tmp_path, sentences, files):
    folder = tmp_path
    out = {}
    for name, part in (("train", sentences[:40]), ("dev", sentences[40:])):
        docs = with_relations(files.jsonl(folder / f"{name}_plain.jsonl", part))
        vnpartner.io.write_jsonl(docs, folder / f"{name}.jsonl")
        out[name] = folder / f"{name}.jsonl"
    return out


def test_candidates_respect_the_argument_types_and_symmetry():
    text = "Tỉnh Gia Lai và tỉnh Kon Tum ký Bản ghi nhớ ngày 3/5/2021."
    doc = Document(text=text)
    for surface, label in (("Tỉnh Gia Lai", "LOCATION"), ("tỉnh Kon Tum", "LOCATION"),
                           ("Bản ghi nhớ", "AGREEMENT"), ("3/5/2021", "DATE")):
        at = text.index(surface)
        doc.add_entity(at, at + len(surface), label)
    pairs = candidate_pairs(doc, list(iter_sentences(text)))
    for pair in pairs:
        for label in pair.allowed:
            heads, tails = RELATION_ARGUMENTS[label]
            assert pair.head.label in heads and pair.tail.label in tails
    partner = [(p.head.text, p.tail.text) for p in pairs if "PARTNER" in p.allowed]
    assert partner == [("Tỉnh Gia Lai", "tỉnh Kon Tum")]  # stored once, head first in text
    assert any(p.head.label == "AGREEMENT" and p.tail.label == "DATE" for p in pairs)


def test_cli_trains_a_head_that_extract_uses(tmp_path, tiny_tagger, relation_files, capsys):
    out = tmp_path / "with_relations"
    code = main(["train", str(relation_files["train"]), "--task", "relations", "--dev", str(relation_files["dev"]),
                 "--base", str(tiny_tagger), "--output", str(out), "--epochs", "40", "--lr", "3e-3",
                 "--heads", "2"])
    printed = capsys.readouterr().out
    assert code == 0 and "micro-F1" in printed
    for name in ("relations.safetensors", "relations.json", "relations_report.json", "model.safetensors"):
        assert (out / name).is_file(), name
    report = json.loads((out / "relations_report.json").read_text())
    assert report["train_relations"] > 50
    # Two heads, seeds 42 and 43, each keeping its own best epoch; the saved head averages them.
    assert [head["seed"] for head in report["heads"]] == [42, 43]
    assert json.loads((out / "relations.json").read_text())["heads"] == 2
    # Templated sentences: the types and distances alone decide most relations.
    assert report["dev"]["micro"]["f1"] > 0.6
    # PARTNER is then decided per pair of parties, by a filter fitted on out-of-fold probabilities.
    assert "with the party filter" in printed and "dev_with_party_filter" in report
    assert json.loads((out / "relations.json").read_text())["party_filter"]["weights"]
    pipeline = vnpartner.load(str(out))
    assert isinstance(pipeline.relater, NeuralRelater)
    doc = pipeline(json.loads(relation_files["dev"].read_text().splitlines()[0])["text"])
    by_id = {e.id: e for e in doc.entities}
    for rel in doc.relations:
        heads, tails = RELATION_ARGUMENTS[rel.label]
        assert by_id[rel.head].label in heads and by_id[rel.tail].label in tails


def test_relations_come_from_the_tagging_pass(tmp_path, tiny_tagger, relation_files):
    """One encoder pass per window: adding the relation head adds no forward call."""
    out = tmp_path / "counted"
    train_relations(vnpartner.io.read_jsonl(relation_files["train"]), [], str(tiny_tagger), out, epochs=1,
                    heads=1, party_folds=0, progress=False)
    config = json.loads((out / "relations.json").read_text())
    assert "party_filter" not in config and config["heads"] == 1
    text = json.loads(relation_files["dev"].read_text().splitlines()[0])["text"]
    calls = []
    for folder in (tiny_tagger, out):
        pipeline = vnpartner.load(str(folder))
        model = pipeline.tagger.model
        handle = model.register_forward_hook(lambda *_: calls.append(folder))
        pipeline(text)
        handle.remove()
    assert calls.count(tiny_tagger) == calls.count(out) >= 1


def test_no_relations_to_learn_is_a_clear_error(tmp_path, tiny_tagger, data_dir):
    with pytest.raises(VnPartnerError) as err:
        train_relations(vnpartner.io.read_jsonl(data_dir / "train.jsonl"), [], str(tiny_tagger), tmp_path / "x",
                        progress=False)
    assert err.value.code == "E404"


@pytest.mark.parametrize("heads", [0, -1, 1.5])
def test_fewer_than_one_head_is_a_clear_error(tmp_path, tiny_tagger, relation_files, heads):
    with pytest.raises(VnPartnerError) as err:
        train_relations(vnpartner.io.read_jsonl(relation_files["train"]), [], str(tiny_tagger), tmp_path / "x",
                        heads=heads, progress=False)
    assert err.value.code == "E400"


@pytest.mark.parametrize("flag", [["--heads", "2"], ["--party-folds", "3"], ["--encoder-epochs", "1"],
                                  ["--encoder-lr", "1e-4"]])
def test_relation_options_are_refused_for_the_tagger(tmp_path, tiny_tagger, relation_files, flag, capsys):
    code = main(["train", str(relation_files["train"]), "--base", str(tiny_tagger), "--output", str(tmp_path / "x"),
                 *flag])
    assert code != 0 and "--task relations only" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_encoder_tuning_changes_the_tagger_and_keeps_one_pass(tmp_path, tiny_tagger, relation_files, capsys):
    out = tmp_path / "tuned"
    code = main(["train", str(relation_files["train"]), "--task", "relations", "--base", str(tiny_tagger),
                 "--output", str(out), "--epochs", "2", "--heads", "1", "--party-folds", "0",
                 "--encoder-epochs", "2", "--encoder-lr", "1e-3"])
    assert code == 0
    report = json.loads((out / "relations_report.json").read_text())
    history = report["encoder_tuning"]["history"]
    assert [h["epoch"] for h in history] == [1, 2] and history[1]["loss"] < history[0]["loss"]
    before, after = (vnpartner.load(str(folder)).tagger.model.state_dict() for folder in (tiny_tagger, out))
    assert any(not torch.equal(before[name], after[name]) for name in before)
    assert (tiny_tagger / "model.safetensors").is_file() and not (tiny_tagger / "relations.json").exists()
    doc = vnpartner.load(str(out))(json.loads(relation_files["dev"].read_text().splitlines()[0])["text"])
    assert doc.entities and isinstance(vnpartner.load(str(out)).relater, NeuralRelater)


def test_negative_encoder_epochs_is_a_clear_error(tmp_path, tiny_tagger, relation_files):
    with pytest.raises(VnPartnerError) as err:
        train_relations(vnpartner.io.read_jsonl(relation_files["train"]), [], str(tiny_tagger), tmp_path / "x",
                        encoder_epochs=-1, progress=False)
    assert err.value.code == "E400" and not (tmp_path / "x").exists()


def test_unit_tags_follow_the_entities():
    text = "Tỉnh Gia Lai hợp tác với Lào."
    doc = Document(text=text)
    doc.add_entity(0, 12, "LOCATION")
    doc.add_entity(text.index("Lào"), text.index("Lào") + 3, "LOCATION")
    doc.add_entity(text.index("hợp"), text.index("hợp") + 7, "SECTOR")
    units = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
    label_id = {"O": 0, "B-LOCATION": 1, "I-LOCATION": 2}
    assert unit_tags(doc, units, label_id) == [1, 2, 2, -100, -100, 0, 1]


@pytest.mark.parametrize("options, name", [({"epochs": -1}, "epochs"), ({"batch_size": 0}, "batch_size"),
                                           ({"party_folds": -2}, "party_folds"), ({"lr": 0.0}, "lr")])
def test_bad_relation_training_numbers_are_refused_before_any_work(tmp_path, options, name):
    from vnpartner.train.relations import train_relations

    with pytest.raises(VnPartnerError, match=rf"E400.*{name}"):
        train_relations([], [], tmp_path / "no-base", tmp_path / "out", **options)
    assert not (tmp_path / "out").exists()


def test_cross_validation_reads_each_document_with_heads_trained_without_it(tiny_tagger, relation_files,
                                                                           monkeypatch):
    from vnpartner.train import crossval, relations

    docs = vnpartner.io.read_jsonl(relation_files["train"])  # 8 articles
    trained_on = []
    fit_head = relations._fit_head

    def recording(examples, *args, **kwargs):
        trained_on.append({e["doc"].id for e in examples})
        return fit_head(examples, *args, **kwargs)

    monkeypatch.setattr(relations, "_fit_head", recording)
    predicted = crossval.cross_validate_relations(docs, tiny_tagger, folds=4, epochs=2, heads=2, progress=False)
    assert [doc.id for doc in predicted] == [doc.id for doc in docs]
    assert all(doc.entities is not None and isinstance(doc.partnerships, list) for doc in predicted)
    ids = {doc.id for doc in docs}
    assert len(trained_on) == 8  # two heads per fold
    held_out = [ids - seen for seen in trained_on[::2]]
    assert all(held_out) and sorted(i for part in held_out for i in part) == sorted(ids)  # each left out once
    assert trained_on[0] == trained_on[1]  # a fold's heads share their articles


def test_recipe_prints_a_row_per_file_and_writes_them(tmp_path, tiny_tagger, relation_files, capsys):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "recipes" / "relation_cv.py"
    spec = importlib.util.spec_from_file_location("relation_cv", path)
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    out = tmp_path / "cv.json"
    dev = vnpartner.io.read_jsonl(relation_files["dev"])
    for doc in dev:
        doc.id = f"dev-{doc.id}"  # ids are unique across the files, as in the team's gold
    vnpartner.io.write_jsonl(dev, tmp_path / "dev.jsonl")
    assert recipe.main([str(relation_files["train"]), str(tmp_path / "dev.jsonl"), "--base", str(tiny_tagger),
                        "--folds", "3", "--epochs", "1", "--heads", "1", "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    rows = json.loads(out.read_text())["rows"]
    assert list(rows) == ["train.jsonl", "dev.jsonl", "all"]
    assert all(f"| {name} |" in printed for name in rows)
    assert rows["all"]["records gold / proposed / matched"].startswith("0 / ")  # the made-up files have none


@pytest.mark.parametrize("options, code", [({"folds": 1}, "E400"), ({"folds": 99}, "E400"), ({"epochs": 0}, "E400")])
def test_bad_cross_validation_settings_are_clear_errors(tiny_tagger, relation_files, options, code):
    from vnpartner.train.crossval import cross_validate_relations

    docs = vnpartner.io.read_jsonl(relation_files["train"])
    with pytest.raises(VnPartnerError) as err:
        cross_validate_relations(docs, tiny_tagger, progress=False, **options)
    assert err.value.code == code


def test_cross_validation_without_relations_is_a_clear_error(tiny_tagger, data_dir):
    from vnpartner.train.crossval import cross_validate_relations

    with pytest.raises(VnPartnerError) as err:
        cross_validate_relations(vnpartner.io.read_jsonl(data_dir / "train.jsonl"), tiny_tagger, progress=False)
    assert err.value.code == "E404"
