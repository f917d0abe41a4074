"""The annotators' tool for the in-domain gold set (data/gold/).

Drafts are ANNOTATION.md records without the text, one JSON file per document
(``DRAFTS/<id>.json``). An entity gives its ``text`` and either ``start`` or ``sent`` (the
start offset of its sentence as ``show`` prints it) with ``nth`` (which occurrence inside
that sentence, 1 by default); ``end`` follows from the text.
Texts come from ``runs/annot/texts/<id>.txt`` (written by select_gold_docs.py).

    python recipes/annotate.py show ID              # sentences with [start, end]
    python recipes/annotate.py find ID "Bình Dương"  # every occurrence with offsets
    python recipes/annotate.py prefill ID DRAFTS     # the pattern layer's output as a draft (train/dev only)
    python recipes/annotate.py check DRAFTS [ID...]  # validate drafts against ANNOTATION.md
    python recipes/annotate.py compare DRAFTS_A DRAFTS_B [--json OUT]   # agreement of two passes
    python recipes/annotate.py finalize DRAFTS --split test --out data/gold/test.jsonl
    python recipes/annotate.py finalize runs/annot/traindev runs/annot/train2 --split train --out data/gold/train.jsonl
    python recipes/annotate.py finalize runs/annot/train4 --split train --keep data/gold/train.jsonl --out data/gold/train.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from vnpartner.data.standoff import problems, to_standoff
from vnpartner.evaluate.partnerships import party_set
from vnpartner.errors import VnPartnerError
from vnpartner.io._files import write_lines
from vnpartner.io.jsonl import parse_record
from vnpartner.schema import Document
from vnpartner.text import split_sentences

TEXTS = Path("runs/annot/texts")
SELECTION = Path("data/gold/selection.json")


def text_of(doc_id: str) -> str:
    path = TEXTS / f"{doc_id}.txt"
    if not path.is_file():
        sys.exit(f"no text for {doc_id}: run recipes/select_gold_docs.py --texts {TEXTS} first")
    return path.read_text(encoding="utf-8")


def selection() -> dict[str, dict]:
    return {d["id"]: d for d in json.loads(SELECTION.read_text(encoding="utf-8"))["documents"]}


def show(doc_id: str) -> None:
    text = text_of(doc_id)
    for start, end in split_sentences(text):
        print(f"[{start}, {end}] {text[start:end]}")


def find(doc_id: str, needle: str) -> None:
    text = text_of(doc_id)
    at = text.find(needle)
    if at < 0:
        print("not found")
    while at >= 0:
        left = text[max(0, at - 30):at].replace("\n", " ")
        right = text[at + len(needle):at + len(needle) + 30].replace("\n", " ")
        print(f"start={at} end={at + len(needle)}  …{left}[{needle}]{right}…")
        at = text.find(needle, at + 1)


def draft_document(path: Path) -> Document:
    """A draft joined with its text and validated; raises VnPartnerError or ValueError."""
    draft = json.loads(path.read_text(encoding="utf-8"))
    text = text_of(draft["id"])
    for ent in draft.get("entities", []):
        if "start" not in ent and "sent" in ent:
            ent["start"] = _start_in_sentence(text, ent)
        if "end" not in ent and isinstance(ent.get("text"), str) and isinstance(ent.get("start"), int):
            ent["end"] = ent["start"] + len(ent["text"])
        if "text" in ent and text[ent["start"]:ent["end"]] != ent["text"]:
            raise ValueError(f"entity {ent.get('id')}: text[{ent['start']}:{ent['end']}] is "
                             f"{text[ent['start']:ent['end']]!r}, not {ent['text']!r} "
                             f"(use: find {draft['id']} {ent['text']!r})")
    for ent in draft.get("entities", []):
        ent.pop("sent", None)
        ent.pop("nth", None)
    return parse_record({**draft, "text": text})


def _start_in_sentence(text: str, ent: dict) -> int:
    sentence = next(((s, e) for s, e in split_sentences(text) if s == ent["sent"]), None)
    if sentence is None:
        raise ValueError(f"entity {ent.get('id')}: no sentence starts at {ent['sent']} (see: show)")
    at = sentence[0] - 1
    for _ in range(int(ent.get("nth", 1))):
        at = text.find(ent["text"], at + 1, sentence[1])
        if at < 0:
            raise ValueError(f"entity {ent.get('id')}: {ent['text']!r} occurs fewer than "
                             f"{ent.get('nth', 1)} times in the sentence at {ent['sent']}")
    return at


def drafts(folder: Path, ids: list[str]) -> list[Path]:
    return [folder / f"{i}.json" for i in ids] if ids else sorted(folder.glob("*.json"))


def check(folder: Path, ids: list[str]) -> int:
    bad = 0
    for path in drafts(folder, ids):
        try:
            found = problems(draft_document(path))
        except (VnPartnerError, ValueError, KeyError, json.JSONDecodeError) as err:
            found = [f"{type(err).__name__}: {err}"]
        if found:
            bad += 1
            print(f"{path.name}:")
            print("\n".join(f"  - {p}" for p in found))
        else:
            print(f"{path.name}: ok")
    return 1 if bad else 0


def prefill(doc_id: str, folder: Path) -> None:
    import vnpartner

    if selection()[doc_id]["split"] == "test":
        sys.exit("the test split is annotated from scratch: no model output on it")
    data = vnpartner.extract(text_of(doc_id), model="rules").to_dict()
    data["id"] = doc_id
    data.pop("text")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _keys(doc: Document) -> tuple[set, set, set]:
    spans = {e.id: (e.start, e.end) for e in doc.entities}
    entities = {(e.start, e.end, e.label) for e in doc.entities}
    relations = {(spans[r.head], spans[r.tail], r.label) for r in doc.relations}
    parties = {frozenset(party_set(record.parties)) for record in doc.partnerships}
    return entities, relations, parties


def compare(folder_a: Path, folder_b: Path, out: Path | None) -> None:
    """Agreement of two annotation passes (F1 of B against A) and the disagreements per document."""
    totals = {kind: Counter() for kind in ("entities", "relations", "partnerships")}
    for path_a in sorted(folder_a.glob("*.json")):
        path_b = folder_b / path_a.name
        if not path_b.is_file():
            continue
        doc_a, doc_b = draft_document(path_a), draft_document(path_b)
        print(f"== {doc_a.id}")
        for kind, keys_a, keys_b in zip(totals, _keys(doc_a), _keys(doc_b)):
            totals[kind].update(both=len(keys_a & keys_b), a=len(keys_a), b=len(keys_b))
            for key in sorted(keys_a - keys_b, key=str):
                print(f"  {kind} only A: {_show(doc_a.text, key)}")
            for key in sorted(keys_b - keys_a, key=str):
                print(f"  {kind} only B: {_show(doc_b.text, key)}")
    summary = {kind: round(2 * c["both"] / max(1, c["a"] + c["b"]), 4) for kind, c in totals.items()}
    summary["documents"] = sum(1 for p in folder_a.glob("*.json") if (folder_b / p.name).is_file())
    print(json.dumps(summary))
    if out:
        out.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


def _show(text: str, key) -> str:
    if isinstance(key, frozenset):
        return " + ".join(sorted(f"{name} ({country})" for name, country in key))
    if isinstance(key[0], int):
        return f"{key[2]} [{key[0]}, {key[1]}] {text[key[0]:key[1]]!r}"
    (hs, he), (ts, te), label = key
    return f"{label} {text[hs:he]!r} [{hs}] -> {text[ts:te]!r} [{ts}]"


def finalize(folders: list[Path], split: str, out: Path, keep: Path | None = None) -> None:
    """Every draft of ``split`` as stand-off records; a document's draft comes from the first folder holding one.

    With ``keep`` (an earlier stand-off file), a document with no draft keeps its record from there.
    """
    ids = [d["id"] for d in selection().values() if d["split"] == split]
    kept = {}
    if keep is not None:
        kept = {json.loads(line)["id"]: line for line in keep.read_text(encoding="utf-8").splitlines() if line.strip()}
    lines, failures = [], []
    for doc_id in ids:
        path = next((f / f"{doc_id}.json" for f in folders if (f / f"{doc_id}.json").is_file()), None)
        if path is None and doc_id in kept:
            lines.append(kept[doc_id])
            continue
        if path is None:
            failures.append(f"{doc_id}: no draft")
            continue
        doc = draft_document(path)
        found = problems(doc)
        if found:
            failures.append(f"{doc_id}: {found[0]}")
            continue
        lines.append(json.dumps(to_standoff(doc), ensure_ascii=False))
    if failures:
        sys.exit("not finalized:\n" + "\n".join(failures))
    write_lines(lines, out)
    print(f"{out}: {len(lines)} documents")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("show").add_argument("id")
    p = sub.add_parser("find")
    p.add_argument("id")
    p.add_argument("needle")
    p = sub.add_parser("prefill")
    p.add_argument("id")
    p.add_argument("folder", type=Path)
    p = sub.add_parser("check")
    p.add_argument("folder", type=Path)
    p.add_argument("ids", nargs="*")
    p = sub.add_parser("compare")
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--json", type=Path)
    p = sub.add_parser("finalize")
    p.add_argument("folders", type=Path, nargs="+")
    p.add_argument("--split", required=True, choices=("train", "dev", "test"))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--keep", type=Path, help="earlier stand-off file: documents with no draft keep their record")
    args = parser.parse_args(argv)
    if args.command == "show":
        show(args.id)
    elif args.command == "find":
        find(args.id, args.needle)
    elif args.command == "prefill":
        prefill(args.id, args.folder)
    elif args.command == "check":
        return check(args.folder, args.ids)
    elif args.command == "compare":
        compare(args.a, args.b, args.json)
    else:
        finalize(args.folders, args.split, args.out, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
