"""The extraction pipeline: text → sentences/words → tag → normalise → relate → aggregate."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .aggregate import aggregate
from .errors import VnPartnerError
from .normalize.document import normalize_document, normalize_people
from .relate import RuleRelater
from .relate.neural import load_relater
from .schema import Document
from .tag import RuleTagger
from .text import iter_sentences, prepare_text

# Longer inputs are almost always a wrong file (a dump, a binary); say so instead of churning.
MAX_CHARS = 5_000_000


@dataclass
class Failure:
    """A document the pipeline could not read: what ``pipe(errors="record")`` yields for it."""

    id: str
    code: str
    message: str

    def to_dict(self) -> dict:
        return {"id": self.id, "error": {"code": self.code, "message": self.message}}


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
        """Extract entities, relations and partnership records from one document.

        ``text`` is a str, or bytes decoded with ``encoding`` (default UTF-8; HTML is reduced to
        its visible text). ``published`` (``YYYY-MM-DD``) anchors dates written without a year;
        ``id`` becomes ``Document.id``. Raises :class:`VnPartnerError` for input it cannot read.
        """
        return next(self.pipe([text], published=published, ids=[id], encoding=encoding))

    def pipe(self, texts: Iterable[str | bytes], *, published: str | None = None,
             ids: Iterable[str] | None = None, encoding: str | None = None, batch_size: int = 16,
             errors: str = "raise") -> Iterator[Document | Failure]:
        """Documents for ``texts``, in input order, lazily.

        ``published`` and ``encoding`` apply to every text (see :meth:`__call__`); ``ids`` gives
        each document its id (default: its position). Documents are read a few batches at a
        time and tagged ``batch_size`` at a time, shortest first, so that the model's batches
        pad little. ``errors="raise"`` raises a document's VnPartnerError; ``"record"`` yields a
        :class:`Failure` for it and goes on.
        """
        if errors not in ("raise", "record"):
            raise VnPartnerError("E007", f"errors must be 'raise' or 'record', not {errors!r}")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise VnPartnerError("E007", f"batch_size must be a positive integer, not {batch_size!r}")
        checked = _check_published(published)
        id_iter = iter(ids) if ids is not None else None
        numbered = ((next(id_iter, str(i)) if id_iter is not None else str(i), raw) for i, raw in enumerate(texts))
        for pool in chunked(numbered, batch_size * POOL):
            yield from self._pool(pool, checked, encoding, batch_size, errors)

    def _pool(self, pool, published, encoding, batch_size: int, errors: str) -> list[Document | Failure]:
        out: list[Document | Failure | None] = [None] * len(pool)
        ready = []
        for i, (doc_id, raw) in enumerate(pool):
            try:
                ready.append((i, self._prepare(raw, doc_id, published, encoding)))
            except VnPartnerError as err:
                if errors == "raise":
                    raise
                out[i] = Failure(doc_id, err.code, err.message)
        ready.sort(key=lambda item: len(item[1][0].text))
        for first in range(0, len(ready), batch_size):
            chunk = ready[first:first + batch_size]
            tagged = self._tag([(doc.text, sentences) for _, (doc, sentences) in chunk])
            finished = self._finish([(doc, sentences, spans, vectors)
                                     for (_, (doc, sentences)), (spans, vectors) in zip(chunk, tagged)])
            for (i, _), doc in zip(chunk, finished):
                out[i] = doc
        return out

    def _tag(self, inputs: list[tuple[str, list]]) -> list[tuple[list, object]]:
        """(spans, word vectors or None) of each (text, sentences): vectors when the relater needs them."""
        if getattr(self.relater, "needs_vectors", False):
            return self.tagger.tag_encode_batch(inputs)
        return [(spans, None) for spans in self.tagger.tag_batch(inputs)]

    def _prepare(self, raw: str | bytes, doc_id: str, published, encoding) -> tuple[Document, list]:
        text = prepare_text(raw, encoding)
        if len(text) > MAX_CHARS:
            raise VnPartnerError(
                "E003", f"document {doc_id!r} has {len(text):,} characters (limit {MAX_CHARS:,}); "
                "split it into articles first",
            )
        doc = Document(text=text, id=doc_id, published=published)
        return doc, list(iter_sentences(text)) if text.strip() else []

    def _finish(self, items: list[tuple[Document, list, list, object]]) -> list[Document]:
        """Each ``(doc, sentences, spans, word vectors)``'s entities, relations and records."""
        ready = [(doc, sentences, vectors) for doc, sentences, _, vectors in items if sentences]
        for doc, sentences, spans, _ in items:
            if sentences:
                for start, end, label in spans:
                    doc.add_entity(start, end, label)
                normalize_document(doc)
        for (doc, sentences, _), relations in zip(ready, self.relater.relate_many(ready)):
            doc.relations = relations
            normalize_people(doc)
            doc.partnerships = aggregate(doc, sentences)
        return [doc for doc, *_ in items]


