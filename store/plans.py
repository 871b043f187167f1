"""Rebound plans: the five next steps built from each rejection.

When the board closes an application as *rejected* (or *ghosted*), it calls
:meth:`PlanRepo.ensure_for_application` inside its close batch. The plan holds one step per habit:

1. ``reflect`` — a guided reframe linked to the application (the journal wizard);
2. ``thank_you`` — a note to each person, by the rule of :mod:`store.recipients`: the person who
   delivered the no gets one reply that thanks and asks one narrow feedback question, each other
   interviewer their own thanks. Due when the cool-off ends (Settings › cool-off hours), so the plan
   never says "due" while the composer says "sleep on it";
3. ``feedback`` — that one question, inside the same reply (never a second email); feedback recorded
   on the application is offered as a lesson for the journal;
4. ``stay_in_touch`` — the interviewers and recruiter as contacts (quarterly cadence), a LinkedIn
   connection note each;
5. ``move_on`` — back above the pipeline floor, and the next application out (the bounce-back).

A ghosting gets ``close_loop`` (one close-the-loop note to your contact there) instead of the
thank-you and feedback steps. A loss at the final round (or at the offer) gets the runner-up
sequence: the connection notes on day 3, ``check_in`` (a light check-in with something to give, weeks
6–8) and ``reopened`` ("has it reopened?" with the runner-up note, about four months later).

Stored per step: ``status`` (``todo``, ``done``, ``skipped``, ``snoozed``), ``due``, ``done_on``,
``snoozed_until``. What the user did elsewhere counts too: a reframe written, a reply or request
sent, the people added, an application sent. :func:`plan_view` reads that evidence from the data
(never writing), so Today and ``rebound-tui today`` show each step as it happens, dated with when it
happened. Done, skipped and snoozed by hand are stored and survive restarts.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypedDict

from . import clock
from .dates import add_months, from_iso
from .errors import NotFoundError
from .journal import entry_relief
from .models import (
    LIVE_STAGES,
    Application,
    Cadence,
    Contact,
    ContactRole,
    Draft,
    JournalEntry,
    Plan,
    PlanKind,
    PlanStep,
    StepKey,
    StepStatus,
    Touchpoint,
)
from .outreach import rejected_at
from .recipients import (
    CLOSE_LOOP,
    INTERVIEWER_THANKS,
    REPLY,
    RUNNER_UP,
    after_a_no,
    asks_a_question,
    runner_up_contact,
)
from .repo import Repo

if TYPE_CHECKING:
    from .db import Store

PLAN_OUTCOMES: tuple[PlanKind, ...] = ("rejected", "ghosted")

STEP_ORDER: list[StepKey] = ["reflect", "thank_you", "close_loop", "feedback", "stay_in_touch", "move_on",
                              "check_in", "reopened"]
STEP_TITLES: dict[str, str] = {
    "reflect": "Reflect",
    "thank_you": "Say thank you",
    "close_loop": "Close the loop",
    "feedback": "Ask for feedback",
    "stay_in_touch": "Stay in touch",
    "move_on": "Move on",
    "check_in": "Light check-in",
    "reopened": "Has it reopened?",
}
STEP_BLURBS: dict[str, str] = {
    "reflect": "a guided reframe of this one",
    "thank_you": "a short note to each person, one each",
    "close_loop": "one short note, no feedback ask",
    "feedback": "one narrow question, inside the thank-you",
    "stay_in_touch": "keep the people you met",
    "move_on": "the next application out",
    "check_in": "something to give, not an ask (weeks 6–8)",
    "reopened": "look at the posting; a runner-up note",
}
STATUSES: tuple[StepStatus, ...] = ("todo", "done", "skipped", "snoozed")
OPEN: StepStatus = "todo"

#: Days after the rejection each step falls due (the thank-you and feedback: when the cool-off ends;
#: ``reopened`` is months, see :func:`build_steps`).
DUE_DAYS: dict[str, int] = {"reflect": 0, "thank_you": 1, "close_loop": 1, "feedback": 1, "stay_in_touch": 7,
                            "move_on": 0, "check_in": 42}
#: After a final-round loss the connection notes go out sooner (the runner-up sequence).
RUNNER_UP_NOTE_DAYS = 3
REOPEN_MONTHS = 4
#: An open step due within this many days keeps its plan on Today.
LOOKAHEAD_DAYS = 14

THANK_KINDS = ("rejection reply", "thank-you", "interviewer thanks", "close the loop")
FEEDBACK_KINDS = ("feedback request",)
NOTE_KINDS = ("connection note",)
#: What counts as the light check-in of the runner-up sequence.
CHECK_IN_KINDS = ("check-in", "article", "congratulations", "holiday greeting", "reconnect")
#: Steps whose message waits for the cool-off after a rejection.
COOLED_STEPS = ("thank_you", "feedback")
NEW_CONTACT_ROLE: ContactRole = "interviewer"
NEW_CONTACT_CADENCE: Cadence = "quarterly"


# --------------------------------------------------------------------------- creating


def is_final_round_loss(app: Application) -> bool:
    """Lost at the offer, or in a round named final: worth a "has it reopened?" look later."""
    if app.closed_from_stage == "offer":
        return True
    if app.closed_from_stage == "interviewing":
        name = (app.round_name or "").lower()
        return "final" in name or "last" in name or "onsite" in name or "on-site" in name
    return False


def rejection_day(app: Application, today: date | None = None) -> date:
    return from_iso(app.outcome_on) or today or clock.today()


def _step(key: StepKey, due: date | None) -> PlanStep:
    return {"key": key, "status": OPEN, "due": due.isoformat() if due else None, "done_on": None,
            "snoozed_until": None}


def cooloff_end(app: Application, hours: int) -> datetime | None:
    """When the composer's cool-off after this rejection ends (None: no rejection, or no cool-off)."""
    when = rejected_at(app)
    return when + timedelta(hours=hours) if when is not None and hours > 0 else None


