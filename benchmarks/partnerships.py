"""Relations and partnership records against the team's test split and the gold seeds.

    python benchmarks/partnerships.py                 # shipped model and rules
    python benchmarks/partnerships.py --model runs/rel --split dev

The team's test split is ``data/gold/test.jsonl``: stand-off records of corpus articles,
joined with their text from ``../shared/data/corpora/news_vi.jsonl.xz`` (the split is
skipped, with a note, when the shared folder is absent). Full ``extract()`` runs on each
text; the scores are those of ``vnpartner evaluate``: partnership party-set F1 (a record
matches when its set of parties matches), sector F1 and people F1 (name and country)
over matched records, date and instrument accuracy over matched records, relation
micro-F1 (exact head, tail, label) and entity micro-F1 (7 labels). A third row per set
rebuilds the records from the gold entities and relations: the aggregation step alone,
without the model's errors. The inter-annotator agreement of the test split's two passes
(``data/gold/agreement.json``) is printed beside them as the ceiling to read them by.

Writes ``benchmarks/results/partnerships.json`` and ``partnerships.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_MODEL, ROOT, machine, markdown_table, publish, shared_data, shown  # noqa: E402

GOLD = ROOT / "data" / "gold"
TARGETS = {"parties": 85.0, "sectors": 85.0, "date": 80.0, "relations": 70.0}
AGGREGATION_ONLY = "records from gold relations"  # the aggregation step alone, no model


def gold_split(split: str, data: Path | None):
    """The documents of a split of the team's gold set, or None without the corpus."""
    from vnpartner.data.standoff import load_gold

    path = GOLD / f"{split}.jsonl"
    if data is None or not path.is_file():
        return None
    return load_gold(path, data / "corpora" / "news_vi.jsonl.xz")


def seeds():
    from vnpartner.io import read_jsonl

    return read_jsonl(ROOT / "seeds" / "gold.jsonl")


def score(model: str, gold) -> dict:
    """Scores of ``extract()`` with ``model`` on ``gold`` documents (percentages)."""
    import vnpartner
    from vnpartner.evaluate import evaluate

    pipeline = vnpartner.load(model)
    preds = list(pipeline.pipe([doc.text for doc in gold], ids=[doc.id for doc in gold], batch_size=8))
    for doc, pred in zip(gold, preds):
        pred.published = doc.published
    report = evaluate(gold, preds)
    return {
        **record_scores(report["partnerships"]),
        "relations": 100 * report["relations"]["micro"]["f1"],
        "entities": 100 * report["entities"]["micro"]["f1"],
        "per_label": {k: round(100 * v["f1"], 1) for k, v in report["entities"].items()
                      if k not in ("micro", "macro")},
        "relations_per_label": {k: round(100 * v["f1"], 1) for k, v in report["relations"].items()
                                if k not in ("micro", "macro")},
    }


def score_aggregation(gold) -> dict:
    """Scores of the aggregation step alone: records rebuilt from the gold entities and relations."""
    import copy

    from vnpartner.aggregate import aggregate
    from vnpartner.evaluate.partnerships import score_partnerships
    from vnpartner.text import iter_sentences

    rebuilt = []
    for doc in gold:
        doc = copy.deepcopy(doc)
        doc.partnerships = aggregate(doc, list(iter_sentences(doc.text)))
        rebuilt.append(doc)
    return {**record_scores(score_partnerships(gold, rebuilt)), "relations": None, "entities": None}


def record_scores(parts: dict) -> dict:
    """The record columns (percentages) of a ``score_partnerships`` result."""
    return {"parties": 100 * parts["parties"]["f1"], "sectors": 100 * parts["sectors"]["f1"],
            "people": 100 * parts["people"]["f1"], "date": 100 * parts["date"]["accuracy"],
            "instrument": 100 * parts["instrument"]["accuracy"], "records": parts["counts"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(DEFAULT_MODEL), help="the model to score (default: shipped)")
    parser.add_argument("--split", default="test", choices=("test", "dev"),
                        help="which split of the team's gold set (dev while building models)")
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    args = parser.parse_args(argv)

    sets = {"seeds": seeds()}
    team = gold_split(args.split, shared_data(args.data))
    if team is None:
        print(f"no shared corpus or no data/gold/{args.split}.jsonl: the team split is skipped", file=sys.stderr)
    else:
        sets[f"team_{args.split}"] = team
    results = {"model": shown(args.model), "machine": machine(), "targets": TARGETS, "scores": {}}
    for set_name, docs in sets.items():
        for system in (args.model, "rules"):
            name = "model" if system == args.model else "rules"
            results["scores"][f"{set_name}: {name}"] = {"documents": len(docs), **score(system, docs)}
        results["scores"][f"{set_name}: {AGGREGATION_ONLY}"] = {"documents": len(docs), **score_aggregation(docs)}
    agreement = GOLD / "agreement.json"
    if agreement.is_file():
        results["agreement"] = json.loads(agreement.read_text(encoding="utf-8"))
    publish("partnerships", results, format_table(results))
    return 0


def format_table(results: dict) -> str:
    rows = [[name, row["documents"], row["parties"], row["sectors"], row["date"], row["instrument"],
             row["people"], row["relations"], row["entities"]] for name, row in results["scores"].items()]
    if "agreement" in results:
        a = results["agreement"]
        rows.append([f"two annotators, before reconciling ({a['documents']} test docs)", a["documents"],
                     100 * a["partnerships"], None, None, None, None, 100 * a["relations"], 100 * a["entities"]])
    header = ["set: system", "docs", "party-set F1", "sector F1", "date acc.", "instrument acc.",
              "people F1", "relation F1", "entity F1"]
    lines = [markdown_table(header, rows), ""]
    for name, row in results["scores"].items():
        if name.endswith(": model"):
            ok = [f"{k} {'met' if row[k] >= t else 'NOT met'}" for k, t in TARGETS.items()]
            lines.append(f"Targets on {name.split(':')[0]} (≥ {TARGETS['parties']:.0f}/{TARGETS['sectors']:.0f}/"
                         f"{TARGETS['date']:.0f}/{TARGETS['relations']:.0f}): " + "; ".join(ok))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
