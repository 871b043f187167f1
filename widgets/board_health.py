"""The board's one-line pipeline health: live vs floor, applied this week vs goal, the funnel, the
median wait for a first reply, and how many cards need attention.

Plain values in; it picks the most detailed wording that fits the width (80 columns get the
compact one). Status is said in words and symbols (``✓``, ``below``), never by colour alone, and
never as a count to make up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.content import Content
from textual.widget import Widget


@dataclass
class HealthFigures:
    live: int = 0
    floor: int = 10
    sent_this_week: int = 0
    weekly_goal: int = 5
    #: (label, count, conversion from the previous step or None)
    funnel: list[tuple[str, int, float | None]] = field(default_factory=list)
    median_reply_days: float | None = None
    attention: int = 0


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


def _days(x: float | None, long: bool) -> str:
    if x is None:
        return "no replies yet" if long else "—"
    n = round(x, 1)
    n_text = f"{n:g}"
    return (f"~{n_text} day" + ("" if n == 1 else "s")) if long else f"~{n_text}d"


#: A piece of the line: plain text, or (text, style).
Part = str | tuple[str, str]


def variants(f: HealthFigures) -> list[Content]:
    """The health line from most to least detailed."""
    short = max(0, f.floor - f.live)
    live_ok: Part = ("✓", "bold") if short == 0 else ("below", "bold")  # never a count to make up
    week_ok = " ✓" if f.weekly_goal and f.sent_this_week >= f.weekly_goal else ""
    counts = "›".join(str(c) for _, c, _ in f.funnel)
    labelled: list[Part] = []
    converted: list[Part] = []
    for i, (label, count, conv) in enumerate(f.funnel):
        if i:
            labelled.append((f" ›{_pct(conv)}› ", "dim"))
            converted.append((f" ›{_pct(conv)}› ", "dim"))
        labelled += [(f"{label} ", "dim"), (str(count), "bold")]
        converted.append((str(count), "bold"))
    attention: list[Part]
    attention_mid: list[Part]
    attention_short: list[Part]
    if f.attention:
        attention = [("Sweep ", "dim"), (str(f.attention), "bold"), (" need attention (s)", "dim")]
        attention_mid = [("Sweep ", "dim"), (str(f.attention), "bold"), (" (s)", "dim")]
        attention_short = [("Sweep ", "dim"), (str(f.attention), "bold")]
    else:
        attention = [("nothing needs attention", "dim")]
        attention_mid = [("all calm", "dim")]
        attention_short = []
    gap = "  "
    live_long: list[Part] = [("Live ", "dim"), (str(f.live), "bold"), (f" · floor {f.floor} ", "dim"), live_ok]
    live_short: list[Part] = [("Live ", "dim"), (f"{f.live}/{f.floor}", "bold"), " ", live_ok]
    week_long: list[Part] = [("Week ", "dim"), (f"{f.sent_this_week} of {f.weekly_goal}", "bold"),
                 (f" applied{week_ok}", "dim")]
    week_short: list[Part] = [("Week ", "dim"), (f"{f.sent_this_week}/{f.weekly_goal}{week_ok}", "bold")]
    full = Content.assemble(
        *live_long, gap, *week_long, gap, *labelled, gap,
        ("First reply ", "dim"), (_days(f.median_reply_days, True), "bold"), gap, *attention,
    )
    wide = Content.assemble(
        *live_long, gap, *week_long, gap, ("Funnel ", "dim"), *converted, gap,
        ("First reply ", "dim"), (_days(f.median_reply_days, True), "bold"), gap, *attention_mid,
    )
    medium = Content.assemble(
        *live_short, gap, *week_short, gap, ("Funnel ", "dim"), (counts, "bold"), gap,
        ("Reply ", "dim"), (_days(f.median_reply_days, False), "bold"),
        *([gap, *attention_short] if attention_short else []),
    )
    compact = Content.assemble(
        *live_short, gap, *week_short, gap, ("Funnel ", "dim"), (counts, "bold"),
        *([gap, *attention_short] if attention_short else []),
    )
    tiny = Content.assemble(*live_short, gap, *week_short, *([gap, *attention_short] if attention_short else []))
    return [full, wide, medium, compact, tiny]


class HealthLine(Widget):
    """One line; ``p`` on the board opens the full panel (the line says so when there is room)."""

    DEFAULT_CSS = """
    HealthLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.figures: HealthFigures | None = None

    def show(self, figures: HealthFigures) -> None:
        self.figures = figures
        self.refresh()

    def render(self) -> Content:
        if self.figures is None:
            return Content.assemble(("Pipeline health: counting…", "dim"))
        width = self.content_region.width or self.size.width
        options = variants(self.figures)
        for option in options:
            if option.cell_length <= width:
                return option
        return options[-1]

    def plain(self) -> str:
        return self.render().plain
