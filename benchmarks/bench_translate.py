"""Batched translation against Argos's own per-paragraph ``translate()``, and import cost.

    python benchmarks/bench_translate.py [--articles N] [--rounds R] [--python EXE ...] [--skip-translation]

Both paths run the same tiny random-weight Argos package (built on the fly by
:mod:`newsingest.testing.tiny_argos`, installed into a throw-away Argos home) on
the same Indonesian text (the seed article, one copy per article), with Argos's
decoding settings (beam 4, length penalty 0.2, CTranslate2 compute type "auto").

* Argos's path: ``argostranslate.translate.translate(paragraph, "id", "en")`` once
  per paragraph, as a caller of Argos would do. Argos 1.10+ splits sentences with
  MiniSBD (or Stanza/spaCy), whose models download on first use, and offers no
  model-free splitter (``ARGOS_CHUNK_TYPE=NONE`` is not implemented), so this
  script swaps the sentencizer of Argos's loaded translation for one that calls
  our rule-based splitter. Everything else (tokenizing, one ``translate_batch``
  per paragraph, detokenizing, Argos's own cache) is Argos's code.
* Our path: ``Translator.translate_articles(all_articles)``.

Rows: "unique" text makes every sentence different (so no cache can help: it
measures batching alone); "repeated" text is the same article N times (what the
cache is for). Sockets to non-loopback hosts are refused throughout, so an
accidental download fails loudly instead of hanging.

Import time: ``python -X importtime -c "import newsingest"`` in each interpreter
given with ``--python`` (default: this one), e.g. one venv with the translate
extra and one without, to show that the extra costs nothing at import.

The tiny model is far smaller than a real one (d_model 32 against 512), so
per-call overhead weighs more than it would with real weights; expect real
models to show a smaller, but still large, batching gain.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_b9d6f5e61d96cdcf.txt"
HEAVY = ("argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza")


def refuse_network() -> None:
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else None
        if host not in (None, "127.0.0.1", "::1", "localhost"):
            raise OSError(f"benchmark refused a network connection to {address!r}")
        return real_connect(self, address)

    socket.socket.connect = guarded


def point_argos_at(home: Path) -> None:
    """Must run before argostranslate is imported: it reads these once."""
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[var] = str(home / sub)
    os.environ["ARGOS_PACKAGES_DIR"] = str(home / "packages")


def corpus(articles: int, unique: bool):
    from newsingest.model import Article, Block
    from newsingest.translate import split_sentences

    paragraphs = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(articles):
        texts = paragraphs
        if unique:  # mark every sentence, so no sentence repeats anywhere
            texts = [" ".join(f"({i}.{j}) {s}" for j, s in enumerate(split_sentences(p))) for p in paragraphs]
        blocks = [Block(t) for t in texts]
        out.append(Article(id=f"a{i}", text="\n\n".join(texts), paragraphs=blocks, language="id"))
    return out


def count_sentences(articles) -> int:
    from newsingest.translate import split_sentences

    return sum(len(split_sentences(b.text)) for a in articles for b in a.paragraphs)


def argos_translation():
    """Argos's installed id -> en translation, its sentencizer swapped for our splitter."""
    from argostranslate import translate as argos_translate

    from newsingest.translate import split_sentences

    class RuleSentencizer:
        def split_sentences(self, text: str) -> list[str]:
            return split_sentences(text)

    translation = argos_translate.get_translation_from_codes("id", "en")
    underlying = getattr(translation, "underlying", translation)  # CachedTranslation wraps it
    underlying.sentencizer = RuleSentencizer()
    return argos_translate


def time_argos(articles, rounds: int) -> tuple[float, list[list[str]]]:
    """Best of ``rounds``; the model is loaded before the first."""
    argos_translate = argos_translation()
    argos_translate.translate("Pemanasan.", "id", "en")
    best, outputs = float("inf"), []
    for _ in range(rounds):
        start = time.perf_counter()
        outputs = [[argos_translate.translate(b.text, "id", "en") for b in a.paragraphs] for a in articles]
        best = min(best, time.perf_counter() - start)
    return best, outputs


def time_ours(articles, cache: bool, rounds: int) -> tuple[float, list[list[str]]]:
    """Best of ``rounds``, each with a new, empty cache; the model is loaded before the first."""
    from newsingest.translate import Translator

    Translator().translate_texts(["Pemanasan."], "id")  # loads the model into the shared pool
    best, results = float("inf"), []
    for _ in range(rounds):
        translator = Translator(beam_size=4, cache_size=100_000 if cache else 0)
        start = time.perf_counter()
        results = translator.translate_articles(articles)
        best = min(best, time.perf_counter() - start)
    return best, [list(r.translation.paragraphs) for r in results]


