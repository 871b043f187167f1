"""Showing a rendered outreach message: its text with manual slots, missing values and tone
findings marked in a way that survives NO_COLOR (reverse video and underline, plus the «» markers
the text already carries)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content, Span

from widgets.usertext import inert, literal

#: How each kind of span looks. Reverse and underline stay visible without colour.
SPAN_STYLES = {
    "slot": "reverse bold",
    "missing": "reverse",
    "unknown": "reverse italic",
    "tone": "underline bold $warning",
}


def marked(text: str, spans: Iterable[tuple[int, int, str]] = ()) -> Content:
    """``text`` as literal content with ``(start, end, kind)`` spans styled (never parsed as markup)."""
    content = Content(inert(text))
    extra = []
    n = len(text)
    for start, end, kind in spans:
        style = SPAN_STYLES.get(kind, kind)
        start, end = max(0, min(start, n)), max(0, min(end, n))
        if end > start:
            extra.append(Span(start, end, style))
    return content.add_spans(extra) if extra else content


def lines(items: Sequence[tuple[str, str]]) -> Content:
    """Several lines of ``(style, text)``; the text is literal."""
    parts: list[Content] = []
    for style, text in items:
        c = literal(text)
        if style:
            c = c.stylize(style)
        parts.append(c)
    return Content("\n").join(parts)
