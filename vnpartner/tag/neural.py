"""The neural tagger: a token-classification transformer (PhoBERT-style) over segmented words.

A model folder holds what ``transformers`` saves (``config.json`` with ``id2label``,
``model.safetensors``, tokenizer files: ``vocab.txt`` + ``bpe.codes`` for PhoBERT-style
models) and ``vnpartner.json``::

    {"schema": 1, "segmented": true, "max_length": 256, "labels": ["O", "B-AGREEMENT", ...],
     "base": "vinai/phobert-base"}

``segmented`` says whether the model reads words (``Bình_Dương``) or syllables. An
optional ``neural_labels`` list makes ``vnpartner.load`` merge the model with the pattern
layer: the model owns those labels, the rules the others (``vnpartner.tag.hybrid``). The
tagger predicts one IOB2 tag per word from the word's first subword, repairs an ``I-``
that continues nothing into a ``B-``, and returns character spans per sentence.

Error codes: E410 model folder unreadable, E411 bad ``vnpartner.json``, E412 bad option.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from ..encode import encode_words, load_tokenizer, pad_batch
from ..errors import VnPartnerError
from ..text import Sentence

META_FILE = "vnpartner.json"
_NON_SPACE = re.compile(r"\S+")
META_SCHEMA = 1
Span = tuple[int, int, str]


@dataclass
class WordVectors:
    """The encoder's view of one document: each model unit's character span and its vector."""

    spans: list[tuple[int, int]]  # in text order, not overlapping
    matrix: object  # torch.Tensor [len(spans), hidden]
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def rows(self, start: int, end: int) -> list[int]:
        """Indices of the units inside the character span ``[start, end)``."""
        if self._ends is None:
            self._ends = [e for _, e in self.spans]
        out = []
        for i in range(bisect_right(self._ends, start), len(self.spans)):  # spans are in text order
            if self.spans[i][0] >= end:
                break
            out.append(i)
        return out


def read_meta(folder: str | os.PathLike) -> dict | None:
    """The ``vnpartner.json`` of a model folder, or None when it has none."""
    path = Path(folder) / META_FILE
    if not path.is_file():
        return None
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise VnPartnerError("E411", f"{path} is not readable JSON ({err}); retrain or rewrite it.") from None
    if not isinstance(meta, dict) or meta.get("schema") != META_SCHEMA:
        raise VnPartnerError("E411", f"{path}: expected schema {META_SCHEMA}, got {meta.get('schema')!r} "
                             "(a model from another vnpartner version); retrain it with `vnpartner train`.")
    owned = meta.get("neural_labels")
    if owned is not None and (not isinstance(owned, list) or not all(isinstance(x, str) for x in owned)):
        raise VnPartnerError("E411", f"{path}: neural_labels must be a list of entity labels, got {owned!r}")
    return meta


def write_meta(folder: str | os.PathLike, *, labels: Sequence[str], segmented: bool, max_length: int,
               base: str) -> dict:
    """Write ``vnpartner.json`` into a model folder and return what was written."""
    meta = {"schema": META_SCHEMA, "segmented": bool(segmented), "max_length": int(max_length),
            "labels": list(labels), "base": str(base)}
    (Path(folder) / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def model_max_length(config) -> int | None:
    """Positions a model can take: RoBERTa-family models lose ``pad_token_id + 1`` to the offset."""
    positions = getattr(config, "max_position_embeddings", None)
    if not positions:
        return None
    model_type = getattr(config, "model_type", "") or ""
    if "roberta" in model_type or model_type in ("camembert", "phobert"):
        return positions - (getattr(config, "pad_token_id", 1) or 0) - 1
    return positions


@contextmanager
def quiet_transformers():
    """Silence transformers' load reports and progress bars for the duration, then restore them."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


