"""Issue 11, the store side: a plan for the next no (the if-then), the control tag and the person's
own split of it, the interview brief, the four-day writing course and the first run."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import brief as B
from store import control as C
from store import course
from store import intention as I
from store.db import Store
from store.errors import RuleError
from store.journal import Lesson
from store.models import Application, JournalEntry, Settings

TODAY = date(2026, 3, 2)


def _day(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


# ----------------------------------------------------------------------------- the if-then plan


def test_the_plan_for_a_no_is_cleaned_and_said_as_a_plan():
    assert I.clean("  take   a walk.  ") == "take a walk"
    assert len(I.clean("x" * 500)) == I.MAX_PLAN
    assert I.planned_line(Settings(if_no_plan="text someone I trust")) == \
        "You planned for this: text someone I trust."
    assert I.planned_line(Settings()) == ""


def test_asked_once_at_the_first_rejection_only():
    assert I.should_ask(Settings(), plans=1)
    assert not I.should_ask(Settings(), plans=2)  # not the first rejection
    assert not I.should_ask(Settings(if_no_asked=True), plans=1)  # answered (or "not now")
    assert not I.should_ask(Settings(if_no_plan="take a walk"), plans=1)


def test_settings_verbs_store_the_plan_and_remember_it_was_asked(data_dir):
    s = Store.open(data_dir)
    s.settings.set_if_no_plan("  write three lines in the journal ")
    s.close()
    s = Store.open(data_dir)
    got = s.settings.current()
    assert (got.if_no_plan, got.if_no_asked) == ("write three lines in the journal", True)
    s.settings.set_if_no_plan("")
    assert s.settings.current().if_no_plan == ""
    s.close()


def test_old_files_load_with_safe_defaults(store):
    store.settings.save(Settings.from_dict({"id": "settings", "my_name": "Old"}))
    app = Application.from_dict({"id": "a1", "company": "Old Co", "stage": "closed", "outcome": "rejected"})
    entry = JournalEntry.from_dict({"id": "e1", "kind": "freewrite", "body": "old"})
    s = store.settings.current()
    assert (s.if_no_plan, s.if_no_asked, s.welcomed_on) == ("", False, None)
    assert app.outcome_control == "" and entry.course_day == 0


# ----------------------------------------------------------------------------- the control tag and split


def _no(store, tag: str, reason: str = "", outcome: str = "rejected", company: str = "Acme") -> Application:
    app = store.applications.save(Application(company=company, role="Engineer", stage="interviewing"))
    return C.close_tagged(store, app.id, outcome, reason, TODAY, tag)


def test_closing_keeps_the_tag_only_on_a_no_and_r_keeps_it(store):
    a = _no(store, "outside", outcome="ghosted")
    assert a.outcome_control == "outside" and store.applications.get(a.id).outcome == "ghosted"
    # r on it later (no tag given) keeps the person's tag
    again = C.close_tagged(store, a.id, "rejected")
    assert again.outcome_control == "outside"
    # an outcome that is not a no drops it; reopening too
    assert C.close_tagged(store, a.id, "withdrew", tag="outside").outcome_control == ""
    b = _no(store, "unknown")
    assert store.applications.reopen(b.id).outcome_control == ""
    assert C.tag_of("nonsense") is None and C.tag_of("workable") == "workable"


def test_a_workable_reason_goes_on_the_lessons_list_once_in_one_write(store):
    app = store.applications.save(Application(company="Acme", role="Engineer", stage="interviewing"))
    saves = store.storage.saves
    a = C.close_tagged(store, app.id, "rejected", "System design", TODAY, "workable")
    assert store.storage.saves == saves + 1  # the close, the tag and the lesson: one write
    [entry] = store.journal.lessons()
    assert entry.text == "System design" and entry.application_id == a.id
    C.close_tagged(store, a.id, "rejected", "System design", TODAY, "workable")
    assert len(store.journal.lessons()) == 1  # not twice
    _no(store, "workable")  # no reason: nothing for the list
    assert len(store.journal.lessons()) == 1


def test_the_split_shows_from_five_tagged_nos_in_the_persons_own_numbers(store):
    for tag in ["outside"] * 3:
        _no(store, tag)
    _no(store, "unknown")
    assert not C.split_for(store).shown and C.split_for(store).sentence() == ""
    _no(store, "workable", "system design")
    _no(store, "workable", "System design.")
    _no(store, "", company="Untagged")  # not tagged: not counted
    _no(store, "outside", outcome="withdrew")  # not a no: not counted
    split = C.split_for(store)
    assert (split.total, split.outside, split.unknown, split.workable) == (6, 3, 1, 2)
    assert split.sentence() == ("Of 6 no's you tagged: 3 outside your control, 1 unknown, 2 about system "
                                "design — on your Lessons list.")


def test_the_split_never_speaks_for_untold_reasons():
    def app(tag: str, reason: str = "") -> Application:
        return Application(stage="closed", outcome="rejected", outcome_control=tag, outcome_reason=reason)

    apps = [app("outside")] * 4 + [app("workable", "salary talk"), app("workable")]
    split = C.control_split(apps)
    assert split.topics == () and not split.on_lessons
    assert split.sentence() == "Of 6 no's you tagged: 4 outside your control, 2 something you can work on."
    apps = [app("unknown")] * 3 + [app("workable", "salary talk"), app("workable", "live coding")]
    assert C.control_split(apps).sentence() == ("Of 5 no's you tagged: 3 unknown, 2 something you can work on "
                                                "(salary talk, live coding).")
    for word in ("fail", "fault", "should", "score", "%"):
        assert word not in C.control_split(apps).sentence()


# ----------------------------------------------------------------------------- the interview brief


def test_the_brief_is_lessons_then_feedback_newest_first():
    lessons = [Lesson("e2", _day(-1), "Practise a scaling story out loud.", "Reframe"),
               Lesson("e1", _day(-9), "Ask about team size earlier.", "Reframe"),
               Lesson("e0", _day(-20), "practise a scaling story out loud.", "Reframe")]  # said once
    apps = [Application(id="old", company="Old Co", feedback="More depth on trade-offs", outcome_on=_day(-30)),
            Application(id="new", company="New Co", feedback="Strong code\nsecond line", outcome_on=_day(-2)),
            Application(id="me", company="Me Co", feedback="my own")]
    brief = B.interview_brief(lessons, apps, exclude="me")
    assert [b.text for b in brief.lessons] == ["Practise a scaling story out loud.", "Ask about team size earlier."]
    assert [(b.source, b.text) for b in brief.feedback] == [("New Co", "Strong code"),
                                                           ("Old Co", "More depth on trade-offs")]
    assert brief.summary() == ("2 lessons, 2 pieces of feedback · newest: Practise a scaling story out loud.")
    assert B.interview_brief([], []).empty


def test_today_wants_a_brief_after_a_recent_move_or_before_an_interview():
    moved = Application(stage="screening", stage_history=[{"from": "applied", "to": "screening",
                                                           "at": f"{_day(-3)}T09:00:00+00:00"}])
    assert B.wants_brief(moved, TODAY)
    assert not B.wants_brief(moved, TODAY + timedelta(days=8))
    soon = Application(stage="interviewing", stage_entered_on=_day(-30), interview_at=f"{_day(2)}T14:00")
    assert B.wants_brief(soon, TODAY)
    assert not B.wants_brief(Application(stage="applied", stage_entered_on=_day(0)), TODAY)


def test_keep_one_thing_as_a_lesson_from_feedback(store):
    app = store.applications.save(Application(company="Acme", feedback="Go deeper on trade-offs"))
    entry = B.keep_lesson(store, app.id, "  Name the trade-off before the answer ")
    assert entry.lesson == "Name the trade-off before the answer" and "Go deeper" in entry.body
    assert [ls.text for ls in store.journal.lessons()] == ["Name the trade-off before the answer"]
    with pytest.raises(RuleError):
        B.keep_lesson(store, app.id, "   ")


def test_today_lists_a_brief_for_a_card_that_just_moved(store):
    from store.today import summarize

    store.journal.save(JournalEntry(kind="reframe", lesson="Practise a scaling story out loud.", entry_date=_day(-5)))
    app = store.applications.save(Application(company="Lumen", role="Dev", stage="applied"))
    assert not [d for d in summarize(store, TODAY).due if d.kind == "brief"]
    store.applications.move(app.id, "interviewing")
    [item] = [d for d in summarize(store, TODAY).due if d.kind == "brief"]
    assert item.ref == app.id and item.when == "before the interview"
    assert item.detail == "Practise a scaling story out loud. · 1 lesson"


# ----------------------------------------------------------------------------- the writing course


def _session(day: int, on: int, draft: bool = False) -> JournalEntry:
    e = course.new_session(day, TODAY + timedelta(days=on))
    e.is_draft = draft
    return e


def test_the_course_moves_one_session_a_day_and_a_missed_day_just_waits():
    s = course.state([], TODAY)
    assert (s.done, s.next_day, s.can_write(), s.started) == (0, 1, True, False)
    s = course.state([_session(1, 0)], TODAY)
    assert (s.done, s.next_day, s.wrote_today, s.can_write()) == (1, 2, True, False)
    assert "waits for another day" in s.status()
    # ten days later: nothing is lost, no streak broken; session 2 is simply ready
    s = course.state([_session(1, -10)], TODAY)
    assert (s.done, s.next_day, s.can_write()) == (1, 2, True)
    assert "ready" in s.status() and "streak" not in s.status().lower()
    # a draft doesn't count; all four finish it
    assert course.state([_session(1, -3), _session(2, -2, draft=True)], TODAY).done == 1
    done = course.state([_session(d, d - 5) for d in range(1, 5)], TODAY)
    assert done.finished and not done.can_write()


def test_day_four_asks_what_it_means_and_every_prompt_is_ours():
    assert "mean" in course.PROMPTS[4]
    assert set(course.PROMPTS) == {1, 2, 3, 4}
    e = course.new_session(4, TODAY)
    assert (e.course_day, e.is_draft, e.tags) == (4, True, [course.TAG])
    assert "too upsetting" in course.STOP_CLAUSE and "Support" in course.STOP_CLAUSE
    with pytest.raises(ValueError):
        course.new_session(5)


# ----------------------------------------------------------------------------- the first run


def test_the_first_run_is_an_empty_folder_once(data_dir):
    s = Store.open(data_dir)
    assert s.settings.needs_welcome()
    s.settings.welcome("  Alex   Morgan ", 8)
    got = s.settings.current()
    assert (got.my_name, got.pipeline_floor, got.welcomed_on) == ("Alex Morgan", 8, "2026-03-02")
    assert not s.settings.needs_welcome()
    with pytest.raises(RuleError):
        s.settings.welcome("A", 501)
    s.close()


def test_existing_data_is_never_a_first_run(store):
    store.applications.save(Application(company="Acme"))
    assert not store.settings.needs_welcome()
