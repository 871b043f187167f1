"""The idle lock: after N minutes without a key (Settings › Privacy, encrypted data only), save what
every screen holds, drop every screen and everything decrypted, and show the unlock screen again.

Locking switches to a ``locked`` mode whose only screen is :class:`~tui.privacy.unlock.UnlockScreen`,
removes the five screens (their widgets hold your text), the dialogs kept for reuse and the toasts,
then drops the keys and the data from the store (:meth:`store.db.Store.lock`; the folder stays
locked against a second writer). While locked only quitting works. Unlocking reads the file again
and opens the screen you were on, built afresh. If the save before locking fails, nothing is locked
(your text would be lost) and Rebound says so and tries again at the next check.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App
from textual.timer import Timer

from store import logs
from store.errors import StoreError

if TYPE_CHECKING:
    from store.db import Store
    from tui.privacy.unlock import UnlockScreen

LOCKED_MODE = "locked"
#: How often the idle time is checked (seconds).
CHECK_EVERY = 15.0


class IdleLockApp(App[Any]):
    """Base of ReboundApp (cooperative: it only extends App's hooks). The subclass provides
    ``store``, ``MODES`` (the screens to drop and rebuild) and ``save_everything``."""

    store: Store

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The clock idle time is measured with (tests move it instead of waiting).
        self.idle_clock: Callable[[], float] = time.monotonic
        self._last_activity = self.idle_clock()
        self._mode_before_lock = ""
        self._idle_timer: Timer | None = None
        self._locking = False

    def save_everything(self) -> bool:
        raise NotImplementedError

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self._last_activity = self.idle_clock()
        await super().on_event(event)

    # -- state

    @property
    def is_locked(self) -> bool:
        return self.current_mode == LOCKED_MODE

    def idle_minutes(self) -> int:
        """The idle lock's minutes (0: off). Only encrypted data locks: plain data has nothing to drop
        that the disk doesn't show anyway."""
        if not self.store.encrypted or self.store.locked:
            return 0
        try:
            return max(0, int(self.store.settings.current().idle_lock_minutes))
        except (StoreError, TypeError, ValueError) as exc:
            logs.swallowed(exc, "reading the idle lock setting")
            return 0

    def start_idle_lock(self) -> None:
        self._last_activity = self.idle_clock()
        self._idle_timer = self.set_interval(CHECK_EVERY, self.check_idle_lock, pause=False)

    def check_idle_lock(self) -> None:
        minutes = self.idle_minutes()
        if not minutes or self.is_locked or self._locking:
            return
        if self.idle_clock() - self._last_activity >= minutes * 60:
            self.run_worker(self.lock_now(f"Locked after {minutes} minute{'s' if minutes != 1 else ''} "
                                          "without a key."), exclusive=True, group="idle-lock")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While locked only quitting works (every other action would show or change the data)."""
        if self.is_locked:
            return action in ("quit_app", "quit")
        return super().check_action(action, parameters)

    # -- locking and unlocking

    async def lock_now(self, note: str = "Locked.") -> bool:
        """Save, drop the screens and the decrypted data, show the unlock screen. False (and said
        why) when nothing was locked."""
        if not self.store.encrypted or self.is_locked or self._locking:
            return False
        self._locking = True
        try:
            if not self.save_everything():
                self.notify("Not locked: the last save failed, and locking now would lose it. Rebound tries "
                            "again in a moment.", title="Privacy", severity="warning", markup=False)
                return False
            from tui.privacy.unlock import UnlockScreen  # imported when first locking, not at start

            self._mode_before_lock = self.current_mode
            data_dir = self.store.data_dir
            self.add_mode(LOCKED_MODE, lambda: UnlockScreen(data_dir, note=note))
            await self.switch_mode(LOCKED_MODE)
            for mode, make in self.MODES.items():
                if mode != LOCKED_MODE:
                    await self.remove_mode(mode)
                    self.add_mode(mode, make)
            from tui.dialogs import kept

            await kept.drop_all(self)  # the dialogs kept for reuse go too (made afresh after unlocking)
            self.clear_notifications()
            self.store.lock()
            return True
        finally:
            self._locking = False

    # (handlers by name, not ``@on``: the unlock screen's module is imported only when locking)
    async def on_unlock_screen_unlocked(self, event: UnlockScreen.Unlocked) -> None:
        try:
            self.store.unlock(event.keyring)
        except (StoreError, OSError) as exc:  # damaged or replaced meanwhile: say so, change nothing
            logs.swallowed(exc, "reading the data after unlocking")
            self.exit(return_code=2, message=Text(f"Rebound unlocked, but could not read the data file "
                                                  f"({getattr(exc, 'problem', None) or exc}). Nothing was "
                                                  "changed; run: rebound-tui doctor"))
            return
        self._last_activity = self.idle_clock()
        await self.switch_mode(self._mode_before_lock if self._mode_before_lock in self.MODES else "today")
        await self.remove_mode(LOCKED_MODE)

    def on_unlock_screen_gave_up(self, event: UnlockScreen.GaveUp) -> None:
        self.exit(return_code=2, message=Text(event.why))
