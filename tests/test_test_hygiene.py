"""The tests keep Textual's private attributes in one place (issue 14).

A test that reads ``app._notifications`` or calls ``textual.keys._character_to_key`` breaks on the
next Textual release in a way nobody sees coming; ``tests/waiting.py`` (and the widget harness) hold
every such access behind a named helper, so an upgrade breaks one file. This test reads every other
test module and fails on any access to a private name: an attribute (``x._y``), a ``getattr`` or
``monkeypatch.setattr`` with a private name, or an import of one.

Rebound's own private names are allowed when they are listed below with the reason a test needs
them (there is no public way to do it), and only on the object they belong to.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: The only test modules that may touch Textual's private attributes.
HELPERS = {TESTS / "waiting.py", TESTS / "harness.py"}

#: Rebound's own private names tests may use: (the object as written, the name) → why.
ALLOWED: dict[tuple[str, str], str] = {
    ("cols", "_remove_by_scan"): "the board columns' slow path, refused to prove a card is found by its sort key",
    ("store.storage", "_batch_depth"):
        "whether a write runs inside store.batch(): the test checks the plan is made in the same write",
    ("s2.storage", "_data"): "the storage's lazy tables: the test proves a table is parsed only when read",
    ("s.storage", "_data"): "the storage's lazy tables: Today's cache must start without parsing them",
    ("storage_mod", "_record_bytes"):
        "one record's bytes, counted: a table kept record by record is cut from its bytes, not serialised",
    ("storage_mod", "_Records"): "one table's bytes record by record: joined, they must be exactly its JSON",
    ("storage_mod", "_Unparsed"): "a table still in its bytes, made directly to parse it in slices",
    ("storage_mod", "_dumps"): "the storage's serializer, replaced to inject a failure half way through a save",
    ("store.applications", "_drop"):
        "the raw delete a hand-edited file can amount to (the public delete also removes the plan)",
    ("board.health_line", "_due"):
        "the health count's callback, run as the idle of an app holding its updates runs it (before the frame)",
    ("app", "_on_hangup"): "ReboundApp's SIGHUP/SIGTERM handler, called as the signal would",
    ("app", "_retry_save"): "ReboundApp's 30-second retry timer, run at once instead of waited for",
    ("widgets.outreach_source", "_byte_offsets"): "a unit test of the editor's UTF-8 offset helper",
    ("tone", "_PREFILTER_FROM"): "the length from which the tone check's prefilter runs: the test builds longer texts",
    ("tone", "_Prefilter"): "the prefilter, switched off to prove it never changes a finding",
    ("editor", "_assessment"): "the composer's latest check: the plan's due day and the composer's cool-off agree",
    ("P", "_step"): "the plan's step factory, to build a plan as the first version of plans stored it",
    ("R", "_render"): "one template render, counted to see the time budget shared by every expression",
    ("tone", "_Rx"): "the tone rule patterns, each compared with its alternations factored (a speed-up)",
    ("tone", "_factor"): "the factoring of alternations, checked on a small pattern",
    ("tone", "_top_level_alternatives"): "a rule pattern split at its top-level bars, checked against the old loop",
    ("loading.TodayData", "_adopt_view"): "Today's first-frame view (made into the widgets at compose), wrapped to "
                                          "see the remembered view shown",
    ("screen", "_summary"): "Today's summary before it is decoded: the test proves the first frame needs none",
    ("screen", "_provisional"): "whether Today shows a remembered view still being recomputed (rows wait for it)",
    ("_today(app)", "_provisional"): "the same flag, read on the app's Today screen",
    ("store.storage", "_records"):
        "the per-record pieces of a big table: the test proves a save re-serialises only those",
    ("store.storage", "_fragments"):
        "the serialised tables the file is written from, compared with a fresh serialisation",
    ("today_cache", "_decode"): "the remembered view's decoder, given a damaged or foreign view to refuse",
    ("form", "_timer_started"):
        "the free-write form's 15-minute timer start, moved back instead of waiting 15 minutes",
    ("ContactsTable", "_row_segments"):
        "the segments of one contacts row, wrapped to count which rows are built again after a redraw",
}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own_names(tree: ast.AST) -> set[str]:
    """Private names the module defines itself (a helper class's ``self._calls``, a ``_seed``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and \
                isinstance(node.value, ast.Name) and node.value.id == "self":
            names.add(node.attr)
    return names


def private_uses(path: Path) -> list[tuple[int, str, str]]:
    """(line, the object as written, the private name) for each private access in ``path`` that the
    module doesn't define itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = _own_names(tree)
    found: list[tuple[int, str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = ast.unparse(node.value)
            if not (owner == "self" or node.attr in own):
                found.append((node.lineno, owner, node.attr))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if _private(alias.name) and alias.name not in own:
                    found.append((node.lineno, node.module or "", alias.name))
        elif isinstance(node, ast.Call) and len(node.args) >= 2:
            func = ast.unparse(node.func)
            name = node.args[1]
            if func.split(".")[-1] in ("getattr", "setattr", "delattr", "hasattr") and \
                    isinstance(name, ast.Constant) and isinstance(name.value, str) and _private(name.value):
                found.append((node.lineno, ast.unparse(node.args[0]), name.value))
    return found


def _ours(path: Path) -> bool:
    """Vendored TinyDB tests use TinyDB's own privates; the benchmark isn't a test (it times processes)."""
    return "tinydb_compat" not in path.parts and not path.name.startswith("bench")


def test_no_private_attribute_outside_the_helpers():
    bad = []
    for path in sorted(TESTS.rglob("*.py")):
        if path in HELPERS or "__snapshots__" in path.parts or not _ours(path):
            continue
        for line, owner, name in private_uses(path):
            if (owner, name) not in ALLOWED:
                bad.append(f"{path.relative_to(TESTS.parent)}:{line}: {owner}.{name}")
    assert not bad, ("private names used outside tests/waiting.py and tests/harness.py (add a named "
                     "helper there, or list Rebound's own with a reason in ALLOWED):\n" + "\n".join(bad))


def test_every_allowance_is_still_needed_and_names_rebound_code():
    used = {(owner, name) for path in TESTS.rglob("*.py") if path not in HELPERS and _ours(path)
            for _line, owner, name in private_uses(path)}
    assert set(ALLOWED) <= used, f"no longer used, remove: {sorted(set(ALLOWED) - used)}"
    ours = "\n".join(p.read_text(encoding="utf-8") for top in ("store", "tui", "widgets")
                     for p in (TESTS.parent / top).rglob("*.py"))
    for _owner, name in ALLOWED:
        forms = (f"class {name}", f"def {name}", f"self.{name} =", f"self.{name}:", f"\n{name} =")
        assert any(form in ours for form in forms), f"{name} is not defined in Rebound's code"


def test_the_check_finds_each_kind_of_access(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from textual.keys import _character_to_key\n"
        "def f(app, monkeypatch):\n"
        "    app._notifications\n"
        "    monkeypatch.setattr(app, '_print_error_renderables', None)\n"
        "    getattr(app, '_driver')\n"
        "    app.__class__\n"
        "class Mine:\n"
        "    def __init__(self):\n"
        "        self._calls = []\n"
        "    def n(self, other):\n"
        "        return len(other._calls)\n",
        encoding="utf-8")
    assert [(owner, name) for _line, owner, name in private_uses(sample)] == [
        ("textual.keys", "_character_to_key"), ("app", "_notifications"),
        ("app", "_print_error_renderables"), ("app", "_driver")]
