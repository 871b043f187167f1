"""store.contacts.prepare_rows: the warm-up works out each contact's due info a slice at a time; the
list's first build then reuses it and comes out the same."""

from __future__ import annotations

from datetime import date

from store import contacts as C
from store import demo
from store.db import Store

TODAY = date(2026, 3, 2)


def test_prepared_rows_are_reused_and_equal_a_fresh_build(data_dir, monkeypatch):
    s = Store.open(data_dir)
    demo.populate(s, applications=5, journal=1, contacts=30, touchpoints=40, drafts=1)
    people, settings = s.contacts.all(), s.settings.current()
    assert len(list(C.prepare_rows(people, settings, TODAY, size=8))) == 4  # 30 contacts, 8 a slice
    fresh = [(r.id, r.info, r.reason) for r in C.build_rows(people, settings, None, TODAY)]
    monkeypatch.setattr(C, "due_info", lambda *a: (_ for _ in ()).throw(AssertionError("computed again")))
    again = [(r.id, r.info, r.reason) for r in C.build_rows(people, settings, None, TODAY)]
    assert again == fresh
    s.close()


def test_a_changed_contact_is_worked_out_again(data_dir):
    s = Store.open(data_dir)
    demo.populate(s, applications=2, journal=1, contacts=5, touchpoints=5, drafts=1)
    people, settings = s.contacts.all(), s.settings.current()
    list(C.prepare_rows(people, settings, TODAY))
    changed = people[0].copy()
    changed.last_touch_on = "2025-01-01"  # a year ago: due again
    s.contacts.save(changed)
    row = next(r for r in C.build_rows(s.contacts.all(), settings, None, TODAY) if r.id == changed.id)
    assert row.info == C.due_info(s.contacts.get(changed.id), settings, TODAY)
    assert row.info.state in ("overdue", "due")
    s.close()
