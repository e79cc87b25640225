"""Golden fixtures: what a plugin owns in an article, compared with reviewed JSON.

A fixture is an input file (``story.txt``, ``story.html``); its expected JSON sits
beside it under the input's full name plus ``.json`` (``story.txt.json``), so a
text and an HTML fixture of one story never share one file. The JSON holds only
what a plugin decides: the outlet and layout version that ran, title, authors,
dates, paragraphs with their kinds, the metadata that rules moved there, and
which rule (id and plugin) removed what. Language scores, content ids,
encodings and the wording of generic reasons stay out, so a change there does
not rewrite every golden.

Real pages carry their provenance beside them as ``story.html.provenance.json``
(``url``, ``date``: the day it was published or crawled, ``origin``: where it
came from). Its ``date`` is passed to the pipeline, so a fixture of an older page
runs the plugin's layout version for that day.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import attrs

from newsingest.errors import NewsingestError, UsageError
from newsingest.model import Article
from newsingest.pipeline import Pipeline

#: Input files a fixtures folder may hold.
FIXTURE_SUFFIXES = (".txt", ".html", ".htm")
#: Metadata the pipeline writes about the input, not about the article: never in a golden.
PIPELINE_METADATA = ("input_format", "encoding", "outlet_version")


class GoldenMismatch(NewsingestError, AssertionError):
    """A fixture's output differs from its expected JSON; the message says how."""


def fixture_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """The input files of a fixtures folder, sorted (``*.txt``, ``*.html``, ``*.htm``)."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"fixtures folder not found: {root}")
    return sorted(p for p in root.iterdir() if p.is_file() and p.suffix.lower() in FIXTURE_SUFFIXES)


def expected_path(fixture: str | os.PathLike[str]) -> Path:
    """Where a fixture's expected JSON lives: beside it, its full name plus ``.json``."""
    path = Path(fixture)
    return path.with_name(path.name + ".json")


def provenance_path(fixture: str | os.PathLike[str]) -> Path:
    """Where a fixture's provenance lives: beside it, its full name plus ``.provenance.json``."""
    path = Path(fixture)
    return path.with_name(path.name + ".provenance.json")


def read_provenance(fixture: str | os.PathLike[str]) -> dict[str, Any]:
    """The fixture's provenance (``url``, ``date``, ``origin``, ...), ``{}`` when it has none."""
    path = provenance_path(fixture)
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise UsageError(f"{path.name}: provenance must be a JSON object")
    return data


def golden_record(article: Article) -> dict[str, Any]:
    """The part of an article a plugin owns, as JSON types (see the module docstring)."""
    full = article.to_dict()
    moved = {
        item["moved_to"][len("metadata.") :]
        for item in full["removed"]
        if (item["moved_to"] or "").startswith("metadata.")
    }
    metadata = full["metadata"]
    owned = {
        key: value
        for key, value in metadata.items()
        if key not in PIPELINE_METADATA and (key in moved or key in ("warnings",) or key in _plugin_metadata(article))
    }
    return {
        "outlet": full["outlet"],
        "version": metadata.get("outlet_version"),
        "title": full["title"],
        "authors": full["authors"],
        "published": full["published"],
        "updated": full["updated"],
        "paragraphs": [{"text": block["text"], "kind": block["kind"]} for block in full["paragraphs"]],
        "removed": [
            {"text": item["text"], "rule": item["rule"], "plugin": item["plugin"], "moved_to": item["moved_to"]}
            for item in full["removed"]
        ],
        "metadata": owned,
    }


def _plugin_metadata(article: Article) -> frozenset[str]:
    """Metadata keys the article's plugin declares it fills (its rules' ``metadata.*`` fields)."""
    if article.outlet is None:
        return frozenset()
    from newsingest import default_registry

    try:
        plugin = default_registry().get(article.outlet)
    except Exception:  # a plugin registered only in a test's own registry
        return frozenset()
    keys: set[str] = set()
    for version in plugin.versions():
        keys.update(version.metadata_keys())
    return frozenset(keys)


def produce_record(
    fixture: str | os.PathLike[str], *, outlet: str | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Ingest the fixture (with its provenance's ``date``) and return its :func:`golden_record`."""
    path = Path(fixture)
    provenance = read_provenance(path)
    article = (pipeline or _default_pipeline()).ingest(path, outlet=outlet, date=provenance.get("date"))
    return golden_record(article)


def _default_pipeline() -> Pipeline:
    from newsingest import default_pipeline

    return default_pipeline()


def write_expected(
    fixture: str | os.PathLike[str], *, outlet: str | None = None, pipeline: Pipeline | None = None
) -> Path:
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
        else:
            lines.append(f"{key}: expected {_short(want)}, got {_short(got)}")
    return lines


def _list_diff(want: list, got: list) -> list[str]:
    render = lambda items: [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]  # noqa: E731
    return list(difflib.unified_diff(render(want), render(got), "expected", "actual", lineterm="", n=0))


def _short(value: Any, limit: int = 200) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "…"


_ORDER = ("outlet", "version", "title", "authors", "published", "updated")


def _field_order(key: str) -> tuple[int, str]:
    return (_ORDER.index(key) if key in _ORDER else len(_ORDER), key)
