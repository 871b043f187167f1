"""Spans of text that follow edits: where a message's slots and filled-in values are while the
person types around them (plain Python; the editing widgets in :mod:`widgets.slot_text` use it).

A span is ``text[start:end]`` with a ``kind`` and an opaque ``data`` its owner gives meaning to. An
edit before a span moves it; an edit after it leaves it alone; an edit that reaches inside it drops
it (the words are the person's now). Text typed right at a span's edge is outside it.

When only the text before and after is known (a value set whole, the text back from ``$EDITOR``),
the edits are worked out with :mod:`difflib`; with the cursor known, a single edit ending there is
assumed (exact for typing, deleting and pasting). Undo and redo bring the spans of a text seen
before back with it.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NamedTuple

#: Texts longer than this are compared by their common start and end only (difflib is quadratic).
DIFF_LIMIT = 20_000
#: How many earlier texts (and their spans) are remembered for undo and redo.
MEMORY = 200


class Span(NamedTuple):
    start: int
    end: int
    kind: str
    data: Any = None


#: An edit: ``old[start:end]`` replaced by ``inserted`` characters.
Edit = tuple[int, int, int]


def after_edit(spans: Iterable[Span], start: int, end: int, inserted: int) -> list[Span]:
    """``spans`` once ``text[start:end]`` became ``inserted`` characters."""
    delta = inserted - (end - start)
    out = []
    for s in spans:
        if end <= s.start:
            out.append(s._replace(start=s.start + delta, end=s.end + delta) if delta else s)
        elif start >= s.end:
            out.append(s)
        # else the edit reaches inside: the span is gone
    return out


def _prefix(a: str, b: str, limit: int) -> int:
    i, step = 0, 256
    while i + step <= limit and a[i:i + step] == b[i:i + step]:
        i += step
    while i < limit and a[i] == b[i]:
        i += 1
    return i


def _suffix(a: str, b: str, limit: int) -> int:
    i, step, la, lb = 0, 256, len(a), len(b)
    while i + step <= limit and a[la - i - step:la - i] == b[lb - i - step:lb - i]:
        i += step
    while i < limit and a[la - i - 1] == b[lb - i - 1]:
        i += 1
    return i


def single_edit(old: str, new: str, cursor: int | None = None) -> Edit:
    """The one edit that turns ``old`` into ``new``; with ``cursor`` (its offset in ``new``), the one
    whose new text ends at or after it (typing "a" after "a" happened at the cursor, not before)."""
    n = min(len(old), len(new))
    limit = n if cursor is None else max(0, min(n, len(new) - cursor))
    suffix = _suffix(old, new, limit)
    prefix = _prefix(old, new, n - suffix)
    return prefix, len(old) - suffix, len(new) - suffix - prefix


def edits(old: str, new: str, cursor: int | None = None) -> list[Edit]:
    """The edits that turn ``old`` into ``new``, in order."""
    if old == new:
        return []
    if cursor is not None or max(len(old), len(new)) > DIFF_LIMIT:
        return [single_edit(old, new, cursor)]
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(i1, i2, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def follow(spans: Sequence[Span], old: str, new: str, cursor: int | None = None) -> list[Span]:
    """``spans`` of ``old`` as they stand in ``new``."""
    out = list(spans)
    for start, end, inserted in reversed(edits(old, new, cursor)):
        out = after_edit(out, start, end, inserted)
    return out


def fitting(text: str, spans: Iterable[Span]) -> list[Span]:
    """The spans inside ``text``, in order, none overlapping."""
    out: list[Span] = []
    end = 0
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if end <= s.start < s.end <= len(text):
            out.append(s)
            end = s.end
    return out


class SpanTracker:
    """A text and its spans, kept in step as the text changes."""

    def __init__(self, text: str = "", spans: Iterable[Span] = ()) -> None:
        self.text = text
        self.spans: list[Span] = []
        self._seen: dict[str, list[Span]] = {}
        self.reset(text, spans)

    def reset(self, text: str, spans: Iterable[Span]) -> None:
        """Start again on ``text`` (nothing remembered from before)."""
        self.text = text
        self.spans = fitting(text, spans)
        self._seen = {text: self.spans}

    def _now(self, text: str, spans: list[Span]) -> None:
        self.text, self.spans = text, spans
        self._seen.pop(text, None)
        self._seen[text] = spans
        while len(self._seen) > MEMORY:
            del self._seen[next(iter(self._seen))]

    def edited(self, start: int, end: int, new: str) -> None:
        """``text[start:end]`` was replaced, giving ``new``."""
        inserted = len(new) - (len(self.text) - (end - start))
        if not (0 <= start <= end <= len(self.text)) or inserted < 0:
            self.changed(new)
            return
        self._now(new, after_edit(self.spans, start, end, inserted))

    def changed(self, new: str, cursor: int | None = None) -> None:
        """The text is now ``new`` (however it got there); ``cursor``: where the edit ended, if known."""
        if new == self.text:
            return
        seen = self._seen.get(new)
        self._now(new, list(seen) if seen is not None else follow(self.spans, self.text, new, cursor))


def next_span(spans: Iterable[Span], offset: int, *, forward: bool, kinds: Collection[str] | None = None,
              selected: tuple[int, int] | None = None) -> Span | None:
    """The first span (of ``kinds``) starting after ``offset``, or at it unless it is the
    ``selected`` one; with ``forward`` False, the last one starting before ``offset``."""
    chosen = [s for s in spans if kinds is None or s.kind in kinds]
    if forward:
        return next((s for s in chosen if s.start > offset or (s.start == offset and (s.start, s.end) != selected)),
                    None)
    return next((s for s in reversed(chosen) if s.start < offset), None)
