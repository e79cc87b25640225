"""``newsingest.ingest_many``: order, error records, crashes, JSONL and WARC inputs, streaming."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import newsingest
from newsingest import Article, ErrorRecord, ingest_many
from newsingest.batch import WorkerCrashedError, WorkerSetupError, process_records
from newsingest.frontends.cli import error_record

try:
    from batch_helpers import CRASH_MARKER, WarcResponse, broken_factory, crashing_pipeline, write_warc
except ImportError:  # tests/ imported as a package
    from tests.batch_helpers import CRASH_MARKER, WarcResponse, broken_factory, crashing_pipeline, write_warc

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def comparable(record: dict) -> dict:
    """A record without what differs between runs of the same input (nothing should)."""
    return json.loads(json.dumps(record))


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    return sorted((root / "seeds").glob("*.txt")) + sorted(FIXTURES.glob("*/*.txt")) + sorted(FIXTURES.glob("*/*.html"))


@pytest.fixture(scope="module")
def expected(corpus) -> list[dict]:
    pipeline = newsingest.Pipeline()
    return [pipeline.clean(path).to_dict() for path in corpus]


def test_exported_lazily():
    assert newsingest.ingest_many is ingest_many
    assert newsingest.ErrorRecord is ErrorRecord
    assert "ingest_many" in newsingest.__all__ and "ErrorRecord" in newsingest.__all__


def test_the_old_record_name_fails_at_once_saying_it_is_a_record():
    """``except newsingest.IngestError`` raised TypeError, and only when an error came by."""
    from newsingest.batch.records import RenamedError

    for module in (newsingest, newsingest.batch, newsingest.batch.records):
        with pytest.raises(AttributeError, match=r"renamed ErrorRecord.*not an exception") as caught:
            module.IngestError  # noqa: B018
        assert isinstance(caught.value, RenamedError) and isinstance(caught.value, newsingest.NewsingestError)
        assert not hasattr(module, "IngestError")
    with pytest.raises(ImportError):
        from newsingest import IngestError  # noqa: F401
    with pytest.raises(AttributeError, match="renamed ErrorRecord"):
        try:
            raise newsingest.InputError("bad input")
        except newsingest.IngestError:  # the misuse: now an AttributeError that says why, not a TypeError
            pass
    assert "IngestError" not in newsingest.__all__
    assert not issubclass(ErrorRecord, BaseException)


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_ordered_results_match_the_pipeline(corpus, expected, workers):
    run = ingest_many(corpus, workers=workers, chunksize=3)
    results = list(run)
    assert all(isinstance(r, Article) for r in results)
    assert [comparable(r.to_dict()) for r in results] == expected
    assert (run.stats.ok, run.stats.failed, run.stats.skipped) == (len(corpus), 0, 0)


def test_unordered_gives_every_result_once(corpus, expected):
    results = list(ingest_many(corpus, workers=2, ordered=False, chunksize=1, as_dicts=True))
    assert sorted(results, key=lambda r: r["source"]) == sorted(expected, key=lambda r: r["source"])


def test_folders_are_walked_like_the_cli(seeds_dir, seed_paths):
    assert [a.source for a in ingest_many([seeds_dir], workers=0)] == [str(p) for p in seed_paths]


def test_error_records_in_the_middle_of_a_batch(tmp_path, seed_paths):
    bad = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "blank.txt": b"  \n\n ",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    sources = [
        seed_paths[0],
        tmp_path / "empty.txt",
        seed_paths[1],
        tmp_path / "image.txt",
        tmp_path / "missing.txt",
        seed_paths[2],
        tmp_path / "blank.txt",
        seed_paths[3],
    ]
    for workers in (0, 2):
        results = list(ingest_many(sources, workers=workers, chunksize=2))
        assert [type(r).__name__ for r in results] == [
            "Article",
            "ErrorRecord",
            "Article",
            "ErrorRecord",
            "ErrorRecord",
            "Article",
            "ErrorRecord",
            "Article",
        ]
        errors = [r for r in results if isinstance(r, ErrorRecord)]
        assert [e.type for e in errors] == ["InputError"] * 4
        assert "PNG" in errors[1].message and "no such file" in errors[2].message
        # the same record the CLI has always written for a failed input
        for error in errors:
            path = Path(error.source)
            data = path.read_bytes() if path.exists() else None
            original = newsingest.InputError(error.message)
            assert error.to_dict() == error_record(error.source, original, data)
            assert set(error.to_dict()) == {"source", "id", "error"}


def test_a_worker_crash_costs_only_the_input_that_caused_it(tmp_path, seed_paths):
    sources = []
    for index in range(24):
        path = tmp_path / f"{index:02d}.txt"
        text = seed_paths[index % 4].read_text()
        path.write_text(text + (f"\n{CRASH_MARKER}\n" if index in (5, 17) else f"\nCopy {index}.\n"))
        sources.append(path)
    run = ingest_many(sources, workers=2, chunksize=3, pipeline_factory=crashing_pipeline)
    results = list(run)
    assert [r.source for r in results] == [str(p) for p in sources]
    crashed = [r for r in results if isinstance(r, ErrorRecord)]
    assert [Path(r.source).name for r in crashed] == ["05.txt", "17.txt"]
    assert all(r.type == WorkerCrashedError.__name__ and "died" in r.message for r in crashed)
    assert run.stats.ok == 22 and run.stats.failed == 2
    unordered = list(ingest_many(sources, workers=2, ordered=False, chunksize=4, pipeline_factory=crashing_pipeline))
    assert sorted(r.source for r in unordered) == sorted(str(p) for p in sources)
    assert sum(isinstance(r, ErrorRecord) for r in unordered) == 2


def test_a_worker_that_cannot_start_stops_the_batch(seed_paths):
    with pytest.raises(WorkerSetupError, match="no pipeline today"):
        list(ingest_many(seed_paths, workers=2, pipeline_factory=broken_factory))


def test_unknown_outlet_fails_before_any_work(seed_paths):
    with pytest.raises(newsingest.PluginError):
        ingest_many(seed_paths, workers=2, outlet="nope")


def test_streams_with_a_bounded_number_of_inputs_in_flight():
    pulled = itertools.count()

    def endless():
        for index in itertools.count():
            next(pulled)
            yield {"source": f"rec-{index}", "text": f"Record number {index} says hello to everyone here."}

    for workers in (0, 2):
        pulled = itertools.count()
        with ingest_many(endless(), workers=workers, chunksize=2, max_in_flight=3, as_dicts=True) as run:
            first = list(itertools.islice(run, 5))
        assert [r["source"] for r in first] == [f"rec-{i}" for i in range(5)]
        # five given out, at most max_in_flight chunks of chunksize ahead (plus one being chunked)
        assert next(pulled) <= 5 + 3 * 2 + 2


def test_skip_sources(seed_paths):
    run = ingest_many(seed_paths, workers=0, skip_sources={str(seed_paths[1])})
    assert [a.source for a in run] == [str(seed_paths[i]) for i in (0, 2, 3)]
    assert run.stats.already_done == 1


def test_jsonl_inputs(tmp_path, seed_paths):
    html = (FIXTURES / "nbc" / "nbc_html_01_election.html").read_text()
    lines = [
        json.dumps({"source": "seed-0", "text": seed_paths[0].read_text()}),
        "",
        "{not json",
        json.dumps({"url": "https://www.nbcnews.com/politics/x", "html": html}),
        json.dumps(["a", "list"]),
        json.dumps({"source": "both", "text": "a", "html": "b"}),
        json.dumps({"source": "neither"}),
        json.dumps({"text": seed_paths[2].read_text()}),
        json.dumps({"source": "empty", "text": "   "}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    for workers in (0, 2):
        results = list(ingest_many([path], workers=workers, as_dicts=True))
        sources = [r["source"] for r in results]
        assert sources == ["seed-0", f"{path}:3", f"{path}:4", f"{path}:5", "both", "neither", f"{path}:8", "empty"]
        by_source = dict(zip(sources, results, strict=True))
        assert by_source["seed-0"]["outlet"] == "nbc" and "error" not in by_source["seed-0"]
        assert by_source[f"{path}:4"]["outlet"] == "nbc"
        assert by_source[f"{path}:4"]["url"] == "https://www.nbcnews.com/politics/x"
        assert by_source[f"{path}:8"]["language"] == "id"
        assert "not valid JSON" in by_source[f"{path}:3"]["error"]["message"]
        assert f"{path}:3" in by_source[f"{path}:3"]["error"]["message"]
        assert "not a JSON object" in by_source[f"{path}:5"]["error"]["message"]
        assert "not both" in by_source["both"]["error"]["message"]
        assert "no 'html' or 'text'" in by_source["neither"]["error"]["message"]
        assert "whitespace" in by_source["empty"]["error"]["message"]
    [missing] = ingest_many([tmp_path / "missing.jsonl"], workers=0)
    assert missing.message.endswith("no such file")


def test_record_dates_as_scraped_datasets_write_them(seed_paths):
    """Real scraped records keep the outlet's own date line; an ISO date only was the rule before."""
    import datetime as dt

    from newsingest.batch.inputs import task_from_record
    from newsingest.batch.tasks import record_date

    assert record_date("Tayang: Senin, 9 Juni 2025 06:56 WIB") == dt.datetime(2025, 6, 9)
    assert record_date("Rabu, 21 Mei  2025 10:00 WIB") == dt.datetime(2025, 5, 21)
    assert record_date("12 Des 2024") == record_date("December 12th, 2024") == dt.datetime(2024, 12, 12)
    assert record_date("Jun 3, 2016") == dt.datetime(2016, 6, 3)
    assert record_date("2016-05-24") == dt.datetime(2016, 5, 24)
    assert record_date("31 Juni 2025") is None and record_date("10/06/2025") is None  # no such day; day/month order
    assert record_date("kemarin") is None and record_date("Juni 2025") is None
    text = seed_paths[2].read_text()
    records = [
        {"source": "tribun", "text": text, "date": "Tayang: Selasa, 10 Juni 2025 06:56 WIB"},
        {"source": "empty", "text": text, "date": ""},
        {"source": "vague", "text": text, "date": "2 jam lalu"},
    ]
    assert task_from_record(records[0], None).date == dt.datetime(2025, 6, 10)
    assert task_from_record(records[1], None).date is None
    results = list(ingest_many(records, workers=0, as_dicts=True))
    assert ["error" in r for r in results] == [False, False, True]
    assert "day, month name and year" in results[2]["error"]["message"]


