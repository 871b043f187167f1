"""``Store.deferred()``: writes change memory at once and are saved by the next flush (the UI paints
a move first and saves right after that frame). Values are still checked as they are written, a
batch of checked writes waits too, a write of unknown records is saved at once, and closing saves
whatever waits."""

from __future__ import annotations

import json

import pytest

from store import clock
from store.db import Store
from store.models import Application, Contact, Touchpoint
from store.storage import serialize


def _on_disk(store: Store) -> dict:
    return json.loads(store.path.read_bytes())


def _stages(store: Store) -> dict[str, str]:
    return {d["id"]: d["stage"] for d in _on_disk(store).get("applications", {}).values()}


def test_a_deferred_move_waits_in_memory_until_the_flush(store: Store) -> None:
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    saves = store.storage.saves
    with store.deferred():
        store.applications.step(acme.id, +1)
    assert store.applications.get(acme.id).stage == "applied"
    assert store.dirty and store.storage.saves == saves
    assert _stages(store)[acme.id] == "wishlist"
    store.flush()
    assert not store.dirty and store.storage.saves == saves + 1
    assert store.path.read_bytes() == serialize({n: dict(t) for n, t in store.storage.data().items()})
    assert _stages(store)[acme.id] == "applied"


def test_a_deferred_move_in_a_big_table_is_saved_whole_and_exactly(store: Store) -> None:
    apps = store.applications.save_many([Application(company=f"C{i}", role="r") for i in range(300)])
    with store.deferred():
        store.applications.step(apps[7].id, +1)
        store.applications.step(apps[9].id, +1)
    store.flush()
    assert store.path.read_bytes() == serialize({n: dict(t) for n, t in store.storage.data().items()})
    store.applications.step(apps[7].id, +1)  # and the next plain save is exact too
    assert store.path.read_bytes() == serialize({n: dict(t) for n, t in store.storage.data().items()})


def test_a_deferred_batch_of_checked_writes_waits_too(store: Store) -> None:
    ana = store.contacts.save(Contact(first_name="Ana", last_name="Chen"))
    saves = store.storage.saves
    with store.deferred():
        store.touchpoints.log(Touchpoint(contact_ids=[ana.id], date="2026-03-01", direction="outbound",
                                         channel="email"))
    assert store.dirty and store.storage.saves == saves
    store.flush()
    raw = _on_disk(store)
    assert len(raw["touchpoints"]) == 1
    assert next(iter(raw["contacts"].values()))["last_touch_on"] == "2026-03-01"


def test_a_value_json_cannot_hold_changes_nothing_even_deferred(store: Store) -> None:
    store.applications.add(Application(company="Acme", role="Dev"))
    before = store.storage.data()["applications"]
    table = store.db.table("applications")
    with store.deferred(), pytest.raises(TypeError):
        table.apply(lambda t: t.__setitem__("99", {"id": "x", "bad": object()}), keys=["99"])
    assert store.storage.data()["applications"] is before
    assert not store.dirty


def test_a_write_of_unknown_records_is_saved_at_once(store: Store) -> None:
    saves = store.storage.saves
    with store.deferred():
        store.db.table("applications").apply(lambda t: t.__setitem__("5", {"id": "five"}))
    assert not store.dirty and store.storage.saves == saves + 1


def test_closing_saves_what_a_deferred_write_left(data_dir) -> None:
    store = Store.open(data_dir)
    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    with store.deferred():
        store.applications.step(acme.id, +1)
    store.close()
    again = Store.open(data_dir)
    try:
        assert again.applications.get(acme.id).stage == "applied"
    finally:
        again.close()


