"""Space and every other printable key (and é, ², an emoji) in every picker and filter box of the app,
one test per box (issue 14: ``ctrl+o`` then ``space`` in a picker once exited the app with a
TypeError and lost the draft being written).

A box with a text field gets each key alone in the empty box (``space`` in an empty picker was the
crash), then all of them in a row: they must land as text. A picker that is a list (a choice
dialog, the refill list) gets every key but the digits that pick one of its choices. Either way the
app keeps running, the picker stays open, and nothing changes: no write reaches the store, and what
was typed before opening the picker is still there. Outreach's pickers and list filter have the
same tests in ``test_outreach_keys.py``.
"""

from __future__ import annotations

from typing import Any

from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, SelectionList

from store.models import Application
from tests.hostile import EVERY_KEY
from tests.screens import open_board, open_contacts, open_journal, today_ready
from tests.waiting import focused_id, press, type_each_alone, type_keys, until_screen
from tui.board.panels import GoToDialog
from tui.contacts.picker import ContactPicker
from tui.contacts.touch import TouchpointDialog
from tui.dialogs import ChoiceDialog, TextPromptDialog
from tui.today.refill import RefillDialog
from widgets.filter_bar import FilterBar

SIZE = (80, 24)
TYPED = "".join(EVERY_KEY)
UNSAVED = "typed before the picker opened"


async def every_key_into(pilot: Pilot[Any], box: Input) -> None:
    """Each key alone into the empty box, then all of them in a row: text, every one."""
    screen = pilot.app.screen
    await type_each_alone(pilot, EVERY_KEY)
    assert pilot.app.is_running and pilot.app.screen is screen and box.value == ""
    await type_keys(pilot, EVERY_KEY)
    assert pilot.app.is_running and pilot.app.screen is screen
    assert box.value == TYPED and pilot.app.focused is box


async def every_key_but_picks(pilot: Pilot[Any], picker: Screen[Any], choices: int) -> None:
    """Every key but the digits that pick one of ``choices``: the list stays, the app runs."""
    picks = {str(n) for n in range(1, min(choices, 9) + 1)}
    await type_keys(pilot, [k for k in EVERY_KEY if k not in picks])
    assert pilot.app.is_running and pilot.app.screen is picker


# --------------------------------------------------------------------------- board


