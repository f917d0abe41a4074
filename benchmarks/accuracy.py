"""Accuracy of every system on every evaluation set, in one table.

    python benchmarks/accuracy.py                       # shipped model, rules, underthesea CRF
    python benchmarks/accuracy.py --teacher runs/teacher --phoner-model runs/phoner

Evaluation sets (test splits, used here and nowhere else):

- ``vlsp2016``: VLSP 2016 NER test, PERSON/LOCATION/ORGANIZATION, strict spans. *Raw text
  in*: each sentence is given as plain text (underscores removed) and the system segments
  it itself, as ``extract()`` does for users. *Gold words in*: the test's own word
  segmentation goes to the tagger (the published protocol: VnCoreNLP 88.55, PhoBERT 93.6).
- ``phoner``: PhoNER_COVID19 test, its 10 labels, gold words in, seqeval micro-F1, scored
  for a model trained from the shipped base with plain ``vnpartner train`` on its train split.
- ``seeds``: the gold seeds, 7 labels, full ``extract()`` (also relations and records).
- ``team_test``: the team's in-domain test split (``data/gold/test.jsonl``, 44 corpus
  articles), 7 labels, full ``extract()``; relations and records are in
  ``benchmarks/partnerships.py``.

The speed row times the shipped model in ``extract()`` and underthesea's CRF NER on the
same VLSP 2016 sentences in this run, one sentence per call (words = whitespace tokens of
the raw text); ``throughput.py`` measures documents in batches, and the speed target
(≥ 5× the CRF) is checked on its last results (``benchmarks/results/throughput.json``).
Writes ``benchmarks/results/accuracy.json`` and ``benchmarks/results/accuracy.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from partnerships import gold_split  # noqa: E402
from partnerships import score as score_gold_set  # noqa: E402
from common import (  # noqa: E402
    DEFAULT_MODEL, ROOT, Timer, crf_spans, machine, markdown_table, progress, publish, shared_data, shown, syllables,
)

VLSP_LABELS = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
TARGETS = {"vlsp2016": 90.0, "phoner": 92.0, "seeds": 85.0, "speed_ratio": 5.0}
THROUGHPUT_JSON = ROOT / "benchmarks" / "results" / "throughput.json"


def vlsp2016_test(data: Path, limit: int | None):
    from vnpartner.io import read_token_file

    docs = read_token_file(data / "ner" / "vlsp2016" / "test.jsonl.xz", segmented=True, label_map={
        **VLSP_LABELS, "MISC": None})
    return docs[:limit] if limit else docs


def with_entities(doc, spans):
    from vnpartner.schema import Document

    out = Document(text=doc.text, id=doc.id)
    for start, end, label in spans:
        out.add_entity(start, end, label)
    return out


def run_system(name: str, docs, spans_of):
    """Predicted documents and seconds for one system over ``docs``."""
    preds = []
    spans_of(docs[0].text)  # load lazily loaded models before the clock starts
    with Timer() as timer:
        for doc in progress(docs, desc=name, unit="sent", leave=False):
            preds.append(with_entities(doc, spans_of(doc.text)))
    return preds, timer.seconds


def pipeline_spans(pipeline, labels):
    return lambda text: [(e.start, e.end, e.label) for e in pipeline(text).entities if e.label in labels]


def score_vlsp_raw(docs, systems: dict) -> dict:
    from vnpartner.evaluate import score_entities

    labels = set(VLSP_LABELS.values())
    words = syllables(d.text for d in docs)
    out = {}
    for name, spans_of in systems.items():
        preds, seconds = run_system(name, docs, spans_of)
        scores = score_entities(docs, preds, labels)
        out[name] = {"f1": 100 * scores["micro"]["f1"], "precision": 100 * scores["micro"]["precision"],
                     "recall": 100 * scores["micro"]["recall"],
                     "per_label": {k: round(100 * v["f1"], 2) for k, v in scores.items() if k in labels},
                     "seconds": round(seconds, 2), "words_per_s": round(words / seconds, 1)}
    return out


def token_tags(path: Path, label_map: dict | None):
    """(tokens, tags) per sentence of a token file, tags renamed by ``label_map`` (None keeps them)."""
    import lzma
    import json

    sentences = []
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            tags = []
            for tag in record["tags"]:
                prefix, _, label = tag.partition("-")
                if label_map is not None:
                    label = label_map.get(label)
                tags.append(f"{prefix}-{label}" if label else "O")
            sentences.append((record["tokens"], tags))
    return sentences


def score_gold_words(model_dir: str, sentences, keep: set[str] | None = None) -> dict:
    """seqeval scores of a model tagging gold-segmented sentences (``keep``: labels scored)."""
    import unicodedata

    from vnpartner.evaluate import score_tags
    from vnpartner.tag.neural import NeuralTagger, repair_iob

    tagger = NeuralTagger(model_dir)
    gold, pred = [], []
    with Timer() as timer:
        for tokens, tags in progress(sentences, desc=Path(model_dir).name, unit="sent", leave=False):
            words = [unicodedata.normalize("NFC", t) for t in tokens]
            predicted = repair_iob(tagger.tag_words(words))
            if keep is not None:
                predicted = repair_iob([t if t[2:] in keep else "O" for t in predicted])
            gold.append(tags)
            pred.append(predicted)
    scores = score_tags(gold, pred)
    return {"f1": 100 * scores["micro"]["f1"], "precision": 100 * scores["micro"]["precision"],
            "recall": 100 * scores["micro"]["recall"], "seconds": round(timer.seconds, 2),
            "per_label": {k: round(100 * v["f1"], 2) for k, v in scores.items() if k not in ("micro", "macro")}}


def score_seeds(model: str) -> dict:
    import vnpartner
    from vnpartner.evaluate import evaluate
    from vnpartner.io import read_jsonl

    gold = list(read_jsonl(ROOT / "seeds" / "gold.jsonl"))
    pipeline = vnpartner.load(model)
    preds = [pipeline(doc.text, id=doc.id, published=doc.published) for doc in gold]
    report = evaluate(gold, preds)
    entities = report["entities"]
    return {"f1": 100 * entities["micro"]["f1"],
            "per_label": {k: round(100 * v["f1"], 2) for k, v in entities.items() if k not in ("micro", "macro")},
            "relations_f1": 100 * report["relations"]["micro"]["f1"],
            "partnerships": report["partnerships"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(DEFAULT_MODEL), help="the model to score (default: shipped)")
    parser.add_argument("--teacher", help="a teacher model folder to score on VLSP 2016 too")
    parser.add_argument("--phoner-model", default=str(ROOT / "runs" / "phoner"),
                        help="a model trained on PhoNER train from the shipped model (see the model card)")
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, help="score only the first N VLSP 2016 sentences (smoke runs)")
    parser.add_argument("--no-crf", action="store_true", help="skip underthesea's CRF (slow)")
    args = parser.parse_args(argv)

    import vnpartner

    results: dict = {"model": shown(args.model), "machine": machine(), "targets": TARGETS}
    data = shared_data(args.data)
    if data is None:
        print("no shared data folder: only the seeds are scored", file=sys.stderr)
    else:
        docs = vlsp2016_test(data, args.limit)
        labels = set(VLSP_LABELS.values())
        systems = {"model": pipeline_spans(vnpartner.load(args.model), labels)}
        if Path(args.model).is_dir():  # the model without the pattern layer
            from vnpartner.pipeline import Pipeline
            from vnpartner.tag.neural import NeuralTagger

            alone = Pipeline(tagger=NeuralTagger(args.model), name="model alone")
            systems["model_alone"] = pipeline_spans(alone, labels)
        systems["rules"] = pipeline_spans(vnpartner.load("rules"), labels)
        if args.teacher:
            systems["teacher"] = pipeline_spans(vnpartner.load(args.teacher), labels)
        if not args.no_crf:
            systems["underthesea_crf"] = crf_spans
        results["vlsp2016_raw"] = score_vlsp_raw(docs, systems)
        sentences = token_tags(data / "ner" / "vlsp2016" / "test.jsonl.xz", {**VLSP_LABELS})
        sentences = sentences[:args.limit] if args.limit else sentences
        results["vlsp2016_gold_words"] = {}
        if Path(args.model).is_dir():
            results["vlsp2016_gold_words"]["model"] = score_gold_words(args.model, sentences, labels)
        if args.teacher:
            results["vlsp2016_gold_words"]["teacher"] = score_gold_words(args.teacher, sentences, labels)
        if Path(args.phoner_model).is_dir():
            phoner = token_tags(data / "ner" / "phoner_covid19" / "test_word.jsonl.xz", None)
            results["phoner"] = score_gold_words(args.phoner_model, phoner)
        team = gold_split("test", data)
        if team is not None:
            results["team_test"] = {name: score_gold_set(system, team) for name, system in
                                    (("model", args.model), ("rules", "rules"))}
    results["seeds"] = score_seeds(args.model)
    results["seeds_rules"] = score_seeds("rules")
    publish("accuracy", results, format_table(results))
    return 0


def format_table(results: dict) -> str:
    rows = []
    raw = results.get("vlsp2016_raw", {})
    for name, row in raw.items():
        rows.append([f"VLSP 2016 test, raw text in: {name}", row["f1"], row["per_label"].get("PERSON"),
                     row["per_label"].get("LOCATION"), row["per_label"].get("ORGANIZATION"), row["words_per_s"]])
    for name, row in results.get("vlsp2016_gold_words", {}).items():
        rows.append([f"VLSP 2016 test, gold words in: {name}", row["f1"], row["per_label"].get("PERSON"),
                     row["per_label"].get("LOCATION"), row["per_label"].get("ORGANIZATION"), None])
    if "phoner" in results:
        rows.append(["PhoNER_COVID19 test (10 labels): trained from the shipped model", results["phoner"]["f1"],
                     None, None, None, None])
    for name, row in results.get("team_test", {}).items():
        rows.append([f"team test split (7 labels): {name}", row["entities"], row["per_label"].get("PERSON"),
                     row["per_label"].get("LOCATION"), row["per_label"].get("ORGANIZATION"), None])
    for key, name in (("seeds", "model"), ("seeds_rules", "rules")):
        seeds = results[key]["per_label"]
        rows.append([f"seeds gold (7 labels): {name}", results[key]["f1"], seeds.get("PERSON"),
                     seeds.get("LOCATION"), seeds.get("ORGANIZATION"), None])
    lines = [markdown_table(["set: system", "micro-F1", "PER", "LOC", "ORG", "words/s"], rows)]
    if "model" in raw and "underthesea_crf" in raw:
        ratio = raw["model"]["words_per_s"] / raw["underthesea_crf"]["words_per_s"]
        results["speed_ratio"] = round(ratio, 2)
        lines.append(f"\nSpeed, same sentences, same run: the shipped model in extract() is {ratio:.2f}x "
                     "underthesea's CRF NER, one sentence per call (the speed target is measured on documents "
                     "at the best batch size: benchmarks/RESULTS.md).")
    lines.append(_targets(results))
    return "\n".join(lines)


def documents_speed_ratio(path: Path) -> float | None:
    """The best words/s of the shipped model (float32 or bfloat16, 2 threads, any batch size) over the
    CRF's in the same throughput run, or None where ``throughput.py`` has not written ``path``."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    crf = data.get("crf", {}).get("words_per_s")
    best = max((r["words_per_s"] for v in data.get("runs", []) if v["variant"] in ("fp32", "bf16")
                and v["threads"] == 2 for r in v["runs"]), default=None)
    return best / crf if best and crf else None


def _targets(results: dict) -> str:
    checks = []
    raw = results.get("vlsp2016_raw", {})
    if "model" in raw:
        gold_words = results["vlsp2016_gold_words"].get("model", {"f1": 0.0})
        best = max(raw["model"]["f1"], gold_words["f1"])
        beat = "underthesea_crf" not in raw or raw["model"]["f1"] > raw["underthesea_crf"]["f1"]
        checks.append(("VLSP 2016 ≥ 90 and above the CRF", best >= TARGETS["vlsp2016"] and beat))
    if "phoner" in results:
        checks.append(("PhoNER ≥ 92", results["phoner"]["f1"] >= TARGETS["phoner"]))
    checks.append(("seeds ≥ 85", results["seeds"]["f1"] >= TARGETS["seeds"]))
    documents = documents_speed_ratio(THROUGHPUT_JSON)
    if documents is not None:
        checks.append((f"speed ≥ 5x CRF on documents ({documents:.2f}x in throughput.json)",
                       documents >= TARGETS["speed_ratio"]))
    return "\nTargets: " + "; ".join(f"{name}: {'met' if ok else 'NOT met'}" for name, ok in checks)


if __name__ == "__main__":
    raise SystemExit(main())
