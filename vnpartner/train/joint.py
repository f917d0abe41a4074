"""Tune the tagger's encoder for relations before the relation heads are fitted.

The heads of ``relations.py`` read frozen word vectors that were trained for tagging
only. Here the encoder learns from both tasks at once: per document, one pass over its
windows gives the tagger's logits (cross-entropy against the gold entities' IOB2 tags)
and the word vectors that a throw-away relation head scores the gold entity pairs from.
The tuned encoder, tagger head included, replaces the base's; the kept heads are then
fitted on its vectors as before, so inference still makes one encoder pass.

Measured on the team's gold set, trained on the 120 round-1/2 train articles and scored on
the 64 round-3 ones (which neither step saw) and on dev (15), five epochs at 5e-5 against
the frozen encoder:

- one head trained along: relation micro-F1 73.8 -> 76.5 on round 3 (PARTNER 64.1 -> 67.3),
  81.9 -> 83.6 on dev; VLSP 2018 dev F1 of the tagger 81.3 -> 81.0;
- end to end, three heads and the party filter refitted on the tuned encoder: entity F1
  82.8 -> 84.1 (round 3) and 85.8 -> 87.0 (dev), relation F1 57.9 -> 60.8 and 66.9 -> 68.5,
  date accuracy 59.5 -> 62.7 and 60.0 -> 66.7, instrument 58.1 -> 65.3 and 60.0 -> 66.7,
  but party-set F1 64.3 -> 62.0 and 69.8 -> 73.2 (pooled 65.2 -> 63.6), and on the seeds
  78.6 -> 69.2. So it is an option (``--encoder-epochs``), not what the shipped model uses.
"""

from __future__ import annotations

import random
from bisect import bisect_right

from ..relate.neural import NONE, build_head, candidate_pairs, pair_inputs
from ..schema import RELATION_LABELS, Document
from ..text import iter_sentences

__all__ = ["tune_encoder", "unit_tags"]

IGNORE = -100


def unit_tags(doc: Document, units: list[tuple[int, int, str]], label_id: dict[str, int]) -> list[int]:
    """The IOB2 tag id of each unit (``(start, end, text)``, in text order) from the document's
    entities; units of entity labels the tagger lacks are ignored by the loss. Unlike
    ``train.data.label_words`` it never cuts a unit at an entity boundary: the units must be
    the ones the tagger sees at run time, whose vectors the relation head reads."""
    tags = [label_id.get("O", 0)] * len(units)
    ends = [end for _, end, _ in units]
    for ent in sorted(doc.entities, key=lambda e: e.start):
        first = i = bisect_right(ends, ent.start)
        while i < len(units) and units[i][0] < ent.end:
            tags[i] = label_id.get(("B-" if i == first else "I-") + ent.label, IGNORE)
            i += 1
    return tags


def _prepare(tagger, doc: Document, label_id: dict[str, int]) -> dict:
    import torch

    from ..encode.align import encode_words

    sentences = list(iter_sentences(doc.text))
    units = [unit for sentence in tagger.words(sentences) for unit in sentence]
    pairs = candidate_pairs(doc, sentences)
    gold = {(r.head, r.tail): RELATION_LABELS.index(r.label) + 1 for r in doc.relations}
    return {"doc": doc, "units": units, "pairs": pairs,
            "windows": encode_words(tagger.tokenizer, [text for _, _, text in units], tagger.max_length,
                                    overlap=tagger.overlap),
            "tags": torch.tensor(unit_tags(doc, units, label_id)),
            "gold": torch.tensor([gold.get((p.head.id, p.tail.id), NONE) for p in pairs], dtype=torch.long)}


def _forward(model, example: dict, pad_id: int):
    """(word vectors, tag logits, unit index of each logit row) of one document, with gradients."""
    import torch

    from ..encode.batch import pad_batch
    from ..tag.neural import WordVectors

    windows = example["windows"]
    out = model(**pad_batch([w.input_ids for w in windows], pad_id), output_hidden_states=True)
    rows, positions, words = [], [], []
    for r, window in enumerate(windows):
        for position in window.predict:
            rows.append(r)
            positions.append(position)
            words.append(window.word_ids[position])
    rows, positions, words = torch.tensor(rows), torch.tensor(positions), torch.tensor(words)
    last = out.hidden_states[-1][rows, positions]
    matrix = torch.zeros(len(example["units"]), last.shape[-1]).index_put((words,), last)
    spans = [(start, end) for start, end, _ in example["units"]]
    return WordVectors(spans, matrix), out.logits[rows, positions], words


def tune_encoder(tagger, docs: list[Document], *, epochs: int = 5, lr: float = 5e-5, head_lr: float = 1e-3,
                 seed: int = 42, progress: bool = True) -> list[dict]:
    """Train ``tagger.model`` in place on tagging and relations of ``docs``; return the loss per epoch.

    One optimiser step per document; the learning rate warms up over the first tenth of
    the steps and then falls linearly to zero.
    """
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    model = tagger.model
    label_id = {label: i for i, label in enumerate(tagger.labels)}
    examples = [_prepare(tagger, doc, label_id) for doc in docs]
    head = build_head(model.config.hidden_size)
    encoder_params, head_params = list(model.parameters()), list(head.parameters())
    optimizer = torch.optim.AdamW([{"params": encoder_params, "lr": lr}, {"params": head_params, "lr": head_lr}],
                                  weight_decay=0.01)
    total = max(1, epochs * len(examples))
    warmup = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / warmup)
                                                 * max(0.0, (total - step) / total))
    rng = random.Random(seed)
    history = []
    model.train()
    head.train()
    for epoch in _epochs(epochs, progress):
        order = list(range(len(examples)))
        rng.shuffle(order)
        summed = 0.0
        for index in order:
            example = examples[index]
            vectors, logits, words = _forward(model, example, tagger.pad_id)
            tags = example["tags"][words]
            losses = []
            if (tags != IGNORE).any():
                losses.append(F.cross_entropy(logits, tags, ignore_index=IGNORE))
            if example["pairs"]:
                scores = head(**pair_inputs(example["doc"], example["pairs"], vectors))
                losses.append(F.cross_entropy(scores, example["gold"]))
            if not losses:
                continue
            loss = sum(losses)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(encoder_params + head_params, 1.0)
            optimizer.step()
            schedule.step()
            summed += float(loss.detach())
        history.append({"epoch": epoch, "loss": round(summed / max(1, len(examples)), 4)})
    model.eval()
    return history


def _epochs(epochs: int, progress: bool):
    numbers = range(1, epochs + 1)
    if progress:
        from tqdm.auto import tqdm
        numbers = tqdm(numbers, desc="encoder tuning", unit="epoch")
    return numbers
