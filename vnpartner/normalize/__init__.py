"""Normalisers of schema v1: DATE values, places (LOCATION), sector codes, titles.

Pure functions; every gazetteer is built on first use and cached, never at import.
"""

from .dates import document_anchor, find_dateline, find_dates, normalize_date, parse_iso_date
from .places import (
    DISTRICT_TYPE_WORDS,
    OUTSIDE_TYPE_WORDS,
    SPAN_TYPE_WORDS,
    Place,
    is_ambiguous,
    lookup_place,
    place_surfaces,
    strip_place_type,
)
from .sectors import sector_code, sector_key, sector_terms
from .titles import normalize_title, title_bodies, title_terms

__all__ = [
    "DISTRICT_TYPE_WORDS", "OUTSIDE_TYPE_WORDS", "SPAN_TYPE_WORDS", "Place", "document_anchor",
    "find_dateline", "find_dates", "is_ambiguous", "lookup_place", "normalize_date", "normalize_title",
    "parse_iso_date", "place_surfaces", "sector_code", "sector_key", "sector_terms", "strip_place_type",
    "title_bodies", "title_terms",
]
