"""The composer's pickers: a template, the recipients, the application.

Each one dismisses with a typed answer (a template id, :class:`Recipients`, :class:`ApplicationChoice`,
or None when cancelled); none calls back into the screen that opened it. Every label that can hold
user text is literal content (never markup). Long lists (contacts, applications) are OptionLists
(line API) narrowed by a filter box, and only the best matches are listed, so they stay fast with
thousands of records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.models import Application, Contact, Template
from store.outreach import CHANNEL_LABELS
from store.templates import is_builtin
from tui.outreach.results import ApplicationChoice, Recipients
from widgets.usertext import clip, literal

#: How many matches a picker lists at once (typing narrows the rest).
PICKER_LIMIT = 200

PICKER_CSS = """
    {cls} {{ align: center middle; }}
    {cls} .outreach-picker {{
        width: 80; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
        border: round $primary; background: $surface;
    }}
    {cls} .outreach-picker OptionList {{ height: auto; max-height: 16; }}
    {cls} .outreach-picker .dialog-title {{ text-style: bold; }}
"""

R = TypeVar("R")


class TemplatePicker(ModalScreen[str | None]):
    """Pick a template: built-ins (one per kind) then the user's own. Digits pick directly.
    Dismisses with the template's id."""

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

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in "123456789":
            n = int(event.character)
            if n <= len(self._templates):
                event.stop()
                self.dismiss(self._templates[n - 1].id)

    @on(OptionList.OptionSelected, "#template-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------------------------- a filtered list


class FilterBox(Input):
    """A picker's filter box. With ``marks``, ``space`` in an empty box marks the highlighted row
    (it posts :class:`FilterBox.MarkRequested`) instead of typing a space."""

    @dataclass
    class MarkRequested(Message):
        """Space in an empty filter box: mark or unmark the highlighted row."""

        box: FilterBox

        @property
        def control(self) -> FilterBox:
            return self.box

    def __init__(self, *, marks: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.marks = marks

    def on_key(self, event: events.Key) -> None:
        if self.marks and event.key == "space" and not self.value:
            event.stop()
            event.prevent_default()  # Input's own handler would type the space
            self.post_message(self.MarkRequested(self))


class FilterPicker(ModalScreen[R | None]):
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
    #: Whether space in the empty filter box marks the highlighted row.
    MARKS = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="outreach-picker"):
            yield Static(literal(self.TITLE_TEXT), classes="dialog-title")
            yield FilterBox(marks=self.MARKS, placeholder=self.PLACEHOLDER, id="pick-filter")
            yield OptionList(id="pick-options")
            yield Static(literal(self.HINT), id="pick-hint", classes="muted")

    def on_mount(self) -> None:
        self._refill("")
        self.query_one("#pick-filter", Input).focus()

    @on(Input.Changed, "#pick-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill(event.value)

    @on(Input.Submitted, "#pick-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and ol.option_count:
            self._chosen(ol.get_option_at_index(ol.highlighted).id or "")

    @on(OptionList.OptionSelected, "#pick-options")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._chosen(event.option.id or "")

    def _refill(self, query: str, keep: int = 0) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self.options_for(query.strip()))
        if ol.option_count:
            ol.highlighted = min(keep, ol.option_count - 1)

    def options_for(self, query: str) -> list[Option]:  # pragma: no cover - abstract
        return []

    def _chosen(self, option_id: str) -> None:  # pragma: no cover - abstract
        """Dismiss with the typed answer for the option picked."""

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


def parse_free_name(text: str) -> tuple[str, str]:
    """``Jane Doe <jane@x.com>`` → (``Jane Doe``, ``jane@x.com``); a bare address or name too."""
    text = " ".join((text or "").split())
    if "<" in text and text.endswith(">"):
        name, _, addr = text[:-1].partition("<")
        return name.strip().strip('"'), addr.strip()
    if "@" in text and " " not in text:
        return "", text
    return text, ""


class ContactPicker(FilterPicker[Recipients]):
    """Pick the recipient: a contact (those linked to the application first) or a free name.

    ``space`` marks several contacts (one message to all of them); ``enter`` picks."""

    TITLE_TEXT = "To whom?"
    HINT = "enter picks · space marks several · type a new name to use it as is"
    PLACEHOLDER = "name, company… or a new name <email>"
    MARKS = True

    def __init__(self, contacts: Sequence[Contact], *, first_ids: Sequence[str] = (),
                 selected: Sequence[str] = ()) -> None:
        super().__init__()
        first = set(first_ids)
        self._contacts = sorted(
            contacts, key=lambda c: (c.id not in first, c.status != "active", c.display_name.lower()))
        self._by_id = {c.id: c for c in contacts}
        self._marked: list[str] = [i for i in selected if i in self._by_id]
        self._query = ""

    def _score(self, c: Contact, query: str) -> int | None:
        """How well ``c`` matches (0 best), or None when it doesn't."""
        q = query.lower()
        display = c.display_name.lower()
        if not q or display.startswith(q):
            return 0
        if any(w.startswith(q) for w in display.split()):
            return 1
        if _matches(query, c.display_name):
            return 2
        if _matches(query, c.display_name, c.company, c.title, " ".join(c.emails)):
            return 3
        return None

    def options_for(self, query: str) -> list[Option]:
        self._query = query
        scored: list[tuple[int, int, Contact]] = []
        for i, c in enumerate(self._contacts):
            score = self._score(c, query)
            if score is not None:
                scored.append((score, i, c))
        scored.sort(key=lambda t: (t[0], t[1]))
        out: list[Option] = []
        for _, _, c in scored[:PICKER_LIMIT]:
            mark = "✓ " if c.id in self._marked else "  "
            sub = " · ".join(x for x in (c.title, c.company, c.emails[0] if c.emails else "") if x)
            shown = clip(c.display_name, 30)
            out.append(Option(Content.assemble(mark, (shown, "bold"), ("  " + clip(sub, 70 - len(shown)), "dim")),
                              id=f"c:{c.id}"))
        exact = any(c.display_name.lower() == query.lower() for _, _, c in scored)
        if query and not exact:
            name, email = parse_free_name(query)
            label = f"Use “{clip(name or email, 40)}” as a new name"
            if name and email:
                label += f" <{clip(email, 40)}>"
            out.append(Option(Content(label), id="free:"))
        if not out:
            out.append(Option(Content("No contacts yet: type a name to write to someone new."), id="none:",
                              disabled=True))
        return out

    @on(FilterBox.MarkRequested)
    def _toggle_mark(self, event: FilterBox.MarkRequested) -> None:
        event.stop()
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
        self._refill(self._query, keep=ol.highlighted)

    def _chosen(self, option_id: str) -> None:
        if option_id.startswith("free:"):
            name, email = parse_free_name(self._query)
            self.dismiss(Recipients((), name or email, email))
        elif option_id.startswith("c:"):
            ids = list(self._marked)
            if option_id[2:] not in ids:
                ids = ids or [option_id[2:]]
            self.dismiss(Recipients(tuple(ids)))


class ApplicationPicker(FilterPicker[ApplicationChoice]):
    """Link an application (or none). Recent rejections and live applications come first."""

    TITLE_TEXT = "Which application?"
    HINT = "enter picks · escape cancels"
    PLACEHOLDER = "company or role"

    def __init__(self, applications: Sequence[Application], *, first_ids: Sequence[str] = ()) -> None:
        super().__init__()
        first = set(first_ids)

        def rank(a: Application) -> tuple[bool, bool, tuple[int, ...]]:
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
            self.dismiss(ApplicationChoice(None))
        elif option_id.startswith("a:"):
            self.dismiss(ApplicationChoice(option_id[2:]))


def _neg(s: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in s)
