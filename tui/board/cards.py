"""From applications to what the board draws: cards (built lazily, cached), the health figures,
and the short words and symbols that carry status (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import overload

from store import pipeline as p
from store.dates import interview_parts, short_date
from store.models import Application
from widgets.board_health import HealthFigures
from widgets.kanban import Card

#: How a closed card says its outcome: a symbol and the word.
OUTCOME_MARKS = {
    "accepted": ("✓", "good"),
    "rejected": ("✕", "dim"),
    "ghosted": ("…", "dim"),
    "withdrew": ("↩", "dim"),
    "declined": ("↩", "dim"),
    "role closed": ("⊘", "dim"),
}


def card_meta(app: Application, today: date, quiet_days: int) -> tuple[tuple[str, str], ...]:
    """The status line, most important first."""
    parts: list[tuple[str, str]] = []
    if app.stage == "closed":
        sym, kind = OUTCOME_MARKS.get(app.outcome, ("■", "dim"))
        parts.append((f"{sym} {app.outcome or 'closed'}", kind))
        if app.outcome_on:
            parts.append((short_date(app.outcome_on, today), "dim"))
        return tuple(parts)
    state = p.next_action_state(app, today)
    # a next action whose day has come: a clock and the day, calm (never "overdue", never ⚠)
    if state == "overdue":
        parts.append((f"◷ {short_date(app.next_action_date, today)}", "warn"))
    elif state == "today":
        parts.append(("◷ today", "warn"))
    parts.append((f"{p.days_in_stage(app, today)}d", "dim"))
    if app.excitement:
        parts.append((f"★{app.excitement}", "star"))
    if p.is_quiet(app, today, quiet_days):
        parts.append(("◌ quiet", "quiet"))
    if state == "upcoming":
        parts.append((f"→ {short_date(app.next_action_date, today)}", ""))
    elif not state and app.stage == "wishlist" and app.deadline:
        parts.append((f"by {short_date(app.deadline, today)}", ""))
    if p.is_snoozed(app, today):
        parts.append(("z", "dim"))
    interview = upcoming_interview(app, today)
    if interview:  # last: it shows only when the line has room, the rest of the line stays as it was
        parts.append((interview, ""))
    return tuple(parts)


def upcoming_interview(app: Application, today: date) -> str:
    """``iv 5 Mar 10:30`` (``iv today 14:00``, ``iv tomorrow``) for a Screening or Interviewing card
    whose interview is today or later; "" otherwise. Short: a card's line is narrow."""
    parts = interview_parts(app.interview_at) if app.stage in ("screening", "interviewing") else None
    if parts is None or parts[0] < today:
        return ""
    day, at = parts
    ahead = (day - today).days
    when = "today" if ahead == 0 else "tomorrow" if ahead == 1 else short_date(day, today)
    return f"iv {when}" + (f" {at.hour:02d}:{at.minute:02d}" if at is not None else "")


def card_subtitle(app: Application) -> str:
    role = app.role
    if app.stage in ("screening", "interviewing") and (app.round_number or app.round_name):
        rnd = f"R{app.round_number}" if app.round_number else ""
        role = f"{rnd} {role}".strip() if rnd else role
    return role


def make_card(app: Application, today: date, quiet_days: int) -> Card:
    return Card(id=app.id, title=app.company, subtitle=card_subtitle(app),
                meta=card_meta(app, today, quiet_days), muted=app.stage == "closed")


class CardCache:
    """Cards built on demand and kept until the application changes (or the day does)."""

    def __init__(self) -> None:
        self._cards: dict[str, tuple[str, Card]] = {}
        self.today: date | None = None
        self.quiet_days = p.DEFAULT_QUIET_DAYS

    def reset(self, today: date, quiet_days: int) -> None:
        if today != self.today or quiet_days != self.quiet_days:
            self._cards.clear()
        self.today, self.quiet_days = today, quiet_days

    def card(self, app: Application) -> Card:
        hit = self._cards.get(app.id)
        if hit is not None and hit[0] == app.updated_at and hit[1].title == app.company:
            return hit[1]
        card = make_card(app, self.today or date.today(), self.quiet_days)
        if len(self._cards) > 5000:
            self._cards.clear()
        self._cards[app.id] = (app.updated_at, card)
        return card

    def forget(self, app_id: str) -> None:
        self._cards.pop(app_id, None)


class CardColumn(Sequence[Card]):
    """A column's applications seen as cards: the kanban only asks for the ones on screen."""

    def __init__(self, apps: list[Application], cache: CardCache) -> None:
        self.apps = apps
        self.cache = cache

    def __len__(self) -> int:
        return len(self.apps)

    @overload
    def __getitem__(self, i: int) -> Card: ...

    @overload
    def __getitem__(self, i: slice) -> list[Card]: ...

    def __getitem__(self, i: int | slice) -> Card | list[Card]:
        if isinstance(i, slice):
            return [self.cache.card(a) for a in self.apps[i]]
        return self.cache.card(self.apps[i])


def health_figures(h: p.Health) -> HealthFigures:
    return HealthFigures(
        live=h.live, floor=h.floor, sent_this_week=h.sent_this_week, weekly_goal=h.weekly_goal,
        funnel=[(s.label, s.count, s.conversion) for s in h.funnel],
        median_reply_days=h.median_first_response_days, attention=h.needs_attention,
    )