def build_steps(app: Application, started: date, cooloff_hours: int = 24) -> list[PlanStep]:
    """The steps for this application's plan (pure)."""
    runner_up = is_final_round_loss(app)
    due = {k: started + timedelta(days=d) for k, d in DUE_DAYS.items()}
    ready = cooloff_end(app, cooloff_hours)
    for key in COOLED_STEPS:
        due[key] = ready.date() if ready is not None else started + timedelta(days=0 if cooloff_hours <= 0 else 1)
    if runner_up:
        due["stay_in_touch"] = started + timedelta(days=RUNNER_UP_NOTE_DAYS)
    keys: list[StepKey] = ["reflect", "thank_you", "feedback", "stay_in_touch", "move_on"]
    if app.outcome == "ghosted":
        keys = ["reflect", "close_loop", "stay_in_touch", "move_on"]
    steps = [_step(k, due[k]) for k in keys]
    if runner_up:
        steps.append(_step("check_in", due["check_in"]))
        steps.append(_step("reopened", add_months(started, REOPEN_MONTHS)))
    return steps


def _ordered(steps: Iterable[PlanStep]) -> list[PlanStep]:
    order: dict[str, int] = {k: i for i, k in enumerate(STEP_ORDER)}
    return sorted(steps, key=lambda s: order.get(str(s.get("key")), 99))


# --------------------------------------------------------------------------- the repository


class _StepChange(TypedDict, total=False):
    status: StepStatus
    done_on: str | None
    snoozed_until: str | None
    lesson: str


def _apply(step: PlanStep, change: _StepChange) -> None:
    if "status" in change:
        step["status"] = change["status"]
    if "done_on" in change:
        step["done_on"] = change["done_on"]
    if "snoozed_until" in change:
        step["snoozed_until"] = change["snoozed_until"]
    if "lesson" in change:
        step["lesson"] = change["lesson"]


