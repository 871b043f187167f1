"""Rebound's benchmark (a script, not a test): ``python tests/bench.py [--quick]``.

Builds the heavy dataset (10,000 applications, 5,000 journal entries, 2,000 contacts, 20,000
touchpoints) with the demo generator and prints a table. Every figure is measured side by side with
its baseline in the same run, so the ratios hold on any machine; no figure is asserted in tests.

Sections live in ``tests/bench_*.py``: each defines ``run(ctx) -> list[Row]``. This file measures
the foundation (cold start, one edit persisted, memory) and runs the sections it finds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("REBOUND_TODAY", "2026-03-02")
os.environ.setdefault("TEXTUAL_ANIMATION", "none")


@dataclass
class Row:
    name: str
    ours: float
    baseline_name: str = ""
    baseline: float | None = None
    target: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.ours / self.baseline


class Ctx:
    """What sections get: prepared data dirs (copy before changing them) and timing helpers."""

    def __init__(self, work: Path, quick: bool) -> None:
        from store import demo
        from store.db import Store

        self.work = work
        self.quick = quick
        self.python = sys.executable
        self.root = ROOT
        sizes = dict(demo.HEAVY)
        if quick:
            sizes = {k: max(1, v // 10) for k, v in sizes.items()}
        self.sizes = sizes
        self.heavy_dir = work / "heavy"
        t = time.perf_counter()
        s = Store.open(self.heavy_dir)
        demo.populate(s, **sizes)
        s.close()
        self.heavy_build_seconds = time.perf_counter() - t
        self.small_dir = work / "small"
        s = Store.open(self.small_dir)
        demo.populate(s, applications=50, journal=50, contacts=50, touchpoints=200, drafts=10)
        s.close()
        self._n = 0

    def copy(self, which: str = "heavy") -> Path:
        """A fresh copy of a prepared data dir (without its backups)."""
        src = self.heavy_dir if which == "heavy" else self.small_dir
        self._n += 1
        dst = self.work / f"{which}-copy-{self._n}"
        dst.mkdir(mode=0o700)
        shutil.copy2(src / "rebound.json", dst / "rebound.json")
        return dst

    @staticmethod
    def measure(fn: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None) -> float:
        """Median wall time of ``fn`` over ``repeat`` runs (``setup`` runs untimed before each)."""
        times = []
        for _ in range(repeat):
            if setup:
                setup()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    def run_python(self, code: str, env: dict | None = None, repeat: int = 5) -> float:
        """Median wall time of ``python -c code`` in a fresh interpreter (cold start)."""
        full_env = {**os.environ, **(env or {})}
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([self.python, "-c", code], cwd=ROOT, env=full_env, check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
        return statistics.median(times)


# ----------------------------------------------------------------------------- shared by sections


def open_app(data_dir: Path):
    """(store, app) on a data dir, headless-ready, with the editor call replaced."""
    from store.db import Store
    from tui.app import ReboundApp

    store = Store.open(data_dir)
    app = ReboundApp(store)
    app.editor_runner = lambda app, path: 0
    return store, app


async def time_screen_open(data_dir: Path, key: str) -> float:
    """Seconds from pressing a screen's key (on Today) until it has painted, at 80x24."""
    store, app = open_app(data_dir)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            return time.perf_counter() - t
    finally:
        store.close()


# ----------------------------------------------------------------------------- foundation

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

OUR_APP = textwrap.dedent("""
    import os, sys
    {prelude}
    from store.db import Store
    from tui.app import ReboundApp
    store = Store.open({data_dir!r})
    class Timed(ReboundApp):
        # done when Today shows its summary (not just its frame)
        def on_mount(self):
            super().on_mount()
            self._poll = self.set_interval(0.002, self._check)
        def _check(self):
            if getattr(self.screen, "summary", None) is not None:
                self._poll.stop()
                self.call_after_refresh(self.exit)
    Timed(store).run(headless=True, size=(80, 24))
    store.close()
    sys.stdout.flush()
    os._exit(0)  # as the real command line does once everything is saved
""")

FORGET_TODAY = "import shutil; shutil.rmtree(os.path.join({data_dir!r}, 'cache'), ignore_errors=True)"

# ru_maxrss survives fork+exec on Linux (a child reports at least its parent's peak), so read the
# process's own high-water mark instead.
PEAK_MB = textwrap.dedent("""
    def peak_mb():
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
""")


