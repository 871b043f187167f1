"""The composer's dialogs: pick a template, pick recipients, pick an application, mark sent.

Every label that can hold user text is built with :func:`widgets.usertext.literal` (never markup).
Long lists (contacts, applications) are OptionLists (line API) narrowed by a filter box, and only
the best matches are listed, so they stay fast with thousands of records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from store.dates import ACCEPTED, DateError, parse_user_date
from store.models import DRAFT_CHANNELS, Application, Contact, Template
from store.outreach import CHANNEL_LABELS
from store.templates import is_builtin
from widgets.usertext import clip, literal

#: How many matches a picker lists at once (typing narrows the rest).
PICKER_LIMIT = 200


# ----------------------------------------------------------------------------- templates


PICKER_CSS = """
    {cls} {{ align: center middle; }}
    {cls} .outreach-picker {{
        width: 80; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: round $primary; background: $surface;
    }}
    {cls} .outreach-picker OptionList {{ height: auto; max-height: 16; }}
    {cls} .outreach-picker .dialog-title {{ text-style: bold; }}
"""


class TemplatePicker(ModalScreen[str | None]):
    """Pick a template: built-ins (one per kind) then the user's own. Digits pick directly."""

    DEFAULT_CSS = PICKER_CSS.format(cls="TemplatePicker")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="outreach.picker.cancel"),
        Binding("j", "down", "Down", show=False, id="outreach.picker.down"),
        Binding("k", "up", "Up", show=False, id="outreach.picker.up"),
    ]

    def __init__(self, templates: Sequence[Template], *, title: str = "New message: what kind?",
                 message: str = "", highlight: str | None = None) -> None:
        super().__init__()
        self._templates = list(templates)
        self._title = title
        self._message = message
        self._highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="outreach-picker"):
            yield Static(literal(self._title), classes="dialog-title")
            if self._message:
                yield Static(literal(self._message), classes="muted")
            options = []
            for i, t in enumerate(self._templates, start=1):
                key = f"{i}. " if i < 10 else "   "
                mine = "" if is_builtin(t.id) else "★ "
                head = Content(f"{key}{mine}{clip(t.name, 60)}")
                sub = clip(f"{CHANNEL_LABELS.get(t.channel, t.channel)} · {t.timing_hint or t.length_hint}", 64)
                options.append(Option(Content.assemble(head, "\n", (f"   {sub}", "dim")), id=t.id))
            yield OptionList(*options, id="template-options")
            yield Static("enter picks · 1-9 jump · escape cancels", classes="muted")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.focus()
        index = 0
        if self._highlight:
            for i, t in enumerate(self._templates):
                if t.id == self._highlight or t.kind == self._highlight:
                    index = i
                    break
        if self._templates:
            ol.highlighted = index

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            n = int(event.character)
            if n <= len(self._templates):
                event.stop()
                self.dismiss(self._templates[n - 1].id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------------------------- a filtered list


class _FilterInput(Input):
    """The filter box: ``space`` in an empty box marks the highlighted row instead of typing."""

    async def _on_key(self, event) -> None:
        if event.key == "space" and not self.value and hasattr(self.screen, "action_toggle"):
            event.stop()
            event.prevent_default()
            self.screen.action_toggle()  # type: ignore[attr-defined]
            return
        await super()._on_key(event)


class FilterPicker(ModalScreen):
    """A filter box over an OptionList: type to narrow, up/down to move, enter to pick."""

    DEFAULT_CSS = PICKER_CSS.format(cls="FilterPicker")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="outreach.pick.cancel"),
        Binding("down", "down", "Down", show=False, id="outreach.pick.down"),
        Binding("up", "up", "Up", show=False, id="outreach.pick.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="outreach.pick.pagedown"),
        Binding("pageup", "page_up", "Page up", show=False, id="outreach.pick.pageup"),
    ]

    TITLE_TEXT = ""
    HINT = ""
    PLACEHOLDER = "type to filter"

    def compose(self) -> ComposeResult:
        with Vertical(classes="outreach-picker"):
            yield Static(literal(self.TITLE_TEXT), classes="dialog-title")
            yield _FilterInput(placeholder=self.PLACEHOLDER, id="pick-filter")
            yield OptionList(id="pick-options")
            yield Static(literal(self.HINT), id="pick-hint", classes="muted")

    def on_mount(self) -> None:
        self._refill("")
        self.query_one("#pick-filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and ol.option_count:
            self._chosen(ol.get_option_at_index(ol.highlighted).id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._chosen(event.option.id or "")

    def _refill(self, query: str) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self.options_for(query.strip()))
        if ol.option_count:
            ol.highlighted = 0

    def options_for(self, query: str) -> list[Option]:  # pragma: no cover - abstract
        return []

    def _chosen(self, option_id: str) -> None:  # pragma: no cover - abstract
        self.dismiss(option_id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_page_down(self) -> None:
        self.query_one(OptionList).action_page_down()

    def action_page_up(self) -> None:
        self.query_one(OptionList).action_page_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _matches(query: str, *fields: str) -> bool:
    if not query:
        return True
    hay = " ".join(f for f in fields if f).lower()
    return all(word in hay for word in query.lower().split())


@dataclass
class Recipients:
    contact_ids: list[str] = field(default_factory=list)
    name: str = ""  # a free name (when no contact was picked)
    email: str = ""


def parse_free_name(text: str) -> tuple[str, str]:
    """``Jane Doe <jane@x.com>`` → (``Jane Doe``, ``jane@x.com``); a bare address or name too."""
    text = " ".join((text or "").split())
    if "<" in text and text.endswith(">"):
        name, _, addr = text[:-1].partition("<")
        return name.strip().strip('"'), addr.strip()
    if "@" in text and " " not in text:
        return "", text
    return text, ""


class ContactPicker(FilterPicker):
    """Pick the recipient: a contact (those linked to the application first) or a free name.

    ``space`` marks several contacts (one message to all of them); ``enter`` picks."""

    TITLE_TEXT = "To whom?"
    HINT = "enter picks · space marks several · type a new name to use it as is"
    PLACEHOLDER = "name, company… or a new name <email>"

    def __init__(self, contacts: Sequence[Contact], *, first_ids: Sequence[str] = (),
                 selected: Sequence[str] = ()) -> None:
        super().__init__()
        first = set(first_ids)
        self._contacts = sorted(
            contacts, key=lambda c: (c.id not in first, c.status != "active", c.display_name.lower()))
        self._by_id = {c.id: c for c in contacts}
        self._marked: list[str] = [i for i in selected if i in self._by_id]
        self._query = ""

    def options_for(self, query: str) -> list[Option]:
        self._query = query
        name, email = parse_free_name(query)
        q = query.lower()
        scored: list[tuple[int, int, Contact]] = []
        exact = False
        for i, c in enumerate(self._contacts):
            display = c.display_name.lower()
            if q:
                if display.startswith(q):
                    score = 0
                elif any(w.startswith(q) for w in display.split()):
                    score = 1
                elif _matches(query, c.display_name):
                    score = 2
                elif _matches(query, c.display_name, c.company, c.title, " ".join(c.emails)):
                    score = 3
                else:
                    continue
            else:
                score = 0
            exact = exact or display == q
            scored.append((score, i, c))
        scored.sort(key=lambda t: (t[0], t[1]))
        out: list[Option] = []
        for _, _, c in scored[:PICKER_LIMIT]:
            mark = "✓ " if c.id in self._marked else "  "
            sub = " · ".join(x for x in (c.title, c.company, c.emails[0] if c.emails else "") if x)
            shown = clip(c.display_name, 30)
            out.append(Option(Content.assemble(mark, (shown, "bold"), ("  " + clip(sub, 70 - len(shown)), "dim")),
                              id=f"c:{c.id}"))
        if query and not exact:
            label = f"Use “{clip(name or email, 40)}” as a new name" + (f" <{clip(email, 40)}>" if name and email else "")
            out.append(Option(Content(label), id="free:"))
        if not out:
            out.append(Option(Content("No contacts yet: type a name to write to someone new."), id="none:",
                              disabled=True))
        return out

    def action_toggle(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None:
            return
        oid = ol.get_option_at_index(ol.highlighted).id or ""
        if not oid.startswith("c:"):
            return
        cid = oid[2:]
        if cid in self._marked:
            self._marked.remove(cid)
        else:
            self._marked.append(cid)
        keep = ol.highlighted
        self._refill_keep(keep)

    def _refill_keep(self, index: int) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self.options_for(self._query))
        if ol.option_count:
            ol.highlighted = min(index, ol.option_count - 1)

    def _chosen(self, option_id: str) -> None:
        if option_id.startswith("free:"):
            name, email = parse_free_name(self._query)
            self.dismiss(Recipients([], name or email, email))
        elif option_id.startswith("c:"):
            ids = list(self._marked)
            if option_id[2:] not in ids:
                ids = ids or [option_id[2:]]
            self.dismiss(Recipients(ids))


class ApplicationPicker(FilterPicker):
    """Link an application (or none). Recent rejections and live applications come first."""

    TITLE_TEXT = "Which application?"
    HINT = "enter picks · escape cancels"
    PLACEHOLDER = "company or role"

    def __init__(self, applications: Sequence[Application], *, first_ids: Sequence[str] = ()) -> None:
        super().__init__()
        first = set(first_ids)

        def rank(a: Application):
            return (a.id not in first, not a.is_live and a.outcome != "rejected",
                    _neg(a.outcome_on or a.stage_entered_on or a.updated_at or ""))

        self._apps = sorted(applications, key=rank)

    def options_for(self, query: str) -> list[Option]:
        out = [Option(Content("(no application)"), id="none")] if not query else []
        for a in self._apps:
            if not _matches(query, a.company, a.role, a.location):
                continue
            state = a.outcome or a.stage
            out.append(Option(Content.assemble((clip(a.title, 52), "bold"), ("  " + clip(state, 16), "dim")),
                              id=f"a:{a.id}"))
            if len(out) >= PICKER_LIMIT:
                break
        if not out:
            out.append(Option(Content("No matching application."), id="nomatch", disabled=True))
        return out

    def _chosen(self, option_id: str) -> None:
        if option_id == "none":
            self.dismiss("")
        elif option_id.startswith("a:"):
            self.dismiss(option_id[2:])


def _neg(s: str) -> tuple:
    return tuple(-ord(ch) for ch in s)


# ----------------------------------------------------------------------------- mark sent


@dataclass
class SentInfo:
    channel: str
    on: date


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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "confirm":
            self.action_confirm()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_confirm()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#sent-error", Static).update("")

    def action_confirm(self) -> None:
        raw = self.query_one("#sent-date", Input).value
        try:
            day = parse_user_date(raw)
        except DateError as exc:
            self.query_one("#sent-error", Static).update(literal(str(exc)))
            self.query_one("#sent-date", Input).focus()
            return
        from store import clock

        if day > clock.today():
            self.query_one("#sent-error", Static).update(
                literal(f"{day.isoformat()} is in the future; mark it sent once it has gone. Use {ACCEPTED}."))
            self.query_one("#sent-date", Input).focus()
            return
        channel = self.query_one("#sent-channel", Select).value
        self.dismiss(SentInfo(str(channel), day))

    def action_cancel(self) -> None:
        self.dismiss(None)
