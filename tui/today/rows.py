"""The rows of the Today list, built from a :class:`store.today.Summary`.

Each row knows what it stands for (a plan, one of its steps, a person in a step, a due item) so the
screen can act on it, and carries its plain text (for the filter and the tests). Status is said in
words and symbols, never by colour alone. User text goes in as plain parts of
:meth:`Content.assemble`, which never parses markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content

from store.plans import STEP_BLURBS, PlanView, StepView
from store.today import DueItem, Summary, step_when
from widgets.usertext import clip

SYMBOL = {"done": "✓", "skipped": "–", "todo": "○", "snoozed": "◔"}
DUE_SYMBOL = {"application": "▪", "contact": "☺", "draft": "✉", "lesson": "✎"}
DUE_LABEL = {"application": "next step", "contact": "contact", "draft": "draft", "lesson": "lesson"}
TITLE_WIDTH = 48
#: Rows of each long due group shown on Today before a "… and N more" row (their screen has them all).
APPLICATION_ROWS = 40
CONTACT_ROWS = 25
DETAIL_WIDTH = 60


@dataclass
class Row:
    id: str
    kind: str  # section | plan | step | person | due | more | empty
    prompt: Content
    text: str  # plain text
    plan_id: str | None = None
    step: str | None = None
    person: int | None = None
    due: DueItem | None = None
    hint: str = ""

    @property
    def selectable(self) -> bool:
        return self.kind not in ("section", "empty")


def _row(id: str, kind: str, parts: list, **kw) -> Row:
    content = Content.assemble(*parts)
    return Row(id=id, kind=kind, prompt=content, text=content.plain, **kw)


STEP_HINTS = {
    "reflect": "enter: write the reframe",
    "thank_you": "enter: write the reply",
    "feedback": "enter: write the request",
    "stay_in_touch": "enter: next person",
    "move_on": "enter: refill from Wishlist",
    "reopened": "enter: open the application",
}
STEP_KEYS = " · space done · s skip · z snooze · u undo"


def person_line(view: PlanView, step: StepView, i: int) -> tuple[list, str]:
    p = step.people[i]
    name = clip(p.name, 32)
    if step.key == "thank_you":
        if not p.contact_id:
            return [f"      + {name}", (" — not a contact yet: enter adds them, then the reply", "dim")], \
                "enter: add as a contact"
        if p.replied_on:
            return [f"      ✓ {name}", (f" — reply sent {p.replied_on[5:] if p.replied_on else ''}", "dim")], \
                "enter: open the contact"
        if p.reply_draft_id:
            return [f"      ○ {name}", (" — draft waiting: enter opens it", "dim")], "enter: open the draft"
        return [f"      ○ {name}", (" — enter writes the reply", "dim")], "enter: write the reply"
    # stay in touch
    if not p.contact_id:
        return [f"      + {name}", (" — not a contact yet: enter adds (quarterly)", "dim")], \
            "enter: add as a contact"
    if p.note_on:
        return [f"      ✓ {name}", (" — contact, connection note done", "dim")], "enter: open the contact"
    return [f"      ○ {name}", (" — contact · enter writes a LinkedIn connection note", "dim")], \
        "enter: write the connection note"


def plan_rows(view: PlanView, today: date) -> list[Row]:
    rows: list[Row] = []
    pid = view.plan.id
    done, total = view.counts()
    rows.append(_row(
        f"plan:{pid}", "plan",
        [("▸ ", "bold"), (clip(view.title, TITLE_WIDTH), "bold"), (f"  {view.when()} · {done} of {total} done", "dim")],
        plan_id=pid, hint="enter: open the application",
    ))
    for step in view.steps:
        if not step.is_open and step.done_on is not None and step.done_on < today:
            continue  # closed before today: counted in the plan's line, shown on the application
        symbol = SYMBOL.get(step.status, "○")
        if step.status == "snoozed" and not (step.snoozed_until and step.snoozed_until > today):
            symbol = SYMBOL["todo"]
        when = step_when(step, today)
        detail = step.detail or STEP_BLURBS.get(step.key, "")
        style = "dim" if not step.is_open else ""
        late = step.is_open and step.overdue_days(today) > 0
        rows.append(_row(
            f"step:{pid}:{step.key}", "step",
            [f"  {symbol} ", (f"{step.title:<17}", style or "bold"), (f" {when:<17}", "italic" if late else "dim"),
             (f" · {clip(detail, DETAIL_WIDTH)}" if detail else "", "dim")],
            plan_id=pid, step=step.key,
            hint=(STEP_HINTS.get(step.key, "enter: do it") + STEP_KEYS) if step.is_open
            else "u: undo (back to to-do)" if not step.auto else "done from what you did elsewhere",
        ))
        if step.is_open and step.key in ("thank_you", "stay_in_touch"):
            for i in range(len(step.people)):
                if step.key == "thank_you" and not step.people[i].contact_id:
                    continue  # names that aren't contacts yet are added under "stay in touch"
                parts, hint = person_line(view, step, i)
                rows.append(_row(f"person:{pid}:{step.key}:{i}", "person", parts, plan_id=pid, step=step.key,
                                 person=i, hint=hint))
    return rows


def due_row(item: DueItem, today: date) -> Row:
    symbol = DUE_SYMBOL.get(item.kind, "•")
    when = item.when
    return _row(
        f"due:{item.kind}:{item.ref}", "due",
        [f"  {symbol} ", (clip(item.title, TITLE_WIDTH), "bold"), (f"  {when}", "italic" if item.overdue else "dim"),
         (f" · {clip(item.detail, DETAIL_WIDTH)}" if item.detail else "", "dim")],
        due=item,
        hint={"application": "enter: open it on the board", "contact": "enter: open the contact",
              "draft": "enter: open the draft", "lesson": "enter: keep it as a lesson · s: not now"}.get(item.kind, ""),
    )


def section(id: str, title: str, note: str = "") -> Row:
    parts: list = [(title, "bold underline")]
    if note:
        parts.append((f"  {note}", "dim"))
    return _row(f"section:{id}", "section", parts)


def build_rows(summary: Summary, query: str = "") -> list[Row]:
    today = summary.today
    rows: list[Row] = []
    if summary.plans:
        n = len(summary.plans)
        rows.append(section("plans", "Rebound plans", f"{n} in progress" if n != 1 else "1 in progress"))
        for view in summary.plans:
            rows += plan_rows(view, today)
    rows.append(section("due", "Due today and overdue", f"{len(summary.due)}" if summary.due else ""))
    items = summary.due
    if query:
        words = query.casefold().split()

        def keep(r: Row) -> bool:
            return r.kind == "section" or all(w in r.text.casefold() for w in words)

        rows = [r for r in rows if keep(r)]
        due_rows = [r for r in (due_row(item, today) for item in items) if keep(r)]
        items = [r.due for r in due_rows if r.due is not None]
    else:
        due_rows = None  # built below for the rows shown only
    # Today is not the board or the contacts list: the most pressing few of each, then one row
    # that opens the screen that has them all
    limits = {"application": APPLICATION_ROWS, "contact": CONTACT_ROWS}
    where = {"application": "the Board", "contact": "Contacts"}
    noun = {"application": "next steps", "contact": "contacts"}
    totals: dict[str, int] = {}
    for item in items:
        totals[item.kind] = totals.get(item.kind, 0) + 1
    by_ref = {(r.due.kind, r.due.ref): r for r in due_rows if r.due is not None} if due_rows is not None else {}
    seen: dict[str, int] = {}
    out: list[Row] = []
    for item in items:
        n = seen[item.kind] = seen.get(item.kind, 0) + 1
        limit = limits.get(item.kind)
        if limit is not None and n > limit:
            continue
        out.append(by_ref.get((item.kind, item.ref)) or due_row(item, today))
        if limit is not None and n == limit and totals[item.kind] > limit:
            hidden = totals[item.kind] - limit
            out.append(_row(f"more:{item.kind}", "more",
                            [(f"  … and {hidden} more {noun[item.kind]} due", "dim"),
                             (f"  (enter opens {where[item.kind]})", "dim")],
                            hint=f"enter: open {where[item.kind]}"))
    rows += out
    if not summary.due:
        rows.append(_row("empty:due", "empty", [("  Nothing is due. A quiet day is allowed.", "dim")]))
    return rows
