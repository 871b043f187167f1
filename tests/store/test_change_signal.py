"""One change signal: ``store.generation`` and ``store.table_version(name)`` move on every change
that reaches memory (a commit, a failed save kept in memory, a rollback, a reload) and only then."""

from __future__ import annotations

import pytest

from store import storage as storage_mod
from store.db import Store
from store.errors import ReadOnlyError, SaveError
from store.models import Application, Contact, JournalEntry, Touchpoint


def test_a_save_bumps_the_generation_and_that_table_only(store):
    g, apps, journal = store.generation, store.table_version("applications"), store.table_version("journal")
    store.applications.add(Application(company="Acme"))
    assert store.generation > g
    assert store.table_version("applications") > apps
    assert store.table_version("journal") == journal
    assert store.applications.version == store.table_version("applications")


def test_reads_never_bump(store):
    store.journal.save(JournalEntry(body="hello"))
    key = (store.generation, store.versions("journal", "applications"))
    store.journal.all()
    store.applications.all()
    store.journal.trends()
    assert (store.generation, store.versions("journal", "applications")) == key


def test_every_write_verb_bumps(store):
    ana = store.contacts.save(Contact(first_name="Ana"))
    for action in (
        lambda: store.contacts.snooze([ana.id], None),
        lambda: store.touchpoints.log(Touchpoint(contact_ids=[ana.id])),
        lambda: store.settings.update(weekly_goal=3),
        lambda: store.journal.delete(store.journal.save(JournalEntry()).id),
        lambda: store.contacts.delete_many([]) or store.contacts.remove(ana.id),
    ):
        before = store.generation
        action()
        assert store.generation > before


def test_a_batch_bumps_each_table_it_touched(store):
    ana = store.contacts.save(Contact(first_name="Ana"))
    before = store.versions("contacts", "touchpoints", "drafts")
    with store.batch():
        store.touchpoints.log(Touchpoint(contact_ids=[ana.id]))
    after = store.versions("contacts", "touchpoints", "drafts")
    assert after[0] > before[0] and after[1] > before[1] and after[2] == before[2]


def test_a_rolled_back_batch_bumps_again(store):
    store.applications.add(Application(company="Acme"))
    with pytest.raises(RuntimeError):
        with store.batch():
            store.applications.add(Application(company="Beta"))
            mid = store.table_version("applications")  # what a reader inside the batch saw
            raise RuntimeError("boom")
    assert [a.company for a in store.applications.all()] == ["Acme"]
    assert store.table_version("applications") > mid


def test_a_refused_write_does_not_bump(data_dir):
    Store.open(data_dir).close()
    ro = Store.open(data_dir, read_only=True)
    try:
        g = ro.generation
        with pytest.raises(ReadOnlyError):
            ro.applications.add(Application(company="Acme"))
        assert ro.generation == g
    finally:
        ro.close()


def test_a_failed_save_still_bumps_the_change_is_kept_in_memory(store, monkeypatch):
    def broken(*_a, **_k):
        raise OSError(28, "No space left on device")

    g = store.generation
    with monkeypatch.context() as m:
        m.setattr(storage_mod, "atomic_write_bytes", broken)
        with pytest.raises(SaveError):
            store.applications.add(Application(company="Acme"))
    assert store.generation > g and store.dirty
    assert [a.company for a in store.applications.all()] == ["Acme"]


def test_reload_bumps_every_table_even_one_never_written(store):
    store.applications.add(Application(company="Acme"))
    before = store.versions("applications", "plans", "templates")
    g = store.generation
    store.reload()
    after = store.versions("applications", "plans", "templates")
    assert store.generation > g and all(a > b for a, b in zip(after, before, strict=True))


def test_the_journal_reads_application_titles_without_parsing_the_table(data_dir):
    s = Store.open(data_dir)
    app = s.applications.add(Application(company="Acme", role="Dev"))
    s.close()
    s = Store.open(data_dir)
    try:
        assert not s.applications.loaded
        assert s.journal.application_names([app.id, None, "gone"]) == {
            app.id: ("Acme", "Acme — Dev"), "gone": ("", "")}
        assert not s.applications.loaded  # answered from the raw documents
        s.applications.all()
        assert s.journal.application_names([app.id]) == {app.id: ("Acme", "Acme — Dev")}
    finally:
        s.close()
