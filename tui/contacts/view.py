"""What the contacts screen shows: the bar, the search box, the table, the detail pane and the hint.

:class:`ContactsView` draws a :class:`~tui.contacts.rows.ContactList` and changes nothing in the
store: the rows the filters let through, the bar's counts, the hint about the contact under the
cursor and its details, beside the list on wide terminals or below it (on ``enter``) at 80 columns.
What is typed in the search box becomes the list's text filter.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import Input, Static

from store import clock
from store import contacts as C
from tui.contacts.detail import ContactDetail
from tui.contacts.format import line_for
from tui.contacts.render import SIDE_BY_SIDE_WIDTH, bar_content, hint_content
from tui.contacts.rows import ContactList
from widgets.contacts_table import ContactLine, ContactsTable


class ContactsView(Vertical):
    def __init__(self, contacts: ContactList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.contacts = contacts
        self.detail_open = False  # below the list (narrow); always shown side by side
        self.side = False
        #: contact id → (its row, marked, day, the line drawn): a row the list kept (a log changes
        #: one) is not formatted again.
        self._lines: dict[str, tuple[C.ContactRow, bool, date, ContactLine]] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="contacts-bar")
        yield Input(placeholder="search: name, company, title, email, tag…  (enter: back to the list)",
                    id="contacts-search", compact=True)
        with Container(id="contacts-split", classes="-below"):
            yield ContactsTable(id="contacts-table")
            yield ContactDetail(id="contacts-detail", classes="-hidden")
        yield Static("", id="contacts-hint")

    @property
    def table(self) -> ContactsTable:
        return self.query_one(ContactsTable)

    @property
    def detail(self) -> ContactDetail:
        return self.query_one(ContactDetail)

    @property
    def search(self) -> Input:
        return self.query_one("#contacts-search", Input)

    def current_row(self) -> C.ContactRow | None:
        return self.contacts.get(self.table.current_key)

    # -- layout

    def set_width(self, width: int) -> None:
        """Beside the list from :data:`SIDE_BY_SIDE_WIDTH` columns on, below it otherwise."""
        self.side = width >= SIDE_BY_SIDE_WIDTH
        split = self.query_one("#contacts-split")
        split.set_class(self.side, "-side")
        split.set_class(not self.side, "-below")
        self.sync_detail()

    @property
    def detail_visible(self) -> bool:
        return self.side or self.detail_open

    def sync_detail(self) -> None:
        visible = self.detail_visible
        self.detail.set_class(not visible, "-hidden")
        if visible:
            self.detail.show_row(self.current_row(), self.contacts)

    def set_detail_open(self, open_: bool) -> None:
        self.detail_open = open_
        self.sync_detail()

    # -- rows

    def show_rows(self, keep: str | None = None, position: int | None = None) -> None:
        """Show the rows the filters let through: the cursor goes to ``position`` when given, else
        stays on ``keep`` (or its contact)."""
        today = clock.today()
        rows = self.contacts
        marked = rows.marked
        cache = self._lines
        if len(cache) > 2 * len(rows.rows) + 1000:
            cache.clear()
        lines = []
        for r in rows.shown:
            key = r.contact.id
            mark = key in marked
            hit = cache.get(key)
            if hit is None or hit[0] is not r or hit[1] is not mark or hit[2] != today:
                hit = cache[key] = (r, mark, today, line_for(r, mark, today))
            lines.append(hit[3])
        self.table.set_lines(lines, keep=keep, position=position)
        self.update_bar()
        self.after_move()

    def update_bar(self) -> None:
        pause = C.global_pause(self.contacts.store.settings.current())
        self.query_one("#contacts-bar", Static).update(bar_content(self.contacts, pause, clock.today()))

    def update_row(self, row: C.ContactRow) -> None:
        """Redraw one row in place (it was marked or unmarked), and the bar."""
        self.table.update_line(line_for(row, row.id in self.contacts.marked))
        self.update_bar()

    def after_move(self) -> None:
        hint = hint_content(self.current_row(), bool(self.contacts.rows), clock.today())
        self.query_one("#contacts-hint", Static).update(hint)
        if self.detail_visible:
            self.detail.show_row(self.current_row(), self.contacts)

    @on(ContactsTable.Highlighted, "#contacts-table")
    def _highlighted(self) -> None:
        self.after_move()

    # -- search

    def open_search(self) -> None:
        self.search.add_class("-active")
        self.search.focus()

    def close_search(self, clear: bool) -> None:
        search = self.search
        if clear:
            search.value = ""
            self.contacts.filters.text = ""
            self.contacts.apply()
            self.show_rows()
        if not search.value:
            search.remove_class("-active")
        self.table.focus()

    def clear_search(self) -> None:
        """Empty and hide the box (the list's filters are cleared by the caller)."""
        if self.search.value:
            self.search.value = ""
        self.search.remove_class("-active")

    @on(Input.Changed, "#contacts-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.contacts.filters.text = event.value.strip()
        self.contacts.apply()
        self.show_rows()

    @on(Input.Submitted, "#contacts-search")
    def _search_submitted(self) -> None:
        self.close_search(clear=False)

    # -- escape

    def back(self) -> bool:
        """Escape in the list: close the search, leave or close the details. False when there was
        nothing of the kind to do."""
        detail = self.detail
        if self.search.has_focus or self.contacts.filters.text:
            self.close_search(clear=True)
        elif detail.has_focus_within or detail.has_focus:
            if not self.side:
                self.set_detail_open(False)
            self.table.focus()
        elif self.detail_open and not self.side:
            self.set_detail_open(False)
        else:
            return False
        return True
