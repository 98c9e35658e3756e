"""The website's pages as `_toc.yml` lists them, and where the build puts them."""

import json
from pathlib import Path

import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())


PAGES = list(parse_toc_yaml(ROOT / "_toc.yml"))
"""Every page of the book in table-of-contents order, as document names (``notebooks/10_types``)."""


def html_file(page):
    """The built HTML file of a page."""
    return HTML / f"{page}.html"


def is_notebook(page):
    """True for pages written as notebooks, which get launch and download buttons."""
    return (ROOT / f"{page}.ipynb").is_file()


def title(page):
    """A page's title: the first `# ` heading of its Markdown file or of its notebook's first Markdown cell."""
    if is_notebook(page):
        cells = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]
        lines = "".join(next(cell for cell in cells if cell["cell_type"] == "markdown")["source"]).splitlines()
    else:
        lines = (ROOT / f"{page}.md").read_text(encoding="utf-8").splitlines()
    return next(line.removeprefix("# ").strip() for line in lines if line.startswith("# "))
