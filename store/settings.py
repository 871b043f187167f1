"""The one settings record."""

from __future__ import annotations

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

    def update(self, **changes) -> Settings:
        s = self.current().copy()
        for key, value in changes.items():
            if not hasattr(s, key):
                raise AttributeError(f"unknown setting {key!r}")
            setattr(s, key, value)
        return self.save(s)
