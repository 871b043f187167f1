"""The wheel holds exactly the four packages (plus .tcss and the tone model's weights) and the entry point works."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contents_and_entry_point(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
         str(ROOT)],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("rebound_tui-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"tui", "widgets", "store", "themes"}
    assert "themes/app.tcss" in names
    assert "store/tone_model.json" in names  # the tone check's weights (package data)
    assert not any(n.startswith("tests/") for n in names)
    ep = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(ep).decode()
    assert "rebound-tui = tui.__main__:main" in text


def test_console_script_runs():
    code = "import sys; from tui.__main__ import main; sys.exit(main(['--version']))"
    out = subprocess.run([sys.executable, "-c", code],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("rebound-tui ")
