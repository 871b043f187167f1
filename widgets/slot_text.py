"""Editing a message with highlighted slots: a TextArea (:class:`SlotTextArea`) and a one-line
Input (:class:`SlotInput`) whose :class:`~widgets.spans.Span` s follow the person's edits.

Span kinds and how they look (reverse video, italic and underline stay visible under NO_COLOR):
``slot`` (something to write, «like this»), ``missing`` and ``unknown`` (a value to type, «me.name»),
``value`` (a value filled in, underlined). ``tab`` and ``shift+tab`` post :class:`Jump`; the owner
selects the next slot (:meth:`select`), and typing replaces it. The text is never markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from rich.highlighter import Highlighter
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.input import Selection as InputSelection
from textual.widgets.text_area import Edit, EditResult, Selection, TextAreaTheme

from widgets.outreach_source import SafeTextArea, _byte_offsets
from widgets.spans import Span, SpanTracker

STYLES = {
    "slot": Style(reverse=True, bold=True),
    "missing": Style(reverse=True, italic=True),
    "unknown": Style(reverse=True, italic=True),
    "value": Style(underline=True),
}
THEME = TextAreaTheme(name="rebound-message", syntax_styles={f"rebound.{k}": v for k, v in STYLES.items()})


class Jump(Message):
    """``tab`` (``forward``) or ``shift+tab`` in a slot field: the owner moves to the next slot."""

    def __init__(self, field: Widget, forward: bool) -> None:
        super().__init__()
        self.field = field
        self.forward = forward


class SlotTextArea(SafeTextArea):
    """A soft-wrapping TextArea holding a message whose spans are highlighted and follow edits."""

    BINDINGS = [
        Binding("tab", "jump(True)", "Next slot", show=False, id="slot.next"),
        Binding("shift+tab", "jump(False)", "Previous slot", show=False, id="slot.previous"),
    ]

    def __init__(self, text: str = "", spans: Iterable[Span] = (), **kwargs: Any) -> None:
        self._tracker = SpanTracker(text, spans)
        self._pending: tuple[int, int] | None = None  # the edit being made (its old offsets)
        self._whole = False  # the next change replaces everything: work out what moved
        super().__init__(text, **kwargs)
        self.register_theme(THEME)
        self.theme = THEME.name

    # -- the spans

    @property
    def spans(self) -> list[Span]:
        return list(self._tracker.spans)

    def load(self, text: str, spans: Iterable[Span]) -> None:
        """Show ``text`` with ``spans`` (edit history starts again)."""
        self._tracker.reset(text, spans)
        self.load_text(text)

    def set_text(self, text: str) -> None:
        """Replace the whole text (undoable), keeping the spans of what stayed the same."""
        self._whole = True
        try:
            self.replace(text, self.document.start, self.document.end)
        finally:
            self._whole = False

    def _starts(self) -> list[int]:
        """Where each line starts in :attr:`text`."""
        newline = len(self.document.newline)
        starts = [0]
        for line in self.document.lines[:-1]:
            starts.append(starts[-1] + len(line) + newline)
        return starts

    def offset_of(self, location: tuple[int, int]) -> int:
        starts = self._starts()
        row, col = location
        row = max(0, min(row, len(starts) - 1))
        return starts[row] + col

    @property
    def cursor_offset(self) -> int:
        return self.offset_of(self.cursor_location)

    @property
    def selected(self) -> tuple[int, int]:
        start, end = sorted(self.selection)
        return self.offset_of(start), self.offset_of(end)

    def select(self, span: Span) -> None:
        """Select ``span`` so typing replaces it."""
        locate = self._locator()
        self.selection = Selection(locate(span.start), locate(span.end))
        self.scroll_cursor_visible()

    def action_jump(self, forward: bool) -> None:
        self.post_message(Jump(self, forward))

    # -- following edits (Textual calls _build_highlight_map after every edit, undo and redo)

    def edit(self, edit: Edit) -> EditResult:
        self._pending = (self.offset_of(edit.top), self.offset_of(edit.bottom))
        try:
            return super().edit(edit)
        finally:
            self._pending = None

    def _locator(self) -> Callable[[int], tuple[int, int]]:
        lines = self.document.lines
        starts = self._starts()

        def locate(offset: int) -> tuple[int, int]:
            row = max(0, bisect_right(starts, offset) - 1)
            return row, min(offset - starts[row], len(lines[row]))

        return locate

    def _build_highlight_map(self) -> None:
        tracker = getattr(self, "_tracker", None)
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        if tracker is None:  # still in TextArea.__init__
            return
        text = self.text
        if self._pending is not None and not self._whole:
            tracker.edited(*self._pending, text)
        else:  # undo, redo, a new document, the whole text replaced: see what moved
            tracker.changed(text)
        if not tracker.spans:
            return
        locate = self._locator()
        lines = self.document.lines
        offsets: dict[int, list[int]] = {}
        for span in tracker.spans:
            (row0, col0), (row1, col1) = locate(span.start), locate(span.end)
            for row in range(row0, row1 + 1):
                line = lines[row]
                byte = offsets.get(row)
                if byte is None:
                    byte = offsets[row] = _byte_offsets(line)
                start = col0 if row == row0 else 0
                end = col1 if row == row1 else len(line)
                if end > start:
                    highlights[row].append((byte[start], byte[end], f"rebound.{span.kind}"))


class _SpanHighlighter(Highlighter):
    def __init__(self, field: SlotInput) -> None:
        self.field = field

    def highlight(self, text: Text) -> None:
        for span in self.field.spans:
            style = STYLES.get(span.kind)
            if style is not None:
                text.stylize(style, span.start, span.end)


class SlotInput(Input):
    """A one-line Input holding a message's subject, its spans highlighted and following edits."""

    BINDINGS = [
        Binding("tab", "jump(True)", "Next slot", show=False, id="slot.next"),
        Binding("shift+tab", "jump(False)", "Previous slot", show=False, id="slot.previous"),
    ]

    def __init__(self, value: str = "", spans: Iterable[Span] = (), **kwargs: Any) -> None:
        self._tracker = SpanTracker(value, spans)
        self._pending: tuple[int, int] | None = None
        super().__init__(value, highlighter=_SpanHighlighter(self), **kwargs)

    @property
    def spans(self) -> list[Span]:
        return list(self._tracker.spans)

    def load(self, value: str, spans: Iterable[Span]) -> None:
        self._tracker.reset(value, spans)
        self.value = value

    @property
    def selected(self) -> tuple[int, int]:
        start, end = sorted(self.selection)
        return start, end

    @property
    def cursor_offset(self) -> int:
        return self.cursor_position

    def select(self, span: Span) -> None:
        self.selection = InputSelection(span.start, span.end)

    def action_jump(self, forward: bool) -> None:
        self.post_message(Jump(self, forward))

    def replace(self, text: str, start: int, end: int) -> None:
        self._pending = (start, end)
        try:
            super().replace(text, start, end)
        finally:
            self._pending = None

    def watch_value(self, value: str) -> None:
        tracker = getattr(self, "_tracker", None)
        if tracker is None:
            return
        if self._pending is not None:
            tracker.edited(*self._pending, value)
        else:
            tracker.changed(value)
