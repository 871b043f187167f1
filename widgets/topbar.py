"""The one-line bar at the top: the app name and the five screens with their keys."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

SCREENS = [("1", "today", "Today"), ("2", "board", "Board"), ("3", "journal", "Journal"),
           ("4", "contacts", "Contacts"), ("5", "outreach", "Outreach")]


class TopBar(Static):
    """Shows which screen is current; ``current`` is a screen key such as ``"board"``."""

    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.current = current

    def on_mount(self) -> None:
        self.update(self.render_bar())

    def render_bar(self) -> Content:
        parts: list[tuple[str, str] | str] = [(" Rebound ", "bold")]
        for key, name, label in SCREENS:
            if name == self.current:
                parts.append((f" {key} {label} ", "reverse bold"))
            else:
                parts += [" ", (key, "dim"), f" {label} "]
        parts.append(("  ? help · ctrl+p commands", "dim"))
        return Content.assemble(*parts)
