"""The key map: one table (:mod:`tui.shell.keymap_main`, :mod:`tui.shell.keymap_views`) that every
screen's ``BINDINGS``, its command-palette entries and its help rows are made from, and the user's
own keymap (Settings › Keys: ``binding id = keys``), checked before the app applies it with
``App.set_keymap``.

No Textual at import: Settings' plain-Python checks use it too.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.shell.keymap_main import MAIN_SCOPES
from tui.shell.keymap_views import VIEW_SCOPES
from tui.shell.keyspec import MEANINGS, Key, Scope

if TYPE_CHECKING:
    from textual.binding import BindingType

SCOPES: dict[str, Scope] = {s.name: s for s in (*MAIN_SCOPES, *VIEW_SCOPES)}
#: Every key by its binding id (an id shared by several screens is one key: the same action).
BY_ID: dict[str, Key] = {}
for _scope in SCOPES.values():
    for _key in _scope.keys:
        BY_ID.setdefault(_key.id, _key)

#: Keys a user keymap may not take: Textual's own (the palette, copy/quit).
RESERVED = frozenset({"ctrl+p", "ctrl+c", "ctrl+q"})
_MODIFIERS = frozenset({"ctrl", "alt", "shift", "meta", "super", "hyper"})
_REPLACED = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at",
             "hyphen_minus": "minus", "plus_sign": "plus", "low_line": "underscore"}
#: Punctuation by Textual's key name ("question_mark" → "?").
_CHAR_OF = {_REPLACED.get(n, n): c for c in string.punctuation
            if (n := unicodedata.name(c).lower().replace("-", "_").replace(" ", "_"))}
_NAMED = frozenset({"escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end", "pageup",
                    "pagedown", "up", "down", "left", "right", *(f"f{n}" for n in range(1, 25))})
_SHOWN = {"left": "←", "right": "→", "up": "↑", "down": "↓", "pageup": "PgUp", "pagedown": "PgDn"}


# --------------------------------------------------------------------------- keys as text


def normalize(key: str) -> str:
    """A key as Textual names it: ``?`` → ``question_mark``, ``Ctrl+S`` → ``ctrl+s`` (letters keep their case)."""
    key = key.strip()
    if len(key) == 1:
        if key.isalnum():
            return key
        name = unicodedata.name(key, key).lower().replace("-", "_").replace(" ", "_")
        return _REPLACED.get(name, name)
    *mods, base = key.split("+")
    base = base if len(base) == 1 else base.lower()
    return "+".join([m.lower() for m in mods] + [normalize(base) if len(base) == 1 else base])


def key_problem(key: str) -> str:
    """Why ``key`` (one key, normalized) is not a key Rebound can bind; "" when it is."""
    if not key:
        return "an empty key"
    *mods, base = key.split("+")
    if any(m not in _MODIFIERS for m in mods):
        return f"“{key}”: modifiers are ctrl, alt, shift"
    if not (len(base) == 1 and base.isprintable() and not base.isspace()) and base not in _NAMED \
            and base not in _CHAR_OF:
        return f"“{key}” is not a key name (try a letter, ctrl+x, f5, pagedown, …)"
    if key in RESERVED:
        return f"{key} is kept for Textual (the palette, copy, quit)"
    return ""


def label(keys: str, key_display: str | None = None) -> str:
    """How a key string is shown: ``question_mark`` → ``?``, ``shift+left`` → ``shift+←``."""
    if key_display:
        return key_display

    def one(key: str) -> str:
        *mods, base = key.strip().split("+")
        return "+".join([*mods, _SHOWN.get(base, _CHAR_OF.get(base, base))])

    return ", ".join(one(k) for k in keys.split(",") if k.strip())


def effective(key: Key, user: Mapping[str, str]) -> str:
    """The key string in force: the user's, else the default."""
    return user.get(key.id, key.keys)


def shown(key: Key, user: Mapping[str, str]) -> str:
    """The label of ``key`` as it is bound now (the default's display, unless remapped)."""
    return label(user[key.id]) if key.id in user else label(key.keys, key.key_display)


