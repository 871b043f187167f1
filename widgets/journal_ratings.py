"""Rated lists for the thought record: emotions (0-100), thoughts (belief 0-100, one marked hot)
and re-rating. A line-API widget; every row shows its number and a bar, so nothing depends on colour.

Keys: ↑/↓ (j/k) move · ←/→ change by 10, shift+←/→ by 1 · type digits to set a number · space
toggles (emotion) or marks the hot thought · backspace clears the number · delete removes a row
(when rows can be removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from widgets.usertext import safe


@dataclass(frozen=True)
class RatedRow:
    label: str
    value: int | None = None  # 0-100, None = not rated
    marked: bool = False
    note: str = ""  # shown after the number, e.g. "was 80"


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    text = safe(text)
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def bar(value: int | None, width: int = 10) -> str:
    if value is None:
        return "·" * width
    full = round(value / 100 * width)
    return "█" * full + "░" * (width - full)


class RatedList(ScrollView, can_focus=True):
    """Rows with a 0-100 rating.

    ``mode="toggle"``: space switches a row between rated (starting at ``start``) and not rated
    (emotions). ``mode="mark"``: space marks the row (only one at a time; the hot thought).
    """

    DEFAULT_CSS = """
    RatedList { height: 1fr; min-height: 3; overflow-x: hidden; }
    RatedList > .rated-list--cursor { background: $block-cursor-blurred-background; text-style: bold; }
    RatedList:focus > .rated-list--cursor { background: $block-cursor-background; }
    RatedList > .rated-list--muted { color: $foreground 60%; }
    """
    COMPONENT_CLASSES = {"rated-list--cursor", "rated-list--muted"}

    BINDINGS = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="rated.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="rated.up"),
        Binding("right,plus,equals_sign", "nudge(10)", "+10", show=False, id="rated.plus"),
        Binding("left,minus", "nudge(-10)", "−10", show=False, id="rated.minus"),
        Binding("shift+right", "nudge(1)", "+1", show=False, id="rated.plus1"),
        Binding("shift+left", "nudge(-1)", "−1", show=False, id="rated.minus1"),
        Binding("space", "tick", "Toggle", show=False, id="rated.toggle"),
        Binding("backspace", "clear", "Clear", show=False, id="rated.clear"),
        Binding("delete,x", "remove", "Remove", show=False, id="rated.remove"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Changed(Message):
        def __init__(self, rated_list: RatedList) -> None:
            super().__init__()
            self.rated_list = rated_list

        @property
        def control(self) -> RatedList:
            return self.rated_list

    class Moved(Changed):
        """The cursor moved to another row."""

    def __init__(self, rows: Iterable[RatedRow] = (), *, mode: str = "toggle", removable: bool = False,
                 start: int = 50, mark_text: str = "★", unmarked_text: str = " ",
                 empty_text: str = "Nothing here yet.", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[RatedRow] = list(rows)
        self.mode = mode
        self.removable = removable
        self.start = start
        self.mark_text = mark_text
        self.unmarked_text = unmarked_text
        self.empty_text = empty_text
        self._digits = ""

    # -- data

    @property
    def rows(self) -> list[RatedRow]:
        return list(self._rows)

    def set_rows(self, rows: Iterable[RatedRow], cursor: int | None = None) -> None:
        self._rows = list(rows)
        self._digits = ""
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.cursor = self.cursor if cursor is None else cursor
        self.refresh()

    def add_row(self, row: RatedRow, select: bool = True) -> None:
        self._rows.append(row)
        self.virtual_size = Size(self.size.width, len(self._rows))
        if select:
            self.cursor = len(self._rows) - 1
            self._scroll_into_view()
        self.refresh()
        self.post_message(self.Changed(self))

    def _set(self, index: int, row: RatedRow) -> None:
        self._rows[index] = row
        self.refresh()
        self.post_message(self.Changed(self))

    @property
    def current(self) -> RatedRow | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    # -- cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if old != new:
            self._digits = ""
        self.refresh()
        self.post_message(self.Moved(self))

    def _scroll_into_view(self) -> None:
        h = max(1, self.size.height)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + h:
            self.scroll_to(y=self.cursor - h + 1, animate=False, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta
        self._scroll_into_view()

    # -- changing values

    def action_nudge(self, delta: int) -> None:
        row = self.current
        if row is None:
            return
        self._digits = ""
        value = self.start if row.value is None else row.value + delta
        self._set(self.cursor, replace(row, value=max(0, min(100, value))))

    def action_tick(self) -> None:
        row = self.current
        if row is None:
            return
        self._digits = ""
        if self.mode == "mark":
            rows = [replace(r, marked=(i == self.cursor)) for i, r in enumerate(self._rows)]
            self._rows = rows
            self.refresh()
            self.post_message(self.Changed(self))
        else:
            self._set(self.cursor, replace(row, value=None if row.value is not None else self.start))

    def action_clear(self) -> None:
        row = self.current
        if row is None:
            return
        if self._digits:
            self._digits = self._digits[:-1]
            self._set(self.cursor, replace(row, value=int(self._digits) if self._digits else None))
        else:
            self._set(self.cursor, replace(row, value=None))

    def action_remove(self) -> None:
        if not self.removable or self.current is None:
            return
        del self._rows[self.cursor]
        if self.mode == "mark" and self._rows and not any(r.marked for r in self._rows):
            self._rows[0] = replace(self._rows[0], marked=True)
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.cursor = self.cursor
        self.refresh()
        self.post_message(self.Changed(self))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in "0123456789" and self.current is not None:
            event.stop()
            event.prevent_default()
            digits = self._digits + event.character
            if int(digits) > 100 or len(digits) > 3:
                digits = event.character
            self._digits = digits.lstrip("0") or "0"
            self._set(self.cursor, replace(self.current, value=int(self._digits)))

    async def _on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self._rows):
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows))

    # -- drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_y) + y
        if not self._rows:
            if y == 0:
                muted = base + self.get_component_rich_style("rated-list--muted")
                text = Text(_fit("  " + self.empty_text, width), end="")
                return Strip(list(text.render(self.app.console)), width).apply_style(muted)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        style: Style = base
        if index == self.cursor:
            style = style + self.get_component_rich_style("rated-list--cursor")
        if self.mode == "mark":
            box = self.mark_text if row.marked else self.unmarked_text
        else:
            box = "[x]" if row.value is not None else "[ ]"
        number = f"{row.value:>3}" if row.value is not None else "  –"
        tail = f" {bar(row.value)} {number}"
        if row.note:
            tail += f"  {row.note}"
        head = ("▶ " if index == self.cursor else "  ") + box + " "
        label_w = max(6, width - cell_len(head) - cell_len(tail))
        line = head + _fit(row.label.replace("\n", " ").replace("\t", " "), label_w) + tail
        text = Text(_fit(line, width), style=style, no_wrap=True, end="")
        # Text.render leaves out the Text's own style: apply it underneath the spans
        return Strip(list(text.render(self.app.console)), width).apply_style(style)