def foundation(ctx: Ctx) -> list[Row]:
    rows = []
    data = ctx.copy("heavy")

    def app(d, forget=False):
        return OUR_APP.format(data_dir=str(d), prelude=FORGET_TODAY.format(data_dir=str(d)) if forget else "")

    bare = ctx.run_python(BARE_APP)
    # the first start of the day takes the daily backup and computes Today: not the everyday case
    ctx.run_python(app(data), repeat=1)
    ours = ctx.run_python(app(data))
    rows.append(Row("cold start to Today shown, heavy dataset (data unchanged since last run)", ours,
                    "bare Textual app + one Static", bare, "<= 1.5x"))
    ours_miss = ctx.run_python(app(data, forget=True))
    rows.append(Row("cold start to Today shown, heavy dataset (data changed: Today recomputed)", ours_miss,
                    "bare Textual app + one Static", bare, "<= 1.5x"))
    small = ctx.copy("small")
    ctx.run_python(app(small), repeat=1)
    ours_small = ctx.run_python(app(small))
    rows.append(Row("cold start to Today shown, 50-card dataset", ours_small, "bare Textual app + one Static",
                    bare, "<= 1.5x"))
    ours_small_miss = ctx.run_python(app(small, forget=True))
    rows.append(Row("cold start to Today shown, 50-card dataset (Today recomputed)", ours_small_miss,
                    "bare Textual app + one Static", bare, "<= 1.5x"))

    # one edit persisted: our storage vs TinyDB's stock JSONStorage on the same data
    from tinydb import TinyDB

    from store.db import Store

    store = Store.open(ctx.copy("heavy"))
    target = store.applications.all()[len(store.applications.all()) // 2]
    counter = [0]

    def our_edit() -> None:
        counter[0] += 1
        changed = target.copy()
        changed.notes = f"edit {counter[0]}"
        store.applications.save(changed)

    ours_edit = ctx.measure(our_edit, repeat=7)
    store.close()

    stock_dir = ctx.copy("heavy")
    import orjson

    raw = orjson.loads((stock_dir / "rebound.json").read_bytes())
    # stock TinyDB wants integer document ids: same records, renumbered
    stock_data = {name: {str(i + 1): doc for i, doc in enumerate(table.values())} for name, table in raw.items()}
    stock_path = stock_dir / "stock.json"
    stock_path.write_bytes(orjson.dumps(stock_data))
    db = TinyDB(stock_path)
    table = db.table("applications")
    mid = str(len(stock_data["applications"]) // 2)

    def stock_edit() -> None:
        counter[0] += 1
        table.update({"notes": f"edit {counter[0]}"}, doc_ids=[int(mid)])

    stock = ctx.measure(stock_edit, repeat=3)
    db.close()
    rows.append(Row("one edit persisted (atomic + fsync), heavy dataset", ours_edit,
                    "TinyDB stock JSONStorage, same edit", stock, "at least 8x faster (ratio <= 0.125)"))

    rss_code = PEAK_MB + textwrap.dedent(f"""
        import sys
        from store.db import Store
        from tui.app import ReboundApp
        store = Store.open({str(data)!r})
        class Timed(ReboundApp):
            def on_mount(self):
                super().on_mount()
                self.call_after_refresh(self.exit)
        Timed(store).run(headless=True, size=(80, 24))
        for repo in store.repos:
            repo.all()
        print(peak_mb())
    """)
    out = subprocess.run([ctx.python, "-c", rss_code], cwd=ROOT, capture_output=True, text=True, check=True)
    rss = float(out.stdout.strip().splitlines()[-1])
    bare_rss_code = PEAK_MB + BARE_APP + "\nprint(peak_mb())\n"
    out = subprocess.run([ctx.python, "-c", bare_rss_code], cwd=ROOT, capture_output=True, text=True, check=True)
    bare_rss = float(out.stdout.strip().splitlines()[-1])
    rows.append(Row("peak memory (RSS), heavy dataset, all records loaded", rss, "bare Textual app", bare_rss,
                    "report", unit="MB"))
    return rows


def _load_sections() -> list[tuple[str, Callable[[Ctx], list[Row]]]]:
    sections = []
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        sections.append((path.stem.removeprefix("bench_"), mod.run))
    return sections


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.1f} s"
    return f"{value:,.1f} {unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the heavy dataset (a smoke run)")
    parser.add_argument("--only", help="run only this section (foundation, board, journal, …)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rebound-bench-"))
    try:
        ctx = Ctx(work, args.quick)
        size = (ctx.heavy_dir / "rebound.json").stat().st_size / 1e6
        print(f"dataset: {ctx.sizes} -> {size:.1f} MB, built in {ctx.heavy_build_seconds:.1f} s")
        sections = [("foundation", foundation)] + _load_sections()
        rows: list[tuple[str, Row]] = []
        for name, fn in sections:
            if args.only and name != args.only:
                continue
            for row in fn(ctx):
                rows.append((name, row))
                r = row.ratio
                print(f"  [{name}] {row.name}: {fmt(row.ours, row.unit)} vs {fmt(row.baseline, row.unit)}"
                      f" ({f'ratio {r:.2f}x' if r is not None else 'no baseline'})", flush=True)
        print()
        print("| section | measure | ours | baseline | baseline value | ratio | target |")
        print("|---|---|---|---|---|---|---|")
        for name, row in rows:
            r = row.ratio
            print(f"| {name} | {row.name} | {fmt(row.ours, row.unit)} | {row.baseline_name} | "
                  f"{fmt(row.baseline, row.unit)} | {f'{r:.2f}x' if r is not None else '—'} | {row.target} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
