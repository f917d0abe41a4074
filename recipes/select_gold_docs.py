"""Pick the corpus articles of the in-domain gold set and split them by document.

    python recipes/select_gold_docs.py ../shared/data/corpora/news_vi.jsonl.xz data/gold/selection.json \
        --texts runs/annot/texts

Articles come from the keyword block of the corpus (its first lines) but after the first
``--skip`` documents, which the silver training data of the tagger already used. Each
article falls into the first category whose test it passes; a seeded sample of every
category is split round-robin into test, dev and train, so each split sees every kind of
article, near misses included. The selection file holds ids, categories and splits only;
``--texts`` writes the texts to a git-ignored folder for annotators.

``--add-train N`` keeps an existing selection as it is and adds N more articles from the
same pools, all to train (proportionally to each category's unused pool), for a second
annotation round that leaves the test and dev splits untouched:

    python recipes/select_gold_docs.py ../shared/data/corpora/news_vi.jsonl.xz data/gold/selection.json \
        --texts runs/annot/texts --add-train 54
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
import unicodedata
from pathlib import Path

from vnpartner.normalize.places import is_ambiguous, lookup_place

KEYWORD_BLOCK = 10_678  # the corpus's first lines are the documents with cooperation keywords
MIN_CHARS, MAX_CHARS = 700, 3200
MIN_RELEVANCE = 8  # keeps football transfers and court news out of "signing"

SIGNING = re.compile(r"bản ghi nhớ|ký kết|kí kết|thỏa thuận hợp tác|thoả thuận hợp tác|ý định thư|hiệp định")
TWINNING = re.compile(r"kết nghĩa|tỉnh bạn|thành phố bạn|hợp tác hữu nghị")
VISIT = re.compile(r"thăm chính thức|hội đàm|thăm và làm việc|chuyến thăm|tiếp đoàn|tiếp ngài|tiếp đại sứ")
EMBASSY = re.compile(r"đại sứ")
COOPERATION = re.compile(r"hợp tác")
DIPLOMATIC = re.compile(r"hợp tác|quan hệ|hữu nghị|ký kết|kí kết|thăm|hội đàm|hội kiến|đại sứ|đoàn đại biểu|"
                        r"bản ghi nhớ|thỏa thuận|kết nghĩa|tiếp")

# (category, how many, test) in priority order; the first test an article passes wins.
CATEGORIES = (
    ("twinning", 22, lambda low, foreign: foreign and TWINNING.search(low) is not None),
    ("signing", 38, lambda low, foreign: foreign and SIGNING.search(low) is not None),
    ("embassy", 20, lambda low, foreign: foreign and EMBASSY.search(low) is not None),
    ("visit_no_agreement", 26, lambda low, foreign: foreign and VISIT.search(low) is not None),
    ("domestic", 14, lambda low, foreign: not foreign and COOPERATION.search(low) is not None
     and SIGNING.search(low) is not None),
    ("other_foreign", 20, lambda low, foreign: foreign and COOPERATION.search(low) is not None),
)
CAPITALISED = re.compile(r"(?<!\w)[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ -][A-ZĐÀ-Ỹ][\wÀ-ỹ]*)*")


def mentions_foreign_place(text: str) -> bool:
    """Whether some capitalised phrase of the text is a place outside Viet Nam."""
    for match in CAPITALISED.finditer(text):
        if is_ambiguous(match.group()):
            continue
        place = lookup_place(match.group())
        if place is not None and place.country not in ("VN", None):
            return True
    return False


def candidates(corpus: Path, skip: int):
    with lzma.open(corpus, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= KEYWORD_BLOCK:
                break
            if n < skip:
                continue
            record = json.loads(line)
            text = unicodedata.normalize("NFC", record["text"])
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                yield record["id"], text


def relevance(text: str) -> int:
    """Cooperation cues in the article, those of the title counting three times."""
    low = text.lower()
    title = low.split("\n", 1)[0]
    return len(DIPLOMATIC.findall(low)) + 3 * len(DIPLOMATIC.findall(title))


def categorise(text: str) -> str | None:
    low = text.lower()
    if len(COOPERATION.findall(low)) < 2 or relevance(text) < MIN_RELEVANCE:
        return None
    foreign = mentions_foreign_place(text)
    for name, _, test in CATEGORIES:
        if test(low, foreign):
            return name
    return None


def assign_splits(picked: dict[str, list[str]], test_share: float, dev_share: float) -> dict[str, str]:
    """Per category, the first ``test_share`` of the shuffled ids go to test, then dev, then train."""
    splits = {}
    for ids in picked.values():
        n_test = round(len(ids) * test_share)
        n_dev = round(len(ids) * dev_share)
        for k, doc_id in enumerate(ids):
            splits[doc_id] = "test" if k < n_test else "dev" if k < n_test + n_dev else "train"
    return splits


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path, help="selection JSON (ids, categories, splits)")
    parser.add_argument("--texts", type=Path, help="folder to write <id>.txt for annotators (git-ignored)")
    parser.add_argument("--skip", type=int, default=3000, help="corpus documents the silver data used")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--test-share", type=float, default=0.36)
    parser.add_argument("--dev-share", type=float, default=0.12)
    parser.add_argument("--add-train", type=int, default=0, metavar="N",
                        help="keep OUTPUT's selection and add N unused articles to train")
    args = parser.parse_args(argv)

    pools: dict[str, list[tuple[str, str]]] = {name: [] for name, _, _ in CATEGORIES}
    for doc_id, text in candidates(args.corpus, args.skip):
        category = categorise(text)
        if category is not None:
            pools[category].append((doc_id, text))
    if args.add_train:
        add_to_train(args, pools)
        return
    rng = random.Random(args.seed)
    picked: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for name, count, _ in CATEGORIES:
        sample = rng.sample(pools[name], min(count, len(pools[name])))
        picked[name] = [doc_id for doc_id, _ in sample]
        texts.update(sample)
    splits = assign_splits(picked, args.test_share, args.dev_share)
    documents = [{"id": doc_id, "category": name, "split": splits[doc_id]}
                 for name, ids in picked.items() for doc_id in ids]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    selection = {"corpus": "corpora/news_vi.jsonl.xz", "seed": args.seed, "skip": args.skip,
                 "pool_sizes": {name: len(pool) for name, pool in pools.items()}, "documents": documents}
    args.output.write_text(json.dumps(selection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.texts:
        args.texts.mkdir(parents=True, exist_ok=True)
        for doc_id, text in texts.items():
            (args.texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    counts = {split: sum(d["split"] == split for d in documents) for split in ("test", "dev", "train")}
    print(json.dumps({"pools": selection["pool_sizes"], "splits": counts}, ensure_ascii=False))


def add_to_train(args, pools: dict[str, list[tuple[str, str]]]) -> None:
    """Extend the selection in ``args.output`` by ``args.add_train`` unused train articles."""
    selection = json.loads(args.output.read_text(encoding="utf-8"))
    if selection["skip"] != args.skip:
        raise SystemExit(f"{args.output} was selected with --skip {selection['skip']}, not {args.skip}")
    used = {d["id"] for d in selection["documents"]}
    unused = {name: [item for item in pool if item[0] not in used] for name, pool in pools.items()}
    total = sum(len(pool) for pool in unused.values())
    if args.add_train > total:
        raise SystemExit(f"only {total} unused articles are left in the pools")
    rng = random.Random(args.seed + len(used))
    round_number = 1 + max(d.get("round", 1) for d in selection["documents"])
    added = []
    for name, pool in unused.items():
        share = round(args.add_train * len(pool) / total)
        for doc_id, text in rng.sample(pool, min(share, len(pool))):
            added.append({"id": doc_id, "category": name, "split": "train", "round": round_number})
            if args.texts:
                args.texts.mkdir(parents=True, exist_ok=True)
                (args.texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    selection["documents"].extend(added)
    args.output.write_text(json.dumps(selection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({"added": len(added), "by_category": {name: sum(d["category"] == name for d in added)
                                                            for name in pools}}))


if __name__ == "__main__":
    main()
