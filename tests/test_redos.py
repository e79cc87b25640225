"""No pattern may backtrack catastrophically.

Every compiled pattern the cleaning path uses is collected (generic rules, the
built-in plugins' rules and signatures, module-level patterns of the cleaners and
of the text/format/metadata/decoding helpers) and run, the way the library runs
it, against a battery of long adversarial strings. Each call must return within
:data:`LIMIT_S`; a call still running after :data:`ABORT_S` is interrupted, so a
hang shows up as a failure instead of a stuck test run. This is a hang detector,
not a benchmark: the limit is generous.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from newsingest._outlets.plugin import SIGNATURE_WINDOW, Plugin, Signature
from newsingest._text.blocks import split_blocks
from newsingest._text.cleaners import GENERIC_RULES
from newsingest._text.rules import DropFrom, DropLine, DropRelatedBlock, Extract, apply_rules
from newsingest.pipeline import text_draft

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 0.5
ABORT_S = 1.5
LENGTH = 30_000

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM to interrupt a hang")


class Hang(Exception):
    """A regex call ran past ABORT_S."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (``re`` checks for signals while it backtracks)."""

    def _raise(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timed(call: Callable[[], object], abort: float = ABORT_S) -> float:
    """Seconds ``call`` took, or ``inf`` when it had to be interrupted."""
    started = time.perf_counter()
    try:
        with deadline(abort):
            call()
    except Hang:
        return float("inf")
    return time.perf_counter() - started


# --------------------------------------------------------------------------------------------
# Collecting the patterns, with the way each one is applied and the longest text it can see


@attrs.frozen
class Use:
    """A pattern, how the library calls it, and the longest input it can be given (None: any)."""

    label: str
    pattern: re.Pattern
    methods: tuple[str, ...]
    bound: int | None = None


def _plugin_classes() -> list[type[Plugin]]:
    classes = []
    for path in sorted((ROOT / "plugins").glob("*.py")):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"newsingest_plugins.{path.stem}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Plugin) and value is not Plugin:
                classes.append(value)
    return classes


PLUGINS = _plugin_classes()


def _rule_uses(obj: object, label: str) -> Iterator[Use]:
    """Every ``re.Pattern`` in an attrs rule (or signature), nested attrs objects included."""
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        where = f"{label}.{field.name}"
        if isinstance(value, re.Pattern):
            if isinstance(obj, DropLine):
                yield Use(where, value, ("fullmatch",), obj.max_chars)
            elif isinstance(obj, (DropFrom, DropRelatedBlock)):
                yield Use(where, value, ("fullmatch",))
            elif isinstance(obj, Extract):
                yield Use(where, value, ("search",), obj.max_chars)
            elif isinstance(obj, Signature):
                yield Use(where, value, ("search",), 2 * SIGNATURE_WINDOW + 1)
            else:  # a rule shape this test does not know: try every way of calling it
                yield Use(where, value, ("search", "match", "fullmatch"))
        elif isinstance(value, (tuple, list)):
            for index, item in enumerate(value):
                yield from _rule_uses(item, f"{where}[{index}]")
        else:
            yield from _rule_uses(value, where)


#: Module-level patterns that the library only calls in one way (anchored, on a bounded slice).
#: Any other module-level pattern is timed with ``search`` on the whole battery.
MODULE_USES = {
    "newsingest._source.formats._OPENS_WITH_MARKUP": (("match",), 5000),  # is_html: match on text[:5000]
    "newsingest._source.formats._STRUCTURAL_TAG": (("findall",), 5000),
    "newsingest._html.meta._LOOSE_DATE": (("match",), None),
    "newsingest._html.sitename._SUFFIX": (("search",), 400),  # titles up to _LONGEST_TITLE only
    "newsingest._html.dates._DATE_LINE": (("fullmatch",), 40),  # on text nodes of 8 to 40 characters
    "newsingest._source.decode._META_CHARSET": (("search",), 4096),  # on data[:4096]
    "newsingest._text.blocks.BULLET_PREFIX": (("match",), None),
    "newsingest._text.blocks._DATELINE_PLACE": (("fullmatch",), None),  # on a block's first line, up to eight words
    "newsingest._text.cleaners.captions.CREDIT": (("fullmatch",), None),
    "newsingest._text.cleaners.captions._TAIL_START": (("finditer",), None),
    "newsingest._text.cleaners.credits._SPLIT": (("split",), None),
    "newsingest._text.cleaners.credits._POSSESSIVE": (("sub",), None),
    "newsingest._text.cleaners.updates.UPDATE_NOTE": (("fullmatch", "search"), None),
    "newsingest._text.rules._LABEL": (("match",), None),
}

MODULES = [
    *(f"newsingest._text.cleaners.{p.stem}" for p in sorted((ROOT / "newsingest" / "_text" / "cleaners").glob("*.py"))),
    "newsingest._source.formats",
    "newsingest._text.blocks",
    "newsingest._html.meta",
    "newsingest._html.authors",
    "newsingest._html.sitename",
    "newsingest._html.dates",
    "newsingest._html.bylines",
    "newsingest._source.decode",
    "newsingest._text.rules",
]


def collect_uses() -> list[Use]:
    uses: list[Use] = []
    for rule in GENERIC_RULES:
        uses.extend(_rule_uses(rule, f"generic:{rule.name}"))
    for cls in PLUGINS:
        for index, rule in enumerate(cls.rules):
            uses.extend(_rule_uses(rule, f"{cls.name}.rules[{index}]:{rule.name}"))
        for index, signature in enumerate(cls.signatures):
            uses.extend(_rule_uses(signature, f"{cls.name}.signatures[{index}]"))
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern):
                methods, bound = MODULE_USES.get(f"{module_name}.{name}", (("search",), None))
                uses.append(Use(f"{module_name}.{name}", value, methods, bound))
    return uses


