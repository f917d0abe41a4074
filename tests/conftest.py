from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="run slow tests (training, ../shared data)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: use --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def seed_paths():
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def gold_path():
    return SEEDS / "gold.jsonl"


@pytest.fixture
def one_torch_thread():
    """Tiny models run fastest on one thread (and do not fight other processes for cores)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(autouse=True)
def rules_by_default(request, monkeypatch):
    """Tests pin the default model to the pattern layer, so that their expectations do not
    move when the shipped model is retrained; tests of the shipped model say so with
    ``@pytest.mark.shipped_model``."""
    if "shipped_model" not in request.keywords:
        monkeypatch.setenv("VNPARTNER_MODEL", "rules")
    else:
        monkeypatch.delenv("VNPARTNER_MODEL", raising=False)
