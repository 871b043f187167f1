"""The board's health figures kept as running counts, so a change to one application updates them
without adding up all the others again.

:func:`store.pipeline.aggregate_health` adds up every application's :class:`~store.pipeline.AppFacts`
(~10 ms at 10,000 applications, after every card move). A :class:`HealthTally` holds the same sums:
counts per stage, outcome and furthest stage, the response waits and the days applications went
out or were lost, as multisets. :meth:`HealthTally.add` and :meth:`HealthTally.remove` take one
application's facts in or out, and :meth:`HealthTally.health` turns the sums into the same
:class:`~store.pipeline.Health` that ``aggregate_health`` gives for the same facts (a property test
compares them). The facts depend on the day (``sent this week``, quiet, due), so a tally belongs to
one day, like the per-application cache it follows.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from datetime import date

from store.models import LIVE_STAGES, OUTCOMES, STAGES
from store.pipeline import (
    _STAGE_INDEX,
    FUNNEL_STAGES,
    AppFacts,
    FunnelStep,
    Health,
    stage_label,
    week_start,
)


def _median(counts: Counter[int]) -> float | None:
    """:func:`statistics.median` of the multiset ``counts`` (value -> how many), with the same types:
    the middle value for an odd number of values, the mean of the middle two for an even one."""
    n = sum(counts.values())
    if not n:
        return None
    lo, hi = (n - 1) // 2, n // 2
    seen, low_value = 0, None
    for value in sorted(counts):
        seen += counts[value]
        if low_value is None and seen > lo:
            low_value = value
        if seen > hi:
            return low_value if n % 2 else (low_value + value) / 2  # type: ignore[operator]
    return None  # not reached: the loop passes the middle


class HealthTally:
    """Running sums of :class:`AppFacts` for ``today`` (see the module docstring)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self._monday = week_start(today)
        self.size = 0
        self.by_stage: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()
        self.furthest: Counter[int] = Counter()
        self.sent = self.responses = self.quiet = self.overdue = self.attention = 0
        self.waits: Counter[int] = Counter()
        self.applied: Counter[date] = Counter()
        self.lost: Counter[date] = Counter()

    @classmethod
    def of(cls, today: date, facts: Iterable[AppFacts]) -> HealthTally:
        """A tally of ``facts``: :meth:`add` for each, in one loop over plain counts (the first count
        of a day adds up every application: 10,000 method calls cost twice as much)."""
        tally = cls(today)
        monday = tally._monday
        by_stage: dict[str, int] = {}
        outcomes: dict[str, int] = {}
        furthest: dict[int, int] = {}
        waits: dict[int, int] = {}
        applied: dict[date, int] = {}
        lost: dict[date, int] = {}
        size = sent = responses = quiet = overdue = attention = 0
        for f in facts:
            size += 1
            day = f.applied
            if day:
                applied[day] = applied.get(day, 0) + 1
                if monday <= day <= today:
                    sent += 1
            if f.lost_on:
                lost[f.lost_on] = lost.get(f.lost_on, 0) + 1
            by_stage[f.stage] = by_stage.get(f.stage, 0) + 1
            if f.outcome:
                outcomes[f.outcome] = outcomes.get(f.outcome, 0) + 1
            furthest[f.furthest] = furthest.get(f.furthest, 0) + 1
            if f.responded:
                responses += 1
                if f.wait_days is not None:
                    waits[f.wait_days] = waits.get(f.wait_days, 0) + 1
            state = f.action_state
            quiet += f.quiet
            overdue += state == "overdue"
            attention += bool(f.quiet or state in ("overdue", "today"))
        tally.size, tally.sent, tally.responses = size, sent, responses
        tally.quiet, tally.overdue, tally.attention = quiet, overdue, attention
        tally.by_stage, tally.outcomes, tally.furthest = Counter(by_stage), Counter(outcomes), Counter(furthest)
        tally.waits, tally.applied, tally.lost = Counter(waits), Counter(applied), Counter(lost)
        return tally

    def merge(self, other: HealthTally) -> None:
        """Count in everything ``other`` (a tally of other applications, the same day) holds."""
        self.size += other.size
        self.sent += other.sent
        self.responses += other.responses
        self.quiet += other.quiet
        self.overdue += other.overdue
        self.attention += other.attention
        self.by_stage.update(other.by_stage)
        self.outcomes.update(other.outcomes)
        self.furthest.update(other.furthest)
        self.waits.update(other.waits)
        self.applied.update(other.applied)
        self.lost.update(other.lost)

    def add(self, f: AppFacts, sign: int = 1) -> None:
        """Count ``f`` in (or out, with ``sign`` -1)."""
        self.size += sign
        if f.applied:
            self.applied[f.applied] += sign
            if self._monday <= f.applied <= self.today:
                self.sent += sign
        if f.lost_on:
            self.lost[f.lost_on] += sign
        self.by_stage[f.stage] += sign
        if f.outcome:
            self.outcomes[f.outcome] += sign
        self.furthest[f.furthest] += sign
        if f.responded:
            self.responses += sign
            if f.wait_days is not None:
                self.waits[f.wait_days] += sign
        self.quiet += sign * f.quiet
        self.overdue += sign * (f.action_state == "overdue")
        self.attention += sign * bool(f.quiet or f.action_state in ("overdue", "today"))

    def remove(self, f: AppFacts) -> None:
        self.add(f, -1)

    def _bounce_backs(self) -> Counter[int]:
        """:func:`store.pipeline.bounce_backs` as a multiset: for each loss, the days to the next
        application sent (same day: 0); losses with none after them are left out."""
        days = sorted(d for d, n in self.applied.items() if n > 0)
        out: Counter[int] = Counter()
        for day, n in self.lost.items():
            if n <= 0:
                continue
            i = bisect.bisect_left(days, day)
            if i < len(days):
                out[(days[i] - day).days] += n
        return out

    def health(self, *, floor: int, weekly_goal: int) -> Health:
        """The figures, as :func:`store.pipeline.aggregate_health` gives them for the same facts."""
        by_stage: dict[str, int] = {s: 0 for s in STAGES}
        by_stage.update((s, n) for s, n in self.by_stage.items() if n or s in by_stage)
        outcomes: dict[str, int] = {o: 0 for o in OUTCOMES}
        outcomes.update((o, n) for o, n in self.outcomes.items() if n or o in outcomes)
        reached = {s: sum(n for i, n in self.furthest.items() if i >= _STAGE_INDEX[s]) for s in FUNNEL_STAGES}
        funnel, prev = [], None
        for s in FUNNEL_STAGES:
            n = reached[s]
            funnel.append(FunnelStep(s, stage_label(s), n, (n / prev) if prev else None))
            prev = n
        bounces = self._bounce_backs()
        return Health(
            live=sum(by_stage.get(s, 0) for s in LIVE_STAGES), floor=int(floor), sent_this_week=self.sent,
            weekly_goal=int(weekly_goal), funnel=funnel, median_first_response_days=_median(self.waits),
            responses=self.responses, applied_total=reached["applied"], needs_attention=self.attention,
            quiet=self.quiet, overdue=self.overdue, by_stage=by_stage, outcomes=outcomes,
            median_bounce_back_days=_median(bounces), bounce_backs=sum(bounces.values()),
        )
