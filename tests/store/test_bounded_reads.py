"""Importers read at most their size limit and only regular files (issue 17, item 15), and accept
CR-only line endings (old Mac files, item 17).

The unbounded cases are checked in a child process with a memory cap and a timeout: on code that
reads ``/dev/zero`` whole or blocks on a FIFO, the child fails (MemoryError, or the timeout), and the
machine running the tests is never at risk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from store import linkedin
from store.importing import common, journal, sheet, vcard

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures"

#: Every ``import`` the command line has, each with a file it reads well.
KINDS = ["linkedin", "applications", "journal", "contacts", "all"]

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs mkfifo and /dev/zero (POSIX)")


def _cli_in_child(data_dir: Path, *argv: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """``rebound-tui --data-dir DIR *argv`` in a child process capped at 512 MB of address space."""
    code = textwrap.dedent(f"""
        import resource, sys
        cap = 512 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        from tui.cli import run
        sys.exit(run({["--data-dir", str(data_dir), *argv]!r}))
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)


@posix_only
@pytest.mark.parametrize("what", KINDS)
def test_a_device_is_refused_in_one_line_without_reading_it(tmp_path, what):
    proc = _cli_in_child(tmp_path / "data", "import", what, "/dev/zero", "--dry-run")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "/dev/zero is not a regular file (a device)" in proc.stderr


@posix_only
@pytest.mark.parametrize("what", KINDS)
def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path, what):
    fifo = tmp_path / "connections.csv"
    os.mkfifo(fifo)
    try:
        proc = _cli_in_child(tmp_path / "data", "import", what, str(fifo), "--dry-run", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"import {what} blocked on a FIFO")
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "is not a regular file (a pipe)" in proc.stderr


def test_no_more_than_the_limit_is_read(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"a,b\n1,2\n")  # 8 bytes
    assert common.read_bytes(path, limit=8) == b"a,b\n1,2\n"
    with pytest.raises(common.ImportFormatError, match="too big"):
        common.read_bytes(path, limit=7)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    """The size in ``stat`` is only a hint (``/proc`` files say 0, a log grows): the read itself stops."""
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    class SaysSmall:
        def __init__(self, st: os.stat_result) -> None:
            self._st = st
            self.st_size = 0

        def __getattr__(self, name: str) -> object:
            return getattr(self._st, name)

    monkeypatch.setattr(os, "fstat", lambda fd: SaysSmall(real_fstat(fd)))
    with pytest.raises(common.ImportFormatError, match="more than"):
        common.read_bytes(path, limit=50)


def test_linkedin_reader_keeps_its_messages(tmp_path):
    with pytest.raises(linkedin.ImportFormatError, match="No such file"):
        linkedin.read_bytes(tmp_path / "missing.csv")
    with pytest.raises(linkedin.ImportFormatError, match="is a folder"):
        linkedin.read_bytes(tmp_path)
    big = tmp_path / "big.csv"
    with big.open("wb") as fh:
        fh.truncate(linkedin.MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(linkedin.ImportFormatError, match="a few MB at most"):
        linkedin.read_bytes(big)


# --------------------------------------------------------------------------- CR-only line endings


def _cr_only(data: bytes) -> bytes:
    out = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    assert b"\n" not in out
    return out


def test_a_cr_only_connections_csv_reads_like_the_original():
    raw = (FIX / "linkedin" / "basic.csv").read_bytes()
    expected = linkedin.parse_connections(raw)
    got = linkedin.parse_connections(_cr_only(raw))
    assert [(r.first, r.last, r.company, r.line) for r in got.rows] == \
        [(r.first, r.last, r.company, r.line) for r in expected.rows]
    assert got.rows and [s.line for s in got.skipped] == [s.line for s in expected.skipped]


def test_a_cr_only_spreadsheet_with_an_excel_separator_line_reads_like_the_original():
    raw = (FIX / "applications" / "sheet_semicolon_cp1252.csv").read_bytes()
    raw = b"sep=;\r\n" + raw
    expected = sheet.read_sheet(raw, lambda cells: False)
    got = sheet.read_sheet(_cr_only(raw), lambda cells: False)
    assert got.delimiter == expected.delimiter == ";"
    assert got.headers == expected.headers
    assert [r.cells for r in got.rows] == [r.cells for r in expected.rows]
    assert [r.line for r in got.rows] == [r.line for r in expected.rows]


def test_cr_only_vcards_and_jrnl_text_are_read():
    cards = (FIX / "contacts" / "apple.vcf").read_bytes()
    assert len(vcard.parse_vcards(_cr_only(cards)).cards) == len(vcard.parse_vcards(cards).cards) > 0
    text = (FIX / "journal" / "jrnl_simple.txt").read_bytes()
    assert len(journal.parse_jrnl(_cr_only(text)).entries) == len(journal.parse_jrnl(text).entries) > 0


def test_cr_only_connections_import_through_the_command_line(tmp_path, capsys):
    from tui.cli import run

    path = tmp_path / "Connections.csv"
    path.write_bytes(_cr_only((FIX / "linkedin" / "basic.csv").read_bytes()))
    assert run(["--data-dir", str(tmp_path / "data"), "import", "linkedin", str(path), "--dry-run"]) == 0
    assert "Added: 5" in capsys.readouterr().out


def test_crlf_and_quoted_carriage_returns_are_left_alone():
    assert common.normalize_newlines("a,b\r\n1,\"x\ry\"\r\n") == "a,b\r\n1,\"x\ry\"\r\n"
    assert common.normalize_newlines("a,b\r1,2\r") == "a,b\n1,2\n"


@posix_only
def test_doctor_restore_refuses_a_device_or_a_fifo(tmp_path, capsys):
    from tui.cli import doctor

    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    for source in ("/dev/zero", str(fifo)):
        assert doctor.doctor(tmp_path / "data", restore=source) == 1
        assert "is not a regular file; not restoring it" in capsys.readouterr().out
    assert not (tmp_path / "data").exists()