USES = collect_uses()

#: Known catastrophic patterns in files outside this test's remit, with the fix to apply there.
#: The marks are strict: once the pattern is fixed the test passes and the mark must go.
KNOWN_HANGS: dict[str, str] = {}


def _param(use: Use):
    marks = []
    if use.label in KNOWN_HANGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_HANGS[use.label]))
    return pytest.param(use, id=use.label, marks=marks)


#: Built-in plugin rules that match no regular expression (they read block kinds, word case and endings).
PATTERN_FREE_RULES = frozenset({"tribun-related-bullet", "nbc-headline-line"})


def test_collection_finds_the_patterns_that_matter():
    labels = {use.label for use in USES}
    assert {cls.name for cls in PLUGINS} >= {"nbc", "newsweek", "tribun"}
    for expected in (
        "generic:read-also.pattern",
        "generic:related-block.header",
        "generic:contributors.pattern",
        "newsweek.rules[2]:newsweek-footer.marker",
        "nbc.signatures[0].pattern",
        "newsingest._text.cleaners.captions.CREDIT",
        "newsingest._text.cleaners.updates.UPDATE_NOTE",
        "newsingest._source.formats._OPENS_WITH_MARKUP",
        "newsingest._text.blocks.BULLET_PREFIX",
        "newsingest._source.decode._META_CHARSET",
    ):
        assert expected in labels
    # every rule of every built-in plugin contributed at least one pattern, but those that use none
    for cls in PLUGINS:
        # the labels name the plugin, not its layout version: another version may hold a rule with a
        # pattern at a pattern-free rule's index
        versions = sum(other.name == cls.name for other in PLUGINS)
        for index, rule in enumerate(cls.rules):
            if rule.name in PATTERN_FREE_RULES:
                if versions == 1:
                    assert not any(label.startswith(f"{cls.name}.rules[{index}]:") for label in labels), rule
                continue
            assert any(label.startswith(f"{cls.name}.rules[{index}]:") for label in labels), rule
    assert len(USES) >= 45


# --------------------------------------------------------------------------------------------
# The adversarial battery

