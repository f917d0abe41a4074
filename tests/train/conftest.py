"""Made-up Vietnamese cooperation sentences, a tiny PhoBERT-shaped base, and files built from them.

Tokens are written word-segmented (``Quảng_Nam``); the raw text joins them with spaces,
turns ``_`` into spaces and glues punctuation to the word before it.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

PEOPLE = ["Nguyễn_Văn_An", "Trần_Thị_Bích", "Lê_Hoàng_Nam", "Phạm_Minh_Tuấn", "Đỗ_Thu_Hà", "Võ_Quốc_Bảo"]
PLACES = ["tỉnh Quảng_Nam", "tỉnh Sơn_La", "thành_phố Đà_Nẵng", "tỉnh Gia_Lai", "tỉnh Savannakhet",
          "thành_phố Busan", "tỉnh Kon_Tum"]
SECTORS = ["y_tế", "giáo_dục", "du_lịch", "nông_nghiệp", "thương_mại", "văn_hóa"]
AGREEMENTS = ["Bản_ghi_nhớ", "Thỏa_thuận hợp_tác", "Ý_định_thư"]
TITLES = ["Chủ_tịch UBND", "Bí_thư Tỉnh_ủy", "Giám_đốc Sở Ngoại_vụ", "Phó Chủ_tịch UBND"]
DATES = ["3/5/2021", "12/9/2022", "21/4/2023", "tháng 6/2020", "năm 2019"]
SLOTS = {"person": ("PERSON", PEOPLE), "place": ("LOCATION", PLACES), "other": ("LOCATION", PLACES[::-1]),
         "sector": ("SECTOR", SECTORS), "agreement": ("AGREEMENT", AGREEMENTS), "title": ("TITLE", TITLES),
         "date": ("DATE", DATES)}
TEMPLATES = [
    "Ngày {date} , {place} và {other} đã ký_kết {agreement} về hợp_tác {sector} .",
    "{title} {place} {person} tiếp đoàn công_tác của {other} .",
    "Hai bên thống_nhất đẩy_mạnh hợp_tác trong lĩnh_vực {sector} .",
    "{person} cho_biết {place} mong_muốn mở_rộng hợp_tác {sector} với {other} .",
    "Tại buổi làm_việc , {title} {person} đề_nghị hai địa_phương sớm triển_khai {agreement} .",
    "Đoàn đại_biểu {other} thăm {place} từ {date} .",
    "{agreement} giữa {place} và {other} tạo nền_tảng cho hợp_tác {sector} lâu_dài .",
    "Dịp này , {person} trao quà lưu_niệm cho lãnh_đạo {other} .",
]


def make_sentences(n: int = 50) -> list[list[tuple[str, str]]]:
    """``n`` sentences as (segmented token, IOB2 tag) pairs, filled from the lists above in turn."""
    counters = {slot: itertools.cycle(values) for slot, (_, values) in SLOTS.items()}
    out = []
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        pairs = []
        for part in template.split():
            if part.startswith("{"):
                label, _ = SLOTS[part[1:-1]]
                value = next(counters[part[1:-1]]).split()
                pairs += [(tok, ("B-" if k == 0 else "I-") + label) for k, tok in enumerate(value)]
            else:
                pairs.append((part, "O"))
        out.append(pairs)
    return out


def render(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[dict]]:
    """Raw text of sentences and its entities (ANNOTATION.md offsets)."""
    text, entities, open_entity = "", [], None
    for pairs in sentences:
        for token, tag in pairs:
            surface = token.replace("_", " ")
            if text and token not in ",.":
                text += " "
            start = len(text)
            text += surface
            if tag.startswith("B-"):
                open_entity = {"start": start, "end": len(text), "label": tag[2:]}
                entities.append(open_entity)
            elif tag.startswith("I-"):
                open_entity["end"] = len(text)
    for i, ent in enumerate(entities, 1):
        ent.update(id=f"T{i}", text=text[ent["start"]:ent["end"]])
    return text, entities


def segmented_lines(sentences) -> list[str]:
    return [" ".join(token for token, _ in pairs) for pairs in sentences]


def write_jsonl(path: Path, sentences, per_doc: int = 5) -> Path:
    lines = []
    for d in range(0, len(sentences), per_doc):
        text, entities = render(sentences[d:d + per_doc])
        lines.append(json.dumps({"id": f"doc{d}", "text": text, "published": None, "entities": entities,
                                 "relations": [], "partnerships": []}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_conll(path: Path, sentences) -> Path:
    blocks = ["\n".join(f"{token}\t{tag}" for token, tag in pairs) for pairs in sentences]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sentences():
    return make_sentences(50)


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory, sentences) -> Path:
    """A masked-LM RoBERTa (2 layers, hidden 32, 2 heads, 258 positions) with random weights."""
    from vnpartner.train.tiny import random_phobert

    return random_phobert(tmp_path_factory.mktemp("base"), segmented_lines(sentences), head=False,
                          layers=2, hidden=32, heads=2, vocab_size=400, max_length=256)


@pytest.fixture(scope="session")
def tiny_tagger(tmp_path_factory, sentences) -> Path:
    """A vnpartner token-classification model (same shape as ``tiny_base``) with random weights."""
    from vnpartner.train.tiny import random_phobert

    return random_phobert(tmp_path_factory.mktemp("tagger"), segmented_lines(sentences), layers=2, hidden=32,
                          heads=2, vocab_size=400, max_length=256)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory, sentences) -> Path:
    folder = tmp_path_factory.mktemp("data")
    write_jsonl(folder / "train.jsonl", sentences[:40])
    write_jsonl(folder / "dev.jsonl", sentences[40:])
    write_conll(folder / "train.conll", sentences[:40])
    write_conll(folder / "dev.conll", sentences[40:])
    return folder


@pytest.fixture
def quick(tiny_base):
    """Keyword options of a run that takes a second or two."""
    return {"base": str(tiny_base), "max_steps": 4, "batch_size": 4, "lr": 1e-3, "save_every": 0,
            "progress": False, "max_length": 64, "overlap": 8}


@pytest.fixture
def files():
    """The writers above, for tests that need files of their own."""
    from types import SimpleNamespace

    return SimpleNamespace(jsonl=write_jsonl, conll=write_conll, render=render, sentences=make_sentences)


@pytest.fixture(autouse=True)
def _one_thread(one_torch_thread):
    yield
