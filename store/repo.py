"""Repositories: how the rest of Rebound reads and changes records.

Screens never touch TinyDB. A repository keeps a cache of parsed models (built once from the
in-memory database) and changes documents copy-on-write: a changed record is a new dict, never an
in-place edit.

Documents are stored under TinyDB's document ids (``"1"``, ``"2"``… per table, so stock TinyDB
reads the file); each record's own string ``id`` is what links and lookups use. A repository keeps
the map from one to the other (built on first need, kept up to date by its writes); a new record
takes the next free document id. That is what lets :meth:`store.db.Store.batch` roll back a failed multi-record action
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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from tinydb.table import Table

from . import clock, shapes
from .errors import ExternalChangeError, SaveError
from .models import Record, load_record
from .sanitize import clean_text
from .shapes import ShapeProblem
from .storage import AtomicJSONStorage, LazyTables, as_document, paused_gc

if TYPE_CHECKING:
    from .db import Store

M = TypeVar("M", bound=Record)

#: ``{doc id: document}``: one table as TinyDB hands it to an update.
RawTable = dict[str, dict[str, Any]]


class StrIdTable(Table):
    """A TinyDB table whose document ids stay the strings they are in JSON (no conversion to int
    and back on every write), with in-place updates disabled."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB declares int ids; ours stay str

    def update(self, *args: Any, **kwargs: Any) -> list[int]:
        raise NotImplementedError("use Repo.save: documents are replaced, never edited in place")

    update_multiple = update  # all three refuse alike
    upsert = update

    def apply(self, updater: Callable[[RawTable], None], keys: Sequence[str] | None = None) -> None:
        """Change the table with ``updater`` and write it (one save, or part of a batch). ``keys``:
        the only document keys it changes, when known (then a save re-serialises only those)."""
        storage = self.storage
        if isinstance(storage, AtomicJSONStorage):  # ours: no conversion of every document id, twice
            storage.update_table(self.name, updater, keys)
            self.clear_cache()
            return
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
        #: The warm-up's :meth:`load_in_slices` under way: a read finishes it rather than start over.
        self._slicing: Iterator[None] | None = None
        #: record id -> document key, and the next free document id (see :meth:`_key_index`).
        self._keys: dict[str, str] | None = None
        self._next_key = 1

    # -- reading

    @property
    def _table(self) -> StrIdTable:
        return cast(StrIdTable, self.store.db.table(self.table_name))

    @property
    def version(self) -> int:
        """Grows with every change to this table (and on reload): equal versions, same records."""
        return self.store.table_version(self.table_name)

    def _raw(self) -> RawTable:
        """``{document key: document}``: the table as stored."""
        table: RawTable = self.store.storage.data().get(self.table_name, {})
        return table

    def _key_index(self) -> dict[str, str]:
        """``{record id: document key}`` (the first record with an id wins; a file with shared ids
        is repaired when it is opened)."""
        keys = self._keys
        if keys is None:
            keys = {}
            top = 0
            for key, doc in self._raw().items():
                rid = doc.get("id") if type(doc) is dict else cast(Any, doc).id  # a record kept in its place
                if isinstance(rid, str) and rid not in keys:
                    keys[rid] = key
                if key.isascii() and key.isdigit():
                    top = max(top, int(key))
            self._keys = keys
            self._next_key = top + 1
        return keys

    def prepare(self) -> None:
        """Build what the first write needs (the record id → document key index) now: while a
        dialog is open, say, rather than when its save is pressed (20,000 records: ~10–20 ms)."""
        self._key_index()

    def _key_for(self, record_id: str) -> str:
        """The document key of ``record_id``: its own, or the next free TinyDB document id."""
        keys = self._key_index()
        key = keys.get(record_id)
        if key is None:
            key = str(self._next_key)
            self._next_key += 1
            keys[record_id] = key
        return key

    def _doc(self, record_id: str) -> dict[str, Any] | None:
        """The stored document of ``record_id`` (without building models), or None."""
        key = self._key_index().get(record_id)
        return None if key is None else as_document(self._raw().get(key))

    def _models(self) -> dict[str, M]:
        if self._cache is None and self._slicing is not None:
            # the warm-up is part way through this table: its slices so far are kept, the rest done now
            slicing, self._slicing = self._slicing, None
            for _ in slicing:
                pass
        if self._cache is None:
            if self.store.storage.trusted:  # our own checksummed file: no shape check needed
                from_trusted, texts = self.model.from_trusted, dict[str, str]()
                data = self.store.storage.data()
                if isinstance(data, LazyTables):  # not parsed yet: into records a slice at a time
                    for _ in data.parse_in_slices(self.table_name, build=lambda d: from_trusted(d, texts)):
                        pass
                raw = self._raw()
                with paused_gc():
                    # (a document may already be its record: kept in its place, see _keep_as_records)
                    keyed = {key: from_trusted(doc, texts) if type(doc) is dict else cast(M, doc)
                             for key, doc in raw.items()}
                if any(type(doc) is dict for doc in raw.values()):
                    self._keep_as_records(raw, keyed)
                models = list(keyed.values())
            else:
                model = self.model
                problems: list[ShapeProblem] = []
                with paused_gc():
                    models = [load_record(model, key, doc, problems) if type(doc) is dict else cast(M, doc)
                              for key, doc in self._raw().items()]
                if problems:
                    self._report(problems)
            self._cache = {m.id: m for m in models}
        return self._cache

    def load_in_slices(self, size: int = 500) -> Iterator[None]:
        """Build the parsed models as :meth:`_models` does, ``size`` records at a time, yielding
        between slices (the app's warm-up runs one slice per step, so a key waits for one slice, not
        for the whole table: 10,000 applications take ~0.1–0.25 s in one go). A read meanwhile
        finishes what is left at once, keeping the slices done; a write meanwhile stops it without
        keeping anything (the next read builds them as before)."""
        slicing = self._slices(size)
        self._slicing = slicing
        return slicing

    def _slices(self, size: int) -> Iterator[None]:
        if self._cache is not None:
            return
        version = self.version
        data = self.store.storage.data()
        trusted = self.store.storage.trusted
        from_trusted, model, texts = self.model.from_trusted, self.model, dict[str, str]()
        if isinstance(data, LazyTables):  # the file's bytes parsed a slice of records per step too
            yield from data.parse_in_slices(self.table_name,
                                            build=(lambda d: from_trusted(d, texts)) if trusted else None)
            if self._cache is not None or self.version != version:
                return
        raw = self._raw()  # parsed by now (or, when slicing could not, parsed here in one block)
        yield
        items = list(raw.items())
        built: list[M] = []
        problems: list[ShapeProblem] = []
        for start in range(0, len(items), size):
            if self._cache is not None or self.version != version:
                return
            with paused_gc():
                if trusted:
                    built += [from_trusted(doc, texts) if type(doc) is dict else cast(M, doc)
                              for _, doc in items[start:start + size]]
                else:
                    built += [load_record(model, key, doc, problems) if type(doc) is dict else cast(M, doc)
                              for key, doc in items[start:start + size]]
            yield
        if self._cache is None and self.version == version:
            if problems:
                self._report(problems)
            if trusted and any(type(doc) is dict for doc in raw.values()):
                self._keep_as_records(raw, dict(zip(raw, built, strict=False)))
            self._cache = {m.id: m for m in built}
        self._slicing = None

    def _keep_as_records(self, raw: RawTable, keyed: dict[str, M]) -> None:
        """The records just built from a trusted table stand in for its documents in memory (see
        :meth:`AtomicJSONStorage.keep_as_records`): a document is only needed again as a dict when one
        is replaced (undo) or asked for (``_doc``), and then made from its record."""
        storage = self.store.storage
        if isinstance(storage, AtomicJSONStorage):
            storage.keep_as_records(self.table_name, raw, keyed)

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
        self._keys = None
        self._slicing = None

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
        raw = self.store.storage.data().unparsed_bytes(self.table_name)
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
        (also when the save failed: the change is kept in memory all the same). A write refused
        before it took effect (a value JSON can't hold) leaves memory as it was: the caches this
        repository updated first are dropped."""
        self.store.check_writable()
        try:
            yield
        except (SaveError, ExternalChangeError):
            raise  # the change is in memory, waiting to be saved: the caches hold it too
        except BaseException:
            self.invalidate()
            raise
        finally:
            self.store.mark_changed(self.table_name)

    def _mine(self, obj: M) -> M:
        """``obj``, or a copy when it is a cached record (it may stand in for its stored document,
        which is never changed in place)."""
        cache = self._cache
        return obj.copy() if cache is not None and cache.get(obj.id) is obj else obj

    def _put(self, obj: M, *, touch: bool = True) -> M:
        with self._changing():
            obj = self._mine(obj)
            if touch:
                obj.updated_at = clock.stamp()
            cleaned = self.model.from_dict(clean_value(obj.to_dict()))  # cleaned and type-coerced
            doc = cleaned.to_dict()
            models = self._models()
            key = self._key_for(obj.id)

            def put(t: RawTable) -> None:
                t[key] = doc

            # The cache is updated first: if the save fails (disk full…) the change stays in memory,
            # in the raw data and in the cache alike, and the next save retries it.
            self.store.undo.note(self.table_name, key, self._raw())
            models[obj.id] = cleaned
            self._table.apply(put, (key,))
            return cleaned

    def _put_many(self, objs: Iterable[M], *, touch: bool = True) -> list[M]:
        self.store.check_writable()
        stamp = clock.stamp()
        docs: RawTable = {}
        for obj in objs:
            obj = self._mine(obj)
            if touch:
                obj.updated_at = stamp
            docs[obj.id] = clean_value(obj.to_dict())
        if not docs:
            return []
        with self._changing():
            models = self._models()
            out = []
            keyed: RawTable = {}
            raw = self._raw()
            for record_id, doc in docs.items():
                m = self.model.from_dict(doc)
                key = self._key_for(record_id)
                self.store.undo.note(self.table_name, key, raw)
                keyed[key] = m.to_dict()
                models[record_id] = m
                out.append(m)
            self._table.apply(lambda t: t.update(keyed), list(keyed))
            return out

    def _drop(self, record_id: str) -> bool:
        self.store.check_writable()
        keys = self._key_index()
        key = keys.get(record_id)
        if key is None or key not in self._raw():
            return False

        def drop(t: RawTable) -> None:
            t.pop(key, None)

        with self._changing():
            self.store.undo.note(self.table_name, key, self._raw())
            self._models().pop(record_id, None)
            keys.pop(record_id, None)
            self._table.apply(drop, (key,))
        return True

    def _drop_many(self, ids: Iterable[str]) -> int:
        self.store.check_writable()
        raw = self._raw()
        keys = self._key_index()
        gone = {i: keys[i] for i in dict.fromkeys(ids) if i in keys and keys[i] in raw}
        if not gone:
            return 0

        def drop(t: RawTable) -> None:
            for key in gone.values():
                t.pop(key, None)

        with self._changing():
            models = self._models()
            for i in gone:
                self.store.undo.note(self.table_name, gone[i], raw)
                models.pop(i, None)
                keys.pop(i, None)
            self._table.apply(drop, list(gone.values()))
        return len(gone)

    def restore(self, updater: Callable[[RawTable], None]) -> None:
        """Put documents back as they were (:mod:`store.undo`): ``updater`` changes the raw table,
        then the parsed models are read again."""
        with self._changing():
            self._table.apply(updater)
            self.invalidate()
