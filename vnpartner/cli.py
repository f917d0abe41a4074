"""Command line: ``vnpartner extract``, ``partners``, ``evaluate`` and ``train``.

Each command is a thin wrapper around an importable function that returns data, so
tests and scripts call the same code the shell does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import VnPartnerError
from .io import check_writable
from .schema import Document


def extract_files(paths: Sequence[str], *, published: str | None = None, model: str | None = None,
                  encoding: str | None = None, dtype: str = "auto") -> tuple[list[Document], list[dict]]:
    """Extract each file (``-`` is standard input); return the documents and per-file errors."""
    from .pipeline import load

    pipeline = load(model, dtype=dtype)
    docs, errors = [], []
    for path in paths:
        try:
            raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            doc_id = "stdin" if path == "-" else Path(path).stem
            docs.append(pipeline(raw, published=published, id=doc_id, encoding=encoding))
        except VnPartnerError as err:
            errors.append({"id": path, "error": str(err)})
        except OSError as err:
            errors.append({"id": path, "error": f"[E008] cannot read it: {err.strerror or err}"})
    return docs, errors


def format_documents(docs: list[Document], fmt: str) -> str:
    if fmt == "json":
        payload = docs[0].to_dict() if len(docs) == 1 else [d.to_dict() for d in docs]
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(d.to_json() for d in docs)
    if fmt == "conll":
        from .io import to_conll

        return "\n".join(to_conll(d) for d in docs).rstrip("\n")
    raise VnPartnerError("E007", f"unknown format {fmt!r}: use json, jsonl or conll")


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.input or args.output:
        return _extract_jsonl(args)
    if args.workers != 1:
        raise VnPartnerError("E007", "--workers needs --input and --output (a JSONL batch job)")
    docs, errors = extract_files(args.files or ["-"], published=args.published, model=args.model,
                                 encoding=args.encoding, dtype=args.dtype)
    if docs:
        print(format_documents(docs, args.format or "json"))
    for error in errors:
        print(f"vnpartner: {error['id']}: {error['error']}", file=sys.stderr)
    return 1 if errors else 0


def _extract_jsonl(args: argparse.Namespace) -> int:
    from .batch import run

    if not (args.input and args.output) or args.files:
        raise VnPartnerError("E007", "a batch job takes --input DOCS.jsonl and --output OUT.jsonl, and no FILES")
    given = [flag for flag, value in (("--format", args.format), ("--published", args.published),
                                      ("--encoding", args.encoding)) if value is not None]
    if given:
        raise VnPartnerError("E007", f"{', '.join(given)}: for FILES only; a batch job reads UTF-8 JSONL, takes "
                             "each document's own 'published' and writes JSONL")
    counts = run(args.input, args.output, model=args.model, workers=args.workers, batch_size=args.batch_size,
                 dtype=args.dtype)
    print(f"vnpartner: {counts['written']} documents written to {args.output} ({counts['errors']} errors, "
          f"{counts['skipped']} already there)", file=sys.stderr)
    return 1 if counts["errors"] else 0


def format_partnership(record) -> str:
    """One line: ``parties · sectors · date · instrument`` (``–`` for what is unknown)."""
    parties = " – ".join(p.name + (f" ({p.country})" if p.country else "") for p in record.parties)
    return " · ".join([parties or "–", ", ".join(record.sectors) or "–", record.date or "–",
                       record.instrument or "–"])


def partnership_lines(paths: Sequence[str], *, model: str | None = None) -> tuple[list[str], list[str]]:
    """Lines of the ``partners`` view for text files or extract's JSONL output, and errors."""
    from .pipeline import load

    lines, errors = [], []
    for path in paths:
        try:
            if path.endswith((".jsonl", ".json")):
                docs = _extracted(path)
            else:
                docs = [load(model)(Path(path).read_bytes(), id=Path(path).stem)]
        except (OSError, ValueError, VnPartnerError) as err:
            errors.append(str(err) if path in str(err) else f"{path}: {err}")  # readers name the file themselves
            continue
        for doc in docs:
            lines += [f"{doc.id}: {format_partnership(r)}" for r in doc.partnerships]
    return lines, errors


