"""The palette's app-wide commands, on every screen: the app's own keys (from the key map), then the
ways to start anything from anywhere — a new application, contact or message, a quick check-in, a
free write, a guided reframe, going to an application, a contact or a journal entry — each field of
Settings by what it is called, support, themes, your data, and moving in and out.

A command that belongs to a screen is left out on that screen: its own entry is there already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.markup import escape
from textual.screen import Screen

from themes import THEME_NAMES
from tui.shell import keymap
from tui.shell.palette import main_screen
from tui.transfer.palette import commands as transfer_commands

if TYPE_CHECKING:
    from tui.app import ReboundApp

THEME_LABELS = {"rebound-dark": "Rebound dark", "rebound-light": "Rebound light", "rebound-contrast": "High contrast"}

#: Settings by field: (title, help, the field the form opens on).
SETTINGS_FIELDS = [
    ("Settings: my name and signature", "How messages are signed; prompts can use your first name", "my_name"),
    ("Settings: pipeline floor and weekly goal", "Live applications to keep in play; applications a week",
     "pipeline_floor"),
    ("Settings: keep-in-touch cadence and LinkedIn tier", "How often to keep in touch; note length",
     "default_cadence"),
    ("Settings: quiet days and cool-off", "When a card counts as quiet; outreach after a rejection",
     "quiet_days"),
    ("Settings: theme", "Dark, light or high contrast (remembered)", "theme"),
    ("Settings: support line and someone to reach", "Private, on this machine; the support panel shows them",
     "support_line"),
    ("Settings: keys (your own key map)", "Remap any key by its binding id, e.g. board.reject = R", "keymap"),
]


def app_commands(app: ReboundApp, screen: Screen[object]) -> Iterator[SystemCommand]:
    home = getattr(main_screen(app, screen), "SCREEN_KEY", "")
    for entry in keymap.palette("app", app.user_keymap):
        yield SystemCommand(entry.title, entry.help, partial(app.call_later, app.run_action, entry.action))
    yield SystemCommand("Support: I'm struggling", "Your support line and someone to reach (not therapy)",
                        app.action_support)
    for title, help_text, mode, run in _anywhere(app):
        if mode != home:
            yield SystemCommand(title, help_text, run)
    for title, help_text, field in SETTINGS_FIELDS:
        yield SystemCommand(title, help_text, partial(app.open_settings, field))
    for name in THEME_NAMES:
        # the palette reads a title as markup: the label is escaped, so it always shows as written
        yield SystemCommand("Theme: " + escape(THEME_LABELS.get(name, name)), "Switch theme (remembered)",
                            partial(app.action_set_theme, name))
    yield SystemCommand("Data: where is my data", "Data folder, data file and the last backup",
                        app.action_show_data_info)
    yield SystemCommand("Data: back up now", "Take a snapshot in the backups folder", app.action_backup_now)
    yield from transfer_commands(app)


def _anywhere(app: ReboundApp) -> list[tuple[str, str, str, Callable[[], object]]]:
    """(title, help, the screen whose own entry does the same — "" for none —, what it runs)."""
    return [
        ("New application", "Add a card to the board's wishlist or current column", "board", app.new_application),
        ("New contact", "Someone to keep in touch with", "contacts", partial(new_contact, app)),
        ("New message", "A thank-you, a feedback request, a check-in… from a template", "outreach",
         partial(new_message, app)),
        ("Quick check-in", "Journal: mood 1-5, energy, a note", "journal", partial(journal_checkin, app)),
        ("Free write", "Journal: write freely; ctrl+e for $EDITOR", "journal", partial(journal_freewrite, app)),
        ("Guided reframe", "Journal: check a hurtful thought against the evidence", "journal",
         partial(app.start_reframe)),
        ("Go to application…", "Search every application by company or role", "board", partial(go_to_application, app)),
        ("Go to contact…", "Search your contacts by name, company or email", "", partial(go_to_contact, app)),
        ("Go to journal entry…", "Search your entries by date, kind or words", "", partial(go_to_entry, app)),
    ]


def new_contact(app: ReboundApp) -> None:
    from tui.contacts.screen import ContactsScreen

    app.show_on("contacts", ContactsScreen, lambda s: s.action_new())


def new_message(app: ReboundApp) -> None:
    from tui.outreach.screen import OutreachScreen

    app.show_on("outreach", OutreachScreen, lambda s: s.action_new())


def journal_checkin(app: ReboundApp) -> None:
    from tui.journal.screen import JournalScreen

    app.show_on("journal", JournalScreen, lambda s: s.action_checkin())


def journal_freewrite(app: ReboundApp) -> None:
    from tui.journal.screen import JournalScreen

    app.show_on("journal", JournalScreen, lambda s: s.action_freewrite())


def go_to_application(app: ReboundApp) -> None:
    from tui.board.panels import GoToDialog

    def picked(app_id: str | None) -> None:
        if app_id:
            app.open_application(app_id)

    app.push_screen(GoToDialog(app.store.applications.all()), picked)


def go_to_contact(app: ReboundApp) -> None:
    from tui.contacts.picker import ContactPicker

    def picked(contact_id: str | None) -> None:
        if contact_id:
            app.open_contact(contact_id)

    people = sorted(app.store.contacts.all(), key=lambda c: c.display_name.casefold())
    choices = [(c.id, f"{c.display_name} · {c.company}" if c.company else c.display_name) for c in people]
    app.push_screen(ContactPicker("Go to contact", choices), picked)


def go_to_entry(app: ReboundApp) -> None:
    from store.dates import short_date
    from store.journal import headline, kind_label
    from tui.contacts.picker import ContactPicker

    def picked(entry_id: str | None) -> None:
        if entry_id:
            app.open_journal_entry(entry_id)

    entries = sorted(app.store.journal.all(), key=lambda e: (e.entry_date, e.created_at), reverse=True)
    choices = [(e.id, f"{short_date(e.entry_date)} · {kind_label(e.kind)}: {headline(e) or '(nothing written)'}")
               for e in entries]
    app.push_screen(ContactPicker("Go to journal entry", choices, placeholder="a date, a kind or words"), picked)
