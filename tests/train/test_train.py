import json
import shutil

import pytest
import torch
from safetensors.torch import load_file

import vnpartner
from vnpartner.cli import main
from vnpartner.errors import AnnotationError, VnPartnerError
from vnpartner.tag.neural import NeuralTagger
from vnpartner.train import TrainConfig, train
from vnpartner.train import model as train_model

ARTICLE = ("Ngày 12/9/2022, tỉnh Quảng Nam và thành phố Busan đã ký kết Bản ghi nhớ về hợp tác du lịch. "
           "Chủ tịch UBND tỉnh Gia Lai Nguyễn Văn An tiếp đoàn công tác của tỉnh Savannakhet.")


def _weights(folder):
    return load_file(str(folder / "model.safetensors"))


def _same(a, b):
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def _check_model_folder(out):
    for name in ("config.json", "model.safetensors", "vocab.txt", "bpe.codes", "vnpartner.json", "report.json"):
        assert (out / name).is_file(), name
    meta = json.loads((out / "vnpartner.json").read_text())
    config = json.loads((out / "config.json").read_text())
    assert meta["schema"] == 1 and meta["max_length"] == 64 and meta["labels"][0] == "O"
    assert [config["id2label"][str(i)] for i in range(len(meta["labels"]))] == meta["labels"]
    assert config["label2id"]["O"] == 0


def _check_extract(out):
    pipeline = vnpartner.load(str(out))
    assert isinstance(pipeline.tagger, NeuralTagger) and pipeline.name == str(out)
    doc = vnpartner.extract(ARTICLE, model=str(out))
    assert isinstance(doc, vnpartner.Document)
    assert all(doc.text[e.start:e.end] == e.text and e.text.strip() == e.text for e in doc.entities)


