"""Cross-validate the relation head and party filter end to end on annotated articles.

    python recipes/relation_cv.py data/gold/train.jsonl data/gold/dev.jsonl \
        --corpus ../shared/data/corpora/news_vi.jsonl.xz --base models/vnpartner-ner [--output runs/cv.json]

Each file's articles are scored by heads that never saw them (``vnpartner.train.crossval``),
and the records, relations and entities are scored as ``vnpartner evaluate`` scores them:
one row per file and one over all. Files are stand-off gold with ``--corpus`` (the team's
``data/gold/``), else annotated documents in any format ``vnpartner train`` reads. Takes
about 9 minutes on 2 CPU cores for the 233 gold train and dev articles (5 folds, 3 heads of
20 epochs each); ``--encoder-epochs 5`` adds about 5 minutes per fold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

COLUMNS = ("party-set F1", "sector F1", "date acc.", "instrument acc.", "people F1", "relation F1", "PARTNER F1",
           "entity F1", "records gold / proposed / matched")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from vnpartner.data.standoff import load_annotated
    from vnpartner.evaluate import evaluate
    from vnpartner.train.crossval import cross_validate_relations

    files = [(path, load_annotated(path, args.corpus)) for path in args.files]
    docs = [doc for _, part in files for doc in part]
    predicted = cross_validate_relations(docs, args.base, folds=args.folds, epochs=args.epochs, heads=args.heads,
                                         seed=args.seed, encoder_epochs=args.encoder_epochs)
    rows, first = {}, 0
    for path, part in files:
        rows[Path(path).name] = _row(evaluate(part, predicted[first:first + len(part)]))
        first += len(part)
    if len(files) > 1:
        rows["all"] = _row(evaluate(docs, predicted))
    print("| set | docs | " + " | ".join(COLUMNS) + " |")
    print("|---|---" + "|---" * len(COLUMNS) + "|")
    sizes = {Path(path).name: len(part) for path, part in files} | {"all": len(docs)}
    for name, row in rows.items():
        print(f"| {name} | {sizes[name]} | " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
    if args.output:
        settings = {k: getattr(args, k) for k in ("base", "folds", "epochs", "heads", "seed", "encoder_epochs")}
        Path(args.output).write_text(json.dumps({"settings": settings, "rows": rows}, indent=1) + "\n",
                                     encoding="utf-8")
    return 0


def _row(report: dict) -> dict:
    records, relations = report["partnerships"], report["relations"]
    counts = records["counts"]
    return {
        "party-set F1": _pct(records["parties"]["f1"]), "sector F1": _pct(records["sectors"]["f1"]),
        "date acc.": _pct(records["date"]["accuracy"]), "instrument acc.": _pct(records["instrument"]["accuracy"]),
        "people F1": _pct(records["people"]["f1"]), "relation F1": _pct(relations["micro"]["f1"]),
        "PARTNER F1": _pct(relations.get("PARTNER", {}).get("f1")),
        "entity F1": _pct(report["entities"]["micro"]["f1"]),
        "records gold / proposed / matched": f"{counts['gold']} / {counts['pred']} / {counts['matched']}",
    }


def _pct(value) -> float | None:
    return None if value is None else round(100 * value, 1)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="annotated files (stand-off gold with --corpus)")
    parser.add_argument("--corpus", help="corpus file the stand-off records take their text from")
    parser.add_argument("--base", default="models/vnpartner-ner", help="model folder whose tagger reads the articles")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=20, help="epochs of each head (no dev split picks one)")
    parser.add_argument("--heads", type=int, default=3, help="heads averaged per fold")
    parser.add_argument("--seed", type=int, default=1, help="seed of the folds and of the first head")
    parser.add_argument("--encoder-epochs", type=int, default=0, help="tune each fold's encoder first (joint.py)")
    parser.add_argument("--output", help="JSON file for the rows")
    return parser


if __name__ == "__main__":
    sys.exit(main())
