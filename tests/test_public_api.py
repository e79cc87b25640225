"""The public API: a curated __all__, one exception hierarchy, readable signatures."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

import newsingest
from newsingest import NewsingestError

PACKAGE = Path(newsingest.__file__).parent


def test_every_public_name_resolves():
    for name in newsingest.__all__:
        assert getattr(newsingest, name) is not None, name


def test_hooks_and_detectors_get_what_they_need_from_the_top_level():
    for name in ("Draft", "Page", "Block", "Removed", "Rule", "LanguageDetector", "LanguageGuess", "FrozenMetadata"):
        assert name in newsingest.__all__


def _exception_classes():
    """Every class in newsingest's source that derives (by name) from an exception or error."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            bases = [ast.unparse(base) for base in getattr(node, "bases", ())]
            if bases == ["BaseException"] and node.name.startswith("_"):
                continue  # a private control-flow signal (the time limit's alarm), never raised to callers
            if isinstance(node, ast.ClassDef) and any(base.endswith(("Error", "Exception")) for base in bases):
                yield ".".join(parts), node.name


EXCEPTIONS = sorted(set(_exception_classes()))


@pytest.mark.parametrize(("module", "name"), EXCEPTIONS, ids=[f"{m}.{n}" for m, n in EXCEPTIONS])
def test_every_exception_derives_from_newsingest_error(module, name):
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, NewsingestError), f"{module}.{name} does not derive from NewsingestError"


def test_errors_refine_the_builtin_they_stand_for():
    assert issubclass(newsingest.UsageError, ValueError)
    assert issubclass(newsingest.ArgumentTypeError, TypeError)
    assert issubclass(newsingest.MissingExtraError, ImportError)
    assert issubclass(newsingest.InputError, ValueError)
    from newsingest.frontends.cli import UsageError as CliUsageError

    assert CliUsageError is newsingest.UsageError


def test_bad_rule_and_block_declarations_are_usage_errors():
    with pytest.raises(newsingest.UsageError):
        newsingest.Extract("x", r"x", "nowhere", "r")
    with pytest.raises(newsingest.UsageError):
        newsingest.Block("x", "sidebar")


def test_pipeline_signature_is_short_and_names_its_parameters():
    signature = str(inspect.signature(newsingest.Pipeline))
    assert len(signature) < 400
    for name in ("plugins", "detector", "generic_rules", "max_bytes", "translate"):
        assert name in signature


def test_ingest_and_pipeline_ingest_take_the_same_keywords():
    top = set(inspect.signature(newsingest.ingest).parameters)
    method = set(inspect.signature(newsingest.Pipeline.ingest).parameters) - {"self"}
    assert top == method
