"""The Journal screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.screens.base import ReboundScreen


class JournalScreen(ReboundScreen):
    SCREEN_KEY = "journal"
    SCREEN_TITLE = "Journal"
    HELP = """A private reflection journal: quick check-ins, free writing and guided reframes of the thought that hurts."""

    def compose_body(self) -> ComposeResult:
        yield Static(
            "[b]Journal[/b] — a private place to put the hard thought down and check it against the evidence.\n\nNo entries yet. Press [b]n[/b] for a quick check-in, a free write or a guided reframe.",
            classes="empty-state",
            id="empty-state",
        )
