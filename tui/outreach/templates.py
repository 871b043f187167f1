"""Templates: the built-in ones (read-only; duplicate to change) and the user's own.

``t`` on the Outreach screen opens the list. ``c`` duplicates the selected template (a built-in or
yours) and opens the copy; ``n`` starts a blank one; ``enter``/``e`` edits one of yours; ``d``
deletes one of yours. For each kind, new messages start from your most recently edited template of
that kind, else the built-in one.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static, TextArea

from store.models import DRAFT_CHANNELS, DRAFT_KINDS, Template, one_of
from store.outreach import CHANNEL_LABELS, SUBJECT_CHANNELS
from store.templates import KIND_LABELS, is_builtin
from tui.dialogs import ConfirmDialog
from tui.outreach.actions import OutreachActions
from tui.outreach.views import EDITOR_HELP
from tui.shell import keymap
from tui.shell.base import ReboundScreen
from widgets.outreach_source import TemplateTextArea
from widgets.usertext import cell, clip, literal


class TemplatesScreen(ReboundScreen):
    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach · templates"
    HELP = """Message templates. The built-in ones (one per kind, with channel, length and timing advice) can't be changed: press C to duplicate one and make the copy yours. For each kind, new messages start from your most recently edited template of that kind, else the built-in one.

Your templates live in your data file, with everything else."""  # noqa: E501

    DEFAULT_CSS = """
    TemplatesScreen #tp-table { height: 45%; min-height: 5; }
    TemplatesScreen #tp-preview-box { height: 1fr; border-top: solid $panel; padding: 0 1; }
    """

    KEYMAP = "outreach.templates"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Template] = []
        self._selected: str | None = None

    @property
    def actions(self) -> OutreachActions:
        return OutreachActions(self.store, self.rapp.write)

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="tp-table", cursor_type="row")
        with VerticalScroll(id="tp-preview-box"):
            yield Static("", id="tp-preview")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        self.query_one(DataTable).focus()

    def refresh_data(self, select_id: str | None = None) -> None:
        if not self.is_mounted:
            return
        if select_id:
            self._selected = select_id
        table = self.query_one(DataTable)
        width = self.size.width or 80
        name_w = max(20, width - (16 + 16 + 8) - 2 * 4 - 2)
        table.clear(columns=True)
        table.add_column("Template", key="name", width=name_w)
        table.add_column("Kind", key="kind", width=16)
        table.add_column("Via", key="channel", width=16)
        table.add_column("Whose", key="whose", width=8)
        self._rows = self.store.templates.every()
        index = 0
        for i, t in enumerate(self._rows):
            table.add_row(cell(clip(t.name, name_w)), cell(t.kind), cell(CHANNEL_LABELS.get(t.channel, t.channel)),
                          cell("built-in" if is_builtin(t.id) else "★ mine"), key=t.id)
            if t.id == self._selected:
                index = i
        if self._rows:
            table.move_cursor(row=index, animate=False)
        self._show()

    def current(self) -> Template | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        if row is None or not (0 <= row < len(self._rows)):
            return None
        return self._rows[row]

    @on(DataTable.RowHighlighted, "#tp-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key is not None:
            self._selected = event.row_key.value
        self._show()

    @on(DataTable.RowSelected, "#tp-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _show(self) -> None:
        t = self.current()
        target = self.query_one("#tp-preview", Static)
        if t is None:
            target.update("")
            return
        parts: list[str | tuple[str, str]] = [(t.name, "bold"), "\n"]
        meta = f"Kind: {t.kind} · via {CHANNEL_LABELS.get(t.channel, t.channel)}"
        parts += [(meta, "dim"), "\n"]
        if t.timing_hint:
            parts += [("When: ", "bold"), t.timing_hint, "\n"]
        if t.length_hint:
            parts += [("Length: ", "bold"), t.length_hint, "\n"]
        if is_builtin(t.id):
            parts += [("Built-in: c duplicates it so you can change the copy.", "italic"), "\n"]
        parts.append("\n")
        if t.subject and t.channel in SUBJECT_CHANNELS:
            parts += [("Subject: ", "bold"), t.subject, "\n\n"]
        parts.append(t.body)
        target.update(Content.assemble(*parts))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def _edit(self, t: Template, is_new: bool) -> None:
        def closed(saved_id: str | None) -> None:
            self.refresh_data(select_id=saved_id)

        self.app.push_screen(TemplateForm(t, is_new=is_new), closed)

    def action_edit(self) -> None:
        t = self.current()
        if t is None:
            return
        if is_builtin(t.id):
            self.notify("Built-in templates stay as they are: c makes a copy you can change.", markup=False,
                        timeout=4)
            return
        self._edit(t, is_new=False)

    def action_duplicate(self) -> None:
        t = self.current()
        if t is None:
            return
        copy = self.actions.duplicate_template(t)
        if copy is not None:
            self.refresh_data(select_id=copy.id)
            self._edit(copy, is_new=False)

    def action_new(self) -> None:
        self._edit(self.actions.blank_template(), is_new=True)

    def action_delete(self) -> None:
        t = self.current()
        if t is None:
            return
        if is_builtin(t.id):
            self.notify("Built-in templates can't be deleted.", markup=False, timeout=3)
            return

        def decided(ok: bool | None) -> None:
            if ok and self.actions.delete_template(t.id):
                self.refresh_data()

        self.app.push_screen(ConfirmDialog("Delete this template?", f"“{t.name}”. Drafts made from it keep "
                                           "their text.", confirm="Delete", cancel="Keep", danger=True), decided)


class TemplateForm(ReboundScreen):
    """Edit one of the user's templates. ``ctrl+s`` saves, ``escape`` cancels."""

    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach · template"
    HELP = EDITOR_HELP

    DEFAULT_CSS = """
    TemplateForm #tf { height: 1fr; }
    TemplateForm .form-row { height: 1; margin: 0 1; }
    TemplateForm .form-label { width: 9; color: $foreground 70%; }
    TemplateForm .form-label-s { width: 5; margin-left: 2; color: $foreground 70%; }
    TemplateForm #tf-name, TemplateForm #tf-subject, TemplateForm #tf-timing, TemplateForm #tf-length { width: 1fr; }
    TemplateForm #tf-kind { width: 34; }
    TemplateForm #tf-channel { width: 1fr; }
    TemplateForm #tf-body { height: 1fr; margin-top: 1; border: round $primary 60%; }
    TemplateForm #tf-body:focus { border: round $primary; }
    TemplateForm #tf-error { height: auto; margin: 0 1; color: $error; text-style: bold; }
    """

    KEYMAP = "outreach.template"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, template: Template, *, is_new: bool) -> None:
        super().__init__()
        self.template = template.copy()
        self.is_new = is_new
        self._initial = self._state_of(self.template)

    @property
    def actions(self) -> OutreachActions:
        return OutreachActions(self.store, self.rapp.write)

    @staticmethod
    def _state_of(t: Template) -> tuple[str, ...]:
        return (t.name, t.kind, t.channel, t.subject, t.body, t.timing_hint, t.length_hint)

    def compose_body(self) -> ComposeResult:
        t = self.template
        with Vertical(id="tf"):
            with Horizontal(classes="form-row"):
                yield Static("Name", classes="form-label")
                yield Input(t.name, compact=True, id="tf-name", placeholder="e.g. My thank-you")
            with Horizontal(classes="form-row"):
                yield Static("Kind", classes="form-label")
                yield Select([(KIND_LABELS[k], k) for k in DRAFT_KINDS], value=t.kind if t.kind in DRAFT_KINDS
                             else "other", allow_blank=False, compact=True, id="tf-kind")
                yield Static("Via", classes="form-label-s")
                yield Select([(CHANNEL_LABELS[c], c) for c in DRAFT_CHANNELS],
                             value=t.channel if t.channel in DRAFT_CHANNELS else "email", allow_blank=False,
                             compact=True, id="tf-channel")
            with Horizontal(classes="form-row"):
                yield Static("Subject", classes="form-label")
                yield Input(t.subject, compact=True, id="tf-subject", placeholder="email and InMail only")
            with Horizontal(classes="form-row"):
                yield Static("When", classes="form-label")
                yield Input(t.timing_hint, compact=True, id="tf-timing", placeholder="timing advice (optional)")
            with Horizontal(classes="form-row"):
                yield Static("Length", classes="form-label")
                yield Input(t.length_hint, compact=True, id="tf-length", placeholder="length advice (optional)")
            yield Static("", id="tf-error")
            yield TemplateTextArea(t.body, id="tf-body")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#tf-name", Input).focus()

    def collect(self) -> Template:
        t = self.template.copy()
        t.name = self.query_one("#tf-name", Input).value.strip()
        t.kind = one_of(DRAFT_KINDS, self.query_one("#tf-kind", Select).value, t.kind)
        t.channel = one_of(DRAFT_CHANNELS, self.query_one("#tf-channel", Select).value, t.channel)
        t.subject = self.query_one("#tf-subject", Input).value
        t.timing_hint = self.query_one("#tf-timing", Input).value.strip()
        t.length_hint = self.query_one("#tf-length", Input).value.strip()
        t.body = self.query_one("#tf-body", TextArea).text
        return t

    def _changed(self) -> bool:
        return self._state_of(self.collect()) != self._initial

    def action_save(self) -> None:
        t = self.collect()
        saved = self.actions.save_template(t)
        if saved.ok:
            self.dismiss(t.id)
            return
        if saved.error:
            self.query_one("#tf-error", Static).update(literal(saved.error))
        if saved.field:
            self.query_one(f"#tf-{saved.field}", Input).focus()

    @on(Input.Changed)
    def _typed(self) -> None:
        self.query_one("#tf-error", Static).update("")

    def action_cancel(self) -> None:
        if not self._changed():
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your changes?", "Your edits to this template will be lost.",
                                           confirm="Discard", cancel="Keep editing", danger=True), decided)

    def save_pending(self) -> None:
        if self.store.read_only or not self._changed():
            return
        t = self.collect()
        if not t.name:
            t.name = "Unsaved template"
        self.store.templates.save_template(t)  # at hang-up or quit: straight to the store
        self._initial = self._state_of(t)
