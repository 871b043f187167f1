"""The key map of the app and its five main screens (the one source: each screen's BINDINGS, its
palette entries and its help rows are made from these; see :mod:`tui.shell.keymap`).

A letter means one thing on every screen where it exists (``tests/test_keymap.py`` checks it, with
its few exceptions and their reasons). Keep ids stable: people remap keys by id."""

from __future__ import annotations

from dataclasses import replace

from tui.shell.keyspec import Key as K
from tui.shell.keyspec import Scope, mirror

MOVE = "Move "

SETTINGS = K("app.settings", "comma", "settings", "Settings", "settings", palette="Settings…",
             about="Your name, signature, pipeline floor, weekly goal, cadence, theme, keys")

UNDO = K("app.undo", "u", "undo", "Undo", palette="Undo the last change",
         about="Put back the last one-key change: reject, ghost, close, a move, delete, mark sent, an import")

APP = Scope("app", "Everywhere", (
    K("go.today", "1", "go('today')", "Today", "go", palette="Go to Today", about="Open the Today screen"),
    K("go.board", "2", "go('board')", "Board", "go", palette="Go to Board", about="Open the Board screen"),
    K("go.journal", "3", "go('journal')", "Journal", "go", palette="Go to Journal", about="Open the Journal screen"),
    K("go.contacts", "4", "go('contacts')", "Contacts", "go", palette="Go to Contacts",
      about="Open the Contacts screen"),
    K("go.outreach", "5", "go('outreach')", "Outreach", "go", palette="Go to Outreach",
      about="Open the Outreach screen"),
    SETTINGS,
    UNDO,
    K("app.help", "question_mark", "help", "Help", show=True, palette="Help for this screen",
      about="Keys and what this screen is for"),
    K("app.help_f1", "f1", "help", "Help"),
    K("app.quit", "q", "quit_app", "Quit", "leave", show=True, palette="Quit",
      about="Quit Rebound (everything is already saved)"),
))

TODAY = Scope("today", "Today", (
    K("today.do", "enter", "do", "Do it", "open", show=True, palette="Today: do the highlighted step",
      about="Open or do what the highlighted row asks"),
    K("today.done", "space", "done", "Done", show=True, palette="Today: mark step done",
      about="Mark the highlighted plan step done"),
    K("today.skip", "s", "skip", "Skip", show=True, palette="Today: skip step", about="Skip the highlighted plan step"),
    K("today.snooze", "z", "snooze", "Snooze", show=True, palette="Today: snooze step",
      about="Snooze the highlighted plan step to a day you choose"),
    replace(UNDO, label="Undo", palette="Today: undo",
            about="Put the highlighted plan step back to do; elsewhere, the last one-key change"),
    K("today.add_contact", "n", "add_contact", "Add as a contact", "new", palette="Today: add as a contact",
      about="The highlighted name met during the application becomes a contact"),
    mirror(SETTINGS, show=True),
    K("today.filter", "slash", "filter", "Filter", palette="Today: filter", about="Show only rows with these words"),
    K("today.clear_filter", "escape", "clear_filter", "Clear filter", "back"),
    K("today.expand", "right", "expand", "Show a plan's steps", "right", palette="Today: show the plan's steps",
      about="Open the highlighted plan"),
    K("today.fold", "left", "fold", "Fold a plan", "left", palette="Today: fold the plan",
      about="Show the highlighted plan as one line"),
    K("today.down", "j", "cursor_down", "Down", "down"),
    K("today.up", "k", "cursor_up", "Up", "up"),
))

