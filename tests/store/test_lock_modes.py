"""One writer per data dir (a sidecar lock), and private files under any umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store.db import Store
from store.errors import ReadOnlyError
from store.models import Application

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent('''
    import sys
    from pathlib import Path
    from store.db import Store
    from store.models import Application
    s = Store.open(Path(sys.argv[1]))
    assert not s.read_only
    for i in range(int(sys.argv[2])):
        s.applications.save(Application(company=f"holder {i}", role="r"))
    print("holding", flush=True)
    sys.stdin.readline()
    s.close()
''')


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_second_process_opens_read_only_and_names_the_holder(data_dir):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir), "3"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"holding"
        # the holder has saved (os.replace swapped the data file's inode): the lock still holds
        second = Store.open(data_dir)
        assert second.read_only
        assert second.lock_holder.pid == proc.pid
        assert "Rebound in another window (since " in second.read_only_reason  # words, not a pid
        assert len(second.applications.all()) == 3  # it can read
        with pytest.raises(ReadOnlyError):
            second.applications.save(Application(company="x", role="y"))
        assert len(second.applications.all()) == 3  # nothing changed in memory either
        second.close()
    finally:
        proc.stdin.write(b"\n")
        proc.stdin.close()
        proc.wait(timeout=10)
    third = Store.open(data_dir)  # the holder quit: writable again
    assert not third.read_only
    third.close()


def test_lock_is_a_sidecar_file_not_the_data_file(store):
    store.applications.save(Application(company="a", role="b"))
    lock = store.data_dir / "rebound.lock"
    assert lock.exists()
    ino = store.path.stat().st_ino
    store.applications.save(Application(company="c", role="d"))
    assert store.path.stat().st_ino != ino  # the data file is replaced on every save…
    other = Store.open(store.data_dir)  # …and the lock still excludes a second writer
    assert other.read_only
    other.close()


def test_lock_dies_with_its_process(data_dir):
    code = textwrap.dedent(f'''
        import os, signal
        from pathlib import Path
        from store.db import Store
        s = Store.open(Path({str(data_dir)!r}))
        os.kill(os.getpid(), signal.SIGKILL)
    ''')
    subprocess.run([sys.executable, "-c", code], cwd=ROOT)
    s = Store.open(data_dir)
    assert not s.read_only  # no stale lock after kill -9
    s.close()


def test_private_modes_under_umask_022(tmp_path):
    old = os.umask(0o022)
    try:
        data_dir = tmp_path / "fresh" / "data"
        s = Store.open(data_dir)
        s.applications.save(Application(company="a", role="b"))
        s.close()
        s = Store.open(data_dir)  # the second open of the day takes no new backup…
        s.close()
        from store import backups

        backups.snapshot(data_dir, "pre-doctor")
    finally:
        os.umask(old)
    assert _mode(data_dir) == 0o700
    created = [p for p in data_dir.rglob("*")]
    assert created
    for p in created:
        assert _mode(p) == (0o700 if p.is_dir() else 0o600), p


def test_looser_modes_are_tightened_with_a_notice(tmp_path):
    data_dir = tmp_path / "data"
    s = Store.open(data_dir)
    s.applications.save(Application(company="a", role="b"))
    s.close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "rebound.json", 0o644)
    s = Store.open(data_dir)
    try:
        assert _mode(data_dir) == 0o700 and _mode(data_dir / "rebound.json") == 0o600
        joined = " ".join(s.notices)
        assert "0755" in joined and "0644" in joined
    finally:
        s.close()


def test_orphan_temp_files_are_removed_at_start(data_dir):
    s = Store.open(data_dir)
    s.applications.save(Application(company="a", role="b"))
    s.close()
    (data_dir / ".rebound.json.abc123.tmp").write_bytes(b"half a save")
    old = time.time() - 600
    os.utime(data_dir / ".rebound.json.abc123.tmp", (old, old))  # left by a save killed a while ago
    (data_dir / "backups").mkdir(exist_ok=True)
    (data_dir / "backups" / ".rebound.json.live.tmp").write_bytes(b"a backup being written now")
    (data_dir / "notes.txt").write_text("mine")  # not ours: left alone
    s = Store.open(data_dir)
    try:
        assert not (data_dir / ".rebound.json.abc123.tmp").exists()
        assert (data_dir / "backups" / ".rebound.json.live.tmp").exists()  # `rebound-tui backup`, running now
        assert (data_dir / "notes.txt").exists()
        assert any("temporary" in n for n in s.notices)
    finally:
        s.close()


def test_data_dir_resolution(monkeypatch, tmp_path):
    from store.paths import resolve_data_dir

    monkeypatch.setenv("REBOUND_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("REBOUND_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == tmp_path / "xdg" / "rebound-tui"