def repair_iob(tags: Sequence[str]) -> list[str]:
    """IOB2 tags where an ``I-X`` that does not continue an ``X`` becomes ``B-X``.

    ``S-``/``E-`` (IOBES) read as ``B-``/``I-``; a plain label ``X`` reads as ``I-X``.
    """
    out: list[str] = []
    previous = None
    for tag in tags:
        prefix, label = _split(tag)
        if label is None:
            out.append("O")
        elif prefix == "B" or previous != label:
            out.append(f"B-{label}")
        else:
            out.append(f"I-{label}")
        previous = label
    return out


def _split(tag: str) -> tuple[str, str | None]:
    if tag in ("O", "", None):
        return "O", None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES":
        return ("B" if tag[0] in "BS" else "I"), tag[2:]
    return "I", tag


def tags_to_spans(spans: Sequence[tuple[int, int]], tags: Sequence[str]) -> list[Span]:
    """Character spans ``(start of first word, end of last word, label)`` of IOB2 word tags."""
    out: list[Span] = []
    current: list | None = None
    for (start, end), tag in zip(spans, repair_iob(tags)):
        if tag.startswith("I-") and current is not None:
            current[1] = end
            continue
        if current is not None:
            out.append(tuple(current))
            current = None
        if tag.startswith("B-"):
            current = [start, end, tag[2:]]
    if current is not None:
        out.append(tuple(current))
    return out


def predict_words(model, windows, n_words: int, *, pad_id: int, batch_size: int = 16,
                  device: str = "cpu") -> list[int]:
    """The predicted label id of each of ``n_words`` words of one document (see ``predict_many``)."""
    return predict_many(model, [(windows, n_words)], pad_id=pad_id, batch_size=batch_size, device=device)[0]


def predict_many(model, documents: Sequence[tuple[list, int]], *, pad_id: int, batch_size: int = 16,
                 device: str = "cpu", vectors: bool = False):
    """Label ids of every word of several documents, given as ``(windows, n_words)``.

    The windows of all documents are sorted by length and batched together, so that a
    batch pads little and short documents share batches; each word's label is the argmax
    at its first subword in the window that owns it (``Window.predict``). With
    ``vectors=True`` it returns ``(labels, vectors)``: the same pass also gives each word's
    last hidden state at that subword, one ``[n_words, hidden]`` tensor per document
    (what the relation head reads).
    """
    import torch

    labels = [[0] * n_words for _, n_words in documents]
    # the vectors of all documents in one matrix, each document's rows from ``starts[doc]``
    starts = [0]
    for _, n_words in documents:
        starts.append(starts[-1] + n_words)
    stacked = torch.zeros(starts[-1], model.config.hidden_size) if vectors else None
    windows = [(doc, window) for doc, (doc_windows, _) in enumerate(documents) for window in doc_windows]
    windows.sort(key=lambda item: len(item[1]))
    with torch.inference_mode():
        for first in range(0, len(windows), batch_size):
            chunk = windows[first:first + batch_size]
            batch = pad_batch([w.input_ids for _, w in chunk], pad_id)
            inputs = {k: v.to(device) for k, v in batch.items()}
            out = model(**inputs, output_hidden_states=True) if vectors else model(**inputs)
            best = out.logits.argmax(-1).cpu().tolist()
            for row, (doc, window) in zip(best, chunk):
                words = labels[doc]
                for position in window.predict:
                    words[window.word_ids[position]] = row[position]
            if vectors:
                rows = [r for r, (_, window) in enumerate(chunk) for _ in window.predict]
                columns = [position for _, window in chunk for position in window.predict]
                targets = [starts[doc] + window.word_ids[p] for doc, window in chunk for p in window.predict]
                stacked[targets] = out.hidden_states[-1][rows, columns].float().cpu()
    if not vectors:
        return labels
    return labels, [stacked[starts[doc]:starts[doc + 1]] for doc in range(len(documents))]


