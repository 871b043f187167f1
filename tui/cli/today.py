"""``rebound-tui today``: the Today summary as plain text, for a shell login on a remote machine.

No Textual or Rich on this path (it must be quick): the summary comes from :mod:`store.today` and is
printed here. The store is opened read-only, so it works while the app is running. Bold and dim
only when stdout is a terminal and ``NO_COLOR`` is unset. Long lists are cut short with a count.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from store.sanitize import clean_text

#: How many rows of each due group are printed before "… and N more".
GROUP_LIMIT = {"lesson": 10, "application": 15, "draft": 10}
GROUP_TITLE = {"lesson": "Feedback to keep", "application": "Next steps", "draft": "Drafts snoozed"}
STEP_SYMBOL = {"done": "✓", "skipped": "–", "todo": "○", "snoozed": "◔"}


class Out:
    """Lines with optional bold/dim (ANSI SGR) — user text is cleaned of control characters."""

    def __init__(self, stream: TextIO, color: bool, width: int) -> None:
        self.stream = stream
        self.color = color
        self.width = width
        self.lines: list[str] = []

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text else text

    def bold(self, text: str) -> str:
        return self._style(text, "1")

    def dim(self, text: str) -> str:
        return self._style(text, "2")

    def add(self, line: str = "") -> None:
        self.lines.append(line)

    def flush(self) -> None:
        self.stream.write("\n".join(self.lines) + "\n")
        self.stream.flush()


def safe(text: object, limit: int = 80) -> str:
    """One line of user text: control characters gone, clipped with an ellipsis."""
    s = clean_text(text).replace("\n", " ").replace("\t", " ")
    return s if len(s) <= limit else s[: max(0, limit - 1)] + "…"


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render(summary, out: Out) -> None:
    """Write the summary (a :class:`store.today.Summary`) into ``out``."""
    from store.dates import long_date
    from store.plans import STEP_BLURBS
    from store.today import step_is_due, step_when

    s = summary
    d = s.today
    out.add(f"{out.bold('Rebound')} · {out.bold(long_date(d))} · {safe(s.greeting, 60)}")
    out.add()
    out.add(f"{out.bold('Pipeline ')}  {s.floor_text}")
    if s.week_text:
        out.add(f"{out.bold('This week')}  {s.week_text}")
    avg = s.mood_average
    out.add(f"{out.bold('Mood 30d ')}  {s.sparkline} " + out.dim(f"avg {avg:.1f}/5" if avg is not None
                                                                  else "no check-ins yet"))
    out.add(f"{out.bold('Reframe  ')}  {s.relief_text}")
    if s.plans:
        out.add()
        out.add(out.bold(f"Rebound plans ({len(s.plans)} in progress)"))
        for i, view in enumerate(s.plans):
            done, total = view.counts()
            due = sum(1 for step in view.steps if step_is_due(step, d))
            out.add(f"  {out.bold(safe(view.title, 60))} " + out.dim(f"· {view.when()} · {done} of {total} done"
                                                                     + (f" · {due} due" if due else "")))
            if i:
                continue  # only the newest plan, step by step (open Rebound for the others)
            for step in view.steps:
                if not step.is_open and step.done_on is not None and step.done_on < d:
                    continue
                symbol = STEP_SYMBOL.get(step.status, "○")
                detail = step.detail or STEP_BLURBS.get(step.key, "")
                out.add(f"    {symbol} {step.title:<22} {step_when(step, d)}" + (out.dim(f" · {safe(detail, 60)}")
                                                                                if detail else ""))
    out.add()
    tasks = s.tasks
    if not tasks:
        out.add(out.bold("Due today") + "  nothing. A quiet day is allowed.")
    else:
        out.add(out.bold(f"Due today ({len(tasks)})"))
        groups: dict[str, list] = {}
        for item in tasks:
            groups.setdefault(item.kind, []).append(item)
        for kind in ("lesson", "application", "draft"):
            items = groups.get(kind, [])
            if not items:
                continue
            out.add(f"  {out.bold(GROUP_TITLE[kind])}")
            limit = GROUP_LIMIT[kind]
            for item in items[:limit]:
                out.add(f"    {safe(item.title, 44)} " + out.dim(f"· {item.when}")
                        + (f" · {safe(item.detail, 56)}" if item.detail else ""))
            if len(items) > limit:
                out.add(out.dim(f"    … and {len(items) - limit} more (open Rebound to see them all)"))
    people = s.people
    if people:
        out.add()
        out.add(out.bold("A good moment to reach out") + out.dim("  (if you feel like it)"))
        for item in people:
            out.add(f"    {safe(item.title, 30)}" + (out.dim(f" · {safe(item.detail, 56)}") if item.detail else ""))
        if s.contacts_more:
            out.add(out.dim("    More people on Contacts, whenever you like."))
    out.add()
    out.add(f"{out.bold('Prompt')}  {safe(s.prompt, 200)}")


#: What ``today`` prints for encrypted data unless asked to unlock (a login script must not stop to ask).
LOCKED = ("Rebound: locked (your data is encrypted). To see today: rebound-tui today --unlock "
          "(asks for the passphrase)")


def run(args, data_dir: Path) -> int:
    from store.paths import is_encrypted
    from store.today import summarize
    from tui.cli import open_store_or_explain

    if data_dir.is_dir() and is_encrypted(data_dir) and not getattr(args, "unlock", False):
        print(LOCKED)
        return 0
    missing = not data_dir.exists()  # said below; nothing is created (the store opens read-only)
    store = open_store_or_explain(args, data_dir, read_only=True)
    if store is None:
        return 2
    try:
        from store import today_cache

        summary = today_cache.load(store) or summarize(store)
        empty = store.applications.is_empty() and store.journal.is_empty() and store.contacts.is_empty()
    finally:
        store.close()
    stream = sys.stdout
    width = shutil.get_terminal_size((80, 24)).columns
    out = Out(stream, use_color(stream), width)
    render(summary, out)
    if missing:
        out.add()
        out.add(out.dim(f"No data yet: there is no folder {safe(str(data_dir), 200)} (nothing was created; "
                        "check --data-dir for a typo). Run rebound-tui to add your first application "
                        "(or rebound-tui --demo to look around)."))
    elif empty:
        out.add()
        out.add(out.dim("No data yet: run rebound-tui to add your first application "
                        "(or rebound-tui --demo to look around)."))
    out.flush()
    return 0
