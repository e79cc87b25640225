"""How much do outlet plugins add to a plain-text ingest?

    python benchmarks/bench_plugins.py [--rounds N]

Ingests the plain-text outlet articles (the seeds and tests/fixtures/*/*.txt)
with plugins chosen automatically and with ``outlet="none"`` (generic cleaning
only), rounds interleaved so both see the same machine, each text's best of N rounds,
with language detection on (the real pipeline) and off (to see the cleaning cost
alone). Target: plugins add no more than 10% to a plain-text ingest.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsingest import Pipeline
from newsingest._language.detect import LanguageGuess

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))


class NoDetector:
    """Skips detection, so the timing shows cleaning alone."""

    def candidates(self, text: str) -> list[LanguageGuess]:
        return [LanguageGuess("en", 1.0)]


def per_article(pipeline: Pipeline, texts: list[str], outlet: str | None, repeat: int) -> list[float]:
    """Seconds per ingest of each text (the mean of ``repeat`` ingests)."""
    clock = time.perf_counter
    seconds = []
    for text in texts:
        start = clock()
        for _ in range(repeat):
            pipeline.ingest(text, outlet=outlet)
        seconds.append((clock() - start) / repeat)
    return seconds


def compare(pipeline: Pipeline, texts: list[str], rounds: int, repeat: int) -> tuple[float, float]:
    """Mean seconds per article, generic only and with plugins, rounds interleaved.

    Each text keeps its best time of the ``rounds``: a burst of load from other
    jobs on a shared machine spoils one text in one round, not a whole round.
    """
    generic = plugins = [float("inf")] * len(texts)
    for _ in range(rounds):
        generic = list(map(min, generic, per_article(pipeline, texts, "none", repeat)))
        plugins = list(map(min, plugins, per_article(pipeline, texts, None, repeat)))
    return sum(generic) / len(texts), sum(plugins) / len(texts)


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
