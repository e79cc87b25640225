"""Golden-fixture comparison: produce a fixture's record, compare it with the checked-in JSON."""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import attrs

from ..cli import INPUT_SUFFIXES
from ..model import Article
from ..pipeline import Pipeline


class GoldenMismatch(AssertionError):
    """A fixture's output differs from its expected JSON; the message says how."""


def fixture_paths(folder: str | os.PathLike) -> list[Path]:
    """The input files of a fixtures folder, sorted (``*.txt``, ``*.html``, ``*.htm``)."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"fixtures folder not found: {root}")
    return sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)


def expected_path(fixture: str | os.PathLike) -> Path:
    """Where a fixture's expected JSON lives: beside it, same stem, ``.json``."""
    return Path(fixture).with_suffix(".json")


def produce_record(
    fixture: str | os.PathLike, *, outlet: str | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """The fixture's article as a JSON record, ``source`` reduced to the file name.

    Only the file name is kept so expected JSON does not depend on where the
    repository is checked out.
    """
    path = Path(fixture)
    article = (pipeline or _default_pipeline()).ingest(path, outlet=outlet)
    record = article.to_dict()
    record["source"] = path.name
    return record


def _default_pipeline() -> Pipeline:
    from .. import default_pipeline

    return default_pipeline()


def write_expected(fixture: str | os.PathLike, *, outlet: str | None = None, pipeline: Pipeline | None = None) -> Path:
    """Write (or overwrite) the fixture's expected JSON. Review the result by hand."""
    target = expected_path(fixture)
    record = produce_record(fixture, outlet=outlet, pipeline=pipeline)
    target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


@attrs.frozen
class FixtureReport:
    """What a plugin did to one fixture, and how that compares with the expected JSON."""

    fixture: Path
    record: dict[str, Any]
    expected: dict[str, Any] | None
    differences: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.expected is not None and not self.differences

    @property
    def article(self) -> Article:
        return Article.from_dict(self.record)


def check_fixture(
    fixture: str | os.PathLike, *, outlet: str | None = None, pipeline: Pipeline | None = None
) -> FixtureReport:
    """Run the pipeline on a fixture and compare with its expected JSON, if there is one."""
    path = Path(fixture)
    record = produce_record(path, outlet=outlet, pipeline=pipeline)
    target = expected_path(path)
    if not target.exists():
        return FixtureReport(path, record, None, (f"no expected JSON at {target.name}",))
    expected = json.loads(target.read_text(encoding="utf-8"))
    return FixtureReport(path, record, expected, tuple(describe_differences(expected, record)))


def assert_matches_golden(
    fixture: str | os.PathLike, *, outlet: str | None = None, pipeline: Pipeline | None = None
) -> None:
    """Fail with a readable, field-by-field diff when the fixture's output changed."""
    report = check_fixture(fixture, outlet=outlet, pipeline=pipeline)
    if not report.ok:
        raise GoldenMismatch(
            f"{report.fixture.name} differs from {expected_path(report.fixture).name}:\n"
            + "\n".join(report.differences)
        )


def describe_differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Human-readable differences, field by field; paragraph texts as a unified diff."""
    lines: list[str] = []
    for key in sorted(set(expected) | set(actual), key=_field_order):
        want, got = expected.get(key), actual.get(key)
        if want == got:
            continue
        if key in ("paragraphs", "removed") and isinstance(want, list) and isinstance(got, list):
            lines.append(f"{key}:")
            lines.extend("  " + line for line in _list_diff(want, got))
        elif key == "text" and isinstance(want, str) and isinstance(got, str):
            lines.append("text:")
            lines.extend(
                "  " + line
                for line in difflib.unified_diff(
                    want.split("\n\n"), got.split("\n\n"), "expected", "actual", lineterm="", n=0
                )
            )
        else:
            lines.append(f"{key}: expected {_short(want)}, got {_short(got)}")
    return lines


def _list_diff(want: list, got: list) -> list[str]:
    render = lambda items: [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]  # noqa: E731
    return list(difflib.unified_diff(render(want), render(got), "expected", "actual", lineterm="", n=0))


def _short(value: Any, limit: int = 200) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "…"


_ORDER = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "authors",
    "published",
    "updated",
    "language",
    "language_confidence",
)


def _field_order(key: str) -> tuple[int, str]:
    return (_ORDER.index(key) if key in _ORDER else len(_ORDER), key)
