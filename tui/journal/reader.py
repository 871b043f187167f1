"""Reading entries: the reader pane's content (with search matches highlighted), a full-screen
reader, the Lessons list and the Trends view.

Everything the user wrote is turned into :class:`~textual.content.Content` directly (never parsed
as markup); matches are marked with spans (``bold reverse``, readable without colour).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.dates import from_iso, humanize_ago, humanize_until, long_date, short_date
from store.journal import (
    Lesson,
    Trends,
    belief_shift,
    describe_relief,
    describe_shift,
    eased_or_rose,
    entry_relief,
    hot_index,
    kind_label,
    match_spans,
)
from store.models import JournalEntry
from store.prompts import COMPASSION_LABELS, STEPS, distortion_name, mood_word
from tui.shell import keymap
from widgets.hanging import Hanging
from widgets.sparkline_text import fit_width, sparkline

MATCH_STYLE = "bold reverse"


def highlight(text: str, terms: Sequence[str]) -> Content:
    """User text as literal content with every match of ``terms`` styled."""
    content = Content(text or "")
    for start, end in match_spans(text or "", terms):
        content = content.stylize(MATCH_STYLE, start, end)
    return content


def _rating(value: object) -> str:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else "–"


def _indent(content: Content, prefix: str = "  ", rest: str | None = None) -> Content:
    """Indent every line; the first gets ``prefix``, the others ``rest`` (default: the same)."""
    lines = content.split("\n", allow_blank=True)
    rest = prefix if rest is None else rest
    return Content("\n").join(Content(prefix if i == 0 else rest) + line for i, line in enumerate(lines))


Part = Content | str | tuple[str, str]


class _EntryLayout:
    """Builds the parts of :func:`render_entry`, one section at a time."""

    def __init__(self, entry: JournalEntry, terms: Sequence[str]) -> None:
        self.entry = entry
        self.terms = terms
        self.out: list[Part] = []

    def hl(self, text: object) -> Content:
        return highlight(str(text), self.terms)

    def section(self, title: str) -> None:
        self.out += ["\n\n", (title, "bold underline"), "\n"]

    def lines(self, rows: Sequence[list[Part]]) -> None:
        """Rows of parts, one per line."""
        for i, row in enumerate(rows):
            if i:
                self.out.append("\n")
            self.out += row

    def head(self, app_title: str) -> None:
        e = self.entry
        self.out += [(long_date(e.entry_date) or e.entry_date, "bold"), " · ", (kind_label(e.kind), "bold")]
        day = from_iso(e.entry_date)
        if day:
            self.out += [" · ", (humanize_ago(day), "dim")]
        if e.is_draft:
            step = max(1, min(8, e.wizard_step or 1))
            where = f" (step {step} of 8: {STEPS[step - 1][1]})" if e.kind == "reframe" else ""
            self.out += ["\n", (f"Unfinished draft{where}. Press enter or e to carry on.", "italic")]
        if app_title:
            self.out += ["\n", ("Application: ", "bold"), self.hl(app_title)]
        bits = []
        if e.mood:
            bits.append(f"Mood {e.mood}/5 ({mood_word(e.mood)})")
        if e.energy:
            bits.append(f"energy {e.energy}/5")
        if e.writing_seconds:
            bits.append(f"timed writing, {max(1, e.writing_seconds // 60)} min")
        if bits:
            self.out += ["\n", " · ".join(bits)]
        if e.tags:
            self.out += ["\n", ("Tags: ", "bold"), Content(", ").join(self.hl(t) for t in e.tags)]
        if e.title.strip():
            self.out += ["\n\n", Content.assemble(self.hl(e.title)).stylize("bold")]

    def record(self) -> None:
        """The thought record's sections, each only when it has something."""
        e = self.entry
        if e.situation.strip():
            self.section("Situation")
            self.out.append(_indent(self.hl(e.situation)))
        if e.emotions:
            self.section("Emotions (0-100: before → after)")
            self.lines([["  ", self.hl(x.get("name", "")), f"  {_rating(x.get('before'))} → {_rating(x.get('after'))}"]
                        for x in e.emotions])
        self.thoughts()
        if e.distortions:
            self.section("Thinking patterns")
            self.out += ["  ", Content(", ").join(self.hl(distortion_name(d)) for d in e.distortions)]
        for title, items in (("Evidence for", e.evidence_for), ("Evidence against", e.evidence_against)):
            if items:
                self.section(title)
                self.lines([[_indent(self.hl(item), "  • ", "    ")] for item in items])
        if e.balanced_thought.strip():
            self.section(f"Balanced thought (belief {_rating(e.balanced_belief)})")
            self.out.append(_indent(self.hl(e.balanced_thought)))
        r, s = entry_relief(e), belief_shift(e)
        if r is not None or s is not None:
            self.section("How it shifted")
            self.out += ["  ", describe_relief(r), "\n  ", describe_shift(s)]
        self.wrap_up()

    def thoughts(self) -> None:
        e = self.entry
        if not e.thoughts:
            return
        hot_i = hot_index(e.thoughts)
        self.section("Thoughts (belief 0-100)")
        rows: list[list[Part]] = []
        for i, t in enumerate(e.thoughts):
            mark = "★ hot " if i == hot_i else "· "
            after = f" → {e.hot_belief_after}" if i == hot_i and e.hot_belief_after >= 0 else ""
            rows.append(["  ", (mark, "bold" if i == hot_i else ""), self.hl(t.get("text", "")),
                         f"  ({_rating(t.get('belief'))}{after})"])
        self.lines(rows)

    def wrap_up(self) -> None:
        e = self.entry
        compassion = [(COMPASSION_LABELS[i] if i < 3 else "", t) for i, t in enumerate(e.self_compassion)
                      if str(t).strip()]
        if compassion:
            self.section("Self-compassion")
            self.lines([["  ", (f"{label}: ", "italic"), self.hl(text)] for label, text in compassion])
        if e.lesson_outside_control:
            self.section("Lesson")
            self.out.append("  Outside my control.")
            if e.lesson.strip():
                self.out += ["  ", self.hl(e.lesson)]
        elif e.lesson.strip():
            self.section("Lesson")
            self.out.append(_indent(self.hl(e.lesson)))
        if e.next_action.strip():
            self.section("Next action")
            self.out += ["  ", self.hl(e.next_action)]
            due = from_iso(e.next_action_date)
            if due:
                self.out.append(f"  (by {short_date(due)}, {humanize_until(due)})")

    def body(self) -> None:
        if not self.entry.body.strip():
            return
        if self.entry.kind == "reframe":
            self.section("Notes")
        else:
            self.out.append("\n\n")
        self.out.append(self.hl(self.entry.body))