def test_cli_trains_on_jsonl(tmp_path, data_dir, tiny_base, capsys):
    out = tmp_path / "model"
    code = main(["train", str(data_dir / "train.jsonl"), "--base", str(tiny_base), "--output", str(out),
                 "--dev", str(data_dir / "dev.jsonl"), "--max-steps", "4", "--batch-size", "4", "--lr", "1e-3",
                 "--seed", "1", "--max-length", "64", "--save-every", "2"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "micro" in printed and "LOCATION" in printed and "4 (" in printed
    _check_model_folder(out)
    report = json.loads((out / "report.json").read_text())
    assert report["steps"] == 4 and report["train"]["format"] == "jsonl" and report["segmented"] is True
    assert report["train"]["documents"] == 8 and report["train"]["entities"] == 130
    assert set(report["dev"]["scores"]) >= {"micro", "macro", "LOCATION"}
    assert report["labels"] == ["AGREEMENT", "DATE", "LOCATION", "PERSON", "SECTOR", "TITLE"]
    assert [p.name for p in sorted((out / "checkpoints").iterdir())] == ["step-2", "step-4"]
    _check_extract(out)


def test_cli_trains_on_conll(tmp_path, data_dir, tiny_base, capsys):
    out = tmp_path / "model"
    code = main(["train", str(data_dir / "train.conll"), "--base", str(tiny_base), "--output", str(out),
                 "--dev", str(data_dir / "dev.conll"), "--epochs", "1", "--batch-size", "16", "--lr", "1e-3",
                 "--max-length", "64", "--format", "conll"])
    assert code == 0
    report = json.loads((out / "report.json").read_text())
    assert report["train"]["format"] == "conll" and report["train"]["documents"] == 40
    assert report["steps"] == 3 and report["epochs"] == 1.0  # 40 sentences, 16 a batch
    assert report["segmented"] is True  # the tokens have underscores
    assert report["history"][-1]["dev_f1"] == report["dev"]["scores"]["micro"]["f1"]
    _check_model_folder(out)
    _check_extract(out)


def test_same_seed_same_weights(tmp_path, data_dir, quick):
    options = {**quick, "train": data_dir / "train.jsonl", "seed": 5}
    train(TrainConfig(output_dir=tmp_path / "a", **options))
    train(TrainConfig(output_dir=tmp_path / "b", **options))
    train(TrainConfig(output_dir=tmp_path / "c", **{**options, "seed": 6}))
    assert _same(_weights(tmp_path / "a"), _weights(tmp_path / "b"))
    assert not _same(_weights(tmp_path / "a"), _weights(tmp_path / "c"))


def test_resume_continues_the_step_count_and_ends_where_an_unbroken_run_ends(tmp_path, data_dir, quick):
    options = {**quick, "train": data_dir / "train.jsonl", "dev": data_dir / "dev.jsonl", "max_steps": 6,
               "save_every": 2}
    whole = train(TrainConfig(output_dir=tmp_path / "whole", **options))
    assert [p.name for p in sorted((tmp_path / "whole" / "checkpoints").iterdir())] == ["step-4", "step-6"]
    # a run that stopped after step 4: only its checkpoint is there
    broken = tmp_path / "broken" / "checkpoints"
    broken.mkdir(parents=True)
    shutil.copytree(tmp_path / "whole" / "checkpoints" / "step-4", broken / "step-4")
    resumed = train(TrainConfig(output_dir=tmp_path / "broken", resume=True, **options))
    assert resumed["resumed_from"] == 4 and resumed["steps"] == 6 and resumed["steps_run"] == 2
    assert _same(_weights(tmp_path / "whole"), _weights(tmp_path / "broken"))
    assert resumed["dev"]["scores"] == whole["dev"]["scores"]
    assert (broken / "step-6").is_dir()


def test_a_run_that_does_not_resume_clears_the_checkpoints_of_an_earlier_one(tmp_path, data_dir, quick):
    options = {**quick, "train": data_dir / "train.jsonl", "save_every": 2}
    train(TrainConfig(output_dir=tmp_path / "o", **{**options, "max_steps": 6}))
    train(TrainConfig(output_dir=tmp_path / "o", **{**options, "max_steps": 2}))
    # a later --resume must find this run's step 2, not the earlier run's step 6
    assert [p.name for p in (tmp_path / "o" / "checkpoints").iterdir()] == ["step-2"]


def test_resume_without_checkpoint_starts_fresh(tmp_path, data_dir, quick):
    report = train(TrainConfig(output_dir=tmp_path / "o", train=data_dir / "train.jsonl", resume=True, **quick))
    assert report["resumed_from"] is None and report["steps"] == 4


def test_continue_from_a_vnpartner_model(tmp_path, data_dir, quick, files, sentences):
    first = tmp_path / "first"
    train(TrainConfig(output_dir=first, train=data_dir / "train.jsonl", **quick))
    second = train(TrainConfig(output_dir=tmp_path / "second", train=data_dir / "dev.jsonl",
                               **{**quick, "base": str(first)}))
    assert second["continued"] and second["tags"] == json.loads((first / "vnpartner.json").read_text())["labels"]
    # data with a label the model does not know
    text, entities = files.render(sentences[:2])
    entities[0]["label"] = "EVENT"
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps({"id": "x", "text": text, "entities": entities}, ensure_ascii=False) + "\n")
    # data with a label the model does not know: the encoder is kept, the head starts fresh
    third = train(TrainConfig(output_dir=tmp_path / "third", train=odd, **{**quick, "base": str(first)}))
    assert third["new_head"] and "B-EVENT" in third["tags"]
    fourth = train(TrainConfig(output_dir=tmp_path / "fourth", train=odd, labels=["PERSON"],
                               **{**quick, "base": str(first)}))
    assert fourth["new_head"] and fourth["tags"] == ["O", "B-PERSON", "I-PERSON"]
    assert not second["new_head"]


def test_new_head_is_reinitialised_even_when_its_shape_fits(tmp_path, data_dir, quick):
    from vnpartner.train.model import load_base_model, resolve_base

    first = tmp_path / "first"
    train(TrainConfig(output_dir=first, train=data_dir / "train.jsonl", **quick))
    tags = json.loads((first / "vnpartner.json").read_text())["labels"]
    kept = load_base_model(resolve_base(str(first)), tags, 0)
    fresh = load_base_model(resolve_base(str(first)), tags, 0, new_head=True)
    assert torch.equal(kept.roberta.embeddings.word_embeddings.weight, fresh.roberta.embeddings.word_embeddings.weight)
    assert not torch.equal(kept.classifier.weight, fresh.classifier.weight)
    assert torch.count_nonzero(fresh.classifier.bias) == 0


def test_labels_restrict_what_is_learnt(tmp_path, data_dir, quick):
    report = train(TrainConfig(output_dir=tmp_path / "o", train=data_dir / "train.jsonl",
                               labels=["PERSON", "LOCATION"], **quick))
    assert report["tags"] == ["O", "B-PERSON", "I-PERSON", "B-LOCATION", "I-LOCATION"]
    assert report["train"]["ignored_entities"]["DATE"] > 0


def test_freeze_embeddings(tmp_path, data_dir, quick, tiny_base):
    train(TrainConfig(output_dir=tmp_path / "o", train=data_dir / "train.jsonl", freeze_embeddings=True, **quick))
    before = load_file(str(tiny_base / "model.safetensors"))
    after = _weights(tmp_path / "o")
    key = "roberta.embeddings.word_embeddings.weight"
    assert torch.equal(before[key], after[key])
    assert not torch.equal(before["roberta.encoder.layer.0.attention.self.query.weight"],
                           after["roberta.encoder.layer.0.attention.self.query.weight"])


def test_bf16_mixed_precision_trains_float32_weights(tmp_path, data_dir, quick):
    train(TrainConfig(output_dir=tmp_path / "exact", train=data_dir / "train.jsonl", **quick))
    report = train(TrainConfig(output_dir=tmp_path / "mixed", train=data_dir / "train.jsonl", bf16=True, **quick))
    exact, mixed = _weights(tmp_path / "exact"), _weights(tmp_path / "mixed")
    assert all(t.dtype == torch.float32 for t in mixed.values())
    assert not _same(exact, mixed)  # the same seed and data: only the precision differs
    assert all(point["loss"] == point["loss"] for point in report["history"] if point["loss"] is not None)


@pytest.mark.parametrize("name, content, line", [
    ("bad.jsonl", '{"id": "a", "text": "Hà Nội", "entities": []}\n{"id": "b", "text": \n', 2),
    ("bad.conll", "Hà_Nội B-LOCATION\nvà O\n\nHuế\n", 4),
])
def test_malformed_training_file_names_file_and_line(tmp_path, quick, name, content, line, capsys):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"{name}, line {line}"):
        train(TrainConfig(output_dir=tmp_path / "o", train=path, **quick))
    code = main(["train", str(path), "--base", quick["base"], "--output", str(tmp_path / "o")])
    assert code == 2 and f"{name}, line {line}" in capsys.readouterr().err