def load_token_model(name_or_path: str | os.PathLike, **kwargs):
    """``AutoModelForTokenClassification`` from a folder (local files only) or a hub name.

    Weights stored in half precision (the shipped model) are loaded as float32: CPUs run
    float32 faster, and training needs it.
    """
    import torch
    from transformers import AutoModelForTokenClassification

    local = Path(name_or_path).is_dir()
    kwargs.setdefault("dtype", torch.float32)
    with quiet_transformers():
        return AutoModelForTokenClassification.from_pretrained(str(name_or_path), local_files_only=local, **kwargs)


class NeuralTagger:
    """Tag entities with a token-classification model; ``tag(text, sentences)`` as every tagger.

    >>> tagger = NeuralTagger("models/vnpartner-base")            # doctest: +SKIP
    >>> tagger.tag(text, list(iter_sentences(text)))              # doctest: +SKIP
    [(10, 25, 'LOCATION'), ...]

    ``model_dir`` is a model folder (read with local files only) or a hub name (loaded
    the usual transformers way). ``quantize=True`` turns the Linear layers into int8
    dynamic-quantised ones (CPU only): smaller and usually faster, slightly different.
    ``dtype`` is the precision the model runs in: ``"float32"``, ``"bfloat16"`` or
    ``"auto"`` (see :func:`inference_dtype`).
    """

    def __init__(self, model_dir: str | os.PathLike, device: str = "cpu", quantize: bool = False, *,
                 batch_size: int = 16, overlap: int = 32, max_length: int | None = None, dtype: str = "auto"):
        if batch_size < 1 or overlap < 0:
            raise VnPartnerError("E412", "batch_size must be >= 1 and overlap >= 0")
        if quantize and not str(device).startswith("cpu"):
            raise VnPartnerError("E412", f"quantize=True runs on the CPU only; got device={device!r}")
        self.dtype = inference_dtype(dtype, device, quantize)
        self.model_dir = str(model_dir)
        self.device = str(device)
        self.batch_size = batch_size
        self.overlap = overlap
        local = Path(model_dir).is_dir()
        self.meta = (read_meta(model_dir) if local else None) or {}
        try:
            self.tokenizer = load_tokenizer(model_dir)
            model = load_token_model(model_dir)
        except (OSError, ValueError) as err:
            where = "folder" if local else "hub name"
            raise VnPartnerError("E410", f"cannot load a token-classification model from {where} "
                                 f"{self.model_dir!r}: {err}") from None
        model.eval().to(self.device)
        if quantize:
            model = _quantize(model)
        elif self.dtype == "bfloat16":
            import torch

            model = model.to(torch.bfloat16)
        self.model = model
        self.labels = [model.config.id2label[i] for i in range(len(model.config.id2label))]
        if self.meta.get("labels") and list(self.meta["labels"]) != self.labels:
            raise VnPartnerError("E411", f"{self.model_dir}: labels in {META_FILE} differ from config.json; "
                                 "retrain or fix the files.")
        self.segmented = bool(self.meta.get("segmented", not getattr(self.tokenizer, "is_fast", False)))
        limit = model_max_length(model.config) or 512
        self.max_length = min(max_length or self.meta.get("max_length") or limit, limit)
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0

    def __repr__(self) -> str:
        return f"NeuralTagger({self.model_dir!r}, labels={len(self.labels)}, segmented={self.segmented})"

    def words(self, sentences: Iterable[Sentence]) -> list[list[tuple[int, int, str]]]:
        """The model's units per sentence: segmented words, or their syllables."""
        out = []
        for sentence in sentences:
            units = []
            for word in sentence.words:
                if self.segmented:
                    units.append((word.start, word.end, word.text))
                    continue
                for syllable in _NON_SPACE.finditer(word.text):
                    units.append((word.start + syllable.start(), word.start + syllable.end(), syllable.group()))
            out.append(units)
        return out

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """One IOB2 tag per word of one document (not repaired)."""
        return self.tag_word_lists([words])[0]

    def tag_word_lists(self, documents: Sequence[Sequence[str]]) -> list[list[str]]:
        """One IOB2 tag per word of each document, the windows of all batched together."""
        return self._run(documents, vectors=False)

    def _run(self, documents: Sequence[Sequence[str]], vectors: bool):
        encoded = [(encode_words(self.tokenizer, words, self.max_length, overlap=self.overlap), len(words))
                   for words in documents]
        found = predict_many(self.model, encoded, pad_id=self.pad_id, batch_size=self.batch_size,
                             device=self.device, vectors=vectors)
        ids, states = found if vectors else (found, None)
        tags = [[self.labels[i] for i in doc] for doc in ids]
        return (tags, states) if vectors else tags

    def tag(self, text: str, sentences: Iterable[Sentence]) -> list[Span]:
        """Entity spans ``(start, end, label)`` of one document, in text order."""
        return self.tag_batch([(text, sentences)])[0]

    def tag_batch(self, documents: Sequence[tuple[str, Iterable[Sentence]]]) -> list[list[Span]]:
        """``tag`` for several documents at once: their windows share model batches."""
        return [spans for spans, _ in self._tag(documents, vectors=False)]

    def tag_encode_batch(self, documents: Sequence[tuple[str, Iterable[Sentence]]]
                         ) -> list[tuple[list[Span], WordVectors]]:
        """``tag_batch`` plus each document's :class:`WordVectors`, from the same encoder pass."""
        return self._tag(documents, vectors=True)

    def _tag(self, documents, vectors: bool) -> list[tuple[list[Span], WordVectors | None]]:
        units = [self.words(sentences) for _, sentences in documents]
        flat = [[unit for sentence in doc for unit in sentence] for doc in units]
        found = self._run([[surface for _, _, surface in doc] for doc in flat], vectors)
        tags, states = found if vectors else (found, [None] * len(flat))
        out = []
        for per_sentence, doc_units, doc_tags, state in zip(units, flat, tags, states):
            spans: list[Span] = []
            first = 0
            for sentence in per_sentence:
                last = first + len(sentence)
                spans.extend(tags_to_spans([(s, e) for s, e, _ in sentence], doc_tags[first:last]))
                first = last
            word_vectors = WordVectors([(s, e) for s, e, _ in doc_units], state) if vectors else None
            out.append((spans, word_vectors))
        return out


