"""Build the train/dev JSONL (schema v1) of the neural tagger from the shared data folder.

Gold PERSON/LOCATION/ORGANIZATION from VLSP 2016 and 2018 train, gold DATE from PhoNER
train; the pattern layer fills every label a source does not annotate; silver documents
from the first N news-corpus documents. Dev: VLSP 2018 dev. Test splits are never read.

    python recipes/build_ner_data.py --shared ../shared/data --out runs/ner [--corpus-docs 3000] \
        [--sources vlsp2016,vlsp2018,phoner,corpus]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vnpartner.data import DEFAULT_SOURCES, build, format_table
from vnpartner.errors import VnPartnerError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared/data", help="the shared data folder")
    parser.add_argument("--out", default="runs/ner", help="output folder (train.jsonl, dev.jsonl, stats.json)")
    parser.add_argument("--corpus-docs", type=int, default=3000, help="news-corpus documents to add as silver")
    parser.add_argument("--sources", default=",".join(DEFAULT_SOURCES),
                        help="comma-separated training sources (vlsp2016,vlsp2018,phoner,vlsp2021,corpus)")
    parser.add_argument("--allow-test-overlap", action="store_true",
                        help="allow vlsp2021, whose text repeats VLSP 2018 dev/test paragraphs")
    args = parser.parse_args(argv)
    try:
        result = build(args.shared, args.out, sources=[s.strip() for s in args.sources.split(",") if s.strip()],
                       corpus_docs=args.corpus_docs, allow_test_overlap=args.allow_test_overlap)
    except VnPartnerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(format_table(result))
    for (split, source), notes in sorted(result.notes.items()):
        shown = {k: v for k, v in sorted(notes.items()) if not k.startswith("silver_")}
        if shown:
            print(f"{split}/{source}: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
    # Silver records are regenerated from the pattern layer, so they stay out of the repo.
    print(f"stand-off silver records: {Path(args.out) / 'corpus_rules.jsonl'}")
    print(f"done in {result.seconds / 60:.1f} min -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
