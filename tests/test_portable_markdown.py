"""The notebooks' Markdown reads right in Colab and JupyterLab (CommonMark), and the website reads it as MyST.

Colab and JupyterLab render CommonMark, so no MyST role or directive may reach a reader there as text.
book/_ext/portable_markdown.py turns the portable forms back into MyST for the website; the built pages
are checked in tests/site/test_built_site.py.
"""

import json
import re
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import portable_markdown  # noqa: E402
from portable_markdown import LINK, to_myst  # noqa: E402

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WORKS = portable_markdown.citations()
COMMONMARK = MarkdownIt("commonmark")
MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.DOTALL)
MYST_SYNTAX = re.compile(r"\{[a-z][\w:-]*\}|:class:|^\([\w-]+\)=$|^:::", re.MULTILINE)


def _markdown(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
class TestNotebookMarkdown:
    def test_shows_no_myst_syntax_in_commonmark(self, path):
        for source in _markdown(path):
            shown = MATH.sub("", COMMONMARK.render(source))
            assert not MYST_SYNTAX.search(shown), f"MyST syntax shows as text: {MYST_SYNTAX.search(shown)[0]!r}"

    def test_every_solution_is_a_collapsed_details_block(self, path):
        for source in _markdown(path):
            html = COMMONMARK.render(source)
            solutions = len(portable_markdown.SOLUTION.findall(source))
            # <details> without `open` is collapsed; the blank line after <summary> makes its body Markdown.
            assert html.count("<details>\n<summary>Solution</summary>\n<p>") == solutions
            assert html.count("<details") == html.count("</details>") == solutions, \
                "write a solution as <details>, <summary>Solution</summary>, a blank line, Markdown, </details>"

    def test_every_code_solution_is_folded_too(self, path):
        # A "Solution (code):" cell's code cell: folded on the website (Jupyter Book's tag) and in JupyterLab
        # (the cell's `jupyter` metadata). Colab shows it open: it has no such setting.
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for before, cell in zip(cells, cells[1:]):
            if "".join(before["source"]).strip().endswith("Solution (code):"):
                assert "hide-cell" in cell["metadata"].get("tags", [])
                assert cell["metadata"].get("jupyter") == {"outputs_hidden": True, "source_hidden": True}

    def test_every_link_to_a_cited_work_is_a_citation(self, path):
        for source in _markdown(path):
            left = [(text, url) for text, url in LINK.findall(to_myst(source, WORKS)) if url in WORKS]
            assert left == [], ("a link to a work in references.bib must read ([label](link)) or label (year); "
                                f"these do not: {left}")

    def test_equations_are_tagged_in_order_and_referenced_by_their_tags(self, path):
        text = "\n".join(_markdown(path))
        tags = re.findall(r"\\tag\{(\d+)\}\\label\{([\w-]+)\}", text)
        assert [int(number) for number, _ in tags] == list(range(1, len(tags) + 1))
        numbers = {label: number for number, label in tags}
        assert len(numbers) == len(tags), "equation labels are unique in a notebook"
        for number, label in re.findall(r"\[\((\d+)\)\]\(#([\w-]+)\)", text):
            assert numbers.get(label) == number, f"[({number})](#{label}) must name equation ({numbers.get(label)})"
        myst = to_myst(text, WORKS)
        assert "\\tag{" not in myst and "<details>" not in myst, "the website would see portable syntax"


def test_to_myst_turns_each_portable_form_into_its_role_or_directive():
    baldi = "https://doi.org/10.1016/0893-6080(89)90014-2"
    jordan = "https://www.jeremyjordan.me/autoencoders/"
    portable = (f"Baldi and Hornik ([Baldi and Hornik, 1989]({baldi})) and "
                f"([Baldi and Hornik, 1989]({baldi}); [Jordan, 2018]({jordan})); [Jordan (2018)]({jordan}) says; "
                f"a [blog post]({jordan}) stays a link; see [(1)](#eq-loss).\n\n"
                "$$\nL = \\|x - r\\|^2\n\\tag{1}\\label{eq-loss}\n$$\n\n"
                "<details>\n<summary>Solution</summary>\n\nUse `mse`.\n\n</details>")
    assert to_myst(portable, WORKS) == (
        "Baldi and Hornik {cite:p}`baldi1989neural` and {cite:p}`baldi1989neural,jordan2018autoencoders`; "
        f"{{cite:t}}`jordan2018autoencoders` says; a [blog post]({jordan}) stays a link; see {{eq}}`eq-loss`.\n\n"
        "$$\nL = \\|x - r\\|^2\n$$ (eq-loss)\n\n"
        "```{admonition} Solution\n:class: dropdown\nUse `mse`.\n```")


def test_every_cited_work_has_a_link_of_its_own():
    # citations() raises if two works share a link; every work in the bibliography has one.
    assert len(WORKS) == (ROOT / "book" / "references.bib").read_text().count("\n@") + 1