def test_unknown_base(tmp_path, data_dir, capsys):
    with pytest.raises(VnPartnerError, match=r"E402.*no such model folder"):
        train(TrainConfig(train=data_dir / "train.jsonl", base=str(tmp_path / "nothing"), output_dir=tmp_path / "o"))
    assert main(["train", str(data_dir / "train.jsonl"), "--base", "./no/such/model", "--output",
                 str(tmp_path / "o")]) == 2
    assert "E402" in capsys.readouterr().err


def test_hub_name_that_cannot_be_reached(tmp_path, data_dir, monkeypatch):
    def offline(*args, **kwargs):
        raise OSError("We couldn't connect to 'https://huggingface.co' to load the files")

    monkeypatch.setattr(train_model, "load_tokenizer", offline)
    with pytest.raises(VnPartnerError, match=r"E402.*nobody/no-such-model.*HF_HUB_OFFLINE"):
        train(TrainConfig(train=data_dir / "train.jsonl", base="nobody/no-such-model", output_dir=tmp_path / "o"))


def test_base_folder_that_is_not_a_model(tmp_path, data_dir, tiny_base):
    with pytest.raises(VnPartnerError, match=r"E403.*config.json"):
        train(TrainConfig(train=data_dir / "train.jsonl", base=str(tmp_path), output_dir=tmp_path / "o"))
    no_tokenizer = tmp_path / "weights-only"
    no_tokenizer.mkdir()
    for name in ("config.json", "model.safetensors"):
        shutil.copy(tiny_base / name, no_tokenizer / name)
    with pytest.raises(VnPartnerError, match=r"E403.*--tokenizer"):
        train(TrainConfig(train=data_dir / "train.jsonl", base=str(no_tokenizer), output_dir=tmp_path / "o"))
    report = train(TrainConfig(train=data_dir / "train.jsonl", base=str(no_tokenizer), tokenizer=str(tiny_base),
                               output_dir=tmp_path / "o", max_steps=1, max_length=64, progress=False))
    assert report["steps"] == 1 and (tmp_path / "o" / "bpe.codes").is_file()


