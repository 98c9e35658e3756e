"""What each notebook costs: wall time, the kernel's peak memory, the slowest cell.

Each notebook runs top to bottom in a fresh kernel, as nbval runs it, with
``KERAS_BACKEND`` set in the kernel's environment when a backend is named.
The wall time includes starting the kernel. One extra cell, appended to an
in-memory copy (the stored notebook is never written), makes the kernel
report its peak resident memory (``VmHWM`` in ``/proc/self/status``) and the
CPU time it used (user + system, all threads): unlike the wall time, the CPU
time hardly grows when other work shares the machine.
A notebook that fails is recorded with its error, and the others still run.
"""

import os
import time
from datetime import datetime
from pathlib import Path

import nbclient
import nbformat
from nbclient.exceptions import CellExecutionError

from benchmarks.robustness import kernel_backend
from benchmarks.rows import row as made

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

REPORT_CELL = """
import os as _os
with open("/proc/self/status") as _status:
    print(next(line.split()[1] for line in _status if line.startswith("VmHWM")), sum(_os.times()[:2]))
"""


def notebooks(folder=NOTEBOOKS):
    """The notebooks in slide order: their names start with the section number (00_review, ...)."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def measure_notebook(path, *, backend=None, timeout=600):
    """Run ``path`` in a fresh kernel; return its wall time, peak memory and slowest cell.

    On a cell error the dict holds ``"error"`` (the exception's last line) and
    the wall time until then, and no memory or slowest cell.
    """
    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(REPORT_CELL))
    start = time.perf_counter()
    try:
        with kernel_backend(backend):
            nbclient.execute(notebook, cwd=str(path.parent), timeout=timeout, kernel_name="python3")
    except CellExecutionError as error:
        lines = [line for line in str(error).strip().splitlines() if line.strip()]
        return {"notebook": path.name, "wall_s": round(time.perf_counter() - start, 1),
                "error": lines[-1][:200] if lines else type(error).__name__}
    wall = time.perf_counter() - start
    peak_kib, cpu_s = _reported(notebook.cells[-1])
    cells = [(index, cell_seconds(cell)) for index, cell in enumerate(notebook.cells[:-1])
             if cell.cell_type == "code"]
    slowest_index, slowest_seconds = max(cells, key=lambda item: item[1])
    return {
        "notebook": path.name,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu_s, 1),
        "peak_memory_mib": round(peak_kib / 1024),
        "code_cells": len(cells),
        "slowest_cell": {
            "index": slowest_index,
            "seconds": round(slowest_seconds, 1),
            "first_line": first_line(notebook.cells[slowest_index].source),
        },
    }


def measure_all(paths, *, backend=None, timeout=600, log=print):
    """Measure each notebook in ``paths``, one fresh kernel each; return the rows (``rows.py``)."""
    rows = []
    for path in paths:
        load = os.getloadavg()[0]
        measured = measure_notebook(path, backend=backend, timeout=timeout)
        log(f"  {measured['notebook']}: {measured['wall_s']} s" + (
            f", ERROR {measured['error']}" if "error" in measured else f", {measured['peak_memory_mib']} MiB"))
        where = {"backend": backend or "tensorflow", "method": Path(path).stem}
        rows += [made("cost", "held", "error" not in measured, note=measured.get("error"), **where),
                 made("cost", "load", round(load, 1), **where)]
        rows += [made("cost", metric, measured[metric], **where) for metric in ("wall_s", "cpu_s", "peak_memory_mib")
                 if metric in measured]
        if "slowest_cell" in measured:
            cell = measured["slowest_cell"]
            rows.append(made("cost", "slowest_cell_s", cell["seconds"], condition=cell["index"],
                             note=cell["first_line"], **where))
    return rows


def cell_seconds(cell):
    """Seconds from a cell's execute_input to its execute_reply, as nbclient records them (0 if absent)."""
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    return (_parse_time(end) - _parse_time(start)).total_seconds()


def first_line(source, width=80):
    """The first line of a cell that is not blank, cut to ``width`` characters."""
    lines = [line for line in source.strip().splitlines() if line.strip()]
    return lines[0][:width] if lines else ""


def _parse_time(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _reported(cell):
    """(peak memory in KiB, CPU seconds) as the appended cell printed them."""
    for output in cell.outputs:
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            peak, cpu = output["text"].split()[:2]
            return int(peak), float(cpu)
    raise RuntimeError(f"the report cell printed nothing: {cell.outputs!r}")
