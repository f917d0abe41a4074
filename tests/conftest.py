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
