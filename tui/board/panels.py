"""The board's pipeline-health panel (``T``), the "go to application" picker, and the palette
provider that searches every application by company and role.

Palette hits are scored with ``matcher.match(plain)`` and shown as ``Content(plain)``: a company
called ``[/]`` is just text (``Matcher.highlight`` would parse it as markup)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.command import Hit, Hits, Provider
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import pipeline as p
from store.models import OUTCOMES, STAGE_LABELS, STAGES, Application
from tui.shell import keymap

PANELS_CSS = """
HealthPanel, GoToDialog { align: center middle; }
#health-box, #goto-box {
    width: 84; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
#health-scroll { height: auto; max-height: 30; }
#goto-box OptionList { height: auto; max-height: 16; }
#goto-count { color: $foreground 60%; height: 1; }
"""


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{round(x * 100)}%"


def _days(x: float) -> str:
    return f"{x:g} day{'' if x == 1 else 's'} (median)"


def _bar(n: int, top: int, width: int = 24) -> str:
    if top <= 0:
        return ""
    filled = round(width * n / top)
    return "█" * filled + "·" * (width - filled)


def health_content(h: p.Health, wishlist: int) -> Content:
    parts: list = []

    def line(*bits) -> None:
        parts.extend(bits)
        parts.append("\n")

    line(("Pipeline health", "bold underline"))
    line()
    short = h.below_floor
    line(("Live applications  ", "dim"), (str(h.live), "bold"), f"  floor {h.floor}",
         ("  ✓" if not short else "  (below it)", "bold"), ("  Applied to Offer", "dim"))
    if short:
        pick = min(short, wishlist)
        if pick:
            line(("  ", ""), f"Wishlist has {wishlist}: one good application this week (L) makes {h.live + 1}.")
        else:
            line(("  ", ""), "Wishlist is empty: add a few roles you like (n) and apply to them.")
    met = " ✓ goal met" if h.weekly_goal and h.sent_this_week >= h.weekly_goal else ""
    line(("Applied this week  ", "dim"), (f"{h.sent_this_week} of {h.weekly_goal}", "bold"), met,
         ("  (applied since Monday)", "dim"))
    line()
    line(("Funnel", "bold"), ("  (every application that reached each stage)", "dim"))
    top = h.funnel[0].count if h.funnel else 0
    for step in h.funnel:
        conv = f"{_pct(step.conversion)} of the step before" if step.conversion is not None else ""
        line(("  ", ""), (f"{step.label:<13}", ""), (f"{step.count:>6}  ", "bold"), (_bar(step.count, top), "dim"),
             ("  " + conv, "dim"))
    line()
    reply = "no replies yet" if h.median_first_response_days is None else _days(h.median_first_response_days)
    line(("First reply        ", "dim"), (reply, "bold"), ("  from applying to their first answer", "dim"))
    line(("Response rate      ", "dim"), (_pct(h.response_rate), "bold"),
         (f"  ({h.responses} answered of {h.applied_total} applied)", "dim"))
    bounce = "—" if h.median_bounce_back_days is None else _days(h.median_bounce_back_days)
    line(("Bounce-back        ", "dim"), (bounce, "bold"), ("  from a no to your next application", "dim"))
    line()
    line(("Needs attention    ", "dim"), (str(h.needs_attention), "bold"),
         (f"  ({h.overdue} with a next action, {h.quiet} quiet) — S sweeps them", "dim"))
    line()
    line("  ".join(f"{p.stage_label(s)} {h.by_stage.get(s, 0)}" for s in STAGES))
    outcomes = "  ".join(f"{o} {h.outcomes.get(o, 0)}" for o in OUTCOMES if h.outcomes.get(o, 0))
    line(("Closed as  ", "dim"), outcomes or "none yet")
    parts.append(("escape closes", "dim"))
    return Content.assemble(*parts)


class HealthPanel(ModalScreen[None]):
    DEFAULT_CSS = PANELS_CSS
    KEYMAP = "board.health"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, health: p.Health, wishlist: int) -> None:
        super().__init__()
        self.health = health
        self.wishlist = wishlist

    def compose(self) -> ComposeResult:
        with Vertical(id="health-box"):
            with VerticalScroll(id="health-scroll"):
                yield Static(health_content(self.health, self.wishlist), id="health-text")

    def action_close(self) -> None:
        self.dismiss(None)


def plain_title(app: Application) -> str:
    """One line for pickers: ``Company — Role``, newlines flattened."""
    text = f"{app.company} — {app.role}" if app.role else app.company
    return " ".join(text.split())[:200]


def search_applications(apps: Iterable[Application], query: str,
                        limit: int = 40) -> list[tuple[float, Application]]:
    """Fuzzy search over company and role, best first (``matcher.match`` on plain text)."""
    q = query.strip()
    apps = list(apps)
    if not q:
        ordered = sorted(apps, key=lambda a: a.updated_at, reverse=True)
        return [(1.0, a) for a in ordered[:limit]]
    matcher = Matcher(q)
    first = q[0].casefold()
    scored = []
    for a in apps:
        plain = plain_title(a)
        if first not in plain.casefold():
            continue
        score = matcher.match(plain)
        if score > 0:
            scored.append((score, a))
    scored.sort(key=lambda t: (-t[0], t[1].company.casefold()))
    return scored[:limit]


@runtime_checkable
class ShowsApplications(Protocol):
    """A screen that can select an application and open its details itself (the board)."""

    def show_application(self, application_id: str) -> None: ...


@runtime_checkable
class ShowsApplicationsAnywhere(Protocol):
    """The app: switches to the board and opens an application's details."""

    def open_application(self, application_id: str) -> None: ...


class ApplicationsProvider(Provider):
    """ctrl+p, on any screen: type a company or role to jump to its card.

    The hit is ``Content`` (literal: a company called ``[/]`` is just text) and its help is our own
    stage label: Textual reads a hit's help as markup."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        # on the board: select the card; anywhere else: the app takes you there
        opener = screen.show_application if isinstance(screen, ShowsApplications) else None
        if opener is None and isinstance(self.app, ShowsApplicationsAnywhere):
            opener = self.app.open_application
        store = getattr(getattr(self.app, "store", None), "applications", None)
        if store is None or opener is None or not query.strip():
            return
        for score, app in search_applications(store.all(), query, limit=30):
            title = f"Go to application: {plain_title(app)}"
            yield Hit(score, Content(title), partial(opener, app.id), text=title,
                      help=STAGE_LABELS.get(app.stage, "Application"))


class GoToDialog(ModalScreen[str | None]):
    """Pick any application: type to narrow, arrows/enter to open, escape cancels."""

    DEFAULT_CSS = PANELS_CSS
    KEYMAP = "board.goto"
    BINDINGS = keymap.bindings(KEYMAP)

    def __init__(self, apps: list[Application]) -> None:
        super().__init__()
        self.apps = apps

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box"):
            yield Static(Content.assemble(("Go to application", "bold")))
            yield Input(placeholder="company or role", id="goto-input")
            yield Static("", id="goto-count")
            yield OptionList(id="goto-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._fill("")

    def _fill(self, query: str) -> None:
        hits = search_applications(self.apps, query)
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options([Option(Content.assemble(plain_title(a), ("  " + p.stage_label(a.stage), "dim")), id=a.id)
                        for _, a in hits])
        if hits:
            ol.highlighted = 0
        what = "recent" if not query.strip() else "matches"
        self.query_one("#goto-count", Static).update(Content(f"{len(hits)} {what} of {len(self.apps)}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and ol.option_count:
            self.dismiss(ol.get_option_at_index(ol.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
