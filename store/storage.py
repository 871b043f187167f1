"""The atomic TinyDB storage: a save is all or nothing, durable, and never silently overwrites.

TinyDB's stock ``JSONStorage`` rewrites its file in place (a crash leaves a torn file), re-parses
the file on every read and re-serialises everything on every write. This storage instead:

* keeps the whole database in memory after one load; ``read()`` never touches the disk (it hands
  TinyDB a shallow copy, so a write that is refused leaves memory as it was);
* serialises with orjson in memory, writes a temp file in the same directory (0600), fsyncs it,
  ``os.replace``-s it over the data file and fsyncs the directory (a failure of that last fsync is
  reported: the save may not survive a power cut);
* holds each record once: a parsed table's bytes stay in the plain file (a save copies them from
  there once it has checked the file is the one it loaded or last wrote, see :class:`OnDisk`), and
  a trusted table's records stand in for its documents (:meth:`AtomicJSONStorage.keep_as_records`);
* within :meth:`batch`, several TinyDB writes become one save (a user action is one write);
* before writing, and again just before the replace, checks that the file on disk is still the one
  it loaded or last wrote, and raises :class:`ExternalChangeError` otherwise. The check compares
  inode, size, mtime and ctime (ctime is set by the kernel on every change and can't be put back,
  so ``cp -p`` or ``rsync --inplace -t`` over the file is seen), and when those differ, the content
  (a ``touch`` or a copy of the same bytes is not a conflict);
* a value that can't be serialised raises ``TypeError`` before anything changes, in memory or on
  disk; a failed save (disk full…) removes its temp file, keeps the change in memory (``dirty``)
  and raises :class:`SaveError`; the next save retries it;
* a data file that is a symlink (into a synced folder) stays one: the save replaces the file the
  link points to, in that file's own folder;
* a data file (or its folder) deleted while Rebound runs is written again from memory, and
  :attr:`AtomicJSONStorage.warnings` says so;
* an encrypted folder's file (``rebound.json.age``, see :mod:`store.crypto`) goes through the same
  steps: it is decrypted once at load, and every save encrypts the very bytes a plain save would write,
  then writes them with the same temp file, fsync, replace and checks. Without its key (the idle lock
  dropped it) nothing is read or written (:class:`LockedError`).

The file is plain JSON that stock TinyDB reads (``TinyDB(path)``, no subclass): every top-level key
is a table, and documents are keyed by TinyDB's integer document ids (as JSON strings). It is laid
out one table per line, and the first line is the ``meta`` table, whose one document also carries
an index of the other tables (name, CRC-32, length) under ``rebound_index``::

    {"meta":{"1":{"id":"meta","schema_version":2,…,"rebound_index":{"format":2,"tables":[["applications",678,9012]]}}}
    ,"applications":{"1":{"id":"3f2a…","company":…},"2":{…}}
    }

That layout buys two things at 10,000 applications: start-up checks every table's checksum (a torn
or edited file is caught before anything is trusted) but parses a table only when a screen first
needs it, and a save re-serialises only the tables that changed. A file in any other layout (a hand
edit, an older version, TinyDB's own) is parsed whole and validated the slow, careful way. The index
lives inside the ``meta`` document so that TinyDB lists exactly Rebound's tables; this storage
strips it on reading, so only a reader of the raw file sees it. (Format 1 kept the index as a
top-level ``_rebound`` key, which TinyDB listed as a table; such files are still read.)
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import tempfile
import warnings
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

import orjson
from tinydb.storages import Storage

from . import logs
from .errors import (
    CorruptDataError,
    CryptoError,
    ExternalChangeError,
    LockedError,
    ReadOnlyError,
    SaveError,
    StoreError,
)
from .paths import TEMP_PREFIX, TEMP_SUFFIX

if TYPE_CHECKING:
    from .crypto import Keyring

#: (inode, size, mtime, ctime) of the data file, or None when there is none.
Fingerprint = tuple[int, int, int, int] | None
#: A table's bytes: a zero-copy view of the file until parsed, or what a save serialised.
Fragment = bytes | memoryview


class OnDisk:
    """A table's bytes left in the plain data file, ``length`` bytes from ``start``: a parsed table's
    stand-in for the bytes it was read from, so memory doesn't hold the file beside its records.
    Only a save of a plain file uses it, copying the range from the file it checked is the one it
    loaded or last wrote (:func:`atomic_write_bytes` ``source``); anything else re-serialises."""

    __slots__ = ("start", "length")

    def __init__(self, start: int, length: int) -> None:
        self.start = start
        self.length = length

    def __len__(self) -> int:
        return self.length


#: What a save writes a table from: bytes, or a range of the current file (see :class:`OnDisk`).
Piece = bytes | memoryview | OnDisk
#: Per table: (the table object it was made from, its bytes or where they are on disk, their CRC-32).
FragmentCache = dict[str, tuple[Any, Piece, int]]
#: What a file holds, compactly: equal signatures mean equal bytes (see :func:`signature`).
Signature = tuple[Any, ...]

BOM = b"\xef\xbb\xbf"
#: The table whose one document carries the index, and the field that holds it.
INDEX_TABLE = "meta"
INDEX_FIELD = "rebound_index"
FORMAT = 2
#: Where format 1 kept its index: a top-level key (which TinyDB took for a table).
INDEX_KEY = "_rebound"
_HEAD = b'{"meta":'


class DirSyncError(StoreError, OSError):
    """The file was replaced, but its folder could not be synced: the save may not survive a power cut."""


class ReadOnlyFileError(ReadOnlyError, io.UnsupportedOperation):
    """A write refused by a storage opened with ``access_mode='r'``; also an ``OSError``, as
    TinyDB's ``JSONStorage`` raises in that mode."""


def fingerprint(path: str | os.PathLike[str]) -> Fingerprint:
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable. Raises ``OSError`` when it can't."""
    if os.name == "nt":  # pragma: no cover - Windows can't open a folder; NTFS journals renames
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], payload: bytes | Sequence[Piece], *,
                       check: Callable[[], None] | None = None, strict: bool = False,
                       source: int | None = None) -> None:
    """temp file in the same dir (0600) → write → fsync → ``check()`` → ``os.replace`` → fsync(dir).

    ``payload`` is the bytes, or the pieces they are made of in order (written one after the other:
    a save of the data file never copies its tens of megabytes into one buffer first). An
    :class:`OnDisk` piece is copied from the open file ``source`` (in the kernel where it can).

    On any failure before the replace the temp file is removed and the target is untouched; the
    exception propagates (``check`` may raise to stop the replace at the last moment). After the
    replace, a failed fsync of the folder raises :class:`DirSyncError` when ``strict``, and is
    logged otherwise (a backup or an export is still written).
    """
    path = Path(path)
    directory = path.parent
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
    try:
        try:
            os.fchmod(fd, 0o600)
            for part in ([payload] if isinstance(payload, (bytes, bytearray, memoryview)) else payload):
                if isinstance(part, OnDisk):
                    if source is None:
                        raise ValueError("a range of the data file to copy, and no file to copy it from")
                    _copy_range(source, fd, part.start, part.length)
                    continue
                view = memoryview(part)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if check is not None:
            check()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        fsync_dir(directory)
    except OSError as exc:
        if strict:
            raise DirSyncError(exc.errno, exc.strerror or str(exc), str(directory)) from exc
        logs.swallowed(exc, "fsync of a folder after writing a file")


