"""The atomic TinyDB storage: a save is all or nothing, durable, and never silently overwrites.

TinyDB's stock ``JSONStorage`` rewrites its file in place (a crash leaves a torn file), re-parses
the file on every read and re-serialises everything on every write. This storage instead:

* keeps the whole database in memory after one load; ``read()`` never touches the disk;
* serialises with orjson in memory, writes a temp file in the same directory (0600), fsyncs it,
  ``os.replace``-s it over the data file and fsyncs the directory;
* within :meth:`batch`, several TinyDB writes become one save (a user action is one write);
* before replacing, checks that the file on disk is still the one it loaded or last wrote
  (inode, size, mtime) and raises :class:`ExternalChangeError` otherwise;
* on a failed save, removes its temp file, keeps the change in memory (``dirty``) and raises
  :class:`SaveError`; the next save retries it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator

import orjson
from tinydb.storages import Storage

from .errors import CorruptDataError, ExternalChangeError, ReadOnlyError, SaveError
from .paths import TEMP_PREFIX, TEMP_SUFFIX

Fingerprint = tuple[int, int, int] | None


def fingerprint(path: Path) -> Fingerprint:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """temp file in the same dir (0600) → write → fsync → ``os.replace`` → fsync(dir).

    On any failure the temp file is removed and the target is untouched; the ``OSError`` propagates.
    """
    path = Path(path)
    directory = path.parent
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
    try:
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(directory)


def parse_database(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse and shape-check a data file. Raises :class:`CorruptDataError` saying what is wrong."""
    if not raw.strip():
        raise CorruptDataError(path, "the file is empty (0 bytes of data)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CorruptDataError(path, f"not valid UTF-8 at byte {exc.start}") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        msg = str(exc)
        raise CorruptDataError(path, f"not valid JSON ({msg}); it may be truncated or have trailing garbage") from None
    if not isinstance(data, dict):
        raise CorruptDataError(path, f"expected a JSON object of tables, found {type(data).__name__}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDataError(path, f"table {name!r} is a {type(table).__name__}, not an object")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise CorruptDataError(path, f"record {key!r} in {name!r} is not an object")
    return data


def serialize(data: dict[str, Any]) -> bytes:
    # OPT_NON_STR_KEYS: TinyDB may hand int doc ids before it converts them back.
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


class AtomicJSONStorage(Storage):
    """A TinyDB ``Storage`` with atomic, durable, batched writes (see the module docstring)."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False, **_: Any) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, dict[str, Any]] | None = None
        self._fingerprint: Fingerprint = None
        self._batch_depth = 0
        self._batch_snapshot: dict[str, Any] | None = None
        #: True when memory holds changes that are not on disk yet (a failed or pending save).
        self.dirty = False
        #: Number of successful saves (tests and the benchmark read it).
        self.saves = 0

    # -- loading

    def load(self) -> dict[str, dict[str, Any]]:
        """Read the file from disk (or start empty if it does not exist)."""
        fp = fingerprint(self.path)
        if fp is None:
            self._data = {}
            self._fingerprint = None
            return self._data
        with open(self.path, "rb") as fh:
            raw = fh.read()
        self._data = parse_database(raw, self.path)
        self._fingerprint = fingerprint(self.path)
        self.dirty = False
        return self._data

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self.load()
        return self._data

    # -- writing

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise ReadOnlyError("This session is read-only; nothing was changed.")
        self._data = data
        self.dirty = True
        if self._batch_depth:
            return
        self.flush()

    def flush(self, force: bool = False) -> None:
        """Persist memory to disk now, if there is anything to persist."""
        if not self.dirty and not force:
            return
        if self.read_only:
            raise ReadOnlyError("This session is read-only; nothing was changed.")
        if self._data is None:
            return
        if self.changed_on_disk():
            raise ExternalChangeError(
                f"{self.path} changed on disk since Rebound loaded it (another program or a hand edit)."
            )
        try:
            payload = serialize(self._data)
        except (TypeError, ValueError) as exc:  # a bad value: fails before the disk is touched
            raise SaveError(f"could not serialise the data ({exc})") from exc
        try:
            atomic_write_bytes(self.path, payload)
        except OSError as exc:
            raise SaveError(_describe_os_error(exc)) from exc
        self._fingerprint = fingerprint(self.path)
        self.dirty = False
        self.saves += 1

    def changed_on_disk(self) -> bool:
        return fingerprint(self.path) != self._fingerprint

    def adopt_disk_state(self) -> None:
        """Forget what we knew about the file on disk (after the user chose keep-both)."""
        self._fingerprint = fingerprint(self.path)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one save at the end. An exception inside rolls memory back and saves nothing."""
        outer = self._batch_depth == 0
        if outer:
            data = self.read() or {}
            # TinyDB replaces a table's dict on every update and our repositories replace documents
            # instead of mutating them, so a shallow copy of the top level is a full snapshot.
            self._batch_snapshot = dict(data)
            self._batch_dirty = self.dirty
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if outer and self._batch_snapshot is not None:
                assert self._data is not None
                self._data.clear()
                self._data.update(self._batch_snapshot)
                self.dirty = self._batch_dirty
                self._batch_snapshot = None
            raise
        self._batch_depth -= 1
        if outer:
            self._batch_snapshot = None
            self.flush()

    def close(self) -> None:  # TinyDB calls this on db.close(); saving is explicit
        pass


def _describe_os_error(exc: OSError) -> str:
    import errno

    names = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "your disk quota is used up",
        errno.EFBIG: "the file size limit was reached",
        errno.EACCES: "permission denied",
        errno.EPERM: "operation not permitted",
        errno.EROFS: "the file system is read-only",
        errno.EIO: "an input/output error",
    }
    what = names.get(exc.errno or 0, exc.strerror or str(exc))
    return f"{what} ({exc.filename or 'data file'})" if exc.filename else what
