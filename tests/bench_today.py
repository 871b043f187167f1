"""Benchmark section ``today``: ``rebound-tui today`` and the Today screen on the heavy dataset.

* ``rebound-tui today`` (a fresh interpreter, the store opened read-only, no Textual) against
  ``python -c pass`` and against loading the data file alone (Store.open + every table read);
* recomputing the summary with warm caches (what every return to Today and every step costs).

Start until Today is painted is measured as a user sees it, under a pty, in ``bench_pty.py``.
"""

from __future__ import annotations

import textwrap

from bench import Row

CLI = textwrap.dedent("""
    import sys
    from tui.cli import run
    sys.exit(run(['--data-dir', {data_dir!r}, 'today']))
""")

LOAD_ONLY = textwrap.dedent("""
    from store.db import Store
    s = Store.open({data_dir!r}, read_only=True)
    for repo in s.repos:
        repo.all()
    s.close()
""")

def run(ctx) -> list[Row]:
    rows = []
    data = ctx.copy("heavy")
    env = {"NO_COLOR": "1"}
    ctx.run_python(CLI.format(data_dir=str(data)), env=env, repeat=1)  # warm the OS file cache
    empty = ctx.run_python("pass", repeat=7)
    ours = ctx.run_python(CLI.format(data_dir=str(data)), env=env, repeat=7)
    load = ctx.run_python(LOAD_ONLY.format(data_dir=str(data)), repeat=7)
    rows.append(Row("rebound-tui today, heavy dataset", ours, "python -c pass", empty, "report (well under 1 s)"))
    rows.append(Row("rebound-tui today, heavy dataset", ours, "Store.open + reading every table", load,
                    "<= 1.5x"))

    from store.db import Store
    from store.today import summarize

    store = Store.open(data, read_only=True)
    summarize(store)  # caches warm, as on every return to Today
    warm = ctx.measure(lambda: summarize(store), repeat=7)
    plans = len(store.plans.all())
    store.close()
    rows.append(Row(f"Today summary recomputed, warm caches ({plans} plans), heavy dataset", warm, "", None,
                    "< 100 ms"))
    return rows
