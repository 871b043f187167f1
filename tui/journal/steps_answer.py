"""Steps 5-8 of the guided reframe: evidence both ways, a balanced thought, re-rating (relief and
belief shift) and the optional wrap-up (self-compassion, a lesson, a next action). See
:mod:`tui.journal.steps` for what every step does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static, TextArea

from store.dates import DateError, parse_optional_date
from store.journal import belief_shift, clamp_rating, describe_relief, describe_shift, entry_relief, hot_index
from store.models import Emotion, JournalEntry
from store.prompts import COMPASSION_KEYS
from tui.journal.steps import StepParts, Thought, rating_problem, rating_text, read_rating
from widgets.journal_checklist import CheckList
from widgets.journal_items import ItemsEditor
from widgets.journal_ratings import RatedList, RatedRow
from widgets.number_input import NumberInput
from widgets.usertext import literal


class EvidenceStep(StepParts, Vertical):
    """5 · evidence for and against the hot thought; below, from five tagged no's on, the person's own
    split of what was in their control (``split`` reads it when the step is first shown)."""

    DEFAULT_CSS = """
    EvidenceStep > #ev-both { height: 1fr; }
    EvidenceStep > #ev-split { height: auto; margin-top: 1; color: $foreground 80%; }
    EvidenceStep > #ev-split.-empty { display: none; }
    """

    def __init__(self, entry: JournalEntry, split: Callable[[], str] = lambda: "", *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry
        self._split = split
        self._split_text: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="ev-both"):
            yield ItemsEditor("Evidence for the hot thought", self._entry.evidence_for,
                              placeholder="a fact that supports it, enter", id="ev-for")
            yield ItemsEditor("Evidence against it", self._entry.evidence_against,
                              placeholder="a fact that doesn't fit it, enter", id="ev-against")
        yield Static("", id="ev-split", classes="-empty")

    def show_split(self) -> None:
        """The person's own tags on their no's, as evidence they may weigh (never a verdict)."""
        if self._split_text is None:
            self._split_text = self._split()
        box = self.query_one("#ev-split", Static)
        if self._split_text:
            box.update(Content.assemble(("Your own tags: ", "bold"), self._split_text))
        box.set_class(not self._split_text, "-empty")

    def _items(self, selector: str) -> list[str]:
        editor = self.query_one(selector, ItemsEditor)
        return editor.items + ([editor.pending] if editor.pending else [])

    def collect(self, entry: JournalEntry) -> None:
        entry.evidence_for = self._items("#ev-for")
        entry.evidence_against = self._items("#ev-against")

    def commit_pending(self) -> None:
        for editor in self.query(ItemsEditor):
            editor.commit_pending()


class BalancedStep(StepParts, Vertical):
    """6 · a balanced thought and how much it is believed."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry

    def compose(self) -> ComposeResult:
        yield Label("A balanced thought: fair, true, believable at least halfway")
        yield TextArea(self._entry.balanced_thought, id="balanced", compact=True)
        with Horizontal(classes="row"):
            yield Label("How much do you believe it (0-100)?")
            yield NumberInput(rating_text(self._entry.balanced_belief), lo=0, hi=100, percent=True,
                              what="Belief", id="balanced-belief")

    def problem(self) -> str | None:
        return rating_problem(self.query_one("#balanced-belief", Input), "Belief")

    def collect(self, entry: JournalEntry) -> None:
        entry.balanced_thought = self.query_one("#balanced", TextArea).text
        entry.balanced_belief = read_rating(self.query_one("#balanced-belief", Input))


