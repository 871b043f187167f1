"""The close-with-outcome dialog (``x``): how it ended, a reason, an optional tag on a no, the day.

The tag is the person's own and optional: was it outside my control, unknown, or something I can work
on (with a reason, that reason goes on the Lessons list)? It shows for a no only (rejected, ghosted,
role closed); skipping it is fine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from store import clock
from store.control import CONTROL_LABELS, CONTROL_TAGS, NO_OUTCOMES, tag_of
from store.dates import DateError, from_iso, parse_user_date
from store.models import OUTCOMES, Application, one_of
from store.sanitize import clean_line
from tui.board.fields import FORM_CSS, OUTCOME_HELP, DateInput, date_hint, past_only, row
from tui.shell import keymap
from widgets.usertext import literal

#: How the tag reads in the dialog (the workable one says where its reason goes).
TAG_CHOICES = [(CONTROL_LABELS[t] + (" (the reason goes on your Lessons list)" if t == "workable" else ""), t)
               for t in CONTROL_TAGS]


@dataclass(frozen=True)
class Closing:
    """How it ended: what :class:`CloseDialog` dismisses with. ``control``: the optional tag on a no."""

    outcome: str
    reason: str
    on: date
    control: str = ""


class CloseDialog(ModalScreen[Closing | None]):
    """Close with an outcome: pick it (arrows/j/k and enter, or its number), add a reason if you
    like, tag a no if you like, change the date if it happened earlier; ``enter`` in a field or
    ``ctrl+s`` closes."""

    DEFAULT_CSS = FORM_CSS + """
    #close-box #close-tag-row.-hidden { display: none; }
    #close-box #close-tag { width: 1fr; }
    """
    KEYMAP = "board.close"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, application: Application, preset: str | None = None) -> None:
        super().__init__()
        self.application = application
        self.preset = preset if preset in OUTCOMES else (application.outcome or None)
        self.outcome: str | None = self.preset

    def compose(self) -> ComposeResult:
        a = self.application
        with Vertical(id="close-box"):
            yield Static(Content.assemble(("Close ", "bold"), (a.company, "bold"),
                                          (" — " + a.role if a.role else "", "bold")), id="form-title")
            yield Static("How did it end?", classes="muted")
            yield OptionList(*[Option(Content.assemble(f"{i}. ", (o, "bold"), (f"  {OUTCOME_HELP[o]}", "dim")), id=o)
                               for i, o in enumerate(OUTCOMES, start=1)], id="close-outcomes")
            yield row("Reason", Input(a.outcome_reason if a.stage == "closed" else "", placeholder="optional",
                                      id="close-reason", compact=True))
            tag = tag_of(a.outcome_control) if a.stage == "closed" else None
            yield row("Tag", Select(TAG_CHOICES, value=tag if tag else Select.NULL,
                                    prompt="in my control? optional, yours only", id="close-tag", compact=True),
                      row_id="close-tag-row")
            on = from_iso(a.outcome_on) if a.stage == "closed" else None
            text = on.isoformat() if on else "today"
            message, _ = date_hint(text)
            yield row("When", DateInput(text, id="close-date", compact=True),
                      Static(literal(message), id="hint-close-date", classes="hint"))
            yield Static("", id="form-error", classes="form-error -hidden")
            yield Static(Content.assemble(("1-6", "bold"), " pick  ", ("enter", "bold"), " next/close  ",
                                          ("esc", "bold"), " cancel"), id="form-keys")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = OUTCOMES.index(self.preset) if self.preset else 1
        ol.focus()
        self._show_tag()

    def _show_tag(self) -> None:
        """The tag is asked for a no only."""
        ol = self.query_one(OptionList)
        outcome = self.outcome or (OUTCOMES[ol.highlighted] if ol.highlighted is not None else None)
        self.query_one("#close-tag-row").set_class(outcome not in NO_OUTCOMES, "-hidden")

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.focused, OptionList) and event.character and event.character in "123456":
            event.stop()
            self._choose(OUTCOMES[int(event.character) - 1])
        elif isinstance(self.focused, OptionList) and event.key in ("j", "k"):
            event.stop()
            ol = self.query_one(OptionList)
            ol.action_cursor_down() if event.key == "j" else ol.action_cursor_up()

    def _choose(self, outcome: str) -> None:
        self.outcome = outcome
        ol = self.query_one(OptionList)
        ol.highlighted = OUTCOMES.index(one_of(OUTCOMES, outcome, "rejected"))
        self._show_tag()
        self.query_one("#close-reason", Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(str(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_tag()

    @on(Input.Changed, "#close-date")
    def _date_typed(self, event: Input.Changed) -> None:
        message, ok = date_hint(event.value, "close-date")
        hint = self.query_one("#hint-close-date", Static)
        hint.update(literal(message))
        hint.set_class(not ok, "-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _tag(self, outcome: str) -> str:
        value = self.query_one("#close-tag", Select).value
        return str(value) if outcome in NO_OUTCOMES and isinstance(value, str) else ""

    def action_save(self) -> None:
        ol = self.query_one(OptionList)
        if self.outcome is None and ol.highlighted is not None:
            self.outcome = OUTCOMES[ol.highlighted]
        box = self.query_one("#form-error", Static)
        if self.outcome is None:
            box.update("Pick how it ended (1-6).")
            box.remove_class("-hidden")
            ol.focus()
            return
        text = self.query_one("#close-date", Input).value
        try:
            on = parse_user_date(text) if text.strip() else None
        except DateError as exc:
            box.update(literal(str(exc)))
            box.remove_class("-hidden")
            self.query_one("#close-date", Input).focus()
            return
        on = on or clock.today()
        problem = past_only("close-date", on)
        if problem:
            box.update(literal(problem))
            box.remove_class("-hidden")
            self.query_one("#close-date", Input).focus()
            return
        self.dismiss(Closing(self.outcome, clean_line(self.query_one("#close-reason", Input).value), on,
                             self._tag(self.outcome)))

    def action_cancel(self) -> None:
        self.dismiss(None)
