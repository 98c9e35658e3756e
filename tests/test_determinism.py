"""Same seed, same machine, same outputs: one notebook executed twice gives identical text.

nbval already compares each notebook with its stored outputs; this test also
covers the cells nbval skips (``# NBVAL_IGNORE_OUTPUT``), whose values may
differ between backends but never between two runs on one machine.
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "10_types.ipynb"


def _text_outputs(notebook):
    """Each cell's text, streams coalesced: how the kernel splits stdout into messages depends on timing."""
    texts = []
    for index, cell in enumerate(notebook.cells):
        streams, results = {}, []
        for output in cell.get("outputs", []):
            if output["output_type"] == "stream":
                streams[output["name"]] = streams.get(output["name"], "") + output["text"]
            elif "text/plain" in output.get("data", {}):
                results.append(output["data"]["text/plain"])
        if streams or results:
            texts.append((index, sorted(streams.items()), results))
    return texts


def _execute():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return _text_outputs(notebook)


def test_a_notebook_run_twice_gives_identical_outputs():
    first, second = _execute(), _execute()
    assert first, "the notebook printed nothing to compare"
    assert first == second


def test_streams_split_differently_compare_equal():
    one = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stdout", text="a\nb\n")])
    two = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stdout", text="a\n"),
                                             nbformat.v4.new_output("stream", name="stdout", text="b\n")])
    other = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("stream", name="stdout", text="a\nc\n")])
    texts = [_text_outputs(nbformat.v4.new_notebook(cells=[cell])) for cell in (one, two, other)]
    assert texts[0] == texts[1] != texts[2]
