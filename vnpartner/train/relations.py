"""Train the relation head of a model folder on documents annotated with relations.

    vnpartner train train.jsonl --task relations --dev dev.jsonl --base models/vnpartner-ner --output OUT

The encoder stays frozen (unless ``encoder_epochs`` asks ``joint.py`` to tune it first),
so the tagger keeps its scores and every word vector is computed once: the head trains on
cached vectors in seconds to minutes on a CPU. Gold entities are
the candidates during training and the dev evaluation (relation P/R/F1, exact head, tail
and label); the epoch with the best dev F1 is kept. Several heads are trained with seeds
``seed``, ``seed + 1``, ... and their probabilities averaged: over five folds of the 184 gold
train articles, three heads gave party-set F1 65.1 where one gave 62.8 on average (entities
found by the shipped tagger), and no seed has to be picked on a small dev split. A party
filter (``relate/partners.py``) is then fitted on out-of-fold probabilities of the training
documents, so that PARTNER is decided per pair of parties. ``OUT`` gets a copy of the base
model folder with ``relations.safetensors``, ``relations.json`` (the filter included) and
``relations_report.json``.

Error codes: E404 nothing to learn (no relations in the training data), E403 base folder
without a token-classification model, E400 fewer than one head.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from dataclasses import replace
from pathlib import Path

from ..aggregate import mention_parties
from ..errors import VnPartnerError
from ..relate.neural import (HEAD_SCHEMA, NONE, build_ensemble, build_head, candidate_pairs, decide, pair_inputs,
                              pair_keys, partner_probabilities, save_head)
from ..relate.partners import PartyPairFilter, fit_party_filter, party_pair_groups
from ..evaluate import score_relations
from ..schema import RELATION_LABELS, Document
from ..text import iter_sentences
from .config import check_int, check_rate
from .joint import tune_encoder

__all__ = ["check_head_options", "encode_documents", "filter_rows", "relation_scores", "train_relations"]


def encode_documents(tagger, docs: list[Document], batch_size: int = 8, progress: bool = False) -> list[dict]:
    """Per document: its candidate pairs' input tensors and gold class ids (one encoder pass each)."""
    import torch

    examples = []
    starts = range(0, len(docs), batch_size)
    if progress:
        from tqdm.auto import tqdm
        starts = tqdm(starts, desc="encoding", unit="batch")
    for first in starts:
        chunk = docs[first:first + batch_size]
        sentences = [list(iter_sentences(doc.text)) for doc in chunk]
        encoded = tagger.tag_encode_batch([(doc.text, s) for doc, s in zip(chunk, sentences)])
        for doc, doc_sentences, (_, vectors) in zip(chunk, sentences, encoded):
            pairs = candidate_pairs(doc, doc_sentences)
            if not pairs:
                continue
            gold = {(r.head, r.tail): RELATION_LABELS.index(r.label) + 1 for r in doc.relations}
            inputs = pair_inputs(doc, pairs, vectors)
            inputs["gold"] = torch.tensor([gold.get((p.head.id, p.tail.id), NONE) for p in pairs])
            examples.append({"doc": doc, "sentences": doc_sentences, "keys": pair_keys(pairs), "inputs": inputs})
    return examples


def relation_scores(head, examples: list[dict], party_filter: PartyPairFilter | None = None) -> dict:
    """``score_relations`` of the head (and party filter) on encoded documents (gold entities as candidates)."""
    gold, predicted = [], []
    for example, probs in zip(examples, _probabilities(head, examples)):
        doc = example["doc"]
        found = decide(doc, example["sentences"], example["keys"], probs, example["inputs"]["mask"], party_filter)
        gold.append(doc)
        predicted.append(replace(doc, relations=found, partnerships=[]))
    return score_relations(gold, predicted, RELATION_LABELS)


