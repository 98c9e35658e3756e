"""The results' schema: one long-form row per measured number, in ``benchmarks/results.json``.

A row says which ``study`` measured it (``cost``, ``throughput``,
``robustness``, ``longer``, or a notebook's name for its quality study), on
which ``seed`` and Keras ``backend``, at which ``setting`` (``1x`` or ``5x`` the
notebook's training lengths; a backend setting for ``throughput``), for which
``method`` (a notebook, a model, a baseline) under which ``condition`` (a code
size, a noise level, a photo), the ``metric`` and its ``value``. An optional
``note`` carries text: a failure's message, a cell's first line. The file is
``{"machines": {step: machine.describe()}, "rows": [...]}``; a step replaces
its own rows and machine and keeps the others.
"""

import json
from pathlib import Path

import jsonschema

FIELDS = ("study", "seed", "backend", "setting", "method", "condition", "metric", "value")

SCHEMA = {
    "type": "object",
    "required": ["machines", "rows"],
    "additionalProperties": False,
    "properties": {
        "machines": {"type": "object", "additionalProperties": {"type": "object"}},
        "rows": {"type": "array", "items": {
            "type": "object",
            "required": list(FIELDS),
            "additionalProperties": False,
            "properties": {
                **{name: {"type": "string"} for name in ("study", "backend", "setting", "method", "condition",
                                                         "metric", "note")},
                "seed": {"type": "integer", "minimum": 0},
                "value": {"type": "number"},
            },
        }},
    },
}


def row(study, metric, value, *, seed=0, backend="tensorflow", setting="1x", method="", condition="", note=None):
    """One row of the schema (``note`` only when there is one)."""
    made = {"study": study, "seed": int(seed), "backend": backend, "setting": setting, "method": method,
            "condition": str(condition), "metric": metric, "value": float(value)}
    return {**made, "note": note} if note else made


def from_run(study, run, *, setting="1x", method=""):
    """The rows of one notebook run (``robustness.run``): whether it held, its wall time, headline and measures."""
    where = {"seed": run["seed"], "backend": run["backend"], "setting": setting}
    rows = [row(study, "held", run["held"], method=method, note=run["failure"], **where),
            row(study, "wall_s", run["wall_s"], method=method, **where)]
    if run["headline"] is not None:
        rows.append(row(study, "headline", run["headline"], method=method, **where))
    return rows + [row(study, metric, value, method=name, condition=condition, **where)
                   for metric, name, condition, value in run["measures"]]


def replace(previous, new, studies, methods=None):
    """``previous`` without the rows of ``studies`` (only those of ``methods``, if given), then ``new``."""
    def kept(old):
        return old["study"] not in studies or (methods is not None and old["method"] not in methods)

    return [old for old in previous if kept(old)] + list(new)


def load(path):
    """The results file, checked against ``SCHEMA``; an empty one if it does not exist yet."""
    path = Path(path)
    if not path.exists():
        return {"machines": {}, "rows": []}
    results = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(results, SCHEMA)
    return results


def save(results, path):
    """Check ``results`` against ``SCHEMA`` and write it, one row per line so that diffs stay readable."""
    jsonschema.validate(results, SCHEMA)
    machines = json.dumps(results["machines"], indent=1, ensure_ascii=False)
    lines = ",\n".join("  " + json.dumps(one, ensure_ascii=False) for one in results["rows"])
    Path(path).write_text(f'{{"machines": {machines},\n "rows": [\n{lines}\n]}}\n', encoding="utf-8")
