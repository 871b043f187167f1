"""The Outreach screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.screens.base import ReboundScreen


class OutreachScreen(ReboundScreen):
    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach"
    HELP = """Thank-you notes, feedback requests and check-ins, drafted from templates, checked for length and tone, copied to your mail or LinkedIn."""

    def compose_body(self) -> ComposeResult:
        yield Static(
            "[b]Outreach[/b] — thank-you notes, feedback requests and check-ins that sound like you.\n\nNo drafts yet. Press [b]n[/b] to start one from a template.",
            classes="empty-state",
            id="empty-state",
        )
