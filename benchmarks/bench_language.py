"""Language detection: speed on one core, accuracy on the sample, accelerator parity.

    python benchmarks/bench_language.py speed [--rounds N] [--repeat N]
    python benchmarks/bench_language.py accuracy
    python benchmarks/bench_language.py length
    python benchmarks/bench_language.py parity

``speed``: articles per second, best of N rounds, on the seeds and the outlet fixtures'
plain-text articles (seeds-like), pinned to one core: detection alone (article level,
then article plus paragraphs) and the whole ``Pipeline.ingest``, for pure-Python
langdetect, langdetect-rs (when installed) and no detection at all.

``accuracy``: per language, on ``tests/data/languages`` (see its README), langdetect's
answer at article and paragraph length and what the pipeline's paragraph rule keeps.

``length``: how often langdetect is wrong on the sample's paragraphs cut to N letters,
the measurement behind ``MIN_LETTERS`` and ``PARAGRAPH_MIN_LETTERS``.

``parity``: langdetect-rs against langdetect on every text of the sample, the seeds and
the fixtures (whole and paragraph by paragraph): same probabilities, bit for bit?

The next read public data by path (``../shared/langdata``, ``../shared/realdata`` beside
the checkout) and compare with every peer installed beside newsingest (py3langid,
lingua-language-detector, pycld2: ``pip install`` them in a benchmark venv; never a
dependency of newsingest):

``lingua``: lingua-py's test sentences, 23 languages (its ``ms`` file is largely Indonesian
and left out): per language, how many get an answer and how many answers are right, for
``detect_language`` as ``ingest`` uses it, on the learning half (even lines, where the short
floors come from) and the held-out half (odd lines) apart, and for each peer.

``floors``: learns :data:`newsingest._language.detect.SHORT_MIN_LETTERS` from the even lines of the
lingua sentences and prints it, with what it gives on both halves.

``malay``: the DSL Indonesian/Malay excerpts and the real Indonesian news
(``indonesian_other_outlets.jsonl``, ``tribun.jsonl``: articles, and their paragraphs
alone): ours (halves as in ``benchmarks/learn_malay.py``) and each peer.
Prints markdown tables for docs/language.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("RAYON_NUM_THREADS", "1")  # langdetect-rs: no worker threads

from newsingest import Pipeline
from newsingest._language.detect import (
    MIN_LETTERS,
    LangdetectDetector,
    LanguageGuess,
    count_letters,
    detect_language,
    paragraph_languages,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "languages"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))


class NoDetector:
    """Answers nothing, so the timing shows cleaning (and the letter counts) alone."""

    def candidates(self, text: str) -> list[LanguageGuess]:
        return []


# --- the sample -------------------------------------------------------------------------


def sample_paragraphs() -> list[tuple[str, str]]:
    """``(language, text)`` for each line of ``paragraphs/<language>.txt``."""
    return [
        (path.stem, line)
        for path in sorted((SAMPLE / "paragraphs").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def sample_articles() -> list[tuple[str, str, str]]:
    """``(language, name, text)`` for each ``articles/<language>_<n>.txt``."""
    return [
        (path.stem.split("_")[0], path.stem, path.read_text(encoding="utf-8"))
        for path in sorted((SAMPLE / "articles").glob("*.txt"))
    ]


def article_body_paragraphs() -> list[tuple[str, str]]:
    """The sample articles' paragraphs after the headline."""
    return [
        (lang, part.strip()) for lang, _, text in sample_articles() for part in text.split("\n\n")[1:] if part.strip()
    ]


def one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; Python {platform.python_version()}; {os.cpu_count()} cores"


def backends() -> list[tuple[str, LangdetectDetector]]:
    found = [("langdetect", LangdetectDetector(accelerate=False))]
    fast = LangdetectDetector()
    if fast.backend == "langdetect-rs":
        found.append(("langdetect-rs", fast))
    return found


# --- speed ------------------------------------------------------------------------------


