"""The Argos backend end to end, offline, on a tiny random-weight package.

The package is built from scratch by :mod:`newsingest.testing.tiny_argos` and
installed into a private Argos home; its output is gibberish, so these tests
check the plumbing (install, listing, alignment, batching, caching, errors), not
translation quality.
"""

from __future__ import annotations

import json
import logging
import socket
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

pytest.importorskip("argostranslate")
pytest.importorskip("ctranslate2")
pytest.importorskip("sentencepiece")

from newsingest.errors import ModelNotInstalledError, TranslationError
from newsingest.testing.tiny_argos import build_tiny_package
from newsingest.translate import (
    ERROR_KEY,
    Translator,
    engine,
    install_from_file,
    install_pair,
    list_installed,
)

try:
    from translate_helpers import ConnectSpy, argos_home, article, indonesian_article
except ImportError:  # tests/ imported as a package
    from tests.translate_helpers import ConnectSpy, argos_home, article, indonesian_article

FAST = {"beam_size": 1, "max_decoding_length": 16}


@pytest.fixture(scope="module")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_package(tmp_path_factory.mktemp("tiny-build"))


@pytest.fixture(scope="module")
def argos(tmp_path_factory: pytest.TempPathFactory, tiny_package: Path):
    """A private Argos home with the tiny id -> en package installed."""
    with argos_home(tmp_path_factory.mktemp("argos-home")) as settings:
        install_from_file(tiny_package)
        yield settings
    engine.POOL.clear()


@pytest.fixture
def translator(argos) -> Translator:
    return Translator(**FAST)


# -- packages -------------------------------------------------------------------


def test_installed_package_is_listed_from_argos_package_dir(argos) -> None:
    [package] = list_installed()
    assert (package.from_code, package.to_code, package.version) == ("id", "en", "1.0")
    assert package.path.parent == Path(argos.package_data_dir)
    assert package.model_id == "argos:id-en:1.0"
    assert (package.path / "model" / "model.bin").is_file()


def test_reinstalling_replaces_the_package(argos, tiny_package: Path) -> None:
    info = install_from_file(tiny_package)
    assert [p.path for p in list_installed()] == [info.path]


def test_newest_version_wins(tmp_path: Path, tiny_package: Path) -> None:
    older = install_from_file(tiny_package, dest=tmp_path)
    newer_file = build_tiny_package(tmp_path / "build", version="1.10")
    newer = install_from_file(newer_file, dest=tmp_path)
    translator = Translator(package_dirs=[tmp_path], **FAST)
    result = translator.translate_article(indonesian_article())
    assert older.version == "1.0" and newer.version == "1.10"
    assert result.translation is not None and result.translation.model == "argos:id-en:1.10"


@pytest.mark.parametrize("kind", ["not-a-zip", "no-metadata", "zip-slip", "no-model", "corrupt"])
def test_install_rejects_bad_archives(tmp_path: Path, tiny_package: Path, kind: str) -> None:
    bad = tmp_path / "bad.argosmodel"
    if kind == "not-a-zip":
        bad.write_text("hello")
    elif kind == "corrupt":  # a valid directory, damaged member data
        data = bytearray(tiny_package.read_bytes())
        data[2000:2400] = bytes(400)
        bad.write_bytes(bytes(data))
    else:
        with zipfile.ZipFile(bad, "w") as zf:
            if kind == "no-metadata":
                zf.writestr("pkg/model/model.bin", b"x")
            elif kind == "zip-slip":
                zf.writestr("../evil/metadata.json", "{}")
            else:
                zf.writestr("pkg/metadata.json", json.dumps({"from_code": "id", "to_code": "en"}))
    dest = tmp_path / "packages"
    with pytest.raises(TranslationError):
        install_from_file(bad, dest=dest)
    assert not (tmp_path / "evil").exists()
    assert list_installed([dest]) == []


