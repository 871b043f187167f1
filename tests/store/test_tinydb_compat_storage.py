"""Stock TinyDB reads Rebound's data file, and the storage keeps TinyDB's storage contract.

(TinyDB's own tests run against the storage in tests/tinydb_compat/; these are the differences and
the bugs that suite found, on Rebound's terms.)
"""

from __future__ import annotations

import json
import os
import stat
import zlib

import orjson
import pytest
from tinydb import Query, TinyDB
from tinydb.storages import JSONStorage

from store import backups
from store.db import Store
from store.errors import ExternalChangeError, ReadOnlyError
from store.migrations import SCHEMA_VERSION
from store.models import Application
from store.storage import AtomicJSONStorage


def _tables(store: Store) -> set[str]:
    return set(store.storage.data().keys())


def test_stock_tinydb_lists_counts_and_searches_the_demo_data(demo_store):
    store = demo_store
    expected_tables = _tables(store)
    counts = {repo.table_name: repo.count() for repo in store.repos}
    some_app = store.applications.all()[3]
    applied = sum(1 for a in store.applications.all() if a.stage == "applied")
    tp = next(t for t in store.touchpoints.all() if t.contact_ids)
    store.close()
    before = store.path.read_bytes()

    db = TinyDB(store.path, storage=JSONStorage, access_mode="r")  # stock: no subclass, no recipe
    try:
        assert db.tables() == expected_tables and "_rebound" not in db.tables()
        for name, n in counts.items():
            if n:
                assert len(db.table(name)) == n and db.table(name).count(Query().id.exists()) == n
        apps = db.table("applications")
        assert {d["id"] for d in apps.all()} == {a.id for a in store.applications.all()}
        assert all(d.doc_id >= 1 for d in apps.all())  # TinyDB's integer document ids
        (found,) = apps.search(Query().id == some_app.id)
        assert found["company"] == some_app.company
        assert apps.count(Query().stage == "applied") == applied
        # links are the records' own ids: a touchpoint's contact is found by its id
        (contact,) = db.table("contacts").search(Query().id == tp.contact_ids[0])
        assert contact["id"] == tp.contact_ids[0]
        (meta,) = db.table("meta").all()
        assert meta["schema_version"] == SCHEMA_VERSION
    finally:
        db.close()
    assert store.path.read_bytes() == before
    again = Store.open(store.data_dir)
    try:
        assert again.storage.trusted  # still our checksummed layout: tables parsed only when needed
        assert again.applications.get(some_app.id).company == some_app.company
    finally:
        again.close()


def _format_1_bytes(tables: dict) -> bytes:
    """A data file as schema 1 wrote it: records keyed by their ids, the index as a ``_rebound`` key."""
    frags, index = [], []
    for name, table in tables.items():
        frag = orjson.dumps(table)
        index.append([name, zlib.crc32(frag), len(frag)])
        frags += [b"\n,", orjson.dumps(name), b":", frag]
    head = b'{"_rebound":' + orjson.dumps({"format": 1, "tables": index})
    return b"".join([head, *frags, b"\n}\n"])


def test_a_schema_1_file_migrates_after_a_byte_identical_backup_and_stock_tinydb_reads_it(demo_store):
    store = demo_store
    v1 = {}
    for name in store.storage.data():
        v1[name] = {doc["id"]: doc for doc in store.storage.data()[name].values()}
    v1["meta"] = {"meta": {**v1["meta"]["meta"], "schema_version": 1}}
    ids = {name: sorted(t) for name, t in v1.items()}
    store.close()
    raw = _format_1_bytes(v1)
    store.path.write_bytes(raw)
    with pytest.raises(ValueError):  # what stock TinyDB made of schema 1: string document ids
        TinyDB(store.path, storage=JSONStorage, access_mode="r").table("applications").all()

    s = Store.open(store.data_dir)
    try:
        pre = [b for b in backups.list_backups(store.data_dir) if b.kind == "pre-migrate-v1"]
        assert len(pre) == 1 and pre[0].path.read_bytes() == raw
        assert any("from schema 1 to 2" in n for n in s.notices)
        assert sorted(a.id for a in s.applications.all()) == ids["applications"]
        tp = next(t for t in s.touchpoints.all() if t.contact_ids)
        assert s.contacts.get(tp.contact_ids[0]) is not None  # links survive
        assert s.settings.current().my_name == "Alex Morgan"
    finally:
        s.close()
    db = TinyDB(store.path, storage=JSONStorage, access_mode="r")
    try:
        assert "_rebound" not in db.tables()
        assert sorted(d["id"] for d in db.table("applications").all()) == ids["applications"]
    finally:
        db.close()


def test_a_zero_byte_file_is_an_empty_database_not_a_corrupt_one(data_dir):
    data_dir.mkdir(mode=0o700)
    TinyDB(data_dir / "rebound.json").close()  # stock TinyDB leaves an empty file
    assert (data_dir / "rebound.json").stat().st_size == 0
    s = Store.open(data_dir)
    try:
        a = s.applications.save(Application(company="Acme", role="Dev"))
    finally:
        s.close()
    s = Store.open(data_dir)
    try:
        assert s.applications.get(a.id).company == "Acme"
    finally:
        s.close()


def test_tinydb_on_rebound_storage_sees_exactly_what_it_wrote(tmp_path):
    db = TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage)
    db.insert({"a": 1})
    db.table("meta").insert({"id": "meta", "n": 1})  # a meta table carries the index on disk…
    db.close()
    db = TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage)
    assert db.table("meta").all() == [{"id": "meta", "n": 1}]  # …which this storage never shows
    assert db.storage.trusted
    db.close()
    assert json.loads((tmp_path / "db.json").read_bytes())["meta"]["1"]["rebound_index"]["format"] == 2