#: (prefix, repeated unit, suffix): the unit is repeated to fill the length the pattern can see.
SHAPES = [
    ("", " ", "x"),
    ("", "a ", "!"),
    ("", "A/", "!"),
    ("", "Name Name ", "!"),
    ("", "(", ""),
    ("", "((((", ")"),
    ("", "a" * 200 + " ", ""),  # long words, no terminator
    ("", "aB Cd eF ", "?"),
    ("", ".", "x"),
    ("", ". ", "x"),
    ("", "…", "x"),
    ("", "1", "x"),
    ("", "1 ", "x"),
    ("", "1/", "x"),
    ("", "- ", "x"),
    ("", ", ", "x"),
    ("", " and ", "x"),
    ("", "\t \n", "x"),
    ("", "|", "x"),
    ("", "Update 1/1/23, ", "x"),
    ("Update", " ", "x"),
    ("Update 1/1/23", " ", "x"),
    ("Update 1/1/23, 10", " ", "x"),
    ("Correction (", "1/1/23 ", ""),
    ("prev", "1", "x"),
    ("Halaman ", "1", "x"),
    ("sebelumnya ", "1 ", "x"),
    ("TRIBUNNEWS.COM, ", "A", "x"),
    ("TRIBUNNEWS.COM", " ", "x"),
    ("Laporan Wartawan Tribunnews.com, ", "Aa ", "!"),
    ("Penulis: ", "a ", "\n"),
    ("(Tribunnews.com/", "a", ""),
    ("Artikel ini telah tayang di ", "a dengan judul ", "x"),
    ("Baca juga", " ", "x"),
    ("Read", " ", "also"),
    ("A", " ", "contributed"),
    ("Reporting by ", "a ", "\n"),
    ("Source: | This article originally belongs to ", "a", "|"),
    ("date ", "2023-01-01 ", ""),
    ("Dimitar Dilkoff/", "AFP/", "x"),
    ("", "AFP via Getty Images; ", "x"),
    ("", "Name/AFP, ", "x"),
    ("Photo by ", "A. ", "x"),
    ("WASHINGTON", " WASHINGTON", " x"),
    ("Zoe Strozewski is a ", "a ", "x"),
    ("Follow ", "us ", "x"),
    ("Sign up for ", "the ", "x"),
    ("Get ", "a ", "inbox"),
    ("You may also like", " ", "x"),
    ("More from ", "a ", "x"),
    ("", "<!---->", "x"),
    ("<!--", "-->", "x"),
    ("", "<p ", "x"),
    ("<meta charset=", " ", "x"),
    ("", "<meta ", "charset"),
    ("2023-01-01T10:00", " ", "x"),
    ("Newsweek Is A ", "Trust ", "x"),
    ("Uncommon ", "Knowledge ", "x"),
]


