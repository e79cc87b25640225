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

from newsingest._outlets.plugin import _NAME
from newsingest._outlets.registry import PluginRegistry, default_registry
from newsingest.errors import PluginError

_LANGUAGE = re.compile(r"[a-z]{2,3}")
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
    registry: PluginRegistry | None = None,
) -> ScaffoldResult:
    """Write a new plugin project for ``name`` owning ``domains``; refuse to overwrite.

    A name an installed plugin already has (in ``registry``, by default the
    installed plugins) is refused: the two would replace one another.
    Every value written into the generated Python source is validated and
    written as a Python literal, so no argument can change the code.
    """
    if not _NAME.fullmatch(name) or name == "none":
        raise PluginError(f"plugin name must match [a-z][a-z0-9_]* (and not be 'none'), got {name!r}")
    taken = {info.plugin.name: info.origin for info in (registry or default_registry()).infos()}
    if name in taken:
        raise PluginError(f"plugin name {name!r} is taken by an installed plugin ({taken[name]}): choose another")
    domains = [d.lower().strip().strip(".") for d in domains]
    bad = [d for d in domains if not _DOMAIN.fullmatch(d)]
    if not domains or bad:
        raise PluginError(f"give at least one domain like example.com (bad: {', '.join(bad) or 'none given'})")
    if not _LANGUAGE.fullmatch(language):
        raise PluginError(f"language must be an ISO 639-1 code like 'en' or 'id', got {language!r}")
    display_name = display_name or domains[0].split(".")[0].replace("-", " ").title()
    if not display_name.strip() or len(display_name) > 100 or not display_name.isprintable():
        raise PluginError(f"display name must be one printable line of at most 100 characters, got {display_name!r}")
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

    site = re.escape(display_name)
    module.write_text(
        _MODULE.format(
            display=_literal(display_name),
            cls=cls,
            name=_literal(name),
            domains="(" + ", ".join(_literal(d) for d in domains) + ",)",
            language=_literal(language),
            byline=_literal(f"{name}-byline"),
            promo=_literal(f"{name}-promo"),
            footer=_literal(f"{name}-footer"),
            promo_pattern=_raw(f"Subscribe to {site}[^\\n]{{0,120}}"),
            promo_signature=_raw(f"Subscribe to {site}"),
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

    from newsingest._outlets.registry import PluginRegistry
    from newsingest.pipeline import Pipeline
    from newsingest.testing import expected_path, produce_record

    spec = importlib.util.spec_from_file_location(f"_scaffold_{cls}", module)
    if spec is None or spec.loader is None:
        raise PluginError(f"cannot load the generated module {module}")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    plugin = getattr(loaded, cls)()
    pipeline = Pipeline(plugins=PluginRegistry([plugin], entry_points=False))
    record = produce_record(fixture, outlet=plugin.name, pipeline=pipeline)
    target = expected_path(fixture)
    target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def _literal(value: str) -> str:
    """``value`` as a Python string literal (JSON's escapes are all Python escapes too)."""
    return json.dumps(value, ensure_ascii=False)


def _raw(pattern: str) -> str:
    """A regex as a Python literal: a raw string when that can hold it, else an escaped one."""
    if '"' not in pattern and not pattern.endswith("\\") and pattern.isprintable():
        return 'r"' + pattern + '"'
    return _literal(pattern)


_MODULE = textwrap.dedent(
    '''\
    """A newsingest outlet plugin (the outlet is named in ``display_name`` below).

    Declare what you know about the outlet; newsingest does the rest. See the
    plugin guide (docs/plugins.md in newsingest) for every rule and hook.
    """

    from newsingest import DropFrom, DropLine, Extract, Plugin, Signature


    class {cls}(Plugin):
        name = {name}
        display_name = {display}
        domains = {domains}
        language = {language}
        # CSS selectors of page furniture to drop from HTML before extraction.
        drop_selectors = (".ad-slot", ".related-links", ".newsletter-signup")
        # Text rules, applied in order after the generic cleaners.
        rules = (
            # (a line ``By <Name>`` is the generic byline rule's; this outlet writes ``Story: <Name>``)
            Extract(
                {byline},
                r"Story: (?P<value>[A-Z][\\w.'’-]+(?: [A-Z][\\w.'’-]+){{0,3}})",
                "authors",
                "byline",
                first_blocks=2,
            ),
            DropLine({promo}, {promo_pattern}, "subscription promo"),
            DropFrom({footer}, r"Topics in this story", "topic tags footer"),
        )
        # Patterns that recognise the outlet's text when there is no URL (best score >= 1.0 wins).
        signatures = (
            Signature({promo_signature}, 1.0),
            Signature(r"(?m)^Topics in this story$", 0.5),
        )


    # When the outlet changes its layout, keep the old one as a version chosen by the
    # article's date (ingest(..., date=...)): a selector or rule fix is a minor version
    # that inherits and overrides; a changed set of fields is a major one. For example:
    #
    # import datetime
    #
    # class {cls}V1({cls}):
    #     """Pages published until the end of 2023, in the old template."""
    #
    #     version = "1"
    #     valid_until = datetime.date(2023, 12, 31)
    #     drop_selectors = (*{cls}.drop_selectors, ".old-sidebar")
    #
    # {cls}.version = "2"
    # {cls}.older_versions = ({cls}V1,)
    #
    # and give each version fixtures: an old page's date goes in its
    # FIXTURE.provenance.json ({{"date": "2023-05-01", "url": ..., "origin": ...}}).
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
    Story: Jane Example

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
