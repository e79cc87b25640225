"""Story linking: precision, recall against exact Jaccard, time and memory, at 100,000 articles.

    python benchmarks/bench_linking.py [--scale 100000] [--sample linking_sample.txt]

Over the real corpora in ``../shared/realdata/`` (Tribun, other Indonesian outlets, NBC),
each ingested from its scraped text and URL, in a fixed order (by file, then line):

1. ground truth: the exact 5-word-shingle Jaccard similarity of every pair of articles
   that share a shingle (an inverted index; pairs that share none have Jaccard 0);
2. recall: of the pairs with Jaccard >= 0.5, the share that ``link_stories`` puts in one
   story; and the pairs with Jaccard < 0.1 that share a story (must be none);
3. precision: a fixed sample of 50 ``near`` links, printed for reading by hand
   (``--sample FILE`` writes them; the verdicts are in ``benchmarks/linking_precision.tsv``);
4. time per article of ingesting and of linking, side by side, and the linker's memory;
5. the index: bytes per article of ours against datasketch's ``MinHashLSH`` on the same
   signatures, and the recall each gives;
6. scale: ``--scale`` synthetic articles (the real texts, each copied with words dropped
   and replaced, so one story has many near copies), linked with the peak memory of the
   process (its RSS, in a fresh process) and the time per article.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
FILES = ("tribun.jsonl", "indonesian_other_outlets.jsonl", "nbc.jsonl")
VERDICTS = ROOT / "benchmarks" / "linking_precision.tsv"

sys.path.insert(0, str(ROOT))

import newsingest  # noqa: E402
from newsingest import Article  # noqa: E402
from newsingest.linking import (  # noqa: E402
    StoryLinker,
    features,
    fingerprints,
    link_stories,
    sketch,
)
from newsingest.linking.index import KeyTable  # noqa: E402
from newsingest.linking.linker import _Hasher  # noqa: E402

#: The MinHash the sketch replaced (128 permutations, LSH 32 bands of 4), for the comparison.
NUM_PERM, BANDS, ROWS = 128, 32, 4


def _clock() -> float:
    """CPU time of this process: the machine is shared, and others' load stretches wall time, not this."""
    return time.process_time()


