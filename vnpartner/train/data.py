"""Training data: annotated files → documents → words with IOB2 tags → model windows.

Raw-text documents (JSONL, VLSP 2018, Doccano, Label Studio) are split into sentences
and segmented into words by ``vnpartner.text``, the way the tagger sees text at run
time. Token files (CoNLL, token JSONL) keep their tokens as the words. Either way a
word that an entity boundary cuts is split there, so that every entity is a run of
whole words and its word tags give back exactly its span.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import VnPartnerError
from ..io import detect_format, load_documents
from ..io.tokens import desegment, is_segmented
from ..schema import Document
from ..text import iter_sentences, strip_span

TOKEN_FORMATS = ("tokens", "conll")
_NON_SPACE = re.compile(r"\S+")


@dataclass
class WordDoc:
    """One document as the model sees it: words, their spans, IOB2 tags, sentence starts."""

    id: str
    words: list[str]
    spans: list[tuple[int, int]]
    tags: list[str]
    sentence_starts: list[int] = field(default_factory=lambda: [0])

    def sentences(self, values: Sequence | None = None) -> list[list]:
        """``values`` (default: the tags) cut at sentence starts."""
        values = self.tags if values is None else values
        cuts = list(self.sentence_starts[1:]) + [len(values)]
        return [list(values[a:b]) for a, b in zip(self.sentence_starts, cuts) if b > a]


@dataclass
class Corpus:
    """The documents of one file and what reading them found."""

    path: str
    format: str
    documents: list[Document]

    @property
    def from_tokens(self) -> bool:
        return self.format in TOKEN_FORMATS


def read_corpus(path: str | os.PathLike, format: str = "auto") -> Corpus:
    """Read an annotated file; its errors (file, line) pass through unchanged."""
    name = detect_format(path) if format == "auto" else format
    options = {"segmented": False} if name in TOKEN_FORMATS else {}
    return Corpus(str(path), name, load_documents(path, name, **options))


def corpus_is_segmented(corpus: Corpus) -> bool:
    """Whether the words of ``corpus`` are segmented words (raw text is segmented by us)."""
    if not corpus.from_tokens:
        return True
    return any(is_segmented(doc.text.split()) for doc in corpus.documents)


def entity_types(corpora: Iterable[Corpus]) -> list[str]:
    """Every entity label of the corpora, sorted."""
    return sorted({e.label for c in corpora for d in c.documents for e in d.entities})


def tag_names(types: Sequence[str]) -> list[str]:
    """The IOB2 tag list of a model: ``O``, then ``B-X``, ``I-X`` for each type."""
    return ["O"] + [f"{prefix}-{label}" for label in types for prefix in "BI"]


def to_word_docs(corpus: Corpus, *, segmented: bool, types: Sequence[str], stats: Counter | None = None
                 ) -> list[WordDoc]:
    """Words and tags of every document of ``corpus``; counts go into ``stats``."""
    stats = Counter() if stats is None else stats
    out = []
    for doc in corpus.documents:
        if corpus.from_tokens:
            sentences = [[m.span() for m in _NON_SPACE.finditer(doc.text)]]
        else:
            sentences = [_units(s.words, segmented) for s in iter_sentences(doc.text)]
        word_doc = label_words(doc, sentences, types, stats)
        if corpus.from_tokens:
            word_doc.words = [desegment(w) for w in word_doc.words]
        out.append(word_doc)
    stats["documents"] += len(corpus.documents)
    return out


def _units(words, segmented: bool) -> list[tuple[int, int]]:
    if segmented:
        return [(w.start, w.end) for w in words]
    return [(w.start + m.start(), w.start + m.end()) for w in words for m in _NON_SPACE.finditer(w.text)]


def label_words(doc: Document, sentences: Sequence[Sequence[tuple[int, int]]], types: Sequence[str],
                stats: Counter) -> WordDoc:
    """A WordDoc of ``doc`` over the given word spans, cut at entity boundaries.

    Entities whose label is not in ``types`` are ignored (and counted); where entities
    overlap, the longer one wins. Tags restart at each sentence.
    """
    owner = _char_owners(doc, set(types), stats)
    words, spans, tags, starts = [], [], [], []
    for sentence in sentences:
        starts.append(len(words))
        previous = -1
        for start, end in sentence:
            for a, b in _cut(doc.text, owner, start, end):
                who = owner[a]
                if who < 0:
                    tags.append("O")
                else:
                    tags.append(("I-" if who == previous else "B-") + doc.entities[who].label)
                words.append(doc.text[a:b])
                spans.append((a, b))
                previous = who
    stats["sentences"] += len(sentences)
    stats["words"] += len(words)
    stats["entities"] += sum(1 for t in tags if t.startswith("B-"))
    return WordDoc(doc.id, words, spans, tags, _sentence_starts(starts, len(words)))


def _char_owners(doc: Document, types: set[str], stats: Counter) -> list[int]:
    owner = [-1] * len(doc.text)
    order = sorted(range(len(doc.entities)), key=lambda i: doc.entities[i].start - doc.entities[i].end)
    for i in order:
        ent = doc.entities[i]
        if ent.label not in types:
            stats[f"ignored {ent.label}"] += 1
            continue
        span = owner[ent.start:ent.end]
        if any(o >= 0 for o in span):
            stats["overlapping entities dropped"] += 1
            continue
        owner[ent.start:ent.end] = [i] * (ent.end - ent.start)
    return owner


def _cut(text: str, owner: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut where the owning entity changes, each piece stripped of spaces."""
    pieces, first = [], start
    for i in range(start + 1, end + 1):
        if i == end or owner[i] != owner[i - 1]:
            a, b = strip_span(text, first, i)
            if b > a:
                pieces.append((a, b))
            first = i
    return pieces


def _sentence_starts(starts: list[int], n_words: int) -> list[int]:
    """Distinct starts of non-empty sentences (``[0]`` for a document without words)."""
    out = [0]
    for start in starts:
        if out[-1] < start < n_words:
            out.append(start)
    return out


def check_not_empty(word_docs: Sequence[WordDoc], types: Sequence[str], path: str) -> None:
    """E404 when there is nothing to learn from."""
    if not word_docs or not any(d.words for d in word_docs):
        raise VnPartnerError("E404", f"{path} holds no words to train on; check the file and --format.")
    if not types:
        raise VnPartnerError("E404", f"{path} has no entities of the labels to learn; "
                             "annotate some, or check --labels.")
    if not any(t != "O" for d in word_docs for t in d.tags):
        raise VnPartnerError("E404", f"{path} has no entities of the labels {', '.join(types)}; "
                             "annotate some, or check --labels.")


def build_dataset(word_docs: Sequence[WordDoc], tokenizer, tags: Sequence[str], *, max_length: int,
                  overlap: int):
    """A ``datasets.Dataset`` of model windows: ``input_ids`` and aligned ``labels``."""
    from datasets import Dataset

    from ..encode import encode_words

    tag_id = {t: i for i, t in enumerate(tags)}
    rows: dict[str, list] = {"input_ids": [], "labels": [], "document": []}
    for doc in word_docs:
        if not doc.words:
            continue
        ids = [tag_id[t] for t in doc.tags]
        for window in encode_words(tokenizer, doc.words, max_length, overlap=overlap):
            rows["input_ids"].append(window.input_ids)
            rows["labels"].append(window.labels(ids))
            rows["document"].append(doc.id)
    return Dataset.from_dict(rows)
