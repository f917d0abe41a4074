"""Learn a PhoBERT-style BPE vocabulary: the two files ``PhobertTokenizer`` reads.

``bpe.codes`` holds fastBPE merges (``a b count``, ``</w>`` marking a word's end) and
``vocab.txt`` one ``token count`` line per subword, ``@@`` marking a piece that does not
end its word. The input is word-segmented text (syllables of a word joined by ``_``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

END = "</w>"
MASK = "<mask>"


def learn_bpe(lines: Iterable[str], out_dir: str | Path, vocab_size: int = 16000,
              min_frequency: int = 2) -> Path:
    """Train merges on ``lines`` and write ``vocab.txt`` and ``bpe.codes`` into ``out_dir``."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE(end_of_word_suffix=END, unk_token=None))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, min_frequency=min_frequency, end_of_word_suffix=END,
        limit_alphabet=1000, show_progress=False,
    )
    tokenizer.train_from_iterator(lines, trainer)
    state = tokenizer.to_str()
    import json

    model = json.loads(state)["model"]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
    with open(out / "bpe.codes", "w", encoding="utf-8") as codes:
        for rank, merge in enumerate(merges):
            codes.write(f"{merge} {len(merges) - rank}\n")
    with open(out / "vocab.txt", "w", encoding="utf-8") as vocab:
        for token in sorted(model["vocab"], key=model["vocab"].get):
            piece = token[: -len(END)] if token.endswith(END) else token + "@@"
            if piece and piece != "@@" and " " not in piece:
                vocab.write(f"{piece} 1\n")
        vocab.write(f"{MASK} 1\n")
    return out
