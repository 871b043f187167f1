"""The Today screen: the home of Rebound (what it shows: :mod:`tui.today.rows`; its keys: the help).

One rebound plan is open, step by step (the newest, while it leaves "Due today" on screen); the
others are one line each until ``enter`` or ``→`` opens one, which folds the other (``←`` folds it).
``enter`` on any row jumps to it (or does the step). The top line counts what is due.

The summary is computed by :mod:`store.today` (shared with ``rebound-tui today``) and remembered
between runs (:mod:`store.today_cache`) with the view the screen showed (:mod:`tui.today.remember`):
the first frame paints that view; the summary is decoded just after it when the data is unchanged,
and recomputed in a thread worker when it changed (rows act only once it is there). With nothing
remembered, the frame is painted first ("Reading your data…") and the data read just after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import clock
from store.dates import parse_user_date
from store.greeting import greeting
from tui.shell import keymap
from tui.shell.base import PaletteCommand
from tui.today import remember
from tui.today.folds import PlanFolds
from tui.today.head import due_counts, head_text, stats_text
from tui.today.help_text import TODAY_HELP
from tui.today.loading import TodayData
from tui.today.palette import today_extras
from tui.today.rows import TODAY_CSS, Row, build_rows, cursor_index, next_todo
from tui.today.today_list import TodayList
from widgets.filter_bar import FilterBar
from widgets.usertext import clip, literal

if TYPE_CHECKING:  # what rows do (jumps, actions, the domain) is imported on first use, after the first frame
    from store import plans as plans_mod
    from store.today import Summary
    from tui.today.actions import Outcome, TodayActions


class TodayScreen(TodayData):
    SCREEN_KEY = "today"
    SCREEN_TITLE = "Today"
    HELP = TODAY_HELP

    KEYMAP = "today"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = TODAY_CSS

    def __init__(self) -> None:
        super().__init__()
        self.filter_text = ""
        self._plans_seen: set[str] = set()
        self.folds = PlanFolds()
        #: The row a step was started from elsewhere: back on Today, the cursor goes to what is left.
        self.resume_row: str | None = None

    # -- layout

    def compose_body(self) -> ComposeResult:
        view = self.first_view()  # the view remembered from the last run, made into the widgets
        if view is None:
            yield Static(head_text(clock.today(), greeting(clock.now().hour, self.store.settings.current().my_name)),
                         id="today-head")
            yield Static(literal("Reading your data…"), id="today-stats")
        else:
            hello = greeting(clock.now().hour, view.name)
            yield Static(head_text(clock.today(), hello, max(0, self.app.size.width - 2), view.due), id="today-head")
            yield Static(view.stats, id="today-stats")
        yield FilterBar("words in a row: a company, a person, a step", id="today-filter")
        yield TodayList(*(_options(view.rows) if view is not None else ()), id="today-list")
        cursor_row = view.rows[view.cursor] if view is not None and view.cursor is not None else None
        yield Static(literal(cursor_row.hint if cursor_row is not None else ""), id="today-hint")
        yield Static(Content.assemble(("Prompt ", "bold"), view.prompt) if view is not None else "", id="today-prompt")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#today-list", OptionList).focus()
        self.load_first()

    def _text_width(self) -> int:
        return max(0, self.size.width - 2)

    # -- data

    def _show(self, s: Summary, key: tuple[int, date] | None) -> None:
        self._summary = s
        self._summary_key = key
        self._update_stats()
        self.query_one("#today-prompt", Static).update(Content.assemble(("Prompt ", "bold"), s.prompt))
        self._fill_list()

    def _fill_list(self) -> None:
        assert self.summary is not None
        ol = self.query_one("#today-list", OptionList)
        keep = ol.highlighted_option.id if ol.highlighted_option is not None else None
        keep_index = ol.highlighted
        # a plan that appeared since the last look (a rejection just recorded): go to it
        plan_ids = [v.plan.id for v in self.summary.plans]
        fresh = [pid for pid in plan_ids if pid not in self._plans_seen]
        if fresh and self._plans_seen and not self.filter_text:
            keep = f"plan:{fresh[0]}"
            self.folds.arrived(fresh[0])
        self._plans_seen = set(plan_ids) | self._plans_seen
        rows = build_rows(self.summary, self.filter_text, self.folds.expanded, self._room(), self.folds.all_plans)
        anchor, self.resume_row = self.resume_row, None
        if self._provisional and anchor is None and remember.same_rows(rows, self.rows):
            self._provisional = False  # the remembered view was right: the same rows, now able to act
            self.rows, self._row_by_id = rows, {r.id: r for r in rows}
            self._update_hint()
            return
        self._provisional = False
        target = next_todo(rows, anchor) if anchor else None
        self._set_rows(rows, target if target is not None else cursor_index(rows, keep, keep_index))

    def _set_rows(self, rows: list[Row], cursor: int | None, *, composed: bool = False) -> None:
        """Show ``rows`` with the cursor on ``cursor``; ``composed``: the list was made with them."""
        ol = self.query_one("#today-list", OptionList)
        self.rows, self._row_by_id = rows, {r.id: r for r in rows}
        with self.app.batch_update():
            if not composed:
                ol.clear_options()
                ol.add_options(_options(rows))
            if cursor is not None:
                ol.highlighted = cursor
        self._update_hint()

    def _room(self) -> int:
        """The list's height in rows (0 before the first layout)."""
        return self.query_one("#today-list", OptionList).size.height

    def _update_stats(self) -> None:
        if self._summary is not None:
            s, width = self._summary, self._text_width()
            self.query_one("#today-head", Static).update(head_text(s.today, s.greeting, width, due_counts(s)))
            self.query_one("#today-stats", Static).update(stats_text(s, width))

    def on_resize(self) -> None:
        self._update_stats()
        if self._summary is not None:  # what fits above "Due today" follows the list's new height
            self.call_after_refresh(self._refit)

    @on(TodayList.HeightChanged)
    def _list_resized(self) -> None:
        """The list got its height (after the first fill, or as the lines around it change): refit."""
        self._refit()

    def _refit(self) -> None:
        if self._summary is not None and self.rows != build_rows(
                self._summary, self.filter_text, self.folds.expanded, self._room(), self.folds.all_plans):
            self._fill_list()

    def current_row(self) -> Row | None:
        if self._provisional and self.summary is None:  # the remembered view, still being recomputed
            self.say("One moment: Today is catching up with changes to your data.")
            return None
        ol = self.query_one("#today-list", OptionList)
        opt = ol.highlighted_option
        if opt is None or opt.id is None:
            return None
        return self._row_by_id.get(opt.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._update_hint()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_do()

    def _update_hint(self) -> None:
        opt = self.query_one("#today-list", OptionList).highlighted_option
        row = self._row_by_id.get(opt.id) if opt is not None and opt.id is not None else None
        hint = row.hint if row else ""
        if self.filter_text:
            hint = (hint + " · " if hint else "") + f"filter: {clip(self.filter_text, 20)} (escape clears)"
        self.query_one("#today-hint", Static).update(literal(hint))

    def _view(self, plan_id: str | None) -> plans_mod.PlanView | None:
        if not self.summary or not plan_id:
            return None
        return next((v for v in self.summary.plans if v.plan.id == plan_id), None)

    @property
    def actions(self) -> TodayActions:
        from tui.today.actions import TodayActions

        return TodayActions(self.store, self.rapp.write)

    def say(self, message: str, title: str = "") -> None:
        self.notify(message, title=title, markup=False)

    # -- enter: do it / jump to it

    def action_do(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.opens is not None:  # "… and N more": the screen that has them all
            self.rapp.action_go(row.opens)
            return
        if row.kind == "more-plans":  # every plan line, the cursor on the first one it adds
            self.folds.all_plans = True
            self._fill_list()
            return
        if row.kind == "plan" and row.plan_id and not self._is_open(row.plan_id):
            self._set_open(row.plan_id, True)
            return
        from tui.today import jumps

        jump = jumps.row_jump(self.actions, row, self._view(row.plan_id))
        if jump is not None:
            jumps.go(self, jump, from_row=row.id)

    def action_add_contact(self) -> None:
        """``n``: the highlighted name (or the plan's first name that isn't a contact) becomes one."""
        row = self.current_row()
        view = self._view(row.plan_id if row else None)
        if row is None or view is None:
            self.say(f"{keymap.key_of('today.add_contact')} adds a person met during a rejected application as a "
                     "contact: move to a plan.")
            return
        step = view.step(row.step or "")
        person = step.people[row.person] if step and row.person is not None and row.person < len(step.people) \
            else None
        from tui.today import jumps

        jumps.go(self, self.actions.add_target(view, person))

    def tell(self, outcome: Outcome) -> None:
        """Say what came of an action, and re-read the data when it changed."""
        if outcome.message:
            self.say(outcome.message, outcome.title)
        if outcome.changed:
            self.refresh_data()

    def refill(self) -> None:
        from tui.today import jumps

        jumps.refill(self)

    # -- opening and folding plans

    def _is_open(self, plan_id: str) -> bool:
        assert self.summary is not None
        return self.folds.is_open(self.summary, plan_id, self._room())

    def _set_open(self, plan_id: str, show: bool) -> None:
        """Open one plan (folding the other) or fold it; the cursor stays on its line."""
        if self.summary is None or self.filter_text:
            return
        self.folds.set_open(plan_id, show)
        ol = self.query_one("#today-list", OptionList)
        self._fill_list()
        index = next((i for i, r in enumerate(self.rows) if r.id == f"plan:{plan_id}"), None)
        if index is not None:
            ol.highlighted = index
        self._update_hint()

    def action_expand(self) -> None:
        row = self.current_row()
        if row is not None and row.plan_id:
            self._set_open(row.plan_id, True)

    def action_fold(self) -> None:
        row = self.current_row()
        if row is not None and row.plan_id:
            self._set_open(row.plan_id, False)

    # -- space / s / z / u on a step (u: the app's undo off a step)

    def _step_at_cursor(self, verb: str) -> tuple[plans_mod.PlanView, plans_mod.StepView] | None:
        """The plan step under the cursor; else None, having said why."""
        row = self.current_row()
        if row is None and self._provisional:
            return None  # still reading the data (current_row said so)
        if row is None or row.kind not in ("step", "person", "due"):
            self.say(f"{verb} works on a plan step: move to one with j/k.")
            return None
        if row.kind == "due":
            self.say(f"{verb} works on plan steps; enter opens this item where it lives.")
            return None
        view = self._view(row.plan_id)
        step = view.step(row.step or "") if view else None
        if view is None or step is None:
            return None
        return view, step

    def action_done(self) -> None:
        found = self._step_at_cursor("Done")
        if found:
            self.tell(self.actions.mark_done(*found))

    def action_skip(self) -> None:
        row = self.current_row()
        if row is not None and row.kind == "due" and row.due is not None and row.due.kind == "lesson":
            self.tell(self.actions.not_now(row.due.ref))  # the feedback-as-lesson offer: not now
            return
        found = self._step_at_cursor("Skip")
        if found:
            self.tell(self.actions.skip(*found))

    def action_snooze(self) -> None:
        from tui.today.actions import snooze_problem

        found = self._step_at_cursor("Snooze")
        if not found:
            return
        view, step = found
        refused = self.actions.can_snooze(step)
        if refused is not None:
            self.tell(refused)
            return
        today = clock.today()

        def chosen(text: str | None) -> None:
            if text is not None:
                self.tell(self.actions.snooze(view, step, parse_user_date(text, today)))

        from tui.dialogs import TextPromptDialog

        self.app.push_screen(TextPromptDialog(
            f"Snooze “{step.title}” until…", "tomorrow, +3d, +2w, fri or YYYY-MM-DD", value="tomorrow",
            validate=lambda text: snooze_problem(text, today)), chosen)

    def action_undo(self) -> None:
        """``u``: on a plan step done, skipped or snoozed by hand, put it back to do; anywhere else, the
        app's undo of the last one-key change (a card rejected on the board comes back from here too)."""
        row = self.current_row()
        view = self._view(row.plan_id) if row is not None and row.kind in ("step", "person") else None
        step = view.step(row.step or "") if view is not None and row is not None else None
        if view is not None and step is not None and step.status != "todo" and not step.auto:
            self.tell(self.actions.undo(view, step))
        else:
            self.rapp.action_undo()

    def action_cursor_down(self) -> None:
        self.query_one("#today-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#today-list", OptionList).action_cursor_up()

    # -- `/`: the inline filter

    def action_filter(self) -> None:
        self.query_one(FilterBar).open(self.filter_text)

    @on(FilterBar.Changed)
    def _filter_typed(self, event: FilterBar.Changed) -> None:
        self.filter_text = event.text.strip()
        if self.summary is not None:
            self._fill_list()

    @on(FilterBar.Submitted)
    def _filter_done(self) -> None:
        if not self.filter_text:
            self.query_one(FilterBar).close()
        self.query_one("#today-list", OptionList).focus()

    def action_clear_filter(self) -> None:
        bar = self.query_one(FilterBar)
        if not (self.filter_text or bar.active):
            return
        bar.close()
        self.query_one("#today-list", OptionList).focus()
        if self.filter_text:
            self.filter_text = ""
            if self.summary is not None:
                self._fill_list()

    def palette_extras(self) -> Iterable[PaletteCommand]:
        return today_extras(self)


def _options(rows: list[Row]) -> list[Option]:
    return [Option(r.prompt, id=r.id, disabled=not r.selectable) for r in rows]
