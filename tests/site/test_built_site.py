"""Run after `jupyter-book build`: every page of _toc.yml was built."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


def _toc_files(entries):
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        yield from _toc_files(entry.get("chapters", []) + entry.get("sections", []))


TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
PAGES = [TOC["root"], *_toc_files(TOC.get("parts", []))]


def test_index_exists():
    assert (HTML / "index.html").is_file(), "run `make book` (or `make test`) first"


@pytest.mark.parametrize("page", PAGES)
def test_every_toc_page_was_built(page):
    assert (HTML / f"{Path(page).with_suffix('')}.html").is_file()
