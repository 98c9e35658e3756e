"""The three descriptions of the software stack agree with each other."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement):
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _pins():
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    pins = dict(line.split("==", 1) for line in lines if "==" in line and not line.startswith("#"))
    return {_name(name): version.strip() for name, version in pins.items()}


def _conda_pins():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    return {_name(entry): entry.split("==", 1)[1] for entry in pip_section if "==" in entry}


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return {_name(requirement) for requirement in requirements}


def test_environment_yml_pins_the_same_versions_as_constraints():
    pins, conda = _pins(), _conda_pins()
    drift = {name: (version, pins.get(name)) for name, version in conda.items() if pins.get(name) != version}
    assert not drift, f"environment.yml vs constraints.txt: {drift}"


def test_every_declared_dependency_is_pinned_and_listed_for_conda():
    pins, conda = _pins(), _conda_pins()
    missing_pin = _declared() - set(pins)
    missing_conda = _declared() - set(conda)
    assert not missing_pin, f"declared in pyproject.toml but not pinned in constraints.txt: {missing_pin}"
    assert not missing_conda, f"declared in pyproject.toml but not in environment.yml: {missing_conda}"


def test_the_stack_is_the_one_the_course_was_written_for():
    pins = _pins()
    assert pins["tensorflow"].startswith("2.21.") and pins["keras"].startswith("3.15.")
    assert pins["jupyter-book"] == "1.0.4.post1" and pins["sphinx"].startswith("7.")
    assert pins["nbval"].startswith("0.11.")
