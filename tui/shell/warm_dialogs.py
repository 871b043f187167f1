"""The warm-up's steps for forms and dialogs (see :mod:`tui.shell.warm`): their styles parsed, and the
kept dialogs (:mod:`tui.dialogs.kept`) made ahead, behind the screen that opens them. Each returns
what a step returns (``AGAIN`` while the screen it needs is still mounting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app import ReboundApp

#: What a step returns when it can't run yet (:data:`tui.shell.warm.AGAIN` is this object).
AGAIN: object = object()


def board_form(app: ReboundApp) -> object:
    from tui.dialogs.prepare import prepare_board_form

    return prepare_board_form(app)


def forms(app: ReboundApp) -> object:
    from tui.dialogs.prepare import prepare_forms

    return prepare_forms(app)


def new_application_form(app: ReboundApp) -> object:
    # made, mounted and drawn behind the board: n then only sets its column and shows it
    from tui.board.forms import ApplicationForm
    from tui.dialogs import kept

    if app.store.locked:
        return None
    made = kept.make_ahead(app, kept.NEW_APPLICATION, lambda: ApplicationForm(None, "wishlist", in_slices=True))
    return AGAIN if made is kept.NOT_YET else None


def log_dialog(app: ReboundApp) -> object:
    # the same for the contacts' l, made for the row under the cursor (often the one logged first)
    from tui.contacts.screen import ContactsScreen
    from tui.dialogs import kept

    stack = app._screen_stacks.get("contacts")
    if app.store.locked or not stack or not isinstance(stack[0], ContactsScreen) or not stack[0].is_mounted:
        return None
    made = kept.make_ahead(app, kept.LOG_TOUCHPOINT, stack[0].log_dialog)
    return AGAIN if made is kept.NOT_YET else None
