"""The one way Rebound shows user text: as literal :class:`~textual.content.Content`, never markup.

In Textual, a plain ``str`` handed to ``Static``, ``Label``, ``notify``, ``OptionList`` and friends is
parsed as markup: ``[/]`` crashes the app and ``[@click=app.quit]`` becomes a live action. Escaping
is not enough (an unclosed ``[/`` still raises). So user text goes through :func:`literal`, and
styled lines through :func:`styled`, whose ``$variables`` are substituted without being parsed.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content


def literal(text: object) -> Content:
    """User text as inert content."""
    return Content("" if text is None else str(text))


def styled(template: str, **values: object) -> Content:
    """Our own markup with user values in ``$name`` slots (the values are never parsed)."""
    return Content.from_markup(template, **{k: ("" if v is None else str(v)) for k, v in values.items()})


def cell(text: object, style: str = "") -> Text:
    """A DataTable cell: Rich ``Text``, which DataTable does not parse as markup."""
    return Text("" if text is None else str(text), style=style, no_wrap=True, overflow="ellipsis")


def clip(text: object, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis."""
    s = "" if text is None else str(text).replace("\n", " ")
    if width <= 0:
        return ""
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"
