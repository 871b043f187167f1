"""``?``: what the current screen is for and every key it answers to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

GLOBAL_KEYS = [
    ("1 … 5", "Today · Board · Journal · Contacts · Outreach"),
    ("?", "this help"),
    ("ctrl+p", "command palette: every action, searchable"),
    ("/", "filter or search the current list"),
    ("escape", "close a dialog, cancel a form, clear a filter"),
    ("q", "quit (everything is already saved)"),
]

#: Named in every help screen: the support panel, from the palette, on every screen.
SUPPORT_LINE = "A hard moment? ctrl+p › “Support: I'm struggling” shows your support line. Rebound is not therapy."


def _key_label(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "shift+left": "shift+←", "shift+right": "shift+→",
             "left": "←", "right": "→", "up": "↑", "down": "↓", "enter": "enter", "escape": "escape"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
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
        rows.append((_key_label(key), desc))
    return rows


def _rows(rows: list[tuple[str, str]]) -> list:
    width = max((len(k) for k, _ in rows), default=4) + 2
    out: list = []
    for key, desc in rows:
        out += [(f"  {key:<{width}}", "bold"), desc, "\n"]
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        title = getattr(self.target, "SCREEN_TITLE", "") or "Rebound"
        about = (getattr(self.target, "HELP", "") or "").strip()
        parts: list = [(title, "bold underline"), "\n\n", about, "\n\n"]
        keys = screen_keys(self.target)
        if keys:
            parts += [("Keys on this screen", "bold"), "\n"]
            parts += _rows(keys)
            parts.append("\n")
        parts += [("Everywhere", "bold"), "\n"]
        parts += _rows(GLOBAL_KEYS)
        parts += ["\n", (SUPPORT_LINE, "italic"), "\n\n", ("escape closes this help", "dim")]
        with VerticalScroll(id="help-box"):
            yield Static(Content.assemble(*parts), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_up()
