"""Rebound's own log: ``rebound.log`` in the data folder, rotating, 0600.

It records what went wrong where (exception types and code locations), never what the person wrote:
exception *messages* can quote user text (a company name in a ValueError, a line of a CSV), so
:func:`swallowed` writes the type and the stack of file/line/function names only. ``doctor`` shows the
last entries (:func:`last_errors`).

Everything here is best effort: logging must never stand between a person and their data, so a
log that can't be written is silently skipped (the one place where that is the rule).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

LOG_NAME = "rebound.log"
LOGGER = "rebound"
MAX_BYTES = 256 * 1024
BACKUPS = 2

log = logging.getLogger(LOGGER)


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose files are created 0600 (the data folder is private)."""

    def _open(self):  # type: ignore[no-untyped-def]  # (typeshed declares no return type here)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.fchmod(fd, 0o600)
        except OSError:
            pass
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding, errors=self.errors)


def setup(data_dir: Path | str, *, read_only: bool = False) -> Path | None:
    """Send the ``rebound`` logger to ``data_dir/rebound.log``. Returns the path, or None when the log
    can't be opened (a read-only session or folder: the app works the same without it)."""
    path = Path(data_dir) / LOG_NAME
    for handler in list(log.handlers):
        if isinstance(handler, _PrivateRotatingHandler):
            if Path(handler.baseFilename) == path:
                return path
            log.removeHandler(handler)
            handler.close()
    if read_only or not Path(data_dir).is_dir():
        return None
    try:
        handler = _PrivateRotatingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                          delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S%z"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def where(exc: BaseException) -> str:
    """The exception's type and stack as code locations only (no message, no locals, no user text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    stack = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))
    return f"{type(exc).__module__}.{type(exc).__qualname__} at {stack or '?'}"


def swallowed(exc: BaseException, context: str) -> None:
    """Record an exception that was caught and not re-raised. ``context`` is our own words (a
    constant string), never user text."""
    try:
        log.warning("swallowed in %s: %s", context, where(exc))
    except Exception:  # noqa: BLE001 - a log that can't be written must not break the caller
        pass


def crashed(exc: BaseException) -> None:
    """Record an error that stops the program: its type and the code locations, not its message."""
    try:
        frames = traceback.extract_tb(exc.__traceback__)
        stack = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames[-12:]))
        log.error("stopped by %s.%s at %s", type(exc).__module__, type(exc).__qualname__, stack or "?")
    except Exception:  # noqa: BLE001 - a log that can't be written must not hide the real error
        pass


def crash_message(data_dir: Path | str, unsaved: bool) -> str:
    """What the terminal shows after an unexpected error (one short paragraph, no traceback)."""
    saved = ("Some changes could not be saved; run `rebound-tui doctor` to see what is on disk."
             if unsaved else "Everything already saved is safe; Rebound saved what it could of what you were typing.")
    return (f"Rebound stopped after an unexpected error. {saved}\n"
            f"What happened (no personal text) is in {Path(data_dir) / LOG_NAME}.")


def last_errors(data_dir: Path | str, limit: int = 10) -> list[str]:
    """The last ``limit`` warning/error lines of the log (newest last); [] when there is no log."""
    path = Path(data_dir) / LOG_NAME
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 64 * 1024))
            tail = fh.read().decode("utf-8", "replace")
    except OSError:
        return []
    lines = [ln for ln in tail.splitlines() if " WARNING " in ln or " ERROR " in ln or " CRITICAL " in ln]
    return lines[-limit:]
