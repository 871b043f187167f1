"""Benchmark section ``pty``: what a user's terminal sees, paired against a bare Textual app.

The real ``rebound-tui`` console script of an installed copy (:mod:`bench_install`: ``pip install .``,
bytecode compiled, ``PYTHONDONTWRITEBYTECODE`` unset) runs under a pseudo-terminal at 80x24 with
``TERM=xterm-256color`` (:mod:`bench_term`). Each figure is one of a pair, ours then the baseline, run
back to back (A B A B …); the rows give the median and min–max of each side and of the per-pair ratios.

* Start: fork to the first frame with Today's content (its ``Pipeline`` stats line and the first
  section of its list), against a bare app (App + one Static) to its marker. Heavy dataset with the
  data unchanged since the last run (Today remembered), the same with the data changed since the last
  run (the run before it left the other of two files that differ in one record), a first start in an
  empty folder, 50 cards. Then ``q`` to the process reaped; the peak RSS from the child's rusage.
* Interactions, in one session per pair on a fresh copy of the heavy dataset: each key to the first
  frame that shows its result (a screen's content, the card in its new column, the form, the
  filtered board…), against the same gesture in a bare app of the same shape (a screen per mode with
  a Static, a modal with one Input, an Input whose keystroke updates a Static). Two bursts check that
  keys typed before a form or a search field is ready all land.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import Row, paired_row
from bench_install import clean_env, ensure_venv

HERE = Path(__file__).resolve().parent

BARE_START = '''\
from textual.app import App
from textual.widgets import Static


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Static("BARE-READY")


if __name__ == "__main__":
    Bare().run()
'''

BARE_INTERACT = '''\
"""A bare app of the same shape as Rebound: modes 1-5, a modal with one Input, a filter Input."""
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static


class Modal(ModalScreen):
    BINDINGS = [Binding("escape", "close"), Binding("ctrl+s", "save")]

    def compose(self):
        yield Input(placeholder="BARE-MODAL")

    def action_close(self):
        self.dismiss(None)

    def action_save(self):
        self.dismiss("saved")


class Page(Screen):
    AUTO_FOCUS = ""  # like a board: keys go to the screen until / opens the filter
    DEFAULT_CSS = "Page Input { display: none; }"
    BINDINGS = [Binding("slash", "filter"), Binding("escape", "clear"), Binding("L", "move(1)"),
                Binding("H", "move(-1)")]

    def __init__(self, title):
        super().__init__()
        self.title_text = title
        self.moves = 0
        self.saves = 0

    def compose(self):
        yield Static(f"BARE-{self.title_text}")
        yield Input(placeholder="BARE-FILTER")
        yield Static("", id="status")

    def action_filter(self):
        field = self.query_one(Input)
        field.display = True
        field.focus()

    def action_clear(self):
        field = self.query_one(Input)
        field.value = ""
        field.display = False
        self.set_focus(None)
        self.query_one("#status", Static).update("BARE-CLEARED")

    def on_input_changed(self, event):
        if event.value:
            self.query_one("#status", Static).update(f"BARE-MATCH {event.value}")

    def action_move(self, step):
        self.moves += step
        self.query_one("#status", Static).update(f"BARE-MOVED {self.moves}")

    def saved(self, result):
        if result:
            self.saves += 1
            self.query_one("#status", Static).update(f"BARE-SAVED {self.saves}")


class Bare(App):
    DEFAULT_MODE = "today"
    MODES = {"today": lambda: Page("READY"), "board": lambda: Page("BOARD"), "journal": lambda: Page("JOURNAL"),
             "contacts": lambda: Page("CONTACTS"), "outreach": lambda: Page("OUTREACH")}
    BINDINGS = [("q", "quit", "Quit"), ("1", "go('today')"), ("2", "go('board')"),
                ("3", "go('journal')"), ("4", "go('contacts')"), ("5", "go('outreach')"),
                ("n", "modal"), ("l", "modal")]

    def action_go(self, mode):
        if self.current_mode != mode:
            self.switch_mode(mode)

    def action_modal(self):
        page = self.screen
        self.push_screen(Modal(), page.saved if isinstance(page, Page) else None)


if __name__ == "__main__":
    Bare().run()
'''

# What "ready" means: Today's stats line and the first section of its list (plans, or what is due).
TODAY_READY = [r"Pipeline", r"Rebound plans|Due today"]
BOARD = [r"Wishlist \d+", r"Applied \d+"]
JOURNAL = [r"\d+ entries  · n new", r"Date\s+Kind"]
CONTACTS = [r"State\s+Name", r"Reach out: [\d,]+ now"]
OUTREACH = [r"Status\s+Kind\s+To"]
ESC = "\x1b"
CTRL_S = "\x13"


def step(keys: str, expect: list[str], label: str | None = None, **more) -> dict:
    return {"keys": keys, "expect": expect, "label": label, **more}


#: (ours, bare) step lists for the interaction session, from the first frame on. A toast (after the
#: contacts log) would add frames to later measures, so the log comes last; a burst that goes wrong
#: leaves the app in an unknown state, so each burst ends its session.
INTERACTIONS: tuple[list[dict], list[dict]] = (
    [
        step("2", BOARD, "visit Board, first", tail=True),
        step("L", [r"▸ Applied \d+"], "card move L"),
        step("H", [r"▸ Wishlist \d+"]),
        step("n", [r"New application", r"Company"], "n to the new-application form"),
        step(ESC, BOARD),
        step("/", [r"Filter"]),
        step("N", [r"\d+ of \d+ · esc clears"], "board filter keystroke (first)"),
        step(ESC, BOARD),
        step("1", [r"Pipeline"]),
        step("2", BOARD, "visit Board, second", tail=True),
        step("3", JOURNAL, "visit Journal, first", tail=True),
        step("/", [r"search:"]),
        step("u", [r"\d+ of \d+ entries · search: u"], "journal search keystroke (first)"),
        step(ESC, JOURNAL[:1]),
        step("5", OUTREACH, "visit Outreach, first", tail=True),
        step("3", JOURNAL, "visit Journal, second", tail=True),
        step("4", CONTACTS, "visit Contacts, first", tail=True),
        step("l", [r"Log a touchpoint"], "contacts l dialog"),
        step(CTRL_S, [r"Reach out: [\d,]+ now"], "contacts ctrl+s (logged, list updated)"),
        step("2", BOARD),
        step("nAcme", [r"\S"], "board: n and a company in one burst", check=r"Acme"),
    ],
    [
        step("2", [r"BARE-BOARD"], "visit Board, first", tail=True),
        step("L", [r"BARE-MOVED 1"], "card move L"),
        step("H", [r"BARE-MOVED 0"]),
        step("n", [r"BARE-MODAL"], "n to the new-application form"),
        step(ESC, [r"BARE-BOARD"]),
        step("/", [r"BARE-FILTER"]),
        step("N", [r"BARE-MATCH N"], "board filter keystroke (first)"),
        step(ESC, [r"BARE-CLEARED"]),
        step("1", [r"BARE-READY"]),
        step("2", [r"BARE-BOARD"], "visit Board, second", tail=True),
        step("3", [r"BARE-JOURNAL"], "visit Journal, first", tail=True),
        step("/", [r"BARE-FILTER"]),
        step("u", [r"BARE-MATCH u"], "journal search keystroke (first)"),
        step(ESC, [r"BARE-CLEARED"]),
        step("5", [r"BARE-OUTREACH"], "visit Outreach, first", tail=True),
        step("3", [r"BARE-JOURNAL"], "visit Journal, second", tail=True),
        step("4", [r"BARE-CONTACTS"], "visit Contacts, first", tail=True),
        step("l", [r"BARE-MODAL"], "contacts l dialog"),
        step(CTRL_S, [r"BARE-SAVED 1"], "contacts ctrl+s (logged, list updated)"),
        step("2", [r"BARE-BOARD"]),
        step("nAcme", [r"\S"], "board: n and a company in one burst", check=r"Acme"),
    ],
)

#: The second, short session: the journal's search typed in one burst.
SEARCH_BURST: tuple[list[dict], list[dict]] = (
    [step("3", JOURNAL), step("/panel", [r"\S"], "journal: / and a query in one burst", check=r"search: panel")],
    [step("3", [r"BARE-JOURNAL"]),
     step("/panel", [r"\S"], "journal: / and a query in one burst", check=r"BARE-MATCH panel")],
)

#: Issue 16's targets for the interaction rows: (label, kind, limit, text). ``ratio``: ours/bare;
#: ``ours``: seconds. The bare app's screen switches (``switch_mode``) are held 50 ms by Textual itself
#: (``App.delay_update``, meant to hide a screen still composing): its visit rows are key to the first
#: frame like every row (the driver reads as soon as output arrives, no polling), and include that
#: hold; Rebound's switches skip it (``tui/shell/warm.py``).
INTERACTION_TARGETS = [
    ("visit Board, first", "ours", 0.100, "≤ 100 ms"),
    ("visit Journal, first", "ours", 0.100, "≤ 100 ms"),
    ("visit Contacts, first", "ours", 0.100, "≤ 100 ms"),
    ("visit Outreach, first", "ours", 0.100, "≤ 100 ms"),
    ("visit Board, second", "ours", 0.030, "≤ 30 ms"),
    ("visit Journal, second", "ours", 0.030, "≤ 30 ms"),
    ("card move L", "ours", 0.050, "≤ 50 ms"),
    ("contacts l dialog", "ours", 0.050, "≤ 50 ms"),
    ("contacts ctrl+s (logged, list updated)", "ours", 0.050, "≤ 50 ms"),
    ("n to the new-application form", "ratio", 4.0, "≤ 4× a bare modal"),
    ("board filter keystroke (first)", "ours", 0.030, "≤ 30 ms"),
    ("journal search keystroke (first)", "ours", 0.016, "≤ 16 ms"),
]


class Driver:
    """Runs specs in the small driver process (``bench_term.py``) and yields their results."""

    def __init__(self, work: Path) -> None:
        self.work = work

    def run(self, specs: list[dict], progress) -> list[dict]:
        job = self.work / f"job-{time.monotonic_ns()}.json"
        job.write_text(json.dumps({"runs": specs}))
        # -S -E: no site, no PYTHON* variables: the driver imports only the standard library and
        # stays small, so the peak RSS its children report is their own
        cmd = [sys.executable, "-S", "-E", str(HERE / "bench_term.py")]
        results = []
        with job.open() as stdin, subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.PIPE, text=True,
                                                   cwd=self.work) as proc:
            assert proc.stdout is not None
            try:
                for line in proc.stdout:
                    result = json.loads(line)
                    results.append(result)
                    progress(result)
            finally:
                if proc.poll() is None:  # interrupted: let the driver kill the program it runs
                    proc.terminate()
                    try:
                        proc.wait(10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
        job.unlink(missing_ok=True)
        return results


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """A user's environment: TERM set, no Textual test switches, no PYTHONDONTWRITEBYTECODE, no
    PYTHONPATH (the installed copy, not the worktree), the benchmark's frozen day."""
    env = clean_env({"TERM": "xterm-256color", "REBOUND_TODAY": os.environ.get("REBOUND_TODAY", "2026-03-02")})
    for key in ("NO_COLOR", "COLUMNS", "LINES", "TMUX", "TERM_PROGRAM", "COLORTERM"):
        env.pop(key, None)
    return env