BOARD = Scope("board", "Board", (
    K("board.new", "n", "new", "New", show=True, palette="Board: new application",
      about="Add a card to the current column"),
    K("board.edit", "e", "edit", "Edit", palette="Board: edit the selected application", about="All fields"),
    K("board.move_back", "H,shift+left", "move(-1)", "Move back", "move_back", show=True, key_display="H",
      group=MOVE, palette="Board: move the card back a stage", about="Reopens a closed card"),
    K("board.move_forward", "L,shift+right", "move(1)", "Move on", "move_on", show=True, key_display="L",
      group=MOVE, palette="Board: move the card to the next stage", about="Stamped in its stage history"),
    K("board.close", "x", "close_card", "Close", show=True, palette="Board: close with an outcome",
      about="accepted, rejected, ghosted, withdrew, declined, role closed"),
    K("board.reject", "R", "reject", "Reject", show=True, palette="Board: mark rejected",
      about="Close as rejected (asks first)"),
    K("board.ghost", "G", "ghost", "Ghosted", palette="Board: mark ghosted", about="Close as ghosted (asks first)"),
    K("board.sweep", "S", "sweep", "Sweep", show=True, palette="Board: sweep cards that need attention",
      about="Quiet or due, one key each"),
    K("board.filter", "slash", "filter", "Filter", show=True, key_display="/", palette="Board: filter",
      about="Company, role, tags, notes"),
    K("board.delete", "d", "delete", "Delete", palette="Board: delete the selected application", about="Asks first"),
    K("board.follow_up", "f", "follow_up", "Followed up", palette="Board: followed up",
      about="Log it; next action in a week"),
    K("board.snooze", "z", "snooze", "Snooze a week", palette="Board: snooze a week",
      about="Out of the sweep for 7 days"),
    K("board.health", "T", "health", "Pipeline health", "figures", palette="Board: pipeline health",
      about="Floor, weekly goal, funnel, reply time"),
    K("board.goto", "g", "goto", "Go to application", palette="Board: go to application…",
      about="Search every application by company or role"),
    K("board.view", "v", "toggle_view", "List view", "view", palette="Board: list view / cards",
      about="The pipeline as one line per card, or as columns"),
    K("board.contact", "a", "contact", "Open a linked contact", "linked", palette="Board: open a linked contact",
      about="The contacts named on the card"),
    K("board.clear_filter", "escape", "clear_filter", "Clear filter", "back", palette="Board: clear the filter",
      about="Show every card"),
))

JOURNAL = Scope("journal", "Journal", (
    K("journal.new", "n", "new", "New", show=True, palette="Journal: write something new…",
      about="A quick check-in, a free write or a guided reframe"),
    K("journal.search", "slash", "search", "Search", "filter", show=True, palette="Journal: search",
      about="Every word must match; matches are marked"),
    K("journal.filter", "F", "filter", "Filter", "filter_by", show=True, palette="Journal: filter…",
      about="By kind, tag or linked application"),
    K("journal.reframe", "r", "reframe", "Reframe", show=True, palette="Journal: guided reframe",
      about="Start a thought record, or resume the unfinished one"),
    K("journal.edit", "e", "edit", "Edit", show=True, palette="Journal: edit entry", about="Edit the selected entry"),
    K("journal.delete", "d", "delete", "Delete", show=True, palette="Journal: delete entry",
      about="Delete the selected entry, after asking"),
    K("journal.lessons", "i", "lessons", "Lessons", show=True, palette="Journal: lessons",
      about="Every lesson with its source entry (your interview-prep list)"),
    K("journal.trends", "T", "trends", "Trends", "figures", show=True, palette="Journal: trends",
      about="Mood over 30/90 days, relief per record"),
    K("journal.checkin", "c", "checkin", "Quick check-in", palette="Journal: new quick check-in",
      about="Mood 1-5, energy, a note"),
    K("journal.freewrite", "w", "freewrite", "Free write", "write", palette="Journal: new free write",
      about="Write freely; ctrl+e for $EDITOR"),
    K("journal.export", "X", "export", "Export to Markdown", palette="Journal: export to Markdown",
      about="Write the journal to the exports folder"),
    K("journal.clear", "escape", "clear", "Clear search and filters", "back",
      palette="Journal: clear search and filters", about="Show every entry"),
))

