"""The Contacts screen: who to get in touch with today, and why.

A DataTable (line API) sorted by urgency — overdue first, then the share of the cadence gone by —
with the state in words and a badge, and beside each due contact one reason to reach out. A detail
pane shows the contact (beside the list on wide terminals; below it, on ``enter``, at 80x24).

Every change goes through ``rapp.write`` with one store function (one atomic write). The rules
(cadences, due dates, states, reasons) live in :mod:`store.contacts`; this module only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from store import clock
from store import contacts as C
from store.contacts_export import write_export
from store.dates import ACCEPTED, DateError, parse_user_date, short_date
from store.models import CONTACT_ROLES, Application, Contact, Touchpoint
from tui.contacts.detail import ContactDetail
from tui.contacts.form import ContactForm
from tui.contacts.format import line_for, state_sentence, until
from tui.contacts.importing import ImportPreviewDialog, resolve_path, validate_path
from tui.contacts.touch import ContactPicker, TouchpointDialog, TouchpointsDialog
from tui.dialogs import ChoiceDialog, ConfirmDialog, TextPromptDialog
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.contacts_table import ContactsTable
from widgets.usertext import literal

#: At this width and more the detail pane sits beside the list; below it otherwise.
SIDE_BY_SIDE_WIDTH = 128

CONTACTS_CSS = """
ContactsScreen #contacts-bar { height: auto; max-height: 2; padding: 0 1; background: $panel; }
ContactsScreen #contacts-search { height: 1; display: none; }
ContactsScreen #contacts-search.-active { display: block; }
ContactsScreen #contacts-split { height: 1fr; }
ContactsScreen #contacts-split.-side { layout: horizontal; }
ContactsScreen #contacts-split.-side ContactsTable { width: 1fr; height: 100%; }
ContactsScreen #contacts-split.-side ContactDetail { width: 50; height: 100%; border-left: vkey $primary; }
ContactsScreen #contacts-split.-below { layout: vertical; }
ContactsScreen #contacts-split.-below ContactsTable { height: 1fr; }
ContactsScreen #contacts-split.-below ContactDetail { height: 60%; border-top: hkey $primary; }
ContactsScreen ContactDetail.-hidden { display: none; }
ContactsScreen ContactDetail:focus-within { border-top: hkey $accent; }
ContactsScreen #contacts-hint { height: 1; padding: 0 1; color: $foreground 80%; }
ContactsScreen #contacts-main.-empty { display: none; }
ContactsScreen #empty-state { display: none; }
ContactsScreen #empty-state.-shown { display: block; }
"""

EMPTY = Content.assemble(
    ("Contacts", "bold"), " — stay in touch without a spreadsheet: who is due today, and why.\n\n",
    "No contacts yet. Press ", ("n", "bold"), " to add one, or import LinkedIn's Connections.csv: ",
    ("ctrl+p", "bold"), " → Import LinkedIn connections (or ", ("rebound-tui import linkedin FILE", "bold"),
    " in a shell).\n\nEach person gets a keep-in-touch rhythm (quarterly unless you pick another). "
    "Log a touch with ", ("l", "bold"), " and the clock starts again.",
)

SNOOZE_CHOICES = [("+3d", "3 days"), ("+1w", "1 week"), ("+2w", "2 weeks"), ("+1m", "1 month")]
PAUSE_CHOICES = [("+2w", "2 weeks"), ("+1m", "1 month"), ("+3m", "3 months")]


class _Apps(Mapping[str, Application]):
    """Applications by id, read only when a contact links one (the board may never have loaded)."""

    def __init__(self, store) -> None:
        self._store = store

    def __getitem__(self, key: str) -> Application:
        app = self._store.applications.get(key)
        if app is None:
            raise KeyError(key)
        return app

    def get(self, key, default=None):  # type: ignore[override]
        return self._store.applications.get(key) or default

    def __contains__(self, key) -> bool:  # type: ignore[override]
        return self._store.applications.get(key) is not None

    def __iter__(self):
        return iter(a.id for a in self._store.applications.all())

    def values(self):  # type: ignore[override]
        return self._store.applications.all()

    def __len__(self) -> int:
        return self._store.applications.count()


class ContactsScreen(ReboundScreen):
    SCREEN_KEY = "contacts"
    SCREEN_TITLE = "Contacts"
    DEFAULT_CSS = CONTACTS_CSS
    HELP = """The people you met while searching, each with a keep-in-touch rhythm (quarterly unless you pick another), sorted by who is due: overdue first, then whoever is furthest through their rhythm.

