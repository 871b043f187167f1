"""What the Journal screen shows around the list: the status line, the unfinished-draft line, the
rows of the list, the reader pane and its welcome. Plain functions of the data (user text goes in
as ``Content``, never markup), so they are tested without a running app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual.content import Content

from store.dates import short_date
from store.journal import JournalFilter, entry_relief, headline, kind_label, match_spans
from store.models import JOURNAL_KIND_LABELS, JournalEntry
from store.prompts import STEPS
from tui.journal.reader import render_entry
from widgets.journal_list import EntryRow

#: The reader pane shows this much of a very long entry (enter opens all of it).
PANE_LIMIT = 6000

EMPTY_LIST = "No entries yet. Press n: a quick check-in, a free write, or a guided reframe."
NOTHING_MATCHES = "Nothing matches. escape clears the search and filters."
#: Said where writing starts: the empty journal, its help, the first step of the reframe.
NOT_THERAPY = ("Rebound is a journal, not therapy. If you might act on thoughts of harming yourself, call "
               "your local emergency number; ctrl+p › Support has your support line.")

WELCOME = Content.assemble(
    ("A private place for the hard days.", "bold"), "\n\n",
    "A quick check-in takes ten seconds. A free write lets it out. A guided reframe takes the "
    "thought that hurts (\"I'm unemployable\") and checks it against the evidence, then shows "
    "how much lighter it feels.\n\n", ("n", "bold"), " to start · ", ("?", "bold"), " for help\n\n",
    (NOT_THERAPY, "italic"))


def rating_text(entry: JournalEntry) -> str:
    """The list's Feelings column: the mood of a check-in, how a reframe's feelings moved (``eased 23``,
    ``rose 10``), or draft."""
    if entry.is_draft:
        return "draft"
    if entry.kind == "reframe":
        r = entry_relief(entry)
        if r is not None:
            n = round(r)
            return f"eased {n}" if n > 0 else f"rose {-n}" if n < 0 else "steady"
        return ""
    return f"mood {entry.mood}/5" if entry.mood else ""


def entry_row(entry: JournalEntry, terms: Sequence[str], company: str, today: date | None = None) -> EntryRow:
    """One row of the list; search matches in the title are marked. ``today``: the day the dates are
    shown from (asked of the clock when not given)."""
    title = headline(entry) or ("(mood only)" if entry.kind == "checkin" and entry.mood else "(nothing written)")
    spans = tuple(match_spans(title, terms)) if terms else ()
    day = short_date(entry.entry_date, today) or entry.entry_date
    return EntryRow(entry.id, day, kind_label(entry.kind), rating_text(entry), title, company, spans,
                    entry.is_draft)


def status_text(shown: int, total: int, query: str, flt: JournalFilter, app_title: Callable[[str], str]) -> Content:
    """How many entries are shown, and the search and filters that choose them."""
    narrowed = bool(query or flt.active)
    parts: list[Content | str | tuple[str, str]] = []
    parts.append(f"{shown} of {total} entries" if narrowed else f"{total} entr{'y' if total == 1 else 'ies'}")
    if query:
        parts += [" · search: ", Content(query).stylize("bold")]
    if flt.kind:
        parts += [" · kind: ", (JOURNAL_KIND_LABELS.get(flt.kind, flt.kind), "bold")]
    if flt.tag:
        parts += [" · tag: ", Content(flt.tag).stylize("bold")]
    if flt.application_id:
        parts += [" · application: ", Content(app_title(flt.application_id) or "?").stylize("bold")]
    if narrowed:
        parts.append(("  (escape clears)", "dim"))
    else:
        parts.append(("  · n new · / search · f filter · L lessons · T trends", "dim"))
    return Content.assemble(*parts)


def drafts_text(drafts: int, reframe: JournalEntry | None) -> Content:
    """The line above the list while drafts wait (``drafts`` of them; ``reframe``: the latest reframe)."""
    if reframe is None:
        return Content.assemble(f"✎ {drafts} unfinished draft{'s' if drafts > 1 else ''}, "
                                "marked 'draft' in the list: ", ("enter", "bold"), " carries on.")
    step = max(1, min(8, reframe.wizard_step or 1))
    text = Content.assemble(
        "✎ Unfinished reframe from ", (short_date(reframe.entry_date) or reframe.entry_date, "bold"),
        f" (step {step} of 8: {STEPS[step - 1][1]}). Press ", ("r", "bold"), " to resume it.")
    if drafts > 1:
        text = text + Content(f" {drafts} drafts in all, marked 'draft' in the list.")
    return text


def pane_content(entry: JournalEntry, app_title: str, terms: Sequence[str]) -> Content:
    """The reader pane: the entry, cut at :data:`PANE_LIMIT` characters of body."""
    shown = entry
    if len(entry.body) > PANE_LIMIT:
        shown = entry.copy()
        shown.body = entry.body[:PANE_LIMIT] + "\n…"
    content = render_entry(shown, app_title=app_title, terms=terms)
    if shown is not entry:
        content = content + Content.assemble(("\n(enter shows the whole entry)", "dim"))
    return content
