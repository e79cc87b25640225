"""Generic rules are named, ordered defaults that a plugin can switch off or replace by id."""

import pytest

from newsingest import DropLine, Pipeline, Plugin, PluginError, PluginRegistry
from newsingest._text.cleaners import AGENCIES, GENERIC_RULE_IDS, GENERIC_RULES, credit_tail

BODY = "A body paragraph long enough to be kept as the article's text, with several words."
TEXT = f"{BODY}\n\nBaca juga: Another story\n\nA second paragraph of body text that also stays in place.\n"


def test_generic_rule_ids_are_stable_and_ordered():
    # renaming or reordering one breaks every plugin that names it: change this list on purpose only
    assert GENERIC_RULE_IDS == (
        "date-prefix",
        "header-lines",
        "update-note",
        "caption",
        "aggregator-footer",
        "contents",
        "related-block",
        "related-link",
        "read-also-headline",
        "read-also",
        "read-also-inline",
        "prompts",
        "click-here",
        "end-mark",
        "tags",
        "doubled-headline",
        "contributors",
        "reported-from",
        "wire-credits",
        "dangling-heading",
    )
    assert [rule.name for rule in GENERIC_RULES] == list(GENERIC_RULE_IDS)


def run(plugin: Plugin, text: str = TEXT):
    return Pipeline(plugins=PluginRegistry([plugin], entry_points=False)).ingest(text, outlet=plugin.name)


def test_a_plugin_switches_a_generic_rule_off():
    class KeepsReadAlso(Plugin):
        name = "keeps"
        generic_rules = {"read-also": None}

    article = run(KeepsReadAlso())
    assert "Baca juga: Another story" in article.text
    assert "Baca juga" not in Pipeline().ingest(TEXT, outlet="none").text


def test_a_plugin_replaces_a_generic_rule_in_its_place():
    class Replaces(Plugin):
        name = "replaces"
        generic_rules = {"read-also": DropLine("replaces-read-also", r"Baca juga: .*", "own read-also")}

    article = run(Replaces())
    (removed,) = article.removed
    assert (removed.rule, removed.plugin, removed.reason) == ("replaces-read-also", "replaces", "own read-also")


def test_an_unknown_generic_rule_id_is_refused():
    class Typo(Plugin):
        name = "typo"
        generic_rules = {"read_also": None}

    with pytest.raises(PluginError, match=r"read_also.*no generic rule"):
        Typo()


def test_outlet_names_are_not_generic_caption_credits():
    caption = "A chart of the poll results, published on Tuesday. NBC News"
    assert "NBC News" not in AGENCIES and "Newsweek" not in AGENCIES
    assert credit_tail(caption) is None
    assert credit_tail(caption, (*AGENCIES, "NBC News")) == "NBC News"
    text = f"{BODY}\n\n{caption}\n\nA second paragraph of body text that also stays in place.\n"
    assert caption in Pipeline().ingest(text, outlet="none").text
    nbc = Pipeline().ingest(text, outlet="nbc")
    assert [(r.rule, r.plugin) for r in nbc.removed] == [("nbc-caption", "nbc")]
