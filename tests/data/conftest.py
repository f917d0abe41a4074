"""Fixtures of the vnpartner.data tests: a tiny made-up shared data folder in tmp_path.

Every sentence here is invented for the tests; none comes from the real data folder.
"""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

# VLSP 2016 style: word-segmented tokens, IOB2 tags PER/LOC/ORG/MISC.
VLSP2016_ROWS = [
    {"id": "7:1",
     "tokens": ["Ông", "Trần_Văn_Bình", "thăm", "thành_phố", "Cao_Lãnh", "ngày", "3/5/2021", "."],
     "tags": ["O", "B-PER", "O", "O", "B-LOC", "O", "O", "O"]},
    {"id": "7:2",
     "tokens": ["Sở", "Y_tế", "tỉnh", "Đồng_Tháp", "dự", "Lễ_hội", "Tháng_Ba", "năm", "2020", "."],
     "tags": ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"]},
    # Document 104682 is in the real train and test splits; the builder drops it by name.
    {"id": "104682:1", "tokens": ["Ông", "Lê_Văn_Tám", "về", "Hà_Nội", "."],
     "tags": ["O", "B-PER", "O", "B-LOC", "O"]},
]
for row in VLSP2016_ROWS:
    row["nested_tags"] = ["O"] * len(row["tokens"])

# VLSP 2018 style: raw text, character offsets, nested depths.
_T18 = "Đoàn của thành phố Hạ Long gặp lãnh đạo Công ty Sao Mai tại các tỉnh miền Tây."
_DEV = ("Sáng 12/4, bà Phan Thị Hoa, Giám đốc Sở Giáo dục tỉnh Kon Tum, đã làm việc với "
        "đoàn công tác của Trường Đại học Bách Khoa về hợp tác đào tạo nguồn nhân lực.")


def _span(text: str, surface: str, label: str, depth: int = 0) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "label": label, "depth": depth}


VLSP2018_TRAIN = [
    {"id": "900:1", "domain": "Xa hoi", "text": _T18, "entities": [
        _span(_T18, "Hạ Long", "LOC"), _span(_T18, "Công ty Sao Mai", "ORG"),
        _span(_T18, "Sao Mai", "LOC", depth=1), _span(_T18, "miền Tây", "LOC")]},
    # A training paragraph that repeats a dev paragraph: the builder drops it.
    {"id": "901:1", "domain": "Xa hoi", "text": _DEV, "entities": [_span(_DEV, "Phan Thị Hoa", "PER")]},
]
VLSP2018_DEV = [
    {"id": "950:1", "domain": "Giao duc", "text": _DEV, "entities": [
        _span(_DEV, "Phan Thị Hoa", "PER"), _span(_DEV, "Sở Giáo dục tỉnh Kon Tum", "ORG"),
        _span(_DEV, "Kon Tum", "LOC", depth=1), _span(_DEV, "Trường Đại học Bách Khoa", "ORG")]},
]

# PhoNER style (syllables), with a decomposed (non-NFC) token.
PHONER_ROWS = [
    {"id": "train:0",
     "tokens": ["Bệnh", "nhân", "1001", "nhập", "viện", "ngày", "14", "-", "3", "tại", "Bệnh", "viện",
                "Đa", "khoa", "tỉnh", "Bạc", "Liêu", "."],
     "tags": ["O", "O", "B-PATIENT_ID", "O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O",
              "B-LOCATION", "I-LOCATION", "I-LOCATION", "I-LOCATION", "I-LOCATION", "I-LOCATION",
              "I-LOCATION", "O"]},
    {"id": "train:1", "tokens": ["Ca", "bệnh", "ho", "và", "sốt", "từ", "20/3", "."],
     "tags": ["O", "O", "B-SYMPTOM_AND_DISEASE", "O", "B-SYMPTOM_AND_DISEASE", "O", "B-DATE", "O"]},
]

