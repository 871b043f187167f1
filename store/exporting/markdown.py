"""CommonMark escaping of user text, so a journal export shows exactly what was typed.

Every ASCII punctuation character that can start markup is backslash-escaped (CommonMark lets any
ASCII punctuation be escaped, and the escape always renders as the character itself): ``\\ ` * _
[ ] < > # ! | ~ &``. At the start of a line, list and quote markers, setext underlines and ordered
list numbers (``-``, ``+``, ``=``, ``1.``, ``2)``) are escaped too. So a body holding ``# Title``,
``<script>``, ``<img onerror=…>``, ``---`` or ``[x](y)`` renders as that text: no heading, no HTML
block or inline HTML, no link, no list.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>#!|~&])")
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d{1,9}(?=[.)]))", re.MULTILINE)


def _start(m: re.Match[str]) -> str:
    indent, marker = m.group(1), m.group(2)
    if marker.isdigit():
        return f"{indent}{marker}\\"  # "1." → "1\." (the escape goes before the dot)
    return f"{indent}\\{marker}"


def escape(text: str) -> str:
    """Escape text (one line or many) so CommonMark renders it literally."""
    if not text:
        return text
    out = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_start, out)


def table_cell(text: str) -> str:
    """A table cell: escaped, one line (line breaks become spaces)."""
    return escape(" ".join(text.split()))
