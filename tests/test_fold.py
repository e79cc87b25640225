"""The fast case folding (:func:`newsingest._text.match.fold`) is :meth:`str.casefold`, for every text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsingest._text.match import fold

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