class PlanRepo(Repo[Plan]):
    def for_application(self, application_id: str) -> Plan | None:
        for plan in self._models().values():
            if plan.application_id == application_id:
                return plan
        return None

    def ensure_for_application(self, app: Application) -> Plan | None:
        """Called by the board, inside the same batch, when an application closes as rejected or
        ghosted. Creates the plan once per rejection; returns it (or None when no plan applies).

        Calling it again returns the same plan. A ghosting that later turns into a rejection gains
        the thank-you step; nothing already done is touched.
        """
        kind = app.outcome
        if kind not in PLAN_OUTCOMES:
            return None
        existing = self.for_application(app.id)
        started = rejection_day(app)
        hours = self.store.settings.current().cooloff_hours
        if existing is None:
            plan = Plan(application_id=app.id, kind=kind, started_on=started.isoformat(),
                        steps=build_steps(app, started, hours))
            return self.save(plan)
        if existing.kind == "ghosted" and app.outcome == "rejected":
            plan = existing.copy()
            plan.kind = "rejected"
            # the close-the-loop note is moot once they said no (unless it was already written)
            plan.steps = [s for s in plan.steps if s.get("key") != "close_loop" or s.get("status") != OPEN]
            have = {s.get("key") for s in plan.steps}
            for step in build_steps(app, clock.today(), hours):
                if step["key"] not in have:
                    plan.steps.append(step)
            plan.steps = _ordered(plan.steps)
            return self.save(plan)
        return existing

    # -- one key per step: done, skip, snooze, undo

    def _change_step(self, plan_id: str, key: str, changes: _StepChange) -> Plan:
        plan = self.get(plan_id)
        if plan is None:
            raise NotFoundError("That rebound plan no longer exists.")
        plan = plan.copy()
        for step in plan.steps:
            if step.get("key") == key:
                _apply(step, changes)
                break
        else:
            raise NotFoundError(f"The plan has no step {key!r}.")
        return self.save(plan)

    def mark_done(self, plan_id: str, key: str, on: date | None = None) -> Plan:
        return self._change_step(plan_id, key, {"status": "done", "done_on": (on or clock.today()).isoformat(),
                                                "snoozed_until": None})

    def skip(self, plan_id: str, key: str, on: date | None = None) -> Plan:
        return self._change_step(plan_id, key, {"status": "skipped", "done_on": (on or clock.today()).isoformat(),
                                                "snoozed_until": None})

    def snooze(self, plan_id: str, key: str, until: date) -> Plan:
        return self._change_step(plan_id, key, {"status": "snoozed", "snoozed_until": until.isoformat(),
                                                "done_on": None})

    def reopen(self, plan_id: str, key: str) -> Plan:
        return self._change_step(plan_id, key, {"status": OPEN, "done_on": None, "snoozed_until": None})

    def set_lesson(self, plan_id: str, value: str) -> Plan:
        """Remember what became of the feedback: a journal entry's id, or ``"dismissed"``."""
        return self._change_step(plan_id, "feedback", {"lesson": value})

    def record_evidence(self, views: Iterable[PlanView]) -> int:
        """Store the steps that read as done from what the user did, dated when it happened, so a
        later change (a person added afterwards) never reopens them. One write; returns how many
        plans changed (0: nothing written)."""
        changed = []
        for view in views:
            done = {s.key: s for s in view.steps if s.unrecorded and s.done_on is not None}
            if not done:
                continue
            plan = view.plan.copy()
            for raw in plan.steps:
                sv = done.get(str(raw.get("key")))
                if sv is not None and sv.done_on is not None and raw.get("status") not in ("done", "skipped"):
                    raw.update({"status": "done", "done_on": sv.done_on.isoformat(), "snoozed_until": None,
                                "by": "evidence"})
            changed.append(plan)
        if changed:
            self.save_many(changed)
        return len(changed)

    def unfinished(self) -> list[Plan]:
        return [p for p in self._models().values() if not p.finished]

    # -- doing the steps elsewhere in one key

    def add_person_as_contact(self, plan: Plan, name: str, *, role: ContactRole = NEW_CONTACT_ROLE) -> Contact:
        """One key: a name from the application becomes a contact (quarterly cadence), linked both
        ways. One write."""
        store = self.store
        app = store.applications.get(plan.application_id)
        if app is None:
            raise NotFoundError("The application was deleted.")
        parts = " ".join(name.split()).split(" ", 1)
        today = clock.today().isoformat()
        contact = Contact(first_name=parts[0], last_name=parts[1] if len(parts) > 1 else "",
                          company=app.company, role=role,
                          how_met=f"interview: {app.role}" if app.role else "interview",
                          met_on=app.outcome_on or today, application_ids=[app.id],
                          cadence=NEW_CONTACT_CADENCE, cadence_set_on=today, source="rebound plan")
        with store.batch():
            saved = store.contacts.save(contact)
            changed = app.copy()
            if saved.id not in changed.contact_ids:
                changed.contact_ids.append(saved.id)
            store.applications.save(changed)
        return saved

    def keep_feedback_as_lesson(self, plan: Plan) -> JournalEntry:
        """The feedback recorded on the application becomes a journal entry with it as the lesson.
        One write (the entry and the plan's note of it)."""
        store = self.store
        app = store.applications.get(plan.application_id)
        if app is None or not app.feedback.strip():
            raise NotFoundError("No feedback is recorded on this application.")
        feedback = app.feedback.strip()
        body = f"What {app.company} said after the {app.closed_from_stage or 'process'}:\n\n{feedback}"
        entry = JournalEntry(kind="freewrite", title=f"Feedback from {app.company}"[:200], body=body,
                             lesson=feedback, application_id=app.id, tags=["feedback", "lesson"])
        with store.batch():
            saved = store.journal.save(entry)
            self.set_lesson(plan.id, saved.id)
        return saved


