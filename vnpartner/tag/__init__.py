"""Taggers: find entity spans. ``RuleTagger`` is the pattern layer."""

from .rules import RuleTagger

__all__ = ["RuleTagger"]