def train_relations(train_docs: list[Document], dev_docs: list[Document], base: str | os.PathLike,
                    output: str | os.PathLike, *, epochs: int = 30, lr: float = 1e-3, batch_size: int = 64,
                    seed: int = 42, heads: int = 3, width: int = 256, party_folds: int = 5,
                    encoder_epochs: int = 0, encoder_lr: float = 5e-5, progress: bool = True) -> dict:
    """Fit ``heads`` relation heads on ``train_docs`` over the frozen encoder of ``base``; return the report.

    With ``encoder_epochs`` > 0 the encoder is first tuned on tagging and relations of
    ``train_docs`` together (``joint.py``) and saved in ``output`` in place of the base's.

    Head ``k`` trains with seed ``seed + k`` and keeps its best dev epoch; the saved head
    averages their probabilities. With ``party_folds`` > 1 (and PARTNER relations to learn
    from) a party filter is then fitted on out-of-fold probabilities: per fold, as many heads
    again, each trained for its kept epoch count on the other folds' documents.
    """
    from ..tag.neural import NeuralTagger

    check_head_options(epochs=epochs, batch_size=batch_size, heads=heads, width=width, lr=lr,
                       encoder_epochs=encoder_epochs, encoder_lr=encoder_lr, party_folds=(party_folds, 0))
    if not any(doc.relations for doc in train_docs):
        raise VnPartnerError("E404", "the training data has no relations to learn from.")
    tagger = NeuralTagger(base, dtype="float32")  # trained, and the heads learn from exact vectors
    tuning = None
    if encoder_epochs:
        tuning = tune_encoder(tagger, train_docs, epochs=encoder_epochs, lr=encoder_lr, seed=seed, progress=progress)
        _copy_base(base, output)
        _save_encoder(tagger.model, base, output)
        base = output
    hidden = tagger.model.config.hidden_size
    train_examples = encode_documents(tagger, train_docs, progress=progress)
    dev_examples = encode_documents(tagger, dev_docs, progress=progress) if dev_docs else []
    fit = {"hidden": hidden, "width": width, "lr": lr, "batch_size": batch_size}
    members, kept = [], []
    for k in range(heads):
        member, best_epoch, history = _fit_head(train_examples, dev_examples or train_examples, epochs=epochs,
                                                seed=seed + k, progress=progress, **fit)
        members.append(member)
        kept.append({"seed": seed + k, "best_epoch": best_epoch, "history": history})
    head = build_ensemble(members)
    report = {"base": str(base), "epochs": epochs, "lr": lr, "seed": seed, "heads": kept,
              "train_docs": len(train_docs), "dev_docs": len(dev_docs), "train_pairs": sum(
                  len(e["keys"]) for e in train_examples),
              "train_relations": sum(len(d.relations) for d in train_docs)}
    if tuning is not None:
        report["encoder_tuning"] = {"epochs": encoder_epochs, "lr": encoder_lr, "history": tuning}
    scored_on = "dev" if dev_examples else "train_fit"
    report[scored_on] = relation_scores(head, dev_examples or train_examples)
    party_filter = None
    if party_folds > 1 and _has_partners(train_examples, party_folds):
        party_filter = _fit_party_filter(train_examples, party_folds, kept, fit, progress)
        report["party_filter"] = party_filter.to_dict()
        report[f"{scored_on}_with_party_filter"] = relation_scores(head, dev_examples or train_examples, party_filter)
    _write(head, base, output, {"hidden": hidden, "width": width, "heads": heads}, report, party_filter)
    return report


def check_head_options(*, epochs: int, batch_size: int, heads: int, width: int, lr: float, encoder_epochs: int,
                       encoder_lr: float, **more: tuple[int, int]) -> None:
    """Refuse bad settings before any work (E400); ``more`` maps other counts to (value, least)."""
    counts = {"epochs": (epochs, 1), "batch_size": (batch_size, 1), "heads": (heads, 1), "width": (width, 1),
              "encoder_epochs": (encoder_epochs, 0), **more}
    for name, (value, least) in counts.items():
        check_int(name, value, least)
    check_rate("lr", lr)
    check_rate("encoder_lr", encoder_lr)


def _fit_head(examples: list[dict], dev_examples: list[dict] | None, *, hidden: int, width: int, epochs: int,
              lr: float, batch_size: int, seed: int, progress: bool = False):
    """(head, kept epoch, history): the epoch with the best F1 on ``dev_examples``, else the last."""
    import torch

    torch.manual_seed(seed)
    head = build_head(hidden, width)
    rows = _flatten(examples)
    optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    rng = random.Random(seed)
    best, history = None, []
    epoch_numbers = range(1, epochs + 1)
    if progress:
        from tqdm.auto import tqdm
        epoch_numbers = tqdm(epoch_numbers, desc=f"relation head, seed {seed}", unit="epoch")
    for epoch in epoch_numbers:
        head.train()
        order = list(range(len(rows["gold"])))
        rng.shuffle(order)
        total = 0.0
        for first in range(0, len(order), batch_size):
            index = torch.tensor(order[first:first + batch_size])
            logits = head(**{k: v[index] for k, v in rows.items() if k != "gold"})
            loss = torch.nn.functional.cross_entropy(logits, rows["gold"][index])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += float(loss.detach()) * len(index)
        entry = {"epoch": epoch, "loss": round(total / len(order), 4)}
        if dev_examples:
            entry["dev_f1"] = relation_scores(head, dev_examples)["micro"]["f1"]
            if best is None or entry["dev_f1"] > best[0]:
                best = (entry["dev_f1"], epoch, {k: v.clone() for k, v in head.state_dict().items()})
        history.append(entry)
    if best is not None:
        head.load_state_dict(best[2])
    head.eval()
    return head, best[1] if best else epochs, history


