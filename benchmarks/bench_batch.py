"""Batch ingestion: throughput, overhead over trafilatura, worker speed-up, memory, cold start.

    pip install -e '.[bench]' && python benchmarks/bench_batch.py --write docs/benchmarks.md

Measures, on whatever machine it runs on (it records cores, Python, load):

1. plain-text articles/s on one core: seeds-like articles (the four seeds, each
   copy made unique) through ``Pipeline.clean`` and through ``ingest_many(workers=0)``;
2. HTML pages/s of ``Pipeline.clean`` against ``trafilatura.extract`` alone on the
   same pages (``tests/fixtures/*/*.html``, repeated), and where our time goes;
3. the 1 -> 2 workers speed-up on 3,000 and 10,000 plain-text files (the 1- and 2-worker
   runs interleaved, each in a fresh process);
4. RSS of the whole process tree (CLI parent, workers) while
   ``newsingest ingest big.jsonl -o out.jsonl --workers 2`` runs over 50,000 inputs;
5. cold start: ``import newsingest``, the first article (text, HTML), the first
   result of a two-worker pool.

Throughputs are the best of ``--rounds`` runs (other work on the machine only
slows a run down). ``--write FILE`` replaces this benchmark's section of FILE
(between its markers) and leaves the rest alone. ``--quick`` shrinks every size
for a smoke run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_PAGES = sorted((ROOT / "tests" / "fixtures").glob("*/*.html"))
START, END = "<!-- bench_batch:start -->", "<!-- bench_batch:end -->"


def seeds_like(index: int) -> str:
    """A seed article made unique by a closing line (same cost to clean as the seed)."""
    return SEEDS[index % len(SEEDS)].read_text(encoding="utf-8") + f"\n\nReference number {index}.\n"


def write_corpus(folder: Path, count: int) -> list[Path]:
    texts = [seeds_like(i) for i in range(len(SEEDS))]
    paths = []
    for index in range(count):
        path = folder / f"{index // 1000:03d}" / f"article-{index:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[index % len(texts)] + f"Reference number {index}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def best_of(rounds: int, func) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


# --- 1. plain text, one core -----------------------------------------------------------------


def bench_text(folder: Path, count: int, rounds: int) -> dict:
    from newsingest import Pipeline, ingest_many

    paths = write_corpus(folder, count)
    pipeline = Pipeline()
    pipeline.clean(paths[0])  # warm: imports, language profiles, compiled patterns

    def clean_all():
        for path in paths:
            pipeline.clean(path)

    def batch_all():
        for _line in ingest_many(paths, workers=0, as_json=True):
            pass

    clean = best_of(rounds, clean_all)
    batch = best_of(rounds, batch_all)
    return {
        "count": count,
        "clean_per_s": count / clean,
        "batch_per_s": count / batch,
        "backend": getattr(pipeline.detector, "backend", "langdetect"),
    }


# --- 2. HTML against trafilatura -------------------------------------------------------------

STAGES = (
    ("decode", "decode.py", "read_source"),
    ("parse HTML (lxml)", "htmlextract.py", "parse_html"),
    ("page metadata", "htmlmeta.py", "read_page_metadata"),
    ("plugin choice by text", "registry.py", "for_text"),
    ("DOM clean-up (selectors)", "htmlextract.py", "drop_selectors"),
    ("extraction (trafilatura)", "htmlextract.py", "extract_blocks"),
    ("cleaners + plugin rules", "pipeline.py", "clean_blocks"),
    ("language", "pipeline.py", "build_article"),
)


def bench_html(repeat: int, rounds: int) -> dict:
    import trafilatura

    from newsingest import Pipeline

    pages = [p.read_text(encoding="utf-8") for p in HTML_PAGES]
    pipeline = Pipeline()
    pipeline.clean(pages[0])
    trafilatura.extract(pages[0])

    def ours():
        for _ in range(repeat):
            for page in pages:
                pipeline.clean(page)

    def theirs():
        for _ in range(repeat):
            for page in pages:
                trafilatura.extract(page)

    def theirs_structured():  # keeping what we keep: headings, formatting, tables
        for _ in range(repeat):
            for page in pages:
                trafilatura.extract(page, include_formatting=True, include_tables=True)

    ours_s = theirs_s = structured_s = float("inf")
    for _ in range(rounds):  # interleaved, so all see the same machine
        ours_s = min(ours_s, best_of(1, ours))
        theirs_s = min(theirs_s, best_of(1, theirs))
        structured_s = min(structured_s, best_of(1, theirs_structured))
    total = repeat * len(pages)

    profile = cProfile.Profile()
    profile.enable()
    ours()
    profile.disable()
    stats = pstats.Stats(profile).stats
    clean_total = sum(v[3] for k, v in stats.items() if k[0].endswith("pipeline.py") and k[2] == "clean")
    stages = []
    for label, filename, function in STAGES:
        cumulative = sum(v[3] for k, v in stats.items() if k[0].endswith(filename) and k[2] == function)
        stages.append((label, cumulative / clean_total if clean_total else 0.0))
    trafilatura_inside = sum(
        v[3] for k, v in stats.items() if "trafilatura" in k[0] and k[2] in ("bare_extraction", "extract")
    )
    return {
        "pages": len(pages),
        "total": total,
        "ours_per_s": total / ours_s,
        "trafilatura_per_s": total / theirs_s,
        "overhead": ours_s / theirs_s - 1,
        "structured_per_s": total / structured_s,
        "overhead_structured": ours_s / structured_s - 1,
        "stages": stages,
        "trafilatura_share": trafilatura_inside / clean_total if clean_total else 0.0,
    }


# --- 3. 1 -> 2 workers -----------------------------------------------------------------------


def descendants_cpu() -> float:
    """CPU seconds of this process's living descendants (the workers)."""
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            times = child.cpu_times()
            total += times.user + times.system
    return total


