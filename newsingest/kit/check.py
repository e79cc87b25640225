"""``newsingest plugin check NAME [FIXTURES]``: what a plugin keeps and removes, fixture by fixture."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsingest._outlets.registry import PluginRegistry, default_registry
from newsingest.testing import FixtureReport, check_fixture, fixture_paths, write_expected


def run_check(
    name: str, fixtures: str | Path | None = None, *, update: bool = False, registry: PluginRegistry | None = None
) -> list[FixtureReport]:
    """Run plugin ``name`` over its fixtures; with ``update``, rewrite the expected JSON first."""
    from newsingest.pipeline import Pipeline

    registry = registry or default_registry()
    registry.get(name)  # unknown plugin: PluginError naming the known ones
    folder = Path(fixtures) if fixtures else Path("tests") / "fixtures" / name
    pipeline = Pipeline(plugins=registry)
    paths = fixture_paths(folder)
    if update:
        for path in paths:
            write_expected(path, outlet=name, pipeline=pipeline)
    return [check_fixture(path, outlet=name, pipeline=pipeline) for path in paths]


def render_report(reports: Iterable[FixtureReport], *, width: int = 100) -> str:
    """Per fixture: kept blocks, removed blocks with rule and reason, differences."""
    out: list[str] = []
    reports = list(reports)
    for report in reports:
        record = report.record
        status = "ok" if report.ok else ("NO EXPECTED JSON" if report.expected is None else "DIFFERS")
        out.append(f"=== {report.fixture.name}: {status}")
        version = f" version {record['version']}" if record.get("version") else ""
        facts = [
            f"outlet={record['outlet']}{version}",
            f"title={record['title']!r}",
            f"authors={record['authors']}",
        ]
        if record["published"]:
            facts.append(f"published={record['published']}")
        out.append("    " + "  ".join(facts))
        out.append(f"  kept ({len(record['paragraphs'])}):")
        for block in record["paragraphs"]:
            out.append(f"    [{block['kind']:<9}] {_clip(block['text'], width)}")
        out.append(f"  removed ({len(record['removed'])}):")
        for item in record["removed"]:
            who = f"{item['plugin'] or 'generic'}/{item['rule']}"
            moved = f" -> {item['moved_to']}" if item["moved_to"] else ""
            out.append(f"    {who + moved:<40} {_clip(item['text'], width - 42)}")
        metadata = record["metadata"]
        if metadata:
            out.append(f"  metadata: {', '.join(sorted(metadata))}")
        if report.differences:
            out.append("  differences from the expected JSON:")
            out.extend("    " + line for line in report.differences)
        out.append("")
    good = sum(r.ok for r in reports)
    out.append(f"{good} of {len(reports)} fixtures match their expected JSON")
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
