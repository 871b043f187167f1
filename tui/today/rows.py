"""The rows of the Today list, built from a :class:`store.today.Summary`.

Each row knows what it stands for (a plan, one of its steps, a person in a step, a due item) so the
screen can act on it, and carries its plain text (for the filter and the tests). Status is said in
words and symbols, never by colour alone. User text goes in as plain parts of
:meth:`Content.assemble`, which never parses markup.

One plan at a time is open (its steps shown), the others are one line each: the one the user opened,
else the newest, as long as its steps leave the "Due today" heading on screen (``room``: the list's
height). When even the plan lines would push that heading off screen, the first few are listed and a
"more plans" row lists the rest. People are never "due": a few are offered as a good moment to reach
out, under their own heading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from textual.content import Content

from store.dates import short_date
from tui.shell.keymap import key_of
from tui.today.intent import intent_row
from widgets.usertext import clip

if TYPE_CHECKING:  # the domain's modules are imported when rows are built, not for a remembered view's rows
    from store.plans import PlanView, StepView
    from store.today import DueItem, Summary

RowKind = Literal["section", "plan", "step", "person", "due", "more", "more-plans", "empty", "intent"]
#: Parts of a row, as :meth:`Content.assemble` takes them (user text as plain strings).
Parts = list[str | tuple[str, str]]

SYMBOL = {"done": "✓", "skipped": "–", "todo": "○", "snoozed": "◔"}
DUE_SYMBOL = {"application": "▪", "contact": "☺", "draft": "✉", "lesson": "✎", "brief": "✦"}
DUE_LABEL = {"application": "next step", "contact": "contact", "draft": "draft", "lesson": "lesson",
             "brief": "brief"}
TITLE_WIDTH = 48
#: Rows of each long due group shown on Today before a "… and N more" row (their screen has them all).
APPLICATION_ROWS = 40
CONTACT_ROWS = 3  # store.today.CONTACTS_A_DAY (a test says they agree)
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
        return f"{key_of('today.add_contact')}: add {clip(names[0].name, 24)} as a contact first"
    if step.key == "feedback" and any(p.kind == "rejection reply" and not p.replied_on for p in view.people):
        return "enter: the same reply, with the question"
    return STEP_HINTS.get(step.key, "enter: do it")


def person_line(view: PlanView, step: StepView, i: int) -> tuple[Parts, str]:
    p = step.people[i]
    name = clip(p.name, 32)
    if not p.contact_id:
        add = key_of("today.add_contact")
        return [f"      + {name}", (f" — not a contact yet: {add} adds them (quarterly)", "dim")], \
            f"{add}: add as a contact (quarterly)"
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
    from store.today import step_is_due

    return sum(1 for step in view.steps if step_is_due(step, today))


def plan_rows(view: PlanView, today: date, *, expanded: bool = True) -> list[Row]:
    """The plan's line, then (when ``expanded``) its steps and the people in them."""
    from store.plans import STEP_BLURBS
    from store.today import step_when

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
    when = "" if item.kind in ("contact", "brief") else f"  {item.when}"
    return _row(
        f"due:{item.kind}:{item.ref}", "due",
        [f"  {symbol} ", (clip(item.title, TITLE_WIDTH), "bold"), (when, "dim"),
         (f" · {clip(item.detail, DETAIL_WIDTH)}" if item.detail else "", "dim")],
        due=item,
        hint={"application": "enter: open it on the board", "contact": "enter: open the contact",
              "draft": "enter: open the draft", "lesson": "enter: keep it as a lesson · s: not now",
              "brief": "enter: open the application and its brief"}.get(item.kind, ""),
    )


def section(id: str, title: str, note: str = "") -> Row:
    parts: Parts = [(title, "bold underline")]
    if note:
        parts.append((f"  {note}", "dim"))
    return _row(f"section:{id}", "section", parts)


def expanded_plans(summary: Summary, expanded: set[str] | None, room: int = 0) -> set[str]:
    """The plans shown open: ``expanded`` when the user chose, else the newest, unless its steps would
    push the Due today heading below ``room`` rows (0: the height isn't known yet)."""
    if expanded is not None:
        return expanded
    if not summary.plans:
        return set()
    newest = summary.plans[0]
    heading_at = len(summary.plans) + len(plan_rows(newest, summary.today))  # the section row, then plans
    return {newest.plan.id} if not room or heading_at < room else set()


