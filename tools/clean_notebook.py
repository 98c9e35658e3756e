"""Make a freshly executed notebook diff small: `make execute NB=...` runs it after executing the notebook.

It drops each cell's ``metadata.execution`` (the start and end times that nbclient
records, new on every run) and merges consecutive stream outputs of the same name
(stdout or stderr), which a kernel splits wherever its buffer happened to flush.
"""

import sys
from pathlib import Path

import nbformat


def merge_streams(outputs):
    """The outputs with each run of consecutive same-name stream outputs merged into the first of it."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output["output_type"] == "stream" and previous is not None
                and previous["output_type"] == "stream" and previous["name"] == output["name"]):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def clean(notebook):
    """Strip per-cell timing metadata and merge split streams, in place; return the notebook."""
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    return notebook


def clean_file(path):
    """Clean the notebook file at `path` in place."""
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ValueError(f"{path} is not a notebook file: expected an existing .ipynb file")
    nbformat.write(clean(nbformat.read(path, as_version=4)), path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python tools/clean_notebook.py NOTEBOOK.ipynb...")
    for argument in sys.argv[1:]:
        clean_file(argument)
