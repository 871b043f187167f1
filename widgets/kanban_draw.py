"""How the kanban draws a line: plain functions from cards and a column's scroll state to rich
segments, so they can be tested (hostile text, widths) without running an app.

User text is drawn as plain segments (never parsed as markup) with control characters and bidi
overrides removed by :func:`flat`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

#: Lines per card: title, subtitle, status line, and one blank line between cards.
CARD_HEIGHT = 4
#: Lines above the cards: the column header and the rule with the scroll counts.
HEADER_HEIGHT = 2

#: A component class name (``kanban--title``…) to its style.
StyleOf = Callable[[str], Style]

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def flat(text: object) -> str:
    """One line of user text, safe for the terminal: control characters and newlines removed."""
    s = "" if text is None else str(text)
    if not s.isprintable():
        s = _UNSAFE.sub(" ", s)
    return s


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if len(text) > width * 4:
        text = text[: width * 4]
    w = cell_len(text)
    if w <= width:
        return text + " " * (width - w)
    return set_cell_size(text, width - 1) + "…"


@dataclass(frozen=True)
class Card:
    """What a card shows. ``meta`` is the status line: (text, kind) pieces, most important first;
    kind is one of ``""``, ``dim``, ``warn``, ``quiet``, ``good``, ``star``. Pieces that do not fit
    are dropped from the end. ``muted`` dims the whole card (closed cards)."""

    id: str
    title: str
    subtitle: str = ""
    meta: tuple[tuple[str, str], ...] = ()
    muted: bool = False


@dataclass(frozen=True)
class ColumnView:
    """One column as the kanban sees it while drawing a line."""

    label: str
    cards: Sequence[Card]
    #: the first card on screen, the cursor's card, and how many cards fit
    top: int = 0
    row: int = 0
    page: int = 1
    current: bool = False
    focused: bool = False
    #: ``◂``/``▸``: more columns off to that side
    more_left: bool = False
    more_right: bool = False
    empty_text: str = "(empty)"


def column_line(col: ColumnView, width: int, y: int, base: Style, style: StyleOf) -> list[Segment]:
    """Line ``y`` of one column, exactly ``width`` cells."""
    cards = col.cards
    if y == 0:
        left = "◂ " if col.more_left else ""
        right = " ▸" if col.more_right else ""
        mark = "▸ " if col.current else "  "
        text = f"{left}{mark}{flat(col.label)} {len(cards)}"
        head = base + style("kanban--header-current" if col.current else "kanban--header")
        return [Segment(fit(text, max(0, width - cell_len(right))) + right, head)]
    if y == 1:
        up = f"↑{col.top}" if col.top > 0 else ""
        below = len(cards) - (col.top + col.page)
        down = f"↓{below}" if below > 0 else ""
        fill = max(0, width - cell_len(up) - cell_len(down))
        return [Segment(fit(up + "─" * fill + down, width), base + style("kanban--rule"))]
    offset = y - HEADER_HEIGHT
    i = col.top + offset // CARD_HEIGHT
    line = offset % CARD_HEIGHT
    if not cards:
        if offset == 0:
            return [Segment(fit(" " + flat(col.empty_text), width), base + style("kanban--empty"))]
        return [Segment(" " * width, base)]
    if i >= len(cards) or line == CARD_HEIGHT - 1:
        return [Segment(" " * width, base)]
    return card_line(cards[i], line, width, base, style, selected=col.current and i == col.row,
                     focused=col.focused)


def card_line(card: Card, line: int, width: int, base: Style, style: StyleOf, *, selected: bool,
              focused: bool) -> list[Segment]:
    """Line ``line`` (0 title, 1 subtitle, 2 status) of a card: the cursor mark, the text, a gap."""
    bg = base
    if selected:
        bg = base + style("kanban--cursor" if focused else "kanban--cursor-blur")
    marker = Segment("▌" if selected else " ", bg)
    inner = max(0, width - 2)
    muted = style("kanban--muted") if card.muted else Style()
    if line == 0:
        body = [Segment(fit(flat(card.title), inner), bg + style("kanban--title") + muted)]
    elif line == 1:
        body = [Segment(fit(flat(card.subtitle), inner), bg + style("kanban--subtitle") + muted)]
    else:
        body = meta_segments(card, inner, bg, style)
    return [marker, *body, Segment(" ", bg)]


def meta_segments(card: Card, width: int, bg: Style, style: StyleOf) -> list[Segment]:
    """The status line: pieces that fit, most important first; the first always shows (cut)."""
    out: list[Segment] = []
    used = 0
    for piece, kind in card.meta:
        text = flat(piece)
        if not text:
            continue
        need = cell_len(text) + (1 if out else 0)
        if used + need > width:
            if not out:  # the first piece always shows, cut if it must
                out.append(Segment(fit(text, width), bg + kind_style(kind, style)))
                used = width
            break
        if out:
            out.append(Segment(" ", bg))
        out.append(Segment(text, bg + kind_style(kind, style)))
        used += need
    if used < width:
        out.append(Segment(" " * (width - used), bg))
    return out


KINDS = frozenset({"dim", "warn", "quiet", "good", "star", "muted"})


def kind_style(kind: str, style: StyleOf) -> Style:
    return style(f"kanban--{kind}") if kind in KINDS else Style()