def speedup_trial(folder: Path, workers: int) -> dict:
    """One run in a fresh process (as a CLI run would be): pool start and warm-up included."""
    from newsingest import ingest_many

    paths = sorted(folder.rglob("*.txt"))
    start, cpu = time.perf_counter(), time.process_time()
    first = workers_cpu = None
    for done, _line in enumerate(ingest_many(paths, workers=workers, as_json=True), 1):
        first = first or time.perf_counter()
        if done == len(paths) and workers >= 1:  # before the workers stop
            workers_cpu = descendants_cpu()
    end = time.perf_counter()
    return {
        "wall": end - start,
        "steady": end - first,
        "parent_cpu": time.process_time() - cpu,
        "workers_cpu": workers_cpu or 0.0,
    }


def bench_speedup(folder: Path, count: int, rounds: int) -> dict:
    write_corpus(folder, count)

    def run(workers: int) -> dict:
        command = [sys.executable, __file__, "--trial", str(workers), str(folder)]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(result.stdout)

    one = two = None
    loads = []
    for _ in range(rounds):  # interleaved, so both see the same machine
        loads.append(os.getloadavg()[0])
        a, b = run(1), run(2)
        one = a if one is None or a["wall"] < one["wall"] else one
        two = b if two is None or b["wall"] < two["wall"] else two
    cpu_one = one["parent_cpu"] + one["workers_cpu"]
    cpu_two = two["parent_cpu"] + two["workers_cpu"]
    return {
        "count": count,
        "one_per_s": count / one["wall"],
        "two_per_s": count / two["wall"],
        "speedup": one["wall"] / two["wall"],
        "speedup_steady": one["steady"] / two["steady"],
        "cpu_ms_one": 1e3 * cpu_one / count,
        "cpu_ms_two": 1e3 * cpu_two / count,
        "parent_ms_two": 1e3 * two["parent_cpu"] / count,
        "ideal_speedup": 2 * cpu_one / cpu_two,  # what two idle cores would give for that CPU
        "load": max(loads),
    }


# --- 4. memory over 50,000 inputs ------------------------------------------------------------


