"""What the Outreach actions answer: small values the screens turn into words (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path

from store.handoff import MAILTO_SAFE_LENGTH
from store.models import Draft

# ----------------------------------------------------------------------------- what dialogs answer


@dataclass(frozen=True)
class Recipients:
    """The contact picker's answer: contacts, or a free name (and address) when none was picked."""

    contact_ids: tuple[str, ...] = ()
    name: str = ""
    email: str = ""


@dataclass(frozen=True)
class ApplicationChoice:
    """The application picker's answer; ``application_id`` None means "no application"."""

    application_id: str | None


@dataclass(frozen=True)
class SentInfo:
    """The mark-sent dialog's answer: how and when it went out."""

    channel: str
    on: date


@dataclass(frozen=True)
class DraftClosed:
    """The draft editor's answer: the draft it saved, and whether it was put off ("sleep on it")."""

    draft_id: str
    put_off: bool = False


class FileFormat(Enum):
    TEXT = "txt"
    EML = "eml"


# ----------------------------------------------------------------------------- what actions return


@dataclass(frozen=True)
class NewDrafts:
    """Drafts started from a template: one to edit (not saved yet), or one per person, saved at once."""

    drafts: list[Draft]
    saved: bool


@dataclass(frozen=True)
class SavedFile:
    """A message saved to the exports folder, or why not (``path`` None, ``error`` says)."""

    path: Path | None
    error: str = ""
    has_address: bool = True


@dataclass(frozen=True)
class MailtoLink:
    link: str
    has_address: bool

    @property
    def too_long(self) -> bool:
        return len(self.link) > MAILTO_SAFE_LENGTH


@dataclass(frozen=True)
class Sent:
    """A draft marked sent: to whom, and the kind of message that usually comes next."""

    who: str
    next_kind: str | None


@dataclass(frozen=True)
class TemplateSaved:
    ok: bool
    error: str = ""
    #: The field the error is about ("name"), or "" for the text itself.
    field: str = ""


@dataclass(frozen=True)
class UnsentLetter:
    """A draft's words kept in the journal (``entry_id``); ``draft``: the draft, its template's text again."""

    entry_id: str
    draft: Draft


@dataclass(frozen=True)
class Entry:
    """Who and what a new message from another screen is about (unknown ids dropped)."""

    contact_ids: list[str] = field(default_factory=list)
    application_id: str | None = None

