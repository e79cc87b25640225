"""The plugin kit: scaffold a plugin, check it, and the golden helpers."""

import json
import shutil
from pathlib import Path

import pytest

from newsingest import PluginError, PluginRegistry
from newsingest.frontends.cli import main
from newsingest.kit import render_report, run_check, scaffold_plugin
from newsingest.testing import GoldenMismatch, assert_matches_golden, check_fixture, expected_path, fixture_paths

FIXTURES = Path(__file__).parent / "fixtures"


def load_scaffolded(result):
    import importlib.util

    spec = importlib.util.spec_from_file_location("scaffolded_plugin", result.module)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return next(v for k, v in vars(module).items() if k.endswith("Plugin") and k != "Plugin")


def test_scaffold_writes_a_working_project(tmp_path):
    result = scaffold_plugin("gazette", ["gazette.example"], directory=tmp_path / "proj", display_name="The Gazette")
    assert '"newsingest.plugins"' in result.entry_point and "gazette = " in result.entry_point
    pyproject = (result.project / "pyproject.toml").read_text()
    assert result.entry_point in pyproject
    expected = json.loads(result.expected.read_text())
    assert expected["outlet"] == "gazette"
    assert expected["authors"] == ["Jane Example"]
    body = " ".join(block["text"] for block in expected["paragraphs"])
    assert "Subscribe" not in body and "Topics in this story" not in body
    assert set(expected) == {
        "outlet",
        "version",
        "title",
        "authors",
        "published",
        "updated",
        "paragraphs",
        "removed",
        "metadata",
    }
    assert {r["rule"] for r in expected["removed"]} >= {"gazette-byline", "gazette-promo", "gazette-footer"}
    # the generated golden test passes against the scaffolded plugin
    registry = PluginRegistry([load_scaffolded(result)()], entry_points=False)
    reports = run_check("gazette", result.fixture.parent, registry=registry)
    assert [r.ok for r in reports] == [True]


def test_scaffold_refuses_bad_input(tmp_path):
    with pytest.raises(PluginError, match="name"):
        scaffold_plugin("Bad Name", ["x.example"], directory=tmp_path / "a")
    with pytest.raises(PluginError, match="domain"):
        scaffold_plugin("ok", ["not a domain"], directory=tmp_path / "b")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "file").write_text("x")
    with pytest.raises(PluginError, match="not empty"):
        scaffold_plugin("ok", ["x.example"], directory=tmp_path / "c")


def test_plugin_new_command(tmp_path, capsys):
    code = main(["plugin", "new", "daily", "--domain", "daily.example", "--dir", str(tmp_path / "daily")])
    out = capsys.readouterr().out
    assert code == 0
    assert 'daily = "newsingest_daily:DailyPlugin"' in out
    assert (tmp_path / "daily" / "tests" / "fixtures" / "daily" / "daily_01_example.txt.json").exists()


def test_plugin_check_command_on_a_built_in(capsys):
    code = main(["plugin", "check", "tribun", str(FIXTURES / "tribun")])
    out = capsys.readouterr().out
    assert code == 0
    assert "tribun_01_banjir_jaktim.txt: ok" in out
    assert "tribun/tribun-reporter" in out and "Laporan Wartawan" in out
    assert "fixtures match their expected JSON" in out


