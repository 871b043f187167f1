"""A footer that rebuilds its keys only when what it shows changes.

Textual's ``Footer`` recomposes (removes and mounts a widget per key, restyles them, lays the screen
out again and paints) every time the screen signals that its bindings *may* have changed: a screen
being mounted, focus landing on a widget, a screen switch, ``refresh_bindings()``. At start-up that is
four rebuilds before the first complete frame, and one or two more after every screen switch, each
with the same keys. :class:`SteadyFooter` composes exactly what ``Footer`` composes, but coalesces the
signals of one refresh into one check and recomposes only when the keys it would show (key, label,
action, enabled, tooltip, group) differ from the ones on screen.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """``Footer``, rebuilt only when its keys change (see the module docstring)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # (Footer's own keyword arguments, passed on)
        #: What the keys on screen were composed from (None: nothing composed yet).
        self._shown: Hashable | None = None
        self._check_pending = False

    def keys_signature(self) -> Hashable:
        """Everything ``Footer.compose`` reads to build its keys, as one comparable value."""
        active = self.screen.active_bindings
        app = self.app
        keys = tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip,
             (binding.group.description, binding.group.compact) if binding.group is not None else None)
            for (_node, binding, enabled, tooltip) in active.values() if binding.show)
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        palette_key = None if palette is None else (
            palette[1].key, app.get_key_display(palette[1]), palette[1].description, palette[2], palette[3],
            palette[1].tooltip)
        return keys, palette_key, self.show_command_palette, app.ENABLE_COMMAND_PALETTE

    def compose(self) -> ComposeResult:
        self._shown = self.keys_signature() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._check_pending = False
        if self.is_attached and (self._shown is None or self.keys_signature() != self._shown):
            await self.recompose()
