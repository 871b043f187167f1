"""The guided reframe: a thought record in eight skippable steps.

1 Situation (facts; optional link to an application, the latest rejection by default) ·
2 Emotions (0-100) · 3 Thoughts (belief 0-100, one hot) · 4 Distortions (twelve, explained) ·
5 Evidence for / against · 6 Balanced thought · 7 Re-rate · 8 Self-compassion, lesson, next action.

PgDn (or alt+→) goes forward — with nothing filled in, that skips the step — and PgUp (alt+←) goes
back. The hot thought stays on screen from step 4 on. The draft is saved on every step change and a
moment after each edit, so a dropped session loses nothing. The steps themselves are in
:mod:`tui.journal.steps`; this screen moves between them and routes the keys.

Care: on every step change the words written so far are read (:mod:`tui.care.actions`); heavy words
show the support panel (once per entry) and *adapt* the reframe: situation, feelings and thoughts, then
kind words, with no thinking-pattern labels, no numbers from the board, no relief figures.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Input, Static

from store import clock
from store.control import split_for
from store.journal import clamp_rating, funnel_lines, hot_index
from store.models import Application, JournalEntry
from store.prompts import COMPASSION_KEYS, PROMPTS_BY_KEY, STEPS, Prompt, prompts_for
from tui.care.actions import panel_due, support_shown
from tui.care.panel import Moment, SupportChoice, show_support
from tui.dialogs import ChoiceDialog
from tui.journal.actions import JournalActions, link_choices
from tui.journal.base import JournalForm
from tui.journal.steps import DistortionsStep, EmotionsStep, SituationStep, StepParts, ThoughtsStep
from tui.journal.steps_answer import BalancedStep, EvidenceStep, RerateStep, WrapUpStep
from tui.shell import keymap
from widgets.journal_checklist import CheckList
from widgets.journal_items import ItemsEditor
from widgets.journal_ratings import RatedList
from widgets.usertext import literal

LAST_STEP = len(STEPS)
#: The steps of an adapted reframe (heavy words were written): no labels, no numbers; kind words last.
ADAPTED_STEPS = (1, 2, 3, LAST_STEP)
KIND_WORDS = "Kind words, if you'd like them. ctrl+s saves and stops here; nothing else is needed."
FIRST_FOCUS = {1: "#situation", 2: "#emotions", 3: "#thought-text", 4: "#distortions", 5: "#ev-for Input",
               6: "#balanced", 7: "#hot-after", 8: "#comp-0"}


class ReframeWizard(JournalForm):
    KIND = "reframe"
    SCREEN_TITLE = "Guided reframe"
    HELP = (
        "A thought record in eight steps: the situation, your feelings (0-100), the thoughts and the hot "
        "one, thinking patterns, evidence both ways, a balanced thought, re-rating, and (optional) "
        "self-compassion, one lesson and a next step.\n\n"
        "Every step can be skipped: PgDn (or alt+→) moves on, PgUp (or alt+←) goes back. The hot thought "
        "stays visible from step 4. ctrl+r shows another prompt; ctrl+l links the entry to an application "
        "(the latest rejection is suggested). The draft saves itself on every step and as you type: if the "
        "connection drops, it is waiting in the journal next time. ctrl+s saves the record as finished; "
        "escape asks whether to keep the draft for later.\n\n"
        "In lists: ↑/↓ move, space ticks a feeling (or marks the hot thought), ←/→ change a rating by 10 "
        "(shift for 1), digits type a rating, x removes. Relief is the average drop of the feelings you "
        "re-rate; belief shift is how far belief in the hot thought fell."
    )

    KEYMAP = "journal.wizard"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    ReframeWizard { align: center middle; }
    ReframeWizard > #wiz { width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1; }
    ReframeWizard #wiz-head { height: 1; }
    ReframeWizard #wiz-hot { height: auto; max-height: 2; background: $boost; text-style: bold; }
    ReframeWizard #wiz-prompt { height: auto; max-height: 3; color: $foreground 75%; text-style: italic; }
    ReframeWizard ContentSwitcher { height: 1fr; margin-top: 1; }
    ReframeWizard ContentSwitcher > * { height: 1fr; }
    ReframeWizard .hint { height: auto; color: $foreground 60%; }
    ReframeWizard .row { height: 1; }
    ReframeWizard .row > Label { width: auto; padding-right: 1; }
    ReframeWizard Input, ReframeWizard TextArea, ReframeWizard ItemsEditor Input { background: $panel; }
    ReframeWizard #outside > .option-list--option-highlighted { background: transparent; }
    ReframeWizard #outside:focus > .option-list--option-highlighted { background: $accent 50%; }
    ReframeWizard #thought-text, ReframeWizard #next-action { width: 1fr; }
    ReframeWizard #thought-belief, ReframeWizard #balanced-belief, ReframeWizard #hot-after { width: 6; }
    ReframeWizard #next-date { width: 22; }
    ReframeWizard #situation { height: 1fr; }
    ReframeWizard #balanced { height: 1fr; max-height: 8; }
    ReframeWizard #distortions { width: 34; height: 1fr; border: none; padding: 0; }
    ReframeWizard #distortion-side { width: 1fr; padding-left: 1; }
    ReframeWizard #funnel { margin-top: 1; height: auto; }
    ReframeWizard #ev-for { margin-right: 1; }
    ReframeWizard #step-8 Input { margin-bottom: 0; }
    ReframeWizard #outside { height: 1; border: none; padding: 0; }
    ReframeWizard #step-8 .label { margin-top: 1; height: auto; }
    ReframeWizard #step-8 .sub { color: $foreground 70%; text-style: italic; height: auto; }
    ReframeWizard #relief-line { height: auto; margin-top: 1; text-style: bold; }
    ReframeWizard #form-message { height: auto; color: $warning; }
    """

    def __init__(self, entry: JournalEntry, actions: JournalActions, *, finished_before: bool = False) -> None:
        super().__init__(entry, actions, finished_before=finished_before)
        #: Heavy words were written in this entry: the reframe is adapted (see the module's docstring).
        self.adapted = support_shown(entry)
        self.step = self._target(max(1, min(LAST_STEP, entry.wizard_step or 1)), forward=True)
        self._prompt_index: dict[int, int] = {}
        #: The eight steps, in order (made in compose).
        self.steps: list[StepParts] = []

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        e = self.entry
        with Vertical(id="wiz"):
            yield Static("", id="wiz-head")
            yield Static("", id="wiz-hot")
            yield Static("", id="wiz-prompt")
            with ContentSwitcher(initial=f"step-{self.step}"):
                steps: list[Widget] = [
                    SituationStep(e, id="step-1"), EmotionsStep(e, id="step-2"), ThoughtsStep(e, id="step-3"),
                    DistortionsStep(e, self._funnel_lines, id="step-4"),
                    EvidenceStep(e, self._control_split, id="step-5"), BalancedStep(e, id="step-6"),
                    RerateStep(e, id="step-7"), WrapUpStep(e, id="step-8")]
                self.steps = [step for step in steps if isinstance(step, StepParts)]
                yield from steps
            yield Static("", id="form-message")
        yield Footer()

    def _funnel_lines(self) -> list[str]:
        return funnel_lines(self.actions.store.applications.all())

    def _control_split(self) -> str:
        return "" if self.adapted else split_for(self.actions.store).sentence()

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(WrapUpStep).show_prompts([self._voice(PROMPTS_BY_KEY[key]) for key in COMPASSION_KEYS])
        self._show_step()

    def _voice(self, prompt: Prompt) -> str:
        name, use = self.voice()
        return prompt.text(name, use)

    def linked_app(self) -> Application | None:
        return self.actions.store.applications.get(self.entry.application_id)

    def is_rejection(self) -> bool:
        app = self.linked_app()
        return bool(app and app.outcome in ("rejected", "ghosted"))

    def _target(self, step: int, *, forward: bool) -> int:
        """The step to show for ``step``: an adapted reframe skips what isn't in :data:`ADAPTED_STEPS`."""
        if not self.adapted or step in ADAPTED_STEPS:
            return step
        if forward:
            return next(s for s in ADAPTED_STEPS if s >= step)
        return max(s for s in ADAPTED_STEPS if s <= step)

    def _show_step(self) -> None:
        step = self.step
        self.query_one(ContentSwitcher).current = f"step-{step}"
        shown = ADAPTED_STEPS if self.adapted else tuple(range(1, LAST_STEP + 1))
        dots = "".join("●" if n <= step else "○" for n in shown)
        title = "Kind words" if self.adapted and step == LAST_STEP else STEPS[step - 1][1]
        optional = " (optional)" if step == LAST_STEP else ""
        self.query_one("#wiz-head", Static).update(Content.assemble(
            ("Guided reframe", "bold"), f" · step {shown.index(step) + 1} of {len(shown)}: ",
            (title + optional, "bold"), "  ", (dots, "dim")))
        self.query_one(WrapUpStep).adapt(self.adapted)
        self._show_hot()
        self._show_prompt()
        if step == 1:
            self.query_one(SituationStep).show_link(self.linked_app())
        if step == 4:
            self.query_one(DistortionsStep).show_detail()
            self.query_one(DistortionsStep).show_funnel()
        if step == 5:
            self.query_one(EvidenceStep).show_split()
        if step == 7:
            self.query_one(RerateStep).prepare(self.query_one(EmotionsStep).rated(),
                                               self.query_one(ThoughtsStep).thoughts())
            self._show_relief()
        self.set_message("")
        self.query(FIRST_FOCUS[step]).first().focus()

    def _show_hot(self) -> None:
        bar = self.query_one("#wiz-hot", Static)
        thoughts = self.query_one(ThoughtsStep).thoughts()
        i = hot_index(thoughts)
        if self.step < 4 or i is None or self.adapted:
            bar.display = False
            return
        hot = thoughts[i]
        belief = clamp_rating(hot.get("belief"))
        label = f"Hot thought (belief {belief}): " if belief is not None else "Hot thought: "
        bar.update(Content.assemble(("★ " + label, "bold"), Content(str(hot.get("text", "")))))
        bar.display = True

    def _show_prompt(self) -> None:
        options = prompts_for(self.step, rejection=self.is_rejection())
        index = self._prompt_index.get(self.step, 0)
        text = self._voice(options[index % len(options)]) if options else ""
        if self.adapted and self.step == LAST_STEP:
            text = KIND_WORDS
        self.query_one("#wiz-prompt", Static).update(literal(text))

    def _show_relief(self) -> None:
        self.collect()
        self.query_one(RerateStep).show_relief(self.entry)

    # ------------------------------------------------------------------ collecting

    def collect(self) -> None:
        e = self.entry
        e.kind = "reframe"
        e.wizard_step = self.step
        for step in self.steps:
            step.collect(e)
        e.emotions = self.query_one(RerateStep).emotions(self.query_one(EmotionsStep).rated())

    def _commit_pending(self) -> None:
        """Typed-but-not-added text becomes a list item when moving on (nothing typed is lost)."""
        if self.query_one(ThoughtsStep).text_box.value.strip():
            self._add_thought()
        self.query_one(EmotionsStep).commit_pending()
        self.query_one(EvidenceStep).commit_pending()

    def step_problem(self, step: int) -> str | None:
        """An inline message when a field on ``step`` holds something that can't be read."""
        return self.steps[step - 1].problem()

    def validate(self) -> str | None:
        for step in range(1, LAST_STEP + 1):
            problem = self.step_problem(step)
            if problem:
                if step != self.step:
                    self.step = step
                    self._show_step()
                return problem
        return None

    # ------------------------------------------------------------------ moving between steps

    def go(self, step: int) -> None:
        step = max(1, min(LAST_STEP, step))
        problem = self.step_problem(self.step)
        if problem and step > self.step:
            self.set_message(problem)
            return
        self._commit_pending()
        self.collect()
        support = panel_due(self.entry, clock.today())  # the words so far; marks the entry (once)
        self.adapted = self.adapted or support
        self.step = self._target(step, forward=step > self.step)
        self._show_step()
        self.collect()
        self.autosave(force=support)  # the draft remembers that the panel was shown
        if support:
            show_support(self.app, self.actions.store, Moment.WRITING, self._support_chosen)

    def _support_chosen(self, choice: SupportChoice | None) -> None:
        """Keep writing (or escape): back to the step. Stop here: save it as it is and close."""
        if choice is not SupportChoice.STOP:
            return
        self.action_finish()
        if not self._form_done:  # something can't be read as typed: keep the draft instead
            self.autosave(force=True)
            self.notify("Kept in your journal as a draft.", title="Journal", markup=False)
            self._close(self.entry.id)

    def action_next_step(self) -> None:
        if self.step == LAST_STEP:
            self.action_finish()
            return
        self.go(self.step + 1)

    def action_prev_step(self) -> None:
        if self.step > 1:
            self.go(self.step - 1)

    def action_next_prompt(self) -> None:
        self._prompt_index[self.step] = self._prompt_index.get(self.step, 0) + 1
        self._show_prompt()

    def action_finish(self) -> None:
        self._commit_pending()
        super().action_finish()

    # ------------------------------------------------------------------ linking

    def action_link(self) -> None:
        choices = link_choices(self.actions.store.applications.all())
        if len(choices) == 1:
            self.set_message("No applications on the board yet; this entry stays unlinked.")
            return
        self.app.push_screen(ChoiceDialog("Link this reframe to an application", choices,
                                          message="Rejections first, newest first.",
                                          selected=self.entry.application_id or ""), self._linked)

    def _linked(self, app_id: str | None) -> None:
        if app_id is None:
            return
        self.entry.application_id = app_id or None
        self.query_one(SituationStep).show_link(self.linked_app())
        self._show_prompt()
        self.mark_dirty()

    # ------------------------------------------------------------------ step 3: thoughts

    def _add_thought(self) -> bool:
        try:
            added = self.query_one(ThoughtsStep).add()
        except ValueError as exc:
            self.set_message(str(exc))
            return False
        if added:
            self.set_message("")
        return added

    @on(Input.Submitted, "#thought-text, #thought-belief")
    def _thought_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._add_thought():
            self.query_one(ThoughtsStep).text_box.focus()

    def on_key(self, event: events.Key) -> None:
        # enter on a thought takes it back into the line to change it
        step = self.query_one(ThoughtsStep)
        if event.key == "enter" and step.thought_list.has_focus and step.thought_list.current is not None:
            event.stop()
            if step.text_box.value.strip():
                self._add_thought()
            step.take_back()

    # ------------------------------------------------------------------ edits

    @on(Input.Submitted, "#hot-after, #balanced-belief")
    def _rating_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next_step()

    @on(RatedList.Changed, "#thoughts")
    def _thoughts_changed(self, event: RatedList.Changed) -> None:
        if not isinstance(event, RatedList.Moved):
            self._show_hot()

    @on(RatedList.Changed, "#rerate")
    def _rerate_changed(self, event: RatedList.Changed) -> None:
        if not isinstance(event, RatedList.Moved):
            self._show_relief()

    @on(Input.Changed, "#hot-after")
    def _hot_after_changed(self) -> None:
        if self.step == 7:
            self._show_relief()

    def on_rated_list_changed(self, event: RatedList.Changed) -> None:
        self.mark_dirty()

    def on_check_list_toggled(self, event: CheckList.Toggled) -> None:
        self.mark_dirty()

    def on_items_editor_changed(self, event: ItemsEditor.Changed) -> None:
        self.mark_dirty()
