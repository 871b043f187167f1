"""A 1-5 scale on one line (mood, energy): ←/→ or the digit keys choose, 0 or backspace clears.

The chosen value is marked ``(•)`` and named in words, so it reads without colour.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ScalePicker(Widget, can_focus=True):
    DEFAULT_CSS = """
    ScalePicker { height: 1; width: 1fr; }
    ScalePicker:focus { background: $accent 20%; }
    """

    BINDINGS = [
        Binding("right,l", "step(1)", "More", show=False, id="scale.more"),
        Binding("left,h", "step(-1)", "Less", show=False, id="scale.less"),
        Binding("backspace", "clear", "Clear", show=False, id="scale.clear"),
        Binding("down,enter", "next_field", "Next field", show=False, id="scale.next"),
        Binding("up", "previous_field", "Previous field", show=False, id="scale.previous"),
    ]

    value: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, picker: ScalePicker, value: int) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> ScalePicker:
            return self.picker

    def __init__(self, label: str, words: dict[int, str], value: int = 0, *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.words = words
        self.set_reactive(ScalePicker.value, value if 1 <= value <= 5 else 0)

    def render(self) -> Content:
        parts: list = [(f"{self.label:<7}", "bold")]
        for n in range(1, 6):
            chosen = n == self.value
            mark = "(•)" if chosen else "( )"
            word = self.words.get(n, "")
            style = "bold reverse" if chosen and self.has_focus else ("bold" if chosen else "")
            parts += [" ", (f"{mark} {n} {word}", style)]
        return Content.assemble(*parts)

    def validate_value(self, value: int) -> int:
        return value if 0 <= value <= 5 else self.value

    def watch_value(self, value: int) -> None:
        self.post_message(self.Changed(self, value))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_step(self, delta: int) -> None:
        self.value = max(1, min(5, (self.value or 3 - delta) + delta))

    def action_next_field(self) -> None:
        self.screen.focus_next()

    def action_previous_field(self) -> None:
        self.screen.focus_previous()

    def action_clear(self) -> None:
        self.value = 0

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character in "012345":
            event.stop()
            event.prevent_default()
            self.value = int(event.character)

    def on_click(self, event: events.Click) -> None:
        # each option is about 14 cells wide after the 7-cell label
        n = (event.x - 7) // 15 + 1
        if 1 <= n <= 5:
            self.value = n
