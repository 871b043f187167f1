"""The Today screen: the home of Rebound.

The date and a greeting; the rebound plan of each fresh rejection, step by step; what is due today
or overdue; the pipeline floor and the week's goal; thirty days of mood and the latest relief; one
reframing prompt. ``enter`` on any row jumps to it (or does the step); ``space`` marks a step done,
``s`` skips it, ``z`` snoozes it, ``u`` undoes; ``,`` opens the settings.

The summary is computed by :mod:`store.today` (shared with ``rebound-tui today``). On the first
show it is read just after the first paint, so the frame appears at once even on years of data.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import clock, today_cache
from store import plans as plans_mod
from store.dates import DateError, parse_user_date, short_date
from store.today import Summary, greeting, summarize
from tui.dialogs import TextPromptDialog
from tui.shell.base import PaletteCommand, ReboundScreen
from tui.today.rows import Row, build_rows
from widgets.usertext import clip, literal


class TodayScreen(ReboundScreen):
    SCREEN_KEY = "today"
    SCREEN_TITLE = "Today"
    HELP = """What is due today, the rebound plan for each fresh rejection, and how your pipeline is holding up.

**A rebound plan** appears when an application closes as rejected (or ghosted — then without the
thank-you). Five steps, one per habit: *Reflect* (a guided reframe), *Say thank you* (a short reply
to each person you met), *Ask for feedback* (due two days after), *Stay in touch* (keep the people
you met as contacts, a connection note each) and *Move on* (back above your pipeline floor, the next
application out). A loss at the final round also gets *Has it reopened?* about four months on.

Steps tick themselves off when you do them anywhere in Rebound (a reframe written, a reply marked
sent, an application sent). `enter` does the highlighted step; `space` marks it done, `s` skips it,
`z` snoozes it to a day you choose, `u` puts it back to do. A plan leaves Today once every step is
done or skipped; it stays on the application.

**Due** lists application next steps, contacts due (with a reason to reach out), drafts you put off
until today, and feedback you can keep as a lesson. `enter` opens each where it lives.

