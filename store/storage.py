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

The file is plain JSON that TinyDB's own storage can read, laid out one table per line, with a first
line that indexes the tables (name, CRC-32, length)::

    {"_rebound":{"format":1,"tables":[["meta",123,45],["applications",678,9012]]}
    ,"meta":{...}
    ,"applications":{...}
    }

That layout buys two things at 10,000 applications: start-up checks every table's checksum (a torn
or edited file is caught before anything is trusted) but parses a table only when a screen first
needs it, and a save re-serialises only the tables that changed. A file in any other layout (a hand
edit, an older version) is parsed whole and validated the slow, careful way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .errors import CorruptDataError, ExternalChangeError, ReadOnlyError, SaveError
from .paths import TEMP_PREFIX, TEMP_SUFFIX

Fingerprint = tuple[int, int, int] | None
#: A table's bytes: a zero-copy view of the file until parsed, or what a save serialised.
Fragment = bytes | memoryview
#: Per table: (the table object it was made from, its bytes, their CRC-32).
FragmentCache = dict[str, tuple[Any, Fragment, int]]


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
        if name == INDEX_KEY:
            continue
        if not isinstance(table, dict):
            raise CorruptDataError(path, f"table {name!r} is a {type(table).__name__}, not an object")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise CorruptDataError(path, f"record {key!r} in {name!r} is not an object")
    return data


INDEX_KEY = "_rebound"
FORMAT = 1
_HEAD = b'{"_rebound":'


def _dumps(value: Any) -> bytes:
    # OPT_NON_STR_KEYS: TinyDB may hand int doc ids before it converts them back.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


class _Unparsed:
    """A table still in its on-disk bytes (checksum verified)."""

    __slots__ = ("raw", "crc")

    def __init__(self, raw: Fragment, crc: int) -> None:
        self.raw = raw
        self.crc = crc


class LazyTables(dict[str, Any]):
    """``{table name: {doc id: doc}}`` whose tables are parsed on first access.

    Only the lookups TinyDB and the repositories use are lazy (``[]``, ``get``, ``items``,
    ``values``); ``dict(self)`` copies the raw entries, which is what batch snapshots want.
    """

    path: Path
    #: Where a parsed table's bytes are remembered (so an unchanged table is never re-serialised).
    fragment_cache: FragmentCache | None = None

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        if type(value) is _Unparsed:
            value = self._parse(key, value)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def items(self) -> list[tuple[str, Any]]:  # type: ignore[override]  # a list: parsing as it goes
        return [(k, self[k]) for k in list(self.keys())]

    def values(self) -> list[Any]:  # type: ignore[override]  # a list: parsing as it goes
        return [self[k] for k in list(self.keys())]

    def raw_value(self, key: str) -> Any:
        return dict.__getitem__(self, key)

    def unparsed_bytes(self, key: str) -> Fragment | None:
        """The on-disk bytes of a table not parsed yet (None if parsed or absent)."""
        value = dict.get(self, key)
        return value.raw if type(value) is _Unparsed else None

    def unparsed(self) -> list[str]:
        return [k for k, v in dict.items(self) if type(v) is _Unparsed]

    def _parse(self, key: str, value: _Unparsed) -> dict[str, Any]:
        import gc

        enabled = gc.isenabled()
        gc.disable()
        try:
            table = orjson.loads(value.raw)
        except orjson.JSONDecodeError as exc:  # checksum matched, so this is not expected
            raise CorruptDataError(self.path, f"table {key!r} is not valid JSON ({exc})") from None
        finally:
            gc.freeze()  # the table lives as long as the session (see repo.paused_gc)
            if enabled:
                gc.enable()
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptDataError(self.path, f"table {key!r} is not an object of records")
        dict.__setitem__(self, key, table)
        cache = self.fragment_cache
        if cache is not None:
            cache[key] = (table, value.raw, value.crc)
        return table