def best_rate(work, items, rounds: int, repeat: int) -> float:
    """Items per second: best of ``rounds`` timings of ``repeat`` passes over ``items``."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for item in items:
                work(item)
        best = min(best, time.perf_counter() - start)
    return repeat * len(items) / best


def speed(args) -> None:
    print(f"{time.strftime('%Y-%m-%d')}, {machine()}, {one_core()}, best of {args.rounds} rounds\n")
    sets = {"seeds": [p.read_text(encoding="utf-8") for p in SEEDS]}
    sets["fixtures (text)"] = [p.read_text(encoding="utf-8") for p in FIXTURES]
    print(
        "| articles | detector | detect: article (articles/s) | detect: article + paragraphs (articles/s) | ingest (articles/s) | ingest (ms/article) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for set_name, texts in sets.items():
        for name, detector in [*backends(), ("none", NoDetector())]:
            pipeline = Pipeline(detector=detector)
            cleaned = [pipeline.ingest(text) for text in texts]  # warm-up: profiles, plugins, patterns
            inputs = [
                ("\n".join(filter(None, [a.title, a.text])), [b.text for b in a.paragraphs], a.outlet) for a in cleaned
            ]
            priors = {a.outlet: pipeline.plugins.get(a.outlet).language if a.outlet else None for a in cleaned}

            def article_only(item, detector=detector, priors=priors):
                detect_language(item[0], detector, priors[item[2]])

            def with_paragraphs(item, detector=detector, priors=priors):
                guess = detect_language(item[0], detector, priors[item[2]])
                paragraph_languages(item[1], guess.language if guess else None, detector, priors[item[2]])

            if name == "none":
                alone = both = "–"
            else:
                alone = f"{best_rate(article_only, inputs, args.rounds, args.repeat):,.0f}"
                both = f"{best_rate(with_paragraphs, inputs, args.rounds, args.repeat):,.0f}"
            rate = best_rate(pipeline.ingest, texts, args.rounds, args.repeat)
            print(f"| {set_name} | {name} | {alone} | {both} | {rate:,.0f} | {1e3 / rate:.3f} |")


# --- accuracy ---------------------------------------------------------------------------


def accuracy(args) -> None:
    detector = LangdetectDetector()
    print(f"detector: {detector.backend}\n")
    paragraphs, headlines, articles = defaultdict(list), defaultdict(list), defaultdict(list)
    for lang, text in sample_paragraphs() + article_body_paragraphs():
        paragraphs[lang].append(text)
    for lang, _, text in sample_articles():
        articles[lang].append(text)
        headlines[lang].append(text.split("\n\n")[0].strip())
    confusions = []

    def raw(lang: str, texts: list[str], min_letters: int) -> str:
        expected = lang
        right = 0
        for text in texts:
            guess = detect_language(text, detector, min_letters=min_letters)
            right += guess is not None and guess.language == expected
            if guess is None or guess.language != expected:
                confusions.append(f"langdetect: {lang} → {guess.language if guess else None}: {text[:70]}")
        return f"{right}/{len(texts)}" if texts else "–"

    def kept(lang: str, texts: list[str], article_language: str) -> str:
        counts = Counter()
        for text in texts:
            (label,) = paragraph_languages([text], article_language, detector, prior=article_language)
            counts["right" if label == lang else "none" if label is None else "wrong"] += 1
            if label not in (lang, None):
                confusions.append(f"kept in a {article_language} article: {lang} → {label}: {text[:70]}")
        return f"{counts['right']} / {counts['none']} / {counts['wrong']}" if texts else "–"

    print(
        "| language | paragraphs | langdetect right | kept: right / None / wrong | as a stray paragraph |"
        " headlines | langdetect right | kept | articles | langdetect right |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang in sorted(paragraphs):
        stray_in = "id" if lang == "en" else "en"
        print(
            f"| {lang} | {len(paragraphs[lang])} | {raw(lang, paragraphs[lang], 0)} |"
            f" {kept(lang, paragraphs[lang], lang)} | {kept(lang, paragraphs[lang], stray_in)} |"
            f" {len(headlines[lang]) or '–'} | {raw(lang, headlines[lang], 0)} | {kept(lang, headlines[lang], lang)} |"
            f" {len(articles[lang]) or '–'} | {raw(lang, articles[lang], MIN_LETTERS)} |"
        )
    extra = [(p, "id" if p.name.startswith("002") else "en") for p in SEEDS]
    extra += [(p, "id" if p.parent.name == "tribun" else "en") for p in FIXTURES]
    right = sum(detect_language(p.read_text(encoding="utf-8"), detector).language == lang for p, lang in extra)
    print(f"\nseeds and fixtures (raw text, as articles): {right}/{len(extra)} right")
    print("\nconfusions:" if confusions else "\nno confusions")
    for line in confusions:
        print(f"- {line}")


def length(args) -> None:
    """langdetect's answers on paragraphs cut to their first N letters (CJK counting three)."""
    detector = LangdetectDetector()
    items = [(lang, text) for lang, text in sample_paragraphs() + article_body_paragraphs() if lang != "ms"]
    print("| letters | texts | wrong | wrong and sure (≥ 0.85) | None | wrong, by language |")
    print("| --- | --- | --- | --- | --- | --- |")
    for letters in (10, 15, 20, 25, 30, 40, 50, 60, 80):
        wrong = sure = none = total = 0
        langs = Counter()
        for lang, text in items:
            cut = _first_letters(text, letters)
            if cut is None:
                continue
            total += 1
            guess = detect_language(cut, detector, min_letters=0)
            none += guess is None
            if guess is not None and guess.language != lang:
                wrong += 1
                sure += guess.confidence >= 0.85
                langs[lang] += 1
        detail = ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items()))
        print(f"| {letters} | {total} | {wrong} ({100 * wrong / total:.1f}%) | {sure} | {none} | {detail} |")


