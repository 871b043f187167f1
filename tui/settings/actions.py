"""Settings in plain Python (no Textual): what each field accepts, checking what the form holds,
and saving every change at once (one atomic write through ``write``, the app's
:meth:`ReboundApp.write`). The theme names come in as a parameter: ``themes`` builds Textual themes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store.intention import CHOICES
from store.intention import clean as clean_plan
from store.models import CADENCES
from tui.shell import userkeys

if TYPE_CHECKING:
    from store.db import Store

#: ``app.write``: runs a store change, True when it took effect (False: refused, already said why).
Write = Callable[..., bool]

TIERS = ("free", "premium")
MAX_NAME = 100
MAX_SIGNATURE = 1000
#: Settings › Support: one line each for the support line and the person, a few lines of what helps.
SUPPORT_LINES = ("support_line", "support_person")
MAX_SUPPORT = 200
MAX_HELPS = 1000
MAX_HELPS_LINES = 12


#: "If I get a no, then I…": the offered plans, and the choice that takes the person's own words.
OWN_WORDS = "own"
IF_NO_CHOICES = [(text, text) for text in CHOICES] + [("…in my own words (below)", OWN_WORDS)]


@dataclass(frozen=True)
class IntField:
    key: str
    label: str
    lo: int
    hi: int
    help: str


INT_FIELDS = [
    IntField("pipeline_floor", "Pipeline floor", 0, 500,
             "live applications (Applied…Offer) to keep in play; below it, Today suggests one application "
             "this week"),
    IntField("weekly_goal", "Weekly goal", 0, 200, "applications you would like to make in a week (Monday to Sunday)"),
    IntField("quiet_days", "Quiet after (days)", 1, 365, "days without news before a card counts as quiet"),
    IntField("cooloff_hours", "Cool-off (hours)", 0, 168,
             "after a rejection, outreach to that company waits this long (0 = no cool-off)"),
]
INT_FIELDS_BY_KEY = {f.key: f for f in INT_FIELDS}


def name_example(my_name: str) -> str:
    """What the "Prompts" choice does, said with the person's own first name (never a sample one)."""
    first = (my_name or "").split()
    if not first:
        return "with your name (type it above), prompts ask what you would tell a friend, by name"
    return f"with your name, prompts ask “what would {first[0][:40]} tell a friend?”"


def validate_int(text: str, field: IntField) -> tuple[int | None, str]:
    """(value, "") or (None, message saying what is accepted)."""
    raw = (text or "").strip()
    if not raw:
        return None, f"Required: a whole number from {field.lo} to {field.hi}."
    try:
        value = int(raw)
    except ValueError:
        return None, f"{raw[:20]!r} is not a whole number; use {field.lo} to {field.hi}."
    if not field.lo <= value <= field.hi:
        return None, f"Use a number from {field.lo} to {field.hi}."
    return value, ""


@dataclass
class Checked:
    """What the form holds, cleaned (numbers as numbers, the name's spaces tidied), and what is wrong
    with it by field."""

    clean: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def check(raw: Mapping[str, Any], themes: Sequence[str]) -> Checked:
    """Check the form's values (numbers still as typed) field by field; ``themes``: the theme names."""
    out = Checked()
    name = " ".join(str(raw["my_name"]).split())
    if len(name) > MAX_NAME:
        out.errors["my_name"] = f"Keep it under {MAX_NAME} characters."
    out.clean["my_name"] = name
    sig = str(raw["signature"]).rstrip()
    if len(sig) > MAX_SIGNATURE:
        out.errors["signature"] = f"Keep the signature under {MAX_SIGNATURE} characters (it has {len(sig)})."
    out.clean["signature"] = sig
    for key, allowed in (("linkedin_tier", TIERS), ("default_cadence", tuple(CADENCES)),
                         ("theme", tuple(themes))):
        if raw[key] not in allowed:
            out.errors[key] = f"Pick one of: {', '.join(allowed)}."
        out.clean[key] = raw[key]
    for f in INT_FIELDS:
        value, err = validate_int(raw[f.key], f)
        if err:
            out.errors[f.key] = err
        out.clean[f.key] = value
    if raw["use_my_name"] not in (True, False):
        out.errors["use_my_name"] = "Pick one of the two."
    out.clean["use_my_name"] = raw["use_my_name"] is True
    _check_support(raw, out)
    _check_if_no(raw, out)
    _check_keymap(raw, out)
    return out


def _check_if_no(raw: Mapping[str, Any], out: Checked) -> None:
    """The plan for a no (only when the form holds it): a choice, or the own words when that is picked;
    nothing picked clears it. Stored with "asked" set, so Today doesn't ask again."""
    if "if_no_choice" not in raw:
        return
    choice = raw["if_no_choice"]
    if choice == OWN_WORDS:
        text = clean_plan(str(raw.get("if_no_own", "")))
        if not text:
            out.errors["if_no_own"] = "A few words, e.g. call my sister (or pick one above)."
            return
    else:
        text = clean_plan(choice) if isinstance(choice, str) and choice in CHOICES else ""
    out.clean["if_no_plan"] = text


def _check_keymap(raw: Mapping[str, Any], out: Checked) -> None:
    """Settings › Keys: ``id = keys`` lines; each one that can't be used is named, with why."""
    if "keymap" not in raw:
        return
    entries, problems = userkeys.parse(str(raw["keymap"]))
    problems += userkeys.check(entries).problems
    if problems:
        out.errors["keymap"] = "Not used: " + "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
    out.clean["keymap"] = entries


def _check_support(raw: Mapping[str, Any], out: Checked) -> None:
    """Settings › Support (only the fields the form holds): one line each, a few lines of what helps."""
    for key in SUPPORT_LINES:
        if key in raw:
            text = " ".join(str(raw[key]).split())
            if len(text) > MAX_SUPPORT:
                out.errors[key] = f"Keep it under {MAX_SUPPORT} characters (it has {len(text)})."
            out.clean[key] = text
    if "support_helps" in raw:
        lines = [line.rstrip() for line in str(raw["support_helps"]).strip().splitlines()]
        helps = "\n".join(lines)
        if len(helps) > MAX_HELPS:
            out.errors["support_helps"] = f"Keep it under {MAX_HELPS} characters (it has {len(helps)})."
        elif len(lines) > MAX_HELPS_LINES:
            out.errors["support_helps"] = f"A few lines are enough: {MAX_HELPS_LINES} at most (it has {len(lines)})."
        out.clean["support_helps"] = helps


class SettingsActions:
    """Saving the settings."""

    def __init__(self, store: Store, write: Write) -> None:
        self.store = store
        self.write = write

    def changes(self, clean: Mapping[str, Any]) -> dict[str, Any]:
        """The values that differ from the saved settings (a plan for a no, changed, counts as asked)."""
        current = self.store.settings.current()
        out = {k: v for k, v in clean.items() if getattr(current, k) != v}
        if "if_no_plan" in out:
            out["if_no_asked"] = True
        return out

    def save(self, changes: Mapping[str, Any]) -> bool:
        """Every change in one write. True when it took effect."""
        return self.write(self.store.settings.update, **changes)

    def keep_on_hangup(self, checked: Checked) -> None:
        """The session is ending: keep the valid changes (invalid ones can't be saved), straight to the
        store."""
        if self.store.read_only:
            return
        changes = {k: v for k, v in self.changes(checked.clean).items() if k not in checked.errors}
        if changes:
            self.store.settings.update(**changes)
