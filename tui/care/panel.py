"""The support panel: calm words and the person's own support details, after the journal noticed heavy
words (once per entry), or any time from the palette ("Support: I'm struggling").

It never blocks or undoes a save (the entry is on disk before it opens), it is never red, and only its
own choices or escape close it: a key typed by someone still writing does nothing here (the first
button takes focus only after tab, so a stray enter or space can't choose either).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.care.actions import DIRECTORY, SupportDetails, support_details
from tui.shell import keymap
from widgets.usertext import literal

if TYPE_CHECKING:
    from store.db import Store


class Moment(Enum):
    """When the panel opens."""

    SAVED = "saved"  #: the entry was just saved as finished
    WRITING = "writing"  #: the guided reframe moved on a step (its draft is saved)
    ASKED = "asked"  #: from the palette, without any detection


class SupportChoice(StrEnum):
    KEEP_WRITING = "keep"
    STOP = "stop"
    SETTINGS = "settings"


#: Keys the panel lets through: moving between its choices, picking one, scrolling, escape, the palette.
_KEYS = frozenset({"tab", "shift+tab", "enter", "space", "left", "right", "up", "down", "pageup", "pagedown",
                   "home", "end", "escape", "ctrl+p"})

NOT_THERAPY = ("Rebound is a journal, not therapy, and it can't help in an emergency. If you might act on "
               "these thoughts, please call your local emergency number now.")


def support_text(details: SupportDetails, moment: Moment) -> Content:
    """What the panel says (the person's own details shown as plain text, never markup)."""
    parts: list[Content | str | tuple[str, str]] = []
    if moment is Moment.SAVED:
        parts.append("It's saved in your journal.\n\n")
    elif moment is Moment.WRITING:
        parts.append("What you've written so far is saved.\n\n")
    else:
        parts.append("You don't have to carry this on your own.\n\n")
    parts += [NOT_THERAPY.replace("these thoughts", "thoughts of harming yourself")
              if moment is Moment.ASKED else NOT_THERAPY, "\n"]
    if details.line:
        label = "Support line: " if details.preset else "Your support line: "
        parts += ["\n", (label, "bold"), literal(details.line)]
    if details.person:
        parts += ["\n", ("Someone you can reach: ", "bold"), literal(details.person)]
    if details.helps:
        parts += ["\n", ("What helps you:", "bold"), "\n", literal(details.helps)]
    if not details.line:
        parts += ["\n", f"Free, confidential lines by country: {DIRECTORY}"]
    if details.empty or details.preset:
        parts += ["\n\n", ("You can keep your own support line and someone you trust in Settings › Support.",
                           "italic")]
    return Content.assemble(*parts)


class SupportPanel(ModalScreen[SupportChoice | None]):
    """Dismisses with the :class:`SupportChoice` picked, or None on escape."""

    KEYMAP = "care.support"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    SupportPanel { align: center middle; }
    SupportPanel #support-box {
        width: 74; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 2;
    }
    SupportPanel #support-title { text-style: bold; height: auto; margin: 1 0; }
    SupportPanel #support-scroll { height: auto; max-height: 13; }
    SupportPanel #support-keys { color: $foreground 60%; height: 1; margin-top: 1; }
    SupportPanel #support-buttons { height: auto; margin-bottom: 1; }
    SupportPanel #support-buttons Button { margin-right: 2; min-width: 8; }
    """

    def __init__(self, details: SupportDetails, moment: Moment) -> None:
        super().__init__()
        self.details = details
        self.moment = moment

    def compose(self) -> ComposeResult:
        title = "Support" if self.moment is Moment.ASKED else "Thank you for putting this into words."
        with Vertical(id="support-box"):
            yield Static(title, id="support-title", markup=False)
            with VerticalScroll(id="support-scroll", can_focus=True):
                yield Static(support_text(self.details, self.moment), id="support-text")
            yield Static("tab: the choices · enter: pick one · escape: close", id="support-keys", markup=False)
            with Horizontal(id="support-buttons"):
                if self.moment is Moment.ASKED:
                    yield Button("Close", id="support-stop", compact=True)
                else:
                    yield Button("Keep writing", id="support-keep", compact=True)
                    yield Button("Stop here (it's saved)", id="support-stop", compact=True)
                yield Button("Open Settings › Support", id="support-settings", compact=True)

    def on_mount(self) -> None:
        self.query_one("#support-scroll").focus()

    def on_key(self, event: events.Key) -> None:
        """Keys typed by someone still writing go nowhere (not to the app's screen keys either)."""
        if event.key not in _KEYS:
            event.stop()
            event.prevent_default()

    @on(Button.Pressed, "#support-keep")
    def _keep(self) -> None:
        self.dismiss(SupportChoice.KEEP_WRITING)

    @on(Button.Pressed, "#support-stop")
    def _stop(self) -> None:
        self.dismiss(SupportChoice.STOP)

    @on(Button.Pressed, "#support-settings")
    def _settings(self) -> None:
        self.dismiss(SupportChoice.SETTINGS)

    def action_close(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- opening it


def open_support_settings(app: App[Any]) -> None:
    """Settings, on the Support fields."""
    from tui.settings.screen import SettingsScreen

    app.push_screen(SettingsScreen(focus="support_line"))


def show_support(app: App[Any], store: Store, moment: Moment,
                 then: Callable[[SupportChoice | None], object] | None = None) -> None:
    """Open the panel with the person's current details; "Open Settings › Support" is handled here,
    every other choice goes to ``then``."""

    def chosen(choice: SupportChoice | None) -> None:
        if choice is SupportChoice.SETTINGS:
            open_support_settings(app)
        if then is not None:
            then(choice)

    app.push_screen(SupportPanel(support_details(store.settings.current()), moment), chosen)
