"""The Board screen: the job pipeline as a kanban that keeps the search moving.

Six columns (Wishlist, Applied, Screening, Interviewing, Offer, Closed), drawn by the virtualised
:class:`widgets.kanban.Kanban` (ten thousand cards cost what the visible ones cost). The screen keeps
each column's applications sorted and filtered, and updates only the two columns a move touches.
Every change goes through ``rapp.write`` with one store method (one atomic write).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Input, Label, Static

from store import clock
from store import pipeline as p
from store.models import STAGE_LABELS, STAGES, Application
from tui.board.cards import CardCache, CardColumn, health_figures
from tui.board.details import DetailsScreen
from tui.board.forms import ApplicationForm, CloseDialog
from tui.board.panels import ApplicationsProvider, GoToDialog, HealthPanel
from tui.board.sweep import SweepScreen
from tui.dialogs import ChoiceDialog, ConfirmDialog
from tui.shell.base import PaletteCommand, ReboundScreen
from widgets.board_health import HealthLine
from widgets.kanban import Kanban
from widgets.usertext import literal

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

BOARD_CSS = """
BoardScreen #filter-bar { height: 1; background: $panel; padding: 0 1; display: none; }
BoardScreen #filter-bar.-active { display: block; }
BoardScreen #filter-bar Label { width: auto; padding-right: 1; text-style: bold; }
BoardScreen #filter-bar Input { width: 1fr; }
BoardScreen #filter-count { width: auto; padding-left: 1; color: $foreground 70%; }
"""


MOVE = Binding.Group("Move ")


def kind_words(app: Application) -> str:
    options = KIND_WORDS.get(app.outcome) or ["Closed."]
    return options[sum(map(ord, app.id)) % len(options)]


class BoardScreen(ReboundScreen):
    SCREEN_KEY = "board"
    SCREEN_TITLE = "Board"
    DEFAULT_CSS = BOARD_CSS
    COMMANDS = {ApplicationsProvider}
    HELP = """Your job pipeline as a kanban: Wishlist, Applied, Screening, Interviewing, Offer, Closed. Keep enough live leads in play that one no never sends you back to square one.

A card shows the company and role; its bottom line says how many days it has been in its stage (12d), its excitement (★4), its next action (→ Mar 05, or ⚠ when overdue or due today), ◌ quiet when nothing has happened for a while (Settings: quiet days, default 21) and z when snoozed. Closed cards show how they ended (✕ rejected, … ghosted, ✓ accepted, ↩ withdrew or declined, ⊘ role closed).

The line at the top is your pipeline's health: live applications against your floor, applications sent this week against your goal, the funnel (Applied › Screening › Interviewing › Offer) and the median days to a first reply. p opens the full panel with conversion per step.

Sweep (s) walks only the cards that need you (quiet, or a next action due) with one-key verbs: f followed up (next action in a week), g ghosted, r rejected, z snooze a week, a advance, enter opens, escape leaves.

Moving around: h/l or ←/→ change column (at 80 columns four show at a time; ◂ ▸ say more are off to a side), j/k or ↑/↓ move within one, home/end and page up/down jump, enter opens the details (timeline of every stage move; c there opens a linked contact). g goes to any application by name; ctrl+p has every board action.