def tree_memory(pid: int) -> tuple[int, int]:
    """RSS and PSS summed over ``pid`` and its descendants (PSS splits shared pages fairly)."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            info = process.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
    return rss, pss


def bench_memory(folder: Path, count: int, marks: list[int]) -> dict:
    source = folder / "big.jsonl"
    with open(source, "w", encoding="utf-8") as handle:
        texts = [seeds_like(i) for i in range(len(SEEDS))]
        for index in range(count):
            record = {"source": f"rec-{index:06d}", "text": texts[index % len(texts)] + f"Number {index}.\n"}
            handle.write(json.dumps(record) + "\n")
    out = folder / "out.jsonl"
    command = [sys.executable, "-m", "newsingest", "ingest", str(source), "-o", str(out), "--workers", "2"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    lines, offset, samples = 0, 0, []  # (lines written, RSS, PSS), every 0.1 s while it runs
    while proc.poll() is None:
        rss, pss = tree_memory(proc.pid)
        if out.exists():
            with open(out, "rb") as handle:
                handle.seek(offset)
                data = handle.read()
            offset += len(data)
            lines += data.count(b"\n")
        samples.append((lines, rss, pss))
        time.sleep(0.1)
    with open(out, "rb") as handle:
        handle.seek(offset)
        lines += handle.read().count(b"\n")
    running = [s for s in samples if s[1] and s[0] < lines]  # not yet winding down
    seen = {}
    for mark in marks:  # the last reading taken before the mark was passed, the pool still up
        before = [s for s in running if s[0] <= mark]
        if before:
            seen[mark] = before[-1]
    peak = max((s[1] for s in running), default=0)
    peak_pss = max((s[2] for s in running), default=0)
    summary = proc.stderr.read().strip().splitlines()
    return {
        "count": count,
        "lines": lines,
        "seconds": time.perf_counter() - start,
        "rss_at": seen,
        "peak": peak,
        "peak_pss": peak_pss,
        "summary": summary[-1] if summary else "",
    }


# --- 5. cold start ---------------------------------------------------------------------------

COLD_IMPORT = "import time; t = time.perf_counter(); import newsingest; print(time.perf_counter() - t)"
COLD_FIRST = (
    "import time, pathlib; t = time.perf_counter(); import newsingest; "
    "newsingest.ingest(pathlib.Path({path!r})); print(time.perf_counter() - t)"
)
COLD_POOL = (
    "import time; t = time.perf_counter()\n"
    "from newsingest import ingest_many\n"
    "if __name__ == '__main__':\n"
    "    next(ingest_many([{path!r}], workers=2)); print(time.perf_counter() - t)\n"
)


def cold(code: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def bench_cold(rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "pool.py"
        script.write_text(COLD_POOL.format(path=str(SEEDS[0])))
        pool = []
        for _ in range(rounds):
            result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
            pool.append(float(result.stdout.strip().splitlines()[-1]))
    cli = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsingest", "ingest", str(SEEDS[0])], capture_output=True, check=True)
        cli.append(time.perf_counter() - start)
    return {
        "import": cold(COLD_IMPORT, rounds),
        "first_text": cold(COLD_FIRST.format(path=str(SEEDS[0])), rounds),
        "first_html": cold(COLD_FIRST.format(path=str(HTML_PAGES[0])), rounds),
        "first_pool": statistics.median(pool),
        "cli": statistics.median(cli),
    }


# --- report ----------------------------------------------------------------------------------


def mib(value: int) -> str:
    return f"{value / 2**20:,.0f} MiB"


def report(env: dict, text: dict, speedups: list[dict], memory: dict, cold_start: dict) -> str:
    lines = [
        START,
        "## Batch ingestion (`benchmarks/bench_batch.py`)",
        "",
        "Run: `pip install -e '.[bench]' && python benchmarks/bench_batch.py --write docs/benchmarks.md`",
        "(five to ten minutes on two cores, with the default rounds; it rewrites this section only).",
        "",
        f"Measured {env['date']} on {env['machine']}: {env['cores']} cores, Python {env['python']}, "
        f"trafilatura {env['trafilatura']}, language detection: {text['backend']}; "
        f"load average {env['load']} when the run started (the machine was shared, so every "
        "throughput is the best of several runs).",
        "",
        "| what | result | target |",
        "| --- | --- | --- |",
        f"| plain text, one core, `Pipeline.clean` ({text['count']:,} seeds-like articles) | "
        f"{text['clean_per_s']:,.0f} articles/s | |",
        f"| plain text, one core, `ingest_many(workers=0, as_json=True)` (in process) | {text['batch_per_s']:,.0f} articles/s | |",
    ]
    for speedup in speedups:
        n = f"{speedup['count']:,} files"
        lines += [
            f"| 1 worker ({n} of plain text) | {speedup['one_per_s']:,.0f} articles/s | |",
            f"| 2 workers ({n}; pool start included) | {speedup['two_per_s']:,.0f} articles/s | |",
            f"| speed-up 1 -> 2 workers, {n} (wall; a fresh process each run, pool start included) | "
            f"{speedup['speedup']:.2f}x | at least 1.7x |",
            f"| speed-up 1 -> 2 workers, {n}, after the first result | {speedup['speedup_steady']:.2f}x | |",
            f"| CPU per article, {n}, all processes: 1 worker / 2 workers (the parent's share) | "
            f"{speedup['cpu_ms_one']:.2f} ms / {speedup['cpu_ms_two']:.2f} ms ({speedup['parent_ms_two']:.2f} ms) | |",
            f"| speed-up two idle cores allow for that CPU, {n} (2 x CPU(1) / CPU(2)) | "
            f"{speedup['ideal_speedup']:.2f}x | |",
        ]
    for done, rss, pss in memory["rss_at"].values():
        row = f"| RSS (PSS) of CLI + workers, at {done:,} inputs done | {mib(rss)} ({mib(pss)}) | flat |"
        lines.append(row)
    lines += [
        f"| peak RSS (PSS) over {memory['count']:,} inputs ({memory['seconds']:.0f} s) | "
        f"{mib(memory['peak'])} ({mib(memory['peak_pss'])}) | flat |",
        f"| `import newsingest` | {1e3 * cold_start['import']:.0f} ms | |",
        f"| import + first article, plain text | {1e3 * cold_start['first_text']:.0f} ms | |",
        f"| import + first article, HTML | {1e3 * cold_start['first_html']:.0f} ms | |",
        f"| import + first result of a 2-worker pool | {1e3 * cold_start['first_pool']:.0f} ms | |",
        f"| `newsingest ingest SEED` (whole process) | {1e3 * cold_start['cli']:.0f} ms | |",
        "",
        f"Load average (1 min) during the speed-up runs: up to {max(s['load'] for s in speedups):.1f} on "
        f"{env['cores']} cores; the 1- and 2-worker runs alternate (interleaved), so both see the same "
        "machine; the wall-clock speed-up needs two idle cores, the CPU-based one does not.",
        "",
        f"Memory run: `newsingest ingest big.jsonl -o out.jsonl --workers 2`; its summary: `{memory['summary']}`",
        "",
        "HTML pages: see [HTML pages (htmlbench)](#html-pages-htmlbench), measured on 200 real pages.",
        "",
        END,
    ]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--speedup-rounds", type=int, default=7, help="interleaved 1- and 2-worker runs per size")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--html", action="store_true", help="also time the fixture pages against trafilatura")
    parser.add_argument("--write", type=Path, metavar="FILE", help="replace this benchmark's section of FILE")
    parser.add_argument("--trial", nargs=2, metavar=("WORKERS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial:
        print(json.dumps(speedup_trial(Path(args.trial[1]), int(args.trial[0]))))
        return
    sizes = {"text": 400, "html": 10, "speedup": (3_000, 10_000), "memory": 50_000}
    speedup_rounds = args.speedup_rounds
    marks = [5_000, 25_000, 50_000]
    if args.quick:
        sizes = {"text": 40, "html": 1, "speedup": (200,), "memory": 2000}
        marks = [200, 1000, 2000]
    import trafilatura

    env = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.system()} {platform.machine()}",
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "load": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
    }
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        tmp_path = Path(tmp)
        text = bench_text(tmp_path / "text", sizes["text"], args.rounds)
        print(f"text: {text}", file=sys.stderr)
        if args.html:  # six hand-made fixture pages: a profile of the stages, not the published figure
            print(f"html: {bench_html(sizes['html'], args.rounds)}", file=sys.stderr)
        speedups = []
        for count in sizes["speedup"]:
            folder = tmp_path / f"speedup-{count}"
            speedups.append(bench_speedup(folder, count, 1 if args.quick else speedup_rounds))
            print(f"speed-up: {speedups[-1]}", file=sys.stderr)
        memory = bench_memory(tmp_path, sizes["memory"], marks)
        print(f"memory: {memory}", file=sys.stderr)
    cold_start = bench_cold(5)
    print(f"cold: {cold_start}", file=sys.stderr)
    section = report(env, text, speedups, memory, cold_start)
    print(section)
    if args.write:
        write_section(args.write, section)


if __name__ == "__main__":
    main()
