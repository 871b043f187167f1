"""Journal flows from the keyboard: list + reader, search, filters, each kind of entry, the whole guided
reframe (with skips, going back and bad input), draft recovery after a dropped session, cross-screen
hooks, lessons, trends, export, and hostile text in every field."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from store import journal as J
from store.dates import long_date, short_date
from store.db import Store
from store.models import Application, JournalEntry
from tests.hostile import HOSTILE, stored_form
from tests.screens import open_journal
from tests.waiting import notified_text as notifications  # every toast's text, one a line
from tests.waiting import rendered as text_of  # a Static's content
from tests.waiting import type_text
from tui.journal.forms import CheckInForm, FreeWriteForm
from tui.journal.reader import EntryReaderScreen, LessonsScreen, TrendsScreen
from tui.journal.screen import JournalScreen
from tui.journal.wizard import ReframeWizard
from widgets.journal_list import EntryList
from widgets.journal_ratings import RatedList

SIZE = (80, 24)


def reader_text(app) -> str:
    return text_of(app.screen.query_one("#reader-text", Static))


# --------------------------------------------------------------------------- list, reader, search, filters


async def test_list_newest_first_reader_and_search(demo_store, make_app):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_journal(pilot)
        lst = screen.query_one(EntryList)
        expected = demo_store.journal.entries()
        assert [r.key for r in lst.rows] == [e.id for e in expected]
        dates = [e.entry_date for e in expected]
        assert dates == sorted(dates, reverse=True)
        assert lst.rows[0].date == short_date(expected[0].entry_date)  # one date style: "2 Mar"
        # the reader follows the cursor
        await pilot.press("j")
        await pilot.pause()
        second = expected[1]
        assert lst.current_key == second.id
        assert long_date(second.entry_date) in reader_text(app)

        # / search: every term must match, the rest is hidden, matches are marked in the reader
        await pilot.press("slash")
        await type_text(pilot, "unemployable round")
        await pilot.pause()
        want = J.search(expected, "unemployable round")
        assert [r.key for r in lst.rows] == [e.id for e in want]
        await type_text(pilot, " zebra")
        await pilot.pause()
        assert lst.rows == [] and "Nothing matches" in lst.empty_text
        search_box = screen.query_one("#journal-search", Input)
        search_box.value = "UNEMPLOYABLE"
        await pilot.pause()
        want = J.search(expected, "unemployable")
        assert want and len(lst.rows) == len(want) < len(expected)
        await pilot.press("enter")  # back to the list
        await pilot.pause()
        assert lst.has_focus
        reader = screen.query_one("#reader-text", Static)
        content = reader.render()
        marked = [content.plain[s.start:s.end] for s in content.spans if "reverse" in str(s.style)]
        assert marked and all(m.lower() == "unemployable" for m in marked)
        assert any(row.title_spans for row in lst.rows)
        assert "of 30 entries" in text_of(screen.query_one("#journal-status", Static))
        # escape clears
        await pilot.press("escape")
        await pilot.pause()
        assert len(lst.rows) == len(expected) and screen.terms == []


async def test_filters_by_kind_tag_and_application(store, make_app):
    a = store.applications.save(Application(company="Acme", role="Dev", stage="closed", outcome="rejected",
                                            outcome_on="2026-02-20"))
    store.journal.save(JournalEntry(kind="checkin", mood=3, tags=["sleep"], entry_date="2026-03-01"))
    store.journal.save(JournalEntry(kind="reframe", application_id=a.id, entry_date="2026-02-28",
                                    thoughts=[{"text": "hot", "belief": 50, "hot": True}]))
    store.journal.save(JournalEntry(kind="freewrite", title="walk", tags=["Sleep"], entry_date="2026-02-27"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        lst = screen.query_one(EntryList)
        assert len(lst.rows) == 3
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("1")  # by kind
        await pilot.pause()
        await pilot.press("3")  # Reframe
        await pilot.pause()
        assert [r.kind for r in lst.rows] == ["Reframe"]
        assert "kind: Reframe" in text_of(screen.query_one("#journal-status", Static))
        await pilot.press("escape")
        await pilot.pause()
        assert len(lst.rows) == 3
        await pilot.press("F", "2")  # by tag
        await pilot.pause()
        await pilot.press("1")  # the most used tag: sleep (2)
        await pilot.pause()
        assert sorted(r.kind for r in lst.rows) == ["Check-in", "Free write"]
        await pilot.press("F", "4")  # clear
        await pilot.pause()
        await pilot.press("F", "3", "1")  # by application: Acme
        await pilot.pause()
        assert [r.app for r in lst.rows] == ["Acme"]


# --------------------------------------------------------------------------- check-in and free write


async def test_quick_checkin(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckInForm)
        await pilot.press("ctrl+s")  # no mood yet: an inline message, nothing saved
        await pilot.pause()
        assert "Pick a mood" in text_of(form.query_one("#form-message"))
        assert store.journal.all() == []
        await pilot.press("4", "down", "2", "down")
        await type_text(pilot, "walked by the river")
        await pilot.press("tab")
        await type_text(pilot, "sleep, outside")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        [e] = store.journal.all()
        assert (e.kind, e.mood, e.energy, e.body, e.tags, e.is_draft) == (
            "checkin", 4, 2, "walked by the river", ["sleep", "outside"], False)
        assert "mood 4/5" in notifications(app)
        row = app.screen.query_one(EntryList).rows[0]
        assert row.rating == "mood 4/5" and row.title == "walked by the river"


async def test_free_write_editor_and_timer(store, make_app, tmp_path):
    app = make_app(store)
    seen = {}

    def fake_editor(app_, path):
        p = Path(path)
        seen["path"] = p
        seen["file_mode"] = stat.S_IMODE(p.stat().st_mode)
        seen["dir_mode"] = stat.S_IMODE(p.parent.stat().st_mode)
        seen["before"] = p.read_text()
        p.write_text(seen["before"] + " and then the editor\n")
        (p.parent / ".swap").write_text("editor leftovers")
        return 0

    app.editor_runner = fake_editor
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FreeWriteForm)
        await type_text(pilot, "dear diary")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert seen["before"] == "dear diary"
        assert seen["file_mode"] == 0o600 and seen["dir_mode"] == 0o700
        assert not seen["path"].exists() and not seen["path"].parent.exists()  # nothing left behind
        assert form.query_one("#body", TextArea).text == "dear diary and then the editor"

        # an editor that fails: the text stays, the temp folder still goes
        def broken(app_, path):
            seen["broken"] = Path(path)
            raise RuntimeError("no terminal")

        app.editor_runner = broken
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert not seen["broken"].parent.exists()
        assert "unchanged" in text_of(form.query_one("#form-message"))
        assert form.query_one("#body", TextArea).text == "dear diary and then the editor"

        # the 15-minute expressive-writing timer
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "15:00 left" in text_of(form.query_one("#timer")) or "14:59 left" in text_of(form.query_one("#timer"))
        assert "fifteen minutes" in text_of(form.query_one("#prompt")).lower()
        form._timer_started -= 15 * 60
        form.tick()
        await pilot.pause()
        assert "done" in text_of(form.query_one("#timer"))
        await pilot.press("shift+tab", "shift+tab")  # to the title
        await type_text(pilot, "night")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [e] = store.journal.all()
        assert e.kind == "freewrite" and e.title == "night" and e.writing_seconds >= 900 and not e.is_draft
        assert e.body == "dear diary and then the editor"


# --------------------------------------------------------------------------- the guided reframe


async def test_whole_wizard_with_skips_back_and_bad_input(demo_store, make_app):
    store = demo_store
    latest = J.latest_rejection(store.applications.all())
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("4")  # "Guided reframe" (no draft yet: option 4)
        await pilot.pause()
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard) and wiz.step == 1
        # step 1: linked to the latest rejection by default, with a rejection-specific prompt
        assert wiz.entry.application_id == latest.id
        assert latest.company in text_of(wiz.query_one("#link-line"))
        assert text_of(wiz.query_one("#wiz-prompt")) in [p.you for p in J_prompts(1, True) if p.rejection]
        await type_text(pilot, "Email at 9am")
        wiz.query_one("#tags", Input).value = "final, #panel"
        prompt_before = text_of(wiz.query_one("#wiz-prompt"))
        await pilot.press("ctrl+r")  # another prompt
        await pilot.pause()
        assert text_of(wiz.query_one("#wiz-prompt")) != prompt_before
        await pilot.press("pagedown")
        await pilot.pause()
        # the draft is saved on every step change
        draft = store.journal.get(wiz.entry.id)
        assert draft.is_draft and draft.situation == "Email at 9am" and draft.wizard_step == 2
        # step 2: two feelings, 80 and 50
        assert wiz.step == 2 and not wiz.query_one("#wiz-hot").display
        await pilot.press("space", "8", "0", "down", "space")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()  # let focus land before typing (focus moves are not instant under load)
        await type_text(pilot, "stuck")
        await pilot.press("enter")  # a custom feeling at 50
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        # step 3: two thoughts, the first is hot
        assert wiz.step == 3
        await type_text(pilot, "unemployable")
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("9", "0", "enter")
        await pilot.pause()
        await type_text(pilot, "nobody")
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("7", "0", "enter")
        await pilot.pause()
        assert [r.label for r in wiz.query_one("#thoughts", RatedList).rows] == ["unemployable", "nobody"]
        await pilot.press("pagedown")
        await pilot.pause()
        # step 4: the hot thought stays visible; ticking overgeneralization shows the user's own numbers
        assert wiz.step == 4
        hot_bar = text_of(wiz.query_one("#wiz-hot"))
        assert "unemployable" in hot_bar and "90" in hot_bar
        assert "All-or-nothing" in text_of(wiz.query_one("#distortion-detail"))
        await pilot.press("down")
        await pilot.pause()
        assert "Job-search example" in text_of(wiz.query_one("#distortion-detail"))
        assert "Overgeneralization" in text_of(wiz.query_one("#distortion-detail"))
        assert not wiz.query_one("#funnel").display
        await pilot.press("space")
        await pilot.pause()
        funnel = text_of(wiz.query_one("#funnel"))
        assert wiz.query_one("#funnel").display and J.funnel(store.applications.all()).sentence() in funnel
        # step 5 skipped, then back to it
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert wiz.step == 6 and "unemployable" in text_of(wiz.query_one("#wiz-hot"))
        await pilot.press("pageup")
        await pilot.pause()
        assert wiz.step == 5
        await type_text(pilot, "fumbled")
        await pilot.press("enter", "tab")
        await type_text(pilot, "final")
        await pilot.press("enter")
        await type_text(pilot, "praised")  # not added with enter: moving on keeps it anyway
        await pilot.press("pagedown")
        await pilot.pause()
        # step 6: a belief over 100 is refused inline, nothing lost
        assert wiz.step == 6
        wiz.query_one("#balanced", TextArea).insert("one no is not ")
        await type_text(pilot, "a pattern")
        await pilot.press("tab", "1", "5", "0", "pagedown")
        await pilot.pause()
        assert wiz.step == 6 and "up to 100" in text_of(wiz.query_one("#form-message"))
        await pilot.press("backspace", "backspace", "backspace", "6", "0", "pagedown")
        await pilot.pause()
        # step 7: re-rate; relief and belief shift are computed and shown
        assert wiz.step == 7
        assert "was 90" in text_of(wiz.query_one("#hot-after-label"))
        await pilot.press("3", "0", "tab")
        await pilot.press("4", "0", "down", "2", "0", "down", "5", "0")
        await pilot.pause()
        line = text_of(wiz.query_one("#relief-line"))
        # (80-40) + (50-20) + (50-50) over three feelings = 23.3; belief 90 -> 30
        # the right way round: feelings and belief eased (never "relief rose" when they got worse)
        assert "Your feelings eased 23 of 100 on average." in line
        assert "Your belief in the hot thought eased 60 of 100." in line
        await pilot.press("pagedown")
        await pilot.pause()
        # step 8: a date that can't be read is refused with what is accepted
        assert wiz.step == 8
        await type_text(pilot, "it hurts")
        wiz.query_one("#lesson", Input).value = "Practise the scaling story"
        wiz.query_one("#next-action", Input).value = "Send two applications"
        wiz.query_one("#next-date", Input).value = "someday"
        await pilot.press("pagedown")  # finish
        await pilot.pause()
        assert isinstance(app.screen, ReframeWizard)
        assert "YYYY-MM-DD" in text_of(wiz.query_one("#form-message"))
        wiz.query_one("#next-date", Input).value = "fri"
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        e = store.journal.get(wiz.entry.id)
        assert not e.is_draft and e.kind == "reframe" and e.application_id == latest.id
        assert e.situation == "Email at 9am" and e.tags == ["final", "panel"]
        assert e.emotions == [{"name": "disappointed", "before": 80, "after": 40},
                              {"name": "sad", "before": 50, "after": 20},
                              {"name": "stuck", "before": 50, "after": 50}]
        assert e.thoughts == [{"text": "unemployable", "belief": 90, "hot": True},
                              {"text": "nobody", "belief": 70, "hot": False}]
        assert e.distortions == ["overgeneralization"]
        assert e.evidence_for == ["fumbled"]
        assert e.evidence_against == ["final", "praised"]
        assert (e.balanced_thought, e.balanced_belief, e.hot_belief_after) == ("one no is not a pattern", 60, 30)
        assert e.self_compassion[0] == "it hurts"
        assert e.lesson == "Practise the scaling story" and not e.lesson_outside_control
        assert (e.next_action, e.next_action_date) == ("Send two applications", "2026-03-06")
        assert round(J.entry_relief(e), 1) == 23.3 and J.belief_shift(e) == 60
        assert "eased 23 of 100" in notifications(app)
        lst = screen.query_one(EntryList)
        assert lst.current_key == e.id and lst.rows[lst.cursor].rating == "eased 23"
        assert "Practise the scaling story" in [lesson.text for lesson in store.journal.lessons()]


def J_prompts(step, rejection):
    from store.prompts import prompts_for

    return prompts_for(step, rejection=rejection)


async def test_every_step_skipped_gives_a_calm_empty_record(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        wiz = app.screen
        assert wiz.entry.application_id is None  # no board yet: not linked
        assert "Not linked" in text_of(wiz.query_one("#link-line"))
        for _ in range(7):
            await pilot.press("pagedown")
        await pilot.pause()
        assert wiz.step == 8 and "No feelings were rated" in wiz.query_one("#rerate", RatedList).empty_text
        await pilot.press("pagedown")  # finish with nothing: refused calmly, nothing saved
        await pilot.pause()
        assert "Nothing to save yet" in text_of(wiz.query_one("#form-message"))
        await pilot.press("escape")  # blank: closes without asking
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert store.journal.all() == []


async def test_leaving_keeps_or_discards_the_draft(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "the call")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")  # keep it as a draft
        await pilot.pause()
        [d] = store.journal.all()
        assert d.is_draft and d.situation == "the call"
        screen = app.screen
        assert "Unfinished reframe" in text_of(screen.query_one("#journal-draft"))
        assert screen.query_one(EntryList).rows[0].rating == "draft"
        await pilot.press("r")  # resumes it
        await pilot.pause()
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard) and wiz.entry.id == d.id
        assert wiz.query_one("#situation", TextArea).text == "the call"
        await pilot.press("escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("enter")  # enter on a draft carries on too
        await pilot.pause()
        await type_text(pilot, " again")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")  # discard
        await pilot.pause()
        assert store.journal.all() == []


async def test_draft_survives_a_dropped_session(data_dir, make_app):
    store = Store.open(data_dir)
    store.applications.save(Application(company="Acme", role="Dev", stage="closed", outcome="rejected",
                                        outcome_on="2026-02-27"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        await type_text(pilot, "rejected after the final")
        await pilot.press("pagedown", "space", "7", "0", "pagedown")
        await type_text(pilot, "never good enough")  # typed, not added, no step change after it
        await pilot.pause()
        app._on_hangup()  # SIGHUP: save what is pending, then exit
        await pilot.pause()
    store.close()

    # restart on the same data dir: the draft is back, with everything typed
    store = Store.open(data_dir)
    [d] = store.journal.all()
    assert d.is_draft and d.wizard_step == 3 and d.situation == "rejected after the final"
    assert d.emotions == [{"name": "disappointed", "before": 70, "after": -1}]
    assert d.thoughts == [{"text": "never good enough", "belief": -1, "hot": True}]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        assert "Unfinished reframe" in text_of(screen.query_one("#journal-draft"))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("1")  # "Resume the unfinished reframe"
        await pilot.pause()
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard) and wiz.step == 3
        assert [r.label for r in wiz.query_one("#thoughts", RatedList).rows] == ["never good enough"]
        assert wiz.query_one("#situation", TextArea).text == "rejected after the final"
        assert "never good enough" not in text_of(wiz.query_one("#wiz-hot")) or not wiz.query_one("#wiz-hot").display
        await pilot.press("pagedown")
        await pilot.pause()
        assert "never good enough" in text_of(wiz.query_one("#wiz-hot"))
    store.close()


async def test_autosave_after_edits_without_a_step_change(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        wiz = app.screen
        await type_text(pilot, "typed and left")
        wiz.autosave()  # what the timer does a moment after typing stops
        d = store.journal.get(wiz.entry.id)
        assert d.is_draft and d.situation == "typed and left"
        assert wiz.autosave() is False  # unchanged: no second write


async def test_cross_screen_hooks(demo_store, make_app):
    store = demo_store
    target = [a for a in store.applications.all() if a.outcome == "rejected"][-1]
    entry = store.journal.entries()[10]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_journal_entry(entry.id)
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert screen.query_one(EntryList).current_key == entry.id
        # hidden by a search: show_entry clears it
        screen.set_search("zzzz-nothing")
        screen.show_entry(entry.id)
        await pilot.pause()
        assert screen.query_one(EntryList).current_key == entry.id and screen.terms == []
        await pilot.press("1")
        await pilot.pause()
        app.start_reframe(target.id)
        await pilot.pause()
        await pilot.pause()
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard) and wiz.entry.application_id == target.id
        await type_text(pilot, "x")
        await pilot.press("pagedown")
        await pilot.press("escape", "1")  # keep the draft
        await pilot.pause()
        # asking again for the same application resumes that draft
        app.start_reframe(target.id)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReframeWizard) and app.screen.entry.id == wiz.entry.id


# --------------------------------------------------------------------------- edit, delete, reader


async def test_edit_delete_and_full_reader(store, make_app):
    e = store.journal.save(JournalEntry(kind="checkin", mood=2, body="tired"))
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryReaderScreen)
        await pilot.press("e")  # edit from the reader
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckInForm) and form.finished_before
        await pilot.press("5")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")  # discard the changes
        await pilot.pause()
        assert store.journal.get(e.id).mood == 2
        await pilot.press("e", "5", "ctrl+s")
        await pilot.pause()
        assert store.journal.get(e.id).mood == 5 and not store.journal.get(e.id).is_draft
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no
        await pilot.pause()
        assert store.journal.get(e.id) is not None
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.journal.get(e.id) is None


# --------------------------------------------------------------------------- lessons, trends, export, voice


async def test_lessons_trends_and_export(demo_store, make_app):
    store = demo_store
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("i")
        await pilot.pause()
        lessons = store.journal.lessons()
        assert isinstance(app.screen, LessonsScreen) and lessons
        assert f"{len(lessons)} lesson" in text_of(app.screen.query_one("#lessons-intro"))
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert screen.query_one(EntryList).current_key == lessons[1].entry_id
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        trends = text_of(app.screen.query_one("#trends-text"))
        t = store.journal.trends()
        assert "Mood, last 30 days" in trends and "last 90 days" in trends
        assert f"Thought records: {t.records}" in trends and "streak" in trends.lower()
        assert "▁" in trends or "█" in trends or "▄" in trends
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("X")
        await pilot.pause()
        path = store.data_dir / "exports" / "journal-2026-03-02.md"
        assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
        assert str(path) in notifications(app)
        path.write_text("old")
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("n")  # keep the old one
        await pilot.pause()
        assert path.read_text() == "old"
        await pilot.press("X", "y")
        await pilot.pause()
        assert path.read_text().startswith("# Rebound journal")


async def test_palette_has_every_journal_action_and_my_name_voice(store, make_app):
    store.settings.update(my_name="Alex Morgan")
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_journal(pilot)
        titles = [c.title for c in screen.palette_commands()]
        for needed in ["check-in", "free write", "guided reframe", "search", "filter by kind", "filter by tag",
                       "filter by application", "lessons", "trends", "export", "use my name"]:
            assert any(needed in t.lower() for t in titles), needed
        [cmd] = [c for c in screen.palette_commands() if "use my name" in c.title]
        cmd.callback()
        await pilot.pause()
        assert store.settings.current().use_my_name
        await pilot.press("r")
        await pilot.pause()
        assert "Alex" in text_of(app.screen.query_one("#wiz-prompt"))
        assert "Morgan" not in text_of(app.screen.query_one("#wiz-prompt"))


# --------------------------------------------------------------------------- hostile text


async def test_hostile_strings_in_every_field_are_shown_literally(store, make_app):
    app_rec = store.applications.save(Application(company=HOSTILE[1], role=HOSTILE[0], stage="closed",
                                                  outcome="rejected", outcome_on="2026-03-01"))
    ids = []
    with store.batch():  # one save
        for i, s in enumerate(HOSTILE):
            e = JournalEntry(kind="reframe", entry_date=f"2026-02-{i + 1:02d}", title=s, body=s, situation=s,
                             emotions=[{"name": s, "before": 60, "after": 30}],
                             thoughts=[{"text": s, "belief": 80, "hot": True}], distortions=[s],
                             evidence_for=[s], evidence_against=[s], balanced_thought=s, self_compassion=[s, s, s],
                             lesson=s, next_action=s, tags=[s], application_id=app_rec.id, hot_belief_after=20)
            ids.append(store.journal.save(e).id)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        lst = screen.query_one(EntryList)
        for i, s in enumerate(HOSTILE):
            assert lst.move_to_key(ids[i])
            await pilot.pause()
            shown = reader_text(app)
            assert stored_form(s)[:40] in shown, s[:20]
            # the row renders too
            lst.render_line(1)
        # searched and filtered with hostile text
        for s in HOSTILE:
            screen.set_search(s)
            await pilot.pause()
        screen.action_clear()
        await pilot.pause()
        # opened in the reader, lessons and every step of the wizard
        lst.move_to_key(ids[1])
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        wiz = app.screen
        assert isinstance(wiz, ReframeWizard)
        for _ in range(8):
            await pilot.press("pagedown")
            await pilot.pause()
        assert app.is_running and isinstance(app.screen, JournalScreen)

        # typed (pasted) through the forms
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        form.query_one("#title", Input).value = HOSTILE[1]
        form.query_one("#tags", Input).value = HOSTILE[0]
        form.query_one("#body", TextArea).text = "\n".join(HOSTILE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        wiz = app.screen
        wiz.query_one("#situation", TextArea).text = HOSTILE[6]
        await pilot.press("pagedown", "tab")
        wiz.query_one("#custom-emotion", Input).value = HOSTILE[3]
        await pilot.press("enter", "pagedown")
        wiz.query_one("#thought-text", Input).value = HOSTILE[7]
        await pilot.press("enter", "pagedown", "pagedown")
        wiz.query_one("#ev-for Input", Input).value = HOSTILE[4]
        await pilot.press("pagedown")
        wiz.query_one("#balanced", TextArea).text = HOSTILE[8]
        await pilot.press("pagedown", "pagedown")
        for i in range(3):
            wiz.query_one(f"#comp-{i}", Input).value = HOSTILE[i]
        wiz.query_one("#lesson", Input).value = HOSTILE[5]
        wiz.query_one("#next-action", Input).value = HOSTILE[9]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, JournalScreen)
    saved = [e for e in store.journal.all() if e.id not in ids]
    assert len(saved) == 2
    rec = next(e for e in saved if e.kind == "reframe")
    assert rec.situation == stored_form(HOSTILE[6]) and rec.thoughts[0]["text"] == stored_form(HOSTILE[7])
    assert rec.emotions[0]["name"] == stored_form(HOSTILE[3]).strip()
    assert rec.lesson == stored_form(HOSTILE[5]).strip()
    assert "\x1b" not in repr(rec.to_dict())


async def test_read_only_session_says_so_instead_of_opening_a_form(data_dir, make_app):
    first = Store.open(data_dir)
    first.journal.save(JournalEntry(kind="checkin", mood=3, body="kept"))
    first.flush()
    second = Store.open(data_dir)  # the first holds the lock: read-only
    try:
        assert second.read_only
        app = make_app(second)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await open_journal(pilot)
            assert screen.query_one(EntryList).rows[0].title == "kept"
            for key in ("c", "w", "r", "e"):
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, JournalScreen), key
            assert "Read-only" in notifications(app)
    finally:
        second.close()
        first.close()
