"""End-to-end speed and memory of extract(), per model variant, batch size and thread count.

    python benchmarks/throughput.py                    # full grid (about 15 minutes on 2 cores)
    python benchmarks/throughput.py --quick            # a smoke run

For each variant (fp32; bf16, on CPUs that multiply bfloat16 in hardware; int8 dynamic
quantisation; ONNX Runtime when ``onnxruntime`` is installed; ``fast``: the 2-layer
``models/vnpartner-ner-fast`` in the precision ``load()`` picks) and each torch
thread count, a fresh process loads the model once, then runs the documents through
the pipeline at each batch size, timing the three stages: ``text`` (decoding, sentences,
word segmentation), ``tag`` (the model) and ``rest`` (normalisation, relations, records).
Reported: documents/s, words/s (whitespace tokens), p50/p95 latency per document (the
time of the batch it was in) and the process's peak RSS. underthesea's CRF NER runs on
the same documents in the same run, for the ratio. The segmentation and subword caches
are emptied before every measured pass.

Batch jobs: the corpus path (``vnpartner extract --input --output --workers N``, the
model as ``load()`` gives it) runs on ``--batch-docs`` documents (default 400, drawn like
the others) with 1 and 2 worker processes, timed whole, start-up included, and the CRF is
split over as many processes on the same documents for a same-resources ratio.

Documents: the seeds plus a sample of ``../shared/data/corpora/news_vi.jsonl.xz``
(the seeds alone when the shared folder is absent). Each variant's accuracy (VLSP 2016
test, raw text in; the seeds) is measured in its process too, so that a faster
variant's cost is visible. Writes ``benchmarks/results/throughput.json``,
``benchmarks/RESULTS.md`` and the plot ``benchmarks/throughput.png``.
"""

from __future__ import annotations

import argparse
import json
import lzma
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vnpartner.runtime import tune_for_throughput  # noqa: E402
from vnpartner.tag.neural import cpu_has_fast_bfloat16  # noqa: E402
from common import (  # noqa: E402
    DEFAULT_MODEL, ROOT, Timer, crf_spans, machine, markdown_table, shown, shared_data, syllables, write_json,
)

VARIANTS = ("fp32", "bf16", "int8", "onnx", "fast")
FAST_MODEL = ROOT / "models" / "vnpartner-ner-fast"  # the 2-layer student, the ``fast`` variant
# The precision each variant's model runs in; "auto" is what load() picks on this machine.
DTYPES = {"fp32": "float32", "bf16": "bfloat16", "int8": "float32", "onnx": "float32", "fast": "auto"}


# --------------------------------------------------------------------------- documents

def documents(n: int, data: Path | None) -> list[str]:
    """The seeds, then corpus documents (every 40th of the file, for variety) up to ``n``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if data is None:
        return texts
    with lzma.open(data / "corpora" / "news_vi.jsonl.xz", "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if len(texts) >= n:
                break
            if i % 40 == 0:
                texts.append(json.loads(line)["text"])
    return texts


# --------------------------------------------------------------------------- variants

class OnnxTokenModel:
    """A token-classification model run by ONNX Runtime, called like the torch model."""

    def __init__(self, path: Path, threads: int):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, input_ids, attention_mask):
        import torch

        logits = self.session.run(["logits"], {"input_ids": input_ids.numpy(),
                                               "attention_mask": attention_mask.numpy()})[0]
        return type("Output", (), {"logits": torch.from_numpy(logits)})()


def export_onnx(model, out: Path) -> Path:
    """Export the tagger's model once (dynamic batch and length axes)."""
    import torch

    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    ids = torch.tensor([[0, 5, 6, 7, 2], [0, 8, 9, 2, 1]])
    mask = (ids != 1).long()

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    torch.onnx.export(Logits(model).eval(), (ids, mask), str(out), input_names=["input_ids", "attention_mask"],
                      output_names=["logits"], dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                                             "attention_mask": {0: "batch", 1: "length"},
                                                             "logits": {0: "batch", 1: "length"}},
                      opset_version=17, dynamo=False)
    return out


