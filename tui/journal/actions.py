"""What the Journal does to the data, in plain Python (no Textual): save a draft or a finished entry,
delete one, start or resume a guided reframe, switch the prompts' voice, export to Markdown.

Every change goes through ``write`` (the app's :meth:`ReboundApp.write`, which shows a refused or
failed save to the user) except :meth:`DraftKeeper.keep_on_hangup`, which runs while the session is
ending and writes to the store directly. Results are small dataclasses the screens turn into words.

:class:`DraftKeeper` holds the rules of a form's draft: what counts as typed, when a draft is saved,
and when leaving deletes one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store import clock
from store.dates import short_date
from store.journal import (
    belief_shift,
    describe_relief,
    describe_shift,
    entry_relief,
    latest_rejection,
)
from store.journal_export import default_export_path, export_store
from store.models import Application, JournalEntry
from store.prompts import MOOD_LABELS
from tui.care.actions import CARE_NOTE, note_due, panel_due, support_shown

if TYPE_CHECKING:
    from store.db import Store

log = logging.getLogger("rebound")

#: ``app.write``: runs a store change, True when it took effect (False: refused, already said why).
Write = Callable[..., bool]
Snapshot = dict[str, Any]

#: Fields that say whether anything was typed (timestamps and bookkeeping left out).
_IGNORED = {"created_at", "updated_at", "is_draft", "wizard_step", "extra", "id", "entry_date", "writing_seconds"}


def entry_snapshot(entry: JournalEntry) -> Snapshot:
    return {k: v for k, v in entry.to_dict().items() if k not in _IGNORED}


def is_blank(entry: JournalEntry) -> bool:
    """Nothing typed or rated yet (an application link alone doesn't count)."""
    blank = JournalEntry(kind=entry.kind, application_id=entry.application_id)
    return entry_snapshot(entry) == entry_snapshot(blank)


#: After a check-in on a hard day (mood 1 or 2).
HARD_DAY = "Check-in saved. Thank you for checking in on a hard day; go gently with yourself."
#: The closing line of a reframe where the support panel was shown: looking after yourself, not a step.
LOOK_AFTER_YOURSELF = ("Saved. Thank you for staying with something this heavy. Looking after yourself comes "
                       "first; ctrl+p › Support has your support line.")


def finished_message(entry: JournalEntry) -> str:
    """What to say once ``entry`` is saved as finished (kinder words, and no numbers, where the support
    panel was shown for it)."""
    heavy = support_shown(entry)
    if entry.kind == "checkin":
        if heavy or entry.mood in (1, 2):
            return HARD_DAY
        return f"Check-in saved: mood {entry.mood}/5 ({MOOD_LABELS.get(entry.mood, '')})."
    if entry.kind == "freewrite":
        words = len(entry.body.split())
        said = f"Saved: {words} word{'s' if words != 1 else ''}."
        return said if heavy else f"{said} Well done for writing it down."
    if entry.kind == "reframe" and heavy:
        return LOOK_AFTER_YOURSELF
    if entry.kind == "reframe":
        r, s = entry_relief(entry), belief_shift(entry)
        if r is None and s is None:
            return "Thought record saved. Writing it down is a step."
        return f"Thought record saved. {describe_relief(r)} {describe_shift(s)}"
    return "Saved to your journal."


def app_label(app: Application) -> str:
    """An application as the reframe shows it: its title and where it ended (or stands)."""
    if app.outcome:
        when = f" {short_date(app.outcome_on)}" if app.outcome_on else ""
        return f"{app.title} · {app.outcome}{when}"
    return f"{app.title} · {app.stage}"


def link_choices(apps: Iterable[Application], limit: int = 200) -> list[tuple[str, str]]:
    """(id, label) of the applications a reframe can link to: rejections first, newest first, then
    the live ones by last activity; ``("", "No application")`` leads."""
    apps = list(apps)
    closed = sorted((a for a in apps if a.outcome in ("rejected", "ghosted")),
                    key=lambda a: (a.outcome_on or "", a.updated_at), reverse=True)
    live = sorted((a for a in apps if a.is_live), key=lambda a: (a.last_activity_on or "", a.updated_at),
                  reverse=True)
    choices = [("", "No application")]
    seen: set[str] = set()
    for a in (closed + live)[:limit]:
        if a.id not in seen:
            seen.add(a.id)
            choices.append((a.id, app_label(a)))
    return choices


@dataclass(frozen=True)
class Finished:
    """The outcome of saving an entry as finished: ``saved``, and what to tell the user (the
    saved message, or why nothing was saved; empty when ``write`` already said it, or when the
    support panel speaks instead)."""

    saved: bool
    message: str
    #: Show the support panel now: the entry's words gave a signal, the first time for this entry.
    support: bool = False
    #: The quiet line after a run of heavy days (at most once a day), else "".
    note: str = ""


@dataclass(frozen=True)
class ReframeStart:
    """The thought record to open, and whether it is an unfinished one being resumed."""

    entry: JournalEntry
    resumed: bool


@dataclass(frozen=True)
class VoiceChange:
    """Switching the prompts between "you" and the user's first name."""

    changed: bool
    message: str = ""
    needs_name: bool = False


@dataclass(frozen=True)
class Exported:
    ok: bool
    message: str


class JournalActions:
    """The Journal's changes to the store, each through ``write``."""

    def __init__(self, store: Store, write: Write) -> None:
        self.store = store
        self.write = write

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    # -- entries

    def save_draft(self, entry: JournalEntry) -> bool:
        """Keep unfinished work (a copy of ``entry``, marked as a draft)."""
        draft = entry.copy()
        draft.is_draft = True
        return self.write(self.store.journal.save_draft, draft)

    def finish(self, entry: JournalEntry, *, finished_before: bool = False) -> Finished:
        """Save ``entry`` as finished; a new entry with nothing typed is not saved."""
        if is_blank(entry) and not finished_before:
            return Finished(False, "Nothing to save yet. Write something, or press escape to close.")
        saved, today = entry.copy(), clock.today()
        support = panel_due(saved, today)  # marks the entry: once per entry
        note = not support and note_due(saved, self.store.journal.all(), self.store.settings.current(), today)

        def save() -> None:
            with self.store.batch():
                self.store.journal.finish(saved)
                if note:
                    self.store.settings.update(care_note_on=today.isoformat())

        if self.write(save):
            return Finished(True, "" if support else finished_message(saved), support, CARE_NOTE if note else "")
        return Finished(False, "")

    def delete(self, entry_id: str) -> bool:
        return self.write(self.store.journal.delete, entry_id)

    def is_saved_draft(self, entry_id: str) -> bool:
        stored = self.store.journal.get(entry_id)
        return stored is not None and stored.is_draft

    # -- the guided reframe

    def new_reframe(self, application_id: str | None = None) -> JournalEntry:
        """A fresh thought record; linked to ``application_id``, else to the latest rejection."""
        if application_id is None:
            latest = latest_rejection(self.store.applications.all())
            application_id = latest.id if latest else None
        return JournalEntry(kind="reframe", application_id=application_id, is_draft=True, wizard_step=1)

    def reframe_for(self, application_id: str | None = None) -> ReframeStart:
        """The unfinished reframe (for this application, if given) to resume, else a new one."""
        draft = self.store.journal.latest_draft("reframe", application_id=application_id)
        if draft is not None:
            return ReframeStart(draft, resumed=True)
        return ReframeStart(self.new_reframe(application_id), resumed=False)

    # -- the prompts' voice

    def toggle_my_name(self) -> VoiceChange:
        """Prompts by name become "you" again, and the other way round when a name is known."""
        s = self.store.settings.current()
        if s.use_my_name:
            ok = self.write(self.store.settings.update, use_my_name=False)
            return VoiceChange(ok, "Prompts speak to you as 'you' again.")
        if s.my_name.strip():
            ok = self.write(self.store.settings.update, use_my_name=True)
            return VoiceChange(ok, f"Prompts now use your name ({s.my_name.split()[0]}).")
        return VoiceChange(False, needs_name=True)

    def use_name(self, name: str) -> VoiceChange:
        name = name.strip()
        if not name:
            return VoiceChange(False)
        ok = self.write(self.store.settings.update, my_name=name, use_my_name=True)
        return VoiceChange(ok, "Prompts now use your name.")

    # -- export

    def export_path(self) -> Path:
        return default_export_path(self.store.data_dir)

    def export(self, path: Path) -> Exported:
        try:
            written, count = export_store(self.store, path)
        except OSError as exc:
            log.warning("journal: export failed (%s)", exc.strerror or type(exc).__name__)
            return Exported(False, f"Could not write {path}: {exc.strerror or exc}")
        return Exported(True, f"Exported {count} entr{'y' if count == 1 else 'ies'} to {written} "
                              "(readable only by you).")


class DraftKeeper:
    """The draft rules of one open form.

    A new entry (or a resumed draft) is saved as a draft when it changed since the last save and
    holds something typed. Editing a finished entry saves no draft. When the session drops, what
    was typed is kept: as a draft, or (editing a finished entry) as the entry itself.
    """

    def __init__(self, actions: JournalActions, entry: JournalEntry, *, finished_before: bool = False) -> None:
        self.actions = actions
        #: Editing an entry that was already saved as finished (no draft autosave then).
        self.finished_before = finished_before and not entry.is_draft
        #: What the form held when it opened (the baseline for "changed?").
        self.opened: Snapshot = entry_snapshot(entry)
        #: What the last draft save wrote (None: no draft saved from this form yet).
        self.last_saved: Snapshot | None = None

    def baseline(self, entry: JournalEntry) -> None:
        """The form has loaded ``entry``: what it shows now counts as unchanged."""
        self.opened = entry_snapshot(entry)
        if not self.finished_before and self.actions.is_saved_draft(entry.id):
            self.last_saved = dict(self.opened)  # the draft on disk is what is on screen

    def changed(self, entry: JournalEntry) -> bool:
        return entry_snapshot(entry) != self.opened

    @property
    def has_draft(self) -> bool:
        """A draft of this entry is on disk (saved from this form, or resumed)."""
        return self.last_saved is not None and not self.finished_before

    def autosave(self, entry: JournalEntry, *, force: bool = False) -> bool:
        """Save the draft if it changed since the last save (``force``: even if not, say because its
        ``extra`` changed). True when something was written."""
        if self.finished_before or self.actions.read_only:
            return False
        snap = entry_snapshot(entry)
        if snap == self.last_saved and not force:
            return False
        if is_blank(entry) and self.last_saved is None:
            return False
        if self.actions.save_draft(entry):
            entry.is_draft = True
            self.last_saved = snap
            return True
        return False

    def discard(self, entry: JournalEntry) -> None:
        """Leaving without keeping it: the draft saved meanwhile goes too."""
        if self.has_draft and not self.actions.read_only:
            self.actions.delete(entry.id)

    def keep_on_hangup(self, entry: JournalEntry) -> None:
        """The session is ending (SIGHUP/SIGTERM): keep what was typed, straight to the store."""
        if self.actions.read_only:
            return
        snap = entry_snapshot(entry)
        if is_blank(entry) or snap == self.last_saved:
            return
        journal = self.actions.store.journal
        if self.finished_before:
            if snap != self.opened:
                journal.save(entry.copy())
                self.last_saved = snap
            return
        journal.save_draft(entry.copy())
        self.last_saved = snap
