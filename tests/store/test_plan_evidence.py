"""What a rebound plan reads from the rest of the data, worked out once per summary: the applications
sent since a day (a bisection per plan, compared with walking every application), and the briefs cut
from one set of lessons and feedback (compared with making each brief from scratch)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store import brief as B
from store.db import Store
from store.journal import Lesson
from store.models import Application
from store.plans import Evidence

DAY0 = date(2026, 2, 1)


def _walk(apps: list[Application], start: date, exclude: str) -> tuple[int, date | None]:
    """The reference: every application sent on or after ``start``, but ``exclude``; the first day one was."""
    from store.dates import from_iso

    sent = sorted((a.applied_on[:10], a.id) for a in apps if a.applied_on)
    count, first = 0, None
    for day, app_id in sent:
        if (day, app_id) < (start.isoformat(), "") or app_id == exclude:
            continue
        count += 1
        if first is None:
            first = from_iso(day)
    return count, first


applied_days = st.one_of(st.just(""), st.just("not a date"),
                         st.integers(0, 40).map(lambda n: (DAY0 + timedelta(days=n)).isoformat()))


@settings(max_examples=60, deadline=None)
@given(st.lists(applied_days, max_size=30), st.lists(st.tuples(st.integers(-2, 45), st.integers(-1, 30)), min_size=1,
                                                      max_size=6))
def test_sent_since_a_day_is_what_walking_every_application_gives(days, asks):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        try:
            apps = store.applications.save_many([Application(id=f"a{i}", company=f"Co {i}", applied_on=d)
                                                 for i, d in enumerate(days)])
            ev = Evidence(store, [])
            for start_offset, exclude_index in asks:  # one Evidence answers every plan of a summary
                exclude = f"a{exclude_index}" if exclude_index >= 0 else ""
                start = DAY0 + timedelta(days=start_offset)
                assert ev.applied_since(start, exclude=exclude) == _walk(apps, start, exclude)
        finally:
            store.close()


def _brief_from_scratch(lessons: list[Lesson], apps: list[Application], exclude: str | None) -> B.Brief:
    """The reference: one brief made on its own, every line worked out again."""
    lines, seen = [], set()
    for ls in lessons:
        text = B.first_line(ls.text, B.LINE_LIMIT)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            lines.append(B.BriefLine(text, ls.source, ls.entry_date))
    feedback = sorted((B.BriefLine(B.first_line(a.feedback, B.LINE_LIMIT), a.company or "an application",
                                   (a.outcome_on or a.updated_at or "")[:10])
                       for a in apps if a.id != exclude and B.first_line(a.feedback, B.LINE_LIMIT)),
                      key=lambda b: b.on, reverse=True)
    return B.Brief(lessons=tuple(lines[:B.LESSONS_SHOWN]), feedback=tuple(feedback[:B.FEEDBACK_SHOWN]),
                   lessons_total=len(lines), feedback_total=len(feedback))


def test_briefs_cut_from_one_source_are_the_briefs_made_one_by_one():
    lessons = [Lesson(f"e{i}", f"2026-02-{i + 1:02d}", f"Lesson {i % 4}", f"Entry {i}") for i in range(9)]
    apps = [Application(id=f"a{i}", company=f"Co {i}", feedback=f"Feedback {i}" if i % 2 else "",
                        outcome_on=f"2026-02-{(i * 7) % 27 + 1:02d}") for i in range(12)]
    source = B.BriefSource(lessons, apps)
    for exclude in [None, "a1", "a3", "a4", "zz"]:
        assert source.brief(exclude) == _brief_from_scratch(lessons, apps, exclude)
        assert B.interview_brief(lessons, apps, exclude) == _brief_from_scratch(lessons, apps, exclude)
