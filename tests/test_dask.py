"""``newsingest.frontends.dask.ingest_bag`` on a real (local, loopback-only) distributed cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from newsingest.frontends.cli import main  # noqa: E402
from newsingest.frontends.dask import ingest_bag  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_same_records_as_the_cli(client, seed_paths, tmp_path, capsys):
    html = FIXTURES / "nbc" / "nbc_html_01_election.html"
    records = [{"source": str(p), "text": p.read_text(encoding="utf-8")} for p in seed_paths]
    records.append({"source": str(html), "html": html.read_text(encoding="utf-8")})
    records.append({"source": "broken", "html": None})
    bag = db.from_sequence(records, npartitions=3)
    result = ingest_bag(bag).compute()
    workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2

    out = tmp_path / "cli.jsonl"
    assert main(["ingest", *map(str, seed_paths), str(html), "-o", str(out)]) == 0
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    assert [r["source"] for r in result] == [r["source"] for r in cli] + ["broken"]
    for got, want in zip(result, cli, strict=False):
        assert got["text"] == want["text"]
        # the same record, but for the encoding the CLI read the file's bytes in
        assert want["metadata"].pop("encoding") == "utf-8"
        assert got == want
    assert result[-1]["error"] == {"type": "InputError", "message": "broken: no 'html' or 'text' field"}


def test_options_reach_the_workers(client, seed_paths):
    bag = db.from_sequence([{"source": "s", "text": seed_paths[1].read_text(encoding="utf-8")}], npartitions=1)
    [generic] = ingest_bag(bag, outlet="none").compute()
    [default] = ingest_bag(bag).compute()
    assert generic["outlet"] is None and default["outlet"] == "newsweek"
