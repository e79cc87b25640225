"""How much do outlet plugins add to a plain-text ingest?

    python benchmarks/bench_plugins.py [--rounds N]

Ingests the seeds (plain text) with plugins chosen automatically and with
``outlet="none"`` (generic cleaning only), best of N rounds each, with language
detection on (the real pipeline) and off (to see the cleaning cost alone).
Target: plugins add no more than 10% to a plain-text ingest.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsingest import Pipeline
from newsingest.language import LanguageGuess

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


class NoDetector:
    """Skips detection, so the timing shows cleaning alone."""

    def candidates(self, text: str) -> list[LanguageGuess]:
        return [LanguageGuess("en", 1.0)]


def best_time(pipeline: Pipeline, texts: list[str], outlet: str | None, rounds: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for text in texts:
                pipeline.ingest(text, outlet=outlet)
        best = min(best, time.perf_counter() - start)
    return best / (repeat * len(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    print("| detection | generic only (ms/article) | with plugins (ms/article) | plugin overhead |")
    print("| --- | --- | --- | --- |")
    for label, pipeline in (("langdetect", Pipeline()), ("off", Pipeline(detector=NoDetector()))):
        pipeline.ingest(texts[0])  # warm up: profiles, plugins, compiled patterns
        generic = best_time(pipeline, texts, "none", args.rounds, args.repeat)
        plugins = best_time(pipeline, texts, None, args.rounds, args.repeat)
        print(f"| {label} | {generic * 1e3:.3f} | {plugins * 1e3:.3f} | {100 * (plugins / generic - 1):+.1f}% |")


if __name__ == "__main__":
    main()
