"""Your own keys: Settings › Keys holds lines like ``board.reject = R`` (a binding id, then the key
or keys, comma-separated). They are checked here, in plain Python, before the app applies them
with ``App.set_keymap``: an unknown id, a key that isn't one, or a key another action of the same
screen already has is refused with a sentence saying why, and the rest still apply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.shell.keymap import BY_ID, SCOPES, key_problem, normalize

EXAMPLE = "board.reject = R"


@dataclass
class Checked:
    """The entries that can be applied (keys normalized, as Textual names them) and the problems."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def parse(text: str) -> tuple[dict[str, str], list[str]]:
    """The ``id = keys`` lines of ``text`` (``#`` starts a comment), and what is wrong with the others."""
    entries: dict[str, str] = {}
    problems: list[str] = []
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("#") else ""
        if not line:
            continue
        binding_id, sep, keys = line.partition("=")
        if not sep:
            binding_id, sep, keys = line.partition(":")
        if not sep or not binding_id.strip():
            problems.append(f"line {no}: write it as “{EXAMPLE}”")
            continue
        entries[binding_id.strip()] = keys.strip()
    return entries, problems


def check(entries: Mapping[str, object]) -> Checked:
    """Which entries can be applied. Never raises: anything odd (a hand-edited data file) is a problem."""
    out = Checked()
    wanted: dict[str, str] = {}
    for binding_id, value in entries.items():
        if binding_id not in BY_ID:
            out.problems.append(f"“{str(binding_id)[:40]}” is not a binding id (each screen's help, ?, lists them)")
            continue
        if not isinstance(value, str) or not value.strip():
            out.problems.append(f"{binding_id}: say which key (e.g. {EXAMPLE})")
            continue
        keys = [normalize(k) for k in value.split(",") if k.strip()]
        bad = next((p for k in keys if (p := key_problem(k))), "")
        if bad or not keys:
            out.problems.append(f"{binding_id}: {bad or 'say which key'}")
            continue
        wanted[binding_id] = ",".join(dict.fromkeys(keys))
    for binding_id in list(wanted):
        clash = _clash(binding_id, wanted)
        if clash:
            out.problems.append(clash)
            del wanted[binding_id]
    out.keys = wanted
    return out


def _bound(scope: str, keys: Mapping[str, str]) -> dict[str, list[str]]:
    """Each key of ``scope`` (normalized) → the ids bound to it, with ``keys`` applied."""
    out: dict[str, list[str]] = {}
    for key in SCOPES[scope].keys:
        for k in keys.get(key.id, key.keys).split(","):
            out.setdefault(normalize(k), []).append(key.id)
    return out


def _clash(binding_id: str, keys: Mapping[str, str]) -> str:
    """Why ``binding_id``'s new keys can't be had (another action of a screen where it is bound, or
    an app-wide key, already has one); "" when they can. Only the keys it didn't have before count:
    a default that shadows on purpose (``q`` closes a view instead of quitting) is no clash."""
    default = {normalize(k) for k in BY_ID[binding_id].keys.split(",")}
    mine = [k for k in keys[binding_id].split(",") if k not in default]
    app_wide = any(k.id == binding_id for k in SCOPES["app"].keys)
    app_keys = _bound("app", keys)
    for scope in SCOPES.values():
        if not (app_wide or any(k.id == binding_id for k in scope.keys)):
            continue
        taken = [_bound(scope.name, keys)] + ([app_keys] if scope.name != "app" else [])
        for k in mine:
            for other in (other for t in taken for other in t.get(k, ())):
                if other != binding_id and BY_ID[other].action != BY_ID[binding_id].action:
                    return (f"{binding_id} = {keys[binding_id]}: {k} is already “{BY_ID[other].label}” on "
                            f"{scope.title} ({other})")
    return ""


def text_of(entries: Mapping[str, object]) -> str:
    """The Settings text for ``entries`` (one ``id = keys`` per line)."""
    return "\n".join(f"{binding_id} = {value}" for binding_id, value in entries.items())
