"""store.tone.prepare_in_slices: the rules' index built ahead, a slice at a time (the app's warm-up), gives
the checks a fresh index gives; a check made half way finishes the index itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from store import tone
texts = ["Thanks so much for the update, I really appreciated talking with the team.",
         "Obviously you never even read my application, which is frankly insulting.",
         "I will be posting about this on LinkedIn so everyone knows how you treat people."]
mode = sys.argv[1]
slices = 0
if mode == "sliced":
    for _ in tone.prepare_in_slices(size=97):
        slices += 1
elif mode == "half":
    steps = tone.prepare_in_slices(size=97)
    for _ in range(3):
        next(steps)
found = [[(f.rule, f.start, f.end) for f in tone.check(t)] for t in texts]
print(json.dumps({"slices": slices, "found": found, "complete": tone._INDEX.built == len(tone._INDEX.registry)}))
"""


def run(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout)


def test_the_index_built_in_slices_finds_what_a_first_check_finds():
    plain, sliced, half = run("plain"), run("sliced"), run("half")
    assert sliced["slices"] > 5  # ~1,150 patterns, 97 a slice
    assert sliced["found"] == plain["found"] == half["found"]
    assert any(plain["found"]) and not all(plain["found"])
    assert plain["complete"] and sliced["complete"] and half["complete"]
