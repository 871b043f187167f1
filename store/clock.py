"""The one place Rebound asks what time it is.

Tests and the snapshot suite freeze it (``REBOUND_TODAY=2026-03-02`` or :func:`freeze`), so due
dates, "days in stage" and the Today screen are deterministic.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time

_frozen: datetime | None = None


def _from_env() -> datetime | None:
    raw = os.environ.get("REBOUND_TODAY")
    if not raw:
        return None
    try:
        if "T" in raw:
            value = datetime.fromisoformat(raw)
        else:
            value = datetime.combine(date.fromisoformat(raw), time(9, 0))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def freeze(moment: datetime | date | None) -> None:
    """Pin the clock (tests); ``None`` releases it."""
    global _frozen
    if moment is None:
        _frozen = None
        return
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(9, 0))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    _frozen = moment


def now() -> datetime:
    """Aware local time (or the frozen moment)."""
    if _frozen is not None:
        return _frozen
    env = _from_env()
    if env is not None:
        return env
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def stamp() -> str:
    """An ISO-8601 timestamp with offset, to the second: what ``created_at``/``updated_at`` hold."""
    return now().isoformat(timespec="seconds")
