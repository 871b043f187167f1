"""The board's verbs that need a dialog or a word to the user, shared by the board, the details
view and the sweep.

:class:`CardFlows` holds the app and a :class:`~tui.board.actions.BoardActions`, never a screen:
it asks (the form, the close dialog, "delete?"), lets the actions do the work, says the result,
and then calls ``done(ok)``. ``done`` can run while the dialog that asked is still on top (from its
dismiss callback): a caller that wants to leave then must wait until it is the current screen again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store.models import Application
from tui.board.actions import DELETE_QUESTION, NO_CONTACT, NOT_SELECTED, BoardActions, Direction, Said
from tui.shell.keymap import key_of
from widgets.paint_first import collect_after_paint

if TYPE_CHECKING:
    from tui.app import ReboundApp
    from tui.board.closing import Closing

# The dialogs and the form are imported when first asked for (or by the warm-up after the board is
# made): the board and its moves need none of them (see tui.board.screen.OPENED_LATER).

Done = Callable[[bool], None]


def _nothing(ok: bool) -> None:
    """The default ``done``."""


def _new_feedback(before: Application, after: Application) -> bool:
    """Feedback was recorded (or changed) by this edit."""
    return bool(after.feedback.strip()) and after.feedback.strip() != before.feedback.strip()


class CardFlows:
    """Ask, act, say (see the module docstring)."""

    def __init__(self, app: ReboundApp, actions: BoardActions) -> None:
        self.app = app
        self.actions = actions

    def say(self, said: Said) -> bool:
        """Show what a verb said (user text stays literal); True when it changed something."""
        if said.message:
            self.app.notify(said.message, title=said.title, severity=said.severity, timeout=said.timeout,
                            markup=False)
        return said.ok

    def _need(self, app_id: str) -> Application | None:
        app = self.actions.get(app_id)
        if app is None:
            self.say(Said(False, NOT_SELECTED))
        return app

    def edit(self, app_id: str, done: Done = _nothing) -> None:
        """The form on this card; saved on ``ctrl+s``."""
        app = self._need(app_id)
        if app is None:
            return
        notice = self.actions.read_only_notice()
        if notice is not None:
            self.say(notice)
            return

        from tui.board.brief import RECORDED
        from tui.board.forms import ApplicationForm

        def saved(changed: Application | None) -> None:
            if changed is not None and self.say(self.actions.update(changed)) and _new_feedback(app, changed):
                self.app.notify(RECORDED, title="Feedback", markup=False, timeout=10)
            done(changed is not None)

        linked = [c.display_name for c in self.actions.linked_contacts(app)]
        collect_after_paint(self.app)
        self.app.push_screen(ApplicationForm(app, linked_names=linked), saved)

    def step(self, app_id: str, direction: Direction, done: Done = _nothing) -> None:
        """``H``/``L``; moving an Offer on asks how it ended (preset: accepted)."""
        said = self.actions.step(app_id, direction)
        if said.ask_outcome is not None:
            self.close_with_outcome(app_id, said.ask_outcome, done)
            return
        done(self.say(said))

    def close_with_outcome(self, app_id: str, preset: str | None = None, done: Done = _nothing) -> None:
        """``x``: pick the outcome, a reason and the day, then close."""
        from tui.board.closing import CloseDialog

        app = self._need(app_id)
        if app is None:
            return

        def chosen(closing: Closing | None) -> None:
            ok = closing is not None and self.say(self.actions.close(app_id, closing.outcome, closing.reason,
                                                                     closing.on, closing.control))
            done(ok)

        self.app.push_screen(CloseDialog(app, preset), chosen)

    def reject(self, app_id: str, done: Done = _nothing) -> None:
        """``R``: asks first (the safe answer focused); ``u`` puts it back afterwards."""
        self._close_asking(app_id, "rejected", done)

    def ghost(self, app_id: str, done: Done = _nothing) -> None:
        """``G``: asks first, like ``R``."""
        self._close_asking(app_id, "ghosted", done)

    def _close_asking(self, app_id: str, outcome: str, done: Done) -> None:
        from tui.dialogs import ConfirmDialog

        app = self._need(app_id)
        notice = self.actions.read_only_notice()
        if app is None or notice is not None:
            if notice is not None:
                self.say(notice)
            done(False)
            return
        if app.stage == "closed" and app.outcome == outcome:  # nothing to ask: it says so
            done(self.say(self.actions.close_at_once(app_id, outcome)))
            return

        def decided(yes: bool | None) -> None:
            done(bool(yes) and self.say(self.actions.close_at_once(app_id, outcome)))

        plan = "a rebound plan starts on Today" if outcome == "rejected" else \
            "a rebound plan starts on Today (without the thank-you)"
        self.app.push_screen(ConfirmDialog(
            f"Close as {outcome}?",
            f"{app.company or '(no company)'} — {app.role or '(no role)'} moves to Closed as {outcome}, and "
            f"{plan}. {key_of('app.undo')} puts it back if this was a slip.",
            confirm=f"Close as {outcome}", cancel="Keep it", danger=True), decided)

    def follow_up(self, app_id: str, done: Done = _nothing) -> None:
        done(self.say(self.actions.follow_up(app_id)))

    def snooze(self, app_id: str, done: Done = _nothing) -> None:
        done(self.say(self.actions.snooze(app_id)))

    def delete(self, app_id: str, done: Done = _nothing) -> None:
        """Asks first."""
        from tui.dialogs import ConfirmDialog

        app = self._need(app_id)
        if app is None:
            return

        def decided(yes: bool | None) -> None:
            done(bool(yes) and self.say(self.actions.delete(app_id)))

        self.app.push_screen(ConfirmDialog(DELETE_QUESTION, self.actions.delete_warning(app), confirm="Delete",
                                           cancel="Keep", danger=True), decided)

    def open_contact(self, app_id: str) -> None:
        """Jump to a linked contact (asks which when there are several)."""
        app = self._need(app_id)
        if app is None:
            return
        contacts = self.actions.linked_contacts(app)
        if not contacts:
            self.say(Said(False, NO_CONTACT))
            return
        if len(contacts) == 1:
            self.app.open_contact(contacts[0].id)
            return

        from tui.dialogs import ChoiceDialog

        def picked(cid: str | None) -> None:
            if cid:
                self.app.open_contact(cid)

        self.app.push_screen(ChoiceDialog("Open which contact?", [(c.id, c.display_name) for c in contacts]),
                             picked)
