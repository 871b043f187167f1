"""Writing an entry's text in the user's ``$EDITOR`` (ctrl+e in a free write).

The text goes to a 0600 file in a fresh 0700 folder (in RAM, /dev/shm, when the system has it), is
read back, and the folder is always removed with any swap or backup files the editor left: no
journal text stays behind on disk.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger("rebound")


def private_temp_dir() -> str:
    """A fresh 0700 folder for an editor's temp file; in RAM (/dev/shm) when the system has it."""
    base = None
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        base = str(shm)
    path = tempfile.mkdtemp(prefix="rebound-edit-", dir=base)
    os.chmod(path, 0o700)
    return path


def edit_in_editor(app: Any, text: str, suffix: str = ".md") -> tuple[str | None, str]:
    """Open ``text`` in $EDITOR through ``app.editor_runner``. Returns (new text or None, message).

    The text is written to a 0600 file in a private temp folder, read back, and the folder is always
    removed (with any swap or backup files the editor left), even when something fails.
    """
    folder = private_temp_dir()
    path = os.path.join(folder, "rebound-journal" + suffix)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        code = app.editor_runner(app, path)
        if code not in (0, None):
            return None, f"The editor exited with code {code}; your text is unchanged."
        new = Path(path).read_text(encoding="utf-8", errors="replace")
        if not text.endswith("\n") and new.endswith("\n"):
            new = new[:-1]
        return new, "Text updated from the editor."
    except FileNotFoundError as exc:
        return None, f"Could not run the editor ({exc.filename or exc}). Set $EDITOR, e.g. EDITOR=nano."
    except OSError as exc:
        return None, f"Could not use the editor: {exc.strerror or exc}."
    except Exception as exc:  # noqa: BLE001 -- the editor hook can fail in any way (e.g. the terminal
        # can't be suspended); the text must survive it. Only the type is logged, never the text.
        log.warning("journal: the external editor failed (%s)", type(exc).__name__)
        return None, f"Could not open the editor ({type(exc).__name__}); your text is unchanged."
    finally:
        shutil.rmtree(folder, ignore_errors=True)
