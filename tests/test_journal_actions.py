"""The Journal's actions and draft rules, without Textual: a store in tmp_path and a ``write`` that
records what it was asked to do (or refuses, as a read-only session does)."""

from __future__ import annotations

import stat
from pathlib import Path

from store.db import Store
from store.models import Application, JournalEntry
from tui.journal.actions import DraftKeeper, JournalActions, finished_message, is_blank, link_choices


class Writes:
    """Stands in for ``app.write``: runs the change (unless refusing) and counts the calls."""

    def __init__(self, refuse: bool = False) -> None:
        self.calls = 0
        self.refuse = refuse

    def __call__(self, fn, *args, **kwargs) -> bool:
        self.calls += 1
        if self.refuse:
            return False
        fn(*args, **kwargs)
        return True


def _rejected(store: Store, company: str, on: str) -> Application:
    return store.applications.save(Application(company=company, role="Dev", stage="closed", outcome="rejected",
                                               outcome_on=on))


# --------------------------------------------------------------------------- entries


def test_finish_saves_a_finished_entry_and_says_so(store):
    writes = Writes()
    actions = JournalActions(store, writes)
    entry = JournalEntry(kind="checkin", mood=4, body="walked", is_draft=True)
    done = actions.finish(entry)
    assert done.saved and done.message == "Check-in saved: mood 4/5 (good)."
    stored = store.journal.get(entry.id)
    assert stored is not None and not stored.is_draft and stored.body == "walked"
    assert entry.is_draft  # the form's own copy is left alone
    assert writes.calls == 1


def test_finish_refuses_a_blank_new_entry_without_writing(store):
    writes = Writes()
    done = JournalActions(store, writes).finish(JournalEntry(kind="freewrite", is_draft=True))
    assert not done.saved and "Nothing to save yet" in done.message
    assert writes.calls == 0 and store.journal.all() == []


def test_finish_refused_by_write_says_nothing_more(store):
    done = JournalActions(store, Writes(refuse=True)).finish(JournalEntry(kind="checkin", mood=2))
    assert done == type(done)(False, "")
    assert store.journal.all() == []


def test_finished_messages_by_kind():
    assert finished_message(JournalEntry(kind="freewrite", body="one two three")).startswith("Saved: 3 words.")
    assert finished_message(JournalEntry(kind="freewrite", body="one")).startswith("Saved: 1 word.")
    assert finished_message(JournalEntry(kind="reframe")) == "Thought record saved. Writing it down is a step."
    record = JournalEntry(kind="reframe", emotions=[{"name": "sad", "before": 80, "after": 30}],
                          thoughts=[{"text": "never", "belief": 90, "hot": True}], hot_belief_after=40)
    message = finished_message(record)
    assert "feelings eased 50 of 100" in message and "belief in the hot thought eased 50 of 100" in message


def test_delete_goes_through_write(store):
    entry = store.journal.save(JournalEntry(kind="checkin", mood=3))
    assert not JournalActions(store, Writes(refuse=True)).delete(entry.id)
    assert store.journal.get(entry.id) is not None
    assert JournalActions(store, Writes()).delete(entry.id)
    assert store.journal.get(entry.id) is None


# --------------------------------------------------------------------------- the guided reframe


def test_new_reframe_links_the_latest_rejection(store):
    assert JournalActions(store, Writes()).new_reframe().application_id is None
    _rejected(store, "Older", "2026-02-01")
    newest = _rejected(store, "Newer", "2026-02-27")
    fresh = JournalActions(store, Writes()).new_reframe()
    assert fresh.kind == "reframe" and fresh.is_draft and fresh.wizard_step == 1
    assert fresh.application_id == newest.id


def test_reframe_for_resumes_the_draft_of_that_application(store):
    a = _rejected(store, "Acme", "2026-02-20")
    b = _rejected(store, "Beta", "2026-02-25")
    draft = store.journal.save_draft(JournalEntry(kind="reframe", application_id=a.id, situation="the call"))
    actions = JournalActions(store, Writes())
    start = actions.reframe_for(a.id)
    assert start.resumed and start.entry.id == draft.id
    other = actions.reframe_for(b.id)
    assert not other.resumed and other.entry.application_id == b.id and store.journal.get(other.entry.id) is None
    assert actions.reframe_for().entry.id == draft.id  # no application asked for: the latest draft