def test_update_rows_recomputes_only_changed_contacts_and_matches_a_full_build(store: Store) -> None:
    from store import contacts as C

    people = store.contacts.save_many([Contact(first_name=f"P{i:02d}", last_name="X", cadence="monthly",
                                               last_touch_on=f"2026-01-{i % 28 + 1:02d}") for i in range(40)])
    settings = store.settings.current()
    rows = C.build_rows(store.contacts.all(), settings, None)
    store.touchpoints.log(Touchpoint(contact_ids=[people[3].id], date="2026-03-01", direction="outbound",
                                     channel="email"))
    store.contacts.delete(people[5].id)
    store.contacts.save(Contact(first_name="New", last_name="One", cadence="monthly"))
    updated = C.update_rows(rows, store.contacts.all(), settings, None, clock.today(), None)
    assert updated is not None
    full = C.build_rows(store.contacts.all(), settings, None)
    assert [(r.id, r.info, r.reason) for r in updated] == [(r.id, r.info, r.reason) for r in full]
    kept = {id(r) for r in rows}
    assert sum(1 for r in updated if id(r) not in kept) == 2  # the logged one and the new one


def test_update_rows_keeps_the_callers_index_by_id_up_to_date(store: Store) -> None:
    """The list keeps its rows by id: update_rows brings that index up to date in place (a log walks the
    contacts once, not every row again to rebuild it), through changes, additions and deletions."""
    from store import contacts as C

    people = store.contacts.save_many([Contact(first_name=f"P{i:02d}", last_name="X", cadence="monthly",
                                               last_touch_on=f"2026-01-{i % 28 + 1:02d}") for i in range(40)])
    settings = store.settings.current()
    rows = C.build_rows(store.contacts.all(), settings, None)
    by_id = {r.id: r for r in rows}
    for step in range(3):
        store.touchpoints.log(Touchpoint(contact_ids=[people[step].id], date="2026-03-01", direction="out",
                                         channel="email"))
        if step == 1:
            store.contacts.delete(people[7].id)
            store.contacts.save(Contact(first_name="New", last_name="One", cadence="monthly"))
        updated = C.update_rows(rows, store.contacts.all(), settings, None, clock.today(), None, by_id=by_id)
        assert updated is not None
        full = C.build_rows(store.contacts.all(), settings, None)
        assert [(r.id, r.info, r.reason) for r in updated] == [(r.id, r.info, r.reason) for r in full]
        assert by_id == {r.id: r for r in updated}
        rows = updated


def test_a_deferred_change_is_not_a_failed_save(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """``save_failed`` tells a change waiting after a failed save (a retry has something to say) from one
    only deferred until its frame is painted (saved any moment: nothing to say)."""
    from store import storage as storage_mod

    acme = store.applications.add(Application(company="Acme", role="Dev", stage="wishlist"))
    with store.deferred():
        store.applications.step(acme.id, +1)
    assert store.dirty and not store.save_failed

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_mod.os, "replace", full)
    with pytest.raises(Exception, match="disk is full"):
        store.flush()
    assert store.dirty and store.save_failed
    monkeypatch.undo()
    store.flush()
    assert not store.dirty and not store.save_failed


def test_after_one_held_save_a_big_table_is_saved_record_by_record(data_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    from store import storage as storage_mod

    first = Store.open(data_dir)
    with first.batch():
        apps = [first.applications.add(Application(company=f"Co {i}", role="Dev", stage="wishlist"))
                for i in range(300)]
    first.close()
    store = Store.open(data_dir)  # the table as read from the file: nothing kept record by record yet
    for app in apps[:2]:
        with store.deferred():
            store.applications.step(app.id, +1)
        store.flush()  # the first builds the table's records (as a whole dump would cost)
    dumped: list[int] = []
    real = storage_mod._dumps
    monkeypatch.setattr(storage_mod, "_dumps", lambda value: dumped.append(len(out := real(value))) or out)
    with store.deferred():
        store.applications.step(apps[2].id, +1)
    store.flush()
    table = len(store.path.read_bytes())
    assert dumped and max(dumped) < table / 50  # one record and names, never the whole table again
    assert store.path.read_bytes() == serialize(store.storage.data())  # byte for byte what a whole dump makes
    stages = {d["id"]: d["stage"] for d in json.loads(store.path.read_bytes())["applications"].values()}
    assert [stages[a.id] for a in apps[:4]] == ["applied", "applied", "applied", "wishlist"]
    store.close()
