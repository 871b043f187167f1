"""Repositories: how the rest of Rebound reads and changes records.

Screens never touch TinyDB. A repository keeps a cache of parsed models (built once from the
in-memory database) and changes documents copy-on-write: a changed record is a new dict, never an
in-place edit. That is what lets :meth:`store.db.Store.batch` roll back a failed multi-record action
by restoring a shallow snapshot.

Models returned by ``all()``/``get()`` are the cached objects: treat them as read-only and pass a
changed copy (``model.copy()``) to :meth:`Repo.save`.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tinydb.table import Table

from . import clock
from .models import Record
from .sanitize import clean_text

if TYPE_CHECKING:
    from .db import Store

M = TypeVar("M", bound=Record)


@contextlib.contextmanager
def paused_gc():
    """Building thousands of small objects triggers many useless GC passes: pause it (halves the
    time to load 10,000 applications), then freeze the result."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What was just loaded lives as long as the session: move it out of the collector's sight,
        # so later collections don't walk tens of thousands of records each time.
        gc.freeze()
        if enabled:
            gc.enable()


class StrIdTable(Table):
    """A TinyDB table keyed by our string ids, with in-place updates disabled."""

    document_id_class = str  # type: ignore[assignment]

    def update(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        raise NotImplementedError("use Repo.save: documents are replaced, never edited in place")

    update_multiple = update  # type: ignore[assignment]
    upsert = update  # type: ignore[assignment]


def clean_value(value: Any) -> Any:
    """Strip terminal controls from every string in a record (recursively)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: clean_value(v) for k, v in value.items()}
    return value


class Repo(Generic[M]):
    model: type[M]

    def __init__(self, store: Store, model: type[M]) -> None:
        self.store = store
        self.model = model
        self.table_name = model.TABLE
        self._cache: dict[str, M] | None = None

    # -- reading

    @property
    def _table(self) -> StrIdTable:
        return self.store.db.table(self.table_name)  # type: ignore[return-value]

    def _raw(self) -> dict[str, dict[str, Any]]:
        data = self.store.storage.read() or {}
        return data.get(self.table_name, {})

    def _models(self) -> dict[str, M]:
        if self._cache is None:
            from_dict = self.model.from_dict
            trusted = self.store.storage.trusted
            with paused_gc():
                self._cache = {key: from_dict(doc, trusted) for key, doc in self._raw().items()}
        return self._cache

    def invalidate(self) -> None:
        self._cache = None

    def all(self) -> list[M]:
        return list(self._models().values())

    def get(self, record_id: str | None) -> M | None:
        if not record_id:
            return None
        return self._models().get(record_id)

    def find(self, predicate: Callable[[M], bool]) -> list[M]:
        return [m for m in self._models().values() if predicate(m)]

    def count(self) -> int:
        return len(self._raw())

    def is_empty(self) -> bool:
        """True when the table holds no record; answered without parsing it when possible."""
        data = self.store.storage.read() or {}
        raw = data.unparsed_bytes(self.table_name) if hasattr(data, "unparsed_bytes") else None
        if raw is not None:
            return len(raw) < 16 and bytes(raw).strip() == b"{}"
        return not self._raw()

    def __len__(self) -> int:
        return self.count()

    # -- changing

    def save(self, obj: M, *, touch: bool = True) -> M:
        """Insert or replace ``obj`` (one save, or part of the enclosing batch)."""
        self.store.check_writable()
        if touch:
            obj.updated_at = clock.stamp()
        cleaned = self.model.from_dict(clean_value(obj.to_dict()))  # cleaned and type-coerced
        doc = cleaned.to_dict()
        key = obj.id
        table = self._table
        models = self._models()

        def put(t: dict) -> None:
            t[key] = doc

        # The cache is updated first: if the save fails (disk full…) the change stays in memory,
        # in the raw data and in the cache alike, and the next save retries it.
        models[key] = cleaned
        table._update_table(put)
        return cleaned

    def save_many(self, objs: Iterable[M], *, touch: bool = True) -> list[M]:
        """Insert or replace several records with one write."""
        self.store.check_writable()
        stamp = clock.stamp()
        docs = {}
        for obj in objs:
            if touch:
                obj.updated_at = stamp
            docs[obj.id] = clean_value(obj.to_dict())
        if not docs:
            return []
        models = self._models()
        out = []
        for key, doc in docs.items():
            m = self.model.from_dict(doc)
            docs[key] = m.to_dict()
            models[key] = m
            out.append(m)
        self._table._update_table(lambda t: t.update(docs))
        return out

    def delete(self, record_id: str) -> bool:
        self.store.check_writable()
        if record_id not in self._raw():
            return False
        self._models().pop(record_id, None)
        self._table._update_table(lambda t: t.pop(record_id, None))
        return True

    def delete_many(self, ids: Iterable[str]) -> int:
        self.store.check_writable()
        ids = [i for i in ids if i in self._raw()]
        if not ids:
            return 0

        def drop(t: dict) -> None:
            for i in ids:
                t.pop(i, None)

        models = self._models()
        for i in ids:
            models.pop(i, None)
        self._table._update_table(drop)
        return len(ids)
