"""The atomic storage: all-or-nothing saves, durable, checked on load, never overwriting silently."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import orjson
import pytest

from store import storage as storage_mod
from store.db import Store
from store.errors import CorruptDataError, ExternalChangeError, SaveError
from store.models import Application, Contact
from store.storage import AtomicJSONStorage, LazyTables, parse_database, serialize, split_tables


def _temps(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


def test_layout_is_plain_json_one_table_per_line(store):
    store.applications.save(Application(company="Acme", role="Dev"))
    raw = store.path.read_bytes()
    data = orjson.loads(raw)  # any JSON reader can read it
    assert "applications" in data and "meta" in data
    lines = raw.split(b"\n")
    # the first line is the meta table, whose one record carries the index of the other tables
    assert lines[0].startswith(b'{"meta":{"1":{') and b'"rebound_index":' in lines[0] and lines[-2] == b"}"
    assert any(line.startswith(b',"applications":{"1":') for line in lines)  # TinyDB's document ids


def test_round_trip_and_lazy_parse(store, data_dir):
    a = store.applications.save(Application(company="Acme", role="Dev", tags=["x"]))
    store.contacts.save(Contact(first_name="Ana"))
    store.close()
    s2 = Store.open(data_dir)
    try:
        assert isinstance(s2.storage._data, LazyTables)
        assert s2.storage.trusted
        # nothing parsed yet but meta/settings
        assert "applications" in s2.storage._data.unparsed()
        got = s2.applications.get(a.id)
        assert got.company == "Acme" and got.tags == ["x"]
        assert "applications" not in s2.storage._data.unparsed()
        assert "contacts" in s2.storage._data.unparsed()
    finally:
        s2.close()


def test_unchanged_tables_are_not_reserialised(store, monkeypatch):
    store.contacts.save(Contact(first_name="Ana"))
    store.applications.save(Application(company="A", role="B"))
    calls = []
    real = storage_mod._dumps

    def spy(value):
        calls.append(value)
        return real(value)

    monkeypatch.setattr(storage_mod, "_dumps", spy)
    store.applications.save(Application(company="C", role="D"))
    dumped_tables = [v for v in calls if isinstance(v, dict) and v and all(isinstance(d, dict) for d in v.values())
                     and not any(d.get("id") == "meta" for d in v.values())]  # the meta line (it holds the index)
    # only the applications table (plus the index line and names) was serialised again
    assert len(dumped_tables) == 1 and any(d.get("company") == "C" for d in dumped_tables[0].values())


def test_hand_edited_file_in_our_layout_is_read_the_careful_way(store, data_dir):
    a = store.applications.save(Application(company="Acme", role="Dev", excitement=3))
    store.close()
    path = data_dir / "rebound.json"
    raw = path.read_bytes().replace(b'"Acme"', b'"Acme Corp"').replace(b'"excitement":3', b'"excitement":"4"')
    path.write_bytes(raw)  # checksums no longer match: parsed whole, types coerced
    s2 = Store.open(data_dir)
    try:
        assert not s2.storage.trusted
        got = s2.applications.get(a.id)
        assert got.company == "Acme Corp" and got.excitement == 4
    finally:
        s2.close()


def test_split_rejects_tampered_or_truncated_layouts(tmp_path):
    data = {"meta": {"meta": {"id": "meta", "schema_version": 1}}, "t": {"a": {"id": "a", "v": "x" * 50}}}
    raw = serialize(data)
    assert split_tables(raw, tmp_path / "f") is not None
    assert split_tables(raw[:-5], tmp_path / "f") is None
    assert split_tables(raw.replace(b"xxxx", b"xxxy"), tmp_path / "f") is None
    assert split_tables(raw + b"garbage", tmp_path / "f") is None


CORRUPT = {
    "whitespace": b"  \n",
    "truncated": b'{"applications": {"a": {"id": "a", "company": "Ac',
    "trailing garbage": b'{"applications": {}} extra',
    "a list": b"[]",
    "null": b"null",
    "invalid utf-8": b'{"applications": {"a": {"company": "\xff\xfe"}}}',
    "table not an object": b'{"applications": [1, 2]}',
    "record not an object": b'{"applications": {"a": 5}}',
}


@pytest.mark.parametrize("name", sorted(CORRUPT))
def test_corrupt_file_is_refused_and_never_touched(tmp_path, name):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / "rebound.json"
    path.write_bytes(CORRUPT[name])
    os.chmod(path, 0o600)
    before = path.read_bytes()
    with pytest.raises(CorruptDataError) as info:
        Store.open(data_dir)
    assert info.value.problem
    assert path.read_bytes() == before
    # the lock was released: a fresh open fails the same way, not with "in use"
    with pytest.raises(CorruptDataError):
        Store.open(data_dir)


def test_parse_database_names_the_problem(tmp_path):
    with pytest.raises(CorruptDataError, match="empty"):
        parse_database(b"", tmp_path / "x")
    with pytest.raises(CorruptDataError, match="UTF-8"):
        parse_database(b'{"a": {"b": {"c": "\xff"}}}', tmp_path / "x")
    with pytest.raises(CorruptDataError, match="truncated"):
        parse_database(b'{"a": {', tmp_path / "x")


# --------------------------------------------------------------------------- failures while saving


@pytest.mark.parametrize("point", ["mkstemp", "write", "fsync", "replace"])
def test_fault_on_each_syscall_leaves_file_intact_and_change_in_memory(store, monkeypatch, point):
    store.applications.save(Application(company="Before", role="R"))
    before = store.path.read_bytes()
    real = {"mkstemp": tempfile.mkstemp, "write": os.write, "fsync": os.fsync, "replace": os.replace}

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    target = {"mkstemp": (storage_mod.tempfile, "mkstemp"), "write": (storage_mod.os, "write"),
              "fsync": (storage_mod.os, "fsync"), "replace": (storage_mod.os, "replace")}[point]
    monkeypatch.setattr(*target, boom)
    new = Application(company="After", role="R")
    with pytest.raises(SaveError) as info:
        store.applications.save(new)
    assert "input/output" in info.value.reason
    monkeypatch.setattr(*target, real[point])
    assert store.path.read_bytes() == before
    assert _temps(store.data_dir) == []
    assert store.dirty and store.applications.get(new.id) is not None  # kept in memory
    store.flush()  # the retry
    assert not store.dirty
    assert "After" in store.path.read_text(encoding="utf-8")


def test_external_change_is_never_overwritten(store):
    store.applications.save(Application(company="Mine", role="R"))
    theirs = store.path.read_bytes().replace(b"Mine", b"Them")
    store.path.write_bytes(theirs)  # a sync tool or a hand edit
    with pytest.raises(ExternalChangeError):
        store.applications.save(Application(company="Second", role="R"))
    assert store.path.read_bytes() == theirs
    copy = store.keep_both()
    assert copy.read_bytes() == theirs
    assert b"Second" in store.path.read_bytes()


def test_reload_takes_the_disk_version(store):
    a = store.applications.save(Application(company="Mine", role="R"))
    store.path.write_bytes(store.path.read_bytes().replace(b'"Mine"', b'"Theirs"'))
    store.reload()
    assert store.applications.get(a.id).company == "Theirs"


def test_batch_is_one_write_and_rolls_back_on_error(store):
    saves = store.storage.saves
    with store.batch():
        store.applications.save(Application(company="A", role="1"))
        store.contacts.save(Contact(first_name="B"))
    assert store.storage.saves == saves + 1
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.batch():
            store.applications.save(Application(company="C", role="2"))
            store.contacts.delete(store.contacts.all()[0].id)
            raise RuntimeError("part-way")
    assert store.path.read_bytes() == before
    assert [a.company for a in store.applications.all()] == ["A"]
    assert len(store.contacts.all()) == 1


def test_user_text_is_cleaned_on_save(store):
    a = store.applications.save(Application(company="Evil\x1b]52;c;aGk=\x07 Co\u202e", role="R\x1b[2J"))
    assert store.applications.get(a.id).company == "Evil Co"
    assert b"\x1b" not in store.path.read_bytes()


def test_in_place_table_updates_are_refused(store):
    with pytest.raises(NotImplementedError):
        store.db.table("applications").update({"x": 1})


def test_a_value_that_cannot_be_serialised_is_a_type_error_and_changes_nothing(tmp_path):
    st = AtomicJSONStorage(tmp_path / "f.json")
    st.write({"t": {"1": {"v": "fine"}}})
    before = (tmp_path / "f.json").read_bytes()
    with pytest.raises(TypeError):
        st.write({"t": {"1": {"v": object()}}})
    assert (tmp_path / "f.json").read_bytes() == before
    assert st.read() == {"t": {"1": {"v": "fine"}}} and not st.dirty  # not kept in memory either
    st.write({"t": {"1": {"v": "next"}}})  # so the next save works
    assert b"next" in (tmp_path / "f.json").read_bytes()
