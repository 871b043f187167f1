"""The dependency direction of ENGINEERING.md, checked at run time (as harlequin does)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_store_imports_no_textual_or_rich():
    code = (
        "import sys, importlib, pkgutil, store\n"
        "for m in pkgutil.iter_modules(store.__path__):\n"
        "    importlib.import_module('store.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"store/ pulled in UI modules: {out.stdout}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_widgets_never_import_store_or_tui():
    for path in (ROOT / "widgets").rglob("*.py"):
        bad = _imports(path) & {"store", "tui"}
        assert not bad, f"{path.name} imports {bad}: widgets take plain values"


def test_store_never_imports_ui_packages():
    for path in (ROOT / "store").rglob("*.py"):
        bad = _imports(path) & {"textual", "rich", "tui", "widgets", "themes"}
        assert not bad, f"{path.name} imports {bad}"


def test_cli_fast_paths_do_not_import_textual(tmp_path):
    code = (
        "import sys\n"
        "from tui.cli import run\n"
        f"run(['--data-dir', {str(tmp_path)!r}, 'doctor'])\n"
        "print('TEXTUAL' if any(n.startswith('textual') for n in sys.modules) else 'CLEAN')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("CLEAN")
