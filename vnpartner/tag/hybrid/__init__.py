"""The default tagger: the neural model for names, the pattern layer for what patterns do best.

The neural model finds people, organisations and places it has never seen; the pattern
layer knows the exact conventions of place names (its gazetteers), dates, sector phrases,
titles and agreement names. So each label has an owner:

- the labels the model owns (``neural_labels`` in the model's ``vnpartner.json``; the
  shipped model owns all but LOCATION, the default here is PERSON and ORGANIZATION) come
  from the model alone;
- the other labels come from the pattern layer, and the model's places, people and
  organisations fill its gaps;
- then corrections bring the merged spans to the annotation guidelines' conventions.

The package's modules, from the bottom of the import graph up:

- ``words``: patterns, word sets and small helpers the other modules share;
- ``body_bounds``: the bounds ``tidy`` gives a body's or a place's name;
- ``conventions``: ``tidy``, the model's spans brought to the annotation guidelines' conventions before the merge;
- ``owners``: ``merge`` (each label from its owner), its gap fillers, and the model's spans set by the pattern layer's before it;
- ``fields``: corrections of the merged SECTOR spans;
- ``titles``: corrections of the merged TITLE spans;
- ``places``: corrections of the merged LOCATION spans, and the parties a dash joins;
- ``people``: corrections of the merged PERSON spans;
- ``bodies``: corrections of the merged ORGANIZATION spans, and ``_completed``, which chains the corrections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...text import Sentence, word_ends
from ..rules import RuleTagger
from .bodies import _completed, _newspapers
from .owners import (
    _addressed_people, _dates_cut, _days_missed, _officials_after_their_place, _sure_fields, _vietnamese_people, merge,
)
from .people import (
    _addressed_as_people, _first_names_joined, _initialled_names, _names_joined, _particle_names,
    _people_after_countries, _people_unglued, _titled_people,
)
from .places import _bodies_over_dashed_places, _countries_between_titles_and_people, _places_over_dots
from .conventions import tidy
from .titles import _titles_through_and
from .words import Span

__all__ = ["HybridTagger", "NEURAL_LABELS", "merge", "tidy"]

NEURAL_LABELS = ("PERSON", "ORGANIZATION")


class HybridTagger:
    """``tag(text, sentences)`` like every tagger, merging a neural tagger with the rules."""

    def __init__(self, neural, rules: RuleTagger | None = None, neural_labels: Sequence[str] = NEURAL_LABELS):
        self.neural = neural
        self.rules = rules or RuleTagger()
        self.neural_labels = frozenset(neural_labels)

    def __repr__(self) -> str:
        return f"HybridTagger({self.neural!r}, neural_labels={sorted(self.neural_labels)})"

    def tag(self, text: str, sentences: Iterable[Sentence]) -> list[Span]:
        return self.tag_batch([(text, sentences)])[0]

    def tag_batch(self, documents: Sequence[tuple[str, Iterable[Sentence]]]) -> list[list[Span]]:
        documents = [(text, list(sentences)) for text, sentences in documents]
        return self._merged(documents, self.neural.tag_batch(documents))

    def tag_encode_batch(self, documents: Sequence[tuple[str, Iterable[Sentence]]]):
        """``tag_batch`` plus the neural tagger's word vectors of each document (one encoder pass)."""
        documents = [(text, list(sentences)) for text, sentences in documents]
        found = self.neural.tag_encode_batch(documents)
        merged = self._merged(documents, [spans for spans, _ in found])
        return [(spans, vectors) for spans, (_, vectors) in zip(merged, found)]

    def _merged(self, documents, neural: list[list[Span]]) -> list[list[Span]]:
        rules = self.rules.tag_batch(documents)
        out = []
        for (text, sentences), found, ruled in zip(documents, neural, rules):
            ends = word_ends(sentences)
            addressed = _addressed_people(text)
            fillers = _vietnamese_people(text, ruled) + addressed + _sure_fields(text)
            found = _days_missed(text, _dates_cut(text, tidy(text, found, ends), ruled), ruled)
            found = _officials_after_their_place(text, found, ruled)
            spans = _completed(text, merge(found, ruled, self.neural_labels, fillers))
            spans = _addressed_as_people(text, _people_after_countries(text, spans), addressed)
            spans = _people_unglued(text, _names_joined(text, _titled_people(text, spans, ends)))
            spans = _newspapers(text, _initialled_names(text, _particle_names(text, _first_names_joined(text, spans))))
            spans = _places_over_dots(text, _bodies_over_dashed_places(text, _titles_through_and(text, spans)))
            out.append(_countries_between_titles_and_people(text, spans))
        return out
