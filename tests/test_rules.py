"""The rule vocabulary (newsingest._text.rules), each rule class alone on a hand-built draft."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest._text.draft import Draft
from newsingest._text.rules import ARTICLE_FIELDS, DropFrom, DropLine, DropRelatedBlock, Extract, Rule, apply_rules
from newsingest.model import Block, Removed


def draft_of(*texts: str, **kwargs) -> Draft:
    return Draft(blocks=[Block(text) for text in texts], **kwargs)


def texts(draft: Draft) -> list[str]:
    return [block.text for block in draft.blocks]


# --------------------------------------------------------------------------------------------
# DropLine


def test_dropline_uses_fullmatch():
    rule = DropLine("ad", r"Advertisement", "ad label")
    draft = draft_of("Advertisement", "The Advertisement industry grew.", "  Advertisement  ", "Advertisements")
    rule.apply(draft)
    assert texts(draft) == ["The Advertisement industry grew.", "Advertisements"]
    assert [r.text for r in draft.removed] == ["Advertisement", "  Advertisement  "]
    assert {(r.reason, r.rule, r.plugin, r.moved_to) for r in draft.removed} == {("ad label", "ad", None, None)}


def test_dropline_removes_consecutive_matches():
    rule = DropLine("read-also", r"Baca juga: .*", "read also")
    draft = draft_of("Body one.", "Baca juga: A", "Baca juga: B", "Baca juga: C", "Body two.")
    rule.apply(draft)
    assert texts(draft) == ["Body one.", "Body two."]
    assert len(draft.removed) == 3


def test_dropline_accepts_a_compiled_pattern():
    rule = DropLine("x", re.compile(r"share", re.IGNORECASE), "prompt")
    draft = draft_of("SHARE", "share this")
    rule.apply(draft)
    assert texts(draft) == ["share this"]


def test_dropline_max_chars_guards_long_paragraphs():
    long_line = "Read more: " + "word " * 100
    rule = DropLine("read", r"Read more: .*", "read more", max_chars=100)
    draft = draft_of("Read more: short link", long_line.strip())
    rule.apply(draft)
    assert texts(draft) == [long_line.strip()]
    # the default guard is 400 characters
    default = DropLine("read", r"Read more: .*", "read more")
    assert default.max_chars == 400
    draft = draft_of("Read more: " + "x" * 389, "Read more: " + "x" * 390)
    default.apply(draft)
    assert [len(t) for t in texts(draft)] == [401]


def test_dropline_max_chars_none_removes_any_length():
    rule = DropLine("read", r"Read more: .*", "read more", max_chars=None)
    draft = draft_of("Read more: " + "word " * 500)
    rule.apply(draft)
    assert draft.blocks == []


def test_dropline_needles_skip_blocks_without_them():
    rule = DropLine("promo", r".*", "promo", needles=("Subscribe",))
    draft = draft_of("Please SUBSCRIBE now", "Body text.")
    rule.apply(draft)
    assert texts(draft) == ["Body text."]
    assert rule.needles == ("subscribe",)


# --------------------------------------------------------------------------------------------
# DropFrom


def test_dropfrom_removes_marker_to_the_end():
    rule = DropFrom("footer", r"Uncommon Knowledge", "footer")
    draft = draft_of("Headline", "Body.", "Uncommon Knowledge", "Promo.", "About the writer", "Bio.")
    rule.apply(draft)
    assert texts(draft) == ["Headline", "Body."]
    assert [r.text for r in draft.removed] == ["Uncommon Knowledge", "Promo.", "About the writer", "Bio."]
    assert all(r.rule == "footer" and r.reason == "footer" for r in draft.removed)


def test_dropfrom_marker_is_fullmatched():
    rule = DropFrom("footer", r"Uncommon Knowledge", "footer")
    draft = draft_of("Body.", "Uncommon Knowledge is rare, he said.", "More body.")
    rule.apply(draft)
    assert len(draft.blocks) == 3 and draft.removed == []


def test_dropfrom_min_index():
    rule = DropFrom("footer", r"About the writer", "footer")
    assert rule.min_index == 1
    draft = draft_of("About the writer", "Body.", "More body.")
    rule.apply(draft)  # the first block never counts as a marker by default
    assert len(draft.blocks) == 3
    draft = draft_of("Intro.", "Body.", "About the writer", "Bio.")
    DropFrom("footer", r"About the writer", "footer", min_index=3).apply(draft)
    assert len(draft.blocks) == 4  # the marker is before min_index
    DropFrom("footer", r"About the writer", "footer", min_index=2).apply(draft)
    assert texts(draft) == ["Intro.", "Body."]
    draft = draft_of("About the writer", "Bio.")
    DropFrom("footer", r"About the writer", "footer", min_index=0).apply(draft)
    assert draft.blocks == []


def test_dropfrom_without_marker_changes_nothing():
    draft = draft_of("Body.", "More.")
    DropFrom("footer", r"Footer", "footer").apply(draft)
    assert texts(draft) == ["Body.", "More."] and draft.removed == []


# --------------------------------------------------------------------------------------------
# Extract


def test_extract_whole_block_match_removes_block():
    rule = Extract("writer", r"Penulis: (?P<value>.+)", "authors", "writer credit")
    draft = draft_of("Body.", "Penulis: Siti Rahma", "More body.")
    rule.apply(draft)
    assert texts(draft) == ["Body.", "More body."]
    assert draft.authors == ["Siti Rahma"]
    assert draft.removed == [Removed("Penulis: Siti Rahma", "writer credit", "writer", None, "authors")]


def test_extract_partial_match_strips_only_the_match():
    rule = Extract("dateline", r"^TRIBUNNEWS\.COM, (?P<value>[A-Z]+) - ", "metadata.dateline", "dateline")
    draft = draft_of("TRIBUNNEWS.COM, JAKARTA - Banjir melanda kota.", "Body.")
    rule.apply(draft)
    assert texts(draft) == ["Banjir melanda kota.", "Body."]
    assert draft.metadata == {"dateline": "JAKARTA"}
    assert draft.removed == [Removed("TRIBUNNEWS.COM, JAKARTA -", "dateline", "dateline", None, "metadata.dateline")]


def test_extract_partial_match_in_the_middle_joins_the_rest():
    rule = Extract("attrib", r"\((?P<value>Tribunnews\.com/\w+)\)", "metadata.attribution", "attribution")
    draft = draft_of("Kalimat pertama (Tribunnews.com/Rina) kalimat kedua.")
    rule.apply(draft)
    assert texts(draft) == ["Kalimat pertama kalimat kedua."]
    assert draft.metadata["attribution"] == "Tribunnews.com/Rina"


def test_extract_value_from_first_group_or_whole_match():
    draft = draft_of("Editor: Budi")
    Extract("editor", r"Editor: (\w+)", "metadata.editor", "editor").apply(draft)
    assert draft.metadata == {"editor": "Budi"}
    draft = draft_of("Editor: Budi")
    Extract("editor", r"Editor: \w+", "metadata.credit", "editor").apply(draft)
    assert draft.metadata == {"credit": "Editor: Budi"}


def test_extract_keep_copies_and_leaves_text():
    rule = Extract("dateline", r"^(?P<value>WASHINGTON) — ", "metadata.dateline", "dateline", keep=True)
    draft = draft_of("WASHINGTON — The Senate voted.", "WASHINGTON — Again.")
    rule.apply(draft)
    assert texts(draft) == ["WASHINGTON — The Senate voted.", "WASHINGTON — Again."]
    assert draft.metadata == {"dateline": "WASHINGTON"}
    assert draft.removed == []


def test_extract_keep_with_many_copies_from_every_block():
    rule = Extract("bio", r"^(?P<value>[A-Z]\w+ [A-Z]\w+) is a reporter", "authors", "bio", keep=True, many=True)
    draft = draft_of("Jane Doe is a reporter.", "Body.", "John Roe is a reporter.")
    rule.apply(draft)
    assert draft.authors == ["Jane Doe", "John Roe"]
    assert len(draft.blocks) == 3 and draft.removed == []


def test_extract_many_collects_from_several_blocks():
    rule = Extract("writer", r"Penulis: (?P<value>.+)", "metadata.writers", "writer", many=True)
    draft = draft_of("Penulis: A", "Body.", "Penulis: B", "Penulis: C")
    rule.apply(draft)
    assert draft.metadata == {"writers": ["A", "B", "C"]}
    assert texts(draft) == ["Body."]


def test_extract_many_with_partial_matches_moves_on():
    rule = Extract("tag", r"\[(?P<value>\w+)\]", "metadata.tags", "tag", many=True)
    draft = draft_of("One [a] two [b].", "Three [c].")
    rule.apply(draft)
    # every match, block by block (a cut always shortens the block, so this ends),
    # and a second pass finds nothing more
    assert draft.metadata["tags"] == ["a", "b", "c"]
    assert texts(draft) == ["One two .", "Three ."]
    rule.apply(draft)
    assert draft.metadata["tags"] == ["a", "b", "c"]


def test_extract_many_splits_a_list_value():
    rule = Extract(
        "names", r"By (?P<value>.+)", "metadata.names", "names", many=True, convert=lambda v: v.split(" and ")
    )
    draft = draft_of("By A and B")
    rule.apply(draft)
    assert draft.metadata == {"names": ["A", "B"]}


def test_extract_without_many_stores_first_value_but_removes_every_match():
    rule = Extract("reporter", r"Laporan Wartawan, (?P<value>.+)", "metadata.reporter", "reporter")
    draft = draft_of("Laporan Wartawan, First", "Body.", "Laporan Wartawan, Second")
    rule.apply(draft)
    assert draft.metadata == {"reporter": "First"}
    assert texts(draft) == ["Body."]
    assert len(draft.removed) == 2


def test_extract_last_blocks():
    rule = Extract("credit", r"\((?P<value>[A-Z]\w+)\)$", "authors", "credit", last_blocks=1)
    draft = draft_of("Body. (Early)", "More. (Late)")
    rule.apply(draft)
    assert draft.authors == ["Late"]
    assert texts(draft) == ["Body. (Early)", "More."]


def test_extract_first_blocks():
    rule = Extract("reporter", r"Reporter: (?P<value>.+)", "metadata.reporter", "reporter", first_blocks=2)
    draft = draft_of("Body.", "More.", "Reporter: Late")
    rule.apply(draft)
    assert "reporter" not in draft.metadata and len(draft.blocks) == 3
    draft = draft_of("Body.", "Reporter: Early", "More.")
    rule.apply(draft)
    assert draft.metadata == {"reporter": "Early"}
    assert texts(draft) == ["Body.", "More."]


def test_extract_max_chars():
    rule = Extract("writer", r"Penulis: (?P<value>.+)", "authors", "writer", max_chars=20)
    draft = draft_of("Penulis: " + "x" * 30)
    rule.apply(draft)
    assert draft.authors == [] and len(draft.blocks) == 1


def test_extract_empty_optional_group_strips_but_stores_nothing():
    rule = Extract("dateline", r"^TRIBUNNEWS\.COM(?:, (?P<value>[A-Z]+))? - ", "metadata.dateline", "dateline")
    draft = draft_of("TRIBUNNEWS.COM - Kalimat pertama.")
    rule.apply(draft)
    assert texts(draft) == ["Kalimat pertama."]
    assert "dateline" not in draft.metadata
    assert len(draft.removed) == 1
    assert draft.removed[0].text == "TRIBUNNEWS.COM -"
    assert draft.removed[0].moved_to is None  # nothing was moved anywhere


def test_extract_empty_whole_block_is_removed():
    rule = Extract("attrib", r"\((?:(?P<value>Tribunnews\.com/\w+)|\*)\)$", "metadata.attribution", "attribution")
    draft = draft_of("Body.", "(*)")
    rule.apply(draft)
    assert texts(draft) == ["Body."]
    assert draft.metadata == {}


def test_extract_match_covering_the_block_after_strip():
    draft = draft_of("  Penulis: Ana  ")
    Extract("writer", r"Penulis: (?P<value>.+)", "authors", "writer").apply(draft)
    assert draft.blocks == [] and draft.authors == ["Ana"]


def test_extract_date_fields_are_parsed():
    rule = Extract("date", r"^date (?P<value>\d{4}-\d{2}-\d{2}) ", "published", "date prefix")
    draft = draft_of("date 2023-05-01 The text.")
    rule.apply(draft)
    assert draft.published == dt.date(2023, 5, 1)
    assert texts(draft) == ["The text."]
    rule = Extract("when", r"Updated (?P<value>\S+)$", "updated", "update")
    draft = draft_of("Updated 2023-05-01T10:30:00Z")
    rule.apply(draft)
    assert draft.updated == dt.datetime(2023, 5, 1, 10, 30, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("bad", ["2023-13-01", "2023-02-30", "0000-00-00"])
def test_extract_invalid_dates_are_rejected(bad):
    rule = Extract("date", r"^date (?P<value>\d{4}-\d{2}-\d{2}) ", "published", "date prefix")
    draft = draft_of(f"date {bad} The text.")
    rule.apply(draft)
    assert draft.published is None
    assert texts(draft) == [f"date {bad} The text."]
    assert draft.removed == []


def test_extract_convert_returning_none_rejects():
    rule = Extract(
        "n", r"Count: (?P<value>\w+)", "metadata.count", "count", convert=lambda v: int(v) if v.isdigit() else None
    )
    draft = draft_of("Count: many", "Count: 7")
    rule.apply(draft)
    assert draft.metadata == {"count": 7}
    assert texts(draft) == ["Count: many"]


def test_extract_does_not_overwrite_an_article_field():
    draft = draft_of("Title: Second")
    draft.title = "First"
    Extract("title", r"Title: (?P<value>.+)", "title", "title").apply(draft)
    assert draft.title == "First"
    assert draft.blocks == []  # still noise: it is removed


def test_extract_authors_are_deduplicated():
    draft = draft_of("By Jane Doe", "By JANE DOE", "By John Roe")
    Extract("by", r"By (?P<value>.+)", "authors", "byline", many=True).apply(draft)
    assert draft.authors == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize("field", ["author", "metadata.", "metadata", "Title", "body", ""])
def test_extract_invalid_field_name_raises(field):
    with pytest.raises(ValueError, match="field must be one of"):
        Extract("x", r"x", field, "reason")


@pytest.mark.parametrize("field", [*ARTICLE_FIELDS, "metadata.x", "metadata.first_published"])
def test_extract_valid_field_names(field):
    assert Extract("x", r"x", field, "reason").field == field


def test_extract_needles():
    rule = Extract("writer", r"(?i)penulis: (?P<value>.+)", "authors", "writer", needles="PENULIS")
    draft = draft_of("Penulis: Ana")
    rule.apply(draft)
    assert draft.authors == ["Ana"]
    rule = Extract("writer", r"(?i)penulis: (?P<value>.+)", "authors", "writer", needles="editor")
    draft = draft_of("Penulis: Ana")
    rule.apply(draft)
    assert draft.authors == [] and len(draft.blocks) == 1


# --------------------------------------------------------------------------------------------
# DropRelatedBlock

RELATED = DropRelatedBlock("related", r"(?i)(?:you may also like|related|berita terkait)\s*:?", "related links")


def test_related_block_with_headline_teaser_pairs():
    draft = draft_of(
        "Last body paragraph of the article, which ends with a full stop.",
        "You May Also Like",
        "Facebook says Russian disinformation campaign targeted Africa",
        "Three disinformation campaigns spanning hundreds of Facebook pages…",
        "Covid is surging in Europe. Experts say it’s a warning for the U.S.",
        "As Europe finds itself at the epicenter of the Covid-19 pandemic once…",
    )
    RELATED.apply(draft)
    assert texts(draft) == ["Last body paragraph of the article, which ends with a full stop."]
    assert len(draft.removed) == 5
    assert all(r.rule == "related" and r.reason == "related links" for r in draft.removed)


def test_related_block_stops_at_a_body_paragraph():
    body = (
        "The council will meet again next week to vote on the plan, officials said, after a long day of "
        "hearings in which residents voiced concerns about traffic and noise."
    )
    draft = draft_of("Berita Terkait", "Banjir Rendam Jakarta Timur", "Warga Mengungsi ke Masjid", body, "Short Line")
    RELATED.apply(draft)
    assert texts(draft) == [body, "Short Line"]


def test_related_block_stops_at_a_sentence():
    draft = draft_of("Related:", "Storm Hits Coast", "The storm hit the coast on Monday.")
    RELATED.apply(draft)
    assert texts(draft) == ["The storm hit the coast on Monday."]


def test_related_block_stops_at_a_labelled_credit_line():
    draft = draft_of("Berita Terkait", "Banjir Rendam Jakarta", "Penulis: Siti Rahma")
    RELATED.apply(draft)
    assert texts(draft) == ["Penulis: Siti Rahma"]


def test_related_header_followed_by_body_text():
    """Nothing headline-like under the header: the body paragraph after it stays.

    The header line itself is taken out as well (its links were dropped with the
    page furniture), as the class docstring says.
    """
    body = "The talks resumed on Monday, and both sides said they expected an agreement soon enough."
    draft = draft_of("Opening paragraph.", "Related", body)
    RELATED.apply(draft)
    assert texts(draft) == ["Opening paragraph.", body]


def test_related_header_is_fullmatched():
    draft = draft_of("Related coverage continues below, the editors said.", "Short Headline")
    RELATED.apply(draft)
    assert len(draft.blocks) == 2


def test_related_headline_followed_by_teaser_may_end_in_a_full_stop():
    draft = draft_of(
        "Related",
        "Experts say it’s a warning for the U.S.",
        "As Europe finds itself…",
        "Body text, which is long and ends.",
    )
    RELATED.apply(draft)
    assert texts(draft) == ["Body text, which is long and ends."]


def test_related_block_max_headline_words():
    rule = DropRelatedBlock("related", r"Related", "related", max_headline_words=3)
    draft = draft_of("Related", "Three Word Headline", "Four Word Headline Here")
    rule.apply(draft)
    assert texts(draft) == ["Four Word Headline Here"]


def test_two_related_blocks():
    draft = draft_of("Related", "Headline One", "Body sentence here.", "You May Also Like", "Headline Two")
    RELATED.apply(draft)
    assert texts(draft) == ["Body sentence here."]


# --------------------------------------------------------------------------------------------
# apply_rules


def test_apply_rules_records_plugin_name_and_restores_it():
    rules = [DropLine("ad", r"Advertisement", "ad"), Extract("w", r"Penulis: (?P<value>.+)", "authors", "writer")]
    draft = draft_of("Advertisement", "Body.", "Penulis: Ana")
    draft.plugin = "outer"
    apply_rules(draft, rules, plugin="tribun")
    assert [(r.rule, r.plugin) for r in draft.removed] == [("ad", "tribun"), ("w", "tribun")]
    assert draft.plugin == "outer"


def test_apply_rules_without_plugin_records_none():
    draft = draft_of("Advertisement")
    apply_rules(draft, [DropLine("ad", r"Advertisement", "ad")])
    assert draft.removed[0].plugin is None


def test_apply_rules_runs_rules_in_order():
    draft = draft_of("Penulis: Ana")
    apply_rules(
        draft,
        [DropLine("first", r"Penulis: .*", "first"), Extract("second", r"Penulis: (?P<value>.+)", "authors", "x")],
    )
    assert [r.rule for r in draft.removed] == ["first"]
    assert draft.authors == []


def test_apply_rules_restores_plugin_after_an_error():
    class Broken:
        name = "broken"

        def apply(self, draft):
            raise RuntimeError("boom")

    assert isinstance(Broken(), Rule)
    draft = draft_of("Body.")
    with pytest.raises(RuntimeError):
        apply_rules(draft, [Broken()], plugin="p")
    assert draft.plugin is None


def test_rule_classes_are_rules():
    for rule in (
        DropLine("a", "a", "r"),
        DropFrom("a", "a", "r"),
        Extract("a", "a", "title", "r"),
        DropRelatedBlock("a", "a", "r"),
    ):
        assert isinstance(rule, Rule)


# --------------------------------------------------------------------------------------------
# Properties: rules only ever take text out, and account for what they take

WORDS = st.lists(
    st.sampled_from(["Baca", "juga:", "Body", "text.", "Penulis:", "Ana", "Related", "x…", "A"]), max_size=6
)


@given(st.lists(WORDS.map(" ".join).filter(bool), max_size=10))
def test_rules_only_remove_and_record(lines):
    rules = [
        DropLine("read", r"Baca juga: .*", "read"),
        Extract("writer", r"Penulis: (?P<value>\w+)", "authors", "writer", many=True),
        DropRelatedBlock("related", r"Related", "related"),
        DropFrom("footer", r"Body text\. A", "footer"),
    ]
    draft = draft_of(*lines)
    apply_rules(draft, rules, plugin="p")

    def letters(parts):
        return sorted("".join("".join(part.split()) for part in parts))

    # every non-space character is either still in the body or in a removal record
    assert letters([b.text for b in draft.blocks] + [r.text for r in draft.removed]) == letters(lines)
    assert all(r.plugin == "p" for r in draft.removed)


def test_extract_first_blocks_counts_the_blocks_given_not_the_positions_left():
    """A removal must not slide later blocks into the window (three bylines from ``first_blocks=1``)."""
    rule = Extract("byline", r"By (?P<value>[A-Z]\w+)", "authors", "byline", first_blocks=1, many=True)
    draft = Draft(blocks=[Block("By Anna"), Block("By Budi"), Block("By Citra"), Block("Body text.")])
    rule.apply(draft)
    assert draft.authors == ["Anna"]
    assert [b.text for b in draft.blocks] == ["By Budi", "By Citra", "Body text."]


def test_extract_records_moved_to_only_for_a_value_it_stored():
    rule = Extract("writer", r"Penulis: (?P<value>\w+)", "metadata.writer", "credit")
    draft = Draft(blocks=[Block("Penulis: Anna"), Block("Body text."), Block("Penulis: Budi")])
    rule.apply(draft)
    assert draft.metadata == {"writer": "Anna"}
    assert [(r.text, r.moved_to) for r in draft.removed] == [
        ("Penulis: Anna", "metadata.writer"),
        ("Penulis: Budi", None),
    ]


def test_extract_cuts_every_match_from_a_block_not_one_per_pass():
    """Two closing attributions glued to a paragraph: one pass takes both, so a second takes none."""
    rule = Extract("attribution", r"\((?P<value>Site\.com/[A-Za-z ]+)\)$", "metadata.attribution", "closing", many=True)
    draft = Draft(blocks=[Block("Body text ends here. (Site.com/Budi) (Site.com/Ani)")])
    rule.apply(draft)
    assert [b.text for b in draft.blocks] == ["Body text ends here."]
    assert draft.metadata["attribution"] == ["Site.com/Ani", "Site.com/Budi"]
