"""The draft's whole-text needle tests, which let rules skip blocks, never skip a block that holds a needle."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsingest._text.draft import Draft
from newsingest._text.match import fold, fold_needles
from newsingest._text.rules import DropLine, Extract
from newsingest.model import Block

_TEXTS = st.lists(st.text(alphabet="abAB ßẞ(\n:é", min_size=0, max_size=12), max_size=6)
_NEEDLES = st.lists(st.text(alphabet="abAB ßs(:é", min_size=1, max_size=3), min_size=1, max_size=3)


@given(_TEXTS, _NEEDLES)
def test_needle_tests_agree_with_each_block(texts: list[str], raw_needles: list[str]) -> None:
    needles = fold_needles(raw_needles)
    draft = Draft(blocks=[Block(text, "paragraph") for text in texts])
    holding = [index for index, text in enumerate(texts) if any(n in fold(text) for n in needles)]
    present = draft.needles_present(needles)
    for index in holding:  # every needle a block holds is reported present
        assert any(n in fold(texts[index]) for n in present)
    first = draft.first_holding(needles)
    assert first <= (holding[0] if holding else len(texts))
    assert draft.may_contain(needles) == bool(present)


def test_the_folded_text_follows_the_blocks() -> None:
    draft = Draft(blocks=[Block("One line", "paragraph"), Block("Two", "paragraph")])
    assert not draft.may_contain(("baca juga",))
    draft.blocks[1] = Block("Baca JUGA: x", "paragraph")  # replaced in place: the list is the same object
    assert draft.needles_present(("baca juga", "lihat")) == ("baca juga",)
    assert draft.first_holding(("baca juga",)) == 1
    draft.blocks.pop(0)
    assert draft.first_holding(("baca juga",)) == 0
    draft.blocks.clear()
    assert not draft.may_contain(("baca juga",))
    assert draft.first_holding(("baca juga",)) == 0


def test_rules_still_see_a_needle_that_a_step_brought_in() -> None:
    drop = DropLine("promo", r"(?i)follow us.*", "promo", needles="follow us")
    credit = Extract("editor", r"Editor: (?P<value>\w+)", "metadata.editor", "editor", needles="editor:")
    draft = Draft(blocks=[Block("Body text.", "paragraph"), Block("Text.", "paragraph")])
    drop.apply(draft)
    credit.apply(draft)
    draft.blocks.append(Block("Follow us on X", "paragraph"))
    draft.blocks.insert(0, Block("Editor: Ana", "paragraph"))
    drop.apply(draft)
    credit.apply(draft)
    assert [block.text for block in draft.blocks] == ["Body text.", "Text."]
    assert draft.metadata["editor"] == "Ana"


def test_the_block_texts_follow_the_blocks() -> None:
    # rules skip a draft when their pattern matches none of these: a stale list would skip a match
    draft = Draft(blocks=[Block(" One line ", "paragraph"), Block("Two", "paragraph")])
    assert draft.stripped_texts() == ["One line", "Two"]
    assert draft.texts() == [" One line ", "Two"]
    draft.blocks[1] = Block("Read also: x", "paragraph")  # replaced in place: the list is the same object
    assert draft.stripped_texts() == ["One line", "Read also: x"]
    drop = DropLine("read", r"Read also: .*", "read-also")
    drop.apply(draft)
    assert draft.texts() == [" One line "]
    draft.blocks.append(Block("Read also: y", "paragraph"))
    drop.apply(draft)
    assert draft.stripped_texts() == ["One line"]


def _dropped_one_by_one(rule: DropLine, texts: list[str]) -> list[str]:
    """What a :class:`DropLine` keeps, each block tested alone with nothing skipped."""
    limit = rule.max_chars if rule.max_chars is not None else float("inf")
    return [
        text
        for text in texts
        if not (
            len(text.strip()) <= limit
            and rule.pattern.fullmatch(text.strip())
            and any(n in fold(text.strip()) for n in rule.needles or ("",))
        )
    ]


@given(
    st.lists(st.text(alphabet="ab \n", max_size=8), max_size=6),
    st.sampled_from([r"a+", r"(?:ab)+ ?", r"[ab ]*b", r"b"]),
    st.one_of(st.none(), st.integers(0, 8), st.just(400)),
    st.sampled_from([(), ("b",), ("ab", "ba")]),
)
def test_a_drop_line_rule_drops_what_testing_each_block_drops(texts, pattern, max_chars, needles) -> None:
    # a rule for short lines tries its pattern on the short blocks only (SHORT_LINE): never one fewer
    rule = DropLine("r", pattern, "r", max_chars=max_chars, needles=needles)
    draft = Draft(blocks=[Block(text, "paragraph") for text in texts])
    rule.apply(draft)
    assert [block.text for block in draft.blocks] == _dropped_one_by_one(rule, texts)


_CHANGES = st.lists(
    st.tuples(
        st.sampled_from(["replace", "pop", "insert", "cut"]),
        st.integers(0, 7),
        st.text(alphabet="abAB ßẞİ\n:é", max_size=10),
    ),
    max_size=8,
)


def _change(blocks: list[Block], change: str, at: int, text: str) -> None:
    """One of :data:`_CHANGES` made to the draft's blocks, as rules make them (the list changed in place)."""
    index = at % len(blocks) if blocks else 0
    if change == "replace" and blocks:
        blocks[index] = Block(text, "paragraph")
    elif change == "pop" and blocks:
        blocks.pop(index)
    elif change == "insert":
        blocks.insert(index, Block(text, "paragraph"))
    elif change == "cut" and blocks:
        blocks[index] = Block(blocks[index].text[len(text) :], "paragraph")


