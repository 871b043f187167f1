"""An optional four-day expressive-writing course, done the way the evidence describes it.

Engineers who had been laid off and wrote about their deepest thoughts and feelings on losing their
job, a short session on each of several days, found new work sooner than those who didn't (Spera,
Buhrfeind & Pennebaker, 1994). Rebound offers four sessions of about fifteen minutes, one a day,
each a free write with its own prompt (our words); the fourth asks what it means. It is optional,
can stop at any time (the support panel is one key away if it becomes too upsetting), and keeps no
streak: a missed day just waits, and the next session is there whenever the person comes back.

Each session is a journal entry with ``course_day`` 1-4. Pure: the state is read from the entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import clock
from .dates import from_iso
from .models import JournalEntry

DAYS = 4
MINUTES = 15
TAG = "writing-course"
EVIDENCE = ("Laid-off engineers who wrote this way for a few days found new work sooner than those who "
            "didn't (Spera, Buhrfeind & Pennebaker, 1994).")
STOP_CLAUSE = ("If it becomes too upsetting, stop: escape closes the entry (you choose whether to keep it), "
               "and Support is one step away (ctrl+p › Support).")

#: One prompt per day, in our own words. Day 4 asks what it means.
PROMPTS: dict[int, str] = {
    1: ("Write about this search and what it has stirred up: the no's, the waiting, what it has touched in "
        "your life. Your deepest thoughts and feelings, as they come, without stopping to tidy them."),
    2: ("Go back to what stays with you most. How has it shaped the way you see yourself, your work and the "
        "people around you? Write about the feelings you haven't said out loud."),
    3: ("Write about how this connects to the rest of your life: your past, the people who matter to you, "
        "who you want to be. Let yourself go where it leads."),
    4: ("Look back over the last days of writing. What does this time mean to you now? What have you "
        "learned about yourself, and what do you want to carry forward from it?"),
}
TITLES: dict[int, str] = {1: "What it stirred up", 2: "What stays with me", 3: "How it connects",
                          4: "What it means"}


@dataclass(frozen=True)
class CourseState:
    """Where the person is: ``done`` sessions finished (0-4), ``last_on`` the day of the latest one,
    ``next_day`` the session to write next (None when all four are written), ``today`` done today."""

    done: int = 0
    last_on: date | None = None
    next_day: int | None = 1
    wrote_today: bool = False

    @property
    def finished(self) -> bool:
        return self.next_day is None

    @property
    def started(self) -> bool:
        return self.done > 0

    def can_write(self) -> bool:
        """One session a day: the next one opens the day after the last (any day after: it waits)."""
        return self.next_day is not None and not self.wrote_today

    def status(self) -> str:
        """Where the course is, said without a streak or a deadline."""
        if self.finished:
            return f"You wrote all {DAYS} sessions. Free writing is always there if you want it."
        if self.wrote_today:
            return f"Session {self.next_day} of {DAYS} waits for another day, whenever suits you."
        if not self.started:
            return f"{DAYS} sessions of about {MINUTES} minutes, one a day; a missed day just waits."
        return f"Session {self.next_day} of {DAYS} is ready, whenever you are."


def state(entries: Iterable[JournalEntry], today: date | None = None) -> CourseState:
    """The course's state from the finished course entries (drafts don't count)."""
    today = today or clock.today()
    days: dict[int, date] = {}
    for e in entries:
        if e.is_draft or not 1 <= e.course_day <= DAYS:
            continue
        on = from_iso(e.entry_date) or today
        days[e.course_day] = max(days.get(e.course_day, on), on)
    done = 0
    while done + 1 in days:
        done += 1
    last = max(days.values()) if days else None
    return CourseState(done=done, last_on=last, next_day=done + 1 if done < DAYS else None,
                       wrote_today=last is not None and last >= today)


def new_session(day: int, today: date | None = None) -> JournalEntry:
    """A draft free write for session ``day``."""
    if not 1 <= day <= DAYS:
        raise ValueError(f"the course has sessions 1 to {DAYS}")
    return JournalEntry(kind="freewrite", is_draft=True, course_day=day, tags=[TAG],
                        title=f"Writing course {day}/{DAYS}: {TITLES[day]}",
                        entry_date=(today or clock.today()).isoformat())


def draft_session(entries: Iterable[JournalEntry], day: int) -> JournalEntry | None:
    """An unfinished draft of session ``day``, to pick up again."""
    found = [e for e in entries if e.is_draft and e.course_day == day]
    return max(found, key=lambda e: e.updated_at or "") if found else None


__all__ = ["DAYS", "EVIDENCE", "MINUTES", "PROMPTS", "STOP_CLAUSE", "TAG", "TITLES", "CourseState",
           "draft_session", "new_session", "state"]
