"""Who gets which message after a no: the rule behind the rebound plan's steps and the composer's
default recipients (pure; no writes).

After a **rejection**:

* the person who delivered the no (the recruiter; else the hiring manager; else the only person
  met) gets ONE reply that thanks them and asks one narrow feedback question (``rejection reply``,
  or its "10-minute call" variant): never a second email for feedback;
* every other interviewer gets their own ``interviewer thanks`` note, one per person, never a
  group email;
* referrers, mentors, peers and alumni are not thanked for a no: they are kept under "stay in touch";
* once feedback arrives, ``feedback thanks`` goes to whoever gave it.

After a **ghosting**: one ``close the loop`` note to your contact there (the recruiter, else the
hiring manager, else the first person met), and no feedback step.

After a **final-round loss** (the runner-up): the light check-in in weeks 6–8 and the ``runner-up``
note around month 4 go to the hiring manager (else the recruiter, else whoever delivered the no).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Contact, Draft, DraftKind

if TYPE_CHECKING:
    from .templates import TemplateRepo

REPLY: DraftKind = "rejection reply"
INTERVIEWER_THANKS: DraftKind = "interviewer thanks"
CLOSE_LOOP: DraftKind = "close the loop"
FEEDBACK_THANKS: DraftKind = "feedback thanks"
RUNNER_UP: DraftKind = "runner-up"
#: The built-in replies (and the call variant) all ask the one feedback question.
ASKING_REPLY = "builtin-rejection reply"
#: Roles that are kept in touch with but not thanked for a no.
NOT_THANKED = ("referrer", "mentor", "peer", "alumni")

#: Each template after a no, and who gets it (the README's closing note and the help say the same).
RULES: list[tuple[str, str]] = [
    ("Reply to a rejection (or its 10-minute-call variant)",
     "the person who delivered the no: the recruiter, else the hiring manager, else the only person "
     "you met. One message: thanks and one narrow feedback question."),
    ("Interviewer thanks after a no", "each other interviewer, one note per person, never a group email."),
    ("Thanks for the feedback", "whoever answered your question, once they have."),
    ("Closing the loop (no answer)", "after a ghosting, your contact there (the recruiter, else the hiring "
     "manager, else the first person met). One note; no feedback step."),
    ("LinkedIn connection note", "everyone you met (day 7; day 3 after a final-round loss)."),
    ("Quarterly check-in, with something to give", "after a final-round loss, the hiring manager (else the "
     "recruiter) in weeks 6–8."),
    ("Runner-up: if plans change", "after a final-round loss, the hiring manager (else the recruiter) "
     "around month 4."),
]


def asks_a_question(templates: TemplateRepo, draft: Draft) -> bool:
    """A reply that carried the feedback question: it has one, or it came from the built-in reply
    (or a copy of it), which always asks."""
    if draft.kind != REPLY:
        return False
    if "?" in (draft.sent_body or draft.body):
        return True
    template = templates.lookup(draft.template_id)
    if template is None:
        return False
    return template.id.startswith(ASKING_REPLY) or template.builtin_of.startswith(ASKING_REPLY)


def _usable(people: Sequence[Contact]) -> list[Contact]:
    return [c for c in people if c.status != "do not contact"]


def deliverer(people: Sequence[Contact]) -> Contact | None:
    """Who delivered the no: the first recruiter, else the first hiring manager, else the only
    person met (None when that can't be told)."""
    usable = _usable(people)
    for role in ("recruiter", "hiring manager"):
        found = next((c for c in usable if c.role == role), None)
        if found is not None:
            return found
    if len(usable) == 1 and usable[0].role not in NOT_THANKED:
        return usable[0]
    return None


def point_of_contact(people: Sequence[Contact]) -> Contact | None:
    """Your contact there (a ghosting's close-the-loop note): who would have delivered a no, else the
    first person met who isn't a referrer, mentor, peer or alumnus."""
    found = deliverer(people)
    if found is not None:
        return found
    return next((c for c in _usable(people) if c.role not in NOT_THANKED), None)


def runner_up_contact(people: Sequence[Contact]) -> Contact | None:
    """The hiring manager, else the recruiter, else whoever delivered the no."""
    usable = _usable(people)
    for role in ("hiring manager", "recruiter"):
        found = next((c for c in usable if c.role == role), None)
        if found is not None:
            return found
    return deliverer(usable)


def after_a_no(people: Sequence[Contact], outcome: str) -> dict[str, DraftKind]:
    """``{contact id: the message they get}`` after ``outcome`` (rejected or ghosted); the people
    left out get none (see the module docstring)."""
    if outcome == "ghosted":
        poc = point_of_contact(people)
        return {poc.id: CLOSE_LOOP} if poc is not None else {}
    told = deliverer(people)
    out: dict[str, DraftKind] = {}
    for c in _usable(people):
        if told is not None and c.id == told.id:
            out[c.id] = REPLY
        elif c.role not in NOT_THANKED:
            out[c.id] = INTERVIEWER_THANKS
    return out


def default_for(people: Sequence[Contact], kind: str) -> list[Contact]:
    """Who a message of ``kind`` about an application goes to when nobody was picked."""
    if kind == REPLY or kind == "feedback request" or kind == FEEDBACK_THANKS:
        told = deliverer(people)
        return [told] if told is not None else []
    if kind == INTERVIEWER_THANKS:
        kinds = after_a_no(people, "rejected")
        return [c for c in people if kinds.get(c.id) == INTERVIEWER_THANKS]
    if kind == CLOSE_LOOP:
        poc = point_of_contact(people)
        return [poc] if poc is not None else []
    if kind == RUNNER_UP:
        found = runner_up_contact(people)
        return [found] if found is not None else []
    return []
