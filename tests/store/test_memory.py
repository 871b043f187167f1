"""Issue 16, peak memory with every record loaded: what keeps the heavy dataset's footprint down.

Pure unit tests of the mechanisms; the figure itself is measured by ``python tests/bench.py --only
foundation`` (peak RSS against a bare Textual app)."""

from __future__ import annotations

import orjson
import pytest

from store import storage as storage_mod
from store.db import Store
from store.models import ALL_MODELS, Application, Settings
from store.storage import LazyTables, split_tables


@pytest.mark.parametrize("cls", ALL_MODELS)
def test_records_have_no_instance_dict(cls):
    """Records are slotted: tens of thousands of them, each a dict of ~40 keys, were ~35 MB."""
    record = cls.from_dict({"id": "r1"}, True)
    assert not hasattr(record, "__dict__")
    assert cls.from_dict(record.to_dict(), True) == record


def test_the_trusted_builder_keeps_unknown_keys_defaults_and_shares_nothing_mutable():
    a = Application.from_dict({"id": "a1", "company": "Acme", "from_the_future": [1, 2]}, True)
    b = Application.from_dict({"id": "a2"}, True)
    assert (a.company, a.stage, a.extra) == ("Acme", "wishlist", {"from_the_future": [1, 2]})
    assert a.to_dict()["from_the_future"] == [1, 2]
    for record in (a, b):  # what a save writes: to_dict's keys, values and order
        assert list(record.as_document().items()) == list(record.to_dict().items())
    assert b.extra == {} and b.tags == [] and a.tags is not b.tags and a.extra is not b.extra
    s = Settings.from_dict({"id": "settings", "keymap": {"board.reject": "R"}}, True)
    assert s.keymap == {"board.reject": "R"} and s.theme == "rebound-dark"


def test_a_table_is_parsed_a_slice_at_a_time_not_in_one_go(tmp_path, monkeypatch):
    """orjson copies its input and builds a tree of all of it before making objects: one parse of a
    10 MB table peaked ~23 MB above its result. A table read whole is parsed in slices of records."""
    store = Store.open(tmp_path)
    store.applications.save_many([Application(company=f"Co {i}", notes="x" * 50) for i in range(1_200)])
    store.close()
    raw = (tmp_path / "rebound.json").read_bytes()
    split = split_tables(raw, tmp_path / "rebound.json")
    assert split is not None
    tables: LazyTables = split[0]
    table_bytes = tables.unparsed_bytes("applications")
    assert table_bytes is not None
    sizes: list[int] = []
    real_loads = orjson.loads

    def loads(data):
        sizes.append(len(data))
        return real_loads(data)

    monkeypatch.setattr(storage_mod.orjson, "loads", loads)
    got = tables["applications"]
    assert len(got) == 1_200
    assert got == real_loads(table_bytes)
    assert max(sizes) < len(table_bytes) / 3  # slices of 250 of the 1,200 records


def _file_is_memory(store: Store) -> None:
    raw = store.path.read_bytes()
    memory = {name: dict(table) for name, table in store.storage.data().items()}
    assert raw == storage_mod.serialize(memory)  # byte for byte, serialised from scratch
    assert split_tables(raw, store.path) is not None  # every checksum matches


def _filled(tmp_path):
    from store import demo

    store = Store.open(tmp_path)
    demo.populate(store, applications=30, journal=20, contacts=20, touchpoints=40, drafts=5)
    store.close()
    return Store.open(tmp_path)


def test_a_parsed_table_leaves_its_bytes_in_the_file_and_saves_copy_them_from_there(tmp_path):
    """A plain file's tables each hold their own bytes until parsed; then memory keeps the records only
    (the bytes stay in the file, and a save copies them from it: the heavy dataset's 21.9 MB)."""
    store = _filled(tmp_path)
    try:
        assert store.storage.loaded_raw is None  # taken by the day's backup
        for repo in store.repos:
            repo.all()
        kept = {name: hit[1] for name, hit in store.storage._fragments.items()}
        big = {name: frag for name, frag in kept.items() if not isinstance(frag, storage_mod.OnDisk)}
        assert set(big) <= {"meta"}
        # edits to one table after another: each save writes exactly memory, whatever moved in the file
        for step in range(3):
            app = store.applications.all()[step].copy()
            app.notes = f"edit {step}"
            store.applications.save(app)
            _file_is_memory(store)
            entry = store.journal.all()[step].copy()
            entry.body = "a longer body than before " * (step + 1)
            store.journal.save(entry)
            _file_is_memory(store)
        assert all(isinstance(hit[1], storage_mod.OnDisk) for name, hit in store.storage._fragments.items()
                   if name != "meta")
    finally:
        store.close()


def test_a_table_left_in_a_deleted_file_is_written_from_memory(tmp_path):
    store = _filled(tmp_path)
    try:
        store.journal.all()
        store.path.unlink()
        app = store.applications.all()[0].copy()
        app.notes = "after the file was deleted"
        store.applications.save(app)
        _file_is_memory(store)
    finally:
        store.close()


def test_a_file_taken_as_ours_after_a_conflict_is_not_copied_from(tmp_path):
    """Keep both: the other program's file becomes the one we know; nothing of ours is in it."""
    from store.errors import ExternalChangeError

    store = _filled(tmp_path)
    try:
        store.journal.all()
        store.applications.all()
        other = Store.open(tmp_path, read_only=True)
        theirs = other.storage.data()
        other.close()
        shifted = {name: dict(table) for name, table in theirs.items()}
        shifted["contacts"] = {}  # the tables before the journal shrink: every place moves
        store.path.write_bytes(storage_mod.serialize(shifted))
        app = store.applications.all()[0].copy()
        app.notes = "mine"
        with pytest.raises(ExternalChangeError):
            store.applications.save(app)
        store.storage.adopt_disk_state(store.path.read_bytes())
        store.storage.flush(force=True)
        _file_is_memory(store)
    finally:
        store.close()