def test_records_given_directly_and_process_records(seed_paths):
    records = [{"source": str(p), "text": p.read_text()} for p in seed_paths] + [{"source": "bad", "html": 3}]
    direct = list(ingest_many(records, workers=0, as_dicts=True))
    assert list(process_records(records)) == direct
    pipeline = newsingest.Pipeline()
    for path, record in zip(seed_paths, direct, strict=False):
        assert record["text"] == pipeline.clean(path).text
    assert direct[-1]["error"]["message"] == "bad: 'html' must be a string"


@pytest.fixture
def warc_responses(seed_paths) -> list[WarcResponse]:
    nbc = (FIXTURES / "nbc" / "nbc_html_01_election.html").read_bytes()
    tribun = (FIXTURES / "tribun" / "tribun_html_01_harga_cabai.html").read_bytes()
    latin = "<html><head><title>Café</title></head><body><article><p>{}</p></article></body></html>".format(
        "Le café de la gare a rouvert ses portes après des travaux. " * 8
    )
    return [
        WarcResponse("https://www.nbcnews.com/politics/story-1", nbc),
        WarcResponse("https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        WarcResponse("https://www.tribunnews.com/regional/story-2", tribun, "text/html"),
        WarcResponse("https://example.com/gone", b"<html><body>Not found</body></html>", status="404 Not Found"),
        WarcResponse("https://example.fr/cafe", latin.encode("cp1252"), "text/html; charset=ISO-8859-1"),
        WarcResponse("https://example.com/feed.xml", b"<rss></rss>", "application/rss+xml"),
        WarcResponse("https://example.com/res", nbc, "text/html", record_type="resource"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_inputs(tmp_path, warc_responses, name):
    path = write_warc(tmp_path / name, warc_responses)
    for workers in (0, 2):
        run = ingest_many([path], workers=workers)
        results = list(run)
        assert all(isinstance(r, Article) for r in results), results
        assert [r.url for r in results] == [
            "https://www.nbcnews.com/politics/story-1",
            "https://www.tribunnews.com/regional/story-2",
            "https://example.fr/cafe",
            "https://example.com/res",
        ]
        assert all(r.source.startswith(f"{path}#urn:uuid:") for r in results)
        assert len({r.source for r in results}) == 4
        assert [r.outlet for r in results][:2] == ["nbc", "tribun"]
        assert "café" in results[2].text and results[2].metadata["encoding"] == "cp1252"
        assert run.stats.skipped == 3  # the PNG, the 404, the RSS feed


def test_warc_oversized_payload_and_truncated_file(tmp_path, warc_responses):
    path = write_warc(tmp_path / "crawl.warc", warc_responses[:3], requests=False)
    data = path.read_bytes()
    results = list(ingest_many([path], workers=0, max_bytes=15_000))
    assert [type(r).__name__ for r in results] == ["ErrorRecord", "Article"]  # the NBC page is 17.5 kB
    assert "over the limit" in results[0].message
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 2000])  # the last record loses its end
    results = list(ingest_many([cut], workers=0))
    assert isinstance(results[0], Article) and isinstance(results[-1], ErrorRecord)


def test_warc_skip_sources(tmp_path, warc_responses):
    path = write_warc(tmp_path / "crawl.warc.gz", warc_responses)
    first = [r.source for r in ingest_many([path], workers=0)]
    again = ingest_many([path], workers=0, skip_sources=set(first[:2]))
    assert [r.source for r in again] == first[2:]
    assert again.stats.already_done == 2


def test_mixed_sources_keep_their_order(tmp_path, seed_paths, warc_responses):
    warc = write_warc(tmp_path / "crawl.warc.gz", warc_responses[:1])
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text(json.dumps({"source": "json-record", "text": seed_paths[2].read_text()}) + "\n")
    results = list(ingest_many([seed_paths[0], warc, jsonl, {"source": "direct", "text": "Hello world, " * 10}]))
    assert [r.source.split("#")[0] for r in results] == [str(seed_paths[0]), str(warc), "json-record", "direct"]


def test_as_json_gives_the_cli_lines(corpus, expected):
    for workers in (0, 2):
        run = ingest_many([*corpus[:6], corpus[0].parent / "missing.txt"], workers=workers, as_json=True)
        lines = list(run)
        assert all(isinstance(line, str) and "\n" not in line for line in lines)
        assert [json.loads(line) for line in lines[:6]] == expected[:6]
        assert lines[:6] == [json.dumps(record, ensure_ascii=False) for record in expected[:6]]
        assert json.loads(lines[6])["error"]["type"] == "InputError"
        assert (run.stats.ok, run.stats.failed) == (6, 1)
    with pytest.raises(ValueError, match="choose one"):
        ingest_many(corpus, as_json=True, as_dicts=True)


def test_a_str_is_a_path_in_a_batch_and_plain_text_is_refused(seed_paths):
    """``ingest`` reads a str as text and refuses a file name; ``ingest_many`` the other way round."""
    text = seed_paths[0].read_text(encoding="utf-8")
    with pytest.raises(newsingest.UsageError, match="pass it as an input record"):
        ingest_many([str(seed_paths[0]), text], workers=0)  # refused at the call, before any work
    with pytest.raises(newsingest.UsageError, match="an article's text, not a file name"):
        list(ingest_many(iter(["<p>An article given as a string.</p>"]), workers=0))  # lazily: when reached
    with pytest.raises(newsingest.ArgumentTypeError, match="not bytes"):
        ingest_many([text.encode()], workers=0)
    with pytest.raises(newsingest.UsageError, match=r"pass pathlib\.Path"):
        newsingest.ingest(str(seed_paths[0]))
    by_str, by_path, by_record = (
        list(ingest_many(sources, workers=0))
        for sources in ([str(seed_paths[0])], [seed_paths[0]], [{"source": str(seed_paths[0]), "text": text}])
    )
    assert by_str[0].to_dict() == by_path[0].to_dict() == newsingest.ingest(seed_paths[0]).to_dict()
    assert by_record[0].paragraphs == by_path[0].paragraphs