class RerateStep(StepParts, Vertical):
    """7 · the hot thought and each feeling rated again; relief and belief shift shown."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry
        #: Each feeling's rating now, kept while the feelings of step 2 change.
        self._afters: dict[str, int | None] = {
            str(e.get("name", "")): clamp_rating(e.get("after")) for e in entry.emotions
        }

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label("", id="hot-after-label")
            yield NumberInput(rating_text(self._entry.hot_belief_after), lo=0, hi=100, percent=True,
                              what="Belief in the hot thought", id="hot-after")
        yield Static("Rate each feeling again, as it is now: ←/→ ±10 or type a number", classes="hint")
        yield RatedList([], mode="toggle", id="rerate",
                        empty_text="No feelings were rated in step 2 (PgUp to go back).")
        yield Static("", id="relief-line")

    def _remember(self) -> RatedList:
        rerate = self.query_one("#rerate", RatedList)
        for row in rerate.rows:
            self._afters[row.label] = row.value
        return rerate

    def prepare(self, feelings: Sequence[RatedRow], thoughts: Sequence[Thought]) -> None:
        """List the feelings rated in step 2 (``feelings``) to rate again, under the hot thought."""
        rerate = self._remember()
        rerate.set_rows([RatedRow(r.label, self._afters.get(r.label), note=f"was {r.value}") for r in feelings],
                        cursor=0)
        rerate.start = 50
        i = hot_index(list(thoughts))
        if i is None:
            label = "No hot thought yet (step 3). Belief now:"
        else:
            before = clamp_rating(thoughts[i].get("belief"))
            label = f"Hot thought: believe it now (was {before if before is not None else '–'})?"
        self.query_one("#hot-after-label", Label).update(literal(label))

    def emotions(self, feelings: Sequence[RatedRow]) -> list[Emotion]:
        """The feelings as stored: the rating of step 2 before, this step's after (-1: not re-rated)."""
        self._remember()
        out: list[Emotion] = []
        for row in feelings:
            after = self._afters.get(row.label)
            out.append({"name": row.label, "before": -1 if row.value is None else row.value,
                        "after": -1 if after is None else after})
        return out

    def show_relief(self, entry: JournalEntry) -> None:
        self.query_one("#relief-line", Static).update(Content.assemble(
            describe_relief(entry_relief(entry)), "\n", describe_shift(belief_shift(entry))))

    def problem(self) -> str | None:
        return rating_problem(self.query_one("#hot-after", Input), "Belief in the hot thought")

    def collect(self, entry: JournalEntry) -> None:
        entry.hot_belief_after = read_rating(self.query_one("#hot-after", Input))


class WrapUpStep(StepParts, VerticalScroll):
    """8 · (optional) self-compassion, one lesson, one next action with a date."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry

    def compose(self) -> ComposeResult:
        e = self._entry
        for i, _key in enumerate(COMPASSION_KEYS):
            yield Static("", id=f"comp-label-{i}", classes="sub")
            value = e.self_compassion[i] if i < len(e.self_compassion) else ""
            yield Input(value, id=f"comp-{i}", compact=True)
        yield Static("One lesson I can act on", classes="label practical")
        yield Input(e.lesson, id="lesson", compact=True, placeholder="or tick: outside my control", classes="practical")
        yield CheckList([("It was outside my control", "outside", e.lesson_outside_control)], id="outside",
                        classes="practical")
        yield Static("One next action, with a date", classes="label practical")
        with Horizontal(classes="row practical"):
            yield Input(e.next_action, id="next-action", compact=True, placeholder="a small job-search step")
            yield Label(" by")
            yield Input(e.next_action_date or "", id="next-date", compact=True, placeholder="fri, +3d, YYYY-MM-DD")

    def adapt(self, adapted: bool) -> None:
        """After heavy words: kind words only (no lesson, no next step to take)."""
        for widget in self.query(".practical"):
            widget.display = not adapted

    def show_prompts(self, texts: Sequence[str]) -> None:
        """The self-compassion prompts, in the voice the user chose."""
        for i, text in enumerate(texts):
            self.query_one(f"#comp-label-{i}", Static).update(literal(text))

    def problem(self) -> str | None:
        try:
            parse_optional_date(self.query_one("#next-date", Input).value)
        except DateError as exc:
            return f"Next action date: {exc}"
        return None

    def collect(self, entry: JournalEntry) -> None:
        compassion = [self.query_one(f"#comp-{i}", Input).value.strip() for i in range(len(COMPASSION_KEYS))]
        entry.self_compassion = compassion if any(compassion) else []
        entry.lesson = self.query_one("#lesson", Input).value.strip()
        entry.lesson_outside_control = self.query_one("#outside", CheckList).is_checked("outside")
        entry.next_action = self.query_one("#next-action", Input).value.strip()
        try:
            due = parse_optional_date(self.query_one("#next-date", Input).value)
        except DateError:
            due = None
        entry.next_action_date = due.isoformat() if due else None
