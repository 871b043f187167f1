"""The template text editor: a TextArea that marks ``{{ placeholders }}``, ``{{ ask("slots") }}``
and ``{% tags %}`` so the parts Rebound fills in stand out from the user's own words.

The marks use bold, underline and reverse video, which stay visible under NO_COLOR.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

from widgets.usertext import safe

_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_ASK = re.compile(r"\bask\s*\(")

THEME = TextAreaTheme(
    name="rebound-template",
    syntax_styles={
        "rebound.slot": Style(reverse=True, bold=True),
        "rebound.placeholder": Style(bold=True, underline=True),
        "rebound.tag": Style(italic=True, dim=True),
    },
)


def _byte_offsets(line: str) -> list[int]:
    """Byte offset of each character of ``line`` in UTF-8 (and one past the end)."""
    out = [0]
    total = 0
    for ch in line:
        total += len(ch.encode("utf-8"))
        out.append(total)
    return out


class SafeTextArea(TextArea):
    """A soft-wrapping TextArea (tab moves on) that never sends a control character to the terminal."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)

    def render_line(self, y: int) -> Strip:
        """Never send a control character in the document (a pasted escape sequence) to the terminal."""
        strip = super().render_line(y)
        if all(seg.text.isprintable() for seg in strip):
            return strip
        cleaned = [Segment(safe(seg.text), seg.style, seg.control) for seg in strip]
        return Strip(cleaned).adjust_cell_length(strip.cell_length)


class TemplateTextArea(SafeTextArea):
    """A soft-wrapping TextArea whose template expressions are highlighted."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self.register_theme(THEME)
        self.theme = THEME.name

    def _build_highlight_map(self) -> None:  # noqa: D401 — Textual's hook, regex instead of tree-sitter
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        for row, line in enumerate(self.document.lines):
            if "{" not in line:
                continue
            offsets = None
            for m in _EXPR.finditer(line):
                if offsets is None:
                    offsets = _byte_offsets(line)
                text = m.group(0)
                if text.startswith("{{"):
                    name = "rebound.slot" if _ASK.search(text) else "rebound.placeholder"
                else:
                    name = "rebound.tag"
                highlights[row].append((offsets[m.start()], offsets[m.end()], name))
