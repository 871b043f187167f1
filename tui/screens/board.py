"""The Board screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.screens.base import ReboundScreen


class BoardScreen(ReboundScreen):
    SCREEN_KEY = "board"
    SCREEN_TITLE = "Board"
    HELP = """Your job pipeline as a kanban: Wishlist, Applied, Screening, Interviewing, Offer, Closed. Keep enough live leads in play that one no never sends you back to square one."""

    def compose_body(self) -> ComposeResult:
        yield Static(
            "[b]Board[/b] — your job pipeline as a kanban: Wishlist · Applied · Screening · Interviewing · Offer · Closed.\n\nNothing here yet. Press [b]n[/b] to add the first application.",
            classes="empty-state",
            id="empty-state",
        )