# --------------------------------------------------------------------------- evidence (read-only)


class Evidence:
    """Indexes built once per summary: what the user did elsewhere that completes a step."""

    def __init__(self, store: Store, application_ids: Iterable[str]) -> None:
        wanted = set(application_ids)
        self.store = store
        self.reframes: dict[str, list[JournalEntry]] = {}
        self.lessons: dict[str, list[JournalEntry]] = {}
        for e in store.journal.all():
            if e.application_id in wanted:
                if e.kind == "reframe":
                    self.reframes.setdefault(e.application_id, []).append(e)
                if e.lesson:
                    self.lessons.setdefault(e.application_id, []).append(e)
        # touchpoints and sent drafts, by application and by contact
        self.touches_by_app: dict[str, list[Touchpoint]] = {}
        self.notes_by_contact: dict[str, str] = {}
        for t in store.touchpoints.all():
            if t.application_id in wanted:
                self.touches_by_app.setdefault(t.application_id, []).append(t)
            if t.kind in NOTE_KINDS:
                for cid in t.contact_ids:
                    if t.date > self.notes_by_contact.get(cid, ""):
                        self.notes_by_contact[cid] = t.date
        self.drafts_by_app: dict[str, list[Draft]] = {}
        self.note_drafts: dict[str, Draft] = {}
        for d in store.drafts.all():
            if d.application_id in wanted:
                self.drafts_by_app.setdefault(d.application_id, []).append(d)
            if d.kind in NOTE_KINDS:
                for cid in d.contact_ids:
                    self.note_drafts.setdefault(cid, d)
        self._contacts_by_name: dict[str, list[Contact]] | None = None
        self._contacts_by_app: dict[str, list[Contact]] | None = None
        self._apps: list[Application] | None = None
        self._applied: list[tuple[str, str]] | None = None
        self._applied_on: dict[str, str] = {}

    @property
    def apps(self) -> list[Application]:
        if self._apps is None:
            self._apps = self.store.applications.all()
        return self._apps

    def applied_since(self, start: date, exclude: str = "") -> tuple[int, date | None]:
        """How many applications went out on or after ``start`` (not counting ``exclude``), and the
        first day one did."""
        if self._applied is None:
            self._applied = sorted((a.applied_on[:10], a.id) for a in self.apps if a.applied_on)
            self._applied_on = {app_id: day for day, app_id in self._applied}
        applied, low = self._applied, (start.isoformat(), "")
        i = bisect.bisect_left(applied, low)  # a bisection per plan, not a walk through the rest
        count = len(applied) - i
        excluded_day = self._applied_on.get(exclude) if exclude else None
        if excluded_day is not None and (excluded_day, exclude) >= low:
            count -= 1
        first = None
        for day, app_id in itertools.islice(applied, i, None):
            if app_id != exclude:
                first = from_iso(day)
                if first is not None:
                    break
        return count, first

    def contacts_named(self, name: str) -> list[Contact]:
        if self._contacts_by_name is None:
            idx: dict[str, list[Contact]] = {}
            for c in self.store.contacts.all():
                for key in {_norm(c.display_name), _norm(f"{c.first_name} {c.last_name}")}:
                    if key:
                        idx.setdefault(key, []).append(c)
            self._contacts_by_name = idx
        return self._contacts_by_name.get(_norm(name), [])

    def contacts_linked(self, application_id: str) -> list[Contact]:
        if self._contacts_by_app is None:
            idx: dict[str, list[Contact]] = {}
            for c in self.store.contacts.all():
                for aid in c.application_ids:
                    idx.setdefault(aid, []).append(c)
            self._contacts_by_app = idx
        return self._contacts_by_app.get(application_id, [])


def _norm(name: str) -> str:
    return " ".join((name or "").lower().split())


# --------------------------------------------------------------------------- the view


@dataclass
class Person:
    """Someone met during this application: a contact already, or only a name on the card."""

    name: str
    contact_id: str | None = None
    replied_on: str | None = None  # their note after the no went out (date)
    reply_draft_id: str | None = None  # a reply drafted, not sent yet
    note_on: str | None = None  # a connection note drafted or sent (date), or connected already
    note_draft_id: str | None = None
    role: str = ""  # the contact's role (recruiter, interviewer…)
    #: The message they get after the no (:mod:`store.recipients`): "rejection reply" for the person
    #: who delivered it, "interviewer thanks", "close the loop"; "" for none.
    kind: str = ""
    asked_on: str | None = None  # a reply with a question in it went out (the feedback ask)
    touched_on: str | None = None  # their last qualifying touch (the runner-up check-in)
    runner_up: bool = False  # the check-in and the runner-up note go to them


