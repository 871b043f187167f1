"""The Contacts screen: who to get in touch with today, and why.

A line-API table sorted by urgency — overdue first, then the share of the cadence gone by — with
the state in words and a badge, and beside each due contact one reason to reach out. A detail pane
shows the contact (beside the list on wide terminals; below it, on ``enter``, at 80x24).

This module routes keys. Where things live, all in :mod:`tui.contacts`:

* ``rows`` — :class:`~tui.contacts.rows.ContactList`: the rows, filters and marks (plain Python);
* ``actions`` — :class:`~tui.contacts.actions.ContactsActions`: every change, each one ``app.write``
  with one store function (plain Python);
* ``flows`` — the dialogs a key opens before it acts; ``menus`` — their typed choices;
* ``view`` — :class:`~tui.contacts.view.ContactsView`: the bar, search, table, details and hint;
* ``render``, ``format``, ``detail`` — the wording; ``palette`` — the ctrl+p commands.

The rules (cadences, due dates, states, reasons) live in :mod:`store.contacts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from textual import on
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Static

from store import clock
from store import contacts as C
from store.models import Contact
from tui.contacts import flows, merging, palette
from tui.contacts.actions import ContactsActions, Done
from tui.contacts.render import CONTACTS_CSS, CONTACTS_HELP, EMPTY
from tui.contacts.rows import ContactList
from tui.contacts.touch import TouchpointDialog, TouchpointsDialog
from tui.contacts.view import ContactsView
from tui.shell import keymap
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.contacts_table import ContactsTable
from widgets.paint_first import after_frame


class ContactsScreen(ReboundScreen):
    SCREEN_KEY = "contacts"
    SCREEN_TITLE = "Contacts"
    DEFAULT_CSS = CONTACTS_CSS
    HELP = CONTACTS_HELP

    KEYMAP = "contacts"
    BINDINGS = keymap.bindings(KEYMAP)

    @cached_property
    def contacts(self) -> ContactList:
        """The rows, the filters, what is shown and what is marked."""
        return ContactList(self.store)

    @cached_property
    def actions(self) -> ContactsActions:
        return ContactsActions(self.rapp.write, self.store, lambda save: after_frame(self.app, save))

    # -- building

    def compose_body(self) -> ComposeResult:
        yield ContactsView(self.contacts, id="contacts-main")
        yield Static(EMPTY, classes="empty-state", id="empty-state")

    @property
    def view(self) -> ContactsView:
        return self.query_one(ContactsView)

    @property
    def table(self) -> ContactsTable:
        return self.view.table

    def on_mount(self) -> None:
        self.view.set_width(self.size.width)
        self.refresh_data(force=True)
        self.table.focus()

    def on_resize(self, event: Resize) -> None:
        self.view.set_width(event.size.width)

    # -- data

    def refresh_data(self, position: int | None = None, force: bool = False) -> None:
        """Recompute every contact's due date, state and reason, then filter and show (the cursor
        stays on its contact, or on ``position`` when given).

        Coming back to the screen (the base class calls this) recomputes only when something was
        saved or reloaded meanwhile, or the day turned; this screen's own changes force it."""
        if not force and position is None and not self.contacts.stale:
            return
        self.contacts.reload(clock.today())
        empty = not self.contacts.rows
        self.view.set_class(empty, "-empty")
        self.query_one("#empty-state").set_class(empty, "-shown")
        self.view.show_rows(position=position)

    def apply_filters(self, keep: str | None = None) -> None:
        """The filters changed: show what they let through."""
        self.contacts.apply()
        self.view.show_rows(keep=keep)

    def current_row(self) -> C.ContactRow | None:
        return self.view.current_row()

    def _targets(self) -> list[C.ContactRow]:
        """The marked contacts (in list order), else the one under the cursor."""
        return self.contacts.targets(self.table.current_key)

    @on(ContactsTable.Selected, "#contacts-table")
    def _selected(self, event: ContactsTable.Selected) -> None:
        event.stop()
        self.action_open()

    def _report(self, done: Done) -> None:
        if done.message:
            self.notify(done.message, severity="error" if done.error else "information", timeout=done.timeout,
                        markup=False)

    def _changed(self, done: Done | None) -> None:
        """After a change: recompute the list, then say what happened."""
        if done is not None:
            self.refresh_data(force=True)
            self._report(done)

    def dealt_with(self, done: Done | None) -> None:
        """After logging, snoozing or pausing: unmark, recompute, and keep the cursor where it was, so
        the next contact in line moves up under it (unless the current one was not among them)."""
        if done is None:
            return
        position = self.table.cursor if self.table.current_key in done.ids else None
        self.contacts.marked.clear()
        self.refresh_data(position=position, force=True)
        self._report(done)

    # -- jumping here from elsewhere

    def show_contact(self, contact_id: str) -> None:
        """Select this contact (clearing filters that hide it) and show its details."""
        if contact_id not in self.contacts:
            self.refresh_data(force=True)
        row = self.contacts.get(contact_id)
        if row is None:
            self.notify("That contact no longer exists.", markup=False)
            return
        if not self.contacts.is_shown(contact_id):
            self._clear_filters(apply=False)
            if row.info.state in ("archived", "do not contact"):
                self.contacts.filters.show_inactive = True
            self.apply_filters(keep=contact_id)
        else:
            self.table.select_key(contact_id)
        self.view.set_detail_open(True)
        self.table.focus()

    # -- moving and looking

    def action_open(self) -> None:
        """Show the details (below the list at 80 columns; enter again hides them). Beside the
        list, enter moves the focus into them (tab does too; escape comes back)."""
        if self.current_row() is None:
            return
        if self.view.side:
            self.view.detail.focus()
            return
        self.view.set_detail_open(not self.view.detail_open)
        self.table.focus()

    def action_back(self) -> None:
        if self.view.back():
            return
        if self.contacts.marked:
            self.action_unmark_all()
        elif self.contacts.filters.narrowing:
            self._clear_filters()

    # -- search and filters

    def action_search(self) -> None:
        self.view.open_search()

    def action_due_now(self) -> None:
        self.contacts.filters.due_now = not self.contacts.filters.due_now
        self.apply_filters()

    def action_toggle_inactive(self) -> None:
        self.contacts.filters.show_inactive = not self.contacts.filters.show_inactive
        self.apply_filters()

    def _clear_filters(self, apply: bool = True) -> None:
        self.contacts.filters.clear()
        self.view.clear_search()
        if apply:
            self.apply_filters()

    def action_clear_filters(self) -> None:
        self._clear_filters()

    def action_filter(self) -> None:
        flows.filter_menu(self.app, self.contacts, self.apply_filters, self.action_clear_filters)

    def action_filter_role(self) -> None:
        flows.filter_role(self.app, self.contacts, self.apply_filters)

    def action_filter_tag(self) -> None:
        flows.filter_tag(self.app, self.contacts, self.apply_filters)

    # -- marking

    def action_mark(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.contacts.toggle_mark(row.id)
        self.view.update_row(row)
        self.table.action_cursor_down()

    def action_unmark_all(self) -> None:
        self.contacts.marked.clear()
        self.apply_filters()

    def action_merge(self) -> None:
        """The two marked contacts are one person: merge them (asks which name and fields stay)."""
        merging.merge(self.app, self.actions, self._targets() if self.contacts.marked else [], self.dealt_with)

    # -- adding, editing, deleting

    def _need_row(self) -> C.ContactRow | None:
        row = self.current_row()
        if row is None:
            self.notify("No contact selected. Press n to add one.", markup=False)
        return row

    def action_new(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        row = self._need_row()
        if row is not None:
            self._open_form(row.contact)

    def _open_form(self, contact: Contact | None) -> None:
        flows.edit(self.app, self.actions, contact, self._saved_contact)

    def _saved_contact(self, done: Done | None) -> None:
        if done is not None:
            self._changed(done)
            self.show_contact(done.ids[0])

    def action_delete(self) -> None:
        rows = self._targets()
        if rows:
            flows.delete(self.app, self.actions, rows, self._deleted)

    def _deleted(self, done: Done | None) -> None:
        if done is not None:
            self.contacts.marked.clear()
            self._changed(done)

    # -- touchpoints

    def action_log(self) -> None:
        rows = self._targets()
        if not rows:
            self.notify("No contact selected. Press n to add one.", markup=False)
            return
        flows.log(self.app, self.actions, rows, self.dealt_with)

    def log_dialog(self) -> TouchpointDialog:
        """The dialog ``l`` would open now, made (not shown): the warm-up keeps one ahead."""
        return flows.log_dialog(self.actions, self._targets())

    def action_touchpoints(self) -> None:
        row = self._need_row()
        if row is None:
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.refresh_data(force=True)

        self.app.push_screen(TouchpointsDialog(f"Touchpoints with {row.contact.display_name}", row.id,
                                               self.actions), closed)

    # -- snooze, pause, status

    def action_snooze(self) -> None:
        rows = self._targets()
        if rows:
            flows.snooze(self.app, self.actions, rows, self.dealt_with)

    def action_pause(self) -> None:
        rows = self._targets()
        if rows:
            flows.pause(self.app, self.actions, rows, self.dealt_with)

    def set_status(self, status: str) -> None:
        """Archive, do not contact, or active again: the marked contacts, else the current one."""
        rows = self._targets()
        if rows:
            self.dealt_with(self.actions.set_status([r.id for r in rows], status))

    def action_pause_all(self) -> None:
        flows.pause_all(self.app, self.actions, self._changed)

    def action_resume_all(self) -> None:
        self._changed(self.actions.resume_all())

    # -- composing and applications

    def action_compose(self) -> None:
        row = self._need_row()
        if row is not None:
            reason = self.contacts.reason(row)
            self.rapp.open_composer(kind=reason.kind, contact_ids=[row.id], application_id=reason.application_id)

    def action_applications(self) -> None:
        row = self._need_row()
        if row is not None:
            flows.applications(self.app, self.actions, row.contact, self.contacts.linked_ids(row.contact),
                               self.rapp.open_application, self._changed)

    # -- import, export, settings

    def action_import_linkedin(self) -> None:
        flows.import_linkedin(self.app, self.actions, self._changed)

    def action_export(self, fmt: str) -> None:
        self._report(self.actions.export(fmt))

    def action_default_cadence(self, role: str = "") -> None:
        flows.cadence(self.app, self.actions, self._changed, role)

    def action_role_cadence(self) -> None:
        flows.role_cadence(self.app, self.actions, self._changed)

    # -- palette

    def palette_subject(self) -> str | None:
        """The contact under the cursor, by name (palette titles name it: "Edit Ana Almeida")."""
        row = self.current_row()
        return row.contact.display_name if row is not None else None

    def palette_extras(self) -> Iterable[PaletteCommand]:
        return palette.extras(self)
