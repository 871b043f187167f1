"""What can be imported and exported (a small module: the palette lists them at no cost)."""

from __future__ import annotations

from enum import Enum


class ImportKind(Enum):
    """What a file is imported as."""

    APPLICATIONS = "applications"
    JOURNAL = "journal"
    CONTACTS = "contacts"
    EVERYTHING = "everything"


class ExportKind(Enum):
    """What an export holds."""

    APPLICATIONS = "applications"
    ACTIVITY = "activity"
    JOURNAL = "journal"
    CONTACTS = "contacts"
    EVERYTHING = "everything"
