"""Logging, editing and deleting touchpoints.

* :class:`TouchpointDialog` — date (default today; anything ``parse_user_date`` reads, never in the
  future), channel, direction, kind, summary, and the contacts it covers (one touchpoint may cover
  several: ``ctrl+n`` adds one, space unticks one). ``ctrl+s`` or enter in the summary saves.
  Dismisses with the touchpoint (not saved), or None.
* :class:`TouchpointsDialog` — a contact's whole timeline (a line-API list): ``e``/enter edits the
  highlighted touchpoint, ``d`` deletes it (after a yes), ``n`` logs a new one. It does the changes
  through :class:`~tui.contacts.actions.ContactsActions` and dismisses with whether anything changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from store import clock
from store.dates import ACCEPTED, DateError, from_iso, long_date, parse_user_date, short_date
from store.models import CHANNELS, DIRECTIONS, TOUCH_KINDS, Touchpoint, one_of
from tui.contacts.actions import ContactsActions, Done
from tui.contacts.picker import ContactPicker
from tui.dialogs import ConfirmDialog, kept
from tui.shell import keymap
from widgets.field_row import FieldRow
from widgets.light_select import LightSelect
from widgets.quick_form import QuickModal, compact
from widgets.usertext import literal

DIRECTION_LABELS = {"out": "out — I reached out", "in": "in — they reached out", "two-way": "two-way — we talked"}

TOUCH_CSS = """
TouchpointDialog, TouchpointsDialog { align: center middle; }
#tp-box, #tps-box {
    width: 100%; max-width: 90; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
