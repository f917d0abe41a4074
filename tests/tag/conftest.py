"""A random-weight PhoBERT-shaped vnpartner model folder for the tagger tests."""

from __future__ import annotations

import pytest

LINES = [
    "Ngày 3/5/2021 , tỉnh Quảng_Nam và tỉnh Sơn_La ký_kết Bản_ghi_nhớ về hợp_tác y_tế .",
    "Chủ_tịch UBND tỉnh Gia_Lai Nguyễn_Văn_An tiếp đoàn công_tác của thành_phố Busan .",
    "Hai bên thống_nhất đẩy_mạnh hợp_tác trong lĩnh_vực giáo_dục , du_lịch và nông_nghiệp .",
    "Đoàn đại_biểu tỉnh Savannakhet thăm thành_phố Đà_Nẵng từ ngày 12/9/2022 .",
]
TEXT = ("Ngày 3/5/2021, tỉnh Quảng Nam và tỉnh Sơn La ký kết Bản ghi nhớ về hợp tác y tế. "
        "Chủ tịch UBND tỉnh Gia Lai Nguyễn Văn An tiếp đoàn công tác của thành phố Busan.\n"
        "Hai bên thống nhất đẩy mạnh hợp tác trong lĩnh vực giáo dục, du lịch và nông nghiệp.")


@pytest.fixture(autouse=True)
def _one_thread(one_torch_thread):
    yield


@pytest.fixture
def text():
    return TEXT


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory):
    from vnpartner.train.tiny import random_phobert

    return random_phobert(tmp_path_factory.mktemp("model"), LINES * 5, vocab_size=300, seed=1)


@pytest.fixture(scope="session")
def tagger(model_dir):
    from vnpartner.tag.neural import NeuralTagger

    return NeuralTagger(model_dir, dtype="float32")
