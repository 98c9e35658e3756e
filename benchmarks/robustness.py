"""Run a notebook as a reader would, with other parameters, and read back what it measured.

Every notebook has one code cell tagged ``parameters`` (papermill's convention)
that holds ``SEED`` and the training lengths, whose names end in ``EPOCHS``. A
run executes the stored notebook top to bottom in a fresh kernel, with other
values injected after that cell and ``KERAS_BACKEND`` in the kernel's
environment; the stored notebook is never written. A run *holds* when every
cell ran: an assertion that fails stops the notebook, and its message is kept.
Every study of ``make bench`` except the throughput one is made of such runs.

How a notebook hands numbers back: its metadata names them, so the page the
reader sees carries nothing extra, and nbval never sees them::

    "lecture24": {
      "headline": {"variable": "test_mse", "what": "held-out MSE of ..."},
      "measures": {"psnr": "{method: {sigma: score[0] for sigma, score in ...}}", ...}
    }

``headline`` is the expression of its headline model's held-out error (the
5× study compares it). Each entry of ``measures`` is an expression of the
notebook's own variables that gives a number, or a dict of numbers keyed by
method, or by method and then condition (a pair as key also means (method,
condition)). The run appends one cell, to its in-memory copy only, that
prints them as JSON after the notebook's last cell; an expression that no
longer evaluates fails the run loudly.
"""

import contextlib
import json
import os
import time
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

__all__ = ["run", "study", "longer_training", "scaled", "parameters", "headline", "measures"]

FACTOR = 5  # "within 15 % of what five times the training gives" (CONTRIBUTING.md, "Adding a chapter")


def parameters(path):
    """The names and values of the notebook's ``parameters`` cell (plain assignments only)."""
    notebook = nbformat.read(path, as_version=4)
    cells = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{Path(path).name} must have exactly one cell tagged 'parameters', not {len(cells)}.")
    values = {}
    exec(cells[0].source, {}, values)  # the cell is plain assignments of numbers
    return values


def headline(path):
    """The notebook's declared headline, ``{"variable", "what"}``, or None."""
    return nbformat.read(path, as_version=4).metadata.get("lecture24", {}).get("headline")


def measures(path):
    """The notebook's declared measures, ``{metric: expression}`` (empty if it declares none)."""
    return nbformat.read(path, as_version=4).metadata.get("lecture24", {}).get("measures", {})


# The appended cell: prints {"headline": number or None, "measures": [[metric, method, condition, value], ...]}.
READ_BACK = """
import json as _json
def _flat(value, keys=()):
    if not isinstance(value, dict):
        return [[*keys, *[""] * (2 - len(keys)), float(value)]]
    return [row for key, item in value.items()
            for row in _flat(item, keys + tuple(str(part) for part in (key if isinstance(key, tuple) else (key,))))]
print(_json.dumps({"headline": %s, "measures": [[metric, *row] for metric, value in {%s}.items()
                                               for row in _flat(value)]}))
"""


def run(path, *, seed=0, backend="tensorflow", parameters=None, read_measures=False, timeout=600):
    """Run ``path`` once with ``SEED = seed`` and ``parameters``; return a row of the study.

    The row holds the headline (None if the notebook declares none or failed)
    and, with ``read_measures``, the declared measures as
    ``[metric, method, condition, value]`` lists.
    """
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    declared = notebook.metadata.get("lecture24", {})
    wanted = declared.get("measures", {}) if read_measures else {}
    headline_expression = f"float({declared['headline']['variable']})" if "headline" in declared else "None"
    pairs = ", ".join(f"{metric!r}: ({expression})" for metric, expression in wanted.items())
    notebook.cells.append(nbformat.v4.new_code_cell(READ_BACK % (headline_expression, pairs)))
    injected = {"SEED": seed, **(parameters or {})}
    row = {"notebook": path.stem, "seed": seed, "backend": backend, "parameters": injected,
           "held": True, "failure": None, "headline": None, "measures": []}
    start = time.perf_counter()
    try:
        with kernel_backend(backend):
            executed = papermill.execute_notebook(notebook, None, parameters=injected, cwd=path.parent,
                                                  kernel_name="python3", progress_bar=False,
                                                  execution_timeout=timeout)
        printed = json.loads("".join(out.get("text", "") for out in executed.cells[-1].outputs).splitlines()[-1])
        row.update(headline=printed["headline"], measures=printed["measures"])
    except PapermillExecutionError as error:
        row.update(held=False, failure=f"cell {error.exec_count}: {error.ename}: {error.evalue}"[:300])
    row["wall_s"] = round(time.perf_counter() - start, 1)
    return row


@contextlib.contextmanager
def kernel_backend(backend):
    """Set ``KERAS_BACKEND`` for the kernels started inside (they inherit this process's environment)."""
    saved = os.environ.get("KERAS_BACKEND")
    if backend:
        os.environ["KERAS_BACKEND"] = backend
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("KERAS_BACKEND", None)
        else:
            os.environ["KERAS_BACKEND"] = saved


def study(paths, seeds, backends, *, log=print):
    """One run per notebook, backend and seed; return the rows."""
    rows = []
    for path in paths:
        for backend in backends:
            for seed in seeds:
                rows.append(_logged(run(path, seed=seed, backend=backend), log))
    return rows


def scaled(path, factor):
    """The notebook's training lengths (its ``...EPOCHS`` parameters) times ``factor``: the values to inject."""
    return {name: value * factor for name, value in parameters(path).items() if name.endswith("EPOCHS")}


def longer_training(paths, *, factor=FACTOR, log=print):
    """Each notebook with a headline, at its own training lengths and at ``factor`` times them (seed 0)."""
    rows = []
    for path in paths:
        if not headline(path):
            continue
        for scale, injected in ((1, {}), (factor, scaled(path, factor))):
            row = _logged(run(path, parameters=injected), log)
            rows.append({**row, "scale": scale})
    return rows


def _logged(row, log):
    log(f"  {row['notebook']} {row['parameters']} {row['backend']}: "
        + ("held" if row["held"] else f"FAILED {row['failure']}")
        + (f", headline {row['headline']:.4g}" if row["headline"] is not None else "") + f" ({row['wall_s']} s)")
    return row


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.robustness", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2, 3, 4])
    parser.add_argument("--backends", nargs="+", default=["tensorflow", "jax"])
    parser.add_argument("--out", type=Path, help="also write the rows to this JSON file")
    args = parser.parse_args()
    rows = study(args.notebooks, args.seeds, args.backends)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"{sum(row['held'] for row in rows)} of {len(rows)} runs held every assertion")
