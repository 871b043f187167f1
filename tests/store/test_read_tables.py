"""Issue 16: the plain data file is read a table at a time (``read_tables``: the index line, then each
table with ``os.pread``), not whole and then copied table by table. The same tables, signature and
pieces as the whole-file path (``split_tables`` with ``on_disk``) for every file, damaged or not, and
the file's bytes are held once while it is opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import Store
from store.models import Application, Contact, JournalEntry
from store.storage import LazyTables, read_tables, split_tables

ROOT = Path(__file__).resolve().parents[2]


def _filled(folder: Path, n: int = 30) -> bytes:
    store = Store.open(folder)
    store.applications.save_many([Application(company=f"Co {i} [b]x[/b] 🎉", notes="n" * i) for i in range(n)])
    store.journal.save_many([JournalEntry(body=f"entry {i}\n\"quoted\"") for i in range(n // 2)])
    store.contacts.save_many([Contact(first_name=f"Ana {i}") for i in range(n // 3)])
    store.close()
    return (folder / "rebound.json").read_bytes()


def _read(path: Path) -> tuple[LazyTables, tuple, list[bytes]] | None:
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_tables(fd, os.fstat(fd).st_size, path)
    finally:
        os.close(fd)


def _described(tables: LazyTables) -> dict:
    """Each table as it was read: still its bytes (not parsed), their checksum and place in the file."""
    out = {}
    for name in tables:
        value = dict.__getitem__(tables, name)
        out[name] = (bytes(value.raw), value.crc, value.start) if hasattr(value, "crc") else value
    return out


def _same_as_the_whole_file_path(path: Path) -> None:
    raw = path.read_bytes()
    whole = split_tables(raw, path, on_disk=True)
    got = _read(path)
    assert (got is None) == (whole is None)
    if got is None or whole is None:
        return
    tables, signature, pieces = got
    assert _described(tables) == _described(whole[0])
    assert signature == whole[1]
    assert b"".join(pieces) == raw
    own = [dict.__getitem__(tables, name).raw for name in tables if name != "meta"]
    assert pieces[1::2] == own and all(a is b for a, b in zip(pieces[1::2], own, strict=True))  # the tables' own bytes


def test_a_file_rebound_wrote_reads_as_the_whole_file_path_reads_it(tmp_path):
    _filled(tmp_path / "d")
    _same_as_the_whole_file_path(tmp_path / "d" / "rebound.json")
    store = Store.open(tmp_path / "d")
    assert store.storage.trusted and store.applications.count() == 30 and store.contacts.count() == 10
    store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_file_is_refused_by_both_paths_alike(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("f")
    raw = bytearray(_filled(folder, n=data.draw(st.integers(1, 12))))
    how = data.draw(st.sampled_from(["flip", "cut", "add", "insert"]))
    at = int(data.draw(st.floats(0, 1)) * (len(raw) - 1))  # the file's length varies run to run (ids, times)
    if how == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        del raw[at:]
    elif how == "add":
        raw += data.draw(st.binary(min_size=1, max_size=8))
    else:
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    path = folder / "rebound.json"
    path.write_bytes(bytes(raw))
    _same_as_the_whole_file_path(path)


def test_files_not_in_our_layout_are_left_to_the_whole_file_path(tmp_path):
    for content in (b"", b"{}", b'{"_default": {}}', b'{"meta":', b'{"meta":{"1":{}}}\n', b"\x00" * 10):
        path = tmp_path / "rebound.json"
        path.write_bytes(content)
        assert _read(path) is None


def test_opening_holds_the_files_bytes_once(tmp_path):
    """Read whole and then copied table by table, opening held the file's bytes twice (~2x its size
    allocated at the peak); read a table at a time, once."""
    raw = _filled(tmp_path / "d", n=1_500)
    code = ("import tracemalloc, sys\n"
            "from store.db import Store\n"
            "tracemalloc.start()\n"
            f"store = Store.open({str(tmp_path / 'd')!r}, read_only=True)\n"
            "print(tracemalloc.get_traced_memory()[1])\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert len(raw) > 1_000_000
    assert int(out) < 1.4 * len(raw)
