"""The notebooks run unchanged on Keras' other backends: the cheapest one runs under JAX and PyTorch.

Each test starts a fresh kernel with ``KERAS_BACKEND`` set in its environment
and executes the notebook with nbclient; it passes when every cell runs
without error. Outputs are not compared with the stored (TensorFlow) ones:
initial weights, and so the numbers, differ between backends. The pinned
environment (constraints.txt) installs TensorFlow only, so these tests skip
there, naming the package that is missing; install ``jax`` or ``torch``
into the virtual environment to run them.
"""

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
# The cheapest notebook that builds, trains and runs models through the package (see book/results.md).
NOTEBOOK = ROOT / "notebooks" / "02_architecture.ipynb"
CHECK_BACKEND = "import keras\nprint(keras.backend.backend())"


@pytest.mark.parametrize("backend", ["jax", "torch"])
def test_notebook_runs_unchanged_on_another_backend(backend):
    pytest.importorskip(backend, reason=f"the {backend} backend is not installed (pip install {backend}); "
                                        "constraints.txt pins TensorFlow only")
    if not NOTEBOOK.exists():
        pytest.skip(f"{NOTEBOOK.name} does not exist yet")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(CHECK_BACKEND))
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env=dict(os.environ, KERAS_BACKEND=backend))  # raises CellExecutionError on a failing cell
    printed = "".join(out["text"] for out in notebook.cells[-1].outputs if out.get("name") == "stdout")
    assert printed.strip() == backend
