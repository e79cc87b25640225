"""The HTML steps alone: selector pre-checks, dropping furniture, the streaming fallback."""

from newsingest.draft import Draft
from newsingest.htmlextract import could_match, drop_selectors, flat_text, parse_html, selector_needles

PAGE = (
    "<html><body><article><p>Body text of the story.</p>"
    "<div class='ad-container'>Advertisement</div>"
    "<aside class='rail'><a>More stories</a></aside></article></body></html>"
)


def test_selector_needles():
    assert selector_needles(".ad-container") == (("ad-container",),)
    assert selector_needles("[class*='ads']") == (("ads",),)
    assert selector_needles("[id^='div-gpt-ad']") == (("div-gpt-ad",),)
    assert selector_needles(".a .b, #c") == (("a", "b"), ("c",))
    assert selector_needles("aside") is None  # names no class or id: cannot be ruled out
    assert selector_needles("[data-testid='ad']") is None


def test_could_match_rules_out_only_what_cannot_match():
    assert could_match(".ad-container", PAGE)
    assert not could_match(".newsletter-box", PAGE)
    assert not could_match(".rail .missing", PAGE)  # every fragment of an alternative is needed
    assert could_match(".missing, .rail", PAGE)  # any alternative may match
    assert could_match("aside", PAGE)


def test_drop_selectors_records_and_skips():
    tree = parse_html(PAGE)
    draft = Draft()
    drop_selectors(tree, (".ad-container", ".newsletter-box", "aside"), draft, "furniture", PAGE)
    assert [r.text for r in draft.removed] == ["Advertisement", "More stories"]
    assert [r.rule for r in draft.removed] == ["selector .ad-container", "selector aside"]
    assert "Advertisement" not in tree.text_content()


def test_flat_text_has_no_depth_limit():
    deep = "<div>" * 50_000 + "<p>Deep words</p>" + "</div>" * 50_000
    assert parse_html("<html><body>" + deep + "</body></html>").text_content().strip() == ""
    assert flat_text("<html><body><script>var x;</script>" + deep + "</body></html>").split() == ["Deep", "words"]
