"""Hygiene of the stored notebooks: what the website shows must be what a fresh run gives."""

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from sphinx_external_toc.parsing import parse_toc_yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPOSITORY = CONFIG["repository"]["url"]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Colab installs the package at the course's own release, the tag of its version (CONTRIBUTING.md, "Releases"),
# so a student who opens an old page gets the code that page was made with.
SETUP_CELL = f"""# Setup, the same in every notebook: inside Colab, install the course package first.
import sys

if "google.colab" in sys.modules:
    %pip install --quiet "lecture24 @ git+{REPOSITORY}@v{VERSION}"

import lecture24"""


TOC_FILES = list(parse_toc_yaml(ROOT / "_toc.yml"))  # document names, in the order the book shows them


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell):
    return "".join(cell["source"])


def _code_cells(path):
    return [cell for cell in _cells(path) if cell["cell_type"] == "code" and _source(cell).strip()]


def test_every_notebook_is_in_the_toc_and_every_toc_entry_exists():
    notebooks = {f"notebooks/{path.stem}" for path in NOTEBOOKS}
    in_toc = {entry.removesuffix(".ipynb").removesuffix(".md") for entry in TOC_FILES}
    assert notebooks - in_toc == set(), "notebooks missing from _toc.yml"
    missing = [entry for entry in in_toc
               if not any((ROOT / f"{entry}{suffix}").exists() for suffix in (".ipynb", ".md"))]
    assert missing == [], "_toc.yml entries without a file"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
class TestNotebook:
    def test_starts_with_a_title_and_the_colab_badge(self, path):
        first = _cells(path)[0]
        badge = f"https://colab.research.google.com/github/{REPOSITORY.removeprefix('https://github.com/')}/blob/main/notebooks/{path.name}"
        assert first["cell_type"] == "markdown" and re.match(r"# \S", _source(first))
        assert badge in _source(first), f"the Colab badge must link to {badge}"

    def test_setup_cell_is_the_shared_one(self, path):
        assert _source(_code_cells(path)[0]) == SETUP_CELL

    def test_setup_cell_is_folded_away_on_the_website(self, path):
        # Jupyter Book's tag: the website shows a "Show code cell source" toggle; Colab ignores it.
        assert "hide-input" in _code_cells(path)[0]["metadata"].get("tags", [])

    def test_was_executed_once_in_order_with_the_python3_kernel(self, path):
        counts = [cell["execution_count"] for cell in _code_cells(path)]
        assert counts == list(range(1, len(counts) + 1))
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert metadata["kernelspec"]["name"] == "python3"

    def test_stores_no_error_and_no_stderr(self, path):
        for cell in _code_cells(path):
            for output in cell["outputs"]:
                assert output["output_type"] != "error", _source(cell)[:80]
                assert output.get("name") != "stderr", "".join(output.get("text", ""))[:200]

    def test_has_no_absolute_paths_or_user_names(self, path):
        text = path.read_text(encoding="utf-8")
        found = re.findall(r"(?:/home/|/root/|/Users/|/tmp/|/work/|site-packages|C:\\\\)\S*", text)
        assert found == []

    def test_has_one_parameters_cell_and_every_seed_comes_from_it(self, path):
        # papermill (make bench) injects other values after the cell tagged `parameters`.
        code = _code_cells(path)
        tagged = [index for index, cell in enumerate(code) if "parameters" in cell["metadata"].get("tags", [])]
        assert len(tagged) == 1, "exactly one code cell tagged 'parameters'"
        assert tagged[0] == 1, "the parameters cell comes right after the setup cell, before any seeding"
        assert re.search(r"^SEED = \d+$", _source(code[1]), re.M), "the parameters cell sets SEED"
        literal = re.findall(r"(?:seed_everything\(|seed=|default_rng\()\d[\d_]*[,)]", "\n".join(map(_source, code)))
        assert literal == [], "every random draw derives from SEED, not from a literal seed"

    def test_is_small(self, path):
        assert path.stat().st_size < 2_000_000

    def test_ignored_outputs_say_why_and_stay_rare(self, path):
        code = _code_cells(path)
        ignored = [cell for cell in code if "NBVAL_IGNORE_OUTPUT" in _source(cell)]
        for cell in ignored:
            lines = _source(cell).splitlines()
            marker = next(i for i, line in enumerate(lines) if "NBVAL_IGNORE_OUTPUT" in line)
            # nbval recognises the marker only alone on its line; the reason goes on the next one.
            assert lines[marker] == "# NBVAL_IGNORE_OUTPUT", f"the marker must stand alone: {lines[marker]!r}"
            reason = lines[marker + 1] if marker + 1 < len(lines) else ""
            assert re.match(r"# Output not compared: \w+", reason), f"say why on the next line: {reason!r}"
        assert len(ignored) * 4 < len(code)

    def test_every_figure_has_a_name_a_caption_and_alt_text(self, path):
        # MyST-NB turns this cell metadata into a numbered figure with a caption and an <img alt="...">.
        for cell in _code_cells(path):
            images = [output for output in cell["outputs"] if "image/png" in output.get("data", {})]
            if not images:
                continue
            where = _source(cell).splitlines()[0]
            assert len(images) == 1, f"one figure per cell, so that each gets its own caption: {where}"
            options = cell["metadata"].get("mystnb", {})
            figure, image = options.get("figure", {}), options.get("image", {})
            assert re.fullmatch(r"fig-[a-z0-9-]+", figure.get("name", "")), f"figure name fig-...: {where}"
            assert len(figure.get("caption", "")) > 20, f"a caption that says what the figure shows: {where}"
            assert len(image.get("alt", "")) > 40, f"alt text that describes the figure: {where}"


def test_figure_names_are_unique_across_the_book():
    names = [cell["metadata"]["mystnb"]["figure"]["name"] for path in NOTEBOOKS for cell in _code_cells(path)
             if "figure" in cell["metadata"].get("mystnb", {})]
    assert len(names) == len(set(names))
