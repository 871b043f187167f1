"""The Outreach screen: drafts and sent messages, a preview, and the hand-off to mail or LinkedIn.

Rebound never sends anything. ``y`` copies the rendered message (OSC 52), ``ctrl+s`` saves it to a file,
an ``.eml`` or a ``mailto:`` link, and ``m`` records that it went out: a touchpoint on each
recipient, a note on the application, the draft moved to Sent — one atomic write.

The screen shows and routes keys; :mod:`tui.outreach.sending` runs the hand-off verbs and
:class:`~tui.outreach.actions.OutreachActions` does the work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Static

from store import clock
from store.models import Draft
from store.outreach import recipient_label
from store.templates import KIND_LABELS
from tui.dialogs import ConfirmDialog
from tui.outreach.actions import OutreachActions
from tui.outreach.answers import DraftClosed, FileFormat, NewDrafts
from tui.outreach.editor import DraftEditor
from tui.outreach.pickers import TemplatePicker
from tui.outreach.sending import Sending
from tui.outreach.views import LIST_HELP, columns, empty_message, list_preview, list_rows, pick_title
from tui.shell import keymap
from tui.shell.base import PaletteCommand, ReboundScreen
from tui.shell.keymap import undo_offer
from tui.shell.trips import StepDone
from widgets.usertext import cell, clip


class OutreachScreen(ReboundScreen):
    SCREEN_KEY = "outreach"
    SCREEN_TITLE = "Outreach"
    HELP = LIST_HELP

    DEFAULT_CSS = """
    OutreachScreen #ol-body { height: 1fr; }
    OutreachScreen #ol-filter { display: none; height: 1; margin: 0 1; }
    OutreachScreen #ol-filter.-shown { display: block; }
    OutreachScreen #ol-table { height: 45%; min-height: 5; }
    OutreachScreen #ol-empty { height: auto; padding: 1 2; display: none; }
    OutreachScreen #ol-empty.-shown { display: block; }
    OutreachScreen #ol-preview-box { height: 1fr; border-top: solid $panel; padding: 0 1; }
    """

    KEYMAP = "outreach"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._selected_id: str | None = None
        self._filter = ""
        self._rows: list[Draft] = []
        self._width = 0
        #: What the list was built from (:meth:`_source_key`), its lines (ids and cells, columns, filter)
        #: and what the preview shows, as last shown (None: not yet).
        self._shown_from: tuple[object, ...] | None = None
        self._cells: object = None
        self._preview_of: object = None

    @property
    def actions(self) -> OutreachActions:
        return OutreachActions(self.store, self.rapp.write)

    @property
    def sending(self) -> Sending:
        return Sending(self.app, self.actions, self.refresh_data)

    # ------------------------------------------------------------------ building

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ol-body"):
            yield Input(placeholder="filter: kind, name, company, status… (escape clears)", id="ol-filter",
                        compact=True)
            table: DataTable[Any] = DataTable(id="ol-table", cursor_type="row", zebra_stripes=False)
            table.show_row_labels = False
            yield table
            yield Static("", id="ol-empty")
            with VerticalScroll(id="ol-preview-box"):
                yield Static("", id="ol-preview")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_data()
        self._table.focus()

    def on_resize(self, event: events.Resize) -> None:
        if abs(event.size.width - self._width) >= 1 and self.is_mounted:
            self.refresh_data()

    @property
    def _table(self) -> DataTable[Any]:
        return self.query_one("#ol-table", DataTable)

    # ------------------------------------------------------------------ the list

    def _source_key(self, width: int) -> tuple[object, ...]:
        """What the list and its preview are made from: the drafts, their contacts and applications,
        the settings, the day, the filter and the width."""
        versions = self.store.versions("drafts", "contacts", "touchpoints", "applications", "templates", "settings")
        return (versions, clock.today(), self._filter, width)

    def refresh_data(self, select_id: str | None = None) -> None:
        """Rebuild the list (cursor on ``select_id``, else where it was) and the preview, if anything changed."""
        if not self.is_mounted:
            return
        width = self.size.width or 80
        key = self._source_key(width)
        if not select_id and key == self._shown_from:
            return
        self._shown_from = key
        if select_id:
            self._selected_id = select_id
        table = self._table
        self._width = width
        rows = list_rows(self.store, clock.today(), self._filter)
        cols = columns(width)
        cells = ([(d.id, values) for d, values in rows], cols, self._filter)
        if not select_id and cells == self._cells:  # the same lines (another table changed): keep the list
            self._rows = [d for d, _ in rows]
            self._show_preview()
            return
        self._cells = cells
        table.clear(columns=True)
        for col in cols:
            table.add_column(col.label, key=col.key, width=col.width)
        for d, values in rows:
            table.add_row(*[cell(clip(v, col.width)) for v, col in zip(values, cols, strict=True)], key=d.id)
        self._rows = [d for d, _ in rows]
        empty = self.query_one("#ol-empty", Static)
        if not rows:
            empty.update(empty_message(self._filter))
        empty.set_class(not rows, "-shown")
        table.display = bool(rows)
        ids = [d.id for d in self._rows]
        if rows:
            table.move_cursor(row=ids.index(self._selected_id) if self._selected_id in ids else 0, animate=False)
        self._show_preview()

    def current(self) -> Draft | None:
        table = self._table
        if not self._rows or not table.display:
            return None
        row = table.cursor_row
        if row is None or not (0 <= row < len(self._rows)):
            return None
        return self.store.drafts.get(self._rows[row].id)

    @on(DataTable.RowHighlighted, "#ol-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key is not None and event.row_key.value:
            self._selected_id = event.row_key.value
        self._show_preview()

    @on(DataTable.RowSelected, "#ol-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def _show_preview(self) -> None:
        d = self.current()
        key = (d, self._source_key(0)) if d is not None else None
        if key is not None and key == self._preview_of:  # the same draft, nothing it shows changed
            return
        self._preview_of = key
        target = self.query_one("#ol-preview", Static)
        target.update("" if d is None else list_preview(self.store, d, clock.today()))

    # ------------------------------------------------------------------ moving

    def action_cursor_down(self) -> None:
        self._table.action_cursor_down()

    def action_cursor_up(self) -> None:
        self._table.action_cursor_up()

    def action_filter(self) -> None:
        box = self.query_one("#ol-filter", Input)
        box.add_class("-shown")
        box.focus()

    @on(Input.Changed, "#ol-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter = event.value
        self.refresh_data()

    @on(Input.Submitted, "#ol-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#ol-filter", Input)
        if not self._filter and not box.has_class("-shown"):
            return
        self._filter = ""
        box.value = ""
        box.remove_class("-shown")
        self.refresh_data()
        self._table.focus()

    # ------------------------------------------------------------------ writing

    def _open_editor(self, draft: Draft, *, is_new: bool) -> None:
        def closed(result: DraftClosed | None) -> None:
            self.refresh_data(select_id=result.draft_id if result else None)
            self._table.focus()
            if result is None or result.put_off:
                self.app.post_message(StepDone())  # begun on Today: back there
            if result is None:
                return
            if result.put_off:
                self.sending.put_off(result.draft_id)
                return
            d = self.store.drafts.get(result.draft_id)
            if d is not None and d.status != "put off":
                self.notify("Draft saved. y copies it; m marks it sent once it's gone.", markup=False, timeout=4)

        self.app.push_screen(DraftEditor(draft, is_new=is_new), closed)

    def _close_editors(self) -> None:
        """Before opening another draft: save an open editor's changes, close what is on top."""
        if self not in self.app.screen_stack:
            return
        while self.app.screen is not self:
            top = self.app.screen
            if isinstance(top, DraftEditor) and top.changed and self.actions.save_draft(top.collect()) is not None:
                self.notify("Saved the draft you had open.", markup=False, timeout=3)
            self.app.pop_screen()

    def start_draft(self, kind: str | None = None, contact_ids: list[str] | None = None,
                    application_id: str | None = None, draft_id: str | None = None) -> None:
        """Entry point for other screens (contacts ``c``, the board, Today): open the editor prefilled
        with recipient, application and kind, or on an existing draft."""
        self._close_editors()
        if draft_id:
            d = self.store.drafts.get(draft_id)
            if d is None:
                self.notify("That draft no longer exists.", markup=False)
                return
            self.refresh_data(select_id=d.id)
            if d.status != "sent":
                self._open_editor(d, is_new=False)
            return
        entry = self.actions.entry(contact_ids or [], application_id)
        if kind is None:
            self._pick_template(lambda tid: self._start(self.actions.start(tid, entry.contact_ids,
                                                                           entry.application_id)),
                                highlight=self.actions.suggested_kind(entry),
                                title=pick_title(self.store, entry.contact_ids, entry.application_id))
            return
        template = self.store.templates.default_for(kind)
        self._start(self.actions.start(template.id, entry.contact_ids, entry.application_id))

    def _pick_template(self, then: Callable[[str], None], *, highlight: str | None = None,
                       title: str = "New message: what kind?") -> None:
        def picked(tid: str | None) -> None:
            if tid:
                then(tid)

        self.app.push_screen(TemplatePicker(self.store.templates.every(), title=title, highlight=highlight,
                                            message="Each kind comes with its channel, length and timing."),
                             picked)

    def _start(self, new: NewDrafts | None) -> None:
        """Open the editor on a new draft; with one saved draft per person, on the first of them."""
        if new is None:
            return
        first = new.drafts[0]
        if not new.saved:
            self._open_editor(first, is_new=True)
            return
        self.refresh_data(select_id=first.id)
        self.notify(f"{len(new.drafts)} drafts, one per person: personal notes land better than a group "
                    "email. The others wait in the list.", markup=False, timeout=6)
        stored = self.store.drafts.get(first.id)
        if stored is not None:
            self._open_editor(stored, is_new=False)

    def action_new(self) -> None:
        self._pick_template(lambda tid: self._start(self.actions.start(tid)))

    def action_open(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self.notify("Sent messages are kept as they went out (shown below). f writes a follow-up; "
                        "ctrl+p › Reuse as a new draft copies it for someone else.",
                        markup=False, timeout=4)
            return
        self._open_editor(d, is_new=False)

    def action_edit(self) -> None:
        self.action_open()

    def action_reuse(self) -> None:
        """A new draft with the selected message's kind, channel and text, for someone else."""
        d = self.current()
        if d is None:
            return
        self._open_editor(self.actions.reuse(d), is_new=True)
        self.notify("A copy to send to someone else: ctrl+t picks the recipient.", markup=False, timeout=4)

    def action_follow_up(self) -> None:
        d = self.current()
        if d is None:
            self.action_new()
            return
        who = recipient_label(d, store=self.store)
        self._pick_template(lambda tid: self._start(self.actions.follow_up(d, tid)),
                            highlight=self.actions.follow_up_kind(d), title=f"Follow-up to {clip(who, 40)}: what kind?")

    def action_delete(self) -> None:
        d = self.current()
        if d is None:
            return
        sent = d.status == "sent"

        def decided(ok: bool | None) -> None:
            if ok and self.actions.delete(d.id):
                self.refresh_data()
                self.notify(f"Deleted. {undo_offer()}", markup=False, timeout=4)

        message = (f"{KIND_LABELS.get(d.kind, d.kind)} to {recipient_label(d, store=self.store)}. "
                   + ("The touchpoint it logged stays on the contact." if sent else f"Right after, {undo_offer()}"))
        self.app.push_screen(ConfirmDialog("Delete this sent message?" if sent else "Delete this draft?",
                                           message, confirm="Delete", cancel="Keep", danger=True), decided)

    def action_put_off(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.status == "sent":
            self.notify("This one was already sent.", markup=False, timeout=3)
        elif d.status == "put off":
            if self.actions.bring_back(d.id):
                self.refresh_data(select_id=d.id)
                self.notify("Back with the drafts.", markup=False, timeout=3)
        else:
            self.sending.put_off(d.id)

    # ------------------------------------------------------------------ hand-off (tui.outreach.sending)

    def _with_current(self, verb: Callable[[Sending, Draft], None]) -> None:
        d = self.current()
        if d is not None:
            verb(self.sending, d)

    def action_copy(self) -> None:
        self._with_current(Sending.copy)

    def action_copy_subject(self) -> None:
        self._with_current(Sending.copy_subject)

    def action_handoff(self) -> None:
        self._with_current(Sending.choose)

    def action_save_text(self) -> None:
        self._with_current(partial(Sending.save_file, fmt=FileFormat.TEXT))

    def action_save_eml(self) -> None:
        self._with_current(partial(Sending.save_file, fmt=FileFormat.EML))

    def action_copy_mailto(self) -> None:
        self._with_current(Sending.copy_mailto)

    def action_mark_sent(self) -> None:
        self._with_current(Sending.mark_sent)

    def action_templates(self) -> None:
        from tui.outreach.templates import TemplatesScreen

        self.app.push_screen(TemplatesScreen())

    # ------------------------------------------------------------------ the shell's hooks

    def palette_extras(self) -> Iterator[PaletteCommand]:
        P = PaletteCommand
        for kind, label in KIND_LABELS.items():
            yield P(f"Outreach: new {label.lower()}", "Start from this kind's template",
                    partial(self.start_draft, kind=kind))
        yield P("Outreach: save to a text file", "Save the message in the exports folder (.txt)",
                self.action_save_text)
        yield P("Outreach: save as an email file (.eml)", "Opens as a draft in most mail programs",
                self.action_save_eml)
        yield P("Outreach: copy a mailto: link", "A link that opens your mail program filled in",
                self.action_copy_mailto)
        yield P("Outreach: reuse as a new draft", "Same kind and text, for someone else", self.action_reuse)