POOL = 8  # batches of documents read ahead and sorted by length


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` consecutive items (the last one shorter)."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check_published(published: str | None) -> str | None:
    if published is None:
        return None
    from .normalize.dates import parse_iso_date

    parsed = parse_iso_date(str(published))
    if parsed is None:
        raise VnPartnerError("E004", f"published={published!r} is not a date; use YYYY-MM-DD")
    return parsed.isoformat()


_LOADED: dict[tuple[str, str], Pipeline] = {}

SHIPPED_MODEL = "vnpartner-ner"
# the default, and its 2-layer student: about 1.5x faster, a few points less accurate
SHIPPED_MODELS = (SHIPPED_MODEL, "vnpartner-ner-fast")
MODEL_ENV = "VNPARTNER_MODEL"


def shipped_model_dir(name: str = SHIPPED_MODEL) -> Path:
    """Where a shipped model lives: ``models/NAME`` beside the package."""
    return Path(__file__).resolve().parent.parent / "models" / name


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


def load(model: str | os.PathLike | None = None, *, dtype: str = "auto") -> Pipeline:
    """Load a pipeline once per process: a model folder, a shipped model's name or ``"rules"``.

    ``None`` is the default model (see :func:`default_model`); ``"vnpartner-ner"`` names the
    shipped model, ``"vnpartner-ner-fast"`` its faster 2-layer student, and ``"rules"`` the
    pattern layer alone (no neural model). ``dtype`` is the precision the model runs in:
    ``"auto"`` (bfloat16 on CPUs that multiply it in hardware, else float32),
    ``"float32"`` or ``"bfloat16"``.
    """
    from .tag.neural import check_dtype

    check_dtype(dtype)
    key = default_model() if model is None else str(model)
    if key in SHIPPED_MODELS:
        key = str(shipped_model_dir(key))
    if (key, dtype) not in _LOADED:
        _LOADED[key, dtype] = _build(key, dtype)
    return _LOADED[key, dtype]


def _build(key: str, dtype: str = "auto") -> Pipeline:
    if key == "rules":
        return Pipeline(name="rules")
    folder = Path(key)
    if folder.is_dir() and any((folder / name).is_file() for name in ("vnpartner.json", "config.json")):
        return Pipeline(tagger=_model_tagger(key, dtype=dtype), relater=load_relater(key), name=key)
    if folder.exists():
        raise VnPartnerError("E005", f"{key} is not a model folder (no vnpartner.json or config.json); "
                             "train one with `vnpartner train`")
    raise VnPartnerError("E006", f"unknown model {key!r}: use 'rules', {', '.join(map(repr, SHIPPED_MODELS))} "
                         "or the path of a model folder")


def _model_tagger(folder: str, **options):
    """The tagger of a model folder: its model, merged with the pattern layer when its
    ``vnpartner.json`` names the labels the model owns (``neural_labels``). ``options``
    go to ``NeuralTagger`` (``quantize=True``, ``dtype``, ``batch_size``, ...)."""
    from .tag.hybrid import HybridTagger
    from .tag.neural import NeuralTagger

    tagger = NeuralTagger(folder, **options)
    owned = tagger.meta.get("neural_labels")
    return HybridTagger(tagger, neural_labels=owned) if owned is not None else tagger


def extract(text: str | bytes, published: str | None = None, *, model: str | None = None,
            id: str = "", encoding: str | None = None) -> Document:
    """Extract one Document from Vietnamese news text.

    ``model`` is a model folder, ``"vnpartner-ner"``, ``"vnpartner-ner-fast"`` or ``"rules"``
    (default: the shipped model, loaded once per process); ``published``, ``id`` and
    ``encoding`` are those of :meth:`Pipeline.__call__`.

    >>> doc = extract("Ngày 23/8/2023, tỉnh Bình Dương ký kết Bản ghi nhớ với tỉnh Artemisa (Cuba).")
    >>> [(e.text, e.label) for e in doc.entities][:2]
    [('23/8/2023', 'DATE'), ('tỉnh Bình Dương', 'LOCATION')]
    """
    return load(model)(text, published=published, id=id, encoding=encoding)


def extract_batch(texts: Iterable[str | bytes], batch_size: int = 16, *, model: str | None = None,
                  published: str | None = None, ids: Iterable[str] | None = None) -> list[Document]:
    """Documents for many texts, in input order; ``batch_size`` documents share model batches.

    ``texts`` is a list (or any iterable) of str or bytes, not one str. For corpora that do not
    fit in memory, iterate ``vnpartner.load(model).pipe(texts)`` instead, or run ``vnpartner
    extract --input docs.jsonl --output out.jsonl``.
    """
    if isinstance(texts, (str, bytes)):
        raise VnPartnerError("E001", "extract_batch takes a list of texts, not one text: use extract() for one")
    return list(load(model).pipe(texts, published=published, ids=ids, batch_size=batch_size))