async def test_board_filter(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        cards = {c.id for column in scr.kanban.visible_columns() for c in scr.kanban.cards(column)}
        await press(pilot, "slash")
        written = demo_store.generation
        await every_key_into(pilot, scr.query_one("#filter-input", Input))
        scr.kanban.focus()
        await press(pilot, "escape")  # clears the filter
        assert app.screen is scr
        assert {c.id for column in scr.kanban.visible_columns() for c in scr.kanban.cards(column)} == cards
    assert demo_store.generation == written


async def test_board_go_to_picker(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        await pilot.press("g")
        picker = await until_screen(pilot, GoToDialog)
        written = demo_store.generation
        await every_key_into(pilot, picker.query_one("#goto-input", Input))
        await press(pilot, "escape")
        assert app.screen is scr
    assert demo_store.generation == written


# --------------------------------------------------------------------------- journal


async def test_journal_search(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_journal(pilot)
        await press(pilot, "slash")
        written = demo_store.generation
        await every_key_into(pilot, scr.query_one("#journal-search", Input))
        await press(pilot, "escape")
        assert app.screen is scr
    assert demo_store.generation == written


async def test_journal_filter_menu_and_each_filter_picker(demo_store, make_app):
    """``F`` (by kind, tag or application), then each of those pickers."""
    tagged = demo_store.journal.entries()[0]
    tagged.tags = ["interview", "sleep"]  # the demo's entries have none: the tag picker needs some
    demo_store.journal.save(tagged)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_journal(pilot)
        written = demo_store.generation
        for pick in ("", "1", "2", "3"):
            await pilot.press("F", *pick)
            picker = await until_screen(pilot, ChoiceDialog)
            await every_key_but_picks(pilot, picker, picker.query_one(OptionList).option_count)
            await press(pilot, "escape")
            assert app.screen is scr, pick
        assert not scr.flt.active
    assert demo_store.generation == written


# --------------------------------------------------------------------------- contacts


async def test_contacts_search(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_contacts(pilot)
        shown = [line.name for line in scr.table.lines]
        await press(pilot, "slash")
        written = demo_store.generation
        await every_key_into(pilot, scr.query_one("#contacts-search", Input))
        assert scr.contacts.filters.text == TYPED.strip()  # searched for, not taken as commands
        await press(pilot, "escape")
        assert app.screen is scr and scr.contacts.filters.text == ""
        assert [line.name for line in scr.table.lines] == shown
    assert demo_store.generation == written


async def test_contacts_filter_menu_and_each_filter_picker(demo_store, make_app):
    """``F`` (due now, role, tag, archived, clear), then the role and tag pickers."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_contacts(pilot)
        written = demo_store.generation
        shown = [line.name for line in scr.table.lines]
        for pick in ("", "2", "3"):
            await pilot.press("F", *pick)
            picker = await until_screen(pilot, ChoiceDialog)
            await every_key_but_picks(pilot, picker, picker.query_one(OptionList).option_count)
            await press(pilot, "escape")
            assert app.screen is scr, pick
        assert [line.name for line in scr.table.lines] == shown
    assert demo_store.generation == written


async def touchpoint_dialog_with_a_summary(pilot: Pilot[Any]) -> TouchpointDialog:
    await open_contacts(pilot)
    await pilot.press("l")
    dialog = await until_screen(pilot, TouchpointDialog)
    dialog.query_one("#tp-summary", Input).value = UNSAVED
    return dialog


async def test_touchpoint_contact_picker(demo_store, make_app):
    """``l`` (log a touchpoint), a summary typed, then ``ctrl+n`` (add a contact to it)."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await touchpoint_dialog_with_a_summary(pilot)
        covers = dialog.query_one("#tp-contacts", SelectionList).selected
        await pilot.press("ctrl+n")
        picker = await until_screen(pilot, ContactPicker)
        written = demo_store.generation
        await every_key_into(pilot, picker.query_one("#cp-filter", Input))
        await press(pilot, "escape")
        assert app.screen is dialog and dialog.query_one("#tp-summary", Input).value == UNSAVED
        assert dialog.query_one("#tp-contacts", SelectionList).selected == covers
    assert demo_store.generation == written


async def test_touchpoint_covers_list(demo_store, make_app):
    """The list of who a touchpoint covers (space ticks and unticks: that is its job)."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await touchpoint_dialog_with_a_summary(pilot)
        covers = dialog.query_one("#tp-contacts", SelectionList)
        covers.focus()
        await pilot.pause()
        written = demo_store.generation
        await every_key_but_picks(pilot, dialog, 0)
        assert focused_id(app) == "tp-contacts" and dialog.query_one("#tp-summary", Input).value == UNSAVED
    assert demo_store.generation == written


async def test_link_an_application_picker(store, make_app, people):
    """``a`` (a contact's applications), then "link an application…"."""
    store.applications.save(Application(company="Bluefin", role="SRE"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_contacts(pilot)
        await pilot.press("a", "1")
        picker = await until_screen(pilot, ContactPicker)
        written = store.generation
        await every_key_into(pilot, picker.query_one("#cp-filter", Input))
        await press(pilot, "escape")
        assert app.screen is scr
    assert store.generation == written
    assert all(c.application_ids == [] for c in store.contacts.all())


# --------------------------------------------------------------------------- today


async def test_today_filter(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await today_ready(pilot)
        scr = app.screen
        await press(pilot, "slash")  # the inline filter: typed keys filter, they don't act
        written = demo_store.generation
        await every_key_into(pilot, scr.query_one(FilterBar).input)
        assert scr.filter_text == TYPED.strip()
        await press(pilot, "escape")
        assert app.screen is scr and scr.filter_text == ""
    assert demo_store.generation == written


async def test_today_refill_list(demo_store, make_app):
    """The "move on" step's Wishlist list (``n`` is its key for "new on the board": not typed)."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await today_ready(pilot)
        scr = app.screen
        app.push_screen(RefillDialog(scr.actions))
        picker = await until_screen(pilot, RefillDialog)
        written = demo_store.generation
        await type_keys(pilot, [k for k in EVERY_KEY if k != "n"])
        assert app.is_running and app.screen is picker and picker.sent == []
        await press(pilot, "escape")
        assert app.screen is scr
    assert demo_store.generation == written


# --------------------------------------------------------------------------- the command palette


async def test_command_palette(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_board(pilot)
        await pilot.press("ctrl+p")
        palette = await until_screen(pilot, CommandPalette)
        written = demo_store.generation
        await every_key_into(pilot, palette.query_one(CommandInput))
        await press(pilot, "escape")
        assert app.screen is scr
    assert demo_store.generation == written


# --------------------------------------------------------------------------- prompts that read numbers


async def test_contacts_pause_all_days_prompt(demo_store, make_app):
    """Not a picker: the one prompt whose check turns the typed text into a number on every key."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        scr = await open_contacts(pilot)
        scr.action_pause_all()
        prompt = await until_screen(pilot, TextPromptDialog)
        box = prompt.query_one("#prompt-input", Input)
        box.value = ""
        written = demo_store.generation
        await every_key_into(pilot, box)
        await press(pilot, "escape")
        assert app.screen is scr
    assert demo_store.generation == written
