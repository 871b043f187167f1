"""Rebound plan 2.0 (issue 11): who gets which message after a no, the runner-up sequence, a
ghosting's one close-the-loop note, and the plan's due dates agreeing with the composer's cool-off."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from store import clock
from store import plans as P
from store import recipients as R
from store.models import Application, Contact, Draft, Settings, Touchpoint
from store.outreach import assess, build_context, cooloff, default_recipients, render
from store.templates import BUILTIN_BY_KIND, BUILTINS
from store.today import step_is_due, step_when
from store.tone import check

TODAY = date(2026, 3, 2)


def _people(store, *roles: str) -> list[Contact]:
    names = ["Ana Chen", "Ben Li", "Cleo Park", "Dev Rao"]
    return [store.contacts.save(Contact(first_name=n.split()[0], last_name=n.split()[1], role=r, company="Acme"))
            for n, r in zip(names, roles, strict=False)]


def _reject(store, people, *, outcome="rejected", round_name="final", frm="interviewing") -> Application:
    app = store.applications.add(Application(company="Acme", role="Staff Engineer", stage=frm, round_name=round_name,
                                             contact_names=[p.display_name for p in people]))
    store.applications.close(app.id, outcome)
    return store.applications.get(app.id)


def _view(store, app, today=TODAY):
    return P.plan_view(store, store.plans.for_application(app.id), today)


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize("roles,expected", [
    (("recruiter", "interviewer", "interviewer"), ["rejection reply", "interviewer thanks", "interviewer thanks"]),
    (("interviewer", "hiring manager", "interviewer"), ["interviewer thanks", "rejection reply", "interviewer thanks"]),
    (("recruiter", "hiring manager"), ["rejection reply", "interviewer thanks"]),
    (("other",), ["rejection reply"]),  # the only person met delivered it
    (("interviewer", "interviewer"), ["interviewer thanks", "interviewer thanks"]),  # no one known delivered it
    (("recruiter", "referrer", "mentor"), ["rejection reply", None, None]),  # kept in touch, not thanked for a no
])
def test_who_gets_which_message_after_a_rejection(store, roles, expected):
    people = _people(store, *roles)
    kinds = R.after_a_no(people, "rejected")
    assert [kinds.get(p.id) for p in people] == expected


def test_a_ghosting_gets_one_close_the_loop_note_to_the_point_of_contact(store):
    interviewer, recruiter = _people(store, "interviewer", "recruiter")
    assert R.after_a_no([interviewer, recruiter], "ghosted") == {recruiter.id: "close the loop"}
    (only,) = _people(store, "interviewer")
    assert R.after_a_no([only], "ghosted") == {only.id: "close the loop"}


def test_the_composer_picks_the_same_recipients_when_nobody_was_picked(store):
    ana, ben, cleo = _people(store, "recruiter", "interviewer", "hiring manager")
    app = _reject(store, [ana, ben, cleo])
    assert default_recipients(store, "rejection reply", app.id) == [ana.id]
    assert default_recipients(store, "interviewer thanks", app.id) == [ben.id, cleo.id]
    assert default_recipients(store, "runner-up", app.id) == [cleo.id]  # the hiring manager


# --------------------------------------------------------------------------- the steps


def test_each_person_gets_their_own_note_and_the_recruiter_one_message(store):
    ana, ben, cleo = _people(store, "recruiter", "interviewer", "interviewer")
    app = _reject(store, [ana, ben, cleo])
    view = _view(store, app)
    thanks = view.step("thank_you")
    assert [(p.name, p.kind) for p in thanks.people] == [
        ("Ana Chen", "rejection reply"), ("Ben Li", "interviewer thanks"), ("Cleo Park", "interviewer thanks")]
    assert view.step("feedback").detail == "one question, in the same reply to Ana Chen"
    # Ana's reply (from the built-in template, which asks) is the feedback request: no second email
    reply = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=app.id,
                                    template_id=BUILTIN_BY_KIND["rejection reply"].id))
    store.drafts.mark_sent(reply.id, channel="email", on=TODAY, subject="Re", body="Thank you for letting me know.")
    assert store.applications.get(app.id).feedback_requested_on == "2026-03-02"  # the reply was the request
    view = _view(store, app)
    assert view.step("feedback").status == "done" and view.step("feedback").detail == "asked in your reply to Ana Chen"
    assert view.step("thank_you").is_open and view.step("thank_you").detail == "1 of 3 sent"


def test_a_reply_from_a_template_that_asks_nothing_leaves_the_feedback_step_open(store):
    (ana,) = _people(store, "recruiter")
    app = _reject(store, [ana])
    mine = store.templates.save_template(store.templates.duplicate(BUILTIN_BY_KIND["check-in"]))
    reply = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=app.id,
                                    template_id=mine.id))
    store.drafts.mark_sent(reply.id, channel="email", on=TODAY, subject="Re", body="Thanks, all the best.")
    feedback = _view(store, app).step("feedback")
    assert feedback.is_open and feedback.detail == "your reply to Ana Chen had no question: enter writes one"
    # one with a question counts, whatever its template
    second = store.drafts.save(Draft(kind="rejection reply", contact_ids=[ana.id], application_id=app.id,
                                     template_id=mine.id))
    store.drafts.mark_sent(second.id, channel="email", on=TODAY, subject="Re", body="Was there one gap?")
    assert _view(store, app).step("feedback").status == "done"


def test_ghosted_plan_has_close_the_loop_and_no_feedback_step(store):
    ana, ben = _people(store, "recruiter", "interviewer")
    app = _reject(store, [ana, ben], outcome="ghosted", round_name="")
    plan = store.plans.for_application(app.id)
    assert [s["key"] for s in plan.steps] == ["reflect", "close_loop", "stay_in_touch", "move_on"]
    step = _view(store, app).step("close_loop")
    assert [p.name for p in step.people] == ["Ana Chen"] and step.detail == "one note to Ana Chen, no feedback ask"
    store.touchpoints.save(Touchpoint(kind="close the loop", contact_ids=[ana.id], application_id=app.id,
                                      date="2026-03-03"))
    step = _view(store, app, date(2026, 3, 3)).step("close_loop")
    assert step.status == "done" and step.done_on == date(2026, 3, 3)


def test_an_older_ghosted_plan_no_longer_shows_its_open_feedback_step(store):
    (ana,) = _people(store, "recruiter")
    app = _reject(store, [ana], outcome="ghosted", round_name="")
    plan = store.plans.for_application(app.id).copy()
    plan.steps.append(P._step("feedback", TODAY))  # as the first version made them
    store.plans.save(plan)
    assert _view(store, app).step("feedback") is None


def test_a_ghosting_that_turns_into_a_no_drops_the_unwritten_close_the_loop_note(store):
    (ana,) = _people(store, "recruiter")
    app = _reject(store, [ana], outcome="ghosted", round_name="")
    later = app.copy()
    later.outcome = "rejected"
    store.plans.ensure_for_application(store.applications.save(later))
    keys = [s["key"] for s in store.plans.for_application(app.id).steps]
    assert keys == ["reflect", "thank_you", "feedback", "stay_in_touch", "move_on"]


def test_runner_up_sequence_after_a_final_round_or_offer_loss(store):
    ana, ben = _people(store, "recruiter", "hiring manager")
    app = _reject(store, [ana, ben])
    due = {s["key"]: s["due"] for s in store.plans.for_application(app.id).steps}
    assert due["stay_in_touch"] == "2026-03-05"  # connection notes on day 3
    assert due["check_in"] == "2026-04-13"  # week 6 (of 6–8)
    assert due["reopened"] == "2026-07-02"  # month 4
    view = _view(store, app, date(2026, 4, 10))
    check_in = view.step("check_in")
    assert [p.name for p in check_in.people] == ["Ben Li"]  # the hiring manager
    assert check_in.detail == "to Ben Li: an article, news or an intro, not an ask"
    assert view.step("reopened").detail == "look at the posting; a runner-up note to Ben Li"
    # a check-in about this application in the window ticks it off; so does the runner-up note
    store.touchpoints.save(Touchpoint(kind="article", contact_ids=[ben.id], application_id=app.id,
                                      date="2026-04-08"))
    store.touchpoints.save(Touchpoint(kind="runner-up", contact_ids=[ben.id], application_id=app.id,
                                      date="2026-06-30"))
    view = _view(store, app, date(2026, 7, 1))
    assert view.step("check_in").status == "done" and view.step("check_in").done_on == date(2026, 4, 8)
    assert view.step("reopened").status == "done" and view.step("reopened").detail == "runner-up note sent"
    # an earlier round's loss gets none of it
    other = _reject(store, [ana], round_name="technical")
    keys = [s["key"] for s in store.plans.for_application(other.id).steps]
    assert "check_in" not in keys and "reopened" not in keys


# --------------------------------------------------------------------------- the cool-off


def test_the_thank_you_is_due_when_the_cool_off_ends_never_during_it(store):
    clock.freeze(datetime(2026, 3, 2, 15, 30, tzinfo=UTC))
    store.settings.update(cooloff_hours=24)
    (ana,) = _people(store, "recruiter")
    app = _reject(store, [ana])
    due = {s["key"]: s["due"] for s in store.plans.for_application(app.id).steps}
    assert due["thank_you"] == due["feedback"] == "2026-03-03"
    for moment, words, is_due in [(datetime(2026, 3, 2, 18, 0, tzinfo=UTC), "due tomorrow", False),
                                  (datetime(2026, 3, 3, 9, 0, tzinfo=UTC), "after 15:30", False),
                                  (datetime(2026, 3, 3, 15, 31, tzinfo=UTC), "due today", True)]:
        clock.freeze(moment)
        step = _view(store, app, moment.date()).step("thank_you")
        assert step_when(step, moment.date()) == words
        assert step_is_due(step, moment.date()) is is_due
        # the composer agrees: "sleep on it" exactly while the plan doesn't say "due"; after it, a calm word
        assert (cooloff(store.applications.get(app.id), [], 24, moment) is None) is is_due
        draft = Draft(kind="rejection reply", contact_ids=[ana.id], application_id=app.id, channel="email",
                      subject="Re", body="Hi Ana, thank you for letting me know.")
        settled = assess(store, draft, moment).settled
        assert settled == ("The cool-off is over (the news came 24 hours ago) and the tone reads calm: send it "
                           "whenever you're ready." if is_due else "")


def test_a_longer_cool_off_moves_the_thank_you_with_it(store):
    clock.freeze(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    (ana,) = _people(store, "recruiter")
    app = _reject(store, [ana])
    store.settings.update(cooloff_hours=72)
    step = _view(store, app).step("thank_you")
    assert step.due == date(2026, 3, 5) and step_when(step, TODAY) == "due Thu 5"


# --------------------------------------------------------------------------- the templates


NEW_KINDS = ["interviewer thanks", "feedback thanks", "close the loop", "runner-up"]


@pytest.mark.parametrize("template_id", sorted(BUILTINS))
def test_every_built_in_reads_calmly_with_channel_length_and_timing(template_id):
    t = BUILTINS[template_id]
    ctx = build_context(contacts=[Contact(first_name="Ana", last_name="Chen", company="Acme")],
                        application=Application(company="Acme", role="Staff Engineer"),
                        settings=Settings(my_name="Alex Morgan"))
    r = render(t.subject, t.body, ctx)
    assert not r.error and not r.missing
    if t.kind != "other":
        assert t.channel and t.length_hint and t.timing_hint
        assert not check(r.body.text), template_id  # nothing the tone check would flag


def test_the_new_templates_and_the_cuts():
    assert set(NEW_KINDS) <= set(BUILTIN_BY_KIND)
    assert "if your plans for the role change" in BUILTIN_BY_KIND["runner-up"].body.lower()
    assert "could have given better" not in BUILTIN_BY_KIND["thank-you"].body  # no needy line
    assert "10 minutes" in BUILTINS["builtin-rejection reply call"].body.replace("ten minutes", "10 minutes")
    reply = BUILTIN_BY_KIND["rejection reply"]
    assert "one thing would help me" in reply.body and "still keen" not in reply.body
    assert BUILTIN_BY_KIND["rejection reply"].id == "builtin-rejection reply"  # the default stays the first