def load_variant(model_dir: str, variant: str, threads: int):
    """The pipeline ``extract()`` builds for ``model_dir``, with its model swapped for the variant.

    The ONNX export gives logits only, so that variant relates with the pattern layer; the
    others run the model folder's relation head, as ``extract()`` does.
    """
    from vnpartner.pipeline import Pipeline, _model_tagger
    from vnpartner.relate.neural import load_relater

    if variant == "fast":
        model_dir = str(FAST_MODEL)
    tagger = _model_tagger(model_dir, quantize=variant == "int8", dtype=DTYPES[variant])
    neural = getattr(tagger, "neural", tagger)  # the model inside a HybridTagger
    if variant == "onnx":
        path = export_onnx(neural.model, ROOT / "runs" / "onnx" / Path(model_dir).name / "model.onnx")
        neural.model = OnnxTokenModel(path, threads)
        return Pipeline(tagger=tagger, name=f"{model_dir}:{variant}")
    return Pipeline(tagger=tagger, relater=load_relater(model_dir), name=f"{model_dir}:{variant}")


# --------------------------------------------------------------------------- one process

def measure(pipeline, texts: list[str], batch_size: int) -> dict:
    """Stage times, throughput and latencies of one pass over ``texts``."""
    from vnpartner.encode.align import _PIECE_CACHES
    from vnpartner.text.segment import clear_caches

    clear_caches()
    _PIECE_CACHES.clear()
    stages = {"text": 0.0, "tag": 0.0, "rest": 0.0}
    latencies = []
    started = time.perf_counter()
    for first in range(0, len(texts), batch_size):
        chunk = texts[first:first + batch_size]
        with Timer() as t_text:
            prepared = [pipeline._prepare(text, str(i), None, None) for i, text in enumerate(chunk)]
        with Timer() as t_tag:
            tagged = pipeline._tag([(doc.text, sentences) for doc, sentences in prepared])
        with Timer() as t_rest:
            pipeline._finish([(doc, sentences, found, vectors)
                              for (doc, sentences), (found, vectors) in zip(prepared, tagged)])
        stages["text"] += t_text.seconds
        stages["tag"] += t_tag.seconds
        stages["rest"] += t_rest.seconds
        latencies += [t_text.seconds + t_tag.seconds + t_rest.seconds] * len(chunk)
    seconds = time.perf_counter() - started
    words = syllables(texts)
    return {"batch_size": batch_size, "seconds": round(seconds, 3), "docs_per_s": round(len(texts) / seconds, 2),
            "words_per_s": round(words / seconds, 1),
            "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1),
            "stages_s": {k: round(v, 3) for k, v in stages.items()},
            "tag_words_per_s": round(words / stages["tag"], 1) if stages["tag"] else None}


def accuracy(pipeline, data: Path | None, limit: int | None) -> dict:
    from accuracy import VLSP_LABELS, pipeline_spans, score_vlsp_raw, vlsp2016_test
    from vnpartner.evaluate import score_entities
    from vnpartner.io import read_jsonl

    gold = read_jsonl(ROOT / "seeds" / "gold.jsonl")
    preds = [pipeline(doc.text, id=doc.id, published=doc.published) for doc in gold]
    out = {"seeds_f1": round(100 * score_entities(gold, preds)["micro"]["f1"], 2)}
    if data is not None:
        docs = vlsp2016_test(data, limit)
        scores = score_vlsp_raw(docs, {"m": pipeline_spans(pipeline, set(VLSP_LABELS.values()))})["m"]
        out["vlsp2016_f1"] = round(scores["f1"], 2)
    return out


def flops_ceiling(model_dir: str, threads: int, dtypes: tuple[str, ...]) -> dict:
    """FLOPs per subword of the encoder, and per precision the CPU's measured matmul rate
    and the subwords per second it would allow."""
    import torch
    from transformers import AutoConfig

    torch.set_num_threads(threads)
    config = AutoConfig.from_pretrained(model_dir)
    h, layers, ffn = config.hidden_size, config.num_hidden_layers, config.intermediate_size
    length = 128  # a typical window: attention adds 4·L·n·h per token
    per_token = 2 * layers * (4 * h * h + 2 * h * ffn) + 4 * layers * length * h
    out = {"flops_per_subword": per_token}
    for dtype in dtypes:
        a = torch.randn(1024, 1024, dtype=getattr(torch, dtype))
        b = torch.randn(1024, 1024, dtype=getattr(torch, dtype))
        torch.mm(a, b)
        runs = 20
        started = time.perf_counter()
        for _ in range(runs):
            torch.mm(a, b)
        gflops = runs * 2 * 1024 ** 3 / (time.perf_counter() - started) / 1e9
        out[dtype] = {"matmul_gflops": round(gflops, 1), "ceiling_subwords_per_s": round(gflops * 1e9 / per_token)}
    return out


