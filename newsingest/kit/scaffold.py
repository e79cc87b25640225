"""``newsingest plugin new NAME --domain D``: a working plugin project in one command.

It writes a small installable project: the plugin module, a ``pyproject.toml``
with the entry point, a fixtures folder with one example article and its
expected JSON (produced by the new plugin itself, so the generated test passes
from the start), and that test. The newcomer then edits the rules and the
example, re-checks, and reviews the expected JSON by hand.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import attrs

from ..errors import PluginError
from ..plugin import _NAME

_DOMAIN = re.compile(r"(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


@attrs.frozen
class ScaffoldResult:
    """What was written, and the entry-point snippet to register the plugin."""

    project: Path
    module: Path
    fixture: Path
    expected: Path
    test: Path
    entry_point: str


def _class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Plugin"


def scaffold_plugin(
    name: str,
    domains: list[str],
    *,
    directory: str | Path | None = None,
    display_name: str | None = None,
    language: str = "en",
) -> ScaffoldResult:
    """Write a new plugin project for ``name`` owning ``domains``; refuse to overwrite."""
    if not _NAME.fullmatch(name) or name == "none":
        raise PluginError(f"plugin name must match [a-z][a-z0-9_]* (and not be 'none'), got {name!r}")
    domains = [d.lower().strip().strip(".") for d in domains]
    bad = [d for d in domains if not _DOMAIN.fullmatch(d)]
    if not domains or bad:
        raise PluginError(f"give at least one domain like example.com (bad: {', '.join(bad) or 'none given'})")
    display_name = display_name or domains[0].split(".")[0].replace("-", " ").title()
    project = Path(directory) if directory else Path(f"newsingest-{name.replace('_', '-')}")
    if project.exists() and any(project.iterdir()):
        raise PluginError(f"{project} exists and is not empty: choose another --dir")
    package = f"newsingest_{name}"
    cls = _class_name(name)
    entry_point = f'[project.entry-points."newsingest.plugins"]\n{name} = "{package}:{cls}"'

    module = project / package / "__init__.py"
    fixtures = project / "tests" / "fixtures" / name
    fixture = fixtures / f"{name}_01_example.txt"
    test = project / "tests" / f"test_{name}.py"
    module.parent.mkdir(parents=True)
    fixtures.mkdir(parents=True)

    module.write_text(
        _MODULE.format(
            display=display_name, cls=cls, name=name, domains=_tuple(domains), language=language, site=display_name
        ),
        encoding="utf-8",
    )
    (project / "pyproject.toml").write_text(
        _PYPROJECT.format(project=f"newsingest-{name.replace('_', '-')}", package=package, entry_point=entry_point),
        encoding="utf-8",
    )
    fixture.write_text(_EXAMPLE.format(site=display_name), encoding="utf-8")
    test.write_text(_TEST.format(name=name), encoding="utf-8")
    expected = _write_expected(module, cls, fixture)
    return ScaffoldResult(project, module, fixture, expected, test, entry_point)


def _write_expected(module: Path, cls: str, fixture: Path) -> Path:
    """Run the freshly written plugin (not installed yet) on the example fixture."""
    import importlib.util

    from ..pipeline import Pipeline
    from ..registry import PluginRegistry
    from ..testing import expected_path, produce_record

    spec = importlib.util.spec_from_file_location(f"_scaffold_{cls}", module)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    plugin = getattr(loaded, cls)()
    pipeline = Pipeline(plugins=PluginRegistry([plugin], entry_points=False))
    record = produce_record(fixture, outlet=plugin.name, pipeline=pipeline)
    target = expected_path(fixture)
    target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def _tuple(items: list[str]) -> str:
    return "(" + ", ".join(f'"{i}"' for i in items) + ("," if len(items) == 1 else "") + ")"


_MODULE = textwrap.dedent(
    '''\
    """{display}: a newsingest outlet plugin.

    Declare what you know about the outlet; newsingest does the rest. See the
    plugin guide (docs/plugins.md in newsingest) for every rule and hook.
    """

    from newsingest import DropFrom, DropLine, Extract, Plugin, Signature


    class {cls}(Plugin):
        name = "{name}"
        display_name = "{display}"
        domains = {domains}
        language = "{language}"
        # CSS selectors of page furniture to drop from HTML before extraction.
        drop_selectors = (".ad-slot", ".related-links", ".newsletter-signup")
        # Text rules, applied in order after the generic cleaners.
        rules = (
            Extract("{name}-byline", r"By (?P<value>[A-Z][\\w.'’-]+(?: [A-Z][\\w.'’-]+){{0,3}})", "authors", "byline", first_blocks=2),
            DropLine("{name}-promo", r"Subscribe to {site}[^\\n]{{0,120}}", "subscription promo"),
            DropFrom("{name}-footer", r"Topics in this story", "topic tags footer"),
        )
        # Patterns that recognise the outlet's text when there is no URL (best score >= 1.0 wins).
        signatures = (
            Signature(r"Subscribe to {site}", 1.0),
            Signature(r"(?m)^Topics in this story$", 0.5),
        )
    '''
)

_PYPROJECT = textwrap.dedent(
    """\
    [build-system]
    requires = ["setuptools>=69"]
    build-backend = "setuptools.build_meta"

    [project]
    name = "{project}"
    version = "0.1.0"
    dependencies = ["newsingest"]

    [project.optional-dependencies]
    test = ["pytest"]

    {entry_point}

    [tool.setuptools]
    packages = ["{package}"]
    """
)

_EXAMPLE = textwrap.dedent(
    """\
    By Jane Example

    The city council approved a new budget on Monday after a debate that ran late into the night, with members split over spending on public transport.

    Subscribe to {site} for unlimited access to local news.

    The plan raises property taxes by two percent, the first increase in five years, according to a report from the finance committee.

    Opponents said the plan relied on optimistic forecasts and promised to challenge it at the next session.

    Topics in this story

    City Council

    Budget
    """
)

_TEST = textwrap.dedent(
    '''\
    """Golden tests: every fixture's output must match its reviewed expected JSON."""

    from pathlib import Path

    import pytest

    from newsingest.testing import assert_matches_golden, fixture_paths

    FIXTURES = Path(__file__).parent / "fixtures" / "{name}"


    @pytest.mark.parametrize("fixture", fixture_paths(FIXTURES), ids=lambda p: p.name)
    def test_golden(fixture):
        assert_matches_golden(fixture, outlet="{name}")
    '''
)