def test_link_choices_rejections_first_newest_first():
    old = Application(company="Old", role="Dev", stage="closed", outcome="rejected", outcome_on="2026-01-05")
    new = Application(company="New", role="Dev", stage="closed", outcome="ghosted", outcome_on="2026-02-05")
    live = Application(company="Live", role="Dev", stage="applied")
    won = Application(company="Won", role="Dev", stage="closed", outcome="accepted")
    choices = link_choices([old, live, won, new])
    assert [c[0] for c in choices] == ["", new.id, old.id, live.id]
    assert choices[1][1] == "New — Dev · ghosted 5 Feb" and choices[3][1] == "Live — Dev · applied"


# --------------------------------------------------------------------------- voice and export


def test_my_name_voice_asks_for_a_name_then_toggles(store):
    writes = Writes()
    actions = JournalActions(store, writes)
    first = actions.toggle_my_name()
    assert first.needs_name and not first.changed and writes.calls == 0
    assert not actions.use_name("   ").changed and writes.calls == 0
    named = actions.use_name("  Alex Morgan ")
    assert named.changed and store.settings.current().my_name == "Alex Morgan"
    assert store.settings.current().use_my_name
    off = actions.toggle_my_name()
    assert off.changed and "'you' again" in off.message and not store.settings.current().use_my_name
    on = actions.toggle_my_name()
    assert on.changed and "(Alex)" in on.message and store.settings.current().use_my_name


def test_export_writes_a_private_file_or_says_why_not(store, tmp_path):
    store.journal.save(JournalEntry(kind="checkin", mood=3, body="kept"))
    actions = JournalActions(store, Writes())
    path = actions.export_path()
    done = actions.export(path)
    assert done.ok and "Exported 1 entry" in done.message and str(path) in done.message
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    failed = actions.export(Path(blocked / "inside" / "journal.md"))
    assert not failed.ok and failed.message.startswith("Could not write")


# --------------------------------------------------------------------------- drafts


def test_draft_saved_once_per_change_and_never_blank(store):
    writes = Writes()
    actions = JournalActions(store, writes)
    entry = JournalEntry(kind="freewrite", is_draft=True)
    keeper = DraftKeeper(actions, entry)
    assert is_blank(entry) and not keeper.autosave(entry) and writes.calls == 0
    entry.body = "first words"
    assert keeper.autosave(entry) and store.journal.get(entry.id).is_draft
    assert not keeper.autosave(entry)  # unchanged: no second write
    assert writes.calls == 1 and keeper.has_draft
    entry.body = ""
    assert keeper.autosave(entry)  # emptied after a save: the draft follows
    keeper.discard(entry)
    assert store.journal.get(entry.id) is None


def test_a_refused_write_keeps_trying_next_time(store):
    entry = JournalEntry(kind="freewrite", body="typed", is_draft=True)
    keeper = DraftKeeper(JournalActions(store, Writes(refuse=True)), entry)
    assert not keeper.autosave(entry) and keeper.last_saved is None and not keeper.has_draft


def test_editing_a_finished_entry_saves_no_draft_but_keeps_text_on_hangup(store):
    saved = store.journal.save(JournalEntry(kind="checkin", mood=2, body="tired"))
    writes = Writes()
    entry = saved.copy()
    keeper = DraftKeeper(JournalActions(store, writes), entry, finished_before=True)
    keeper.baseline(entry)
    entry.body = "tired, then better"
    assert keeper.changed(entry) and not keeper.autosave(entry) and writes.calls == 0
    keeper.discard(entry)  # discarding changes to a finished entry never deletes it
    assert store.journal.get(saved.id) is not None
    keeper.keep_on_hangup(entry)
    kept = store.journal.get(saved.id)
    assert kept.body == "tired, then better" and not kept.is_draft


def test_a_resumed_draft_is_the_baseline_and_hangup_keeps_new_text(store):
    draft = store.journal.save_draft(JournalEntry(kind="reframe", situation="the call"))
    entry = draft.copy()
    keeper = DraftKeeper(JournalActions(store, Writes()), entry)
    keeper.baseline(entry)
    assert keeper.has_draft and not keeper.changed(entry)
    entry.situation = "the call, and after"
    keeper.keep_on_hangup(entry)
    kept = store.journal.get(draft.id)
    assert kept.is_draft and kept.situation == "the call, and after"


def test_read_only_store_saves_no_draft(data_dir):
    first = Store.open(data_dir)
    second = Store.open(data_dir)  # the first holds the lock
    try:
        assert second.read_only
        writes = Writes()
        entry = JournalEntry(kind="freewrite", body="typed", is_draft=True)
        keeper = DraftKeeper(JournalActions(second, writes), entry)
        assert not keeper.autosave(entry) and writes.calls == 0
        keeper.keep_on_hangup(entry)
        assert second.journal.all() == []
    finally:
        second.close()
        first.close()
