"""Schema versions and ordered migrations.

The ``meta`` table holds one record with ``schema_version``. Opening older data migrates it in
memory (after a backup, taken by :mod:`store.db`); opening data from a newer Rebound refuses to
write it (read-only, with a message).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from . import clock
from .models import new_id

SCHEMA_VERSION = 1
META_TABLE = "meta"
META_ID = "meta"

Data = dict[str, dict[str, Any]]


def schema_version(data: Data) -> int:
    meta = data.get(META_TABLE, {}).get(META_ID)
    if not meta:
        # No meta record: a file from before versioning (or a new, empty database).
        return 0 if any(t for t in data.values()) else SCHEMA_VERSION
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


#: MIGRATIONS[n] turns version n into version n + 1. Pure functions: they return new data.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


def migrate(data: Data) -> tuple[Data, int, int]:
    """Return (migrated data, from version, to version)."""
    start = version = schema_version(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data = dict(data)
    meta = dict(data.get(META_TABLE, {}).get(META_ID) or {})
    meta.update({"id": META_ID, "schema_version": version})
    meta.setdefault("created_at", clock.stamp())
    meta["updated_at"] = clock.stamp()
    data[META_TABLE] = {META_ID: meta}
    return data, start, version