def test_install_pair_offline_says_how_to_install_from_a_file(argos, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = ConnectSpy()  # refuses every connection, as an offline machine would
    monkeypatch.setattr(socket.socket, "connect", spy)
    with pytest.raises(TranslationError) as info:
        install_pair("de", "en", index_url="http://127.0.0.1:9/index.json", timeout=2)
    message = str(info.value)
    assert "cannot reach the Argos package index at http://127.0.0.1:9/index.json" in message
    assert "newsingest models install FILE.argosmodel" in message
    assert spy.calls  # it did try, and nothing left the machine


def test_install_pair_from_a_local_index_mirror(argos, tmp_path: Path, tiny_package: Path) -> None:
    """The online path, run against a file:// mirror: the index and link are read, the package installed."""
    index = tmp_path / "index.json"
    entry = {"type": "translate", "from_code": "id", "to_code": "en", "package_version": "1.0"}
    index.write_text(json.dumps([{**entry, "links": [tiny_package.as_uri()]}]))
    dest = tmp_path / "packages"
    info = install_pair("id", "en", index_url=index.as_uri(), dest=dest)
    assert info.path.parent == dest and info.model_id == "argos:id-en:1.0"
    with pytest.raises(TranslationError, match="no package for xx -> en"):
        install_pair("xx", "en", index_url=index.as_uri(), dest=dest)


def test_install_pair_uses_argos_index_setting(argos) -> None:
    with pytest.raises(TranslationError) as info:
        install_pair("id", "en")
    assert str(argos.remote_package_index) in str(info.value)


# -- translating articles -----------------------------------------------------


def test_indonesian_article_is_translated_and_aligned(translator: Translator) -> None:
    source = indonesian_article()
    [result] = translator.translate_articles([source])
    translation = result.translation
    assert translation is not None
    assert translation.language == "en"
    assert translation.model == "argos:id-en:1.0"
    assert len(translation.paragraphs) == len(source.paragraphs)
    for block, translated in zip(source.paragraphs, translation.paragraphs, strict=True):
        assert isinstance(translated, str)
        assert bool(translated) == bool(block.text.strip())  # empty in, empty out; text in, text out
    assert isinstance(translation.title, str) and translation.title
    # A new article: everything else unchanged, the input untouched.
    assert source.translation is None
    assert (result.id, result.paragraphs, result.title, result.text) == (
        source.id,
        source.paragraphs,
        source.title,
        source.text,
    )
    assert ERROR_KEY not in result.metadata
    assert result.to_dict()["translation"]["model"] == "argos:id-en:1.0"


def test_article_without_title_gets_no_title(translator: Translator) -> None:
    [result] = translator.translate_articles([indonesian_article(title=None)])
    assert result.translation is not None and result.translation.title is None


def test_article_without_paragraphs(translator: Translator) -> None:
    [result] = translator.translate_articles([article("empty", "id", title="Judul.")])
    assert result.translation is not None
    assert result.translation.paragraphs == () and result.translation.title


@pytest.mark.parametrize("language", ["en", "en-US", "EN", None])
def test_english_or_unknown_language_gets_no_translation(translator: Translator, language: str | None) -> None:
    source = article("en", language, "Hello there. This is English.")
    [result] = translator.translate_articles([source])
    assert result.translation is None
    assert ERROR_KEY not in result.metadata
    assert translator.stats()["sentences_translated"] == 0


def test_missing_model_is_recorded_not_raised(translator: Translator, caplog: pytest.LogCaptureFixture) -> None:
    german = article("de-1", "de", "Guten Tag. Wie geht es?", title="Nachrichten")
    with caplog.at_level(logging.WARNING, logger="newsingest.translate"):
        results = translator.translate_articles([german, indonesian_article()])
    untranslated, translated = results
    assert untranslated.translation is None
    error = untranslated.metadata[ERROR_KEY]
    assert error["type"] == "ModelNotInstalledError"
    assert "de -> en" in error["message"]
    assert "newsingest models install" in error["message"]
    assert untranslated.paragraphs == german.paragraphs
    assert translated.translation is not None  # the rest of the batch goes on
    assert any("de-1" in r.getMessage() and "de -> en" in r.getMessage() for r in caplog.records)
    assert json.loads(json.dumps(untranslated.to_dict()))["metadata"][ERROR_KEY] == error


def test_translate_texts_raises_for_a_missing_model(translator: Translator) -> None:
    with pytest.raises(ModelNotInstalledError) as info:
        translator.translate_texts(["Guten Tag."], "de")
    assert (info.value.from_code, info.value.to_code) == ("de", "en")


def test_successful_translation_clears_an_old_error(translator: Translator) -> None:
    failed = attrs.evolve(indonesian_article(), metadata={ERROR_KEY: {"type": "X", "message": "old"}, "k": 1})
    [result] = translator.translate_articles([failed])
    assert result.translation is not None and result.metadata == {"k": 1}


# -- batching and caching -------------------------------------------------------


def test_articles_are_translated_in_one_batch(translator: Translator) -> None:
    articles = [
        article("a", "id", "Satu kalimat. Dua kalimat.", "Tiga kalimat."),
        article("b", "id", "Empat kalimat.", title="Lima kalimat."),
        article("c", "en", "Six sentences."),
        article("d", "id", "Satu kalimat. Enam kalimat."),
    ]
    results = translator.translate_articles(articles)
    stats = translator.stats()
    assert stats["model_calls"] == 1
    assert stats["sentences_translated"] == 6  # "Satu kalimat." twice, translated once
    assert [r.id for r in results] == ["a", "b", "c", "d"]
    assert [len(r.translation.paragraphs) if r.translation else None for r in results] == [2, 1, None, 1]
    first_sentence = results[0].translation.paragraphs[0]
    assert results[3].translation.paragraphs[0].startswith(first_sentence.split(" ")[0])


def test_large_batches_go_to_the_model_in_chunks(argos) -> None:
    translator = Translator(batch_size=1, **FAST)  # chunks of 16 sentences
    texts = [f"Kalimat nomor {i}. Lagi {i}." for i in range(20)]
    translated = translator.translate_texts(texts, "id")
    assert len(translated) == 20 and all(translated)
    assert translator.stats()["sentences_translated"] == 40
    assert translator.stats()["model_calls"] == 3
    assert translator.translate_texts(["Halo."], "en") == ["Halo."]


def test_repeated_sentences_hit_the_cache(translator: Translator) -> None:
    source = article("rep", "id", "Ini kalimat berulang.", "Ini kalimat berulang.", "Kalimat baru.")
    [first] = translator.translate_articles([source])
    after_first = translator.stats()
    assert after_first["sentences_translated"] == 2
    assert first.translation.paragraphs[0] == first.translation.paragraphs[1]

    [second] = translator.translate_articles([source])
    after_second = translator.stats()
    assert second.translation == first.translation
    assert after_second["sentences_translated"] == 2  # nothing new went to the model
    assert after_second["model_calls"] == after_first["model_calls"]
    assert after_second["memory_hits"] - after_first["memory_hits"] == 2


def test_sqlite_cache_persists_across_translators(argos, tmp_path: Path) -> None:
    db = tmp_path / "cache" / "translations.sqlite"
    source = indonesian_article()
    with Translator(cache_path=db, **FAST) as first:
        [one] = first.translate_articles([source])
        translated = first.stats()["sentences_translated"]
    assert translated > 0 and db.is_file()

    with Translator(cache_path=db, **FAST) as second:
        [two] = second.translate_articles([source])
        stats = second.stats()
    assert two.translation == one.translation
    assert stats["sentences_translated"] == 0
    assert stats["disk_hits"] == translated and stats["misses"] == 0


def test_cache_can_be_turned_off(argos) -> None:
    translator = Translator(cache_size=0, **FAST)
    source = article("x", "id", "Kalimat yang sama.")
    translator.translate_articles([source])
    translator.translate_articles([source])
    assert translator.stats()["sentences_translated"] == 2


def test_models_are_loaded_once_and_shared(argos, monkeypatch: pytest.MonkeyPatch) -> None:
    engine.POOL.clear()
    loads = []
    real = engine.LoadedModel.__init__

    def counting_init(self, *args, **kwargs):
        loads.append(args[0].model_id)
        real(self, *args, **kwargs)

    monkeypatch.setattr(engine.LoadedModel, "__init__", counting_init)
    translators = [Translator(**FAST), Translator(**FAST)]
    sources = [article(f"t{i}", "id", f"Kalimat nomor {i}.", "Kalimat bersama.") for i in range(16)]

    def work(i: int):
        return translators[i % 2].translate_articles([sources[i]])[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(16)))
    assert loads == ["argos:id-en:1.0"]
    assert all(r.translation is not None and len(r.translation.paragraphs) == 2 for r in results)
    # The shared sentence gets one translation whichever thread produced it.
    assert len({r.translation.paragraphs[1] for r in results}) == 1


