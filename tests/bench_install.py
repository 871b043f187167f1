"""The installed copy the benchmark starts: a venv built with ``pip install .`` (not editable).

A user who runs ``pipx install rebound-tui`` or ``pip install .`` gets compiled bytecode in
site-packages; an editable install in an environment that sets ``PYTHONDONTWRITEBYTECODE=1`` (this
one does) recompiles every module at every start. So the benchmark measures a real install: a venv
made with the same Python, the project installed from the worktree, bytecode compiled at install
time, ``PYTHONDONTWRITEBYTECODE`` unset. The venv is kept between runs (default
``$XDG_CACHE_HOME/rebound-bench/venv-pyX.Y``) and refreshed when the sources change: a stamp holds a
hash of every packaged file.

Not a section of the benchmark (it has no ``run``); ``python tests/bench_install.py`` builds or
checks the venv and prints its path.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tui", "widgets", "store", "themes")
STAMP = "rebound-bench-stamp.txt"
#: Variables of this environment a user's shell does not have, or that would point the installed copy
#: back at the worktree.
DROP_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV",
            "PYTHONINSPECT", "PYTHONVERBOSE", "PYTHONPROFILEIMPORTTIME", "PYTHONOPTIMIZE")


def default_venv() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "rebound-bench" / f"venv-py{sys.version_info.major}.{sys.version_info.minor}"


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This environment without the variables in :data:`DROP_ENV` and Textual's test switches."""
    env = {k: v for k, v in os.environ.items() if k not in DROP_ENV and not k.startswith("TEXTUAL")}
    env.update(extra or {})
    return env


def source_hash(root: Path = ROOT) -> tuple[str, str]:
    """(hash of the packaged sources, hash of pyproject.toml): what a rebuild depends on."""
    h = hashlib.sha256()
    for pkg in PACKAGES:
        for path in sorted((root / pkg).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
                continue
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("README.md",):
        p = root / name
        if p.exists():
            h.update(p.read_bytes())
    project = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()
    h.update(project.encode())
    return h.hexdigest(), project


def _pip(venv: Path, *args: str, log=print) -> None:
    cmd = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args]
    log(f"  $ {' '.join(cmd[2:])}")
    # run from a neutral folder so nothing in the worktree shadows the installed packages
    out = subprocess.run(cmd, cwd=venv, env=clean_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         text=True)
    if out.returncode:
        raise RuntimeError(f"pip failed ({out.returncode}):\n{out.stderr[-3000:]}")


def ensure_venv(venv: Path | None = None, root: Path = ROOT, log=print) -> Path:
    """Build or refresh the venv; returns the path of its ``rebound-tui`` console script."""
    venv = venv or default_venv()
    script = venv / "bin" / "rebound-tui"
    stamp = venv / STAMP
    src, project = source_hash(root)
    want = f"{src}\n{project}\n"
    have = stamp.read_text() if stamp.exists() else ""
    if have == want and script.exists():
        log(f"installed copy up to date: {venv}")
        return script
    if not (venv / "bin" / "python").exists():
        log(f"creating the venv {venv} (same Python: {sys.version.split()[0]})")
        venv.parent.mkdir(parents=True, exist_ok=True)
        base = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base, "-m", "venv", str(venv)], check=True, env=clean_env())
        have = ""
    stamp.unlink(missing_ok=True)
    old_project = have.splitlines()[1] if len(have.splitlines()) > 1 else ""
    if old_project == project:
        log("sources changed: reinstalling rebound-tui (pip install --no-deps --force-reinstall .)")
        _pip(venv, "--no-deps", "--force-reinstall", str(root), log=log)
    else:
        log("installing rebound-tui and its dependencies (pip install .)")
        _pip(venv, "--force-reinstall", str(root), log=log)
    check = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import tui, textual, sys; print(tui.__file__); print(textual.__version__)"],
        cwd=venv, env=clean_env(), capture_output=True, text=True, check=True)
    where = Path(check.stdout.splitlines()[0]).resolve()
    if root.resolve() in where.parents:
        raise RuntimeError(f"the venv imports the worktree ({where}), not an installed copy")
    cached = list((where.parent / "__pycache__").glob("app.*.pyc"))
    if not cached:
        raise RuntimeError(f"no compiled bytecode next to {where}: the install did not compile")
    stamp.write_text(want)
    log(f"installed copy ready: {venv} (textual {check.stdout.splitlines()[1]})")
    return script


if __name__ == "__main__":
    print(ensure_venv(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