def _extracted(path: str) -> list[Document]:
    """The documents of extract's output, validated: JSONL, or the JSON of ``--format json`` (one
    document or a list); the lines of documents a batch job could not read are left out."""
    from .io import parse_record, read_jsonl

    if not path.endswith(".json"):
        return read_jsonl(path, skip_failures=True)
    with open(path, encoding="utf-8") as handle:
        payload = json.load(handle)
    return [parse_record(record) for record in (payload if isinstance(payload, list) else [payload])]


def _cmd_partners(args: argparse.Namespace) -> int:
    lines, errors = partnership_lines(args.files, model=args.model)
    if lines:
        print("\n".join(lines))
    for error in errors:
        print(f"vnpartner: {error}", file=sys.stderr)
    return 1 if errors else 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, write_report

    if args.output:
        check_writable(args.output)
    report = evaluate(args.gold, args.pred)
    print(format_report(report))
    if args.output:
        write_report(report, args.output)
    return 0


def _cmd_train(args: argparse.Namespace) -> int:
    from .train import TrainConfig, format_train_report, train

    if args.task == "relations":
        return _train_relations(args)
    if args.corpus or any(getattr(args, name) is not None for name in _RELATION_OPTIONS):
        raise VnPartnerError("E400", "--corpus, --heads, --party-folds, --encoder-epochs and --encoder-lr are read "
                             "by --task relations only")
    options = {name: getattr(args, name) for name in _TRAIN_OPTIONS if getattr(args, name) is not None}
    report = train(TrainConfig(train=args.train, base=args.base, output_dir=args.output, **options))
    print(format_train_report(report))
    return 0


def _train_relations(args: argparse.Namespace) -> int:
    from .train.relations import train_relations

    def read(path):
        from .data.standoff import load_annotated
        return load_annotated(path, args.corpus, args.format or "auto") if path is not None else []

    options = {name: getattr(args, name) for name in ("epochs", "lr", "batch_size", "seed", "heads", "party_folds",
                                                      "encoder_epochs", "encoder_lr")
               if getattr(args, name) is not None}
    report = train_relations(read(args.train), read(args.dev), args.base, args.output, **options)
    dev = report.get("dev") or report["train_fit"]
    epochs = ", ".join(str(head["best_epoch"]) for head in report["heads"])
    print(f"relation heads: {len(report['heads'])}, best epochs {epochs} of {report['epochs']}, "
          f"{'dev' if 'dev' in report else 'train'} micro-F1 {100 * dev['micro']['f1']:.1f}")
    filtered = report.get("dev_with_party_filter") or report.get("train_fit_with_party_filter")
    if filtered:
        print(f"with the party filter: micro-F1 {100 * filtered['micro']['f1']:.1f}, "
              f"PARTNER F1 {100 * filtered['PARTNER']['f1']:.1f}")
    for label, row in dev.items():
        print(f"  {label:<16} P {100 * row['precision']:5.1f}  R {100 * row['recall']:5.1f}  F1 {100 * row['f1']:5.1f}  "
              f"support {row['support']}")
    return 0


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


_RELATION_OPTIONS = ("heads", "party_folds", "encoder_epochs", "encoder_lr")
_TRAIN_OPTIONS = {  # TrainConfig field: (type, metavar); flags are the field names with dashes
    "dev": (str, "DEV"), "epochs": (int, "N"), "max_steps": (int, "N"), "batch_size": (int, "N"),
    "lr": (float, "X"), "seed": (int, "N"), "format": (str, "F"), "labels": (str, "A,B,..."),
    "max_length": (int, "N"), "eval_every": (int, "N"), "save_every": (int, "N"), "tokenizer": (str, "DIR"),
    "device": (str, "D"), "resume": (bool, None), "freeze_embeddings": (bool, None), "bf16": (bool, None),
}


