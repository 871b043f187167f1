"""What the contacts screen shows besides the table: its styles, help, empty state, the bar above
the list and the hint line below it. User text goes into :class:`~textual.content.Content` as
plain text, never as markup."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from store import contacts as C
from store.contacts import ContactRow
from store.dates import short_date
from tui.contacts.format import state_sentence
from tui.contacts.rows import ContactList
from widgets.usertext import literal

#: At this width and more the detail pane sits beside the list; below it otherwise.
SIDE_BY_SIDE_WIDTH = 128

CONTACTS_CSS = """
ContactsScreen #contacts-bar { height: auto; max-height: 2; padding: 0 1; background: $panel; }
ContactsScreen #contacts-search { height: 1; display: none; }
ContactsScreen #contacts-search.-active { display: block; }
ContactsScreen #contacts-split { height: 1fr; }
ContactsScreen #contacts-split.-side { layout: horizontal; }
ContactsScreen #contacts-split.-side ContactsTable { width: 1fr; height: 100%; }
ContactsScreen #contacts-split.-side ContactDetail { width: 50; height: 100%; border-left: vkey $primary; }
ContactsScreen #contacts-split.-below { layout: vertical; }
ContactsScreen #contacts-split.-below ContactsTable { height: 1fr; }
ContactsScreen #contacts-split.-below ContactDetail { height: 60%; border-top: hkey $primary; }
ContactsScreen ContactDetail.-hidden { display: none; }
ContactsScreen ContactDetail:focus-within { border-top: hkey $accent; }
ContactsScreen #contacts-hint { height: 1; padding: 0 1; color: $foreground 80%; }
ContactsScreen #contacts-main.-empty { display: none; }
ContactsScreen #empty-state { display: none; }
ContactsScreen #empty-state.-shown { display: block; }
"""

CONTACTS_HELP = (
    'The people you met while searching, each with a keep-in-touch rhythm (quarterly unless you pick '
    'another), sorted so that whoever it has been longest for comes first, then whoever is furthest '
    'through their rhythm. These are suggestions, never debts: Today offers at most three a day.\n\n'
    'State (in words, with a badge): ✓ in touch · ◔ this week (a good moment within 7 days) · ● reach '
    'out (a good moment now) · ◆ reconnect (it has been a while: half the rhythm or 30 days past, '
    'whichever comes first) · z snoozed · ‖ paused · – no cadence. Beside each one, a reason to reach '
    'out: a job change seen on a LinkedIn import, news on a linked application, a birthday or work '
    'anniversary within two weeks, the holiday season, a long silence, or an article to share. w writes '
    'to them: the composer opens with the template that fits.\n\n'
    "Next = your last outbound or two-way touch + the rhythm (inbound messages don't reset it). "
    'Never contacted: the day the rhythm was set + the rhythm (LinkedIn imports are spread over one '
    'rhythm, so day one is not a wall of names). A snooze (z) moves it later and ends by itself (for '
    'someone not due yet, its times count from their due day). Pause'
    ' a contact (p) until a date; "Pause all reminders for N days" (ctrl+p) moves every check-in past the'
    ' pause and spreads the catch-up.\n\n'
    'Mark several contacts with space (a * beside each), then l logs one touchpoint for all of them (or add '
    "people in the dialog with ctrl+n). h lists a contact's touchpoints (its history) to edit or delete them; "
    "the last touch is "
    'recomputed.\n\n'
    'Cadence defaults: ctrl+p → "Set the default cadence" or "Set a role\'s cadence"; a contact\'s own '
    'setting wins. Dates you type: YYYY-MM-DD, today, tomorrow, +3d, +2w, +1m, or a weekday (fri).'
)

EMPTY = Content.assemble(
    ("Contacts", "bold"), " — stay in touch without a spreadsheet: who it is a good moment to reach out to, "
    "and why.\n\n",
    "No contacts yet. Press ", ("n", "bold"), " to add one, or import LinkedIn's Connections.csv: ",
    ("ctrl+p", "bold"), " → Import LinkedIn connections (or ", ("rebound-tui import linkedin FILE", "bold"),
    " in a shell).\n\nEach person gets a keep-in-touch rhythm (quarterly unless you pick another). "
    "Log a touch with ", ("l", "bold"), " and the clock starts again.",
)


def bar_content(rows: ContactList, pause: C.GlobalPause | None, today: date) -> Content:
    """``Reach out: 2 now · 1 this week · 3 shown  [role: recruiter]`` and, above it, a global pause."""
    counts = rows.counts()
    due = counts.get("due", 0) + counts.get("overdue", 0)
    parts: list[str | tuple[str, str]] = []
    if pause and pause.active_on(today):
        parts += [("‖ All reminders paused", "bold"), f" until {short_date(pause.end, today)}: check-ins "
                  "resume after it, spread out (ctrl+p → Resume all reminders).\n"]
    elif pause and pause.start > today:
        parts += [("‖ Reminders pause", "bold"), f" from {short_date(pause.start, today)} to "
                  f"{short_date(pause.end, today)}.\n"]
    parts += [("Reach out: ", "bold"), f"{due:,} now · {counts.get('due soon', 0):,} this week · "]
    total, shown = len(rows.rows), len(rows.shown)
    parts.append(f"{f'{shown:,} of {total:,}' if shown != total else f'{total:,}'} shown")
    filters = rows.filters.labels()
    if filters:
        parts += ["  ", ("[", "dim"), ", ".join(filters), ("]", "dim")]
    hidden = counts.get("archived", 0) + counts.get("do not contact", 0)
    if hidden and not rows.filters.show_inactive:
        parts.append((f" · {hidden} archived hidden", "dim"))
    if rows.marked:
        parts.append((f" · {len(rows.marked)} marked", "bold"))
    return Content.assemble(*parts)


def hint_content(row: ContactRow | None, any_rows: bool, today: date) -> Content:
    """Below the list: why now is a good moment for the contact under the cursor, or where it stands."""
    if row is None:
        return literal("No contacts match — escape clears the search and filters." if any_rows else "")
    if row.reason is not None:
        return Content.assemble(("Why now: ", "bold"), row.reason.text, ("  · c writes", "dim"))
    return Content.assemble((state_sentence(row.info, today), ""), ("  · l logs a touch · enter opens", "dim"))
