"""Cadence rules, states, urgency, reasons and touchpoint bookkeeping (store/contacts.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import contacts as C
from store.models import Application, Contact, Settings, Touchpoint

TODAY = date(2026, 3, 2)


def contact(**kw) -> Contact:
    kw.setdefault("first_name", "Ana")
    kw.setdefault("cadence_set_on", "2026-01-01")
    return Contact(**kw)


def settings(**kw) -> Settings:
    return Settings(id="settings", **kw)


# --------------------------------------------------------------------------- cadence arithmetic


@pytest.mark.parametrize("start,key,expected", [
    (date(2026, 1, 31), "monthly", date(2026, 2, 28)),   # month end clamps
    (date(2024, 1, 31), "monthly", date(2024, 2, 29)),   # leap year
    (date(2025, 11, 30), "quarterly", date(2026, 2, 28)),
    (date(2025, 8, 31), "semiannual", date(2026, 2, 28)),
    (date(2024, 2, 29), "yearly", date(2025, 2, 28)),    # leap day + 1 year
    (date(2023, 2, 28), "yearly", date(2024, 2, 28)),
    (date(2026, 3, 2), "weekly", date(2026, 3, 9)),
    (date(2026, 2, 24), "biweekly", date(2026, 3, 10)),
    (date(2026, 3, 2), "none", None),
])
def test_add_cadence_clamps_month_ends(start, key, expected):
    assert C.add_cadence(start, key) == expected


def test_cadence_inheritance_contact_then_role_then_global():
    s = settings(default_cadence="semiannual", role_cadences={"recruiter": "monthly"})
    assert C.effective_cadence(contact(role="recruiter", cadence="weekly"), s) == ("weekly", "contact")
    assert C.effective_cadence(contact(role="recruiter"), s) == ("monthly", "role")
    assert C.effective_cadence(contact(role="mentor"), s) == ("semiannual", "default")
    assert C.effective_cadence(contact(role="mentor"), None) == ("quarterly", "default")
    # junk in a hand-edited file falls back instead of crashing
    bad = settings(default_cadence="fortnightly-ish", role_cadences={"mentor": "sometimes"})
    assert C.effective_cadence(contact(role="mentor", cadence="??"), bad) == ("quarterly", "default")


def test_next_due_from_last_qualifying_touch_else_cadence_set_on():
    s = settings()
    c = contact(last_touch_on="2025-11-30")
    assert C.due_info(c, s, TODAY).due == date(2026, 2, 28)  # Nov 30 + 3 months, clamped
    never = contact(cadence_set_on="2026-01-31", cadence="monthly")
    assert C.due_info(never, s, TODAY).due == date(2026, 2, 28)
    # an import's spread first due date wins while never contacted
    spread = contact(first_due_on="2026-04-10")
    assert C.due_info(spread, s, TODAY).due == date(2026, 4, 10)
    # …but a touch takes over
    touched = contact(first_due_on="2026-04-10", last_touch_on="2026-03-01", cadence="weekly")
    assert C.due_info(touched, s, TODAY).due == date(2026, 3, 8)


def test_inbound_touch_does_not_reset_the_clock(store):
    c = store.contacts.save(contact(cadence="monthly", last_touch_on="2026-01-01"))
    store.touchpoints.log(Touchpoint(date="2026-02-20", direction="in", contact_ids=[c.id]))
    c = store.contacts.get(c.id)
    assert c.last_touch_on == "2026-01-01" and c.last_any_touch_on == "2026-02-20"
    store.touchpoints.log(Touchpoint(date="2026-02-21", direction="two-way", contact_ids=[c.id]))
    assert store.contacts.get(c.id).last_touch_on == "2026-02-21"


# --------------------------------------------------------------------------- states


@pytest.mark.parametrize("key,days_past,state", [
    ("quarterly", -8, "ok"),
    ("quarterly", -7, "due soon"),
    ("quarterly", -1, "due soon"),
    ("quarterly", 0, "due"),
    ("quarterly", 29, "due"),
    ("quarterly", 30, "overdue"),     # capped at 30 days
    ("monthly", 14, "due"),
    ("monthly", 15, "overdue"),       # half of 30
    ("weekly", 3, "due"),
    ("weekly", 4, "overdue"),         # past half of 7 (3.5)
    ("biweekly", 6, "due"),
    ("biweekly", 7, "overdue"),
    ("yearly", 29, "due"),
    ("yearly", 30, "overdue"),
])
def test_state_boundaries(key, days_past, state):
    assert C.state_for(TODAY - timedelta(days=days_past), key, TODAY) == state


def test_inactive_states_are_never_due():
    s = settings()
    assert C.due_info(contact(status="archived"), s, TODAY).state == "archived"
    assert C.due_info(contact(status="do not contact"), s, TODAY).state == "do not contact"
    assert C.due_info(contact(cadence="none"), s, TODAY).state == "no cadence"
    paused = C.due_info(contact(status="paused", paused_until="2026-04-01"), s, TODAY)
    assert paused.state == "paused" and paused.due is None and paused.paused_until == date(2026, 4, 1)
    forever = C.due_info(contact(status="paused"), s, TODAY)
    assert forever.state == "paused" and not forever.is_due


def test_contact_pause_that_ended_makes_it_due_on_that_day_not_overdue():
    c = contact(status="paused", paused_until="2026-03-01", last_touch_on="2025-06-01")
    info = C.due_info(c, settings(), TODAY)
    assert info.due == date(2026, 3, 1) and info.state == "due"


# --------------------------------------------------------------------------- snooze


def test_snooze_overrides_then_expires_by_itself():
    c = contact(last_touch_on="2025-11-01", snoozed_until="2026-03-09")  # base due Feb 1: overdue
    info = C.due_info(c, settings(), TODAY)
    assert info.due == date(2026, 3, 9) and info.state == "snoozed" and info.snoozed_until == date(2026, 3, 9)
    # the day it ends: due (not overdue), with no action needed to clear it
    on_the_day = C.due_info(c, settings(), date(2026, 3, 9))
    assert on_the_day.state == "due" and on_the_day.snoozed_until is None
    # a snooze never brings a contact forward
    early = contact(last_touch_on="2026-02-01", snoozed_until="2026-03-05")
    assert C.due_info(early, settings(), TODAY).due == date(2026, 5, 1)


def test_logging_a_touch_clears_the_snooze(store):
    c = store.contacts.save(contact(snoozed_until="2026-03-20"))
    store.touchpoints.log(Touchpoint(date="2026-03-02", contact_ids=[c.id]))
    assert store.contacts.get(c.id).snoozed_until is None


def test_snooze_and_pause_helpers(store):
    a = store.contacts.save(contact(first_name="A"))
    b = store.contacts.save(contact(first_name="B"))
    store.contacts.snooze([a.id, b.id], date(2026, 3, 9))
    assert {store.contacts.get(i).snoozed_until for i in (a.id, b.id)} == {"2026-03-09"}
    store.contacts.snooze([a.id], None)
    assert store.contacts.get(a.id).snoozed_until is None
    store.contacts.pause([a.id], date(2026, 5, 1))
    assert (store.contacts.get(a.id).status, store.contacts.get(a.id).paused_until) == ("paused", "2026-05-01")
    store.contacts.set_status([a.id], "active")
    assert (store.contacts.get(a.id).status, store.contacts.get(a.id).paused_until) == ("active", None)
    with pytest.raises(ValueError):
        store.contacts.set_status([a.id], "gone")


# --------------------------------------------------------------------------- global pause


def test_global_pause_moves_due_dates_past_it_keeping_their_spacing():
    s = settings(pause_from="2026-03-01", pause_until="2026-03-14")  # 14 days
    inside = contact(last_touch_on="2025-12-05")  # due Mar 5, inside the pause
    info = C.due_info(inside, s, TODAY)
    assert info.base_due == date(2026, 3, 5)
    assert info.due == date(2026, 3, 19) and info.pause_shifted and info.state == "ok"
    after = contact(last_touch_on="2026-01-01")  # due Apr 1: untouched
    assert C.due_info(after, s, TODAY).due == date(2026, 4, 1)


def test_global_pause_spreads_the_backlog_over_the_first_days_back():
    s = settings(pause_from="2026-03-01", pause_until="2026-03-30")
    backlog = [Contact(id=f"c{i:03d}", first_name=f"P{i}", last_touch_on="2025-10-01") for i in range(60)]
    dues = [C.due_info(c, s, TODAY).due for c in backlog]
    first_back = date(2026, 3, 31)
    assert all(first_back <= d < first_back + timedelta(days=C.CATCH_UP_MAX_DAYS) for d in dues)
    assert len(set(dues)) >= 10  # not a wall on day one
    # stable: the same contact lands on the same day every time
    assert dues == [C.due_info(c, s, TODAY).due for c in backlog]
    # nobody is due during the pause
    assert not any(C.due_info(c, s, date(2026, 3, 15)).is_due for c in backlog)


def test_short_global_pause_spreads_over_its_own_length():
    s = settings(pause_from="2026-03-01", pause_until="2026-03-03")
    dues = {C.due_info(Contact(id=f"x{i}", last_touch_on="2025-01-01"), s, TODAY).due for i in range(30)}
    assert dues <= {date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)}


def test_start_and_end_global_pause(store):
    store.settings.pause_reminders(10)
    s = store.settings.current()
    assert (s.pause_from, s.pause_until) == ("2026-03-02", "2026-03-11")
    with pytest.raises(ValueError):
        store.settings.pause_reminders(0)
    store.settings.resume_reminders()  # started today: dropped
    assert store.settings.current().pause_until is None
    store.settings.update(pause_from="2026-02-20", pause_until="2026-03-20")
    store.settings.resume_reminders()  # ends yesterday, what it moved stays moved
    assert store.settings.current().pause_until == "2026-03-01"


def test_bad_global_pause_settings_are_ignored():
    c = contact(last_touch_on="2025-12-05")
    for s in (settings(pause_from="2026-03-10", pause_until="2026-03-01"), settings(pause_from="junk",
              pause_until="2026-03-20"), settings(pause_until="2026-03-20")):
        assert C.due_info(c, s, TODAY).due == date(2026, 3, 5)


# --------------------------------------------------------------------------- urgency


def test_urgency_sort_overdue_first_then_share_of_cadence():
    s = settings()
    people = {
        "overdue weekly": contact(first_name="W", cadence="weekly", last_touch_on="2026-02-15"),
        "overdue quarterly": contact(first_name="Q", last_touch_on="2025-10-01"),
        "due monthly": contact(first_name="M", cadence="monthly", last_touch_on="2026-01-25"),
        "soon": contact(first_name="S", last_touch_on="2025-12-05"),
        "ok": contact(first_name="O", last_touch_on="2026-02-27"),
        "paused": contact(first_name="P", status="paused"),
        "archived": contact(first_name="A", status="archived"),
        "none": contact(first_name="N", cadence="none"),
    }
    rows = C.build_rows(people.values(), s, {}, TODAY)
    names = [r.contact.first_name for r in rows]
    assert [r.info.state for r in rows[:2]] == ["overdue", "overdue"]
    assert names == ["W", "Q", "M", "S", "O", "P", "N", "A"]


def test_filter_rows_by_due_role_tag_and_text():
    s = settings()
    rows = C.build_rows([
        contact(first_name="Ana", role="recruiter", tags=["Fintech"], last_touch_on="2025-10-01"),
        contact(first_name="Ben", role="mentor", company="Acme", last_touch_on="2026-02-20"),
        contact(first_name="Cy", role="recruiter", emails=["cy@acme.io"], last_touch_on="2026-02-20"),
    ], s, {}, TODAY)
    names = lambda rs: sorted(r.contact.first_name for r in rs)  # noqa: E731
    assert names(C.filter_rows(rows, due_now=True)) == ["Ana"]
    assert names(C.filter_rows(rows, role="recruiter")) == ["Ana", "Cy"]
    assert names(C.filter_rows(rows, tag="fintech")) == ["Ana"]
    assert names(C.filter_rows(rows, text="ACME")) == ["Ben", "Cy"]
    assert names(C.filter_rows(rows, text="acme cy")) == ["Cy"]
    assert C.all_tags(r.contact for r in rows) == ["Fintech"]


# --------------------------------------------------------------------------- important dates


def test_next_occurrence_handles_leap_days_and_year_turn():
    assert C.next_occurrence(2, 29, date(2026, 2, 1)) == date(2026, 2, 28)
    assert C.next_occurrence(2, 29, date(2027, 12, 1)) == date(2028, 2, 29)
    assert C.next_occurrence(1, 5, date(2026, 12, 30)) == date(2027, 1, 5)
    assert C.next_occurrence(3, 2, TODAY) == TODAY
    assert C.next_occurrence(13, 1, TODAY) is None and C.next_occurrence("x", 1, TODAY) is None


def test_parse_and_format_important_dates_round_trip():
    items, errors = C.parse_important_dates(
        "birthday: 03-14\nwork anniversary: 2019-06-01\nLaunch day: 09-30\n\nnonsense\nx: 02-30\n: 01-01")
    assert [i["kind"] for i in items] == ["birthday", "work anniversary", "custom"]
    assert items[1] == {"kind": "work anniversary", "label": "", "month": 6, "day": 1, "year": 2019}
    assert len(errors) == 3 and "line 5" in errors[0] and "line 6" in errors[1]
    text = C.format_important_dates(items)
    assert C.parse_important_dates(text) == (items, [])
    leap, errs = C.parse_important_dates("birthday: 02-29")
    assert errs == [] and leap[0]["day"] == 29


def test_upcoming_dates_labels_anniversaries():
    c = contact(important_dates=[
        {"kind": "work anniversary", "label": "", "month": 3, "day": 10, "year": 2021},
        {"kind": "birthday", "label": "", "month": 7, "day": 1, "year": None},
        {"kind": "custom", "label": "Team offsite", "month": 3, "day": 2, "year": None},
        "junk",
    ])
    got = C.upcoming_dates(c, TODAY, within=30)
    assert [(d, label) for d, label, _ in got] == [
        (date(2026, 3, 2), "Team offsite"), (date(2026, 3, 10), "5th work anniversary")]


# --------------------------------------------------------------------------- reasons


def test_reason_priority_job_change_then_app_news_then_dates_then_holidays():
    base = dict(last_touch_on="2025-10-01", last_any_touch_on="2025-10-01")
    changed = contact(company="Kestrel", changes=[{"on": "2026-02-20", "company": "Kestrel", "title": "CTO"}],
                      **base)
    r = C.reason_for(changed, today=TODAY)
    assert r.key == "job change" and r.kind == "congratulations" and "CTO at Kestrel" in r.text
    # a touch after the change retires the suggestion
    later = contact(changes=changed.changes, last_touch_on="2026-02-25")
    assert C.reason_for(later, today=TODAY).key != "job change"

    app = Application(company="Northwind", role="SRE", stage="closed", outcome="rejected",
                      outcome_on="2026-02-27", stage_entered_on="2026-02-27")
    linked = contact(application_ids=[app.id], **base)
    r = C.reason_for(linked, today=TODAY, apps={app.id: app})
    assert (r.key, r.kind, r.application_id) == ("application news", "rejection reply", app.id)
    live = Application(company="Bluefin", stage="interviewing", stage_entered_on="2026-02-26")
    r = C.reason_for(contact(application_ids=[live.id], **base), today=TODAY, apps={live.id: live})
    assert r.kind == "thank-you" and "Interviewing" in r.text
    old_news = Application(company="Old", stage="applied", stage_entered_on="2025-12-01")
    r = C.reason_for(contact(application_ids=[old_news.id], **base), today=TODAY, apps={old_news.id: old_news})
    assert r.key != "application news"

    bday = contact(important_dates=[{"kind": "birthday", "month": 3, "day": 12}], **base)
    r = C.reason_for(bday, today=TODAY)
    assert r.key == "birthday" and "12 Mar" in r.text
    far = contact(important_dates=[{"kind": "birthday", "month": 3, "day": 20}], **base)
    assert C.reason_for(far, today=TODAY).key == "article"

    assert C.reason_for(contact(**base), today=date(2026, 12, 3)).key == "holiday"
    recent = dict(last_touch_on="2026-10-01", last_any_touch_on="2026-10-01")
    assert C.reason_for(contact(**recent), today=date(2026, 11, 20)).key == "article"
    assert C.reason_for(contact(last_touch_on="2024-12-01"), today=TODAY).kind == "reconnect"
    assert C.reason_for(contact(connected_on="2019-01-01"), today=TODAY).kind == "reconnect"


def test_only_due_rows_carry_a_reason():
    rows = C.build_rows([contact(first_name="Due", last_touch_on="2025-11-01"),
                         contact(first_name="Ok", last_touch_on="2026-02-28")], settings(), {}, TODAY)
    by = {r.contact.first_name: r for r in rows}
    assert by["Due"].reason is not None and by["Ok"].reason is None


# --------------------------------------------------------------------------- touchpoints


def test_one_touchpoint_covers_several_contacts_and_edits_recompute(store):
    a = store.contacts.save(contact(first_name="A", last_touch_on="2026-01-10", last_any_touch_on="2026-01-10"))
    b = store.contacts.save(contact(first_name="B"))
    old = store.touchpoints.log(Touchpoint(date="2026-01-10", contact_ids=[a.id]))
    tp = store.touchpoints.log(Touchpoint(date="2026-02-20", contact_ids=[a.id, b.id, a.id, "gone"]))
    assert tp.contact_ids == [a.id, b.id, "gone"]
    assert store.contacts.get(a.id).last_touch_on == "2026-02-20"
    assert store.contacts.get(b.id).last_touch_on == "2026-02-20"
    assert [t.id for t in store.touchpoints.for_contact(a.id)] == [tp.id, old.id]

    # edit: move the date back and drop B
    edited = tp.copy()
    edited.date, edited.contact_ids = "2026-01-05", [a.id]
    store.touchpoints.log(edited)
    assert store.contacts.get(a.id).last_touch_on == "2026-01-10"
    assert store.contacts.get(b.id).last_touch_on is None
    assert store.touchpoints.for_contact(b.id) == []

    # delete: the clock goes back to what is left
    assert store.touchpoints.remove(old.id)
    assert store.contacts.get(a.id).last_touch_on == "2026-01-05"
    assert not store.touchpoints.remove(old.id)


def test_editing_direction_to_inbound_recomputes(store):
    a = store.contacts.save(contact())
    tp = store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[a.id]))
    changed = tp.copy()
    changed.direction = "in"
    store.touchpoints.log(changed)
    c = store.contacts.get(a.id)
    assert c.last_touch_on is None and c.last_any_touch_on == "2026-02-01"


def test_log_touchpoint_is_one_save(store):
    a = store.contacts.save(contact())
    b = store.contacts.save(contact())
    before = store.storage.saves
    store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[a.id, b.id]))
    assert store.storage.saves == before + 1


def test_delete_contact_drops_its_touchpoints_and_links(store):
    a = store.contacts.save(contact(first_name="A"))
    b = store.contacts.save(contact(first_name="B"))
    app = Application(company="X", contact_ids=[a.id, b.id])
    store.applications.save(app)
    solo = store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[a.id]))
    shared = store.touchpoints.log(Touchpoint(date="2026-02-02", contact_ids=[a.id, b.id]))
    assert store.contacts.remove(a.id)
    assert store.contacts.get(a.id) is None and store.touchpoints.get(solo.id) is None
    assert store.touchpoints.get(shared.id).contact_ids == [b.id]
    assert store.applications.get(app.id).contact_ids == [b.id]
    assert not store.contacts.remove(a.id)


def test_link_application_updates_both_sides(store):
    a = store.contacts.save(contact())
    app = store.applications.save(Application(company="X"))
    store.contacts.link_application(a.id, app.id)
    store.contacts.link_application(a.id, app.id)
    assert store.contacts.get(a.id).application_ids == [app.id]
    assert store.applications.get(app.id).contact_ids == [a.id]
    store.contacts.link_application(a.id, app.id, linked=False)
    assert store.contacts.get(a.id).application_ids == [] and store.applications.get(app.id).contact_ids == []


def test_save_contact_sets_the_cadence_start(store):
    c = store.contacts.edit(Contact(first_name="New", cadence_set_on=None))
    assert c.cadence_set_on == "2026-03-02"
    old = c.copy()
    old.cadence_set_on, old.first_due_on = "2025-01-01", "2026-04-01"
    store.contacts.save(old)
    same = store.contacts.get(c.id).copy()
    same.notes = "x"
    assert store.contacts.edit(same).cadence_set_on == "2025-01-01"
    changed = store.contacts.get(c.id).copy()
    changed.cadence = "monthly"
    saved = store.contacts.edit(changed)
    assert (saved.cadence_set_on, saved.first_due_on) == ("2026-03-02", None)


def test_due_contacts_for_the_today_screen(demo_store):
    rows = demo_store.contacts.due()
    assert rows and all(r.info.is_due and r.reason for r in rows)
    assert rows == sorted(rows, key=lambda r: C.sort_key(r.contact, r.info))


def test_touchpoint_index_follows_changes_and_rollbacks(store):
    a = store.contacts.save(contact())
    store.touchpoints.log(Touchpoint(date="2026-02-01", contact_ids=[a.id]))
    assert len(store.touchpoints.for_contact(a.id)) == 1
    with pytest.raises(RuntimeError):
        with store.batch():
            store.touchpoints.save(Touchpoint(date="2026-02-02", contact_ids=[a.id]))
            assert len(store.touchpoints.for_contact(a.id)) == 2
            raise RuntimeError("boom")
    assert len(store.touchpoints.for_contact(a.id)) == 1


def test_applications_linked_from_the_board_side_count_for_reasons():
    contact_ = contact(last_touch_on="2025-10-01", last_any_touch_on="2025-10-01")
    app = Application(company="Bluefin", stage="screening", stage_entered_on="2026-02-27",
                      contact_ids=[contact_.id])
    by = C.apps_by_contact([app])
    assert C.linked_application_ids(contact_, by) == [app.id]
    r = C.reason_for(contact_, today=TODAY, apps={app.id: app}, by_contact=by)
    assert (r.key, r.application_id) == ("application news", app.id)
    rows = C.build_rows([contact_], settings(), {app.id: app}, TODAY)
    assert rows[0].reason.application_id == app.id


def test_search_matches_word_starts_in_every_field():
    rows = C.build_rows([
        contact(first_name="Ana", last_name="O'Brien", company="Bluefin Analytics", emails=["ana@acme.io"]),
        contact(first_name="Hugo", title="Engineering Manager", company="日本語の会社"),
    ], settings(), {}, TODAY)
    found = lambda text: sorted(r.contact.first_name for r in C.filter_rows(rows, text=text))  # noqa: E731
    assert found("ana") == ["Ana"]  # not "Manager"
    assert found("analyt") == ["Ana"] and found("o'brien") == ["Ana"] and found("obrien") == []
    assert found("acme.io") == ["Ana"] and found("ACME") == ["Ana"]
    assert found("man") == ["Hugo"] and found("会社") == ["Hugo"]
    assert found("") == ["Ana", "Hugo"] and found("[/]") == ["Ana", "Hugo"]