def children_cpu() -> float:
    """CPU time of this process's finished child processes (batch workers, once closed)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def load(files: tuple[str, ...]) -> list[dict]:
    records = []
    for name in files:
        path = REALDATA / name
        with path.open(encoding="utf-8") as lines:
            rows = [line for line in lines if line.strip()]
        for line_no, line in enumerate(rows, 1):
            record = json.loads(line)
            record["where"] = f"{name}:{line_no}"
            records.append(record)
    return records


def cleanable(records: list[dict]) -> list[dict]:
    """The records that ingest to an article (one Tribun page that is only "Baca juga" links does not)."""
    kept = []
    for record in records:
        try:
            newsingest.ingest(record["text"], url=record.get("url"))
        except newsingest.NewsingestError as err:
            print(f"left out {record['where']}: {err}")
            continue
        kept.append(record)
    return kept


def ingest_all(records: list[dict]) -> tuple[list[Article], float]:
    started = _clock()
    articles = [newsingest.ingest(r["text"], url=r.get("url")) for r in records]
    return articles, _clock() - started


def jaccard_pairs(articles: list[Article]) -> dict[tuple[int, int], float]:
    """Exact Jaccard of every pair sharing at least one 5-word shingle."""
    sets = [features.shingles(a.text) for a in articles]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            postings[shingle].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        if len(members) > 200:  # boilerplate shared by hundreds: counted below by direct intersection
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                shared[a, b] += 1
    result = {}
    for (a, b), _ in shared.items():
        inter = len(sets[a] & sets[b])
        result[a, b] = inter / len(sets[a] | sets[b])
    return result


def recall_report(articles: list[Article], linked: list[Article], pairs: dict) -> dict:
    story = [a.story for a in linked]
    high = [(a, b) for (a, b), j in pairs.items() if j >= 0.5]
    high_linked = sum(story[a] == story[b] for a, b in high)
    members: dict[str, list[int]] = defaultdict(list)
    for index, s in enumerate(story):
        members[s].append(index)
    same_story_pairs = [(a, b) for m in members.values() for i, a in enumerate(m) for b in m[i + 1 :]]
    low_shared = [(a, b, pairs.get((a, b), 0.0)) for a, b in same_story_pairs if pairs.get((a, b), 0.0) < 0.1]
    exact_groups: dict[str, list[int]] = defaultdict(list)
    for index, a in enumerate(articles):
        exact_groups[" ".join(a.text.split())].append(index)
    exact_pairs = [(m[0], b) for m in exact_groups.values() for b in m[1:] if m[0] is not None]
    return {
        "pairs_j05": len(high),
        "pairs_j05_same_story": high_linked,
        "missed_j05": [(a, b) for a, b in high if story[a] != story[b]],
        "recall_j05": high_linked / len(high) if high else 1.0,
        "pairs_j03": sum(j >= 0.3 for j in pairs.values()),
        "same_story_pairs": len(same_story_pairs),
        "same_story_j_below_01": low_shared,
        "exact_pairs": len(exact_pairs),
        "exact_pairs_linked": sum(story[a] == story[b] for a, b in exact_pairs),
    }


def near_sample(linked: list[Article], pairs: dict, articles: list[Article], size: int = 50) -> list[tuple]:
    """50 links made by shingle similarity (``near``, and ``syndicated`` ones found by it), at random (seeded)."""
    by_id = {a.id: i for i, a in enumerate(articles)}
    near = [
        (i, by_id[a.link.target])
        for i, a in enumerate(linked)
        if a.link and a.link.similarity is not None and a.link.kind in ("near", "syndicated")
    ]
    random.Random(15).shuffle(near)
    return [(a, b, pairs.get((min(a, b), max(a, b)), 0.0)) for a, b in sorted(near[:size])]


def write_sample(path: Path, sample: list[tuple], articles: list[Article], records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a, b, jaccard in sample:
            out.write(f"=== {articles[a].id} -> {articles[b].id}  Jaccard {jaccard:.3f}\n")
            for i in (a, b):
                out.write(f"--- {records[i]['where']} {records[i].get('url')}\n")
                out.write(f"TITLE {records[i].get('title')}\n{articles[i].text[:700]}\n")
            out.write("\n")


def read_verdicts() -> dict[tuple[str, str], str]:
    verdicts = {}
    if VERDICTS.exists():
        for line in VERDICTS.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                copy, original, verdict, _reason = line.split("\t", 3)
                verdicts[copy, original] = verdict
    return verdicts


def index_comparison(articles: list[Article]) -> dict:
    """Time of the sketch against MinHash (ours and datasketch's); bytes per article of our KeyTable and MinHashLSH."""
    from datasketch import MinHash, MinHashLSH

    hasher = _Hasher(NUM_PERM, BANDS, ROWS, 7)
    texts = [a.text for a in articles if a.text.strip()]
    shingle_sets = [features.shingle_hashes(t) for t in texts]
    shingles64 = [features.shingle_hashes64(t) for t in texts]
    result: dict = {}
    for name in ("sketch", "minhash", "datasketch"):  # side by side, best of 3, from the shingle hashes
        best = float("inf")
        for _ in range(3):
            started = _clock()
            if name == "sketch":
                for h in shingles64:
                    sketch.sketch(h)
            elif name == "minhash":
                signatures = [hasher.signature(h) for h in shingle_sets]
                for signature in signatures:
                    hasher.band_keys(signature)
            else:
                for h in shingle_sets:
                    datasketch_sketch = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=int)
                    datasketch_sketch.update_batch(h)
            best = min(best, _clock() - started)
        result[f"{name}_us"] = 1e6 * best / len(shingle_sets)
    for name in ("ours", "datasketch"):
        gc.collect()
        tracemalloc.start()
        started = _clock()
        if name == "ours":
            table = KeyTable()
            for i, h in enumerate(shingles64):
                keys = np.unique(sketch.sketch(h)[1])
                table.lookup(keys)
                table.add(keys, np.full(len(keys), i))
        else:
            lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
            for i, signature in enumerate(signatures):
                datasketch_sketch = MinHash(num_perm=NUM_PERM, hashvalues=signature, scheme="affine32")
                lsh.query(datasketch_sketch)
                lsh.insert(i, datasketch_sketch)
        elapsed = _clock() - started
        current, _peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result[name] = {
            "bytes_per_article": current / len(signatures),
            "us_per_article": 1e6 * elapsed / len(signatures),
        }
    return result


