"""The rows of the Today list, built from a :class:`store.today.Summary`.

Each row knows what it stands for (a plan, one of its steps, a person in a step, a due item) so the
screen can act on it, and carries its plain text (for the filter and the tests). Status is said in
words and symbols, never by colour alone. User text goes in as plain parts of
:meth:`Content.assemble`, which never parses markup.

Only the newest plan is open (its steps shown); the others are one line each until opened. People
are never "due": a few are offered as a good moment to reach out, under their own heading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from textual.content import Content

from store.dates import long_date, short_date
from store.plans import STEP_BLURBS, PlanView, StepView
from store.today import CONTACTS_A_DAY, DueItem, Summary, relief_change, step_is_due, step_when
from widgets.usertext import clip

RowKind = Literal["section", "plan", "step", "person", "due", "more", "empty"]
#: Parts of a row, as :meth:`Content.assemble` takes them (user text as plain strings).
Parts = list[str | tuple[str, str]]

SYMBOL = {"done": "✓", "skipped": "–", "todo": "○", "snoozed": "◔"}
DUE_SYMBOL = {"application": "▪", "contact": "☺", "draft": "✉", "lesson": "✎"}
DUE_LABEL = {"application": "next step", "contact": "contact", "draft": "draft", "lesson": "lesson"}
TITLE_WIDTH = 48
#: Rows of each long due group shown on Today before a "… and N more" row (their screen has them all).
APPLICATION_ROWS = 40
CONTACT_ROWS = CONTACTS_A_DAY
DETAIL_WIDTH = 60

TODAY_CSS = """
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


@dataclass
class Row:
    id: str
    kind: RowKind
    prompt: Content
    text: str  # plain text
    plan_id: str | None = None
    step: str | None = None
    person: int | None = None
    due: DueItem | None = None
    hint: str = ""
    #: A "… and N more" row: the screen (mode key) that has them all.
    opens: str | None = None
    #: Something left to do here (an open step, a person whose note is not out yet).
    todo: bool = False

    @property
    def selectable(self) -> bool:
        return self.kind not in ("section", "empty")


def _row(id: str, kind: RowKind, parts: Parts, *, plan_id: str | None = None, step: str | None = None,
         person: int | None = None, due: DueItem | None = None, hint: str = "", opens: str | None = None,
         todo: bool = False) -> Row:
    content = Content.assemble(*parts)
    return Row(id=id, kind=kind, prompt=content, text=content.plain, plan_id=plan_id, step=step, person=person,
               due=due, hint=hint, opens=opens, todo=todo)


STEP_HINTS = {
    "reflect": "enter: write the reframe",
    "thank_you": "enter: write the reply",
    "close_loop": "enter: write the close-the-loop note",
    "feedback": "enter: write the request",
    "stay_in_touch": "enter: next person",
    "move_on": "enter: refill from Wishlist",
    "check_in": "enter: write a light check-in",
    "reopened": "enter: write the runner-up note",
}
STEP_KEYS = " · space done · s skip · z snooze · u undo"
#: What each person's note is called on their line.
NOTE_WORDS = {"rejection reply": "reply with one question", "interviewer thanks": "their own thanks",
              "close the loop": "close-the-loop note"}


def step_hint(view: PlanView, step: StepView) -> str:
    """What ``enter`` does on a step, naming the person it writes to (``a`` adds a name first)."""
    waiting = [p for p in step.people if p.contact_id and not (p.note_on if step.key == "stay_in_touch"
                                                                else p.replied_on)]
    names = [p for p in view.people if not p.contact_id]
    if step.key in ("thank_you", "close_loop", "stay_in_touch") and waiting:
        return f"enter: write to {clip(waiting[0].name, 24)}"
    if step.key in ("thank_you", "stay_in_touch") and names:
        return f"a: add {clip(names[0].name, 24)} as a contact first"
    if step.key == "feedback" and any(p.kind == "rejection reply" and not p.replied_on for p in view.people):
        return "enter: the same reply, with the question"
    return STEP_HINTS.get(step.key, "enter: do it")


def person_line(view: PlanView, step: StepView, i: int) -> tuple[Parts, str]:
    p = step.people[i]
    name = clip(p.name, 32)
    if not p.contact_id:
        return [f"      + {name}", (" — not a contact yet: a adds them (quarterly)", "dim")], \
            "a: add as a contact (quarterly)"
    if step.key == "thank_you":
        what = NOTE_WORDS.get(p.kind, "reply")
        if p.replied_on:
            return [f"      ✓ {name}", (f" — sent {short_date(p.replied_on, view.today)}", "dim")], \
                "enter: open the contact"
        if p.reply_draft_id:
            return [f"      ○ {name}", (f" — {what} · draft waiting: enter opens it", "dim")], \
                "enter: open the draft"
        return [f"      ○ {name}", (f" — {what}: enter writes it", "dim")], f"enter: write {what}"
    # stay in touch
    if p.note_on:
        return [f"      ✓ {name}", (" — contact, connection note done", "dim")], "enter: open the contact"
    return [f"      ○ {name}", (" — contact · enter writes a LinkedIn connection note", "dim")], \
        "enter: write the connection note"


