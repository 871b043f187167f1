"""What every importer shares: reading a file, decoding it, and the plan it returns."""

from __future__ import annotations

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


def read_bytes(path: str | Path, what: str = "file") -> bytes:
    """The file's bytes, with one-line errors (missing, a folder, too big, unreadable)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise ImportFormatError(f"No such file: {p}")
    if p.is_dir():
        raise ImportFormatError(f"{p} is a folder; give the path of the {what} inside it.")
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFormatError(f"{p} is {size / 1e6:.0f} MB; that is too big for a {what}.")
        return p.read_bytes()
    except PermissionError as exc:
        raise ImportFormatError(f"No permission to read {p}.") from exc
    except OSError as exc:
        raise ImportFormatError(f"Can't read {p}: {exc.strerror or exc}.") from exc


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
        return data.lstrip("\ufeff"), "text"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16", errors="replace"), "UTF-16"
    elif (guess := _looks_utf16(data)) is not None:
        text, enc = data.decode(guess, errors="replace"), "UTF-16"
    else:
        try:
            text, enc = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            text, enc = data.decode("cp1252", errors="replace"), "Windows-1252"
    return text.lstrip("\ufeff").replace("\x00", ""), enc


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
