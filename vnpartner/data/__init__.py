"""Training data for the neural tagger: gold NER sources mapped to schema v1, convention
bridges, silver fill from the pattern layer, and the builder behind
``recipes/build_ner_data.py``.

    >>> from vnpartner.data import SOURCES
    >>> sorted(SOURCES["vlsp2016"].gold)
    ['LOCATION', 'ORGANIZATION', 'PERSON']
"""

from .builder import DEFAULT_SOURCES, BuildResult, OverlapGuard, build, format_table, gold_labels_of, iter_corpus, standoff
from .conventions import bridge_date, extend_type_words, is_calendar_date, is_duration, to_vlsp, trim_date_context
from .silver import rule_spans, silver_fill
from .sources import (
    SOURCES,
    SourceSpec,
    apply_spec,
    check_not_test,
    iter_gold,
    load_source,
    make_id,
    source_of,
)

__all__ = [
    "DEFAULT_SOURCES", "SOURCES", "BuildResult", "OverlapGuard", "SourceSpec", "apply_spec", "bridge_date",
    "build", "check_not_test", "extend_type_words", "format_table", "gold_labels_of", "is_calendar_date",
    "is_duration", "iter_corpus", "iter_gold", "load_source", "make_id", "rule_spans", "silver_fill",
    "source_of", "standoff", "to_vlsp", "trim_date_context",
]
