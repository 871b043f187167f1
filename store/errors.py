"""Exceptions ``store`` raises; the UI and the CLI turn each into a clear message."""

from __future__ import annotations


class StoreError(Exception):
    """Base class."""


class CorruptDataError(StoreError):
    """The data file cannot be read. It is never overwritten."""

    def __init__(self, path, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ReadOnlyError(StoreError):
    """An edit was refused because this session is read-only (another instance holds the lock, or
    the data was written by a newer Rebound)."""


class SaveError(StoreError):
    """A save failed (disk full, permission, I/O). The file on disk is intact and the change is kept
    in memory, to be retried with the next save."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"not saved: {reason}")


class ExternalChangeError(StoreError):
    """The data file changed on disk since it was loaded (a sync tool, a hand edit). Nothing was
    written; the user chooses reload or keep-both."""


class NewerSchemaError(StoreError):
    """The data file was written by a newer Rebound."""
