"""Benchmark section ``today``: ``rebound-tui today`` and the Today screen on the heavy dataset.

* ``rebound-tui today`` (a fresh interpreter, the store opened read-only, no Textual) against
  ``python -c pass`` and against loading the data file alone (Store.open + every table read);
* the Today screen in a headless app until its summary is on screen, against a bare Textual app;
* recomputing the summary with warm caches (what every return to Today and every step costs).
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

BARE_APP = textwrap.dedent("""
    from textual.app import App
    from textual.widgets import Static
    class Bare(App):
        def compose(self):
            yield Static("hello")
        def on_mount(self):
            self.call_after_refresh(self.exit)
    Bare().run(headless=True, size=(80, 24))
""")

TODAY_READY = textwrap.dedent("""
    from store.db import Store
    from tui.app import ReboundApp
    store = Store.open({data_dir!r})
    class Timed(ReboundApp):
        def on_mount(self):
            super().on_mount()
            self.set_interval(0.005, self.check)
        def check(self):
            screen = self.screen
            if getattr(screen, "summary", None) is not None and getattr(screen, "rows", None):
                self.exit()
    Timed(store).run(headless=True, size=(80, 24))
    store.close()
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

    writer = ctx.copy("heavy")
    ctx.run_python(TODAY_READY.format(data_dir=str(writer)), repeat=1)  # the day's backup exists from now
    bare = ctx.run_python(BARE_APP, repeat=5)
    screen = ctx.run_python(TODAY_READY.format(data_dir=str(writer)), repeat=5)
    rows.append(Row("app start until Today shows its summary, heavy dataset", screen, "bare Textual app", bare,
                    "report"))

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
