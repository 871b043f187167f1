"""The one settings record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import clock
from .contacts import global_pause
from .errors import RuleError
from .models import Settings
from .repo import Repo

SETTINGS_ID = "settings"


class SettingsRepo(Repo[Settings]):
    def current(self) -> Settings:
        """The settings (defaults if none were saved yet). Treat as read-only; save a copy."""
        found = self.get(SETTINGS_ID)
        if found is None:
            found = Settings(id=SETTINGS_ID)
        return found

    def update(self, **changes: Any) -> Settings:
        s = self.current().copy()
        for key, value in changes.items():
            if not hasattr(s, key):
                raise AttributeError(f"unknown setting {key!r}")
            setattr(s, key, value)
        return self.save(s)

    def pause_reminders(self, days: int, today: date | None = None) -> Settings:
        """Pause every keep-in-touch reminder for ``days`` days from today; due dates move after it,
        spread out (see :mod:`store.contacts`)."""
        today = today or clock.today()
        if not 1 <= days <= 366:
            raise RuleError("pause for 1 to 366 days")
        return self.update(pause_from=today.isoformat(), pause_until=(today + timedelta(days=days - 1)).isoformat())

    def resume_reminders(self, today: date | None = None) -> Settings:
        """Resume now: the pause ends yesterday (what it moved stays spread); a future one is dropped."""
        today = today or clock.today()
        pause = global_pause(self.current())
        if pause is None or pause.start >= today:
            return self.update(pause_from=None, pause_until=None)
        return self.update(pause_until=(today - timedelta(days=1)).isoformat())
