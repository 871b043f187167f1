"""The items editor (evidence for / against) on its own: type and enter adds, ↓ reaches the list,
delete removes, enter takes an item back to change it; user text shown literally."""

from __future__ import annotations

from textual.widgets import Input

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from tests.waiting import paste, type_text
from widgets.journal_items import ItemOptions, ItemsEditor


def editor(items=("They asked good questions", "I prepared")) -> ItemsEditor:
    return ItemsEditor("Evidence against", items, placeholder="What else is true?", id="against")


async def test_title_items_and_placeholder_are_shown():
    async with mounted(editor(), size=(60, 10)) as h:
        text = h.text()
        assert "Evidence against" in text and "What else is true?" in text
        assert "• They asked good questions" in text and "• I prepared" in text


async def test_typing_and_enter_adds_an_item_and_posts_changed():
    async with mounted(editor(()), size=(60, 10)) as h:
        h.widget.query_one(Input).focus()
        h.forget()
        await type_text(h.pilot, "final round")
        assert h.widget.pending == "final round" and h.posted(ItemsEditor.Changed)
        await h.press("enter")
        assert h.widget.items == ["final round"] and h.widget.pending == ""
        assert "• final round" in h.text()
        await h.press("enter")  # nothing typed: nothing added
        assert h.widget.items == ["final round"]


async def test_down_reaches_the_list_delete_removes_and_up_returns_to_the_line():
    async with mounted(editor(), size=(60, 10)) as h:
        h.widget.query_one(Input).focus()
        await h.press("down")
        options = h.widget.query_one(ItemOptions)
        assert h.app.focused is options and options.highlighted == 0
        await h.press("j", "x")
        assert h.widget.items == ["They asked good questions"]
        await h.press("k", "k")
        assert isinstance(h.app.focused, Input)


async def test_enter_on_an_item_takes_it_back_into_the_line_keeping_what_was_typed():
    async with mounted(editor(), size=(60, 10)) as h:
        line = h.widget.query_one(Input)
        line.focus()
        await type_text(h.pilot, "half")
        await h.press("down", "enter")
        assert line.value == "They asked good questions" and h.app.focused is line
        assert h.widget.items == ["I prepared", "half"]


async def test_commit_pending_and_set_items():
    async with mounted(editor(()), size=(60, 10)) as h:
        assert not h.widget.commit_pending()
        h.widget.query_one(Input).value = "  typed but not added  "
        assert h.widget.commit_pending() and h.widget.items == ["typed but not added"]
        h.widget.set_items(["one", "two\nlines"])
        await h.settle()
        assert h.widget.items == ["one", "two\nlines"] and "• two lines" in h.text()


async def test_tab_moves_between_typing_lines_skipping_the_lists():
    first, second = editor(), ItemsEditor("Evidence for", ["x"], id="for")
    async with mounted(first, size=(60, 20), extra=(second,)) as h:
        first.query_one(Input).focus()
        await h.press("tab")
        assert h.app.focused is second.query_one(Input)
        await h.press("shift+tab")
        assert h.app.focused is first.query_one(Input)


async def test_markup_in_items_and_title_is_shown_as_typed():
    async with mounted(editor(()), size=(100, 10)) as h:
        line = h.widget.query_one(Input)
        for hostile in MARKUP_HOSTILE:
            h.widget.set_items([hostile])
            await paste(h.pilot, line, hostile[:50])
            await h.settle()
            shown = h.lines()
            assert_shown_literally(shown[1], hostile[:50], width=40)  # the line being typed
            assert_shown_literally(shown[2:], hostile, width=40)  # the item (wrapped if long)
            line.value = ""
        assert h.app.is_running


async def test_control_characters_in_items_never_reach_the_terminal():
    async with mounted(editor(()), size=(100, 10)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.set_items([hostile])
            await h.settle()
            assert_shown_literally(h.lines()[2], "• " + hostile, width=6)