@dataclass
class StepView:
    key: str
    title: str
    status: str  # todo | done | skipped | snoozed (a snooze that ran out reads as todo)
    due: date | None = None
    done_on: date | None = None
    snoozed_until: date | None = None
    detail: str = ""
    #: True when the step reads as done from what the user did elsewhere (a reframe written, a
    #: reply sent…), rather than marked by hand.
    auto: bool = False
    #: Done from evidence but not stored yet (:meth:`PlanRepo.record_evidence` stores it).
    unrecorded: bool = False
    people: list[Person] = field(default_factory=list)
    #: When the composer's cool-off ends (the thank-you and feedback steps): not due before then.
    ready_at: datetime | None = None

    def waiting_until(self, now: datetime) -> datetime | None:
        """The end of the cool-off on its day, while it still runs (None: nothing to wait for)."""
        if self.ready_at is None or not self.is_open or self.status == "snoozed":
            return None
        return self.ready_at if now < self.ready_at else None

    @property
    def is_open(self) -> bool:
        return self.status in ("todo", "snoozed")

    def is_current(self, today: date) -> bool:
        """Open, not snoozed into the future, and due soon enough to be worth showing today."""
        if self.status == "snoozed" and self.snoozed_until and self.snoozed_until > today:
            return False
        if self.status not in ("todo", "snoozed"):
            return False
        return self.due is None or self.due <= today + timedelta(days=LOOKAHEAD_DAYS)

    def overdue_days(self, today: date) -> int:
        if not self.is_open or self.due is None:
            return 0
        start = self.snoozed_until if self.status == "snoozed" and self.snoozed_until else self.due
        return max(0, (today - max(start, self.due)).days)


@dataclass
class PlanView:
    plan: Plan
    app: Application | None
    steps: list[StepView]
    started: date
    days_since: int
    sent_since: int  # applications that went out since the rejection (the bounce-back)
    first_sent_on: date | None
    live: int
    floor: int
    need: int  # applications to add or advance to get back to the floor
    wishlist: int
    feedback: str = ""  # feedback recorded on the application, not kept as a lesson yet
    people: list[Person] = field(default_factory=list)  # everyone met during this application
    today: date = field(default_factory=clock.today)

    @property
    def title(self) -> str:
        return self.app.title if self.app else "(application deleted)"

    @property
    def finished(self) -> bool:
        return all(not s.is_open for s in self.steps)

    @property
    def relevant(self) -> bool:
        """The application is still closed the way the plan was made for."""
        return self.app is not None and self.app.stage == "closed" and self.app.outcome in PLAN_OUTCOMES

    @property
    def active(self) -> bool:
        """Shown on Today: some step is open and current."""
        return self.relevant and any(s.is_current(self.today) for s in self.steps)

    def step(self, key: str) -> StepView | None:
        return next((s for s in self.steps if s.key == key), None)

    def counts(self) -> tuple[int, int]:
        """(steps closed, steps in all)."""
        return sum(1 for s in self.steps if not s.is_open), len(self.steps)

    def when(self) -> str:
        """``rejected yesterday``, ``ghosted 5 days ago``."""
        d = self.days_since
        ago = "today" if d == 0 else ("yesterday" if d == 1 else f"{d} days ago")
        return f"{self.plan.kind} {ago}"

    def bounce_back(self) -> str:
        """How many applications went out since the rejection, and how soon; "" when none has (that is
        not a debt, so it is not said)."""
        if self.sent_since:
            n = self.sent_since
            days = (self.first_sent_on - self.started).days if self.first_sent_on else 0
            back = "the same day" if days <= 0 else f"{days} day{'s' if days != 1 else ''} later"
            return f"{n} applied since (first {back})"
        return ""


def floor_words(live: int, floor: int, *, first_run: bool = False) -> str:
    """The pipeline against the floor, without a quota: ``no applications yet``; ``8 live of 10 · one
    good application this week makes 9``; ``21 live, floor 10 met``."""
    if first_run:
        return "no applications yet"
    if live < floor:
        return f"{live} live of {floor} · one good application this week makes {live + 1}"
    return f"{live} live, floor {floor} met"


def pipeline_counts(apps: Iterable[Application]) -> tuple[int, int]:
    """(live applications, wishlist applications)."""
    live = wish = 0
    for a in apps:
        if a.stage in LIVE_STAGES:
            live += 1
        elif a.stage == "wishlist":
            wish += 1
    return live, wish