def _has_partners(examples: list[dict], folds: int) -> bool:
    return len(examples) >= folds and any(r.label == "PARTNER" for e in examples for r in e["doc"].relations)


def _fit_party_filter(examples: list[dict], folds: int, kept: list[dict], fit: dict,
                      progress: bool) -> PartyPairFilter:
    """The party filter, fitted on probabilities of heads that did not see the document."""
    order = list(range(len(examples)))
    random.Random(kept[0]["seed"]).shuffle(order)
    fold_of = {index: rank % folds for rank, index in enumerate(order)}
    rows, labels = [], []
    folds_range = range(folds)
    if progress:
        from tqdm.auto import tqdm
        folds_range = tqdm(folds_range, desc="party filter folds", unit="fold")
    for fold in folds_range:
        held_out = [e for i, e in enumerate(examples) if fold_of[i] == fold]
        kept_in = [e for i, e in enumerate(examples) if fold_of[i] != fold]
        members = [_fit_head(kept_in, None, epochs=m["best_epoch"], seed=m["seed"], **fit)[0] for m in kept]
        found_rows, found_labels = filter_rows(build_ensemble(members), held_out)
        rows += found_rows
        labels += found_labels
    try:
        return fit_party_filter(rows, labels)
    except ValueError as err:
        raise VnPartnerError("E404", f"cannot fit the party filter: {err}; train with party_folds=0") from None


def filter_rows(head, examples: list[dict]) -> tuple[list[list[float]], list[int]]:
    """The party filter's feature rows of encoded documents, from a ``head`` that did not see
    them, and whether the gold links each pair of parties (1) or not (0)."""
    rows, labels = [], []
    for example, probs in zip(examples, _probabilities(head, examples)):
        doc = example["doc"]
        partner = partner_probabilities(probs, example["inputs"]["mask"])
        party = mention_parties(doc)
        linked = {frozenset((party[r.head].name, party[r.tail].name)) for r in doc.relations
                  if r.label == "PARTNER" and r.head in party and r.tail in party}
        for group in party_pair_groups(doc, example["sentences"], example["keys"], partner):
            rows.append(group.features)
            labels.append(int(group.parties in linked))
    return rows, labels


def _probabilities(head, examples: list[dict]) -> list:
    import torch

    head.eval()
    with torch.inference_mode():
        return [torch.softmax(head(**{k: v for k, v in e["inputs"].items() if k != "gold"}), -1) for e in examples]


def _flatten(examples: list[dict]) -> dict:
    import torch

    keys = [k for k in examples[0]["inputs"]]
    return {k: torch.cat([e["inputs"][k] for e in examples]) for k in keys}


def _copy_base(base, output) -> None:
    if Path(output).resolve() != Path(base).resolve():
        shutil.copytree(base, output, dirs_exist_ok=True, ignore=shutil.ignore_patterns("checkpoints"))


def _save_encoder(model, base, output) -> None:
    """The tuned tagger in ``output``, in the precision the base's weights were stored in."""
    import torch

    from ..tag.neural import quiet_transformers

    config = Path(base) / "config.json"
    stored = json.loads(config.read_text(encoding="utf-8")).get("dtype") if config.is_file() else None
    dtype = getattr(torch, stored) if stored in ("float16", "bfloat16") else torch.float32
    with quiet_transformers():
        model.to(dtype).save_pretrained(output)
    model.to(torch.float32)


def _write(head, base, output, shape: dict, report: dict, party_filter: PartyPairFilter | None) -> None:
    output = Path(output)
    _copy_base(base, output)
    config = {"schema": HEAD_SCHEMA, **shape, "labels": list(RELATION_LABELS), "owned": list(RELATION_LABELS)}
    if party_filter is not None:
        config["party_filter"] = party_filter.to_dict()
    save_head(head, output, config)
    (output / "relations_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