.tp-title { text-style: bold; height: 1; }
TouchpointDialog .form-row { height: auto; min-height: 1; }
TouchpointDialog .form-row { color: $foreground 80%; }
TouchpointDialog .form-row > .-first { margin-left: 11; }
TouchpointDialog .form-row > Input { width: 1fr; }
TouchpointDialog .form-row > Input.date { width: 16; }
TouchpointDialog .form-row > LightSelect { width: 30; }
TouchpointDialog .form-row > .hint { width: 1fr; height: auto; padding-left: 1; color: $foreground 70%; }
TouchpointDialog .form-row > .hint.-error { color: $warning; text-style: bold; }
#tp-contacts { height: auto; max-height: 6; }
#tp-error { color: $warning; text-style: bold; height: auto; }
#tp-error.-hidden { display: none; }
.tp-keys { height: auto; color: $foreground 60%; }
#tps-list { height: auto; max-height: 16; }
"""


def _row(label: str, *widgets: Widget) -> FieldRow:
    return FieldRow(label, *widgets, classes="form-row")


def touch_line(t: Touchpoint, today: date | None = None) -> str:
    d = from_iso(t.date)
    when = short_date(d, today) if d else t.date
    arrow = {"out": "→", "in": "←", "two-way": "↔"}.get(t.direction, "·")
    text = f"{when:<11} {arrow} {t.kind} · {t.channel}"
    if t.summary:
        text += " — " + t.summary.replace("\n", " ")
    if len(t.contact_ids) > 1:
        text += f"  (with {len(t.contact_ids) - 1} more)"
    return text


class TouchpointDialog(QuickModal[Touchpoint | None]):
    """Log a new touchpoint (or edit one). Dismisses with the touchpoint, not yet saved."""

    DEFAULT_CSS = TOUCH_CSS
    KEYMAP = "contacts.touchpoint"
    BINDINGS = keymap.bindings(KEYMAP)
    #: The field the cursor starts in (the summary; the date when editing), focused as the dialog is
    #: built: Textual's default focuses the first field, then on_mount moved it (two restyles each).
    AUTO_FOCUS = ".-start"

    def __init__(self, contacts: Sequence[tuple[str, str]], *, touchpoint: Touchpoint | None = None,
                 kind: str = "check-in", channel: str = "email",
                 all_contacts: Callable[[], Sequence[tuple[str, str]]] | None = None,
                 on_hangup: Callable[[Touchpoint], object] | None = None) -> None:
        """``contacts``: (id, name) of who it covers; ``all_contacts`` lists everyone for ``ctrl+n``;
        ``on_hangup`` saves a valid, changed touchpoint if the terminal goes away mid-edit."""
        super().__init__()
        self.on_hangup = on_hangup
        self.original = touchpoint
        self._contacts = list(contacts)
        self._all = all_contacts
        self._kind = touchpoint.kind if touchpoint else kind
        self._channel = touchpoint.channel if touchpoint else channel
        self._initial: tuple | None = None
        self._fresh_classes: dict[Widget, frozenset[str]] = {}

    def _title(self) -> Content:
        names = ", ".join(n for _i, n in self._contacts[:3]) + (
            f" and {len(self._contacts) - 3} more" if len(self._contacts) > 3 else "")
        return literal(("Edit touchpoint" if self.original else "Log a touchpoint") + (f" — {names}" if names else ""))

    def compose(self) -> ComposeResult:
        t = self.original
        kind = self._kind if self._kind in TOUCH_KINDS else "other"
        channel = self._channel if self._channel in CHANNELS else "other"
        direction = t.direction if t and t.direction in DIRECTIONS else "out"
        with Vertical(id="tp-box"):
            yield Static(self._title(), classes="tp-title")
            yield _row("Date", compact(Input(t.date if t else "today", id="tp-date",
                                             classes="date" if t is None else "date -start")),
                       Static("", id="tp-date-hint", classes="hint"))
            yield _row("Channel", LightSelect([(c, c) for c in CHANNELS], value=channel, allow_blank=False,
                                              id="tp-channel"))
            yield _row("Direction", LightSelect([(DIRECTION_LABELS[d], d) for d in DIRECTIONS], value=direction,
                                                allow_blank=False, id="tp-direction"))
            yield _row("Kind", LightSelect([(k, k) for k in TOUCH_KINDS], value=kind, allow_blank=False,
                                           id="tp-kind"))
            yield _row("Summary", compact(Input(t.summary if t else "", placeholder="what happened, in a line",
                                                id="tp-summary", classes="-start" if t is None else None)))
            yield Static(Content.assemble(("Covers", "bold"), "  (space unticks · ctrl+n adds a contact)"),
                         classes="tp-keys")
            yield compact(SelectionList(*[(literal(n), i, True) for i, n in self._contacts], id="tp-contacts"))
            yield Static("", id="tp-error", classes="-hidden")
            yield Static(Content.assemble(("ctrl+s", "bold"), "/", ("enter", "bold"), " in summary: save  ",
                                          ("esc", "bold"), " cancel · out and two-way touches reset the clock"),
                         classes="tp-keys")

    def on_mount(self) -> None:
        self.query_one("#tp-summary" if self.original is None else "#tp-date", Input).focus()
        self._check_date()
        self._initial = self._state()
        self._fresh_classes = kept.classes_of(self)

    # -- kept between openings (a new touchpoint: tui.dialogs.kept)

    def open_log(self, contacts: Sequence[tuple[str, str]], kind: str,
                 all_contacts: Callable[[], Sequence[tuple[str, str]]] | None,
                 on_hangup: Callable[[Touchpoint], object] | None) -> None:
        """Set this kept dialog, opened before, to a new touchpoint for ``contacts``, as a fresh
        ``TouchpointDialog(contacts, kind=kind, …)`` would be."""
        self.clear()
        listed, self._contacts = self._contacts, list(contacts)  # listed: what the list holds now
        self._all, self.on_hangup, self._kind = all_contacts, on_hangup, kind
        title = self.query_one(".tp-title", Static)
        if title.content != (wanted := self._title()):
            title.update(wanted, layout=False)
        with self.prevent(LightSelect.Changed, SelectionList.SelectedChanged):
            self.query_one("#tp-kind", LightSelect).value = kind if kind in TOUCH_KINDS else "other"
            ticks = self.query_one("#tp-contacts", SelectionList)
            if listed != self._contacts or len(ticks.selected) != len(listed):
                ticks.clear_options()
                ticks.add_options([(literal(n), i, True) for i, n in self._contacts])
            if ticks.highlighted != (0 if self._contacts else None):
                ticks.highlighted = 0 if self._contacts else None  # as mounting a fresh one does
        self._check_date()  # the day may have changed since
        self.set_focus(self.query_one("#tp-summary", Input), scroll_visible=False)
        self._initial = self._state()

    def clear(self) -> None:
        """Back to a new touchpoint's defaults (nothing typed kept in the hidden dialog); quiet: no
        ``Changed`` message."""
        with self.prevent(Input.Changed, LightSelect.Changed):
            for selector, value in (("#tp-date", "today"), ("#tp-summary", "")):
                if (field := self.query_one(selector, Input)).value != value:
                    field.value = value
            for selector, value in (("#tp-channel", self._channel), ("#tp-direction", "out")):
                self.query_one(selector, LightSelect).value = value
        error = self.query_one("#tp-error", Static)
        if error.content:
            error.update("")
        kept.restore_classes(self._fresh_classes)  # the error hidden, the fields' -valid gone…

    def on_screen_suspend(self) -> None:
        if kept.is_kept(self.app, self):
            kept.after_close(self.app, self)

    def _state(self) -> tuple:
        return (self.query_one("#tp-date", Input).value, self.query_one("#tp-summary", Input).value,
                self.query_one("#tp-channel", LightSelect).value,
                self.query_one("#tp-direction", LightSelect).value, self.query_one("#tp-kind", LightSelect).value,
                tuple(self._selected_ids()))

    def _selected_ids(self) -> list[str]:
        return list(self.query_one("#tp-contacts", SelectionList).selected)

    def _check_date(self) -> date | None:
        hint = self.query_one("#tp-date-hint", Static)
        text = self.query_one("#tp-date", Input).value
        try:
            d = parse_user_date(text)
        except DateError as exc:
            hint.update(literal(str(exc)))
            hint.add_class("-error")
            return None
        if d > clock.today():
            hint.update(literal(f"{long_date(d)} is in the future; log what happened (today or earlier)."))
            hint.add_class("-error")
            return None
        if hint.content != (read := literal(f"→ {long_date(d)}")):
            hint.update(read)  # (the same text again: no layout pass, a kept dialog reopened)
        hint.remove_class("-error")
        return d

    @on(Input.Changed, "#tp-date")
    def _date_changed(self) -> None:
        self._check_date()

    @on(Input.Submitted, "#tp-summary")
    def _summary_submitted(self) -> None:
        self.action_save()

    @on(Input.Submitted, "#tp-date")
    def _date_submitted(self) -> None:
        self.focus_next()

    def action_add_contact(self) -> None:
        if self._all is None:
            return
        current = [i for i, _n in self._contacts]

        choices = self._all()

        def picked(contact_id: str | None) -> None:
            if not contact_id:
                return
            name = next((n for i, n in choices if i == contact_id), contact_id)
            self._contacts.append((contact_id, name))
            sl = self.query_one("#tp-contacts", SelectionList)
            sl.add_option((literal(name), contact_id, True))

        self.app.push_screen(ContactPicker("Add a contact to this touchpoint", choices, exclude=current), picked)

    def build(self) -> tuple[Touchpoint | None, str]:
        day = self._check_date()
        if day is None:
            return None, f"the date: use {ACCEPTED} (today or earlier)"
        ids = self._selected_ids()
        if not ids:
            return None, "tick at least one contact (ctrl+n adds one)"
        t = self.original.copy() if self.original is not None else Touchpoint()
        t.date = day.isoformat()
        t.channel = one_of(CHANNELS, self.query_one("#tp-channel", LightSelect).value, t.channel)
        t.direction = one_of(DIRECTIONS, self.query_one("#tp-direction", LightSelect).value, t.direction)
        t.kind = one_of(TOUCH_KINDS, self.query_one("#tp-kind", LightSelect).value, t.kind)
        t.summary = self.query_one("#tp-summary", Input).value.strip()
        t.contact_ids = ids
        return t, ""

    def action_save(self) -> None:
        t, problem = self.build()
        if t is None:
            err = self.query_one("#tp-error", Static)
            err.update(literal(f"Not saved: {problem}."))
            err.remove_class("-hidden")
            return
        self.dismiss(t)

    def save_pending(self) -> None:
        """The app is hanging up (SIGHUP): keep what was typed, if it is complete."""
        if self.on_hangup is None or self._initial is None or self._state() == self._initial:
            return
        t, _problem = self.build()
        if t is not None:
            self.on_hangup(t)

    def action_cancel(self) -> None:
        if self._initial is None or self._state() == self._initial:
            self.dismiss(None)
            return

        def decided(ok: bool | None) -> None:
            if ok:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard this touchpoint?", "What you typed will be lost.",
                                           confirm="Discard", cancel="Keep editing", danger=True), decided)


class TouchpointsDialog(ModalScreen[bool]):
    """A contact's timeline; edit, delete or log a touchpoint. Dismisses with True when something
    changed (the list behind it then recomputes)."""

    DEFAULT_CSS = TOUCH_CSS
    KEYMAP = "contacts.touchpoints"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, title: str, contact_id: str, actions: ContactsActions) -> None:
        super().__init__()
        self._title = title
        self._contact_id = contact_id
        self._actions = actions
        self._touches: list[Touchpoint] = []
        self._changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="tps-box"):
            yield Static(literal(self._title), classes="tp-title")
            yield OptionList(id="tps-list")
            yield Static(Content.assemble(("e", "bold"), "/", ("enter", "bold"), " edit  ", ("d", "bold"),
                                          " delete  ", ("n", "bold"), " log new  ", ("esc", "bold"), " close"),
                         classes="tp-keys")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#tps-list", OptionList).focus()

    def reload(self) -> None:
        ol = self.query_one("#tps-list", OptionList)
        keep = ol.highlighted or 0
        self._touches = self._actions.touchpoints(self._contact_id)
        ol.clear_options()
        if not self._touches:
            ol.add_option(Option(Content("No touchpoints yet — press n to log one."), id="", disabled=True))
            return
        ol.add_options([Option(literal(touch_line(t)), id=t.id) for t in self._touches])
        ol.highlighted = min(keep, len(self._touches) - 1)

    def _current(self) -> Touchpoint | None:
        ol = self.query_one("#tps-list", OptionList)
        if ol.highlighted is None or not self._touches:
            return None
        return self._touches[min(ol.highlighted, len(self._touches) - 1)]

    @on(OptionList.OptionSelected, "#tps-list")
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        t = self._current()
        if t is not None:
            self._open(t)

    def action_new(self) -> None:
        self._open(None)

    def _open(self, tp: Touchpoint | None) -> None:
        """The touchpoint dialog on ``tp`` (None: a new one with this contact)."""
        if self._actions.name(self._contact_id) is None:
            return  # the contact is gone
        ids = [self._contact_id] if tp is None else tp.contact_ids
        people = [(i, name) for i in ids if (name := self._actions.name(i)) is not None]

        def saved(result: Touchpoint | None) -> None:
            if result is not None:
                self._done(self._actions.save_touchpoint(result))

        self.app.push_screen(TouchpointDialog(people, touchpoint=tp, all_contacts=self._actions.contact_choices,
                                              on_hangup=self._actions.keep_touchpoint), saved)

    def _done(self, done: Done | None) -> None:
        if done is None:
            return
        self._changed = True
        self.reload()
        self.notify(done.message, markup=False)

    def action_delete(self) -> None:
        t = self._current()
        if t is None:
            return

        def decided(ok: bool | None) -> None:
            if ok:
                self._done(self._actions.delete_touchpoint(t))

        others = f" It also covers {len(t.contact_ids) - 1} other contact(s); it goes for them too." if len(
            t.contact_ids) > 1 else ""
        self.app.push_screen(ConfirmDialog("Delete this touchpoint?", touch_line(t) + "\n\nThe last-touch date "
                                           "is recomputed from what is left." + others,
                                           confirm="Delete", danger=True), decided)

    def action_down(self) -> None:
        self.query_one("#tps-list", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#tps-list", OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(self._changed)
