"""The journal's entry list: a line-API widget that draws only the rows on screen.

Rows are plain tuples (:class:`EntryRow`) the screen builds; a header line stays on top. The row
under the cursor carries a ``▶`` marker (visible without colour); search matches in the title are
shown with the ``entry-list--match`` style. Posts :class:`EntryList.Highlighted` when the cursor
moves and :class:`EntryList.Selected` on enter or a click.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, Self

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from widgets.usertext import safe
from widgets.virtual_size import set_virtual_size


class EntryRow(NamedTuple):
    key: str
    date: str
    kind: str
    rating: str
    title: str
    app: str = ""
    title_spans: tuple[tuple[int, int], ...] = ()
    muted: bool = False


MARK = "▶ "
COLUMNS = (("date", "Date", 11), ("kind", "Kind", 10), ("rating", "Feelings", 11))
APP_WIDTH = 18


def _fit(text: str, width: int) -> str:
    """Pad or cut to exactly ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    text = safe(text)
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class EntryList(ScrollView, can_focus=True):
    """A scrolling table of journal entries, drawn line by line."""

    DEFAULT_CSS = """
    EntryList {
        height: 1fr;
        overflow-x: hidden;
    }
    EntryList > .entry-list--header { text-style: bold; }
    EntryList > .entry-list--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    EntryList:focus > .entry-list--cursor { background: $block-cursor-background; }
    EntryList > .entry-list--match { text-style: bold underline reverse; }
    EntryList > .entry-list--muted { color: $foreground 60%; text-style: italic; }
    """

    COMPONENT_CLASSES = {"entry-list--header", "entry-list--cursor", "entry-list--match", "entry-list--muted"}

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="journal.list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="journal.list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="journal.list.pagedown"),
        Binding("pageup", "page_up", "Page up", show=False, id="journal.list.pageup"),
        Binding("home", "first", "First", show=False, id="journal.list.first"),
        Binding("end", "last", "Last", show=False, id="journal.list.last"),
        Binding("enter", "select", "Open", show=False, id="journal.list.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, entry_list: EntryList, index: int, key: str | None) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.index = index
            self.key = key

        @property
        def control(self) -> EntryList:
            return self.entry_list

    class Selected(Highlighted):
        pass

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None,
                 empty_text: str = "No entries.") -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.empty_text = empty_text
        self._keys: list[str] = []
        self._make: Callable[[str], EntryRow] | None = None
        self._built: dict[str, EntryRow] = {}
        #: The styles a frame's lines draw with, asked once per frame ("": the widget's own).
        self._styles: dict[str, Style] = {}
        #: Each key's index (None: not made since the keys changed).
        self._index_of: dict[str, int] | None = None

    # -- data

    def set_rows(self, rows: Sequence[EntryRow], keep_key: str | None = None) -> None:
        """Replace the rows with ready-made ones."""
        built = {r.key: r for r in rows}
        self.set_source([r.key for r in rows], built.__getitem__, keep_key)

    def set_source(self, keys: Sequence[str], make_row: Callable[[str], EntryRow],
                   keep_key: str | None = None) -> None:
        """Replace the rows by keys; ``make_row(key)`` builds a row only when it is drawn, so a long
        list costs what is on screen. The cursor stays on ``keep_key`` if it is still there."""
        self._keys = list(keys)
        self._make = make_row
        self._built = {}
        self._index_of = None  # made when first asked (a search keystroke never asks)
        # no layout pass of the screen for a new number of rows (a search keystroke): see widgets.virtual_size
        set_virtual_size(self, Size(self.size.width, len(self._keys) + 1))
        index = self._find(keep_key) if keep_key else 0
        self.cursor = min(index, max(0, len(self._keys) - 1))
        self._scroll_cursor_into_view(center=True)
        self.refresh()

    def row(self, index: int) -> EntryRow:
        key = self._keys[index]
        found = self._built.get(key)
        if found is None:
            assert self._make is not None
            found = self._make(key)
            if len(self._built) > 2000:
                self._built.clear()
            self._built[key] = found
        return found

    @property
    def rows(self) -> list[EntryRow]:
        """Every row (built on demand; for tests and small lists)."""
        return [self.row(i) for i in range(len(self._keys))]

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def keys(self) -> list[str]:
        return list(self._keys)

    @property
    def current_key(self) -> str | None:
        if 0 <= self.cursor < len(self._keys):
            return self._keys[self.cursor]
        return None

    def _find(self, key: str) -> int:
        """``key``'s index, or 0 when it is not there (no index made: one scan, in C)."""
        try:
            return self._keys.index(key)
        except ValueError:
            return 0

    def index_of(self, key: str) -> int | None:
        if self._index_of is None:
            self._index_of = {k: i for i, k in enumerate(self._keys)}
        return self._index_of.get(key)

    def move_to_key(self, key: str) -> bool:
        i = self.index_of(key)
        if i is None:
            return False
        self.cursor = i
        self._scroll_cursor_into_view(center=True)
        return True

    # -- cursor

    def validate_cursor(self, value: int) -> int:
        if not self._keys:
            return 0
        return max(0, min(value, len(self._keys) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self, new, self.current_key))

    def _page(self) -> int:
        return max(1, self.size.height - 2)

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_y)
        if center and not (top <= self.cursor < top + visible):
            self.scroll_to(y=max(0, self.cursor - visible // 2), animate=False, immediate=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.cursor += 1
        self._scroll_cursor_into_view()

    def action_cursor_up(self) -> None:
        self.cursor -= 1
        self._scroll_cursor_into_view()

    def action_page_down(self) -> None:
        self.cursor += self._page()
        self._scroll_cursor_into_view()

    def action_page_up(self) -> None:
        self.cursor -= self._page()
        self._scroll_cursor_into_view()

    def action_first(self) -> None:
        self.cursor = 0
        self._scroll_cursor_into_view()

    def action_last(self) -> None:
        self.cursor = len(self._keys) - 1
        self._scroll_cursor_into_view()

    def action_select(self) -> None:
        if self._keys:
            self.post_message(self.Selected(self, self.cursor, self.current_key))

    async def _on_click(self, event: events.Click) -> None:
        if event.y <= 0:
            return
        index = int(self.scroll_y) + event.y - 1
        if 0 <= index < len(self._keys):
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._keys) + 1)
        self._scroll_cursor_into_view()

    # -- drawing

    def _layout(self, width: int) -> tuple[list[tuple[str, str, int]], int, int]:
        """(fixed columns, title width, app width) for this width."""
        cols = list(COLUMNS)
        app_w = 0 if width < 72 else (14 if width < 100 else APP_WIDTH + (width - 100) // 4)
        used = len(MARK) + sum(w + 1 for _, _, w in cols) + (app_w + 1 if app_w else 0)
        title_w = max(8, width - used)
        return cols, title_w, app_w

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        self._styles = {}  # whatever changed, the next frame asks for its styles again
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        self._styles = {}  # a new theme, stylesheet or focus
        super().notify_style_update()

    def _base_style(self) -> Style:
        """The widget's style, asked once per frame (it walks the DOM: a quarter of a row's drawing)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _component(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._base_style()
        if y == 0:
            return self._header(width, base)
        index = int(self.scroll_y) + y - 1
        if not self._keys:
            if y == 1:
                text = Text(_fit("  " + self.empty_text, width), end="")
                return Strip(list(text.render(self.app.console)), width).apply_style(base)
            return Strip.blank(width, base)
        if index >= len(self._keys):
            return Strip.blank(width, base)
        return self._row(self.row(index), index == self.cursor, width, base)

    def _header(self, width: int, base: Style) -> Strip:
        cols, title_w, app_w = self._layout(width)
        style = base + self._component("entry-list--header")
        parts = [" " * len(MARK)] + [_fit(label, w) + " " for _, label, w in cols]
        parts.append(_fit("Title or hot thought", title_w))
        if app_w:
            parts.append(" " + _fit("Application", app_w))
        line = "".join(parts)
        return Strip([Segment(_fit(line, width), style)], width)

    def _row(self, row: EntryRow, is_cursor: bool, width: int, base: Style) -> Strip:
        cols, title_w, app_w = self._layout(width)
        style = base
        if row.muted:
            style = style + self._component("entry-list--muted")
        if is_cursor:
            style = style + self._component("entry-list--cursor")
        text = Text(style=style, no_wrap=True, end="")
        text.append(MARK if is_cursor else " " * len(MARK))
        values = {"date": row.date, "kind": row.kind, "rating": row.rating}
        for key, _label, w in cols:
            text.append(_fit(values[key], w) + " ")
        title = Text(safe(row.title).replace("\t", " ").replace("\n", " "), no_wrap=True, end="")
        if row.title_spans:
            match = self._component("entry-list--match")
            for start, end in row.title_spans:
                title.stylize(match, start, end)
        title.truncate(title_w, overflow="ellipsis", pad=True)
        text.append_text(title)
        if app_w:
            text.append(" " + _fit(row.app, app_w))
        text.truncate(width, overflow="ellipsis", pad=True)
        # Text.render leaves out the Text's own style: apply it underneath the spans
        return Strip(list(text.render(self.app.console)), width).apply_style(style)
