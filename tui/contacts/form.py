"""The contact form (new and edit).

Fields in the issue's order: first, last and preferred name; company; title; role; emails; phone;
LinkedIn URL; how and when met; tags; cadence; status (and the date a pause ends); "next time"
talking points; important dates; notes. Linked applications are managed from the list (``a``).

``ctrl+s`` saves, ``escape`` cancels (asking first when something changed). A bad field (no name,
a date we can't read, an important-date line we can't read) gets a message beside it saying what
is accepted; nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from store.contacts import (
    CADENCE_ORDER,
    cadence_label,
    effective_cadence,
    format_important_dates,
    parse_important_dates,
)
from store.dates import ACCEPTED, DateError, long_date, parse_optional_date, parse_user_date
from store.models import CADENCE_KEYS, CONTACT_ROLES, CONTACT_STATUSES, Contact, Settings, one_of
from tui.dialogs import ConfirmDialog
from tui.shell import keymap
from widgets.usertext import literal

FORM_CSS = """
ContactForm { align: center middle; }
#cf-box {
    width: 100%; max-width: 110; height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#cf-title { text-style: bold; height: 1; }
#cf-scroll { height: 1fr; }
ContactForm .form-row { height: auto; min-height: 1; }
ContactForm .form-row > Label.field-label { width: 14; color: $foreground 80%; padding-right: 1; }
ContactForm .form-row > Input { width: 1fr; }
ContactForm .form-row > Input.date { width: 18; }
ContactForm .form-row > Select { width: 34; }
ContactForm .form-row > .hint { width: 1fr; height: auto; padding-left: 1; color: $foreground 70%; }
ContactForm .form-row > .hint.-error { color: $warning; text-style: bold; }
ContactForm .form-row > .hint.-empty { display: none; }
ContactForm .form-row > TextArea { width: 1fr; height: 4; }
#cf-error { color: $warning; text-style: bold; height: auto; }
#cf-error.-hidden { display: none; }
#cf-keys { height: 1; color: $foreground 60%; }
"""

DATES_HELP = "one per line: birthday: 03-14 · work anniversary: 2019-06-01 · Launch day: 09-30"


def split_list(text: str, seps: str = ",;") -> list[str]:
    out: list[str] = []
    for sep in seps[1:]:
        text = text.replace(sep, seps[0])
    for part in text.split(seps[0]):
        part = part.strip()
        if part and part.casefold() not in {p.casefold() for p in out}:
            out.append(part)
    return out


def _row(label: str, *widgets: Widget, row_id: str | None = None) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), *widgets, classes="form-row", id=row_id)


def cadence_choices(contact: Contact, settings: Settings | None) -> list[tuple[str, str]]:
    probe = contact.copy()
    probe.cadence = ""
    default_key, source = effective_cadence(probe, settings)
    where = "role default" if source == "role" else "default"
    return [(f"{where}: {cadence_label(default_key)}", "")] + [(cadence_label(k), k) for k in CADENCE_ORDER]


class ContactForm(ModalScreen[Contact | None]):
    """Dismisses with the changed copy (not saved: the screen saves it through ``app.write``)."""

    DEFAULT_CSS = FORM_CSS
    #: Not the scroll box Textual would focus first (restyling all its fields on focus and on blur).
    AUTO_FOCUS = "#f-first_name"
    KEYMAP = "contacts.form"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, contact: Contact | None = None, settings: Settings | None = None,
                 on_hangup: Callable[[Contact], object] | None = None) -> None:
        super().__init__()
        self.original = contact
        self.is_new = contact is None
        self.settings = settings
        self._initial: dict[str, object] | None = None
        #: Called with the contact when the app hangs up mid-edit (save_pending).
        self.on_hangup = on_hangup

    def compose(self) -> ComposeResult:
        c = self.original or Contact()
        title = Content("New contact") if self.is_new else Content.assemble(("Edit ", "bold"),
                                                                             (c.display_name, "bold"))
        role = c.role if c.role in CONTACT_ROLES else "other"
        status = c.status if c.status in CONTACT_STATUSES else "active"
        with Vertical(id="cf-box"):
            yield Static(title, id="cf-title")
            with VerticalScroll(id="cf-scroll"):
                yield _row("First name", Input(c.first_name, id="f-first_name", compact=True),
                           Static("", id="hint-name", classes="hint -empty"))
                yield _row("Last name", Input(c.last_name, id="f-last_name", compact=True))
                yield _row("Preferred", Input(c.preferred_name, placeholder="what they go by (optional)",
                                              id="f-preferred_name", compact=True))
                yield _row("Company", Input(c.company, id="f-company", compact=True))
                yield _row("Title", Input(c.title, id="f-title", compact=True))
                yield _row("Role", Select([(r, r) for r in CONTACT_ROLES], value=role, allow_blank=False,
                                          id="f-role", compact=True))
                yield _row("Emails", Input(", ".join(c.emails), placeholder="comma-separated", id="f-emails",
                                           compact=True), Static("", id="hint-emails", classes="hint -empty"))
                yield _row("Phone", Input(c.phone, id="f-phone", compact=True))
                yield _row("LinkedIn", Input(c.linkedin_url, placeholder="https://www.linkedin.com/in/…",
                                             id="f-linkedin_url", compact=True))
                yield _row("How met", Input(c.how_met, placeholder="interview, meetup, referral…",
                                            id="f-how_met", compact=True))
                yield self._date_row("Met on", "met_on", c.met_on or "")
                yield _row("Tags", Input(", ".join(c.tags), placeholder="comma-separated", id="f-tags",
                                         compact=True))
                cadence = c.cadence if c.cadence in CADENCE_ORDER else ""
                yield _row("Cadence", Select(cadence_choices(c, self.settings), value=cadence, allow_blank=False,
                                             id="f-cadence", compact=True))
                yield _row("Status", Select([(s, s) for s in CONTACT_STATUSES], value=status,
                                            allow_blank=False, id="f-status", compact=True))
                yield self._date_row("Paused until", "paused_until", c.paused_until or "",
                                     placeholder="if paused")
                yield _row("Next time", TextArea(c.next_time, id="f-next_time", tab_behavior="focus",
                                                 soft_wrap=True, compact=True))
                yield _row("Dates", TextArea(format_important_dates(c.important_dates), id="f-dates",
                                             tab_behavior="focus", soft_wrap=True, compact=True),
                           Static(DATES_HELP, id="hint-dates", classes="hint"))
                yield _row("Notes", TextArea(c.notes, id="f-notes", tab_behavior="focus", soft_wrap=True,
                                             compact=True))
            yield Static("", id="cf-error", classes="-hidden")
            yield Static(Content.assemble(("ctrl+s", "bold"), " save  ", ("esc", "bold"), " cancel  ",
                                          ("tab", "bold"), " next field"), id="cf-keys")

    def _date_row(self, label: str, name: str, value: str, placeholder: str = "date") -> Horizontal:
        return _row(label, Input(value, placeholder=placeholder, id=f"f-{name}", classes="date", compact=True),
                    Static("", id=f"hint-{name}", classes="hint -empty"))

    def on_mount(self) -> None:
        self.query_one("#f-first_name", Input).focus()
        self._initial = self._values()
        for name in ("met_on", "paused_until"):
            self._check_date(name)

    # -- reading

    def _text(self, name: str) -> str:
        return self.query_one(f"#f-{name}", Input).value

    def _area(self, name: str) -> str:
        return self.query_one(f"#f-{name}", TextArea).text

    def _select(self, name: str) -> str:
        value = self.query_one(f"#f-{name}", Select).value
        return "" if value is Select.NULL else str(value)

    def _values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in ("first_name", "last_name", "preferred_name", "company", "title", "emails", "phone",
                     "linkedin_url", "how_met", "met_on", "tags", "paused_until"):
            out[name] = self._text(name)
        for name in ("role", "cadence", "status"):
            out[name] = self._select(name)
        for name in ("next_time", "dates", "notes"):
            out[name] = self._area(name)
        return out

    @property
    def dirty(self) -> bool:
        return self._initial is not None and self._values() != self._initial

    def _hint(self, name: str, message: str, error: bool) -> None:
        hint = self.query_one(f"#hint-{name}", Static)
        hint.update(literal(message))
        hint.set_class(error, "-error")
        hint.set_class(not message, "-empty")

    def _check_date(self, name: str) -> bool:
        text = self._text(name)
        if not text.strip():
            self._hint(name, "YYYY-MM-DD, today, -2w, fri…" if name == "met_on" else "", False)
            return True
        try:
            d = parse_user_date(text)
        except DateError as exc:
            self._hint(name, str(exc), True)
            return False
        self._hint(name, f"→ {long_date(d)}", False)
        return True

    @on(Input.Changed, "#f-met_on, #f-paused_until")
    def _date_changed(self, event: Input.Changed) -> None:
        self._check_date((event.input.id or "").removeprefix("f-"))

    @on(Input.Changed, "#f-first_name, #f-last_name, #f-preferred_name")
    def _name_changed(self) -> None:
        self._hint("name", "", False)

    @on(Input.Changed, "#f-emails")
    def _emails_changed(self) -> None:
        self._hint("emails", "", False)

    @on(TextArea.Changed, "#f-dates")
    def _dates_changed(self) -> None:
        self._hint("dates", DATES_HELP, False)

    def build(self) -> tuple[Contact | None, list[str]]:
        """The contact from the fields, or None and the problems (each also shown beside its field)."""
        v = self._values()
        errors: list[str] = []
        if not any(str(v[k]).strip() for k in ("first_name", "last_name", "preferred_name")):
            self._hint("name", "a name is needed (first, last or preferred)", True)
            errors.append("a name is needed")
        emails = split_list(str(v["emails"]))
        bad = [e for e in emails if "@" not in e or " " in e]
        if bad:
            self._hint("emails", f"not an email: {bad[0][:40]} (name@example.com)", True)
            errors.append("an email needs an @")
        dates: dict[str, date | None] = {}
        for name in ("met_on", "paused_until"):
            valid = self._check_date(name)  # says beside the field what is wrong
            if valid:
                try:
                    dates[name] = parse_optional_date(str(v[name]))
                except DateError:  # read as the check reads it, so not expected: refuse, don't guess
                    valid = False
            if not valid:
                errors.append(f"{name.replace('_', ' ')}: use {ACCEPTED}")
        important, date_errors = parse_important_dates(str(v["dates"]))
        if date_errors:
            self._hint("dates", "; ".join(date_errors[:2]), True)
            errors.append("important dates: " + date_errors[0])
        if errors:
            return None, errors
        c = self.original.copy() if self.original is not None else Contact(cadence_set_on=None)
        for name in ("first_name", "last_name", "preferred_name", "company", "title", "phone",
                     "linkedin_url", "how_met"):
            setattr(c, name, str(v[name]).strip())
        c.role = one_of(CONTACT_ROLES, v["role"], "other")
        c.emails = emails
        c.tags = split_list(str(v["tags"]))
        met_on, paused_until = dates.get("met_on"), dates.get("paused_until")
        c.met_on = met_on.isoformat() if met_on else None
        c.cadence = one_of(CADENCE_KEYS, v["cadence"], "quarterly")
        c.status = one_of(CONTACT_STATUSES, v["status"], "active")
        c.paused_until = paused_until.isoformat() if paused_until else None
        if c.status != "paused":
            c.paused_until = None
        c.next_time = str(v["next_time"]).strip()
        c.notes = str(v["notes"]).rstrip()
        c.important_dates = important
        return c, []

    # -- actions

    def action_save(self) -> None:
        contact, errors = self.build()
        error = self.query_one("#cf-error", Static)
        if contact is None:
            error.update(literal("Not saved: " + "; ".join(errors) + "."))
            error.remove_class("-hidden")
            return
        self.dismiss(contact)

    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def decided(ok: bool | None) -> None:
            if ok:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your changes?", "What you typed in this form will be lost.",
                                           confirm="Discard", cancel="Keep editing", danger=True), decided)

    def save_pending(self) -> None:
        """The terminal went away mid-edit: save what is valid (called by the app on SIGHUP)."""
        if not self.dirty or self.on_hangup is None:
            return
        contact, errors = self.build()
        if contact is not None:
            self.on_hangup(contact)