State (in words, with a badge): ✓ ok · ◔ due soon (within 7 days) · ● due · ‼ overdue (past due by half the cadence or 30 days, whichever comes first) · z snoozed · ‖ paused · – no cadence. Beside each due contact, one reason to reach out: a job change seen on a LinkedIn import, news on a linked application, a birthday or work anniversary within two weeks, the holiday season, a long silence, or an article to share. c opens the composer with the template that fits.

Next due = your last outbound or two-way touch + the cadence (inbound messages don't reset it). Never contacted: the day the cadence was set + the cadence (LinkedIn imports are spread over one cadence, so day one is not a wall of overdue). A snooze (z) moves it later and ends by itself. Pause a contact (p) until a date; "Pause all reminders for N days" (ctrl+p) moves every due date past the pause and spreads the catch-up.

Mark several contacts with space, then l logs one touchpoint for all of them (or add people in the dialog with ctrl+n). t lists a contact's touchpoints to edit or delete them; the last touch is recomputed.

Cadence defaults: ctrl+p → "Set the default cadence" or "Set a role's cadence"; a contact's own setting wins. Dates you type: YYYY-MM-DD, today, tomorrow, +3d, +2w, +1m, or a weekday (fri)."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="contacts.open"),
        Binding("n", "new", "New", id="contacts.new"),
        Binding("e", "edit", "Edit", show=False, id="contacts.edit"),
        Binding("d", "delete", "Delete", show=False, id="contacts.delete"),
        Binding("l", "log", "Log", id="contacts.log"),
        Binding("z", "snooze", "Snooze", id="contacts.snooze"),
        Binding("c", "compose", "Compose", id="contacts.compose"),
        Binding("slash", "search", "Search", id="contacts.search"),
        Binding("f", "filter", "Filter", show=False, id="contacts.filter"),
        Binding("u", "due_now", "Due now only", show=False, id="contacts.due_now"),
        Binding("space", "mark", "Mark for a shared touch", show=False, id="contacts.mark"),
        Binding("p", "pause", "Pause contact", show=False, id="contacts.pause"),
        Binding("t", "touchpoints", "Touchpoints (edit, delete)", show=False, id="contacts.touchpoints"),
        Binding("a", "applications", "Linked applications", show=False, id="contacts.applications"),
        Binding("escape", "back", "Back / clear", show=False, id="contacts.back"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rows: list[C.ContactRow] = []
        self._by_id: dict[str, C.ContactRow] = {}
        self._shown: list[C.ContactRow] = []
        self._marked: set[str] = set()
        self._text = ""
        self._due_now = False
        self._role = ""
        self._tag = ""
        self._show_inactive = False
        self._detail_open = False  # below the list (narrow); always shown side by side
        self._side = False
        self._apps: _Apps | None = None
        self._by_contact: dict[str, list[str]] | None = None  # application links, from the board's side
        self._seen: tuple = ()

    # -- building

    def compose_body(self) -> ComposeResult:
        with Vertical(id="contacts-main"):
            yield Static("", id="contacts-bar")
            yield Input(placeholder="search: name, company, title, email, tag…  (enter: back to the list)",
                        id="contacts-search", compact=True)
            with Container(id="contacts-split", classes="-below"):
                yield ContactsTable(id="contacts-table")
                yield ContactDetail(id="contacts-detail", classes="-hidden")
            yield Static("", id="contacts-hint")
        yield Static(EMPTY, classes="empty-state", id="empty-state")

    def on_mount(self) -> None:
        self._apps = _Apps(self.store)
        self._layout(self.size.width)
        self.refresh_data(force=True)
        self.query_one(ContactsTable).focus()

    def _signature(self) -> tuple:
        """What the list was computed from: saves, unsaved changes, the data in memory, the day."""
        st = self.store.storage
        return (getattr(st, "saves", None), self.store.dirty, id(getattr(st, "_data", None)), clock.today())


    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        side = width >= SIDE_BY_SIDE_WIDTH
        self._side = side
        split = self.query_one("#contacts-split")
        split.set_class(side, "-side")
        split.set_class(not side, "-below")
        self._sync_detail_visibility()

    def _sync_detail_visibility(self) -> None:
        detail = self.query_one(ContactDetail)
        visible = self._side or self._detail_open
        detail.set_class(not visible, "-hidden")
        if visible:
            self._show_detail()

    @property
    def detail_visible(self) -> bool:
        return self._side or self._detail_open

    # -- data

    @property
    def table(self) -> ContactsTable:
        return self.query_one(ContactsTable)

    def refresh_data(self, position: int | None = None, force: bool = False) -> None:
        """Recompute every contact's due date, state and reason, then filter and show (the cursor
        stays on its contact, or on ``position`` when given).

        Coming back to the screen (the base class calls this) recomputes only when something was
        saved or reloaded meanwhile, or the day turned; this screen's own changes force it."""
        if not force and position is None and self._rows and self._signature() == self._seen:
            return
        self._seen = self._signature()
        self._by_contact = None
        today = clock.today()
        settings = self.store.settings.current()
        self._rows = C.build_rows(self.store.contacts.all(), settings, self._apps, today)
        self._by_id = {r.id: r for r in self._rows}
        self._marked &= self._by_id.keys()
        self._apply(position=position)

    def _apply(self, keep: str | None = None, position: int | None = None) -> None:
        today = clock.today()
        self._shown = C.filter_rows(self._rows, text=self._text, due_now=self._due_now, role=self._role,
                                    tag=self._tag, show_inactive=self._show_inactive)
        empty = not self._rows
        self.query_one("#contacts-main").set_class(empty, "-empty")
        self.query_one("#empty-state").set_class(empty, "-shown")
        self.table.set_lines([line_for(r, r.id in self._marked, today) for r in self._shown], keep=keep,
                             position=position)
        self._update_bar()
        self._after_move()

    def _update_bar(self) -> None:
        counts: dict[str, int] = {}
        for r in self._rows:
            counts[r.info.state] = counts.get(r.info.state, 0) + 1
        due = counts.get("due", 0) + counts.get("overdue", 0)
        parts: list = []
        pause = C.global_pause(self.store.settings.current())
        today = clock.today()
        if pause and pause.active_on(today):
            parts += [("‖ All reminders paused", "bold"), f" until {short_date(pause.end, today)}: due dates "
                      "resume after it, spread out (ctrl+p → Resume all reminders).\n"]
        elif pause and pause.start > today:
            parts += [("‖ Reminders pause", "bold"), f" from {short_date(pause.start, today)} to "
                      f"{short_date(pause.end, today)}.\n"]
        parts += [(f"{due:,} due now", "bold"), f" · {counts.get('due soon', 0):,} this week · "]
        shown = (f"{len(self._shown):,} of {len(self._rows):,}" if len(self._shown) != len(self._rows)
                 else f"{len(self._rows):,}")
        parts.append(f"{shown} shown")
        filters = []
        if self._due_now:
            filters.append("due now")
        if self._role:
            filters.append(f"role: {self._role}")
        if self._tag:
            filters.append(f"tag: {self._tag}")
        if self._text:
            filters.append(f"search: {self._text}")
        if filters:
            parts += ["  ", ("[", "dim"), ", ".join(filters), ("]", "dim")]
        hidden = counts.get("archived", 0) + counts.get("do not contact", 0)
        if hidden and not self._show_inactive:
            parts.append((f" · {hidden} archived hidden", "dim"))
        if self._marked:
            parts.append((f" · {len(self._marked)} marked", "bold"))
        self.query_one("#contacts-bar", Static).update(Content.assemble(*parts))

    def current_row(self) -> C.ContactRow | None:
        key = self.table.current_key
        return self._by_id.get(key) if key else None

    def _targets(self) -> list[C.ContactRow]:
        """The marked contacts (in list order), else the one under the cursor."""
        if self._marked:
            return [r for r in self._rows if r.id in self._marked]
        row = self.current_row()
        return [row] if row else []

    def _after_move(self) -> None:
        row = self.current_row()
        hint = self.query_one("#contacts-hint", Static)
        if row is None:
            message = "No contacts match — escape clears the search and filters." if self._rows else ""
            hint.update(literal(message))
        else:
            today = clock.today()
            if row.reason is not None:
                hint.update(Content.assemble(("Why now: ", "bold"), row.reason.text, ("  · c writes", "dim")))
            else:
                hint.update(Content.assemble((state_sentence(row.info, today), ""),
                                             ("  · l logs a touch · enter opens", "dim")))
        if self.detail_visible:
            self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one(ContactDetail)
        row = self.current_row()
        if row is None:
            detail.show_nothing("No contact selected.")
            return
        linked = self._linked_ids(row.contact)
        reason = row.reason or C.reason_for(row.contact, row.info, clock.today(), self._apps,
                                            {row.id: linked})
        detail.show(row.contact, row.info, reason, self.store.touchpoints.for_contact(row.id), self._apps,
                    linked)

    def _linked_ids(self, contact: Contact) -> list[str]:
        """Applications linked from either side (the board links from the application)."""
        if self._by_contact is None:
            self._by_contact = C.apps_by_contact(self.store.applications.all())
        return C.linked_application_ids(contact, self._by_contact)

    def on_contacts_table_highlighted(self, event: ContactsTable.Highlighted) -> None:
        self._after_move()

    def on_contacts_table_selected(self, event: ContactsTable.Selected) -> None:
        event.stop()
        self.action_open()

    # -- jumping here from elsewhere

    def show_contact(self, contact_id: str) -> None:
        """Select this contact (clearing filters that hide it) and show its details."""
        if contact_id not in self._by_id:
            self.refresh_data(force=True)
        if contact_id not in self._by_id:
            self.notify("That contact no longer exists.", markup=False)
            return
        if contact_id not in {r.id for r in self._shown}:
            self._clear_filters(apply=False)
            if self._by_id[contact_id].info.state in ("archived", "do not contact"):
                self._show_inactive = True
            self._apply(keep=contact_id)
        else:
            self.table.select_key(contact_id)
        self._detail_open = True
        self._sync_detail_visibility()
        self.table.focus()

    # -- moving and looking

    def action_open(self) -> None:
        """Show the details (below the list at 80 columns; enter again hides them). Beside the
        list, enter moves the focus into them (tab does too; escape comes back)."""
        if self.current_row() is None:
            return
        if self._side:
            self.query_one(ContactDetail).focus()
            return
        self._detail_open = not self._detail_open
        self._sync_detail_visibility()
        self.table.focus()

    def action_back(self) -> None:
        search = self.query_one("#contacts-search", Input)
        detail = self.query_one(ContactDetail)
        if search.has_focus or self._text:
            self._close_search(clear=True)
        elif detail.has_focus_within or detail.has_focus:
            if not self._side:
                self._detail_open = False
                self._sync_detail_visibility()
            self.table.focus()
        elif self._detail_open and not self._side:
            self._detail_open = False
            self._sync_detail_visibility()
        elif self._marked:
            self._marked.clear()
            self._apply()
        elif self._due_now or self._role or self._tag:
            self._clear_filters()

    # -- search and filters

    def action_search(self) -> None:
        search = self.query_one("#contacts-search", Input)
        search.add_class("-active")
        search.focus()

    def _close_search(self, clear: bool) -> None:
        search = self.query_one("#contacts-search", Input)
        if clear:
            search.value = ""
            self._text = ""
            self._apply()
        if not search.value:
            search.remove_class("-active")
        self.table.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "contacts-search":
            self._text = event.value.strip()
            self._apply()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "contacts-search":
            self._close_search(clear=False)

    def action_due_now(self) -> None:
        self._due_now = not self._due_now
        self._apply()

    def _clear_filters(self, apply: bool = True) -> None:
        self._due_now = False
        self._role = self._tag = ""
        search = self.query_one("#contacts-search", Input)
        if search.value:
            search.value = ""
        self._text = ""
        search.remove_class("-active")
        if apply:
            self._apply()

    def action_filter(self) -> None:
        choices = [
            ("due", ("✓ " if self._due_now else "") + "Due now only (due and overdue)  — u"),
            ("role", f"By role…{'  (now: ' + self._role + ')' if self._role else ''}"),
            ("tag", f"By tag…{'  (now: ' + self._tag + ')' if self._tag else ''}"),
            ("inactive", ("Hide" if self._show_inactive else "Show") + " archived and do-not-contact"),
            ("clear", "Clear all filters and the search"),
        ]

        def chosen(value: str | None) -> None:
            if value == "due":
                self.action_due_now()
            elif value == "role":
                self.action_filter_role()
            elif value == "tag":
                self.action_filter_tag()
            elif value == "inactive":
                self._show_inactive = not self._show_inactive
                self._apply()
            elif value == "clear":
                self._clear_filters()

        self.app.push_screen(ChoiceDialog("Filter contacts", choices), chosen)

    def action_filter_role(self) -> None:
        present = {r.contact.role for r in self._rows}
        choices = [("", "Any role")] + [(r, r) for r in CONTACT_ROLES if r in present]

        def chosen(value: str | None) -> None:
            if value is not None:
                self._role = value
                self._apply()

        self.app.push_screen(ChoiceDialog("Show contacts with the role", choices, selected=self._role), chosen)

    def action_filter_tag(self) -> None:
        tags = C.all_tags(r.contact for r in self._rows)
        if not tags:
            self.notify("No contact has a tag yet (add tags with e).", markup=False)
            return
        choices = [("", "Any tag")] + [(t, t) for t in tags]

        def chosen(value: str | None) -> None:
            if value is not None:
                self._tag = value
                self._apply()

        self.app.push_screen(ChoiceDialog("Show contacts tagged", choices, selected=self._tag), chosen)

    # -- marking

    def action_mark(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.id in self._marked:
            self._marked.discard(row.id)
        else:
            self._marked.add(row.id)
        self.table.update_line(line_for(row, row.id in self._marked))
        self.table.action_cursor_down()
        self._update_bar()

    def action_unmark_all(self) -> None:
        self._marked.clear()
        self._apply()

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
        def save(result: Contact | None) -> None:
            if result is None:
                return
            if self.rapp.write(self.store.contacts.edit, result):
                self.refresh_data(force=True)
                self.show_contact(result.id)
                verb = "Added" if contact is None else "Saved"
                self.notify(f"{verb} {result.display_name}.", markup=False)

        form = ContactForm(contact, self.store.settings.current(), on_hangup=self._save_on_hangup)
        self.app.push_screen(form, save)

    def _save_on_hangup(self, contact: Contact) -> None:
        if not self.store.read_only:
            self.store.contacts.edit(contact)

    def action_delete(self) -> None:
        rows = self._targets()
        if not rows:
            return
        if len(rows) == 1:
            c = rows[0].contact
            n = len(self.store.touchpoints.for_contact(c.id))
            title = f"Delete {c.display_name}?"
            message = (f"Their {n} touchpoint(s) go too (a touchpoint shared with others just drops them). "
                       "To keep the history but stop reminders, archive instead (ctrl+p → Archive).")
        else:
            title = f"Delete {len(rows)} marked contacts?"
            message = "Their touchpoints go too (shared ones just drop them). This can't be undone."

        def decided(ok: bool | None) -> None:
            if not ok:
                return
            ids = [r.id for r in rows]

            def delete_all() -> None:
                with self.store.batch():
                    for i in ids:
                        self.store.contacts.remove(i)

            if self.rapp.write(delete_all):
                self._marked.clear()
                self.refresh_data(force=True)
                self.notify(f"Deleted {rows[0].contact.display_name if len(rows) == 1 else f'{len(rows)} contacts'}.",
                            markup=False)

        self.app.push_screen(ConfirmDialog(title, message, confirm="Delete", danger=True), decided)

    # -- touchpoints

    def _all_contact_choices(self) -> list[tuple[str, str]]:
        out = []
        for c in self.store.contacts.by_name():
            extra = ", ".join(x for x in (c.company, c.emails[0] if c.emails else "") if x)
            out.append((c.id, f"{c.display_name}" + (f" — {extra}" if extra else "")))
        return out

    def action_log(self) -> None:
        rows = self._targets()
        if not rows:
            self.notify("No contact selected. Press n to add one.", markup=False)
            return
        kind = rows[0].reason.kind if len(rows) == 1 and rows[0].reason else "check-in"
        dialog = TouchpointDialog([(r.id, r.contact.display_name) for r in rows], kind=kind,
                                  all_contacts=self._all_contact_choices, on_hangup=self._log_on_hangup)

        def logged(tp: Touchpoint | None) -> None:
            if tp is None:
                return
            if self.rapp.write(self.store.touchpoints.log, tp):
                self._done_with(tp.contact_ids)
                self.notify(self._logged_message(tp), markup=False)

        self.app.push_screen(dialog, logged)

    def _log_on_hangup(self, tp: Touchpoint) -> None:
        if not self.store.read_only:
            self.store.touchpoints.log(tp)

    def _done_with(self, ids: list[str]) -> None:
        """After logging, snoozing or pausing: unmark, recompute, and keep the cursor where it was, so
        the next contact in line moves up under it (unless the current one was not among them)."""
        current = self.table.current_key
        position = self.table.cursor if current in ids else None
        self._marked.clear()
        self.refresh_data(position=position, force=True)

    def _logged_message(self, tp: Touchpoint) -> str:
        names = [self.store.contacts.get(i) for i in tp.contact_ids]
        names = [c for c in names if c is not None]
        if len(names) == 1:
            c = names[0]
            info = C.due_info(c, self.store.settings.current())
            nxt = f" Next due {short_date(info.due)} ({until(info.due)})." if info.due else ""
            counted = "" if tp.direction in C.QUALIFYING_DIRECTIONS else " (inbound: the clock keeps running)"
            return f"Logged a {tp.kind} with {c.display_name}{counted}.{nxt}"
        return f"Logged a {tp.kind} with {len(names)} contacts."

    def action_touchpoints(self) -> None:
        row = self._need_row()
        if row is None:
            return
        cid = row.id

        def edit(tp: Touchpoint | None, done) -> None:
            contact = self.store.contacts.get(cid)
            if contact is None:
                return
            if tp is None:
                people = [(cid, contact.display_name)]
            else:
                people = [(i, c.display_name) for i in tp.contact_ids if (c := self.store.contacts.get(i))]

            def saved(result: Touchpoint | None) -> None:
                if result is not None and self.rapp.write(self.store.touchpoints.log, result):
                    self.refresh_data(force=True)
                    done()
                    self.notify("Touchpoint saved; the last touch is recomputed.", markup=False)

            self.app.push_screen(TouchpointDialog(people, touchpoint=tp, all_contacts=self._all_contact_choices,
                                                  on_hangup=self._log_on_hangup), saved)

        def delete(tp: Touchpoint, done) -> None:
            if self.rapp.write(self.store.touchpoints.remove, tp.id):
                self.refresh_data(force=True)
                done()
                self.notify("Touchpoint deleted; the last touch is recomputed.", markup=False)

        self.app.push_screen(TouchpointsDialog(f"Touchpoints with {row.contact.display_name}",
                                               lambda: self.store.touchpoints.for_contact(cid), edit, delete))

    # -- snooze and pause

    def action_snooze(self) -> None:
        rows = self._targets()
        if not rows:
            return
        today = clock.today()
        who = rows[0].contact.display_name if len(rows) == 1 else f"{len(rows)} contacts"
        choices = []
        for code, label in SNOOZE_CHOICES:
            d = parse_user_date(code, today)
            choices.append((code, f"{label}  (until {short_date(d, today)})"))
        choices.append(("date", "Until a date…"))
        if any(r.info.snoozed_until for r in rows):
            choices.append(("clear", "End the snooze now"))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if value == "date":
                self._ask_date(f"Snooze {who} until", lambda d: self._snooze(rows, d), future=True)
            elif value == "clear":
                self._snooze(rows, None)
            else:
                self._snooze(rows, parse_user_date(value, today))

        self.app.push_screen(ChoiceDialog(f"Snooze {who}", choices,
                                          message="The snooze ends by itself; logging a touch ends it too."),
                             chosen)

    def _snooze(self, rows: list[C.ContactRow], until_day: date | None) -> None:
        ids = [r.id for r in rows]
        if self.rapp.write(self.store.contacts.snooze, ids, until_day):
            self._done_with(ids)
            who = rows[0].contact.display_name if len(rows) == 1 else f"{len(rows)} contacts"
            if until_day is None:
                self.notify(f"Snooze ended for {who}.", markup=False)
            else:
                self.notify(f"Snoozed {who} until {short_date(until_day)}.", markup=False)

    def _ask_date(self, title: str, then, future: bool = False) -> None:
        today = clock.today()

        def check(text: str) -> str | None:
            try:
                d = parse_user_date(text, today)
            except DateError as exc:
                return str(exc)
            if future and d <= today:
                return "Pick a day after today."
            return None

        def done(text: str | None) -> None:
            if text is not None and check(text) is None:
                then(parse_user_date(text, today))

        self.app.push_screen(TextPromptDialog(title, f"Dates: {ACCEPTED}.", placeholder="+2w", validate=check), done)

    def action_pause(self) -> None:
        rows = self._targets()
        if not rows:
            return
        today = clock.today()
        who = rows[0].contact.display_name if len(rows) == 1 else f"{len(rows)} contacts"
        choices = [(code, f"{label}  (until {short_date(parse_user_date(code, today), today)})")
                   for code, label in PAUSE_CHOICES]
        choices += [("date", "Until a date…"), ("forever", "Until I resume it")]
        if any(r.contact.status == "paused" for r in rows):
            choices.append(("resume", "Resume now (make active)"))

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if value == "date":
                self._ask_date(f"Pause {who} until", lambda d: self._pause(rows, d), future=True)
            elif value == "forever":
                self._pause(rows, None)
            elif value == "resume":
                self._set_status(rows, "active")
            else:
                self._pause(rows, parse_user_date(value, today))

        self.app.push_screen(ChoiceDialog(f"Pause {who}", choices,
                                          message="No reminders while paused; when the pause ends they are due."),
                             chosen)

    def _pause(self, rows: list[C.ContactRow], until_day: date | None) -> None:
        if self.rapp.write(self.store.contacts.pause, [r.id for r in rows], until_day):
            self._done_with([r.id for r in rows])
            who = rows[0].contact.display_name if len(rows) == 1 else f"{len(rows)} contacts"
            when = f"until {short_date(until_day)}" if until_day else "until you resume"
            self.notify(f"Paused {who} {when}.", markup=False)

    def _set_status(self, rows: list[C.ContactRow], status: str) -> None:
        if not rows:
            return
        if self.rapp.write(self.store.contacts.set_status, [r.id for r in rows], status):
            self._done_with([r.id for r in rows])
            who = rows[0].contact.display_name if len(rows) == 1 else f"{len(rows)} contacts"
            self.notify(f"{who}: {status}.", markup=False)

    def action_pause_all(self) -> None:
        def check(text: str) -> str | None:
            t = text.strip()
            if not t.isdigit() or not 1 <= int(t) <= 366:
                return "A number of days, 1 to 366."
            return None

        def done(text: str | None) -> None:
            if text is None or check(text):
                return
            days = int(text.strip())
            if self.rapp.write(self.store.settings.pause_reminders, days):
                self.refresh_data(force=True)
                end = clock.today() + timedelta(days=days - 1)
                self.notify(f"All reminders paused until {short_date(end)}. Due dates move after it, spread "
                            "out so you don't come back to a wall.", markup=False)

        self.app.push_screen(TextPromptDialog(
            "Pause all reminders for how many days?",
            "Nobody is due during the pause. Due dates inside it move after it; what was already due is "
            "spread over the first days back.", value="14", validate=check), done)

    def action_resume_all(self) -> None:
        if self.rapp.write(self.store.settings.resume_reminders):
            self.refresh_data(force=True)
            self.notify("Reminders are back on.", markup=False)

    # -- composing and applications

    def action_compose(self) -> None:
        row = self._need_row()
        if row is None:
            return
        reason = row.reason or C.reason_for(row.contact, row.info, clock.today(), self._apps,
                                            {row.id: self._linked_ids(row.contact)})
        self.rapp.open_composer(kind=reason.kind, contact_ids=[row.id], application_id=reason.application_id)

    def action_applications(self) -> None:
        row = self._need_row()
        if row is None:
            return
        c = row.contact
        linked = [a for i in self._linked_ids(c) if (a := self.store.applications.get(i)) is not None]
        choices = [(f"open:{a.id}", f"Open {a.title}") for a in linked]
        choices.append(("link", "Link an application…"))
        choices += [(f"unlink:{a.id}", f"Unlink {a.title}") for a in linked]

        def chosen(value: str | None) -> None:
            if not value:
                return
            if value.startswith("open:"):
                self.rapp.open_application(value[5:])
            elif value.startswith("unlink:"):
                if self.rapp.write(self.store.contacts.link_application, c.id, value[7:], False):
                    self.refresh_data(force=True)
            elif value == "link":
                self._link_application(c)

        self.app.push_screen(ChoiceDialog(f"Applications — {c.display_name}", choices), chosen)

    def _link_application(self, c: Contact) -> None:
        apps = sorted(self.store.applications.all(), key=lambda a: (a.stage == "closed", a.company.casefold()))
        choices = [(a.id, f"{a.title} · {a.stage}") for a in apps]

        def picked(app_id: str | None) -> None:
            if app_id and self.rapp.write(self.store.contacts.link_application, c.id, app_id):
                self.refresh_data(force=True)
                self.notify("Linked. News on that application will suggest a reason to reach out.",
                            markup=False)

        self.app.push_screen(ContactPicker(f"Link {c.display_name} to an application", choices,
                                           exclude=self._linked_ids(c)), picked)

    # -- import, export, settings

    def action_import_linkedin(self) -> None:
        def got_path(text: str | None) -> None:
            if not text or validate_path(text):
                return
            dialog = ImportPreviewDialog(resolve_path(text), self.store.contacts.all(),
                                         self.store.settings.current())
            self.app.push_screen(dialog, confirmed)

        def confirmed(plan) -> None:
            if plan is None:
                return
            if self.rapp.write(self.store.contacts.apply_import, plan):
                self.refresh_data(force=True)
                jobs = len(plan.job_changes)
                extra = f" {jobs} changed jobs: see the ones suggesting a congratulations." if jobs else ""
                self.notify(f"Imported: {len(plan.added):,} added, {len(plan.updated):,} updated, "
                            f"{len(plan.skipped):,} skipped.{extra}", markup=False, timeout=10)

        self.app.push_screen(TextPromptDialog(
            "Import LinkedIn connections",
            "Path of Connections.csv (LinkedIn → Settings → Data privacy → Get a copy of your data). "
            "You'll see a preview before anything changes.",
            placeholder="~/Downloads/Connections.csv", validate=validate_path), got_path)

    def action_export(self, fmt: str) -> None:
        try:
            path, count = write_export(self.store, fmt)
        except OSError as exc:
            self.notify(f"Export failed: {exc.strerror or exc}", severity="error", markup=False)
            return
        what = "next due dates" if fmt == "ics" else "contacts"
        self.notify(f"Exported {count} {what} to {path} (readable only by you).", markup=False, timeout=10)

    def action_default_cadence(self, role: str = "") -> None:
        settings = self.store.settings.current()
        current = (settings.role_cadences or {}).get(role, "") if role else settings.default_cadence
        choices = ([("", f"Use the global default ({C.cadence_label(settings.default_cadence)})")] if role else [])
        choices += [(k, C.cadence_label(k)) for k in C.CADENCE_ORDER]

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if role:
                cadences = dict(settings.role_cadences or {})
                if value:
                    cadences[role] = value
                else:
                    cadences.pop(role, None)
                ok = self.rapp.write(self.store.settings.update, role_cadences=cadences)
            else:
                ok = self.rapp.write(self.store.settings.update, default_cadence=value)
            if ok:
                self.refresh_data(force=True)
                self.notify("Cadence default saved; a contact's own setting still wins.", markup=False)

        title = f"Cadence for {role}s" if role else "Default cadence for everyone"
        self.app.push_screen(ChoiceDialog(title, choices, selected=current), chosen)

    def action_role_cadence(self) -> None:
        settings = self.store.settings.current()
        choices = [(r, f"{r}  ({C.cadence_label(settings.role_cadences.get(r, '')) if r in (settings.role_cadences or {}) else 'global default'})")
                   for r in CONTACT_ROLES]

        def chosen(value: str | None) -> None:
            if value:
                self.action_default_cadence(value)

        self.app.push_screen(ChoiceDialog("Set the cadence for a role", choices), chosen)

    # -- palette

    def palette_commands(self) -> Iterable[PaletteCommand]:
        row = self.current_row()
        name = row.contact.display_name if row else "the contact"
        cmds = [
            PaletteCommand("New contact", "Add a person to keep in touch with (n)", self.action_new),
            PaletteCommand("Import LinkedIn connections…", "Connections.csv, with a preview before saving",
                           self.action_import_linkedin),
            PaletteCommand("Search contacts", "Filter the list as you type (/)", self.action_search),
            PaletteCommand("Filter: due now only", "Only contacts due or overdue, on or off (u)",
                           self.action_due_now),
            PaletteCommand("Filter by role…", "Recruiters, hiring managers, mentors…", self.action_filter_role),
            PaletteCommand("Filter by tag…", "Only contacts with a tag", self.action_filter_tag),
            PaletteCommand("Show or hide archived contacts", "Archived and do-not-contact people",
                           self._toggle_inactive),
            PaletteCommand("Clear contact filters", "Show everyone again", self._clear_filters),
            PaletteCommand("Pause all reminders for N days…", "Nobody is due meanwhile; the catch-up is spread out",
                           self.action_pause_all),
            PaletteCommand("Export contacts as CSV", "Spreadsheet-safe, into the exports folder",
                           lambda: self.action_export("csv")),
            PaletteCommand("Export next due dates as a calendar (.ics)", "All-day events, for a calendar app",
                           lambda: self.action_export("ics")),
            PaletteCommand("Set the default cadence…", "How often to keep in touch, unless a role or contact says",
                           self.action_default_cadence),
            PaletteCommand("Set a role's cadence…", "e.g. recruiters monthly, mentors quarterly",
                           self.action_role_cadence),
        ]
        pause = C.global_pause(self.store.settings.current())
        if pause and pause.end >= clock.today():
            cmds.append(PaletteCommand("Resume all reminders now", "End the global pause", self.action_resume_all))
        if row is not None:
            cmds += [
                PaletteCommand(f"Log a touchpoint with {name}", "Date, channel, direction, kind, summary (l)",
                               self.action_log),
                PaletteCommand(f"Compose to {name}", "Opens the composer with the fitting template (c)",
                               self.action_compose),
                PaletteCommand(f"Snooze {name}…", "+3 days, +1 week, +2 weeks, +1 month or a date (z)",
                               self.action_snooze),
                PaletteCommand(f"Pause {name}…", "No reminders until a date (p)", self.action_pause),
                PaletteCommand(f"Edit {name}", "All fields (e)", self.action_edit),
                PaletteCommand(f"Delete {name}", "Asks first (d)", self.action_delete),
                PaletteCommand(f"Touchpoints with {name}", "Edit or delete one (t)", self.action_touchpoints),
                PaletteCommand(f"Applications linked to {name}", "Open, link or unlink (a)",
                               self.action_applications),
                PaletteCommand(f"Open {name}", "Details and timeline (enter)", self.action_open),
                PaletteCommand("Mark or unmark for a shared touchpoint", "space; then l logs one for all",
                               self.action_mark),
                PaletteCommand(f"Archive {name}", "Kept with its history, never due",
                               lambda: self._set_status(self._targets(), "archived")),
                PaletteCommand(f"Do not contact {name}", "Kept, never due, never suggested",
                               lambda: self._set_status(self._targets(), "do not contact")),
                PaletteCommand(f"Make {name} active again", "Undo a pause, archive or do-not-contact",
                               lambda: self._set_status(self._targets(), "active")),
            ]
        if self._marked:
            cmds.append(PaletteCommand("Unmark all contacts", f"{len(self._marked)} marked", self.action_unmark_all))
        return cmds

    def _toggle_inactive(self) -> None:
        self._show_inactive = not self._show_inactive
        self._apply()
