"""The key footer: Textual's ``Footer``, rebuilt only when the keys it shows change.

Textual's footer recomposes (a widget per key, each restyled) whenever its screen's bindings are
updated: on every return to a screen and every focus change, even when the same keys come out. That
is most of a second visit's work and the extra frames after a screen switch. This one remembers what
it last showed and skips the rebuild when nothing it would show differs.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    """A footer that recomposes only when its keys (or how they are shown) changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """Everything the footer's compose reads: each binding, whether it is on, its tooltip and key display."""
        app = self.app
        return (self.show_command_palette, app.ENABLE_COMMAND_PALETTE,
                tuple((binding, enabled, tooltip, app.get_key_display(binding))
                      for _node, binding, enabled, tooltip in self.screen.active_bindings.values()))

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        if (self._shown is not None and self.is_attached and screen is self.screen and screen.app.app_focus
                and self._keys() == self._shown):
            return  # the same keys would come out: keep the widgets as they are
        super().bindings_changed(screen)
