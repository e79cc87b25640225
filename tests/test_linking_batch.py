"""Story linking at scale: ``ingest_many(link=True)``, ``newsingest ingest --link``, and the Dask recipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("numpy")  # the link extra

from newsingest import Article, ingest_many, link_stories
from newsingest.batch.worker import FINGERPRINT_KEY
from newsingest.frontends.cli import main
from newsingest.linking import StoryLinker, fingerprints
from newsingest.linking import linker as linker_module

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRIBUN = FIXTURES / "tribun"
ORIGINAL_URL = "https://jogja.tribunnews.com/2025/05/12/malioboro-dipadati-wisatawan-saat-libur-waisak-pemkot-yogya-siagakan-300-petugas"


def input_records() -> list[dict]:
    """Tribun fixtures, an exact copy of one, a copy with its footer's original in the batch, a broken input."""
    copy = (TRIBUN / "tribun_02_malioboro_libur.txt").read_text(encoding="utf-8")
    original = (
        copy.split("Artikel ini telah tayang")[0].replace("(*)", "") + "\n\nIa menambahkan pengawasan diperketat."
    )
    records = [{"source": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(TRIBUN.glob("*.txt"))]
    records.insert(0, {"source": "original", "url": ORIGINAL_URL, "text": original})
    records.append({"source": "again", "text": records[1]["text"]})
    records.append({"source": "broken", "html": None})
    return records


def write_inputs(tmp_path: Path) -> Path:
    path = tmp_path / "inputs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in input_records()), encoding="utf-8")
    return path


def test_ingest_many_link_is_the_same_with_any_number_of_workers(tmp_path):
    path = write_inputs(tmp_path)
    runs = [list(ingest_many([path], workers=w, link=True, as_dicts=True, chunksize=2)) for w in (0, 2)]
    assert runs[0] == runs[1]
    records = runs[0]
    assert records[-1]["error"]["type"] == "InputError"  # passed through
    original, copy = records[0], records[2]
    assert copy["link"]["kind"] == "syndicated" and copy["link"]["target"] == original["id"]
    assert copy["story"] == original["story"] == original["id"]
    again = records[-2]
    assert again["link"]["kind"] == "exact" and again["story"] == records[1]["story"]
    # the same as linking the unlinked records afterwards
    plain = list(ingest_many([path], workers=0, as_dicts=True))
    assert list(link_stories(plain)) == records


def test_with_workers_the_fingerprints_are_computed_in_the_workers(tmp_path, monkeypatch):
    path = write_inputs(tmp_path)
    expected = list(ingest_many([path], workers=0, link=True, as_dicts=True, chunksize=3))

    made_here = linker_module._fingerprints_of

    def not_here(articles):
        assert not articles, "fingerprint computed in the parent"
        return made_here(articles)

    monkeypatch.setattr(linker_module, "_fingerprints_of", not_here)  # workers are fresh interpreters: not patched
    for as_dicts in (True, False):
        results = list(ingest_many([path], workers=2, link=True, as_dicts=as_dicts, chunksize=3))
        records = [r if as_dicts else r.to_dict() for r in results]
        assert records == expected
        assert all(FINGERPRINT_KEY not in r for r in records)


@pytest.mark.parametrize("chunksize", [1, 32])
def test_a_record_whose_fingerprint_fails_becomes_its_error_record(tmp_path, monkeypatch, chunksize):
    """The chunk's fingerprints fail together; then each is made alone, and only the one at fault is an error."""
    from newsingest.linking import linker

    real = linker._fields

    def fails_on_one(record):
        if record["text"].endswith("pengawasan diperketat."):  # the original only
            raise ValueError("unreadable")
        return real(record)

    monkeypatch.setattr(linker, "_fields", fails_on_one)  # workers=0: this process's module
    records = list(ingest_many([write_inputs(tmp_path)], workers=0, link=True, as_dicts=True, chunksize=chunksize))
    assert records[0]["error"]["type"] == "ValueError" and records[0]["source"] == "original"
    assert all("story" in r for r in records[1:-1]) and len(records) == len(input_records())


def test_with_link_a_worker_crash_costs_only_the_input_that_caused_it(tmp_path, seed_paths):
    """With fingerprints, a worker sends a chunk's records together (as when translating): a crash loses no other."""
    try:
        from batch_helpers import CRASH_MARKER, crashing_pipeline
    except ImportError:  # tests/ imported as a package
        from tests.batch_helpers import CRASH_MARKER, crashing_pipeline

    sources = []
    for index in range(12):
        path = tmp_path / f"{index:02d}.txt"
        text = seed_paths[index % 4].read_text()
        path.write_text(text + (f"\n{CRASH_MARKER}\n" if index == 5 else f"\nCopy {index}.\n"))
        sources.append(path)
    results = list(ingest_many(sources, workers=2, chunksize=3, pipeline_factory=crashing_pipeline, link=True))
    assert [r.source for r in results] == [str(p) for p in sources]
    assert [Path(r.source).name for r in results if not isinstance(r, Article)] == ["05.txt"]
    linked = [r for r in results if isinstance(r, Article)]
    assert len(linked) == 11 and all(r.story for r in linked)
    assert linked == [r for r in link_stories(results) if isinstance(r, Article)]


def test_a_chunks_fingerprints_are_made_together(tmp_path, monkeypatch):
    from newsingest.linking import linker

    calls = []
    real = linker._fingerprints_of
    monkeypatch.setattr(linker, "_fingerprints_of", lambda articles: calls.append(len(articles)) or real(articles))
    records = list(ingest_many([write_inputs(tmp_path)], workers=0, link=True, as_dicts=True, chunksize=32))
    assert [c for c in calls if c] == [sum("error" not in r for r in records)]  # the one chunk, none in the linker


def test_in_this_process_a_linker_chunk_is_cleaned_then_fingerprinted(tmp_path, monkeypatch):
    """workers=0: batch chunks are cleaned until the linker's chunk is full, then fingerprinted together."""
    from newsingest.linking import linker

    calls = []
    real = linker._fingerprints_of
    monkeypatch.setattr(linker, "_fingerprints_of", lambda articles: calls.append(len(articles)) or real(articles))
    monkeypatch.setattr(linker, "CHUNK", 5)  # batch chunks of 2: three of them fill it
    path = write_inputs(tmp_path)
    records = list(ingest_many([path], workers=0, link=True, as_dicts=True, chunksize=2))
    count = len(input_records())
    groups = [min(6, count - start) for start in range(0, count, 6)]
    groups[-1] -= 1  # the broken input, last, is an error record: no fingerprint
    assert [c for c in calls if c] == groups
    assert records == list(link_stories(ingest_many([path], workers=0, as_dicts=True)))


def test_ingest_many_link_gives_the_articles_link_stories_gives(tmp_path):
    path = write_inputs(tmp_path)
    linked = list(ingest_many([path], workers=0, link=True))
    assert linked == list(link_stories(ingest_many([path], workers=0)))


def test_ingest_many_link_gives_articles(tmp_path):
    results = list(ingest_many([write_inputs(tmp_path)], workers=0, link=True))
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == len(results) - 1 and all(a.story for a in articles)


@pytest.mark.parametrize("options", [{"as_json": True}, {"ordered": False}])
def test_ingest_many_link_needs_ordered_objects(options):
    with pytest.raises(ValueError, match="link=True"):
        ingest_many([], link=True, **options)


def test_cli_link_writes_the_fields(tmp_path, capsys):
    path = write_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    assert main(["ingest", str(path), "--link", "--workers", "2", "-o", str(out)]) == 1  # the broken input
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == list(ingest_many([path], workers=0, link=True, as_dicts=True))
    plain = tmp_path / "plain.jsonl"
    main(["ingest", str(path), "-o", str(plain)])
    assert all("story" not in json.loads(line) for line in plain.read_text(encoding="utf-8").splitlines())


def test_cli_link_cannot_resume(tmp_path, capsys):
    assert main(["ingest", str(write_inputs(tmp_path)), "--link", "--resume", "-o", str(tmp_path / "o")]) == 2
    assert "--link" in capsys.readouterr().err


def test_dask_recipe_links_partition_by_partition_on_a_local_cluster():
    db = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    from newsingest.frontends.dask import ingest_bag

    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    )
    with cluster, distributed.Client(cluster):
        bag = ingest_bag(db.from_sequence(input_records(), npartitions=3)).map_partitions(fingerprints)
        # the recipe of docs/linking.md: one linker, the partitions in order, one at a time
        linker = StoryLinker()
        linked = [record for part in bag.to_delayed() for record in linker.link_all(part.compute())]
    expected = list(link_stories(ingest_many(input_records(), workers=0, as_dicts=True)))
    assert [r.get("story") for r in linked] == [r.get("story") for r in expected]
    assert [r.get("link") for r in linked] == [r.get("link") for r in expected]
