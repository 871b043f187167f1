"""widgets.light_select on its own: cycling, type-to-jump, the menu, the message, Tab, 80x24 and NO_COLOR."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, OptionList

from tests.harness import mounted
from widgets.light_select import ChoiceMenu, LightSelect, next_match

CHANNELS = ["email", "linkedin", "call", "video", "in person", "event", "message", "other"]


def channels(**kwargs) -> LightSelect[str]:
    return LightSelect([(c, c) for c in CHANNELS], value="email", allow_blank=False, id="pick", **kwargs)


# -- the pure rule behind type-to-jump

@given(st.lists(st.text(alphabet="abcAB é", min_size=1, max_size=4), min_size=1, max_size=8),
       st.sampled_from("abcABé"), st.integers(min_value=-1, max_value=8))
def test_a_letter_finds_the_next_label_starting_with_it_or_nothing(labels, char, current):
    current = min(current, len(labels) - 1)
    found = next_match(labels, char, current)
    starts = [i for i, label in enumerate(labels) if label.casefold().startswith(char.casefold())]
    if not starts:
        assert found is None
        return
    assert found in starts
    # the first such label after the current one, going round
    order = [(current + step) % len(labels) for step in range(1, len(labels) + 1)]
    assert found == next(i for i in order if i in starts)


# -- keys on the widget

async def test_right_space_and_left_cycle_round_and_each_change_is_posted():
    async with mounted(channels()) as h:
        h.forget()
        await h.press("right")
        assert h.widget.value == "linkedin"
        await h.press("space")
        assert h.widget.value == "call"
        await h.press("left", "left", "left")
        assert h.widget.value == "other"  # round from the first to the last
        await h.press("right")
        assert h.widget.value == "email"
        assert [m.value for m in h.posted(LightSelect.Changed)] == ["linkedin", "call", "linkedin", "email",
                                                                    "other", "email"]


async def test_cycling_and_jumping_follow_a_simple_model_for_any_keys():
    """Property-style: random key sequences (seeded) against a list-index model of the field."""
    keys = ["right", "left", "space", "e", "c", "o", "m", "l", "v", "z", "E"]
    async with mounted(channels()) as h:
        rng = random.Random(16)
        for _run in range(12):
            h.widget.value = "email"
            index = 0
            sequence = [rng.choice(keys) for _ in range(rng.randint(1, 12))]
            for key in sequence:
                await h.press(key)
                if key in ("right", "space"):
                    index = (index + 1) % len(CHANNELS)
                elif key == "left":
                    index = (index - 1) % len(CHANNELS)
                else:
                    found = next_match(CHANNELS, key, index)
                    index = index if found is None else found
                assert h.widget.value == CHANNELS[index], (sequence, key)
                assert CHANNELS[index] in h.text()


async def test_typing_a_letter_again_goes_to_the_next_choice_with_it_and_a_miss_changes_nothing():
    async with mounted(channels()) as h:
        await h.press("e")
        assert h.widget.value == "event"  # the next "e" after email
        await h.press("e")
        assert h.widget.value == "email"
        await h.press("i")
        assert h.widget.value == "in person"
        await h.press("x")  # no choice starts with x: the bell, nothing else
        assert h.widget.value == "in person"


async def test_a_blank_field_starts_on_its_prompt_and_can_be_blank_again():
    select = LightSelect([("remote", "remote"), ("hybrid", "hybrid")], prompt="—", id="mode")
    async with mounted(select) as h:
        assert h.widget.value is LightSelect.NULL and h.widget.is_blank()
        assert "—" in h.text()
        await h.press("right")
        assert h.widget.value == "remote"
        await h.press("left")
        assert h.widget.value is LightSelect.NULL
        await h.press("h")
        assert h.widget.value == "hybrid"


async def test_enter_opens_the_list_on_the_current_choice_and_enter_picks():
    async with mounted(channels()) as h:
        await h.press("enter")
        menu = h.app.screen
        assert isinstance(menu, ChoiceMenu)
        options = menu.query_one(OptionList)
        assert options.highlighted == 0
        assert all(c in h.text() for c in CHANNELS)  # eight choices fit at 80x24
        await h.press("down", "down", "enter")
        assert not isinstance(h.app.screen, ChoiceMenu)
        assert h.widget.value == "call"
        assert h.app.focused is h.widget


async def test_escape_leaves_the_list_and_the_value_as_they_were():
    async with mounted(channels()) as h:
        await h.press("down")  # as with Select, down opens the list too
        assert isinstance(h.app.screen, ChoiceMenu)
        await h.press("down", "escape")
        assert not isinstance(h.app.screen, ChoiceMenu)
        assert h.widget.value == "email"


async def test_a_letter_in_the_list_moves_to_its_choice():
    async with mounted(channels()) as h:
        await h.press("enter", "v", "enter")
        assert h.widget.value == "video"


async def test_the_list_opens_above_a_field_at_the_bottom_of_a_small_terminal():
    async with mounted(channels(), size=(80, 24)) as h:
        h.widget.styles.offset = (0, 22)  # the last lines of 80x24
        await h.settle()
        await h.press("enter")
        menu = h.app.screen.query_one(OptionList)
        assert menu.region.bottom <= h.widget.region.y
        assert menu.region.y >= 0
        assert all(c in h.text() for c in CHANNELS)


async def test_tab_leaves_the_field_and_keys_typed_then_go_to_the_next_one():
    async with mounted(channels(), extra=(Input(id="next"),)) as h:
        await h.press("tab", "e")
        assert h.app.focused.id == "next"
        assert h.app.query_one("#next", Input).value == "e"
        assert h.widget.value == "email"


async def test_setting_the_value_in_code_shows_it_and_refuses_a_stranger():
    async with mounted(channels()) as h:
        h.widget.value = "video"
        await h.settle()
        assert "video" in h.text()
        assert h.posted(LightSelect.Changed)[-1].value == "video"
        for wrong in ("fax", LightSelect.NULL):
            try:
                h.widget.value = wrong
            except ValueError:
                continue
            raise AssertionError(f"{wrong!r} was taken")


async def test_labels_are_shown_literally_never_as_markup():
    select = LightSelect([("[b]bold[/b]", 1), ("[/]", 2)], value=1, allow_blank=False)
    async with mounted(select) as h:
        assert "[b]bold[/b]" in h.text()
        await h.press("right")
        assert "[/]" in h.text()


async def test_the_focused_field_shows_its_arrows_without_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    async with mounted(channels(), extra=(Input(id="other"),)) as h:
        assert "email" in h.text() and "◂▸" in h.text()
        await h.press("tab")
        assert "◂▸" not in h.text() and "▼" in h.text()