def render_entry(entry: JournalEntry, *, app_title: str = "", terms: Sequence[str] = ()) -> Content:
    """The whole entry, laid out for reading."""
    layout = _EntryLayout(entry, terms)
    layout.head(app_title)
    if entry.kind == "reframe":
        layout.record()
    layout.body()
    return Content.assemble(*layout.out)


# --------------------------------------------------------------------------- full-screen reader


class ReaderChoice(Enum):
    """What the full-screen reader was closed for (None: just closed)."""

    EDIT = "edit"


class EntryReaderScreen(ModalScreen[ReaderChoice | None]):
    """One entry, full screen. Dismisses with :attr:`ReaderChoice.EDIT` when e is pressed."""

    DEFAULT_CSS = """
    EntryReaderScreen { align: center middle; }
    EntryReaderScreen > #reader-box {
        width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1;
    }
    """
    KEYMAP = "journal.reader"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, content: Content) -> None:
        super().__init__()
        self._content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-box"):
            yield Static(Hanging.of(self._content), id="reader-full")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        self.dismiss(ReaderChoice.EDIT)

    def action_scroll(self, delta: int) -> None:
        box = self.query_one("#reader-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + delta, animate=False)

    def action_page(self, delta: int) -> None:
        box = self.query_one("#reader-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + delta * max(1, box.size.height - 1), animate=False)


# --------------------------------------------------------------------------- lessons


class LessonsScreen(ModalScreen[str | None]):
    """Every lesson, newest first, with its date and source; enter opens the source entry."""

    DEFAULT_CSS = """
    LessonsScreen { align: center middle; }
    LessonsScreen > Vertical { width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1; }
    LessonsScreen #lessons-intro { height: auto; margin-bottom: 1; }
    LessonsScreen OptionList { height: 1fr; border: none; }
    """
    KEYMAP = "journal.lessons"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, lessons: Sequence[Lesson], outside_control: int,
                 app_title: Callable[[str | None], str]) -> None:
        super().__init__()
        self.lessons = list(lessons)
        self.outside_control = outside_control
        self.app_title = app_title

    def compose(self) -> ComposeResult:
        with Vertical():
            n = len(self.lessons)
            intro: list[Part] = [("Lessons", "bold underline"), "  ",
                     f"{n} lesson{'s' if n != 1 else ''} from your reframes, newest first: your interview-prep list."]
            if self.outside_control:
                intro.append(f"\n{self.outside_control} time{'s' if self.outside_control != 1 else ''} "
                             "you noted it was outside your control. That's a lesson too.")
            if not n:
                intro.append("\nNone yet. Step 8 of a guided reframe asks for one lesson you can act on.")
            intro.append(("\nenter opens the entry it came from · escape closes", "dim"))
            yield Static(Content.assemble(*intro), id="lessons-intro")
            options = []
            for lesson in self.lessons:
                title = self.app_title(lesson.application_id)
                source = lesson.source + (f" · {title}" if title else "")
                day = short_date(lesson.entry_date) or lesson.entry_date
                prompt = Content.assemble((f"{day:<11}", "bold"), " ", Content(lesson.text), "\n            ",
                                          (Content("from: ") + Content(source)).stylize("dim"))
                options.append(Option(prompt, id=lesson.entry_id))
            yield OptionList(*options, id="lessons-list", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.focus()
        if self.lessons:
            ol.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)


# --------------------------------------------------------------------------- trends


def axis(cells: int, days: int) -> str:
    """The labels under a sparkline of ``cells`` cells: the first under its first cell, "today"
    ending under its last; shorter words when those don't fit, never past the line's end."""
    for left, right in ((f"{days} days ago", "today"), (f"-{days}d", "today"), (f"-{days}d", "now"), ("", "now")):
        if len(left) + len(right) + (1 if left else 0) <= cells:
            return left + " " * (cells - len(left) - len(right)) + right
    return ""


def render_trends(t: Trends, width: int = 70, control: str = "") -> Content:
    """Mood over 30 and 90 days and relief per thought record, as text sparklines with numbers; then
    ``control``, the person's own split of their no's (:mod:`store.control`), when there is one."""
    width = max(20, width)
    out: list[Part] = [("Trends", "bold underline"), "  ", ("no streaks, just how it's been going", "dim"), "\n\n"]

    def mood_block(title: str, values: list[float | None], days: int) -> None:
        line = sparkline(fit_width(values, width - 4), lo=1, hi=5)
        avg = Trends._avg(values)
        logged = sum(1 for v in values if v is not None)
        out.append((title, "bold"))
        out.append("\n")
        if avg is None:
            out.append(f"  No mood logged in the last {days} days. A quick check-in (c) adds one.\n\n")
            return
        out.extend(["  ", line, "\n", ("  " + axis(len(line), days), "dim"), "\n",
                f"  average {avg:.1f} of 5 ({mood_word(round(avg))}) on {logged} day{'s' if logged != 1 else ''} "
                f"with a mood logged\n\n"])

    mood_block("Mood, last 30 days (1 = very low … 5 = great)", t.mood30, 30)
    mood_block("Mood, last 90 days", t.mood90, 90)
    out.append(("How much feelings eased, per thought record (oldest → newest)", "bold"))
    out.append("\n")
    if t.relief:
        values = [v for _, v in t.relief][-(width - 4):]
        lo = min(0.0, min(values))
        hi = max(1.0, max(values))
        out += ["  ", sparkline(values, lo=lo, hi=hi), "\n",
                f"  feelings {eased_or_rose(t.relief_avg or 0)} on average over {len(t.relief)} "
                f"record{'s' if len(t.relief) != 1 else ''}"]
        if t.shift_avg is not None:
            out.append(f"; belief in the hot thought {eased_or_rose(t.shift_avg)} on average")
        out.append("\n")
        last_date, last = t.relief[-1]
        out.append((f"  latest: {eased_or_rose(last)}, {short_date(last_date)}\n", "dim"))
    else:
        out.append("  No re-rated thought records yet. Step 7 of a guided reframe measures relief.\n")
    out += ["\n", ("Thought records: ", "bold"), f"{t.records}", "   ", ("All entries: ", "bold"), f"{t.entries}"]
    if control:
        out += ["\n\n", ("What was in your control", "bold"), ("  your own tags, not a score", "dim"), "\n  ", control]
    return Content.assemble(*out)


class TrendsScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    TrendsScreen { align: center middle; }
    TrendsScreen > VerticalScroll {
        width: 100%; height: 1fr; border: round $primary; background: $surface; padding: 0 1;
    }
    """
    KEYMAP = "journal.trends"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, trends: Trends, control: str = "") -> None:
        super().__init__()
        self.trends = trends
        self.control = control

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(id="trends-text")
        yield Footer()

    def on_mount(self) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = max(20, self.size.width - 6)
        self.query_one("#trends-text", Static).update(Hanging.of(render_trends(self.trends, width, self.control)))

    def action_close(self) -> None:
        self.dismiss(None)
