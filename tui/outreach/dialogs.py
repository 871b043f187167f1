"""Mark sent: ask how and when the message went out (both prefilled), and say what will be logged.

The dialog dismisses with :class:`~tui.outreach.actions.SentInfo` (or None when cancelled); the
screen that opened it does the write.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from store import clock
from store.dates import ACCEPTED, DateError, long_date, parse_user_date
from store.models import DRAFT_CHANNELS
from store.outreach import CHANNEL_LABELS
from tui.dialogs import ChoiceDialog
from tui.outreach.results import SentInfo
from widgets.usertext import literal


class MarkSentDialog(ModalScreen[SentInfo | None]):
    """Ask how and when it went out (both prefilled); says what will be logged."""

    DEFAULT_CSS = """
    MarkSentDialog { align: center middle; }
    MarkSentDialog .form-row { height: 1; margin-bottom: 1; }
    MarkSentDialog .form-label { width: 10; }
    MarkSentDialog #sent-channel { width: 1fr; }
    MarkSentDialog #sent-date { width: 14; background: $boost; }
    MarkSentDialog #sent-hint { width: 1fr; margin-left: 2; color: $foreground 60%; }
    MarkSentDialog #sent-error { height: auto; color: $error; text-style: bold; }
"""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="outreach.sent.cancel"),
        Binding("ctrl+s", "confirm", "Mark sent", id="outreach.sent.confirm"),
    ]

    def __init__(self, *, channel: str, effects: list[str], on: date | None = None) -> None:
        super().__init__()
        self._channel = channel if channel in DRAFT_CHANNELS else "email"
        self._effects = effects
        self._on = on

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="mark-sent"):
            yield Static("Mark as sent", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Static("Sent via", classes="form-label")
                yield Select([(CHANNEL_LABELS[c], c) for c in DRAFT_CHANNELS], value=self._channel,
                             allow_blank=False, compact=True, id="sent-channel")
            with Horizontal(classes="form-row"):
                yield Static("On", classes="form-label")
                yield Input(value=self._on.isoformat() if self._on else "today", id="sent-date",
                            compact=True, placeholder="today")
                yield Static("yesterday, -2d, YYYY-MM-DD", id="sent-hint")
            yield Static("", id="sent-error", classes="form-error")
            if self._effects:
                yield Static(literal("\n".join(f"• {e}" for e in self._effects)), classes="muted")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Mark sent", id="confirm", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    @on(Button.Pressed, "#confirm")
    @on(Input.Submitted, "#sent-date")
    def _confirm(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    @on(Button.Pressed, "#cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Input.Changed, "#sent-date")
    def _date_changed(self) -> None:
        self.query_one("#sent-error", Static).update("")

    def action_confirm(self) -> None:
        raw = self.query_one("#sent-date", Input).value
        try:
            day = parse_user_date(raw)
        except DateError as exc:
            self.query_one("#sent-error", Static).update(literal(str(exc)))
            self.query_one("#sent-date", Input).focus()
            return
        if day > clock.today():
            self.query_one("#sent-error", Static).update(
                literal(f"{long_date(day)} is in the future; mark it sent once it has gone. Use {ACCEPTED}."))
            self.query_one("#sent-date", Input).focus()
            return
        channel = self.query_one("#sent-channel", Select).value
        self.dismiss(SentInfo(str(channel), day))

    def action_cancel(self) -> None:
        self.dismiss(None)


class KindAnswer(StrEnum):
    """The answers to "the kind changed, and you edited the text"."""

    KEEP = "keep"
    REPLACE = "replace"


def kind_question(kind_label: str, template_name: str) -> ChoiceDialog:
    """Keep the edited text or replace it with the new kind's template: keeping is selected, and
    replacing has no number (a digit pressed out of habit never throws the text away)."""
    return ChoiceDialog(
        f"Kind: {kind_label}", [(KindAnswer.KEEP, "Keep my text (only the kind changes)"),
                                (KindAnswer.REPLACE, f"Replace it with the “{template_name}” template")],
        message="You have edited this message. Its text stays unless you replace it.",
        selected=KindAnswer.KEEP, unkeyed={KindAnswer.REPLACE})
