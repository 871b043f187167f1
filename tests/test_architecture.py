"""The house rules of ARCHITECTURE.md, checked on the source (fast: no app is started)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400
#: Modules allowed directly in tui/ (the app shell); everything else lives in a feature package.
SHELL_MODULES = {"__init__.py", "__main__.py", "app.py"}
FEATURE_PACKAGES = {"board", "care", "contacts", "journal", "outreach", "today", "settings", "dialogs", "cli",
                    "shell", "transfer", "privacy"}


def _py(*bases: str) -> list[Path]:
    return sorted(p for base in bases for p in (ROOT / base).rglob("*.py"))


def test_tui_modules_live_in_feature_packages() -> None:
    loose = sorted(p.name for p in (ROOT / "tui").glob("*.py") if p.name not in SHELL_MODULES)
    assert not loose, f"modules in tui/ outside a feature package: {loose}"
    packages = {p.name for p in (ROOT / "tui").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert packages <= FEATURE_PACKAGES, f"unexpected folders in tui/: {packages - FEATURE_PACKAGES}"
    for name in packages:
        assert (ROOT / "tui" / name / "__init__.py").exists(), f"tui/{name} is not a package"


def test_no_ui_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _py("tui", "widgets")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


# Verbs passed as strings and resolved by name at run time: the pattern typed actions replaced.
_STRING_VERB = [
    re.compile(r"\bact_on\("),
    re.compile(r"\b_goto\("),
    re.compile(r"getattr\([^,()]+,\s*(method|verb|what|action|name)\b"),
    re.compile(r"getattr\([^,()]+,\s*f?[\"'](show_|open_|start_|action_)"),
]


def test_no_string_verb_dispatch() -> None:
    hits = []
    for path in _py("tui", "widgets"):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(rx.search(line) for rx in _STRING_VERB):
                hits.append(f"{path.relative_to(ROOT)}:{no}: {line.strip()}")
    assert not hits, "string-verb dispatch (use a typed method, an Enum or a message):\n" + "\n".join(hits)


def test_every_blind_except_says_why_and_logs() -> None:
    """`except Exception` is allowed only with a `noqa: BLE001 - reason` and a log call in the handler."""
    bad = []
    for path in _py("tui", "widgets", "store"):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ExceptHandler):
                continue
            names = []
            if node.type is None:
                names = ["bare except"]
            elif isinstance(node.type, ast.Name) and node.type.id in ("Exception", "BaseException"):
                names = [node.type.id]
            if not names:
                continue
            if any(isinstance(n, ast.Raise) for n in ast.walk(node)) or path.name == "logs.py":
                continue  # clean up and re-raise; or the log itself, which can't log its own failure
            header = lines[node.lineno - 1]
            body = ast.unparse(node)
            logged = "swallowed(" in body or "log." in body or "logs." in body
            if "noqa: BLE001 -" not in header or not logged:
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {header.strip()}")
    assert not bad, "blind excepts need a reason (`# noqa: BLE001 - why`) and a log line:\n" + "\n".join(bad)
