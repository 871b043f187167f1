"""The steps of the guided reframe, one container each (``#step-1`` … ``#step-8``): here the first four
(situation, feelings, thoughts, thinking patterns) and what every step shares; steps 5-8 (evidence,
balanced thought, re-rating, wrap-up) are in :mod:`tui.journal.steps_answer`.

Each step lays out its own fields, copies them into the entry (:meth:`StepParts.collect`), says
what can't be read (:meth:`StepParts.problem`) and keeps typed-but-not-added text when the user
moves on (:meth:`StepParts.commit_pending`). The wizard (:mod:`tui.journal.wizard`) moves between
them, routes keys and shows the result. User text is shown with ``Content`` only, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static, TextArea

from store.journal import (
    clamp_rating,
    hot_index,
    parse_rating,
    parse_tags,
)
from store.models import Application, JournalEntry, Thought
from store.prompts import DISTORTIONS, DISTORTIONS_BY_SLUG, EMOTIONS, FUNNEL_DISTORTIONS
from tui.journal.actions import app_label
from widgets.journal_checklist import CheckList
from widgets.journal_ratings import RatedList, RatedRow
from widgets.number_input import NumberInput

#: On the first step: said where the reframe starts.
NOT_THERAPY = "Rebound is not therapy. In an emergency, call your local emergency number."


def rating_text(value: int) -> str:
    """A stored 0-100 rating as the field shows it ("" when not rated)."""
    return str(value) if isinstance(value, int) and value >= 0 else ""


def read_rating(box: Input) -> int:
    """The rating typed in ``box``; -1 when empty or unreadable."""
    try:
        value = parse_rating(box.value)
    except ValueError:
        return -1
    return -1 if value is None else value


def rating_problem(box: Input, label: str) -> str | None:
    try:
        parse_rating(box.value)
    except ValueError as exc:
        return f"{label}: {exc}"
    return None


class StepParts:
    """What every step can do; each step overrides what applies to it."""

    def collect(self, entry: JournalEntry) -> None:
        """Copy this step's fields into ``entry``."""

    def problem(self) -> str | None:
        """An inline message when a field holds something that can't be read."""
        return None

    def commit_pending(self) -> None:
        """Typed-but-not-added text becomes a list item (nothing typed is lost)."""


class SituationStep(StepParts, Vertical):
    """1 · the facts, tags, and the application it is linked to."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry

    def compose(self) -> ComposeResult:
        yield Static("", id="link-line", classes="hint")
        yield TextArea(self._entry.situation, id="situation", compact=True,
                       placeholder="Facts only: who, what, when, where, and the exact words.")
        with Horizontal(classes="row"):
            yield Label("Tags (optional):")
            yield Input(", ".join(self._entry.tags), id="tags", compact=True, placeholder="e.g. interview, final")
        yield Static(NOT_THERAPY, classes="hint", markup=False)

    def show_link(self, app: Application | None) -> None:
        line = self.query_one("#link-line", Static)
        if app:
            line.update(Content.assemble("Linked to: ", Content(app_label(app)), "  (ctrl+l to change)"))
        else:
            line.update("Not linked to an application (ctrl+l links one).")

    def collect(self, entry: JournalEntry) -> None:
        entry.situation = self.query_one("#situation", TextArea).text
        entry.tags = parse_tags(self.query_one("#tags", Input).value)


class EmotionsStep(StepParts, Vertical):
    """2 · feelings, each rated 0-100; one can be added by name."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry

    def compose(self) -> ComposeResult:
        yield Static("space ticks a feeling · ←/→ ±10 (shift ±1) · or type a number 0-100", classes="hint")
        yield RatedList(self._rows(), mode="toggle", id="emotions")
        with Horizontal(classes="row"):
            yield Label("Another feeling:")
            yield Input(placeholder="type it and press enter", id="custom-emotion", compact=True)

    def _rows(self) -> list[RatedRow]:
        rated = {str(x.get("name", "")): clamp_rating(x.get("before")) for x in self._entry.emotions}
        rows = [RatedRow(name, rated.get(name)) for name in EMOTIONS]
        rows += [RatedRow(name, value) for name, value in rated.items() if name and name not in EMOTIONS]
        return rows

    def rated(self) -> list[RatedRow]:
        """The feelings with a rating, in list order."""
        return [r for r in self.query_one("#emotions", RatedList).rows if r.value is not None]

    @on(Input.Submitted, "#custom-emotion")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.add_custom()

    def add_custom(self) -> None:
        """The typed feeling joins the list at 50 (or the one of that name is ticked)."""
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
                    emotions.action_tick()
                return
        emotions.add_row(RatedRow(name, 50))

    def commit_pending(self) -> None:
        if self.query_one("#custom-emotion", Input).value.strip():
            self.add_custom()


