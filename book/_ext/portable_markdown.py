"""Read the notebooks' portable Markdown as MyST, so the website keeps its citations, equations and dropdowns.

Students open the notebooks in Colab or JupyterLab straight from the repository, and those show
CommonMark: a MyST role or directive would appear there as raw text. So the notebooks write three
things in plain Markdown and HTML, and this extension rewrites them into MyST as Sphinx reads each
notebook (the ``source-read`` event), before MyST-NB parses it:

- A citation is a link to the work itself (its DOI or URL in ``book/references.bib``) whose text is
  the work's author-year label. ``([Baldi and Hornik, 1989](https://doi.org/…))``, or several such
  links in one parenthesis joined by "; ", becomes ``{cite:p}``; ``[Baldi and Hornik (1989)](…)``
  becomes ``{cite:t}``. A link with any other text stays a plain link.
- A numbered equation ends its ``$$`` block with a line ``\\tag{n}\\label{name}`` (MathJax shows the
  tag in Colab), and ``[(n)](#name)`` refers to it. On the website it becomes ``$$ … $$ (name)`` and
  ``{eq}`name```, numbered by Sphinx.
- A solution is an HTML ``<details>`` block with the summary "Solution", collapsed everywhere; on the
  website it becomes the dropdown admonition the site's tests and styles expect.

``tests/test_portable_markdown.py`` checks every notebook against these rules.
"""

import functools
import json
import re
from pathlib import Path

from pybtex.database import parse_file

BIBLIOGRAPHY = Path(__file__).resolve().parents[1] / "references.bib"
DESTINATION = r"[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"  # a URL, balanced parentheses allowed (DOIs hold some)
LINK = re.compile(rf"\[([^\]]+)\]\(({DESTINATION})\)")
PARENTHETICAL = re.compile(rf"\(((?:\[[^\]]+\]\({DESTINATION}\))(?:; \[[^\]]+\]\({DESTINATION}\))*)\)")
EQUATION = re.compile(r"^\$\$\n(.*?)\n\\tag\{\d+\}\\label\{([\w-]+)\}\n\$\$$", re.DOTALL | re.MULTILINE)
EQUATION_REFERENCE = re.compile(r"\[\(\d+\)\]\(#([\w-]+)\)")
SOLUTION = re.compile(r"^<details>\n<summary>Solution</summary>\n\n(.*?)\n\n</details>$", re.DOTALL | re.MULTILINE)


@functools.cache
def citations(path=BIBLIOGRAPHY):
    """Map each work's link (``https://doi.org/…`` or its URL) to its key and author-year label (read once)."""
    works = {}
    for key, entry in parse_file(path).entries.items():
        names = [" ".join(person.last_names) for person in entry.persons.get("author", [])]
        authors = names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} et al."
        doi, url = entry.fields.get("doi"), entry.fields.get("url")
        link = f"https://doi.org/{doi}" if doi else url
        if link in works:
            raise ValueError(f"references.bib gives {works[link][0]} and {key} the same link, {link}.")
        if link:
            works[link] = (key, f"{authors}, {entry.fields['year']}")
    return works


def to_myst(markdown, works):
    """Rewrite one Markdown cell's portable citations, equations and solutions as MyST."""
    def parenthetical(match):
        cited = LINK.findall(match.group(1))
        if all(url in works and works[url][1] == text for text, url in cited):
            return "{cite:p}`" + ",".join(works[url][0] for _, url in cited) + "`"
        return match.group(0)

    def textual(match):
        text, url = match.groups()
        key, label = works.get(url, (None, None))
        if key and text == re.sub(r", (\d{4})$", r" (\1)", label):
            return "{cite:t}`" + key + "`"
        return match.group(0)

    def solution(match):
        fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", match.group(1))), default=0))
        return f"{fence}{{admonition}} Solution\n:class: dropdown\n{match.group(1)}\n{fence}"

    markdown = PARENTHETICAL.sub(parenthetical, markdown)
    markdown = LINK.sub(textual, markdown)
    markdown = EQUATION.sub(r"$$\n\1\n$$ (\2)", markdown)
    markdown = EQUATION_REFERENCE.sub(r"{eq}`\1`", markdown)
    return SOLUTION.sub(solution, markdown)


def _read_as_myst(app, docname, source):
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    works = citations()
    notebook = json.loads(source[0])
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = to_myst("".join(cell["source"]), works)
    source[0] = json.dumps(notebook)


def setup(app):
    app.connect("source-read", _read_as_myst)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