def agreement(ours: list[list[str]], theirs: list[list[str]]) -> float:
    """Share of paragraphs translated alike, spaces ignored.

    Argos glues a paragraph's sentences by concatenating their tokens, we join
    them with a space; a sentence whose first output token lacks SentencePiece's
    word mark (common with random weights, rare with real ones) then differs only
    by that space.
    """
    pairs = [
        ("".join(a.split()), "".join(b.split()))
        for x, y in zip(ours, theirs, strict=True)
        for a, b in zip(x, y, strict=True)
    ]
    return sum(a == b for a, b in pairs) / len(pairs)


def translation_table(n_articles: int, rounds: int) -> None:
    from newsingest.testing.tiny_argos import build_tiny_package
    from newsingest.translate import install_from_file

    with tempfile.TemporaryDirectory(prefix="bench-argos-") as tmp:
        point_argos_at(Path(tmp))
        install_from_file(build_tiny_package(Path(tmp) / "build"))
        paragraphs = len(corpus(1, False)[0].paragraphs)
        print(f"\n### Translation: {n_articles} articles x {paragraphs} paragraphs, best of {rounds}\n")
        print("| text | path | sentences | seconds | sentences/s | speed-up | same output (spaces ignored) |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for label, unique in (("unique", True), ("repeated", False)):
            articles = corpus(n_articles, unique)
            n = count_sentences(articles)
            argos_s, argos_out = time_argos(articles, rounds)
            rows = [("argos translate() per paragraph", argos_s, argos_out)]
            if unique:
                rows.append(("newsingest batched, no cache", *time_ours(articles, False, rounds)))
            rows.append(("newsingest batched + cache", *time_ours(articles, True, rounds)))
            for name, seconds, out in rows:
                print(
                    f"| {label} | {name} | {n} | {seconds:.2f} | {n / seconds:.1f} | "
                    f"{argos_s / seconds:.1f}x | {100 * agreement(out, argos_out):.0f}% |"
                )


def time_one_import(python: str) -> tuple[float | None, float]:
    """(``-X importtime`` cumulative ms, wall ms over a bare interpreter start) for one run."""
    start = time.perf_counter()
    out = subprocess.run([python, "-X", "importtime", "-c", "import newsingest"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([python, "-c", "pass"], check=True)
    wall -= time.perf_counter() - start
    match = re.search(r"\|\s*(\d+)\s*\|\s*newsingest\s*$", out.stderr, re.MULTILINE)
    return (int(match.group(1)) / 1000 if match else None), 1000 * wall


def import_table(pythons: list[str], runs: int) -> None:
    """Runs are interleaved across interpreters, so machine noise hits them alike."""
    probe = "import importlib.util as u; print(u.find_spec('argostranslate') is not None)"
    check = f"import sys, newsingest; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    samples: dict[str, list[tuple[float | None, float]]] = {p: [] for p in pythons}
    for _ in range(runs):
        for python in pythons:
            samples[python].append(time_one_import(python))
    print(f"\n### `import newsingest` (median of {runs} runs, interleaved)\n")
    print("| python | argostranslate installed | -X importtime ms | wall ms over bare start | heavy modules loaded |")
    print("| --- | --- | --- | --- | --- |")
    for python in pythons:
        has_argos = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
        loaded = subprocess.run([python, "-c", check], capture_output=True, text=True, check=True).stdout.strip()
        cumulative = [c for c, _ in samples[python] if c is not None]
        importtime = f"{statistics.median(cumulative):.0f}" if cumulative else "?"
        wall = statistics.median(w for _, w in samples[python])
        print(f"| {python} | {has_argos} | {importtime} | {wall:.0f} | {loaded or 'none'} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10, help="articles per corpus (default 10)")
    parser.add_argument("--python", action="append", help="interpreter to time `import newsingest` in (repeatable)")
    parser.add_argument("--rounds", type=int, default=3, help="translation timings: best of N (default 3)")
    parser.add_argument("--import-runs", type=int, default=15)
    parser.add_argument("--skip-translation", action="store_true", help="only time the import")
    args = parser.parse_args()
    refuse_network()
    if not args.skip_translation:
        translation_table(args.articles, args.rounds)
    import_table(args.python or [sys.executable], args.import_runs)


if __name__ == "__main__":
    main()
