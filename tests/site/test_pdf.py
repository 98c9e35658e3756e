"""Run after `make pdf`: the whole-book PDF holds every chapter in order, every figure and typeset math."""

import re

import pytest

from site_pages import HTML, PAGES, ROOT, title

PDF = ROOT / "_build" / "pdf" / "lecture24.pdf"
PRINTED = ROOT / "_build" / "singlehtml" / "lecture24.html"
# What MathJax replaces: its delimiters and TeX commands left in the text mean it had not run when printed.
RAW_TEX = r"\\[(\[]|\\(?:frac|hat|qquad|sum|mathbf|operatorname|begin)\b|\$\$"


@pytest.fixture(scope="module")
def pdf():
    if not PDF.is_file():
        pytest.fail(f"{PDF.relative_to(ROOT)} is missing: run `make pdf`")
    from pypdf import PdfReader

    return PdfReader(PDF)


@pytest.fixture(scope="module")
def text(pdf):
    """The PDF's text with every run of white space (line and page breaks too) as one space."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))


def test_the_website_offers_the_pdf():
    assert (HTML / "lecture24.pdf").read_bytes() == PDF.read_bytes(), "run `make pdf` after the HTML build"
    assert 'href="../lecture24.pdf"' in (HTML / "book" / "reuse.html").read_text(encoding="utf-8")


def test_every_chapter_title_follows_the_contents_in_toc_order(text):
    titles = [title(page) for page in PAGES]
    position = text.find(titles[-1])
    assert position >= 0, "the contents are missing"
    for heading in titles[1:]:
        position = text.find(heading, position + 1)
        assert position >= 0, f"no chapter {heading!r} after the contents (in _toc.yml order)"


def test_every_figure_is_embedded(pdf):
    figures = set(re.findall(r'<img[^>]*src="(_images/[^"]+)"', PRINTED.read_text(encoding="utf-8")))
    assert figures, "the printed page has no local images"
    assert sum(len(page.images) for page in pdf.pages) >= len(figures)


def test_math_was_typeset_before_printing(text):
    assert re.findall(RAW_TEX, text) == []