CONTACTS = Scope("contacts", "Contacts", (
    K("contacts.open", "enter", "open", "Open", show=True, palette="Open {subject}", about="Details and timeline"),
    K("contacts.new", "n", "new", "New", show=True, palette="New contact", about="Add a person to keep in touch with"),
    K("contacts.edit", "e", "edit", "Edit", palette="Edit {subject}", about="All fields"),
    K("contacts.delete", "d", "delete", "Delete", palette="Delete {subject}", about="Asks first"),
    K("contacts.log", "l", "log", "Log", show=True, palette="Log a touchpoint with {subject}",
      about="Date, channel, direction, kind, summary"),
    K("contacts.snooze", "z", "snooze", "Snooze", show=True, palette="Snooze {subject}…",
      about="+3 days, +1 week, +2 weeks, +1 month or a date"),
    K("contacts.compose", "w", "compose", "Compose", "write", show=True, palette="Compose to {subject}",
      about="Opens the composer with the fitting template"),
    K("contacts.search", "slash", "search", "Search", "filter", show=True, palette="Search contacts",
      about="Filter the list as you type"),
    K("contacts.filter", "F", "filter", "Filter", "filter_by", palette="Filter contacts…",
      about="By role, tag, a good moment now, archived"),
    K("contacts.due_now", "N", "due_now", "A good moment now only", "now_only",
      palette="Filter: a good moment now only", about="Only people to reach out to now, on or off"),
    K("contacts.mark", "space", "mark", "Mark for a shared touch", palette="Mark or unmark for a shared touchpoint",
      about="Then l logs one for all the marked"),
    K("contacts.merge", "M", "merge", "Merge the two marked", palette="Merge the two marked contacts…",
      about="One person, two records: touchpoints, links and notes follow"),
    K("contacts.pause", "p", "pause", "Pause contact", palette="Pause {subject}…", about="No reminders until a date"),
    K("contacts.touchpoints", "h", "touchpoints", "Touchpoints (edit, delete)", "history",
      palette="Touchpoints with {subject}", about="Edit or delete one"),
    K("contacts.applications", "a", "applications", "Linked applications", "linked",
      palette="Applications linked to {subject}", about="Open, link or unlink"),
    K("contacts.back", "escape", "back", "Back / clear", "back"),
))

OUTREACH = Scope("outreach", "Outreach", (
    K("outreach.down", "j,down", "cursor_down", "Down", "down"),
    K("outreach.up", "k,up", "cursor_up", "Up", "up"),
    K("outreach.open", "enter", "open", "Open"),
    K("outreach.new", "n", "new", "New", show=True, palette="Outreach: new message", about="Pick a kind and write it"),
    K("outreach.edit", "e", "edit", "Edit", show=True, palette="Outreach: open / edit",
      about="Edit the selected draft"),
    K("outreach.copy", "y", "copy", "Copy", show=True, palette="Outreach: copy message",
      about="Copy the rendered message to the clipboard"),
    K("outreach.mark_sent", "m", "mark_sent", "Mark sent", show=True, palette="Outreach: mark sent",
      about="Log it on the contact and the application"),
    K("outreach.handoff", "ctrl+s", "handoff", "Save…", "save", show=True, palette="Outreach: save or hand off…",
      about="A text file, an email file (.eml) or a mailto: link"),
    K("outreach.put_off", "z", "put_off", "Snooze", "snooze", show=True,
      palette="Outreach: snooze until tomorrow / bring back", about="Sleep on it"),
    K("outreach.follow_up", "f", "follow_up", "Follow-up", show=True, palette="Outreach: follow-up to the same person",
      about="A new message to the same recipient"),
    K("outreach.delete", "d", "delete", "Delete", show=True, palette="Outreach: delete",
      about="Delete the selected message"),
    K("outreach.templates", "t", "templates", "Templates", palette="Outreach: templates",
      about="Your templates; duplicate a built-in one"),
    K("outreach.copy_subject", "Y", "copy_subject", "Copy subject", palette="Outreach: copy subject",
      about="Copy the subject line"),
    K("outreach.filter", "slash", "filter", "Filter", palette="Outreach: filter the list",
      about="Type to narrow the list"),
    K("outreach.clear_filter", "escape", "clear_filter", "Clear filter", "back"),
))

MAIN_SCOPES = (APP, TODAY, BOARD, JOURNAL, CONTACTS, OUTREACH)
