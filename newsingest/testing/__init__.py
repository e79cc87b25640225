"""Test helpers for plugin authors: golden fixtures in one parametrised test.

A fixtures folder holds inputs (``*.txt``, ``*.html``, ``*.htm``) and, beside each,
the expected JSON (``story.txt`` → ``story.txt.json``: see :mod:`newsingest.testing.golden`)::

    import pytest
    from newsingest.testing import assert_matches_golden, fixture_paths

    @pytest.mark.parametrize("fixture", fixture_paths("tests/fixtures/example"), ids=lambda p: p.name)
    def test_golden(fixture):
        assert_matches_golden(fixture, outlet="example")

Expected JSON is written once with :func:`write_expected` (or ``newsingest plugin
check NAME --update``), then **reviewed by hand** and checked in.
"""

from __future__ import annotations

from newsingest.testing.golden import (
    FixtureReport,
    GoldenMismatch,
    assert_matches_golden,
    check_fixture,
    describe_differences,
    expected_path,
    fixture_paths,
    produce_record,
    write_expected,
)

__all__ = [
    "FixtureReport",
    "GoldenMismatch",
    "assert_matches_golden",
    "check_fixture",
    "describe_differences",
    "expected_path",
    "fixture_paths",
    "produce_record",
    "write_expected",
]
