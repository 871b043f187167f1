"""Rebound plans: created once per rejection, the ghosted variant, each step's evidence, the floor
arithmetic, and done/skip/snooze surviving a restart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import plans as P
from store.db import Store
from store.models import Application, Contact, Draft, JournalEntry, Touchpoint

TODAY = date(2026, 3, 2)


def _closed(store, outcome="rejected", *, frm="interviewing", round_name="", names=(), on=TODAY, **kw) -> Application:
    app = Application(company=kw.pop("company", "Acme"), role=kw.pop("role", "Engineer"), stage="closed",
                      outcome=outcome, outcome_on=on.isoformat(), closed_from_stage=frm, round_name=round_name,
                      contact_names=list(names), applied_on=(on - timedelta(days=20)).isoformat(), **kw)
    with store.batch():
        saved = store.applications.save(app)
        store.plans.ensure_for_application(saved)
    return saved


def _keys(plan):
    return [s["key"] for s in plan.steps]


def test_rejection_creates_one_plan_with_five_dated_steps(store):
    app = _closed(store, on=TODAY)
    plan = store.plans.for_application(app.id)
    assert plan is not None and plan.kind == "rejected" and plan.started_on == "2026-03-02"
    assert _keys(plan) == ["reflect", "thank_you", "feedback", "stay_in_touch", "move_on"]
    due = {s["key"]: s["due"] for s in plan.steps}
    # the thank-you and its one feedback question fall due together, when the cool-off ends
    assert due == {"reflect": "2026-03-02", "thank_you": "2026-03-03", "feedback": "2026-03-03",
                   "stay_in_touch": "2026-03-09", "move_on": "2026-03-02"}
    assert all(s["status"] == "todo" for s in plan.steps)
    # once per rejection: calling again (the board closing it twice, a re-render) changes nothing
    again = store.plans.ensure_for_application(app)
    assert again.id == plan.id and store.plans.count() == 1


def test_ghosted_has_no_thank_you_and_gains_it_when_the_rejection_arrives(store):
    app = _closed(store, "ghosted", frm="applied")
    plan = store.plans.for_application(app.id)
    assert plan.kind == "ghosted" and "thank_you" not in _keys(plan)
    store.plans.mark_done(plan.id, "reflect")
    later = app.copy()
    later.outcome = "rejected"
    store.plans.ensure_for_application(store.applications.save(later))
    plan = store.plans.for_application(app.id)
    assert plan.kind == "rejected" and _keys(plan)[:2] == ["reflect", "thank_you"]
    assert plan.steps[0]["status"] == "done"  # what was done stays done
    assert store.plans.count() == 1


@pytest.mark.parametrize("outcome", ["accepted", "withdrew", "declined", "role closed", ""])
def test_other_outcomes_get_no_plan(store, outcome):
    app = Application(company="X", stage="closed", outcome=outcome)
    assert store.plans.ensure_for_application(app) is None
    assert store.plans.count() == 0


@pytest.mark.parametrize("frm,round_name,expected", [
    ("interviewing", "Final round", True), ("interviewing", "onsite", True), ("offer", "", True),
    ("interviewing", "technical", False), ("screening", "final", False), ("applied", "", False),
])
def test_final_round_loss_gets_a_reopened_reminder_four_months_on(store, frm, round_name, expected):
    app = _closed(store, frm=frm, round_name=round_name, on=date(2026, 1, 31))
    plan = store.plans.for_application(app.id)
    reopened = [s for s in plan.steps if s["key"] == "reopened"]
    assert bool(reopened) is expected
    if expected:
        assert reopened[0]["due"] == "2026-05-31"  # month ends clamp: Jan 31 + 4 months


def test_board_close_in_one_batch_creates_the_plan(store):
    app = store.applications.add(Application(company="Board Co", role="Dev", stage="interviewing"))
    store.applications.reject(app.id)
    plan = store.plans.for_application(app.id)
    assert plan is not None and plan.started_on == TODAY.isoformat()


def test_done_skip_snooze_survive_a_restart(data_dir):
    s = Store.open(data_dir)
    app = _closed(s)
    plan = s.plans.for_application(app.id)
    s.plans.mark_done(plan.id, "reflect")
    s.plans.skip(plan.id, "feedback")
    s.plans.snooze(plan.id, "thank_you", date(2026, 3, 5))
    s.close()
    s2 = Store.open(data_dir)
    try:
        steps = {st["key"]: st for st in s2.plans.for_application(app.id).steps}
        assert steps["reflect"]["status"] == "done" and steps["reflect"]["done_on"] == "2026-03-02"
        assert steps["feedback"]["status"] == "skipped" and steps["feedback"]["done_on"] == "2026-03-02"
        assert steps["thank_you"]["status"] == "snoozed" and steps["thank_you"]["snoozed_until"] == "2026-03-05"
        view = P.plan_view(s2, s2.plans.for_application(app.id), TODAY)
        thank = view.step("thank_you")
        assert thank.is_open and not thank.is_current(TODAY) and thank.is_current(date(2026, 3, 5))
        s2.plans.reopen(view.plan.id, "reflect")
        assert s2.plans.for_application(app.id).steps[0]["status"] == "todo"
    finally:
        s2.close()


def test_plan_finishes_when_every_step_is_done_or_skipped(store):
    app = _closed(store)
    plan = store.plans.for_application(app.id)
    for key in _keys(plan):
        store.plans.skip(plan.id, key) if key == "feedback" else store.plans.mark_done(plan.id, key)
    plan = store.plans.get(plan.id)
    assert plan.finished and store.plans.unfinished() == []
    assert not P.plan_view(store, plan, TODAY).active


def test_snoozing_every_open_step_hides_the_plan_until_then(store):
    app = _closed(store, frm="applied")
    plan = store.plans.for_application(app.id)
    for key in _keys(plan):
        store.plans.snooze(plan.id, key, date(2026, 3, 10))
    view = P.plan_view(store, store.plans.get(plan.id), TODAY)
    assert not view.active
    assert P.plan_view(store, store.plans.get(plan.id), date(2026, 3, 10)).active


def test_reopened_application_hides_its_plan(store):
    app = _closed(store)
    store.applications.reopen(app.id)
    view = P.plan_view(store, store.plans.for_application(app.id), TODAY)
    assert not view.relevant and not view.active


def test_reflect_reads_done_from_a_finished_reframe(store):
    app = _closed(store)
    plan = store.plans.for_application(app.id)
    store.journal.save(JournalEntry(kind="reframe", application_id=app.id, is_draft=True))
    step = P.plan_view(store, plan, TODAY).step("reflect")
    assert step.is_open and "started" in step.detail
    store.journal.save(JournalEntry(kind="reframe", application_id=app.id, entry_date="2026-03-02",
                                    emotions=[{"name": "sad", "before": 80, "after": 40}]))
    step = P.plan_view(store, plan, TODAY).step("reflect")
    assert step.status == "done" and step.auto and step.done_on == TODAY and "relief +40" in step.detail


def test_thank_you_counts_each_linked_contact(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen"))
    ben = store.contacts.save(Contact(first_name="Ben", last_name="Li"))
    app = _closed(store, contact_ids=[ana.id, ben.id])
    plan = store.plans.for_application(app.id)
    step = P.plan_view(store, plan, TODAY).step("thank_you")
    assert step.detail == "0 of 2 sent" and [p.name for p in step.people] == ["Ana Chen", "Ben Li"]
    store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=app.id))
    step = P.plan_view(store, plan, TODAY).step("thank_you")
    assert step.detail == "0 of 2 sent · 1 draft waiting" and step.people[0].reply_draft_id
    store.touchpoints.save(Touchpoint(kind="rejection reply", contact_ids=[ana.id], application_id=app.id,
                                      date="2026-03-02"))
    step = P.plan_view(store, plan, TODAY).step("thank_you")
    assert step.is_open and step.detail.startswith("1 of 2 sent")
    store.drafts.save(Draft(kind="rejection reply", contact_ids=[ben.id], application_id=app.id, status="sent",
                            sent_on="2026-03-03"))
    step = P.plan_view(store, plan, date(2026, 3, 3)).step("thank_you")
    assert step.status == "done" and step.done_on == date(2026, 3, 3)


def test_a_reply_sent_before_the_rejection_does_not_count(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen"))
    app = _closed(store, contact_ids=[ana.id])
    store.touchpoints.save(Touchpoint(kind="thank-you", contact_ids=[ana.id], application_id=app.id,
                                      date="2026-02-20"))
    assert P.plan_view(store, store.plans.for_application(app.id), TODAY).step("thank_you").is_open


def test_feedback_request_then_feedback_offered_as_a_lesson(store):
    app = _closed(store)
    plan = store.plans.for_application(app.id)
    store.touchpoints.save(Touchpoint(kind="feedback request", application_id=app.id, date="2026-03-04"))
    view = P.plan_view(store, plan, date(2026, 3, 4))
    assert view.step("feedback").status == "done" and view.step("feedback").done_on == date(2026, 3, 4)
    assert view.feedback == ""
    changed = store.applications.get(app.id).copy()
    changed.feedback = "Strong code; system design answers were thin."
    store.applications.save(changed)
    view = P.plan_view(store, plan, TODAY)
    assert view.feedback.startswith("Strong code")
    entry = store.plans.keep_feedback_as_lesson(plan)
    assert entry.lesson == changed.feedback and entry.application_id == app.id and "feedback" in entry.tags
    assert P.plan_view(store, store.plans.get(plan.id), TODAY).feedback == ""
    assert store.plans.get(plan.id).steps[2]["lesson"] == entry.id


def test_dismissing_the_lesson_offer(store):
    app = _closed(store, feedback="Too junior for us.")
    plan = store.plans.for_application(app.id)
    assert P.plan_view(store, plan, TODAY).feedback
    store.plans.set_lesson(plan.id, "dismissed")
    assert P.plan_view(store, store.plans.get(plan.id), TODAY).feedback == ""


def test_stay_in_touch_adds_names_as_quarterly_contacts_then_notes(store):
    existing = store.contacts.save(Contact(first_name="Cara", last_name="Diaz", company="Acme"))
    app = _closed(store, names=["Ana  Chen", "cara diaz"])
    plan = store.plans.for_application(app.id)
    step = P.plan_view(store, plan, TODAY).step("stay_in_touch")
    # an existing contact is matched by name (case and spaces aside); the other is only a name
    assert [(p.name, p.contact_id) for p in step.people] == [("Cara Diaz", existing.id), ("Ana Chen", None)]
    assert step.detail == "1 to add as contacts · 1 connection note to write"
    added = store.plans.add_person_as_contact(plan, "Ana Chen")
    assert (added.first_name, added.last_name, added.cadence, added.company) == ("Ana", "Chen", "quarterly", "Acme")
    assert added.application_ids == [app.id] and added.id in store.applications.get(app.id).contact_ids
    step = P.plan_view(store, plan, TODAY).step("stay_in_touch")
    assert all(p.contact_id for p in step.people) and step.detail == "2 connection notes to write"
    store.drafts.save(Draft(kind="connection note", channel="linkedin note", contact_ids=[added.id]))
    store.touchpoints.save(Touchpoint(kind="connection note", contact_ids=[existing.id], date="2026-03-03"))
    step = P.plan_view(store, plan, date(2026, 3, 3)).step("stay_in_touch")
    assert step.status == "done" and step.auto


def test_floor_arithmetic():
    assert P.floor_need(7, 10) == 3
    assert P.floor_need(10, 10) == 0
    assert P.floor_need(12, 10) == 0
    assert P.floor_need(0, 0) == 0
    apps = [Application(stage=s) for s in ["wishlist", "wishlist", "applied", "screening", "interviewing", "offer",
                                          "closed"]]
    assert P.pipeline_counts(apps) == (4, 2)


def test_move_on_needs_the_floor_and_an_application_out(store):
    store.settings.update(pipeline_floor=3)
    store.applications.save(Application(company="Live", stage="applied", applied_on="2026-02-01"))
    wishes = [store.applications.save(Application(company=f"W{i}", stage="wishlist")) for i in range(3)]
    app = _closed(store)
    plan = store.plans.for_application(app.id)
    view = P.plan_view(store, plan, TODAY)
    assert (view.live, view.floor, view.need, view.wishlist) == (1, 3, 2, 3)
    # no count for the day, and nothing said about what hasn't gone out (that is not a debt)
    assert view.step("move_on").detail == "1 live of 3 · one good application this week makes 2"
    store.applications.move(wishes[0].id, "applied")
    view = P.plan_view(store, plan, TODAY)
    assert view.need == 1 and view.sent_since == 1 and view.step("move_on").is_open
    assert view.bounce_back() == "1 applied since (first the same day)"
    assert view.step("move_on").detail == "2 live of 3 · one good application this week makes 3 · 1 applied since " \
        "(first the same day)"
    store.applications.move(wishes[1].id, "applied")
    view = P.plan_view(store, plan, TODAY)
    moved = store.applications.get(wishes[1].id)
    assert moved.stage == "applied" and moved.applied_on == "2026-03-02" and moved.stage_history[-1]["to"] == "applied"
    assert view.need == 0 and view.step("move_on").status == "done"


def test_a_plan_whose_application_was_deleted_is_not_shown(store):
    app = _closed(store)
    store.applications._drop(app.id)  # as a hand-edited file could leave it (delete removes the plan)
    view = P.plan_view(store, store.plans.for_application(app.id), TODAY)
    assert view.app is None and not view.active and view.title == "(application deleted)"


def test_unknown_step_keys_and_statuses_in_a_hand_edited_file_are_tolerated(store):
    app = _closed(store)
    plan = store.plans.for_application(app.id).copy()
    plan.steps.append({"key": "mystery", "status": "todo"})
    plan.steps[0]["status"] = "weird"
    store.plans.save(plan)
    view = P.plan_view(store, store.plans.get(plan.id), TODAY)
    assert [s.key for s in view.steps][:1] == ["reflect"] and view.steps[0].status == "todo"
    assert "mystery" not in [s.key for s in view.steps]


def test_recorded_evidence_is_stored_and_a_later_person_does_not_reopen_the_thank_you(store):
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen"))
    app = _closed(store, contact_ids=[ana.id], names=["Ben Li"])
    plan = store.plans.for_application(app.id)
    store.touchpoints.save(Touchpoint(kind="rejection reply", contact_ids=[ana.id], application_id=app.id,
                                      date="2026-03-03"))
    view = P.plan_view(store, plan, date(2026, 3, 3))
    thank = view.step("thank_you")
    assert thank.status == "done" and thank.unrecorded
    assert store.plans.record_evidence([view]) == 1
    raw = next(s for s in store.plans.get(plan.id).steps if s["key"] == "thank_you")
    assert raw == {**raw, "status": "done", "done_on": "2026-03-03", "by": "evidence"}
    assert store.plans.record_evidence([P.plan_view(store, store.plans.get(plan.id), date(2026, 3, 3))]) == 0
    # Ben, met in the same process, is added afterwards: the reply already went out, the step stays done
    store.plans.add_person_as_contact(store.plans.get(plan.id), "Ben Li")
    thank = P.plan_view(store, store.plans.get(plan.id), date(2026, 3, 4)).step("thank_you")
    assert thank.status == "done" and thank.auto and not thank.unrecorded and thank.done_on == date(2026, 3, 3)