def split_tables(raw: bytes, path: Path) -> LazyTables | None:
    """Read our one-table-per-line layout, verifying every checksum. None if the file is not in
    that layout or anything does not match (the caller then parses it whole).

    Tables stay zero-copy views of ``raw`` until they are parsed."""
    if not raw.startswith(_HEAD):
        return None
    head_end = raw.find(b"\n")
    if head_end < 0:
        return None
    view = memoryview(raw)
    try:
        index = orjson.loads(view[len(_HEAD):head_end])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(index, dict) or index.get("format") != FORMAT:
        return None
    entries = index.get("tables")
    if not isinstance(entries, list):
        return None
    out = LazyTables()
    out.path = path
    pos = head_end + 1
    for entry in entries:
        try:
            name, crc, length = entry
            prefix = b"," + _dumps(name) + b":"
        except (TypeError, ValueError, orjson.JSONEncodeError):
            return None
        if not isinstance(name, str) or not isinstance(length, int) or not raw.startswith(prefix, pos):
            return None
        start = pos + len(prefix)
        stop = start + length
        if raw[stop:stop + 1] != b"\n":
            return None
        frag = view[start:stop]
        if zlib.crc32(frag) != crc:
            return None
        dict.__setitem__(out, name, _Unparsed(frag, crc))
        pos = stop + 1
    if raw[pos:] != b"}\n":
        return None
    return out


def serialize(data: dict[str, Any], cache: FragmentCache | None = None) -> bytes:
    """The whole database in our layout. ``cache`` holds (table object, bytes, crc) per table:
    a table whose object is unchanged since it was parsed or last written is not re-serialised
    (TinyDB replaces a table's dict on every change, and repositories never edit one in place)."""
    names = []
    frags = []
    raw_get = data.raw_value if isinstance(data, LazyTables) else data.__getitem__
    for name in list(data.keys()):
        if name == INDEX_KEY:
            continue
        value = raw_get(name)
        if type(value) is _Unparsed:
            frag, crc = value.raw, value.crc
        else:
            hit = cache.get(name) if cache is not None else None
            if hit is not None and hit[0] is value:
                frag, crc = hit[1], hit[2]
            else:
                frag = _dumps(value)
                crc = zlib.crc32(frag)
                if cache is not None:
                    cache[name] = (value, frag, crc)
        names.append([name, crc, len(frag)])
        frags += [b"\n,", _dumps(name), b":", frag]
    head = _HEAD + _dumps({"format": FORMAT, "tables": names})
    return b"".join([head, *frags, b"\n}\n"])


class AtomicJSONStorage(Storage):
    """A TinyDB ``Storage`` with atomic, durable, batched writes (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False, **_: Any) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._data: dict[str, dict[str, Any]] | None = None
        self._fingerprint: Fingerprint = None
        self._batch_depth = 0
        self._batch_snapshot: dict[str, Any] | None = None
        self._fragments: FragmentCache = {}
        #: True when the file was in our checksummed layout: records need no type coercion.
        self.trusted = False
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
        self._fragments = {}
        lazy = split_tables(raw, self.path)
        if lazy is not None:
            lazy.fragment_cache = self._fragments
            self._data = lazy
            self.trusted = True
        else:
            data = parse_database(raw, self.path)
            data.pop(INDEX_KEY, None)
            self._data = data
            self.trusted = False
        self._fingerprint = fingerprint(self.path)
        self.dirty = False
        return self._data

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self.load()
        return self._data

    def replace_data(self, data: dict[str, dict[str, Any]], *, dirty: bool) -> None:
        """Put ``data`` in memory in place of what was loaded (a migration's result), saved with the
        next flush when ``dirty``. Nothing is written here."""
        self._data = data
        self.dirty = dirty

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
            payload = serialize(self._data, self._fragments)
        except (TypeError, ValueError) as exc:  # a bad value: fails before the disk is touched
            raise SaveError(f"could not serialise the data ({exc})") from exc
        try:
            atomic_write_bytes(self.path, payload)
        except OSError as exc:
            raise SaveError(_describe_os_error(exc)) from exc
        self._fingerprint = fingerprint(self.path)
        self.dirty = False
        self.saves += 1

    def content_key(self) -> str | None:
        """A short fingerprint of everything in memory, from the tables' checksums; ``None`` when
        memory holds unsaved changes or a table's checksum is not known without serialising it.
        Equal keys mean equal data, so results derived from the data can be cached by it."""
        if self.dirty or self._data is None:
            return None
        data = self._data
        raw_get = data.raw_value if isinstance(data, LazyTables) else data.__getitem__
        parts = []
        for name in sorted(data.keys()):
            value = raw_get(name)
            if type(value) is _Unparsed:
                crc = value.crc
            else:
                hit = self._fragments.get(name)
                if hit is None or hit[0] is not value:
                    return None
                crc = hit[2]
            parts.append(f"{name}:{crc}")
        return f"{zlib.crc32(';'.join(parts).encode()):08x}-{len(parts)}"

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
