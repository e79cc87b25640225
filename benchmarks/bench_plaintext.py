"""Plain-text ingest on real scraped articles, side by side with langdetect-rs detection alone.

    python benchmarks/bench_plaintext.py [--rounds N] [--profile] [--floor]

Texts: ``../shared/realdata/nbc.jsonl`` and ``tribun.jsonl`` (real NBC News and Tribun network
articles as scrapers left them, ``text`` field). In one process, pinned to one core, round
after round alternating the two, each text timed on its own and its best of N rounds kept (a
burst of load from other jobs on a shared machine then spoils one text's time in one round,
not a whole round), the totals those per-text bests add up to compared:

* **detect**: langdetect-rs on each whole text, nothing else (what the fastest
  deterministic detection costs: ``LangdetectDetector().probabilities``);
* **ingest**: ``Pipeline().ingest(text)`` on each text, the whole plain-text path with
  language (article and paragraphs).

Prints articles per second for both and their ratio (issue 13's target: ingest at least 0.2
of detect). ``--profile`` adds a cProfile of one ingest pass, by own time and by
cumulative time, to show where the text path spends it. ``--floor`` adds a third row:

* **ingest, no rules**: ``Pipeline(generic_rules=()).ingest(text, outlet="none")``, the same
  path with no cleaning rule and no plugin (splitting, the title step, the article's and
  the paragraphs' languages, the article): what an ingest costs before any rule runs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

os.environ.setdefault("RAYON_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_language import machine, one_core

from newsingest import InputError, Pipeline
from newsingest._language.detect import LangdetectDetector

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "realdata"


def texts() -> list[str]:
    found = []
    for name in ("nbc", "tribun"):
        for line in (SHARED / f"{name}.jsonl").read_text(encoding="utf-8").split("\n"):
            if line.strip():
                found.append(json.loads(line)["text"])
    return found


def articles_only(pipeline: Pipeline, items: list[str]) -> tuple[list[str], int]:
    """The texts that hold an article: one made only of "Baca juga" links is refused (InputError), not timed."""
    kept = []
    for text in items:
        try:
            pipeline.ingest(text)
        except InputError:
            continue
        kept.append(text)
    return kept, len(items) - len(kept)


def timed(work, items) -> list[float]:
    """Seconds ``work`` took on each item."""
    clock = time.perf_counter
    seconds = []
    for item in items:
        start = clock()
        work(item)
        seconds.append(clock() - start)
    return seconds


def best_of(best: list[float] | None, seconds: list[float]) -> list[float]:
    """Each item's best time so far."""
    return seconds if best is None else [min(a, b) for a, b in zip(best, seconds, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--floor", action="store_true", help="also time the ingest with no rule and no plugin")
    args = parser.parse_args()
    items = texts()
    detector = LangdetectDetector()
    pipeline = Pipeline(detector=detector)
    items, skipped = articles_only(pipeline, items)  # also the warm-up: profiles, plugins, patterns
    print(
        f"{time.strftime('%Y-%m-%d')}; {machine()}; {one_core()}; detector {detector.backend};"
        f" {len(items)} texts ({sum(map(len, items)) / len(items) / 1000:.1f} KB on average; {skipped} left out:"
        f" no article in them); each text's best of {args.rounds}"
    )
    best: dict[str, list[float] | None] = {"detect": None, "ingest": None}
    bare = Pipeline(detector=detector, generic_rules=())
    if args.floor:
        best["ingest, no rules"] = None
    for _ in range(args.rounds):
        best["detect"] = best_of(best["detect"], timed(detector.probabilities, items))
        best["ingest"] = best_of(best["ingest"], timed(pipeline.ingest, items))
        if args.floor:
            best["ingest, no rules"] = best_of(
                best["ingest, no rules"], timed(lambda text: bare.ingest(text, outlet="none"), items)
            )
    rates = {name: len(items) / sum(seconds or ()) for name, seconds in best.items()}
    print("\n| what | articles/s | ms/article |\n| --- | --- | --- |")
    for name, rate in rates.items():
        print(f"| {name} | {rate:,.0f} | {1e3 / rate:.3f} |")
    print(f"\ningest / detect: {rates['ingest'] / rates['detect']:.3f}")
    if args.floor:
        print(f"ingest with no rules / detect: {rates['ingest, no rules'] / rates['detect']:.3f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for text in items:
            pipeline.ingest(text)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(25)
            print(out.getvalue())


if __name__ == "__main__":
    main()
