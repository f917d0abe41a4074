"""Learn the shipped model's BPE vocabulary (vocab.txt + bpe.codes) on the segmented corpus.

    python recipes/learn_vocab.py runs/corpus/segmented.txt runs/tokenizer --vocab-size 24000
"""

from __future__ import annotations

import argparse

from vnpartner.encode import learn_bpe


def corpus_lines(path: str):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith('{"id"'):  # document markers written by segment_corpus.py
                yield line.rstrip("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("segmented")
    parser.add_argument("out_dir")
    parser.add_argument("--vocab-size", type=int, default=24000)
    parser.add_argument("--min-frequency", type=int, default=3)
    args = parser.parse_args()
    out = learn_bpe(corpus_lines(args.segmented), args.out_dir, args.vocab_size, args.min_frequency)
    print(f"wrote {out}/vocab.txt and {out}/bpe.codes")


if __name__ == "__main__":
    main()
