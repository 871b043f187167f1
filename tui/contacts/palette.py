"""The contacts screen's commands in the palette (ctrl+p): every action of the screen, and the ones
about the contact under the cursor, named after them.

A title holding a name is :class:`~textual.content.Content` (plain text), never a markup string:
the palette parses strings as markup, so a contact named ``[/]`` would crash it and one named
``[b]Bob`` would restyle it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store import clock
from store import contacts as C
from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.contacts.screen import ContactsScreen


def about(title: str, help: str, callback: Callable[[], object]) -> PaletteCommand:
    """A command whose title holds user text. PaletteCommand titles are plain text by contract: the
    shell's palette provider (tui/shell/palette.py) shows them as Content, never as markup."""
    return PaletteCommand(title, help, callback)


def commands(screen: ContactsScreen) -> list[PaletteCommand]:
    cmds = [
        PaletteCommand("New contact", "Add a person to keep in touch with (n)", screen.action_new),
        PaletteCommand("Search contacts", "Filter the list as you type (/)", screen.action_search),
        PaletteCommand("Filter: a good moment now only", "Only people to reach out to now, on or off (u)",
                       screen.action_due_now),
        PaletteCommand("Filter by role…", "Recruiters, hiring managers, mentors…", screen.action_filter_role),
        PaletteCommand("Filter by tag…", "Only contacts with a tag", screen.action_filter_tag),
        PaletteCommand("Show or hide archived contacts", "Archived and do-not-contact people",
                       screen.action_toggle_inactive),
        PaletteCommand("Clear contact filters", "Show everyone again", screen.action_clear_filters),
        PaletteCommand("Pause all reminders for N days…", "No reminders meanwhile; afterwards they are spread out",
                       screen.action_pause_all),
        PaletteCommand("Export contacts as CSV", "Spreadsheet-safe, into the exports folder",
                       lambda: screen.action_export("csv")),
        PaletteCommand("Export next check-ins as a calendar (.ics)", "All-day events, for a calendar app",
                       lambda: screen.action_export("ics")),
        PaletteCommand("Set the default cadence…", "How often to keep in touch, unless a role or contact says",
                       screen.action_default_cadence),
        PaletteCommand("Set a role's cadence…", "e.g. recruiters monthly, mentors quarterly",
                       screen.action_role_cadence),
    ]
    pause = C.global_pause(screen.store.settings.current())
    if pause and pause.end >= clock.today():
        cmds.append(PaletteCommand("Resume all reminders now", "End the global pause", screen.action_resume_all))
    row = screen.current_row()
    if row is not None:
        name = row.contact.display_name
        cmds += [
            about(f"Log a touchpoint with {name}", "Date, channel, direction, kind, summary (l)", screen.action_log),
            about(f"Compose to {name}", "Opens the composer with the fitting template (c)", screen.action_compose),
            about(f"Snooze {name}…", "+3 days, +1 week, +2 weeks, +1 month or a date (z)", screen.action_snooze),
            about(f"Pause {name}…", "No reminders until a date (p)", screen.action_pause),
            about(f"Edit {name}", "All fields (e)", screen.action_edit),
            about(f"Delete {name}", "Asks first (d)", screen.action_delete),
            about(f"Touchpoints with {name}", "Edit or delete one (t)", screen.action_touchpoints),
            about(f"Applications linked to {name}", "Open, link or unlink (a)", screen.action_applications),
            about(f"Open {name}", "Details and timeline (enter)", screen.action_open),
            PaletteCommand("Mark or unmark for a shared touchpoint", "space; then l logs one for all",
                           screen.action_mark),
            about(f"Archive {name}", "Kept with its history, never suggested", lambda: screen.set_status("archived")),
            about(f"Do not contact {name}", "Kept, never suggested, no reminders",
                  lambda: screen.set_status("do not contact")),
            about(f"Make {name} active again", "Undo a pause, archive or do-not-contact",
                  lambda: screen.set_status("active")),
        ]
    cmds.append(PaletteCommand("Merge the two marked contacts…",
                               "One person, two records: touchpoints, links and notes follow (M)", screen.action_merge))
    if screen.contacts.marked:
        cmds.append(PaletteCommand("Unmark all contacts", f"{len(screen.contacts.marked)} marked",
                                   screen.action_unmark_all))
    return cmds
