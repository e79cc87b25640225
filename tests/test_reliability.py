"""Issue 12: nothing one input does may cost another, and nothing is silently corrupted.

Each test builds its hostile case in a temporary folder and runs it through the
batch (in process or through the ``newsingest`` command, as the case needs).
Time limits are tiny here so the suite stays fast.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsingest
from newsingest import ErrorRecord, IngestOptions, InputError, Pipeline, PluginRegistry, ingest_many
from newsingest.batch import TimeLimitError, WorkerCrashedError, process_records
from newsingest.batch.inputs import iter_tasks, read_capped
from newsingest.options import OptionsError

try:
    from batch_helpers import WarcResponse, write_warc
    from hostile_plugins import (
        BLOCKED_HANG_MARKER,
        EVIL_PLUGIN,
        EXIT_AT_IMPORT,
        EXIT_MARKER,
        HANG_MARKER,
        REGEX_MARKER,
        SET_MARKER,
        SYS_EXIT_AT_IMPORT,
        install_plugin_site,
    )
except ImportError:  # tests/ imported as a package
    from tests.batch_helpers import WarcResponse, write_warc
    from tests.hostile_plugins import (
        BLOCKED_HANG_MARKER,
        EVIL_PLUGIN,
        EXIT_AT_IMPORT,
        EXIT_MARKER,
        HANG_MARKER,
        REGEX_MARKER,
        SYS_EXIT_AT_IMPORT,
        install_plugin_site,
    )

STORY = (
    "The city council said on Monday that the new budget for the schools would be debated next week.\n\n"
    "Members of the council asked for more money for teachers and for the repair of old buildings.\n\n"
    "The mayor said the city would find the money without raising taxes this year."
)


def story(marker: str = "") -> str:
    return f"{STORY}\n\n{marker} Filed by the city desk." if marker else STORY


def run_cli(
    args: list[str], *, site: Path | None = None, timeout: float = 120, **kwargs
) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if site is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "newsingest", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        **kwargs,
    )


def records_of(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def evil_site(tmp_path):
    return install_plugin_site(tmp_path / "site", "evil_plugin", EVIL_PLUGIN, "evil")


# --- 1-3: a record that dies in the writer, a deep JSONL line, metadata JSON cannot hold -------------


def test_lone_surrogates_in_metadata_and_sources_are_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    page = (
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"\\ud800"}</script>'
        f"</head><body><article><p>{STORY}</p></article></body></html>"
    )
    (folder / "surrogate.html").write_text(page, encoding="utf-8")
    (folder / "good.txt").write_text(story(), encoding="utf-8")
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text(
        json.dumps({"source": "bad\udc80", "text": STORY}) + "\n", encoding="utf-8", errors="surrogatepass"
    )
    for workers in ("0", "1"):
        result = run_cli(["ingest", str(folder), str(jsonl), "-j", workers])
        assert result.returncode == 0, result.stderr
        records = records_of(result.stdout)
        assert len(records) == 3 and "Traceback" not in result.stderr
        assert {r["source"] for r in records} >= {"bad\ufffd"}


def test_a_deeply_nested_jsonl_line_costs_only_itself(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"source": "ok", "text": STORY}) + "\n")
    results = list(ingest_many([path], workers=0))
    assert [type(r).__name__ for r in results] == ["ErrorRecord", "Article"]
    assert "nested too deeply" in results[0].message and results[0].source == f"{path}:1"


def test_a_deeply_nested_line_in_a_resumed_output_is_a_message(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("[" * 100_000 + "\n")
    (tmp_path / "a.txt").write_text(STORY)
    result = run_cli(["ingest", str(tmp_path / "a.txt"), "-o", str(out), "--resume"])
    assert result.returncode == 2 and "nested too deeply" in result.stderr and "Traceback" not in result.stderr


class SetPlugin(newsingest.Plugin):
    name = "sets"

    def process(self, draft):
        draft.metadata["tags"] = {"a", "b"}
        draft.metadata["raw"] = b"\x00"


def test_plugin_metadata_json_cannot_hold_costs_only_the_plugin():
    pipeline = Pipeline(plugins=PluginRegistry([SetPlugin()], entry_points=False))
    article = pipeline.ingest(STORY, outlet="sets")
    assert article.outlet is None and "tags" not in article.metadata
    assert any("JSON cannot hold" in warning for warning in article.metadata["warnings"])
    json.dumps(article.to_dict())


def test_the_writer_converts_what_json_cannot_hold():
    from newsingest.batch.worker import dumps_record

    line = dumps_record({"source": "x\ud800", "metadata": {"tags": {"b", "a"}, "raw": b"\xff"}})
    assert json.loads(line) == {"source": "x\ufffd", "metadata": {"tags": ["a", "b"], "raw": "\ufffd"}}
    line.encode("utf-8")


# --- 4-5: plugins that crash or hang, with one worker (the CLI default) and two ----------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_plugin_that_exits_costs_only_its_input(tmp_path, evil_site, workers):
    for index in range(5):
        (tmp_path / "in").mkdir(exist_ok=True)
        marker = EXIT_MARKER if index == 2 else ""
        (tmp_path / "in" / f"{index}.txt").write_text(story(marker))
    out = tmp_path / "out.jsonl"
    result = run_cli(
        ["ingest", str(tmp_path / "in"), "--outlet", "evil", "-j", workers, "-o", str(out)], site=evil_site
    )
    assert result.returncode == 1, result.stderr
    records = records_of(out.read_text())
    assert [Path(r["source"]).name for r in records] == [f"{i}.txt" for i in range(5)]
    crashed = [r for r in records if "error" in r]
    assert len(crashed) == 1 and crashed[0]["source"].endswith("2.txt")
    assert crashed[0]["error"]["type"] == "WorkerCrashedError" and "exit code 3" in crashed[0]["error"]["message"]
    assert crashed[0]["id"] is not None
    again = run_cli(
        ["ingest", str(tmp_path / "in"), "--outlet", "evil", "-j", workers, "-o", str(out), "--resume"], site=evil_site
    )
    assert again.returncode == 1 and len(out.read_text().splitlines()) == 5


@pytest.mark.parametrize("marker", [HANG_MARKER, REGEX_MARKER, BLOCKED_HANG_MARKER])
def test_a_plugin_that_hangs_costs_one_record_after_the_time_limit(tmp_path, evil_site, marker):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(4):
        (folder / f"{index}.txt").write_text(story(marker if index == 1 else ""))
    out = tmp_path / "out.jsonl"
    args = ["ingest", str(folder), "--outlet", "evil", "--time-limit", "3", "-o", str(out)]
    started = time.monotonic()
    result = run_cli(args, site=evil_site, timeout=60)
    assert time.monotonic() - started < 30
    assert result.returncode == 1, result.stderr
    records = records_of(out.read_text())
    assert len(records) == 4
    [late] = [r for r in records if "error" in r]
    assert late["source"].endswith("1.txt") and late["error"]["type"] == "TimeLimitError"
    assert "time limit of 3 s" in late["error"]["message"]
    resumed = run_cli([*args, "--resume"], site=evil_site, timeout=30)
    assert resumed.returncode == 1 and len(out.read_text().splitlines()) == 4


def test_time_limit_in_process_and_none_disables_it():
    class Slow(newsingest.Plugin):
        name = "slow"

        def process(self, draft):
            time.sleep(0.3)

    options = IngestOptions(outlet="slow", time_limit=0.1)
    pipeline = Pipeline(plugins=PluginRegistry([Slow()], entry_points=False))
    from newsingest.batch.worker import WorkerConfig, WorkerState

    state = WorkerState.__new__(WorkerState)
    state.config, state.options, state.pipeline, state._takes_date = WorkerConfig(options), options, pipeline, False
    [record] = state.run_chunk([newsingest.batch.Task("slow.txt", "text", STORY)])
    assert record["error"]["type"] == "TimeLimitError"
    state.options = options.evolve(time_limit=None)
    [record] = state.run_chunk([newsingest.batch.Task("slow.txt", "text", STORY)])
    assert "error" not in record


@pytest.mark.parametrize("source", [EXIT_AT_IMPORT, SYS_EXIT_AT_IMPORT])
def test_a_plugin_that_exits_at_import(tmp_path, source):
    site = install_plugin_site(tmp_path / "site", "exit_plugin", source, "exiting")
    (tmp_path / "a.txt").write_text(STORY)
    result = run_cli(["ingest", str(tmp_path / "a.txt")], site=site)
    assert "Traceback" not in result.stderr
    if source is SYS_EXIT_AT_IMPORT:  # the plugin is left out with a warning; the input is cleaned
        assert result.returncode == 0 and "failed to load" in result.stderr
        assert records_of(result.stdout)[0]["text"].startswith("The city council")
    else:  # the process cannot survive it: one clear message
        assert result.returncode == 2 and "die while starting" in result.stderr and "exit code 7" in result.stderr
        assert result.stdout == ""


# --- 6: legacy encodings, undeclared ------------------------------------------------------------------

SAMPLES = {
    "el": "Ο πρωθυπουργός δήλωσε την Τρίτη ότι η κυβέρνηση θα παρουσιάσει νέα μέτρα για τη στήριξη των νοικοκυριών "
    "μέσα στις επόμενες εβδομάδες. Σύμφωνα με το υπουργείο Οικονομικών, το πρόγραμμα θα χρηματοδοτηθεί από το "
    "πλεόνασμα του προϋπολογισμού και θα αφορά κυρίως οικογένειες με χαμηλά εισοδήματα. Η αντιπολίτευση "
    "επέκρινε την ανακοίνωση, λέγοντας ότι τα μέτρα έρχονται πολύ αργά.",
    "ru": "Мэр города заявил во вторник, что ремонт главного моста завершится до конца октября. По словам "
    "представителей администрации, работы задержались из-за нехватки материалов и сильных дождей в начале лета. "
    "Жители района жалуются на пробки, которые образуются каждое утро на объездной дороге, и просят открыть хотя "
    "бы одну полосу движения.",
    "ko": "정부는 화요일 내년 예산안을 발표하며 복지와 교육 분야 지출을 크게 늘리겠다고 밝혔다. 기획재정부에 따르면 이번 "
    "예산은 저소득층 지원과 청년 일자리 창출에 중점을 두고 있다. 야당은 재정 건전성이 악화될 수 있다며 우려를 "
    "표명했고, 국회는 다음 달부터 본격적인 심사에 들어갈 예정이다.",
    "ja": "政府は火曜日、来年度の予算案を発表し、子育て支援と教育への支出を大幅に増やす方針を示した。財務省によると、"
    "今回の予算は低所得世帯への支援と若者の雇用創出に重点を置いている。野党は財政の悪化を懸念しており、国会では"
    "来月から本格的な審議が始まる予定だ。",
    "pl": "Burmistrz miasta powiedział we wtorek, że remont głównego mostu zakończy się przed końcem października. "
    "Według przedstawicieli urzędu prace opóźniły się z powodu braku materiałów i ulewnych deszczów na początku "
    "lata. Mieszkańcy dzielnicy skarżą się na korki, które tworzą się każdego ranka na objeździe, i proszą o "
    "otwarcie choćby jednego pasa ruchu.",
    "cs": "Starosta města v úterý řekl, že oprava hlavního mostu skončí do konce října. Podle zástupců radnice se "
    "práce zpozdily kvůli nedostatku materiálu a silným dešťům na začátku léta. Obyvatelé čtvrti si stěžují na "
    "dopravní zácpy, které se každé ráno tvoří na objížďce, a žádají, aby byl otevřen alespoň jeden jízdní pruh.",
    "tr": "Belediye başkanı salı günü yaptığı açıklamada, ana köprünün onarımının ekim ayının sonuna kadar "
    "tamamlanacağını söyledi. Belediye yetkililerine göre çalışmalar, malzeme eksikliği ve yaz başındaki şiddetli "
    "yağmurlar nedeniyle gecikti. Mahalle sakinleri her sabah alternatif yolda oluşan trafik sıkışıklığından "
    "şikâyet ediyor ve en az bir şeridin açılmasını istiyor.",
    "fr": "Le maire de la ville a déclaré mardi que la réparation du pont principal serait achevée avant la fin "
    "d'octobre. Selon les représentants de la mairie, les travaux ont pris du retard à cause du manque de "
    "matériaux et des fortes pluies du début de l'été. Les habitants du quartier se plaignent des embouteillages "
    "qui se forment chaque matin sur la déviation.",
}
LEGACY = [
    ("el", "iso8859_7"),
    ("el", "cp1253"),
    ("ru", "koi8_r"),
    ("ru", "cp1251"),
    ("ru", "iso8859_5"),
    ("ko", "euc_kr"),
    ("ja", "shift_jis"),
    ("ja", "euc_jp"),
    ("pl", "cp1250"),
    ("pl", "iso8859_2"),
    ("cs", "cp1250"),
    ("cs", "iso8859_2"),
    ("tr", "cp1254"),
    ("tr", "iso8859_9"),
    ("fr", "cp1252"),
]


@pytest.mark.parametrize(("language", "encoding"), LEGACY)
def test_undeclared_legacy_encodings_decode_right_or_are_refused(language, encoding):
    text = SAMPLES[language]
    data = (text + "\n\n" + text).encode(encoding)
    try:
        article = newsingest.ingest(data)
    except InputError as err:
        assert "encoding" in str(err)
        return
    assert text in article.text, (encoding, article.metadata.get("encoding"), article.text[:80])


@pytest.mark.parametrize(
    ("language", "encoding", "declared"), [("ru", "cp1251", "iso-8859-1"), ("pl", "cp1250", "utf-16")]
)
def test_a_plainly_wrong_declared_charset_does_not_win(language, encoding, declared):
    page = (
        f'<html><head><meta charset="{declared}"><title>x</title></head><body><p>{SAMPLES[language]}</p></body></html>'
    )
    article = newsingest.ingest(page.encode(encoding))
    assert SAMPLES[language] in article.text


def test_utf8_with_a_stray_byte_reads_with_a_replacement():
    data = ("<html><body><article><p>" + SAMPLES["fr"] + "</p></article></body></html>").encode() + b"\xe9"
    article = newsingest.ingest(data)
    assert SAMPLES["fr"] in article.text and "replaced" in article.metadata["encoding"]


def test_xhtml_with_an_encoding_declaration():
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>Bridge</title></head><body><article><p>{SAMPLES['fr']}</p></article></body></html>"
    )
    assert SAMPLES["fr"] in newsingest.ingest(page).text
    assert SAMPLES["fr"] in newsingest.ingest(page.encode()).text


# --- 8-10: WARC records, non-articles, resume ---------------------------------------------------------


def test_a_warc_cut_anywhere_gives_error_records_not_silence(tmp_path):
    page = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
    whole = write_warc(tmp_path / "whole.warc", [WarcResponse(f"https://example.com/{i}", page) for i in range(3)])
    data = whole.read_bytes()
    complete = len(list(ingest_many([whole], workers=0)))
    assert complete == 3
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i)]
    for start in starts[2:]:  # cut inside each record's headers
        cut = tmp_path / f"cut{start}.warc"
        cut.write_bytes(data[: start + 40])
        results = list(ingest_many([cut], workers=0))
        sources = [r.source for r in results]
        assert len(sources) == len(set(sources))
        articles = [r for r in results if isinstance(r, newsingest.Article)]
        errors = [r for r in results if isinstance(r, ErrorRecord)]
        assert errors, f"cut at {start}: no error record"
        assert len(articles) + len(errors) >= sum(1 for s in starts if s < start) // 2


def test_warc_records_without_an_id(tmp_path):
    page = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
    path = write_warc(tmp_path / "a.warc", [WarcResponse(f"https://example.com/{i}", page) for i in range(2)])
    data = path.read_bytes()
    stripped = b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"WARC-Record-ID"))
    path.write_bytes(stripped)
    results = list(ingest_many([path], workers=0))
    assert [type(r).__name__ for r in results] == ["Article", "Article"]
    assert all("#offset=" in r.source for r in results)


@pytest.mark.parametrize(
    ("page", "needle"),
    [
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><text x="1">The mayor said the bridge will reopen.</text></svg>',
            "SVG",
        ),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>A</title></item></channel></rss>',
            "RSS",
        ),
        ('<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>', "Atom"),
        ("<!-- generated page --><!-- nothing else -->", "only HTML comments"),
        ("BACA JUGA: Harga Emas Hari Ini", "nothing left|no article text"),
        ("!!! ... ??? ---", "no article text"),
    ],
)
def test_non_articles_are_input_errors(page, needle):
    with pytest.raises(InputError, match=needle):
        newsingest.ingest(page)


def test_folders_of_gzipped_pages_and_empty_folders(tmp_path):
    folder = tmp_path / "gz"
    folder.mkdir()
    (folder / "a.html.gz").write_bytes(
        gzip.compress(f"<html><body><article><p>{STORY}</p></article></body></html>".encode())
    )
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 3_000_000))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF-")
    results = list(ingest_many([folder, empty], workers=0, max_bytes=1_000_000))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "ErrorRecord"]
    assert "inflates to over the limit" in results[1].message
    assert "no article files" in results[2].message and results[2].source == str(empty)


def test_resume_does_not_append_records_again(tmp_path):
    good = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
    warc = write_warc(tmp_path / "c.warc", [WarcResponse("https://example.com/a", good)])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(warc.read_bytes()[:-300])
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text(json.dumps({"source": None, "text": STORY}) + "\n" + json.dumps({"text": ""}) + "\n")
    out = tmp_path / "out.jsonl"
    counts = []
    for _ in range(3):
        run_cli(["ingest", str(cut), str(jsonl), "-o", str(out), "--resume"])
        counts.append(len(out.read_text().splitlines()))
    assert counts[0] == counts[1] == counts[2] >= 3
    assert all(r["source"] for r in records_of(out.read_text()))


# --- 11: bounded readers --------------------------------------------------------------------------------


def test_a_huge_jsonl_gz_line_is_skipped_unread(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        handle.write('{"text": "' + "x" * 5_000_000 + '"}\n')
        handle.write(json.dumps({"source": "small", "text": STORY}) + "\n")
    results = list(ingest_many([path], workers=0, max_bytes=10_000))
    assert [type(r).__name__ for r in results] == ["ErrorRecord", "Article"]
    assert "over the limit" in results[0].message


def test_stdin_and_special_files_are_read_within_the_limit(tmp_path):
    assert len(read_capped(open("/dev/zero", "rb"), 1000)) == 1001  # noqa: SIM115
    result = run_cli(["ingest", "-", "--max-bytes", "1000"], input="x" * 5000)
    assert result.returncode == 1 and "over the limit of 1,000 bytes" in result.stdout
    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    (tmp_path / "in" / "ok.txt").write_text(STORY)
    results = list(ingest_many([fifo.parent, Path("/dev/zero")], workers=0))
    assert [type(r).__name__ for r in results] == ["Article", "ErrorRecord", "ErrorRecord"]
    assert all("not a regular file" in r.message for r in results[1:])
    if Path("/proc/self/status").exists():  # st_size 0: read up to the limit, not trusted
        tasks = list(iter_tasks([Path("/proc/self/status")], max_bytes=100))
        [record] = process_records([{"source": "x", "text": "y"}])  # the pipeline is built
        assert tasks and record


# --- 12: processes --------------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


pytestmark_linux = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@pytestmark_linux
def test_workers_stop_when_the_run_ends_or_is_dropped(tmp_path):
    paths = []
    for index in range(6):
        paths.append(tmp_path / f"{index}.txt")
        paths[-1].write_text(story(f"Item {index}."))
    run = ingest_many(paths, workers=2, chunksize=1)
    next(run)
    pids = [w.process.pid for w in run._pool_holder.pool.workers]
    assert pids and all(_alive(pid) for pid in pids)
    del run  # dropped without close()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in pids)
    finished = ingest_many(paths, workers=2)
    results = list(finished)
    assert len(results) == 6 and finished._pool_holder.pool is None


@pytestmark_linux
def test_kill_9_of_the_cli_takes_its_workers_along(tmp_path, evil_site):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(4):
        (folder / f"{index}.txt").write_text(story(HANG_MARKER))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(evil_site), os.environ.get("PYTHONPATH")])))
    cli = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsingest",
            "ingest",
            str(folder),
            "--outlet",
            "evil",
            "-j",
            "2",
            "-o",
            str(tmp_path / "o"),
        ],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while len(_children(cli.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = _children(cli.pid)
    assert len(workers) >= 2
    time.sleep(0.5)
    cli.send_signal(signal.SIGKILL)
    cli.wait()
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_the_readme_example_works_without_a_main_guard(tmp_path, seeds_dir):
    script = tmp_path / "batch.py"
    script.write_text(
        "import newsingest\n"
        f"for result in newsingest.ingest_many([{str(seeds_dir)!r}], workers=2):\n"
        "    print(type(result).__name__, result.source)\n"
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Article") == 4 and result.stderr == ""


def test_a_factory_in_the_main_script_fails_once_with_a_clear_message(tmp_path, seeds_dir):
    script = tmp_path / "batch.py"
    script.write_text(
        "import newsingest\n"
        "def factory():\n    return newsingest.Pipeline()\n"
        f"list(newsingest.ingest_many([{str(seeds_dir)!r}], workers=2, pipeline_factory=factory))\n"
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.count("defined in the main script") == 1


# --- 13: output errors, Ctrl-C --------------------------------------------------------------------------


@pytest.mark.parametrize("output", ["missing/folder/out.jsonl", "/dev/full"])
def test_output_errors_are_messages_with_their_own_exit_code(tmp_path, output):
    (tmp_path / "a.txt").write_text(STORY)
    target = output if output.startswith("/") else str(tmp_path / output)
    if output.startswith("/") and not Path(output).exists():
        pytest.skip("no /dev/full here")
    result = run_cli(["ingest", str(tmp_path / "a.txt"), "-o", target])
    assert result.returncode == 3, result.stderr
    assert "cannot write to" in result.stderr and "Traceback" not in result.stderr


def _interruptible() -> None:
    """In the child, before it runs: Ctrl-C interrupts, whatever the test run's own disposition."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytestmark_linux
