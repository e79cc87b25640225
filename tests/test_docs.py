"""The documentation site stays in step with the code.

The site itself is built by ``tox -e docs`` (``mkdocs build --strict``); these checks
run with the test suite and need neither MkDocs nor a network.
"""

from __future__ import annotations

import argparse
import importlib
import re

import pytest
from conftest import ROOT

from newsingest.frontends.cli import build_parser

DOCS = ROOT / "docs"
MKDOCS = ROOT / "mkdocs.yml"
PYPROJECT = ROOT / "pyproject.toml"


def nav_pages() -> list[str]:
    """Every ``file.md`` the nav of mkdocs.yml names (read as text: no YAML library needed)."""
    nav = MKDOCS.read_text(encoding="utf-8").split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r":\s*([\w/.-]+\.md)\s*$", nav, re.MULTILINE)


def test_every_nav_page_exists_and_every_page_is_in_the_nav():
    pages = nav_pages()
    assert {"index.md", "quickstart.md", "cli.md", "changelog.md", "notebook.md", "benchmarks.md"} <= set(pages)
    missing = [p for p in pages if not (DOCS / p).is_file()]
    assert not missing, f"mkdocs.yml names pages that do not exist: {missing}"
    on_disk = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert on_disk <= set(pages), f"pages missing from the nav: {sorted(on_disk - set(pages))}"


def subcommands(parser: argparse.ArgumentParser, prefix: str = "newsingest"):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from subcommands(sub, f"{prefix} {name}")


def test_cli_reference_covers_every_command_and_option():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command, parser in subcommands(build_parser()):
        if any(isinstance(a, argparse._SubParsersAction) for a in parser._actions) and command != "newsingest":
            continue  # a command group (plugin, models): its actions have sections of their own
        if command != "newsingest":
            assert f"## `{command}`" in text, f"no section for {command}"
        for action in parser._actions:
            for option in action.option_strings:
                assert f"`{option}" in text or f"{option} " in text, f"{command}: {option} undocumented"


def test_api_reference_targets_exist():
    for page in (DOCS / "api").glob("*.md"):
        for target in re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.MULTILINE):
            module, _, name = target.rpartition(".")
            try:
                importlib.import_module(target)
                continue
            except ImportError:
                pass
            try:
                getattr(importlib.import_module(module), name)
            except ImportError as err:  # an optional extra's module (dask) still names a real file
                if not (ROOT / (module.replace(".", "/") + ".py")).is_file():
                    raise AssertionError(f"{page.name}: {target}") from err


def test_changelog_names_the_current_version():
    version = re.search(r'^version = "([^"]+)"', PYPROJECT.read_text(encoding="utf-8"), re.MULTILINE)[1]
    assert f"## {version}" in (DOCS / "changelog.md").read_text(encoding="utf-8")


def test_images_the_docs_show_exist():
    for page in DOCS.rglob("*.md"):
        for src in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if "://" not in src:
                assert (page.parent / src).is_file(), f"{page.name}: {src}"
    assert (DOCS / "img" / "repr_html_001.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("extra", ["notebook", "docs"])
def test_extras_declared(extra):
    optional = PYPROJECT.read_text(encoding="utf-8").split("[project.optional-dependencies]", 1)[1].split("\n[", 1)[0]
    assert re.search(rf"^{extra} = \[", optional, re.MULTILINE)
