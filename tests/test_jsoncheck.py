"""The JSON check at the plugin boundary: a yes for what JSON holds, the path of what it does not."""

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from newsingest.jsoncheck import json_problem

_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=3), st.just(dt.date(2024, 1, 2)))
_BAD = st.one_of(st.just({1, 2}), st.just(b"x"), st.just(object()))
_VALUES = st.recursive(
    st.one_of(_LEAVES, _BAD),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=2), inner, max_size=3)),
    max_leaves=8,
)


def _holds_bad(value) -> bool:
    if isinstance(value, dict):
        return any(_holds_bad(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_bad(item) for item in value)
    return isinstance(value, (set, bytes)) or type(value) is object


@given(_VALUES)
def test_a_problem_is_found_exactly_when_there_is_one(value):
    assert (json_problem(value) is None) == (not _holds_bad(value))


def test_the_problem_names_where_it_is():
    assert json_problem({"a": [1, {"b": {1}}]}) == "metadata['a'][1]['b'] holds a set, which JSON cannot hold"
    assert json_problem({1: "x"}) == "metadata has a key of type int, not str"
    deep: list = []
    for _ in range(60):
        deep = [deep]
    assert json_problem(deep).endswith("is nested more than 50 levels deep")
    assert json_problem({"when": dt.datetime(2024, 1, 2, 3, 4), "tags": ("a", "b")}) is None


def _nested(value, levels: int):
    for level in range(levels):
        value = [value] if level % 2 else {"k": value}
    return value


@given(_VALUES, st.integers(44, 52))
@example("x", 51)  # a plain item one level too deep
@example([], 51)
@example({"a": [1]}, 49)
def test_the_quick_walk_agrees_with_the_walk_that_names_the_problem(value, levels):
    # json_problem answers with the quick walk (_fits) and names the problem with the other:
    # they must agree at every depth, the limit of 50 levels included
    from newsingest.jsoncheck import _fits, _problem

    deep = _nested(value, levels)
    assert _fits(deep, 0) == (_problem(deep, "metadata", 0) is None)