class ThoughtsStep(StepParts, Vertical):
    """3 · thoughts with how much each is believed; one is the hot thought (★)."""

    def __init__(self, entry: JournalEntry, *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry
        self._editing_hot = False

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label("Thought:")
            yield Input(placeholder="in your mind's own words, then enter", id="thought-text", compact=True)
            yield Label(" belief")
            yield NumberInput(lo=0, hi=100, percent=True, what="Belief", id="thought-belief")
        yield Static("enter adds it · in the list: space marks the hot thought (★), ←/→ or digits "
                     "change belief, x removes", classes="hint")
        hot = hot_index(self._entry.thoughts)
        rows = [RatedRow(str(t.get("text", "")), clamp_rating(t.get("belief")), i == hot)
                for i, t in enumerate(self._entry.thoughts)]
        yield RatedList(rows, mode="mark", removable=True, id="thoughts",
                        empty_text="No thoughts yet. Type one above and press enter.")

    @property
    def text_box(self) -> Input:
        return self.query_one("#thought-text", Input)

    @property
    def belief_box(self) -> Input:
        return self.query_one("#thought-belief", Input)

    @property
    def thought_list(self) -> RatedList:
        return self.query_one("#thoughts", RatedList)

    def thoughts(self) -> list[Thought]:
        """The thoughts as stored, the one still in the line included; the first is hot if none is."""
        thoughts: list[Thought] = [
            {"text": r.label, "belief": r.value if r.value is not None else -1, "hot": r.marked}
            for r in self.thought_list.rows if r.label.strip()]
        pending = self.text_box.value.strip()
        if pending:
            try:
                belief = parse_rating(self.belief_box.value)
            except ValueError:
                belief = None
            thoughts.append({"text": pending, "belief": belief if belief is not None else -1, "hot": False})
        if thoughts and not any(t["hot"] for t in thoughts):
            thoughts[0]["hot"] = True
        return thoughts

    def add(self) -> bool:
        """The typed thought joins the list (hot if it is the first). False when nothing was typed;
        ValueError (with what is accepted) when the belief can't be read."""
        text = " ".join(self.text_box.value.split())
        if not text:
            return False
        try:
            belief = parse_rating(self.belief_box.value)
        except ValueError as exc:
            raise ValueError(f"Belief: {exc}") from exc
        thoughts = self.thought_list
        hot = not thoughts.rows or self._editing_hot
        self._editing_hot = False
        thoughts.set_rows([RatedRow(r.label, r.value, False if hot else r.marked) for r in thoughts.rows])
        thoughts.add_row(RatedRow(text, belief, hot))
        self.text_box.value = ""
        self.belief_box.value = ""
        return True

    def take_back(self) -> None:
        """The highlighted thought goes back into the line to be changed."""
        row = self.thought_list.current
        if row is None:
            return
        self._editing_hot = row.marked
        self.thought_list.action_remove()
        self.text_box.value = row.label
        self.belief_box.value = "" if row.value is None else str(row.value)
        self.text_box.focus()

    def problem(self) -> str | None:
        return rating_problem(self.belief_box, "Belief")

    def collect(self, entry: JournalEntry) -> None:
        entry.thoughts = self.thoughts()


class DistortionsStep(StepParts, Horizontal):
    """4 · thinking patterns, each explained; for some, the user's own numbers."""

    def __init__(self, entry: JournalEntry, funnel: Callable[[], Sequence[str]], *, id: str) -> None:
        super().__init__(id=id)
        self._entry = entry
        self._funnel = funnel
        self._funnel_lines: Sequence[str] | None = None

    def compose(self) -> ComposeResult:
        yield CheckList([(d.name, d.slug, d.slug in self._entry.distortions) for d in DISTORTIONS], id="distortions")
        with VerticalScroll(id="distortion-side"):
            yield Static("", id="distortion-detail")
            yield Static("", id="funnel")

    @property
    def checklist(self) -> CheckList:
        return self.query_one("#distortions", CheckList)

    @on(OptionList.OptionHighlighted, "#distortions")
    def show_detail(self) -> None:
        index = self.checklist.highlighted or 0
        d = DISTORTIONS[index]
        self.query_one("#distortion-detail", Static).update(Content.assemble(
            (d.name, "bold"), "\n", d.explanation, "\n", ("Job-search example: ", "italic"), d.example,
            "\n", ("space ticks it · more than one can fit", "dim")))

    @on(CheckList.Toggled)
    def show_funnel(self) -> None:
        box = self.query_one("#funnel", Static)
        chosen = set(self.checklist.selected)
        if not chosen & set(FUNNEL_DISTORTIONS):
            box.display = False
            return
        if self._funnel_lines is None:
            self._funnel_lines = self._funnel()
        names = " / ".join(DISTORTIONS_BY_SLUG[s].name.lower() for s in FUNNEL_DISTORTIONS if s in chosen)
        box.update(Content.assemble(("Your own numbers", "bold"), f", against {names}: ",
                                    " ".join(self._funnel_lines)))
        box.display = True

    def collect(self, entry: JournalEntry) -> None:
        entry.distortions = list(self.checklist.selected)
