"""``?``: what the current screen is for and every key it answers to — its part of the key map
(:mod:`tui.shell.keymap`, the same table its BINDINGS and palette entries come from, with your own
keys from Settings › Keys), the keys of every screen, and the letters that mean the same everywhere.

A screen's ``HELP`` is a little Markdown: ``**bold**``, ``*italic*`` and ```code``` (keys) are drawn
as such, never shown raw; lines of a paragraph are joined (so it wraps to the terminal), while a line
that starts with a space or a list mark keeps its own line.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.shell import keymap

#: Named in every help screen: the support panel, from the palette, on every screen.
SUPPORT_LINE = "A hard moment? ctrl+p › “Support: I'm struggling” shows your support line. Rebound is not therapy."


_INLINE = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|(?<![*\w])\*(?P<italic>[^*\s](?:[^*\n]*?[^*\s])?)\*(?![*\w])"
                     r"|`(?P<code>[^`\n]+)`")
_OWN_LINE = re.compile(r"^(\s|[-*•·] |\d+[.)] )")


def _inline(text: str) -> list[str | tuple[str, str]]:
    """One line of help with its ``**bold**``, ``*italic*`` and ```code``` drawn, the marks gone."""
    parts: list[str | tuple[str, str]] = []
    at = 0
    for m in _INLINE.finditer(text):
        if m.start() > at:
            parts.append(text[at:m.start()])
        if m.group("bold") is not None:
            parts.append((m.group("bold"), "bold"))
        elif m.group("italic") is not None:
            parts.append((m.group("italic"), "italic"))
        else:
            parts.append((m.group("code"), "bold"))  # keys and commands, like the key table
        at = m.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def markdown_content(text: str) -> Content:
    """A help text's little Markdown as :class:`Content`: paragraphs (their lines joined, so they wrap to
    the terminal), lines that start with a space or a list mark kept as they are, and bold, italic and
    code drawn instead of shown as ``**``, ``*`` and backticks."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    joined = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        out = lines[0].strip()
        for line in lines[1:]:
            out += "\n" + line if _OWN_LINE.match(line) else " " + line.strip()
        joined.append(out)
    return Content.assemble(*_inline("\n\n".join(joined)))


def screen_keys(screen: Screen) -> list[tuple[str, str, str]]:
    """The rows of the key map for ``screen`` (key, what it does, binding id): its own scope, then
    those it inherits (a free write has the journal form's keys too). A screen outside the key map
    (none today; a test keeps it so) lists its own BINDINGS."""
    scopes = [cls.__dict__["KEYMAP"] for cls in type(screen).__mro__ if cls.__dict__.get("KEYMAP")]
    if scopes:
        user = getattr(screen.app, "user_keymap", {})
        rows = [row for scope in scopes for row in keymap.help_rows(scope, user)]
        return [row for i, row in enumerate(rows) if row[2] not in {r[2] for r in rows[:i]}]
    rows = []
    seen = set()
    bindings = []
    for cls in type(screen).__mro__:
        if cls.__module__.startswith(("tui.", "widgets.")):
            bindings += list(cls.__dict__.get("BINDINGS", []))
    for binding in bindings:
        if isinstance(binding, tuple):
            key, _action, desc = (list(binding) + [""])[:3]
        else:
            key, desc = binding.key, binding.description
        if not desc or key in seen:
            continue
        seen.add(key)
        rows.append((keymap.label(key), desc, ""))
    return rows


def _rows(rows: list[tuple[str, str, str]]) -> list:
    """A key-map table: the key (bold), what it does, and its binding id (dim: Settings › Keys takes it)."""
    width = max((len(k) for k, _, _ in rows), default=4) + 2
    desc_width = min(36, max((len(d) for _, d, _ in rows), default=0))
    out: list = []
    for key, desc, binding_id in rows:
        out += [(f"  {key:<{width}}", "bold"), f"{desc:<{desc_width}}" if binding_id else desc]
        if binding_id:
            out += [("  " + binding_id, "dim")]
        out.append("\n")
    return out


class HelpScreen(ModalScreen[None]):
    KEYMAP = "help"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        title = getattr(self.target, "SCREEN_TITLE", "") or "Rebound"
        about = markdown_content(getattr(self.target, "HELP", "") or "")
        parts: list = [(title, "bold underline"), "\n\n", about, "\n\n"]
        keys = screen_keys(self.target)
        if keys:
            parts += [("Keys on this screen", "bold"), "\n"]
            parts += _rows(keys)
            parts.append("\n")
        user = getattr(self.app, "user_keymap", {})
        parts += [("Everywhere", "bold"), "\n"]
        parts += _rows(keymap.global_rows(user))
        parts += ["\n", ("Same key, same meaning on every screen", "bold"), "\n"]
        parts += _rows(keymap.shared_rows())
        parts += ["\n", ("Your own keys: Settings (,) › Keys, one line each: binding id = keys.", "italic"), "\n"]
        parts += [(SUPPORT_LINE, "italic"), "\n\n", ("escape closes this help", "dim")]
        with VerticalScroll(id="help-box"):
            yield Static(Content.assemble(*parts), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_up()
