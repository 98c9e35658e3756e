"""CITATION.cff and the reuse page agree with what they repeat (make lint checks CITATION.cff's schema)."""

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CITATION = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
FILES = {"MIT": "LICENSE", "CC-BY-4.0": "LICENSE-CC-BY-4.0.txt"}


def test_names_the_repository_of_config_yml():
    assert CITATION["repository-code"] == REPOSITORY["url"]


def test_the_reuse_page_links_the_licence_files_in_that_repository():
    page = (ROOT / "book" / "reuse.md").read_text(encoding="utf-8")
    assert all(f"{REPOSITORY['url']}/blob/{REPOSITORY['branch']}/{file})" in page for file in FILES.values())


def test_version_and_code_licence_are_the_packages():
    assert CITATION["version"] == PROJECT["version"]
    assert PROJECT["license"] in CITATION["license"]


def test_each_licence_it_names_has_its_file():
    assert sorted(CITATION["license"]) == sorted(FILES)
    assert all((ROOT / file).is_file() for file in FILES.values())