def floor_need(live: int, floor: int) -> int:
    """How many to add or advance to get back to the floor (0 when at or above it)."""
    return max(0, floor - live)


def _after(day: str | None, start: date) -> bool:
    d = from_iso(day)
    return d is not None and d >= start


def plan_view(store: Store, plan: Plan, today: date | None = None, *, evidence: Evidence | None = None,
              counts: tuple[int, int] | None = None, floor: int | None = None) -> PlanView:
    """Read a plan together with everything that completes its steps (never writes)."""
    today = today or clock.today()
    app = store.applications.get(plan.application_id)
    ev = evidence or Evidence(store, [plan.application_id])
    started = from_iso(plan.started_on) or today
    live, wish = counts if counts is not None else pipeline_counts(ev.apps)
    floor = store.settings.current().pipeline_floor if floor is None else floor
    sent_count, first_sent = ev.applied_since(started, exclude=plan.application_id)
    view = PlanView(plan=plan, app=app, steps=[], started=started, days_since=max(0, (today - started).days),
                    sent_since=sent_count, first_sent_on=first_sent,
                    live=live, floor=floor, need=floor_need(live, floor), wishlist=wish, today=today)
    people = _people(ev, app, started) if app else []
    view.people = people
    ready = cooloff_end(app, store.settings.current().cooloff_hours) if app and plan.kind == "rejected" else None
    for raw in _ordered(s for s in plan.steps if isinstance(s, dict) and s.get("key") in STEP_TITLES):
        key = raw["key"]
        stored = raw.get("status")
        status: StepStatus = stored if stored in STATUSES else OPEN
        if key == "feedback" and plan.kind == "ghosted" and status == OPEN:
            continue  # older plans asked a ghosting for feedback: no one is there to ask
        sv = StepView(key=key, title=STEP_TITLES[key], status=status, due=_day(raw.get("due")),
                      done_on=_day(raw.get("done_on")), snoozed_until=_day(raw.get("snoozed_until")),
                      auto=raw.get("by") == "evidence")
        if ready is not None and key in COOLED_STEPS:
            sv.due, sv.ready_at = ready.date(), ready  # the plan and the composer's cool-off agree
        if app is not None:
            EVIDENCE_READERS[key](_StepEvidence(sv, view, raw, app, ev, people, started))
        view.steps.append(sv)
    return view


def _day(value: object) -> date | None:
    """A stored date, leniently (a hand-edited non-string reads as no date)."""
    return from_iso(value) if isinstance(value, str) else None


