"""Today's actions without Textual: each plan step's keys, where enter leads, the refill, the
feedback lesson and adding a person as a contact, on a store in tmp_path."""

from __future__ import annotations

from datetime import date

from store.db import Store
from store.models import Application, Contact, Draft, JournalEntry
from store.today import DueItem, plan_views, summarize
from tui.today.actions import (
    AddContact,
    Compose,
    KeepLesson,
    Notice,
    OpenApplication,
    OpenContact,
    OpenDraft,
    Outcome,
    Refill,
    StartReframe,
    TodayActions,
    snooze_problem,
    steps_left,
)

TODAY = date(2026, 3, 2)


class Writes:
    """Stands in for ``app.write``: runs the change (unless refusing) and counts the calls."""

    def __init__(self, refuse: bool = False) -> None:
        self.calls = 0
        self.refuse = refuse

    def __call__(self, fn, *args, **kwargs) -> bool:
        self.calls += 1
        if self.refuse:
            return False
        fn(*args, **kwargs)
        return True


def final_round_rejection(store: Store) -> dict:
    """A final-round rejection: Ana (a recruiter contact) and Ben (a name only) met; one Wishlist card."""
    store.settings.update(pipeline_floor=3)
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen", role="recruiter", company="Acme",
                                      last_touch_on="2026-02-20", cadence="quarterly"))
    app = store.applications.add(Application(company="Acme", role="Staff Engineer", stage="interviewing",
                                             round_name="final", contact_names=["Ana Chen", "Ben Li"]))
    wish = store.applications.add(Application(company="Wish", role="Dev", stage="wishlist"))
    store.applications.reject(app.id)
    return {"app": store.applications.get(app.id), "ana": ana, "wish": wish,
            "plan": store.plans.for_application(app.id)}


def view_of(store: Store, plan_id: str):
    return next(v for v in summarize(store).plans if v.plan.id == plan_id)


def status(store: Store, plan_id: str, key: str) -> str:
    return next(s["status"] for s in store.plans.get(plan_id).steps if s["key"] == key)


def test_done_skip_undo_each_write_once_and_say_what_is_left(store):
    d = final_round_rejection(store)
    pid = d["plan"].id
    writes = Writes()
    actions = TodayActions(store, writes)
    view = view_of(store, pid)
    done = actions.mark_done(view, view.step("reflect"))
    assert done.changed and done.title == "Rebound plan"
    assert done.message.startswith("Reflect: done. ") and "steps left" in done.message
    assert status(store, pid, "reflect") == "done" and writes.calls == 1
    view = view_of(store, pid)
    again = actions.mark_done(view, view.step("reflect"))
    assert again == Outcome(False, "Reflect is already done.") and writes.calls == 1
    skipped = actions.skip(view, view.step("feedback"))
    assert skipped.changed and status(store, pid, "feedback") == "skipped"
    view = view_of(store, pid)
    assert actions.undo(view, view.step("feedback")).message == "Ask for feedback: back to do."
    assert status(store, pid, "feedback") == "todo"
    view = view_of(store, pid)
    assert actions.undo(view, view.step("feedback")).message == "Ask for feedback is already to do."


def test_a_refused_write_changes_and_says_nothing(store):
    d = final_round_rejection(store)
    view = view_of(store, d["plan"].id)
    outcome = TodayActions(store, Writes(refuse=True)).mark_done(view, view.step("reflect"))
    assert outcome == Outcome(False)
    assert status(store, d["plan"].id, "reflect") == "todo"


def test_snooze_needs_a_day_after_today(store):
    d = final_round_rejection(store)
    actions = TodayActions(store, Writes())
    assert "after today" in (snooze_problem("yesterday", TODAY) or "")
    assert snooze_problem("today", TODAY)
    assert snooze_problem("+3d", TODAY) is None
    view = view_of(store, d["plan"].id)
    step = view.step("thank_you")
    assert actions.can_snooze(step) is None
    outcome = actions.snooze(view, step, date(2026, 3, 5))
    assert outcome.changed and outcome.message == "Say thank you: snoozed until 5 Mar."
    view = view_of(store, d["plan"].id)
    assert view.step("thank_you").status == "snoozed"
    assert actions.can_snooze(view.step("thank_you")) is None  # snoozed again, to another day
    store.plans.mark_done(d["plan"].id, "thank_you")
    view = view_of(store, d["plan"].id)
    refused = actions.can_snooze(view.step("thank_you"))
    assert refused == Outcome(False, "Say thank you is done; u puts it back.")


def test_steps_left_speaks_of_the_plan_kindly(store):
    d = final_round_rejection(store)
    view = view_of(store, d["plan"].id)
    assert steps_left(view, "reflect", TODAY).endswith("steps left.")
    for key in ("reflect", "thank_you", "feedback", "stay_in_touch"):
        store.plans.mark_done(d["plan"].id, key)
    view = view_of(store, d["plan"].id)
    # once "move on" is done, only the runner-up sequence is left, weeks away
    assert steps_left(view, "move_on", TODAY) == "That's every step for now; “Light check-in” comes back on 13 Apr."
    store.plans.mark_done(d["plan"].id, "move_on")
    store.plans.mark_done(d["plan"].id, "check_in")
    [view] = plan_views(store, TODAY, store.settings.current(), store.applications.all())  # off Today now
    assert steps_left(view, "reopened", TODAY).startswith("Plan complete — well done.")


