"""Golden tests for the built-in plugins: each fixture beside its reviewed expected JSON.

Fixtures are ingested with no outlet given, so these tests also prove that each
outlet is recognised from its text (or, for HTML, its canonical URL) alone.
"""

from pathlib import Path

import pytest

from newsingest.testing import assert_matches_golden, fixture_paths

FIXTURES = Path(__file__).parent / "fixtures"
OUTLETS = ("nbc", "newsweek", "tribun")
CASES = [(outlet, path) for outlet in OUTLETS for path in fixture_paths(FIXTURES / outlet)]


@pytest.mark.parametrize(("outlet", "fixture"), CASES, ids=[p.name for _, p in CASES])
def test_golden(outlet, fixture):
    assert_matches_golden(fixture)


@pytest.mark.parametrize("outlet", OUTLETS)
def test_each_outlet_has_text_and_html_fixtures(outlet):
    paths = fixture_paths(FIXTURES / outlet)
    assert sum(p.suffix == ".txt" for p in paths) >= 2  # plus the seeds: at least four in all
    assert sum(p.suffix == ".html" for p in paths) >= 2
    assert all(p.with_suffix(".json").exists() for p in paths)
