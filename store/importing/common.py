"""What every importer shares: reading a file, decoding it, and the plan it returns."""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..models import Record

R = TypeVar("R", bound=Record)

#: Largest file an import reads (a spreadsheet of every application of a long search is far smaller).
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Key in a record's ``extra`` holding where it came from ("huntr:123", "vcard:<uid>"): re-imports
#: match on it before anything else.
IMPORT_REF = "import_ref"


class ImportFormatError(ValueError):
    """The file can't be imported at all (the message says why, in one line)."""


def read_bytes(path: str | Path, what: str = "file", *, limit: int = MAX_FILE_BYTES,
               too_big: str = "") -> bytes:
    """The file's bytes, with one-line errors (missing, a folder, not a regular file, too big,
    unreadable).

    Reads at most ``limit`` bytes whatever the file claims: ``/dev/zero`` or a file that grows while
    it is read can't exhaust memory. Only regular files are read: a FIFO, a device or a socket is
    refused without blocking (it is opened non-blocking and checked before anything is read).
    ``too_big`` replaces the size hint in the message ("a Connections.csv is a few MB at most").
    """
    p = Path(path).expanduser()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise ImportFormatError(f"No such file: {p}") from None
    except IsADirectoryError:
        raise ImportFormatError(f"{p} is a folder; give the path of the {what} inside it.") from None
    except PermissionError as exc:
        raise ImportFormatError(f"No permission to read {p}.") from exc
    except OSError as exc:
        raise ImportFormatError(f"Can't read {p}: {exc.strerror or exc}.") from exc
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ImportFormatError(f"{p} is a folder; give the path of the {what} inside it.")
        if not stat.S_ISREG(st.st_mode):
            raise ImportFormatError(f"{p} is not a regular file ({_kind(st.st_mode)}); save the {what} "
                                    "as a file and import that.")
        hint = too_big or f"that is too big for a {what}"
        if st.st_size > limit:
            raise ImportFormatError(f"{p} is {st.st_size / 1e6:.0f} MB; {hint}.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ImportFormatError(f"{p} is more than {limit / 1e6:.0f} MB; {hint}.")
        return b"".join(chunks)
    except PermissionError as exc:
        raise ImportFormatError(f"No permission to read {p}.") from exc
    except OSError as exc:
        raise ImportFormatError(f"Can't read {p}: {exc.strerror or exc}.") from exc
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: every other byte of ASCII text is NUL."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def decode(data: bytes | str) -> tuple[str, str]:
    """(text, encoding name): UTF-8 with or without a BOM, UTF-16 (with a BOM or without), else
    Windows-1252 (what Excel on Windows writes)."""
    if isinstance(data, str):
        return normalize_newlines(data.lstrip("\ufeff")), "text"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16", errors="replace"), "UTF-16"
    elif (guess := _looks_utf16(data)) is not None:
        text, enc = data.decode(guess, errors="replace"), "UTF-16"
    else:
        try:
            text, enc = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            text, enc = data.decode("cp1252", errors="replace"), "Windows-1252"
    return normalize_newlines(text.lstrip("\ufeff").replace("\x00", "")), enc


def normalize_newlines(text: str) -> str:
    """Old Mac line endings (CR only, no LF anywhere) as LF, so every reader sees lines; a file with
    LF or CRLF endings is left exactly as it is (a CR inside a quoted cell stays)."""
    if "\r" in text and "\n" not in text:
        return text.replace("\r", "\n")
    return text


def fold(text: str) -> str:
    """Case-, accent- and space-insensitive form of a name (for matching, never for storing)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().split())


@dataclass(slots=True)
class Skipped:
    """A row left out, and why (the CLI prints one line per row)."""

    line: int
    name: str
    reason: str

    def describe(self) -> str:
        who = f" ({self.name})" if self.name else ""
        where = f"line {self.line}" if self.line else "entry"
        return f"{where}{who}: {self.reason}"


@dataclass
class Update(Generic[R]):
    before: R
    after: R
    what: list[str]
    line: int = 0


@dataclass
class ImportPlan(Generic[R]):
    """What an import would do; nothing is saved until the caller applies it in one write."""

    noun: str = "record"
    added: list[R] = field(default_factory=list)
    updated: list[Update[R]] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated)

    def counts_line(self) -> str:
        return (f"{len(self.added):,} added, {len(self.updated):,} updated, {self.unchanged:,} unchanged, "
                f"{len(self.skipped):,} skipped")

    def summary_lines(self, label: Callable[[R], str], limit: int = 20) -> list[str]:
        """The preview: counts, the first rows of each kind, one line per skipped row, notes."""
        out = [f"{self.rows:,} {self.noun}(s) read: {self.counts_line()}."]
        out += _listed("Added", [f"+ {label(r)}" for r in self.added], limit)
        out += _listed("Updated", [f"~ {label(u.after)}: {'; '.join(u.what)}" for u in self.updated], limit)
        out += _listed("Skipped", [f"- {s.describe()}" for s in self.skipped], max(limit, 200))
        out += [f"Note: {n}" for n in self.notes[:limit]]
        if len(self.notes) > limit:
            out.append(f"Note: … and {len(self.notes) - limit:,} more")
        return out


def _listed(title: str, lines: Sequence[str], limit: int) -> list[str]:
    if not lines:
        return []
    out = [f"{title}:"] + [f"  {line}" for line in lines[:limit]]
    if len(lines) > limit:
        out.append(f"  … and {len(lines) - limit:,} more")
    return out