def test_where_enter_leads_from_each_step(store):
    d = final_round_rejection(store)
    a, ana = d["app"], d["ana"]
    actions = TodayActions(store, Writes())
    view = view_of(store, d["plan"].id)
    assert actions.step_jump(view, "reflect") == StartReframe(a.id)
    # Ana (the recruiter) delivered the no: her reply carries the one feedback question
    assert actions.step_jump(view, "thank_you") == Compose("rejection reply", a.id, [ana.id])
    assert actions.step_jump(view, "feedback") == Compose("rejection reply", a.id, [ana.id])
    assert actions.step_jump(view, "stay_in_touch") == Compose("connection note", a.id, [ana.id])
    assert actions.step_jump(view, "move_on") == Refill()
    # the runner-up sequence: a light check-in, then the "if your plans change" note, to the recruiter here
    assert actions.step_jump(view, "check_in") == Compose("check-in", a.id, [ana.id])
    assert actions.step_jump(view, "reopened") == Compose("runner-up", a.id, [ana.id])
    assert actions.step_jump(view, "no such step") is None
    # a feedback request already drafted is reopened, not written twice
    ask = store.drafts.save(Draft(kind="feedback request", contact_ids=[ana.id], application_id=a.id))
    assert actions.step_jump(view, "feedback") == OpenDraft(ask.id)


def test_where_enter_leads_for_a_person_and_a_due_item(store):
    d = final_round_rejection(store)
    a, ana = d["app"], d["ana"]
    actions = TodayActions(store, Writes())
    view = view_of(store, d["plan"].id)
    thanks = view.step("thank_you")
    ana_row = next(p for p in thanks.people if p.contact_id == ana.id)
    assert actions.person_jump(view, thanks, ana_row) == Compose("rejection reply", a.id, [ana.id])
    keep = view.step("stay_in_touch")
    ben = next(p for p in keep.people if p.name == "Ben Li")
    # enter never adds a contact silently: it says which key does; a (add_target) adds
    assert actions.person_jump(view, keep, ben) == Notice(
        "Ben Li isn't a contact yet: n adds them (quarterly), then enter writes to them.")
    assert actions.add_target(view, ben) == AddContact(d["plan"].id, "Ben Li")
    assert actions.add_target(view, None) == AddContact(d["plan"].id, "Ben Li")  # from the step's line
    assert actions.due_jump(DueItem("application", "a1", "", "", TODAY)) == OpenApplication("a1")
    assert actions.due_jump(DueItem("contact", "c1", "", "", TODAY)) == OpenContact("c1")
    assert actions.due_jump(DueItem("draft", "d1", "", "", TODAY)) == OpenDraft("d1")
    assert actions.due_jump(DueItem("lesson", "p1", "", "", TODAY)) == KeepLesson("p1")
    assert actions.due_jump(DueItem("something new", "x", "", "", TODAY)) is None


def test_add_a_person_as_a_quarterly_contact_in_one_write(store):
    d = final_round_rejection(store)
    writes = Writes()
    outcome = TodayActions(store, writes).add_as_contact(d["plan"].id, "Ben Li")
    assert outcome == Outcome(True, "Added Ben Li as a contact (quarterly).", "Contacts")
    ben = next(c for c in store.contacts.all() if c.display_name == "Ben Li")
    assert ben.cadence == "quarterly" and ben.id in store.applications.get(d["app"].id).contact_ids
    assert writes.calls == 1
    assert TodayActions(store, writes).add_as_contact("no-such-plan", "X") == Outcome(False)


def test_feedback_kept_as_a_lesson_or_not_now(store):
    d = final_round_rejection(store)
    changed = d["app"].copy()
    changed.feedback = "Strong code; weaker on design."
    store.applications.save(changed)
    actions = TodayActions(store, Writes())
    assert actions.keep_feedback_as_lesson("no-such-plan") is None
    entry_id = actions.keep_feedback_as_lesson(d["plan"].id)
    assert entry_id is not None and store.journal.get(entry_id).lesson == changed.feedback
    assert TodayActions(store, Writes(refuse=True)).not_now(d["plan"].id) == Outcome(False)
    assert actions.not_now(d["plan"].id).changed
    feedback = next(s for s in store.plans.get(d["plan"].id).steps if s["key"] == "feedback")
    assert feedback["lesson"] == "dismissed"


def test_send_a_wishlist_card_to_applied(store):
    d = final_round_rejection(store)
    actions = TodayActions(store, Writes())
    sent = actions.send_to_applied(d["wish"].id)
    assert sent == Outcome(True, "Noted: you applied to Wish — Dev today. It's in Applied now.", "Move on")
    assert store.applications.get(d["wish"].id).stage == "applied"
    assert actions.send_to_applied(d["wish"].id) == Outcome(False)  # not on the Wishlist any more
    assert actions.send_to_applied("no-such-card") == Outcome(False)


def test_evidence_is_recorded_only_when_there_is_some_and_the_store_can_write(store):
    d = final_round_rejection(store)
    writes = Writes()
    actions = TodayActions(store, writes)
    assert not actions.record_evidence(summarize(store)) and writes.calls == 0
    # a reframe written in the journal, linked to the application: "Reflect" reads as done
    store.journal.save(JournalEntry(kind="reframe", application_id=d["app"].id,
                                    thoughts=[{"text": "never", "belief": 50, "hot": True}]))
    summary = summarize(store)
    assert summary.unrecorded
    assert actions.record_evidence(summary) and writes.calls == 1
    assert status(store, d["plan"].id, "reflect") == "done"
    assert not summarize(store).unrecorded