def test_empty_training_data(tmp_path, quick, files, sentences):
    empty = tmp_path / "empty.conll"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(VnPartnerError, match=r"E404.*no words"):
        train(TrainConfig(output_dir=tmp_path / "o", train=empty, **quick))
    text, _ = files.render(sentences[:2])
    plain = tmp_path / "plain.jsonl"
    plain.write_text(json.dumps({"id": "x", "text": text, "entities": [], "published": None}) + "\n")
    with pytest.raises(VnPartnerError, match=r"E404.*no entities"):
        train(TrainConfig(output_dir=tmp_path / "o", train=plain, **quick))


def test_max_length_beyond_the_model(tmp_path, data_dir, quick):
    with pytest.raises(VnPartnerError, match=r"E400.*256 positions"):
        train(TrainConfig(output_dir=tmp_path / "o", train=data_dir / "train.jsonl", **{**quick, "max_length": 300}))


def test_fast_tokenizer_base(tmp_path, data_dir):
    """A BERT-shaped base with a fast WordPiece tokenizer: words go in with their spaces."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertForMaskedLM, PreTrainedTokenizerFast

    backend = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    lines = [json.loads(line)["text"] for line in (data_dir / "train.jsonl").read_text().splitlines()]
    backend.train_from_iterator(lines, trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[(t, backend.token_to_id(t)) for t in ("[CLS]", "[SEP]")])
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="[UNK]", pad_token="[PAD]",
                                        cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    base = tmp_path / "bert"
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128, pad_token_id=tokenizer.pad_token_id)
    BertForMaskedLM(config).save_pretrained(base)
    tokenizer.save_pretrained(base)
    out = tmp_path / "model"
    report = train(TrainConfig(train=data_dir / "train.jsonl", dev=data_dir / "dev.jsonl", base=str(base),
                               output_dir=out, max_steps=2, max_length=64, progress=False))
    assert report["steps"] == 2 and (out / "tokenizer.json").is_file()
    tagger = NeuralTagger(out)
    assert tagger.tokenizer.is_fast and tagger.max_length == 64
    _check_extract(out)


def test_epoch_batches_cover_every_row_once_and_group_lengths():
    from vnpartner.train.loop import epoch_batches

    lengths = [(i * 37) % 101 + 3 for i in range(203)]
    batches = epoch_batches(lengths, 8, seed=5, pool=4)
    assert sorted(i for b in batches for i in b) == list(range(203))
    assert len(batches) == -(-203 // 8) and all(len(b) <= 8 for b in batches)
    assert batches == epoch_batches(lengths, 8, seed=5, pool=4)
    assert batches != epoch_batches(lengths, 8, seed=6, pool=4)
    padded = sum(len(b) * max(lengths[i] for i in b) for b in batches)
    unsorted = [list(range(i, min(i + 8, 203))) for i in range(0, 203, 8)]
    assert padded < sum(len(b) * max(lengths[i] for i in b) for b in unsorted)