def _add_train_parser(commands) -> None:
    from .train.config import TrainConfig

    train = commands.add_parser("train", help="train the neural tagger on annotated data",
                                description="Fine-tune a (PhoBERT-style) transformer into a vnpartner model folder.")
    train.add_argument("train", help=TrainConfig.help("train"))
    train.add_argument("--base", required=True, help=TrainConfig.help("base"))
    train.add_argument("--output", "-o", required=True, metavar="DIR", help=TrainConfig.help("output_dir"))
    train.add_argument("--task", choices=("entities", "relations"), default="entities",
                       help="entities: fine-tune the tagger; relations: fit the relation head over the "
                            "encoder of --base (a model folder; frozen unless --encoder-epochs) and save it "
                            "with a copy of it "
                            "(default: entities)")
    train.add_argument("--corpus", metavar="PATH",
                       help="read train/dev as stand-off gold records (data/gold/*.jsonl) whose texts "
                            "come from this corpus file")
    train.add_argument("--heads", type=int, metavar="N",
                       help="--task relations: heads trained with seeds SEED, SEED+1, ... whose "
                            "probabilities are averaged (default: 3)")
    train.add_argument("--party-folds", type=int, metavar="N",
                       help="--task relations: folds of out-of-fold head probabilities the party filter "
                            "is fitted on; 0 leaves PARTNER to the head alone (default: 5)")
    train.add_argument("--encoder-epochs", type=int, metavar="N",
                       help="--task relations: first tune the encoder on tagging and relations together for "
                            "N epochs and save it in place of --base's; 0 keeps it frozen (default: 0)")
    train.add_argument("--encoder-lr", type=float, metavar="X",
                       help="--task relations: learning rate of that tuning (default: 5e-05)")
    for name, (kind, metavar) in _TRAIN_OPTIONS.items():
        flag = "--" + name.replace("_", "-")
        if kind is bool:
            train.add_argument(flag, action="store_true", default=None, help=TrainConfig.help(name))
        else:
            default = TrainConfig.default(name)
            text = TrainConfig.help(name) + ("" if default is None else f" (default: {default})")
            train.add_argument(flag, type=kind, metavar=metavar, help=text)
    train.set_defaults(func=_cmd_train)


def build_parser() -> argparse.ArgumentParser:
    from .tag.neural import DTYPES

    parser = argparse.ArgumentParser(
        prog="vnpartner", description="Who cooperates with whom in Vietnamese news: entities, relations and "
        "partnership records (extract), one line per record (partners), scores (evaluate), fine-tuning (train).")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"vnpartner {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract entities, relations and partnerships")
    extract.add_argument("files", nargs="*", help="text files (UTF-8); none or '-' reads standard input")
    extract.add_argument("--format", choices=("json", "jsonl", "conll"), default=None,
                         help="json: one document, or a list for several files (default); jsonl: one document "
                              "per line; conll: token and IOB2 tag columns")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (anchors dates without a year)")
    extract.add_argument("--model", default=None, help="'rules', 'vnpartner-ner', 'vnpartner-ner-fast' or a model folder "
                         "(default: $VNPARTNER_MODEL, else the shipped model)")
    extract.add_argument("--encoding", default=None, help="encoding of the input files (default UTF-8)")
    extract.add_argument("--input", help="batch job: a JSONL of {id, text, published?} documents")
    extract.add_argument("--output", help="batch job (with --input): JSONL written in input order; rerun to resume")
    extract.add_argument("--workers", type=_positive_int, default=1, help="batch job: processes (default: 1)")
    extract.add_argument("--batch-size", type=_positive_int, default=16,
                         help="documents that share model batches (default: 16)")
    extract.add_argument("--dtype", choices=DTYPES, default="auto",
                         help="precision of the model: auto (bfloat16 on CPUs with AMX, else float32)")
    extract.set_defaults(func=_cmd_extract)

    partners = commands.add_parser("partners", help="one line per partnership record: parties · sectors · "
                                   "date · instrument")
    partners.add_argument("files", nargs="+", help="text files, or the .jsonl/.json that `vnpartner extract` writes")
    partners.add_argument("--model", default=None, help="model for text files (as for extract)")
    partners.set_defaults(func=_cmd_partners)

    evaluate = commands.add_parser("evaluate", help="score predictions against gold annotations")
    evaluate.add_argument("gold", help="gold JSONL (ANNOTATION.md format)")
    evaluate.add_argument("pred", help="predicted JSONL")
    evaluate.add_argument("--output", "-o", help="also write the report as JSON here")
    evaluate.set_defaults(func=_cmd_evaluate)
    _add_train_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except VnPartnerError as err:
        print(f"vnpartner: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `vnpartner ... | head` closed the pipe: not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
