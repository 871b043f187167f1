"""Care without Textual: which texts of an entry are read, once per entry, the quiet line once a day,
the person's support details (and the organisation's preset), Settings › Support checked, and the words
said after saving."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store.models import JournalEntry, Settings
from tui.care.actions import (
    CARE_NOTE,
    SHOWN_KEY,
    SUPPORT_ENV,
    entry_texts,
    note_due,
    panel_due,
    support_details,
    support_shown,
    text_signal,
)
from tui.journal.actions import HARD_DAY, LOOK_AFTER_YOURSELF, JournalActions, finished_message
from tui.settings.actions import MAX_HELPS_LINES, MAX_SUPPORT, SettingsActions, check

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 3, 2)
HEAVY = "better off without me"


class Writes:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, fn, *args, **kwargs) -> bool:
        self.calls += 1
        fn(*args, **kwargs)
        return True


@pytest.mark.parametrize("entry", [
    JournalEntry(kind="freewrite", body=HEAVY),
    JournalEntry(kind="freewrite", title=HEAVY),
    JournalEntry(kind="checkin", mood=2, body="i just want to die tbh"),
    JournalEntry(kind="reframe", situation="no offer. I want to end it all"),
    JournalEntry(kind="reframe", thoughts=[{"text": "everyone is better off without me", "belief": 90,
                                            "hot": True}]),
    JournalEntry(kind="reframe", emotions=[{"name": "suicidal", "before": 60, "after": -1}]),
    JournalEntry(kind="reframe", evidence_for=["I have no reason to go on"]),
    JournalEntry(kind="reframe", self_compassion=["", "", "I want to hurt myself"]),
])
def test_every_text_of_an_entry_is_read(entry):
    assert text_signal(entry)


def test_quiet_entries_and_words_across_fields_stay_quiet():
    assert not text_signal(JournalEntry(kind="freewrite", body="this commute is killing me"))
    assert not text_signal(JournalEntry(kind="checkin", mood=4))
    # two fields are never read as one sentence
    entry = JournalEntry(kind="reframe", situation="They said I should end", thoughts=[
        {"text": "it all went wrong", "belief": 50, "hot": True}])
    assert entry_texts(entry) == ["They said I should end", "it all went wrong"]
    assert not text_signal(entry)


def test_the_panel_is_due_once_per_entry():
    entry = JournalEntry(kind="freewrite", body=HEAVY)
    assert panel_due(entry, TODAY) and entry.extra[SHOWN_KEY] == "2026-03-02" and support_shown(entry)
    assert not panel_due(entry, TODAY)
    assert JournalEntry.from_dict(entry.to_dict()).extra[SHOWN_KEY] == "2026-03-02"  # kept in the file


def test_the_quiet_line_needs_heavy_numbers_and_comes_once_a_day():
    low = [JournalEntry(kind="checkin", mood=1, entry_date=d) for d in ("2026-02-25", "2026-03-01")]
    today = JournalEntry(kind="checkin", mood=1, entry_date="2026-03-02", is_draft=True)  # being saved
    settings = Settings()
    assert note_due(today, low, settings, TODAY)
    assert not note_due(today, low[:1], settings, TODAY)
    old = [JournalEntry(kind="checkin", mood=1, entry_date="2026-02-20"), low[1]]  # outside the seven days
    assert not note_due(today, old, settings, TODAY)
    drafts = [JournalEntry(kind="checkin", mood=1, entry_date=e.entry_date, is_draft=True) for e in low]
    assert not note_due(today, drafts, settings, TODAY)
    settings.care_note_on = "2026-03-02"
    assert not note_due(today, low, settings, TODAY)
    settings.care_note_on = "2026-03-01"
    assert note_due(today, low, settings, TODAY)
    heavy = JournalEntry(kind="reframe", emotions=[{"name": "Worthless", "before": 40, "after": 85}])
    assert note_due(heavy, [], Settings(), TODAY)
    assert not note_due(JournalEntry(kind="reframe", emotions=[{"name": "hopeless", "before": 79, "after": -1}]),
                        [], Settings(), TODAY)
    assert not note_due(JournalEntry(kind="freewrite", body="tired"), low, Settings(), TODAY)


def test_support_details_and_the_organisations_preset():
    env = {SUPPORT_ENV: "  Campus   line 555  "}
    d = support_details(Settings(), env)
    assert (d.line, d.preset, d.empty) == ("Campus line 555", True, False)
    mine = support_details(Settings(support_line="Samaritans 116 123", support_person="Jo"), env)
    assert (mine.line, mine.person, mine.preset) == ("Samaritans 116 123", "Jo", False)
    assert support_details(Settings(), {}).empty


def test_settings_support_is_checked_and_kept_tidy():
    raw = {"my_name": "", "signature": "", "linkedin_tier": "free", "default_cadence": "quarterly",
           "use_my_name": False, "theme": "t", "pipeline_floor": "5", "weekly_goal": "5", "quiet_days": "14",
           "cooloff_hours": "24"}
    ok = check({**raw, "support_line": " Samaritans\t116 123 ", "support_person": "Jo",
                "support_helps": "  walk\n\ntext Jo   \n"}, ("t",))
    assert ok.errors == {}
    assert (ok.clean["support_line"], ok.clean["support_helps"]) == ("Samaritans 116 123", "walk\n\ntext Jo")
    bad = check({**raw, "support_line": "x" * (MAX_SUPPORT + 1), "support_person": "",
                 "support_helps": "\n".join("a" * (MAX_HELPS_LINES + 1))}, ("t",))
    assert set(bad.errors) == {"support_line", "support_helps"}
    assert "support_line" not in check(raw, ("t",)).clean  # a form without the fields changes nothing


def test_settings_support_saved_in_one_write(store):
    writes = Writes()
    actions = SettingsActions(store, writes)
    assert actions.save({"support_line": "Samaritans", "support_person": "Jo", "support_helps": "walk"})
    assert writes.calls == 1
    s = store.settings.current()
    assert (s.support_line, s.support_person, s.support_helps) == ("Samaritans", "Jo", "walk")


def test_old_settings_files_read_with_empty_support():
    s = Settings.from_dict({"id": "settings", "my_name": "Alex"})
    assert (s.support_line, s.support_person, s.support_helps, s.care_note_on) == ("", "", "", None)


# --------------------------------------------------------------------------- saving from the journal


def test_finish_with_heavy_words_saves_marks_and_lets_the_panel_speak(store):
    writes = Writes()
    entry = JournalEntry(kind="freewrite", body=HEAVY, is_draft=True)
    done = JournalActions(store, writes).finish(entry)
    assert done.saved and done.support and done.message == "" and done.note == ""
    stored = store.journal.get(entry.id)
    assert stored is not None and not stored.is_draft and stored.extra[SHOWN_KEY] == "2026-03-02"
    assert writes.calls == 1
    assert not entry.extra  # the form's own copy is left alone
    again = JournalActions(store, writes).finish(stored, finished_before=True)
    assert again.saved and not again.support and again.message == "Saved: 4 words."


def test_finish_with_the_quiet_line_is_one_write(store):
    store.journal.save_many([JournalEntry(kind="checkin", mood=1, entry_date=d) for d in ("2026-02-28", "2026-03-01")])
    saves = store.storage.saves
    done = JournalActions(store, Writes()).finish(JournalEntry(kind="checkin", mood=1, is_draft=True))
    assert done.note == CARE_NOTE and done.message == HARD_DAY and not done.support
    assert store.storage.saves == saves + 1  # the entry and the day, in one save
    assert store.settings.current().care_note_on == "2026-03-02"


def test_words_after_saving():
    assert finished_message(JournalEntry(kind="checkin", mood=1)) == HARD_DAY
    assert finished_message(JournalEntry(kind="checkin", mood=2)) == HARD_DAY
    assert finished_message(JournalEntry(kind="checkin", mood=3)) == "Check-in saved: mood 3/5 (okay)."
    shown = {SHOWN_KEY: "2026-03-02"}
    assert finished_message(JournalEntry(kind="freewrite", body="a b", extra=dict(shown))) == "Saved: 2 words."
    record = JournalEntry(kind="reframe", emotions=[{"name": "sad", "before": 80, "after": 30}],
                          thoughts=[{"text": "x", "belief": 90, "hot": True}], hot_belief_after=40,
                          extra=dict(shown))
    assert finished_message(record) == LOOK_AFTER_YOURSELF  # no numbers, no "a step"
    for words in (HARD_DAY, LOOK_AFTER_YOURSELF, CARE_NOTE):
        for word in ("depression", "at risk", "suicid", "overdue", "streak"):
            assert word not in words.lower()


def test_care_actions_load_no_textual():
    code = "import sys, tui.care.actions; assert not [m for m in sys.modules if m.startswith('textual')]"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
