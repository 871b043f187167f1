"""The warm-up's import lists (tui/shell/warm_imports.py) and the step that walks them (warm.importer)."""

from __future__ import annotations

import sys

from tui.shell import warm, warm_imports

OURS = ("store", "tui", "widgets")


def test_every_module_of_ours_a_screen_needs_is_listed_leaves_first():
    found = warm_imports.measure()
    assert list(found) == list(warm_imports.TARGETS)
    for target, names in found.items():
        ours = [n for n in names if n.split(".")[0] in OURS]
        listed = [n for n in warm_imports.ORDER.get(target, ()) if n.split(".")[0] in OURS]
        assert ours == listed, (f"the warm-up's import list for {target} is out of date: run "
                                "`python -m tui.shell.warm_imports`")
        assert names[-1] == target  # the target last: everything it needs is in by then


def test_the_step_imports_what_is_listed_a_budget_at_a_time(tmp_path, monkeypatch):
    pkg = tmp_path / "warmpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "leaf.py").write_text("VALUE = 1\n")
    (pkg / "mid.py").write_text("from warmpkg.leaf import VALUE\nMID = VALUE + 1\n")
    (pkg / "top.py").write_text("from warmpkg.mid import MID\nTOP = MID + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("warmpkg", "warmpkg.leaf", "warmpkg.mid", "warmpkg.top"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(warm, "STEP_BUDGET_S", -1.0)  # one module per step
    step = warm.importer(["warmpkg", "warmpkg.leaf", "warmpkg.mid", "warmpkg.top"])
    assert step() is warm.MORE and "warmpkg" in sys.modules and "warmpkg.leaf" not in sys.modules
    assert step() is warm.MORE and "warmpkg.leaf" in sys.modules and "warmpkg.mid" not in sys.modules
    assert step() is warm.MORE and "warmpkg.mid" in sys.modules and "warmpkg.top" not in sys.modules
    assert step() is None and sys.modules["warmpkg.top"].TOP == 3


def test_modules_imported_already_cost_no_step(monkeypatch):
    monkeypatch.setattr(warm, "STEP_BUDGET_S", -1.0)
    step = warm.importer(["json", "os", "sys"])
    assert step() is None


def test_a_module_that_is_gone_is_skipped_and_the_rest_still_imported(tmp_path, monkeypatch):
    (tmp_path / "warm_present.py").write_text("HERE = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "warm_present", raising=False)
    step = warm.importer(["warm_gone_long_ago", "warm_present"])
    while step() is warm.MORE:
        pass
    assert sys.modules["warm_present"].HERE


def test_the_lists_name_only_modules_that_exist():
    import importlib.util

    for names in warm_imports.ORDER.values():
        for name in names:
            assert name in sys.modules or importlib.util.find_spec(name) is not None, name
