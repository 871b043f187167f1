"""The contacts list: a line-API table (a ``ScrollView`` with ``render_line``).

It takes plain values — one :class:`ContactLine` per row, already worded — and draws only the
lines on screen, so 2,000 contacts cost what the visible twenty cost; replacing every row (a
search keystroke) is a list assignment. (A stock DataTable measures and stores every cell on each
refill: a quarter of a second per keystroke at 2,000 rows.)

User text is drawn as plain segments, never parsed as markup, so a name like ``[/]`` shows as
typed. The state column is a badge of a symbol and words (``● reach out``), so it reads without
colour; colour only adds to it. The words never speak of people as a debt ("overdue", "late"): the
state names stay the store's, the words shown are :data:`STATE_WORDS`. The header stays on the first
line while the rows scroll.

Keys: ``j``/``k``/arrows, page up/down, ``g``/``G``/home/end; enter posts :class:`Selected`;
every cursor move posts :class:`Highlighted`. A click moves the cursor; a click on the current
row selects it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.color import ColorParseError
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from widgets.usertext import safe
from widgets.virtual_size import set_virtual_size

log = logging.getLogger("rebound")

#: Symbol and colour (a theme colour name, or "dim") of each state's badge. Never red: a person is
#: never a debt.
BADGES = {
    "overdue": ("◆", "primary"),
    "due": ("●", "primary"),
    "due soon": ("◔", "dim"),
    "ok": ("✓", "success"),
    "snoozed": ("z", "dim"),
    "paused": ("‖", "dim"),
    "no cadence": ("–", "dim"),
    "archived": ("▫", "dim"),
    "do not contact": ("⊘", "dim"),
}
#: The words beside each state's symbol: a good moment to reach out (``due``), to reconnect after a
#: long while (``overdue``), soon (``due soon``); never "due" or "overdue" for a person.
STATE_WORDS = {
    "overdue": "reconnect",
    "due": "reach out",
    "due soon": "this week",
    "ok": "in touch",
    "do not contact": "do not contact",
}
#: Shorter words where the column is narrow.
SHORT_WORDS = {"do not contact": "no contact"}


def state_words(state: str) -> str:
    """What a state is called on screen."""
    return STATE_WORDS.get(state, state)


#: How many drawn rows :class:`ContactsTable` keeps (a few screens' worth).
STRIPS_KEPT = 512


class ContactLine(NamedTuple):
    key: str
    state: str
    name: str
    company: str
    role: str
    cadence: str
    last_touch: str
    due: str
    reason: str
    marked: bool = False


# (key, label, minimum width)
COLUMNS = [
    ("state", "State", 12),
    ("name", "Name", 12),
    ("company", "Company", 10),
    ("role", "Role", 11),
    ("cadence", "Every", 5),
    ("last", "Last", 7),
    ("due", "Next", 7),
    ("reason", "Why now", 30),
]
_FIXED = sum(w for k, _l, w in COLUMNS if k != "reason")
GAP = 2
#: How much wider than its minimum the name may grow when the reason is left out.
NAME_EXTRA = 12
#: The mark beside a contact marked for a shared touch (space); never a state's symbol.
MARK = "*"


def _clip(text: str, width: int) -> str:
    """Exactly ``width`` cells (ASCII is sliced; anything else is measured, wide glyphs count 2)."""
    text = safe(text).replace("\n", " ")
    if text.isascii():
        if len(text) > width:
            return text[: max(0, width - 1)] + "…"
        return text.ljust(width)
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…"
    return set_cell_size(text, width)


def widths_for(total: int) -> dict[str, int]:
    """Column widths for ``total`` cells (and ``gap``, the spaces between columns): the fixed columns
    at their minimum, then the reason when at least its minimum fits, extra to name and company, the
    rest to the reason. Without the reason (the screen's hint line says it), one space between
    columns and the room goes to the names first: they are what people look for."""
    widths = {k: w for k, _l, w in COLUMNS}
    widths["gap"] = GAP
    spare = total - 2 - GAP * (len(COLUMNS) - 2) - _FIXED  # the mark column and a right margin
    if spare < widths["reason"] + GAP:
        widths["reason"] = 0
        widths["gap"] = 1
        spare = total - 2 - (len(COLUMNS) - 2) - _FIXED
        name_extra = max(0, min(spare, NAME_EXTRA))
        widths["name"] += name_extra
        widths["company"] += max(0, min(spare - name_extra, 10))
        return widths
    spare -= widths["reason"] + GAP
    name_extra = min(spare // 3, 12)
    company_extra = min((spare - name_extra) // 3, 10)
    widths["name"] += name_extra
    widths["company"] += company_extra
    widths["reason"] += spare - name_extra - company_extra
    return widths


class ContactsTable(ScrollView, can_focus=True):
    """Rows of contacts with a cursor."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="contacts.list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="contacts.list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="contacts.list.pagedown"),
        Binding("pageup", "page_up", "Page up", show=False, id="contacts.list.pageup"),
        Binding("home", "first", "First", show=False, id="contacts.list.first"),
        Binding("end", "last", "Last", show=False, id="contacts.list.last"),
        Binding("enter", "select", "Open", show=False, id="contacts.list.open"),
    ]

    COMPONENT_CLASSES = {"contacts-table--header", "contacts-table--cursor", "contacts-table--marked"}

    DEFAULT_CSS = """
    ContactsTable { width: 1fr; height: 1fr; scrollbar-size-vertical: 1; overflow-x: hidden; background: $surface; }
    ContactsTable > .contacts-table--header { text-style: bold; background: $panel; color: $foreground; }
    ContactsTable > .contacts-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    ContactsTable:blur > .contacts-table--cursor {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    ContactsTable > .contacts-table--marked { text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, table: ContactsTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> ContactsTable:
            return self.table

    class Selected(Message):
        def __init__(self, table: ContactsTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> ContactsTable:
            return self.table

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lines: list[ContactLine] = []
        self._index: dict[str, int] = {}
        self._widths = widths_for(80)
        self._width = 0
        self._badge_styles: dict[str, Style] = {}
        #: (line, on the cursor, width, style) → its strip: a line drawn once is not built again while
        #: its text and look are the same (a log changes one row; the list is redrawn whole)
        self._strips: dict[tuple[ContactLine, bool, int, Style], Strip] = {}

    # -- data

    @property
    def row_count(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> list[ContactLine]:
        return self._lines

    @property
    def current_key(self) -> str | None:
        if 0 <= self.cursor < len(self._lines):
            return self._lines[self.cursor].key
        return None

    def set_lines(self, lines: Sequence[ContactLine], keep: str | None = None,
                  position: int | None = None) -> None:
        """Replace every row. The cursor goes to ``position`` when given (the next contact moves up
        into it after one was dealt with), else stays on ``keep`` (or the current contact) when
        still listed, else on the same position."""
        keep = keep if keep is not None else self.current_key
        old_cursor = self.cursor
        self._lines = list(lines)
        self._index = {line.key: i for i, line in enumerate(self._lines)}
        # a filter keystroke's new row count: no layout pass of the screen (see widgets.virtual_size)
        set_virtual_size(self, Size(self._width or self.size.width, len(self._lines) + 1))
        if position is not None:
            target = position
        elif keep and keep in self._index:
            target = self._index[keep]
        else:
            target = old_cursor if keep else 0
        self._move(target, force=True)
        self.refresh()

    def update_line(self, line: ContactLine) -> None:
        """Redraw one row in place (marking a contact, say)."""
        i = self._index.get(line.key)
        if i is None:
            return
        self._lines[i] = line
        self.refresh()

    def select_key(self, key: str) -> bool:
        i = self._index.get(key)
        if i is None:
            return False
        self._move(i)
        return True

    # -- cursor

    def _move(self, row: int, force: bool = False) -> None:
        row = max(0, min(row, len(self._lines) - 1)) if self._lines else 0
        changed = row != self.cursor
        self.set_reactive(ContactsTable.cursor, row)
        self._scroll_to_cursor()
        self.refresh()
        if changed or force:
            self.post_message(self.Highlighted(self, self.current_key))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_page_down(self) -> None:
        self._move(self.cursor + max(1, self.scrollable_content_region.height - 2))

    def action_page_up(self) -> None:
        self._move(self.cursor - max(1, self.scrollable_content_region.height - 2))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._lines) - 1)

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: Click) -> None:
        if event.y < 1:
            return
        row = int(self.scroll_y) + event.y - 1
        if 0 <= row < len(self._lines):
            if row == self.cursor:
                self.action_select()
            else:
                self._move(row)

    # -- drawing

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._widths = widths_for(width)
            self.virtual_size = Size(width, len(self._lines) + 1)
        self._scroll_to_cursor()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._badge_styles.clear()
        self._strips.clear()

    def _badge_style(self, colour: str) -> Style:
        style = self._badge_styles.get(colour)
        if style is None:
            if colour == "dim":
                style = Style(dim=True)
            else:
                theme = getattr(self.app, "current_theme", None)
                value = getattr(theme, colour, None) if theme is not None else None
                try:
                    style = Style(color=str(value), bold=colour in ("error", "warning")) if value else Style()
                except ColorParseError:  # a theme colour Rich can't read: the badge goes uncoloured
                    log.warning("contacts table: theme colour %r for %s not readable", str(value), colour)
                    style = Style()
            self._badge_styles[colour] = style
        return style

    def _header_segments(self, base: Style) -> list[Segment]:
        w = self._widths
        segs = [Segment(" ", base)]
        for key, label, _min in COLUMNS:
            if not w[key]:
                continue
            segs.append(Segment(_clip(label, w[key]) + " " * w["gap"], base))
        return segs

    def _row_segments(self, line: ContactLine, base: Style, on_cursor: bool) -> list[Segment]:
        w = self._widths
        symbol, colour = BADGES.get(line.state, ("·", "dim"))
        words = state_words(line.state)
        words = words if len(words) + 2 <= w["state"] else SHORT_WORDS.get(line.state, words)
        badge_style = base if on_cursor else base + self._badge_style(colour)
        name_style = base + Style(bold=True) if line.marked else base
        gap = " " * w["gap"]
        segs = [
            Segment(MARK if line.marked else " ", name_style),
            Segment(_clip(f"{symbol} {words}", w["state"]), badge_style),
            Segment(gap, base),
            Segment(_clip(line.name, w["name"]) + gap, name_style),
            Segment(_clip(line.company, w["company"]) + gap, base),
            Segment(_clip(line.role, w["role"]) + gap, base),
            Segment(_clip(line.cadence, w["cadence"]) + gap, base),
            Segment(_clip(line.last_touch, w["last"]) + gap, base),
            Segment(_clip(line.due, w["due"]), base),
        ]
        if w["reason"]:
            segs += [Segment(gap, base), Segment(_clip(line.reason, w["reason"]), base + Style(italic=True))]
        return segs

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = self.get_component_rich_style("contacts-table--header")
            return Strip(self._header_segments(base + style)).adjust_cell_length(width, base + style)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._lines):
            return Strip.blank(width, base)
        on_cursor = row == self.cursor
        style = base + self.get_component_rich_style("contacts-table--cursor") if on_cursor else base
        line = self._lines[row]
        key = (line, on_cursor, width, style)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > STRIPS_KEPT:
                self._strips.clear()
            strip = self._strips[key] = Strip(self._row_segments(line, style, on_cursor)).adjust_cell_length(
                width, style)
        return strip
