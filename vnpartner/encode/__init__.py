"""Encode: from segmented words to subword ids, and the vocabulary files behind them."""

from .align import IGNORE, Window, align_labels, assign_words, encode_words, plan_windows, word_pieces
from .batch import pad_batch
from .bpe import learn_bpe
from .tokenizer import has_tokenizer, is_phobert_style, load_tokenizer

__all__ = [
    "IGNORE", "Window", "align_labels", "assign_words", "encode_words", "has_tokenizer",
    "is_phobert_style", "learn_bpe", "load_tokenizer", "pad_batch", "plan_windows", "word_pieces",
]
