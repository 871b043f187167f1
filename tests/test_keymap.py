"""The key map (issue 12): one letter, one meaning across screens; a destructive verb never on a letter
that is harmless elsewhere; every screen's BINDINGS, palette entries and help rows made from the one table;
the README shows it; the user's own keys are checked before they apply. No app is started here (the
Pilot side is tests/pilot/test_keymap.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding

import tui
from tui.shell import keymap, userkeys
from tui.shell.keyspec import DESTRUCTIVE, MEANINGS

ROOT = Path(__file__).resolve().parents[1]

#: Letters with a second meaning, each with why it is not a trap.
EXCEPTIONS = {
    "h": "moves left between the board's columns (and along a journal scale: vim motions inside a widget); "
         "Contacts is one list with no columns, so h there is a contact's history of touchpoints",
    "l": "moves right between the board's columns (and along a journal scale); Contacts has no columns, so l "
         "logs a touchpoint there, as the product spec says",
    "n": "new everywhere; inside a yes/no question it is the answer no, the safe one (the question is modal)",
    "y": "copies a message in Outreach; inside a yes/no question it is the answer yes (the question is modal "
         "and opens on its safe answer)",
    "r": "a guided reframe in the Journal; inside the modal \"data file changed\" question, reload",
    "x": "closes a card with an outcome on the board (it asks which); inside a journal form's own list it "
         "removes the item from the form (nothing is saved until the form is)",
}
#: Classes that keep their own BINDINGS, and why.
OWN_BINDINGS: dict[str, str] = {}


def _classes_with_bindings() -> dict[str, type]:
    out = {}
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.startswith("tui.cli"):
            continue
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if inspect.isclass(cls) and cls.__module__ == info.name and "BINDINGS" in cls.__dict__:
                out[f"{info.name}.{name}"] = cls
    return out


def test_each_letter_means_one_thing_across_screens() -> None:
    letters = keymap.letters()
    assert {"n", "e", "d", "z", "f", "/", ",", "?", "R", "G"} <= set(letters)  # the table reads every screen
    mixed = {char: sorted(meanings) for char, meanings in letters.items() if len(meanings) > 1}
    unexplained = {char: m for char, m in mixed.items() if char not in EXCEPTIONS}
    assert not unexplained, f"a letter with two meanings and no reason: {unexplained}"
    stale = set(EXCEPTIONS) - set(mixed)
    assert not stale, f"exceptions that no longer apply (remove them): {stale}"
    for char, meanings in letters.items():
        for verb in meanings:
            assert verb in MEANINGS, f"{char}: say what {verb!r} means (keyspec.MEANINGS)"


def test_a_destructive_letter_means_nothing_else_anywhere() -> None:
    for char, meanings in keymap.letters().items():
        if set(meanings) & DESTRUCTIVE:
            assert len(meanings) == 1, f"{char} closes or deletes and also means {sorted(meanings)}"
            assert char not in EXCEPTIONS


def test_the_letters_the_issue_named_keep_one_meaning() -> None:
    """s, f, p, r, g, u and L meant two or three things each (skip/sweep/save, reject/reframe…)."""
    letters = keymap.letters()
    assert list(letters["s"]) == ["skip"] and list(letters["f"]) == ["follow_up"]
    assert list(letters["p"]) == ["pause"] and list(letters["g"]) == ["goto"]
    assert list(letters["u"]) == ["undo"] and list(letters["L"]) == ["move_on"]
    assert list(letters["R"]) == ["reject"] and "reject" not in letters["r"]
    assert list(letters["/"]) == ["filter"] and set(letters["/"]["filter"]) >= {
        "Today", "Board", "Journal", "Contacts", "Outreach"}
    assert list(letters[","]) == ["settings"] and "Everywhere" in letters[","]["settings"]


def test_every_screen_takes_its_bindings_from_the_key_map() -> None:
    classes = _classes_with_bindings()
    assert len(classes) > 30
    for name, cls in classes.items():
        if name in OWN_BINDINGS:
            continue
        scope = cls.__dict__.get("KEYMAP")
        assert scope in keymap.SCOPES, f"{name}: BINDINGS = keymap.bindings(KEYMAP), with its scope"
        got = [(b.key, b.action, b.description, b.show, b.id) for b in cls.BINDINGS if isinstance(b, Binding)]
        want = [(b.key, b.action, b.description, b.show, b.id) for b in keymap.bindings(scope)
                if isinstance(b, Binding)]
        assert got == want, name
    used = {cls.__dict__["KEYMAP"] for cls in classes.values() if "KEYMAP" in cls.__dict__}
    assert used == set(keymap.SCOPES), f"scopes no screen uses: {set(keymap.SCOPES) - used}"


def test_ids_are_stable_and_one_id_is_one_key() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for scope in keymap.SCOPES.values():
        for key in scope.keys:
            assert key.id and "." in key.id, key
            mine = (key.keys, key.action.removeprefix("app."))
            assert seen.setdefault(key.id, mine) == mine, f"{key.id} means two things"
    for old in ("board.reject", "board.sweep", "board.health", "journal.filter", "journal.lessons",
                "contacts.compose", "contacts.due_now", "outreach.put_off", "outreach.handoff", "sweep.ghosted"):
        assert old in keymap.BY_ID, f"{old}: keep binding ids (people remap by id)"
    for scope in keymap.widget_scopes():
        for key in scope.keys:
            assert not key.id.startswith("widgets."), f"{scope.name}: give {key.action} an id"


def test_palette_and_help_rows_are_the_key_maps() -> None:
    for scope in ("today", "board", "journal", "contacts", "outreach"):
        keys = keymap.SCOPES[scope].keys
        titles = [e.title for e in keymap.palette(scope, {}, subject="Ana")]
        assert titles == [k.palette.replace("{subject}", "Ana") for k in keys if k.palette]
        assert [row[2] for row in keymap.help_rows(scope, {})] == list(dict.fromkeys(k.id for k in keys))
    reject = next(e for e in keymap.palette("board", {}) if e.title == "Board: mark rejected")
    assert reject.action == "reject" and reject.help.endswith("(R)")
    assert next(e for e in keymap.palette("board", {"board.reject": "ctrl+r"})
                if e.title == "Board: mark rejected").help.endswith("(ctrl+r)")
    assert not [e for e in keymap.palette("contacts", {}) if "{" in e.title]  # no contact: none named


def test_the_readme_shows_the_key_map() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert keymap.markdown_table() in readme, "README's key map is stale: paste keymap.markdown_table()"


@pytest.mark.parametrize(("entries", "problem"), [
    ({"board.nope": "x"}, "is not a binding id"),
    ({"board.reject": ""}, "say which key"),
    ({"board.reject": "ctrl+nope"}, "is not a key name"),
    ({"board.reject": "hyper+meta+spam+x"}, "modifiers are"),
    ({"board.reject": "ctrl+p"}, "kept for Textual"),
    ({"board.new": "e"}, "is already “Edit” on Board (board.edit)"),
    ({"board.new": "1"}, "is already “Today”"),
    ({"go.today": "n"}, "is already “Add as a contact” on Today"),  # n: new, here a contact from a name
    ({"board.reject": 3}, "say which key"),
])
def test_a_user_keymap_entry_that_cannot_be_used_says_why(entries, problem) -> None:
    checked = userkeys.check(entries)
    assert checked.keys == {} and len(checked.problems) == 1
    assert problem in checked.problems[0]


def test_a_user_keymap_applies_what_it_can() -> None:
    checked = userkeys.check({"board.reject": "ctrl+r", "board.new": "a, ?", "board.sweep": "w",
                              "board.goto": "nope+x"})
    assert checked.keys == {"board.reject": "ctrl+r", "board.sweep": "w"}
    assert [p.split(":")[0] for p in checked.problems] == ["board.goto", "board.new = a,question_mark"]
    swapped = userkeys.check({"board.new": "e", "board.edit": "n"})  # a swap clashes with nothing
    assert swapped.keys == {"board.new": "e", "board.edit": "n"} and not swapped.problems
    entries, problems = userkeys.parse("# mine\nboard.sweep = w\n\nnonsense\napp.quit: ctrl+x  # a comment\n")
    assert entries == {"board.sweep": "w", "app.quit": "ctrl+x"}
    assert problems == ["line 4: write it as “board.reject = R”"]
    assert userkeys.parse(userkeys.text_of(entries))[0] == entries


def test_u_undoes_everywhere_and_today_adds_a_contact_with_n() -> None:
    """After the undo and Today's plan keys joined the map: u is one key (one id, so a remap moves
    Today's too), a only opens what is linked, and Today's "add as a contact" is new, on n."""
    letters = keymap.letters()
    assert {"Everywhere", "Today"} <= set(letters["u"]["undo"])
    assert [k.id for k in keymap.SCOPES["today"].keys if k.keys == "u"] == ["app.undo"]
    assert list(letters["a"]) == ["linked"] and "Today" not in letters["a"]["linked"]
    assert "Today" in letters["n"]["new"] and keymap.BY_ID["today.add_contact"].keys == "n"
    assert keymap.undo_offer() == "u puts it back."
    assert {"board.view", "welcome.skip", "privacy.save", "unlock.quit", "outreach.editor.external"} <= set(
        keymap.BY_ID)
