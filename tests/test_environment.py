"""The descriptions of the software stack agree: pyproject.toml, constraints.txt, environment.yml, binder/."""

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


def test_binder_requirements_are_what_make_constraints_writes():
    assert (ROOT / "binder" / "requirements.txt").read_text() == environment.render_binder(), \
        "binder/requirements.txt is out of date: run `make constraints`"


def test_binder_is_lean_the_runtime_and_the_package_only():
    lines = [line for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
             if not line.startswith("#")]
    assert lines[-1] == "."
    installed = {environment.name(line) for line in lines[:-1]}
    assert installed == set(environment.declared(runtime_only=True))
    assert not installed & {"jupyter-book", "playwright", "pytest", "sphinx", "nbval"}
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
