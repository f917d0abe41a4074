"""Several relation heads averaged into one: saved, reloaded, and read as one head."""

import json

import pytest
import torch

from vnpartner.errors import VnPartnerError
from vnpartner.relate.neural import PARTNER, build_ensemble, build_head, load_relater, save_head
from vnpartner.schema import ENTITY_LABELS, RELATION_LABELS

HIDDEN, WIDTH = 8, 16


def pair_batch(rows: int = 5) -> dict:
    torch.manual_seed(0)
    mask = torch.ones(rows, len(RELATION_LABELS) + 1, dtype=torch.bool)
    mask[:, PARTNER] = False  # a label these pairs' types do not allow
    return {"head": torch.randn(rows, HIDDEN), "tail": torch.randn(rows, HIDDEN), "between": torch.randn(rows, HIDDEN),
            "peak": torch.randn(rows, HIDDEN), "context": torch.randn(rows, 4 * HIDDEN),
            "types": torch.randint(len(ENTITY_LABELS), (rows, 2)), "distance": torch.randint(16, (rows,)),
            "crowd": torch.randint(8, (rows,)), "mask": mask}


def members(count: int) -> list:
    heads = []
    for seed in range(count):
        torch.manual_seed(seed)
        heads.append(build_head(HIDDEN, WIDTH).eval())
    return heads


def test_the_ensemble_gives_the_mean_of_its_members_probabilities():
    inputs = pair_batch()
    heads = members(3)
    with torch.inference_mode():
        mean = torch.stack([torch.softmax(h(**inputs), -1) for h in heads]).mean(0)
        got = torch.softmax(build_ensemble(heads).eval()(**inputs), -1)
    assert torch.allclose(got, mean, atol=1e-6)
    assert not torch.allclose(mean, torch.softmax(heads[0](**inputs), -1))  # members differ
    assert torch.all(got[:, PARTNER] == 0)  # a disallowed label stays impossible


def test_a_saved_ensemble_reloads_with_the_same_scores(tmp_path):
    inputs = pair_batch()
    ensemble = build_ensemble(members(2)).eval()
    save_head(ensemble, tmp_path, {"schema": 2, "hidden": HIDDEN, "width": WIDTH, "heads": 2})
    loaded = load_relater(tmp_path).head
    with torch.inference_mode():
        assert torch.allclose(loaded(**inputs), ensemble(**inputs))


@pytest.mark.parametrize("heads", [1, 3, 0])
def test_a_head_count_that_does_not_fit_the_weights_is_a_clear_error(tmp_path, heads):
    save_head(build_ensemble(members(2)), tmp_path, {"schema": 2, "hidden": HIDDEN, "width": WIDTH})
    config = json.loads((tmp_path / "relations.json").read_text())
    config["heads"] = heads
    (tmp_path / "relations.json").write_text(json.dumps(config))
    with pytest.raises(VnPartnerError) as err:
        load_relater(tmp_path)
    assert err.value.code == "E420"
