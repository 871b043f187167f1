"""The pipeline's rules on fixtures: stage history, applied-on, closing, follow-up, snooze, quiet,
sweep order, health metrics, filter and order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import pipeline as p
from store.models import Application, Contact, Plan

TODAY = date(2026, 3, 2)  # a Monday (tests/conftest.py freezes the clock here)


def d(n: int) -> str:
    """TODAY + n days as ISO."""
    return (TODAY + timedelta(days=n)).isoformat()


def ts(n: int) -> str:
    return f"{d(n)}T10:00:00+00:00"


def app(**kw) -> Application:
    kw.setdefault("company", "Acme")
    kw.setdefault("role", "Engineer")
    kw.setdefault("created_at", ts(-60))
    return Application(**kw)


# ----------------------------------------------------------------------------- moves


def test_created_stamps_first_entry_and_applied_on_only_from_applied():
    w = p.created(app(stage="wishlist"), TODAY)
    assert w.stage_history == [{"from": "", "to": "wishlist", "at": w.stage_history[0]["at"]}]
    assert w.applied_on is None and w.stage_entered_on == TODAY.isoformat()
    s = p.created(app(stage="screening"), TODAY)
    assert s.applied_on == TODAY.isoformat()
    kept = p.created(app(stage="applied", applied_on=d(-5)), TODAY)
    assert kept.applied_on == d(-5)
    # a new card is never created closed
    assert p.created(app(stage="closed"), TODAY).stage == "wishlist"


def test_moves_stamp_history_and_applied_on_once():
    a = p.created(app(), TODAY)
    a = p.moved(a, "applied", TODAY)
    assert a.stage == "applied" and a.applied_on == TODAY.isoformat()
    assert a.stage_history[-1]["from"] == "wishlist" and a.stage_history[-1]["to"] == "applied"
    assert a.stage_history[-1]["at"].startswith("2026-03-02T")
    later = TODAY + timedelta(days=3)
    back = p.moved(a, "wishlist", later)
    again = p.moved(back, "applied", later)
    assert again.applied_on == TODAY.isoformat()  # the first time only
    assert [(e["from"], e["to"]) for e in again.stage_history] == [
        ("", "wishlist"), ("wishlist", "applied"), ("applied", "wishlist"), ("wishlist", "applied")]
    assert again.stage_entered_on == later.isoformat()
    # the original is never mutated
    assert a.stage == "applied" and len(a.stage_history) == 2


def test_moving_into_closed_needs_an_outcome():
    with pytest.raises(p.PipelineError):
        p.moved(app(stage="offer"), "closed")
    with pytest.raises(p.PipelineError):
        p.moved(app(), "nowhere")


def test_close_records_outcome_date_reason_and_stage_closed_from():
    a = app(stage="interviewing", next_action="Prep", next_action_date=d(2), snoozed_until=d(3))
    c = p.closed(a, "rejected", "  went with someone else ", on=TODAY)
    assert c.stage == "closed" and c.outcome == "rejected" and c.outcome_on == TODAY.isoformat()
    assert c.outcome_reason == "went with someone else" and c.closed_from_stage == "interviewing"
    assert c.stage_history[-1] == {"from": "interviewing", "to": "closed", "at": c.stage_history[-1]["at"],
                                   "outcome": "rejected"}
    assert c.next_action_date is None and c.snoozed_until is None
    # changing the outcome of a closed card is logged, not a second move
    g = p.closed(c, "ghosted")
    assert g.outcome == "ghosted" and len(g.stage_history) == len(c.stage_history)
    assert g.closed_from_stage == "interviewing"
    assert "outcome changed from rejected to ghosted" in g.activity[-1]["what"]
    with pytest.raises(p.PipelineError):
        p.closed(a, "fired")


def test_reopen_returns_to_the_stage_it_closed_from():
    c = p.closed(app(stage="screening"), "ghosted")
    r = p.reopened(c)
    assert r.stage == "screening" and r.outcome == "" and r.outcome_on is None
    assert r.stage_history[-1]["from"] == "closed" and r.stage_history[-1]["to"] == "screening"
    assert "was ghosted" in r.activity[-1]["what"]
    # moving a closed card reopens it there
    assert p.moved(c, "applied").stage == "applied"


def test_follow_up_logs_and_sets_next_action_a_week_out():
    a = app(stage="applied", last_activity_on=d(-30), snoozed_until=d(2))
    f = p.followed_up(a, TODAY)
    assert f.activity[-1] == {"on": TODAY.isoformat(), "kind": "follow-up", "what": "followed up"}
    assert f.next_action == "Follow up" and f.next_action_date == d(7)
    assert f.last_activity_on == TODAY.isoformat() and f.snoozed_until is None
    keep = p.followed_up(app(next_action="Ping Dana"), TODAY)
    assert keep.next_action == "Ping Dana"


def test_snooze_hides_from_sweep_for_a_week():
    a = app(stage="applied", applied_on=d(-40), stage_entered_on=d(-40), last_activity_on=d(-40),
            next_action="Chase", next_action_date=d(-2))
    assert p.needs_attention(a, TODAY)
    z = p.snoozed(a, TODAY)
    assert z.snoozed_until == d(7) and z.next_action_date == d(7)
    assert not p.needs_attention(z, TODAY)
    assert p.needs_attention(z, TODAY + timedelta(days=7))  # due again a week later
    assert z.last_activity_on == d(-40)  # a snooze is not activity


# ----------------------------------------------------------------------------- quiet, due, sweep


def test_quiet_only_in_waiting_stages_after_quiet_days():
    base = dict(applied_on=d(-30), stage_entered_on=d(-25), last_activity_on=d(-25))
    assert p.is_quiet(app(stage="applied", **base), TODAY, 21)
    assert not p.is_quiet(app(stage="applied", **base), TODAY, 30)
    assert not p.is_quiet(app(stage="wishlist", **base), TODAY, 21)
    assert not p.is_quiet(app(stage="offer", **base), TODAY, 21)
    assert not p.is_quiet(app(stage="closed", **base), TODAY, 21)
    # a thank-you sent last week counts as activity
    assert not p.is_quiet(app(stage="interviewing", thank_you_sent_on=d(-7), **base), TODAY, 21)
    assert p.days_quiet(app(stage="applied", **base), TODAY) == 25
    assert p.days_in_stage(app(stage="applied", **base), TODAY) == 25


def test_days_in_stage_falls_back_to_history_then_created():
    a = app(stage="screening", stage_history=[{"from": "applied", "to": "screening", "at": ts(-4)}])
    assert p.days_in_stage(a, TODAY) == 4
    assert p.days_in_stage(app(), TODAY) == 60


def test_next_action_state_and_reasons():
    assert p.next_action_state(app(next_action_date=d(-1)), TODAY) == "overdue"
    assert p.next_action_state(app(next_action_date=d(0)), TODAY) == "today"
    assert p.next_action_state(app(next_action_date=d(3)), TODAY) == "upcoming"
    assert p.next_action_state(app(), TODAY) == ""
    assert p.next_action_state(app(stage="closed", next_action_date=d(-1)), TODAY) == ""
    reasons = p.attention_reasons(app(stage="applied", next_action="Email Kim", next_action_date=d(-3),
                                      last_activity_on=d(-40), stage_entered_on=d(-40)), TODAY)
    assert reasons == ["Email Kim: since 27 Feb", "quiet for 40 days"]


def test_sweep_queue_order_overdue_then_today_then_quietest():
    quiet_short = app(company="Q1", stage="applied", stage_entered_on=d(-22), last_activity_on=d(-22))
    quiet_long = app(company="Q2", stage="screening", stage_entered_on=d(-50), last_activity_on=d(-50))
    due_today = app(company="T", stage="wishlist", next_action_date=d(0), stage_entered_on=d(-1))
    overdue_old = app(company="O1", stage="interviewing", next_action_date=d(-9), stage_entered_on=d(-1))
    overdue_new = app(company="O2", stage="offer", next_action_date=d(-1), stage_entered_on=d(-1))
    fine = app(company="F", stage="applied", stage_entered_on=d(-3), next_action_date=d(4))
    closed = app(company="C", stage="closed", next_action_date=d(-5))
    q = p.sweep_queue([quiet_short, fine, overdue_new, quiet_long, closed, due_today, overdue_old], TODAY, 21)
    assert [a.company for a in q] == ["O1", "O2", "T", "Q2", "Q1"]


# ----------------------------------------------------------------------------- health


def _history(*moves):
    return [{"from": f, "to": t, "at": ts(n), **({"outcome": o} if o else {})} for f, t, n, o in moves]


def health_fixture() -> list[Application]:
    return [
        # wishlist: not live, not in the funnel
        app(company="W", stage="wishlist"),
        # applied this week, no answer yet
        app(company="A1", stage="applied", applied_on=d(-1),
            stage_history=_history(("wishlist", "applied", -1, None))),
        # applied last week (Sunday), no answer
        app(company="A2", stage="applied", applied_on=d(-8),
            stage_history=_history(("wishlist", "applied", -8, None))),
        # screening: answered after 4 days
        app(company="S", stage="screening", applied_on=d(-20),
            stage_history=_history(("wishlist", "applied", -20, None), ("applied", "screening", -16, None))),
        # interviewing: answered after 10 days
        app(company="I", stage="interviewing", applied_on=d(-30),
            stage_history=_history(("wishlist", "applied", -30, None), ("applied", "screening", -20, None),
                                   ("screening", "interviewing", -10, None))),
        # offer, applied this week (Monday = today): answered after 0 days (same day)
        app(company="O", stage="offer", applied_on=d(0),
            stage_history=_history(("applied", "screening", 0, None), ("screening", "interviewing", 0, None),
                                   ("interviewing", "offer", 0, None))),
        # rejected from applied after 6 days: an answer
        app(company="R", stage="closed", outcome="rejected", closed_from_stage="applied", applied_on=d(-40),
            stage_history=_history(("wishlist", "applied", -40, None), ("applied", "closed", -34, "rejected"))),
        # ghosted from applied: no answer
        app(company="G", stage="closed", outcome="ghosted", closed_from_stage="applied", applied_on=d(-50),
            stage_history=_history(("wishlist", "applied", -50, None), ("applied", "closed", -20, "ghosted"))),
        # rejected after the interviews (furthest: interviewing), answered after 2 days
        app(company="RI", stage="closed", outcome="rejected", closed_from_stage="interviewing",
            applied_on=d(-60),
            stage_history=_history(("wishlist", "applied", -60, None), ("applied", "screening", -58, None),
                                   ("screening", "interviewing", -50, None),
                                   ("interviewing", "closed", -40, "rejected"))),
    ]


def test_pipeline_health_on_fixture():
    h = p.pipeline_health(health_fixture(), floor=10, weekly_goal=5, quiet_days=21, today=TODAY)
    assert h.live == 5 and h.floor == 10 and h.below_floor == 5
    # this week = Mon 2026-03-02 .. today: A1 applied on Sunday 03-01 is last week; O today
    assert h.sent_this_week == 1
    assert [(s.stage, s.count) for s in h.funnel] == [
        ("applied", 8), ("screening", 4), ("interviewing", 3), ("offer", 1)]
    assert h.funnel[0].conversion is None
    assert h.funnel[1].conversion == pytest.approx(4 / 8)
    assert h.funnel[2].conversion == pytest.approx(3 / 4)
    assert h.funnel[3].conversion == pytest.approx(1 / 3)
    # answers: S 4d, I 10d, O 0d, R 6d, RI 2d -> median 4
    assert h.responses == 5 and h.median_first_response_days == 4
    assert h.response_rate == pytest.approx(5 / 8)
    assert h.outcomes["rejected"] == 2 and h.outcomes["ghosted"] == 1
    assert h.by_stage["wishlist"] == 1 and h.by_stage["closed"] == 3


def test_health_counts_attention_and_handles_empty():
    h = p.pipeline_health([], today=TODAY)
    assert h.live == 0 and h.median_first_response_days is None and h.response_rate is None
    assert [s.count for s in h.funnel] == [0, 0, 0, 0] and all(s.conversion is None for s in h.funnel)
    apps = [app(stage="applied", stage_entered_on=d(-30), last_activity_on=d(-30)),
            app(stage="applied", stage_entered_on=d(-1), next_action_date=d(-1)),
            app(stage="screening", stage_entered_on=d(-1), next_action_date=d(0))]
    h = p.pipeline_health(apps, today=TODAY, quiet_days=21)
    assert (h.needs_attention, h.quiet, h.overdue) == (3, 1, 1)


def test_first_response_ignores_wishlist_detours_and_silence():
    a = app(applied_on=d(-10), stage_history=_history(("wishlist", "applied", -10, None),
                                                      ("applied", "wishlist", -9, None),
                                                      ("wishlist", "applied", -8, None),
                                                      ("applied", "screening", -3, None)))
    assert p.first_response_day(a) == TODAY - timedelta(days=3)
    w = app(stage="closed", outcome="withdrew",
            stage_history=_history(("applied", "closed", -3, "withdrew")))
    assert p.first_response_day(w) is None


def test_furthest_stage():
    c = app(stage="closed", closed_from_stage="screening",
            stage_history=_history(("applied", "screening", -5, None), ("screening", "closed", -1, "rejected")))
    assert p.furthest_stage(c) == "screening"
    assert p.furthest_stage(app(applied_on=d(-1))) == "applied"
    assert p.furthest_stage(app()) == "wishlist"


def test_timeline_merges_moves_and_activity_in_order():
    a = p.created(app(), TODAY - timedelta(days=3))
    a.stage_history[0]["at"] = ts(-3)
    a.stage_history.append({"from": "wishlist", "to": "applied", "at": ts(-1)})
    a.stage_history.append({"from": "applied", "to": "closed", "at": ts(0), "outcome": "rejected"})
    a.activity = [{"on": d(-2), "kind": "follow-up", "what": "followed up"}]
    assert [e["text"] for e in p.timeline(a)] == [
        "added to Wishlist", "followed up", "Wishlist → Applied", "Applied → Closed (rejected)"]


# ----------------------------------------------------------------------------- filter, order


def test_filter_matches_company_role_tags_notes_all_words_case_insensitive():
    a = app(company="Northwind Labs", role="Data Engineer", tags=["Climate", "remote"], notes="Met Dana at PyCon")
    assert p.matches(a, "north")
    assert p.matches(a, "DATA climate")
    assert p.matches(a, "pycon")
    assert p.matches(a, "")
    assert not p.matches(a, "north fintech")
    assert not p.matches(a, "berlin")  # location is not searched
    weird = app(company="[/] Corp", notes="\\[x]")
    assert p.matches(weird, "[/]") and p.matches(weird, "\\[x")


def test_board_sort_key_orders_columns():
    live = [app(company="b", excitement=5), app(company="a", next_action_date=d(3)),
            app(company="c", next_action_date=d(-2)), app(company="d", excitement=1)]
    assert [a.company for a in sorted(live, key=p.board_sort_key)] == ["c", "a", "b", "d"]
    wish = [app(company="w1", excitement=5), app(company="w2", deadline=d(5)), app(company="w3", deadline=d(2))]
    assert [a.company for a in sorted(wish, key=p.board_sort_key)] == ["w3", "w2", "w1"]
    closed = [app(company="x", stage="closed", outcome_on=d(-9)), app(company="y", stage="closed", outcome_on=d(-1))]
    assert [a.company for a in sorted(closed, key=p.board_sort_key)] == ["y", "x"]


def test_split_list():
    assert p.split_list(" a, b,, c ,a\nd") == ["a", "b", "c", "d"]
    assert p.split_list("") == []


# ----------------------------------------------------------------------------- repository (one write each)


def test_repo_actions_persist_and_close_asks_for_a_plan_in_the_same_batch(store, monkeypatch):
    repo = store.applications
    a = repo.add(Application(company="Acme", role="Dev", stage="applied"))
    assert repo.get(a.id).applied_on == TODAY.isoformat()
    a = repo.step(a.id, +1)
    assert a.stage == "screening"
    with pytest.raises(p.PipelineError):
        repo.step(repo.add(Application(company="W", role="x")).id, -1)
    calls = []

    def ensure(application):
        calls.append((application.id, application.outcome, store.storage._batch_depth))
        return None

    monkeypatch.setattr(store.plans, "ensure_for_application", ensure)
    saves = store.storage.saves
    closed = repo.reject(a.id, "not now")
    assert closed.outcome == "rejected" and closed.closed_from_stage == "screening"
    assert calls == [(a.id, "rejected", 1)]  # inside the batch
    assert store.storage.saves == saves + 1  # one write
    repo.close(repo.add(Application(company="B", role="y", stage="applied")).id, "withdrew")
    assert len(calls) == 1  # withdrew starts no plan
    with pytest.raises(p.PipelineError):
        repo.step(a.id, +1)
    assert repo.step(a.id, -1).stage == "screening"  # reopened


def test_repo_close_rolls_back_when_the_plan_fails(store, monkeypatch):
    a = store.applications.add(Application(company="Acme", role="Dev", stage="interviewing"))

    def boom(application):
        raise RuntimeError("plan failed")

    monkeypatch.setattr(store.plans, "ensure_for_application", boom)
    with pytest.raises(RuntimeError):
        store.applications.close(a.id, "ghosted")
    assert store.applications.get(a.id).stage == "interviewing"


def test_repo_close_creates_real_plan_when_plans_exist(store, monkeypatch):
    a = store.applications.add(Application(company="Acme", role="Dev", stage="applied"))

    def ensure(application):
        return store.plans.save(Plan(application_id=application.id, kind=application.outcome))

    monkeypatch.setattr(store.plans, "ensure_for_application", ensure)
    store.applications.close(a.id, "ghosted")
    assert store.plans.for_application(a.id).kind == "ghosted"


def test_repo_follow_up_logs_a_touchpoint_with_linked_contacts(store):
    c = store.contacts.save(Contact(first_name="Dana", last_name="Kim"))
    a = store.applications.add(Application(company="Acme", role="Dev", stage="applied",
                                           contact_names=["dana kim", "Someone Unknown"]))
    assert a.contact_ids == [c.id]  # linked by name
    saves = store.storage.saves
    f = store.applications.follow_up(a.id)
    assert store.storage.saves == saves + 1
    assert f.next_action_date == d(7)
    tps = store.touchpoints.for_contact(c.id)
    assert len(tps) == 1 and tps[0].kind == "follow-up" and tps[0].application_id == a.id
    assert store.contacts.get(c.id).last_touch_on == TODAY.isoformat()
    # without contacts, no touchpoint
    b = store.applications.add(Application(company="B", role="x", stage="applied"))
    store.applications.follow_up(b.id)
    assert store.touchpoints.count() == 1


def test_repo_health_uses_settings(store):
    store.settings.update(pipeline_floor=3, weekly_goal=2, quiet_days=5)
    store.applications.save(Application(company="A", role="x", stage="applied",
                                        stage_entered_on=d(-6), last_activity_on=d(-6)))
    h = store.applications.health()
    assert (h.floor, h.weekly_goal, h.live, h.quiet) == (3, 2, 1, 1)
    assert len(store.applications.sweep_queue()) == 1
    store.applications.snooze(store.applications.all()[0].id)
    assert store.applications.sweep_queue() == []


def test_demo_data_health_is_sane(demo_store):
    h = demo_store.applications.health()
    assert h.live > 0 and h.funnel[0].count >= h.funnel[1].count >= h.funnel[2].count >= h.funnel[3].count
    assert h.median_first_response_days is not None


def test_link_contacts_by_name_and_keeps_links_while_listed():
    dana = Contact(first_name="Dana", last_name="Kim", preferred_name="Dee")
    lee = Contact(first_name="Lee", last_name="Park")
    a = p.link_contacts(app(contact_names=["Dee Kim", "lee park", "Nobody"]), [dana, lee])
    assert a.contact_ids == [dana.id, lee.id]
    assert p.link_contacts(app(contact_names=["Dana Kim"]), [dana, lee]).contact_ids == [dana.id]
    # a name taken off the card unlinks it
    assert p.link_contacts(_with(a, contact_names=["Lee Park"]), [dana, lee]).contact_ids == [lee.id]


def _with(a, **kw):
    b = a.copy()
    for k, v in kw.items():
        setattr(b, k, v)
    return b


def test_bounce_back_days_from_a_no_to_the_next_application():
    assert p.bounce_backs([TODAY], [TODAY + timedelta(days=3), TODAY - timedelta(days=1)]) == [3]
    assert p.bounce_backs([TODAY], [TODAY]) == [0]
    assert p.bounce_backs([TODAY], [TODAY - timedelta(days=2)]) == []  # not yet
    apps = health_fixture()
    # R (rejected d-34) -> next applied d-30 (I): 4 days; RI (rejected d-40) -> R applied that
    # same day: 0; G (ghosted, no outcome date) is left out
    for a in apps:
        if a.company == "R":
            a.outcome_on = d(-34)
        if a.company == "RI":
            a.outcome_on = d(-40)
    h = p.pipeline_health(apps, today=TODAY)
    assert h.bounce_backs == 2 and h.median_bounce_back_days == 2


def test_removing_an_application_takes_its_plan_and_unlinks_the_rest(demo_store):
    from store.models import Contact, Draft, JournalEntry, Touchpoint

    store = demo_store
    app = next(a for a in store.applications.all() if a.outcome == "rejected")
    plan = store.plans.ensure_for_application(app) or store.plans.for_application(app.id)
    assert plan is not None
    c = store.contacts.save(Contact(first_name="Linked", application_ids=[app.id]))
    d = store.drafts.save(Draft(application_id=app.id))
    t = store.touchpoints.save(Touchpoint(application_id=app.id, contact_ids=[c.id]))
    j = store.journal.save(JournalEntry(kind="reframe", application_id=app.id))
    saves = store.storage.saves
    assert store.applications.remove(app.id)
    assert store.storage.saves == saves + 1  # one write
    assert store.applications.get(app.id) is None
    assert store.plans.for_application(app.id) is None
    assert store.drafts.get(d.id).application_id is None
    assert store.touchpoints.get(t.id).application_id is None
    assert store.journal.get(j.id).application_id is None
    assert app.id not in store.contacts.get(c.id).application_ids
