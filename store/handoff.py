"""Handing a message to the user's mail or LinkedIn: files, ``.eml``, ``mailto:`` and ``$EDITOR``.

Rebound never sends anything itself. Exports go to ``<data dir>/exports/`` (0700), each file
written atomically and 0600, under a safe name built from the date, the kind and the recipient.
Text is stripped of terminal control characters on the way out.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email import policy
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

from . import clock
from .paths import EXPORT_DIR, ensure_private_dir, write_private
from .sanitize import clean_line, clean_text

#: mailto: links longer than this are cut short by some mail programs; we say so.
MAILTO_SAFE_LENGTH = 2_000

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EMAIL = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name fragment: ASCII letters, digits, ``.``, ``_`` and ``-`` only, no leading dot."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    name = _UNSAFE.sub("-", folded).strip("-._").lower()
    name = re.sub(r"\.{2,}", ".", re.sub(r"-{2,}", "-", name))[:limit].strip("-._")
    return name or "message"


def export_dir(data_dir: Path) -> Path:
    d = Path(data_dir) / EXPORT_DIR
    ensure_private_dir(d)
    return d


def unique_path(directory: Path, stem: str, suffix: str) -> Path:
    path = directory / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = directory / f"{stem}-{n}{suffix}"
        n += 1
    return path


def file_stem(kind: str, recipient: str, day: date | None = None) -> str:
    day = day or clock.today()
    return f"{day.isoformat()}-{safe_name(kind, 24)}-{safe_name(recipient, 40)}"


def plain_text(subject: str, body: str) -> str:
    body = clean_text(body)
    if not body.endswith("\n"):
        body += "\n"
    if subject:
        return f"Subject: {clean_line(subject)}\n\n{body}"
    return body


def save_text(data_dir: Path, *, kind: str, recipient: str, subject: str, body: str) -> Path:
    """Save the message as a ``.txt`` file in the exports folder (0600). Returns its path."""
    path = unique_path(export_dir(data_dir), file_stem(kind, recipient), ".txt")
    write_private(path, plain_text(subject, body).encode("utf-8"))
    return path


def is_email(address: str) -> bool:
    return bool(_EMAIL.match((address or "").strip()))


def eml_bytes(*, to_name: str = "", to_email: str = "", subject: str, body: str,
              recipients: list[tuple[str, str]] | None = None) -> bytes:
    """An unsent email (``X-Unsent: 1``: Outlook and others open it as a draft to send).

    ``recipients`` are (name, address) pairs; ``to_name``/``to_email`` is the one-recipient form.
    A recipient without a valid address keeps their name as an empty group (``"Jane Doe":;``)."""
    msg = EmailMessage(policy=policy.SMTP)
    people = recipients if recipients is not None else [(to_name, to_email)]
    parts: list[str] = []
    for raw_name, raw_addr in people:
        name, addr = clean_line(raw_name), clean_line(raw_addr)
        if is_email(addr):
            try:
                parts.append(str(Address(display_name=name, addr_spec=addr)))
                continue
            except (ValueError, IndexError, TypeError):
                pass
        if name:
            parts.append(str(Group(display_name=name)))
    if parts:
        msg["To"] = ", ".join(parts)
    msg["Subject"] = clean_line(subject)
    msg["Date"] = format_datetime(clock.now())
    msg["X-Unsent"] = "1"
    msg.set_content(clean_text(body) or "\n")
    return bytes(msg)


def save_eml(data_dir: Path, *, kind: str, subject: str, body: str, to_name: str = "", to_email: str = "",
             recipients: list[tuple[str, str]] | None = None) -> Path:
    label = to_name or to_email or (recipients[0][0] if recipients else "")
    path = unique_path(export_dir(data_dir), file_stem(kind, label), ".eml")
    write_private(path, eml_bytes(to_name=to_name, to_email=to_email, subject=subject, body=body,
                                  recipients=recipients))
    return path


def mailto(addresses: list[str], subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068): addresses, subject and body percent-encoded, CRLF line ends."""
    to = ",".join(quote(clean_line(a), safe="@") for a in addresses if is_email(clean_line(a)))
    params = []
    if subject:
        params.append("subject=" + quote(clean_line(subject), safe=""))
    if body:
        text = clean_text(body).replace("\r\n", "\n").replace("\n", "\r\n")
        params.append("body=" + quote(text, safe=""))
    return "mailto:" + to + ("?" + "&".join(params) if params else "")


# ----------------------------------------------------------------------------- $EDITOR


@dataclass
class EditorFile:
    path: Path
    original: str


@contextlib.contextmanager
def editor_file(text: str, suffix: str = ".txt") -> Iterator[EditorFile]:
    """A 0600 file in a private (0700) temporary directory holding ``text``; the directory and
    everything in it is deleted on exit, whatever happens (the editor may leave swap files)."""
    directory = tempfile.mkdtemp(prefix="rebound-edit-")
    try:
        os.chmod(directory, 0o700)
        path = Path(directory) / f"message{suffix}"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        yield EditorFile(path, text)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def read_back(ef: EditorFile) -> str | None:
    """What the editor left in the file, or ``None`` if it is gone or unreadable."""
    try:
        return ef.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


SUBJECT_HEADER = "Subject: "


def join_for_editor(subject: str | None, body: str) -> str:
    """Headers-and-body text for ``$EDITOR`` (a ``Subject:`` line only when the channel has one)."""
    if subject is None:
        return body
    return f"{SUBJECT_HEADER}{subject}\n\n{body}"


def split_from_editor(text: str, with_subject: bool) -> tuple[str | None, str]:
    """Undo :func:`join_for_editor` (lenient: a missing Subject line keeps the old subject)."""
    text = text.replace("\r\n", "\n")
    if not with_subject:
        return None, text
    first, sep, rest = text.partition("\n")
    if first.startswith(SUBJECT_HEADER.strip()):
        subject = first[len(SUBJECT_HEADER.strip()):].strip()
        if rest.startswith("\n"):
            rest = rest[1:]
        return subject, rest
    return None, text