def _first_letters(text: str, letters: int) -> str | None:
    """``text`` up to its ``letters``-th letter (CJK counting three), finishing the word."""
    count = 0
    for index, char in enumerate(text):
        count += count_letters(char)
        if count >= letters:
            end = index + 1
            while end < len(text) and text[end].isalpha() and count_letters(text[end]) == 1:
                end += 1
            return text[:end]
    return None


# --- parity -----------------------------------------------------------------------------


def parity_texts() -> list[tuple[str, str]]:
    """Every text the accelerator must answer exactly as langdetect does, with its kind."""
    texts = [("sample paragraphs", text) for _, text in sample_paragraphs()]
    for _, _, text in sample_articles():
        texts.append(("sample articles", text))
        texts += [("sample articles, paragraph by paragraph", part) for part in text.split("\n\n") if part.strip()]
    for path in [*sorted((SAMPLE / "mixed").glob("*.txt")), *SEEDS, *FIXTURES]:
        text = path.read_text(encoding="utf-8")
        texts.append(("mixed, seeds, fixtures (whole files)", text))
        texts += [("mixed, seeds, fixtures (line by line)", line) for line in text.splitlines() if line.strip()]
    return texts


def parity(args) -> None:
    stock = LangdetectDetector(accelerate=False)
    fast = LangdetectDetector()
    if fast.backend != "langdetect-rs":
        sys.exit("langdetect-rs is not installed: pip install newsingest[fast]")
    kinds = defaultdict(Counter)
    for kind, text in parity_texts():
        expected, got = stock.probabilities(text), fast.probabilities(text)
        kinds[kind]["texts"] += 1
        kinds[kind]["identical"] += expected == got
        kinds[kind]["same top"] += (expected[:1] or [(None,)])[0][0] == (got[:1] or [(None,)])[0][0]
        kinds[kind]["same to 3 decimals"] += [(lang, round(p, 3)) for lang, p in expected] == [
            (lang, round(p, 3)) for lang, p in got
        ]
        if expected != got:
            print(f"DIFFERENT ({kind}): {text[:60]!r}: {expected} != {got}")
    print("| texts | count | bit-identical probabilities | same to 3 decimals | same top language |")
    print("| --- | --- | --- | --- | --- |")
    for kind, counts in kinds.items():
        print(
            f"| {kind} | {counts['texts']} | {counts['identical']} | {counts['same to 3 decimals']} |"
            f" {counts['same top']} |"
        )


