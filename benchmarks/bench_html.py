"""newsingest against trafilatura on real article pages: speed, body F1, metadata.

    python benchmarks/bench_html.py [--data ../shared/htmlbench] [--rounds 3] [--pages N] [--show 0.2] [--stages]

Reads ``html/*.html.gz`` and ``ground-truth.jsonl`` (``id``, ``url``, ``title``,
``author``, ``published``, ``body``). In one run, page by page and in alternating
order so both see the same machine:

* time: ``newsingest.ingest(page, url=url)`` against ``trafilatura.extract(page,
  url=url)``; per page the best of ``--rounds``, summed over pages; the ratio is
  what the issue's target (at most 1.10x) is about;
* body: the article-extraction-benchmark's measure. Tokens are ``\\w+`` runs,
  shingles are runs of 4 tokens counted as a multiset; per page true
  positives, false positives and false negatives are normalised to sum to one;
  precision and recall are the means over pages, F1 their harmonic mean. A
  page's own F1 is the harmonic mean of its precision and recall; pages where
  newsingest's is more than ``--show`` below trafilatura's are listed;
* metadata: ``Article.title/authors/published`` against
  ``trafilatura.extract_metadata(page, default_url=url)``, both judged by the
  same functions below (:func:`same_title`, :func:`same_authors`, :func:`same_day`),
  each only on pages whose reference has the field.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "htmlbench"

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """4-token shingles as a multiset (one shingle of fewer tokens for a short text)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(reference: str, predicted: str) -> tuple[float, float, float]:
    """Shingle matches, normalised so that every page weighs the same."""
    true, pred = shingles(reference), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def overall(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) as the benchmark computes them: F1 of the mean P and mean R."""
    p = statistics.mean(precision(*s) for s in scores if s[0] + s[1] > 0)
    r = statistics.mean(recall(*s) for s in scores if s[0] + s[2] > 0)
    return f1(p, r), p, r


# --- metadata comparison: one set of rules for both tools ---------------------


def norm(text: str) -> str:
    """NFKC, case-folded, punctuation to spaces, whitespace collapsed.

    Entities are not unescaped: a title that still reads ``&#039;`` is wrong.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(ch if ch.isalnum() or ch in "&#;" else " " for ch in text)
    return " ".join(text.split())


def same_title(reference: str, predicted: str | None) -> bool:
    return bool(predicted) and norm(reference) == norm(predicted)


_GROUPS = re.compile(r"\s+(?:and|&)\s+|;|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+dan\s+", re.IGNORECASE)


def _author_parts(text: str) -> list[list[str]]:
    """Name groups (split at ``and``, ``&``, ``;``), each its comma-separated parts, normalised."""
    groups = []
    for group in _GROUPS.split(text):
        parts = [norm(part) for part in group.split(",")]
        parts = [part for part in parts if part]
        if parts:
            groups.append(parts)
    return groups


def same_authors(reference: str, predicted: list[str]) -> bool:
    """Every person the reference names is given, and nothing the reference lacks.

    The reference is split into persons at ``and``/``&``/``;``; in each person,
    the first comma-separated part is the name and the rest (``Shipping
    Expert``, ``MD``) may be given or left out. The prediction, split the same
    way, must hold every name and nothing but names and those optional parts.
    """
    if not predicted:
        return False
    groups = _author_parts(reference)
    required = {parts[0] for parts in groups}
    allowed = {part for parts in groups for part in parts}
    given = {part for name in predicted for parts in _author_parts(name) for part in parts}
    return required <= given <= allowed


def same_day(reference: str, predicted: object) -> bool:
    """The predicted date (a date, datetime or ISO string) falls on the reference day."""
    if predicted is None:
        return False
    text = predicted.isoformat() if hasattr(predicted, "isoformat") else str(predicted)
    return text[:10] == reference[:10]


# --- the run -------------------------------------------------------------------


def load(data: Path, limit: int | None) -> list[tuple[dict, bytes]]:
    rows = [json.loads(line) for line in (data / "ground-truth.jsonl").read_text(encoding="utf-8").splitlines()]
    pages = [(row, gzip.decompress((data / "html" / f"{row['id']}.html.gz").read_bytes())) for row in rows]
    return pages[:limit] if limit else pages


