"""The command line: records per input, error records, exit codes, formats."""

import json
import subprocess
import sys

import pytest

from newsingest.frontends.cli import main


def run(args, capsys, stdin=None, monkeypatch=None):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def records(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_ingest_seeds_generic_only(seeds_dir, capsys):
    code, out, err = run(["ingest", str(seeds_dir), "--outlet", "none", "--format", "jsonl"], capsys)
    assert code == 0, err
    recs = records(out)
    assert [r["source"].rsplit("/", 1)[-1][:3] for r in recs] == ["000", "001", "002", "003"]
    assert all(r["outlet"] is None for r in recs)
    assert [r["language"] for r in recs] == ["en", "en", "id", "en"]
    assert recs[3]["published"] == "2023-05-01"


def test_error_records_and_exit_code_1(tmp_path, seed_paths, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "good.txt").write_bytes(seed_paths[0].read_bytes())
    (tmp_path / "ignored.json").write_text("{}")
    code, out, err = run(["ingest", str(tmp_path), str(tmp_path / "missing.txt")], capsys)
    assert code == 1
    recs = records(out)
    assert len(recs) == 5  # four article files in the folder plus the missing path; .json is not an input
    by_name = {r["source"].rsplit("/", 1)[-1]: r for r in recs}
    assert "error" not in by_name["good.txt"] and by_name["good.txt"]["outlet"] == "nbc"
    for name, needle in [
        ("empty.txt", "empty"),
        ("blank.txt", "whitespace"),
        ("image.txt", "PNG"),
        ("missing.txt", "no such file"),
    ]:
        assert by_name[name]["error"]["type"] == "InputError"
        assert needle in by_name[name]["error"]["message"]
        assert set(by_name[name]) == {"source", "id", "error"}
    assert "4 of 5 inputs failed" in err
    assert "Traceback" not in err


def test_json_format_is_one_array(seed_paths, capsys):
    code, out, _ = run(["ingest", str(seed_paths[1]), str(seed_paths[2]), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    # seed 002 has no Tribun evidence (only ``Baca juga``, which every Indonesian outlet prints): unclaimed
    assert [r["outlet"] for r in data] == ["newsweek", None]


def test_text_format(seed_paths, capsys):
    code, out, _ = run(["ingest", str(seed_paths[1]), "--format", "text"], capsys)
    assert code == 0
    assert "Ukraine Reinforcements Head to Bakhmut" in out
    assert "outlet: newsweek" in out
    assert "Uncommon Knowledge" not in out


def test_output_file(seed_paths, tmp_path, capsys):
    target = tmp_path / "out.jsonl"
    code, out, _ = run(["ingest", str(seed_paths[2]), "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert records(target.read_text())[0]["language"] == "id"


def test_stdin(seed_paths, monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_paths[2].read_bytes())))
    code, out, _ = run(["ingest", "-"], capsys)
    assert code == 0
    rec = records(out)[0]
    assert rec["source"] == "<stdin>" and rec["language"] == "id"


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--format", "xml"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2


def test_unknown_outlet_and_url_with_many_inputs_exit_2(seed_paths, capsys):
    code, _, err = run(["ingest", str(seed_paths[0]), "--outlet", "nope"], capsys)
    assert code == 2 and "unknown outlet" in err
    code, _, err = run(["ingest", str(seed_paths[0]), str(seed_paths[1]), "--url", "https://nbcnews.com/x"], capsys)
    assert code == 2 and "--url" in err


def test_url_picks_the_plugin(seed_paths, capsys):
    _, out, _ = run(["ingest", str(seed_paths[3]), "--url", "https://www.newsweek.com/russia-bakhmut-1797800"], capsys)
    rec = records(out)[0]
    assert rec["outlet"] == "newsweek" and rec["url"].endswith("1797800")


def test_plugins_command(capsys):
    code, out, _ = run(["plugins"], capsys)
    assert code == 0
    for name in ("nbc", "newsweek", "tribun", "nbcnews.com", "tribunnews.com"):
        assert name in out


def test_python_dash_m_and_console_script(seed_paths):
    result = subprocess.run(
        [sys.executable, "-m", "newsingest", "ingest", str(seed_paths[2]), "--format", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "id"


def test_main_leaves_logging_as_it_found_it(seed_paths, capsys):
    import logging

    logger = logging.getLogger("newsingest.translate.translator")
    before = logger.level
    assert main(["ingest", str(seed_paths[2])]) == 0
    assert logger.level == before
