"""What one key of the key map is: plain data, no Textual (the table lives in ``keymap_main`` and
``keymap_views``; :mod:`tui.shell.keymap` turns it into bindings, palette entries and help rows)."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Key:
    """One binding of one screen.

    ``id`` is the binding id a user keymap remaps (``board.reject = R``); ``keys`` Textual's key
    string (``"H,shift+left"``); ``action`` the screen's action (``"move(-1)"``); ``label`` the short
    text of the footer and the help; ``verb`` what the key *means*, the same word on every screen
    (``snooze`` for the board's snooze and the outreach "put off"); ``show`` puts it in the footer;
    ``palette`` is its title in the command palette (``{subject}`` is filled with what the screen
    is on, e.g. a contact's name; empty: not in the palette) and ``about`` the palette's help line.
    """

    id: str
    keys: str
    action: str
    label: str
    verb: str = ""
    show: bool = False
    palette: str = ""
    about: str = ""
    key_display: str | None = None
    priority: bool = False
    group: str = ""

    @property
    def meaning(self) -> str:
        """The verb, else the action's name without its arguments."""
        return self.verb or self.action.partition("(")[0]


def mirror(key: Key, *, show: bool) -> Key:
    """An app-wide key shown on one screen too (same id, so a user keymap moves both): the screen's
    binding runs the app's action."""
    return replace(key, action=f"app.{key.action}", palette="", show=show)


@dataclass(frozen=True)
class Scope:
    """The keys of one screen, dialog or view, in footer order."""

    name: str
    title: str
    keys: tuple[Key, ...]


#: Verbs that change or remove data for good; they ask first, and their letters mean nothing else.
DESTRUCTIVE = frozenset({"delete", "reject", "ghost"})

#: What each letter means, in words, for the README and the help (verb → words).
MEANINGS = {
    "new": "new (application, entry, contact, message, template)",
    "edit": "edit the selected item",
    "delete": "delete the selected item (asks first; Cancel is focused)",
    "undo": "undo the last one-key change (on a done or skipped plan step in Today: put it back to do)",
    "snooze": "snooze / put off until later",
    "follow_up": "follow up (log it on the board; write the follow-up in Outreach)",
    "filter": "filter or search the list inline",
    "filter_by": "filter by… (kind, tag, role, application)",
    "reject": "mark rejected (asks first)",
    "ghost": "mark ghosted (asks first)",
    "close_card": "close with an outcome (asks which)",
    "move_back": "move the card a stage back",
    "move_on": "move the card a stage on (advance)",
    "sweep": "sweep the cards that need attention",
    "goto": "go to an application",
    "view": "the board as cards or as a list",
    "linked": "open what is linked (a card's contact, a contact's applications)",
    "figures": "figures: pipeline health, journal trends",
    "lessons": "lessons (your interview-prep list)",
    "reframe": "guided reframe",
    "checkin": "quick check-in",
    "write": "write: a free write (Journal), a message to the contact (Contacts)",
    "export": "export the journal to Markdown",
    "copy": "copy the message",
    "copy_subject": "copy the subject line",
    "mark_sent": "mark the message sent",
    "templates": "message templates",
    "duplicate": "duplicate the template",
    "log": "log a touchpoint",
    "history": "a contact's touchpoints (edit, delete)",
    "pause": "pause a contact's reminders",
    "merge": "merge the two marked contacts",
    "now_only": "only people it's a good moment to reach out to",
    "options": "an import's options (columns, stage names, dates, same names)",
    "skip": "skip a plan step",
    "done": "mark a plan step done",
    "leave": "leave: close this view, or quit from a main screen",
    "settings": "Settings",
    "help": "help for this screen (press again to close)",
    "go": "go to a screen",
    "down": "down",
    "up": "up",
    "left": "left (board columns, a 1–5 scale)",
    "right": "right (board columns, a 1–5 scale)",
    "more": "raise a 0–100 rating by 10",
    "less": "lower a 0–100 rating by 10",
    "remove": "remove the item from a form's list (not saved until the form is)",
    "answer_no": "no (in a yes/no question)",
    "answer_yes": "yes (in a yes/no question)",
    "reload": "reload the data file (when it changed on disk)",
    "keep_both": "keep both versions (when the data file changed on disk)",
}
