"""Command line: ``vnpartner extract``, ``vnpartner evaluate``.

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
from .schema import Document


def extract_files(paths: Sequence[str], *, published: str | None = None, model: str | None = None,
                  encoding: str | None = None) -> tuple[list[Document], list[dict]]:
    """Extract each file (``-`` is standard input); return the documents and per-file errors."""
    from .pipeline import load

    pipeline = load(model)
    docs, errors = [], []
    for path in paths:
        try:
            raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            doc_id = "stdin" if path == "-" else Path(path).stem
            docs.append(pipeline(raw, published=published, id=doc_id, encoding=encoding))
        except (OSError, VnPartnerError) as err:
            errors.append({"id": path, "error": str(err)})
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
    docs, errors = extract_files(args.files or ["-"], published=args.published, model=args.model,
                                 encoding=args.encoding)
    if docs:
        print(format_documents(docs, args.format))
    for error in errors:
        print(f"vnpartner: {error['id']}: {error['error']}", file=sys.stderr)
    return 1 if errors else 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, write_report

    report = evaluate(args.gold, args.pred)
    print(format_report(report))
    if args.output:
        write_report(report, args.output)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnpartner", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract entities, relations and partnerships")
    extract.add_argument("files", nargs="*", help="text files (UTF-8); none or '-' reads standard input")
    extract.add_argument("--format", choices=("json", "jsonl", "conll"), default="json")
    extract.add_argument("--published", help="publication date YYYY-MM-DD (anchors dates without a year)")
    extract.add_argument("--model", default=None, help="'rules' or a model folder (default: the shipped model)")
    extract.add_argument("--encoding", default=None, help="encoding of the input files (default UTF-8)")
    extract.set_defaults(func=_cmd_extract)

    evaluate = commands.add_parser("evaluate", help="score predictions against gold annotations")
    evaluate.add_argument("gold", help="gold JSONL (ANNOTATION.md format)")
    evaluate.add_argument("pred", help="predicted JSONL")
    evaluate.add_argument("--output", "-o", help="also write the report as JSON here")
    evaluate.set_defaults(func=_cmd_evaluate)
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