def _people(ev: Evidence, app: Application, started: date) -> list[Person]:
    """Linked contacts first (by id, then by the contact's own link), then names not yet contacts."""
    seen: set[str] = set()
    out: list[Person] = []
    contacts: list[Contact] = []
    for cid in app.contact_ids:
        c = ev.store.contacts.get(cid)
        if c is not None and c.id not in seen:
            seen.add(c.id)
            contacts.append(c)
    for c in ev.contacts_linked(app.id):
        if c.id not in seen:
            seen.add(c.id)
            contacts.append(c)
    names_seen = {_norm(c.display_name) for c in contacts} | {_norm(f"{c.first_name} {c.last_name}")
                                                             for c in contacts}
    for name in app.contact_names:
        key = _norm(name)
        if not key or key in names_seen:
            continue
        names_seen.add(key)
        matches = ev.contacts_named(name)
        same_company = [c for c in matches if _norm(c.company) == _norm(app.company)]
        found = same_company[0] if same_company else (matches[0] if matches else None)
        if found is not None and found.id not in seen:
            seen.add(found.id)
            contacts.append(found)
        elif found is None:
            out.append(Person(name=" ".join(name.split())))
    touches = [t for t in ev.touches_by_app.get(app.id, []) if _after(t.date, started)]
    drafts = ev.drafts_by_app.get(app.id, [])
    kinds = after_a_no(contacts, app.outcome)
    runner = runner_up_contact(contacts) if is_final_round_loss(app) else None
    people = []
    for c in contacts:
        p = Person(name=c.display_name, contact_id=c.id, role=c.role, kind=kinds.get(c.id, ""),
                   touched_on=c.last_touch_on, runner_up=runner is not None and runner.id == c.id)
        for t in touches:
            if t.kind in THANK_KINDS and c.id in t.contact_ids and t.direction != "in":
                p.replied_on = max(p.replied_on or "", t.date)
        waiting = []
        for d in drafts:
            if d.kind in THANK_KINDS and c.id in d.contact_ids:
                if d.status == "sent" and _after(d.sent_on, started):
                    p.replied_on = max(p.replied_on or "", d.sent_on or "")
                    if asks_a_question(ev.store.templates, d):
                        p.asked_on = max(p.asked_on or "", d.sent_on or "")
                elif d.status != "sent":
                    waiting.append(d)
        # a draft of their own kind first (the reply, the interviewer's note…)
        own = next((d for d in waiting if d.kind == p.kind), waiting[0] if waiting else None)
        p.reply_draft_id = own.id if own is not None else None
        if c.connected_on:
            p.note_on = c.connected_on
        elif c.id in ev.notes_by_contact:
            p.note_on = ev.notes_by_contact[c.id]
        elif c.id in ev.note_drafts:
            nd = ev.note_drafts[c.id]
            p.note_draft_id = nd.id
            p.note_on = (nd.sent_on or nd.created_at or "")[:10] or None
        people.append(p)
    return people + out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class _StepEvidence:
    """What a step's reader looks at, and the step it fills in."""

    sv: StepView
    view: PlanView
    raw: PlanStep
    app: Application
    ev: Evidence
    people: list[Person]
    started: date

    def auto_done(self, on: str | date | None, detail: str) -> None:
        """The step reads as done from what happened elsewhere (dated then), with ``detail``."""
        sv = self.sv
        sv.detail = detail
        if sv.is_open:
            sv.status = "done"
            sv.auto = True
            sv.unrecorded = True
            sv.done_on = on if isinstance(on, date) else (from_iso(on) or self.view.today)
            sv.snoozed_until = None

    def touch_dates(self, kinds: tuple[str, ...]) -> list[str]:
        """When touchpoints of ``kinds`` went out about this application since the rejection."""
        return [t.date for t in self.ev.touches_by_app.get(self.app.id, [])
                if t.kind in kinds and t.direction != "in" and _after(t.date, self.started)]

    def sent_dates(self, kinds: tuple[str, ...]) -> list[str]:
        """When drafts of ``kinds`` about this application were marked sent since the rejection."""
        return [d.sent_on for d in self.ev.drafts_by_app.get(self.app.id, [])
                if d.kind in kinds and d.status == "sent" and d.sent_on and _after(d.sent_on, self.started)]


def _read_reflect(x: _StepEvidence) -> None:
    entries = x.ev.reframes.get(x.app.id, [])
    finished = sorted((e for e in entries if not e.is_draft), key=lambda e: e.entry_date)
    if finished:
        e = finished[-1]
        relief = entry_relief(e)
        extra = f" · relief {relief:+.0f}" if relief is not None else ""
        x.auto_done(e.entry_date, f"reframe written{extra}")
    else:
        x.sv.detail = "reframe started, not finished" if entries else ""


def thanked(people: Iterable[Person]) -> list[Person]:
    """The people the thank-you step is about: whoever gets a note after the no (by
    :mod:`store.recipients`), and names not yet contacts (they are added first)."""
    return [p for p in people if p.kind in (REPLY, INTERVIEWER_THANKS) or not p.contact_id]


def _read_thank_you(x: _StepEvidence) -> None:
    people = thanked(x.people)
    x.sv.people = list(people)
    linked = [p for p in people if p.contact_id]
    sent = [p for p in linked if p.replied_on]
    any_sent = x.touch_dates(THANK_KINDS) + x.sent_dates(THANK_KINDS)
    if _after(x.app.thank_you_sent_on, x.started):
        x.auto_done(x.app.thank_you_sent_on, "reply sent")
    elif linked and len(sent) == len(linked):
        x.auto_done(max(p.replied_on or "" for p in sent), f"reply sent to {_plural(len(sent), 'person')}")
    elif not linked and any_sent:
        x.auto_done(max(any_sent), "reply sent")
    elif linked:
        waiting = sum(1 for p in linked if p.reply_draft_id and not p.replied_on)
        bits = [f"{len(sent)} of {len(linked)} sent"]
        if waiting:
            bits.append(f"{_plural(waiting, 'draft')} waiting")
        x.sv.detail = " · ".join(bits)
    elif people:
        names = " and ".join(p.name for p in people[:2])
        x.sv.detail = f"add {names}{' and others' if len(people) > 2 else ''} as contacts first (a)"
    else:
        x.sv.detail = "no contact linked"


