"""The top bar (which screen is current, said without colour) and the read-only banner (its
message shown literally, hidden when empty)."""

from __future__ import annotations

import pytest

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from widgets.banner import ReadOnlyBanner
from widgets.topbar import SCREENS, TopBar


@pytest.mark.parametrize("current", [name for _key, name, _label in SCREENS])
def test_the_current_screen_is_reversed_and_every_screen_has_its_key(current):
    content = TopBar(current).render_bar()
    plain = content.plain
    assert plain.startswith(" Rebound ") and plain.endswith("? help · ctrl+p commands")
    for key, _name, label in SCREENS:
        assert f"{key} {label}" in plain
    label = next(lb for _k, n, lb in SCREENS if n == current)
    reversed_text = [plain[s.start:s.end] for s in content.spans if "reverse" in str(s.style)]
    assert reversed_text == [f" {dict((n, k) for k, n, _ in SCREENS)[current]} {label} "]


async def test_the_top_bar_paints_on_mount():
    async with mounted(TopBar("journal"), size=(100, 2)) as h:
        assert "3 Journal" in h.lines()[0] and "Rebound" in h.lines()[0]


async def test_the_banner_shows_its_message_and_hides_when_empty():
    async with mounted(ReadOnlyBanner(""), size=(100, 3)) as h:
        h.widget.set_message("Read-only: process 42 on box has this data open.")
        await h.settle()
        assert not h.widget.has_class("-hidden")
        assert "Read-only: process 42 on box has this data open." in h.lines()[0]
        h.widget.set_message("")
        await h.settle()
        assert h.widget.has_class("-hidden")


async def test_markup_in_a_banner_message_is_shown_as_typed():
    async with mounted(ReadOnlyBanner(""), size=(100, 12)) as h:
        for hostile in MARKUP_HOSTILE:
            h.widget.set_message(hostile)
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=60)


async def test_control_characters_in_a_banner_message_never_reach_the_terminal():
    async with mounted(ReadOnlyBanner(""), size=(100, 6)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.set_message(hostile)
            await h.settle()
            assert_shown_literally(h.lines(), hostile, width=4)