def _person_todo(step: StepView, i: int) -> bool:
    p = step.people[i]
    return not p.contact_id or not (p.replied_on if step.key == "thank_you" else p.note_on)


def steps_due(view: PlanView, today: date) -> int:
    """The plan's open steps dated today or earlier (Reflect never counts)."""
    return sum(1 for step in view.steps if step_is_due(step, today))


def plan_rows(view: PlanView, today: date, *, expanded: bool = True) -> list[Row]:
    """The plan's line, then (when ``expanded``) its steps and the people in them."""
    rows: list[Row] = []
    pid = view.plan.id
    done, total = view.counts()
    due = steps_due(view, today)
    rows.append(_row(
        f"plan:{pid}", "plan",
        [("▾ " if expanded else "▸ ", "bold"), (clip(view.title, TITLE_WIDTH), "bold"),
         (f"  {view.when()} · {done} of {total} done" + (f" · {due} due" if due else ""), "dim")],
        plan_id=pid, hint="enter: open the application · ← folds it" if expanded
        else "enter or →: show its steps",
    ))
    if not expanded:
        return rows
    for step in view.steps:
        if not step.is_open and step.done_on is not None and step.done_on < today:
            continue  # closed before today: counted in the plan's line, shown on the application
        symbol = SYMBOL.get(step.status, "○")
        if step.status == "snoozed" and not (step.snoozed_until and step.snoozed_until > today):
            symbol = SYMBOL["todo"]
        when = step_when(step, today)
        detail = step.detail or STEP_BLURBS.get(step.key, "")
        style = "dim" if not step.is_open else ""
        rows.append(_row(
            f"step:{pid}:{step.key}", "step",
            [f"  {symbol} ", (f"{step.title:<17}", style or "bold"), (f" {when:<17}", "dim"),
             (f" · {clip(detail, DETAIL_WIDTH)}" if detail else "", "dim")],
            plan_id=pid, step=step.key, todo=step.is_open,
            hint=(step_hint(view, step) + STEP_KEYS) if step.is_open
            else "u: undo (back to to-do)" if not step.auto else "done from what you did elsewhere",
        ))
        if step.is_open and step.key in ("thank_you", "stay_in_touch"):
            for i in range(len(step.people)):
                if step.key == "thank_you" and not step.people[i].contact_id:
                    continue  # names that aren't contacts yet are added under "stay in touch"
                parts, hint = person_line(view, step, i)
                rows.append(_row(f"person:{pid}:{step.key}:{i}", "person", parts, plan_id=pid, step=step.key,
                                 person=i, hint=hint, todo=_person_todo(step, i)))
    return rows


def due_row(item: DueItem, today: date) -> Row:
    symbol = DUE_SYMBOL.get(item.kind, "•")
    # a person is never due or late: their row says why now (the reason), not since when
    when = "" if item.kind == "contact" else f"  {item.when}"
    return _row(
        f"due:{item.kind}:{item.ref}", "due",
        [f"  {symbol} ", (clip(item.title, TITLE_WIDTH), "bold"), (when, "dim"),
         (f" · {clip(item.detail, DETAIL_WIDTH)}" if item.detail else "", "dim")],
        due=item,
        hint={"application": "enter: open it on the board", "contact": "enter: open the contact",
              "draft": "enter: open the draft", "lesson": "enter: keep it as a lesson · s: not now"}.get(item.kind, ""),
    )


def section(id: str, title: str, note: str = "") -> Row:
    parts: Parts = [(title, "bold underline")]
    if note:
        parts.append((f"  {note}", "dim"))
    return _row(f"section:{id}", "section", parts)


def expanded_plans(summary: Summary, expanded: set[str] | None) -> set[str]:
    """The plans shown open: ``expanded`` when the user chose, else only the newest."""
    if expanded is not None:
        return expanded
    return {summary.plans[0].plan.id} if summary.plans else set()


def plans_section(summary: Summary) -> Row:
    n = len(summary.plans)
    due = sum(steps_due(v, summary.today) for v in summary.plans)
    note = f"{n} in progress" + (f" · {due} step{'s' if due != 1 else ''} due" if due else "")
    return section("plans", "Rebound plans", note)


