"""Lessons reach the next interview: a short brief for a card in Screening or Interviewing.

The brief is the person's own Lessons list (newest first) and the feedback they recorded on other
applications (newest first), a few lines of each. The card's details show it whenever it is in
Screening or Interviewing; Today shows it for a card that moved there in the last
:data:`BRIEF_DAYS` days or has an interview coming within them. Recording feedback offers "keep one
thing as a lesson" (:func:`keep_lesson`). Pure reads, one write per verb; no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import clock
from .dates import from_iso
from .errors import NotFoundError, RuleError
from .journal import Lesson, first_line
from .models import Application, JournalEntry
from .sanitize import clean_line

if TYPE_CHECKING:
    from .db import Store

BRIEF_STAGES: tuple[str, ...] = ("screening", "interviewing")
#: Today shows the brief for a move this recent, or an interview this soon.
BRIEF_DAYS = 7
LESSONS_SHOWN = 3
FEEDBACK_SHOWN = 2
LINE_LIMIT = 120
MAX_LESSON = 500


@dataclass(frozen=True)
class BriefLine:
    text: str
    source: str  # where it came from: the entry's headline, or the company that gave the feedback
    on: str  # its day (ISO), for "newest first"


@dataclass(frozen=True)
class Brief:
    lessons: tuple[BriefLine, ...] = ()
    feedback: tuple[BriefLine, ...] = ()
    lessons_total: int = 0
    feedback_total: int = 0

    @property
    def empty(self) -> bool:
        return not (self.lessons or self.feedback)

    def summary(self) -> str:
        """One line for Today: ``2 lessons, 1 piece of feedback · newest: Practise a scaling story.``"""
        bits = []
        if self.lessons_total:
            bits.append(f"{self.lessons_total} lesson{'s' if self.lessons_total != 1 else ''}")
        if self.feedback_total:
            bits.append(f"{self.feedback_total} piece{'s' if self.feedback_total != 1 else ''} of feedback")
        newest = (self.lessons or self.feedback)
        head = ", ".join(bits)
        return f"{head} · newest: {newest[0].text}" if newest else head

    def line(self) -> str:
        """Today's line, the newest first: ``Practise a scaling story. · 2 lessons, 1 piece of feedback``."""
        newest = (self.lessons or self.feedback)
        counts = self.summary().split(" · newest: ")[0]
        return f"{newest[0].text} · {counts}" if newest else counts


def _line(text: str) -> str:
    return first_line(text, LINE_LIMIT)


def interview_brief(lessons: Iterable[Lesson], apps: Iterable[Application], exclude: str | None = None) -> Brief:
    """The brief (pure): ``lessons`` newest first as the journal gives them; the feedback recorded
    on ``apps`` other than ``exclude``, newest first."""
    return BriefSource(lessons, apps).brief(exclude)


class BriefSource:
    """What every brief of one summary is cut from, worked out once: the lessons' lines (the same
    lesson kept twice said once, its newest) and each application's feedback line, newest first.
    Today makes briefs for a few cards; each leaves out only its own card's feedback."""

    def __init__(self, lessons: Iterable[Lesson], apps: Iterable[Application]) -> None:
        lesson_lines: list[BriefLine] = []
        seen: set[str] = set()
        for ls in lessons:
            text = _line(ls.text)
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                lesson_lines.append(BriefLine(text, ls.source, ls.entry_date))
        self.lessons = tuple(lesson_lines)
        feedback = []
        for a in apps:
            text = _line(a.feedback)
            if text:
                feedback.append((a.id, BriefLine(text, a.company or "an application",
                                                 (a.outcome_on or a.updated_at or "")[:10])))
        feedback.sort(key=lambda pair: pair[1].on, reverse=True)  # stable: ties keep the apps' order
        self.feedback = feedback

    def brief(self, exclude: str | None = None) -> Brief:
        feedback = [line for app_id, line in self.feedback if app_id != exclude]
        return Brief(lessons=self.lessons[:LESSONS_SHOWN], feedback=tuple(feedback[:FEEDBACK_SHOWN]),
                     lessons_total=len(self.lessons), feedback_total=len(feedback))


def brief_for(store: Store, app_id: str | None = None) -> Brief:
    return interview_brief(store.journal.lessons(), store.applications.all(), app_id)


def moved_in_on(app: Application) -> date | None:
    """When the card last moved into its current stage (from its history), else when it entered it."""
    for move in reversed(app.stage_history):
        if isinstance(move, dict) and move.get("to") == app.stage:
            return from_iso(str(move.get("at") or "")[:10]) or from_iso(app.stage_entered_on)
    return from_iso(app.stage_entered_on)


def wants_brief(app: Application, today: date | None = None) -> bool:
    """In Screening or Interviewing, and moved there lately or with an interview coming soon."""
    if app.stage not in BRIEF_STAGES:
        return False
    today = today or clock.today()
    moved = moved_in_on(app)
    if moved is not None and today - timedelta(days=BRIEF_DAYS) <= moved <= today:
        return True
    interview = from_iso((app.interview_at or "")[:10])
    return interview is not None and today <= interview <= today + timedelta(days=BRIEF_DAYS)


def keep_lesson(store: Store, app_id: str, text: str) -> JournalEntry:
    """The "keep one thing as a lesson" of the feedback recorded on an application: a journal entry
    holding it as its lesson (on the Lessons list from now on). One write."""
    app = store.applications.get(app_id)
    if app is None:
        raise NotFoundError("That application no longer exists.")
    lesson = " ".join(clean_line(text).split())
    if not lesson:
        raise RuleError("Write the one thing to keep (a line is enough).")
    lesson = lesson[:MAX_LESSON]
    body = f"From the feedback {app.company} gave me:\n\n{app.feedback.strip()}" if app.feedback.strip() else ""
    return store.journal.save(JournalEntry(kind="freewrite", title=f"Lesson from {app.company}"[:200], body=body,
                                           lesson=lesson, application_id=app.id, tags=["feedback", "lesson"]))


__all__ = ["BRIEF_DAYS", "BRIEF_STAGES", "Brief", "BriefLine", "BriefSource", "brief_for", "interview_brief",
           "keep_lesson", "moved_in_on", "wants_brief"]