def test_ctrl_c_prints_the_summary_and_the_resume_command(tmp_path, evil_site):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0.txt").write_text(story())
    (folder / "1.txt").write_text(story(HANG_MARKER))
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(evil_site), os.environ.get("PYTHONPATH")])))
    cli = subprocess.Popen(
        [sys.executable, "-m", "newsingest", "ingest", str(folder), "--outlet", "evil", "-o", str(out)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a test run started in the background (``… &``) ignores SIGINT, and a
        # program started so keeps ignoring it, which is right for it and no test of Ctrl-C
        preexec_fn=_interruptible,
    )
    deadline = time.monotonic() + 30
    while not (out.exists() and out.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    cli.send_signal(signal.SIGINT)
    _, stderr = cli.communicate(timeout=30)
    assert cli.returncode == 130 and "Traceback" not in stderr
    assert "1 ok, 0 failed" in stderr and "--resume" in stderr and str(out) in stderr


# --- 14: terminal escapes, symlinks, model archives -----------------------------------------------------


def test_terminal_escapes_are_shown_not_acted_on(tmp_path):
    name = tmp_path / "evil\x1b[2Jname.txt"
    name.write_text(STORY + "\n\nRed \x1b]0;title\x07 and \x9b31m here.")
    result = run_cli(["ingest", str(name), "--format", "text"])
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout
    assert "evil\\x1b[2Jname.txt" in result.stdout


@pytestmark_linux
def test_symlinks_leaving_the_input_folder_are_not_followed(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("TOP SECRET " + STORY)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "real.txt").write_text(STORY)
    (folder / "inside.txt").symlink_to(folder / "real.txt")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    results = {Path(r.source).name: r for r in ingest_many([folder], workers=0)}
    assert isinstance(results["real.txt"], newsingest.Article) and isinstance(results["inside.txt"], newsingest.Article)
    assert "outside the input folder" in results["leak.txt"].message
    assert "broken symbolic link" in results["broken.txt"].message
    assert all("TOP SECRET" not in json.dumps(r.to_dict()) for r in results.values())


# --- the options object, dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        {"max_bytes": 0},
        {"max_bytes": "10"},
        {"time_limit": -1},
        {"translation_device": "tpu"},
        {"outlet": ""},
        {"pipeline_factory": 3},
    ],
)
def test_options_are_validated(bad):
    with pytest.raises(OptionsError):
        IngestOptions(**bad)
    assert issubclass(OptionsError, ValueError) and issubclass(OptionsError, newsingest.NewsingestError)


