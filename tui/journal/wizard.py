"""The guided reframe: a thought record in eight skippable steps.

1 Situation (facts; optional link to an application, the latest rejection by default) ·
2 Emotions (0-100) · 3 Thoughts (belief 0-100, one hot) · 4 Distortions (twelve, explained) ·
5 Evidence for / against · 6 Balanced thought · 7 Re-rate · 8 Self-compassion, lesson, next action.

PgDn (or alt+→) goes forward — with nothing filled in, that skips the step — and PgUp (alt+←) goes
back. The hot thought stays on screen from step 4 on. The draft is saved on every step change and a
moment after each edit, so a dropped session loses nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    ContentSwitcher,
    Footer,
    Input,
    Label,
    OptionList,
    Static,
    TextArea,
)

from store.dates import DateError, parse_optional_date
from store.journal import (
    belief_shift,
    clamp_rating,
    describe_relief,
    describe_shift,
    entry_relief,
    funnel_lines,
    hot_index,
    latest_rejection,
    parse_rating,
    parse_tags,
)
from store.models import Application, JournalEntry
from store.prompts import (
    COMPASSION_KEYS,
    DISTORTIONS,
    DISTORTIONS_BY_SLUG,
    EMOTIONS,
    FUNNEL_DISTORTIONS,
    PROMPTS_BY_KEY,
    STEPS,
    prompts_for,
)
from tui.dialogs import ChoiceDialog
from tui.journal.forms import JournalForm
from widgets.journal_checklist import CheckList
from widgets.journal_items import ItemsEditor
from widgets.journal_ratings import RatedList, RatedRow
from widgets.usertext import literal

LAST_STEP = len(STEPS)
FIRST_FOCUS = {1: "#situation", 2: "#emotions", 3: "#thought-text", 4: "#distortions", 5: "#ev-for Input",
               6: "#balanced", 7: "#hot-after", 8: "#comp-0"}


def app_label(app: Application) -> str:
    if app.outcome:
        when = f" {app.outcome_on}" if app.outcome_on else ""
        return f"{app.title} · {app.outcome}{when}"
    return f"{app.title} · {app.stage}"


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

    BINDINGS = [
        Binding("pagedown,alt+right", "next_step", "Next/skip", priority=True, key_display="PgDn",
                id="journal.wizard.next"),
        Binding("pageup,alt+left", "prev_step", "Back", priority=True, key_display="PgUp",
                id="journal.wizard.back"),
        Binding("ctrl+s", "finish", "Finish", priority=True, id="journal.wizard.finish"),
        Binding("ctrl+r", "next_prompt", "Prompt", priority=True, id="journal.wizard.prompt"),
        Binding("ctrl+l", "link", "Link", priority=True, id="journal.wizard.link"),
        Binding("escape", "leave", "Leave", id="journal.wizard.leave"),
        Binding("f1", "form_help", "Help", id="journal.wizard.help"),
    ]

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

    def __init__(self, entry: JournalEntry, *, finished_before: bool = False) -> None:
        super().__init__(entry, finished_before=finished_before)
        self.step = max(1, min(LAST_STEP, entry.wizard_step or 1))
        self._prompt_index: dict[int, int] = {}
        self._afters: dict[str, int | None] = {
            str(e.get("name", "")): clamp_rating(e.get("after")) for e in entry.emotions
        }
        self._funnel_cache: list[str] | None = None
        self._editing_hot = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        e = self.entry
        with Vertical(id="wiz"):
            yield Static("", id="wiz-head")
            yield Static("", id="wiz-hot")
            yield Static("", id="wiz-prompt")
            with ContentSwitcher(initial=f"step-{self.step}"):
                with Vertical(id="step-1"):
                    yield Static("", id="link-line", classes="hint")
                    yield TextArea(e.situation, id="situation", compact=True,
                                   placeholder="Facts only: who, what, when, where, and the exact words.")
                    with Horizontal(classes="row"):
                        yield Label("Tags (optional):")
                        yield Input(", ".join(e.tags), id="tags", compact=True, placeholder="e.g. interview, final")
                with Vertical(id="step-2"):
                    yield Static("space ticks a feeling · ←/→ ±10 (shift ±1) · or type a number 0-100",
                                 classes="hint")
                    yield RatedList(self._emotion_rows(), mode="toggle", id="emotions")
                    with Horizontal(classes="row"):
                        yield Label("Another feeling:")
                        yield Input(placeholder="type it and press enter", id="custom-emotion", compact=True)
                with Vertical(id="step-3"):
                    with Horizontal(classes="row"):
                        yield Label("Thought:")
                        yield Input(placeholder="in your mind's own words, then enter", id="thought-text",
                                    compact=True)
                        yield Label(" belief")
                        yield Input(placeholder="0-100", id="thought-belief", compact=True, max_length=4)
                    yield Static("enter adds it · in the list: space marks the hot thought (★), ←/→ or digits "
                                 "change belief, x removes", classes="hint")
                    yield RatedList(self._thought_rows(), mode="mark", removable=True, id="thoughts",
                                    empty_text="No thoughts yet. Type one above and press enter.")
                with Horizontal(id="step-4"):
                    yield CheckList([(d.name, d.slug, d.slug in e.distortions) for d in DISTORTIONS],
                                    id="distortions")
                    with VerticalScroll(id="distortion-side"):
                        yield Static("", id="distortion-detail")
                        yield Static("", id="funnel")
                with Horizontal(id="step-5"):
                    yield ItemsEditor("Evidence for the hot thought", e.evidence_for,
                                      placeholder="a fact that supports it, enter", id="ev-for")
                    yield ItemsEditor("Evidence against it", e.evidence_against,
                                      placeholder="a fact that doesn't fit it, enter", id="ev-against")
                with Vertical(id="step-6"):
                    yield Label("A balanced thought: fair, true, believable at least halfway")
                    yield TextArea(e.balanced_thought, id="balanced", compact=True)
                    with Horizontal(classes="row"):
                        yield Label("How much do you believe it (0-100)?")
                        yield Input(self._num(e.balanced_belief), id="balanced-belief", compact=True,
                                    max_length=4, placeholder="0-100")
                with Vertical(id="step-7"):
                    with Horizontal(classes="row"):
                        yield Label("", id="hot-after-label")
                        yield Input(self._num(e.hot_belief_after), id="hot-after", compact=True, max_length=4,
                                    placeholder="0-100")
                    yield Static("Rate each feeling again, as it is now: ←/→ ±10 or type a number",
                                 classes="hint")
                    yield RatedList([], mode="toggle", id="rerate",
                                    empty_text="No feelings were rated in step 2 (PgUp to go back).")
                    yield Static("", id="relief-line")
                with VerticalScroll(id="step-8"):
                    for i, key in enumerate(COMPASSION_KEYS):
                        yield Static("", id=f"comp-label-{i}", classes="sub")
                        value = e.self_compassion[i] if i < len(e.self_compassion) else ""
                        yield Input(value, id=f"comp-{i}", compact=True)
                    yield Static("One lesson I can act on", classes="label")
                    yield Input(e.lesson, id="lesson", compact=True, placeholder="or tick: outside my control")
                    yield CheckList([("It was outside my control", "outside", e.lesson_outside_control)],
                                    id="outside")
                    yield Static("One next action, with a date", classes="label")
                    with Horizontal(classes="row"):
                        yield Input(e.next_action, id="next-action", compact=True,
                                    placeholder="a small job-search step")
                        yield Label(" by")
                        yield Input(e.next_action_date or "", id="next-date", compact=True,
                                    placeholder="fri, +3d, YYYY-MM-DD")
            yield Static("", id="form-message")
        yield Footer()

    @staticmethod
    def _num(value: int) -> str:
        return str(value) if isinstance(value, int) and value >= 0 else ""

    def _emotion_rows(self) -> list[RatedRow]:
        rated = {str(x.get("name", "")): clamp_rating(x.get("before")) for x in self.entry.emotions}
        rows = [RatedRow(name, rated.get(name)) for name in EMOTIONS]
        rows += [RatedRow(name, value) for name, value in rated.items() if name and name not in EMOTIONS]
        return rows

    def _thought_rows(self) -> list[RatedRow]:
        hot = hot_index(self.entry.thoughts)
        return [RatedRow(str(t.get("text", "")), clamp_rating(t.get("belief")), i == hot)
                for i, t in enumerate(self.entry.thoughts)]

    # ------------------------------------------------------------------ lifecycle

    def on_mount(self) -> None:
        super().on_mount()
        for i, key in enumerate(COMPASSION_KEYS):
            self.query_one(f"#comp-label-{i}", Static).update(literal(self._voice(PROMPTS_BY_KEY[key])))
        self._show_step()

    def _voice(self, prompt) -> str:
        name, use = self.voice()
        return prompt.text(name, use)

    def linked_app(self) -> Application | None:
        return self.store.applications.get(self.entry.application_id)

    def is_rejection(self) -> bool:
        app = self.linked_app()
        return bool(app and app.outcome in ("rejected", "ghosted"))

    def _show_step(self) -> None:
        step = self.step
        self.query_one(ContentSwitcher).current = f"step-{step}"
        dots = "".join("●" if n <= step else "○" for n in range(1, LAST_STEP + 1))
        title = STEPS[step - 1][1]
        optional = " (optional)" if step == LAST_STEP else ""
        self.query_one("#wiz-head", Static).update(Content.assemble(
            ("Guided reframe", "bold"), f" · step {step} of {LAST_STEP}: ", (title + optional, "bold"),
            "  ", (dots, "dim")))
        self._show_hot()
        self._show_prompt()
        if step == 1:
            self._show_link()
        if step == 4:
            self._show_distortion_detail()
            self._show_funnel()
        if step == 7:
            self._prepare_rerate()
        self.set_message("")
        self.query(FIRST_FOCUS[step]).first().focus()

    def _show_hot(self) -> None:
        bar = self.query_one("#wiz-hot", Static)
        thoughts = self._collect_thoughts()
        i = hot_index(thoughts)
        if self.step < 4 or i is None:
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
        self.query_one("#wiz-prompt", Static).update(literal(text))

    def _show_link(self) -> None:
        app = self.linked_app()
        line = self.query_one("#link-line", Static)
        if app:
            line.update(Content.assemble("Linked to: ", Content(app_label(app)), "  (ctrl+l to change)"))
        else:
            line.update("Not linked to an application (ctrl+l links one).")

    # ------------------------------------------------------------------ collecting

    def _collect_thoughts(self) -> list[dict]:
        rows = self.query_one("#thoughts", RatedList).rows
        thoughts = [{"text": r.label, "belief": r.value if r.value is not None else -1, "hot": r.marked}
                    for r in rows if r.label.strip()]
        pending = self.query_one("#thought-text", Input).value.strip()
        if pending:
            try:
                belief = parse_rating(self.query_one("#thought-belief", Input).value)
            except ValueError:
                belief = None
            thoughts.append({"text": pending, "belief": belief if belief is not None else -1, "hot": False})
        if thoughts and not any(t["hot"] for t in thoughts):
            thoughts[0]["hot"] = True
        return thoughts

    def _rating_of(self, selector: str) -> int:
        try:
            value = parse_rating(self.query_one(selector, Input).value)
        except ValueError:
            return -1
        return -1 if value is None else value

    def collect(self) -> None:
        e = self.entry
        e.kind = "reframe"
        e.wizard_step = self.step
        e.situation = self.query_one("#situation", TextArea).text
        e.tags = parse_tags(self.query_one("#tags", Input).value)
        rerate = self.query_one("#rerate", RatedList).rows
        for row in rerate:
            self._afters[row.label] = row.value
        emotions = []
        for row in self.query_one("#emotions", RatedList).rows:
            if row.value is None:
                continue
            after = self._afters.get(row.label)
            emotions.append({"name": row.label, "before": row.value, "after": -1 if after is None else after})
        e.emotions = emotions
        e.thoughts = self._collect_thoughts()
        e.distortions = list(self.query_one("#distortions", CheckList).selected)
        for selector, attr in (("#ev-for", "evidence_for"), ("#ev-against", "evidence_against")):
            editor = self.query_one(selector, ItemsEditor)
            items = editor.items + ([editor.pending] if editor.pending else [])
            setattr(e, attr, items)
        e.balanced_thought = self.query_one("#balanced", TextArea).text
        e.balanced_belief = self._rating_of("#balanced-belief")
        e.hot_belief_after = self._rating_of("#hot-after")
        compassion = [self.query_one(f"#comp-{i}", Input).value.strip() for i in range(len(COMPASSION_KEYS))]
        e.self_compassion = compassion if any(compassion) else []
        e.lesson = self.query_one("#lesson", Input).value.strip()
        e.lesson_outside_control = self.query_one("#outside", CheckList).is_checked("outside")
        e.next_action = self.query_one("#next-action", Input).value.strip()
        try:
            due = parse_optional_date(self.query_one("#next-date", Input).value)
        except DateError:
            due = None
        e.next_action_date = due.isoformat() if due else None

    def _commit_pending(self) -> None:
        """Typed-but-not-added text becomes a list item when moving on (nothing typed is lost)."""
        thought = self.query_one("#thought-text", Input)
        if thought.value.strip():
            self._add_thought()
        custom = self.query_one("#custom-emotion", Input)
        if custom.value.strip():
            self._add_emotion()
        for selector in ("#ev-for", "#ev-against"):
            self.query_one(selector, ItemsEditor).commit_pending()

    def step_problem(self, step: int) -> str | None:
        """An inline message when a field on ``step`` holds something that can't be read."""
        checks = {3: [("#thought-belief", "Belief")], 6: [("#balanced-belief", "Belief")],
                  7: [("#hot-after", "Belief in the hot thought")]}
        for selector, label in checks.get(step, []):
            try:
                parse_rating(self.query_one(selector, Input).value)
            except ValueError as exc:
                return f"{label}: {exc}"
        if step == 8:
            try:
                parse_optional_date(self.query_one("#next-date", Input).value)
            except DateError as exc:
                return f"Next action date: {exc}"
        return None

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
        self.step = step
        self._show_step()
        self.collect()
        self.autosave()

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

    def finished_message(self) -> str:
        r, s = entry_relief(self.entry), belief_shift(self.entry)
        if r is None and s is None:
            return "Thought record saved. Writing it down is a step."
        return f"Thought record saved. {describe_relief(r)} {describe_shift(s)}"

    # ------------------------------------------------------------------ linking

    def action_link(self) -> None:
        apps = self.store.applications.all()
        closed = sorted((a for a in apps if a.outcome in ("rejected", "ghosted")),
                        key=lambda a: (a.outcome_on or "", a.updated_at), reverse=True)
        live = sorted((a for a in apps if a.is_live), key=lambda a: (a.last_activity_on or "", a.updated_at),
                      reverse=True)
        choices = [("", "No application")]
        seen = set()
        for a in (closed + live)[:200]:
            if a.id not in seen:
                seen.add(a.id)
                choices.append((a.id, app_label(a)))
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
        self._show_link()
        self._show_prompt()
        self.mark_dirty()

    # ------------------------------------------------------------------ step 2: emotions

    def _add_emotion(self) -> None:
        box = self.query_one("#custom-emotion", Input)
        name = " ".join(box.value.split())[:60]
        box.value = ""
        if not name:
            return
        emotions = self.query_one("#emotions", RatedList)
        for i, row in enumerate(emotions.rows):
            if row.label.lower() == name.lower():
                emotions.cursor = i
                if row.value is None:
                    emotions.action_toggle()
                return
        emotions.add_row(RatedRow(name, 50))

    # ------------------------------------------------------------------ step 3: thoughts

    def _add_thought(self) -> bool:
        text_box = self.query_one("#thought-text", Input)
        belief_box = self.query_one("#thought-belief", Input)
        text = " ".join(text_box.value.split())
        if not text:
            return False
        try:
            belief = parse_rating(belief_box.value)
        except ValueError as exc:
            self.set_message(f"Belief: {exc}")
            return False
        thoughts = self.query_one("#thoughts", RatedList)
        hot = not thoughts.rows or self._editing_hot
        self._editing_hot = False
        rows = [RatedRow(r.label, r.value, False if hot else r.marked) for r in thoughts.rows]
        thoughts.set_rows(rows)
        thoughts.add_row(RatedRow(text, belief, hot))
        text_box.value = ""
        belief_box.value = ""
        self.set_message("")
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "custom-emotion":
            self._add_emotion()
        elif event.input.id in ("thought-text", "thought-belief"):
            if self._add_thought():
                self.query_one("#thought-text", Input).focus()
        elif event.input.id in ("hot-after", "balanced-belief"):
            self.action_next_step()
        else:
            return
        event.stop()

    def on_rated_list_changed(self, event: RatedList.Changed) -> None:
        if isinstance(event, RatedList.Moved):
            return
        if event.rated_list.id == "thoughts":
            self._show_hot()
        if event.rated_list.id == "rerate":
            self._show_relief()
        self.mark_dirty()

    def on_key(self, event) -> None:
        # enter on a thought takes it back into the line to change it
        thoughts = self.query_one("#thoughts", RatedList)
        if event.key == "enter" and thoughts.has_focus and thoughts.current is not None:
            event.stop()
            row = thoughts.current
            text_box = self.query_one("#thought-text", Input)
            if text_box.value.strip():
                self._add_thought()
            self._editing_hot = row.marked
            thoughts.action_remove()
            text_box.value = row.label
            self.query_one("#thought-belief", Input).value = "" if row.value is None else str(row.value)
            text_box.focus()

    # ------------------------------------------------------------------ step 4: distortions

    def _show_distortion_detail(self) -> None:
        sl = self.query_one("#distortions", CheckList)
        index = sl.highlighted if sl.highlighted is not None else 0
        d = DISTORTIONS[index]
        self.query_one("#distortion-detail", Static).update(Content.assemble(
            (d.name, "bold"), "\n", d.explanation, "\n", ("Job-search example: ", "italic"), d.example,
            "\n", ("space ticks it · more than one can fit", "dim")))

    def _show_funnel(self) -> None:
        box = self.query_one("#funnel", Static)
        chosen = set(self.query_one("#distortions", CheckList).selected)
        if not chosen & set(FUNNEL_DISTORTIONS):
            box.display = False
            return
        if self._funnel_cache is None:
            self._funnel_cache = funnel_lines(self.store.applications.all())
        names = " / ".join(DISTORTIONS_BY_SLUG[s].name.lower() for s in FUNNEL_DISTORTIONS if s in chosen)
        box.update(Content.assemble(("Your own numbers", "bold"), f", against {names}: ",
                                    " ".join(self._funnel_cache)))
        box.display = True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "distortions":
            self._show_distortion_detail()

    def on_check_list_toggled(self, event: CheckList.Toggled) -> None:
        self._show_funnel()
        self.mark_dirty()

    # ------------------------------------------------------------------ step 5

    def on_items_editor_changed(self, event: ItemsEditor.Changed) -> None:
        self.mark_dirty()

    # ------------------------------------------------------------------ step 7: re-rate

    def _prepare_rerate(self) -> None:
        emotions = [r for r in self.query_one("#emotions", RatedList).rows if r.value is not None]
        rerate = self.query_one("#rerate", RatedList)
        for row in rerate.rows:
            self._afters[row.label] = row.value
        rerate.set_rows([RatedRow(r.label, self._afters.get(r.label), note=f"was {r.value}") for r in emotions],
                        cursor=0)
        rerate.start = 50
        thoughts = self._collect_thoughts()
        i = hot_index(thoughts)
        if i is None:
            label = "No hot thought yet (step 3). Belief now:"
        else:
            before = clamp_rating(thoughts[i].get("belief"))
            label = f"Hot thought: believe it now (was {before if before is not None else '–'})?"
        self.query_one("#hot-after-label", Label).update(literal(label))
        self._show_relief()

    def _show_relief(self) -> None:
        self.collect()
        self.query_one("#relief-line", Static).update(Content.assemble(
            describe_relief(entry_relief(self.entry)), "\n", describe_shift(belief_shift(self.entry))))

    def on_input_changed(self, event: Input.Changed) -> None:
        super().on_input_changed(event)
        if event.input.id == "hot-after" and self.step == 7:
            self._show_relief()



def new_reframe(store, application_id: str | None = None, *, use_latest_rejection: bool = True) -> JournalEntry:
    """A fresh thought record; linked to ``application_id``, else to the latest rejection."""
    if application_id is None and use_latest_rejection:
        latest = latest_rejection(store.applications.all())
        application_id = latest.id if latest else None
    return JournalEntry(kind="reframe", application_id=application_id, is_draft=True, wizard_step=1)
