"""The rated lists of the thought record on their own: numbers and bars (no colour needed), the
keys that rate, toggle, mark and remove, the messages they post, and user text drawn literally."""

from __future__ import annotations

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from widgets.journal_ratings import RatedList, RatedRow, bar

EMOTIONS = [RatedRow("anxious", 70), RatedRow("ashamed"), RatedRow("hopeful", 20, note="was 10")]


def values(lst: RatedList) -> list[int | None]:
    return [r.value for r in lst.rows]


def test_bar_fills_by_tenths_and_dots_when_not_rated():
    assert bar(None) == "·" * 10 and bar(0) == "░" * 10 and bar(100) == "█" * 10
    assert bar(70) == "███████░░░" and bar(34, width=5) == "██░░░"


async def test_rows_show_box_bar_number_and_note():
    async with mounted(RatedList(EMOTIONS), size=(60, 6)) as h:
        lines = h.lines()
        assert lines[0].startswith("▶ [x] anxious") and lines[0].rstrip().endswith("███████░░░  70")
        assert lines[1].startswith("  [ ] ashamed") and "··········   –" in lines[1]
        assert lines[2].rstrip().endswith("20  was 10")


async def test_an_empty_list_says_so():
    async with mounted(RatedList(empty_text="No emotions yet."), size=(40, 4)) as h:
        assert "No emotions yet." in h.lines()[0]
        await h.press("space", "right", "5", "backspace", "x")
        assert h.widget.rows == [] and h.app.is_running


async def test_arrows_nudge_by_ten_shift_by_one_and_clamp():
    async with mounted(RatedList(EMOTIONS), size=(60, 6)) as h:
        h.forget()
        await h.press("right", "right", "right", "right")
        assert values(h.widget)[0] == 100
        await h.press("shift+left", "left")
        assert values(h.widget)[0] == 89
        assert len(h.posted(RatedList.Changed)) - len(h.posted(RatedList.Moved)) == 6
        await h.press("j", "right")  # not rated yet: starts at the list's start value
        assert values(h.widget)[1] == 50


async def test_digits_type_a_number_and_backspace_takes_them_back():
    async with mounted(RatedList(EMOTIONS), size=(60, 6)) as h:
        await h.press("4", "5")
        assert values(h.widget)[0] == 45
        await h.press("backspace")
        assert values(h.widget)[0] == 4
        await h.press("backspace")
        assert values(h.widget)[0] is None
        await h.press("1", "0", "0", "7")  # past 100 starts again
        assert values(h.widget)[0] == 7
        await h.press("j", "k", "9")  # moving on forgets the digits typed
        assert values(h.widget)[0] == 9


async def test_space_toggles_a_rating_in_toggle_mode():
    async with mounted(RatedList(EMOTIONS, start=40), size=(60, 6)) as h:
        await h.press("space")
        assert values(h.widget)[0] is None
        await h.press("space")
        assert values(h.widget)[0] == 40


async def test_space_marks_exactly_one_row_in_mark_mode_and_removal_keeps_one_marked():
    rows = [RatedRow("I'll never get hired", 90, marked=True), RatedRow("They hated me", 60)]
    lst = RatedList(rows, mode="mark", removable=True, mark_text="HOT", unmarked_text="   ")
    async with mounted(lst, size=(60, 6)) as h:
        assert h.lines()[0].startswith("▶ HOT I'll never")
        await h.press("j", "space")
        assert [r.marked for r in lst.rows] == [False, True]
        await h.press("delete")
        assert [r.label for r in lst.rows] == ["I'll never get hired"] and lst.rows[0].marked


async def test_rows_are_removed_only_when_removable():
    async with mounted(RatedList(EMOTIONS), size=(60, 6)) as h:
        await h.press("x", "delete")
        assert len(h.widget.rows) == 3
    async with mounted(RatedList(EMOTIONS, removable=True), size=(60, 6)) as h:
        await h.press("j", "x")
        assert [r.label for r in h.widget.rows] == ["anxious", "hopeful"] and h.widget.cursor == 1


async def test_add_row_selects_it_and_posts_changed():
    async with mounted(RatedList(EMOTIONS), size=(60, 6)) as h:
        h.forget()
        h.widget.add_row(RatedRow("relieved", 30))
        await h.settle()
        assert h.widget.current == RatedRow("relieved", 30)
        assert any(type(m) is RatedList.Changed for m in h.posted(RatedList.Changed))
        assert h.posted(RatedList.Moved)


async def test_markup_in_labels_and_notes_is_shown_as_typed():
    async with mounted(RatedList(), size=(120, 6)) as h:
        for hostile in MARKUP_HOSTILE:
            h.widget.set_rows([RatedRow(hostile, 50, note=hostile[:20])])
            await h.settle()
            assert_shown_literally(h.lines()[0], hostile, width=20)
        await h.press("right", "space", "1")
        assert h.app.is_running


async def test_control_characters_in_labels_never_reach_the_terminal():
    async with mounted(RatedList(), size=(120, 6)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.set_rows([RatedRow(hostile, 50)])
            await h.settle()
            assert_shown_literally(h.lines()[0], hostile, width=4)
