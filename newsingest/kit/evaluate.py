"""``newsingest plugin eval CORPUS...``: how the plugins do on a corpus of real articles.

For plugin authors and for us: run every article of a JSONL corpus (one object a
line with ``text`` or ``html``, optional ``url`` and ``outlet``) through the
pipeline *without* its URL, as most scraped text arrives, and report per outlet

* how often the outlet is recognised from the text alone (recall),
* which articles of other outlets (or of none) it claims (false claims),
* how many blocks each rule removed;

and, for fixture folders whose inputs have an expected JSON beside them, the
noise lines the pipeline leaves (kept but not expected) and the body lines it
loses (expected but not kept).

An article's true outlet is, in order: ``--outlet`` for the whole corpus, the
record's ``outlet`` field, the plugin owning the record's ``url``; when none
says, the article is taken to belong to no plugin (``none``).
"""

from __future__ import annotations

import collections
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from newsingest._outlets.registry import PluginRegistry, default_registry
from newsingest.errors import NewsingestError

NONE = "none"


@attrs.define
class OutletTally:
    """Counts for the articles whose true outlet is one name (or ``none``)."""

    articles: int = 0
    recognised: int = 0
    #: what the text alone was taken for, when not this outlet: name -> count
    taken_for: collections.Counter = attrs.field(factory=collections.Counter)
    #: a few ids or urls of missed articles, to look at
    missed: list[str] = attrs.field(factory=list)

    @property
    def recall(self) -> float:
        return self.recognised / self.articles if self.articles else 0.0


@attrs.define
class FixtureScore:
    """One fixture against its expected JSON: what stayed that should not, what went that should not."""

    fixture: str
    expected_outlet: str | None
    outlet: str | None
    noise_left: list[str]
    body_lost: list[str]


@attrs.define
class Evaluation:
    """What :func:`evaluate` found; :meth:`to_dict` and :func:`render` show it."""

    outlets: dict[str, OutletTally] = attrs.field(factory=dict)
    #: claimer -> true outlet -> count (claims of other outlets' or no outlet's articles)
    false_claims: dict[str, collections.Counter] = attrs.field(factory=dict)
    #: (plugin or "generic", rule) -> blocks removed (or pieces cut)
    removals: collections.Counter = attrs.field(factory=collections.Counter)
    errors: list[str] = attrs.field(factory=list)
    fixtures: list[FixtureScore] = attrs.field(factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlets": {
                name: {
                    "articles": t.articles,
                    "recognised": t.recognised,
                    "recall": round(t.recall, 4),
                    "taken_for": dict(t.taken_for),
                    "missed": t.missed,
                }
                for name, t in sorted(self.outlets.items())
            },
            "false_claims": {name: dict(c) for name, c in sorted(self.false_claims.items())},
            "removals": [
                {"plugin": plugin, "rule": rule, "count": count}
                for (plugin, rule), count in sorted(self.removals.items())
            ],
            "errors": self.errors,
            "fixtures": [attrs.asdict(score) for score in self.fixtures],
        }


