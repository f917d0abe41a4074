"""Evaluation: exact-match entity/relation scores, partnership-record scores, strict IOB2."""

from vnpartner.evaluate.partnerships import score_partnerships
from vnpartner.evaluate.report import evaluate, format_report, write_report
from vnpartner.evaluate.spans import score_entities, score_relations
from vnpartner.evaluate.tokens import score_tags

__all__ = [
    "evaluate", "format_report", "write_report",
    "score_entities", "score_relations", "score_partnerships", "score_tags",
]
