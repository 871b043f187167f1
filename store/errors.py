"""Exceptions ``store`` raises; the UI and the CLI turn each into a clear message.

Every exception the store raises on purpose derives from :class:`StoreError`, so a caller (the app's
``write``) can catch them all in one place:

* the storage: :class:`CorruptDataError`, :class:`ReadOnlyError`, :class:`SaveError`,
  :class:`ExternalChangeError`;
* the domain's rules, :class:`RuleError` and its kinds (also ``ValueError``s, as they always were):
  :class:`PipelineError`, :class:`DateError`, :class:`ImportFormatError`, :class:`RatingError`,
  :class:`TemplateError`, :class:`OutreachError`;
* :class:`NotFoundError` (also a ``KeyError``): the record an action names is gone;
* encryption: :class:`CryptoError`, :class:`LockedError`, :class:`WrongPassphraseError`.

The message of a rule error or a not-found error is written for the user.
"""

from __future__ import annotations

import os


class StoreError(Exception):
    """Base class."""


class CorruptDataError(StoreError):
    """The data file cannot be read. It is never overwritten."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ReadOnlyError(StoreError):
    """An edit was refused because this session is read-only (another instance holds the lock, or
    the data was written by a newer Rebound)."""


class SaveError(StoreError):
    """A save failed (disk full, permission, I/O). The file on disk is intact and the change is kept
    in memory, to be retried with the next save."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"not saved: {reason}")


class ExternalChangeError(StoreError):
    """The data file changed on disk since it was loaded (a sync tool, a hand edit). Nothing was
    written; the user chooses reload or keep-both."""


# --------------------------------------------------------------------------- encryption (store.crypto)


class CryptoError(StoreError):
    """Something about the encrypted data or its keys; the message is written for the user and never
    holds a passphrase or a key."""


class LockedError(CryptoError):
    """The data is encrypted and no key was given (or it was dropped by the idle lock): nothing was
    read or changed."""


class WrongPassphraseError(CryptoError):
    """The passphrase (or key file) does not open the data. Nothing was changed."""


# --------------------------------------------------------------------------- the domain's rules


class RuleError(StoreError, ValueError):
    """A change or an input the domain's rules refuse. Nothing was changed; the message says why."""


class PipelineError(RuleError):
    """A move the board cannot make (the message says why, for the user)."""


class DateError(RuleError):
    """A date the user typed that we will not guess at; the message says what is accepted."""


class ImportFormatError(RuleError):
    """The file isn't a Connections.csv we can read (the message says why)."""


class RatingError(RuleError):
    """A 0-100 rating the user typed that is not one."""


class TemplateError(RuleError):
    """A change to a message template that is not allowed (a built-in one)."""


class OutreachError(RuleError):
    """A message action that does not apply (it was sent already)."""


class NotFoundError(StoreError, KeyError):
    """The record an action names no longer exists (deleted meanwhile)."""

    def __str__(self) -> str:  # KeyError quotes its argument; this message is for the user
        return str(self.args[0]) if self.args else "not found"
