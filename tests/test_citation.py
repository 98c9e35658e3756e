"""CITATION.cff agrees with what it repeats (make lint checks it against the CFF 1.2.0 schema)."""

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CITATION = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_names_the_repository_of_config_yml():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert CITATION["repository-code"] == config["repository"]["url"]


def test_version_and_code_licence_are_the_packages():
    assert CITATION["version"] == PROJECT["version"]
    assert PROJECT["license"] in CITATION["license"]


def test_each_licence_it_names_has_its_file():
    files = {"MIT": "LICENSE", "CC-BY-4.0": "LICENSE-CC-BY-4.0.txt"}
    assert sorted(CITATION["license"]) == sorted(files)
    assert all((ROOT / file).is_file() for file in files.values())