def _copy_range(src: int, dst: int, start: int, length: int) -> None:
    """Append ``length`` bytes of ``src`` from ``start`` to ``dst`` (at its position)."""
    end = start + length
    pos = start
    if hasattr(os, "copy_file_range"):
        try:
            while pos < end:
                done = os.copy_file_range(src, dst, end - pos, pos)
                if done <= 0:
                    break
                pos += done
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
                raise
    while pos < end:  # no copy_file_range here, or it stopped: through a small buffer
        chunk = os.pread(src, min(1 << 20, end - pos), pos)
        if not chunk:
            raise OSError(errno.EIO, "the data file is shorter than the save expected")
        view = memoryview(chunk)
        while view:
            view = view[os.write(dst, view):]
        pos += len(chunk)


def _is_index(value: Any, fmt: int) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and value.get("format") == fmt and isinstance(value.get("tables"), list)


def _index_doc(table: Any) -> dict[str, Any] | None:
    """The one document of an index-carrying table, or None if the table isn't exactly that."""
    if not isinstance(table, dict) or len(table) != 1:
        return None
    (doc,) = table.values()
    return doc if isinstance(doc, dict) else None


def _strip_index(data: dict[str, Any]) -> None:
    """Drop what only this storage reads: format 1's ``_rebound`` key, format 2's index field."""
    if _is_index(data.get(INDEX_KEY), 1):
        del data[INDEX_KEY]
    doc = _index_doc(data.get(INDEX_TABLE))
    if doc is not None and _is_index(doc.get(INDEX_FIELD), FORMAT):
        del doc[INDEX_FIELD]


