"""The kanban, or the same pipeline as a list: one line per card under a heading per stage.

At 80 columns the board shows four of six columns with roles cut at 16 characters; the list shows
every stage and gives each card one line with room for the company, the role and the status line.
:class:`PipelineKanban` is a :class:`~widgets.kanban.Kanban` with a ``list_view`` switch: the cursor,
the columns, the messages and the keys stay the same (``h``/``l`` jump between stages, ``j``/``k`` run
through the whole list), only the drawing and the geometry change. Virtualised like the kanban: a
line asks only for the card it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip

from widgets.kanban import Kanban
from widgets.kanban_draw import Card, fit, flat, meta_segments

#: Lines above the list: the stages with their counts, and the rule with the scroll counts.
LIST_HEADER = 2


class PipelineKanban(Kanban):
    """A :class:`Kanban` that can show the pipeline as a list (see the module docstring)."""

    def __init__(self, columns: Sequence[tuple[str, str]] = (), *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(columns, name=name, id=id, classes=classes)
        self._list = False
        self._list_top = 0

    @property
    def list_view(self) -> bool:
        return self._list

    def set_list_view(self, on: bool) -> None:
        """Show the list (True) or the columns; the cursor stays on its card."""
        self._list = on
        self._follow_window()
        self._scroll_into_view(self.current_column)
        self.refresh()

    # ------------------------------------------------------------------ geometry

    def _keys(self) -> list[str]:
        return [k for k, _ in self._columns]

    def _base(self, col: int) -> int:
        """The list line of column ``col``'s heading."""
        return sum(len(self._cards.get(k, ())) + 1 for k in self._keys()[:col])

    def _total(self) -> int:
        return self._base(len(self._columns))

    def _at(self, line: int) -> tuple[int, int] | None:
        """(column index, card index; -1 for the heading) of list line ``line``."""
        base = 0
        for ci, key in enumerate(self._keys()):
            n = len(self._cards.get(key, ()))
            if line <= base + n:
                return ci, line - base - 1
            base += n + 1
        return None

    def _cursor_line(self) -> int:
        cards = self._cards.get(self.current_column, ())
        return self._base(self._col) + (1 + self.current_index if cards else 0)

    def _visible_count(self, width: int | None = None) -> int:
        return len(self._columns) if self._list else super()._visible_count(width)

    def _cards_per_page(self) -> int:
        return max(1, self.size.height - LIST_HEADER) if self._list else super()._cards_per_page()

    def _scroll_into_view(self, column: str) -> None:
        super()._scroll_into_view(column)
        if not self._list or not self.size.height:  # not laid out yet: no page to keep it on
            return
        line, page = self._cursor_line(), self._cards_per_page()
        if line < self._list_top:
            self._list_top = line
        elif line >= self._list_top + page:
            self._list_top = line - page + 1
        if line == self._list_top and line == self._base(self._col) + 1:
            self._list_top -= 1  # a stage's first card: its heading shows too
        self._list_top = max(0, min(self._list_top, max(0, self._total() - page)))

    def _locate(self, x: int, y: int) -> tuple[str, int] | None:
        if not self._list:
            return super()._locate(x, y)
        if y < LIST_HEADER:
            return None
        hit = self._at(self._list_top + y - LIST_HEADER)
        return (self._keys()[hit[0]], hit[1]) if hit is not None else None

    # ------------------------------------------------------------------ moving through the list

    def _step(self, col: int, row: int, delta: int) -> tuple[int, int]:
        """One card on from (col, row), into the next stage that has cards at a column's end."""
        n = len(self._cards.get(self._keys()[col], ()))
        if 0 <= row + delta < n:
            return col, row + delta
        c = col + delta
        while 0 <= c < len(self._columns):
            m = len(self._cards.get(self._keys()[c], ()))
            if m:
                return c, 0 if delta > 0 else m - 1
            c += delta
        return col, row

    def _walk(self, delta: int, count: int) -> None:
        col, row = self._col, self.current_index
        for _ in range(count):
            col, row = self._step(col, row, delta)
        if (col, row) == (self._col, self.current_index):
            return
        self._col = col
        self._rows[self.current_column] = row
        self._scroll_into_view(self.current_column)
        self.refresh()
        self._post_moved()

    def action_card(self, delta: int) -> None:
        if self._list:
            self._walk(1 if delta > 0 else -1, abs(delta))
        else:
            super().action_card(delta)

    def action_page(self, delta: int) -> None:
        if self._list:
            self._walk(1 if delta > 0 else -1, self._cards_per_page())
        else:
            super().action_page(delta)

    def _wheel(self, event: events.MouseEvent, delta: int) -> None:
        if not self._list:
            super()._wheel(event, delta)
            return
        self._list_top = max(0, min(self._list_top + delta, max(0, self._total() - self._cards_per_page())))
        self.refresh()
        event.stop()

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        if not self._list:
            return super().render_line(y)
        size, base, _views = self._frame_views()  # worked out once per frame
        width = size.width
        if y == 0:
            segments = self._stages_line(base, width)
        elif y == 1:
            segments = self._rule(base, width)
        else:
            segments = self._list_line(self._list_top + y - LIST_HEADER, base, width)
        return Strip(segments).adjust_cell_length(width, base)

    def _stages_line(self, base: Style, width: int) -> list[Segment]:
        out: list[Segment] = []
        for ci, (key, label) in enumerate(self._columns):
            current = ci == self._col
            text = f"{'▸' if current else ' '}{flat(label)} {len(self._cards.get(key, ()))} "
            out.append(Segment(text, base + self._style("kanban--header-current" if current else "kanban--header")))
        used = sum(cell_len(s.text) for s in out)
        if used > width:  # narrow: the current stage and its count only
            key, label = self._columns[self._col]
            return [Segment(fit(f"▸{flat(label)} {len(self._cards.get(key, ()))} · h/l other stages", width),
                            base + self._style("kanban--header-current"))]
        return out

    def _rule(self, base: Style, width: int) -> list[Segment]:
        up = f"↑{self._list_top}" if self._list_top > 0 else ""
        below = self._total() - (self._list_top + self._cards_per_page())
        down = f"↓{below}" if below > 0 else ""
        return [Segment(fit(up + "─" * max(0, width - cell_len(up) - cell_len(down)) + down, width),
                        base + self._style("kanban--rule"))]

    def _list_line(self, line: int, base: Style, width: int) -> list[Segment]:
        hit = self._at(line)
        if hit is None:
            return [Segment(" " * width, base)]
        ci, i = hit
        key, label = self._columns[ci]
        cards = self._cards.get(key, ())
        if i < 0:  # the stage's heading, across the width (an empty stage says so beside it)
            style = base + self._style("kanban--header-current" if ci == self._col else "kanban--header")
            text = f"{'▸ ' if ci == self._col else '  '}{flat(label)} {len(cards)}"
            if cards:
                return [Segment(fit(text, width), style)]
            empty = fit("  " + flat(self._empty.get(key, "(empty)")), max(0, width - cell_len(text)))
            return [Segment(text, style), Segment(empty, style + self._style("kanban--empty"))]
        selected = ci == self._col and i == self.current_index
        return self._card_row(cards[i], width, base, selected)

    def _card_row(self, card: Card, width: int, base: Style, selected: bool) -> list[Segment]:
        """``▌Company  Role  status``: the status gets 30%, the company up to 24 cells, the role the rest."""
        bg = base + self._style("kanban--cursor" if self.has_focus else "kanban--cursor-blur") if selected else base
        muted = self._style("kanban--muted") if card.muted else Style()
        meta_w = min(28, max(10, width * 3 // 10))
        rest = max(0, width - 4 - meta_w)
        company_w = min(24, max(8, rest * 2 // 5))
        role_w = max(0, rest - company_w)
        return [Segment("▌" if selected else " ", bg),
                Segment(fit(flat(card.title), company_w), bg + self._style("kanban--title") + muted),
                Segment(" ", bg),
                Segment(fit(flat(card.subtitle), role_w), bg + self._style("kanban--subtitle") + muted),
                Segment(" ", bg),
                *meta_segments(card, meta_w, bg, self._style),
                Segment(" ", bg)]
