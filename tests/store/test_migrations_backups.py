"""Schema versions, migrations with a backup first, newer data read-only; backups and doctor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import backups
from store.db import Store
from store.errors import ReadOnlyError, SaveError
from store.migrations import SCHEMA_VERSION
from store.models import Application

ROOT = Path(__file__).resolve().parents[2]

V0 = {
    "applications": {"1": {"company": "Old Co", "role": "Dev", "stage": "applied"},
                     "2": {"company": "Older Co", "role": "QA", "stage": "wishlist"}},
    "journal": {"1": {"kind": "checkin", "mood": 3}},
}


def _write(data_dir: Path, data) -> bytes:
    data_dir.mkdir(parents=True, mode=0o700, exist_ok=True)
    raw = json.dumps(data).encode()
    (data_dir / "rebound.json").write_bytes(raw)
    os.chmod(data_dir / "rebound.json", 0o600)
    return raw


def test_v0_file_migrates_after_a_byte_identical_backup(data_dir):
    raw = _write(data_dir, V0)
    s = Store.open(data_dir)
    try:
        apps = s.applications.all()
        assert sorted(a.company for a in apps) == ["Old Co", "Older Co"]
        assert all(a.id and a.created_at for a in apps)
        assert len(s.journal.all()) == 1
        pre = [b for b in backups.list_backups(data_dir) if b.kind.startswith("pre-migrate-v0")]
        assert len(pre) == 1 and pre[0].path.read_bytes() == raw
        assert any("Upgraded" in n for n in s.notices)
    finally:
        s.close()
    on_disk = json.loads((data_dir / "rebound.json").read_bytes())
    assert on_disk["meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_failed_migration_write_leaves_the_original(data_dir, monkeypatch):
    raw = _write(data_dir, V0)
    from store import storage as storage_mod

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_mod.os, "replace", boom)
    with pytest.raises(SaveError):
        Store.open(data_dir)
    monkeypatch.undo()
    assert (data_dir / "rebound.json").read_bytes() == raw


def test_newer_schema_opens_read_only_and_is_never_written(data_dir):
    data = {"meta": {"meta": {"id": "meta", "schema_version": SCHEMA_VERSION + 1}},
            "applications": {"a": {"id": "a", "company": "Future", "role": "x"}}}
    raw = _write(data_dir, data)
    s = Store.open(data_dir)
    try:
        assert s.read_only and "newer Rebound" in s.read_only_reason
        assert s.applications.get("a").company == "Future"
        with pytest.raises(ReadOnlyError):
            s.applications.save(Application(company="x", role="y"))
    finally:
        s.close()
    assert (data_dir / "rebound.json").read_bytes() == raw


def test_unknown_fields_survive_a_round_trip(data_dir):
    data = {"meta": {"meta": {"id": "meta", "schema_version": SCHEMA_VERSION}},
            "applications": {"a": {"id": "a", "company": "Co", "role": "x", "added_later": {"k": 1}}}}
    _write(data_dir, data)
    s = Store.open(data_dir)
    a = s.applications.get("a").copy()
    a.notes = "edited"
    s.applications.save(a)
    s.close()
    on_disk = json.loads((data_dir / "rebound.json").read_bytes())
    (doc,) = on_disk["applications"].values()
    assert doc["id"] == "a" and doc["added_later"] == {"k": 1}


def test_daily_backup_once_a_day_and_rotation(data_dir):
    from datetime import date, timedelta

    from store import clock

    s = Store.open(data_dir)
    s.applications.save(Application(company="a", role="b"))
    s.close()
    start = date(2026, 3, 2)
    for i in range(10):
        clock.freeze(start + timedelta(days=i))
        Store.open(data_dir).close()
        Store.open(data_dir).close()  # a second open the same day adds nothing
    daily = [b for b in backups.list_backups(data_dir) if b.kind == "daily"]
    assert len(daily) == backups.DAILY_KEEP
    assert daily[0].name == f"daily-{(start + timedelta(days=9)).isoformat()}.json"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, capture_output=True, text=True)


def test_corrupt_file_cli_message_and_doctor_restore(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Good Co", role="b"))
    s.close()
    backups.snapshot(data_dir, "pre-doctor")
    (data_dir / "rebound.json").write_bytes(b'{"applications": {"x": {"company": "Tr')
    out = _cli("--data-dir", str(data_dir))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert str(data_dir / "rebound.json") in out.stderr
    assert "not valid JSON" in out.stderr
    assert f"rebound-tui doctor --restore latest --data-dir {data_dir}" in out.stderr
    doc = _cli("--data-dir", str(data_dir), "doctor")
    assert doc.returncode == 1 and "PROBLEM" in doc.stdout and "pre-doctor-" in doc.stdout
    res = _cli("--data-dir", str(data_dir), "doctor", "--restore", "latest")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Restored" in res.stdout
    kept = [b for b in backups.list_backups(data_dir) if b.kind == "pre-restore"]
    assert kept and kept[0].path.read_bytes().startswith(b'{"applications": {"x"')  # the damaged file, kept
    s = Store.open(data_dir)
    assert [a.company for a in s.applications.all()] == ["Good Co"]
    s.close()
    assert _cli("--data-dir", str(data_dir), "doctor").returncode == 0


def test_restore_refused_while_another_instance_has_the_data(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="a", role="b"))
    backups.snapshot(data_dir, "pre-doctor")
    try:
        out = _cli("--data-dir", str(data_dir), "doctor", "--restore", "latest")
        assert out.returncode == 1 and "has this data open" in out.stdout
    finally:
        s.close()


def test_version_and_help():
    out = _cli("--version")
    assert out.returncode == 0 and "rebound-tui" in out.stdout
    out = _cli("--help")
    assert "--demo" in out.stdout and "doctor" in out.stdout


def _daily(data_dir: Path) -> list:
    return [b for b in backups.list_backups(data_dir) if b.kind == "daily"]


def test_deferred_daily_backup_is_the_file_as_opened_even_after_a_save(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Before", role="b"))
    s.close()
    for b in _daily(data_dir):
        b.path.unlink()
    as_opened = (data_dir / "rebound.json").read_bytes()
    s = Store.open(data_dir, defer_daily_backup=True)
    try:
        assert _daily(data_dir) == []  # nothing written before the app's first frame
        s.applications.save(Application(company="After", role="b"))  # a save first
        assert s.take_daily_backup() == ""
        (only,) = _daily(data_dir)
        assert only.path.read_bytes() == as_opened
        assert s.take_daily_backup() == "" and len(_daily(data_dir)) == 1  # once
    finally:
        s.close()


def test_deferred_daily_backup_is_taken_at_close_if_the_app_never_got_to_it(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Before", role="b"))
    s.close()
    for b in _daily(data_dir):
        b.path.unlink()
    as_opened = (data_dir / "rebound.json").read_bytes()
    s = Store.open(data_dir, defer_daily_backup=True)
    s.applications.save(Application(company="After", role="b"))
    s.close()
    (only,) = _daily(data_dir)
    assert only.path.read_bytes() == as_opened


def test_deferred_daily_backup_that_fails_says_so_and_keeps_the_data(data_dir, monkeypatch):
    s = Store.open(data_dir)
    s.applications.save(Application(company="Before", role="b"))
    s.close()
    for b in _daily(data_dir):
        b.path.unlink()
    s = Store.open(data_dir, defer_daily_backup=True)
    try:
        def full(*_a, **_k):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(backups, "atomic_write_bytes", full)
        assert s.take_daily_backup() == "Could not take today's backup: No space left on device."
        assert [a.company for a in s.applications.all()] == ["Before"]
    finally:
        monkeypatch.undo()
        s.close()
