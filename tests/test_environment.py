"""The three descriptions of the software stack agree: pyproject.toml, constraints.txt, environment.yml."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import environment  # noqa: E402


def test_every_declared_package_is_pinned():
    missing = set(environment.declared()) - set(environment.pins())
    assert not missing, f"declared in pyproject.toml but not pinned in constraints.txt: {missing}"


def test_environment_yml_is_what_make_constraints_writes():
    assert (ROOT / "environment.yml").read_text() == environment.render(), \
        "environment.yml is out of date: run `make constraints`"
