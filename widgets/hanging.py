"""Text that wraps with a hanging indent: a wrapped line continues under its own text, not at the
left edge, so an indented paragraph, a bullet or a ``★ hot`` thought stays a block at any width.

:class:`Hanging` is a :class:`~textual.content.Content` (show it in a ``Static`` like any content):
its text and spans are the content's own, only drawing and measuring lay it out per width.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

#: A line starting (after its spaces) with one of these continues under the text after it.
MARKERS = ("★ hot ", "• ", "· ", "- ", "* ")
#: Below this many cells for the text, a line wraps from the left edge as usual.
MIN_TEXT = 12


def indent_of(line: str) -> int:
    """Where a wrapped line of ``line`` continues: after its leading spaces and marker."""
    spaces = len(line) - len(line.lstrip(" "))
    rest = line[spaces:]
    marker = next((m for m in MARKERS if rest.startswith(m) and len(rest) > len(m)), "")
    return spaces + len(marker)


def hang(content: Content, width: int) -> Content:
    """``content`` wrapped to ``width`` cells, each wrapped line continuing at its indent."""
    if width <= 0:
        return content
    out: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        if line.cell_length <= width:
            out.append(line)
            continue
        indent = indent_of(line.plain)
        if width - indent < MIN_TEXT:
            out.extend(line.wrap(width))
            continue
        head, text = line[:indent], line[indent:]
        pad = Content(" " * indent)
        for i, piece in enumerate(text.wrap(width - indent)):
            out.append((head if i == 0 else pad) + piece)
    return Content("\n").join(out)


class Hanging(Content):
    """Content drawn with hanging indents (see the module docstring)."""

    @classmethod
    def of(cls, content: Content) -> Hanging:
        return cls(content.plain, list(content.spans), content.cell_length)

    def _laid_out(self, width: int) -> Content:
        cached = getattr(self, "_hang_cache", None)
        if cached is not None and cached[0] == width:
            return cached[1]
        laid = hang(Content(self.plain, list(self.spans)), width)
        self._hang_cache = (width, laid)
        return laid

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._laid_out(width).render_strips(width, height, style, options)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._laid_out(width).get_height(rules, width)
