"""The adapter that runs TinyDB's own tests against Rebound's storage.

``JSONStorage`` here is :class:`store.storage.AtomicJSONStorage`; the in-memory storage and the
``Storage`` base are TinyDB's. The package's conftest also makes it TinyDB's default storage, so a
test's plain ``TinyDB(path)`` uses it too.
"""

from __future__ import annotations

from tinydb.storages import MemoryStorage, Storage, touch

from store.storage import AtomicJSONStorage as JSONStorage

__all__ = ["JSONStorage", "MemoryStorage", "Storage", "touch"]
