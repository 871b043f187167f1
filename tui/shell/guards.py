"""The shell's guards, kept apart from the app's own logic: an unexpected error ends in one calm
paragraph (after saving what was typed), every toast is stripped of terminal escape sequences, and a
terminal too small to draw in gets a cover instead of a crash."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, NoReturn

from rich.text import Text
from textual.app import App
from textual.notifications import SeverityLevel

from store import logs
from store.logs import crash_message
from tui.shell.small import TooSmallScreen, too_small
from widgets.usertext import safe

if TYPE_CHECKING:
    from store.db import Store


class GuardedApp(App[Any]):
    """Base of ReboundApp: its subclass provides ``store`` and ``save_everything``."""

    store: Store

    def save_everything(self) -> bool:
        raise NotImplementedError

    # -- an unexpected error: save what was typed, log where it happened, and say it in one line.
    # Textual's default prints a traceback *with locals* (they hold the person's text) to the
    # terminal; these two overrides of its hooks are the one place the shell touches its internals.

    def _handle_exception(self, error: Exception) -> None:
        if self.return_code is not None:
            # already quitting, all saved: a screen torn down mid-mount or a key that arrived after the
            # last screen is no crash (found by the monkey test); the exit goes on with its own code
            logs.swallowed(error, "error while quitting")
            return
        logs.crashed(error)
        try:
            self.save_everything()
        except Exception as exc:  # noqa: BLE001 - already failing; keep what can be kept, the log has it
            logs.swallowed(exc, "save after an unexpected error")
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.bell()
        self._exit_renderables.append(Text(crash_message(self.store.data_dir, self.store.dirty)))
        self._close_messages_no_wait()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every toast: text that isn't our own markup is stripped of terminal control sequences
        (a company name from a hand-edited file must not set the window title or the clipboard)."""
        if not markup:
            message, title = safe(message), safe(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- a terminal too small to draw in

    def _guard_size(self) -> None:
        covered = isinstance(self.screen, TooSmallScreen)
        small = too_small(self.size.width, self.size.height)
        if small and not covered:
            self.push_screen(TooSmallScreen())
        elif covered and not small:
            self.pop_screen()

    def on_resize(self) -> None:
        self.call_after_refresh(self._guard_size)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the terminal is too small only quitting works (nothing else could be drawn)."""
        if isinstance(self.screen, TooSmallScreen):
            return action in ("quit_app", "quit")
        return True


def end_without_terminal(store: Store, saved: bool) -> NoReturn:
    """After SIGHUP the terminal is gone: close the store (an emergency copy if the last save failed,
    as at any quit) and end the process now. Textual's own shutdown would still write to the dead
    terminal, and once its writer thread has died on that, it blocks forever (seen under load)."""
    rescued = store.close_safely()
    logs.log.info("hang-up: %s", "saved" if saved and not rescued else "emergency copy or unsaved")
    os._exit(0 if saved and not rescued else 1)