# --------------------------------------------------------------------------- keys in words

#: The user's keys in force, as the app last applied them (``ReboundApp.apply_user_keymap``), so
#: that toasts and hints naming a key (:func:`key_of`) follow a remap.
_IN_FORCE: dict[str, str] = {}


def use(user: Mapping[str, str]) -> None:
    """Record the user's keys in force (the app calls it each time it applies them)."""
    _IN_FORCE.clear()
    _IN_FORCE.update(user)


def key_of(binding_id: str) -> str:
    """How the key of ``binding_id`` is pressed now ("u", or the user's own), for a toast or a hint."""
    return shown(BY_ID[binding_id], _IN_FORCE)


def undo_offer() -> str:
    """What the toast of a one-key change adds: the undo key as it is bound now."""
    return f"{key_of('app.undo')} puts it back."


def nothing_to_undo() -> str:
    """What ``u`` says when nothing was recorded: which changes it puts back, by their keys now."""
    keys = ", ".join(key_of(i) for i in ("board.reject", "board.ghost", "board.close"))
    move = f"{key_of('board.move_back')}/{key_of('board.move_forward')}"
    return (f"Nothing to undo: {key_of('app.undo')} puts back the last one-key change ({keys}, {move}, "
            f"{key_of('board.delete')}, {key_of('outreach.mark_sent')}, an import).")


# --------------------------------------------------------------------------- what the screens use


def bindings(scope: str) -> list[BindingType]:
    """The ``BINDINGS`` of ``scope``, in footer order."""
    from textual.binding import Binding

    groups: dict[str, Binding.Group] = {}
    out: list[BindingType] = []
    for key in SCOPES[scope].keys:
        group = groups.setdefault(key.group, Binding.Group(key.group)) if key.group else None
        out.append(Binding(key.keys, key.action, key.label, show=key.show, key_display=key.key_display,
                           priority=key.priority, id=key.id, group=group))
    return out


@dataclass(frozen=True)
class Entry:
    """One palette entry made from a key: ``action`` runs on the screen, as the key does."""

    title: str
    help: str
    action: str


def palette(scope: str, user: Mapping[str, str], subject: str | None = None) -> list[Entry]:
    """The palette entries of ``scope``'s keys. A title naming ``{subject}`` (a contact's name) is
    left out when the screen is on nothing. The help ends with the key as it is bound now."""
    out = []
    for key in SCOPES[scope].keys:
        if not key.palette or ("{subject}" in key.palette and subject is None):
            continue
        title = key.palette.replace("{subject}", subject or "")
        out.append(Entry(title, f"{key.about} ({shown(key, user)})" if key.about else shown(key, user), key.action))
    return out


