"""How much do outlet plugins add to a plain-text ingest?

    python benchmarks/bench_plugins.py [--rounds N]

Ingests the plain-text outlet articles (the seeds and tests/fixtures/*/*.txt)
with plugins chosen automatically and with ``outlet="none"`` (generic cleaning
only), rounds interleaved so both see the same machine, best of N rounds each,
with language detection on (the real pipeline) and off (to see the cleaning cost
alone). Target: plugins add no more than 10% to a plain-text ingest.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsingest import Pipeline
from newsingest.language.detect import LanguageGuess

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))


class NoDetector:
    """Skips detection, so the timing shows cleaning alone."""

    def candidates(self, text: str) -> list[LanguageGuess]:
        return [LanguageGuess("en", 1.0)]


def per_article(pipeline: Pipeline, texts: list[str], outlet: str | None, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            pipeline.ingest(text, outlet=outlet)
    return (time.perf_counter() - start) / (repeat * len(texts))


def compare(pipeline: Pipeline, texts: list[str], rounds: int, repeat: int) -> tuple[float, float]:
    """Best-of-``rounds`` seconds per article, generic only and with plugins, rounds interleaved."""
    generic = plugins = float("inf")
    for _ in range(rounds):
        generic = min(generic, per_article(pipeline, texts, "none", repeat))
        plugins = min(plugins, per_article(pipeline, texts, None, repeat))
    return generic, plugins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES]
    print(f"{len(texts)} plain-text articles (seeds and outlet fixtures)\n")
    print("| detection | generic only (ms/article) | with plugins (ms/article) | plugin overhead |")
    print("| --- | --- | --- | --- |")
    for label, pipeline in (("langdetect", Pipeline()), ("off", Pipeline(detector=NoDetector()))):
        pipeline.ingest(texts[0])  # warm up: profiles, plugins, compiled patterns
        generic, plugins = compare(pipeline, texts, args.rounds, args.repeat)
        print(f"| {label} | {generic * 1e3:.3f} | {plugins * 1e3:.3f} | {100 * (plugins / generic - 1):+.1f}% |")


if __name__ == "__main__":
    main()
