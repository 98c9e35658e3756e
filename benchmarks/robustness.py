"""Do a notebook's lessons hold on other seeds, other backends and longer training? Run it and see.

Every notebook has one code cell tagged ``parameters`` (papermill's convention)
that holds ``SEED`` and the training lengths, whose names end in ``EPOCHS``. A
run executes the stored notebook top to bottom in a fresh kernel, with other
values injected after that cell and ``KERAS_BACKEND`` in the kernel's
environment; the stored notebook is never written. A run *holds* when every
cell ran: an assertion that fails stops the notebook, and its message is kept.

How a notebook hands a number back: its metadata names the variable that holds
its headline model's held-out error, ``{"lecture24": {"headline": {"variable":
"test_mse", "what": "..."}}}``. The run appends one cell, to its in-memory copy
only, that prints that variable. The page the reader sees carries nothing extra.
"""

import json
import os
import time
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

__all__ = ["run", "study", "longer_training", "parameters", "headline"]

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


def run(path, *, seed=0, backend="tensorflow", parameters=None, timeout=600):
    """Run ``path`` once with ``SEED = seed`` and ``parameters``; return a row of the study."""
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    declared = notebook.metadata.get("lecture24", {}).get("headline")
    if declared:
        notebook.cells.append(nbformat.v4.new_code_cell(f"print(float({declared['variable']}))"))
    injected = {"SEED": seed, **(parameters or {})}
    row = {"notebook": path.stem, "seed": seed, "backend": backend, "parameters": injected,
           "held": True, "failure": None, "headline": None}
    saved = os.environ.get("KERAS_BACKEND")
    os.environ["KERAS_BACKEND"] = backend  # the kernel inherits this process's environment
    start = time.perf_counter()
    try:
        executed = papermill.execute_notebook(notebook, None, parameters=injected, cwd=path.parent,
                                              kernel_name="python3", progress_bar=False,
                                              execution_timeout=timeout)
        if declared:
            row["headline"] = float("".join(out.get("text", "") for out in executed.cells[-1].outputs).split()[-1])
    except PapermillExecutionError as error:
        row.update(held=False, failure=f"cell {error.exec_count}: {error.ename}: {error.evalue}"[:300])
    finally:
        if saved is None:
            os.environ.pop("KERAS_BACKEND")
        else:
            os.environ["KERAS_BACKEND"] = saved
    row["wall_s"] = round(time.perf_counter() - start, 1)
    return row


def study(paths, seeds, backends, *, log=print):
    """One run per notebook, backend and seed; return the rows."""
    rows = []
    for path in paths:
        for backend in backends:
            for seed in seeds:
                rows.append(_logged(run(path, seed=seed, backend=backend), log))
    return rows


def longer_training(paths, *, factor=FACTOR, log=print):
    """Each notebook with a headline, at its own training lengths and at ``factor`` times them (seed 0)."""
    rows = []
    for path in paths:
        if not headline(path):
            continue
        longer = {name: value * factor for name, value in parameters(path).items() if name.endswith("EPOCHS")}
        for scale, injected in ((1, {}), (factor, longer)):
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
