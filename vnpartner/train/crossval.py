"""Cross-validate the relation step end to end: every article's records from heads that never saw it.

    python recipes/relation_cv.py data/gold/train.jsonl data/gold/dev.jsonl \
        --corpus ../shared/data/corpora/news_vi.jsonl.xz --base models/vnpartner-ner

A dev split of 15 articles holds 22 records, so one record moves its party-set F1 by about
4 points, and seeds of the same head differ by up to 3. Here the annotated articles are cut
into ``folds`` parts; each part is read by the real pipeline (the tagger's own entities)
with heads trained, as ``relations.py`` trains them, on the other parts' gold entities for a
fixed number of epochs. The party filter is fitted on the out-of-fold probabilities over gold
entities of all parts, as training fits it. Every article then has relations and records
that nothing fitted to it chose, and a design is judged on all of them (the 233 gold train
and dev articles hold 428 records). With ``encoder_epochs`` each fold first tunes its own
copy of the encoder on its training parts (``joint.py``).
"""

from __future__ import annotations

import os
import random

from ..errors import VnPartnerError
from ..schema import Document

__all__ = ["cross_validate_relations"]


def cross_validate_relations(docs: list[Document], base: str | os.PathLike, *, folds: int = 5, epochs: int = 20,
                             heads: int = 3, width: int = 256, lr: float = 1e-3, batch_size: int = 64,
                             seed: int = 1, encoder_epochs: int = 0, encoder_lr: float = 5e-5,
                             progress: bool = True) -> list[Document]:
    """``extract()``'s documents for ``docs`` (in their order), each from heads not trained on it.

    ``base`` is a model folder with a tagger; its own relation head, if any, is not used.
    Head ``k`` of a fold trains with seed ``seed + k`` for ``epochs`` epochs. The fold of an
    article depends on ``seed`` only. The vectors of all gold candidate pairs are held in memory
    (about 0.5 GB for 233 news articles with a 384-wide encoder).
    """
    from ..pipeline import Pipeline, _model_tagger
    from ..relate.neural import NeuralRelater, build_ensemble
    from ..relate.partners import fit_party_filter
    from .joint import tune_encoder
    from .relations import _fit_head, check_head_options, encode_documents, filter_rows

    check_head_options(epochs=epochs, batch_size=batch_size, heads=heads, width=width, lr=lr,
                       encoder_epochs=encoder_epochs, encoder_lr=encoder_lr, folds=(folds, 2))
    if len(docs) < folds:
        raise VnPartnerError("E400", f"{folds} folds need at least {folds} documents, not {len(docs)}")
    if not any(doc.relations for doc in docs):
        raise VnPartnerError("E404", "the documents have no relations to learn from.")
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {index: rank % folds for rank, index in enumerate(order)}
    position = {id(doc): i for i, doc in enumerate(docs)}
    fit = {"hidden": None, "width": width, "lr": lr, "batch_size": batch_size}

    shared = None if encoder_epochs else _model_tagger(str(base), dtype="float32")
    examples_all = encode_documents(shared, docs, progress=progress) if shared else None
    fold_parts, rows, labels = [], [], []
    for fold in _range(folds, "folds", progress):
        tagger = shared or _model_tagger(str(base), dtype="float32")
        held_out = [i for i in range(len(docs)) if fold_of[i] == fold]
        training = [doc for i, doc in enumerate(docs) if fold_of[i] != fold]
        if encoder_epochs:
            tune_encoder(getattr(tagger, "neural", tagger), training, epochs=encoder_epochs, lr=encoder_lr,
                         seed=seed, progress=False)
            examples = encode_documents(tagger, docs)
        else:
            examples = examples_all
        train_examples = [e for e in examples if fold_of[position[id(e["doc"])]] != fold]
        if not train_examples:
            raise VnPartnerError("E404", f"fold {fold + 1}'s training documents have no candidate pairs")
        fit["hidden"] = train_examples[0]["inputs"]["head"].shape[1]
        head = build_ensemble([_fit_head(train_examples, None, epochs=epochs, seed=seed + k, **fit)[0]
                               for k in range(heads)])
        found_rows, found_labels = filter_rows(head, [e for e in examples if fold_of[position[id(e["doc"])]] == fold])
        rows += found_rows
        labels += found_labels
        fold_parts.append((tagger, head, held_out))
    try:
        party_filter = fit_party_filter(rows, labels)
    except ValueError as err:
        raise VnPartnerError("E404", f"cannot fit the party filter: {err}") from None

    predicted: list[Document | None] = [None] * len(docs)
    for tagger, head, held_out in fold_parts:
        pipeline = Pipeline(tagger=tagger, relater=NeuralRelater(head, party_filter=party_filter), name="fold")
        texts = [docs[i].text for i in held_out]
        for i, doc in zip(held_out, pipeline.pipe(texts, ids=[docs[i].id for i in held_out])):
            doc.published = docs[i].published
            predicted[i] = doc
    return predicted


def _range(count: int, desc: str, progress: bool):
    if progress:
        from tqdm.auto import tqdm
        return tqdm(range(count), desc=desc, unit="fold")
    return range(count)