def build(prefix: str, unit: str, suffix: str, length: int) -> str:
    repeat = max(1, (length - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * repeat + suffix


def _call(pattern: re.Pattern, method: str, subject):
    if method == "finditer":
        return lambda: list(pattern.finditer(subject))
    if method == "sub":
        return lambda: pattern.sub("", subject)
    return lambda: getattr(pattern, method)(subject)


@pytest.mark.parametrize("use", [_param(use) for use in USES])
def test_pattern_is_linear_on_adversarial_input(use: Use):
    length = min(LENGTH, use.bound) if use.bound else LENGTH
    binary = isinstance(use.pattern.pattern, bytes)
    slow = []
    for prefix, unit, suffix in SHAPES:
        subject = build(prefix, unit, suffix, length)
        if binary:
            subject = subject.encode("utf-8")[:length]
        for method in use.methods:
            seconds = timed(_call(use.pattern, method, subject))
            if seconds > LIMIT_S:
                slow.append(f"{method}({prefix!r} + {unit!r} * n + {suffix!r}, {len(subject)} chars): {seconds:.2f}s")
                if seconds == float("inf"):
                    break  # one hang is enough; do not spend ABORT_S on every shape
        if slow and slow[-1].endswith("infs"):
            break
    assert not slow, f"{use.label} backtracks: " + "; ".join(slow)


def test_the_hang_detector_detects_a_hang():
    """Guard against a detector that cannot fail: a textbook catastrophic pattern is caught."""
    evil = re.compile(r"(a+)+b")
    assert timed(lambda: evil.fullmatch("a" * 40 + "c"), abort=0.3) == float("inf")
    assert timed(lambda: re.compile(r"a+b").fullmatch("a" * 40 + "c")) < LIMIT_S


# --------------------------------------------------------------------------------------------
# Whole rule sets over one long hostile article


ADVERSARIAL_LINES = [
    "Update" + " x" * 150 + ":",
    "Update 1/1/23, " * 30,
    "prev " + "1 " * 30 + "x",
    "prev" + "1" * 40 + "x",
    "Halaman " + "12 " * 20 + "x",
    "Halaman " + "1" * 40 + "x",
    "A/" * 300 + "!",
    "Name Name " * 40 + "via Getty",
    "Dimitar Dilkoff/AFP via Getty Images; " * 8 + "x",
    "Caption text. " + "Name/AFP, " * 25 + "x",
    "(" * 500,
    "." * 2000,
    "aB Cd eF " * 300,
    "Artem Grudinin, " * 20 + "and Reuters contributed",
    "Reporting by " + "a " * 150,
    "Penulis: " + "a " * 100,
    "TRIBUNNEWS.COM, " + "JAKARTA " * 20,
    "Laporan Wartawan Tribunnews.com, " + "Aa " * 40,
    "Artikel ini telah tayang di Site dengan judul " * 8,
    "(Tribunnews.com/" + "a" * 200,
    "Follow " + "us " * 60 + "on",
    "Sign up for " + "the " * 60 + "newsletter",
    "You May Also Like",
    "Baca juga " + ": " * 100,
    "Read also" + " :" * 100,
    "Source: | This article originally belongs to " + "a" * 200,
    "WASHINGTON " * 30 + "—",
    "Zoe Strozewski is a " + "a " * 200 + "Newsweek",
    "date 2023-01-01 " * 20,
    "Related",
    "Short Headline Line",
    "A teaser line cut off…",
]


def hostile_article(repeats: int = 8) -> str:
    body = "This is an ordinary body paragraph that says something plain, and then it ends."
    lines = []
    for _ in range(repeats):
        for line in ADVERSARIAL_LINES:
            lines.extend([line, body])
    return "\n\n".join(lines)


def _plugin_param(cls):
    marks = []
    if f"{cls.name}.rules" in KNOWN_HANGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_HANGS[f"{cls.name}.rules"]))
    return pytest.param(cls, id=cls.name, marks=marks)


@pytest.mark.parametrize("plugin_cls", [pytest.param(None, id="generic"), *map(_plugin_param, PLUGINS)])
def test_rules_over_a_hostile_article_finish(plugin_cls):
    text = hostile_article()
    assert len(text) > 100_000
    plugin = plugin_cls() if plugin_cls else None
    drafts = []
    seconds = timed(lambda: drafts.append(text_draft(text, plugin, None, GENERIC_RULES)), abort=3.0)
    assert seconds < 2.0, f"cleaning a {len(text)}-char hostile article took {seconds:.1f}s"
    kept = [block.text for block in drafts[0].blocks]
    assert kept.count("This is an ordinary body paragraph that says something plain, and then it ends.") == 8 * len(
        ADVERSARIAL_LINES
    )


def test_rules_on_unnormalized_blocks_finish():
    """Rules also run on drafts built by hand or from HTML: whitespace runs must not blow up."""
    from newsingest._text.draft import Draft
    from newsingest.model import Block

    texts = [
        "Update" + " " * 590 + "x",
        "Update 1/1/23" + " " * 580 + "x",
        "A" + " " * 230 + "contributed",
        "Read also" + " " * 380 + "x",
        "Related" + "\t" * 5000 + "x",
    ]
    rules = list(GENERIC_RULES)
    for cls in PLUGINS:
        if cls.name != "tribun":  # see KNOWN_HANGS
            rules.extend(cls.rules)
    for text in texts:
        draft = Draft(blocks=[Block(text)] * 50)
        seconds = timed(lambda draft=draft: apply_rules(draft, rules), abort=3.0)
        assert seconds < 1.0, f"{text[:20]!r}: {seconds:.1f}s for 50 blocks"


def test_split_blocks_is_fast_on_hostile_text():
    text = hostile_article(4) + "\n" + " \u200b" * 50_000 + "\r" * 10_000 + "• " * 20_000
    assert timed(lambda: split_blocks(text), abort=10.0) < 3.0
