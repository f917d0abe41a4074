"""vnpartner: who cooperates with whom, in what, when, under which instrument.

    import vnpartner

    doc = vnpartner.extract(open("seeds/000_b893769c318efb41.txt", encoding="utf-8").read())
    for record in doc.partnerships:
        print([p.name for p in record.parties], record.sectors, record.date, record.instrument)

Scoring is ``vnpartner.evaluate.evaluate(gold, pred)`` (``vnpartner evaluate`` on the command line).

Names are imported on first use, so ``import vnpartner`` stays cheap and loads no model.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "AnnotationError": "errors", "VnPartnerError": "errors",
    "Document": "schema", "Entity": "schema", "Partnership": "schema", "Party": "schema",
    "Person": "schema", "Relation": "schema",
    "Pipeline": "pipeline", "Failure": "pipeline", "extract": "pipeline", "extract_batch": "pipeline",
    "load": "pipeline",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'vnpartner' has no attribute {name!r}")
    value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + __all__)
