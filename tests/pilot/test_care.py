"""Care from the keyboard: the support panel after a free write or a check-in with heavy words (saved
first, once per entry, never closed by a stray key), Settings › Support ($REBOUND_SUPPORT_LINE as the
preset), "Support: I'm struggling" in the palette on every screen and in every help, the adapted
reframe, the quiet line after a run of heavy days (once a day), and kind words after saving."""

from __future__ import annotations

import json

import pytest
from textual.command import CommandList
from textual.widgets import Input, Static, TextArea

from store.db import Store
from store.models import JournalEntry
from tests.waiting import notifications as _toasts
from tests.waiting import until
from tui.care.actions import CARE_NOTE, SHOWN_KEY, SUPPORT_ENV
from tui.care.panel import Moment, SupportPanel
from tui.journal.actions import HARD_DAY, LOOK_AFTER_YOURSELF
from tui.journal.forms import CheckInForm, FreeWriteForm
from tui.journal.screen import JournalScreen
from tui.journal.wizard import KIND_WORDS, ReframeWizard
from tui.settings.screen import SettingsScreen
from tui.shell.help import SUPPORT_LINE, HelpScreen

SIZE = (80, 24)
HEAVY = "I keep thinking everyone would be better off without me"


async def typ(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def open_journal(pilot) -> JournalScreen:
    await pilot.press("3")
    await pilot.pause()
    assert isinstance(pilot.app.screen, JournalScreen)
    return pilot.app.screen


def notifications(app) -> str:
    return "\n".join(n.message for n in _toasts(app))


def panel_text(app) -> str:
    panel = app.screen
    assert isinstance(panel, SupportPanel)
    return str(panel.query_one("#support-text", Static).render())


def on_disk(store: Store) -> list[dict]:
    """The journal as the data file holds it (read with plain json, not through the store)."""
    data = json.loads(store.path.read_text(encoding="utf-8"))
    return list(data.get("journal", {}).values())


async def choose(pilot, button: int) -> None:
    """Pick the panel's ``button``-th choice (1-based) from the keyboard: tab to it, then enter."""
    for _ in range(button):
        await pilot.press("tab")
    await pilot.press("enter")
    await pilot.pause()


async def free_write(pilot, text: str) -> None:
    await pilot.press("w")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FreeWriteForm)
    pilot.app.screen.query_one("#body", TextArea).insert(text)
    await pilot.press("ctrl+s")
    await pilot.pause()


# --------------------------------------------------------------------------- the panel after saving


async def test_free_write_with_heavy_words_is_saved_then_the_panel_shows(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, HEAVY)
        panel = app.screen
        assert isinstance(panel, SupportPanel) and panel.moment is Moment.SAVED
        # saved before the panel opened: in the data file, finished, remembered as shown
        [row] = on_disk(store)
        assert row["body"] == HEAVY and row["is_draft"] is False and row[SHOWN_KEY] == "2026-03-02"
        said = panel_text(app)
        for words in ("saved in your journal", "not therapy", "can't help in an emergency",
                      "local emergency number", "findahelpline.com", "Settings › Support"):
            assert words in said
        assert "Thank you for putting this into words" in str(panel.query_one("#support-title", Static).render())
        assert "Well done" not in notifications(app)  # the panel speaks instead
        for word in ("depression", "at risk", "suicid", "diagnos"):
            assert word not in said.lower()


async def test_checkin_with_heavy_words_is_saved_then_the_panel_shows(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        await pilot.press("1", "down", "down")
        await typ(pilot, "I keep thinking about ending it")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SupportPanel)
        [row] = on_disk(store)
        assert row["kind"] == "checkin" and row["mood"] == 1 and row["body"] == "I keep thinking about ending it"
        assert not row["is_draft"] and row[SHOWN_KEY]
        assert "Check-in saved: mood 1/5" not in notifications(app)


