"""``import newsingest`` stays light: no extras, no heavy libraries until they are needed."""

import subprocess
import sys

HEAVY = ("argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza", "trafilatura", "langdetect", "pandas")


def test_import_does_not_pull_extras_or_heavy_modules():
    code = f"import sys, newsingest; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_api():
    import newsingest

    for name in ("ingest", "Pipeline", "Article", "Plugin", "NewsingestError", "InputError", "__version__"):
        assert hasattr(newsingest, name), name
