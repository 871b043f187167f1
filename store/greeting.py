"""Today's greeting by the hour (its own module: Today's first frame says it before anything of
:mod:`store.today` is imported)."""

from __future__ import annotations


def greeting(now_hour: int, name: str = "") -> str:
    if 5 <= now_hour < 12:
        part = "Good morning"
    elif 12 <= now_hour < 18:
        part = "Good afternoon"
    elif now_hour >= 18:
        part = "Good evening"
    else:
        part = "Hello"  # past midnight: no "good evening" at 00:50, and no remark about the hour
    first = (name or "").split()
    return f"{part}, {first[0]}." if first else f"{part}."
