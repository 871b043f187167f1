"""Journal order: same-day entries newest first, even written in the same second or with another
UTC offset (timestamps are to the second, with the offset of where they were written)."""

from __future__ import annotations

from store.db import Store
from store.models import JournalEntry


def test_entries_written_in_the_same_second_come_newest_first(data_dir):
    s = Store.open(data_dir)  # the clock is frozen: every stamp is the same second
    try:
        for key in ("c", "b", "a", "z"):  # saved in this order; the ids sort the other way
            s.journal.save(JournalEntry(id=key * 32, kind="checkin", entry_date="2026-03-02", mood=3))
        s.journal.save(JournalEntry(id="y" * 32, kind="checkin", entry_date="2026-03-01", mood=3))
        expected = ["z" * 32, "a" * 32, "b" * 32, "c" * 32, "y" * 32]
        assert [e.id for e in s.journal.entries()] == expected
    finally:
        s.close()
    reopened = Store.open(data_dir, read_only=True)  # the saved order survives the file
    try:
        assert [e.id for e in reopened.journal.entries()] == expected
    finally:
        reopened.close()


def test_a_later_moment_written_with_another_offset_comes_first(store):
    # 10:00 in Paris is 09:00 UTC; 09:30 in London (UTC) is later, though its text sorts lower
    day = "2026-03-02"
    paris = store.journal.save(JournalEntry(id="p" * 32, entry_date=day, created_at=f"{day}T10:00:00+01:00"))
    london = store.journal.save(JournalEntry(id="l" * 32, entry_date=day, created_at=f"{day}T09:30:00+00:00"))
    assert [e.id for e in store.journal.entries()] == [london.id, paris.id]
