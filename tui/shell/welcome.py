"""The first run on an empty folder: one short screen.

It asks for the name that signs your messages and the pipeline floor (10 unless you say otherwise),
then offers a first application, a LinkedIn import or a look at the demo (sample data in a throwaway
folder; yours stays empty, and quitting the demo comes back here). ``escape`` skips it all; Settings
(``,``) has everything later. It is shown once: answering or skipping is remembered.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.shell import keymap
from widgets.usertext import literal

if TYPE_CHECKING:
    from tui.app import ReboundApp

#: What the app returns when the person chose to look at the demo first (the command line runs it,
#: then opens their own data again).
DEMO_FIRST = "demo-first"
DEFAULT_FLOOR = 10
MAX_FLOOR = 500


class Next(StrEnum):
    """What to do after the welcome."""

    APPLICATION = "application"
    LINKEDIN = "linkedin"
    DEMO = "demo"
    NOTHING = "nothing"


NEXT_LABELS = [
    (Next.APPLICATION, "Add my first application"),
    (Next.LINKEDIN, "Import my LinkedIn connections (Connections.csv)"),
    (Next.DEMO, "Look around the demo first (sample data; yours stays empty)"),
    (Next.NOTHING, "Just start"),
]


@dataclass(frozen=True)
class Welcome:
    """The answers: the name to sign with, the floor, and what next."""

    name: str
    floor: int
    next: Next


def floor_problem(text: str) -> str | None:
    raw = text.strip()
    if not raw:
        return None  # the default
    if not raw.isdigit() or int(raw) > MAX_FLOOR:
        return f"A whole number from 0 to {MAX_FLOOR} (or leave it: {DEFAULT_FLOOR})."
    return None


class WelcomeScreen(ModalScreen[Welcome | None]):
    """Dismisses with :class:`Welcome`, or None when skipped (escape)."""

    DEFAULT_CSS = """
    WelcomeScreen { align: center middle; }
    WelcomeScreen #welcome-box { width: 72; max-width: 100%; height: auto; max-height: 100%;
                                 border: round $primary; background: $surface; padding: 0 1; }
    WelcomeScreen .title { text-style: bold; height: 1; }
    WelcomeScreen .muted { height: auto; margin-bottom: 1; }
    WelcomeScreen .row { height: 1; margin-bottom: 1; }
    WelcomeScreen .row > Label { width: 16; }
    WelcomeScreen .row > Input { width: 1fr; }
    WelcomeScreen #welcome-error { height: auto; color: $error; }
    WelcomeScreen #welcome-next { height: auto; max-height: 6; border: none; padding: 0; }
    WelcomeScreen #welcome-keys { height: 1; color: $foreground 60%; }
    """
    KEYMAP = "welcome"
    BINDINGS = keymap.bindings(KEYMAP)

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box"):
            yield Static("Welcome to Rebound", classes="title")
            yield Static(literal("Two things to start; Settings (,) changes them any time. Everything stays on "
                                 "this machine."), classes="muted")
            with Horizontal(classes="row"):
                yield Label("Sign as")
                yield Input(placeholder="the name that signs your messages", id="welcome-name", compact=True,
                            max_length=100)
            with Horizontal(classes="row"):
                yield Label("Pipeline floor")
                yield Input(str(DEFAULT_FLOOR), id="welcome-floor", compact=True, max_length=3, type="integer")
            yield Static(literal(f"live applications to keep in play; {DEFAULT_FLOOR} is a good start"),
                         classes="muted")
            yield Static("", id="welcome-error")
            yield Static("Then:", classes="title")
            yield OptionList(*[Option(literal(f"{i}. {label}"), id=key.value)
                               for i, (key, label) in enumerate(NEXT_LABELS, start=1)], id="welcome-next")
            yield Static(Content.assemble(("enter", "bold"), " next  ", ("1-4", "bold"), " choose  ",
                                          ("esc", "bold"), " skip"), id="welcome-keys")

    def on_mount(self) -> None:
        self.query_one("#welcome-next", OptionList).highlighted = 0
        self.query_one("#welcome-name", Input).focus()

    @on(Input.Submitted, "#welcome-name")
    def _name_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#welcome-floor", Input).focus()

    @on(Input.Submitted, "#welcome-floor")
    def _floor_done(self, event: Input.Submitted) -> None:
        event.stop()
        if self._check():
            self.query_one("#welcome-next", OptionList).focus()

    def on_key(self, event) -> None:
        if isinstance(self.focused, OptionList) and event.character and event.character in "1234":
            event.stop()
            self._finish(NEXT_LABELS[int(event.character) - 1][0])

    @on(OptionList.OptionSelected, "#welcome-next")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._finish(Next(str(event.option.id)))

    def _check(self) -> bool:
        problem = floor_problem(self.query_one("#welcome-floor", Input).value)
        self.query_one("#welcome-error", Static).update(literal(problem or ""))
        return problem is None

    def _finish(self, then: Next) -> None:
        if not self._check():
            self.query_one("#welcome-floor", Input).focus()
            return
        raw = self.query_one("#welcome-floor", Input).value.strip()
        name = " ".join(self.query_one("#welcome-name", Input).value.split())
        self.dismiss(Welcome(name, int(raw) if raw else DEFAULT_FLOOR, then))

    def action_skip(self) -> None:
        self.dismiss(None)


def welcome(app: ReboundApp) -> None:
    """Show the first-run screen and do what it answers (one write for the answers)."""

    def answered(answer: Welcome | None) -> None:
        store = app.store
        if answer is None:
            app.write(store.settings.skip_welcome)
            app.notify("Settings (,) has your name and the pipeline floor whenever you like.", title="Welcome",
                       markup=False)
            return
        if not app.write(store.settings.welcome, answer.name, answer.floor):
            return
        app.refresh_screens()
        match answer.next:
            case Next.APPLICATION:
                app.new_application()
            case Next.LINKEDIN:
                from tui.transfer import flows

                flows.import_linkedin(app)
            case Next.DEMO:
                app.exit(result=DEMO_FIRST)
            case Next.NOTHING:
                app.notify("Your Rebound is ready. n on the Board adds an application; ? explains any screen.",
                           title="Welcome", markup=False)

    app.push_screen(WelcomeScreen(), answered)


__all__ = ["DEMO_FIRST", "Next", "Welcome", "WelcomeScreen", "floor_problem", "welcome"]
