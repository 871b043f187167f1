"""The board's health kept as running sums (store/health_tally.py): the same figures as adding every
application up, after any sequence of additions and removals, and a recount after one move that
adds nothing up again."""

from __future__ import annotations

import statistics
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from store import pipeline as p
from store.health_tally import HealthTally
from store.models import OUTCOMES, STAGES, Application

TODAY = date(2026, 3, 4)  # a Wednesday: "sent this week" counts Monday to today

days = st.one_of(st.none(), st.integers(-40, 3).map(lambda n: TODAY + timedelta(days=n)))
facts = st.builds(
    p.AppFacts,
    stage=st.sampled_from([*STAGES, "odd-stage"]),
    outcome=st.sampled_from(["", *OUTCOMES]),
    applied=days,
    furthest=st.integers(0, 6),
    responded=st.booleans(),
    wait_days=st.one_of(st.none(), st.integers(0, 30)),
    quiet=st.booleans(),
    action_state=st.sampled_from(["", "overdue", "today", "soon"]),
    lost_on=days,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(facts, max_size=40), st.lists(st.integers(0, 39), max_size=20))
def test_the_running_sums_give_what_adding_everything_up_gives(all_facts, removals):
    tally = HealthTally(TODAY)
    for f in all_facts:
        tally.add(f)
    kept = list(all_facts)
    for i in removals:
        if i < len(kept):
            tally.remove(kept.pop(i))
    expected = p.aggregate_health(kept, floor=7, weekly_goal=3, today=TODAY)
    assert tally.health(floor=7, weekly_goal=3) == expected
    assert HealthTally.of(TODAY, kept).health(floor=7, weekly_goal=3) == expected  # the same, in one go
    # and what the sums give, worked out from the facts directly
    waits = [f.wait_days for f in kept if f.responded and f.wait_days is not None]
    bounces = p.bounce_backs([f.lost_on for f in kept if f.lost_on], [f.applied for f in kept if f.applied])
    assert expected.median_first_response_days == (statistics.median(waits) if waits else None)
    assert expected.median_bounce_back_days == (statistics.median(bounces) if bounces else None)
    assert expected.bounce_backs == len(bounces) and expected.responses == sum(f.responded for f in kept)
    assert sum(expected.by_stage.values()) == len(kept)
    assert expected.live == sum(1 for f in kept if f.stage in ("applied", "screening", "interviewing", "offer"))


def test_an_empty_tally_is_an_empty_board():
    assert HealthTally(TODAY).health(floor=10, weekly_goal=5) == p.aggregate_health([], floor=10, weekly_goal=5,
                                                                                      today=TODAY)


def _expected(store, today):
    current = store.settings.current()
    return p.pipeline_health(store.applications.all(), today=today, quiet_days=store.applications.quiet_days(),
                             floor=current.pipeline_floor, weekly_goal=current.weekly_goal)


def test_a_recount_after_a_move_adds_nothing_up_again(store, monkeypatch):
    today = date(2026, 3, 2)
    apps = store.applications.save_many([Application(company=f"Co {i}", stage="applied", applied_on="2026-02-20")
                                         for i in range(30)])
    first = store.applications.health(today)
    assert first == _expected(store, today)
    store.applications.move(apps[3].id, "screening")
    store.applications.delete(apps[5].id)
    store.applications.save(Application(company="New one"))

    def refuse(*a, **k):
        raise AssertionError("every application was added up again")

    real = p.aggregate_health
    monkeypatch.setattr(p, "aggregate_health", refuse)
    again = store.applications.health(today)
    monkeypatch.setattr(p, "aggregate_health", real)
    assert again == _expected(store, today)
    assert again.by_stage["screening"] == 1 and sum(again.by_stage.values()) == 30


def test_a_new_day_or_a_reload_starts_the_sums_over(store):
    today = date(2026, 3, 2)
    store.applications.save_many([Application(company=f"Co {i}", stage="applied", applied_on="2026-03-02")
                                  for i in range(5)])
    assert store.applications.health(today).sent_this_week == 5
    later = today + timedelta(days=7)
    assert store.applications.health(later) == _expected(store, later)
    assert store.applications.health(later).sent_this_week == 0
    store.applications.invalidate()
    assert store.applications.health(later) == _expected(store, later)
