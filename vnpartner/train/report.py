"""The training report as a short text table, for the command line."""

from __future__ import annotations


def format_train_report(report: dict) -> str:
    """A few lines: model, data, steps, loss; then per-label dev scores when there is a dev set."""
    data = report["train"]
    lines = [
        f"model     {report['model']}  (base {report['base']}{', continued' if report.get('continued') else ''})",
        f"labels    {', '.join(report['labels'])}",
        f"train     {data['file']} [{data['format']}]: {data['documents']:,} documents, {data['sentences']:,} "
        f"sentences, {data['words']:,} words, {data['entities']:,} entities, {data['windows']:,} windows",
        f"steps     {report['steps']:,} ({report['epochs']} epochs) in {report['seconds']:.1f} s"
        + (f", resumed from step {report['resumed_from']:,}" if report.get("resumed_from") else "")
        + (f", last loss {report['loss']:.4f}" if report.get("loss") is not None else ""),
    ]
    if data.get("ignored_entities"):
        ignored = ", ".join(f"{k} {v}" for k, v in data["ignored_entities"].items())
        lines.append(f"ignored   {ignored}")
    dev = report.get("dev")
    if dev and dev.get("scores"):
        lines += ["", f"dev       {dev['file']}: {dev['sentences']:,} sentences, {dev['entities']:,} entities",
                  f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"]
        rows = dev["scores"]
        for label in [k for k in rows if k not in ("micro", "macro")] + ["micro", "macro"]:
            row = rows[label]
            lines.append(f"{label:<14}{100 * row['precision']:>7.1f}{100 * row['recall']:>7.1f}"
                         f"{100 * row['f1']:>7.1f}{row['support']:>9,}")
    return "\n".join(lines)
