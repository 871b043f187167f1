"""A kanban drawn line by line: columns of cards, virtualised.

The widget takes plain values: a list of columns (key, label) and, per column, a ``Sequence`` of
:class:`Card`. It only ever asks a sequence for its length and for the cards on screen, so a column
can hold ten thousand cards built lazily by the caller; drawing cost follows what is visible.

When the terminal is too narrow for every column at a readable width, it shows a window of columns
that follows the cursor (``◂``/``▸`` in the header say more columns are off to that side). Each
column scrolls on its own; ``↑3``/``↓12`` in the rule under the header count the cards out of view.

Keys: ``h``/``l`` (and arrows) change column, ``j``/``k`` (and arrows) move within it, ``home``/
``end``/``pageup``/``pagedown``, ``enter`` opens. Mouse: click selects, double-click opens, the
wheel scrolls the column under the pointer. It posts :class:`Kanban.CursorMoved` and
:class:`Kanban.Opened`; it never changes data.

User text is drawn as plain segments (never parsed as markup) with control characters removed
(:mod:`widgets.kanban_draw` draws each line).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from widgets.kanban_draw import CARD_HEIGHT, HEADER_HEIGHT, Card, ColumnView, column_line

__all__ = ["CARD_HEIGHT", "HEADER_HEIGHT", "Card", "Kanban"]

#: The narrowest column worth showing; below it, fewer columns are shown at once.
MIN_COLUMN_WIDTH = 20

class Kanban(Widget, can_focus=True):
    """Columns of cards with a cursor (see the module docstring)."""

    DEFAULT_CSS = """
    Kanban {
        height: 1fr;
        background: $background;
        color: $foreground;
    }
    Kanban > .kanban--header { color: $foreground; text-style: bold; background: $panel; }
    Kanban > .kanban--header-current {
        color: $block-cursor-foreground; background: $block-cursor-background; text-style: bold;
    }
    Kanban > .kanban--rule { color: $foreground 45%; }
    Kanban > .kanban--title { text-style: bold; }
    Kanban > .kanban--subtitle { color: $foreground 75%; }
    Kanban > .kanban--dim { color: $foreground 60%; }
    Kanban > .kanban--warn { color: $warning; text-style: bold; }
    Kanban > .kanban--quiet { color: $secondary; text-style: italic; }
    Kanban > .kanban--good { color: $success; text-style: bold; }
    Kanban > .kanban--star { color: $accent; }
    Kanban > .kanban--muted { color: $foreground 55%; }
    Kanban > .kanban--cursor { background: $block-cursor-background; }
    Kanban > .kanban--cursor-blur { background: $block-cursor-blurred-background; }
    Kanban > .kanban--empty { color: $foreground 50%; text-style: italic; }
    """

    COMPONENT_CLASSES = {
        "kanban--header", "kanban--header-current", "kanban--rule", "kanban--title", "kanban--subtitle",
        "kanban--dim", "kanban--warn", "kanban--quiet", "kanban--good", "kanban--star", "kanban--muted",
        "kanban--cursor", "kanban--cursor-blur", "kanban--empty",
    }

    BINDINGS = [
        Binding("h,left", "column(-1)", "Column left", show=False, id="kanban.column_left"),
        Binding("l,right", "column(1)", "Column right", show=False, id="kanban.column_right"),
        Binding("j,down", "card(1)", "Next card", show=False, id="kanban.card_down"),
        Binding("k,up", "card(-1)", "Previous card", show=False, id="kanban.card_up"),
        Binding("home", "edge(-1)", "First card", show=False, id="kanban.first"),
        Binding("end", "edge(1)", "Last card", show=False, id="kanban.last"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="kanban.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="kanban.page_up"),
        Binding("enter", "open", "Open", show=False, id="kanban.open"),
    ]

    class CursorMoved(Message):
        """The cursor is on another card (``card_id`` is None in an empty column)."""

        def __init__(self, column: str, card_id: str | None, index: int) -> None:
            super().__init__()
            self.column, self.card_id, self.index = column, card_id, index

    class Opened(Message):
        """``enter`` or a double-click on a card."""

        def __init__(self, column: str, card_id: str) -> None:
            super().__init__()
            self.column, self.card_id = column, card_id

    def __init__(self, columns: Sequence[tuple[str, str]] = (), *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._columns: list[tuple[str, str]] = list(columns)
        self._cards: dict[str, Sequence[Card]] = {key: () for key, _ in self._columns}
        self._rows: dict[str, int] = {key: 0 for key, _ in self._columns}
        self._tops: dict[str, int] = {key: 0 for key, _ in self._columns}
        self._empty: dict[str, str] = {}
        self._col = 0
        self._win = 0
        #: What every line of the next frame draws (see :meth:`_frame_views`), or None.
        self._frame: tuple[Size, bool, Style, list[tuple[ColumnView, int]]] | None = None
        #: Component styles asked for since the last refresh (each line asks for a few).
        self._styles: dict[str, Style] = {}

    # ------------------------------------------------------------------ public API

    @property
    def columns(self) -> list[tuple[str, str]]:
        return list(self._columns)

    @property
    def current_column(self) -> str:
        return self._columns[self._col][0] if self._columns else ""

    @property
    def current_index(self) -> int:
        return self._rows.get(self.current_column, 0)

    @property
    def current_card(self) -> Card | None:
        key = self.current_column
        cards = self._cards.get(key, ())
        i = self._rows.get(key, 0)
        return cards[i] if 0 <= i < len(cards) else None

    def cards(self, column: str) -> Sequence[Card]:
        return self._cards.get(column, ())

    def cursor_card(self, column: str) -> Card | None:
        """The card under the (remembered) cursor of any column."""
        cards = self._cards.get(column, ())
        i = self._rows.get(column, 0)
        return cards[i] if 0 <= i < len(cards) else None

    def set_cards(self, column: str, cards: Sequence[Card], select: int | None = None) -> None:
        """Replace a column's cards; ``select`` puts that column's cursor on this index."""
        self._cards[column] = cards
        n = len(cards)
        row = self._rows.get(column, 0) if select is None else select
        self._rows[column] = max(0, min(row, n - 1)) if n else 0
        self._scroll_into_view(column)
        self.refresh()

    def set_empty_text(self, column: str, text: str) -> None:
        self._empty[column] = text
        self.refresh()

    def select(self, column: str, index: int, *, notify: bool = True) -> None:
        """Move the cursor to ``index`` in ``column`` (and show that column)."""
        keys = [k for k, _ in self._columns]
        if column not in keys:
            return
        self._col = keys.index(column)
        n = len(self._cards.get(column, ()))
        self._rows[column] = max(0, min(index, n - 1)) if n else 0
        self._follow_window()
        self._scroll_into_view(column)
        self.refresh()
        if notify:
            self._post_moved()

    def refresh_cards(self) -> None:
        """Redraw (the caller's cards changed in place, or the day changed)."""
        self.refresh()

    def visible_columns(self) -> list[str]:
        n = self._visible_count()
        return [k for k, _ in self._columns[self._win:self._win + n]]

    # ------------------------------------------------------------------ geometry

    def _visible_count(self, width: int | None = None) -> int:
        width = self.size.width if width is None else width
        if not self._columns:
            return 0
        return max(1, min(len(self._columns), width // MIN_COLUMN_WIDTH if width else len(self._columns)))

    def _column_widths(self) -> list[int]:
        n = self._visible_count()
        if n == 0:
            return []
        avail = max(n, self.size.width - (n - 1))
        base, extra = divmod(avail, n)
        return [base + (1 if i < extra else 0) for i in range(n)]

    def _cards_per_page(self) -> int:
        return max(1, (self.size.height - HEADER_HEIGHT) // CARD_HEIGHT)

    def _follow_window(self) -> None:
        n = self._visible_count()
        if n <= 0:
            return
        if self._col < self._win:
            self._win = self._col
        elif self._col >= self._win + n:
            self._win = self._col - n + 1
        self._win = max(0, min(self._win, len(self._columns) - n))

    def _scroll_into_view(self, column: str) -> None:
        row = self._rows.get(column, 0)
        top = self._tops.get(column, 0)
        page = self._cards_per_page()
        if row < top:
            top = row
        elif row >= top + page:
            top = row - page + 1
        n = len(self._cards.get(column, ()))
        top = max(0, min(top, max(0, n - page)))
        if row < top:
            top = row
        self._tops[column] = top

    def _locate(self, x: int, y: int) -> tuple[str, int] | None:
        """(column key, card index) under a point, or None."""
        offset = 0
        for key, width in zip(self.visible_columns(), self._column_widths(), strict=False):
            if offset <= x < offset + width:
                if y < HEADER_HEIGHT:
                    return key, -1
                i = self._tops.get(key, 0) + (y - HEADER_HEIGHT) // CARD_HEIGHT
                return key, i
            offset += width + 1
        return None

    # ------------------------------------------------------------------ actions

    def _post_moved(self) -> None:
        card = self.current_card
        self.post_message(self.CursorMoved(self.current_column, card.id if card else None, self.current_index))

    def action_column(self, delta: int) -> None:
        if not self._columns:
            return
        col = max(0, min(len(self._columns) - 1, self._col + delta))
        if col == self._col:
            return
        self._col = col
        self._follow_window()
        self._scroll_into_view(self.current_column)
        self.refresh()
        self._post_moved()

    def _move_row(self, row: int) -> None:
        key = self.current_column
        n = len(self._cards.get(key, ()))
        row = max(0, min(row, n - 1)) if n else 0
        if row == self._rows.get(key, 0):
            return
        self._rows[key] = row
        self._scroll_into_view(key)
        self.refresh()
        self._post_moved()

    def action_card(self, delta: int) -> None:
        self._move_row(self.current_index + delta)

    def action_page(self, delta: int) -> None:
        self._move_row(self.current_index + delta * self._cards_per_page())

    def action_edge(self, where: int) -> None:
        self._move_row(0 if where < 0 else len(self._cards.get(self.current_column, ())) - 1)

    def action_open(self) -> None:
        card = self.current_card
        if card is not None:
            self.post_message(self.Opened(self.current_column, card.id))

    # ------------------------------------------------------------------ events

    def on_resize(self, event: events.Resize) -> None:
        self._follow_window()
        for key, _ in self._columns:
            self._scroll_into_view(key)
        self._frame = None

    def on_click(self, event: events.Click) -> None:
        hit = self._locate(event.x, event.y)
        if hit is None:
            return
        key, i = hit
        keys = [k for k, _ in self._columns]
        n = len(self._cards.get(key, ()))
        changed = keys.index(key) != self._col
        self._col = keys.index(key)
        if 0 <= i < n:
            changed = changed or i != self._rows.get(key)
            self._rows[key] = i
        self._scroll_into_view(key)
        self.refresh()
        if changed:
            self._post_moved()
        if event.chain >= 2 and 0 <= i < n:
            self.action_open()

    def _wheel(self, event: events.MouseEvent, delta: int) -> None:
        hit = self._locate(event.x, event.y)
        if hit is None:
            return
        key = hit[0]
        n = len(self._cards.get(key, ()))
        page = self._cards_per_page()
        top = max(0, min(self._tops.get(key, 0) + delta, max(0, n - page)))
        if top != self._tops.get(key, 0):
            self._tops[key] = top
            # keep the cursor on screen, as a list does
            row = self._rows.get(key, 0)
            self._rows[key] = max(top, min(row, top + page - 1, n - 1)) if n else 0
            self.refresh()
            if key == self.current_column and row != self._rows[key]:
                self._post_moved()
        event.stop()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._wheel(event, 1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._wheel(event, -1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------------ drawing

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(HEADER_HEIGHT + CARD_HEIGHT, container.height)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        self._frame = None  # whatever changed, the next line drawn works the columns out again
        self._styles = {}
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._frame = None  # a new theme or stylesheet: the base style too
        self._styles = {}
        super().notify_style_update()

    def _frame_views(self) -> tuple[Size, Style, list[tuple[ColumnView, int]]]:
        """(size, base style, each visible column's view and width): worked out once for all the lines
        of a frame (Textual draws line by line; the widget's size or its style alone walks the DOM).
        Every change of what the kanban shows goes through :meth:`refresh`, which forgets it."""
        size, focused = self.size, self.has_focus
        frame = self._frame
        if frame is not None and frame[0] == size and frame[1] == focused:
            return size, frame[2], frame[3]
        keys = self.visible_columns()
        labels = dict(self._columns)
        page = self._cards_per_page()
        more_right = self._win + len(keys) < len(self._columns)
        views = [(ColumnView(label=labels.get(key, key), cards=self._cards.get(key, ()), top=self._tops.get(key, 0),
                             row=self._rows.get(key, 0), page=page, current=key == self.current_column,
                             focused=focused, more_left=n == 0 and self._win > 0,
                             more_right=n == len(keys) - 1 and more_right,
                             empty_text=self._empty.get(key, "(empty)")), width)
                 for n, (key, width) in enumerate(zip(keys, self._column_widths(), strict=False))]
        base = self.rich_style
        self._frame = (size, focused, base, views)
        return size, base, views

    def render_line(self, y: int) -> Strip:
        size, base, views = self._frame_views()
        rule = base + self._style("kanban--rule")
        segments: list[Segment] = []
        for n, (view, width) in enumerate(views):
            if n:
                segments.append(Segment("│", rule))
            segments.extend(column_line(view, width, y, base, self._style))
        return Strip(segments, size.width).adjust_cell_length(size.width, base)
