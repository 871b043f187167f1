"""Getting to each of Rebound's screens in a Pilot test, and finding it again, defined once.

The app's number keys open the screens (1 Today, 2 Board, 3 Journal, 4 Contacts, 5 Outreach); each
``open_*`` presses one and waits until that screen is shown (:func:`tests.waiting.open_screen`).
Today paints its frame first and reads its data a moment later: :func:`today_ready` waits for that.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot

from tests.waiting import open_screen, screen_of, text_of, until
from tui.board.screen import BoardScreen
from tui.contacts.screen import ContactsScreen
from tui.journal.screen import JournalScreen
from tui.outreach.screen import OutreachScreen
from tui.today.screen import TodayScreen


async def open_board(pilot: Pilot[Any]) -> BoardScreen:
    return await open_screen(pilot, "2", BoardScreen)


async def open_journal(pilot: Pilot[Any]) -> JournalScreen:
    return await open_screen(pilot, "3", JournalScreen)


async def open_contacts(pilot: Pilot[Any]) -> ContactsScreen:
    return await open_screen(pilot, "4", ContactsScreen)


async def open_outreach(pilot: Pilot[Any]) -> OutreachScreen:
    return await open_screen(pilot, "5", OutreachScreen)


async def today_ready(pilot: Pilot[Any]) -> None:
    """Wait until Today has read its data (at once when another screen is on top)."""

    def ready() -> bool:
        screen = pilot.app.screen
        return not isinstance(screen, TodayScreen) or screen.summary is not None

    await until(pilot, ready, what="Today's data")


def board(app: App[Any]) -> BoardScreen:
    """The board, under whatever dialog is on top of it."""
    return screen_of(app, BoardScreen)


def kanban_text(app: App[Any]) -> str:
    """What the board's kanban draws."""
    return text_of(board(app).kanban)


def contacts_screen(app: App[Any]) -> ContactsScreen:
    """The contacts screen (in its own mode), under whatever dialog is on top of it."""
    return screen_of(app, ContactsScreen, "contacts")


def outreach(app: App[Any]) -> OutreachScreen:
    """The outreach screen, under whatever dialog is on top of it."""
    return screen_of(app, OutreachScreen)
