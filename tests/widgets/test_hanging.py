"""widgets.hanging: wrapped lines continue under their own text; text and spans stay the content's."""

from __future__ import annotations

from textual.content import Content

from tests.hostile import HOSTILE
from widgets.hanging import Hanging, hang, indent_of


def test_each_kind_of_line_continues_at_its_indent():
    assert indent_of("  text") == 2 and indent_of("  • item") == 4 and indent_of("  ★ hot thought") == 8
    assert indent_of("plain") == 0 and indent_of("  • ") == 2  # a marker alone is just text
    text = Content("  " + "word " * 20 + "\n  • " + "item " * 20 + "\nplain " * 1)
    lines = hang(text, 30).plain.splitlines()
    assert all(len(line) <= 30 for line in lines)
    body = [line for line in lines if not line.startswith(("  •", "plain"))]
    assert all(line.startswith("  ") for line in body)
    after_bullet = lines[lines.index(next(line for line in lines if line.startswith("  •"))) + 1]
    assert after_bullet.startswith("    ") and not after_bullet.startswith("     ")


def test_a_narrow_width_wraps_from_the_edge_and_spans_survive():
    text = Content("          " + "long " * 6).stylize("bold", 10, 14)
    assert hang(text, 16).plain.splitlines()[1].startswith("long")  # 16 - 10 < 12: no hanging indent
    laid = hang(Content("  " + "bold " * 10).stylize("bold", 2, 6), 20)
    assert [laid.plain[s.start:s.end] for s in laid.spans] == ["bold"]


def test_hanging_keeps_the_content_as_it_is():
    for s in HOSTILE:
        content = Content("  " + s)
        hanging = Hanging.of(content)
        assert hanging.plain == content.plain and isinstance(hanging, Content)
