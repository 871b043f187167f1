"""A save re-serialises only the records that changed (store.storage._Records), and the file is
byte for byte what serialising the whole of memory gives, whatever the sequence of edits, adds,
removals, batches (kept or rolled back) and undos."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import storage as storage_mod
from store.db import Store
from store.models import Application
from store.storage import parse_database, serialize, split_tables

PROPERTIES = settings(derandomize=True, deadline=None, max_examples=40, database=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

OPS = st.lists(st.tuples(st.sampled_from(["edit", "add", "add_many", "remove", "remove_many", "batch_kept",
                                          "batch_rolled_back", "undo", "edit_many"]),
                         st.integers(0, 10_000), st.text(max_size=8)),
               min_size=1, max_size=25)


def _documents(table: dict) -> dict:
    """A table as its documents: a trusted table's records stand in for them (each written as its to_dict())."""
    return {key: doc.to_dict() if hasattr(doc, "to_dict") else doc for key, doc in table.items()}


def _check(store: Store) -> None:
    """The file on disk is exactly memory, serialised from scratch (no cache of any kind)."""
    raw = store.path.read_bytes()
    memory = {name: dict(table) for name, table in store.storage.data().items()}
    assert raw == serialize(memory)  # byte for byte
    split = split_tables(raw, store.path)
    assert split is not None  # every checksum matches
    on_disk = parse_database(raw, store.path)
    assert on_disk["applications"] == _documents(memory["applications"])


def _run(store: Store, ops: list[tuple[str, int, str]]) -> None:
    apps = store.applications
    for op, n, text in ops:
        existing = apps.all()
        pick = existing[n % len(existing)] if existing else None
        if op == "edit" and pick is not None:
            changed = pick.copy()
            changed.notes = text
            apps.save(changed)
        elif op == "edit_many" and existing:
            batch = [a.copy() for a in existing[n % len(existing):][:3]]
            for a in batch:
                a.role = text or "r"
            apps.save_many(batch)
        elif op == "add":
            apps.save(Application(company=f"Co {n}", role=text or "r"))
        elif op == "add_many":
            apps.save_many([Application(company=f"Co {n}.{i}", role="r") for i in range(3)])
        elif op == "remove" and pick is not None:
            apps.delete(pick.id)
        elif op == "remove_many" and existing:
            apps.delete_many([a.id for a in existing[n % len(existing):][:4]])
        elif op == "batch_kept":
            with store.batch():
                apps.save(Application(company=f"Batch {n}", role="r"))
                if pick is not None:
                    apps.delete(pick.id)
                    apps.save(Application(id=pick.id, company="Back again", role="r"))  # removed, then re-added
        elif op == "batch_rolled_back":
            with pytest.raises(RuntimeError), store.batch():
                apps.save(Application(company="Never", role="r"))
                if pick is not None:
                    apps.delete(pick.id)
                raise RuntimeError("the action failed")
        elif op == "undo" and pick is not None:
            with store.undo.recording("remove"):
                apps.delete(pick.id)
            store.undo.undo()
        _check(store)


@PROPERTIES
@given(ops=OPS)
def test_record_by_record_saves_equal_whole_saves(tmp_path_factory, monkeypatch, ops):
    monkeypatch.setattr(storage_mod, "RECORDS_FROM", 4)  # small tables take the record-by-record path too
    data_dir = tmp_path_factory.mktemp("data")
    store = Store.open(data_dir)
    try:
        store.applications.save_many([Application(company=f"Seed {i}", role="r") for i in range(8)])
        _run(store, ops)
    finally:
        store.close()


def test_a_big_table_is_kept_record_by_record_and_a_record_json_refuses_changes_nothing(data_dir):
    store = Store.open(data_dir)
    try:
        store.applications.save_many([Application(company=f"Co {i}", role="r") for i in range(300)])
        first = store.applications.all()[0].copy()
        first.notes = "changed"
        store.applications.save(first)
        assert "applications" in store.storage._records
        before = store.path.read_bytes()
        bad = store.applications.all()[1].copy()
        bad.extra["weird"] = object()  # JSON can't hold it
        with pytest.raises(TypeError):
            store.applications.save(bad)
        assert store.path.read_bytes() == before and not store.dirty
        assert store.applications.get(bad.id).extra.get("weird") is None
        again = store.applications.all()[2].copy()
        again.notes = "still saves"
        store.applications.save(again)
        _check(store)
        split = split_tables(store.path.read_bytes(), store.path)
        assert split is not None
        assert orjson.loads(split[0].unparsed_bytes("applications") or b"{}") == \
            _documents(store.storage.data()["applications"])
    finally:
        store.close()


def test_locking_drops_the_records_kept(data_dir):
    store = Store.open(data_dir)
    try:
        store.applications.save_many([Application(company=f"Co {i}", role="r") for i in range(300)])
        a = store.applications.all()[0].copy()
        a.notes = "x"
        store.applications.save(a)
        assert store.storage._records
        store.storage.lock()
        assert store.storage._records == {} and store.storage._fragments == {}
    finally:
        store.storage.keyring = None


@pytest.mark.parametrize("size", [0, 1, 2, 3, 100])
def test_a_table_kept_record_by_record_joins_to_exactly_its_json(size):
    """The table's bytes from its record parts (the braces put on the first and last record, so
    the megabytes are copied once) are exactly ``orjson.dumps`` of the table, with holes too."""
    table = {str(i): {"id": f"r{i}", "notes": "x" * i, "n": i} for i in range(size)}
    kept = storage_mod._Records(table)
    assert kept.joined() == orjson.dumps(table)
    if size:
        gone = str(size // 2)
        new = {k: v for k, v in table.items() if k != gone}
        assert kept.follow(table, new, [gone])
        assert kept.joined() == orjson.dumps(new)
