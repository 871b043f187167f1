"""The Today summary (shared by the screen and ``rebound-tui today``), on hand-made data."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from store import today as T
from store.models import Application, Contact, Draft, JournalEntry

TODAY = date(2026, 3, 2)  # a Monday
ROOT = Path(__file__).resolve().parents[2]


def test_greeting_by_hour_with_and_without_a_name():
    assert T.greeting(9, "Alex Morgan") == "Good morning, Alex."
    assert T.greeting(14, "") == "Good afternoon."
    assert T.greeting(21, "  ") == "Good evening."
    assert T.greeting(3, "Sam") == "Hello, Sam."  # past midnight: not "good evening"


def test_sparkline_marks_missing_days():
    assert T.sparkline([1, 2, 3, 4, 5, None, 2.6]) == "▁▂▃▄▅·▃"
    assert T.sparkline([]) == ""


def test_week_counts_monday_to_today():
    apps = [Application(applied_on=d) for d in ["2026-03-02", "2026-03-01", "2026-02-23", None]]
    assert T.sent_this_week(apps, TODAY) == 1
    assert T.sent_this_week(apps, date(2026, 3, 1)) == 2  # Sunday: the week began on Feb 23


def test_prompt_is_stable_for_a_day_and_can_use_the_name():
    k1, p1 = T.pick_prompt(TODAY, fresh=False)
    assert (k1, p1) == T.pick_prompt(TODAY, fresh=False)
    keys = {T.pick_prompt(TODAY + timedelta(days=i), fresh=False)[0] for i in range(len(T.PROMPTS))}
    assert len(keys) == len(T.PROMPTS)  # every prompt comes round
    key, fresh = T.pick_prompt(TODAY, fresh=True)
    assert key in T.FRESH_KEYS
    _, named = T.pick_prompt(TODAY, fresh=False, name="Alex Morgan", use_name=True)
    assert "Alex" in named and "Morgan" not in named
    _, plain = T.pick_prompt(TODAY, fresh=False, name="Alex Morgan", use_name=False)
    assert "Alex" not in plain


def _seed(store):
    s = store
    s.settings.update(my_name="Alex Morgan", pipeline_floor=4, weekly_goal=3)
    s.applications.save_many([
        Application(company="Due Today", role="Dev", stage="applied", applied_on="2026-03-02",
                    next_action="Follow up", next_action_date="2026-03-02"),
        Application(company="Late", role="SRE", stage="screening", applied_on="2026-02-10",
                    next_action="Send the take-home", next_action_date="2026-02-27"),
        Application(company="Later", stage="applied", applied_on="2026-02-24", next_action="Call",
                    next_action_date="2026-03-09"),
        Application(company="Closed", stage="closed", outcome="withdrew", next_action="x",
                    next_action_date="2026-02-01"),
        Application(company="Wish", stage="wishlist"),
    ])
    s.contacts.save(Contact(first_name="Ana", last_name="Chen", cadence="monthly", last_touch_on="2026-01-01",
                            next_time="Ask about the conference"))
    s.contacts.save(Contact(first_name="Fresh", last_name="Touch", cadence="monthly", last_touch_on="2026-02-28"))
    s.drafts.save(Draft(kind="check-in", recipient_name="Ben Li", subject="Catching up", status="put off",
                        put_off_until="2026-03-02"))
    s.drafts.save(Draft(kind="check-in", recipient_name="Later", status="put off", put_off_until="2026-03-05"))
    s.journal.save_many([
        JournalEntry(kind="checkin", entry_date="2026-03-02", mood=4),
        JournalEntry(kind="checkin", entry_date="2026-03-01", mood=2),
        JournalEntry(kind="checkin", entry_date="2026-01-01", mood=5),  # outside the 30 days
        JournalEntry(kind="reframe", entry_date="2026-02-20", emotions=[{"name": "sad", "before": 90, "after": 30}]),
        JournalEntry(kind="reframe", entry_date="2026-02-27", emotions=[{"name": "sad", "before": 70, "after": 50}]),
        JournalEntry(kind="reframe", entry_date="2026-03-01", is_draft=True,
                     emotions=[{"name": "sad", "before": 99, "after": 0}]),
    ])


def test_summary_on_a_small_fixture(store):
    _seed(store)
    s = T.summarize(store, TODAY)
    assert s.today == TODAY and s.greeting == "Good morning, Alex."
    assert (s.live, s.wishlist, s.floor, s.need) == (3, 1, 4, 1)
    assert s.floor_text == "3 live of 4 · one good application this week makes 4"
    assert (s.week_sent, s.weekly_goal) == (1, 3) and s.week_text == "1 of 3 applied"
    assert len(s.mood) == 30 and s.mood[-1] == 4 and s.mood[-2] == 2 and s.mood[0] is None
    assert s.sparkline.endswith("▂▄") and s.mood_average == 3
    assert s.relief == 20 and s.relief_on == date(2026, 2, 27)  # the newest finished reframe, not the draft
    assert s.relief_text == "feelings eased 20 of 100, 3d ago"
    kinds = [(d.kind, d.title) for d in s.due]
    assert ("application", "Due Today — Dev") in kinds and ("application", "Late — SRE") in kinds
    assert all(t not in [k[1] for k in kinds] for t in ("Later", "Closed"))
    assert ("contact", "Ana Chen") in kinds and ("contact", "Fresh Touch") not in kinds
    assert ("draft", "Quarterly check-in to Ben Li") in kinds and not any("Later" in t for _, t in kinds)
    late = next(d for d in s.due if d.title == "Late — SRE")
    assert late.overdue == 3 and late.when == "since 27 Feb" and late.detail == "Send the take-home"
    # a person is never due or late: a good moment
    assert next(d for d in s.due if d.kind == "contact").when == "a good moment"
    # grouped: next steps, drafts, contacts; the longest waiting first within a group
    assert [d.kind for d in s.due] == ["application", "application", "draft", "contact"]
    assert [d.title for d in s.due[:2]] == ["Late — SRE", "Due Today — Dev"]
    assert s.plans == [] and s.prompt


def test_summary_shows_active_plans_and_offers_feedback_as_a_lesson(store):
    _seed(store)
    app = Application(company="Nope Inc", role="Dev", stage="closed", outcome="rejected", outcome_on="2026-03-01",
                      closed_from_stage="interviewing", feedback="More depth on distributed systems.")
    with store.batch():
        store.applications.save(app)
        store.plans.ensure_for_application(app)
    s = T.summarize(store, TODAY)
    assert [v.app.company for v in s.plans] == ["Nope Inc"]
    lesson = [d for d in s.due if d.kind == "lesson"]
    assert lesson and lesson[0].ref == s.plans[0].plan.id and lesson[0].title == "Feedback from Nope Inc"
    # a fresh rejection picks a prompt for the first days
    assert s.prompt_key in T.FRESH_KEYS


def test_finished_plans_leave_the_summary(store):
    app = Application(company="Done Co", stage="closed", outcome="ghosted", outcome_on="2026-02-25")
    with store.batch():
        store.applications.save(app)
        plan = store.plans.ensure_for_application(app)
    for step in plan.steps:
        store.plans.skip(plan.id, step["key"])
    assert T.summarize(store, TODAY).plans == []


def test_empty_store_summary(store):
    s = T.summarize(store, TODAY)
    assert s.due == [] and s.plans == [] and s.live == 0 and s.need == 10
    assert s.sparkline == "·" * 30 and s.relief is None and s.mood_average is None


def test_the_first_run_has_no_floor_or_goal_to_speak_of(store):
    """Before the first application there is no quota: no floor count, no week goal."""
    s = T.summarize(store, TODAY)
    assert s.first_run and s.floor_text == "no applications yet" and s.week_text == ""
    store.applications.add(Application(company="First", stage="wishlist"))
    s = T.summarize(store, TODAY)
    assert not s.first_run
    assert s.floor_text == "0 live of 10 · one good application this week makes 1"
    assert s.week_text == "0 of 5 applied"


def test_below_the_floor_asks_for_one_good_application_this_week_never_a_count_for_today():
    assert T.floor_words(8, 10) == "8 live of 10 · one good application this week makes 9"
    assert T.floor_words(10, 10) == "10 live, floor 10 met"
    assert T.floor_words(0, 0, first_run=True) == "no applications yet"
    for live in range(0, 12):
        text = T.floor_words(live, 10)
        assert "today" not in text and "add" not in text


def test_relief_reads_the_right_way_round():
    assert T.relief_change(52) == "feelings eased 52 of 100"
    assert T.relief_change(-10) == "feelings rose 10 of 100"
    assert T.relief_change(0.2) == "feelings held steady"


def test_reflecting_is_never_due_or_late_and_nothing_was_due():
    from store.plans import StepView

    reflect = StepView("reflect", "Reflect", "todo", due=date(2026, 2, 20))
    assert T.step_when(reflect, TODAY) == "when you're ready" and not T.step_is_due(reflect, TODAY)
    thanks = StepView("thank_you", "Say thank you", "todo", due=date(2026, 3, 1))
    assert T.step_when(thanks, TODAY) == "since yesterday" and T.step_is_due(thanks, TODAY)
    feedback = StepView("feedback", "Ask for feedback", "todo", due=date(2026, 2, 27))
    assert T.step_when(feedback, TODAY) == "since 27 Feb"
    later = StepView("feedback", "Ask for feedback", "snoozed", due=date(2026, 2, 27),
                     snoozed_until=date(2026, 3, 5))
    assert T.step_when(later, TODAY) == "snoozed until Thu 5" and not T.step_is_due(later, TODAY)


def test_today_suggests_at_most_three_people_a_day(store):
    for i in range(7):
        store.contacts.save(Contact(first_name=f"P{i}", cadence="monthly", last_touch_on="2025-06-01"))
    s = T.summarize(store, TODAY)
    assert len(s.people) == T.CONTACTS_A_DAY == 3 and s.contacts_more == 4
    assert all(d.when == "a good moment" for d in s.people)


def test_store_today_imports_no_ui():
    code = ("import sys, store.today\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
