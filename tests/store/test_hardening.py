"""Issue 17's data faults at the store: edits that land during a save or hide their mtime, a data
file or folder that vanishes, a symlinked data file, a folder that can't be synced, a BOM, records
that share an id. (The quit paths are in tests/test_quit_rescue.py.)"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from store import backups
from store import storage as storage_mod
from store.db import Store
from store.errors import ExternalChangeError, SaveError
from store.models import Application

ROOT = Path(__file__).resolve().parents[2]


def _temps(*folders: Path) -> list[str]:
    return [p.name for d in folders for p in d.iterdir() if p.name.endswith(".tmp")]


def _all(store: Store) -> list[str]:
    return sorted(a.company for a in store.applications.all())


# ----------------------------------------------------------------------------- 10: changes we must see


@pytest.mark.parametrize("how", ["renamed over it", "written in place"])
def test_an_edit_that_lands_during_a_save_is_never_overwritten(store, monkeypatch, how):
    store.applications.save(Application(company="Mine", role="R"))
    theirs = store.path.read_bytes().replace(b"Mine", b"Them, a much longer name")
    real_fsync, real_replace = os.fsync, os.replace
    fired = []

    def fsync_then_edit(fd):  # the temp file is written and synced: another program saves now
        real_fsync(fd)
        if not fired:
            fired.append(1)
            if how == "renamed over it":
                (store.data_dir / "sync.part").write_bytes(theirs)
                real_replace(store.data_dir / "sync.part", store.path)
            else:
                with open(store.path, "r+b") as fh:
                    fh.write(theirs)

    monkeypatch.setattr(storage_mod.os, "fsync", fsync_then_edit)
    new = Application(company="Second", role="R")
    with pytest.raises(ExternalChangeError):
        store.applications.save(new)
    monkeypatch.undo()
    assert store.path.read_bytes() == theirs  # their save stands
    assert _temps(store.data_dir) == []
    assert store.dirty and store.applications.get(new.id) is not None  # ours waits in memory
    copy = store.keep_both()
    assert copy is not None and copy.read_bytes() == theirs and b"Second" in store.path.read_bytes()


def _same_size_edit(path: Path) -> bytes:
    raw = path.read_bytes()
    edited = raw.replace(b"Mine", b"Them")
    assert len(edited) == len(raw) and edited != raw
    return edited


def test_a_same_size_edit_in_place_with_the_mtime_put_back_is_seen(store):
    store.applications.save(Application(company="Mine", role="R"))
    before = os.stat(store.path)
    edited = _same_size_edit(store.path)
    with open(store.path, "r+b") as fh:  # same inode, same size…
        fh.write(edited)
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))  # …same mtime
    with pytest.raises(ExternalChangeError):
        store.applications.save(Application(company="Second", role="R"))
    assert store.path.read_bytes() == edited
    store.reload()
    assert _all(store) == ["Them"]


@pytest.mark.parametrize("tool", ["cp -p", "rsync --inplace -t"])
def test_a_copy_that_keeps_the_mtime_is_seen(store, tmp_path, tool):
    if shutil.which(tool.split()[0]) is None:
        pytest.skip(f"{tool.split()[0]} is not installed here")
    store.applications.save(Application(company="Mine", role="R"))
    before = os.stat(store.path)
    theirs = tmp_path / "from-the-other-laptop.json"
    theirs.write_bytes(_same_size_edit(store.path))
    os.utime(theirs, ns=(before.st_atime_ns, before.st_mtime_ns))
    subprocess.run([*tool.split(), str(theirs), str(store.path)], check=True)
    assert os.stat(store.path).st_size == before.st_size and os.stat(store.path).st_mtime_ns == before.st_mtime_ns
    with pytest.raises(ExternalChangeError):
        store.applications.save(Application(company="Second", role="R"))
    assert store.path.read_bytes() == theirs.read_bytes()
    store.reload()


def test_a_touch_or_a_copy_of_the_same_bytes_is_not_a_conflict(store, tmp_path):
    store.applications.save(Application(company="Mine", role="R"))
    os.utime(store.path)  # touched
    store.applications.save(Application(company="Second", role="R"))
    same = tmp_path / "same.json"
    same.write_bytes(store.path.read_bytes())
    os.replace(same, store.path)  # a sync tool put back the very same bytes (a new inode)
    store.applications.save(Application(company="Third", role="R"))
    assert _all(store) == ["Mine", "Second", "Third"]


# ----------------------------------------------------------------------------- 11: gone while open


def test_a_deleted_data_file_is_written_again_with_everything_and_a_word(store):
    store.applications.save(Application(company="First", role="R"))
    store.path.unlink()
    store.applications.save(Application(company="Second", role="R"))  # no conflict, no error
    assert not store.dirty
    on_disk = Store.open(store.data_dir, read_only=True)
    try:
        assert _all(on_disk) == ["First", "Second"]
    finally:
        on_disk.close()
    (warning,) = store.take_warnings()
    assert "deleted or moved" in warning and store.take_warnings() == []


def test_reload_or_keep_both_after_the_file_vanished_keep_what_is_in_memory(store):
    store.applications.save(Application(company="First", role="R"))
    store.path.write_bytes(store.path.read_bytes().replace(b"First", b"Edits"))
    with pytest.raises(ExternalChangeError):  # the dialog is up…
        store.applications.save(Application(company="Second", role="R"))
    store.path.unlink()  # …and meanwhile the file is deleted
    assert store.reload() is False  # nothing to reload: memory is kept and written
    assert _all(store) == ["First", "Second"] and not store.dirty
    assert b"Second" in store.path.read_bytes()
    store.path.unlink()
    store.applications.save(Application(company="Third", role="R"))
    store.path.unlink()
    assert store.keep_both() is None  # nothing on disk to keep: ours is written
    assert b"Third" in store.path.read_bytes()


def test_a_data_folder_moved_away_is_created_again_and_everything_saved(store, tmp_path):
    store.applications.save(Application(company="First", role="R"))
    os.rename(store.data_dir, tmp_path / "moved")
    store.applications.save(Application(company="Second", role="R"))
    assert not store.dirty
    assert stat.S_IMODE(store.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert {d["company"] for d in json.loads(store.path.read_bytes())["applications"].values()} == {
        "First", "Second"}
    (warning,) = store.take_warnings()
    assert "folder" in warning and "created it again" in warning


def test_a_data_folder_moved_away_is_locked_again_where_it_is_written(store, tmp_path):
    store.applications.save(Application(company="First", role="R"))
    os.rename(store.data_dir, tmp_path / "moved")
    store.applications.save(Application(company="Second", role="R"))
    second = Store.open(store.data_dir)  # another window, opened on the recreated folder
    try:
        assert second.read_only and second.lock_holder is not None and second.lock_holder.pid == os.getpid()
    finally:
        second.close()


def test_a_folder_that_cannot_be_created_again_is_a_save_error_and_the_change_waits(store, tmp_path, monkeypatch):
    store.applications.save(Application(company="First", role="R"))
    os.rename(store.data_dir, tmp_path / "moved")

    def refuse(self, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(SaveError, match="permission denied"):
        store.applications.save(Application(company="Second", role="R"))
    assert store.dirty and _all(store) == ["First", "Second"]
    assert store.take_warnings() == []  # nothing was written again yet: nothing claimed
    monkeypatch.undo()
    store.flush()
    (warning,) = store.take_warnings()
    assert "folder" in warning
    assert _all(Store.open(store.data_dir, read_only=True)) == ["First", "Second"]


# ----------------------------------------------------------------------------- 12: a symlinked data file


def test_a_symlinked_data_file_stays_a_link_and_its_target_is_replaced(tmp_path):
    synced = tmp_path / "Dropbox" / "rebound"
    synced.mkdir(parents=True)
    s = Store.open(tmp_path / "seed")
    s.applications.save(Application(company="First", role="R"))
    s.close()
    shutil.copy(tmp_path / "seed" / "rebound.json", synced / "rebound.json")
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "rebound.json").symlink_to(synced / "rebound.json")

    s = Store.open(data_dir)
    try:
        s.applications.save(Application(company="Second", role="R"))
    finally:
        s.close()
    link = data_dir / "rebound.json"
    assert link.is_symlink() and os.readlink(link) == str(synced / "rebound.json")
    assert b"Second" in (synced / "rebound.json").read_bytes()
    assert stat.S_IMODE((synced / "rebound.json").stat().st_mode) == 0o600
    assert _temps(data_dir, synced) == []
    s = Store.open(data_dir)
    try:
        assert _all(s) == ["First", "Second"] and s.storage.trusted
    finally:
        s.close()


# ----------------------------------------------------------------------------- 13: a folder that can't be synced


def test_a_failed_folder_fsync_is_reported_not_swallowed(store, monkeypatch):
    real_fsync = os.fsync

    def fsync(fd):
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(storage_mod.os, "fsync", fsync)
    new = Application(company="Maybe", role="R")
    with pytest.raises(SaveError) as info:
        store.applications.save(new)
    assert "could not be synced" in info.value.reason and "power cut" in info.value.reason
    assert not str(info.value).startswith("not saved: not saved")
    assert store.dirty  # saved again with the next change or the retry
    assert b"Maybe" in store.path.read_bytes()  # the file itself was replaced
    monkeypatch.undo()
    store.flush()  # not a conflict: the file on disk is the one we wrote
    assert not store.dirty


# ----------------------------------------------------------------------------- 17: BOM, shared ids


def _write(data_dir: Path, raw: bytes) -> None:
    data_dir.mkdir(parents=True, mode=0o700, exist_ok=True)
    (data_dir / "rebound.json").write_bytes(raw)
    os.chmod(data_dir / "rebound.json", 0o600)


def test_a_utf8_bom_from_an_editor_is_accepted(data_dir):
    data = {"meta": {"1": {"id": "meta", "schema_version": 2}},
            "applications": {"1": {"id": "a1", "company": "Café Ünïcode", "role": "R"}}}
    _write(data_dir, b"\xef\xbb\xbf" + json.dumps(data, ensure_ascii=False).encode())
    s = Store.open(data_dir)
    try:
        assert s.applications.get("a1").company == "Café Ünïcode"
        s.applications.save(Application(company="New", role="R"))
    finally:
        s.close()
    assert not (data_dir / "rebound.json").read_bytes().startswith(b"\xef\xbb\xbf")
    assert backups.is_valid(data_dir / "rebound.json") is None


def test_records_sharing_an_id_are_told_kept_apart_and_backed_up(data_dir):
    data = {"meta": {"1": {"id": "meta", "schema_version": 2}},
            "applications": {"1": {"id": "dup", "company": "One", "role": "R"},
                             "2": {"id": "dup", "company": "Two", "role": "R"},
                             "x": {"company": "No id", "role": "R"}}}
    raw = json.dumps(data).encode()
    _write(data_dir, raw)
    s = Store.open(data_dir)
    try:
        assert _all(s) == ["No id", "One", "Two"]  # nothing hidden, nothing dropped
        assert s.applications.get("dup").company == "One"  # links keep pointing at the first
        (notice,) = [n for n in s.notices if "problems" in n]
        assert "1 record has the same id as another" in notice and "1 record has no id" in notice
        assert "not a TinyDB document number" in notice
        (pre,) = [b for b in backups.list_backups(data_dir) if b.kind == "pre-repair"]
        assert pre.path.read_bytes() == raw and pre.name in notice
    finally:
        s.close()
    keys = json.loads((data_dir / "rebound.json").read_bytes())["applications"].keys()
    assert all(k.isdigit() for k in keys)


def test_schema_1_records_stored_under_another_key_are_told(data_dir):
    data = {"meta": {"meta": {"id": "meta", "schema_version": 1}},
            "applications": {"a": {"id": "a", "company": "Fine", "role": "R"},
                             "b": {"id": "c", "company": "Moved", "role": "R"}}}
    _write(data_dir, json.dumps(data).encode())
    s = Store.open(data_dir)
    try:
        assert any("1 record is stored under a key that isn't its id" in n for n in s.notices)
        assert s.applications.get("c").company == "Moved"  # its id wins: that is what links use
    finally:
        s.close()


def test_doctor_names_shared_ids_and_accepts_a_bom_and_an_empty_file(data_dir, capsys):
    from tui.cli import doctor

    data = {"meta": {"1": {"id": "meta", "schema_version": 2}},
            "contacts": {"1": {"id": "c", "first_name": "A"}, "2": {"id": "c", "first_name": "B"}}}
    _write(data_dir, b"\xef\xbb\xbf" + json.dumps(data).encode())
    assert doctor.doctor(data_dir) == 0
    out = capsys.readouterr().out
    assert "OK, schema 2" in out and "contacts: 1 record has the same id as another" in out
    (data_dir / "rebound.json").write_bytes(b"")
    assert doctor.doctor(data_dir) == 0
    assert "empty: Rebound starts a new database in it" in capsys.readouterr().out
