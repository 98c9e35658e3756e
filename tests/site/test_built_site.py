"""Run after `jupyter-book build`: the pages of _toc.yml, and only those, were built with their buttons."""

import json
import re
import sys

import pytest

from site_pages import CONFIG, HTML, PAGES, ROOT, html_file, is_notebook

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import portable_markdown  # noqa: E402

SPHINX_PAGES = {"index", "genindex", "search"}
REPOSITORY = CONFIG["repository"]["url"].removeprefix("https://github.com/")
BRANCH = CONFIG["repository"]["branch"]
LAUNCH = CONFIG["launch_buttons"]


def test_index_exists():
    assert (HTML / "index.html").is_file(), "run `make book` (or `make test`) first"


def test_nothing_outside_the_toc_was_built():
    pages = [path.relative_to(HTML) for path in HTML.rglob("*.html")]
    built = {str(page.with_suffix("")) for page in pages if not page.parts[0].startswith("_")}
    assert built - SPHINX_PAGES == set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_every_toc_page_was_built(page):
    assert html_file(page).is_file()


@pytest.mark.parametrize("page", [page for page in PAGES if is_notebook(page)])
def test_notebook_pages_offer_colab_binder_and_download(page):
    html = html_file(page).read_text(encoding="utf-8")
    notebook = f"{page}.ipynb"
    colab = f"{LAUNCH['colab_url']}/github/{REPOSITORY}/blob/{BRANCH}/{notebook}"
    binder = f"{LAUNCH['binderhub_url']}/v2/gh/{REPOSITORY}/{BRANCH}?urlpath=lab/tree/{notebook}"
    assert f'href="{colab}"' in html, "no Colab launch button"
    assert f'href="{binder}"' in html, "no Binder launch button"
    assert (HTML / "_sources" / notebook).is_file() and f"_sources/{notebook}" in html, "no download button"


@pytest.mark.parametrize("page", [page for page in PAGES if is_notebook(page)])
def test_notebook_figures_are_numbered_and_captioned(page):
    cells = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]
    figures = sum("figure" in cell["metadata"].get("mystnb", {}) for cell in cells)
    html = html_file(page).read_text(encoding="utf-8")
    assert html.count("<figcaption") == figures
    assert html.count('<span class="caption-number">Fig. ') == figures


@pytest.mark.parametrize("page", [page for page in PAGES if is_notebook(page)])
def test_each_cells_printed_lines_render_as_one_block(page):
    cells = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]
    printing = sum(any(output["output_type"] == "stream" for output in cell.get("outputs", [])) for cell in cells)
    html = html_file(page).read_text(encoding="utf-8")
    assert html.count('class="output stream') == printing


@pytest.mark.parametrize("page", [page for page in PAGES if is_notebook(page)])
def test_portable_citations_equations_and_solutions_became_myst(page):
    # The notebooks' CommonMark (book/_ext/portable_markdown.py) must come out as linked citations,
    # numbered and referenced equations, and dropdown solutions, one for one.
    cells = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]
    works = portable_markdown.citations()
    myst = "\n".join(portable_markdown.to_myst("".join(cell["source"]), works)
                     for cell in cells if cell["cell_type"] == "markdown")
    html = html_file(page).read_text(encoding="utf-8")
    cited = sum(len(keys.split(",")) for keys in re.findall(r"\{cite:[pt]\}`([^`]+)`", myst))
    assert html.count('class="reference internal" href="../book/bibliography.html#') == cited
    assert html.count('<span class="eqno">') == len(re.findall(r"^\$\$ \([\w-]+\)$", myst, re.M))
    for label in re.findall(r"\{eq\}`([\w-]+)`", myst):
        assert f'href="#equation-{label}"' in html, f"no numbered reference to {label}"
    assert html.count('<div class="dropdown admonition">') == myst.count("{admonition} Solution")