def _table_bytes(store: Store, name: str) -> bytes:
    split = split_tables(store.path.read_bytes(), store.path)
    assert split is not None
    got = split[0].unparsed_bytes(name)
    assert got is not None
    return bytes(got)


def test_records_stand_in_for_their_documents_and_write_the_same_bytes(tmp_path):
    """Once a trusted table's records are built, memory holds them in the documents' place (not a
    dict per record beside each record: ~31 MB at the heavy dataset); a save writes each as its
    to_dict(), byte for byte the document it was built from, and undo puts the bytes back."""
    store = _filled(tmp_path)
    try:
        apps = store.applications.all()
        table = store.storage.data()["applications"]
        assert [table[k] for k in table] == apps and all(a is b for a, b in zip(table.values(), apps, strict=True))
        original = _table_bytes(store, "applications")
        entry = store.journal.all()[0].copy()
        entry.body = "changed"
        store.journal.save(entry)  # another table: the records' table is copied from the file as it was
        assert _table_bytes(store, "applications") == original
        _file_is_memory(store)
        app = apps[3].copy()
        app.notes = "moved"
        with store.undo.recording("a move"):
            store.applications.save(app)
        assert _table_bytes(store, "applications") != original
        store.undo.undo()
        assert _table_bytes(store, "applications") == original  # byte for byte
        _file_is_memory(store)
    finally:
        store.close()


def test_saving_a_cached_record_itself_never_changes_it_in_place(tmp_path):
    store = _filled(tmp_path)
    try:
        cached = store.contacts.all()[0]
        stamp, document = cached.updated_at, store.storage.data()["contacts"]
        store.contacts.save(cached)  # not a copy: the record stands in for its stored document
        assert cached.updated_at == stamp
        assert store.contacts.get(cached.id) is not cached
        assert document is not store.storage.data()["contacts"]
        _file_is_memory(store)
    finally:
        store.close()


def test_records_are_read_again_after_an_undo_and_a_reload_of_the_cache(tmp_path):
    """A table whose documents are partly records (kept in their place) and partly dicts (written or
    put back since) reads as before."""
    store = _filled(tmp_path)
    try:
        apps = store.applications.all()
        app = apps[1].copy()
        app.company = "Undone Ltd"
        with store.undo.recording("a change"):
            store.applications.save(app)
        store.undo.undo()  # puts the document back and reads the records again
        again = store.applications.all()
        assert [a.to_dict() for a in again] == [a.to_dict() for a in apps]
        store.applications.invalidate()
        assert [a.to_dict() for a in store.applications.all()] == [a.to_dict() for a in apps]
        _file_is_memory(store)
    finally:
        store.close()


def test_a_table_kept_record_by_record_is_cut_from_its_bytes_not_serialised_again(tmp_path, monkeypatch):
    """The first save that keeps a big table record by record cuts the bytes it was read from (in the
    file) into records: its records, kept in their documents' place, are not written out one by one."""
    store = Store.open(tmp_path)
    store.applications.save_many([Application(company=f"Co {i}") for i in range(storage_mod.RECORDS_FROM + 20)])
    store.close()
    store = Store.open(tmp_path)
    try:
        apps = store.applications.all()
        made: list[object] = []
        real = storage_mod._record_bytes

        def counted(key, doc):
            made.append(key)
            return real(key, doc)

        monkeypatch.setattr(storage_mod, "_record_bytes", counted)
        first = apps[5].copy()
        first.notes = "held"
        with store.storage.deferred():
            store.applications.save(first)
        store.flush()
        _file_is_memory(store)
        assert len(made) <= 2  # the changed record (checked when held, written at the save), not the table
        second = apps[7].copy()
        second.notes = "not held"
        store.applications.save(second)
        _file_is_memory(store)
        assert len(made) <= 3
    finally:
        store.close()


def test_a_trusted_table_is_read_into_records_a_slice_at_a_time(tmp_path, monkeypatch):
    """Each slice's documents become records as they are parsed: the table is never held as a dict per
    record (the peak was a whole table of them, 10,000 applications' ~25 MB, beside the records)."""
    store = Store.open(tmp_path)
    store.applications.save_many([Application(company=f"Co {i}") for i in range(600)])
    store.close()
    store = Store.open(tmp_path)
    try:
        whole = []
        monkeypatch.setattr(storage_mod.AtomicJSONStorage, "keep_as_records",
                            lambda self, name, table, records: whole.append(name))
        apps = store.applications.all()
        assert len(apps) == 600 and whole == []
        table = store.storage.data()["applications"]
        assert all(a is b for a, b in zip(table.values(), apps, strict=True))
        assert [a.company for a in apps] == [f"Co {i}" for i in range(600)]
    finally:
        store.close()


def test_records_read_together_share_equal_texts(tmp_path):
    """Stages, dates, times and kinds repeat across thousands of records: records read together keep
    one string per equal text in their fields, not one per record."""
    store = Store.open(tmp_path)
    store.applications.save_many([Application(company="Acme", stage="applied", applied_on="2026-03-01",
                                              tags=["remote"], stage_history=[{"from": "", "to": "applied",
                                                                               "at": "2026-03-01T10:00:00+00:00"}])
                                  for _ in range(300)], touch=False)
    store.close()
    store = Store.open(tmp_path)
    try:
        first, *rest = store.applications.all()
        for other in rest:
            assert other.company is first.company and other.applied_on is first.applied_on
            assert other.created_at is first.created_at or other.created_at != first.created_at
    finally:
        store.close()
