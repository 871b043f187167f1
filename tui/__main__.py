"""``rebound-tui``: the command line. The app path imports Textual; ``doctor``, ``today``,
``export``, ``import`` and ``backup`` don't, so they stay quick on a remote login."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line. Called with no arguments (the console script), it ends the process
    itself once everything is saved and closed: tearing down tens of thousands of records at
    interpreter exit is slow and serves nothing. It also runs without garbage collection until the
    app's first frame (:mod:`tui.shell.collector`), and with what Python compiles at each start kept
    between runs (:mod:`tui.shell.compiled`)."""
    if argv is None:
        from tui.shell import compiled
        from tui.shell.collector import pause_for_start

        pause_for_start()
        compiled.install()  # dataclasses' and regexes' compiled code kept between runs
    from tui.cli import run_safely

    code = run_safely(sys.argv[1:] if argv is None else argv)
    if argv is None:
        compiled.save_all()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
