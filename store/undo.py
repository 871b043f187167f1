"""Undo for the one-key verbs: the records as they were, put back exactly, in one write.

A verb that offers ``u`` runs inside :meth:`UndoLog.recording`. While it records, every raw write
of a repository first hands over the document it replaces (or None for a new one); the first one
per record is kept. When the verb is done, the log keeps those documents (``before``) and the ones
the verb left (``after``). :meth:`UndoLog.undo` puts ``before`` back in one batch (one save): the
same dicts, so each record is byte for byte what it was (stage, dates, next action, days in stage,
the plan, the touchpoints…), and a record the verb created is removed. Documents are never changed
in place (copy-on-write), so holding them is a snapshot.

Only the last change can be undone, and only when it was one of these verbs: any other write since
(an edit, a journal entry, Today noting a step done) leaves nothing to undo, and records changed
since are never overwritten.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import StoreError
from .storage import as_document

if TYPE_CHECKING:
    from .db import Store

Doc = dict[str, Any]
#: (table name, document key)
Where = tuple[str, str]


class NothingToUndo(StoreError):
    """There is no undo to do: none recorded, or (``changed_since``) the records changed since. The
    UI names its own keys when none was recorded."""

    def __init__(self, message: str, *, changed_since: bool = False) -> None:
        super().__init__(message)
        self.changed_since = changed_since


@dataclass
class Undoable:
    """What one verb changed: ``label`` says it in words ("closing Acme as rejected")."""

    label: str
    before: dict[Where, Doc | None] = field(default_factory=dict)
    after: dict[Where, Doc | None] = field(default_factory=dict)
    #: Each touched table's document keys in order, before the verb (a restored record goes back in place).
    order: dict[str, list[str]] = field(default_factory=dict)
    #: Tables the verb created (the first record of its kind): dropped again when empty.
    new_tables: set[str] = field(default_factory=set)

    def ids(self, table: str) -> list[str]:
        """The ids of the records of ``table`` the verb touched."""
        out: list[str] = []
        for (tbl, key), doc in self.before.items():
            doc = doc if doc is not None else self.after.get((tbl, key))
            rid = doc.get("id") if tbl == table and doc is not None else None
            if isinstance(rid, str) and rid not in out:
                out.append(rid)
        return out


class UndoLog:
    """The store's undo of the last one-key verb (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._recording: Undoable | None = None
        self.last: Undoable | None = None

    @contextlib.contextmanager
    def recording(self, label: str) -> Iterator[None]:
        """Record the writes inside as one undoable change (kept when something changed)."""
        if self._recording is not None:  # nested: the outer verb records it all
            yield
            return
        rec = self._recording = Undoable(label)
        try:
            yield
        finally:
            self._recording = None
        raw = self._store.storage.data()
        rec.after = {(t, k): raw.get(t, {}).get(k) for t, k in rec.before}
        # the last verb is this one (nothing to undo when it changed nothing)
        self.last = rec if any(rec.before[w] is not rec.after[w] for w in rec.before) else None

    def note(self, table: str, key: str, raw_table: dict[str, Doc]) -> None:
        """Called by a repository before it replaces or removes ``key`` in ``table``. A write outside
        a verb (an edit, a journal entry…) is the last change now: nothing is left to undo."""
        rec = self._recording
        if rec is None:
            self.last = None
            return
        if (table, key) in rec.before:
            return
        if table not in rec.order:
            rec.order[table] = list(raw_table)
            if table not in self._store.storage.data():
                rec.new_tables.add(table)
        rec.before[(table, key)] = as_document(raw_table.get(key))  # a record kept in its place: as a dict

    def forget(self) -> None:
        self.last = None

    def available(self) -> Undoable | None:
        """The last verb, if the records it touched are still exactly as it left them."""
        rec = self.last
        if rec is None:
            return None
        raw = self._store.storage.data()
        for (table, key), doc in rec.after.items():
            if raw.get(table, {}).get(key) is not doc:
                return None
        return rec

    def undo(self) -> Undoable:
        """Put the records of the last verb back as they were, in one write; what it was. Raises
        :class:`NothingToUndo` (with the reason in words) when there is nothing to undo."""
        if self.last is None:
            raise NothingToUndo("Nothing to undo: only the last one-key change can be put back (a card closed or "
                                "moved, a delete, a message marked sent, an import).")
        rec = self.available()
        if rec is None:
            self.last = None
            raise NothingToUndo("Not undone: those records changed since, and undo never overwrites newer work.",
                                changed_since=True)
        store = self._store
        tables = {t for t, _ in rec.before}
        with store.batch():
            for table in sorted(tables):
                repo = next(r for r in store.repos if r.table_name == table)
                repo.restore(_restored(rec, table))
                if table in rec.new_tables and not repo.count():
                    store.db.drop_table(table)
        self.last = None
        return rec


def _restored(rec: Undoable, table: str) -> Any:
    """An updater that puts ``table``'s documents back (in their old places) and drops new ones."""

    def update(t: dict[str, Doc]) -> None:
        current = dict(t)
        for (tbl, key), doc in rec.before.items():
            if tbl != table:
                continue
            if doc is None:
                current.pop(key, None)
            else:
                current[key] = doc
        t.clear()
        for key in rec.order.get(table, []):
            if key in current:
                t[key] = current.pop(key)
        t.update(current)  # records added since by other changes keep their place at the end

    return update
