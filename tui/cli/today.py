"""``rebound-tui today``: the Today summary as plain text, for a shell login on a remote machine.

No Textual or Rich on this path (it must be quick): the summary comes from :mod:`store.today` and is
printed here. The store is opened read-only, so it works while the app is running. Bold and dim
only when stdout is a terminal and ``NO_COLOR`` is unset.

Every line fits 80 columns (or the terminal, when narrower): user text is cut with an ellipsis,
long notes wrap. By default it fits a login screen (about 20 lines): the plans one line each (the
newest with its steps that are due), a few due items, the people on one line; ``--all`` prints
everything (every step of the newest plan, every due group, each person with the reason).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
import unicodedata
from pathlib import Path
from typing import TextIO

from store.sanitize import clean_text

#: How many rows of each due group ``--all`` prints before "… and N more".
GROUP_LIMIT = {"lesson": 10, "application": 15, "draft": 10}
GROUP_TITLE = {"lesson": "Feedback to keep", "application": "Next steps", "draft": "Drafts snoozed"}
#: The short form: one symbol per kind of due item instead of a heading per group (as on Today).
DUE_SYMBOL = {"lesson": "✎", "application": "▪", "draft": "✉"}
STEP_SYMBOL = {"done": "✓", "skipped": "–", "todo": "○", "snoozed": "◔"}
#: The short form's limits: plan lines, the newest plan's due steps, due items.
SHORT_PLANS = 4
SHORT_STEPS = 3
SHORT_DUE = 5
#: The widest line printed (a terminal narrower than this gets its own width, down to MIN_WIDTH).
MAX_WIDTH = 80
MIN_WIDTH = 40

Part = str | tuple[str, str]
CODES = {"bold": "1", "dim": "2"}


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters count 2, combining 0)."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending with … when it had to be cut."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cells(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def width_of(parts: list[Part]) -> int:
    return cells("".join(p if isinstance(p, str) else p[0] for p in parts))


class Out:
    """Lines with optional bold/dim (ANSI SGR), each cut to ``width`` cells; user text is cleaned of
    control characters before it gets here (:func:`safe`)."""

    def __init__(self, stream: TextIO, color: bool, width: int = MAX_WIDTH) -> None:
        self.stream = stream
        self.color = color
        self.width = max(MIN_WIDTH, min(MAX_WIDTH, width))
        self.lines: list[str] = []

    def _style(self, text: str, style: str) -> str:
        code = CODES.get(style)
        return f"\x1b[{code}m{text}\x1b[0m" if self.color and text and code else text

    def add(self, *parts: Part) -> None:
        """One line of parts (plain strings, or (text, "bold"/"dim")), cut to the width."""
        room, out = self.width, []
        for part in parts:
            text, style = (part, "") if isinstance(part, str) else part
            if room <= 0 or not text:
                continue
            shown = cut(text, room)
            room -= cells(shown)
            out.append(self._style(shown, style))
        self.lines.append("".join(out))

    def para(self, text: str, style: str = "") -> None:
        """A note that wraps to the width instead of being cut (never inside a path or a --flag, which
        people copy: a path longer than the line stays whole)."""
        for line in textwrap.wrap(text, self.width, break_on_hyphens=False, break_long_words=False) or [""]:
            self.add((line, style))

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


def render(summary, out: Out, everything: bool = False) -> None:
    """Write the summary (a :class:`store.today.Summary`) into ``out``: the short form that fits a
    login screen, or ``everything``."""
    from store.dates import long_date

    s = summary
    out.add(("Rebound", "bold"), " · ", (long_date(s.today), "bold"), " · ", safe(s.greeting, 60))
    if not everything:
        _short(s, out)
        return
    out.add()
    out.add(("Pipeline ", "bold"), "  ", s.floor_text)
    if s.week_text:
        out.add(("This week", "bold"), "  ", s.week_text)
    avg = s.mood_average
    out.add(("Mood 30d ", "bold"), "  ", s.sparkline, " ", (f"avg {avg:.1f}/5" if avg is not None
                                                              else "no check-ins yet", "dim"))
    out.add(("Reframe  ", "bold"), "  ", s.relief_text)
    _plans(s, out, everything=True)
    out.add()
    _due_groups(s, out)
    people = s.people
    if people:
        out.add()
        out.add(("A good moment to reach out", "bold"), ("  (if you feel like it)", "dim"))
        for item in people:
            out.add(f"    {safe(item.title, 30)}", (f" · {safe(item.detail, 76)}" if item.detail else "", "dim"))
        if s.contacts_more:
            out.add(("    More people on Contacts, whenever you like.", "dim"))
    out.add()
    out.add(("Prompt", "bold"), "  ", safe(s.prompt, 200))


def _short(s, out: Out) -> None:
    """The login-screen form: about 20 lines on a busy day; ends with how to see the rest."""
    from store.journal import eased_or_rose

    left_out = False
    week = [" · ", ("Week ", "bold"), s.week_text] if s.week_text else []
    out.add(("Pipeline ", "bold"), s.floor_text, *week)
    avg = s.mood_average
    mood: list[Part] = [("Mood 30d ", "bold"), s.sparkline, " ",
                        (f"avg {avg:.1f}/5" if avg is not None else "no check-ins yet", "dim")]
    reframe: list[Part] = []
    if s.relief is not None:  # beside the mood when it fits, the shorter way when it must
        for words in (f"feelings {eased_or_rose(s.relief)}", eased_or_rose(s.relief)):
            reframe = [" · ", ("Reframe ", "bold"), words]
            if width_of(mood + reframe) <= out.width:
                break
        else:
            reframe = []
    out.add(*mood, *reframe)
    left_out |= _plans(s, out, everything=False)
    out.add()
    tasks = s.tasks
    if not tasks:
        out.add(("Due today", "bold"), "  nothing. A quiet day is allowed.")
    else:
        out.add(("Due today", "bold"), f" ({len(tasks)})")
        for item in tasks[:SHORT_DUE]:
            out.add(f"  {DUE_SYMBOL.get(item.kind, '•')} ", safe(item.title, 60), (f" · {item.when}", "dim"),
                    (f" · {safe(item.detail, 76)}" if item.detail else "", "dim"))
        if len(tasks) > SHORT_DUE:
            out.add((f"  … and {len(tasks) - SHORT_DUE} more", "dim"))
            left_out = True
    if s.people:
        names = ", ".join(safe(item.title, 30) for item in s.people)
        out.add(("A good moment to reach out: ", "bold"), names)
        left_out = True  # their reasons
    out.add(("Prompt ", "bold"), safe(s.prompt, 200))
    if left_out:
        out.add(("More: rebound-tui today --all", "dim"))


def _plans(s, out: Out, *, everything: bool) -> bool:
    """The rebound plans, one line each; the newest also step by step (``everything``: every step
    still on Today; else only the steps due). True when some were left out."""
    from store.plans import STEP_BLURBS
    from store.today import step_is_due, step_when

    if not s.plans:
        return False
    d = s.today
    due_steps = sum(1 for v in s.plans for step in v.steps if step_is_due(step, d))
    out.add()
    note = f" · {due_steps} step{'s' if due_steps != 1 else ''} due" if due_steps and not everything else ""
    out.add((f"Rebound plans ({len(s.plans)} in progress{note})", "bold"))
    shown = s.plans if everything else s.plans[:SHORT_PLANS]
    left_out = len(shown) < len(s.plans)
    for i, view in enumerate(shown):
        done, total = view.counts()
        due = sum(1 for step in view.steps if step_is_due(step, d))
        out.add("  ", (safe(view.title, 60), "bold"),
                (f" · {view.when()} · {done} of {total} done" + (f" · {due} due" if due else ""), "dim"))
        if i:
            continue  # only the newest plan, step by step (open Rebound for the others)
        steps = [step for step in view.steps if not (not step.is_open and step.done_on is not None
                                                      and step.done_on < d)]
        if not everything:
            due_now = [step for step in steps if step_is_due(step, d)]
            left_out |= len(due_now) != len(steps)
            steps = due_now[:SHORT_STEPS]
        for step in steps:
            detail = step.detail or STEP_BLURBS.get(step.key, "")
            out.add(f"    {STEP_SYMBOL.get(step.status, '○')} {step.title:<22} {step_when(step, d)}",
                    (f" · {safe(detail, 76)}" if detail else "", "dim"))
    if left_out and not everything:
        more = len(s.plans) - len(shown)
        if more:
            out.add((f"  … and {more} more plan{'s' if more != 1 else ''}", "dim"))
    return left_out


def _due_groups(s, out: Out) -> None:
    """Due today, by group (``--all``)."""
    tasks = s.tasks
    if not tasks:
        out.add(("Due today", "bold"), "  nothing. A quiet day is allowed.")
        return
    out.add((f"Due today ({len(tasks)})", "bold"))
    groups: dict[str, list] = {}
    for item in tasks:
        groups.setdefault(item.kind, []).append(item)
    for kind in ("lesson", "application", "draft"):
        items = groups.get(kind, [])
        if not items:
            continue
        out.add("  ", (GROUP_TITLE[kind], "bold"))
        limit = GROUP_LIMIT[kind]
        for item in items[:limit]:
            out.add(f"    {safe(item.title, 60)} ", (f"· {item.when}", "dim"),
                    f" · {safe(item.detail, 76)}" if item.detail else "")
        if len(items) > limit:
            out.add((f"    … and {len(items) - limit} more (open Rebound to see them all)", "dim"))


def terminal_width(stream: TextIO) -> int:
    """The terminal's width when printing to one (at most 80), else 80."""
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size((MAX_WIDTH, 24)).columns
    return MAX_WIDTH


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
    out = Out(stream, use_color(stream), terminal_width(stream))
    render(summary, out, everything=bool(getattr(args, "all", False)))
    if missing:
        out.add()
        out.para(f"No data yet: there is no folder {safe(str(data_dir), 200)} (nothing was created; check "
                 "--data-dir for a typo). Run rebound-tui to add your first application (or rebound-tui "
                 "--demo to look around).", "dim")
    elif empty:
        out.add()
        out.para("No data yet: run rebound-tui to add your first application (or rebound-tui --demo to look "
                 "around).", "dim")
    out.flush()
    return 0