def test_every_front_end_takes_the_options():
    options = IngestOptions(outlet="none", max_bytes=50_000, time_limit=None)
    assert Pipeline.from_options(options).max_bytes == 50_000
    records = [{"source": "a", "text": STORY}]
    assert next(process_records(records, options=options))["outlet"] is None
    [article] = ingest_many(records, options=options, workers=0)
    assert article.outlet is None
    with pytest.raises(InputError):
        Pipeline.from_options(options.evolve(max_bytes=10)).ingest(STORY)
    with pytest.raises(newsingest.batch.BatchOptionsError):
        ingest_many([], workers=-1)
    assert issubclass(newsingest.batch.BatchOptionsError, ValueError)
    assert TimeLimitError.__mro__[1] is newsingest.NewsingestError and WorkerCrashedError


def test_input_dates_are_carried_on_the_task(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"source": "a", "text": STORY, "date": "2019-03-04"})
        + "\n"
        + json.dumps({"source": "b", "text": STORY, "date": "last tuesday"})
        + "\n"
    )
    first, second = iter_tasks([path], max_bytes=10_000)
    assert first.date.isoformat() == "2019-03-04T00:00:00" and second.kind == "error"
    page = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
    warc = write_warc(tmp_path / "w.warc", [WarcResponse("https://example.com/a", page)])
    [task] = iter_tasks([warc], max_bytes=100_000)
    assert task.date is not None and task.date.year >= 2024


