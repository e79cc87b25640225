"""The package says it is typed, and the type checker's settings are where tox runs them from."""

from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_ships_py_typed():
    assert (ROOT / "newsingest" / "py.typed").exists()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["newsingest"]
    assert pyproject["tool"]["mypy"]["files"] == ["newsingest", "plugins"]


def test_tox_runs_the_type_checker_by_default():
    tox = (ROOT / "tox.ini").read_text(encoding="utf-8")
    env_list = next(line for line in tox.splitlines() if line.startswith("env_list"))
    assert "typecheck" in env_list and "[testenv:typecheck]" in tox


def test_tox_runs_the_slow_properties_by_default():
    tox = (ROOT / "tox.ini").read_text(encoding="utf-8")
    env_list = next(line for line in tox.splitlines() if line.startswith("env_list"))
    assert "properties" in env_list and "HYPOTHESIS_PROFILE = slow" in tox


def test_every_package_folder_is_packaged():
    """``pip install .`` ships only the packages pyproject lists: a new folder must be listed."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    folders = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "newsingest").rglob("__init__.py")}
    assert folders <= listed, f"not in pyproject's packages: {sorted(folders - listed)}"
