"""The one way Rebound shows user text: as literal :class:`~textual.content.Content`, never markup.

In Textual, a plain ``str`` handed to ``Static``, ``Label``, ``notify``, ``OptionList`` and friends is
parsed as markup: ``[/]`` crashes the app and ``[@click=app.quit]`` becomes a live action. Escaping
is not enough (an unclosed ``[/`` still raises). So user text goes through :func:`literal` (or
:func:`cell` in a table); our own styled lines use ``Content.from_markup("[b]$name[/b]", name=safe(text))``,
whose ``$variables`` are substituted without being parsed.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content

# Terminal escape sequences (CSI, OSC, DCS/PM/APC strings, single ESC + char) and the control and
# bidi-override characters left after them. Text is cleaned on the way into the store too; this is
# the display side, for text that reaches a widget another way (a hand-edited or synced data file,
# a restored backup, a lock file's host name). Only \n and \t are kept.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"               # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC / DCS / SOS / PM / APC
    r"|\x9b[0-?]*[ -/]*[@-~]"                 # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit string controls
    r"|\x1b[@-_]?"                           # any other ESC
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """User text with terminal escape sequences and control characters removed (\\n and \\t kept)."""
    s = "" if text is None else str(text)
    if s.isprintable():
        return s
    return _CONTROLS.sub("", _ESCAPES.sub("", s))


def inert(text: str) -> str:
    """Like :func:`safe` but keeping every offset: each control character (ESC included) becomes
    U+FFFD, so spans computed on the original text still line up."""
    if text.isprintable():
        return text
    return _CONTROLS.sub("\ufffd", text)


def literal(text: object) -> Content:
    """User text as inert content."""
    return Content(safe(text))


def cell(text: object, style: str = "") -> Text:
    """A DataTable cell: Rich ``Text``, which DataTable does not parse as markup."""
    return Text(safe(text).replace("\n", " "), style=style, no_wrap=True, overflow="ellipsis")


def clip(text: object, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis."""
    s = safe(text).replace("\n", " ")
    if width <= 0:
        return ""
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"
