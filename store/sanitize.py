"""Cleaning user text on the way in (and again on export).

User text is data. Terminal control characters in it would reach the terminal (an OSC 52 payload
rewrites the clipboard, OSC 0 the window title, CSI clears the screen) and bidi overrides spoof what
a name looks like, so they are removed before anything is stored or written out.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except TAB (\x09) and LF (\x0a); DEL; C1 controls; bidi embeddings/overrides/isolates.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A whole escape sequence, so its payload goes too, not just the ESC byte:
# CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS (ESC ] ... BEL or ST), and two-byte ESC x.
_ESCAPE_SEQ_RE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|(?=\n)|$)"  # OSC/DCS/SOS/PM/APC to BEL/ST (or line end)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x9c|(?=\n)|$)"  # 8-bit DCS/SOS/OSC/PM/APC
    r"|\x1b[@-_]?",  # any other ESC (with its next byte)
    re.DOTALL,
)

#: Longest text a single-line input accepts (a name, a company, a URL); the UI enforces it visibly.
MAX_LINE = 2_000
#: Longest multi-line text an editor accepts; the UI enforces it visibly. The store never truncates.
MAX_TEXT = 200_000


def clean_text(value: object, *, multiline: bool = True, limit: int | None = None) -> str:
    """Return ``value`` as safe plain text.

    Removes escape sequences with their payloads, control characters (keeping tab and newline when
    ``multiline``), and bidi overrides; normalises line ends and Unicode (NFC). Never raises, and
    never shortens the text unless ``limit`` is given (losing a user's words silently is worse).
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return text
    if not text.isprintable():  # a fast path: printable text has no controls and no bidi marks
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _ESCAPE_SEQ_RE.sub("", text)
        text = _CONTROL_RE.sub("", text)
        if not multiline:
            text = text.replace("\n", " ").replace("\t", " ")
    text = unicodedata.normalize("NFC", text)
    if limit is not None and len(text) > limit:
        text = text[:limit]
    return text


def clean_line(value: object, limit: int | None = None) -> str:
    """A single-line field: like :func:`clean_text` but newlines and tabs become spaces."""
    return clean_text(value, multiline=False, limit=limit).strip()
