"""What every main screen shares: the top bar, the read-only banner, the footer, help text,
palette commands and a refresh when the screen comes back into view."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast, runtime_checkable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from widgets.banner import ReadOnlyBanner
from widgets.topbar import TopBar

if TYPE_CHECKING:
    from store.db import Store
    from tui.app import ReboundApp


@runtime_checkable
class SavesPending(Protocol):
    """A screen (main screen or form) that keeps typed-but-unsaved text and can persist it."""

    def save_pending(self) -> None: ...


class PaletteCommand(NamedTuple):
    title: str
    help: str
    callback: Callable[[], object]


class ReboundScreen(Screen):
    """Base of the five main screens. Subclasses implement :meth:`compose_body`."""

    #: Screen key (``today``, ``board``…) used by the top bar and the palette.
    SCREEN_KEY = ""
    #: Title shown in the help and the palette.
    SCREEN_TITLE = ""
    #: What the screen is for, and how to use it (Markdown, our own text); the help shows it.
    HELP = ""

    @property
    def rapp(self) -> ReboundApp:
        return cast("ReboundApp", self.app)

    @property
    def store(self) -> Store:
        return self.rapp.store

    def compose(self) -> ComposeResult:
        yield TopBar(self.SCREEN_KEY)
        banner = ReadOnlyBanner(id="readonly-banner")
        yield banner
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.query_one(ReadOnlyBanner).set_message(self.rapp.banner_text())

    def on_screen_resume(self) -> None:
        self.query_one(ReadOnlyBanner).set_message(self.rapp.banner_text())
        self.refresh_data()

    def refresh_data(self) -> None:
        """Re-read what the screen shows (another screen may have changed it)."""

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """Commands this screen adds to the palette (ctrl+p)."""
        return ()

    def save_pending(self) -> None:
        """Persist anything typed but not yet saved (called on SIGHUP/SIGTERM and on quit)."""
