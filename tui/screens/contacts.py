"""The Contacts screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.screens.base import ReboundScreen


class ContactsScreen(ReboundScreen):
    SCREEN_KEY = "contacts"
    SCREEN_TITLE = "Contacts"
    HELP = """The people you met while searching, each with a keep-in-touch rhythm (quarterly by default), sorted by who is due."""

    def compose_body(self) -> ComposeResult:
        yield Static(
            "[b]Contacts[/b] — stay in touch without a spreadsheet: who is due today, and why.\n\nNo contacts yet. Press [b]n[/b] to add one, or import LinkedIn's Connections.csv from the command palette (ctrl+p).",
            classes="empty-state",
            id="empty-state",
        )