def plans_listed(summary: Summary, open_ids: set[str], room: int = 0) -> int:
    """How many plan lines to list before a "more plans" row: all, unless they (and the open plan's
    steps) would push the Due today heading below ``room`` rows. At least one; the open plan always."""
    n = len(summary.plans)
    if not room:
        return n
    steps = sum(len(plan_rows(v, summary.today)) - 1 for v in summary.plans if v.plan.id in open_ids)
    if 1 + n + steps < room:
        return n
    fits = max(1, room - 3 - steps)  # the section, the "more plans" row and the Due today heading
    last_open = max((i for i, v in enumerate(summary.plans) if v.plan.id in open_ids), default=-1)
    return n if last_open >= fits else fits


def more_plans_row(hidden: list[PlanView], today: date) -> Row:
    due, n = sum(steps_due(v, today) for v in hidden), len(hidden)
    note = f" · {due} step{'s' if due != 1 else ''} due" if due else ""
    return _row("more:plans", "more-plans", [("▸ ", "bold"), f"{n} more plan{'s' if n != 1 else ''}",
                                             (f"{note}  (enter lists them)", "dim")], hint="enter: list every plan")


def plans_section(summary: Summary) -> Row:
    n = len(summary.plans)
    due = sum(steps_due(v, summary.today) for v in summary.plans)
    note = f"{n} in progress" + (f" · {due} step{'s' if due != 1 else ''} due" if due else "")
    return section("plans", "Rebound plans", note)


def build_rows(summary: Summary, query: str = "", expanded: set[str] | None = None, room: int = 0,
               all_plans: bool = False) -> list[Row]:
    """Every row of Today. ``expanded``: the plans shown open (None: the newest, when there is
    ``room``; a filter opens them all, so it can find any step). ``all_plans``: list every plan line
    however little room there is."""
    today = summary.today
    rows: list[Row] = []
    if summary.plans:
        rows.append(plans_section(summary))
        open_ids = {v.plan.id for v in summary.plans} if query else expanded_plans(summary, expanded, room)
        listed = len(summary.plans) if query or all_plans else plans_listed(summary, open_ids, room)
        for i, view in enumerate(summary.plans[:listed]):
            block = plan_rows(view, today, expanded=view.plan.id in open_ids)
            intent = intent_row(summary, i) if len(block) > 1 else None
            if intent is not None:
                row = _row(f"intent:{view.plan.id}", "intent", intent.parts, plan_id=view.plan.id, hint=intent.hint)
                block.insert(1 if intent.top else len(block), row)
            rows += block
        if listed < len(summary.plans):
            rows.append(more_plans_row(summary.plans[listed:], today))
    tasks, people = summary.tasks, summary.people
    briefs = [d for d in tasks if d.kind == "brief"]
    tasks = [d for d in tasks if d.kind != "brief"]
    rows.append(section("due", "Due today", f"{len(tasks)}" if tasks else ""))
    keep = _matcher(query)
    rows = [r for r in rows if keep(r)]
    # without a filter, rows only for what is shown: years of next steps are cut to the first few anyway
    wanted = tasks if query else _first(tasks, "application", APPLICATION_ROWS)
    shown = [r for r in (due_row(item, today) for item in wanted) if keep(r)]
    total = None if query else sum(1 for d in tasks if d.kind == "application")
    rows += _cut(shown, "application", APPLICATION_ROWS, "next steps due", "the Board", "board", total)
    if not tasks:
        rows.append(_row("empty:due", "empty", [("  Nothing is due. A quiet day is allowed.", "dim")]))
    shown = [r for r in (due_row(item, today) for item in briefs) if keep(r)]
    if shown:
        rows.append(section("briefs", "Before the interview", "your own lessons and feedback"))
        rows += shown
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


def _first(items: list[DueItem], kind: str, limit: int) -> list[DueItem]:
    """``items`` with only the first ``limit`` of ``kind``."""
    out: list[DueItem] = []
    n = 0
    for d in items:
        if d.kind == kind:
            n += 1
            if n > limit:
                continue
        out.append(d)
    return out


def _cut(rows: list[Row], kind: str, limit: int, noun: str, where: str, screen: str,
         total: int | None = None) -> list[Row]:
    """Today is not the board: the first ``limit`` rows of ``kind``, then one row that opens the
    screen that has them all (``total``: how many there are, when ``rows`` holds only the first)."""
    out: list[Row] = []
    n = 0
    if total is None:
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