DTYPES = ("auto", "float32", "bfloat16")


def check_dtype(dtype: str) -> None:
    """Raise a clear error for a precision that is not one of :data:`DTYPES`."""
    if dtype not in DTYPES:
        raise VnPartnerError("E412", f"dtype must be one of {', '.join(DTYPES)}; got {dtype!r}")


def inference_dtype(dtype: str, device: str = "cpu", quantize: bool = False) -> str:
    """The precision a tagger runs in: ``"float32"`` or ``"bfloat16"``.

    ``"auto"`` picks bfloat16 on a CPU with AMX tiles and AVX-512 BF16 (Intel Sapphire
    Rapids and later), where oneDNN multiplies bfloat16 matrices four to ten times faster
    than float32 (by their size) and the shipped model scored the same on VLSP 2016 test;
    float32 everywhere else, including GPUs (pass ``"bfloat16"`` to choose it there).
    """
    check_dtype(dtype)
    if quantize:
        if dtype == "bfloat16":
            raise VnPartnerError("E412", "quantize=True runs in int8 and float32; it cannot be combined "
                                 "with dtype='bfloat16'")
        return "float32"
    if dtype != "auto":
        return dtype
    return "bfloat16" if str(device).startswith("cpu") and cpu_has_fast_bfloat16() else "float32"


def cpu_has_fast_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware (AMX and AVX-512 BF16)."""
    import torch

    checks = [getattr(torch.cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    try:
        return all(check is not None and check() for check in checks)
    except RuntimeError:
        return False


def _quantize(model):
    """Int8 dynamic quantisation of the Linear layers (torch.ao's eager API).

    torch marks torch.ao.quantization deprecated in favour of torchao, which is not a
    dependency; the warnings say nothing a user of the tagger can act on, so they are muted.
    """
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*", category=UserWarning)
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
