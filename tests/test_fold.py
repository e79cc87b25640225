"""The fast case folding (:func:`newsingest._text.match.fold`) is :meth:`str.casefold`, for every text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsingest._text.match import FoldedText, fold

#: Scraped text's own characters, letters that fold to another or to several, and a few of every kind.
_MIXED = st.text(alphabet=st.sampled_from("aZ ,.\n\xa0“”–—’…éÉÖößẞſΣςİK\u212aﬁ\u0301中ا0"), max_size=40)


@given(st.one_of(_MIXED, st.text(max_size=40)))
@example("TRIBUNNEWS.COM, SEMARANG\xa0– “Kata” dia")  # the fast path: every non-ASCII character folds to itself
@example("Straße Ö")  # folds to more characters, and to another one: the plain path
@example("\u212a")  # Kelvin sign: folds to ASCII "k"
def test_fold_is_casefold(text: str) -> None:
    assert fold(text) == text.casefold()


@pytest.mark.parametrize("text", ["x\ud800Y", "\udfff"])
def test_fold_of_a_lone_surrogate_is_casefold(text: str) -> None:
    assert fold(text) == text.casefold()


@given(
    st.text(alphabet="abAB ßs", max_size=12),
    st.lists(st.lists(st.text(alphabet="abs", min_size=1, max_size=3), max_size=3), min_size=1, max_size=6),
)
def test_a_folded_text_answers_every_question_as_a_fresh_search_would(text, questions):
    # FoldedText remembers the needles it found and those it did not: asked again, in any order
    # and any company, it answers as a search of the folded text would
    folded = FoldedText(text)
    for needles in questions:
        assert folded.any_of(needles) == any(needle in text.casefold() for needle in needles)
        for needle in needles:
            assert (needle in folded) == (needle in text.casefold())
            assert folded.find(needle) == text.casefold().find(needle)
