"""Today's top lines: the date, a greeting and what is due (one line), then the pipeline floor, the
week, the mood and the latest reframe (two lines). Each fits the width it is given by leaving whole
phrases out, least useful first: a phrase is never cut or wrapped in the middle.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.content import Content

from store.dates import long_date, short_date
from tui.today.rows import Parts, steps_due

if TYPE_CHECKING:
    from store.today import Summary


def due_counts(s: Summary) -> tuple[int, int]:
    """(items due today, plan steps due): what the top line counts."""
    return sum(1 for d in s.tasks if d.kind != "brief"), sum(steps_due(v, s.today) for v in s.plans)


def due_words(tasks: int, steps: int, *, short: bool = False) -> str:
    """``4 due today · 6 plan steps due`` (``4 due · 6 steps`` when ``short``); "" when nothing is."""
    words = [f"{tasks} due" + ("" if short else " today")] if tasks or not steps else []
    if steps:
        noun = "step" if steps == 1 else "steps"
        words.append(f"{steps} {noun}" if short else f"{steps} plan {noun} due")
    return " · ".join(words)


def head_text(today: date, greeting: str, width: int = 0, due: tuple[int, int] | None = None) -> Content:
    """The top line in at most ``width`` cells (0: no limit): the date, the greeting and, once the
    data is read (``due``), how much is due. What doesn't fit goes whole: the greeting first, then
    the long date and the long counts."""
    day: Parts = [(long_date(today), "bold")]
    hello: Parts = ["  ", greeting]
    if due is None or not any(due):  # nothing due: the list says so, calmly
        return Content.assemble(*_first_fit(width, day + hello, day))
    full: Parts = ["   ", (due_words(*due), "bold")]
    brief: Parts = ["  ", (due_words(*due, short=True), "bold")]
    terse: Parts = [(short_date(today), "bold")]
    return Content.assemble(*_first_fit(width, day + hello + full, day + hello + brief, day + full, day + brief,
                                        terse + brief, terse))


def stats_text(s: Summary, width: int = 0) -> Content:
    """The pipeline floor, the week's goal, thirty days of mood and the latest reframe, in two lines
    of at most ``width`` cells (0: no limit). The week goes beside the floor, else first on the second
    line; what doesn't fit is left out, least useful first: how long ago the reframe was, the mood
    average, then the reframe."""
    from store.today import relief_change  # stats are made from a summary: store.today is imported by then

    floor_style = "bold" if s.need and not s.first_run else ""
    pipeline: Parts = [("Pipeline ", "bold"), (s.floor_text, floor_style)]
    week: Parts = [("Week ", "bold"), s.week_text, "   "] if s.week_text else []
    avg = s.mood_average
    mood: Parts = [("Mood 30d ", "bold"), s.sparkline]
    average: Parts = [(f" avg {avg:.1f}" if avg is not None else " no check-ins yet", "dim")]
    reframe: Parts = [("   Reframe ", "bold"), (s.relief_text, "dim")]
    short: Parts = [("   Reframe ", "bold"), (relief_change(s.relief) if s.relief is not None else "none yet", "dim")]
    line1 = _first_fit(width, pipeline + ["   "] + week[:-1], pipeline) if week else pipeline
    lead = week if line1 is pipeline else []
    line2 = _first_fit(width, lead + mood + average + reframe, lead + mood + average + short, lead + mood + short,
                       lead + mood + average, lead + mood)
    return Content.assemble(*line1, "\n", *line2)


def _first_fit(width: int, *candidates: Parts) -> Parts:
    """The first candidate line that fits in ``width`` cells (the last one when none does)."""
    for parts in candidates:
        if not width or Content.assemble(*parts).cell_length <= width:
            return parts
    return candidates[-1]
