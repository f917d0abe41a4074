"""Train the neural tagger: ``train(TrainConfig(...)) -> report`` and ``vnpartner train``.

    >>> from vnpartner.train import TrainConfig, train
    >>> report = train(TrainConfig(train="data/train.jsonl", dev="data/dev.jsonl",
    ...                            base="vinai/phobert-base", output_dir="models/mine"))  # doctest: +SKIP
    >>> vnpartner.extract(text, model="models/mine")                                     # doctest: +SKIP

The output folder is a model folder (``vnpartner.load(folder)``) with ``report.json``
and ``checkpoints/step-N`` beside the weights. Importing this package loads no torch.

Error codes: E400 invalid configuration, E401 train/dev file not found, E402 unknown base
(no such folder, not on the hub), E403 base folder unusable (no config.json, no
tokenizer, tokenizer and model disagree), E404 nothing to learn (no words, no
entities), E405 labels differ from those of the vnpartner model being continued, E406
checkpoint from a run with other labels. Malformed data files raise the E1xx errors of
``vnpartner.io``, naming the file and line.
"""

from .config import TrainConfig
from .report import format_train_report

__all__ = ["TrainConfig", "format_train_report", "train"]


def train(config: TrainConfig | None = None, **options) -> dict:
    """Train a tagger as ``config`` (or ``TrainConfig(**options)``) says; return the report."""
    from .loop import train as run

    if config is None:
        config = TrainConfig(**options)
    elif options:
        raise TypeError("give a TrainConfig or keyword options, not both")
    return run(config)
