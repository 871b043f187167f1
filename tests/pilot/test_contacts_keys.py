"""Keys typed into the contacts screen's text boxes land as text: no key is taken as a command and
nothing crashes (issue 14: a space in a picker once did). The picker gets every printable key; the
search box every key the app or this screen binds to something, and markup brackets."""

from __future__ import annotations

import string

from textual.widgets import Input

from store.models import Application, Contact
from tests.waiting import type_keys
from tui.contacts.picker import ContactPicker
from tui.contacts.screen import ContactsScreen
from tui.contacts.touch import TouchpointDialog

PRINTABLE = "".join(ch for ch in string.printable if ch not in "\t\n\r\x0b\x0c")
BOUND = "12345 ?,/qnedlzcfuptajkgG[]"


async def _type(pilot, box: Input, text: str) -> None:
    await type_keys(pilot, text)
    assert box.value == text


async def test_typed_keys_stay_text_in_the_search_and_the_pickers(store, make_app):
    store.contacts.save(Contact(first_name="Ana", last_name="Almeida", role="recruiter"))
    store.contacts.save(Contact(first_name="Ben", last_name="Brandt", role="mentor"))
    store.applications.save(Application(company="Bluefin", role="SRE"))
    app = make_app(store)
    quit_called: list[int] = []
    app.action_quit = lambda: quit_called.append(1)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ContactsScreen)
        await pilot.press("slash")
        await pilot.pause()
        await _type(pilot, screen.query_one("#contacts-search", Input), BOUND)
        assert app.screen is screen and screen.contacts.filters.text == BOUND.strip()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.contacts.filters.text == "" and len(screen.table.lines) == 2
        # the contact picker of a touchpoint (ctrl+n): every printable key
        await pilot.press("l", "ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ContactPicker)
        await _type(pilot, app.screen.query_one("#cp-filter", Input), PRINTABLE)
        assert isinstance(app.screen, ContactPicker)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TouchpointDialog)
        await pilot.press("escape")
        await pilot.pause()
        # the application picker (a → link an application…), the same picker
        await pilot.press("a", "1")
        await pilot.pause()
        assert isinstance(app.screen, ContactPicker)
        await _type(pilot, app.screen.query_one("#cp-filter", Input), " [/]")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running
    assert not quit_called
