"""A data folder on read-only media opens read-only, with a reason, instead of refusing (issue 17, 14)."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from store import demo
from store.db import Store
from store.errors import ReadOnlyError
from store.lock import DirLock
from store.models import Application


def _seed(data_dir: Path) -> None:
    s = Store.open(data_dir)
    demo.populate(s, applications=5, journal=2, contacts=2, touchpoints=2, drafts=1)
    s.close()


def test_a_lock_that_cannot_be_created_opens_read_only_with_the_reason(data_dir, monkeypatch):
    _seed(data_dir)

    def refuse(self):  # what os.open(O_CREAT) says on a read-only mount
        raise OSError(errno.EROFS, "Read-only file system", str(self.path))

    monkeypatch.setattr(DirLock, "acquire", refuse)
    s = Store.open(data_dir)
    try:
        assert s.read_only and "read-only file system" in s.read_only_reason
        assert s.applications.count() == 5
        with pytest.raises(ReadOnlyError):
            s.applications.save(Application(company="x", role="y"))
    finally:
        s.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a read-only tmpfs needs root")
def test_a_real_read_only_mount(tmp_path):
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("tmpfs can't be mounted here")
    try:
        _seed(mnt / "data")
        if subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode:
            pytest.skip("tmpfs can't be remounted read-only here")
        s = Store.open(mnt / "data")
        try:
            assert s.read_only and s.applications.count() == 5
        finally:
            s.close()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
