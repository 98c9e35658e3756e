"""Same seed, same machine, same outputs: one notebook executed twice gives identical text.

nbval already compares each notebook with its stored outputs; this test also
covers the cells nbval skips (``# NBVAL_IGNORE_OUTPUT``), whose values may
differ between backends but never between two runs on one machine.
"""

from pathlib import Path

import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "10_types.ipynb"


def _text_outputs(notebook):
    texts = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            text = output.get("text") or output.get("data", {}).get("text/plain")
            if text:
                texts.append((index, text))
    return texts


def _execute():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Streams coalesced: where the kernel splits stdout into messages depends on timing, not on the code.
    nbclient.execute(notebook, cwd=str(NOTEBOOK.parent), timeout=600, kernel_name="python3", coalesce_streams=True)
    return _text_outputs(notebook)


def test_a_notebook_run_twice_gives_identical_outputs():
    first, second = _execute(), _execute()
    assert first, "the notebook printed nothing to compare"
    assert first == second

