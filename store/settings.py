"""The one settings record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import clock
from .errors import RuleError
from .intention import clean as clean_plan
from .models import Settings
from .repo import Repo
from .sanitize import clean_line

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
        from .contacts import global_pause  # the contacts' code is not needed to open the store

        today = today or clock.today()
        pause = global_pause(self.current())
        if pause is None or pause.start >= today:
            return self.update(pause_from=None, pause_until=None)
        return self.update(pause_until=(today - timedelta(days=1)).isoformat())

    # -- a plan for the next no, the first run

    def set_if_no_plan(self, text: str) -> Settings:
        """The answer to "If I get a no, then I…", in the person's words (cleaned; empty clears it)."""
        return self.update(if_no_plan=clean_plan(text), if_no_asked=True)

    def skip_if_no_plan(self) -> Settings:
        """Not now: the question is not asked again (Settings can still set it)."""
        return self.update(if_no_asked=True)

    def welcome(self, name: str, floor: int, today: date | None = None) -> Settings:
        """The first-run screen's answers, in one write: the name to sign with and the pipeline floor."""
        if not 0 <= floor <= 500:
            raise RuleError("the pipeline floor is a number from 0 to 500")
        clean_name = " ".join(clean_line(name).split())[:100]
        return self.update(my_name=clean_name, pipeline_floor=floor,
                           welcomed_on=(today or clock.today()).isoformat())

    def skip_welcome(self, today: date | None = None) -> Settings:
        """The first-run screen was closed without answers: it is not shown again."""
        return self.update(welcomed_on=(today or clock.today()).isoformat())

    def needs_welcome(self) -> bool:
        """A first run: nothing saved yet (no settings, applications, journal or contacts)."""
        if self.get(SETTINGS_ID) is not None:
            return False
        store = self.store
        return not (store.applications.count() or store.journal.count() or store.contacts.count())
