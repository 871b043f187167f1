"""The Today screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.screens.base import ReboundScreen


class TodayScreen(ReboundScreen):
    SCREEN_KEY = "today"
    SCREEN_TITLE = "Today"
    HELP = """What is due today, the rebound plan for each fresh rejection, and how your pipeline is holding up."""

    def compose_body(self) -> ComposeResult:
        yield Static(
            "[b]Today[/b] — what is due, and a plan for each fresh rejection.\n\nNothing is due. Press [b]2[/b] for the board, [b]3[/b] for the journal, [b]4[/b] for contacts, [b]5[/b] for outreach.",
            classes="empty-state",
            id="empty-state",
        )