def child(args) -> int:
    import torch

    torch.set_num_threads(args.threads)
    data = shared_data(args.data)
    texts = documents(args.docs, data)
    with Timer() as load_time:
        pipeline = load_variant(args.model, args.variant, args.threads)
    pipeline(texts[0])  # warm-up: lazy loads (segmenter, gazetteers)
    tuned = tune_for_throughput()  # as a batch job's workers are
    runs = [measure(pipeline, texts, b) for b in args.batch_sizes]
    neural = getattr(pipeline.tagger, "neural", pipeline.tagger)
    result = {"variant": args.variant, "dtype": getattr(neural, "dtype", "float32"), "threads": args.threads,
              "load_s": round(load_time.seconds, 2), "tuned": tuned,
              "runs": runs, "documents": len(texts), "words": syllables(texts)}
    if not args.no_accuracy:
        result["accuracy"] = accuracy(pipeline, data, args.limit)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))
    return 0


def crf_tag(texts: list[str]) -> int:
    """underthesea's CRF NER over ``texts`` sentence by sentence; returns the count of texts."""
    from vnpartner.text import iter_sentences

    for text in texts:
        for sentence in iter_sentences(text, words=False):  # the CRF segments words itself
            crf_spans(text[sentence.start:sentence.end])
    return len(texts)


def _start_crf_worker() -> None:
    crf_spans("Hà Nội")  # load the models, then tune the process as the pipeline's workers are
    tune_for_throughput()


def crf_child(args) -> int:
    """The CRF in this process, or (``--workers N``) split over N processes, timed whole."""
    texts = documents(args.docs, shared_data(args.data))
    if args.workers == 1:
        crf_spans(texts[0][:200])  # load the models before the clock starts
        tune_for_throughput()  # the process settings the pipeline's runs get
        with Timer() as timer:
            crf_tag(texts)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    else:
        import multiprocessing

        shares = [texts[i::args.workers] for i in range(args.workers)]
        with Timer() as timer:
            with multiprocessing.get_context("spawn").Pool(args.workers, initializer=_start_crf_worker) as pool:
                pool.map(crf_tag, shares)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    words = syllables(texts)
    print(json.dumps({"variant": "underthesea_crf", "workers": args.workers, "seconds": round(timer.seconds, 2),
                      "words_per_s": round(words / timer.seconds, 1), "peak_rss_mb": round(rss / 1024, 1)}))
    return 0


def batch_child(args) -> int:
    """The corpus path, ``vnpartner extract --input --output --workers N``, on the documents, timed
    whole: worker start-up and model loading included, as a user's job pays them."""
    import tempfile

    from vnpartner.batch import run, threads_per_worker

    texts = documents(args.docs, shared_data(args.data))
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "docs.jsonl", Path(tmp) / "out.jsonl"
        source.write_text("".join(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n"
                                  for i, text in enumerate(texts)), encoding="utf-8")
        with Timer() as timer:
            counts = run(source, target, model=args.model, workers=args.workers, progress=False)
    who = resource.RUSAGE_SELF if args.workers == 1 else resource.RUSAGE_CHILDREN
    words = syllables(texts)
    print(json.dumps({"workers": args.workers, "threads_each": threads_per_worker(args.workers),
                      "seconds": round(timer.seconds, 2), "documents": len(texts), "errors": counts["errors"],
                      "docs_per_s": round(len(texts) / timer.seconds, 2),
                      "words_per_s": round(words / timer.seconds, 1),
                      "peak_rss_mb_per_process": round(resource.getrusage(who).ru_maxrss / 1024, 1)}))
    return 0


# --------------------------------------------------------------------------- driver

