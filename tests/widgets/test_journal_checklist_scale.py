"""The journal's checklist (distortions) and 1-5 scale (mood, energy) on their own: marks that read
without colour, the keys, the messages, and user text in checklist labels drawn literally."""

from __future__ import annotations

from textual.widgets import Input

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from tests.waiting import focused_id
from widgets.journal_checklist import CheckList
from widgets.journal_scale import ScalePicker

ITEMS = [("All-or-nothing", "aon", False), ("Mind reading", "mind", True), ("Labelling", "label", False)]
MOOD = {1: "low", 2: "meh", 3: "okay", 4: "good", 5: "great"}


# --------------------------------------------------------------------------- checklist


async def test_checklist_marks_read_without_colour():
    async with mounted(CheckList(ITEMS), size=(40, 5)) as h:
        lines = h.lines()
        assert lines[0].startswith("[ ] All-or-nothing") and lines[1].startswith("[x] Mind reading")
        assert h.widget.selected == ["mind"] and h.widget.is_checked("mind")


async def test_space_and_enter_tick_the_highlighted_item_and_post_toggled():
    async with mounted(CheckList(ITEMS), size=(40, 5)) as h:
        h.forget()
        await h.press("space")
        await h.press("j", "enter")
        assert [(m.value, m.checked) for m in h.posted(CheckList.Toggled)] == [("aon", True), ("mind", False)]
        assert h.widget.selected == ["aon"] and h.lines()[0].startswith("[x]")
        await h.press("j", "k", "k", "space")
        assert h.widget.selected == []


async def test_set_checked_from_code_redraws_and_posts():
    async with mounted(CheckList(ITEMS), size=(40, 5)) as h:
        h.forget()
        h.widget.set_checked("label", True)
        await h.settle()
        assert h.lines()[2].startswith("[x] Labelling")
        assert [m.control for m in h.posted(CheckList.Toggled)] == [h.widget]


async def test_checklist_markup_labels_are_shown_as_typed():
    items = [(text, f"v{i}", i % 2 == 0) for i, text in enumerate(MARKUP_HOSTILE)]
    async with mounted(CheckList(items), size=(100, 30)) as h:
        lines = h.lines()
        for text in MARKUP_HOSTILE:
            assert_shown_literally(lines, text, width=40)
        await h.press("space", "j", "space")
        assert h.app.is_running and [m.value for m in h.posted(CheckList.Toggled)] == ["v0", "v1"]


async def test_checklist_control_characters_never_reach_the_terminal():
    items = [(text, f"v{i}", False) for i, text in enumerate(CONTROL_HOSTILE)]
    async with mounted(CheckList(items), size=(100, 10)) as h:
        for text in CONTROL_HOSTILE:
            assert_shown_literally(h.lines(), text, width=4)


# --------------------------------------------------------------------------- scale


async def test_scale_marks_the_chosen_value_in_words():
    async with mounted(ScalePicker("Mood", MOOD, value=3), size=(100, 3)) as h:
        line = h.lines()[0]
        assert line.startswith("Mood   ") and "(•) 3 okay" in line and "( ) 1 low" in line
        assert line.count("(•)") == 1


async def test_scale_keys_change_the_value_and_post_changed():
    async with mounted(ScalePicker("Mood", MOOD), size=(100, 3)) as h:
        assert h.widget.value == 0 and "(•)" not in h.lines()[0]
        h.forget()
        await h.press("right")  # from nothing, → starts in the middle
        assert h.widget.value == 3
        await h.press("l", "l", "l")
        assert h.widget.value == 5  # clamped
        await h.press("2")
        assert h.widget.value == 2
        await h.press("h", "left", "left")
        assert h.widget.value == 1
        await h.press("backspace")
        assert h.widget.value == 0
        await h.press("5", "0")
        assert [m.value for m in h.posted(ScalePicker.Changed)][-2:] == [5, 0]
        assert all(m.control is h.widget for m in h.posted(ScalePicker.Changed))


async def test_scale_left_from_nothing_starts_in_the_middle_too():
    async with mounted(ScalePicker("Energy", MOOD), size=(100, 3)) as h:
        await h.press("left")
        assert h.widget.value == 3


async def test_scale_out_of_range_values_are_refused():
    picker = ScalePicker("Mood", MOOD, value=9)
    assert picker.value == 0
    async with mounted(picker, size=(100, 3)) as h:
        h.widget.value = 7
        assert h.widget.value == 0
        await h.press("9", "6")
        assert h.widget.value == 0


async def test_scale_enter_and_down_go_to_the_next_field_up_to_the_previous():
    picker = ScalePicker("Mood", MOOD, id="mood")
    async with mounted(Input(id="before"), size=(100, 10), extra=(picker, Input(id="after")), focus=False) as h:
        for key, lands_on in (("enter", "after"), ("down", "after"), ("up", "before")):
            picker.focus()
            await h.press(key)
            assert focused_id(h.app) == lands_on, key


async def test_scale_click_picks_the_option_under_the_pointer():
    async with mounted(ScalePicker("Mood", MOOD), size=(100, 3)) as h:
        await h.pilot.click(ScalePicker, offset=(7 + 15 * 3 + 2, 0))
        await h.settle()
        assert h.widget.value == 4