`,` opens the settings (your name, signature, pipeline floor, weekly goal, cadence, theme…)."""

    BINDINGS = [
        Binding("enter", "do", "Do it", show=True, id="today.do"),
        Binding("space", "done", "Done", show=True, id="today.done"),
        Binding("s", "skip", "Skip", show=True, id="today.skip"),
        Binding("z", "snooze", "Snooze", show=True, id="today.snooze"),
        Binding("u", "undo", "Undo step", show=False, id="today.undo"),
        Binding("comma", "settings", "Settings", show=True, id="today.settings"),
        Binding("slash", "filter", "Filter", show=False, id="today.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="today.clear_filter"),
        Binding("j", "cursor_down", "Down", show=False, id="today.down"),
        Binding("k", "cursor_up", "Up", show=False, id="today.up"),
    ]

    DEFAULT_CSS = """
    TodayScreen #today-head { padding: 0 1; height: 1; }
    TodayScreen #today-stats { padding: 0 1; height: auto; color: $foreground; }
    TodayScreen #today-list { height: 1fr; border: none; padding: 0; background: $background;
                              text-wrap: nowrap; text-overflow: ellipsis; }
    TodayScreen #today-list:focus { background-tint: $foreground 0%; }
    TodayScreen #today-list > .option-list--option-disabled { color: $foreground; }
    TodayScreen #today-hint { padding: 0 1; height: 1; color: $foreground 70%; }
    TodayScreen #today-prompt { padding: 0 1; height: auto; max-height: 3; color: $foreground;
                                border-top: solid $foreground 20%; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.summary: Summary | None = None
        self.rows: list[Row] = []
        self.filter_text = ""
        self._row_by_id: dict[str, Row] = {}
        self._loaded = False
        self._summary_key: str | None = None
        self._plans_seen: set[str] = set()

    # -- layout

    def compose_body(self) -> ComposeResult:
        yield Static(self._head_text(), id="today-head")
        yield Static(literal("Reading your data…"), id="today-stats")
        yield OptionList(id="today-list")
        yield Static("", id="today-hint")
        yield Static("", id="today-prompt")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#today-list", OptionList).focus()
        # The summary remembered from the last run, if the data has not changed since: Today is
        # complete in the first frame without reading the big tables.
        cached = today_cache.load(self.store)
        if cached is not None:
            self._loaded = True
            self._show(cached, today_cache.current_key(self.store))
            return
        # Otherwise paint the frame first ("Reading your data…"), then read the data: on years of
        # data that takes a moment, and the screen should not stay blank meanwhile.
        self.call_after_refresh(lambda: self.set_timer(0.01, self._first_load))

    def _first_load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.refresh_data()

    def _head_text(self) -> Content:
        today = clock.today()
        settings = self.store.settings.current()
        return Content.assemble((f"{today:%A} {today.day} {today:%B %Y}", "bold"), "  ",
                                greeting(clock.now().hour, settings.my_name))

    # -- data

    def refresh_data(self) -> None:
        if not self._loaded:
            return  # the first read happens right after the first paint
        key = today_cache.current_key(self.store)
        if key is not None and key == self._summary_key and self.summary is not None:
            # nothing changed since this summary was made (same data, same day): keep it
            self.summary.greeting = greeting(clock.now().hour, self.summary.name)
            self._show(self.summary, key)
            return
        s = summarize(self.store)
        if s.unrecorded and not self.store.read_only:
            # steps the user did elsewhere (a reframe written, a reply sent): store them as done,
            # dated when they happened, so a later change can't reopen them
            self.rapp.write(self.store.plans.record_evidence, s.unrecorded)
        key = today_cache.current_key(self.store)
        if not s.unrecorded:
            today_cache.save(self.store, s)
        self._show(s, key if not s.unrecorded else None)

    def _show(self, s: Summary, key: str | None) -> None:
        self.summary = s
        self._summary_key = key
        self.query_one("#today-head", Static).update(
            Content.assemble((f"{s.today:%A} {s.today.day} {s.today:%B %Y}", "bold"), "  ", s.greeting))
        self.query_one("#today-stats", Static).update(self._stats_text(s))
        self.query_one("#today-prompt", Static).update(
            Content.assemble(("Prompt ", "bold"), s.prompt))
        self._fill_list()

    def _stats_text(self, s: Summary) -> Content:
        floor_style = "bold" if s.need else ""
        parts: list = [("Pipeline ", "bold"), (s.floor_text, floor_style), ("   Week ", "bold"), s.week_text, "\n",
                       ("Mood 30d ", "bold"), s.sparkline]
        avg = s.mood_average
        parts.append((f" avg {avg:.1f}" if avg is not None else " no check-ins yet", "dim"))
        parts += ["   ", ("Relief ", "bold"), (s.relief_text, "dim")]
        return Content.assemble(*parts)

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
        self._plans_seen = set(plan_ids) | self._plans_seen
        self.rows = build_rows(self.summary, self.filter_text)
        self._row_by_id = {r.id: r for r in self.rows}
        with self.app.batch_update():
            ol.clear_options()
            ol.add_options([Option(r.prompt, id=r.id, disabled=not r.selectable) for r in self.rows])
            target = None
            if keep is not None and keep in self._row_by_id:
                target = next(i for i, r in enumerate(self.rows) if r.id == keep)
            elif keep_index is not None:
                # the row went away (a step done): stay near where the cursor was
                for i in range(min(keep_index, len(self.rows) - 1), -1, -1):
                    if self.rows[i].selectable:
                        target = i
                        break
            if target is None:
                target = next((i for i, r in enumerate(self.rows) if r.selectable), None)
            if target is not None:
                ol.highlighted = target
        self._update_hint()

    def current_row(self) -> Row | None:
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
        row = self.current_row()
        hint = row.hint if row else ""
        if self.filter_text:
            hint = (hint + " · " if hint else "") + f"filter: {clip(self.filter_text, 20)} (escape clears)"
        self.query_one("#today-hint", Static).update(literal(hint))

    def _view(self, plan_id: str | None) -> plans_mod.PlanView | None:
        if not self.summary or not plan_id:
            return None
        return next((v for v in self.summary.plans if v.plan.id == plan_id), None)

    def _say(self, message: str, title: str = "") -> None:
        self.notify(message, title=title, markup=False)

    # -- enter: do it / jump to it

    def action_do(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.kind == "due" and row.due is not None:
            self._open_due(row)
            return
        if row.kind == "more":
            self.rapp.action_go("board" if row.id == "more:application" else "contacts")
            return
        view = self._view(row.plan_id)
        if view is None or view.app is None:
            return
        if row.kind == "plan":
            self.rapp.open_application(view.app.id)
        elif row.kind == "step":
            self._do_step(view, row.step or "")
        elif row.kind == "person" and row.person is not None:
            step = view.step(row.step or "")
            if step is not None and row.person < len(step.people):
                self._do_person(view, step, step.people[row.person])

    def _open_due(self, row: Row) -> None:
        item = row.due
        assert item is not None
        if item.kind == "application":
            self.rapp.open_application(item.ref)
        elif item.kind == "contact":
            self.rapp.open_contact(item.ref)
        elif item.kind == "draft":
            self.rapp.open_composer(draft_id=item.ref)
        elif item.kind == "lesson":
            plan = self.store.plans.get(item.ref)
            if plan is None:
                return
            made: list = []

            def keep() -> None:
                made.append(self.store.plans.keep_feedback_as_lesson(plan))

            if self.rapp.write(keep) and made:
                self._say("Kept the feedback as a lesson in your journal.", "Lesson")
                self.refresh_data()
                self.rapp.open_journal_entry(made[0].id)

    def _do_step(self, view: plans_mod.PlanView, key: str) -> None:
        app = view.app
        assert app is not None
        step = view.step(key)
        if step is None:
            return
        if key == "reflect":
            self.rapp.start_reframe(app.id)
        elif key == "thank_you":
            linked = [p for p in step.people if p.contact_id]
            pending = [p for p in linked if not p.replied_on]
            if len(pending) == 1:
                self._do_person(view, step, pending[0])
            elif pending:
                ids = [p.contact_id for p in pending if p.contact_id]
                self.rapp.open_composer(kind="rejection reply", contact_ids=ids, application_id=app.id)
            elif not linked and step.people:
                self._do_person(view, step, step.people[0])
            else:
                self.rapp.open_composer(kind="rejection reply", contact_ids=[p.contact_id for p in linked
                                                                            if p.contact_id][:1],
                                        application_id=app.id)
        elif key == "feedback":
            self._feedback(view)
        elif key == "stay_in_touch":
            pending = [p for p in step.people if not p.contact_id or not p.note_on]
            if pending:
                self._do_person(view, step, pending[0])
            else:
                self.rapp.open_application(app.id)
        elif key == "move_on":
            self._refill(view)
        else:
            self.rapp.open_application(app.id)

    def _feedback(self, view: plans_mod.PlanView) -> None:
        app = view.app
        assert app is not None
        waiting = [d for d in self.store.drafts.all()
                   if d.application_id == app.id and d.kind in plans_mod.FEEDBACK_KINDS and d.status != "sent"]
        if waiting:
            self.rapp.open_composer(draft_id=waiting[0].id)
            return
        linked = [p for p in view.people if p.contact_id]
        # the recruiter is the usual person to ask; else the first person met
        chosen = None
        for p in linked:
            c = self.store.contacts.get(p.contact_id)
            if c is not None and c.role == "recruiter":
                chosen = p
                break
        chosen = chosen or (linked[0] if linked else None)
        self.rapp.open_composer(kind="feedback request", contact_ids=[chosen.contact_id] if chosen else [],
                                application_id=app.id)

    def _do_person(self, view: plans_mod.PlanView, step: plans_mod.StepView, person: plans_mod.Person) -> None:
        app = view.app
        assert app is not None
        if person.contact_id is None:
            made: list = []

            def add() -> None:
                made.append(self.store.plans.add_person_as_contact(view.plan, person.name))

            if self.rapp.write(add) and made:
                self._say(f"Added {made[0].display_name} as a contact (quarterly).", "Contacts")
                self.refresh_data()
            return
        if step.key == "thank_you":
            if person.replied_on:
                self.rapp.open_contact(person.contact_id)
            elif person.reply_draft_id:
                self.rapp.open_composer(draft_id=person.reply_draft_id)
            else:
                self.rapp.open_composer(kind="rejection reply", contact_ids=[person.contact_id],
                                        application_id=app.id)
        else:
            if person.note_on:
                self.rapp.open_contact(person.contact_id)
            else:
                self.rapp.open_composer(kind="connection note", contact_ids=[person.contact_id],
                                        application_id=app.id)

    def _refill(self, view: plans_mod.PlanView) -> None:
        from tui.today.refill import RefillDialog

        def closed(result: str | None) -> None:
            self.refresh_data()
            if result == "new":
                self.rapp.new_application()

        self.app.push_screen(RefillDialog(), closed)

    # -- space / s / z / u on a step

    def _step_row(self, verb: str) -> tuple[Row, plans_mod.PlanView, plans_mod.StepView] | None:
        row = self.current_row()
        if row is None or row.kind not in ("step", "person", "due"):
            self._say(f"{verb} works on a plan step: move to one with j/k.")
            return None
        if row.kind == "due":
            if row.due is not None and row.due.kind == "lesson" and verb == "Skip":
                return row, None, None  # type: ignore[return-value]
            self._say(f"{verb} works on plan steps; enter opens this item where it lives.")
            return None
        view = self._view(row.plan_id)
        step = view.step(row.step or "") if view else None
        if view is None or step is None:
            return None
        return row, view, step

    def action_done(self) -> None:
        found = self._step_row("Done")
        if not found:
            return
        _, view, step = found
        if not step.is_open:
            self._say(f"{step.title} is already {'done' if step.status == 'done' else step.status}.")
            return
        if self.rapp.write(self.store.plans.mark_done, view.plan.id, step.key):
            self._say(f"{step.title}: done. {self._left(view, step.key)}", "Rebound plan")
            self.refresh_data()

    def action_skip(self) -> None:
        found = self._step_row("Skip")
        if not found:
            return
        row, view, step = found
        if view is None and row.due is not None:  # the feedback-as-lesson offer: not now
            if self.rapp.write(self.store.plans.set_lesson, row.due.ref, "dismissed"):
                self._say("Okay — the feedback stays on the application.")
                self.refresh_data()
            return
        if not step.is_open:
            self._say(f"{step.title} is already {'done' if step.status == 'done' else step.status}.")
            return
        if self.rapp.write(self.store.plans.skip, view.plan.id, step.key):
            self._say(f"{step.title}: skipped. {self._left(view, step.key)}", "Rebound plan")
            self.refresh_data()

    def action_snooze(self) -> None:
        found = self._step_row("Snooze")
        if not found or found[1] is None:
            return
        _, view, step = found
        if not step.is_open:
            self._say(f"{step.title} is {'done' if step.status == 'done' else step.status}; u puts it back.")
            return
        today = clock.today()

        def validate(text: str) -> str | None:
            try:
                d = parse_user_date(text, today)
            except DateError as exc:
                return str(exc)
            if d <= today:
                return "Pick a day after today (tomorrow, +3d, fri or YYYY-MM-DD)."
            return None

        def chosen(text: str | None) -> None:
            if text is None:
                return
            until = parse_user_date(text, today)
            if self.rapp.write(self.store.plans.snooze, view.plan.id, step.key, until):
                self._say(f"{step.title}: snoozed until {short_date(until)}.", "Rebound plan")
                self.refresh_data()

        self.app.push_screen(TextPromptDialog(
            f"Snooze “{step.title}” until…", "tomorrow, +3d, +2w, fri or YYYY-MM-DD", value="tomorrow",
            validate=validate), chosen)

    def action_undo(self) -> None:
        found = self._step_row("Undo")
        if not found or found[1] is None:
            return
        _, view, step = found
        if step.status == "todo":
            self._say(f"{step.title} is already to do.")
            return
        if step.auto:
            self._say(f"{step.title} reads as done from what you did ({step.detail}); nothing to undo here.")
            return
        if self.rapp.write(self.store.plans.reopen, view.plan.id, step.key):
            self._say(f"{step.title}: back to do.", "Rebound plan")
            self.refresh_data()

    def _left(self, view: plans_mod.PlanView, key: str) -> str:
        left = [s for s in view.steps if s.is_open and s.key != key]
        if not left:
            return "Plan complete — well done. It leaves Today and stays on the application."
        today = clock.today()
        if not any(s.is_current(today) for s in left):
            later = min((s.snoozed_until or s.due for s in left if (s.snoozed_until or s.due)), default=None)
            when = f" on {short_date(later, today)}" if later else ""
            return f"That's every step for now; “{left[0].title}” comes back{when}."
        return f"{len(left)} step{'s' if len(left) != 1 else ''} left."

    # -- the rest

    def action_cursor_down(self) -> None:
        self.query_one("#today-list", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#today-list", OptionList).action_cursor_up()

    def action_settings(self) -> None:
        from tui.settings.screen import SettingsScreen

        def closed(_saved: bool | None) -> None:
            self.refresh_data()

        self.app.push_screen(SettingsScreen(), closed)

    def action_filter(self) -> None:
        def chosen(text: str | None) -> None:
            if text is None:
                return
            self.filter_text = text.strip()
            if self.summary is not None:
                self._fill_list()

        self.app.push_screen(TextPromptDialog("Filter Today", "Words to look for (escape clears the filter later)",
                                              value=self.filter_text), chosen)

    def action_clear_filter(self) -> None:
        if self.filter_text:
            self.filter_text = ""
            if self.summary is not None:
                self._fill_list()

    def palette_commands(self):
        yield PaletteCommand("Today: do the highlighted step", "Open or do what the highlighted row asks (enter)",
                             self.action_do)
        yield PaletteCommand("Today: mark step done", "Mark the highlighted plan step done (space)", self.action_done)
        yield PaletteCommand("Today: skip step", "Skip the highlighted plan step (s)", self.action_skip)
        yield PaletteCommand("Today: snooze step", "Snooze the highlighted plan step to a day you choose (z)",
                             self.action_snooze)
        yield PaletteCommand("Today: undo step", "Put the highlighted plan step back to do (u)", self.action_undo)
        yield PaletteCommand("Today: filter", "Show only rows with these words (/)", self.action_filter)
        if self.summary is not None:
            for view in self.summary.plans:
                if view.app is not None and view.step("move_on") is not None:
                    yield PaletteCommand(f"Refill the pipeline ({view.live} live of {view.floor})",
                                         "Send applications from your Wishlist", lambda v=view: self._refill(v))
                    break
