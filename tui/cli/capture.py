"""Capture from the shell, quick enough for a login script (no Textual on this path):

    rebound-tui checkin MOOD ["note"]      a check-in (mood 1-5) with an optional note
    rebound-tui write ["text"]             a free write: the text, else standard input, else $EDITOR
    rebound-tui journal search TERMS…      entries where every term matches, newest first

One writer at a time: when the app (or another command) holds the data, nothing is written and nothing
is lost — the text is kept in a private file in the data folder's ``pending/`` and the message says
where (refusing outright would lose what came from standard input or the editor). Text that sounds like
a crisis gets the same calm support lines the app shows.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from store import clock
from store.errors import StoreError
from store.journal import newest_first, search
from store.models import JournalEntry
from store.paths import data_file
from store.sanitize import clean_text

if TYPE_CHECKING:
    from store.db import Store

PROG = "rebound-tui"
MOODS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "great"}
MAX_TEXT = 1_000_000


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from tui.cli import unlock

    ci = sub.add_parser("checkin", help="a quick check-in from the shell: MOOD 1-5 and an optional note")
    ci.add_argument("mood", metavar="MOOD", help="1 (very low) … 5 (great)")
    ci.add_argument("note", nargs="*", metavar="NOTE", help="a few words (optional)")
    unlock.add_options(ci)
    ci.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    wr = sub.add_parser("write", help="a free write from the shell: TEXT, else standard input, else $EDITOR")
    wr.add_argument("text", nargs="*", metavar="TEXT")
    unlock.add_options(wr)
    wr.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)

    jo = sub.add_parser("journal", help="search the journal from the shell")
    jsub = jo.add_subparsers(dest="journal_command", metavar="search")
    se = jsub.add_parser("search", help="entries where every term matches (quote a phrase), newest first")
    se.add_argument("terms", nargs="+", metavar="TERMS")
    se.add_argument("--limit", type=int, default=20, help="how many to show (default 20)")
    unlock.add_options(se)
    se.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", help=argparse.SUPPRESS)


def _say(text: str = "", *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def support_lines(text: str, settings_line: str = "", person: str = "") -> list[str]:
    """What the shell says after saving words that sound like a crisis (never instead of saving)."""
    from store import care  # its phrase rules compile hundreds of patterns: only for a capture, not at every start

    if not care.support_signal(text):
        return []
    line = settings_line or os.environ.get("REBOUND_SUPPORT_LINE", "")
    out = ["", "Thank you for putting that into words; it is saved.",
           "Rebound is not therapy and can't help in an emergency. If you might act on these thoughts,",
           "please call your local emergency number now."]
    if line:
        out.append(f"Your support line: {line}")
    if person:
        out.append(f"Someone you can reach: {person}")
    if not line and not person:
        out.append("Free, confidential lines by country: https://findahelpline.com "
                   "(set your own in Settings › Support).")
    return out


def _pending(data_dir: Path, kind: str, text: str, store: Store | None = None) -> Path | None:
    """Keep text that couldn't be saved now in a private file (0600, in a 0700 folder); encrypted
    (``.txt.age``) when the data is."""
    data = text.encode("utf-8")
    suffix = ".txt"
    if store is not None and store.encrypted:
        try:
            data = store.storage.seal(data)
        except StoreError:
            return None
        suffix = ".txt.age"
    try:
        folder = data_dir / "pending"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f"{kind}-{clock.today().isoformat()}-", suffix=suffix, dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return Path(name)
    except OSError:
        return None


def _open_for_writing(args: argparse.Namespace, data_dir: Path, kind: str, text: str) -> Store | None:
    from tui.cli import open_store_or_explain

    store = open_store_or_explain(args, data_dir)
    if store is None:
        return None
    if store.read_only:
        why = store.read_only_reason or "the data is open read-only"
        kept = _pending(data_dir, kind, text, store)
        store.close()
        _say(f"{PROG}: not saved now: {why}", err=True)
        if kept is not None:
            _say(f"Your words are kept in {kept}; nothing is lost. Add them in the app when it's free.", err=True)
        return None
    return store


def checkin(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        mood = int(str(args.mood).strip())
    except ValueError:
        mood = 0
    if mood not in MOODS:
        _say(f"{PROG} checkin: MOOD is a number from 1 (very low) to 5 (great), e.g. `rebound-tui checkin 3 "
             "\"slow day\"`.", err=True)
        return 2
    note = clean_text(" ".join(args.note)).strip()
    store = _open_for_writing(args, data_dir, "checkin", f"mood {mood}\n{note}")
    if store is None:
        return 3
    try:
        store.journal.finish(JournalEntry(kind="checkin", mood=mood, body=note))
        store.flush()
        settings = store.settings.current()
        line = settings.support_line
        person = settings.support_person
    finally:
        store.close()
    _say("Check-in saved." + (" Go gently today." if mood <= 2 else ""))
    for text in support_lines(note, line, person):
        _say(text)
    return 0


def _read_text(args: argparse.Namespace) -> str | None:
    if args.text:
        return " ".join(args.text)
    if not sys.stdin.isatty():
        return sys.stdin.read(MAX_TEXT)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        _say(f"{PROG} write: give the text, pipe it in, or set $EDITOR.", err=True)
        return None
    with tempfile.TemporaryDirectory(prefix="rebound-write-") as folder:
        os.chmod(folder, 0o700)
        path = Path(folder) / "write.md"
        path.write_text("", encoding="utf-8")
        os.chmod(path, 0o600)
        code = subprocess.run([*shlex.split(editor), str(path)], check=False).returncode
        if code:
            _say(f"{PROG} write: the editor ended with code {code}; nothing saved.", err=True)
            return None
        return path.read_text(encoding="utf-8", errors="replace")[:MAX_TEXT]


def write(args: argparse.Namespace, data_dir: Path) -> int:
    raw = _read_text(args)
    if raw is None:
        return 2
    text = clean_text(raw).strip()
    if not text:
        _say(f"{PROG} write: nothing to save (the text was empty).", err=True)
        return 2
    store = _open_for_writing(args, data_dir, "write", text)
    if store is None:
        return 3
    try:
        store.journal.finish(JournalEntry(kind="freewrite", body=text))
        store.flush()
        settings = store.settings.current()
        line = settings.support_line
        person = settings.support_person
    finally:
        store.close()
    words = len(text.split())
    _say(f"Saved to your journal: {words} word{'s' if words != 1 else ''}.")
    for out in support_lines(text, line, person):
        _say(out)
    return 0


def journal_search(args: argparse.Namespace, data_dir: Path) -> int:
    from tui.cli import open_store_or_explain

    if not data_file(data_dir).exists():
        _say(f"{PROG}: no data at {data_dir} yet; nothing to search.", err=True)
        return 1
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        found = newest_first(search([e for e in store.journal.all() if not e.is_draft], list(args.terms)))
    finally:
        store.close()
    if not found:
        _say("No entry matches every term.")
        return 1
    for e in found[: max(1, args.limit)]:
        first = " ".join(e.body.split())[:60] or " ".join((e.situation or "").split())[:60]
        label = {"checkin": f"check-in, mood {e.mood}/5", "freewrite": "free write"}.get(e.kind, "reframe")
        _say(f"{e.entry_date}  {label}  {clean_text(first)}")
    if len(found) > args.limit:
        _say(f"… and {len(found) - args.limit} more (use --limit).")
    return 0