def build_rows(summary: Summary, query: str = "", expanded: set[str] | None = None) -> list[Row]:
    """Every row of Today. ``expanded``: the plans shown open (None: the newest only; a filter opens
    them all, so it can find any step)."""
    today = summary.today
    rows: list[Row] = []
    if summary.plans:
        rows.append(plans_section(summary))
        open_ids = {v.plan.id for v in summary.plans} if query else expanded_plans(summary, expanded)
        for view in summary.plans:
            rows += plan_rows(view, today, expanded=view.plan.id in open_ids)
    tasks, people = summary.tasks, summary.people
    rows.append(section("due", "Due today", f"{len(tasks)}" if tasks else ""))
    keep = _matcher(query)
    rows = [r for r in rows if keep(r)]
    shown = [r for r in (due_row(item, today) for item in tasks) if keep(r)]
    rows += _cut(shown, "application", APPLICATION_ROWS, "next steps due", "the Board", "board")
    if not tasks:
        rows.append(_row("empty:due", "empty", [("  Nothing is due. A quiet day is allowed.", "dim")]))
    shown = [r for r in (due_row(item, today) for item in people) if keep(r)]
    if shown:
        rows.append(section("people", "A good moment to reach out", "if you feel like it"))
        rows += shown[:CONTACT_ROWS]
        if summary.contacts_more or len(shown) > CONTACT_ROWS:
            rows.append(_row("more:contact", "more", [("  More people on Contacts, whenever you like", "dim"),
                                                      ("  (enter opens Contacts)", "dim")],
                             hint="enter: open Contacts", opens="contacts"))
    return rows


def _matcher(query: str) -> Callable[[Row], bool]:
    words = query.casefold().split()

    def keep(r: Row) -> bool:
        return r.kind in ("section", "empty") or all(w in r.text.casefold() for w in words)

    return keep


def _cut(rows: list[Row], kind: str, limit: int, noun: str, where: str, screen: str) -> list[Row]:
    """Today is not the board: the first ``limit`` rows of ``kind``, then one row that opens the
    screen that has them all."""
    out: list[Row] = []
    n = 0
    total = sum(1 for r in rows if r.due is not None and r.due.kind == kind)
    for r in rows:
        if r.due is not None and r.due.kind == kind:
            n += 1
            if n > limit:
                continue
            out.append(r)
            if n == limit and total > limit:
                out.append(_row(f"more:{kind}", "more", [(f"  … and {total - limit} more {noun}", "dim"),
                                                         (f"  (enter opens {where})", "dim")],
                                hint=f"enter: open {where}", opens=screen))
            continue
        out.append(r)
    return out


def head_text(today: date, greeting: str) -> Content:
    """The top line: the date and a greeting."""
    return Content.assemble((long_date(today), "bold"), "  ", greeting)


def stats_text(s: Summary, width: int = 0) -> Content:
    """The pipeline floor, the week's goal, thirty days of mood and the latest reframe, in two lines
    of at most ``width`` cells (0: no limit). The week goes beside the floor, else first on the second
    line; what doesn't fit is left out, least useful first: how long ago the reframe was, the mood
    average, then the reframe."""
    floor_style = "bold" if s.need and not s.first_run else ""
    pipeline: Parts = [("Pipeline ", "bold"), (s.floor_text, floor_style)]
    week: Parts = [("Week ", "bold"), s.week_text, "   "] if s.week_text else []
    avg = s.mood_average
    mood: Parts = [("Mood 30d ", "bold"), s.sparkline]
    average: Parts = [(f" avg {avg:.1f}" if avg is not None else " no check-ins yet", "dim")]
    reframe: Parts = [("   Reframe ", "bold"), (s.relief_text, "dim")]
    short: Parts = [("   Reframe ", "bold"), (relief_change(s.relief) if s.relief is not None else "none yet", "dim")]
    line1 = _first_fit(width, pipeline + ["   "] + week[:-1], pipeline) if week else pipeline
    lead = week if line1 is pipeline else []
    line2 = _first_fit(width, lead + mood + average + reframe, lead + mood + average + short, lead + mood + short,
                       lead + mood + average, lead + mood)
    return Content.assemble(*line1, "\n", *line2)


def _first_fit(width: int, *candidates: Parts) -> Parts:
    """The first candidate line that fits in ``width`` cells (the last one when none does)."""
    for parts in candidates:
        if not width or Content.assemble(*parts).cell_length <= width:
            return parts
    return candidates[-1]


def next_todo(rows: list[Row], anchor: str) -> int | None:
    """Back from a step done elsewhere: the first row with something left to do at or after the row
    the user left from (that plan's, else any plan's), or None when every step is done."""
    start = next((i for i, r in enumerate(rows) if r.id == anchor), None)
    if start is None:
        return None
    plan_id = rows[start].plan_id
    for i in range(start, len(rows)):
        if rows[i].todo and rows[i].plan_id == plan_id:
            return i
    return next((i for i, r in enumerate(rows) if r.todo and r.plan_id == plan_id), None)


def cursor_index(rows: list[Row], keep: str | None, keep_index: int | None) -> int | None:
    """Where the cursor goes after the list is rebuilt: the row with id ``keep`` if it is still
    there; else the nearest row it can act on at or above ``keep_index`` (a step done went away);
    else the first such row."""
    if keep is not None:
        found = next((i for i, r in enumerate(rows) if r.id == keep), None)
        if found is not None:
            return found
    if keep_index is not None:
        for i in range(min(keep_index, len(rows) - 1), -1, -1):
            if rows[i].selectable:
                return i
    return next((i for i, r in enumerate(rows) if r.selectable), None)
