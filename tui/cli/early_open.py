"""The data folder opened on a thread while the app's modules import (issue 16).

Opening reads the whole data file and checks its checksum: about 35 ms at the heavy dataset, spent in
``read`` and ``zlib.crc32``, which both let go of the interpreter. Importing Textual and the app takes
three times that and needs the interpreter, so the two overlap: the app's start is shorter by most of
the file's read. Nothing else changes: :meth:`EarlyOpen.result` hands back the opened store or raises
what opening raised, on the main thread, where :func:`tui.cli.open_store_or_explain` explains it as
before (a corrupt file, a foreign folder, a lock held elsewhere).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.crypto import Keyring
    from store.db import Store


class EarlyOpen:
    """``Store.open(data_dir, ...)`` started on a thread; :meth:`result` waits for it."""

    def __init__(self, data_dir: Path, *, keyring: Keyring | None = None, defer_daily_backup: bool = True) -> None:
        # What opening imports is imported here, on the main thread, so the thread never imports a
        # module the main thread is importing at the same moment.
        import store.convert  # noqa: F401 - see above
        import store.crypto  # noqa: F401 - see above
        from store.db import Store

        self._taken = False
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebound-open")
        self._future: Future[Store] = pool.submit(Store.open, data_dir, keyring=keyring,
                                                  defer_daily_backup=defer_daily_backup)
        pool.shutdown(wait=False)  # the open still runs; the thread ends after it

    def result(self) -> Store:
        """The opened store, or the error opening raised (raised here). Once only."""
        if self._taken:
            raise RuntimeError("the early-opened store was already taken")
        self._taken = True
        return self._future.result()

    def abandon(self) -> None:
        """The app will not start (its import failed): close the store if it opened, so its lock goes."""
        if self._taken:
            return
        self._taken = True
        if self._future.exception() is None:
            self._future.result().close()