def _read_close_loop(x: _StepEvidence) -> None:
    people = [p for p in x.people if p.kind == CLOSE_LOOP]
    x.sv.people = people
    sent = x.touch_dates((CLOSE_LOOP,)) + x.sent_dates((CLOSE_LOOP,)) + [p.replied_on for p in people if p.replied_on]
    if sent:
        x.auto_done(max(sent), "note sent")
    elif people:
        waiting = " · draft waiting" if people[0].reply_draft_id else ""
        x.sv.detail = f"one note to {people[0].name}, no feedback ask{waiting}"
    else:
        x.sv.detail = "no contact linked: add who you spoke with (a)" if x.people else "no contact linked"


def _read_feedback(x: _StepEvidence) -> None:
    app = x.app
    feedback = app.feedback.strip()
    if feedback and not x.raw.get("lesson") and not x.ev.lessons.get(app.id):
        x.view.feedback = feedback
    requested = x.touch_dates(FEEDBACK_KINDS) + x.sent_dates(FEEDBACK_KINDS)
    asker = next((p for p in x.people if p.kind == REPLY), None)
    if feedback:
        x.auto_done(max(requested) if requested else app.updated_at[:10], "feedback received")
    elif asker is not None and asker.asked_on:
        x.auto_done(asker.asked_on, f"asked in your reply to {asker.name}")
    elif _after(app.feedback_requested_on, x.started):
        x.auto_done(app.feedback_requested_on, "request sent")
    elif requested:
        x.auto_done(max(requested), "request sent")
    else:
        waiting = any(d.kind in FEEDBACK_KINDS and d.status != "sent" for d in x.ev.drafts_by_app.get(app.id, []))
        if waiting:
            x.sv.detail = "draft waiting"
        elif asker is not None and asker.replied_on:
            x.sv.detail = f"your reply to {asker.name} had no question: enter writes one"
        elif asker is not None:
            x.sv.detail = f"one question, in the same reply to {asker.name}"


def _read_stay_in_touch(x: _StepEvidence) -> None:
    people = x.people
    x.sv.people = list(people)
    if not people:
        x.sv.detail = "no names on this application yet"
        return
    missing = [p for p in people if not p.contact_id]
    noteless = [p for p in people if p.contact_id and not p.note_on]
    if not missing and not noteless:
        x.auto_done(max(p.note_on or "" for p in people) or x.view.today,
                    f"{_plural(len(people), 'person')} kept, a note each")
        return
    bits = []
    if missing:
        bits.append(f"{len(missing)} to add as contacts")
    if noteless:
        bits.append(f"{_plural(len(noteless), 'connection note')} to write")
    x.sv.detail = " · ".join(bits)


def _read_move_on(x: _StepEvidence) -> None:
    view = x.view
    floor = floor_words(view.live, view.floor)
    detail = f"{floor} · {view.bounce_back()}" if view.sent_since else floor
    if view.sent_since and not view.need:
        x.auto_done(view.first_sent_on, detail)
    else:
        x.sv.detail = detail


def _runner_up_person(x: _StepEvidence) -> Person | None:
    return next((p for p in x.people if p.runner_up), None)


def _read_check_in(x: _StepEvidence) -> None:
    since = (x.sv.due or x.started) - timedelta(days=14)
    dates = [d for d in x.touch_dates(CHECK_IN_KINDS) + x.sent_dates(CHECK_IN_KINDS) if _after(d, since)]
    person = _runner_up_person(x)
    x.sv.people = [person] if person is not None else []
    if person is not None and _after(person.touched_on, since):
        dates.append(person.touched_on or "")
    if dates:
        x.auto_done(min(dates), f"in touch with {person.name}" if person is not None else "in touch")
    else:
        to = f"to {person.name}: " if person is not None else ""
        x.sv.detail = f"{to}an article, news or an intro, not an ask"


def _read_reopened(x: _StepEvidence) -> None:
    sent = x.touch_dates((RUNNER_UP,)) + x.sent_dates((RUNNER_UP,))
    person = _runner_up_person(x)
    x.sv.people = [person] if person is not None else []
    if sent:
        x.auto_done(max(sent), "runner-up note sent")
    else:
        to = f" to {person.name}" if person is not None else ""
        x.sv.detail = f"look at the posting; a runner-up note{to}"


#: One reader per step: it fills in the detail line, and marks the step done from what happened
#: elsewhere (a reframe written, a reply sent, the people kept, an application out).
EVIDENCE_READERS: dict[str, Callable[[_StepEvidence], None]] = {
    "reflect": _read_reflect,
    "thank_you": _read_thank_you,
    "close_loop": _read_close_loop,
    "feedback": _read_feedback,
    "stay_in_touch": _read_stay_in_touch,
    "move_on": _read_move_on,
    "check_in": _read_check_in,
    "reopened": _read_reopened,
}
