"""Token + tag sequences (VLSP 2016, PhoNER, VLSP 2021, CoNLL files) to Documents.

Tokens are joined with single spaces into the document text and the tags become
character-offset entities. Word-segmented tokens (``Bình_Định``) get their underscores
turned back into spaces.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..errors import AnnotationError, VnPartnerError
from ..schema import Document
from ._files import first_chars, iter_lines, iter_records, located
from .offsets import LabelMap, map_label

_SEGMENTED = re.compile(r"[^\W\d_]_+[^\W\d_]")
_EDGE_UNDERSCORES = re.compile(r"^(_*)(.*?)(_*)$", re.DOTALL)
_CLOSING, _SINGLE, _INSIDE = frozenset("EL"), frozenset("SU"), frozenset("IEL")

Sentence = tuple[int, str, list[str], list[str]]  # (first line, id, tokens, tags)


def split_tag(tag: str) -> tuple[str, str | None]:
    """``(prefix, label)`` of a tag.

    ``"B-PER"`` → ``("B", "PER")``, ``"PER"`` → ``("", "PER")``, ``"O"`` → ``("O", None)``.
    """
    if tag in ("O", ""):
        return "O", None
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIESLU":
        return tag[0], tag[2:]
    return "", tag


def iob_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity token spans ``(first, last + 1, label)`` of a tag sequence.

    Reads IOB2, IOB1, IOBES/BILOU and plain labels without a prefix. An ``I-`` that does
    not continue an entity of its label starts one (a stray ``I-`` is a ``B-``); with
    plain labels a change of label starts a new entity.
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        prefix, new_label = split_tag(tag)
        continues = start is not None and new_label == label and (prefix in _INSIDE or prefix == "")
        if start is not None and not continues:
            spans.append((start, i, label))
            start = None
        if new_label is not None and not continues:
            start, label = i, new_label
        if start is not None and prefix in _CLOSING | _SINGLE:
            spans.append((start, i + 1, label))
            start = None
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


def desegment(token: str) -> str:
    """``token`` with the underscores between its syllables turned into spaces.

    Underscores at either end, and a token made only of underscores, stay as they are.
    """
    lead, middle, trail = _EDGE_UNDERSCORES.match(token).groups()
    return lead + middle.replace("_", " ") + trail


def is_segmented(tokens: Sequence[str]) -> bool:
    """Whether any token has an underscore between two letters (``Bình_Định``)."""
    return any(_SEGMENTED.search(tok) for tok in tokens)


def from_tokens(tokens: Sequence[str], tags: Sequence[str], *, segmented: bool = False, id: str = "",
                label_map: LabelMap | None = None) -> Document:
    """Build a Document from one sentence of tokens and their tags.

    Each token is NFC-normalised (and desegmented when ``segmented``), the tokens are
    joined with single spaces, and the tags (see :func:`iob_to_spans`) become entities
    with exact character offsets. ``label_map`` renames labels; ``None`` drops one.
    """
    if len(tokens) != len(tags):
        raise AnnotationError("E113", f"{len(tokens)} tokens but {len(tags)} tags; give one tag per token.")
    words = [_word(tok, segmented) for tok in tokens]
    starts, pos = [], 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    doc = Document(text=" ".join(words), id=id)
    for first, last, label in iob_to_spans(tags):
        label = map_label(label, label_map)
        start, end = starts[first], starts[last - 1] + len(words[last - 1])
        if label is not None and start < end:
            doc.add_entity(start, end, label)
    return doc


def _word(token: str, segmented: bool) -> str:
    if not isinstance(token, str):
        raise AnnotationError("E113", f"token {token!r} is not a string.")
    token = unicodedata.normalize("NFC", token)
    return desegment(token) if segmented else token


def read_token_file(path: str | os.PathLike, *, segmented: bool | None = None,
                    label_map: LabelMap | None = None) -> list[Document]:
    """Read a token file: the shared token JSONL or a CoNLL text file, one Document per sentence.

    JSONL lines are ``{"id", "tokens", "tags"}`` (plain, ``.xz`` or ``.gz``). CoNLL files
    have one ``token<TAB or space>tag`` per line (the last column is the tag), a blank
    line between sentences, and ``-DOCSTART-`` lines, which are skipped. ``segmented=None``
    means: desegment when any token of the file has ``_`` between letters.
    """
    read = _read_token_jsonl if first_chars(path, 1) == "{" else _read_conll
    sentences = read(path)
    if segmented is None:
        segmented = any(is_segmented(tokens) for _, _, tokens, _ in sentences)
    docs = []
    for lineno, doc_id, tokens, tags in sentences:
        try:
            docs.append(from_tokens(tokens, tags, segmented=segmented, id=doc_id, label_map=label_map))
        except VnPartnerError as err:
            raise located(err, path, lineno) from None
    return docs


def _read_token_jsonl(path: str | os.PathLike) -> list[Sentence]:
    return list(iter_records(path, _token_record))


def _token_record(data: object, lineno: int) -> Sentence:
    if not isinstance(data, dict) or not isinstance(data.get("tokens"), list) \
            or not isinstance(data.get("tags"), list):
        raise AnnotationError("E113", "a token record needs the list fields 'tokens' and 'tags'.")
    doc_id = str(data["id"]) if data.get("id") is not None else str(lineno)
    return lineno, doc_id, data["tokens"], [str(t) for t in data["tags"]]


def _read_conll(path: str | os.PathLike) -> list[Sentence]:
    base = Path(path).name.split(".")[0]
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    first = 0
    for lineno, line in iter_lines(path):
        if not line.strip() or line.startswith("-DOCSTART-"):
            if tokens:
                sentences.append((first, f"{base}:{len(sentences) + 1}", tokens, tags))
            tokens, tags = [], []
            continue
        token, tag = _conll_columns(line, path, lineno)
        first = first if tokens else lineno
        tokens.append(token)
        tags.append(tag)
    if tokens:
        sentences.append((first, f"{base}:{len(sentences) + 1}", tokens, tags))
    return sentences


def _conll_columns(line: str, path: str | os.PathLike, lineno: int) -> tuple[str, str]:
    parts = line.split("\t") if "\t" in line else line.split()
    if len(parts) < 2 or not parts[0]:
        raise AnnotationError("E113", f"{path}, line {lineno}: expected 'token<TAB or space>tag', "
                              f"got {line!r}.")
    return parts[0], parts[-1].strip()
