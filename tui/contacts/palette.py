"""The contacts screen's palette entries (ctrl+p) beyond its keys (those come from the key map,
:mod:`tui.shell.keymap_main`, named after the contact under the cursor).

Titles are plain text by contract (the shell's provider, tui/shell/palette.py, shows them as
Content, never as markup): a contact named ``[/]`` would crash a markup string, ``[b]Bob`` restyle it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store import clock
from store import contacts as C
from tui.shell.base import PaletteCommand

if TYPE_CHECKING:
    from tui.contacts.screen import ContactsScreen


def extras(screen: ContactsScreen) -> list[PaletteCommand]:
    cmds = [
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
    name = screen.palette_subject()
    if name is not None:
        cmds += [
            PaletteCommand(f"Archive {name}", "Kept with its history, never suggested",
                           lambda: screen.set_status("archived")),
            PaletteCommand(f"Do not contact {name}", "Kept, never suggested, no reminders",
                           lambda: screen.set_status("do not contact")),
            PaletteCommand(f"Make {name} active again", "Undo a pause, archive or do-not-contact",
                           lambda: screen.set_status("active")),
        ]
    if screen.contacts.marked:
        cmds.append(PaletteCommand("Unmark all contacts", f"{len(screen.contacts.marked)} marked",
                                   screen.action_unmark_all))
    return cmds
