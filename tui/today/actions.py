"""What Today does, in plain Python (no Textual): mark a rebound-plan step done, skip, snooze or undo
it, keep feedback as a lesson, add a person as a contact, send a Wishlist card, and decide where
``enter`` on a row leads (a :data:`Jump`, which the screen carries out through the app's methods).

Every change goes through ``write`` (the app's :meth:`ReboundApp.write`, which tells the user when a
change is refused). Results are small dataclasses: the screen says :attr:`Outcome.message` and
re-reads the data when :attr:`Outcome.changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from store import clock
from store import plans as plans_mod
from store.dates import DateError, parse_user_date, short_date
from store.plans import FEEDBACK_KINDS, PlanView, StepView
from store.recipients import CLOSE_LOOP, REPLY, RUNNER_UP
from store.today import DueItem, Summary
from tui.shell.keymap import key_of

if TYPE_CHECKING:
    from store.db import Store

#: ``app.write``: runs a store change, True when it took effect (False: refused, already said why).
Write = Callable[..., bool]

PLAN_TITLE = "Rebound plan"


@dataclass(frozen=True)
class Outcome:
    """What came of an action: ``changed`` (re-read the data) and what to tell the user."""

    changed: bool
    message: str = ""
    title: str = ""


# -- where enter leads (the screen calls the app's method of the same name for each)


@dataclass(frozen=True)
class OpenApplication:
    application_id: str


@dataclass(frozen=True)
class OpenContact:
    contact_id: str


@dataclass(frozen=True)
class OpenDraft:
    draft_id: str


@dataclass(frozen=True)
class Compose:
    """A new message of ``kind`` to these contacts about this application."""

    kind: str
    application_id: str
    contact_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StartReframe:
    application_id: str


@dataclass(frozen=True)
class Refill:
    """The "move on" dialog: send Wishlist cards."""


@dataclass(frozen=True)
class AddContact:
    """One key: a name met during the application becomes a contact."""

    plan_id: str
    name: str


@dataclass(frozen=True)
class KeepLesson:
    """The feedback recorded on the plan's application becomes a journal lesson."""

    plan_id: str


@dataclass(frozen=True)
class AskIntention:
    """Choose (or change) a plan for the next no: "If I get a no, then I…"."""



@dataclass(frozen=True)
class Notice:
    """Nothing to open: say ``message`` (which key does what is wanted)."""

    message: str


Jump = (OpenApplication | OpenContact | OpenDraft | Compose | StartReframe | Refill | AddContact | KeepLesson
        | AskIntention | Notice)

def not_a_contact(name: str) -> Notice:
    return Notice(f"{name} isn't a contact yet: {key_of('today.add_contact')} adds them (quarterly), then enter "
                  "writes to them.")


def next_to_write(step: StepView) -> plans_mod.Person | None:
    """The next person a step's note goes to: a contact whose note is not sent yet."""
    if step.key == "stay_in_touch":
        return next((p for p in step.people if p.contact_id and not p.note_on), None)
    return next((p for p in step.people if p.contact_id and not p.replied_on), None)


def first_name_only(view: PlanView) -> plans_mod.Person | None:
    """The first person met who is only a name on the card (``n`` adds them as a contact)."""
    return next((p for p in view.people if not p.contact_id), None)


def steps_left(view: PlanView, key: str, today: date) -> str:
    """What is left of the plan once step ``key`` is closed, said kindly."""
    left = [s for s in view.steps if s.is_open and s.key != key]
    if not left:
        return "Plan complete — well done. It leaves Today and stays on the application."
    if not any(s.is_current(today) for s in left):
        dates = [d for d in (s.snoozed_until or s.due for s in left) if d is not None]
        later = min(dates, default=None)
        when = f" on {short_date(later, today)}" if later else ""
        return f"That's every step for now; “{left[0].title}” comes back{when}."
    return f"{len(left)} step{'s' if len(left) != 1 else ''} left."


def snooze_problem(text: str, today: date) -> str | None:
    """Why ``text`` can't be a snooze date (a day after ``today``), or None."""
    try:
        d = parse_user_date(text, today)
    except DateError as exc:
        return str(exc)
    if d <= today:
        return "Pick a day after today (tomorrow, +3d, fri or YYYY-MM-DD)."
    return None