# ----------------------------------------------------------------------------- JSONStorage's arguments


def test_access_mode_r_is_read_only_and_needs_the_file(tmp_path):
    path = tmp_path / "db.json"
    with pytest.raises(FileNotFoundError):
        AtomicJSONStorage(path, access_mode="r")
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"a": 1})
    db.close()
    db = TinyDB(path, storage=AtomicJSONStorage, access_mode="r")
    before = path.read_bytes()
    with pytest.raises(OSError):  # as JSONStorage raises; also a ReadOnlyError
        db.insert({"b": 2})
    with pytest.raises(ReadOnlyError):
        db.insert({"b": 2})
    assert db.all() == [{"a": 1}] and path.read_bytes() == before


def test_other_access_modes_warn_as_jsonstorage_does(tmp_path):
    with pytest.warns(UserWarning, match="access_mode"):
        AtomicJSONStorage(tmp_path / "db.json", access_mode="w")


@pytest.mark.parametrize("options", [{"indent": 4}, {"sort_keys": True}, {"ensure_ascii": True},
                                     {"separators": (",", ": ")}, {"nonsense": 1}])
def test_json_options_are_refused_not_swallowed(tmp_path, options):
    with pytest.raises(TypeError, match=next(iter(options))):
        AtomicJSONStorage(tmp_path / "db.json", **options)


def test_what_it_writes_anyway_is_accepted(tmp_path):
    AtomicJSONStorage(tmp_path / "db.json", ensure_ascii=False, encoding="utf-8", access_mode="rb+")


def test_an_encoding_other_than_utf8_is_refused(tmp_path):
    with pytest.raises(ValueError, match="UTF-8"):
        AtomicJSONStorage(tmp_path / "db.json", encoding="cp936")


def test_a_missing_folder_fails_at_once_or_is_created_private(tmp_path):
    path = tmp_path / "a" / "b" / "db.json"
    with pytest.raises(FileNotFoundError):
        AtomicJSONStorage(path)
    st = AtomicJSONStorage(path, create_dirs=True)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not path.exists()  # the file appears with the first save, whole
    st.write({"t": {"1": {"x": 1}}})
    assert json.loads(path.read_bytes()) == {"t": {"1": {"x": 1}}}


# ----------------------------------------------------------------------------- refused writes change nothing


def test_a_write_with_no_read_before_it_replaces_the_file_without_a_false_conflict(tmp_path):
    path = tmp_path / "db.json"
    first = AtomicJSONStorage(path)
    first.write({"t": {"1": {"x": 1}}})
    second = AtomicJSONStorage(path)  # never read
    second.write({"t": {"1": {"x": 2}}})  # TinyDB's drop_tables() does exactly this
    assert json.loads(path.read_bytes()) == {"t": {"1": {"x": 2}}}
    assert second.read() == {"t": {"1": {"x": 2}}}


def test_a_write_refused_for_a_conflict_keeps_the_change_pending_not_half_applied(store):
    store.applications.save(Application(company="Mine", role="R"))
    theirs = store.path.read_bytes().replace(b"Mine", b"Them")
    store.path.write_bytes(theirs)
    new = Application(company="Second", role="R")
    with pytest.raises(ExternalChangeError):
        store.applications.save(new)
    assert store.path.read_bytes() == theirs
    assert store.dirty and store.applications.get(new.id) is not None  # kept, for "keep both"
    copy = store.keep_both()
    assert copy is not None and copy.read_bytes() == theirs and b"Second" in store.path.read_bytes()


def test_read_only_refusal_leaves_memory_unchanged(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Acme", role="Dev"))
    s.close()
    ro = Store.open(data_dir, read_only=True)
    try:
        before = ro.applications.count()
        stock = TinyDB(storage=lambda: ro.storage)  # plain TinyDB tables over the same storage
        with pytest.raises(ReadOnlyError):
            stock.table("applications").insert({"id": "x", "company": "Sneaky"})
        with pytest.raises(ReadOnlyError):
            ro.db.table("applications").truncate()
        with pytest.raises(ReadOnlyError):
            ro.db.drop_tables()
        assert ro.applications.count() == before
        assert ro.storage.data().keys() >= {"applications"}
        assert not ro.dirty
    finally:
        ro.close()


def test_a_tinydb_insert_of_a_bad_value_is_a_type_error_and_later_saves_work(tmp_path):
    db = TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage)
    db.insert({"a": 1})
    with pytest.raises(TypeError):
        db.insert({"a": db})
    assert db.all() == [{"a": 1}]
    db.insert({"a": 3})
    assert [d["a"] for d in db.all()] == [1, 3]
    db.close()
    assert os.stat(tmp_path / "db.json").st_mode & 0o777 == 0o600
    assert [d["a"] for d in TinyDB(tmp_path / "db.json", storage=JSONStorage, access_mode="r").all()] == [1, 3]


def test_a_bad_value_inside_a_batch_rolls_the_batch_back(store):
    store.applications.save(Application(company="Keep", role="R"))
    before = store.path.read_bytes()
    with pytest.raises(TypeError):
        with store.batch():
            store.applications.save(Application(company="Gone", role="R"))
            store.storage.write({**store.storage.read(), "junk": {"1": {"bad": object()}}})
    assert store.path.read_bytes() == before
    assert [a.company for a in store.applications.all()] == ["Keep"] and not store.dirty