def test_translator_is_thread_safe(translator: Translator) -> None:
    sources = [indonesian_article(f"a{i}") for i in range(6)]
    expected = translator.translate_articles(sources[:1])[0].translation
    barrier = threading.Barrier(6)

    def work(source):
        barrier.wait()
        return translator.translate_article(source).translation

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(work, sources)) == [expected] * 6


# -- devices and the network ------------------------------------------------------


def test_unknown_device_is_rejected() -> None:
    with pytest.raises(TranslationError, match="unknown translation device"):
        Translator(device="tpu")


def test_cuda_without_a_gpu_fails_at_construction() -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a GPU")
    with pytest.raises(TranslationError, match="no CUDA device"):
        Translator(device="cuda")


def test_nothing_touches_the_network(argos, tiny_package: Path, tmp_path: Path, monkeypatch) -> None:
    spy = ConnectSpy()
    monkeypatch.setattr(socket.socket, "connect", spy)
    engine.POOL.clear()  # load the model again under the spy
    install_from_file(tiny_package, dest=tmp_path)
    list_installed()
    translator = Translator(cache_path=tmp_path / "c.sqlite", **FAST)
    results = translator.translate_articles([indonesian_article(), article("de", "de", "Hallo.")])
    assert results[0].translation is not None
    assert spy.calls == []
