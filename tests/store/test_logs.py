"""rebound.log: private, rotating, code locations only (never what the person wrote)."""

from __future__ import annotations

import stat

import pytest

from store import logs


@pytest.fixture(autouse=True)
def _detach_handlers():
    yield
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


def _boom(secret: str) -> None:
    raise ValueError(f"could not parse {secret!r}")


def test_swallowed_writes_type_and_location_never_the_message(tmp_path):
    path = logs.setup(tmp_path)
    assert path == tmp_path / logs.LOG_NAME
    try:
        _boom("my private journal line")
    except ValueError as exc:
        logs.swallowed(exc, "test context")
    text = path.read_text(encoding="utf-8")
    assert "ValueError" in text and "test context" in text and "_boom" in text
    assert "private journal" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_last_errors_reads_the_tail(tmp_path):
    logs.setup(tmp_path)
    for n in range(12):
        try:
            _boom(str(n))
        except ValueError as exc:
            logs.swallowed(exc, f"place {n}")
    logs.log.info("an info line is not a problem")
    last = logs.last_errors(tmp_path, limit=3)
    assert len(last) == 3 and "place 11" in last[-1] and "place 9" in last[0]


def test_no_log_file_until_something_is_logged_and_none_when_read_only(tmp_path):
    logs.setup(tmp_path)
    assert not (tmp_path / logs.LOG_NAME).exists()
    assert logs.setup(tmp_path / "ro", read_only=True) is None
    assert logs.last_errors(tmp_path / "missing") == []


def test_doctor_lists_recent_problems(tmp_path, capsys):
    from tui.cli import doctor

    logs.setup(tmp_path)
    try:
        _boom("x")
    except ValueError as exc:
        logs.swallowed(exc, "an example")
    doctor.doctor(tmp_path)
    out = capsys.readouterr().out
    assert "problem(s)" in out and "an example" in out
