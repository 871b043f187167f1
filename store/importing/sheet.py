"""Reading a spreadsheet's CSV export whatever it looks like.

* Encoding: UTF-8 with or without a BOM, UTF-16, Windows-1252 (:func:`.common.decode`).
* Separator: ``,``, ``;`` (Excel in most of Europe), tab or ``|``, sniffed from the rows' shape;
  Excel's ``sep=;`` first line is honoured.
* The header row may sit under a title, notes or blank lines: it is found by its content (the
  caller says what a header looks like), never by a fixed count.
* A row the exporting tool wrapped whole in quotes (one cell holding every value) is unwrapped.
* A row that can't be read is skipped with its line number; the rest is still read.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .common import ImportFormatError, Skipped, decode

DELIMITERS = (",", ";", "\t", "|")
HEADER_SCAN_ROWS = 60
SNIFF_ROWS = 40


@dataclass(slots=True)
class SheetRow:
    line: int
    cells: list[str]


@dataclass
class Sheet:
    headers: list[str]
    rows: list[SheetRow] = field(default_factory=list)
    header_line: int = 1
    delimiter: str = ","
    encoding: str = "UTF-8"
    skipped: list[Skipped] = field(default_factory=list)

    def column(self, index: int) -> list[str]:
        return [r.cells[index] if index < len(r.cells) else "" for r in self.rows]


def _records(text: str, delimiter: str) -> tuple[list[SheetRow], list[Skipped]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[SheetRow] = []
    bad: list[Skipped] = []
    prev_end = 0
    while True:
        start = prev_end + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            prev_end = reader.line_num
            bad.append(Skipped(start, "", f"unreadable row ({exc})"))
            continue
        prev_end = reader.line_num
        rows.append(SheetRow(start, cells))
    return rows, bad


def sniff_delimiter(text: str) -> str:
    """The separator that gives the most rows of one consistent width (over one column)."""
    sample = "\n".join(text.split("\n")[:SNIFF_ROWS * 3])
    best, best_score = ",", 0
    for d in DELIMITERS:
        if d not in sample:
            continue
        rows, _bad = _records(sample, d)
        widths = Counter(len(r.cells) for r in rows[:SNIFF_ROWS] if any(c.strip() for c in r.cells))
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda kv: (kv[1] * (kv[0] > 1), kv[0]))
        score = count * (width > 1)
        if score > best_score:
            best, best_score = d, score
    return best


def unwrap(cells: list[str], width: int, delimiter: str) -> list[str]:
    """A row quoted whole (``"Ana,Almeida,…"``) read as one cell: split it into its values."""
    if len(cells) == 1 and width > 1 and delimiter in cells[0]:
        try:
            inner = next(csv.reader([cells[0]], delimiter=delimiter))
        except (csv.Error, StopIteration):
            return cells
        if len(inner) > 1:
            return inner
    return cells


def read_sheet(data: bytes | str, is_header: Callable[[list[str]], bool], what: str = "spreadsheet") -> Sheet:
    """Read a CSV export. ``is_header`` tells a header row from the rows above it; without one the
    first row with two or more values is the header. Raises :class:`ImportFormatError` when the file
    holds no table at all."""
    text, encoding = decode(data)
    delimiter = ""
    first, _, rest = text.partition("\n")
    if first.strip().casefold().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest
    delimiter = delimiter or sniff_delimiter(text)
    rows, bad = _records(text, delimiter)
    header_at = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if is_header(row.cells):
            header_at = i
            break
    if header_at is None:
        header_at = next((i for i, r in enumerate(rows[:HEADER_SCAN_ROWS])
                          if sum(1 for c in r.cells if c.strip()) >= 2), None)
    if header_at is None:
        raise ImportFormatError(f"No table found: this doesn't look like a {what} saved as CSV.")
    header = rows[header_at]
    headers = [h.strip().lstrip("\ufeff") for h in header.cells]
    sheet = Sheet(headers=headers, header_line=header.line, delimiter=delimiter, encoding=encoding)
    sheet.skipped = [b for b in bad if b.line > header.line]
    width = len(headers)
    for row in rows[header_at + 1:]:
        cells = unwrap(row.cells, width, delimiter)
        if not any(c.strip() for c in cells):
            continue
        sheet.rows.append(SheetRow(row.line, cells))
    return sheet
