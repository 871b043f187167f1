"""Sparklines as plain text: ``▁▂▃▄▅▆▇█`` for values, ``·`` where there is no value.

Plain characters read the same with or without colour (NO_COLOR) and never depend on a style.
"""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"


def sparkline(values: Sequence[float | None], lo: float | None = None, hi: float | None = None) -> str:
    """One character per value, scaled between ``lo`` and ``hi`` (defaults: the data's range)."""
    present = [v for v in values if v is not None]
    if not present:
        return GAP * len(values)
    low = min(present) if lo is None else lo
    high = max(present) if hi is None else hi
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(GAP)
            continue
        if span <= 0:
            out.append(BLOCKS[len(BLOCKS) // 2])
            continue
        t = (min(max(v, low), high) - low) / span
        out.append(BLOCKS[min(len(BLOCKS) - 1, int(round(t * (len(BLOCKS) - 1))))])
    return "".join(out)


def fit_width(values: Sequence[float | None], width: int) -> list[float | None]:
    """Average neighbouring values so the line is at most ``width`` characters (newest kept right)."""
    if width <= 0:
        return []
    if len(values) <= width:
        return list(values)
    size = -(-len(values) // width)  # ceil
    # group from the right so the newest value stays last
    rem = len(values) % size
    groups = ([list(values[:rem])] if rem else []) + [list(values[i:i + size]) for i in range(rem, len(values), size)]
    out = []
    for g in groups:
        vals = [v for v in g if v is not None]
        out.append(sum(vals) / len(vals) if vals else None)
    return out
