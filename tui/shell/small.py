"""The "too small" cover: below a usable size (a narrow tmux split, a tiny window) Rebound shows one
line asking for more room instead of drawing screens and dialogs that can't fit (some of Textual's
own drawing fails at under ten columns). Nothing underneath is lost: the cover lifts when the
terminal grows, and whatever was open (a half-typed form included) is back as it was."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 30
MIN_HEIGHT = 8


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    """Covers everything while the terminal is below MIN_WIDTH x MIN_HEIGHT. Keys do nothing here
    except ``q`` (quit: everything is saved)."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Too small: give Rebound {MIN_WIDTH}x{MIN_HEIGHT}"), id="too-small")