def help_rows(scope: str, user: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(key, what it does, binding id) for each key of ``scope``; a key bound twice is listed once."""
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for key in SCOPES[scope].keys:
        if key.id in seen or not key.label:
            continue
        seen.add(key.id)
        rows.append((shown(key, user), key.label, key.id))
    return rows


def global_rows(user: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """The "everywhere" rows: the app's keys (1 … 5 in one row while they are the defaults), and
    the keys every screen shares."""
    go = [k for k in SCOPES["app"].keys if k.meaning == "go"]
    rows: list[tuple[str, str, str]] = []
    if all(k.id not in user for k in go):
        rows.append((f"{go[0].keys} … {go[-1].keys}", " · ".join(k.label for k in go), "go.<screen>"))
    else:
        rows += [(shown(k, user), f"go to {k.label}", k.id) for k in go]
    rows += [r for r in help_rows("app", user) if not r[2].startswith("go.") and r[2] != "app.help_f1"]
    rows += [("ctrl+p", "command palette: every action, searchable", ""),
             ("/", "filter or search the current list", ""),
             ("escape", "close a dialog, cancel a form, clear a filter", "")]
    return rows


# --------------------------------------------------------------------------- one letter, one meaning

#: Widgets keep their own BINDINGS (``widgets/`` can't import ``tui/``); the key map reads them.
_WIDGETS = (("widgets.kanban", "Kanban", "Board columns"), ("widgets.contacts_table", "ContactsTable", "Lists"),
            ("widgets.journal_list", "EntryList", "Lists"), ("widgets.journal_ratings", "RatedList", "Journal forms"),
            ("widgets.journal_scale", "ScalePicker", "Journal forms"),
            ("widgets.journal_items", "ItemOptions", "Journal forms"),
            ("widgets.journal_checklist", "CheckList", "Journal forms"),
            ("widgets.slot_text", "SlotTextArea", "Outreach › composer"),
            ("widgets.slot_text", "SlotInput", "Outreach › composer"))
#: A widget action's meaning, where its name doesn't say it.
_WIDGET_VERBS = {"cursor_down": "down", "cursor_up": "up", "card(1)": "down", "card(-1)": "up", "cursor(1)": "down",
                 "cursor(-1)": "up", "column(-1)": "left", "column(1)": "right", "step(1)": "right",
                 "step(-1)": "left", "select": "open", "nudge(10)": "more", "nudge(-10)": "less",
                 "jump(True)": "next_field", "jump(False)": "previous_field"}


def widget_scopes() -> list[Scope]:
    """The widgets' own keys, as scopes of the key map (read from their classes)."""
    import importlib

    from textual.binding import Binding

    out = []
    for module, name, title in _WIDGETS:
        cls = vars(importlib.import_module(module))[name]
        keys = tuple(Key(b.id or f"{module}.{b.action}", b.key, b.action, b.description,
                         _WIDGET_VERBS.get(b.action, ""), show=b.show)
                     for b in cls.BINDINGS if isinstance(b, Binding))
        out.append(Scope(f"{module}.{name}", title, keys))
    return out



def letters(scopes: Iterable[Scope] | None = None) -> dict[str, dict[str, list[str]]]:
    """For each single-character key: its meanings, each with the titles of the screens where it
    has it."""
    out: dict[str, dict[str, list[str]]] = {}
    for scope in scopes if scopes is not None else [*SCOPES.values(), *widget_scopes()]:
        for key in scope.keys:
            for k in key.keys.split(","):
                char = _CHAR_OF.get(k.strip(), k.strip())
                if len(char) == 1:
                    where = out.setdefault(char, {}).setdefault(key.meaning, [])
                    if scope.title not in where:
                        where.append(scope.title)
    return out


def _order(char: str) -> tuple[int, str]:
    return (0 if char.isdigit() else 1 if char.islower() else 2 if char.isupper() else 3, char.lower() + char)


def markdown_table() -> str:
    """The README's key map: every single-character key, what it means, and where (the digits that
    go to the five screens in one row)."""
    lines = ["| key | means | where |", "|---|---|---|"]
    rows = [(char, verb, where) for char, meanings in sorted(letters().items(), key=lambda item: _order(item[0]))
            for verb, where in meanings.items()]
    digits = [char for char, verb, _ in rows if verb == "go"]
    if digits:
        lines.append(f"| `{digits[0]}`–`{digits[-1]}` | {MEANINGS['go']} (Today, Board, Journal, Contacts, "
                     "Outreach) | Everywhere |")
    for char, verb, where in rows:
        if verb != "go":
            places = ", ".join(where) if len(where) <= 8 else "every list and view"
            lines.append(f"| `{char}` | {MEANINGS.get(verb, verb)} | {places} |")
    return "\n".join(lines)


def shared_rows() -> list[tuple[str, str, str]]:
    """The letters that mean the same on several screens (the help's "same key, same meaning")."""
    rows = []
    mains = {s.title for s in MAIN_SCOPES}
    everywhere = {"/", *(label(k.keys) for k in SCOPES["app"].keys)}
    for char, meanings in sorted(letters().items(), key=lambda item: _order(item[0])):
        for verb, where in meanings.items():
            if len(mains.intersection(where)) > 1 and verb not in ("down", "up") and char not in everywhere:
                rows.append((char, MEANINGS.get(verb, verb), ""))
    return rows
