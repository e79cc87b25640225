"""``newsingest ingest --workers N [--resume]``: same records, progress, summary, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsingest.batch.inputs import BatchStats
from newsingest.batch.output import Progress, prepare_resume, repair_torn_line
from newsingest.frontends.cli import main

try:
    from batch_helpers import WarcResponse, write_warc
except ImportError:  # tests/ imported as a package
    from tests.batch_helpers import WarcResponse, write_warc

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "monday",
    "that",
    "new",
    "rules",
    "for",
    "the",
    "city",
    "budget",
    "would",
    "be",
    "debated",
    "next",
    "week",
]


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def small_corpus(root: Path, count: int) -> list[Path]:
    """``count`` short plain-text articles in a few folders (each unique)."""
    paths = []
    for index in range(count):
        path = root / f"{index // 500:02d}" / f"article-{index:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        words = [WORDS[(index * 7 + k * 3) % len(WORDS)] for k in range(30)]
        path.write_text(f"Story number {index}\n\n{' '.join(words).capitalize()}.\n\nFiled as item {index}.\n")
        paths.append(path)
    return paths


def test_workers_give_the_same_records(seeds_dir, tmp_path, capsys):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["ingest", str(seeds_dir), str(FIXTURES), "-o", str(one)]) == 0
    assert main(["ingest", str(seeds_dir), str(FIXTURES), "-o", str(two), "--workers", "2"]) == 0
    assert one.read_text() == two.read_text()
    err = capsys.readouterr().err
    inputs = [p for folder in (seeds_dir, FIXTURES) for p in folder.rglob("*") if p.suffix in (".txt", ".html", ".htm")]
    assert f"newsingest: {len(inputs)} ok, 0 failed, 0 skipped in " in err and "articles/s" in err
    assert "\r" not in err  # no progress line when stderr is not a terminal


def test_failures_with_workers_exit_1(tmp_path, seed_paths, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_bytes(seed_paths[0].read_bytes())
    code = main(["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--workers", "2"])
    captured = capsys.readouterr()
    assert code == 1
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["empty.txt", "good.txt", "missing.txt"]
    assert "1 ok, 2 failed, 0 skipped" in captured.err and "2 of 3 inputs failed" in captured.err


def test_a_file_name_that_looks_like_markup_is_still_a_path(tmp_path, seed_paths, capsys):
    """The command line names files: ``ingest_many``'s guard against text passed as a path stays out of its way."""
    odd = tmp_path / "a<b>.txt"
    odd.write_bytes(seed_paths[0].read_bytes())
    assert main(["ingest", str(odd), "--workers", "0"]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == str(odd) and record["paragraphs"]


def test_jsonl_and_warc_through_the_cli(tmp_path, seed_paths, capsys):
    records = tmp_path / "in.jsonl"
    records.write_text(
        json.dumps({"source": "s1", "text": seed_paths[1].read_text()}) + "\n{broken\n", encoding="utf-8"
    )
    html = (FIXTURES / "nbc" / "nbc_html_01_election.html").read_bytes()
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [WarcResponse("https://www.nbcnews.com/a", html), WarcResponse("https://x.com/i.png", b"\x89PNG", "image/png")],
    )
    out = tmp_path / "out.jsonl"
    code = main(["ingest", str(records), str(warc), "-o", str(out), "--workers", "2"])
    err = capsys.readouterr().err
    assert code == 1  # the broken line
    got = lines_of(out)
    assert [r.get("outlet") for r in got] == ["newsweek", None, "nbc"]
    assert got[1]["source"] == f"{records}:2" and got[1]["error"]["type"] == "InputError"
    assert got[2]["url"] == "https://www.nbcnews.com/a" and got[2]["source"].startswith(f"{warc}#urn:uuid:")
    assert "2 ok, 1 failed, 1 skipped" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--resume"], "--resume finishes an output file"),
        (["--resume", "-o", "out.json", "--format", "json"], "JSONL output only"),
        (["--workers", "-1"], "--workers must be 0 or more"),
    ],
)
def test_usage_errors(extra, message, seed_paths, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", str(seed_paths[0]), *extra]) == 2
    assert message in capsys.readouterr().err


def test_url_with_a_jsonl_input_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text("")
    assert main(["ingest", str(tmp_path / "a.jsonl"), "--url", "https://nbcnews.com/x"]) == 2
    assert "--url" in capsys.readouterr().err


def test_resume_repairs_a_torn_last_line(tmp_path, seed_paths, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["ingest", *map(str, seed_paths[:2]), "-o", str(out)]) == 0
    complete = out.read_bytes()
    third = json.dumps({"source": str(seed_paths[2]), "id": "x", "text": "half a rec"})
    out.write_bytes(complete + third[:40].encode())  # the kill came in the middle of the third record
    assert main(["ingest", *map(str, seed_paths), "-o", str(out), "--resume"]) == 0
    err = capsys.readouterr().err
    assert "cut a torn last line (40 bytes)" in err
    assert "2 ok, 0 failed" in err and "resumed: 2 already in the output" in err
    records = lines_of(out)
    assert [r["source"] for r in records] == [str(p) for p in seed_paths]
    assert out.read_bytes().startswith(complete)
    # resuming a finished output does nothing
    assert main(["ingest", *map(str, seed_paths), "-o", str(out), "--resume"]) == 0
    assert len(lines_of(out)) == 4


def test_resume_exit_code_counts_earlier_failures(tmp_path, seed_paths, capsys):
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    assert main(["ingest", str(missing), "-o", str(out)]) == 1
    assert main(["ingest", str(missing), str(seed_paths[0]), "-o", str(out), "--resume"]) == 1
    assert [r["source"] for r in lines_of(out)] == [str(missing), str(seed_paths[0])]
    assert "1 of 2 inputs failed" in capsys.readouterr().err


def test_resume_refuses_a_file_that_is_not_jsonl(tmp_path, seed_paths, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("this is not json\n")
    assert main(["ingest", str(seed_paths[0]), "-o", str(out), "--resume"]) == 2
    assert "cannot resume" in capsys.readouterr().err
    assert out.read_text() == "this is not json\n"


def test_repair_helpers(tmp_path):
    path = tmp_path / "x.jsonl"
    for content, kept in [
        (b"", b""),
        (b'{"a": 1}\n', b'{"a": 1}\n'),
        (b'{"a": 1}\n{"b"', b'{"a": 1}\n'),
        (b'{"b": 2', b""),
        (b'{"a": 1}\n' * 20000 + b'{"b": 2}', b'{"a": 1}\n' * 20000),  # past one read block
    ]:
        path.write_bytes(content)
        assert repair_torn_line(path) == len(content) - len(kept)
        assert path.read_bytes() == kept
    assert prepare_resume(tmp_path / "absent.jsonl").sources == set()


def test_progress_line():
    import io

    stream = io.StringIO()
    stats = BatchStats()
    stats.ok, stats.failed, stats.skipped = 40, 2, 3
    progress = Progress(stream, total=84)
    progress.update(stats, force=True)
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\ringest 42/84 (50%)  ok 40  failed 2  skipped 3  ")
    assert "/s" in text and text.endswith("\r\x1b[K")


def test_progress_is_drawn_on_a_terminal(tmp_path, seed_paths):
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "newsingest", "ingest", *map(str, seed_paths), "-o", str(out)],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    os.close(follower)
    seen = b""
    try:
        while chunk := os.read(leader, 65536):
            seen += chunk
    except OSError:  # the pty is closed once read to the end
        pass
    os.close(leader)
    assert proc.returncode == 0
    assert b"\ringest " in seen and b"newsingest: 4 ok, 0 failed" in seen


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_kill_the_process_group_then_resume(tmp_path):
    """3,000 files through two workers; SIGKILL everything mid-run; --resume finishes the job."""
    inputs = small_corpus(tmp_path / "in", 3000)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsingest", "ingest", str(tmp_path / "in"), "-o", str(out), "--workers", "2"]
    proc = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while not (out.exists() and out.read_bytes().count(b"\n") >= 300):
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no output after 60 s"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its fork server and its workers
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    before = out.read_bytes().count(b"\n")
    assert 300 <= before < 3000

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed:" in resumed.stderr
    records = lines_of(out)  # every line is valid JSON
    sources = [r["source"] for r in records]
    assert len(sources) == len(set(sources)) == 3000
    assert set(sources) == {str(p) for p in inputs}
    assert all("error" not in r for r in records)