# VLSP 2021 style: syllables, plain labels turned into IOB2.
VLSP2021_ROWS = [
    {"id": "dev:0",
     "tokens": ["Sáng", "ngày", "5/6/2019", ",", "Giám", "đốc", "Nguyễn", "An", "làm", "việc", "ở",
                "thành", "phố", "Vinh", "trong", "3", "ngày", "."],
     "tags": ["B-DATETIME", "I-DATETIME", "I-DATETIME", "O", "B-PERSONTYPE", "I-PERSONTYPE",
              "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-LOCATION", "O", "B-DATETIME",
              "I-DATETIME", "O"]},
]

CORPUS_ROWS = [
    {"id": "vntc-1", "source": "vntc", "topic": "The gioi",
     "text": "Hai tỉnh ký kết hợp tác\nNgày 2/3/2022, tỉnh Lâm Đồng ký Bản ghi nhớ với tỉnh Gia Lai."},
    {"id": "vntc-2", "source": "vntc", "topic": "The gioi",
     "text": "Hợp tác y tế\nBộ trưởng Y tế gặp đoàn của thành phố Đà Nẵng."},
    {"id": "unc-1", "source": "unc", "topic": "world", "text": "Tin ngoài phạm vi\nMột bài thứ ba."},
]


def write_xz(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A made-up shared data folder with every file the builder reads (and test splits)."""
    root = tmp_path / "shared" / "data"
    write_xz(root / "ner/vlsp2016/train.jsonl.xz", VLSP2016_ROWS)
    write_xz(root / "ner/vlsp2016/test.jsonl.xz", VLSP2016_ROWS[:1])
    write_xz(root / "ner/vlsp2018/train.jsonl.xz", VLSP2018_TRAIN)
    write_xz(root / "ner/vlsp2018/dev.jsonl.xz", VLSP2018_DEV)
    write_xz(root / "ner/vlsp2018/test.jsonl.xz", VLSP2018_DEV)
    phoner = [dict(r) for r in PHONER_ROWS]
    phoner[1]["tokens"] = ["Ca", "be\u0323\u0302nh", "ho", "và", "sốt", "từ", "20/3", "."]  # NFD `bệnh`
    write_xz(root / "ner/phoner_covid19/train_syllable.jsonl.xz", phoner)
    write_xz(root / "ner/phoner_covid19/test_syllable.jsonl.xz", phoner)
    write_xz(root / "ner/vlsp2021/dev.jsonl.xz", VLSP2021_ROWS)
    write_xz(root / "corpora/news_vi.jsonl.xz", CORPUS_ROWS)
    return root


def fake_tagger(text: str) -> list[tuple[int, int, str]]:
    """A stand-in for the pattern layer: a fixed list of surface → label, every occurrence."""
    table = [("Trần Văn Bình", "PERSON"), ("3/5/2021", "DATE"), ("thành phố Cao Lãnh", "LOCATION"),
             ("Tháng Ba năm 2020", "DATE"), ("năm 2020", "DATE"), ("Sở Y tế tỉnh Đồng Tháp", "ORGANIZATION"),
             ("Y tế", "SECTOR"), ("Bệnh viện Đa khoa tỉnh Bạc Liêu", "ORGANIZATION"), ("tỉnh Bạc Liêu", "LOCATION"),
             ("14 - 3", "DATE"), ("Giám đốc", "TITLE"), ("Giám đốc Sở Giáo dục", "TITLE"), ("đào tạo", "SECTOR"),
             ("12/4", "DATE"), ("Bản ghi nhớ", "AGREEMENT"), ("tỉnh Lâm Đồng", "LOCATION"),
             ("2/3/2022", "DATE"), ("tỉnh Gia Lai", "LOCATION"), ("Bộ trưởng Y tế", "TITLE"), ("hợp tác", "SECTOR")]
    spans, taken = [], []
    for surface, label in sorted(table, key=lambda t: -len(t[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(s < end and start < e for s, e in taken):
                spans.append((start, end, label))
                taken.append((start, end))
            start = text.find(surface, start + 1)
    return sorted(spans)


@pytest.fixture
def tagger():
    return fake_tagger
