"""What every main screen shares: the top bar, the read-only banner, the footer, help text,
palette commands and a refresh when the screen comes back into view."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol, cast, runtime_checkable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen

from tui.shell import css_once, keymap
from widgets.banner import ReadOnlyBanner
from widgets.look import style_stamp
from widgets.steady_footer import SteadyFooter
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
    #: Its scope in the key map (:mod:`tui.shell.keymap`): its BINDINGS, palette entries and help rows.
    KEYMAP: ClassVar[str] = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        css_once.born_current(self)  # its mode's first visit does not reparse every stylesheet

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
        yield SteadyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        if self.styled_as is None:
            # each widget was styled as it mounted, with the app's look as it is now: the first
            # resume (Today's, at start) restyles them only if that look changes before it
            self.styled_as = style_stamp(self.app)
        self.query_one(ReadOnlyBanner).set_message(self.rapp.banner_text())

    #: What the app's look was when this screen was last styled as a whole (see :func:`style_stamp`).
    styled_as: tuple[object, ...] | None = None

    def on_screen_suspend(self) -> None:
        self.styled_as = style_stamp(self.app)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a resumed screen (``Screen._on_screen_resume``, which runs
        # after this handler), for what changed app-wide while it was away: the theme, the app's
        # classes. When none of that changed, its widgets' styles are already right (a change to one
        # of them restyles it at once, shown or not): the switch paints without the restyle.
        if self.styled_as is not None and self.styled_as == style_stamp(self.app):
            event.refresh_styles = False
        self.query_one(ReadOnlyBanner).set_message(self.rapp.banner_text())
        self.refresh_on_resume()

    def refresh_data(self) -> None:
        """Re-read what the screen shows (another screen may have changed it)."""

    def refresh_on_resume(self) -> None:
        """What a return to the screen re-reads: :meth:`refresh_data`, unless the screen does better."""
        self.refresh_data()

    def palette_commands(self) -> Iterable[PaletteCommand]:
        """Commands this screen adds to the palette (ctrl+p): one per key of its key map that has a
        palette title (running what the key runs), then :meth:`palette_extras`."""
        yield from self.keyed_commands()
        yield from self.palette_extras()

    def keyed_commands(self) -> Iterator[PaletteCommand]:
        """The palette entries made from this screen's keys (their help names the key as bound now)."""
        if not self.KEYMAP:
            return
        user = getattr(self.app, "user_keymap", {})
        for entry in keymap.palette(self.KEYMAP, user, self.palette_subject()):
            yield PaletteCommand(entry.title, entry.help, partial(self.run_later, entry.action))

    def run_later(self, action: str) -> None:
        """Run one of this screen's actions (as its key would) once the palette has closed."""
        self.app.call_later(self.run_action, action)

    def palette_subject(self) -> str | None:
        """What the screen is on, for palette titles that name it ("Edit {subject}"); None: nothing."""
        return None

    def palette_extras(self) -> Iterable[PaletteCommand]:
        """Palette commands that have no key of their own."""
        return ()

    def save_pending(self) -> None:
        """Persist anything typed but not yet saved (called on SIGHUP/SIGTERM and on quit)."""
