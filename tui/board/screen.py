"""The Board screen: the job pipeline as a kanban that keeps the search moving.

Six columns (Wishlist, Applied, Screening, Interviewing, Offer, Closed), drawn by the virtualised
:class:`widgets.kanban.Kanban` (ten thousand cards cost what the visible ones cost). The screen shows
and routes keys: :class:`~tui.board.columns.BoardColumns` keeps each column sorted and filtered,
:class:`~tui.board.actions.BoardActions` does the work (one store method, one atomic write, through
``app.write``) and :class:`~tui.board.flows.CardFlows` asks and says. After a change only the two
columns it touches are updated.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from functools import cached_property

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Input, Label, Static

from store import clock
from store.models import STAGE_LABELS, STAGES, Application
from tui.board.actions import NOT_SELECTED, BoardActions, Changed, Direction, Said
from tui.board.cards import CardCache, CardColumn
from tui.board.columns import BoardColumns
from tui.board.flows import CardFlows
from tui.board.health_line import HealthSchedule
from tui.board.help_text import BOARD_HELP
from tui.board.palette import applications_provider, board_extras
from tui.shell import keymap
from tui.shell.base import PaletteCommand, ReboundScreen
from tui.shell.undo import Undone
from widgets.board_health import HealthLine
from widgets.kanban import Kanban
from widgets.kanban_list import PipelineKanban
from widgets.live_input import LiveInput
from widgets.paint_first import after_frame, collect_after_paint
from widgets.usertext import literal

log = logging.getLogger("rebound")

BOARD_CSS = """
BoardScreen #filter-bar { height: 1; background: $panel; padding: 0 1; display: none; }
BoardScreen #filter-bar.-active { display: block; }
BoardScreen #filter-bar Label { width: auto; padding-right: 1; text-style: bold; }
BoardScreen #filter-bar Input { width: 1fr; }
BoardScreen #filter-count { width: auto; padding-left: 1; color: $foreground 70%; }
"""


class BoardScreen(ReboundScreen):
    SCREEN_KEY = "board"
    SCREEN_TITLE = "Board"
    DEFAULT_CSS = BOARD_CSS
    COMMANDS = {applications_provider}  # what its keys open is imported when first opened
    HELP = BOARD_HELP

    KEYMAP = "board"
    BINDINGS = keymap.bindings(KEYMAP)

    #: Seconds the health line waits after a change; 0 = right after the board repaints (the
    #: per-card cache makes a recount after one move about 10 ms at 10,000 applications).
    HEALTH_DELAY = 0.0

    def __init__(self) -> None:
        super().__init__()
        self.columns = BoardColumns()
        self.cards = CardCache()
        self.health_line = HealthSchedule(self, self.HEALTH_DELAY)
        #: What the columns were built from: (repo version, day, quiet days, settings stamp).
        self._built_from: tuple[object, ...] | None = None

    @cached_property
    def actions(self) -> BoardActions:
        actions = BoardActions(self.store, self.rapp.write, lambda save: after_frame(self.app, save))
        actions.subscribe(self._changed)
        return actions

    @cached_property
    def flows(self) -> CardFlows:
        return CardFlows(self.rapp, self.actions)

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        yield HealthLine(id="board-health")
        with Horizontal(id="filter-bar"):
            yield Label("Filter")
            # filtered inside the keystroke: its first frame shows the board it leaves (widgets.live_input)
            yield LiveInput(placeholder="company, role, tag or note words", id="filter-input", compact=True,
                            answer=self.set_filter)
            yield Static("", id="filter-count")
        yield PipelineKanban([(s, STAGE_LABELS[s]) for s in STAGES], id="kanban")

    @property
    def kanban(self) -> PipelineKanban:
        return self.query_one(PipelineKanban)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(Footer).compact = True
        self.kanban.set_list_view(self.actions.list_view())
        if self.is_current or self.store.applications.loaded:
            self.reload()
        # else made ahead (tui.shell.warm) before the records are read: the warm-up fills the columns once
        # they are (refresh_data), a visit before that reads them first
        self.kanban.focus()

    def _source_key(self) -> tuple[object, ...]:
        """What the columns were built from: the applications and settings versions, and the day."""
        return (self.store.versions("applications", "settings"), clock.today())

    def refresh_data(self) -> None:
        """Back on the board: regroup only if something changed since the columns were built."""
        if self._built_from != self._source_key():
            self.reload()
        else:
            self.health_line.shown()

    # ------------------------------------------------------------------ columns

    def reload(self, health: bool = True) -> None:
        """Regroup everything (on show, after an external change, or when the filter changes).
        The health line follows right after the first paint."""
        self.cards.reset(clock.today(), self.actions.quiet_days())
        self._show_columns(lambda: self.columns.regroup(self.store.applications.all()))
        self._built_from = self._source_key()
        if health:
            self.health_line.schedule(0)
        self.call_after_refresh(self.store.applications.prepare)  # what the first move needs (once)

    def _show_columns(self, change: Callable[[], None]) -> None:
        """``change`` the columns, then show them, each cursor staying on its card when still shown."""
        k = self.kanban
        selected = {s: getattr(k.cursor_card(s), "id", None) for s in STAGES}
        change()
        for stage in STAGES:
            index = self.columns.index_of(stage, selected[stage])
            k.set_cards(stage, CardColumn(self.columns.by_stage[stage], self.cards), select=index)
        self._update_empty_texts()
        self._update_filter_count()

    def _changed(self, change: Changed) -> None:
        """One application changed (or vanished): update only the columns it touches, keep the
        cursor on it (``follow``), and refresh the health line a moment later."""
        k = self.kanban
        old_stage = self.columns.remove(change.app_id)
        app = self.store.applications.get(change.app_id)
        self.cards.forget(change.app_id)
        touched = {old_stage} if old_stage else set()
        new_index = self.columns.place(app) if app is not None else None
        if app is not None and new_index is not None:
            touched.add(self.columns.stage_of(app))
        current = k.current_column
        for stage in touched:
            keep = None
            if stage == old_stage == current and (app is None or app.stage != stage or not change.follow):
                keep = min(k.current_index, max(0, len(self.columns.by_stage[stage]) - 1))
            k.set_cards(stage, CardColumn(self.columns.by_stage[stage], self.cards), select=keep)
        if app is not None and new_index is not None and change.follow:
            k.select(app.stage, new_index)
        self._update_empty_texts()
        self._update_filter_count()
        self._built_from = self._source_key()
        self.health_line.schedule()

    def _update_empty_texts(self) -> None:
        for stage in STAGES:
            if self.columns.terms:
                text = "no match"
            else:
                text = {"wishlist": "empty · n adds one", "closed": "nothing closed yet"}.get(stage, "empty")
            self.kanban.set_empty_text(stage, text)

    # ------------------------------------------------------------------ the selected card

    def selected(self) -> Application | None:
        card = self.kanban.current_card
        return self.store.applications.get(card.id) if card else None

    def _selected_id(self) -> str | None:
        """The card under the cursor, or None (and says so)."""
        app = self.selected()
        if app is None:
            self.flows.say(Said(False, NOT_SELECTED))
            return None
        return app.id

    def open_details(self, app_id: str) -> None:
        from tui.board.details import DetailsScreen

        if self.store.applications.get(app_id) is not None:
            self.app.push_screen(DetailsScreen(self.flows, app_id))

    def show_application(self, application_id: str) -> None:
        """Select this application's card (clearing a filter that hides it) and open its details."""
        from tui.board.details import DetailsScreen

        app = self.store.applications.get(application_id)
        if app is None:
            self.notify("That application no longer exists.", markup=False)
            return
        if not self.columns.visible(app):
            self.clear_filter()
        elif self._built_from != self._source_key():
            self.reload()
        index = self.columns.index_of(app.stage, app.id)
        if index is not None:
            self.kanban.select(app.stage, index)
        while isinstance(self.app.screen, DetailsScreen):  # one details view at a time
            self.app.pop_screen()
        self.open_details(app.id)

    # ------------------------------------------------------------------ key actions

    def action_new(self, stage: str = "") -> None:
        """``n``: a new card in the highlighted column (Closed: Wishlist); ``stage`` when given (Today's
        refill files into Wishlist)."""
        notice = self.actions.read_only_notice()
        if notice is not None:
            self.flows.say(notice)
            return
        stage = stage or self.kanban.current_column
        stage = stage if stage != "closed" else "wishlist"

        def saved(app: Application | None) -> None:
            if app is None:
                return
            said = self.actions.add(app)
            if said.ok and not self.columns.visible(self.store.applications.get(app.id) or app):
                self.notify("Added; it is hidden by the filter (escape clears it).", markup=False)
            self.flows.say(said)

        from tui.board.forms import ApplicationForm
        from tui.dialogs import kept

        collect_after_paint(self.app)
        form, again = kept.reuse(self.app, kept.NEW_APPLICATION, ApplicationForm, lambda: ApplicationForm(None, stage))
        if again:
            form.open_new(stage)
        self.app.push_screen(form, saved)

    def action_edit(self) -> None:
        if app_id := self._selected_id():
            self.flows.edit(app_id)

    def action_move(self, direction: int) -> None:
        if app_id := self._selected_id():
            self.flows.step(app_id, Direction(direction))

    def action_close_card(self) -> None:
        if app_id := self._selected_id():
            self.flows.close_with_outcome(app_id)

    def action_reject(self) -> None:
        if app_id := self._selected_id():
            self.flows.reject(app_id)

    def action_ghost(self) -> None:
        if app_id := self._selected_id():
            self.flows.ghost(app_id)

    def action_follow_up(self) -> None:
        if app_id := self._selected_id():
            self.flows.follow_up(app_id)

    def action_snooze(self) -> None:
        if app_id := self._selected_id():
            self.flows.snooze(app_id)

    def action_delete(self) -> None:
        if app_id := self._selected_id():
            self.flows.delete(app_id)

    def action_open(self) -> None:
        if app_id := self._selected_id():
            self.open_details(app_id)

    def action_contact(self) -> None:
        if app_id := self._selected_id():
            self.flows.open_contact(app_id)

    def move_to(self, stage: str) -> None:
        if app_id := self._selected_id():
            self.flows.say(self.actions.move_to(app_id, stage))

    def action_sweep(self) -> None:
        from tui.board.sweep import SweepScreen

        ids = self.actions.sweep_queue()
        if not ids:
            self.notify("Nothing needs attention right now: no quiet cards, no next action due.",
                        title="Sweep", markup=False)
            return
        self.app.push_screen(SweepScreen(self.flows, ids))

    def action_health(self) -> None:
        from tui.board.panels import HealthPanel

        health = self.health_line.health or self.health_line.count()
        self.app.push_screen(HealthPanel(health, self.actions.wishlist_count()))

    def action_goto(self) -> None:
        from tui.board.panels import GoToDialog

        def picked(app_id: str | None) -> None:
            if app_id:
                self.show_application(app_id)

        self.app.push_screen(GoToDialog(self.store.applications.all()), picked)

    def action_toggle_view(self) -> None:
        """Columns of cards, or the pipeline as a list (one line per card); remembered."""
        self.kanban.set_list_view(not self.kanban.list_view)
        self.actions.remember_view(self.kanban.list_view)

    def on_kanban_opened(self, event: Kanban.Opened) -> None:
        self.open_details(event.card_id)

    def on_undone(self, event: Undone) -> None:
        """After ``u``: the cursor goes to the card that was put back."""
        app = self.store.applications.get(next(iter(event.application_ids), None))
        index = self.columns.index_of(app.stage, app.id) if app is not None else None
        if app is not None and index is not None:
            self.kanban.select(app.stage, index)

    # ------------------------------------------------------------------ filter

    def action_filter(self) -> None:
        bar = self.query_one("#filter-bar")
        bar.add_class("-active")
        self.query_one("#filter-input", Input).focus()
        self.call_after_refresh(self.columns.prepare_search)  # right after the bar shows

    def action_clear_filter(self) -> None:
        if self.columns.query_text or self.query_one("#filter-bar").has_class("-active"):
            self.clear_filter()
            self.kanban.focus()

    def clear_filter(self) -> None:
        inp = self.query_one("#filter-input", Input)
        with inp.prevent(Input.Changed):
            inp.value = ""
        self.query_one("#filter-bar").remove_class("-active")
        if self.columns.query_text:
            self.set_filter("")

    def set_filter(self, text: str) -> None:
        self.columns.set_query(text)
        if self._built_from != self._source_key():
            self.reload(health=False)
        else:  # the columns are current: filter them (no regrouping, no sorting)
            self._show_columns(self.columns.refilter)
        k = self.kanban
        if self.columns.terms and k.current_card is None:  # no match here: the cursor goes to the nearest
            here = next((i for i, stage in enumerate(STAGES) if stage == k.current_column), 0)
            found = sorted((abs(i - here), i) for i, stage in enumerate(STAGES) if self.columns.by_stage[stage])
            if found:
                k.select(STAGES[found[0][1]], 0)

    @on(Input.Submitted, "#filter-input")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.clear_filter()
        self.kanban.focus()

    def _update_filter_count(self) -> None:
        if not self.columns.terms:
            return
        shown = self.columns.shown()
        total = self.store.applications.count()
        self.query_one("#filter-count", Static).update(literal(f"{shown} of {total} · esc clears"))

    # ------------------------------------------------------------------ palette

    def palette_extras(self) -> Iterable[PaletteCommand]:
        return board_extras(self)

    def save_pending(self) -> None:
        """Forms save on ctrl+s; an open form's typed text is saved as a draft only if valid."""
        forms = sys.modules.get("tui.board.forms")
        if forms is None:  # never imported: no form was ever opened
            return
        try:
            stack = self.app.get_screen_stack(self.SCREEN_KEY)
        except KeyError:  # not running in modes (tests building the screen alone)
            log.debug("board: no %s mode; saving from the current stack", self.SCREEN_KEY)
            stack = self.app.screen_stack
        for screen in stack:
            if isinstance(screen, forms.ApplicationForm):
                changed, errors = screen.build()
                if changed is not None and not errors and screen.dirty:
                    self.actions.save_draft(changed, is_new=screen.is_new)
