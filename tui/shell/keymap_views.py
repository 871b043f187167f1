"""The key map of the views, forms and dialogs opened over the main screens (the rest of the one
source; see :mod:`tui.shell.keymap_main`)."""

from __future__ import annotations

from tui.shell.keymap_main import MOVE
from tui.shell.keyspec import Key as K
from tui.shell.keyspec import Scope

CANCEL = K("dialog.cancel", "escape", "cancel", "Cancel", "back", show=True)


def _down_up(prefix: str, keys: tuple[str, str] = ("j,down", "k,up"), action: tuple[str, str] = ("down", "up"),
             ) -> tuple[K, K]:
    return (K(f"{prefix}.down", keys[0], action[0], "Down", "down"), K(f"{prefix}.up", keys[1], action[1], "Up", "up"))


BOARD_VIEWS = (
    Scope("board.details", "Board › application", (
        K("details.back", "escape,q", "back", "Back", "leave", show=True),
        K("details.edit", "e", "edit", "Edit", show=True),
        K("details.back_stage", "H,shift+left", "move(-1)", "Move back", "move_back", show=True, key_display="H",
          group=MOVE),
        K("details.forward", "L,shift+right", "move(1)", "Move on", "move_on", show=True, key_display="L", group=MOVE),
        K("details.close", "x", "close_card", "Close", show=True),
        K("details.reject", "R", "reject", "Reject", show=True),
        K("details.ghost", "G", "ghost", "Ghosted"),
        K("details.follow_up", "f", "follow_up", "Followed up", show=True),
        K("details.snooze", "z", "snooze", "Snooze", show=True),
        K("details.delete", "d", "delete", "Delete"),
        K("details.contact", "a", "contact", "Open contact", "linked"),
        K("details.down", "j,down", "scroll(1)", "Down", "down"),
        K("details.up", "k,up", "scroll(-1)", "Up", "up"),
    )),
    Scope("board.sweep", "Board › sweep", (
        K("sweep.follow_up", "f", "follow_up", "Followed up", show=True),
        K("sweep.ghosted", "G", "ghosted", "Ghosted", "ghost", show=True),
        K("sweep.reject", "R", "reject", "Rejected", show=True),
        K("sweep.snooze", "z", "snooze", "Snooze", show=True),
        K("sweep.advance", "L", "advance", "Advance", "move_on", show=True),
        K("sweep.open", "enter", "open", "Open", show=True),
        K("sweep.skip", "j,down", "skip(1)", "Skip", "down"),
        K("sweep.back", "k,up", "skip(-1)", "Back", "up"),
        K("sweep.leave", "escape", "leave", "Leave", "back", show=True),
    )),
    Scope("board.health", "Board › pipeline health", (
        K("health.close", "escape,q", "close", "Close", "leave", show=True),
        K("health.toggle", "T", "close", "Close", "figures"),
    )),
    Scope("board.goto", "Board › go to application", (
        K("goto.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("goto.down", "down", "down", "Down", "down"),
        K("goto.up", "up", "up", "Up", "up"),
    )),
    Scope("board.form", "Board › application form", (
        K("form.save", "ctrl+s", "save", "Save", show=True),
        K("form.cancel", "escape", "cancel", "Cancel", "back", show=True),
    )),
    Scope("board.close", "Board › close with an outcome", (
        K("close.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("close.save", "ctrl+s", "save", "Close it", show=True),
    )),
)

JOURNAL_VIEWS = (
    Scope("journal.form", "Journal › entry", (
        K("journal.form.save", "ctrl+s", "finish", "Save", "save", show=True, priority=True),
        K("journal.form.close", "escape", "leave", "Close", "back", show=True),
        K("journal.form.help", "f1", "form_help", "Help", "help", show=True),
    )),
    Scope("journal.freewrite", "Journal › free write", (
        K("journal.freewrite.editor", "ctrl+e", "editor", "$EDITOR", show=True, priority=True),
        K("journal.freewrite.timer", "ctrl+t", "timer", "15-min timer", show=True, priority=True),
        K("journal.freewrite.prompt", "ctrl+r", "next_prompt", "Prompt", show=True, priority=True),
    )),
    Scope("journal.wizard", "Journal › guided reframe", (
        K("journal.wizard.next", "pagedown,alt+right", "next_step", "Next/skip", show=True, priority=True,
          key_display="PgDn"),
        K("journal.wizard.back", "pageup,alt+left", "prev_step", "Back", show=True, priority=True, key_display="PgUp"),
        K("journal.wizard.finish", "ctrl+s", "finish", "Finish", "save", show=True, priority=True),
        K("journal.wizard.prompt", "ctrl+r", "next_prompt", "Prompt", show=True, priority=True),
        K("journal.wizard.link", "ctrl+l", "link", "Link", show=True, priority=True),
        K("journal.wizard.leave", "escape", "leave", "Leave", "back", show=True),
        K("journal.wizard.help", "f1", "form_help", "Help", "help", show=True),
    )),
    Scope("journal.reader", "Journal › entry", (
        K("journal.reader.close", "escape,q", "close", "Close", "leave", show=True),
        K("journal.reader.edit", "e", "edit", "Edit", show=True),
        K("journal.reader.down", "j,down", "scroll(1)", "Down", "down"),
        K("journal.reader.up", "k,up", "scroll(-1)", "Up", "up"),
        K("journal.reader.pgdn", "space,pagedown", "page(1)", "Page down", "page_down"),
        K("journal.reader.pgup", "pageup", "page(-1)", "Page up", "page_up"),
    )),
    Scope("journal.lessons", "Journal › lessons", (
        K("journal.lessons.close", "escape,q", "close", "Close", "leave", show=True),
        *_down_up("journal.lessons", ("j", "k")),
    )),
    Scope("journal.trends", "Journal › trends", (
        K("journal.trends.close", "escape,q", "close", "Close", "leave", show=True),
    )),
)

CONTACTS_VIEWS = (
    Scope("contacts.detail", "Contacts › details", _down_up("contacts.detail", ("j", "k"),
                                                            ("scroll_down", "scroll_up"))),
    Scope("contacts.form", "Contacts › contact form", (
        K("contact_form.save", "ctrl+s", "save", "Save", show=True),
        K("contact_form.cancel", "escape", "cancel", "Cancel", "back", show=True),
    )),
    Scope("contacts.picker", "Pick one", (
        K("contact_picker.cancel", "escape", "cancel", "Cancel", "back", show=True),
        *_down_up("contact_picker", ("down", "up")),
    )),
    Scope("contacts.import", "Contacts › import LinkedIn", (
        K("import.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("import.confirm", "ctrl+s", "confirm", "Import", "save", show=True),
        K("import.same_names", "o", "same_names", "Same names", "options"),
        *_down_up("import", ("j", "k"), ("scroll_down", "scroll_up")),
    )),
    Scope("contacts.touchpoint", "Contacts › touchpoint", (
        K("touchpoint.save", "ctrl+s", "save", "Save", show=True),
        K("touchpoint.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("touchpoint.add_contact", "ctrl+n", "add_contact", "Add contact", show=True),
    )),
    Scope("contacts.touchpoints", "Contacts › touchpoints", (
        K("touchpoints.close", "escape", "close", "Close", "back", show=True),
        K("touchpoints.edit", "e", "edit", "Edit", show=True),
        K("touchpoints.delete", "d", "delete", "Delete", show=True),
        K("touchpoints.new", "n", "new", "Log new", show=True),
        K("touchpoints.log", "l", "new", "Log new", "log"),
        *_down_up("touchpoints", ("j", "k")),
    )),
)

OUTREACH_VIEWS = (
    Scope("outreach.templates", "Outreach › templates", (
        *_down_up("outreach.templates", action=("cursor_down", "cursor_up")),
        K("outreach.templates.close", "escape", "close", "Back", "back", show=True, palette="Templates: back",
          about="Back to the messages"),
        K("outreach.templates.open", "enter", "edit", "Edit", "open"),
        K("outreach.templates.edit", "e", "edit", "Edit", show=True, palette="Templates: edit",
          about="Edit your selected template"),
        K("outreach.templates.duplicate", "C", "duplicate", "Duplicate", show=True, palette="Templates: duplicate",
          about="Copy the selected template to make it yours"),
        K("outreach.templates.new", "n", "new", "New", show=True, palette="Templates: new",
          about="Start a blank template"),
        K("outreach.templates.delete", "d", "delete", "Delete", show=True, palette="Templates: delete",
          about="Delete your selected template"),
    )),
    Scope("outreach.template", "Outreach › template", (
        K("outreach.template.save", "ctrl+s", "save", "Save", show=True, priority=True, palette="Template: save",
          about="Save this template"),
        K("outreach.template.cancel", "escape", "cancel", "Cancel", "back", show=True, palette="Template: cancel",
          about="Close without saving"),
    )),
    Scope("outreach.sent", "Outreach › mark sent", (
        K("outreach.sent.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("outreach.sent.confirm", "ctrl+s", "confirm", "Mark sent", "save", show=True),
    )),
    Scope("outreach.picker", "Outreach › pick a template", (
        K("outreach.picker.cancel", "escape", "cancel", "Cancel", "back", show=True),
        *_down_up("outreach.picker", ("j", "k")),
    )),
    Scope("outreach.editor", "Outreach › composer", (
        K("outreach.editor.save", "ctrl+s", "save", "Save", show=True, priority=True),
        K("outreach.editor.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("outreach.editor.next_slot", "ctrl+n", "next_slot", "Next slot", priority=True),
        K("outreach.editor.external", "ctrl+e", "external_editor", "$EDITOR", show=True, priority=True),
        K("outreach.editor.recipient", "ctrl+t", "pick_recipient", "To…", show=True, priority=True),
        K("outreach.editor.application", "ctrl+o", "pick_application", "Application…", priority=True),
        K("outreach.editor.template", "ctrl+l", "pick_template", "Template…", priority=True),
        K("outreach.editor.unsent", "ctrl+g", "unsent_letter", "Unsent letter", priority=True),
    )),
    Scope("outreach.pick", "Outreach › pick one", (
        K("outreach.pick.cancel", "escape", "cancel", "Cancel", "back", show=True),
        *_down_up("outreach.pick", ("down", "up")),
        K("outreach.pick.pagedown", "pagedown", "page_down", "Page down", "page_down"),
        K("outreach.pick.pageup", "pageup", "page_up", "Page up", "page_up"),
    )),
)

SHELL_VIEWS = (
    Scope("settings", "Settings", (
        K("settings.save", "ctrl+s", "save", "Save", show=True),
        K("settings.cancel", "escape", "cancel", "Cancel", "back", show=True),
    )),
    Scope("help", "Help", (
        K("help.close", "escape,question_mark", "close", "Close", "help", show=True),
        K("help.leave", "q", "close", "Close", "leave"),
        *_down_up("help", action=("scroll_down", "scroll_up")),
    )),
    Scope("care.support", "Support", (
        K("support.close", "escape", "close", "Close", "back", show=True),
        K("support.previous", "left", "app.focus_previous", "Previous", "left"),
        K("support.next", "right", "app.focus_next", "Next", "right"),
    )),
    Scope("today.refill", "Today › refill the pipeline", (
        K("refill.close", "escape", "close", "Close", "back", show=True),
        K("refill.new", "n", "new", "New, in Wishlist", show=True),
        *_down_up("refill", ("j", "k")),
    )),
    Scope("transfer.preview", "Import preview", (
        K("transfer.cancel", "escape", "cancel", "Cancel", "back", show=True),
        K("transfer.save", "ctrl+s", "save", "Import", show=True),
        K("transfer.options", "o", "options", "Options"),
        *_down_up("transfer", ("j", "k"), ("scroll_down", "scroll_up")),
    )),
    Scope("welcome", "Welcome", (K("welcome.skip", "escape", "skip", "Skip", "back", show=True),)),
    Scope("privacy", "Settings › privacy", (
        K("privacy.save", "ctrl+s", "save", "Save", show=True),
        K("privacy.close", "escape", "close", "Close", "back", show=True),
    )),
    Scope("privacy.unlock", "Unlock", (K("unlock.quit", "escape", "give_up", "Quit", "back", show=True),)),
    Scope("privacy.passphrase", "A passphrase", (CANCEL,)),
    Scope("dialog.confirm", "A question", (
        CANCEL,
        K("dialog.no", "n", "cancel", "No", "answer_no"),
        K("dialog.confirm", "y", "confirm", "Yes", "answer_yes", show=True),
    )),
    Scope("dialog.choice", "Pick one", (CANCEL, *_down_up("dialog", ("j", "k")))),
    Scope("dialog.prompt", "A question", (CANCEL,)),
    Scope("dialog.conflict", "The data file changed", (
        K("dialog.cancel", "escape", "cancel", "Decide later", "back", show=True),
        K("conflict.reload", "r", "reload", "Reload", show=True),
        K("conflict.keep_both", "b", "keep_both", "Keep both", show=True),
    )),
)

VIEW_SCOPES = (*BOARD_VIEWS, *JOURNAL_VIEWS, *CONTACTS_VIEWS, *OUTREACH_VIEWS, *SHELL_VIEWS)
