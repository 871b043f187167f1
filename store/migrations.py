"""Schema versions, ordered migrations, and the checks a hand-edited file gets.

The ``meta`` table holds one record with ``schema_version``. Opening older data migrates it in
memory (after a backup, taken by :mod:`store.db`); opening data from a newer Rebound refuses to
write it (read-only, with a message).

Versions:

* 0: no meta record; records might lack ids or timestamps.
* 1: every record keyed by its string ``id``. Stock TinyDB can't read that (its document ids are
  integers: ``TinyDB(path).table("applications").all()`` raised ``ValueError``).
* 2: records keyed by TinyDB document ids ``"1"``, ``"2"``… per table, each keeping its own string
  ``id`` (what links between records use). Stock ``TinyDB(path)`` reads, searches and counts it.

A file that was not written by this code (a hand edit, a sync tool's merge, an old version) is
checked record by record (:func:`record_problems`) and repaired (:func:`repair`): the person is told
what was found, in a notice at start and by ``rebound-tui doctor``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, TypeGuard

from . import clock
from .models import new_id

SCHEMA_VERSION = 2
META_TABLE = "meta"
META_ID = "meta"
#: The document key of the meta record (and of every table's first record) from schema 2 on.
FIRST_KEY = "1"

Data = dict[str, dict[str, Any]]


def meta_doc(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """The meta record, wherever the schema keeps it (under the key "meta" in 1, "1" from 2 on)."""
    table = data.get(META_TABLE)
    if not isinstance(table, dict):
        return None
    doc = table.get(META_ID)
    if isinstance(doc, dict):
        return doc
    for doc in table.values():
        if isinstance(doc, dict) and doc.get("id") == META_ID:
            return doc
    return None


def schema_version(data: Mapping[str, Any]) -> int:
    meta = meta_doc(data)
    if not meta:
        # No meta record: a file from before versioning (or a new, empty database).
        return 0 if any(t for name, t in data.items() if name != META_TABLE) else SCHEMA_VERSION
    value = meta.get("schema_version", 0) if isinstance(meta, dict) else 0
    if isinstance(value, float) and not math.isfinite(value):
        return 0
    try:
        version = int(value)
    except (TypeError, ValueError):
        return 0
    return max(version, 0)  # a hand-edited -1 is a file from before versioning: migrated, backed up first


def _v0_to_v1(data: Data) -> Data:
    """Version 0 had no meta record and could lack ids or timestamps: give every record both."""
    now = clock.stamp()
    out: Data = {}
    for name, table in data.items():
        new_table = {}
        for key, doc in table.items():
            doc = dict(doc)
            doc.setdefault("id", key if not key.isdigit() else new_id())
            doc.setdefault("created_at", now)
            doc.setdefault("updated_at", now)
            new_table[str(doc["id"])] = doc
        out[name] = new_table
    return out


def _v1_to_v2(data: Data) -> Data:
    """Key records by TinyDB document ids 1, 2, 3… in file order. A record keeps its ``id`` (what
    links use) even where its old key differed; one without a usable ``id`` takes its old key."""
    out: Data = {}
    for name, table in data.items():
        new_table = {}
        for n, (key, doc) in enumerate(table.items(), start=1):
            doc = dict(doc)
            if not _usable_id(doc.get("id")):
                doc["id"] = str(key)
            new_table[str(n)] = doc
        out[name] = new_table
    return out


#: MIGRATIONS[n] turns version n into version n + 1. Pure functions: they return new data.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(data: Mapping[str, dict[str, Any]]) -> tuple[Data, int, int]:
    """Return (migrated data, from version, to version)."""
    start = version = schema_version(data)
    out: Data = dict(data.items())
    while version < SCHEMA_VERSION:
        out = MIGRATIONS[version](out)
        version += 1
    meta = dict(meta_doc(out) or {})
    meta.update({"id": META_ID, "schema_version": version})
    meta.setdefault("created_at", clock.stamp())
    meta["updated_at"] = clock.stamp()
    out[META_TABLE] = {FIRST_KEY: meta}
    return out, start, version


# ----------------------------------------------------------------------------- hand-edited files


def _usable_id(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and value != ""


def _is_doc_id(key: str) -> bool:
    """A key stock TinyDB reads as a document id (``int(key)`` of ASCII digits, not 0)."""
    return key.isascii() and key.isdigit() and int(key) > 0


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def record_problems(data: Mapping[str, Any]) -> list[str]:
    """What is wrong with the records of a file (any schema this code knows), in words for the
    person: records sharing an id, records without one, a record stored under a key that isn't its
    id (schema 1), keys stock TinyDB can't read (schema 2). [] when nothing is."""
    version = schema_version(data)
    if version < 1:
        return []  # before ids were kept at all: the migration gives every record one
    problems = []
    for name, table in data.items():
        if not isinstance(table, dict) or name == META_TABLE:
            continue
        seen: set[str] = set()
        shared = missing = mismatched = bad_keys = 0
        for key, doc in table.items():
            if not isinstance(doc, dict):
                continue
            rid = doc.get("id")
            if not _usable_id(rid):
                missing += 1
            elif rid in seen:
                shared += 1
            else:
                seen.add(rid)
            if version == 1 and _usable_id(rid) and rid != key:
                mismatched += 1
            if version >= 2 and not _is_doc_id(key):
                bad_keys += 1
        if shared:
            problems.append(f"{name}: {_plural(shared, 'record has', 'records have')} the same id as another")
        if missing:
            problems.append(f"{name}: {_plural(missing, 'record has no id', 'records have no id')}")
        if mismatched:
            problems.append(f"{name}: {_plural(mismatched, 'record is', 'records are')} stored under a key "
                            "that isn't its id")
        if bad_keys:
            problems.append(f"{name}: {_plural(bad_keys, 'record key is', 'record keys are')} not a "
                            "TinyDB document number")
    return problems


def repair(data: Mapping[str, dict[str, Any]]) -> tuple[Data, bool]:
    """Make current-schema data safe to use: every record gets an id of its own (a record sharing
    one with an earlier record, or without one, gets a new id; links keep pointing at the first)
    and a TinyDB document number as its key. Returns (data, whether anything changed); pure."""
    out: Data = {}
    changed = False
    for name, table in data.items():
        seen: set[str] = set()
        top = max((int(k) for k in table if _is_doc_id(k)), default=0)
        new_table: dict[str, Any] = {}
        fixed = False
        for key, doc in table.items():
            rid = doc.get("id")
            if name != META_TABLE and (not _usable_id(rid) or rid in seen):
                doc = {**doc, "id": new_id()}
                fixed = True
            seen.add(doc.get("id"))
            if not _is_doc_id(key):
                top += 1
                key = str(top)
                fixed = True
            new_table[key] = doc
        out[name] = new_table if fixed else table
        changed = changed or fixed
    return out, changed