def timed(call, page: bytes, url: str, rounds: int):
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = call(page, url)
        best = min(best, time.perf_counter() - start)
    return best, result


def run(pages: list[tuple[dict, bytes]], rounds: int) -> list[dict]:
    import trafilatura

    import newsingest
    from newsingest.errors import NewsingestError

    def ours(page: bytes, url: str):
        try:
            return newsingest.ingest(page, url=url)
        except NewsingestError:
            return None

    def theirs(page: bytes, url: str):
        return trafilatura.extract(page, url=url)

    ours(pages[0][1], pages[0][0]["url"])  # warm up: imports, profiles, plugins
    theirs(pages[0][1], pages[0][0]["url"])
    results = []
    for index, (row, page) in enumerate(pages):
        url = row["url"]
        if index % 2:
            t_theirs, text_theirs = timed(theirs, page, url, rounds)
            t_ours, article = timed(ours, page, url, rounds)
        else:
            t_ours, article = timed(ours, page, url, rounds)
            t_theirs, text_theirs = timed(theirs, page, url, rounds)
        meta = trafilatura.extract_metadata(page, default_url=url)
        results.append(
            {
                "row": row,
                "t_ours": t_ours,
                "t_theirs": t_theirs,
                "body_ours": article.text if article else "",
                "body_theirs": text_theirs or "",
                "ours": article,
                "theirs_meta": meta,
            }
        )
    return results


def report(results: list[dict], show: float) -> None:
    import newsingest
    from newsingest.pipeline import _default_detector

    detector = _default_detector()
    backend = getattr(detector, "backend", type(detector).__name__)
    t_ours = sum(r["t_ours"] for r in results)
    t_theirs = sum(r["t_theirs"] for r in results)
    print(f"{len(results)} pages; language detection: {backend}; newsingest {newsingest.__version__}")
    print(
        f"time: newsingest {t_ours:.2f} s, trafilatura.extract {t_theirs:.2f} s, ratio {t_ours / t_theirs:.2f}x"
        f" ({len(results) / t_ours:.1f} vs {len(results) / t_theirs:.1f} pages/s)"
    )
    ours = [tp_fp_fn(r["row"]["body"], r["body_ours"]) for r in results]
    theirs = [tp_fp_fn(r["row"]["body"], r["body_theirs"]) for r in results]
    for name, scores in (("newsingest", ours), ("trafilatura", theirs)):
        f, p, r = overall(scores)
        print(f"body F1 {name:<12} {f:.3f} (P {p:.3f}, R {r:.3f})")
    losses = []
    for result, a, b in zip(results, ours, theirs, strict=True):
        page_ours, page_theirs = f1(precision(*a), recall(*a)), f1(precision(*b), recall(*b))
        losses.append((page_theirs - page_ours, result["row"], page_ours, page_theirs))
    losses.sort(key=lambda item: -item[0])
    for limit in (0.2, 0.5):
        print(f"pages more than {limit} F1 below trafilatura: {sum(1 for loss in losses if loss[0] > limit)}")
    wins = sum(1 for loss in losses if loss[0] < -0.2)
    print(f"pages more than 0.2 F1 above trafilatura: {wins}")
    for loss, row, page_ours, page_theirs in losses:
        if loss > show:
            print(f"  {row['id']} ours {page_ours:.3f} trafilatura {page_theirs:.3f}  {row['url']}")

    fields = (
        ("title", "title", same_title, lambda a: a.title, lambda m: m.title),
        (
            "author",
            "author",
            same_authors,
            lambda a: list(a.authors),
            lambda m: m.author.split("; ") if m.author else [],
        ),
        ("date", "published", same_day, lambda a: a.published, lambda m: m.date),
    )
    print("\nmetadata (right / pages with a reference value):")
    for label, key, same, get_ours, get_theirs in fields:
        referenced = [r for r in results if r["row"].get(key)]
        right_ours = sum(1 for r in referenced if r["ours"] is not None and same(r["row"][key], get_ours(r["ours"])))
        right_theirs = sum(
            1 for r in referenced if r["theirs_meta"] is not None and same(r["row"][key], get_theirs(r["theirs_meta"]))
        )
        print(f"  {label:<7} newsingest {right_ours}/{len(referenced)}  trafilatura {right_theirs}/{len(referenced)}")
    entities = [
        r["row"]["id"]
        for r in results
        if r["ours"] is not None and any(html_lib.unescape(s) != s for s in [r["ours"].title or "", *r["ours"].authors])
    ]
    print(f"  titles or authors of ours still holding an HTML entity: {len(entities)} {entities}")