def _state(step: StepView) -> str:
    return "done" if step.status == "done" else step.status


class TodayActions:
    """Today's changes to the store, each through ``write``, and where each row leads."""

    def __init__(self, store: Store, write: Write) -> None:
        self.store = store
        self.write = write

    # -- reading

    def record_evidence(self, summary: Summary) -> bool:
        """Steps the user did elsewhere (a reframe written, a reply sent) are stored as done, dated
        when they happened, so a later change can't reopen them. True when something was written."""
        if not summary.unrecorded or self.store.read_only:
            return False
        return self.write(self.store.plans.record_evidence, summary.unrecorded)

    # -- one key per step

    def mark_done(self, view: PlanView, step: StepView) -> Outcome:
        if not step.is_open:
            return Outcome(False, f"{step.title} is already {_state(step)}.")
        if not self.write(self.store.plans.mark_done, view.plan.id, step.key):
            return Outcome(False)
        return Outcome(True, f"{step.title}: done. {steps_left(view, step.key, clock.today())}", PLAN_TITLE)

    def skip(self, view: PlanView, step: StepView) -> Outcome:
        if not step.is_open:
            return Outcome(False, f"{step.title} is already {_state(step)}.")
        if not self.write(self.store.plans.skip, view.plan.id, step.key):
            return Outcome(False)
        return Outcome(True, f"{step.title}: skipped. {steps_left(view, step.key, clock.today())}", PLAN_TITLE)

    def can_snooze(self, step: StepView) -> Outcome | None:
        """Why ``step`` can't be snoozed (an :class:`Outcome` to say), or None when it can."""
        if not step.is_open:
            return Outcome(False, f"{step.title} is {_state(step)}; {key_of('app.undo')} puts it back.")
        return None

    def snooze(self, view: PlanView, step: StepView, until: date) -> Outcome:
        if not self.write(self.store.plans.snooze, view.plan.id, step.key, until):
            return Outcome(False)
        return Outcome(True, f"{step.title}: snoozed until {short_date(until)}.", PLAN_TITLE)

    def undo(self, view: PlanView, step: StepView) -> Outcome:
        if step.status == "todo":
            return Outcome(False, f"{step.title} is already to do.")
        if step.auto:
            return Outcome(False, f"{step.title} reads as done from what you did ({step.detail}); "
                                  "nothing to undo here.")
        if not self.write(self.store.plans.reopen, view.plan.id, step.key):
            return Outcome(False)
        return Outcome(True, f"{step.title}: back to do.", PLAN_TITLE)

    # -- feedback, people, the pipeline

    def not_now(self, plan_id: str) -> Outcome:
        """The offer to keep feedback as a lesson: not now."""
        if not self.write(self.store.plans.set_lesson, plan_id, "dismissed"):
            return Outcome(False)
        return Outcome(True, "Okay — the feedback stays on the application.")

    def keep_feedback_as_lesson(self, plan_id: str) -> str | None:
        """The journal entry made from the plan's feedback (its id), or None when nothing was made."""
        plan = self.store.plans.get(plan_id)
        if plan is None:
            return None
        made: list[str] = []

        def keep() -> None:
            made.append(self.store.plans.keep_feedback_as_lesson(plan).id)

        if self.write(keep) and made:
            return made[0]
        return None

    def add_as_contact(self, plan_id: str, name: str) -> Outcome:
        plan = self.store.plans.get(plan_id)
        if plan is None:
            return Outcome(False)
        made: list[str] = []

        def add() -> None:
            made.append(self.store.plans.add_person_as_contact(plan, name).display_name)

        if self.write(add) and made:
            return Outcome(True, f"Added {made[0]} as a contact (quarterly).", "Contacts")
        return Outcome(False)

    def send_to_applied(self, application_id: str) -> Outcome:
        """"I've applied" (the user's word for it): the Wishlist card moves to Applied today."""
        app = self.store.applications.get(application_id)
        if app is None or app.stage != "wishlist":
            return Outcome(False)
        if not self.write(self.store.applications.move, app.id, "applied"):
            return Outcome(False)
        return Outcome(True, f"Noted: you applied to {app.title} today. It's in Applied now.", "Move on")

    # -- where enter leads

    def due_jump(self, item: DueItem) -> Jump | None:
        if item.kind == "application":
            return OpenApplication(item.ref)
        if item.kind == "contact":
            return OpenContact(item.ref)
        if item.kind == "draft":
            return OpenDraft(item.ref)
        if item.kind == "lesson":
            return KeepLesson(item.ref)
        if item.kind == "brief":
            return OpenApplication(item.ref)
        return None

    def step_jump(self, view: PlanView, key: str) -> Jump | None:
        """Where ``enter`` on a step leads: what its hint says (write to the next person, the reframe,
        the refill…); never a silent change."""
        app, step = view.app, view.step(key)
        if app is None or step is None:
            return None
        if key == "reflect":
            return StartReframe(app.id)
        if key == "move_on":
            return Refill()
        if key == "feedback":
            return self._feedback_jump(view)
        if key in ("thank_you", "close_loop", "stay_in_touch"):
            person = next_to_write(step)
            if person is not None:
                return self.person_jump(view, step, person)
            names = first_name_only(view) if key != "close_loop" else None
            if names is not None:
                return not_a_contact(names.name)
            if key == "stay_in_touch":
                return OpenApplication(app.id)
            done = next((p for p in step.people if p.contact_id), None)
            if done is not None and done.contact_id:
                return OpenContact(done.contact_id)
            return Compose(CLOSE_LOOP if key == "close_loop" else REPLY, app.id, [])
        if key in ("check_in", "reopened"):
            to = [p.contact_id for p in step.people if p.contact_id][:1]
            return Compose("check-in" if key == "check_in" else RUNNER_UP, app.id, to)
        return OpenApplication(app.id)

    def _feedback_jump(self, view: PlanView) -> Jump:
        """The one question goes in the reply to whoever delivered the no (no second email); a
        request of its own only when that reply went out without one, or no one delivered it."""
        app = view.app
        assert app is not None
        waiting = [d for d in self.store.drafts.all()
                   if d.application_id == app.id and d.kind in FEEDBACK_KINDS and d.status != "sent"]
        if waiting:
            return OpenDraft(waiting[0].id)
        asker = next((p for p in view.people if p.kind == REPLY and p.contact_id), None)
        thanks = view.step("thank_you")
        if asker is not None and not asker.replied_on and thanks is not None:
            return self.person_jump(view, thanks, asker) or OpenApplication(app.id)
        linked = [p for p in view.people if p.contact_id]
        # the recruiter is the usual person to ask; else the first person met
        chosen = asker or next((p for p in linked if self._is_recruiter(p.contact_id)), linked[0] if linked else None)
        return Compose("feedback request", app.id, [chosen.contact_id] if chosen and chosen.contact_id else [])

    def _is_recruiter(self, contact_id: str | None) -> bool:
        c = self.store.contacts.get(contact_id)
        return c is not None and c.role == "recruiter"

    def person_jump(self, view: PlanView, step: StepView, person: plans_mod.Person) -> Jump | None:
        """``enter`` on a person: write their note (their own kind), open the draft waiting, or the
        contact once it went out. A name that isn't a contact yet is added with ``a``, never here."""
        app = view.app
        if app is None:
            return None
        if person.contact_id is None:
            return not_a_contact(person.name)
        if step.key in ("thank_you", "close_loop"):
            if person.replied_on:
                return OpenContact(person.contact_id)
            if person.reply_draft_id:
                return OpenDraft(person.reply_draft_id)
            return Compose(person.kind or REPLY, app.id, [person.contact_id])
        if person.note_on:
            return OpenContact(person.contact_id)
        return Compose("connection note", app.id, [person.contact_id])

    def add_target(self, view: PlanView, person: plans_mod.Person | None) -> Jump:
        """``a``: add this name (or the plan's first name that isn't a contact) as a contact."""
        target = person if person is not None and not person.contact_id else first_name_only(view)
        if target is None:
            return Notice("Everyone you met here is a contact already.")
        return AddContact(view.plan.id, target.name)
