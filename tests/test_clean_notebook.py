"""tools/clean_notebook.py, which `make execute` runs: timing metadata go, split streams merge, nothing else changes."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import clean_notebook  # noqa: E402


def _stream(name, text):
    return new_output("stream", name=name, text=text)


def _notebook():
    outputs = [_stream("stdout", "a\n"), _stream("stdout", "b\n"), _stream("stderr", "warning\n"),
               _stream("stdout", "c\n"), new_output("execute_result", data={"text/plain": "1"}, execution_count=1),
               _stream("stdout", "d\n"), _stream("stdout", "e\n")]
    code = new_code_cell("print()", outputs=outputs, execution_count=1,
                         metadata={"execution": {"iopub.status.idle": "2026-12-02T14:00:00Z"}, "tags": ["x"]})
    return new_notebook(cells=[new_markdown_cell("# Title", metadata={"execution": {}}), code])


def test_timing_metadata_go_and_other_metadata_stay():
    cells = clean_notebook.clean(_notebook()).cells
    assert [cell.metadata for cell in cells] == [{}, {"tags": ["x"]}]


def test_consecutive_streams_of_one_name_merge_in_order():
    outputs = clean_notebook.clean(_notebook()).cells[1].outputs
    assert [(output.output_type, output.get("name"), output.get("text")) for output in outputs] == [
        ("stream", "stdout", "a\nb\n"), ("stream", "stderr", "warning\n"), ("stream", "stdout", "c\n"),
        ("execute_result", None, None), ("stream", "stdout", "d\ne\n")]


def test_a_clean_notebook_is_left_as_it_is():
    once = clean_notebook.clean(_notebook())
    assert clean_notebook.clean(nbformat.from_dict(once)) == once


def test_clean_file_rewrites_the_notebook_in_place(tmp_path):
    path = tmp_path / "n.ipynb"
    nbformat.write(_notebook(), path)
    clean_notebook.clean_file(path)
    notebook = nbformat.read(path, as_version=4)
    assert len(notebook.cells[1].outputs) == 5 and "execution" not in notebook.cells[1].metadata


@pytest.mark.parametrize("name", ["missing.ipynb", "notes.txt"])
def test_clean_file_rejects_what_is_not_a_notebook_file(tmp_path, name):
    (tmp_path / "notes.txt").write_text("not a notebook")
    with pytest.raises(ValueError, match="not a notebook file"):
        clean_notebook.clean_file(tmp_path / name)