Dates you type: YYYY-MM-DD, today, tomorrow, +3d, +2w, or a weekday (fri = the next Friday); -3d for days past. The form shows what it read before you save, and says so when "applied on" lands in the future."""

    BINDINGS = [
        Binding("n", "new", "New", id="board.new"),
        Binding("e", "edit", "Edit", show=False, id="board.edit"),
        Binding("H,shift+left", "move(-1)", "Move back", key_display="H", id="board.move_back", group=MOVE),
        Binding("L,shift+right", "move(1)", "Move on", key_display="L", id="board.move_forward", group=MOVE),
        Binding("x", "close_card", "Close", id="board.close"),
        Binding("r", "reject", "Reject", id="board.reject"),
        Binding("s", "sweep", "Sweep", id="board.sweep"),
        Binding("slash", "filter", "Filter", key_display="/", id="board.filter"),
        Binding("d", "delete", "Delete", show=False, id="board.delete"),
        Binding("f", "follow_up", "Followed up", show=False, id="board.follow_up"),
        Binding("z", "snooze", "Snooze a week", show=False, id="board.snooze"),
        Binding("p", "health", "Pipeline health", show=False, id="board.health"),
        Binding("g", "goto", "Go to application", show=False, id="board.goto"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="board.clear_filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.columns: dict[str, list[Application]] = {s: [] for s in STAGES}
        self.query_text = ""
        self._terms: list[str] = []
        self._hay: dict[str, tuple[str, str]] = {}
        self.cards = CardCache()
        self._health: p.Health | None = None
        self._health_timer = None
        self._health_pending = False
        #: What the columns were built from: (repo version, day, quiet days, settings stamp).
        self._built_from: tuple | None = None

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        yield HealthLine(id="board-health")
        with Horizontal(id="filter-bar"):
            yield Label("Filter")
            yield Input(placeholder="company, role, tag or note words", id="filter-input", compact=True)
            yield Static("", id="filter-count")
        yield Kanban([(s, STAGE_LABELS[s]) for s in STAGES], id="kanban")

    @property
    def kanban(self) -> Kanban:
        return self.query_one(Kanban)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Footer).compact = True
        self.reload()
        self.kanban.focus()

    def _source_key(self) -> tuple:
        s = self.store.settings.current()
        return (self.store.applications.version, clock.today(), self.quiet_days(), s.updated_at)

    def refresh_data(self) -> None:
        """Back on the board: regroup only if something changed since the columns were built."""
        if self._built_from != self._source_key():
            self.reload()

    # ------------------------------------------------------------------ data

    def quiet_days(self) -> int:
        return self.store.applications.quiet_days()

    def _haystack(self, app: Application) -> str:
        hit = self._hay.get(app.id)
        if hit is not None and hit[0] == app.updated_at:
            return hit[1]
        hay = p.haystack(app)
        self._hay[app.id] = (app.updated_at, hay)
        return hay

    def _visible(self, app: Application) -> bool:
        return not self._terms or p.matches(app, self._terms, self._haystack(app))

    def reload(self, health: bool = True) -> None:
        """Regroup everything (on show, after an external change, or when the filter changes).
        The health line follows right after the first paint."""
        k = self.kanban
        selected = {s: getattr(k.cursor_card(s), "id", None) for s in STAGES}
        self.cards.reset(clock.today(), self.quiet_days())
        groups: dict[str, list[Application]] = {s: [] for s in STAGES}
        for app in self.store.applications.all():
            if self._visible(app):
                groups.setdefault(app.stage if app.stage in groups else "wishlist", []).append(app)
        for stage, apps in groups.items():
            apps.sort(key=p.board_sort_key)
        self.columns = groups
        for stage in STAGES:
            col = CardColumn(groups[stage], self.cards)
            index = self._index_of(stage, selected[stage]) if selected[stage] else None
            k.set_cards(stage, col, select=index)
        self._update_empty_texts()
        self._update_filter_count()
        self._built_from = self._source_key()
        if health:
            self._schedule_health(0)

    def _index_of(self, stage: str, app_id: str | None) -> int | None:
        if app_id is None:
            return None
        for i, a in enumerate(self.columns.get(stage, ())):
            if a.id == app_id:
                return i
        return None

    def _remove(self, app_id: str) -> str | None:
        for stage, apps in self.columns.items():
            for i, a in enumerate(apps):
                if a.id == app_id:
                    del apps[i]
                    return stage
        return None

    def _apply_change(self, app_id: str, follow: bool = True) -> None:
        """One application changed (or vanished): update only the columns it touches, keep the
        cursor on it, and refresh the health line a moment later."""
        k = self.kanban
        old_stage = self._remove(app_id)
        app = self.store.applications.get(app_id)
        self.cards.forget(app_id)
        touched = {old_stage} if old_stage else set()
        new_index = None
        if app is not None and self._visible(app):
            stage = app.stage if app.stage in self.columns else "wishlist"
            apps = self.columns[stage]
            new_index = bisect.bisect_left(apps, p.board_sort_key(app), key=p.board_sort_key)
            apps.insert(new_index, app)
            touched.add(stage)
        current = k.current_column
        for stage in touched:
            keep = None
            if stage == old_stage and stage == current and (app is None or app.stage != stage or not follow):
                keep = min(k.current_index, max(0, len(self.columns[stage]) - 1))
            k.set_cards(stage, CardColumn(self.columns[stage], self.cards), select=keep)
        if app is not None and new_index is not None and follow:
            k.select(app.stage, new_index)
        self._update_empty_texts()
        self._update_filter_count()
        self._built_from = self._source_key()
        self._schedule_health()

    def _update_empty_texts(self) -> None:
        for stage in STAGES:
            if self._terms:
                text = "no match"
            else:
                text = {"wishlist": "empty · n adds one", "closed": "nothing closed yet"}.get(stage, "empty")
            self.kanban.set_empty_text(stage, text)

    #: Seconds the health line waits after a change; 0 = right after the board repaints (the
    #: per-card cache makes a recount after one move about 10 ms at 10,000 applications).
    HEALTH_DELAY = 0.0

    def _schedule_health(self, delay: float | None = None) -> None:
        """Recompute the health line after the board repaints (pending recounts collapse into one)."""
        if self._health_timer is not None:
            self._health_timer.stop()
        delay = self.HEALTH_DELAY if delay is None else delay
        if delay <= 0:
            self._health_timer = None
            if not self._health_pending:
                self._health_pending = True
                self.call_after_refresh(self._refresh_health)
        else:
            self._health_timer = self.set_timer(delay, self._refresh_health)

    def _refresh_health(self) -> None:
        self._health_timer = None
        self._health_pending = False
        self._health = self.store.applications.health(clock.today())
        self.query_one(HealthLine).show(health_figures(self._health))

    def selected(self) -> Application | None:
        card = self.kanban.current_card
        return self.store.applications.get(card.id) if card else None

    def plan_note(self, app: Application) -> str:
        plan = self.store.plans.for_application(app.id)
        if plan is None:
            return ""
        steps = getattr(plan, "steps", []) or []
        done = sum(1 for s in steps if isinstance(s, dict) and s.get("status") in ("done", "skipped"))
        return f"{done} of {len(steps)} steps done (see Today)" if steps else "started (see Today)"

    # ------------------------------------------------------------------ actions used by details & sweep

    def _need(self, app_id: str | None = None) -> Application | None:
        app = self.store.applications.get(app_id) if app_id else self.selected()
        if app is None:
            self.notify("No application selected. n adds one.", markup=False)
        return app

    def act_on(self, app_id: str, what: str, after: Callable[[], None] | None = None) -> None:
        """The details screen's keys, applied to ``app_id``; ``after`` runs once it is done."""
        done = (lambda *_: after()) if after else (lambda *_: None)
        if what == "edit":
            self.edit(app_id, after=done)
        elif what == "forward":
            self.step(app_id, +1, after=done)
        elif what == "back":
            self.step(app_id, -1, after=done)
        elif what == "close":
            self.close_with_outcome(app_id, after=done)
        elif what == "reject":
            self.close_application(app_id, "rejected", after=done, at_once=True)
        elif what == "follow_up":
            self.follow_up(app_id)
            done()
        elif what == "snooze":
            self.snooze(app_id)
            done()
        elif what == "delete":
            self.delete(app_id, after=done)
        elif what == "contact":
            self.open_contact(app_id)

    def _writable(self) -> bool:
        """Forms are not opened in a read-only session (the typing would be lost)."""
        if self.store.read_only:
            self.notify(self.store.read_only_reason or "This session is read-only.", title="Not changed",
                        severity="warning", markup=False)
            return False
        return True

    def edit(self, app_id: str, after: Callable[..., None] | None = None) -> None:
        app = self._need(app_id)
        if app is None or not self._writable():
            return

        def saved(changed: Application | None) -> None:
            if changed is not None and self.rapp.write(self.store.applications.update, changed):
                self._apply_change(changed.id)
                self.notify("Saved.", markup=False, timeout=2)
            if after:
                after(changed is not None)

        linked = [c.display_name for c in self.linked_contacts(app)]
        self.app.push_screen(ApplicationForm(app, linked_names=linked), saved)

    def step(self, app_id: str, direction: int, after: Callable[..., None] | None = None) -> None:
        app = self._need(app_id)
        if app is None:
            return
        if direction > 0 and app.stage == "offer":
            self.close_with_outcome(app_id, preset="accepted", after=after)
            return
        if direction > 0 and app.stage == "closed":
            self.notify("Already closed. H reopens it in the stage it closed from.", markup=False)
            if after:
                after(False)
            return
        if direction < 0 and app.stage == "wishlist":
            self.notify("Wishlist is the first stage.", markup=False)
            if after:
                after(False)
            return
        ok = self.rapp.write(self.store.applications.step, app_id, direction)
        if ok:
            self._apply_change(app_id)
            moved = self.store.applications.get(app_id)
            if moved is not None and app.stage == "closed":
                self.notify(f"Reopened in {p.stage_label(moved.stage)}.", markup=False, timeout=3)
        if after:
            after(ok)

    def close_with_outcome(self, app_id: str, preset: str | None = None,
                           after: Callable[..., None] | None = None) -> None:
        app = self._need(app_id)
        if app is None:
            return

        def chosen(result) -> None:
            if result is None:
                if after:
                    after(False)
                return
            outcome, reason, on = result
            self.close_application(app_id, outcome, reason, on, after=after)

        self.app.push_screen(CloseDialog(app, preset), chosen)

    def close_application(self, app_id: str, outcome: str, reason: str = "", on=None,
                          after: Callable[..., None] | None = None, *, at_once: bool = False) -> None:
        """Close with ``outcome`` (``at_once``: the one-key verbs, which leave an already closed
        card with that outcome alone)."""
        app = self._need(app_id)
        if app is None:
            return
        if at_once and app.stage == "closed" and app.outcome == outcome:
            self.notify(f"Already closed as {outcome}.", markup=False)
            if after:
                after(False)
            return
        ok = self.rapp.write(self.store.applications.close, app_id, outcome, reason, on)
        if ok:
            self._apply_change(app_id, follow=False)
            self._acknowledge(app_id)
        if after:
            after(ok)

    def _acknowledge(self, app_id: str) -> None:
        app = self.store.applications.get(app_id)
        if app is None:
            return
        lines = [kind_words(app)]
        if app.outcome in p.PLAN_OUTCOMES:
            if self.store.plans.for_application(app.id) is not None:
                lines.append("Your rebound plan is waiting on Today (1).")
            s = self.store.settings.current()
            live = sum(len(self.columns.get(st, ())) for st in ("applied", "screening", "interviewing", "offer")) \
                if not self._terms else sum(1 for a in self.store.applications.all() if a.is_live)
            short = s.pipeline_floor - live
            if short > 0:
                wish = sum(1 for a in self.store.applications.all() if a.stage == "wishlist")
                if wish:
                    lines.append(f"{live} live, floor {s.pipeline_floor}: moving {min(short, wish)} from "
                                 "Wishlist would refill it.")
                else:
                    lines.append(f"{live} live, floor {s.pipeline_floor}: a few new roles would refill it.")
        self.notify("\n".join(lines), title="Closed", markup=False, timeout=8)

    def follow_up(self, app_id: str) -> bool:
        if self._need(app_id) is None:
            return False
        ok = self.rapp.write(self.store.applications.follow_up, app_id)
        if ok:
            self._apply_change(app_id)
            app = self.store.applications.get(app_id)
            when = app.next_action_date if app else ""
            self.notify(f"Logged the follow-up. Next action moved to {when}.", markup=False, timeout=3)
        return ok

    def snooze(self, app_id: str) -> bool:
        if self._need(app_id) is None:
            return False
        ok = self.rapp.write(self.store.applications.snooze, app_id)
        if ok:
            self._apply_change(app_id)
            self.notify("Snoozed for a week; it leaves the sweep until then.", markup=False, timeout=3)
        return ok

    def delete(self, app_id: str, after: Callable[..., None] | None = None) -> None:
        app = self._need(app_id)
        if app is None:
            return

        def decided(yes: bool | None) -> None:
            ok = False
            if yes:
                ok = self.rapp.write(self.store.applications.remove, app_id)
                if ok:
                    self._apply_change(app_id, follow=False)
                    self.notify("Deleted.", markup=False, timeout=3)
            if after:
                after(ok)

        self.app.push_screen(ConfirmDialog(
            "Delete this application?",
            f"{app.title}\n\nIts stage history and notes go too. To keep the record, close it instead (x).",
            confirm="Delete", cancel="Keep", danger=True), decided)

    def linked_contacts(self, app: Application) -> list:
        found = (self.store.contacts.get(cid) for cid in app.contact_ids)
        return [c for c in found if c is not None]

    def open_contact(self, app_id: str) -> None:
        """Jump to a linked contact (asks which when there are several)."""
        app = self._need(app_id)
        if app is None:
            return
        contacts = self.linked_contacts(app)
        if not contacts:
            self.notify("No linked contact. Contact names that match someone in Contacts link "
                        "themselves when you save the card.", markup=False)
            return
        if len(contacts) == 1:
            self.rapp.open_contact(contacts[0].id)
            return

        def picked(cid: str | None) -> None:
            if cid:
                self.rapp.open_contact(cid)

        self.app.push_screen(ChoiceDialog("Open which contact?", [(c.id, c.display_name) for c in contacts]),
                             picked)

    def open_details(self, app_id: str) -> None:
        if self.store.applications.get(app_id) is not None:
            self.app.push_screen(DetailsScreen(self, app_id))

    def show_application(self, application_id: str) -> None:
        """Select this application's card (clearing a filter that hides it) and open its details."""
        app = self.store.applications.get(application_id)
        if app is None:
            self.notify("That application no longer exists.", markup=False)
            return
        if not self._visible(app):
            self.clear_filter()
        elif self._built_from != self._source_key():
            self.reload()
        index = self._index_of(app.stage, app.id)
        if index is not None:
            self.kanban.select(app.stage, index)
        while isinstance(self.app.screen, DetailsScreen):  # one details view at a time
            self.app.pop_screen()
        self.open_details(app.id)

    # ------------------------------------------------------------------ key actions

    def action_new(self) -> None:
        if not self._writable():
            return
        stage = self.kanban.current_column
        stage = stage if stage != "closed" else "wishlist"

        def saved(app: Application | None) -> None:
            if app is not None and self.rapp.write(self.store.applications.add, app):
                if not self._visible(self.store.applications.get(app.id) or app):
                    self.notify("Added; it is hidden by the filter (escape clears it).", markup=False)
                self._apply_change(app.id)
                self.notify(f"Added to {p.stage_label(app.stage)}.", markup=False, timeout=2)

        self.app.push_screen(ApplicationForm(None, stage), saved)

    def action_edit(self) -> None:
        app = self._need()
        if app:
            self.edit(app.id)

    def action_move(self, direction: int) -> None:
        app = self._need()
        if app:
            self.step(app.id, direction)

    def action_close_card(self) -> None:
        app = self._need()
        if app:
            self.close_with_outcome(app.id)

    def action_reject(self) -> None:
        app = self._need()
        if app:
            self.close_application(app.id, "rejected", at_once=True)

    def action_follow_up(self) -> None:
        app = self._need()
        if app:
            self.follow_up(app.id)

    def action_snooze(self) -> None:
        app = self._need()
        if app:
            self.snooze(app.id)

    def action_delete(self) -> None:
        app = self._need()
        if app:
            self.delete(app.id)

    def action_sweep(self) -> None:
        queue = self.store.applications.sweep_queue(clock.today())
        if not queue:
            self.notify("Nothing needs attention right now: no quiet cards, no next action due.",
                        title="Sweep", markup=False)
            return
        self.app.push_screen(SweepScreen(self, [a.id for a in queue]))

    def action_health(self) -> None:
        if self._health is None:
            self._refresh_health()
        wish = sum(1 for a in self.store.applications.all() if a.stage == "wishlist")
        self.app.push_screen(HealthPanel(self._health, wish))  # type: ignore[arg-type]

    def action_goto(self) -> None:
        def picked(app_id: str | None) -> None:
            if app_id:
                self.show_application(app_id)

        self.app.push_screen(GoToDialog(self.store.applications.all()), picked)

    def on_kanban_opened(self, event: Kanban.Opened) -> None:
        self.open_details(event.card_id)

    # ------------------------------------------------------------------ filter

    def action_filter(self) -> None:
        bar = self.query_one("#filter-bar")
        bar.add_class("-active")
        self.query_one("#filter-input", Input).focus()

    def action_clear_filter(self) -> None:
        if self.query_text or self.query_one("#filter-bar").has_class("-active"):
            self.clear_filter()
            self.kanban.focus()

    def clear_filter(self) -> None:
        inp = self.query_one("#filter-input", Input)
        with inp.prevent(Input.Changed):
            inp.value = ""
        self.query_one("#filter-bar").remove_class("-active")
        if self.query_text:
            self.set_filter("")

    def set_filter(self, text: str) -> None:
        self.query_text = text
        self._terms = p.query_terms(text)
        self.reload(health=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter-input":
            event.stop()
            self.set_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter-input":
            event.stop()
            if not event.value.strip():
                self.clear_filter()
            self.kanban.focus()

    def _update_filter_count(self) -> None:
        if not self._terms:
            return
        shown = sum(len(v) for v in self.columns.values())
        total = self.store.applications.count()
        self.query_one("#filter-count", Static).update(literal(f"{shown} of {total} · esc clears"))

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterable[PaletteCommand]:
        yield PaletteCommand("Board: new application", "Add a card to the current column (n)", self.action_new)
        yield PaletteCommand("Board: edit the selected application", "All fields (e)", self.action_edit)
        yield PaletteCommand("Board: open the selected application", "Details and timeline (enter)",
                             lambda: self._with_selected(self.open_details))
        yield PaletteCommand("Board: move the card to the next stage", "L or shift+right",
                             lambda: self.action_move(1))
        yield PaletteCommand("Board: move the card back a stage", "H or shift+left; reopens a closed card",
                             lambda: self.action_move(-1))
        for stage in STAGES[:-1]:
            yield PaletteCommand(f"Board: move the card to {STAGE_LABELS[stage]}", "Stamped in its stage history",
                                 lambda s=stage: self._move_to(s))
        yield PaletteCommand("Board: close with an outcome", "accepted, rejected, ghosted, withdrew, declined, "
                             "role closed (x)", self.action_close_card)
        yield PaletteCommand("Board: mark rejected", "Close as rejected at once (r)", self.action_reject)
        yield PaletteCommand("Board: mark ghosted", "Close as ghosted at once",
                             lambda: self._with_selected(self._ghost))
        yield PaletteCommand("Board: followed up", "Log it; next action in a week (f)", self.action_follow_up)
        yield PaletteCommand("Board: snooze a week", "Out of the sweep for 7 days (z)", self.action_snooze)
        yield PaletteCommand("Board: delete the selected application", "Asks first (d)", self.action_delete)
        yield PaletteCommand("Board: open a linked contact", "The contacts named on the card (c in details)",
                             lambda: self._with_selected(self.open_contact))
        yield PaletteCommand("Board: sweep cards that need attention", "Quiet or due, one key each (s)",
                             self.action_sweep)
        yield PaletteCommand("Board: filter", "Company, role, tags, notes (/)", self.action_filter)
        yield PaletteCommand("Board: clear the filter", "Show every card (escape)", self.clear_filter)
        yield PaletteCommand("Board: pipeline health", "Floor, weekly goal, funnel, reply time (p)",
                             self.action_health)
        yield PaletteCommand("Board: go to application…", "Search every application by company or role (g)",
                             self.action_goto)

    def _ghost(self, app_id: str) -> None:
        self.close_application(app_id, "ghosted", at_once=True)

    def _with_selected(self, fn: Callable[[str], object]) -> None:
        app = self._need()
        if app:
            fn(app.id)

    def _move_to(self, stage: str) -> None:
        app = self._need()
        if app is None or app.stage == stage:
            return
        if self.rapp.write(self.store.applications.move, app.id, stage):
            self._apply_change(app.id)

    def save_pending(self) -> None:
        """Forms save on ctrl+s; an open form's typed text is saved as a draft only if valid."""
        try:
            stack = self.app.get_screen_stack(self.SCREEN_KEY)
        except Exception:  # not running in modes (tests building the screen alone)
            stack = self.app.screen_stack
        for screen in stack:
            if isinstance(screen, ApplicationForm):
                changed, errors = screen._build()
                if changed is not None and not errors and screen.dirty:
                    if screen.is_new:
                        self.store.applications.add(changed)
                    else:
                        self.store.applications.update(changed)