def spawn(args, *extra: str) -> dict | None:
    command = [sys.executable, __file__, "--model", args.model, "--docs", str(args.docs), *extra]
    if args.data:
        command += ["--data", args.data]
    if args.limit:
        command += ["--limit", str(args.limit)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"failed: {' '.join(extra)}\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--docs", type=int, default=200, help="documents (seeds + corpus sample)")
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, help="VLSP 2016 test sentences for the accuracy columns")
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 documents, a small grid")
    parser.add_argument("--no-accuracy", action="store_true")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="process counts for the batch-job rows (the CLI's --workers)")
    parser.add_argument("--batch-docs", type=int, default=400,
                        help="documents of the batch-job rows (more than --docs: start-up is timed too)")
    parser.add_argument("--child", choices=VARIANTS + ("crf", "batch"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.batch_sizes, args.threads, args.limit = 20, [1, 16], [2], args.limit or 200
        args.batch_docs = 20
    if args.child in ("crf", "batch"):
        args.workers = args.workers[0]
        return crf_child(args) if args.child == "crf" else batch_child(args)
    if args.child:
        args.variant, args.threads = args.child, args.threads[0]
        return child(args)

    results = {"model": shown(args.model), "machine": machine(), "documents": args.docs, "vlsp_limit": args.limit,
               "runs": []}
    for variant in args.variants:
        if variant == "onnx" and not _has("onnxruntime"):
            print("onnxruntime is not installed: skipping the onnx variant", file=sys.stderr)
            continue
        if variant == "fast" and not FAST_MODEL.is_dir():
            print(f"{shown(FAST_MODEL)} is missing: skipping the fast variant", file=sys.stderr)
            continue
        if variant == "bf16" and not cpu_has_fast_bfloat16():
            print("this CPU has no bfloat16 matrix units: skipping the bf16 variant", file=sys.stderr)
            continue
        for threads in args.threads:
            print(f"{variant}, {threads} thread(s) ...", file=sys.stderr)
            extra = ["--child", variant, "--threads", str(threads), "--batch-sizes", *map(str, args.batch_sizes)]
            if args.no_accuracy or threads != max(args.threads):
                extra.append("--no-accuracy")
            found = spawn(args, *extra)
            if found:
                results["runs"].append(found)
    print("underthesea CRF ...", file=sys.stderr)
    results["crf"] = spawn(args, "--child", "crf", "--workers", "1")
    results["batch_jobs"] = []
    for workers in args.workers:
        print(f"batch job, {workers} worker(s) ...", file=sys.stderr)
        docs = ["--docs", str(args.batch_docs)]
        job = spawn(args, "--child", "batch", "--workers", str(workers), *docs)
        crf = spawn(args, "--child", "crf", "--workers", str(workers), *docs)
        if job:
            results["batch_jobs"].append({**job, "crf_words_per_s": crf and crf["words_per_s"]})
    dtypes = ("float32", "bfloat16") if cpu_has_fast_bfloat16() else ("float32",)
    results["ceiling"] = flops_ceiling(args.model, max(args.threads), dtypes)
    write_json("throughput.json", results)
    report = format_results(results)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(report + "\n", encoding="utf-8")
    plot(results, ROOT / "benchmarks" / "throughput.png")
    print(report)
    return 0


def _ratio(words_per_s: float, baseline: float | None) -> float | None:
    return round(words_per_s / baseline, 2) if baseline else None


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def format_results(results: dict) -> str:
    crf = results.get("crf") or {}
    rows = []
    for run in results["runs"]:
        for r in run["runs"]:
            ratio = _ratio(r["words_per_s"], crf.get("words_per_s"))
            stages = r["stages_s"]
            rows.append([_name(run), run["threads"], r["batch_size"], r["docs_per_s"], r["words_per_s"],
                         r["tag_words_per_s"], r["p50_ms"], r["p95_ms"],
                         f"{stages['text']:.1f} / {stages['tag']:.1f} / {stages['rest']:.1f}",
                         run["peak_rss_mb"], ratio])
    header = ["variant", "threads", "batch", "docs/s", "words/s", "tag-stage words/s", "p50 ms", "p95 ms",
              "text / tag / rest s", "peak RSS MB", "× CRF"]
    lines = [f"# Throughput of extract() — {Path(results['model']).name}", "",
             f"{results['documents']} documents requested (seeds + corpus sample); machine: "
             f"{results['machine']['cpus']} CPUs, torch {results['machine']['torch']}.", "",
             markdown_table(header, rows), ""]
    if any(run.get("tuned") for run in results["runs"]):
        lines += ["Every measured process, the CRF's included, is tuned as the batch job's workers are "
                  "(`vnpartner.runtime.tune_for_throughput()`: freed heap memory kept for reuse, the objects "
                  "alive after loading frozen out of the garbage collector's passes); caches of segmentation "
                  "and word pieces start empty in each timed pass.", ""]
    if crf:
        lines.append(f"underthesea CRF NER on the same documents: {crf['words_per_s']:.0f} words/s "
                     f"(peak RSS {crf['peak_rss_mb']:.0f} MB).")
    jobs = results.get("batch_jobs") or []
    if jobs:
        alone = next((j["crf_words_per_s"] for j in jobs if j["workers"] == 1), None)  # the CRF in one process
        lines += ["", "Batch jobs: `vnpartner extract --input docs.jsonl --output out.jsonl --workers N` (the "
                  f"model as `load()` gives it, the default batch size) on {jobs[0]['documents']} documents, "
                  "timed whole (worker start-up and model loading included); the CRF split over as many "
                  "processes on the same documents in the same run:", "",
                  markdown_table(["workers", "threads each", "docs/s", "words/s", "CRF words/s, same processes",
                                  "× CRF (same processes)", "× CRF (one process)", "peak RSS MB per process"],
                                 [[j["workers"], j["threads_each"], j["docs_per_s"], j["words_per_s"],
                                   j["crf_words_per_s"], _ratio(j["words_per_s"], j["crf_words_per_s"]),
                                   _ratio(j["words_per_s"], alone), j["peak_rss_mb_per_process"]]
                                  for j in jobs])]
    accuracy_rows = [[_name(r), r["accuracy"].get("vlsp2016_f1"), r["accuracy"]["seeds_f1"]]
                     for r in results["runs"] if "accuracy" in r]
    if accuracy_rows:
        scope = f"first {results['vlsp_limit']} sentences" if results.get("vlsp_limit") else "all sentences"
        lines += ["", f"Accuracy of each variant (entity micro-F1; VLSP 2016 test: {scope}):", "",
                  markdown_table(["variant", "VLSP 2016 test (raw text)", "seeds (7 labels)"], accuracy_rows)]
    ceiling = results.get("ceiling")
    if ceiling:
        lines += ["", f"FLOP ceiling: the encoder needs {ceiling['flops_per_subword'] / 1e6:.1f} MFLOP per subword."]
        for variant, dtype in (("fp32", "float32"), ("bf16", "bfloat16")):
            if dtype not in ceiling:
                continue
            rate = ceiling[dtype]
            best_tag = max((r["tag_words_per_s"] or 0 for run in results["runs"] for r in run["runs"]
                            if run["variant"] == variant), default=0)
            lines.append(f"This CPU multiplies {variant} matrices at {rate['matmul_gflops']} GFLOP/s, so the model "
                         f"alone could reach about {rate['ceiling_subwords_per_s']:,} subwords/s in {variant}. The "
                         f"best {variant} tag stage (model plus pattern layer) measured {best_tag:,.0f} words/s "
                         f"(about 1.1 subwords per word): "
                         f"{100 * best_tag * 1.1 / rate['ceiling_subwords_per_s']:.0f}% of that ceiling.")
    return "\n".join(lines)


def _name(run: dict) -> str:
    """A run's variant, with the precision ``load()`` picked for the fast model."""
    if run["variant"] != "fast":
        return run["variant"]
    return "fast (bf16)" if run.get("dtype") == "bfloat16" else "fast (fp32)"


def plot(results: dict, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot", file=sys.stderr)
        return
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for run in results["runs"]:
        sizes = [r["batch_size"] for r in run["runs"]]
        left.plot(sizes, [r["words_per_s"] for r in run["runs"]], marker="o",
                  label=f"{_name(run)}, {run['threads']} thr")
        if "accuracy" in run and "vlsp2016_f1" in run["accuracy"]:
            best = max(r["words_per_s"] for r in run["runs"])
            right.scatter([best], [run["accuracy"]["vlsp2016_f1"]], label=_name(run))
    crf = results.get("crf")
    if crf:
        left.axhline(crf["words_per_s"], color="grey", linestyle="--", label="underthesea CRF")
    left.set_xscale("log", base=2)
    left.set_xlabel("batch size (documents)")
    left.set_ylabel("words/s, end to end")
    left.legend(fontsize=8)
    right.set_xlabel("best words/s")
    right.set_ylabel("VLSP 2016 test F1 (raw text)")
    right.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    raise SystemExit(main())
