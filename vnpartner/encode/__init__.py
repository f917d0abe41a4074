"""Encode: from segmented words to subword ids, and the vocabulary files behind them."""

from .bpe import learn_bpe

__all__ = ["learn_bpe"]
