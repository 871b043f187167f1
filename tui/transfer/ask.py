"""The questions moving in asks, each a :class:`~tui.dialogs.ChoiceDialog` or a
:class:`~tui.dialogs.TextPromptDialog` answering with a typed value (never a string verb):

* :func:`choose` — one of several values of any type;
* :func:`ask_stages` — one question per stage name Rebound doesn't know;
* :func:`change_column` — which column of a spreadsheet feeds a field;
* :func:`ask_span` — the days of a work-search log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from textual.app import App

from store import clock
from store.dates import ACCEPTED, DateError, parse_user_date
from store.importing import columns as C
from store.importing import stages as S
from store.importing.applications import SheetImport
from tui.dialogs import ChoiceDialog, TextPromptDialog
from tui.transfer.actions import Span, range_choices

T = TypeVar("T")
NONE = "-"


def choose(app: App[Any], title: str, options: Sequence[tuple[T, str]], then: Callable[[T], object], *,
           message: str = "", selected: int | None = None, cancelled: Callable[[], object] | None = None) -> None:
    """Pick one of ``options``; ``then(value)`` runs unless the person cancels (then ``cancelled()``).
    ``selected``: the position the cursor starts on."""
    options = list(options)

    def chosen(key: str | None) -> None:
        if key is not None and key.isdigit() and int(key) < len(options):
            then(options[int(key)][0])
        elif cancelled is not None:
            cancelled()

    pairs = [(str(i), label) for i, (_v, label) in enumerate(options)]
    app.push_screen(ChoiceDialog(title, pairs, message=message,
                                 selected=str(selected) if selected is not None else None), chosen)


def stage_options() -> list[tuple[S.Choice, str]]:
    return [(choice, label) for label, choice in S.choice_menu()]


def ask_stages(app: App[Any], names: Sequence[tuple[str, int]], current: dict[str, S.Choice],
               then: Callable[[dict[str, S.Choice]], object]) -> None:
    """One question per stage name; ``then(answers)`` after the last one, or after escape with the
    answers given so far (the rest import as Applied, and the preview says so)."""
    answers = dict(current)
    options = stage_options()
    todo = list(names)

    def ask(i: int) -> None:
        if i >= len(todo):
            then(answers)
            return
        name, count = todo[i]
        rows = f"{count} row of the file uses" if count == 1 else f"{count} rows of the file use"
        now = answers.get(name, S.APPLIED)
        start = next((n for n, (choice, _l) in enumerate(options) if choice == now), None)

        def chosen(choice: S.Choice) -> None:
            answers[name] = choice
            ask(i + 1)

        choose(app, f"Stage {name!r}: which is it?", options, chosen, selected=start,
               message=f"{rows} it, and Rebound doesn't know it. Your answer is remembered for "
                       "files like this one. Escape: import the rest as Applied.",
               cancelled=lambda: then(answers))

    ask(0)


def _sample(si: SheetImport, index: int) -> str:
    for value in si.sheet.column(index):
        if value.strip():
            return " ".join(value.split())[:30]
    return ""


def column_options(si: SheetImport) -> list[tuple[str, str]]:
    """(field, "field ← Header — what it is"): the fields read first (in column order), then the rest."""
    headers = si.sheet.headers
    mapped = sorted(si.mapping.columns.items(), key=lambda kv: kv[1])
    out = [(fld, f"{fld} ← {headers[i]}") for fld, i in mapped]
    out += [(fld, f"{fld} ← (none) — {what}") for fld, what in C.FIELDS.items() if fld not in si.mapping.columns]
    return out


def header_options(si: SheetImport) -> list[tuple[str, str]]:
    """(header, "Header — e.g. a value") for each column, after "leave it out"."""
    out = [("", "(none: leave this field out)")]
    for i, h in enumerate(si.sheet.headers):
        if h.strip():
            sample = _sample(si, i)
            out.append((h, f"{h} — e.g. {sample}" if sample else h))
    return out


def change_column(app: App[Any], si: SheetImport, then: Callable[[str, str], object]) -> None:
    """Which field, then which column feeds it: ``then(field, header)`` ("" leaves the field out)."""

    def field_chosen(fld: str) -> None:
        options = header_options(si)
        current = si.mapping.header_of(si.sheet.headers, fld)
        start = next((n for n, (h, _l) in enumerate(options) if h and h == current), 0)
        choose(app, f"Column for {fld} ({C.FIELDS[fld]})", options, lambda header: then(fld, header),
               selected=start, message="Remembered for files with this header when you save.")

    choose(app, "Which field's column?", column_options(si), field_chosen,
           message="Columns are guessed from their names. Pick a field to choose the column it reads.")


def ask_span(app: App[Any], then: Callable[[Span], object], today: date | None = None) -> None:
    """This week (first), last week, the last 7 days, or two dates typed."""
    today = today or clock.today()

    def chosen(span: Span | None) -> None:
        if span is not None:
            then(span)
        else:
            _ask_dates(app, then, today)

    choose(app, "Work-search log: which days?", range_choices(today), chosen, selected=0)


def _ask_dates(app: App[Any], then: Callable[[Span], object], today: date) -> None:
    def check(text: str) -> str | None:
        try:
            parse_user_date(text, today)
        except DateError as exc:
            return str(exc)
        return None

    def got_start(text: str | None) -> None:
        if text is None or check(text):
            return
        start = parse_user_date(text, today)

        def check_end(text: str) -> str | None:
            err = check(text)
            if err is None and parse_user_date(text, today) < start:
                return "The last day comes before the first."
            return err

        def got_end(end_text: str | None) -> None:
            if end_text is not None and not check_end(end_text):
                then(Span(start, parse_user_date(end_text, today)))

        app.push_screen(TextPromptDialog("Work-search log: last day", f"Dates: {ACCEPTED}.",
                                         value=today.isoformat(), validate=check_end), got_end)

    monday = today - timedelta(days=today.weekday())
    app.push_screen(TextPromptDialog("Work-search log: first day", f"Dates: {ACCEPTED}.", value=monday.isoformat(),
                                     validate=check), got_start)