def stages(pages: list[tuple[dict, bytes]]) -> None:
    """Seconds in each step of the HTML path over all pages, with ``trafilatura.extract`` interleaved."""
    import collections

    import trafilatura

    from newsingest import pipeline
    from newsingest._html import extract as htmlextract
    from newsingest._html.page import Page
    from newsingest._source.decode import read_source
    from newsingest._text.draft import Draft
    from newsingest.errors import NewsingestError

    ingest = pipeline.Pipeline()
    ingest.ingest(pages[0][1], url=pages[0][0]["url"])
    seconds: collections.Counter = collections.Counter()

    def timed_step(name, call, *args, **kwargs):
        start = time.perf_counter()
        result = call(*args, **kwargs)
        seconds[name] += time.perf_counter() - start
        return result

    for row, page in pages:
        url = row["url"]
        timed_step("trafilatura.extract", trafilatura.extract, page, url=url)
        try:
            decoded = timed_step("decode", read_source, page)
            tree = timed_step("parse HTML (lxml)", htmlextract.parse_html, decoded.text)
        except NewsingestError:
            continue
        meta = timed_step("page metadata", Page.read, decoded.text, tree, url=url).metadata
        plugin = ingest.plugins.choose(outlet=None, url=url or meta.url, text=None)
        if plugin is None:
            text = timed_step("plugin choice by text", htmlextract.visible_text, tree)
            plugin = timed_step("plugin choice by text", ingest.plugins.for_text, text)
        draft = Draft(url=url, input_format="html")
        pipeline.apply_page_metadata(draft, meta)
        timed_step("DOM clean-up (selectors)", pipeline.prepare_tree, tree, plugin, draft, decoded.text)
        draft.blocks = timed_step("extraction (trafilatura)", htmlextract.extract_main_blocks, tree, url=url)
        if not draft.blocks:
            continue
        timed_step("cleaners + plugin rules", pipeline.clean_blocks, draft, plugin, ingest.generic_rules)
        timed_step("article + language", pipeline.build_article, draft, decoded.text, None, plugin, ingest.detector)
    ours = sum(value for key, value in seconds.items() if key != "trafilatura.extract")
    print("\n| step | seconds | share of ours |\n| --- | --- | --- |")
    for key, value in seconds.most_common():
        if key != "trafilatura.extract":
            print(f"| {key} | {value:.2f} | {value / ours:.0%} |")
    print(f"| all steps | {ours:.2f} | |")
    print(f"| `trafilatura.extract`, same pages, interleaved | {seconds['trafilatura.extract']:.2f} | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages")
    parser.add_argument("--show", type=float, default=0.2, help="list pages losing more F1 than this")
    parser.add_argument("--metadata-misses", action="store_true", help="print every metadata miss of ours")
    parser.add_argument("--stages", action="store_true", help="then time each step of the HTML path")
    args = parser.parse_args()
    if not (args.data / "ground-truth.jsonl").exists():
        sys.exit(f"no benchmark data at {args.data}")
    results = run(load(args.data, args.pages), args.rounds)
    report(results, args.show)
    if args.metadata_misses:
        print_misses(results)
    if args.stages:
        stages(load(args.data, args.pages))


def print_misses(results: list[dict]) -> None:
    for r in results:
        row, article = r["row"], r["ours"]
        if article is None:
            print(row["id"], "no article")
            continue
        m = r["theirs_meta"]
        if row.get("title") and not same_title(row["title"], article.title):
            print(f"{row['id']} title  ref={row['title']!r} ours={article.title!r} traf={m.title if m else None!r}")
        if row.get("author") and not same_authors(row["author"], list(article.authors)):
            print(
                f"{row['id']} author ref={row['author']!r} ours={list(article.authors)!r} traf={m.author if m else None!r}"
            )
        if row.get("published") and not same_day(row["published"], article.published):
            print(
                f"{row['id']} date   ref={row['published']!r} ours={article.published!r} traf={m.date if m else None!r}"
            )


if __name__ == "__main__":
    main()