# --- public data and peers -------------------------------------------------------------

SHARED = ROOT.parent / "shared"


def lingua_sentences() -> list[tuple[str, int, str]]:
    """``(language, line number, sentence)`` for the 23 languages of lingua-py's test data but ms."""
    found = []
    for path in sorted((SHARED / "langdata").glob("lingua-sentences-*.txt")):
        lang = path.stem.rsplit("-", 1)[1]
        if lang == "ms":
            continue  # largely Indonesian
        lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        found += [(lang, number, line) for number, line in enumerate(lines)]
    return found


def peers() -> dict[str, object]:
    """``name -> text -> language code or None`` for each peer that is installed."""
    found: dict[str, object] = {}
    try:
        import py3langid

        found["py3langid"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        for mode, builder in (
            ("lingua (high accuracy)", LanguageDetectorBuilder.from_all_languages()),
            ("lingua (low accuracy)", LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()),
        ):
            detector = builder.build()

            def detect(text, detector=detector):
                language = detector.detect_language_of(text)
                return language.iso_code_639_1.name.lower() if language else None

            found[mode] = detect
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(text):
            try:
                _, _, details = pycld2.detect(text)
            except pycld2.error:
                return None
            code = details[0][1]
            code = {"iw": "he", "in": "id"}.get(code, code)  # CLD2 keeps the old ISO codes
            return None if code == "un" else code.split("-")[0]

        found["CLD2"] = cld2
    except ImportError:
        pass
    return found


def ours(detector: LangdetectDetector):
    def detect(text: str) -> str | None:
        guess = detect_language(text, detector)
        return guess.language if guess else None

    return detect


def lingua(args) -> None:
    items = lingua_sentences()
    systems = {"newsingest": ours(LangdetectDetector()), **peers()}
    answers = {name: [detect(text) for _, _, text in items] for name, detect in systems.items()}
    langs = sorted({lang for lang, _, _ in items})
    print("answered / right of answered, per language (newsingest: learning half | held-out half)\n")
    print(
        "| language | sentences | newsingest: learning half | newsingest: held-out half | "
        + " | ".join(list(systems)[1:])
        + " |"
    )
    print("| --- " * (4 + len(systems) - 1) + "|")

    def cell(name, chosen) -> str:
        got = [answers[name][index] for index in chosen]
        truth = [items[index][0] for index in chosen]
        answered = [(g, t) for g, t in zip(got, truth, strict=True) if g is not None]
        right = sum(g == t for g, t in answered)
        return f"{len(answered) / len(got):.1%} / {right / max(1, len(answered)):.2%}"

    for lang in [*langs, "all"]:
        chosen = [i for i, item in enumerate(items) if lang in ("all", item[0])]
        even = [i for i in chosen if items[i][1] % 2 == 0]
        odd = [i for i in chosen if items[i][1] % 2 == 1]
        peers_cells = " | ".join(cell(name, chosen) for name in list(systems)[1:])
        print(f"| {lang} | {len(chosen)} | {cell('newsingest', even)} | {cell('newsingest', odd)} | {peers_cells} |")
    wrong = Counter(
        (items[i][0], answers["newsingest"][i])
        for i in range(len(items))
        if answers["newsingest"][i] not in (None, items[i][0])
    )
    print(
        "\nnewsingest's wrong answers (truth → answer):",
        ", ".join(f"{a}→{b} {n}" for (a, b), n in wrong.most_common(15)),
    )


#: Floors tried, in letters (CJK counting three), for :data:`newsingest._language.detect.SHORT_MIN_LETTERS`.
FLOOR_STEPS = (10, 15, 20, 25, 30, 35, 40)


def floors(args) -> None:
    """Learn the short-text floors on the even lines; show what they give on both halves."""
    import newsingest._language.detect as language
    from newsingest._language import words as langdetect_words

    detector = LangdetectDetector()
    rows = []
    for lang, number, text in lingua_sentences():
        guess = detect_language(text, detector, min_letters=0)
        letters = count_letters(text)
        evident = langdetect_words.script_language(text) is not None or bool(
            guess and langdetect_words.confirms(guess.language, text, langdetect_words.words(text))
        )
        rows.append((lang, number % 2, letters, guess, evident))
    by_answer = defaultdict(list)
    for lang, half, letters, guess, evident in rows:
        if half == 0 and guess and not evident and letters < 60 and guess.confidence >= language.SHORT_MIN_CONFIDENCE:
            by_answer[guess.language].append((letters, guess.language == lang))
    learned = {}
    for answer, items in sorted(by_answer.items()):
        floor = MIN_LETTERS
        # lower the floor step by step while the answers from it up (to 60 letters) are at
        # least 99% right, at least 10 of them, and no 5-letter band of 10+ below 95%
        for low, high in zip(FLOOR_STEPS[-2::-1], FLOOR_STEPS[:0:-1], strict=True):
            above = [ok for n, ok in items if n >= low]
            band = [ok for n, ok in items if low <= n < high]
            if len(above) < 10 or (sum(above) < len(above) and (len(above) < 20 or sum(above) / len(above) < 0.99)):
                break
            if len(band) >= 10 and sum(band) / len(band) < 0.95:
                break
            floor = low
        if floor < MIN_LETTERS:
            learned[answer] = floor
    print("SHORT_MIN_LETTERS =", learned)
    if learned != language.SHORT_MIN_LETTERS:
        print("(differs from newsingest._language.detect.SHORT_MIN_LETTERS:", language.SHORT_MIN_LETTERS, ")")
    saved = language.SHORT_MIN_LETTERS
    language.SHORT_MIN_LETTERS = learned
    try:
        for half in (0, 1):
            chosen = [(lang, text) for lang, number, text in lingua_sentences() if number % 2 == half]
            got = [detect_language(text, detector) for _, text in chosen]
            answered = [(guess.language, lang) for guess, (lang, _) in zip(got, chosen, strict=True) if guess]
            right = sum(answer == lang for answer, lang in answered)
            name = "learning half" if half == 0 else "held-out half"
            print(f"{name}: {len(answered) / len(chosen):.2%} answered, {right / len(answered):.2%} of them right")
    finally:
        language.SHORT_MIN_LETTERS = saved


def malay(args) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from learn_malay import dsl, paragraphs, real_indonesian

    texts, real = dsl(), real_indonesian()
    detector = LangdetectDetector()
    systems = {"newsingest": ours(detector), **peers()}

    def rate(detect, items, expected) -> str:
        got = [detect(text) for text in items]
        return f"{sum(g == expected for g in got) / len(got):.1%}"

    print(
        "| system | DSL: learning half | DSL: held-out half | DSL: all 2,000 | real id articles (935) | their paragraphs alone |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    real_paragraphs = paragraphs(real)
    for name, detect in systems.items():
        cells = []
        for chosen in (slice(0, None, 2), slice(1, None, 2), slice(None)):
            ms_items, id_items = texts["ms"][chosen], texts["id"][chosen]
            got_ms = [detect(text) for text in ms_items]
            got_id = [detect(text) for text in id_items]
            right = sum(g == "ms" for g in got_ms) + sum(g == "id" for g in got_id)
            cells.append(f"{right / (len(got_ms) + len(got_id)):.1%}")
        cells.append(rate(detect, real, "id"))
        cells.append(rate(detect, real_paragraphs, "id"))
        print(f"| {name} | " + " | ".join(cells) + " |")
    ms_articles = sum(ours(detector)(text) == "ms" for text in real)
    print(
        f"\nreal Indonesian articles newsingest calls Malay: {ms_articles}; Tagalog: "
        f"{sum(ours(detector)(text) == 'tl' for text in real)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what",
        choices=["speed", "accuracy", "length", "parity", "lingua", "floors", "malay"],
        nargs="?",
        default="speed",
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    commands = {"speed": speed, "accuracy": accuracy, "length": length, "parity": parity}
    commands.update(lingua=lingua, floors=floors, malay=malay)
    commands[args.what](args)


if __name__ == "__main__":
    main()