# --- everything at once ---------------------------------------------------------------------------------


@pytest.fixture
def hostile_inputs(tmp_path, seed_paths):
    """A folder with every hostile case of issue 12 (and the nine of test_hostile), plus a JSONL and a WARC file."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    write = lambda name, data: (folder / name).write_bytes(data)  # noqa: E731
    french = SAMPLES["fr"]
    # the nine of test_hostile.py
    write("good.txt", seed_paths[2].read_bytes())
    write("empty.txt", b"")
    write("blank.txt", b" \n\t\r\n  ")
    write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    write("cp1252.txt", (french + "\n\n" + french).encode("cp1252"))
    write("utf16.txt", (french + "\n\n" + french).encode("utf-16"))
    write(
        "cp1251.html",
        f'<html><head><meta charset="windows-1251"></head><body><p>{SAMPLES["ru"]}</p></body></html>'.encode("cp1251"),
    )
    write("nested.html", ("<html><body>" + "<div>" * 100_000 + f"<p>{french}</p>" + "</div>" * 100_000).encode())
    write("huge.txt", (french.encode() + b"\n") * 40_000)
    # issue 12
    write(
        "surrogate.html",
        f'<html><head><script type="application/ld+json">{{"headline":"\\ud800"}}</script></head><body><article><p>{STORY}</p></article></body></html>'.encode(),
    )
    write("exit.txt", story(EXIT_MARKER).encode())
    write("hang.txt", story(HANG_MARKER).encode())
    write("regex.txt", story(REGEX_MARKER).encode())
    write("sets.txt", story(SET_MARKER).encode())
    for language, encoding in (
        ("el", "iso8859_7"),
        ("ru", "koi8_r"),
        ("ko", "euc_kr"),
        ("ja", "shift_jis"),
        ("pl", "iso8859_2"),
    ):
        write(f"legacy-{encoding}.txt", (SAMPLES[language] + "\n\n" + SAMPLES[language]).encode(encoding))
    write("stray.html", f"<html><body><article><p>{french}</p></article></body></html>".encode() + b"\xe9")
    write(
        "xhtml.html",
        f'<?xml version="1.0" encoding="utf-8"?><html><body><article><p>{french}</p></article></body></html>'.encode(),
    )
    write("image.html", b'<svg xmlns="http://www.w3.org/2000/svg"><text>The mayor said so.</text></svg>')
    write("feed.html", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    write("comments.html", b"<!-- nothing here -->")
    write("baca.txt", b"BACA JUGA: Harga Emas Hari Ini")
    write("page.html.gz", gzip.compress(f"<html><body><article><p>{STORY}</p></article></body></html>".encode()))
    write("escape\x1b[2J.txt", (STORY + "\n\nRed \x1b[31m text.").encode())
    os.mkfifo(folder / "fifo.txt")
    (tmp_path / "secret.txt").write_text("SECRET " + STORY)
    (folder / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "missing.txt")
    jsonl = tmp_path / "records.jsonl"
    lines = [
        json.dumps({"source": "bad\udc80", "text": STORY}),
        "[" * 100_000,
        json.dumps({"source": None, "text": STORY, "date": "2020-01-02"}),
        json.dumps({"source": "dated", "text": STORY, "date": "not a date"}),
    ]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    page = f"<html><body><article><p>{STORY}</p></article></body></html>".encode()
    warc = write_warc(tmp_path / "crawl.warc", [WarcResponse(f"https://example.com/{i}", page) for i in range(3)])
    warc.write_bytes(warc.read_bytes()[:-200])
    files = len([p for p in folder.iterdir()])
    return folder, jsonl, warc, files + len(lines) + 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_hostile_folder_gives_one_record_per_input(tmp_path, hostile_inputs, evil_site, workers):
    folder, jsonl, warc, expected = hostile_inputs
    out = tmp_path / f"out{workers}.jsonl"
    args = [
        "ingest",
        str(folder),
        str(jsonl),
        str(warc),
        "--outlet",
        "evil",
        "--time-limit",
        "3",
        "-j",
        workers,
        "-o",
        str(out),
    ]
    result = run_cli(args, site=evil_site, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    records = records_of(out.read_text(encoding="utf-8"))
    sources = [r["source"] for r in records]
    assert len(records) == expected and len(set(sources)) == expected and all(sources)
    by_name = {Path(s).name: r for s, r in zip(sources, records, strict=True)}
    errors = {name: r["error"]["type"] for name, r in by_name.items() if "error" in r}
    assert errors["exit.txt"] == "WorkerCrashedError" and errors["hang.txt"] == "TimeLimitError"
    assert errors["regex.txt"] == "TimeLimitError"
    for name in ("empty.txt", "image.txt", "huge.txt", "image.html", "feed.html", "comments.html", "baca.txt"):
        assert errors[name] == "InputError", name
    for name in ("fifo.txt", "leak.txt", "broken.txt"):
        assert errors[name] == "InputError", name
    for language, encoding in (
        ("el", "iso8859_7"),
        ("ru", "koi8_r"),
        ("ko", "euc_kr"),
        ("ja", "shift_jis"),
        ("pl", "iso8859_2"),
    ):
        assert SAMPLES[language] in by_name[f"legacy-{encoding}.txt"]["text"]
    assert "warnings" in by_name["sets.txt"]["metadata"] and by_name["sets.txt"]["outlet"] is None
    assert "SECRET" not in out.read_text(encoding="utf-8")
    again = run_cli([*args, "--resume"], site=evil_site, timeout=60)
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == expected


# --- models install: limits, and nothing unrelated replaced -----------------------------------------------


def _package_zip(
    path: Path, top: str = "translate-id_en-1_0", *, metadata: bytes | None = None, extra: int = 0
) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            f"{top}/metadata.json", metadata or b'{"from_code": "id", "to_code": "en", "package_version": "1.0"}'
        )
        archive.writestr(f"{top}/model/model.bin", b"model")
        archive.writestr(f"{top}/sentencepiece.model", b"sp")
        if extra:
            archive.writestr(f"{top}/model/padding.bin", b"\0" * extra)
    return path


def test_models_install_refuses_bombs_and_keeps_unrelated_folders(tmp_path, monkeypatch):
    from newsingest.errors import TranslationError
    from newsingest.translate import packages

    dest = tmp_path / "packages"
    dest.mkdir()
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 1_000_000)
    with pytest.raises(TranslationError, match="over the limit"):
        packages.install_from_file(_package_zip(tmp_path / "bomb.argosmodel", extra=2_000_000), dest)
    big_metadata = b'{"from_code": "id", "to_code": "en", "x": "' + b"a" * 2_000_000 + b'"}'
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 10_000_000)
    with pytest.raises(TranslationError, match=r"metadata\.json"):
        packages.install_from_file(_package_zip(tmp_path / "meta.argosmodel", metadata=big_metadata), dest)
    unrelated = dest / "translate-id_en-1_0"
    unrelated.mkdir()
    (unrelated / "my-notes.txt").write_text("keep me")
    with pytest.raises(TranslationError, match="not replacing it"):
        packages.install_from_file(_package_zip(tmp_path / "ok.argosmodel"), dest)
    assert (unrelated / "my-notes.txt").read_text() == "keep me"
    (unrelated / "my-notes.txt").unlink()
    unrelated.rmdir()
    first = packages.install_from_file(_package_zip(tmp_path / "ok.argosmodel"), dest)
    again = packages.install_from_file(_package_zip(tmp_path / "ok2.argosmodel"), dest)  # same pair: replaced
    assert first.path == again.path and [p.name for p in dest.iterdir()] == ["translate-id_en-1_0"]


def test_log_records_are_escaped_too():
    import logging

    from newsingest.frontends.terminal import EscapingFormatter, printable

    assert printable("a\x1b[2Jb\tc\nd\x9b") == "a\\x1b[2Jb\tc\nd\\x9b"
    record = logging.LogRecord("newsingest", logging.WARNING, __file__, 1, "bad %s", ("na\x1bme",), None)
    assert EscapingFormatter("%(message)s").format(record) == "bad na\\x1bme"


def test_workers_run_the_parents_newsingest_not_one_in_the_current_folder(tmp_path, seeds_dir):
    decoy = tmp_path / "cwd" / "newsingest"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("raise ImportError('the wrong newsingest')\n")
    script = tmp_path / "job" / "batch.py"
    script.parent.mkdir()
    script.write_text(f"import newsingest\nprint(len(list(newsingest.ingest_many([{str(seeds_dir)!r}], workers=1))))\n")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=decoy.parent
    )
    assert result.returncode == 0 and result.stdout.strip() == "4", result.stderr
