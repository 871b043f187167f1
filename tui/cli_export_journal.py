"""`rebound-tui export` (no Textual on this path)."""

from __future__ import annotations

import sys
from pathlib import Path


def run(args, data_dir: Path) -> int:
    print("rebound-tui export: not available yet.", file=sys.stderr)
    return 2