def estimate_errors(articles: list[Article], pairs: dict) -> dict:
    """How far the similarity estimates fall from the exact Jaccard, on the pairs with Jaccard >= 0.2.

    The sketch linking uses against the 128-permutation MinHash it replaced.
    """
    hasher = _Hasher(NUM_PERM, BANDS, ROWS, 7)
    texts = [a.text for a in articles]
    minhash = [hasher.signature(features.shingle_hashes(t)) if t.strip() else None for t in texts]
    sketches = [sketch.sketch(features.shingle_hashes64(t))[0] if t.strip() else None for t in texts]
    errors: dict[str, list[float]] = {"sketch": [], "minhash": []}
    for (a, b), jaccard in pairs.items():
        if jaccard >= 0.2:
            errors["minhash"].append(float((minhash[a] == minhash[b]).mean()) - jaccard)
            errors["sketch"].append(float(sketch.similarity_of_rows(sketches[a][None], sketches[b][None])[0]) - jaccard)
    return {
        name: {"pairs": len(e), "sd": float(np.std(e)), "worst": float(np.max(np.abs(e)))} for name, e in errors.items()
    }


def mutate(words: list[str], rng: random.Random, vocabulary: list[str], rate: float) -> list[str]:
    out = []
    for word in words:
        roll = rng.random()
        if roll < rate / 2:
            continue
        out.append(rng.choice(vocabulary) if roll < rate else word)
    return out


