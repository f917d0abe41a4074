"""Read and write annotated documents: schema v1 JSONL, token/CoNLL files, VLSP 2018
character offsets, Doccano and Label Studio exports. Every reader returns
``list[Document]`` with offsets into the NFC text."""

from ._files import check_writable
from .conll import default_words, to_conll, word_tags, write_conll
from .doccano import from_doccano, read_doccano
from .jsonl import iter_jsonl, parse_record, read_jsonl, write_jsonl
from .labelstudio import from_labelstudio, read_labelstudio
from .load import detect_format, load_documents
from .offsets import document_from_spans, from_char_offsets, nfc_offset_map, read_vlsp2018
from .tokens import from_tokens, iob_to_spans, read_token_file

__all__ = [
    "check_writable", "default_words", "detect_format", "document_from_spans", "from_char_offsets", "from_doccano",
    "from_labelstudio", "from_tokens", "iob_to_spans", "iter_jsonl", "load_documents",
    "nfc_offset_map", "parse_record", "read_doccano", "read_jsonl", "read_labelstudio",
    "read_token_file", "read_vlsp2018", "to_conll", "word_tags", "write_conll", "write_jsonl",
]
