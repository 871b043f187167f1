"""``rebound-tui``: the command line. The app path imports Textual; ``doctor``, ``today``,
``export``, ``import`` and ``backup`` don't, so they stay quick on a remote login."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from tui.cli import run

    code = run(sys.argv[1:] if argv is None else argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
