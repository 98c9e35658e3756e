"""Do a notebook's assertions hold on other seeds and backends? Run it with papermill and see.

Every notebook has one code cell tagged ``parameters`` (papermill's convention)
that holds ``SEED`` and the training lengths. A run executes the stored
notebook top to bottom in a fresh kernel, with other values injected after
that cell and ``KERAS_BACKEND`` in the kernel's environment; the stored
notebook is never written. A run *holds* when every cell ran: an assertion
that fails stops the notebook, and its message is kept.
"""

import os
import tempfile
import time
from pathlib import Path

import papermill
from papermill.exceptions import PapermillExecutionError

__all__ = ["run", "study"]


def run(path, *, seed=0, backend="tensorflow", parameters=None, timeout=600):
    """Run ``path`` once with ``SEED = seed`` (and ``parameters``); return a row of the study."""
    path = Path(path)
    injected = {"SEED": seed, **(parameters or {})}
    row = {"notebook": path.stem, "seed": seed, "backend": backend, "held": True, "failure": None}
    saved = os.environ.get("KERAS_BACKEND")
    os.environ["KERAS_BACKEND"] = backend  # the kernel inherits this process's environment
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            papermill.execute_notebook(path, Path(scratch) / path.name, parameters=injected, cwd=path.parent,
                                       kernel_name="python3", progress_bar=False, execution_timeout=timeout)
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
    """One run per notebook, seed and backend; return the rows."""
    rows = []
    for path in paths:
        for backend in backends:
            for seed in seeds:
                row = run(path, seed=seed, backend=backend)
                rows.append(row)
                log(f"  {row['notebook']} seed {seed} {backend}: "
                    + ("held" if row["held"] else f"FAILED {row['failure']}") + f" ({row['wall_s']} s)")
    return rows


if __name__ == "__main__":
    import argparse
    import json

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
