"""How much do outlet plugins add to a plain-text ingest?

    python benchmarks/bench_plugins.py [--rounds N] [--repeat N] [--real-rounds N]

Ingests plain-text articles with plugins chosen automatically and with
``outlet="none"`` (generic cleaning only), rounds interleaved so both see the same
machine, each text's best of N rounds, with language detection on (the real
pipeline) and off (to see the cleaning cost alone). Two sets of texts:

* **fixtures**: the seeds and ``tests/fixtures/*/*.txt`` (NBC, Newsweek, Tribun and
  negatives; ``--repeat`` ingests of each text per round);
* **realdata**: the real scraped NBC and Tribun texts of ``../shared/realdata``
  (``nbc.jsonl``, ``tribun.jsonl``, their ``text`` field; one ingest per round), what
  speed is judged on. Skipped when ``../shared`` is absent; a text that holds no
  article (``InputError``) is left out.

Per set and detection setting it prints both means, the overhead as a share and
what the plugins add to an article in microseconds (choosing the plugin from the
text, its rules and hooks). Target: plugins add no more than 10% to a plain-text ingest.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsingest import InputError, Pipeline
from newsingest._language.detect import LanguageGuess

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
REALDATA = ROOT.parent / "shared" / "realdata"
REAL_OUTLETS = ("nbc", "tribun")


class NoDetector:
    """Skips detection, so the timing shows cleaning alone."""

    def candidates(self, text: str) -> list[LanguageGuess]:
        return [LanguageGuess("en", 1.0)]


def real_texts() -> list[str]:
    """The ``text`` of every record in ``../shared/realdata/{nbc,tribun}.jsonl`` (none without ``../shared``)."""
    texts = []
    for outlet in REAL_OUTLETS:
        path = REALDATA / f"{outlet}.jsonl"
        if not path.exists():
            return []
        for line in path.read_text(encoding="utf-8").split("\n"):  # (not splitlines: a text may hold U+2028)
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def with_articles(pipeline: Pipeline, texts: list[str]) -> list[str]:
    """The texts that make an article (also the warm-up: profiles, plugins, compiled patterns)."""
    kept = []
    for text in texts:
        try:
            pipeline.ingest(text)
        except InputError:
            continue  # nothing but links, say: no article to time
        kept.append(text)
    return kept


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
    parser.add_argument("--rounds", type=int, default=15, help="rounds over the fixtures")
    parser.add_argument("--repeat", type=int, default=10, help="ingests of each fixture text per round")
    parser.add_argument("--real-rounds", type=int, default=10, help="rounds over the realdata texts (0: skip)")
    args = parser.parse_args()
    pipelines = (("langdetect", Pipeline()), ("off", Pipeline(detector=NoDetector())))
    fixtures = [path.read_text(encoding="utf-8") for path in ARTICLES]
    sets = [("fixtures", with_articles(pipelines[1][1], fixtures), args.rounds, args.repeat)]
    real = real_texts() if args.real_rounds > 0 else []
    if real:
        sets.append(("realdata", with_articles(pipelines[1][1], real), args.real_rounds, 1))
    else:
        print("(no ../shared/realdata here, or --real-rounds 0: the realdata set is skipped)\n")
    for name, texts, _, _ in sets:
        print(f"{name}: {len(texts)} plain-text articles")
    print()
    print("| texts | detection | generic only (ms/article) | with plugins (ms/article) | plugins add | overhead |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, texts, rounds, repeat in sets:
        for label, pipeline in pipelines:
            with_articles(pipeline, texts[:5])  # warm up this pipeline too
            generic, plugins = compare(pipeline, texts, rounds, repeat)
            print(
                f"| {name} | {label} | {generic * 1e3:.3f} | {plugins * 1e3:.3f} | "
                f"{(plugins - generic) * 1e6:.0f} µs | {100 * (plugins / generic - 1):+.1f}% |",
                flush=True,
            )


if __name__ == "__main__":
    main()