def read_corpus(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The records of a JSONL corpus; a line that is not a JSON object is an error naming it."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise NewsingestError(f"{path}:{number}: not JSON ({err.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text") or record.get("html"), str):
                raise NewsingestError(f"{path}:{number}: a record needs a 'text' or 'html' string")
            yield record


def evaluate(
    corpora: Iterable[str | os.PathLike] = (),
    *,
    outlet: str | None = None,
    fixtures: Iterable[str | os.PathLike] = (),
    registry: PluginRegistry | None = None,
    limit: int | None = None,
) -> Evaluation:
    """Run the corpora and the fixture folders; see the module docstring for what is counted."""
    from newsingest.pipeline import Pipeline

    registry = registry or default_registry()
    if outlet not in (None, NONE):
        registry.get(outlet)  # unknown plugin: PluginError naming the known ones
    pipeline = Pipeline(plugins=registry)
    result = Evaluation()
    for corpus in corpora:
        for index, record in enumerate(read_corpus(corpus)):
            if limit is not None and index >= limit:
                break
            truth = outlet or record.get("outlet") or _owner(registry, record.get("url")) or NONE
            label = str(record.get("url") or record.get("id") or f"{Path(corpus).name}:{index + 1}")
            _score_record(pipeline, record, truth, label, result)
    for folder in fixtures:
        result.fixtures.extend(score_fixtures(folder, pipeline))
    return result


def _owner(registry: PluginRegistry, url: str | None) -> str | None:
    plugin = registry.for_url(url)
    return plugin.name if plugin else None


def _score_record(pipeline, record: dict[str, Any], truth: str, label: str, result: Evaluation) -> None:
    source = record.get("text") or record.get("html")
    try:
        article = pipeline.clean(source, name=label)  # no URL: the text alone chooses the plugin
    except NewsingestError as err:
        result.errors.append(f"{label}: {err}")
        return
    got = article.outlet or NONE
    tally = result.outlets.setdefault(truth, OutletTally())
    tally.articles += 1
    if got == truth:
        tally.recognised += 1
    else:
        tally.taken_for[got] += 1
        if len(tally.missed) < 20:
            tally.missed.append(label)
        if got != NONE:
            result.false_claims.setdefault(got, collections.Counter())[truth] += 1
    for removed in article.removed:
        result.removals[(removed.plugin or "generic", removed.rule)] += 1


def score_fixtures(folder: str | os.PathLike, pipeline=None) -> list[FixtureScore]:
    """Each fixture with an expected JSON, run without an outlet, compared line by line."""
    from newsingest.testing.golden import expected_path, fixture_paths, produce_record

    scores = []
    for path in fixture_paths(folder):
        target = expected_path(path)
        if not target.exists():
            continue
        expected = json.loads(target.read_text(encoding="utf-8"))
        record = produce_record(path, pipeline=pipeline)
        want = [p["text"] for p in expected.get("paragraphs", [])]
        got = [p["text"] for p in record.get("paragraphs", [])]
        scores.append(
            FixtureScore(
                path.name, expected.get("outlet"), record.get("outlet"), _missing(got, want), _missing(want, got)
            )
        )
    return scores


def _missing(items: list[str], reference: list[str]) -> list[str]:
    """The items not in ``reference``, counted as multisets."""
    left = collections.Counter(reference)
    out = []
    for item in items:
        if left[item]:
            left[item] -= 1
        else:
            out.append(item)
    return out


def render(result: Evaluation, *, show_missed: int = 5) -> str:
    """A plain-text report."""
    out = ["recognition from text alone (no URL):"]
    for name, tally in sorted(result.outlets.items()):
        others = ", ".join(f"{k} {v}" for k, v in tally.taken_for.most_common())
        out.append(
            f"  {name:<12} {tally.recognised:>5} of {tally.articles:<5} {100 * tally.recall:6.1f}%"
            + (f"   taken for: {others}" if others else "")
        )
        for label in tally.missed[:show_missed]:
            out.append(f"  {'':<12}   missed: {label}")
    out.append("false claims (articles of another outlet or of none, claimed by a plugin):")
    if not result.false_claims:
        out.append("  none")
    for claimer, counts in sorted(result.false_claims.items()):
        out.append(f"  {claimer:<12} " + ", ".join(f"{truth} {n}" for truth, n in counts.most_common()))
    out.append("blocks removed, by rule:")
    for (plugin, rule), count in sorted(result.removals.items(), key=lambda item: (item[0][0], -item[1])):
        out.append(f"  {plugin + '/' + rule:<36} {count}")
    if result.errors:
        out.append(f"errors ({len(result.errors)}):")
        out.extend("  " + error for error in result.errors[:20])
    if result.fixtures:
        noise = sum(len(s.noise_left) for s in result.fixtures)
        lost = sum(len(s.body_lost) for s in result.fixtures)
        wrong = sum(s.outlet != s.expected_outlet for s in result.fixtures)
        out.append(
            f"fixtures: {len(result.fixtures)}; noise lines left {noise}; body lines lost {lost}; "
            f"outlet wrong from text alone {wrong}"
        )
        for score in result.fixtures:
            if score.noise_left or score.body_lost or score.outlet != score.expected_outlet:
                out.append(f"  {score.fixture}: outlet {score.outlet} (expected {score.expected_outlet})")
                out.extend(f"    noise left: {line[:100]}" for line in score.noise_left)
                out.extend(f"    body lost:  {line[:100]}" for line in score.body_lost)
    return "\n".join(out)


def add_eval_parser(sub) -> None:
    """``plugin eval``: its arguments (wired into ``newsingest plugin`` by kit.cli)."""
    parser = sub.add_parser(
        "eval", help="recognition from text alone, false claims and removals per rule on a JSONL corpus"
    )
    parser.add_argument(
        "corpus", nargs="*", help="JSONL files: one object a line with 'text' or 'html', optional 'url'"
    )
    parser.add_argument("--outlet", help="the outlet every article of the corpora belongs to ('none': no plugin's)")
    parser.add_argument(
        "--fixtures", action="append", default=[], help="a fixtures folder with expected JSON (repeatable)"
    )
    parser.add_argument("--limit", type=int, help="read at most this many records of each corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=cmd_eval)


def cmd_eval(args) -> int:
    import sys

    if not args.corpus and not args.fixtures:
        print("newsingest: error: give a corpus or --fixtures", file=sys.stderr)
        return 2
    try:
        result = evaluate(args.corpus, outlet=args.outlet, fixtures=args.fixtures, limit=args.limit)
    except (OSError, NewsingestError) as err:
        print(f"newsingest: error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if args.json else render(result))
    return 0