class Start:
    """Builds the run specs and turns their results into rows."""

    def __init__(self, ctx, pairs: int) -> None:
        self.ctx = ctx
        self.pairs = pairs
        self.work = Path(ctx.work) / "pty"
        self.work.mkdir()
        self.script = ensure_venv(getattr(ctx, "venv", None), log=lambda m: print(f"  [pty] {m}", flush=True))
        self.python = str(self.script.parent / "python")
        (self.work / "bare_start.py").write_text(BARE_START)
        (self.work / "bare_interact.py").write_text(BARE_INTERACT)
        (self.work / "home").mkdir()
        xdg = {k: str(self.work / "home" / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                                    "XDG_STATE_HOME", "XDG_DATA_HOME")}
        self.env = _env(xdg)
        self.driver = Driver(self.work)
        self.timeout = 180.0 if not ctx.quick else 90.0

    # -- specs

    def ours(self, data_dir: Path, **more) -> dict:
        return {"argv": [str(self.script), "--data-dir", str(data_dir)], "env": self.env, "cwd": str(self.work),
                "ready": TODAY_READY, "watch": str(data_dir / "cache" / "today.json"), "timeout": self.timeout, **more}

    def bare(self, script: str, **more) -> dict:
        return {"argv": [self.python, str(self.work / script)], "env": self.env, "cwd": str(self.work),
                "ready": [r"BARE-READY"], "timeout": self.timeout, **more}

    def _warm_up(self, specs: list[dict]) -> None:
        """Untimed first runs: the day's backup, Today remembered, the OS file cache, bytecode."""
        for result in self.driver.run(specs, lambda r: None):
            if "error" in result:
                raise RuntimeError(f"warm-up run {result.get('id')} failed: {result['error']}")

    def prepare(self) -> dict[str, tuple[dict, dict]]:
        """The scenarios: name -> (our spec template, the bare spec), data dirs ready."""
        ctx, w = self.ctx, self.work
        warm = w / "heavy-warm"
        warm.mkdir(mode=0o700)
        shutil.copy2(ctx.heavy_dir / "rebound.json", warm / "rebound.json")
        # two files that differ in one record: each run finds the other one, so the data changed
        # since the last run and the remembered Today no longer fits
        stale = w / "heavy-stale"
        stale.mkdir(mode=0o700)
        variants = [str(ctx.heavy_dir / "rebound.json"), str(ctx.variant_file())]
        shutil.copy2(variants[0], stale / "rebound.json")
        small = w / "small-warm"
        small.mkdir(mode=0o700)
        shutil.copy2(ctx.small_dir / "rebound.json", small / "rebound.json")
        golden = w / "heavy-interact"
        golden.mkdir(mode=0o700)
        shutil.copy2(ctx.heavy_dir / "rebound.json", golden / "rebound.json")
        self._warm_up([self.ours(warm, id="warm-up"), self.ours(stale, id="warm-up"),
                       self.ours(small, id="warm-up"), self.ours(golden, id="warm-up"),
                       self.bare("bare_start.py", id="warm-up"), self.bare("bare_interact.py", id="warm-up")])
        self.variants = variants
        self.stale_dir = stale
        self.golden = golden
        empty = w / "empty"
        return {
            "heavy, data unchanged since the last run": (self.ours(warm), self.bare("bare_start.py")),
            "heavy, data changed since the last run": (self.ours(stale), self.bare("bare_start.py")),
            # the welcome dialog opens over Today on a first start (q would type into it): killed
            "empty folder (first start)": (self.ours(empty, prepare=[{"fresh": str(empty)}], end="kill"),
                                           self.bare("bare_start.py", end="kill")),
            "50 cards, data unchanged": (self.ours(small), self.bare("bare_start.py")),
        }

    def start_specs(self, scenarios: dict[str, tuple[dict, dict]]) -> list[dict]:
        specs: list[dict] = []
        for i in range(self.pairs):
            for name, (ours, bare) in scenarios.items():
                o = {**ours, "id": ["start", name, "ours", i]}
                if name.startswith("heavy, data changed"):
                    o["prepare"] = [{"copy": [self.variants[(i + 1) % 2], str(self.stale_dir / "rebound.json")]}]
                specs += [o, {**bare, "id": ["start", name, "bare", i]}]
        return specs

    def interaction_specs(self) -> list[dict]:
        specs = []
        for i in range(self.pairs):
            for kind, (ours_steps, bare_steps) in (("interact", INTERACTIONS), ("burst", SEARCH_BURST)):
                session = self.work / f"{kind}-{i}"
                specs.append(self.ours(session, id=[kind, "ours", i], steps=ours_steps, end="kill",
                                       prepare=[{"tree": [str(self.golden), str(session)]}], watch=None))
                specs.append(self.bare("bare_interact.py", id=[kind, "bare", i], steps=bare_steps, end="kill"))
                specs.append({"prepare": [{"remove": str(session)}], "id": None})
        return specs

    # -- rows

    def run(self) -> list[Row]:
        scenarios = self.prepare()
        specs = self.start_specs(scenarios) + self.interaction_specs()
        total = sum(1 for s in specs if s.get("id"))
        done = [0]

        def progress(r: dict) -> None:
            if not r.get("id"):
                return
            done[0] += 1
            what = " / ".join(str(x) for x in (r.get("id") or []))
            if "error" in r:
                print(f"  [pty] {done[0]}/{total} {what}: FAILED {r['error']}", flush=True)
            elif "start" in r:
                extra = " (Today recomputed)" if r.get("rewrote") else ""
                print(f"  [pty] {done[0]}/{total} {what}: ready {r['start'] * 1000:,.0f} ms{extra}, "
                      f"{r.get('maxrss_mb', 0):.0f} MB", flush=True)

        results = self.driver.run(specs, progress)
        rows = self.start_rows(results, list(scenarios))
        rows += self.interaction_rows(results)
        return rows

    def _pairs(self, results: list[dict], kind: str, name: str | None = None) -> list[tuple[dict, dict]]:
        by_id = {tuple(r["id"]): r for r in results if r.get("id")}
        out = []
        for i in range(self.pairs):
            if name is None:
                a, b = by_id.get((kind, "ours", i)), by_id.get((kind, "bare", i))
            else:
                a, b = by_id.get((kind, name, "ours", i)), by_id.get((kind, name, "bare", i))
            if a and b and "error" not in a and "error" not in b:
                out.append((a, b))
        return out

    def start_rows(self, results: list[dict], names: list[str]) -> list[Row]:
        rows = []
        targets = {"heavy, data unchanged since the last run": 1.3, "heavy, data changed since the last run": 1.5,
                   "empty folder (first start)": 1.2, "50 cards, data unchanged": 1.2}
        for name in names:
            pairs = self._pairs(results, "start", name)
            if not pairs:
                rows.append(Row(f"start to a useful Today, {name}: every run failed", float("nan")))
                continue
            recomputed = sum(1 for a, _ in pairs if a.get("rewrote"))
            note = f"Today recomputed in {recomputed} of {len(pairs)} runs"
            rows.append(paired_row(f"start to a useful Today, {name} ({note})",
                                   [a["start"] for a, _ in pairs], "bare app + one Static",
                                   [b["start"] for _, b in pairs], target=f"≤ {targets[name]}×",
                                   limit=("ratio", targets[name])))
            rows.append(paired_row(f"  peak RSS of that run, {name}", [a["maxrss_mb"] for a, _ in pairs],
                                   "bare app", [b["maxrss_mb"] for _, b in pairs], unit="MB", target="report"))
            if name.startswith("heavy, data unchanged"):
                rows.append(paired_row(f"  q until the process is gone, {name}", [a["quit"] for a, _ in pairs],
                                       "bare app (ordinary exit)", [b["quit"] for _, b in pairs], target="report"))
        return rows

    def interaction_rows(self, results: list[dict]) -> list[Row]:
        pairs = self._pairs(results, "interact")
        if not pairs:
            return [Row("interactions (pty): every session failed", float("nan"))]
        rows = []
        for label, kind, limit, text in INTERACTION_TARGETS:
            got = [(a["steps"][label], b["steps"][label]) for a, b in pairs
                   if label in a["steps"] and label in b["steps"]]
            if not got:
                continue
            base = "bare: a modal with one Input" if "dialog" in label or "form" in label else \
                "bare: the same gesture"
            rows.append(paired_row(f"{label}: key to the frame that shows it", [x for x, _ in got], base,
                                   [y for _, y in got], target=text, limit=(kind, limit)))
        tails = [(a["steps"][k + " (last frame)"] - a["steps"][k], b["steps"][k + " (last frame)"] - b["steps"][k])
                 for a, b in pairs for k in ("visit Board, first", "visit Journal, first", "visit Contacts, first",
                                             "visit Outreach, first", "visit Board, second")
                 if k + " (last frame)" in a["steps"] and k + " (last frame)" in b["steps"]]
        if tails:
            rows.append(paired_row("after a screen switch, frames keep coming for (last − first frame; 5 visits)",
                                   [x for x, _ in tails], "bare app, same switches", [y for _, y in tails],
                                   target="< 25 ms", limit=("ours", 0.025), ratio=False))
        bursts = {"board: n and a company in one burst": pairs,
                  "journal: / and a query in one burst": self._pairs(results, "burst")}
        for label, got in bursts.items():
            kept = [a["steps"].get(label + " (check)") for a, _ in got]
            bare_kept = [b["steps"].get(label + " (check)") for _, b in got]
            n_ok = sum(1 for k in kept if k)
            bare_ok = sum(1 for k in bare_kept if k)
            rows.append(Row(f"{label}: every key landed", float(n_ok), "bare app", float(bare_ok),
                            target=f"{len(kept)} of {len(kept)} runs", unit="runs", met=n_ok == len(kept),
                            plain_ratio=False))
        rss = [(a["maxrss_mb"], b["maxrss_mb"]) for a, b in pairs]
        rows.append(paired_row("peak RSS after visiting every screen (heavy)", [x for x, _ in rss],
                               "bare app, same visits", [y for _, y in rss], unit="MB", target="report"))
        return rows


def run(ctx) -> list[Row]:
    pairs = ctx.pairs
    t = time.perf_counter()
    rows = Start(ctx, pairs).run()
    print(f"  [pty] {pairs} pairs in {time.perf_counter() - t:.0f} s", flush=True)
    return rows

