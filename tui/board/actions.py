"""The board's verbs in plain Python: move, close, reject, follow up, snooze, delete, add, edit.

:class:`BoardActions` depends on a ``write`` callable (``ReboundApp.write``: runs one store change,
shows store errors, answers whether the change took effect) and the :class:`~store.db.Store`. It
imports nothing from Textual: each verb returns a :class:`Said` (what the UI should say, and whether
the data changed), and tells its listeners which application changed so the board can redraw just
those columns. The screen and the dialogs only route keys and show results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Literal, Protocol

from store import brief as briefs
from store import clock, control, intention
from store import pipeline as p
from store.models import LIVE_STAGES, Application, Contact
from tui.shell.keymap import undo_offer

if TYPE_CHECKING:
    from store.db import Store

#: Kind words for a closed card. One is picked per application (stable, not random).
KIND_WORDS = {
    "rejected": [
        "Closed as rejected. It stings, and it is one answer, not a verdict on you.",
        "Logged the rejection. You showed up and gave it a real go; that counts.",
        "Rejected, noted. One door closed; the others are still open.",
    ],
    "ghosted": [
        "Marked as ghosted. Their silence says more about their process than about you.",
        "Closed as ghosted. You did your part; the rest was never in your hands.",
    ],
    "accepted": ["Closed as accepted. Congratulations, well earned!"],
    "declined": ["Closed: you declined their offer. Your call, recorded."],
    "withdrew": ["Closed: you withdrew. Knowing what you don't want is progress too."],
    "role closed": ["Closed: the role was closed. That one was out of your hands."],
}

NOT_SELECTED = "No application selected. n adds one."
NO_CONTACT = ("No linked contact. Contact names that match someone in Contacts link themselves when you "
              "save the card.")
DELETE_QUESTION = "Delete this application?"

Severity = Literal["information", "warning", "error"]


def kind_words(app: Application) -> str:
    options = KIND_WORDS.get(app.outcome) or ["Closed."]
    return options[sum(map(ord, app.id)) % len(options)]


class Direction(IntEnum):
    """Which way ``H``/``L`` move a card."""

    BACK = -1
    FORWARD = 1


AfterPaint = Callable[[Callable[[], None]], object]


class Write(Protocol):
    """``ReboundApp.write``: run one store change; True when it took effect."""

    def __call__(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> bool: ...


@dataclass(frozen=True)
class Said:
    """What a verb did: ``ok`` when the data changed; ``message`` (with ``title``, ``timeout``,
    ``severity``) is what the UI says, if anything. ``ask_outcome`` means the verb needs an outcome
    first (moving an Offer on): the UI asks, preset to it, and then calls :meth:`BoardActions.close`."""

    ok: bool
    message: str = ""
    title: str = ""
    timeout: float | None = None
    severity: Severity = "information"
    ask_outcome: str | None = None


@dataclass(frozen=True)
class Changed:
    """An application changed or vanished; ``follow``: the cursor should follow it."""

    app_id: str
    follow: bool = True


class BoardActions:
    """The board's verbs (see the module docstring)."""

    def __init__(self, store: Store, write: Write, after_paint: AfterPaint | None = None) -> None:
        self.store = store
        self.write = write
        #: Runs a callable once the next frame is painted (``call_after_refresh``); None: one-key
        #: verbs save before they return, as every other write does.
        self.after_paint = after_paint
        self._listeners: list[Callable[[Changed], None]] = []

    # ------------------------------------------------------------------ listening

    def subscribe(self, listener: Callable[[Changed], None]) -> None:
        """Call ``listener`` after every change a verb makes."""
        self._listeners.append(listener)

    def _changed(self, app_id: str, follow: bool = True) -> None:
        for listener in list(self._listeners):
            listener(Changed(app_id, follow))

    # ------------------------------------------------------------------ reading

    def get(self, app_id: str | None) -> Application | None:
        return self.store.applications.get(app_id) if app_id else None

    def _undoable(self, label: str, fn: Callable[..., Any], *args: Any) -> bool:
        """A one-key verb: ``fn`` through ``write``, recorded so that ``u`` puts it back."""
        with self.store.undo.recording(label):
            if self.after_paint is None:
                return self.write(fn, *args)
            with self.store.deferred():  # memory now; the save right after the frame that shows it
                done = self.write(fn, *args)
        if self.store.dirty:
            self.after_paint(self.save_now)
        return done

    def save_now(self) -> None:
        """Save what a one-key verb left in memory (a failure is said as any failed save is)."""
        if self.store.dirty and not self.store.read_only:
            self.write(self.store.flush)

    def quiet_days(self) -> int:
        return self.store.applications.quiet_days()

    def list_view(self) -> bool:
        """The board as a list (remembered in the settings), else columns of cards."""
        return self.store.settings.current().board_view == "list"

    def remember_view(self, list_view: bool) -> None:
        """Keep the board's view for next time (a read-only session just shows it)."""
        if not self.store.read_only and list_view != self.list_view():
            self.write(self.store.settings.update, board_view="list" if list_view else "cards")

    def read_only_notice(self) -> Said | None:
        """Forms are not opened in a read-only session (the typing would be lost)."""
        if self.store.read_only:
            return Said(False, self.store.read_only_reason or "This session is read-only.", title="Not changed",
                        severity="warning")
        return None

    def linked_contacts(self, app: Application) -> list[Contact]:
        found = (self.store.contacts.get(cid) for cid in app.contact_ids)
        return [c for c in found if c is not None]

    def plan_note(self, app: Application) -> str:
        plan = self.store.plans.for_application(app.id)
        if plan is None:
            return ""
        steps = getattr(plan, "steps", []) or []
        done = sum(1 for s in steps if isinstance(s, dict) and s.get("status") in ("done", "skipped"))
        return f"{done} of {len(steps)} steps done (see Today)" if steps else "started (see Today)"

    def brief(self, app: Application) -> briefs.Brief | None:
        """The interview brief for a card in Screening or Interviewing (None elsewhere)."""
        return briefs.brief_for(self.store, app.id) if app.stage in briefs.BRIEF_STAGES else None

    def keep_lesson(self, app_id: str, text: str) -> Said:
        """One thing from the card's feedback, kept as a lesson (on the Lessons list)."""
        if self.get(app_id) is None:
            return Said(False, NOT_SELECTED)
        if not self.write(briefs.keep_lesson, self.store, app_id, text):
            return Said(False)
        return Said(True, "Kept on your Lessons list; it shows in the brief before your next interview.",
                    title="Lesson", timeout=5)

    def sweep_queue(self) -> list[str]:
        """The ids of the cards that need attention (quiet, or a next action due), in sweep order."""
        return [a.id for a in self.store.applications.sweep_queue(clock.today())]

    def wishlist_count(self) -> int:
        return sum(1 for a in self.store.applications.all() if a.stage == "wishlist")

    # ------------------------------------------------------------------ verbs

    def add(self, app: Application) -> Said:
        if not self.write(self.store.applications.add, app):
            return Said(False)
        self._changed(app.id)
        return Said(True, f"Added to {p.stage_label(app.stage)}.", timeout=2)

    def update(self, app: Application) -> Said:
        if not self.write(self.store.applications.update, app):
            return Said(False)
        self._changed(app.id)
        return Said(True, "Saved.", timeout=2)

    def step(self, app_id: str, direction: Direction) -> Said:
        """``L``/``H``: the next or previous stage. Moving an Offer on needs an outcome
        (``ask_outcome``); ``H`` on a closed card reopens it where it closed from."""
        app = self.get(app_id)
        if app is None:
            return Said(False, NOT_SELECTED)
        if direction == Direction.FORWARD and app.stage == "offer":
            return Said(False, ask_outcome="accepted")
        if direction == Direction.FORWARD and app.stage == "closed":
            return Said(False, "Already closed. H reopens it in the stage it closed from.")
        if direction == Direction.BACK and app.stage == "wishlist":
            return Said(False, "Wishlist is the first stage.")
        if not self._undoable(f"moving {app.title}", self.store.applications.step, app_id, int(direction)):
            return Said(False)
        self._changed(app_id)
        moved = self.get(app_id)
        if moved is not None and app.stage == "closed":
            return Said(True, f"Reopened in {p.stage_label(moved.stage)}. {undo_offer()}", timeout=3)
        return self._brief_note(moved)

    def move_to(self, app_id: str, stage: str) -> Said:
        """Straight to ``stage`` (the palette's "move the card to …"); stamped in its history."""
        app = self.get(app_id)
        if app is None:
            return Said(False, NOT_SELECTED)
        if app.stage == stage or not self._undoable(f"moving {app.title}", self.store.applications.move, app_id,
                                                    stage):
            return Said(False)
        self._changed(app_id)
        return self._brief_note(self.get(app_id))

    def _brief_note(self, moved: Application | None) -> Said:
        """A card just moved: where to (and that ``u`` puts it back); into Screening or Interviewing, that
        its brief is ready (if it has one)."""
        found = self.brief(moved) if moved is not None else None
        if found is None or found.empty:
            where = p.stage_label(moved.stage) if moved is not None else ""
            return Said(True, f"Moved to {where}. {undo_offer()}", timeout=3)
        return Said(True, f"Before the interview: {found.summary()}. The whole brief is in its details (enter) "
                    f"and on Today. {undo_offer()}", title="Brief", timeout=6)

    def close(self, app_id: str, outcome: str, reason: str = "", on: date | None = None, tag: str = "") -> Said:
        """Close with ``outcome`` (and the person's optional ``tag`` on a no); says a kind word, their
        plan for a no, the rebound plan and the floor."""
        app = self.get(app_id)
        if app is None:
            return Said(False, NOT_SELECTED)
        if not self._undoable(f"closing {app.title}", control.close_tagged, self.store, app_id, outcome, reason, on,
                              tag):
            return Said(False)
        self._changed(app_id, follow=False)
        return self._acknowledge(app_id)

    def close_at_once(self, app_id: str, outcome: str) -> Said:
        """The one-key verbs (``R`` rejected, ``G`` ghosted): a card already closed that way is left alone."""
        app = self.get(app_id)
        if app is None:
            return Said(False, NOT_SELECTED)
        if app.stage == "closed" and app.outcome == outcome:
            return Said(False, f"Already closed as {outcome}.")
        return self.close(app_id, outcome)

    def reject(self, app_id: str) -> Said:
        return self.close_at_once(app_id, "rejected")

    def ghost(self, app_id: str) -> Said:
        return self.close_at_once(app_id, "ghosted")

    def _acknowledge(self, app_id: str) -> Said:
        app = self.get(app_id)
        if app is None:
            return Said(True)
        lines = [kind_words(app)]
        if app.outcome in control.NO_OUTCOMES and (planned := intention.planned_line(self.store.settings.current())):
            lines.append(planned)
        if app.outcome in p.PLAN_OUTCOMES:
            if self.store.plans.for_application(app.id) is not None:
                lines.append("Your rebound plan is waiting on Today (1).")
            floor = self.store.settings.current().pipeline_floor
            live = wish = 0
            for a in self.store.applications.all():
                live += a.stage in LIVE_STAGES
                wish += a.stage == "wishlist"
            short = floor - live
            if short > 0 and wish:
                lines.append(f"{live} live, floor {floor}: moving {min(short, wish)} from Wishlist would refill it.")
            elif short > 0:
                lines.append(f"{live} live, floor {floor}: a few new roles would refill it.")
        lines.append(f"(Pressed by mistake? {undo_offer()})")
        return Said(True, "\n".join(lines), title="Closed", timeout=8)

    def follow_up(self, app_id: str) -> Said:
        """Log a follow-up; the next action moves a week on."""
        if self.get(app_id) is None:
            return Said(False, NOT_SELECTED)
        if not self.write(self.store.applications.follow_up, app_id):
            return Said(False)
        self._changed(app_id)
        app = self.get(app_id)
        when = app.next_action_date if app else ""
        return Said(True, f"Logged the follow-up. Next action moved to {when}.", timeout=3)

    def snooze(self, app_id: str) -> Said:
        if self.get(app_id) is None:
            return Said(False, NOT_SELECTED)
        if not self.write(self.store.applications.snooze, app_id):
            return Said(False)
        self._changed(app_id)
        return Said(True, "Snoozed for a week; it leaves the sweep until then.", timeout=3)

    def delete_warning(self, app: Application) -> str:
        """What the confirm dialog says before :meth:`delete`."""
        return f"{app.title}\n\nIts stage history and notes go too. To keep the record, close it instead (x)."

    def delete(self, app_id: str) -> Said:
        app = self.get(app_id)
        if app is None:
            return Said(False, NOT_SELECTED)
        if not self._undoable(f"deleting {app.title}", self.store.applications.remove, app_id):
            return Said(False)
        self._changed(app_id, follow=False)
        return Said(True, f"Deleted. {undo_offer()}", timeout=4)

    def save_draft(self, app: Application, *, is_new: bool) -> None:
        """An open form's valid typing, saved at hang-up or quit (straight to the store: the app is
        going away, there is no one left to show an error to)."""
        if is_new:
            self.store.applications.add(app)
        else:
            self.store.applications.update(app)
