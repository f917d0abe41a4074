"""Turn user input (str or bytes, plain text or HTML) into the NFC text a Document holds."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from ..errors import VnPartnerError

_HTML_TAG = re.compile(r"<\s*(html|body|div|p|br|span|a|article|section|h[1-6]|table|li|script|style)\b[^>]*>", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "template"}
# Characters that are never content: C0/C1 controls except tab and newline, and BOMs.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def decode(data: bytes | str, encoding: str | None = None) -> str:
    """Decode bytes as UTF-8 (or the given encoding); str passes through.

    Bytes that are not valid in that encoding raise an error that says so instead of
    producing mojibake that would silently give wrong entities.
    """
    if isinstance(data, str):
        return data
    if not isinstance(data, (bytes, bytearray)):
        raise VnPartnerError("E001", f"expected text (str or bytes), got {type(data).__name__}")
    if encoding is None:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        else:
            encoding = "utf-8-sig"
    try:
        return bytes(data).decode(encoding)
    except LookupError:
        raise VnPartnerError("E002", f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as err:
        raise VnPartnerError(
            "E002",
            f"input is not valid {encoding} (byte {err.start}: {bytes(data[err.start:err.start + 4])!r}). "
            "Decode it yourself (e.g. data.decode('cp1258')) or pass encoding=... (--encoding on the command line)",
        ) from None


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:20000])) >= 2


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def prepare_text(data: bytes | str, encoding: str | None = None) -> str:
    """The text a Document is built on: decoded, HTML stripped, newlines unified, NFC.

    Offsets of every result index this string, so call it once and keep its output.
    """
    text = decode(data, encoding)
    if looks_like_html(text):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)
