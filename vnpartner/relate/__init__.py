"""Relation extractors. ``RuleRelater`` reads relations off sentence patterns."""

from .rules import RuleRelater

__all__ = ["RuleRelater"]
