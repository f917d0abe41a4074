"""Train the relation head of a model folder on documents annotated with relations.

    vnpartner train train.jsonl --task relations --dev dev.jsonl --base models/vnpartner-ner --output OUT

The encoder stays frozen, so the tagger keeps its scores and every word vector is computed
once: the head trains on cached vectors in seconds to minutes on a CPU. Gold entities are
the candidates during training and the dev evaluation (relation P/R/F1, exact head, tail
and label); the epoch with the best dev F1 is kept. ``OUT`` gets a copy of the base model
folder with ``relations.safetensors``, ``relations.json`` and ``relations_report.json``.

Error codes: E404 nothing to learn (no relations in the training data), E403 base folder
without a token-classification model.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from dataclasses import replace
from pathlib import Path

from ..errors import VnPartnerError
from ..relate.neural import NONE, build_head, candidate_pairs, pair_inputs, save_head
from ..evaluate import score_relations
from ..schema import RELATION_LABELS, Document, Relation
from ..text import iter_sentences

__all__ = ["encode_documents", "relation_scores", "train_relations"]


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
            inputs = pair_inputs(pairs, vectors)
            inputs["gold"] = torch.tensor([gold.get((p.head.id, p.tail.id), NONE) for p in pairs])
            inputs["keys"] = [(p.head.id, p.tail.id) for p in pairs]
            examples.append({"doc": doc, "inputs": inputs})
    return examples


def relation_scores(head, examples: list[dict]) -> dict:
    """``score_relations`` of the head on encoded documents (gold entities as candidates)."""
    import torch

    head.eval()
    gold, predicted = [], []
    with torch.inference_mode():
        for example in examples:
            inputs = {k: v for k, v in example["inputs"].items() if k not in ("gold", "keys")}
            best = head(**inputs).argmax(-1).tolist()
            doc = example["doc"]
            found = [Relation(h, t, RELATION_LABELS[k - 1]) for (h, t), k in zip(example["inputs"]["keys"], best)
                     if k != NONE]
            gold.append(doc)
            predicted.append(replace(doc, relations=found, partnerships=[]))
    return score_relations(gold, predicted, RELATION_LABELS)


def train_relations(train_docs: list[Document], dev_docs: list[Document], base: str | os.PathLike,
                    output: str | os.PathLike, *, epochs: int = 30, lr: float = 1e-3, batch_size: int = 64,
                    seed: int = 42, width: int = 256, progress: bool = True) -> dict:
    """Fit a relation head on ``train_docs`` over the frozen encoder of ``base``; return the report."""
    import torch

    from ..tag.neural import NeuralTagger

    if not any(doc.relations for doc in train_docs):
        raise VnPartnerError("E404", "the training data has no relations to learn from.")
    torch.manual_seed(seed)
    tagger = NeuralTagger(base)
    train_examples = encode_documents(tagger, train_docs, progress=progress)
    dev_examples = encode_documents(tagger, dev_docs, progress=progress) if dev_docs else []
    head = build_head(tagger.model.config.hidden_size, width)
    rows = _flatten(train_examples)
    optimizer = torch.optim.AdamW(head.parameters(), lr=lr, weight_decay=0.01)
    rng = random.Random(seed)
    best, history = None, []
    for epoch in range(1, epochs + 1):
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
        scores = relation_scores(head, dev_examples or train_examples)
        history.append({"epoch": epoch, "loss": round(total / len(order), 4), "dev_f1": scores["micro"]["f1"]})
        if best is None or scores["micro"]["f1"] > best[0]:
            best = (scores["micro"]["f1"], epoch, {k: v.clone() for k, v in head.state_dict().items()}, scores)
    head.load_state_dict(best[2])
    report = {"base": str(base), "epochs": epochs, "best_epoch": best[1], "lr": lr, "seed": seed,
              "train_docs": len(train_docs), "dev_docs": len(dev_docs), "train_pairs": len(rows["gold"]),
              "train_relations": sum(len(d.relations) for d in train_docs),
              "dev" if dev_examples else "train_fit": best[3], "history": history}
    _write(head, base, output, tagger.model.config.hidden_size, width, report)
    return report


def _flatten(examples: list[dict]) -> dict:
    import torch

    keys = ("head", "tail", "between", "types", "distance", "mask", "gold")
    return {k: torch.cat([e["inputs"][k] for e in examples]) for k in keys}


def _write(head, base, output, hidden: int, width: int, report: dict) -> None:
    output = Path(output)
    if output.resolve() != Path(base).resolve():
        shutil.copytree(base, output, dirs_exist_ok=True, ignore=shutil.ignore_patterns("checkpoints"))
    config = {"schema": 1, "hidden": hidden, "width": width, "labels": list(RELATION_LABELS),
              "owned": list(RELATION_LABELS)}
    save_head(head, output, config)
    (output / "relations_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
