"""Plain-text speed of two source trees side by side: before and after a change, in one run.

    python benchmarks/compare_trees.py BEFORE_TREE [AFTER_TREE] [--rounds N]

A tree is a checkout of the project (``git archive main | tar -x -C /tmp/before``); the
after tree defaults to this one. A checkout's ``plugins/`` folder is imported as
``newsingest_plugins``, as the install maps it, so a tree gets a ``newsingest_plugins``
link to its ``plugins`` when it has none (not this checkout: its install maps its own).
Each tree runs in a worker process of its own, pinned to one core; the two take turns,
command by command and round by round, each text timed on its own and its best of N
rounds kept, so that the load of a shared machine hits both alike. Per tree it prints:

* **ingest / detect**: ``Pipeline().ingest`` against langdetect-rs detection alone on the
  818 real NBC and Tribun texts of ``../shared/realdata`` (issue 13: at least 0.2);
* **text path**: the same ingests with a detector that answers at once (cleaning alone);
* **plugin overhead**: the seeds and outlet fixtures (``bench_plugins.py``'s texts) with
  plugins chosen from the text against ``outlet="none"``, detection off and on (target: at most 10%).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
FIXTURE_REPEAT = 3
COMMANDS = ("detect", "ingest", "text", "plugins-none", "plugins-auto", "lang-none", "lang-auto")


def worker(tree: str) -> None:
    """Load ``tree``, then time what each line of stdin names; answer with per-text seconds."""
    sys.path.insert(0, tree)
    from newsingest import InputError, Pipeline
    from newsingest._language.detect import LangdetectDetector, LanguageGuess

    class NoDetector:
        def candidates(self, text: str) -> list[LanguageGuess]:
            return [LanguageGuess("en", 1.0)]

    texts = []
    for name in ("nbc", "tribun"):
        for line in (REALDATA / f"{name}.jsonl").read_text(encoding="utf-8").split("\n"):
            if line.strip():
                texts.append(json.loads(line)["text"])
    detector = LangdetectDetector()
    with_language, text_only = Pipeline(detector=detector), Pipeline(detector=NoDetector())
    articles = []
    for text in texts:  # also the warm-up
        try:
            with_language.ingest(text)
        except InputError:
            continue  # no article in it (only read-also links)
        articles.append(text)
    fixtures = [
        path.read_text(encoding="utf-8")
        for path in sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
    ]
    work = {
        "detect": (detector.probabilities, articles, 1),
        "ingest": (with_language.ingest, articles, 1),
        "text": (text_only.ingest, articles, 1),
        "plugins-none": (lambda text: text_only.ingest(text, outlet="none"), fixtures, FIXTURE_REPEAT),
        "plugins-auto": (text_only.ingest, fixtures, FIXTURE_REPEAT),
        "lang-none": (lambda text: with_language.ingest(text, outlet="none"), fixtures, FIXTURE_REPEAT),
        "lang-auto": (with_language.ingest, fixtures, FIXTURE_REPEAT),
    }
    for name in ("plugins-auto", "lang-auto"):
        function, items, _ = work[name]
        for text in items:
            function(text)
    print(json.dumps({"tree": tree, "articles": len(articles), "fixtures": len(fixtures)}), flush=True)
    clock = time.perf_counter
    for command in sys.stdin:
        function, items, repeat = work[command.strip()]
        seconds = []
        for text in items:
            start = clock()
            for _ in range(repeat):
                function(text)
            seconds.append((clock() - start) / repeat)
        print(json.dumps(seconds), flush=True)


def ensure_plugin_link(tree: Path) -> None:
    """Let ``tree``'s ``plugins/`` import as ``newsingest_plugins`` (this checkout's install maps its own)."""
    link = tree / "newsingest_plugins"
    if tree != ROOT and not link.exists():
        link.symlink_to(tree / "plugins", target_is_directory=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default=str(ROOT))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.before)
        return
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    workers = {}
    for label, tree in (("before", Path(args.before).resolve()), ("after", Path(args.after).resolve())):
        ensure_plugin_link(tree)
        command = [sys.executable, __file__, str(tree), "--worker"]
        if sys.platform.startswith("linux"):
            command = ["taskset", "-c", "0", *command]
        workers[label] = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd="/"
        )
        print(label, workers[label].stdout.readline().strip())  # type: ignore[union-attr]
    best: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for name in COMMANDS:
            for label, process in workers.items():
                process.stdin.write(name + "\n")  # type: ignore[union-attr]
                process.stdin.flush()  # type: ignore[union-attr]
                seconds = json.loads(process.stdout.readline())  # type: ignore[union-attr]
                earlier = best.get((label, name))
                best[(label, name)] = seconds if earlier is None else list(map(min, earlier, seconds))
    for process in workers.values():
        process.stdin.close()  # type: ignore[union-attr]
        process.wait()
    print(f"\neach text's best of {args.rounds} rounds, summed\n")
    print(
        "| tree | detect (articles/s) | ingest (articles/s) | ingest / detect | text path (ms/article) |"
        " plugin overhead, detection off | plugin overhead, langdetect |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    fixtures: list[str] = []
    for label in workers:
        total = {name: sum(best[(label, name)]) for name in COMMANDS}
        count = len(best[(label, "ingest")])
        print(
            f"| {label} | {count / total['detect']:,.0f} | {count / total['ingest']:,.0f} |"
            f" {total['detect'] / total['ingest']:.3f} | {total['text'] / count * 1e3:.3f} |"
            f" {100 * (total['plugins-auto'] / total['plugins-none'] - 1):+.1f}% |"
            f" {100 * (total['lang-auto'] / total['lang-none'] - 1):+.1f}% |"
        )
        per = {name: total[name] / len(best[(label, name)]) * 1e3 for name in COMMANDS[3:]}
        fixtures.append(
            f"{label}: generic only / with plugins, ms per fixture article: detection off"
            f" {per['plugins-none']:.3f} / {per['plugins-auto']:.3f}, langdetect {per['lang-none']:.3f} / {per['lang-auto']:.3f}"
        )
    print("\n" + "\n".join(fixtures))


if __name__ == "__main__":
    main()
