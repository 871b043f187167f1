"""The small menus of the contacts screen, answering with typed values instead of string verbs.

:func:`choose` shows a :class:`~tui.dialogs.ChoiceDialog` over ``(value, label)`` pairs whose values
are anything (an :class:`Until`, an :class:`Ask`, a role…) and hands the picked value back as it is;
the dialog only ever sees the options' positions. :func:`ask_date` asks for a day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, auto
from typing import Any, TypeVar

from textual.app import App

from store import clock
from store import contacts as C
from store.contacts import ContactRow
from store.dates import ACCEPTED, DateError, parse_user_date, short_date
from store.models import CONTACT_ROLES, Application, Settings
from tui.contacts.rows import Filters
from tui.dialogs import ChoiceDialog, TextPromptDialog

T = TypeVar("T")

PAUSE_PRESETS = [("+2w", "2 weeks"), ("+1m", "1 month"), ("+3m", "3 months")]


class Ask(Enum):
    """A choice that leads to another question."""

    A_DATE = auto()  #: "Until a date…"
    LINK = auto()  #: "Link an application…"


@dataclass(frozen=True)
class Until:
    """Snooze or pause until ``day``; None ends a snooze now, or pauses until resumed by hand."""

    day: date | None


@dataclass(frozen=True)
class SetStatus:
    status: str


@dataclass(frozen=True)
class OpenApplication:
    application_id: str


@dataclass(frozen=True)
class UnlinkApplication:
    application_id: str


class FilterChoice(Enum):
    DUE_NOW = auto()
    ROLE = auto()
    TAG = auto()
    INACTIVE = auto()
    CLEAR = auto()


def choose(app: App[Any], title: str, options: Sequence[tuple[T, str]], then: Callable[[T], object], *,
           message: str = "", selected: object = None) -> None:
    """Pick one of ``options``; ``then(value)`` runs unless the user cancels. ``selected``: the value
    the cursor starts on (when given and absent, no option is highlighted)."""
    options = list(options)
    keys = [str(i) for i in range(len(options))]
    start = None
    if selected is not None:
        start = next((k for k, (value, _label) in zip(keys, options, strict=True) if value == selected), "-")

    def chosen(key: str | None) -> None:
        if key is not None and key.isdigit() and int(key) < len(options):
            then(options[int(key)][0])

    dialog = ChoiceDialog(title, [(k, label) for k, (_v, label) in zip(keys, options, strict=True)],
                          message=message, selected=start)
    app.push_screen(dialog, chosen)


def ask_date(app: App[Any], title: str, then: Callable[[date], object], *, future: bool = False,
             after: date | None = None) -> None:
    """Ask for a day (anything :func:`~store.dates.parse_user_date` reads; after today when ``future``,
    after ``after`` when given)."""
    today = clock.today()

    def check(text: str) -> str | None:
        try:
            d = parse_user_date(text, today)
        except DateError as exc:
            return str(exc)
        if after is not None and after > today and d <= after:
            return f"Pick a day after {short_date(after, today)}, when the check-in is due."
        if future and d <= today:
            return "Pick a day after today."
        return None

    def done(text: str | None) -> None:
        if text is not None and check(text) is None:
            then(parse_user_date(text, today))

    app.push_screen(TextPromptDialog(title, f"Dates: {ACCEPTED}.", placeholder="+2w", validate=check), done)


def snooze_from(rows: Sequence[ContactRow], today: date) -> date | None:
    """The day a snooze of ``rows`` counts from: today, or the latest day one of them is due when that
    is later (a snooze ending sooner would change nothing). None: none of them has a check-in coming
    (paused, archived, no cadence)."""
    dues = [(r.info.base_due if r.info.snoozed_until else r.info.due) for r in rows if r.info.due is not None]
    found = [d for d in dues if d is not None]
    return max([today, *found]) if found else None


def snooze_options(rows: Sequence[ContactRow], today: date) -> list[tuple[Until | Ask, str]]:
    """The snooze times: from today, or, for people not due yet, from their due day."""
    start = snooze_from(rows, today) or today
    after = " after it's due" if start > today else ""
    options: list[tuple[Until | Ask, str]] = []
    for code, label in C.SNOOZE_PRESETS:
        d = parse_user_date(code, start)
        options.append((Until(d), f"{label}{after}  (until {short_date(d, today)})"))
    options.append((Ask.A_DATE, "Until a date…"))
    if any(r.info.snoozed_until for r in rows):
        options.append((Until(None), "End the snooze now"))
    return options


def pause_options(rows: Sequence[ContactRow], today: date) -> list[tuple[Until | Ask | SetStatus, str]]:
    options: list[tuple[Until | Ask | SetStatus, str]] = []
    for code, label in PAUSE_PRESETS:
        d = parse_user_date(code, today)
        options.append((Until(d), f"{label}  (until {short_date(d, today)})"))
    options += [(Ask.A_DATE, "Until a date…"), (Until(None), "Until I resume it")]
    if any(r.contact.status == "paused" for r in rows):
        options.append((SetStatus("active"), "Resume now (make active)"))
    return options


def filter_options(f: Filters) -> list[tuple[FilterChoice, str]]:
    return [
        (FilterChoice.DUE_NOW, ("✓ " if f.due_now else "") + "A good moment now only  — N"),
        (FilterChoice.ROLE, f"By role…{'  (now: ' + f.role + ')' if f.role else ''}"),
        (FilterChoice.TAG, f"By tag…{'  (now: ' + f.tag + ')' if f.tag else ''}"),
        (FilterChoice.INACTIVE, ("Hide" if f.show_inactive else "Show") + " archived and do-not-contact"),
        (FilterChoice.CLEAR, "Clear all filters and the search"),
    ]


def role_options(present: set[str]) -> list[tuple[str, str]]:
    return [("", "Any role")] + [(r, r) for r in CONTACT_ROLES if r in present]


def application_options(linked: Sequence[Application]
                        ) -> list[tuple[OpenApplication | UnlinkApplication | Ask, str]]:
    options: list[tuple[OpenApplication | UnlinkApplication | Ask, str]] = [
        (OpenApplication(a.id), f"Open {a.title}") for a in linked]
    options.append((Ask.LINK, "Link an application…"))
    options += [(UnlinkApplication(a.id), f"Unlink {a.title}") for a in linked]
    return options


def cadence_options(settings: Settings, role: str = "") -> list[tuple[str, str]]:
    """The cadences to pick from; for a role, "use the global default" first."""
    options = [("", f"Use the global default ({C.cadence_label(settings.default_cadence)})")] if role else []
    return options + [(k, C.cadence_label(k)) for k in C.CADENCE_ORDER]


def role_cadence_options(settings: Settings) -> list[tuple[str, str]]:
    cadences = settings.role_cadences or {}
    return [(r, f"{r}  ({C.cadence_label(cadences[r]) if r in cadences else 'global default'})")
            for r in CONTACT_ROLES]
