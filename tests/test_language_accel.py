"""langdetect-rs, the optional accelerator: the same probabilities as langdetect, bit for bit.

Skipped where it is not installed (``pip install newsingest[fast]``); the fallback to
pure-Python langdetect is tested either way.
"""

import builtins
from pathlib import Path

import pytest
from test_language_sample import article_paragraphs, sample_articles, sample_paragraphs

from newsingest import Pipeline
from newsingest._language import accel as langdetect_accel
from newsingest._language.detect import LangdetectDetector

ROOT = Path(__file__).resolve().parent.parent


def all_texts() -> list[str]:
    """The whole sample, the seeds and the fixtures, whole and line by line."""
    texts = [text for _, text in sample_paragraphs() + sample_articles() + article_paragraphs()]
    files = sorted((ROOT / "tests" / "data" / "languages" / "mixed").glob("*.txt"))
    files += sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts += [text, *(line for line in text.splitlines() if line.strip())]
    return [*texts, "", "123 456", "https://example.com/only-a-link", "ab"]


@pytest.fixture(scope="module")
def stock():
    return LangdetectDetector(accelerate=False)


@pytest.fixture(scope="module")
def fast():
    pytest.importorskip("langdetect_rs")
    detector = LangdetectDetector(accelerate=True)
    assert detector.backend == "langdetect-rs"
    return detector


def test_accelerator_gives_bit_identical_probabilities(stock, fast):
    texts = all_texts()
    assert len(texts) > 600
    different = [text[:60] for text in texts if stock.probabilities(text) != fast.probabilities(text)]
    assert different == []


def test_fast_path_matches_public_api(fast):
    from langdetect_rs.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    for text in [text for _, text in sample_paragraphs()][::7]:
        detector = factory.create()
        detector.append(text)
        expected = [(item.lang, item.prob) for item in detector.get_probabilities()]
        assert fast.probabilities(text) == expected


def test_pipeline_output_is_the_same_with_either_backend(stock, fast):
    for path in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*/*.txt")):
        slow_article = Pipeline(detector=stock).ingest(path)
        fast_article = Pipeline(detector=fast).ingest(path)
        assert slow_article.to_dict() == fast_article.to_dict(), path.name


def test_falls_back_to_langdetect_without_the_accelerator(monkeypatch):
    real_import = builtins.__import__

    def no_langdetect_rs(name, *args, **kwargs):
        if name.startswith("langdetect_rs"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_langdetect_rs)
    assert langdetect_accel.load_factory(0) is None
    assert LangdetectDetector().backend == "langdetect"
    with pytest.raises(ImportError, match="newsingest\\[fast\\]"):
        LangdetectDetector(accelerate=True).backend  # noqa: B018


def test_a_broken_fast_path_falls_back_to_the_public_api(monkeypatch):
    pytest.importorskip("langdetect_rs")
    monkeypatch.setattr(langdetect_accel, "PROBE_TEXTS", (*langdetect_accel.PROBE_TEXTS, object()))
    probabilities = langdetect_accel.load_factory(0)
    assert probabilities is not None
    assert probabilities.__qualname__.startswith("seeded_probabilities")  # the public-API closure, not fast
    assert probabilities("The city council voted on Tuesday to extend the night bus service.")[0][0] == "en"


def test_no_import_cycle_between_language_and_the_accelerator():
    import ast

    def imported(module: str) -> set[str]:
        tree = ast.parse((ROOT / "newsingest" / "_language" / f"{module}.py").read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}

    assert "newsingest._language.detect" not in imported("accel")


@pytest.mark.parametrize(
    ("platform", "machine", "implementation", "installed"),
    [
        ("linux", "x86_64", "CPython", True),
        ("linux", "aarch64", "CPython", True),
        ("darwin", "arm64", "CPython", True),
        ("darwin", "x86_64", "CPython", True),
        ("win32", "AMD64", "CPython", True),
        ("win32", "ARM64", "CPython", False),
        ("linux", "ppc64le", "CPython", False),
        ("linux", "x86_64", "PyPy", False),
    ],
)
def test_default_install_has_the_accelerator_where_it_has_wheels(platform, machine, implementation, installed):
    tomllib = pytest.importorskip("tomllib")
    requirements = pytest.importorskip("packaging.requirements")
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    environment = {
        "sys_platform": platform,
        "platform_machine": machine,
        "platform_python_implementation": implementation,
    }
    accelerators = [
        req for req in map(requirements.Requirement, dependencies) if req.name == "langdetect-rs" and req.marker
    ]
    assert accelerators
    assert any(req.marker.evaluate(environment) for req in accelerators) is installed