@given(_TEXTS, _CHANGES)
def test_the_folded_text_is_the_blocks_folded_after_any_changes(texts: list[str], changes) -> None:
    # the folded text is made again from the blocks each time they change (reusing the folding of
    # the blocks it has seen): it must always be the text of every block, folded, one a line
    draft = Draft(blocks=[Block(text, "paragraph") for text in texts])
    assert draft.folded_text() == fold("\n".join(texts))
    for change in changes:
        _change(draft.blocks, *change)
        assert draft.folded_text() == fold("\n".join(block.text for block in draft.blocks))
        holding = [i for i, block in enumerate(draft.blocks) if "a" in fold(block.text)]
        assert draft.first_holding(("a",)) <= (holding[0] if holding else len(draft.blocks))


def test_a_draft_adopts_the_folded_text_of_its_own_blocks_only(monkeypatch) -> None:
    other = Draft(blocks=[Block("Baca JUGA", "paragraph"), Block("Two", "paragraph")])
    other.adopt_folded("Some other text", "some other text")  # not the blocks' text: ignored
    assert other.folded_text() == "baca juga\ntwo"

    draft = Draft(blocks=[Block("Baca JUGA", "paragraph"), Block("Two", "paragraph")])
    draft.adopt_folded("Baca JUGA\nTwo", "baca juga\ntwo")
    folded: list[str] = []
    monkeypatch.setattr("newsingest._text.draft.fold", lambda text: folded.append(text) or fold(text))
    assert draft.folded_text() == "baca juga\ntwo"
    assert folded == []  # the adopted text, not folded again
    draft.blocks[1] = Block("ÉTÉ", "paragraph")
    assert draft.folded_text() == "baca juga\nété"
    assert folded == ["ÉTÉ"]  # only the new block


@given(_TEXTS, _CHANGES, st.integers(0, 4))
def test_blocks_unchanged_from_a_start_were_all_marked_there(texts: list[str], changes, start: int) -> None:
    # a step that reads the blocks from ``start`` on skips them when told they are unchanged:
    # each must then be a block the step marked at or after ``start``
    draft = Draft(blocks=[Block(text, "paragraph") for text in texts])
    draft.mark("step")
    marked_below = list(draft.blocks[start:])
    assert draft.unchanged_since_mark("step", start)
    for change in changes:
        _change(draft.blocks, *change)
        if draft.unchanged_since_mark("step", start):  # (blocks compare by text and kind: equal ones read alike)
            below = draft.blocks[start:]
            assert below == marked_below[len(marked_below) - len(below) :]


def test_a_change_above_the_start_leaves_the_blocks_below_unchanged() -> None:
    draft = Draft(blocks=[Block(text, "paragraph") for text in "abcdefg"])
    draft.mark("step")
    draft.blocks[0] = Block("A", "paragraph")
    draft.blocks.pop(1)
    assert draft.unchanged_since_mark("step", 3)
    assert not draft.unchanged_since_mark("step")
    draft.blocks[:0] = [Block("new", "paragraph"), Block("newer", "paragraph")]  # "c", marked above 3, is at 4
    assert not draft.unchanged_since_mark("step", 3)
