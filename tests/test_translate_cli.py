"""``newsingest models list|install`` and ``--translate`` through the pipeline, offline."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

pytest.importorskip("argostranslate")
pytest.importorskip("ctranslate2")
pytest.importorskip("sentencepiece")

from newsingest.testing import tiny_argos
from newsingest.translate import engine
from newsingest.translate.cli import add_models_parser

try:
    from translate_helpers import argos_home
except ImportError:  # tests/ imported as a package
    from tests.translate_helpers import argos_home


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built through the module's command line, as a user would."""
    out = tmp_path_factory.mktemp("tiny-cli") / "tiny-id-en.argosmodel"
    assert tiny_argos.main([str(out)]) == 0
    return out


@pytest.fixture
def argos(tmp_path: Path):
    """An empty private Argos home for each test."""
    with argos_home(tmp_path / "argos") as settings:
        yield settings
    engine.POOL.clear()


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="newsingest")
    add_models_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_list_with_nothing_installed(argos, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("models", "list") == 0
    assert "no translation models installed" in capsys.readouterr().out


def test_install_file_then_list(argos, tiny_package: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("models", "install", str(tiny_package)) == 0
    assert capsys.readouterr().out.startswith("installed id -> en  1.0  ")
    assert run("models", "list") == 0
    [line] = capsys.readouterr().out.splitlines()
    expected_path = Path(argos.package_data_dir) / "translate-id_en-1_0"
    assert line == f"id -> en  1.0  {expected_path}"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("models", "install", "missing.argosmodel"), "missing.argosmodel: no such file"),
        (("models", "install", __file__), "not an Argos package"),
        (("models", "install", "de", "en"), "cannot reach the Argos package index"),
        (("models", "install", "a", "b", "c"), "give a .argosmodel file, or two language codes"),
    ],
)
def test_install_failures_exit_1_without_traceback(
    argos, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    assert run(*argv) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.startswith("newsingest: error: ")
    assert "Traceback" not in captured.err and captured.out == ""


def test_offline_pair_install_points_to_the_file_install(argos, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("models", "install", "de", "en") == 1
    assert "newsingest models install FILE.argosmodel" in capsys.readouterr().err


def test_main_cli_has_the_models_command(argos, tiny_package: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli = pytest.importorskip("newsingest.frontends.cli")
    assert cli.main(["models", "install", str(tiny_package)]) == 0
    assert cli.main(["models", "list"]) == 0
    assert "id -> en  1.0" in capsys.readouterr().out


def test_pipeline_translates_an_indonesian_seed(argos, tiny_package: Path, seeds_dir: Path) -> None:
    """``Pipeline(translate=True)`` end to end on a real Indonesian article."""
    import newsingest

    run("models", "install", str(tiny_package))
    pipeline = newsingest.Pipeline(translate=True)
    indonesian = pipeline.ingest(seeds_dir / "002_b9d6f5e61d96cdcf.txt")
    english = pipeline.ingest(seeds_dir / "000_df9beb37fb7d9295.txt")
    assert indonesian.language == "id"
    assert indonesian.translation is not None
    assert indonesian.translation.model == "argos:id-en:1.0"
    assert len(indonesian.translation.paragraphs) == len(indonesian.paragraphs) > 0
    assert english.language == "en" and english.translation is None
