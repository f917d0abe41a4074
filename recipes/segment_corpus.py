"""Word-segment the raw news corpus once, for BPE learning and masked-LM pretraining.

Output: one sentence per line, words joined by spaces, syllables inside a word by `_`
(the PhoBERT input convention). Resumable: documents already written are skipped.

    python recipes/segment_corpus.py ../shared/data/corpora/news_vi.jsonl.xz runs/corpus
"""

from __future__ import annotations

import argparse
import json
import lzma
from pathlib import Path

from tqdm import tqdm

from vnpartner.text import iter_sentences, prepare_text


def segmented_lines(text: str):
    for sentence in iter_sentences(prepare_text(text)):
        words = [w.text.replace(" ", "_") for w in sentence.words]
        if len(words) >= 3:
            yield " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="news_vi.jsonl.xz")
    parser.add_argument("out_dir")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many documents")
    args = parser.parse_args()
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    done_file = out_dir / "segmented.done"
    done = int(done_file.read_text()) if done_file.exists() else 0
    with lzma.open(args.corpus, "rt", encoding="utf-8") as corpus, open(out_dir / "segmented.txt", "a", encoding="utf-8") as out:
        for n, line in enumerate(tqdm(corpus, desc="segment", unit="doc", total=args.limit), 1):
            if args.limit and n > args.limit:
                break
            if n <= done:
                continue
            record = json.loads(line)
            out.write(json.dumps({"id": record["id"]}, ensure_ascii=False) + "\n")
            for sent in segmented_lines(record["text"]):
                out.write(sent + "\n")
            if n % 200 == 0:
                out.flush()
                done_file.write_text(str(n))
        out.flush()
        done_file.write_text(str(n))


if __name__ == "__main__":
    main()
