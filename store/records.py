"""The records of the big tables (applications, journal, contacts, touchpoints, drafts, templates,
plans): :mod:`store.models` hands them out (``from store.models import Application`` as always) and
imports this module when one is first asked for, so opening the store and painting a remembered Today
build only the settings' record class (issue 16: each record class is a dataclass, made at import).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

from . import clock
from .models import (
    LIVE_STAGES,
    Activity,
    Cadence,
    Channel,
    ContactRole,
    ContactStatus,
    ControlTag,
    Direction,
    DraftChannel,
    DraftKind,
    DraftStatus,
    Emotion,
    ImportantDate,
    JobChange,
    JournalKind,
    MessageMark,
    Outcome,
    PlanKind,
    PlanStep,
    Record,
    Stage,
    StageMove,
    Thought,
    TouchKind,
    WorkMode,
)

# --------------------------------------------------------------------------- applications


@dataclass(slots=True)
class Application(Record):
    TABLE: ClassVar[str] = "applications"

    company: str = ""
    role: str = ""
    url: str = ""
    location: str = ""
    work_mode: WorkMode | Literal[""] = ""
    salary: str = ""
    source: str = ""
    excitement: int = 0  # 1-5, 0 = not set
    applied_on: str | None = None
    deadline: str | None = None
    round_number: int = 0
    round_name: str = ""
    next_action: str = ""
    next_action_date: str | None = None
    contact_names: list[str] = field(default_factory=list)
    contact_ids: list[str] = field(default_factory=list)
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    stage: Stage = "wishlist"
    stage_entered_on: str | None = None
    stage_history: list[StageMove] = field(default_factory=list)
    activity: list[Activity] = field(default_factory=list)
    last_activity_on: str | None = None
    outcome: Outcome | Literal[""] = ""
    outcome_on: str | None = None
    outcome_reason: str = ""
    # the person's own optional tag for a no: outside my control / unknown / something I can work on
    outcome_control: ControlTag | Literal[""] = ""
    closed_from_stage: Stage | Literal[""] = ""
    feedback: str = ""
    thank_you_sent_on: str | None = None
    feedback_requested_on: str | None = None
    # the board's sweep: out of the "needs attention" list until this day (snooze a week)
    snoozed_until: str | None = None
    # the next interview: local "YYYY-MM-DDTHH:MM", or "YYYY-MM-DD" when no time is known
    interview_at: str | None = None

    @property
    def title(self) -> str:
        return f"{self.company} — {self.role}" if self.role else self.company

    @property
    def is_live(self) -> bool:
        return self.stage in LIVE_STAGES


# --------------------------------------------------------------------------- journal


@dataclass(slots=True)
class JournalEntry(Record):
    TABLE: ClassVar[str] = "journal"

    kind: JournalKind = "checkin"
    entry_date: str = field(default_factory=lambda: clock.today().isoformat())
    title: str = ""
    body: str = ""
    mood: int = 0  # 1-5, 0 = not given
    energy: int = 0
    tags: list[str] = field(default_factory=list)
    application_id: str | None = None
    # guided reframe (thought record)
    situation: str = ""
    emotions: list[Emotion] = field(default_factory=list)
    thoughts: list[Thought] = field(default_factory=list)
    distortions: list[str] = field(default_factory=list)
    evidence_for: list[str] = field(default_factory=list)
    evidence_against: list[str] = field(default_factory=list)
    balanced_thought: str = ""
    balanced_belief: int = -1  # 0-100, -1 = not rated
    hot_belief_after: int = -1
    self_compassion: list[str] = field(default_factory=list)
    lesson: str = ""
    lesson_outside_control: bool = False
    next_action: str = ""
    next_action_date: str | None = None
    is_draft: bool = False
    wizard_step: int = 0
    writing_seconds: int = 0
    # the four-day expressive-writing course: which day this entry is (0: not part of it)
    course_day: int = 0

    def hot_thought(self) -> Thought | None:
        for t in self.thoughts:
            if t.get("hot"):
                return t
        return self.thoughts[0] if self.thoughts else None

    def relief(self) -> float | None:
        """Mean drop of the re-rated emotions (before − after), or None if none was re-rated."""
        drops = []
        for e in self.emotions:
            before, after = e.get("before"), e.get("after")
            if isinstance(before, int) and isinstance(after, int) and before >= 0 and after >= 0:
                drops.append(before - after)
        if not drops:
            return None
        return sum(drops) / len(drops)

    def belief_shift(self) -> int | None:
        hot = self.hot_thought()
        if not hot or self.hot_belief_after < 0:
            return None
        before = hot.get("belief", -1)
        if not isinstance(before, int) or before < 0:
            return None
        return before - self.hot_belief_after


# --------------------------------------------------------------------------- contacts


@dataclass(slots=True)
class Contact(Record):
    TABLE: ClassVar[str] = "contacts"

    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    company: str = ""
    title: str = ""
    role: ContactRole = "other"
    emails: list[str] = field(default_factory=list)
    phone: str = ""
    linkedin_url: str = ""
    how_met: str = ""
    met_on: str | None = None
    application_ids: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    next_time: str = ""
    important_dates: list[ImportantDate] = field(default_factory=list)
    status: ContactStatus = "active"
    paused_until: str | None = None
    cadence: Cadence | Literal[""] = ""  # "" = the role's default, else the global default
    cadence_set_on: str | None = None
    snoozed_until: str | None = None
    last_touch_on: str | None = None  # last qualifying (outbound or two-way) touch
    last_any_touch_on: str | None = None
    source: str = "manual"
    connected_on: str | None = None
    changes: list[JobChange] = field(default_factory=list)  # job changes seen on re-import
    # first due date when never contacted (imports spread theirs over one cadence); else
    # cadence_set_on + cadence
    first_due_on: str | None = None

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.first_name
        name = f"{first} {self.last_name}".strip()
        return name or "(no name)"


@dataclass(slots=True)
class Touchpoint(Record):
    TABLE: ClassVar[str] = "touchpoints"

    date: str = field(default_factory=lambda: clock.today().isoformat())
    channel: Channel = "email"
    direction: Direction = "out"
    kind: TouchKind = "check-in"
    summary: str = ""
    contact_ids: list[str] = field(default_factory=list)
    application_id: str | None = None
    draft_id: str | None = None


# --------------------------------------------------------------------------- outreach


@dataclass(slots=True)
class Draft(Record):
    TABLE: ClassVar[str] = "drafts"

    kind: DraftKind = "thank-you"
    contact_ids: list[str] = field(default_factory=list)
    recipient_name: str = ""
    recipient_email: str = ""
    application_id: str | None = None
    channel: DraftChannel = "email"
    subject: str = ""
    body: str = ""
    template_id: str = ""
    status: DraftStatus = "draft"
    sent_on: str | None = None
    put_off_until: str | None = None
    touchpoint_id: str | None = None
    # what was actually sent (rendered), frozen at mark-sent
    sent_subject: str = ""
    sent_body: str = ""
    copied_at: str | None = None  # last time the rendered message was copied or exported
    #: True: subject and body are the message as the person reads and edits it (a template filled in
    #: once, by the composer); False (drafts from before): they are template text, filled in when shown.
    rendered: bool = False
    #: The slots and filled-in values in a rendered draft's text (see :class:`MessageMark`).
    marks: list[MessageMark] = field(default_factory=list)


@dataclass(slots=True)
class Template(Record):
    TABLE: ClassVar[str] = "templates"

    name: str = ""
    kind: DraftKind = "other"
    channel: DraftChannel = "email"
    subject: str = ""
    body: str = ""
    length_hint: str = ""
    timing_hint: str = ""
    builtin_of: str = ""  # the built-in key it was duplicated from


# --------------------------------------------------------------------------- rebound plans


@dataclass(slots=True)
class Plan(Record):
    TABLE: ClassVar[str] = "plans"

    application_id: str = ""
    kind: PlanKind = "rejected"
    started_on: str = field(default_factory=lambda: clock.today().isoformat())
    steps: list[PlanStep] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return all(s.get("status") in ("done", "skipped") for s in self.steps)


ALL_MODELS: tuple[type[Record], ...] = (
    Application, JournalEntry, Contact, Touchpoint, Draft, Template, Plan,
)  # with the settings: see store.models.ALL_MODELS
