"""Golden tests for the built-in plugins: every fixture beside its reviewed expected JSON.

The plugins and their layout versions come from the installed entry points of
this distribution, not from a list typed here: a built-in plugin (or one of its
versions) without fixtures fails. Fixtures are ingested with no outlet given,
so these tests also prove that each outlet is recognised from its text (or, for
HTML, its canonical URL) alone; a fixture's provenance ``date`` picks the version.
"""

import json
from importlib import metadata
from pathlib import Path

import pytest

from newsingest import default_registry
from newsingest._outlets.registry import ENTRY_POINT_GROUP
from newsingest.testing import assert_matches_golden, expected_path, fixture_paths

FIXTURES = Path(__file__).parent / "fixtures"


def built_in_plugins():
    """The plugins this distribution registers through its own entry points."""
    names = {
        entry.name
        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP)
        if entry.dist is not None and entry.dist.name == "newsingest"
    }
    return [default_registry().get(name) for name in sorted(names)]


PLUGINS = built_in_plugins()
VERSIONS = [(plugin.name, version.version) for plugin in PLUGINS for version in plugin.versions()]
CASES = [
    path for plugin in PLUGINS if (FIXTURES / plugin.name).is_dir() for path in fixture_paths(FIXTURES / plugin.name)
]


def test_the_built_in_plugins_are_found():
    assert len(PLUGINS) >= 3


@pytest.mark.parametrize("fixture", CASES, ids=[p.name for p in CASES])
def test_golden(fixture):
    assert_matches_golden(fixture)


@pytest.mark.parametrize(("name", "version"), VERSIONS, ids=[f"{n}-v{v}" for n, v in VERSIONS])
def test_every_plugin_version_has_fixtures(name, version):
    folder = FIXTURES / name
    assert folder.is_dir(), f"plugin {name!r} has no fixtures folder {folder}"
    paths = fixture_paths(folder)
    assert all(expected_path(p).exists() for p in paths), "every fixture needs its expected JSON"
    # the newest version's JSON says None only for a plugin with a single version
    versions = [json.loads(expected_path(p).read_text(encoding="utf-8"))["version"] for p in paths]
    single = len(default_registry().get(name).versions()) == 1
    covered = [p for p, v in zip(paths, versions, strict=True) if v == version or (single and v is None)]
    assert covered, f"plugin {name!r} version {version} has no fixture (give one a provenance date in its period)"
    if version == default_registry().get(name).version:  # the current layout: text and HTML both
        assert sum(p.suffix == ".txt" for p in covered) >= 2
        assert sum(p.suffix == ".html" for p in covered) >= 2
