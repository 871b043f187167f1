"""Opening, locking, migrating, backing up and closing the data: :class:`Store`.

``Store.open(data_dir)`` is the one way in. It makes the directory private, takes the writer lock
(or opens read-only and says who holds it), removes temp files a crash left behind, loads and
checks the file (a corrupt file raises :class:`CorruptDataError` and is never touched), migrates
older data after a backup, and takes the day's backup.

An encrypted folder (:mod:`store.crypto`) needs its keys: ``Store.open(data_dir, keyring=…)``, else
:class:`LockedError` before anything is touched. A writer first finishes (or undoes) an encrypt or
decrypt a crash interrupted (:func:`store.convert.finish_interrupted`). :meth:`Store.lock` drops the
keys and everything decrypted (the idle lock); :meth:`Store.unlock` reads the file again.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB

from . import backups, clock, logs
from .errors import CorruptDataError, ExternalChangeError, LockedError, ReadOnlyError, SaveError, StoreError
from .lock import DirLock, LockHolder
from .migrations import SCHEMA_VERSION, meta_doc, migrate, record_problems, repair, schema_version
from .models import Settings
from .paths import (
    AGE_SUFFIX,
    LOCK_FILE,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    data_file,
    ensure_private_dir,
    is_encrypted,
    tighten_files,
)
from .repo import Repo, StrIdTable
from .settings import SettingsRepo
from .storage import AtomicJSONStorage
from .undo import UndoLog

if TYPE_CHECKING:
    from .contacts import ContactRepo, TouchpointRepo
    from .crypto import Keyring
    from .journal import JournalRepo
    from .outreach import DraftRepo
    from .pipeline import ApplicationRepo
    from .plans import PlanRepo
    from .templates import TemplateRepo

#: The repositories, in the order :attr:`Store.repos` lists them. Each but the settings is made (and
#: its module imported) when first used: Today's first frame reads the settings and a remembered view,
#: none of the big tables' code (issue 16).
REPO_NAMES = ("applications", "journal", "contacts", "touchpoints", "drafts", "templates", "plans", "settings")


class _DB(TinyDB):
    table_class = StrIdTable


#: Why a data folder can't be written (a read-only medium or mount, no permission): open read-only.
_CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM}

#: A temp file younger than this may belong to a save in progress (``rebound-tui backup`` runs without
#: the lock, beside the app): start-up cleanup leaves it alone.
ORPHAN_AGE_S = 120


def remove_orphan_temps(directory: Path, min_age: float = ORPHAN_AGE_S) -> int:
    """Delete temp files a killed save left behind (only ours, by name, and only once they are old
    enough not to be another command's save in progress). Returns how many."""
    import time

    removed = 0
    now = time.time()
    for sub in (directory, directory / "backups"):
        if not sub.is_dir():
            continue
        for p in sub.iterdir():
            if p.name.startswith(TEMP_PREFIX) and p.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if now - p.stat().st_mtime < min_age:
                        continue
                    p.unlink()
                    removed += 1
    return removed


class Store:
    """The open data directory: repositories, the lock and the storage."""

    def __init__(self, data_dir: Path, storage: AtomicJSONStorage, lock: DirLock | None) -> None:
        self.data_dir = Path(data_dir)
        self.storage = storage
        self._lock = lock
        if lock is not None:
            storage.on_folder_recreated = self._retake_lock
        self.db = _DB(str(self.path), storage=lambda *_a, **_k: storage)
        #: Why this session is read-only ("" when it can write).
        self.read_only_reason = ""
        self.lock_holder: LockHolder | None = None
        #: Things the user should be told once (tightened modes, a migration, cleaned temp files).
        self.notices: list[str] = []
        #: The data file's bytes as opened, while the day's backup of them waits (:meth:`take_daily_backup`).
        self._daily_payload: bytes | list[bytes] | None = None
        self.settings = SettingsRepo(self, Settings)
        #: The last one-key verb, to put back with ``u`` (:mod:`store.undo`).
        self.undo = UndoLog(self)
        # The change signal (see :attr:`generation`): a count per table, plus an epoch that a
        # reload bumps for every table at once.
        self._generation = 0
        self._epoch = 0
        self._versions: dict[str, int] = {}
        self._batch_depth = 0
        self._pending: set[str] = set()

    # -- the repositories (made on first use; see REPO_NAMES)

    @cached_property
    def applications(self) -> ApplicationRepo:
        from .models import Application
        from .pipeline import ApplicationRepo

        return ApplicationRepo(self, Application)

    @cached_property
    def journal(self) -> JournalRepo:
        from .journal import JournalRepo
        from .models import JournalEntry

        return JournalRepo(self, JournalEntry)

    @cached_property
    def contacts(self) -> ContactRepo:
        from .contacts import ContactRepo
        from .models import Contact

        return ContactRepo(self, Contact)

    @cached_property
    def touchpoints(self) -> TouchpointRepo:
        from .contacts import TouchpointRepo
        from .models import Touchpoint

        return TouchpointRepo(self, Touchpoint)

    @cached_property
    def drafts(self) -> DraftRepo:
        from .models import Draft
        from .outreach import DraftRepo

        return DraftRepo(self, Draft)

    @cached_property
    def templates(self) -> TemplateRepo:
        from .models import Template
        from .templates import TemplateRepo

        return TemplateRepo(self, Template)

    @cached_property
    def plans(self) -> PlanRepo:
        from .models import Plan
        from .plans import PlanRepo

        return PlanRepo(self, Plan)

    @property
    def repos(self) -> list[Repo[Any]]:
        """Every repository (each made now if it was not yet)."""
        return [getattr(self, name) for name in REPO_NAMES]

    def _made_repos(self) -> list[Repo[Any]]:
        """The repositories made so far (one never made holds nothing to drop)."""
        return [self.__dict__[name] for name in REPO_NAMES if name in self.__dict__]

    @property
    def path(self) -> Path:
        """The data file: ``rebound.json``, or ``rebound.json.age`` in an encrypted folder."""
        return self.storage.path

    @property
    def encrypted(self) -> bool:
        return self.storage.encrypted

    @property
    def keyring(self) -> Keyring | None:
        """The keys of an encrypted folder while unlocked (None when plain or locked)."""
        return self.storage.keyring

    # -- opening

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str], *, read_only: bool = False,
             keyring: Keyring | None = None, defer_daily_backup: bool = False) -> Store:
        """Open the data folder (lock, tidy, load, check the schema, take the day's backup).
        ``defer_daily_backup``: keep the file's bytes as read and write the day's backup only when
        :meth:`take_daily_backup` is called (the app does it after its first frame) or at close."""
        data_dir = Path(data_dir)
        unwritable = ""
        try:
            notices = ensure_private_dir(data_dir)
        except OSError as exc:
            if exc.errno not in _CANNOT_WRITE or not data_dir.is_dir():
                raise
            notices, unwritable = [], exc.strerror or "it can't be written"
        if keyring is None and data_dir.is_dir() and is_encrypted(data_dir):
            raise LockedError(f"The data in {data_dir} is encrypted; it needs your passphrase.")
        lock: DirLock | None = None
        holder = None
        if not read_only and not unwritable:
            candidate = DirLock(data_dir / LOCK_FILE)
            try:
                if candidate.acquire():
                    lock = candidate
                else:
                    holder = candidate.holder()
            except OSError as exc:
                if exc.errno not in _CANNOT_WRITE:
                    raise
                unwritable = exc.strerror or "it can't be written"
        writer = lock is not None
        if writer:
            from .convert import finish_interrupted

            n = remove_orphan_temps(data_dir)
            if n:
                notices.append(f"Removed {n} temporary file(s) left by an interrupted save.")
            try:
                notices += finish_interrupted(data_dir)
            except BaseException:
                candidate.release()
                raise
            notices += tighten_files(data_dir)
        encrypted = data_dir.is_dir() and is_encrypted(data_dir)
        # A recovery or SSH key reads but can't encrypt new saves: read-only, but the folder stays
        # ours (the lock is kept), so it can be decrypted (:func:`store.convert.decrypt`).
        reader_key = encrypted and keyring is not None and not keyring.can_write
        storage = AtomicJSONStorage(data_file(data_dir), read_only=not writer or reader_key,
                                    keyring=keyring if encrypted else None, encrypted=encrypted)
        try:
            storage.load()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store = cls(data_dir, storage, lock)
        store.notices = notices
        if holder is not None:
            store.lock_holder = holder
            store.read_only_reason = (
                f"Read-only: {holder.describe()} has this data open. Close it there to edit here."
            )
        elif reader_key and not read_only:
            store.read_only_reason = ("Read-only: opened with a recovery or SSH key, which reads the data but "
                                      "can't write it. Unlock with your passphrase to edit.")
        elif unwritable and not read_only:
            store.read_only_reason = (f"Read-only: the data folder can't be written ({unwritable.lower()}), so "
                                      "Rebound shows your data and changes nothing.")
        elif read_only:
            store.read_only_reason = "Read-only: opened with read_only=True."
        try:
            store._check_schema()
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        raw, storage.loaded_raw = storage.loaded_raw, None
        if writer and not store.read_only and raw is not None and backups.daily_due(data_dir):
            store._daily_payload = raw
            if not defer_daily_backup:
                problem = store.take_daily_backup()
                if problem:
                    store.notices.append(problem)
        return store

    def take_daily_backup(self) -> str:
        """Write the day's backup kept back by ``Store.open(defer_daily_backup=True)`` (the file as
        it was opened). Returns "" when done or nothing was waiting, else what went wrong, in words."""
        payload, self._daily_payload = self._daily_payload, None
        if payload is None:
            return ""
        try:
            backups.daily(self.data_dir, payload)
        except OSError as exc:
            logs.swallowed(exc, "daily backup")
            return f"Could not take today's backup: {exc.strerror or exc}."
        return ""

    def _check_schema(self) -> None:
        """Migrate older data (after a backup), repair a hand-edited file's records (after a backup,
        saying what was found), and make data from a newer Rebound read-only."""
        data = self.storage.data()
        version = schema_version(data)
        if version > SCHEMA_VERSION:
            self.storage.read_only = True
            self.read_only_reason = (
                f"Read-only: this data was written by a newer Rebound (schema {version}; this one "
                f"knows {SCHEMA_VERSION}). Upgrade rebound-tui to edit it."
            )
            return
        # A file this code wrote (every checksum matched) needs no record checks.
        problems = [] if self.storage.trusted else record_problems(data)
        current = version == SCHEMA_VERSION and meta_doc(data) is not None
        if current and not problems:
            return
        migrated, start, end = migrate(data) if not current else (dict(data.items()), version, version)
        if not data:
            # A brand-new database: write the meta record with the first save.
            self.storage.replace_data(migrated, dirty=self.path.exists() and not self.read_only)
            return
        repaired, _ = repair(migrated)
        found = "; ".join(problems)
        if self.read_only:
            self.storage.replace_data(repaired, dirty=False)  # readable in memory; never written
            if problems:
                self.notices.append(f"The data file has problems ({found}); Rebound works around them "
                                    "in this read-only session and changes nothing on disk.")
            return
        kind = f"pre-migrate-v{start}" if not current else "pre-repair"
        try:
            backup = backups.snapshot(self.data_dir, kind)
        except OSError as exc:
            raise SaveError(f"could not back up the data before {'upgrading' if not current else 'repairing'} "
                            f"it ({exc.strerror or exc}); nothing was changed") from exc
        self.storage.replace_data(repaired, dirty=True)
        self.storage.flush()
        kept = backup.name if backup else "(no file)"
        if problems:
            self.notices.append(
                f"Your data file had problems: {found}. Each record now has its own id and nothing was "
                f"dropped; the file as it was is backed up as {kept}. (rebound-tui doctor lists them.)"
            )
        if not current:
            self.notices.append(
                f"Upgraded your data from schema {start} to {end}; the old file is backed up as {kept}."
            )

    # -- the change signal

    @property
    def generation(self) -> int:
        """Grows with every change to the data in memory (each write, saved or kept after a failed
        save; a rolled-back batch; a reload), and only then: a screen that remembers the generation
        its view was built from knows, by comparing, whether anything may have changed since. (In
        memory, per session; the Today cache on disk is keyed by the tables' checksums instead.)"""
        return self._generation

    def table_version(self, table: str) -> int:
        """Like :attr:`generation`, for one table (``"applications"``, ``"contacts"``…)."""
        return self._epoch + self._versions.get(table, 0)

    def versions(self, *tables: str) -> tuple[int, ...]:
        """The versions of several tables, as one comparable key."""
        return tuple(self.table_version(t) for t in tables)

    def mark_changed(self, table: str) -> None:
        """Called by the repositories after every write to ``table`` (a save that failed too: the
        change is kept in memory). The bump is immediate, so what is derived inside a batch is
        never taken for current after a later write; a batch that is rolled back bumps the
        tables it touched once more, since memory went back to what it was."""
        if self._batch_depth:
            self._pending.add(table)
        self._bump((table,))

    def _bump(self, tables: Iterable[str]) -> None:
        self._generation += 1
        for t in tables:
            self._versions[t] = self._versions.get(t, 0) + 1

    def _bump_all(self) -> None:
        self._generation += 1
        self._epoch += 1

    # -- state

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    def check_writable(self) -> None:
        if self.storage.read_only:
            raise ReadOnlyError(self.read_only_reason or "This session is read-only.")

    @property
    def dirty(self) -> bool:
        return self.storage.dirty

    @property
    def save_failed(self) -> bool:
        """The last save failed (its change waits in memory for a retry); see ``AtomicJSONStorage``."""
        return self.storage.save_failed

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes, one atomic save. On an exception nothing is kept, in memory or on disk."""
        self.check_writable()
        self._batch_depth += 1
        try:
            with self.storage.batch():
                yield
        except BaseException:
            self.invalidate()
            if self._batch_depth == 1 and self._pending:
                self._bump(self._pending)  # rolled back (or kept after a failed save): changed again
            raise
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                self._pending = set()

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Writes inside (single writes and batches whose changed records are known: every
        repository verb) change memory at once and are saved by the caller's :meth:`flush` right
        after, e.g. once the frame that shows them is painted; until then :attr:`dirty` is True, and
        closing saves them as it saves any unsaved change. See ``AtomicJSONStorage.deferred``."""
        with self.storage.deferred():
            yield

    def flush(self) -> None:
        """Save what is still only in memory (after a failed save, or written :meth:`deferred`)."""
        self.storage.flush()

    def save_or_discard(self, change: Callable[[], object]) -> None:
        """Run ``change`` (one or more writes) for a command that must say plainly whether it was
        saved: a failed save is retried once at once (a passing fault), and if it still fails the
        change is dropped from memory, so closing can't save it after "nothing was saved" was said.
        Raises what stopped it (:class:`SaveError`, :class:`ExternalChangeError`, …)."""
        try:
            change()
        except SaveError:
            try:
                self.storage.flush()
            except (SaveError, ExternalChangeError):
                self.discard_unsaved()
                raise
        except ExternalChangeError:
            self.discard_unsaved()
            raise

    def _retake_lock(self) -> None:
        """The data folder was created again under our feet: hold the writer lock in the new folder
        too (the old lock lives on in the moved folder), so a second instance opens read-only."""
        old = self._lock
        if old is None:
            return
        fresh = DirLock(self.data_dir / LOCK_FILE)
        if not fresh.acquire():
            logs.log.warning("the recreated data folder's lock is held by another instance")
            return
        self._lock = fresh
        old.release()

    def discard_unsaved(self) -> None:
        """Forget what is only in memory; the next read loads the file as it is on disk."""
        self.storage.forget()
        self.db.clear_cache()
        self.invalidate()
        self._bump_all()

    def take_warnings(self) -> list[str]:
        """What the storage noticed about the file since last asked (it vanished and was written
        again, …), for the person; cleared by asking."""
        out = list(self.storage.warnings)
        self.storage.warnings.clear()
        return out

    def invalidate(self) -> None:
        for repo in self._made_repos():
            repo.invalidate()

    def reload(self) -> bool:
        """Drop memory and read the file from disk again (after an external change); True. If the
        file is gone there is nothing to read: memory is kept and written back instead (see
        :meth:`take_warnings`); False."""
        if self.storage.missing_on_disk():
            self.storage.flush(force=True)
            return False
        try:
            self.storage.load()
            self.db.clear_cache()
            self.invalidate()
            self._check_schema()
        finally:
            self._bump_all()
        return True

    def _suffix(self) -> str:
        """What a copy of the data file is named with: ``.json``, or ``.json.age`` when encrypted
        (the copy is encrypted too)."""
        return ".json" + (AGE_SUFFIX if self.encrypted else "")

    # -- the idle lock

    @property
    def holds_lock(self) -> bool:
        """True when this store is the folder's one writer (even if read-only for saves)."""
        return self._lock is not None

    @property
    def locked(self) -> bool:
        """True while an encrypted folder's keys are dropped: nothing can be read or written."""
        return self.encrypted and self.storage.keyring is None

    def lock(self) -> None:
        """Drop the keys and everything decrypted from memory (the idle lock). Save first: unsaved
        changes are dropped too (raises :class:`SaveError` and keeps everything when the save fails).
        The writer's lock on the folder is kept, so no other Rebound starts writing meanwhile."""
        if not self.encrypted:
            return
        if self.storage.dirty and not self.storage.read_only:
            self.storage.flush()
        self.storage.lock()
        self.db.clear_cache()
        self.invalidate()
        self._bump_all()
        import gc

        gc.unfreeze()  # loaded tables were frozen out of the collector's sight (see storage._parse)
        gc.collect()

    def unlock(self, keyring: Keyring) -> None:
        """Take the keys again and read the file (it may have changed meanwhile). Raises what
        :meth:`open` raises for a file that can't be read; then the store stays locked."""
        self.storage.unlock(keyring)
        try:
            self.storage.load()
        except BaseException:
            self.storage.lock()
            raise
        self.db.clear_cache()
        self.invalidate()
        self._bump_all()

    def converted(self, keyring: Keyring | None) -> None:
        """The folder was just encrypted (``keyring``) or decrypted (None) in place, while this store
        had it open with everything saved: follow the data file to its new name and form."""
        self.storage.retarget(data_file(self.data_dir), keyring)

    def keep_both(self) -> Path | None:
        """The file changed on disk: keep the disk version as a copy, then write ours. Returns the
        copy (None when the file was gone, so there was nothing to keep)."""
        from .storage import atomic_write_bytes

        try:
            theirs = self.path.read_bytes()
        except FileNotFoundError:
            self.storage.flush(force=True)
            return None
        copy = _unique(self.data_dir, "rebound.conflict", self._suffix())
        atomic_write_bytes(copy, theirs)
        self.storage.adopt_disk_state(theirs)
        self.storage.flush(force=True)
        return copy

    def save_emergency_copy(self) -> Path:
        """Write everything in memory to ``rebound.emergency-<time>.json`` (0600) next to the data,
        else in the home folder, else in the temp folder; return where. For when a save fails at
        the very end (disk full, an unresolved conflict): nothing in memory is lost."""
        import tempfile

        from .storage import atomic_write_bytes

        payload = self.storage.payload()
        last: OSError | None = None
        for folder in (self.data_dir, Path.home(), Path(tempfile.gettempdir())):
            try:
                target = _unique(folder, "rebound.emergency", self._suffix())
                atomic_write_bytes(target, payload)
            except OSError as exc:
                last = exc
                continue
            return target
        assert last is not None
        raise last

    def close(self) -> None:
        """Save anything pending and release the lock (raises if that save fails; the lock is
        released all the same). See :meth:`close_safely` for the end of a session."""
        try:
            self.take_daily_backup()
            if self.storage.dirty and not self.storage.read_only:
                self.storage.flush()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def close_safely(self) -> str:
        """:meth:`close` for the end of a session: never raises. Returns "" when everything was
        saved; otherwise what happened, in words for the person (where the emergency copy is)."""
        try:
            self.close()
            return ""
        except (StoreError, OSError) as exc:  # the lock is released by now
            why = exc.reason if isinstance(exc, SaveError) else (
                "the data file was changed by another program" if isinstance(exc, ExternalChangeError)
                else str(exc))
            logs.swallowed(exc, "save at close")
        try:
            copy = self.save_emergency_copy()
        except (StoreError, OSError, TypeError) as exc:
            logs.swallowed(exc, "emergency copy at close")
            return (f"Rebound could not save your last changes ({why}), and could not write an emergency "
                    "copy either; they are lost. The data file holds what was saved before.")
        return (f"Rebound could not save your last changes ({why}). Everything it had is in {copy} "
                f"(readable only by you). To use it: rebound-tui doctor --restore {copy}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

def _unique(folder: Path, stem: str, suffix: str) -> Path:
    """``<stem>-<time><suffix>`` in ``folder``, numbered if that name is taken."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{stamp}{suffix}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{stamp}-{n}{suffix}"
    return candidate


__all__ = ["Store", "CorruptDataError", "ReadOnlyError"]
