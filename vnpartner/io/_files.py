"""File helpers shared by the readers and writers of ``vnpartner.io``.

Error codes of this package (all raised as ``VnPartnerError`` or ``AnnotationError``):

- E101 file not found            - E109 relation points at a missing entity
- E102 invalid JSON              - E110 duplicate entity id
- E103 record without ``text``   - E111 malformed record (missing or wrong-typed field)
- E104 text not NFC              - E112 unknown format name
- E105 offsets are not ints      - E113 malformed token/CoNLL line or tokens/tags mismatch
- E106 offsets out of range      - E115 malformed Doccano / Label Studio export
- E107 span text differs
- E108 unknown label
"""

from __future__ import annotations

import gzip
import json
import lzma
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from ..errors import AnnotationError, VnPartnerError

T = TypeVar("T")
COMPRESSED = {".xz": lzma.open, ".gz": gzip.open}


def check_exists(path: str | os.PathLike) -> Path:
    """``path`` as a Path; VnPartnerError E101 naming it when it is not a file."""
    path = Path(path)
    if not path.is_file():
        raise VnPartnerError("E101", f"File not found: {path}. Check the path (relative to {Path.cwd()}).")
    return path


def check_writable(path: str | os.PathLike) -> Path:
    """``path`` as a Path; VnPartnerError E007 when it is a folder or its folder is missing,
    so that a job fails before its work, not with a traceback after it."""
    path = Path(path)
    if path.is_dir():
        raise VnPartnerError("E007", f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise VnPartnerError("E007", f"no folder {path.parent} to write {path.name} in")
    return path


def base_suffix(path: str | os.PathLike) -> str:
    """The extension of ``path`` without a trailing ``.xz``/``.gz`` (``a.jsonl.xz`` → ``.jsonl``)."""
    path = Path(path)
    if path.suffix.lower() in COMPRESSED:
        path = path.with_suffix("")
    return path.suffix.lower()


def open_text(path: str | os.PathLike) -> IO[str]:
    """Open a UTF-8 text file for reading, decompressing ``.xz``/``.gz`` by extension."""
    path = check_exists(path)
    opener = COMPRESSED.get(path.suffix.lower())
    if opener is not None:
        return opener(path, "rt", encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")


def iter_lines(path: str | os.PathLike) -> Iterator[tuple[int, str]]:
    """Yield ``(1-based line number, line without its line break)`` for every line of ``path``."""
    with open_text(path) as handle:
        for lineno, line in enumerate(handle, 1):
            yield lineno, line.rstrip("\r\n")


def load_json_line(line: str) -> Any:
    """Decode one JSON line; AnnotationError E102 when it is not valid JSON."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise AnnotationError("E102", f"invalid JSON ({err.msg} at column {err.colno}). "
                              "Each line must be one complete JSON object.") from None


def iter_records(path: str | os.PathLike, build: Callable[[Any, int], T]) -> Iterator[T]:
    """Yield ``build(record, line number)`` for each non-blank JSON line of ``path``.

    Any VnPartnerError raised while decoding or building is re-raised as an
    AnnotationError whose message starts with the file and the 1-based line.
    """
    for lineno, line in iter_lines(path):
        if not line.strip():
            continue
        try:
            yield build(load_json_line(line), lineno)
        except VnPartnerError as err:
            raise located(err, path, lineno) from None


def first_chars(path: str | os.PathLike, size: int = 1) -> str:
    """The first ``size`` non-whitespace-led characters of ``path`` (decompressed)."""
    with open_text(path) as handle:
        for line in handle:
            if line.strip():
                return (line.lstrip() + handle.read(size))[:size]
    return ""


@contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[IO[str]]:
    """Write a text file atomically: a temp file in the same folder, then ``os.replace``.

    The temp file is removed if writing fails, so ``path`` is either the old file or the
    complete new one, never a half-written one. ``.xz``/``.gz`` paths are compressed.
    """
    path = Path(path)
    tmp = _new_temp_file(path)
    try:
        opener = COMPRESSED.get(path.suffix.lower(), open)
        with opener(tmp, "wt", encoding="utf-8", newline="\n") as handle:
            yield handle
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _new_temp_file(path: Path) -> Path:
    """An empty, new hidden file beside ``path``, with ``path``'s mode or the umask default."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        return tmp


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def write_lines(lines: Iterable[str], path: str | os.PathLike) -> None:
    """Write ``lines`` (without line breaks) atomically to ``path``, one per line."""
    with atomic_open(path) as handle:
        for line in lines:
            handle.write(line + "\n")


def message_of(err: VnPartnerError) -> str:
    """The message of ``err`` without its ``[code] `` prefix."""
    text = str(err)
    prefix = f"[{err.code}] "
    return text[len(prefix):] if text.startswith(prefix) else text


def located(err: VnPartnerError, path: str | os.PathLike, lineno: int | None) -> AnnotationError:
    """Re-raise-ready copy of ``err`` whose message starts with the file and line."""
    where = f"{path}, line {lineno}" if lineno is not None else f"{path}"
    return AnnotationError(err.code, f"{where}: {message_of(err)}")