async def test_panel_is_shown_once_per_entry_keep_writing_reopens_it(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, HEAVY)
        assert isinstance(app.screen, SupportPanel)
        await choose(pilot, 1)  # Keep writing: the same entry opens again
        form = app.screen
        assert isinstance(form, FreeWriteForm) and form.finished_before
        form.query_one("#body", TextArea).insert("and I want to end it all. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # no second panel for the same entry
        [entry] = store.journal.all()
        assert "end it all" in entry.body and not entry.is_draft
        assert "Saved: " in notifications(app) and "Well done" not in notifications(app)
        # another heavy entry gets the panel again: once per entry, not once ever
        await free_write(pilot, "I want to die")
        assert isinstance(app.screen, SupportPanel)


async def test_stray_keys_never_close_the_panel_only_its_choices_or_escape(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, HEAVY)
        panel = app.screen
        assert isinstance(panel, SupportPanel)
        # someone still typing: letters, digits (screen keys), q (quit), enter and space go nowhere
        await typ(pilot, "and then q 3 n x 1 ?")
        await pilot.press("enter", "space", "u", "d", "slash", "comma")
        await pilot.pause()
        assert app.screen is panel and app.is_running and app.current_mode == "journal"
        assert [e.body for e in store.journal.all()] == [HEAVY]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert [e.body for e in store.journal.all()] == [HEAVY]  # escape undoes nothing


async def test_stop_here_closes_the_panel_and_the_entry_stays(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, HEAVY)
        await choose(pilot, 2)  # Stop here (it's saved)
        assert isinstance(app.screen, JournalScreen)
        [entry] = store.journal.all()
        assert entry.body == HEAVY and not entry.is_draft


async def test_quiet_entries_get_no_panel_and_the_usual_words(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, "This commute is killing me and I'm dying to hear back")
        assert isinstance(app.screen, JournalScreen)
        assert "Well done for writing it down" in notifications(app)
        assert not store.journal.all()[0].extra


# --------------------------------------------------------------------------- Settings › Support


async def test_settings_support_saved_in_one_write_and_shown_in_the_panel(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await free_write(pilot, HEAVY)
        await choose(pilot, 3)  # Open Settings › Support
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        assert settings.query_one("#f-support_line", Input).has_focus
        await typ(pilot, "Samaritans 116 123")
        await pilot.press("tab")
        await typ(pilot, "Jo [my sister] 07700 900123")
        await pilot.press("tab")
        settings.query_one("#f-support_helps", TextArea).insert("A walk round the block.\nText Jo.")
        saves = store.storage.saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.storage.saves == saves + 1  # one write
        s = Store.open(store.data_dir, read_only=True)  # from the file
        try:
            saved = s.settings.current()
        finally:
            s.close()
        assert (saved.support_line, saved.support_person, saved.support_helps) == (
            "Samaritans 116 123", "Jo [my sister] 07700 900123", "A walk round the block.\nText Jo.")
        # the panel shows them (from the palette, with no detection), the brackets as typed
        app.action_support()
        await pilot.pause()
        said = panel_text(app)
        assert "Your support line: Samaritans 116 123" in said
        assert "Someone you can reach: Jo [my sister] 07700 900123" in said
        assert "Text Jo." in said and "findahelpline" not in said


async def test_settings_support_is_checked(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("comma")
        await pilot.pause()
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        settings.query_one("#f-support_helps", TextArea).insert("\n".join(f"line {i}" for i in range(20)))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is settings
        assert "12 at most" in str(settings.query_one("#err-support_helps", Static).render())
        assert store.settings.current().support_helps == ""


async def test_an_organisation_presets_the_support_line(store, make_app, monkeypatch):
    monkeypatch.setenv(SUPPORT_ENV, "Campus counselling 555 0100")
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.action_support()
        await pilot.pause()
        said = panel_text(app)
        assert "Support line: Campus counselling 555 0100" in said and "findahelpline" not in said
        await choose(pilot, 2)  # Open Settings › Support (the palette's panel: Close · Settings)
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        assert settings.query_one("#f-support_line", Input).value == ""
        assert "preset is used: Campus counselling 555 0100" in str(
            settings.query_one("#help-support_line", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert store.settings.current().support_line == ""  # the preset is not copied into the data


async def test_support_never_shows_on_today(store, make_app, capsys):
    store.settings.update(support_line="Samaritans 116 123", support_person="Jo 07700")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from tests.waiting import screen_lines

        shown = "\n".join(screen_lines(app))
        assert "Samaritans" not in shown and "Jo 07700" not in shown
    from tui import cli

    store.flush()
    cli.run(["--data-dir", str(store.data_dir), "today"])
    out = capsys.readouterr().out
    assert "Samaritans" not in out and "Jo 07700" not in out


# --------------------------------------------------------------------------- the palette and help


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_support_is_in_the_palette_and_help_on_every_screen(demo_store, make_app, key):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert SUPPORT_LINE in str(app.screen.query_one("#help-text", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await typ(pilot, "support")
        hits = app.screen.query_one(CommandList)
        await until(pilot, lambda: hits.option_count > 0, what="the palette's hits for 'support'")
        await pilot.press("enter")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, SupportPanel) and panel.moment is Moment.ASKED
        assert "not therapy" in panel_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_journal_help_and_empty_journal_say_not_therapy(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal(pilot)
        assert "not therapy" in str(screen.query_one("#reader-text", Static).render())
        await pilot.press("question_mark")
        await pilot.pause()
        assert "not therapy" in str(app.screen.query_one("#help-text", Static).render())


# --------------------------------------------------------------------------- the reframe adapts


async def _reframe_to_thoughts(pilot) -> ReframeWizard:
    await pilot.press("r")
    await pilot.pause()
    wizard = pilot.app.screen
    assert isinstance(wizard, ReframeWizard)
    assert "not therapy" in str(wizard.query_one("#step-1").query(Static).last().render())
    await typ(pilot, "They said no after the final round")
    await pilot.press("pagedown", "space", "9", "0", "pagedown")
    await pilot.pause()
    assert wizard.step == 3
    await typ(pilot, "everyone would be better off without me")
    await pilot.press("tab", "9", "5", "enter")
    await pilot.pause()
    return wizard


async def test_reframe_adapts_after_heavy_words(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        wizard = await _reframe_to_thoughts(pilot)
        await pilot.press("pagedown")  # the step changes: the words so far are read
        await pilot.pause()
        assert isinstance(app.screen, SupportPanel) and app.screen.moment is Moment.WRITING
        [draft] = store.journal.all()  # the draft was saved before the panel, and remembers it
        assert draft.is_draft and draft.extra[SHOWN_KEY] and draft.thoughts[0]["text"].startswith("everyone")
        await choose(pilot, 1)  # Keep writing
        assert app.screen is wizard and wizard.adapted
        # no thinking patterns, no evidence, no funnel, no relief: the kind-words step, or stopping
        assert wizard.step == 8
        head = str(wizard.query_one("#wiz-head", Static).render())
        assert "step 4 of 4" in head and "Kind words" in head
        assert str(wizard.query_one("#wiz-prompt", Static).render()) == KIND_WORDS
        assert not wizard.query_one("#wiz-hot").display
        assert not wizard.query_one("#lesson").display and not wizard.query_one("#next-action").parent.display
        await pilot.press("pageup")
        await pilot.pause()
        assert wizard.step == 3
        await pilot.press("pagedown")
        await pilot.pause()
        assert wizard.step == 8 and app.screen is wizard  # the panel doesn't come back
        await typ(pilot, "this is so hard")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # not a second panel
        [entry] = store.journal.all()
        assert not entry.is_draft and entry.self_compassion[0] == "this is so hard"
        said = notifications(app)
        assert LOOK_AFTER_YOURSELF in said and "relief" not in said.lower() and "step" not in said


async def test_reframe_stop_here_saves_it_as_it_is(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await _reframe_to_thoughts(pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        await choose(pilot, 2)  # Stop here (it's saved)
        assert isinstance(app.screen, JournalScreen)
        [entry] = store.journal.all()
        assert not entry.is_draft and entry.situation == "They said no after the final round"
        assert LOOK_AFTER_YOURSELF in notifications(app)


async def test_a_resumed_heavy_reframe_stays_adapted(store, make_app):
    store.journal.save_draft(JournalEntry(kind="reframe", wizard_step=5, situation="no",
                                          extra={SHOWN_KEY: "2026-03-01"}))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        wizard = app.screen
        assert isinstance(wizard, ReframeWizard) and wizard.adapted and wizard.step == 8


# --------------------------------------------------------------------------- numbers: the quiet line, kind words


async def _checkin(pilot, mood: str) -> None:
    await pilot.press("c")
    await pilot.pause()
    await pilot.press(mood, "ctrl+s")
    await pilot.pause()


async def test_a_run_of_heavy_days_gets_one_quiet_line_a_day(store, make_app):
    store.journal.save_many([JournalEntry(kind="checkin", mood=1, entry_date="2026-02-27"),
                             JournalEntry(kind="checkin", mood=1, entry_date="2026-03-01")])
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await _checkin(pilot, "1")
        assert isinstance(app.screen, JournalScreen)  # a line, not a panel
        assert CARE_NOTE in notifications(app) and HARD_DAY in notifications(app)
        assert store.settings.current().care_note_on == "2026-03-02"
        app.clear_notifications()
        await _checkin(pilot, "1")
        assert CARE_NOTE not in notifications(app)  # once a day
        assert len(store.journal.all()) == 4


async def test_heavy_feelings_rated_high_get_the_quiet_line(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("r")
        await pilot.pause()
        await typ(pilot, "No offer")
        await pilot.press("pagedown")
        await pilot.pause()
        hopeless = [r.label for r in app.screen.query_one("#emotions").rows].index("hopeless")
        await pilot.press(*["down"] * hopeless, "space", "8", "5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert CARE_NOTE in notifications(app)


@pytest.mark.parametrize(("mood", "warm"), [("1", True), ("2", True), ("3", False), ("5", False)])
async def test_checkin_words_are_warm_on_a_hard_day(store, make_app, mood, warm):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await _checkin(pilot, mood)
        said = notifications(app)
        assert (HARD_DAY in said) is warm
        assert (f"mood {mood}/5" in said) is not warm


async def test_hostile_support_details_are_shown_literally(store, make_app, monkeypatch):
    from tests.hostile import HOSTILE
    from tests.waiting import screen_lines

    monkeypatch.setenv(SUPPORT_ENV, "[@click=app.quit]preset[/]")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        for text in HOSTILE:
            store.settings.update(support_person=text[:200], support_helps=text[:1000])
            app.action_support()
            await pilot.pause()
            said = panel_text(app)
            assert "[@click=app.quit]preset[/]" in said  # the preset, as plain text
            assert "\x1b" not in said and "\u202e" not in said
            assert not any("\x1b" in line for line in screen_lines(app))
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running


async def test_keeping_heavy_words_as_a_draft_also_shows_the_panel(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert(HEAVY)
        await pilot.press("escape")  # leave: keep it as a draft
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SupportPanel)
        [row] = on_disk(store)
        assert row["is_draft"] is True and row["body"] == HEAVY and row[SHOWN_KEY]
        await choose(pilot, 1)  # keep writing: the draft opens again
        form = app.screen
        assert isinstance(form, FreeWriteForm) and not form.finished_before
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # once per entry
        assert not store.journal.all()[0].is_draft
