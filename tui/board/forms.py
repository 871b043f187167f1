"""The board's form (new and edit); the close-with-outcome dialog is in :mod:`tui.board.closing`.

The form lists the fields in the issue's order, one line each so it works at 80x24: company, role,
URL, location, work mode, salary, source, excitement, applied on, deadline, interview round (number
and name), next action and its date, contacts, notes, tags, outcome with date and reason (closed
cards), feedback received; a new card also picks its stage (the column it was added from).

Dates go through :func:`store.dates.parse_user_date`; the parsed date is shown beside the field as
you type, and anything unreadable gets a message saying what is accepted. ``ctrl+s`` saves,
``escape`` cancels (asking first when something changed). Nothing typed is lost on a bad field:
the form stays open with the message beside the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from store.dates import DateError, parse_optional_date
from store.models import OUTCOMES, STAGE_LABELS, STAGES, WORK_MODES, Application, one_of
from store.pipeline import split_list
from store.sanitize import clean_line
from tui.board import fields as f
from tui.board.closing import CloseDialog, Closing
from tui.board.fields import FORM_CSS, FORM_MAX_WIDTH, DateInput, date_hint, iso, past_only, row
from tui.dialogs import ConfirmDialog, kept
from tui.shell import keymap
from widgets.field_row import FieldRow
from widgets.light_select import LightSelect
from widgets.number_input import NumberInput
from widgets.quick_form import QuickModal
from widgets.quick_form import compact as c
from widgets.usertext import literal

__all__ = ["ApplicationForm", "CloseDialog", "Closing"]


class ApplicationForm(QuickModal[Application | None]):
    """New or edit. Dismisses with the changed copy (not saved: the board saves it)."""

    DEFAULT_CSS = FORM_CSS
    #: Textual focuses the first focusable widget after compose: the scroll box, whose restyle (and
    #: that of its ~70 widgets) on focus and again on blur cost more than building them.
    AUTO_FOCUS = "#f-company"
    KEYMAP = "board.form"
    BINDINGS = keymap.bindings(KEYMAP)

    #: Text inputs, in the order of the issue: (field, label, placeholder).
    def __init__(self, application: Application | None = None, stage: str = "wishlist",
                 linked_names: list[str] | None = None, *, in_slices: bool = False) -> None:
        """``in_slices``: made ahead and kept (:mod:`tui.dialogs.kept`): its lines are mounted a few at
        a time by :meth:`build_more`, so no key waits for all of them."""
        super().__init__()
        self.linked_names = list(linked_names or [])
        self.original = application
        self.is_new = application is None
        self.stage = stage if stage in STAGES and stage != "closed" else "wishlist"
        self._initial: dict[str, object] | None = None
        #: Each widget's classes and each message's text as composed (what :meth:`clear` puts back).
        self._fresh_classes: dict[Widget, frozenset[str]] = {}
        self._texts: dict[Static, VisualType] = {}
        self._later: Iterator[Widget] | None = None
        if in_slices:
            self._later = self._rows(application or Application(stage=self.stage))
        try:
            self._hide_board(self.app.size.width)
        except RuntimeError:  # made outside a running app (no size yet): the first resize says
            pass

    # -- the board behind

    def _hide_board(self, width: int) -> None:
        """Where the form hides the board whole (up to :data:`FORM_MAX_WIDTH` columns), its screen is
        opaque: Textual then doesn't paint the board behind it, tinted cell by cell, on each full frame.
        Wider, the board shows dimmed on either side, as behind any dialog."""
        self.set_class(width <= FORM_MAX_WIDTH, "-covers", update=self.is_attached)

    def on_resize(self, event: events.Resize) -> None:
        self._hide_board(event.size.width)

    # -- building

    def compose(self) -> ComposeResult:
        a = self.original or Application(stage=self.stage)
        if self.is_new:
            title = self._new_title()
        else:
            title = Content.assemble(("Edit ", "bold"), (a.company or "application", "bold"),
                                     (" — " + a.role if a.role else "", "bold"))
        with Vertical(id="form-box"):
            yield Static(title, id="form-title")
            with VerticalScroll(id="form-scroll"):
                if self._later is None:  # (made ahead: build_more adds them, a few at a time)
                    yield from self._rows(a)
            yield Static("", id="form-error", classes="form-error -hidden")
            yield Static(Content.assemble(("ctrl+s", "bold"), " save  ", ("esc", "bold"), " cancel  ",
                                          ("tab", "bold"), "/", ("shift+tab", "bold"), " next/previous field"),
                         id="form-keys")

    def _rows(self, a: Application) -> Iterator[Widget]:
        """The form's lines, in the order of the issue."""
        yield row("Company *", c(Input(a.company, placeholder="required", id="f-company")),
                  self._hint("company"))
        yield row("Role *", c(Input(a.role, placeholder="required", id="f-role")),
                  self._hint("role"))
        yield row("URL", c(Input(a.url, placeholder="https://…", id="f-url")))
        yield row("Location", c(Input(a.location, id="f-location")))
        mode = a.work_mode if a.work_mode in WORK_MODES else LightSelect.NULL
        yield row("Work mode", LightSelect([(m, m) for m in WORK_MODES], value=mode, prompt="—",
                                           id="f-work_mode"))
        yield row("Salary", c(Input(a.salary, placeholder="free text, e.g. 70-85k EUR", id="f-salary")))
        yield row("Source", c(Input(a.source, placeholder="LinkedIn, referral…", id="f-source")))
        yield row("Excitement", NumberInput(str(a.excitement) if a.excitement else "", lo=1, hi=5,
                                            what="Excitement", id="f-excitement", classes="narrow"),
                  Static(self._stars(a.excitement), id="hint-excitement", classes="hint"))
        yield self._date_row("Applied on", "applied_on", a.applied_on)
        yield self._date_row("Deadline", "deadline", a.deadline)
        yield row("Round", NumberInput(str(a.round_number) if a.round_number else "", lo=1, hi=99,
                                       what="Round", placeholder="#", id="f-round_number", classes="narrow"),
                  Static("–", classes="round-sep"),
                  c(Input(a.round_name, placeholder="name, e.g. technical", id="f-round_name")))
        message, ok = f.interview_hint(f.interview_text(a.interview_at))
        yield row("Interview", c(f.InterviewInput(f.interview_text(a.interview_at),
                                                  placeholder="e.g. fri 14:00", id="f-interview_at")),
                  Static(literal(message), id="hint-interview_at", classes="hint" + ("" if ok else " -error")))
        yield row("Next action", c(Input(a.next_action, placeholder="e.g. follow up with the recruiter",
                                         id="f-next_action")))
        yield self._date_row("Action date", "next_action_date", a.next_action_date)
        names = list(a.contact_names)
        for name in self.linked_names:  # linked elsewhere: listed so saving keeps them
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        yield row("Contacts", c(Input(", ".join(names), placeholder="names, comma-separated",
                                      id="f-contacts")))
        yield row("Notes", c(TextArea(a.notes, id="f-notes", tab_behavior="focus", soft_wrap=True)))
        yield row("Tags", c(Input(", ".join(a.tags), placeholder="comma-separated", id="f-tags")))
        if not self.is_new and a.stage == "closed":
            outcome = a.outcome if a.outcome in OUTCOMES else LightSelect.NULL
            yield row("Outcome", LightSelect([(o, o) for o in OUTCOMES], value=outcome, prompt="—",
                                             id="f-outcome"))
            yield self._date_row("Outcome on", "outcome_on", a.outcome_on)
            yield row("Reason", c(Input(a.outcome_reason, placeholder="optional", id="f-outcome_reason")))
        yield row("Feedback", c(TextArea(a.feedback, id="f-feedback", tab_behavior="focus",
                                         soft_wrap=True)))
        if self.is_new:
            yield row("Stage", LightSelect([(STAGE_LABELS[s], s) for s in STAGES if s != "closed"],
                                           value=self.stage, allow_blank=False, id="f-stage"))

    def _new_title(self) -> Content:
        return Content.assemble(("New application", "bold"), f" — goes to {STAGE_LABELS[self.stage]}")

    @staticmethod
    def _hint(name: str) -> Static:
        return Static("", id=f"hint-{name}", classes="hint -hidden")

    def _date_row(self, label: str, name: str, value: str | None) -> FieldRow:
        text = value or ""
        message, ok = date_hint(text, name)
        hint = Static(literal(message), id=f"hint-{name}", classes="hint" + ("" if ok else " -error"))
        return row(label, c(DateInput(text, placeholder="e.g. fri, +3d", id=f"f-{name}")), hint)

    @staticmethod
    def _stars(n: int) -> Content:
        if not n:
            return Content("")
        return Content(f"{'★' * n}{'☆' * (5 - n)}")

    #: Lines :meth:`build_more` mounts at a time (a slice of the warm-up: ~10 ms on a quiet machine).
    LINES_PER_SLICE = 3

    def build_more(self) -> bool:
        """Mount the next few lines of a form made in slices; True once all are in (then set up as a
        form composed whole is at mount)."""
        if self._later is None:
            return True
        scroll = self.query_one("#form-scroll", VerticalScroll)
        lines = list(islice(self._later, self.LINES_PER_SLICE))
        if lines:
            scroll.mount_all(lines)
            return False
        if not all(line.is_mounted for line in scroll.children):
            return False  # (a line's fields are mounted with it, a moment after it)
        self._later = None
        self.set_focus(self.query_one("#f-company", Input), scroll_visible=False)
        self._ready()
        return True

    @property
    def built(self) -> bool:
        return self._later is None

    def on_mount(self) -> None:
        if self._later is None:
            self.query_one("#f-company", Input).focus()
            self._ready()

    def _ready(self) -> None:
        self._initial = self._values()
        self._fresh_classes = kept.classes_of(self)
        self._texts = {w: w.content for w in self.query(".hint, .form-error").results(Static)}

    # -- kept between openings (the new-application form: tui.dialogs.kept)

    def open_new(self, stage: str) -> None:
        """Set this kept form, opened before, to a new card in ``stage`` (its fields cleared, its first
        field focused), as a fresh ``ApplicationForm(None, stage)`` would be."""
        if not self._clean:
            self.clear()
        self._clean = False
        self.stage = stage if stage in STAGES and stage != "closed" else "wishlist"
        title = self.query_one("#form-title", Static)
        if title.content != (wanted := self._new_title()):
            title.update(wanted, layout=False)
        with self.prevent(LightSelect.Changed):
            self.query_one("#f-stage", LightSelect).value = self.stage
        self._hide_board(self.app.size.width)
        self.set_focus(self.query_one("#f-company", Input), scroll_visible=False)
        self._initial = self._values()

    def clear(self) -> None:
        """Every field as composed for a new card, every message as composed (nothing the user typed
        is kept in the hidden form). Quiet: no ``Changed`` message, the messages are put back here."""
        with self.prevent(Input.Changed, TextArea.Changed, LightSelect.Changed):
            for w in self.query("#form-scroll Input, #form-scroll TextArea, #form-scroll LightSelect"):
                if isinstance(w, LightSelect):
                    if w.allow_blank and w.value is not LightSelect.NULL:
                        w.value = LightSelect.NULL
                elif isinstance(w, TextArea):
                    if w.text:
                        w.load_text("")  # its undo history too
                    else:
                        w.history.clear()
                elif isinstance(w, Input) and w.value:
                    w.value = ""
        for message, text in self._texts.items():
            if message.content != text:
                message.update(text)
        kept.restore_classes(self._fresh_classes)
        self.query_one("#form-scroll", VerticalScroll).scroll_home(animate=False, immediate=True)
        self._clean = True

    #: Cleared since it was last opened (:meth:`clear`).
    _clean = False

    def on_screen_suspend(self) -> None:
        if kept.is_kept(self.app, self):
            kept.after_close(self.app, self)

    # -- reading

    def _values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for w in self.query("#form-scroll Input, #form-scroll TextArea, #form-scroll LightSelect"):
            if not w.id:
                continue
            if isinstance(w, LightSelect):
                out[w.id] = None if w.value is LightSelect.NULL else w.value
            elif isinstance(w, TextArea):
                out[w.id] = w.text
            elif isinstance(w, Input):
                out[w.id] = w.value
        return out

    @property
    def dirty(self) -> bool:
        return self._initial is not None and self._values() != self._initial

    @on(Input.Changed, "DateInput")
    def _date_typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("f-")
        message, ok = date_hint(event.value, name)
        hint = self.query_one(f"#hint-{name}", Static)
        hint.update(literal(message))
        hint.set_class(not ok, "-error")

    @on(Input.Changed, "#f-interview_at")
    def _interview_typed(self, event: Input.Changed) -> None:
        message, ok = f.interview_hint(event.value)
        hint = self.query_one("#hint-interview_at", Static)
        hint.update(literal(message))
        hint.set_class(not ok, "-error")

    @on(Input.Changed, "#f-excitement")
    def _excitement_typed(self, event: Input.Changed) -> None:
        n = int(event.value) if event.value.isdigit() else 0
        self.query_one("#hint-excitement", Static).update(self._stars(n))

    @on(Input.Changed, "#f-company, #f-role")
    def _required_typed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.query_one(f"#hint-{(event.input.id or '').removeprefix('f-')}", Static).add_class("-hidden")

    def build(self) -> tuple[Application | None, list[tuple[str, str]]]:
        """The changed copy, or the list of (field id, message) problems."""
        v = self._values()
        errors: list[tuple[str, str]] = []
        company = clean_line(v["f-company"])
        role = clean_line(v["f-role"])
        if not company:
            errors.append(("company", "Company is required."))
        if not role:
            errors.append(("role", "Role is required."))
        dates: dict[str, date | None] = {}
        for name in ("applied_on", "deadline", "next_action_date", "outcome_on"):
            key = f"f-{name}"
            if key not in v:
                continue
            try:
                dates[name] = parse_optional_date(str(v[key]))
            except DateError as exc:
                errors.append((name, str(exc)))
                continue
            problem = past_only(name, dates[name])
            if problem:
                errors.append((name, problem))
        try:
            interview_at = f.read_interview(str(v["f-interview_at"]))
        except DateError as exc:
            errors.append(("interview_at", str(exc)))
        if errors:
            return None, errors
        a = self.original.copy() if self.original else Application(stage=self.stage)
        a.company, a.role = company, role
        a.url = clean_line(v["f-url"])
        a.location = clean_line(v["f-location"])
        a.work_mode = one_of(WORK_MODES, v["f-work_mode"], "")
        a.salary = clean_line(v["f-salary"])
        a.source = clean_line(v["f-source"])
        ex = str(v["f-excitement"])
        a.excitement = int(ex) if ex.isdigit() else 0
        a.applied_on = iso(dates.get("applied_on"))
        a.deadline = iso(dates.get("deadline"))
        rn = str(v["f-round_number"])
        a.round_number = int(rn) if rn.isdigit() else 0
        a.round_name = clean_line(v["f-round_name"])
        a.interview_at = interview_at
        a.next_action = clean_line(v["f-next_action"])
        a.next_action_date = iso(dates.get("next_action_date"))
        a.contact_names = split_list(str(v["f-contacts"]))
        a.notes = str(v["f-notes"])
        a.tags = split_list(str(v["f-tags"]))
        if "f-outcome" in v:
            if v["f-outcome"]:
                a.outcome = one_of(OUTCOMES, v["f-outcome"], "")
            a.outcome_on = iso(dates.get("outcome_on")) or a.outcome_on
            a.outcome_reason = clean_line(v["f-outcome_reason"])
        a.feedback = str(v["f-feedback"])
        if "f-stage" in v and v["f-stage"] in STAGES:
            a.stage = one_of(STAGES, v["f-stage"], a.stage)
        return a, []

    # -- actions

    def action_save(self) -> None:
        app, errors = self.build()
        box = self.query_one("#form-error", Static)
        if errors:
            for name, message in errors:
                hint = self.query_one(f"#hint-{name}", Static)
                hint.update(literal(message))
                hint.remove_class("-hidden")
                hint.add_class("-error")
            names = ", ".join(n.replace("_", " ") for n, _ in errors)
            box.update(literal(f"Not saved yet: check {names}. Nothing you typed is lost."))
            box.remove_class("-hidden")
            self.query_one(f"#f-{errors[0][0]}").focus()
            return
        box.add_class("-hidden")
        self.dismiss(app)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your changes?", "What you typed here will be lost.",
                                           confirm="Discard", cancel="Keep editing", danger=True), decided)
