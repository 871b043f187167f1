"""Text sparklines: one plain character per value (no colour needed), gaps for missing values, and
averaging to fit a width with the newest value kept on the right."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.sparkline_text import BLOCKS, GAP, fit_width, sparkline

VALUES = st.lists(st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6)), max_size=200)


def test_values_scale_between_the_data_range_or_the_given_bounds():
    assert sparkline([1, 2, 3, 4, 5], lo=1, hi=5) == "▁▃▅▆█"
    assert sparkline([1, 5]) == "▁█"
    assert sparkline([3, 3, 3]) == BLOCKS[len(BLOCKS) // 2] * 3  # a flat line sits in the middle
    assert sparkline([0, 9], lo=1, hi=5) == "▁█"  # outside the bounds: clamped


def test_missing_values_are_gaps():
    assert sparkline([None, 1, None, 5]) == "·▁·█"
    assert sparkline([None, None]) == GAP * 2 and sparkline([]) == ""


def test_fit_width_averages_from_the_right():
    assert fit_width([1, 2, 3, 4, 5], 10) == [1, 2, 3, 4, 5]
    assert fit_width([1, 2, 3, 4, 5], 2) == [1.5, 4.0]  # (1, 2) and (3, 4, 5): the newest group is whole
    assert fit_width([1, None, None, None], 2) == [1.0, None]
    assert fit_width([1, 2], 0) == []


@settings(max_examples=60, derandomize=True, deadline=None)
@given(VALUES, st.integers(min_value=1, max_value=80))
def test_one_character_per_value_after_fitting_to_any_width(values, width):
    fitted = fit_width(values, width)
    assert len(fitted) <= width and (len(fitted) == len(values) or len(values) > width)
    line = sparkline(fitted)
    assert len(line) == len(fitted) and set(line) <= set(BLOCKS + GAP)
    assert [c == GAP for c in line] == [v is None for v in fitted]