def test_plugin_check_shows_differences(tmp_path, capsys):
    folder = tmp_path / "nbc"
    folder.mkdir()
    for name in ("nbc_02_stock_trading_ban.txt", "nbc_02_stock_trading_ban.txt.json"):
        shutil.copy(FIXTURES / "nbc" / name, folder / name)
    expected = json.loads((folder / "nbc_02_stock_trading_ban.txt.json").read_text())
    expected["paragraphs"][0]["text"] = "A paragraph the plugin never produced."
    expected["metadata"]["contributors"] = ["Somebody Else"]
    (folder / "nbc_02_stock_trading_ban.txt.json").write_text(json.dumps(expected))
    code = main(["plugin", "check", "nbc", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "DIFFERS" in out and "A paragraph the plugin never produced." in out and "Somebody Else" in out


def test_plugin_check_unknown_plugin_and_missing_folder(tmp_path, capsys):
    assert main(["plugin", "check", "nope", str(tmp_path)]) == 2
    assert "unknown outlet" in capsys.readouterr().err
    assert main(["plugin", "check", "nbc", str(tmp_path / "missing")]) == 2


def test_golden_helpers(tmp_path):
    source = FIXTURES / "newsweek" / "newsweek_02_iceland_volcano.txt"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    report = check_fixture(copy)
    assert not report.ok and report.expected is None
    shutil.copy(expected_path(source), expected_path(copy))
    assert_matches_golden(copy)
    data = json.loads(expected_path(copy).read_text())
    data["title"] = "Wrong"
    expected_path(copy).write_text(json.dumps(data))
    with pytest.raises(GoldenMismatch, match="title: expected"):
        assert_matches_golden(copy)
    assert fixture_paths(tmp_path) == [copy]
    assert "DIFFERS" in render_report([check_fixture(copy)])


def test_check_update_keeps_a_text_and_an_html_fixture_of_one_story_apart(tmp_path):
    folder = tmp_path / "nbc"
    folder.mkdir()
    shutil.copy(FIXTURES / "nbc" / "nbc_02_stock_trading_ban.txt", folder / "a.txt")
    shutil.copy(FIXTURES / "nbc" / "nbc_html_01_election.html", folder / "a.html")
    reports = run_check("nbc", folder, update=True)
    assert [r.ok for r in reports] == [True, True]
    text, html = (json.loads((folder / name).read_text()) for name in ("a.txt.json", "a.html.json"))
    assert text != html


@pytest.mark.parametrize(
    "display_name",
    ['Le "Monde"', 'X" + str(__import__("os").system("id > pwned.txt"))[:0] + "', 'Back\\slash \'quote\' """ end'],
)
def test_scaffold_writes_any_display_name_as_data_never_as_code(tmp_path, monkeypatch, display_name):
    monkeypatch.chdir(tmp_path)
    result = scaffold_plugin("paper", ["paper.example"], directory=tmp_path / "proj", display_name=display_name)
    plugin = load_scaffolded(result)
    assert plugin.display_name == display_name
    assert not (tmp_path / "pwned.txt").exists()
    # the promo rule still matches the name literally
    assert {r["rule"] for r in json.loads(result.expected.read_text())["removed"]} >= {"paper-promo"}


@pytest.mark.parametrize("language", ['en"\nimport os', "english", "E N"])
def test_scaffold_refuses_a_language_that_is_not_a_code(tmp_path, language):
    with pytest.raises(PluginError, match="ISO 639-1"):
        scaffold_plugin("paper", ["paper.example"], directory=tmp_path / "proj", language=language)


def test_scaffold_refuses_a_display_name_on_several_lines(tmp_path):
    with pytest.raises(PluginError, match="one printable line"):
        scaffold_plugin("paper", ["paper.example"], directory=tmp_path / "proj", display_name="A\nB")


def test_scaffold_refuses_a_taken_name(tmp_path, capsys):
    with pytest.raises(PluginError, match="'nbc' is taken by an installed plugin"):
        scaffold_plugin("nbc", ["nbc.example"], directory=tmp_path / "proj")
    assert main(["plugin", "new", "tribun", "--domain", "t.example", "--dir", str(tmp_path / "t")]) == 2
    assert "taken" in capsys.readouterr().err
    assert not (tmp_path / "t").exists()


def test_plugin_new_prints_next_steps_that_work_from_where_they_are(tmp_path, capsys):
    main(["plugin", "new", "daily", "--domain", "daily.example", "--dir", str(tmp_path / "daily")])
    steps = capsys.readouterr().out.split("next:\n")[1].strip().splitlines()
    project = str(tmp_path / "daily")
    assert [s.strip() for s in steps] == [
        f"pip install -e {project}",
        "newsingest plugins",
        f"cd {project}",
        "newsingest plugin check daily",
        "pytest tests",
    ]