def synthetic(texts: list[str], count: int, seed: int = 100_000) -> Iterator[Article]:
    """``count`` articles: 70% new stories, 30% copies of an earlier one with 2-20% of the words changed.

    A new story is 6 to 14 paragraphs drawn from different real articles (a real
    article's length) plus a line with its number, so every one is distinct and reads
    like real news text; a copy is a recent story (one of the last 2,000) with words
    dropped and replaced.
    """
    rng = random.Random(seed)
    paragraphs = [p for t in texts for p in t.split("\n\n") if len(p.split()) > 15]
    vocabulary = sorted({w for p in paragraphs for w in p.split()})
    recent: list[str] = []
    for index in range(count):
        if recent and rng.random() < 0.3:
            base = recent[rng.randrange(len(recent))]
            text = " ".join(mutate(base.split(), rng, vocabulary, rng.uniform(0.02, 0.2)))
        else:
            chosen = rng.sample(paragraphs, rng.randint(6, 14))
            text = "\n\n".join(chosen) + f"\n\nNomor {index} / {rng.randrange(10**6)}."
            recent.append(text)
            if len(recent) > 2000:
                recent.pop(0)
        yield Article(id=f"s{index:07d}", text=text, language="id", published=f"2025-06-{1 + index % 28:02d}")


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def scale_run(texts: list[str], count: int, raw: list[dict] | None = None) -> dict:
    """Link ``count`` synthetic articles (run in a fresh process: its memory is the linker's).

    Every 500 articles linked, 5 of the ``raw`` real records are ingested and timed
    apart, so the ingest time the linking is compared with is measured under the
    same load, at the same moments.
    """
    raw = raw or []
    if raw:
        newsingest.ingest(raw[0]["text"])  # the pipeline built before the clock starts
    gc.collect()
    before = rss_mb()
    linker = StoryLinker()
    stories: set[str] = set()
    peak = before
    elapsed = ingest_elapsed = fingerprint_elapsed = 0.0
    lookups_by_tenth = [0.0] * 10  # the linker's time (fingerprints given) in each tenth of the run
    ingested = 0
    made = synthetic(texts, count)
    started = _clock()
    for _ in range(0, count, 500):
        batch = [next(made) for _ in range(min(500, count - len(linker)))]
        fingerprint_started = _clock()
        pairs = fingerprints(batch)  # apart: with workers, made there (link_stories makes them so, by chunk)
        link_started = _clock()
        fingerprint_elapsed += link_started - fingerprint_started
        stories.update(a.story or "" for a in linker.link_all(pairs))
        tenth = min(9, 10 * (len(linker) - 1) // count)
        lookups_by_tenth[tenth] += _clock() - link_started
        if raw:
            elapsed += _clock() - started
            ingest_started = _clock()
            for record in raw[ingested % len(raw) : ingested % len(raw) + 5]:
                newsingest.ingest(record["text"], url=record.get("url"))
                ingested += 1
            ingest_elapsed += _clock() - ingest_started
            peak = max(peak, rss_mb())
            started = _clock()
    elapsed += _clock() - started
    peak = max(peak, rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    started = _clock()
    for _ in synthetic(texts, count):  # making the articles costs too: measured alone, taken off
        pass
    making = _clock() - started
    return {
        "articles": count,
        "stories": len(stories),
        "ms_per_article": 1000 * (elapsed - making) / count,
        "fingerprint_ms_per_article": 1000 * fingerprint_elapsed / count,
        "lookup_ms_by_tenth": [10_000 * t / count for t in lookups_by_tenth],
        "ingest_ms_per_article": 1000 * ingest_elapsed / ingested if ingested else None,
        "rss_before_mb": before,
        "rss_peak_mb": peak,
        "linker_mb": linker.nbytes() / 2**20,
    }


def batch_cost(records: list[dict], workers: int, rounds: int) -> dict:
    """``ingest_many`` over the records with and without ``link=True``, side by side, best of rounds.

    CPU time of the calling process and of its workers (reaped when the run
    ends), and wall time. With workers, what linking adds to the calling process
    (the in-order lookups, the fingerprints coming in) is all it adds there: the
    fingerprints are computed in the workers.
    """
    inputs = [{"text": r["text"], "url": r.get("url")} for r in records]
    list(newsingest.ingest_many(inputs[:20], workers=workers, link=True))  # imports out of the timings
    best = {key: {False: float("inf"), True: float("inf")} for key in ("wall", "parent", "workers", "started")}
    for _ in range(rounds):
        for link in (False, True):
            wall, parent, children = time.perf_counter(), time.process_time(), children_cpu()
            results = list(newsingest.ingest_many(inputs, workers=workers, link=link))
            best["wall"][link] = min(best["wall"][link], time.perf_counter() - wall)
            best["parent"][link] = min(best["parent"][link], time.process_time() - parent)
            best["workers"][link] = min(best["workers"][link], children_cpu() - children)
            if workers:  # the workers' start-up (a worker linking imports numpy: about 0.15 s), on 2 inputs
                children = children_cpu()
                list(newsingest.ingest_many(inputs[:2], workers=workers, link=link))
                best["started"][link] = min(best["started"][link], children_cpu() - children)
    assert all(r.story for r in results)
    return {**best, "articles": len(inputs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000, help="synthetic articles (0: skip)")
    parser.add_argument("--sample", type=Path, help="write the 50 near links here, for reading")
    parser.add_argument("--tribun-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of ingest and link timing (best kept)")
    args = parser.parse_args()

    records = cleanable(load(FILES[:1] if args.tribun_only else FILES))
    list(link_stories(ingest_all(records[:20])[0]))  # imports and first calls out of the timings
    ingest_s = link_s = fingerprint_s = index_s = float("inf")
    for _ in range(args.rounds):  # side by side, best of rounds: other work on the machine only slows a run
        articles, elapsed = ingest_all(records)
        ingest_s = min(ingest_s, elapsed)
        started = _clock()
        linked = list(link_stories(articles))
        link_s = min(link_s, _clock() - started)
        started = _clock()
        pairs_with_fingerprints = fingerprints(articles)
        fingerprint_s = min(fingerprint_s, _clock() - started)
        started = _clock()
        list(StoryLinker().link_all(pairs_with_fingerprints))
        index_s = min(index_s, _clock() - started)
    linked_again = list(link_stories(articles))
    same = [a.to_dict() for a in linked] == [a.to_dict() for a in linked_again]
    pairs = jaccard_pairs(articles)
    report = recall_report(articles, linked, pairs)
    kinds: dict[str, int] = defaultdict(int)
    for article in linked:
        kinds[article.link.kind if article.link else "none"] += 1
    print(f"articles: {len(articles)} from {', '.join(FILES[:1] if args.tribun_only else FILES)}")
    print(
        f"links: {dict(kinds)}; stories: {len({a.story for a in linked})}; candidates: "
        f"{sum(len(a.link_candidates) for a in linked)}; same result twice: {same}"
    )
    print(
        f"ingest: {1000 * ingest_s / len(articles):.2f} ms/article; link: {1000 * link_s / len(articles):.2f} ms/article "
        f"({100 * link_s / ingest_s:.0f}% of ingest, one process): fingerprints "
        f"{1000 * fingerprint_s / len(articles):.2f} ms ({100 * fingerprint_s / ingest_s:.0f}%), "
        f"the linker's lookups {1000 * index_s / len(articles):.2f} ms ({100 * index_s / ingest_s:.0f}%)"
    )
    for workers in (0, 2):
        cost = batch_cost(records, workers, args.rounds)
        n = cost["articles"]
        parent, children = cost["parent"], cost["workers"]
        total = {link: parent[link] + children[link] for link in (False, True)}
        started = cost["started"]
        # with workers, what the workers add per article beyond starting (a linking worker imports numpy)
        beyond = (children[True] - started[True]) - (children[False] - started[False]) if workers else 0.0
        workers_note = (
            f" the workers' start-up {started[False]:.2f} -> {started[True]:.2f} s CPU; beyond it the workers "
            f"+{1000 * beyond / n:.3f} ms/article ({100 * beyond / (total[False] - started[False]):.0f}% of the "
            "ingest's CPU time beyond start-up);"
            if workers
            else ""
        )
        print(
            f"ingest_many, {workers} workers, CPU ms/article without -> with link=True: calling process "
            f"{1000 * parent[False] / n:.3f} -> {1000 * parent[True] / n:.3f}, workers "
            f"{1000 * children[False] / n:.3f} -> {1000 * children[True] / n:.3f}, all "
            f"{1000 * total[False] / n:.3f} -> {1000 * total[True] / n:.3f} (+{100 * (total[True] / total[False] - 1):.0f}%);"
            f"{workers_note} the calling process +{1000 * (parent[True] - parent[False]) / n:.3f} ms "
            f"({100 * (parent[True] - parent[False]) / total[False]:.0f}% of the ingest's CPU time); wall "
            f"{1000 * cost['wall'][False] / n:.2f} -> {1000 * cost['wall'][True] / n:.2f} ms"
        )
    print(f"exact copies: {report['exact_pairs_linked']}/{report['exact_pairs']} linked")
    print(
        f"pairs with Jaccard >= 0.5: {report['pairs_j05']}, in one story: {report['pairs_j05_same_story']} "
        f"(recall {100 * report['recall_j05']:.1f}%); Jaccard >= 0.3: {report['pairs_j03']}"
    )
    low = report["same_story_j_below_01"]
    print(f"pairs in one story: {report['same_story_pairs']}; of them with Jaccard < 0.1: {len(low)}")
    for a, b in report["missed_j05"]:
        print(
            f"   missed J={pairs[a, b]:.3f}: {records[a]['where']} {records[b]['where']} {linked[a].link} {linked[b].link}"
        )
    for a, b, j in low[:10]:
        print(f"   {linked[a].id} {linked[b].id} J={j:.3f} {linked[a].link} {linked[b].link}")
    errors = estimate_errors(articles, pairs)
    print(
        f"similarity estimate - exact Jaccard, {errors['sketch']['pairs']} pairs with Jaccard >= 0.2: sketch (256 bins) "
        f"sd {errors['sketch']['sd']:.3f}, worst {errors['sketch']['worst']:.3f}; MinHash of {NUM_PERM} "
        f"permutations sd {errors['minhash']['sd']:.3f}, worst {errors['minhash']['worst']:.3f}"
    )
    sample = near_sample(linked, pairs, articles)
    verdicts = read_verdicts()
    judged = [verdicts.get((articles[a].id, articles[b].id)) for a, b, _ in sample]
    right = sum(v == "right" for v in judged)
    print(
        f"near-link sample: {len(sample)} pairs, Jaccard of the sample {min(j for *_, j in sample):.2f}.."
        f"{max(j for *_, j in sample):.2f}; judged {sum(v is not None for v in judged)}, right {right}"
    )
    if args.sample:
        write_sample(args.sample, sample, articles, records)
        print(f"sample written to {args.sample}")
    comparison = index_comparison(articles)
    print(
        f"sketch and band keys per article, from the shingle hashes: one-permutation, {sketch.BINS} bins "
        f"{comparison['sketch_us']:.0f} us; MinHash of {NUM_PERM} permutations (the scheme before) "
        f"{comparison['minhash_us']:.0f} us; datasketch.MinHash {comparison['datasketch_us']:.0f} us (signature only)"
    )
    for name in ("ours", "datasketch"):
        row = comparison[name]
        print(
            f"LSH index {name}: {row['bytes_per_article']:.0f} bytes/article, "
            f"{row['us_per_article']:.0f} us/article (query + insert, {len(articles)} articles)"
        )
    if args.scale:
        texts = [a.text for a in articles if a.text.strip()]
        raw = [{"text": r["text"], "url": r.get("url")} for r in records if r["text"].strip()]
        corpus = Path(tempfile.mkdtemp()) / "texts.json"
        corpus.write_text(json.dumps({"texts": texts, "raw": raw}), encoding="utf-8")
        code = (
            f"import json, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import bench_linking as b; "
            f"data = json.load(open({str(corpus)!r})); "
            f"print(json.dumps(b.scale_run(data['texts'], {args.scale}, data['raw'])))"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        scale = json.loads(out.stdout.strip().splitlines()[-1])
        ingest_ms = scale["ingest_ms_per_article"]
        print(
            f"scale: {scale['articles']:,} synthetic articles, {scale['stories']:,} stories; linking "
            f"{scale['ms_per_article']:.3f} ms/article, {100 * scale['ms_per_article'] / ingest_ms:.0f}% of the "
            f"{ingest_ms:.2f} ms/article of ingesting real records at the same moments (the fingerprint "
            f"{scale['fingerprint_ms_per_article']:.3f} ms of it, {100 * scale['fingerprint_ms_per_article'] / ingest_ms:.0f}%; "
            f"the lookups {scale['ms_per_article'] - scale['fingerprint_ms_per_article']:.3f} ms, "
            f"{100 * (scale['ms_per_article'] - scale['fingerprint_ms_per_article']) / ingest_ms:.0f}%); process memory {scale['rss_before_mb']:.0f} MB before, "
            f"{scale['rss_peak_mb']:.0f} MB at most (+{scale['rss_peak_mb'] - scale['rss_before_mb']:.0f} MB); "
            f"the linker holds {scale['linker_mb']:.0f} MB ({2**20 * scale['linker_mb'] / scale['articles']:.0f} "
            f"bytes/article: {2**20 * scale['linker_mb'] / scale['articles'] * 1e6 / 2**30:.2f} GB per million)"
        )
        tenths = scale["lookup_ms_by_tenth"]
        print(
            "scale: the lookups (fingerprints given), ms/article in each tenth of the run: "
            + ", ".join(f"{t:.3f}" for t in tenths)
        )


if __name__ == "__main__":
    main()
