"""``KERAS_BACKEND`` reaches a notebook's kernel, and ``lecture24`` starts there on JAX.

The portable pass of ``make test`` (``make test-portable BACKEND=jax``) runs
every notebook under JAX and compares its outputs through the sanitizer; this
test makes sure that such a pass really trains on JAX rather than quietly on
TensorFlow. JAX (CPU) is pinned in constraints.txt. PyTorch is not (its wheels
are several GB): the notebooks stay free of backend-specific calls, but no
test here runs them on it.
"""

import nbclient
import nbformat

from benchmarks.robustness import kernel_backend

REPORT_BACKEND = "import lecture24\nimport keras\nprint(keras.backend.backend())"


def test_a_kernel_started_with_keras_backend_jax_trains_on_jax():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(REPORT_BACKEND)])
    with kernel_backend("jax"):  # the kernel inherits this process's environment
        nbclient.execute(notebook, timeout=120, kernel_name="python3")  # raises CellExecutionError if a cell fails
    printed = "".join(out["text"] for out in notebook.cells[0].outputs if out.get("name") == "stdout")
    assert printed.strip() == "jax"
