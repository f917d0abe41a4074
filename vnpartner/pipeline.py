"""The extraction pipeline: text → sentences/words → tag → normalise → relate → aggregate."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .aggregate import aggregate
from .errors import VnPartnerError
from .normalize.document import normalize_document, normalize_people
from .relate import RuleRelater
from .schema import Document
from .tag import RuleTagger
from .text import iter_sentences, prepare_text

# Longer inputs are almost always a wrong file (a dump, a binary); say so instead of churning.
MAX_CHARS = 5_000_000


class Pipeline:
    """A loaded extractor. Call it on one text, or ``pipe()`` over many."""

    def __init__(self, tagger=None, relater=None, name: str = "rules"):
        self.tagger = tagger or RuleTagger()
        self.relater = relater or RuleRelater()
        self.name = name

    def __repr__(self) -> str:
        return f"Pipeline(name={self.name!r}, tagger={type(self.tagger).__name__})"

    def __call__(self, text: str | bytes, *, published: str | None = None, id: str = "",
                 encoding: str | None = None) -> Document:
        """Extract entities, relations and partnership records from one document."""
        return next(self.pipe([text], published=published, ids=[id], encoding=encoding))

    def pipe(self, texts: Iterable[str | bytes], *, published: str | None = None,
             ids: Iterable[str] | None = None, encoding: str | None = None,
             batch_size: int = 16) -> Iterator[Document]:
        """Documents for ``texts``, in order, lazily."""
        id_iter = iter(ids) if ids is not None else None
        for i, raw in enumerate(texts):
            doc_id = next(id_iter, str(i)) if id_iter is not None else str(i)
            yield self._extract_one(raw, published=published, doc_id=doc_id, encoding=encoding)

    def _extract_one(self, raw: str | bytes, *, published, doc_id: str, encoding) -> Document:
        text = prepare_text(raw, encoding)
        if len(text) > MAX_CHARS:
            raise VnPartnerError(
                "E003", f"document {doc_id!r} has {len(text):,} characters (limit {MAX_CHARS:,}); "
                "split it into articles first",
            )
        doc = Document(text=text, id=doc_id, published=_check_published(published))
        if not text.strip():
            return doc
        sentences = list(iter_sentences(text))
        for start, end, label in self.tagger.tag(text, sentences):
            doc.add_entity(start, end, label)
        normalize_document(doc)
        doc.relations = self.relater.relate(doc, sentences)
        normalize_people(doc)
        doc.partnerships = aggregate(doc, sentences)
        return doc


def _check_published(published: str | None) -> str | None:
    if published is None:
        return None
    from .normalize.dates import parse_iso_date

    parsed = parse_iso_date(str(published))
    if parsed is None:
        raise VnPartnerError("E004", f"published={published!r} is not a date; use YYYY-MM-DD")
    return parsed.isoformat()


_LOADED: dict[str, Pipeline] = {}

SHIPPED_MODEL = "vnpartner-ner"
MODEL_ENV = "VNPARTNER_MODEL"


def shipped_model_dir() -> Path:
    """Where the shipped model lives: ``models/vnpartner-ner`` beside the package."""
    return Path(__file__).resolve().parent.parent / "models" / SHIPPED_MODEL


def default_model() -> str:
    """The model ``load()`` uses when none is named: ``$VNPARTNER_MODEL``, else the shipped one.

    Without either (a wheel installed without the ``models/`` folder) it is the pattern
    layer, with a warning that says how to get the neural model.
    """
    named = os.environ.get(MODEL_ENV)
    if named:
        return named
    shipped = shipped_model_dir()
    if (shipped / "config.json").is_file():
        return str(shipped)
    import warnings

    warnings.warn(f"the shipped model is not at {shipped}; using the pattern layer ('rules'). Pass "
                  f"model=PATH or set {MODEL_ENV} to a model folder.", stacklevel=3)
    return "rules"


def load(model: str | os.PathLike | None = None) -> Pipeline:
    """Load a pipeline once per process: a model folder, ``"vnpartner-ner"`` or ``"rules"``.

    ``None`` is the default model (see :func:`default_model`); ``"vnpartner-ner"`` names the
    shipped model and ``"rules"`` the pattern layer alone (no neural model).
    """
    key = default_model() if model is None else str(model)
    if key == SHIPPED_MODEL:
        key = str(shipped_model_dir())
    if key not in _LOADED:
        _LOADED[key] = _build(key)
    return _LOADED[key]


def _build(key: str) -> Pipeline:
    if key == "rules":
        return Pipeline(name="rules")
    folder = Path(key)
    if folder.is_dir() and any((folder / name).is_file() for name in ("vnpartner.json", "config.json")):
        from .tag.neural import NeuralTagger

        return Pipeline(tagger=NeuralTagger(key), name=key)
    if folder.exists():
        raise VnPartnerError("E005", f"{key} is not a model folder (no vnpartner.json or config.json); "
                             "train one with `vnpartner train`")
    raise VnPartnerError("E006", f"unknown model {key!r}: use 'rules', '{SHIPPED_MODEL}' or the path of a "
                         "model folder")


def extract(text: str | bytes, published: str | None = None, *, model: str | None = None,
            id: str = "", encoding: str | None = None) -> Document:
    """Extract one Document from Vietnamese news text.

    >>> doc = extract("Ngày 23/8/2023, tỉnh Bình Dương ký kết Bản ghi nhớ với tỉnh Artemisa (Cuba).")
    >>> [(e.text, e.label) for e in doc.entities][:2]
    [('23/8/2023', 'DATE'), ('tỉnh Bình Dương', 'LOCATION')]
    """
    return load(model)(text, published=published, id=id, encoding=encoding)


def extract_batch(texts: Iterable[str | bytes], batch_size: int = 16, *, model: str | None = None,
                  published: str | None = None) -> list[Document]:
    """Documents for many texts, in input order."""
    return list(load(model).pipe(texts, published=published, batch_size=batch_size))
