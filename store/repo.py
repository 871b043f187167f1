"""Repositories: how the rest of Rebound reads and changes records.

Screens never touch TinyDB. A repository keeps a cache of parsed models (built once from the
in-memory database) and changes documents copy-on-write: a changed record is a new dict, never an
in-place edit. That is what lets :meth:`store.db.Store.batch` roll back a failed multi-record action
by restoring a shallow snapshot.

Models returned by ``all()``/``get()`` are the cached objects: treat them as read-only and pass a
changed copy (``model.copy()``) to :meth:`Repo.save`.

One API shape: the changes a user makes are *verbs* on a repository (``store.applications.close``,
``store.touchpoints.log``, ``store.drafts.mark_sent``…); module-level functions are pure or only read.
``save``/``delete`` and their ``_many`` forms are public only where a raw write cannot break a rule;
a repository whose records carry an invariant overrides them to keep it (a touchpoint saved any way
recomputes its contacts' last touch; deleting a contact or an application unlinks it everywhere).
The raw writes themselves are ``_put``/``_drop`` (for the repositories' own use).

Every write tells the store which table changed (:meth:`Store.mark_changed`), so
``store.generation`` and ``store.table_version(name)`` (or ``repo.version``) say cheaply whether
anything a screen derived is stale.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from tinydb.table import Table

from . import clock, shapes
from .models import Record, load_record
from .sanitize import clean_text
from .shapes import ShapeProblem

if TYPE_CHECKING:
    from .db import Store

M = TypeVar("M", bound=Record)

#: ``{doc id: document}``: one table as TinyDB hands it to an update.
RawTable = dict[str, dict[str, Any]]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
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

    document_id_class = str  # type: ignore[assignment]  # TinyDB declares int ids; ours are str

    def update(self, *args: Any, **kwargs: Any) -> list[int]:
        raise NotImplementedError("use Repo.save: documents are replaced, never edited in place")

    update_multiple = update  # all three refuse alike
    upsert = update

    def apply(self, updater: Callable[[RawTable], None]) -> None:
        """Change the table with ``updater`` and write it (one save, or part of a batch)."""
        self._update_table(cast(Callable[[dict[int, Mapping[Any, Any]]], None], updater))


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
        return cast(StrIdTable, self.store.db.table(self.table_name))

    @property
    def version(self) -> int:
        """Grows with every change to this table (and on reload): equal versions, same records."""
        return self.store.table_version(self.table_name)

    def _raw(self) -> RawTable:
        data = self.store.storage.read() or {}
        return data.get(self.table_name, {})

    def _models(self) -> dict[str, M]:
        if self._cache is None:
            if self.store.storage.trusted:  # our own checksummed file: no shape check needed
                from_dict = self.model.from_dict
                with paused_gc():
                    self._cache = {key: from_dict(doc, True) for key, doc in self._raw().items()}
            else:
                model = self.model
                problems: list[ShapeProblem] = []
                with paused_gc():
                    self._cache = {key: load_record(model, key, doc, problems) for key, doc in self._raw().items()}
                if problems:
                    self._report(problems)
        return self._cache

    def _report(self, problems: list[ShapeProblem]) -> None:
        """Values of the wrong type were read leniently: one notice for the user (once), a log line."""
        from . import logs

        notice = shapes.summary(self.table_name, problems)
        notices = self.store.notices
        if not any(n.startswith(notice[:60]) for n in notices):
            notices.append(notice)
            logs.log.info("read %d value(s) of the wrong type in %s leniently", len(problems), self.table_name)

    @property
    def loaded(self) -> bool:
        """True once the table's records were parsed into models (reading them is then free)."""
        return self._cache is not None

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
        unparsed = getattr(data, "unparsed_bytes", None)
        raw = unparsed(self.table_name) if unparsed is not None else None
        if raw is not None:
            return len(raw) < 16 and bytes(raw).strip() == b"{}"
        return not self._raw()

    def __len__(self) -> int:
        return self.count()

    # -- changing (public; a repository with an invariant overrides these to keep it)

    def save(self, obj: M, *, touch: bool = True) -> M:
        """Insert or replace ``obj`` (one save, or part of the enclosing batch)."""
        return self._put(obj, touch=touch)

    def save_many(self, objs: Iterable[M], *, touch: bool = True) -> list[M]:
        """Insert or replace several records with one write."""
        return self._put_many(objs, touch=touch)

    def delete(self, record_id: str) -> bool:
        return self._drop(record_id)

    def delete_many(self, ids: Iterable[str]) -> int:
        return self._drop_many(ids)

    # -- the raw writes

    @contextlib.contextmanager
    def _changing(self) -> Iterator[None]:
        """Around a raw write: refuse in a read-only session, and tell the store the table changed
        (also when the save failed: the change is kept in memory all the same)."""
        self.store.check_writable()
        try:
            yield
        finally:
            self.store.mark_changed(self.table_name)

    def _put(self, obj: M, *, touch: bool = True) -> M:
        with self._changing():
            if touch:
                obj.updated_at = clock.stamp()
            cleaned = self.model.from_dict(clean_value(obj.to_dict()))  # cleaned and type-coerced
            doc = cleaned.to_dict()
            key = obj.id
            models = self._models()

            def put(t: RawTable) -> None:
                t[key] = doc

            # The cache is updated first: if the save fails (disk full…) the change stays in memory,
            # in the raw data and in the cache alike, and the next save retries it.
            models[key] = cleaned
            self._table.apply(put)
            return cleaned

    def _put_many(self, objs: Iterable[M], *, touch: bool = True) -> list[M]:
        self.store.check_writable()
        stamp = clock.stamp()
        docs: RawTable = {}
        for obj in objs:
            if touch:
                obj.updated_at = stamp
            docs[obj.id] = clean_value(obj.to_dict())
        if not docs:
            return []
        with self._changing():
            models = self._models()
            out = []
            for key, doc in docs.items():
                m = self.model.from_dict(doc)
                docs[key] = m.to_dict()
                models[key] = m
                out.append(m)
            self._table.apply(lambda t: t.update(docs))
            return out

    def _drop(self, record_id: str) -> bool:
        self.store.check_writable()
        if record_id not in self._raw():
            return False
        def drop(t: RawTable) -> None:
            t.pop(record_id, None)

        with self._changing():
            self._models().pop(record_id, None)
            self._table.apply(drop)
        return True

    def _drop_many(self, ids: Iterable[str]) -> int:
        self.store.check_writable()
        raw = self._raw()
        gone = [i for i in dict.fromkeys(ids) if i in raw]
        if not gone:
            return 0

        def drop(t: RawTable) -> None:
            for i in gone:
                t.pop(i, None)

        with self._changing():
            models = self._models()
            for i in gone:
                models.pop(i, None)
            self._table.apply(drop)
        return len(gone)
