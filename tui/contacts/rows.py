"""The contacts list's data, without the screen: every row, the filters, what is shown, the marks.

Plain Python. :meth:`ContactList.reload` recomputes every contact's due date, state and reason
(the rules live in :mod:`store.contacts`); :meth:`ContactList.apply` filters them. Coming back to the
screen recomputes only when :meth:`ContactList.stale` says the data or the day changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, ValuesView
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from store import clock
from store import contacts as C
from store.models import Application, Contact, Touchpoint

if TYPE_CHECKING:
    from store.db import Store

INACTIVE_STATES = ("archived", "do not contact")


class StoredApplications(Mapping[str, Application]):
    """Applications by id, read only when a contact links one (the board may never have loaded)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, key: str) -> Application:
        app = self._store.applications.get(key)
        if app is None:
            raise KeyError(key)
        return app

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._store.applications.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([a.id for a in self._store.applications.all()])

    def __len__(self) -> int:
        return self._store.applications.count()

    def values(self) -> ValuesView[Application]:
        return {a.id: a for a in self._store.applications.all()}.values()


@dataclass
class Filters:
    """What narrows the list: the search text, due now only, a role, a tag, archived shown or not."""

    text: str = ""
    due_now: bool = False
    role: str = ""
    tag: str = ""
    show_inactive: bool = False

    @property
    def narrowing(self) -> bool:
        """A filter (not the search, not the archived switch) is on: escape clears it."""
        return self.due_now or bool(self.role) or bool(self.tag)

    def clear(self) -> None:
        """Everything but the archived switch."""
        self.text = self.role = self.tag = ""
        self.due_now = False

    def labels(self) -> list[str]:
        """The filters that are on, in words, for the bar."""
        out = []
        if self.due_now:
            out.append("a good moment now")
        if self.role:
            out.append(f"role: {self.role}")
        if self.tag:
            out.append(f"tag: {self.tag}")
        if self.text:
            out.append(f"search: {self.text}")
        return out


class ContactList:
    """Every contact as a row (in urgency order), the rows shown, and the marked ones."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.apps = StoredApplications(store)
        self.filters = Filters()
        self.rows: list[C.ContactRow] = []
        self.shown: list[C.ContactRow] = []
        self.marked: set[str] = set()
        self._by_id: dict[str, C.ContactRow] = {}
        self._by_contact: dict[str, list[str]] | None = None  # application links, from the board's side
        self._seen: tuple[object, ...] = ()
        #: What the rows were built from besides the contacts: (settings and applications versions, day).
        self._basis: tuple[object, ...] = ()

    def _signature(self) -> tuple[object, ...]:
        """What the rows were computed from: the store's change generation and the day."""
        return (self.store.generation, clock.today())

    @property
    def stale(self) -> bool:
        """Nothing computed yet, or something was saved or reloaded since, or the day turned."""
        return not self.rows or self._signature() != self._seen

    def reload(self, today: date | None = None) -> None:
        """Recompute the rows (the marks on contacts that are gone are dropped), then filter. When
        the settings, the applications and the day are what the rows were built from, only the
        rows of contacts that changed are recomputed and put back in order (a log touches one)."""
        today = today or clock.today()
        self._seen = self._signature()
        basis = (self.store.versions("settings", "applications"), today)
        if basis != self._basis:
            self._by_contact = None
        settings = self.store.settings.current()
        contacts = self.store.contacts.all()
        rows = (C.update_rows(self.rows, contacts, settings, self.apps, today, self._links(), by_id=self._by_id)
                if self.rows and basis == self._basis else None)
        if rows is None:
            rows = C.build_rows(contacts, settings, self.apps, today, self._links())
            self._by_id = {r.contact.id: r for r in rows}
        self.rows = rows
        self._basis = basis
        if self.marked:
            self.marked &= self._by_id.keys()
        self.apply()

    def apply(self) -> list[C.ContactRow]:
        f = self.filters
        self.shown = C.filter_rows(self.rows, text=f.text, due_now=f.due_now, role=f.role, tag=f.tag,
                                   show_inactive=f.show_inactive)
        return self.shown

    # -- looking up

    def get(self, contact_id: str | None) -> C.ContactRow | None:
        return self._by_id.get(contact_id) if contact_id else None

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._by_id

    def is_shown(self, contact_id: str) -> bool:
        return any(r.id == contact_id for r in self.shown)

    def targets(self, current: str | None) -> list[C.ContactRow]:
        """The marked contacts (in list order), else the one under the cursor."""
        if self.marked:
            return [r for r in self.rows if r.id in self.marked]
        row = self.get(current)
        return [row] if row else []

    def counts(self) -> dict[str, int]:
        """How many contacts are in each state."""
        counts: dict[str, int] = {}
        for r in self.rows:
            counts[r.info.state] = counts.get(r.info.state, 0) + 1
        return counts

    def roles(self) -> set[str]:
        return {r.contact.role for r in self.rows}

    def tags(self) -> list[str]:
        return C.all_tags(r.contact for r in self.rows)

    # -- marks

    def toggle_mark(self, contact_id: str) -> bool:
        """Mark or unmark; True when it is marked now."""
        if contact_id in self.marked:
            self.marked.discard(contact_id)
            return False
        self.marked.add(contact_id)
        return True

    def touchpoints(self, contact_id: str) -> list[Touchpoint]:
        """The contact's touchpoints, newest first."""
        return self.store.touchpoints.for_contact(contact_id)

    # -- applications and reasons

    def linked_ids(self, contact: Contact) -> list[str]:
        """Applications linked from either side (the board links from the application)."""
        return C.linked_application_ids(contact, self._links())

    def _links(self) -> dict[str, list[str]]:
        """Contact id → the applications that name it (kept while the applications are unchanged)."""
        if self._by_contact is None:
            self._by_contact = C.apps_by_contact(self.store.applications.all())
        return self._by_contact

    def reason(self, row: C.ContactRow, today: date | None = None) -> C.Reason:
        """The row's reason to reach out, or (not due) the one it would have: the composer's kind."""
        if row.reason is not None:
            return row.reason
        return C.reason_for(row.contact, row.info, today or clock.today(), self.apps,
                            {row.id: self.linked_ids(row.contact)})
