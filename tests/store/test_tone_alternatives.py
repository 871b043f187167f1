"""store.tone splits each rule pattern at its top-level ``|`` with one regular expression scan; these
check it against the character loop it replaced, on every rule and on any string of pattern syntax."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store import tone


def loop_split(source: str) -> list[str]:
    """The character-by-character scan the regular expression replaced (the reference)."""
    parts, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="\\[]()|^ab\n", max_size=40))
def test_any_pattern_text_splits_as_the_loop_did(source):
    assert tone._top_level_alternatives(source) == loop_split(source)


def test_every_rule_pattern_splits_as_the_loop_did():
    sources = [r.plain for r in vars(tone).values() if isinstance(r, tone._Rx)]
    sources += [r.plain for group in vars(tone).values() if isinstance(group, tuple)
                for r in group if isinstance(r, tone._Rx)]
    assert len(sources) > 100
    for source in sources:
        assert tone._top_level_alternatives(source) == loop_split(source), source


def test_the_examples_that_matter():
    assert tone._top_level_alternatives(r"a|(b|c)|[|]|\||d") == ["a", "(b|c)", "[|]", r"\|", "d"]
    assert tone._top_level_alternatives(r"[]|]x|y") == ["[]", "]x", "y"]
