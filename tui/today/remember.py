"""Today as it was last shown, kept beside the remembered summary (:mod:`store.today_cache`).

The *view* is what the next start paints in its first frame: the stats line, the prompt and the rows,
as plain text with style spans, for one terminal size. Painting it needs neither the summary's records
nor the rows built from them; the screen takes the real summary a moment later (decoded from the same
file when the data is unchanged, recomputed in a worker when it changed) and only then acts on a row.

The file sits in the data folder, so what is read back is checked, never trusted: a style must be one
of a few plain words (a style string can carry a link or an action), a row's kind one Today knows, and
anything else throws the whole view away (Today then reads its data as it would without one).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, get_args

from textual.content import Content, Span

from tui.today.head import due_counts, stats_text
from tui.today.rows import Row, RowKind

if TYPE_CHECKING:
    from store.today import Summary

#: Styles a remembered view may use: words only, so no link, colour variable or action gets in.
_STYLE = re.compile(r"(?:bold|dim|italic|underline|reverse|strike)(?: (?:bold|dim|italic|underline|reverse|strike))*")
_KINDS = frozenset(get_args(RowKind))
#: Longest text kept for one line (a row or the stats), longer means damaged.
_MAX_TEXT = 4_000
_MAX_ROWS = 2_000


def content_json(content: Content) -> list[Any] | None:
    """``[text, [[start, end, style], …]]``, or None when a style is not a plain string of words."""
    spans = []
    for span in content.spans:
        style = span.style
        if not isinstance(style, str) or not _STYLE.fullmatch(style):
            return None
        spans.append([span.start, span.end, style])
    return [content.plain, spans]


def content_from(value: Any) -> Content | None:
    """The :class:`Content` of :func:`content_json`'s output, or None if it is not exactly that."""
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], list)):
        return None
    text, raw_spans = value
    if len(text) > _MAX_TEXT:
        return None
    spans = []
    for item in raw_spans:
        if not (isinstance(item, list) and len(item) == 3):
            return None
        start, end, style = item
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= len(text)
                and isinstance(style, str) and _STYLE.fullmatch(style)):
            return None
        spans.append(Span(start, end, style))
    return Content(text, spans)


def view_of(summary: Summary, rows: list[Row], size: tuple[int, int], width: int,
            cursor: int | None) -> dict[str, Any] | None:
    """The view of ``summary`` as shown at terminal ``size`` (``width``: the stats line's), or None
    when part of it can't be kept (then nothing is remembered but the summary)."""
    stats = content_json(stats_text(summary, width))
    out_rows = []
    for r in rows:
        prompt = content_json(r.prompt)
        if prompt is None:
            return None
        out_rows.append([r.id, r.kind, prompt, r.hint])
    if stats is None:
        return None
    return {"size": list(size), "day": summary.today.isoformat(), "name": summary.name,
            "due": list(due_counts(summary)), "stats": stats, "prompt": summary.prompt, "rows": out_rows,
            "cursor": cursor}


class View:
    """A remembered view, checked: what the screen paints before it has the summary."""

    def __init__(self, name: str, due: tuple[int, int], stats: Content, prompt: str, rows: list[Row],
                 cursor: int | None) -> None:
        self.name = name
        self.due = due
        self.stats = stats
        self.prompt = prompt
        self.rows = rows
        self.cursor = cursor


def view_from(value: Any, size: tuple[int, int], day: str) -> View | None:
    """The :class:`View` stored by :func:`view_of` for this terminal ``size`` and ``day``, or None
    (another size, another day, or anything not exactly as it was written)."""
    try:
        if not isinstance(value, dict) or value.get("size") != list(size) or value.get("day") != day:
            return None
        name, due, prompt, raw_rows, cursor = (value["name"], value["due"], value["prompt"], value["rows"],
                                               value.get("cursor"))
        stats = content_from(value["stats"])
        if not (isinstance(name, str) and isinstance(prompt, str) and isinstance(raw_rows, list)
                and isinstance(due, list) and len(due) == 2 and all(type(n) is int for n in due)
                and stats is not None and len(raw_rows) <= _MAX_ROWS and len(name) <= _MAX_TEXT
                and len(prompt) <= _MAX_TEXT and (cursor is None or type(cursor) is int)):
            return None
        rows = []
        for item in raw_rows:
            row_id, kind, raw_prompt, hint = item
            prompt_content = content_from(raw_prompt)
            if not (isinstance(row_id, str) and kind in _KINDS and isinstance(hint, str)) or prompt_content is None:
                return None
            rows.append(Row(id=row_id, kind=kind, prompt=prompt_content, text=prompt_content.plain, hint=hint))
    except (KeyError, TypeError, ValueError):
        return None
    if cursor is not None and not 0 <= cursor < len(rows):
        cursor = None
    return View(name, (due[0], due[1]), stats, prompt, rows, cursor)


def same_rows(a: list[Row], b: list[Row]) -> bool:
    """Both lists show the same thing (the remembered rows and the ones built from the summary)."""
    def shown(rows: list[Row]) -> list[tuple[Any, ...]]:
        return [(r.id, r.kind, r.text, r.hint, tuple(r.prompt.spans)) for r in rows]

    return shown(a) == shown(b)