def parse_database(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse and shape-check a data file. Raises :class:`CorruptDataError` saying what is wrong.
    A UTF-8 byte order mark (an editor's "save with BOM") is accepted."""
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
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
    _strip_index(data)
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDataError(path, f"table {name!r} is a {type(table).__name__}, not an object")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise CorruptDataError(path, f"record {key!r} in {name!r} is not an object")
    return data


def sealed_signature(raw: bytes) -> Signature:
    """An encrypted file's signature: its ciphertext's (equal plaintexts encrypt differently)."""
    return ("sealed", len(raw), zlib.crc32(raw))


def _dumps(value: Any) -> bytes:
    # OPT_NON_STR_KEYS: TinyDB may hand int doc ids before it converts them back. A document may be
    # a record (see AtomicJSONStorage.keep_as_records): it is written as its as_document().
    return orjson.dumps(value, default=_as_document,
                        option=orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS)


def _as_document(value: Any) -> Any:
    make = getattr(value, "as_document", None)  # a record (store.models.Record): no import of models here
    if make is None:
        raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")
    return make()


def as_document(doc: Any) -> Any:
    """A stored document as a dict (a record kept in its place gives its ``to_dict()``)."""
    return doc if doc is None or type(doc) is dict else _as_document(doc)


class _Unparsed:
    """A table still in its on-disk bytes (checksum verified); ``parsed`` once someone parsed it."""

    __slots__ = ("raw", "crc", "parsed", "start")

    def __init__(self, raw: Fragment, crc: int, start: int = -1) -> None:
        self.raw = raw
        self.crc = crc
        self.parsed: dict[str, Any] | None = None
        #: Where these bytes are in the plain data file as it is now (-1: not known, or not plain).
        self.start = start


class LazyTables(dict[str, Any]):
    """``{table name: {doc id: doc}}`` whose tables are parsed on first access.

    Only the lookups TinyDB and the repositories use are lazy (``[]``, ``get``, ``items``,
    ``values``); ``dict.items(self)`` gives the raw entries. A :meth:`snapshot` shares the unparsed
    tables: whichever parses one first parses it for both.
    """

    path: Path = Path()
    #: Where a parsed table's bytes are remembered (so an unchanged table is never re-serialised).
    fragment_cache: FragmentCache | None = None

    @classmethod
    def of(cls, entries: Mapping[str, Any], path: Path, cache: FragmentCache | None) -> LazyTables:
        out = cls()
        out.path = path
        out.fragment_cache = cache
        for name, value in (dict.items(entries) if isinstance(entries, dict) else entries.items()):
            if type(value) is _Unparsed and value.parsed is not None:
                value = value.parsed
            dict.__setitem__(out, name, value)
        return out

    def snapshot(self) -> LazyTables:
        """A shallow copy (what TinyDB may change before it writes)."""
        return LazyTables.of(self, self.path, self.fragment_cache)

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        if type(value) is _Unparsed:
            parsed = value.parsed if value.parsed is not None else self._parse(key, value)
            dict.__setitem__(self, key, parsed)
            return parsed
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

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    def raw_value(self, key: str) -> Any:
        return dict.__getitem__(self, key)

    def unparsed_bytes(self, key: str) -> Fragment | None:
        """The on-disk bytes of a table not parsed yet (None if parsed or absent)."""
        value = dict.get(self, key)
        return value.raw if type(value) is _Unparsed and value.parsed is None else None

    def unparsed(self) -> list[str]:
        return [k for k, v in dict.items(self) if type(v) is _Unparsed and v.parsed is None]

    def parse_in_slices(self, key: str, size: int = 250,
                        build: Callable[[dict[str, Any]], Any] | None = None) -> Iterator[None]:
        """Parse table ``key`` ``size`` records at a time, yielding between slices (the app's warm-up
        runs one per step: a key waits for one slice, not for the ~0.1 s 10,000 applications take in
        one go). Records are cut where one ends and the next begins (``},"<doc id>":{``: outside a
        string a quote can't follow a comma unescaped, so that is never inside a text); a cut inside a
        record (an object keyed by digits) leaves unbalanced braces and fails to parse, and the rest is
        then left to a plain read, as is a table parsed or written meanwhile. The result is what
        :meth:`_parse` makes, checks included.

        ``build`` (a trusted file's record class's builder): each slice's documents are made into
        records as they are parsed, and the table holds the records in their place (see
        :meth:`AtomicJSONStorage.keep_as_records`): no dict is kept for more than a slice of records,
        so memory never holds a whole table of them beside its records."""
        found = dict.get(self, key)
        if not isinstance(found, _Unparsed) or found.parsed is not None:
            return
        value: _Unparsed = found
        raw = value.raw
        table: dict[str, Any] = {}
        start, count = 1, 0  # just past the table's "{"
        for cut in _RECORD_CUT.finditer(raw):
            count += 1
            if count < size:
                continue
            if not _parse_slice(raw[start:cut.start() + 1], table, build):
                return
            start, count = cut.start() + 2, 0
            yield
            if dict.get(self, key) is not value or value.parsed is not None:
                return  # written or parsed meanwhile: nothing here is needed any more
        if raw[-1:] != b"}" or not _parse_slice(raw[start:len(raw) - 1], table, build):
            return
        if build is None and not all(isinstance(d, dict) for d in table.values()):
            return  # the plain read says what is wrong
        self._adopt(key, value, table)

    def _parse(self, key: str, value: _Unparsed) -> dict[str, Any]:
        # A slice of records at a time: orjson copies its input and builds its own tree of the whole
        # text before making objects, so one parse of 10,000 applications (10 MB) peaks ~23 MB above
        # its result; slices of 250 records peak a few hundred KB above it, and take no longer.
        for _ in self.parse_in_slices(key):
            pass
        if value.parsed is not None:
            return value.parsed
        try:
            with paused_gc():
                table = orjson.loads(value.raw)
        except orjson.JSONDecodeError as exc:  # checksum matched, so this is not expected
            raise CorruptDataError(self.path, f"table {key!r} is not valid JSON ({exc})") from None
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptDataError(self.path, f"table {key!r} is not an object of records")
        self._adopt(key, value, table)
        return table

    def _adopt(self, key: str, value: _Unparsed, table: dict[str, Any]) -> None:
        """``table`` is what ``value``'s bytes hold: kept, with those bytes for a save that finds it unchanged."""
        value.parsed = table
        cache = self.fragment_cache
        if cache is not None:
            if value.start >= 0:  # the bytes are in the file: memory keeps the records only
                cache[key] = (table, OnDisk(value.start, len(value.raw)), value.crc)
                value.raw = b""
            else:
                cache[key] = (table, value.raw, value.crc)


#: Where one record of a table ends and the next begins (see :meth:`LazyTables.parse_in_slices`).
_RECORD_CUT = re.compile(rb'\},"\d+":\{')


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Building thousands of small objects (a table parsed, its records made) sets off many useless
    collections: pause the collector (it halves the time to load 10,000 applications), then freeze
    what was made. It lives as long as the session: out of the collector's sight, later collections
    don't walk tens of thousands of records each time."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _parse_slice(part: Fragment, into: dict[str, Any], build: Callable[[dict[str, Any]], Any] | None = None) -> bool:
    """Parse ``"1":{…},"2":{…}`` (records cut from a table) into ``into`` (each document made a record
    by ``build`` when given); False when it is not that."""
    try:
        with paused_gc():
            got = orjson.loads(b"".join((b"{", part, b"}")))
            if not isinstance(got, dict):
                return False
            if build is not None:
                if not all(type(d) is dict for d in got.values()):
                    return False  # the plain read says what is wrong
                got = {k: build(d) for k, d in got.items()}
    except orjson.JSONDecodeError:
        return False
    into.update(got)
    return True


def _index_of(meta_json: bytes | memoryview, path: Path) -> tuple[LazyTables, list[tuple[str, int, int, bytes]]] | None:
    """The first line's ``meta`` table (its index field taken out) in a new :class:`LazyTables`, and
    the index's entries in file order as (name, checksum, length, the bytes just before the table:
    newline, comma, name, colon). None if the line is not an index of our format or an entry is
    malformed (a name twice, ``meta`` again, a length that is not a count)."""
    try:
        meta = orjson.loads(meta_json)
    except orjson.JSONDecodeError:
        return None
    doc = _index_doc(meta)
    index = doc.pop(INDEX_FIELD, None) if doc is not None else None
    if not _is_index(index, FORMAT):
        return None
    out = LazyTables()
    out.path = path
    dict.__setitem__(out, INDEX_TABLE, meta)
    entries: list[tuple[str, int, int, bytes]] = []
    seen = {INDEX_TABLE}
    for entry in index["tables"]:
        try:
            name, crc, length = entry
            prefix = b"\n," + _dumps(name) + b":"
        except (TypeError, ValueError, orjson.JSONEncodeError):
            return None
        if not isinstance(name, str) or name in seen or not isinstance(length, int) or length < 0:
            return None
        seen.add(name)
        entries.append((name, crc, length, prefix))
    return out, entries


def split_tables(raw: bytes, path: Path, *, on_disk: bool = False) -> tuple[LazyTables, Signature] | None:
    """Read our one-table-per-line layout, verifying every checksum: (tables, signature). None if
    the file is not in that layout or anything does not match (the caller then parses it whole).

    Tables stay zero-copy views of ``raw`` until they are parsed; the ``meta`` table on the first
    line is parsed at once (it holds the index), without its index field. ``on_disk``: ``raw`` is
    the plain data file as it is on disk; each table gets its own copy of its bytes and knows where
    they are in the file (a parsed table then lets go of them: see :class:`OnDisk`)."""
    if not raw.startswith(_HEAD):
        return None
    head_end = raw.find(b"\n")
    if head_end < 0:
        return None
    view = memoryview(raw)
    found = _index_of(view[len(_HEAD):head_end], path)
    if found is None:
        return None
    out, entries = found
    pos = head_end + 1
    for name, crc, length, prefix in entries:
        if not raw.startswith(prefix, pos - 1):
            return None
        start = pos - 1 + len(prefix)
        stop = start + length
        if raw[stop:stop + 1] != b"\n":
            return None
        frag = view[start:stop]
        if zlib.crc32(frag) != crc:
            return None
        dict.__setitem__(out, name, _Unparsed(bytes(frag), crc, start) if on_disk else _Unparsed(frag, crc))
        pos = stop + 1
    if raw[pos - 1:] != b"\n}\n":
        return None
    return out, ("layout", len(raw), zlib.crc32(view[:head_end]))


#: The longest first line :func:`read_tables` reads (the index); a longer one means the file is read whole.
HEAD_MOST = 1 << 20


def _pread_exact(fd: int, length: int, offset: int) -> bytes | None:
    """``length`` bytes at ``offset`` (the interpreter let go while the kernel copies), or None if the
    file ends sooner."""
    got = os.pread(fd, length, offset)
    while len(got) < length:
        more = os.pread(fd, length - len(got), offset + len(got))
        if not more:
            return None
        got += more
    return got


def read_tables(fd: int, size: int, path: Path) -> tuple[LazyTables, Signature, list[bytes]] | None:
    """:func:`split_tables` with ``on_disk``, reading the plain data file through ``fd`` a table at a
    time instead of whole: the first line (the index), then each table's bytes with ``os.pread`` (the
    tables' own copies, made by the kernel with the interpreter let go, not copied out of a whole
    file's bytes while holding it), each checksum verified. Also the pieces that join to the file (see
    :func:`_pieces`). None if the file is not in our layout or anything does not match (the caller
    then reads it whole, as before). The same tables, signature and pieces as the whole-file path."""
    head = b""
    while True:  # the first line, in growing reads
        if len(head) >= min(size, HEAD_MOST):
            return None
        chunk = os.pread(fd, min(max(4096, len(head)), size - len(head)), len(head))
        if not chunk:
            return None
        at = chunk.find(b"\n")
        if at >= 0:
            head += chunk[:at]
            break
        head += chunk
    if not head.startswith(_HEAD):
        return None
    found = _index_of(memoryview(head)[len(_HEAD):], path)
    if found is None:
        return None
    out, entries = found
    pieces: list[bytes] = [head]
    pos = len(head) + 1
    for name, crc, length, prefix in entries:
        if pos - 1 + len(prefix) + length >= size:
            return None
        if _pread_exact(fd, len(prefix), pos - 1) != prefix:
            return None
        start = pos - 1 + len(prefix)
        stop = start + length
        table = _pread_exact(fd, length, start)
        if table is None or zlib.crc32(table) != crc or _pread_exact(fd, 1, stop) != b"\n":
            return None
        pieces[-1] += prefix
        pieces += [table, b""]
        dict.__setitem__(out, name, _Unparsed(table, crc, start))
        pos = stop + 1
    if size - (pos - 1) != 3 or _pread_exact(fd, 3, pos - 1) != b"\n}\n":
        return None
    pieces[-1] += b"\n}\n"
    return out, ("layout", size, zlib.crc32(head)), pieces


def _pieces(raw: bytes, tables: LazyTables) -> list[bytes]:
    """``raw`` as the pieces that join to it, the tables' own bytes objects among them (see
    :func:`split_tables` ``on_disk``)."""
    out: list[bytes] = []
    pos = 0
    found = [v for v in dict.values(tables) if type(v) is _Unparsed and v.start >= 0]
    for value in sorted(found, key=lambda v: v.start):
        out.append(raw[pos:value.start])
        out.append(bytes(value.raw))  # its own bytes already: no copy
        pos = value.start + len(value.raw)
    out.append(raw[pos:])
    return out


def signature(raw: bytes, path: Path) -> Signature:
    """A short stand-in for a file's whole content: for our layout, the first line's checksum (it
    holds every other table's) once every table is verified; otherwise the whole file's CRC-32."""
    split = split_tables(raw, path)
    if split is not None:
        return split[1]
    return ("whole", len(raw), zlib.crc32(raw))


#: Tables smaller than this are re-serialised whole when they change (it costs less than keeping them
#: record by record).
RECORDS_FROM = 256


def _record_bytes(key: str, doc: Any) -> bytes:
    """``"key":{…}``: one record as it appears inside its table's JSON."""
    return _dumps({key: doc})[1:-1]


class _Records:
    """One table's bytes record by record, for the table object ``table``: ``parts`` in the table's
    order (``b""`` where a record was removed), ``index`` from document key to its part. A change to a
    few records re-serialises those records only; the table's bytes are the parts joined, exactly
    what ``orjson.dumps(table)`` gives (the tests compare them)."""

    __slots__ = ("table", "parts", "index", "holes")

    def __init__(self, table: dict[str, Any]) -> None:
        self.table = table
        self.parts: list[Fragment] = [_record_bytes(k, d) for k, d in table.items()]
        self.index = {k: i for i, k in enumerate(table)}
        self.holes = 0

    @classmethod
    def cut(cls, table: dict[str, Any], raw: bytes) -> _Records | None:
        """``table``'s records from ``raw``, the bytes it was read from or written as, cut where one
        record ends and the next begins (see :meth:`LazyTables.parse_in_slices`) instead of serialised
        again; None when the pieces don't line up with the table's keys (a cut inside a record)."""
        if len(raw) < 2 or raw[:1] != b"{" or raw[-1:] != b"}":
            return None
        parts: list[Fragment] = []
        view = memoryview(raw)  # the records share the one buffer (no second copy of the table)
        start = 1
        for found in _RECORD_CUT.finditer(raw):
            parts.append(view[start:found.start() + 1])
            start = found.start() + 2
        parts.append(view[start:len(raw) - 1])
        if len(parts) != len(table):
            return None
        for part, key in zip(parts, table, strict=True):
            prefix = _dumps(key) + b":"
            if part[:len(prefix)] != prefix:
                return None
        out = cls.__new__(cls)
        out.table = table
        out.parts = parts
        out.index = {k: i for i, k in enumerate(table)}
        out.holes = 0
        return out

    def follow(self, old: dict[str, Any], new: dict[str, Any], keys: Sequence[str]) -> bool:
        """Take ``new`` (``old`` with only the records of ``keys`` replaced, added or removed) as the
        table, re-serialising only those. False (this object is then unusable) when ``new`` is not
        laid out as that would give: a record moved, or the counts disagree."""
        added = [k for k in dict.fromkeys(keys) if k not in old and k in new]
        if added:
            tail = list(islice(reversed(new), len(added)))[::-1]
            if set(tail) != set(added):
                return False
            added = tail  # the order the table holds them in
        for key in dict.fromkeys(keys):
            if key in old and key in new:
                self.parts[self.index[key]] = _record_bytes(key, new[key])
            elif key in old:
                self.parts[self.index.pop(key)] = b""
                self.holes += 1
        for key in added:
            self.index[key] = len(self.parts)
            self.parts.append(_record_bytes(key, new[key]))
        self.table = new
        return len(self.index) == len(new)

    def joined(self) -> bytes:
        if self.holes > 64 and self.holes * 8 > len(self.parts):
            self.parts = [p for p in self.parts if p]
            self.index = {k: i for i, k in enumerate(self.table)}
            self.holes = 0
        parts = self.parts if not self.holes else [p for p in self.parts if p]
        if not parts:
            return b"{}"
        # one copy of the table's megabytes, not two: the braces go onto the first and last record
        if len(parts) == 1:
            return b"".join([b"{", parts[0], b"}"])
        return b",".join([b"{" + parts[0], *islice(parts, 1, len(parts) - 1), b"".join((parts[-1], b"}"))])


def serialize(data: Mapping[str, Any], cache: FragmentCache | None = None) -> bytes:
    """The whole database in our layout (see :func:`serialize_signed`)."""
    return serialize_signed(data, cache)[0]


def serialize_signed(data: Mapping[str, Any], cache: FragmentCache | None = None) -> tuple[bytes, Signature]:
    """The whole database in our layout (one buffer), and its signature (see :func:`serialize_parts`)."""
    parts, sig = serialize_parts(data, cache)
    return _join(parts), sig


def _join(parts: Sequence[Piece]) -> bytes:
    """The pieces joined: bytes only (what :func:`serialize_parts` gives without ``on_disk``)."""
    held = [p for p in parts if not isinstance(p, OnDisk)]
    if len(held) != len(parts):
        raise ValueError("a table's bytes are in the data file only")
    return b"".join(held)


def serialize_parts(data: Mapping[str, Any], cache: FragmentCache | None = None,
                    records: Mapping[str, _Records] | None = None, *, on_disk: bool = False,
                    layout: dict[str, int] | None = None) -> tuple[list[Piece], Signature]:
    """The whole database in our layout, as the pieces it is written from, and its signature.
    ``cache`` holds (table object, bytes, crc) per table: a table whose object is unchanged since it
    was parsed or last written is not re-serialised (TinyDB replaces a table's dict on every change,
    and repositories never edit one in place). Raises ``TypeError`` for a value JSON can't hold,
    before anything is written. ``records``: tables kept record by record (:class:`_Records`), joined
    instead of re-serialised when they are the very table objects in ``data``.

    ``on_disk``: a table whose bytes are left in the data file (:class:`OnDisk`) is written from
    there (the caller copies the range from the file it checked); without it such a table is
    serialised again (and not cached: memory stays without its bytes). ``layout`` (filled in): per
    table, the index in the pieces of its bytes.

    The index goes into the ``meta`` table's one document; data without such a table (a plain
    TinyDB database) is written one table per line without an index."""
    raw_get = data.raw_value if isinstance(data, LazyTables) else data.__getitem__
    meta = raw_get(INDEX_TABLE) if INDEX_TABLE in data else None
    if type(meta) is _Unparsed:
        meta = data[INDEX_TABLE]
    doc = _index_doc(meta)
    indexed = doc is not None and INDEX_FIELD not in doc
    entries = []
    frags: list[Piece] = []
    use_disk = on_disk and indexed
    for name in list(data.keys()):
        if indexed and name == INDEX_TABLE:
            continue
        value = raw_get(name)
        if type(value) is _Unparsed and value.parsed is not None:
            value = value.parsed  # parsed through another snapshot: its bytes may be on disk only
        frag: Piece
        if type(value) is _Unparsed:
            frag, crc = value.raw, value.crc
        else:
            hit = cache.get(name) if cache is not None else None
            kept = records.get(name) if records is not None else None
            if hit is not None and hit[0] is value and (use_disk or not isinstance(hit[1], OnDisk)):
                frag, crc = hit[1], hit[2]
            elif hit is not None and hit[0] is value:
                frag = _dumps(value)  # only the file has its bytes, and this is not a save of it
                crc = zlib.crc32(frag)
            else:
                frag = kept.joined() if kept is not None and kept.table is value else _dumps(value)
                crc = zlib.crc32(frag)
                if cache is not None:
                    cache[name] = (value, frag, crc)
        entries.append([name, crc, len(frag)])
        frags += [b"\n,", _dumps(name), b":", frag]
        if layout is not None:
            layout[name] = len(frags)  # its index in ``parts`` below (after the head)
    if not indexed:
        if frags:
            frags[0] = b"{"
        payload = _join([*(frags or [b"{"]), b"\n}\n"])
        return [payload], ("whole", len(payload), zlib.crc32(payload))
    assert doc is not None and isinstance(meta, dict)
    ((doc_key, _),) = meta.items()
    if cache is not None:
        hit = cache.get(INDEX_TABLE)
        if hit is None or hit[0] is not meta:
            plain = _dumps(meta)
            cache[INDEX_TABLE] = (meta, plain, zlib.crc32(plain))
    head = b"".join([_HEAD, _dumps({doc_key: {**doc, INDEX_FIELD: {"format": FORMAT, "tables": entries}}})])
    parts = [head, *frags, b"\n}\n"]
    return parts, ("layout", sum(len(p) for p in parts), zlib.crc32(head))


_UTF8 = {"utf-8", "utf8", "utf_8", "utf-8-sig"}
_JSON_OPTIONS_WE_KEEP = {"ensure_ascii": False}  # what orjson writes anyway


class AtomicJSONStorage(Storage):
    """A TinyDB ``Storage`` with atomic, durable, batched writes (see the module docstring).

    It takes ``JSONStorage``'s arguments and honours them or refuses them out loud:
    ``access_mode='r'`` (or ``'rb'``) opens read-only and needs the file to exist; ``'r+'``/``'rb+'``
    read and write; another mode warns as ``JSONStorage`` does (saves always replace the whole file,
    so it changes nothing else). ``create_dirs=True`` creates a missing folder (0700); without it a
    missing folder raises ``FileNotFoundError`` at once. ``encoding`` can only be UTF-8. Of
    ``json.dumps``' options only ``ensure_ascii=False`` is accepted (that is what is written); the
    layout is fixed, so ``indent``, ``sort_keys`` and the rest raise ``TypeError``. Unlike
    ``JSONStorage`` it creates no empty file at open: the file appears, whole, with the first save.
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False, *, access_mode: str = "r+",
                 create_dirs: bool = False, encoding: str | None = None, keyring: Keyring | None = None,
                 encrypted: bool | None = None, **json_options: Any) -> None:
        super().__init__()
        self.path = Path(path)
        #: The file is age-encrypted (fixed for the storage's life: it never writes plaintext there).
        self.encrypted = keyring is not None if encrypted is None else encrypted
        #: The keys while unlocked (None: locked; nothing can be read or written).
        self.keyring = keyring
        unknown = {k: v for k, v in json_options.items() if _JSON_OPTIONS_WE_KEEP.get(k, object()) != v}
        if unknown:
            raise TypeError(f"AtomicJSONStorage writes its own JSON layout; it does not take "
                            f"{', '.join(f'{k}={v!r}' for k, v in unknown.items())}")
        if encoding is not None and encoding.lower() not in _UTF8:
            raise ValueError(f"Rebound's data file is always UTF-8, not {encoding!r}")
        if access_mode not in ("r", "rb", "r+", "rb+"):
            warnings.warn("Using an `access_mode` other than 'r', 'rb', 'r+' or 'rb+' can cause data loss "
                          "or corruption", stacklevel=2)
        self._refusal: type[ReadOnlyError] = ReadOnlyError
        if access_mode in ("r", "rb"):
            read_only = True
            self._refusal = ReadOnlyFileError
            if not self.path.exists():
                raise FileNotFoundError(errno.ENOENT, "No such file", str(self.path))
        folder = self.path.parent
        # A read-only store on a missing folder is an empty database (`rebound-tui today` on a new
        # machine); one that may write needs the folder, made here only when asked.
        if not folder.is_dir() and not read_only:
            if not create_dirs:
                raise FileNotFoundError(errno.ENOENT, "No such folder", str(folder))
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.read_only = read_only
        self._data: LazyTables | None = None
        self._fingerprint: Fingerprint = None
        self._signature: Signature | None = None
        self._batch_depth = 0
        self._batch_snapshot: LazyTables | None = None
        self._batch_dirty = False
        #: Inside :meth:`deferred`: checked writes stay in memory for the caller's :meth:`flush`.
        self._defer_depth = 0
        #: A write inside the current batch whose values were not checked as it was made.
        self._unchecked = False
        self._fragments: FragmentCache = {}
        #: Big tables that changed, record by record (see :class:`_Records`).
        self._records: dict[str, _Records] = {}
        self._gone_note = ""  # said once the file is written again (see _check_disk)
        #: True when the file was in our checksummed layout: records need no type coercion.
        self.trusted = False
        #: True when memory holds changes that are not on disk yet (a failed or pending save).
        self.dirty = False
        #: True from a save that failed until the next one that succeeds (a change only deferred, to be
        #: saved right after its frame, is dirty without it).
        self.save_failed = False
        #: Number of successful saves (tests and the benchmark read it).
        self.saves = 0
        #: What the person should be told about the file (it vanished and was written again, …);
        #: the app shows and clears these after each write.
        self.warnings: list[str] = []
        #: Called after the data folder was created again (it was moved or deleted while open), before
        #: the file is written there: the store takes its writer lock again in the new folder.
        self.on_folder_recreated: Callable[[], None] | None = None
        #: The file's bytes as the last :meth:`load` read them (encrypted ones as they are on disk),
        #: for the day's backup; whoever takes them sets this back to None. A plain file in our layout
        #: is kept as its pieces, sharing each table's bytes with the unparsed table.
        self.loaded_raw: bytes | list[bytes] | None = None

    # -- loading

    def load(self) -> LazyTables:
        """Read the file from disk (or start empty if it does not exist, or is 0 bytes long)."""
        self.save_failed = False  # what memory held is replaced by the file
        self._fragments = {}
        self._records = {}
        keyring = self._key()
        on_disk = keyring is None and hasattr(os, "pread")  # (no pread on Windows: the bytes stay in memory)
        tables: tuple[LazyTables, Signature, list[bytes]] | None = None
        try:
            with open(self.path, "rb") as fh:
                raw = b""
                if on_disk:  # our own layout is read a table at a time (read_tables)
                    before = os.fstat(fh.fileno())
                    tables = read_tables(fh.fileno(), before.st_size, self.path)
                st = os.fstat(fh.fileno())  # the file we read, even if another replaces it now
                if tables is not None and (st.st_size, st.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
                    tables = None  # changed in place while it was read: read whole, as before
                if tables is None:
                    raw = fh.read()
                    st = os.fstat(fh.fileno())
        except FileNotFoundError:  # nothing read, so nothing to check: trusted
            self._loaded(LazyTables.of({}, self.path, self._fragments), None, None, trusted=True)
            return self._require()
        fp = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if tables is not None:
            data, sig, self.loaded_raw = tables
            self._adopt_split(data)
            self._loaded(data, fp, sig, trusted=True)
            return self._require()
        self.loaded_raw = raw
        sealed: Signature | None = None
        if keyring is not None:
            sealed = sealed_signature(raw)
            try:
                raw = keyring.open(raw)
            except CryptoError as exc:
                raise CorruptDataError(self.path, str(exc)) from None
        split = split_tables(raw, self.path, on_disk=on_disk)
        if split is not None:
            data, sig = split
            sig = sealed or sig
            if on_disk:  # the tables hold copies of their bytes: the whole file need not stay
                self.loaded_raw = _pieces(raw, data)
            self._adopt_split(data)
            self._loaded(data, fp, sig, trusted=True)
        else:
            # A 0-byte file is what ``TinyDB(path)`` leaves: an empty database, as TinyDB reads it.
            parsed = parse_database(raw, self.path) if raw else {}
            self._loaded(LazyTables.of(parsed, self.path, self._fragments), fp,
                         sealed or ("whole", len(raw), zlib.crc32(raw)), trusted=not raw)
        return self._require()

    def _adopt_split(self, data: LazyTables) -> None:
        """Tables read in our layout: parsed into the fragment cache as they are asked for."""
        data.fragment_cache = self._fragments
        meta = dict.__getitem__(data, INDEX_TABLE)
        plain = _dumps(meta)
        self._fragments[INDEX_TABLE] = (meta, plain, zlib.crc32(plain))

    def _key(self) -> Keyring | None:
        """The keyring when encrypted, None when not; :class:`LockedError` when encrypted and locked."""
        if not self.encrypted:
            return None
        if self.keyring is None:
            raise LockedError("The data is locked; unlock it with your passphrase.")
        return self.keyring

    def seal(self, plain: bytes) -> bytes:
        """``plain`` as this storage writes it: encrypted in an encrypted folder, as it is otherwise."""
        keyring = self._key()
        return plain if keyring is None else keyring.seal(plain)

    def unseal(self, raw: bytes) -> bytes:
        """The reverse of :meth:`seal`. Raises :class:`CryptoError` for a file it can't open."""
        keyring = self._key()
        return raw if keyring is None else keyring.open(raw)

    def lock(self) -> None:
        """Drop the keys and everything decrypted (unsaved changes too: flush first). Until
        :meth:`unlock`, nothing is read or written."""
        self.forget()
        self._fragments = {}
        self._records = {}
        self._batch_snapshot = None
        self.keyring = None

    def unlock(self, keyring: Keyring) -> None:
        """Take the keys again; the next read loads and decrypts the file."""
        self.keyring = keyring

    def retarget(self, path: Path, keyring: Keyring | None) -> None:
        """Point at the folder's data file after it was encrypted or decrypted in place (the old file
        is gone; memory, already saved, is kept), and take what is on disk now as the file we know."""
        self.path = Path(path)
        self.encrypted = keyring is not None
        self.keyring = keyring
        self._not_on_disk()
        self._fingerprint = fingerprint(self.path)
        try:
            raw = self.path.read_bytes()
        except OSError:
            self._signature = None
        else:
            self._signature = self._disk_signature(raw)

    def _disk_signature(self, raw: bytes) -> Signature:
        return sealed_signature(raw) if self.encrypted else signature(raw, self.path)
    def _loaded(self, data: LazyTables, fp: Fingerprint, sig: Signature | None, *, trusted: bool) -> None:
        self._data = data
        self._fingerprint = fp
        self._signature = sig
        self.trusted = trusted
        self.dirty = False
        self._gone_note = ""

    def _require(self) -> LazyTables:
        if self._data is None:
            return self.load()
        return self._data

    def data(self) -> LazyTables:
        """The tables in memory, for the repositories (the live object: never change it in place)."""
        return self._require()

    def read(self) -> dict[str, dict[str, Any]] | None:
        """What TinyDB reads: a shallow copy of memory, which TinyDB may change before it writes."""
        return self._require().snapshot()

    @property
    def in_memory(self) -> bool:
        """True while the tables are held in memory (False after :meth:`forget` or :meth:`lock`)."""
        return self._data is not None

    def forget(self) -> None:
        """Drop memory, unsaved changes included; the next read loads the file again."""
        self._data = None
        self.dirty = False

    def replace_data(self, data: Mapping[str, dict[str, Any]], *, dirty: bool) -> None:
        """Put ``data`` in memory in place of what was loaded (a migration's result), saved with the
        next flush when ``dirty``. Nothing is written here."""
        self._data = LazyTables.of(data, self.path, self._fragments)
        self.dirty = dirty

    # -- writing

    def _refused(self) -> ReadOnlyError:
        if self._refusal is ReadOnlyFileError:
            return ReadOnlyFileError('Cannot write to the database. Access mode is "r"')
        return ReadOnlyError("This session is read-only; nothing was changed.")

    def write(self, data: Mapping[str, dict[str, Any]], *, hold: bool = False) -> None:
        """Replace the database with ``data`` and save it (or, in a batch, at the batch's end).

        Refused (read-only) or unserialisable (``TypeError``): nothing changes, in memory or on disk.
        Another program changed the file (:class:`ExternalChangeError`) or the save failed
        (:class:`SaveError`): the change is kept in memory (``dirty``) for a later save.

        ``hold`` (values already checked, see :meth:`deferred`): memory only, saved by a later flush."""
        if self.read_only:
            raise self._refused()
        self._require()  # a write with no read before it: learn what is on disk first
        new = LazyTables.of(data, self.path, self._fragments)
        if self._batch_depth or hold:
            self._unchecked = self._unchecked or not hold
            self._data = new
            self.dirty = True
            return
        layout: dict[str, int] = {}
        payload, sig = serialize_parts(new, self._fragments, self._records, on_disk=not self.encrypted,
                                       layout=layout)
        self._data = new
        self.dirty = True
        self._persist(payload, sig, layout)

    def update_table(self, name: str, updater: Callable[[dict[str, Any]], None],
                     keys: Sequence[str] | None = None) -> None:
        """Change one table and save (or, in a batch, at the batch's end), as :meth:`write` does with
        the whole database: ``updater`` changes a copy of the table (memory is never changed in
        place), which then replaces it. What TinyDB's ``Table._update_table`` does, without its two
        whole-table conversions of every document id (ours stay strings).

        ``keys``: the only document keys ``updater`` may replace, add or remove (None: any). Then a
        big table is kept record by record, and its save re-serialises just those records."""
        if self.read_only:
            raise self._refused()
        data = self._require()
        old = data.get(name)
        table: dict[str, Any] = dict(old) if old is not None else {}
        updater(table)
        hold = bool(self._defer_depth) and keys is not None
        if hold:
            assert keys is not None
            for key in keys:  # what a save would serialise of this change, checked now (TypeError)
                if key in table:
                    _record_bytes(key, table[key])
        self._follow(name, old, table, keys, build=not hold)
        new = data.snapshot()
        dict.__setitem__(new, name, table)
        self.write(new, hold=hold)

    def _follow(self, name: str, old: dict[str, Any] | None, table: dict[str, Any], keys: Sequence[str] | None,
                *, build: bool = True) -> None:
        """Keep ``name``'s record-by-record bytes in step with ``table`` (or drop them when that is
        not known cheaply: they are rebuilt at the next change; ``build=False``: not even then, the
        save serialises the table whole). Raises ``TypeError`` for a record JSON can't hold, having
        dropped them."""
        kept = self._records.pop(name, None)
        if keys is None or old is None or len(table) < RECORDS_FROM:
            return
        if kept is None or kept.table is not old:
            if not build:
                return
            hit = self._fragments.get(name)
            kept = (self._records_from_bytes(hit[0], hit[1], old) if hit is not None else None) or _Records(old)
        if kept.follow(old, table, keys):
            self._records[name] = kept

    def flush(self, force: bool = False) -> None:
        """Persist memory to disk now, if there is anything to persist."""
        if not self.dirty and not force:
            return
        if self.read_only:
            raise self._refused()
        if self._data is None:
            return
        self._keep_by_record(self._data)
        layout: dict[str, int] = {}
        payload, sig = serialize_parts(self._data, self._fragments, self._records, on_disk=not self.encrypted,
                                       layout=layout)
        self._persist(payload, sig, layout)

    def _keep_by_record(self, data: LazyTables) -> None:
        """Big tables changed by held writes (:meth:`deferred`: nothing was built on the key's path) are
        kept record by record from this save on, so the next one re-serialises only what it changed
        (a card moved at 10,000 applications: the whole table, ~50 ms a save, then ~10 ms)."""
        for name in list(data.keys()):
            value = data.raw_value(name)
            if type(value) is not dict or len(value) < RECORDS_FROM or name in self._records:
                continue
            hit = self._fragments.get(name)
            if hit is None or hit[0] is not value:
                try:
                    self._records[name] = (self._records_from_bytes(hit[0], hit[1], value) if hit is not None
                                           else None) or _Records(value)
                except TypeError:  # a value JSON can't hold: serialize_parts says so
                    return

    def _records_from_bytes(self, base: Any, piece: Piece, table: dict[str, Any]) -> _Records | None:
        """``table`` record by record, from the bytes of ``base`` (the table as last read or written,
        ``piece``) cut into records, with only the records that differ from it serialised: no whole
        table serialised again (its records may be records kept in their documents' place, each a
        to_dict). None when that can't be done."""
        if type(base) is not dict or len(base) < RECORDS_FROM:
            return None
        if isinstance(piece, OnDisk):
            if self.encrypted:
                return None
            fd = self._open_source()
            if fd is None:
                return None
            try:
                raw = os.pread(fd, piece.length, piece.start)
            except OSError:
                return None
            finally:
                os.close(fd)
            if len(raw) != piece.length:
                return None
        else:
            raw = bytes(piece)
        kept = _Records.cut(base, raw)
        if kept is None:
            return None
        changed = [k for k, doc in table.items() if base.get(k) is not doc]
        changed += [k for k in base if k not in table]
        return kept if kept.follow(base, table, changed) else None

    def payload(self) -> bytes:
        """Everything in memory as the bytes a save would write (for an emergency copy): encrypted
        when the folder is."""
        return self.seal(serialize(self._require(), self._fragments))

    def target(self) -> Path:
        """The file a save replaces: the data file, or the file it links to (in its own folder)."""
        try:
            if self.path.is_symlink():
                return Path(os.path.realpath(self.path))
        except OSError:
            pass
        return self.path

    def _persist(self, parts: list[Piece], sig: Signature, layout: dict[str, int] | None = None) -> None:
        payload: bytes | list[Piece] = parts
        if self.encrypted:
            payload = self.seal(_join(parts))  # never OnDisk pieces when encrypted
            sig = sealed_signature(payload)
        source: int | None = None
        try:
            self._check_disk(first=True)
            if any(isinstance(p, OnDisk) for p in parts):
                source = self._open_source()
                if source is None:  # the file is not the one those ranges are in: serialise them
                    layout = {}
                    parts, sig = serialize_parts(self._require(), self._fragments, self._records, layout=layout)
                    payload = parts
            atomic_write_bytes(self.target(), payload, check=self._check_disk, strict=True, source=source)
        except DirSyncError as exc:
            self._written(sig)  # the file is ours now; only its durability is in doubt (still dirty)
            if layout and sig[0] == "layout":
                self._on_disk(parts, layout)
            self.save_failed = True
            raise SaveError(_describe_os_error(exc)) from exc
        except OSError as exc:
            self.save_failed = True
            raise SaveError(_describe_os_error(exc)) from exc
        except ExternalChangeError:
            self.save_failed = True
            raise
        finally:
            if source is not None:
                os.close(source)
        self._written(sig)
        if layout and sig[0] == "layout":
            self._on_disk(parts, layout)
        self.dirty = False
        self.save_failed = False
        self.saves += 1

    def keep_as_records(self, name: str, table: dict[str, Any], records: dict[str, Any]) -> None:
        """``records`` (document key -> the record built from that document, in the table's order) stand
        in for the documents of ``table``, the table in memory: a record and its document hold the same
        values, and keeping both doubled what every loaded record costs (10,000 applications: ~10 MB of
        dicts). A save writes a record as its ``to_dict()``, which is that document (trusted files only:
        the caller never passes a record that was read leniently). Nothing changes if ``table`` is not the
        table in memory any more. Records kept so must never be changed in place (repositories copy)."""
        data = self._data
        if data is None or len(records) != len(table):
            return
        value = data.raw_value(name) if name in data else None
        unparsed = value if type(value) is _Unparsed else None
        if unparsed is not None:
            value = unparsed.parsed
        if value is not table:
            return
        dict.__setitem__(data, name, records)
        if unparsed is not None:
            unparsed.parsed = records
        hit = self._fragments.get(name)
        if hit is not None and hit[0] is table:
            self._fragments[name] = (records, hit[1], hit[2])
        kept = self._records.get(name)
        if kept is not None and kept.table is table:
            kept.table = records

    def _not_on_disk(self) -> None:
        """The file at the path is about to be taken as ours though we did not write it: forget every
        table's place in the old one (a parsed table left there is serialised again at the next save)."""
        for name, hit in list(self._fragments.items()):
            if isinstance(hit[1], OnDisk):
                del self._fragments[name]
        if self._data is not None:
            for value in dict.values(self._data):
                if type(value) is _Unparsed:
                    value.start = -1

    def _open_source(self) -> int | None:
        """The data file opened for reading, if it is the very file this storage loaded or last wrote
        (the ranges of :class:`OnDisk` pieces are in it); None otherwise."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return None
        st = os.fstat(fd)
        if (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns) != self._fingerprint or self._fingerprint is None:
            os.close(fd)
            return None
        return fd

    def _on_disk(self, parts: Sequence[Piece], layout: dict[str, int]) -> None:
        """After a plain save: each table's bytes are in the new file at a known place. Unparsed
        tables learn where; a parsed one written from memory lets go of its bytes (:class:`OnDisk`)."""
        starts = []
        pos = 0
        for part in parts:
            starts.append(pos)
            pos += len(part)
        data = self._require()
        for name, i in layout.items():
            value = data.raw_value(name)
            if type(value) is _Unparsed and value.parsed is None:
                value.start = starts[i]
                continue
            if type(value) is _Unparsed:
                value = value.parsed
            hit = self._fragments.get(name)
            if hit is not None and hit[0] is value:  # (one already on disk has moved with the tables before it)
                self._fragments[name] = (value, OnDisk(starts[i], len(parts[i])), hit[2])

    def _written(self, sig: Signature) -> None:
        self._fingerprint = fingerprint(self.path)
        self._signature = sig
        if self._gone_note:
            self.warnings.append(self._gone_note)
            self._gone_note = ""

    # -- what is on disk

    def _disk_state(self) -> str:
        """"same" (the file we loaded or last wrote), "missing" (it was there and is gone) or
        "changed" (another program wrote it)."""
        fp = fingerprint(self.path)
        if fp == self._fingerprint:
            return "same"
        if fp is None:
            return "missing"
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return "missing"
        except OSError:
            return "changed"
        if self._signature is not None and self._disk_signature(raw) == self._signature:
            self._fingerprint = fp  # touched or copied over with the same bytes: not a change
            return "same"
        if self._fingerprint is None and not raw:
            return "same"  # an empty file appeared where there was none (``TinyDB(path)``): nothing to keep
        return "changed"

    def _check_disk(self, first: bool = False) -> None:
        """Raise :class:`ExternalChangeError` if another program changed the file; if the file or
        its folder is gone, get ready to write it again (and say so once)."""
        state = self._disk_state()
        if state == "changed":
            raise ExternalChangeError(
                f"{self.path} changed on disk since Rebound loaded it (another program or a hand edit)."
            )
        if state != "missing" or not first:
            return
        folder = self.path.parent
        if not folder.is_dir() and not self.path.is_symlink():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.on_folder_recreated is not None:
                self.on_folder_recreated()
            note = (f"The data folder {folder} was moved or deleted while Rebound was open; Rebound "
                    "created it again and saved everything it had there.")
        else:
            note = (f"The data file {self.path} was deleted or moved while Rebound was open; Rebound "
                    "wrote it again from what it had.")
        self._gone_note = self._gone_note or note  # the first (the folder's) is the one to tell

    def changed_on_disk(self) -> bool:
        return self._disk_state() == "changed"

    def missing_on_disk(self) -> bool:
        """True when the file this storage loaded or wrote is gone."""
        return self._fingerprint is not None and fingerprint(self.path) is None

    def adopt_disk_state(self, raw: bytes | None = None) -> None:
        """Take the file now on disk (whose bytes are ``raw``) as the one we know: the user chose to
        keep it as a copy and write ours. A change after this is still caught."""
        self._not_on_disk()  # that file is another's: nothing of ours is in it
        self._fingerprint = fingerprint(self.path)
        if raw is not None:
            self._signature = self._disk_signature(raw)

    def content_key(self) -> str | None:
        """A short fingerprint of everything in memory, from the tables' checksums; ``None`` when
        memory holds unsaved changes or a table's checksum is not known without serialising it.
        Equal keys mean equal data, so results derived from the data can be cached by it."""
        if self.dirty or self._data is None:
            return None
        data = self._data
        parts = []
        for name in sorted(data.keys()):
            value = data.raw_value(name)
            if type(value) is _Unparsed:
                crc = value.crc
            else:
                hit = self._fragments.get(name)
                if hit is None or hit[0] is not value:
                    return None
                crc = hit[2]
            parts.append(f"{name}:{crc}")
        return f"{zlib.crc32(';'.join(parts).encode()):08x}-{len(parts)}"

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes: one save at the end. An exception inside, or a value that can't be
        serialised, rolls memory back and saves nothing."""
        outer = self._batch_depth == 0
        if outer:
            # Writes replace the top-level object and never change it in place: keeping a reference
            # is a full snapshot.
            self._batch_snapshot = self._require()
            self._batch_dirty = self.dirty
            self._unchecked = False
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if outer:
                self._roll_back()
            raise
        self._batch_depth -= 1
        if not outer:
            return
        snapshot, dirty_before = self._batch_snapshot, self._batch_dirty
        self._batch_snapshot = None
        if self._defer_depth and not self._unchecked:
            return  # every write was checked: the caller saves right after (see deferred)
        try:
            self.flush()
        except TypeError:  # a value JSON can't hold: as if the batch never ran
            self._data = snapshot
            self.dirty = dirty_before
            raise

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Writes inside change memory at once and are saved by the caller's next :meth:`flush`
        (or by any later save): for a UI that shows a change first and saves it right after that
        frame. Each write's new records are serialised as they are written, so a value JSON can't
        hold still raises ``TypeError`` with nothing changed, and the save can fail only as any save
        can (``SaveError``, ``ExternalChangeError``), keeping the change in memory (``dirty``). A
        write whose changed records are not known (a whole-table write) is saved at once as ever."""
        self._defer_depth += 1
        try:
            yield
        finally:
            self._defer_depth -= 1

    def _roll_back(self) -> None:
        if self._batch_snapshot is not None:
            self._data = self._batch_snapshot
            self.dirty = self._batch_dirty
            self._batch_snapshot = None

    def close(self) -> None:  # TinyDB calls this on db.close(); saving is explicit
        pass


def _describe_os_error(exc: OSError) -> str:
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
    if isinstance(exc, DirSyncError):
        return (f"the folder {exc.filename} could not be synced to disk ({what}), so the last save may not "
                "survive a power cut")
    return f"{what} ({exc.filename or 'data file'})" if exc.filename else what
