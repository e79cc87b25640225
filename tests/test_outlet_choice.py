"""Plugin choice by text takes shortcuts (needle gates, score bounds, early stops): it must
choose exactly what scoring every signature of every layout version would choose."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest import Plugin, PluginRegistry, Signature
from newsingest._outlets.plugin import signature_gate, weight_by_needles
from newsingest._outlets.registry import SIGNATURE_THRESHOLD
from newsingest._text.match import FoldedText


def chosen_by_full_scores(registry: PluginRegistry, text: str, threshold: float = SIGNATURE_THRESHOLD) -> str | None:
    """The rule :meth:`PluginRegistry.for_text` follows, without a shortcut but the needle gates.

    One outlet's evidence alone: its versions' signatures, heaviest first, until the threshold.
    Several outlets': every signature of each scored, the best version of each counting.
    """
    from newsingest._outlets.plugin import signature_window

    text = signature_window(text)
    folded = FoldedText(text)
    passing = [v for info in registry.infos() for v in info.plugin.versions() if v.may_match(folded)]
    if len({v.name for v in passing}) == 1:  # one outlet's evidence only: its signatures, heaviest first
        return passing[0].name if any(v.reaches(text, threshold) for v in passing) else None
    best: dict[str, float] = {}
    for version in passing:
        score = sum(sig.weight for sig in version.signatures if sig.found_in(text))
        best[version.name] = max(best.get(version.name, 0.0), score)
    ranked = sorted(((score, name) for name, score in best.items()), reverse=True)
    if not ranked or ranked[0][0] < threshold or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


class Heavy(Plugin):
    """Two signatures that only reach the threshold together, and one without a needle."""

    name = "heavy"
    signatures = (
        Signature(r"Heavy Daily", 0.5),
        Signature(r"(?i)heavy-wire\b", 0.5, needles="heavy-wire"),
        Signature(r"\bHX\d{3}\b", 0.5),  # no needle: never ruled out by one
    )


class Light(Plugin):
    name = "light"
    signatures = (Signature(r"Light News", 1.0), Signature(r"(?m)^LIGHTCORP$", 0.5, needles="lightcorp"))


class LightOld(Plugin):
    """An older layout of ``light`` with a signature the current one dropped."""

    name = "light"
    version = "0"
    import datetime as _dt

    valid_until = _dt.date(2020, 1, 1)
    signatures = (Signature(r"Light Gazette", 1.5),)


class LightCurrent(Light):
    older_versions = (LightOld,)


class Fractional(Plugin):
    """Weights whose sums round differently in different orders (0.1 + 0.2 + 0.7 > 1 > 0.7 + 0.2 + 0.1)."""

    name = "fractional"
    signatures = (
        Signature(r"Frac One", 0.1),
        Signature(r"Frac Two", 0.2),
        Signature(r"Frac Three", 0.7),
        Signature(r"Light News", -0.5),  # evidence against: the rival's name
    )


FRAGMENTS = [
    "Frac One",
    "Frac Two",
    "Frac Three",
    "Heavy Daily",
    "HEAVY-WIRE",
    "heavy-wire",
    "HX123",
    "Light News",
    "light news",
    "LIGHTCORP",
    "\nLIGHTCORP\n",
    "Light Gazette",
    "SURYAMALANG.COM, MALANG - ",
    "(Tribunnews.com/Budi)",
    "NBC News",
    "Follow NBC News on Twitter",
    "Jane Doe / AP",
    "ß",
    "ﬁ",
    "İ",
    " ",
    "\n",
    "word",
]


BUILT_IN = PluginRegistry()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from([0.5, 1.0, 1.5, 2.0]))
def test_choice_equals_full_scoring(parts, threshold):
    text = "".join(parts)
    small = PluginRegistry([Heavy(), LightCurrent(), Fractional()], entry_points=False)
    assert (getattr(small.for_text(text, threshold), "name", None)) == chosen_by_full_scores(small, text, threshold)
    assert getattr(BUILT_IN.for_text(text), "name", None) == chosen_by_full_scores(BUILT_IN, text)


def test_may_reach_is_false_only_when_the_score_cannot_reach():
    heavy = Heavy()
    folded = FoldedText("Heavy Daily only")
    assert heavy.may_reach(folded, 1.0)  # 0.5 found + 0.5 for the needle-less signature: could reach
    assert not heavy.may_reach(FoldedText("nothing here"), 1.0)  # only the needle-less 0.5 is possible
    assert heavy.may_reach(FoldedText("nothing here"), 0.5)


def test_gate_and_needle_groups_keep_the_declared_order():
    class Ordered(Plugin):
        name = "ordered"
        signatures = (
            Signature(r"zeta", 2.0, needles=("zeta", "alpha")),
            Signature(r"alpha beta", 1.0),
            Signature(r"zeta again", 0.5, needles=("zeta", "alpha")),
        )

    # "alpha beta" needs "alpha", which the gate already holds; the likeliest needle (declared first) leads
    assert signature_gate(Ordered.signatures) == ("zeta", "alpha")
    assert weight_by_needles(Ordered.signatures) == ((("zeta", "alpha"), 2.5), (("alpha beta",), 1.0))


def test_a_score_that_reaches_the_threshold_only_in_its_own_summing_order_still_counts():
    # 0.1 + 0.2 + 0.7 is a hair over 1.0, 0.7 + 0.2 + 0.1 a hair under: the bound must not rule it out
    small = PluginRegistry([Heavy(), Fractional()], entry_points=False)
    text = "Frac One, Frac Two and Frac Three"
    assert chosen_by_full_scores(small, text) == "fractional"
    assert small.for_text(text).name == "fractional"
