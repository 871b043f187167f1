"""The "move on" step: get back above the pipeline floor from the Wishlist.

Shows live applications against the floor (below it: what one good application this week would do;
never a count for the day; at it: that rest is part of the search) and the Wishlist, most exciting
first. ``enter`` says "I've applied" to the highlighted one (the user's word: it moves to Applied
today, stamped in its history); ``n`` opens the new-application form on the board, always filing into
Wishlist; ``escape`` closes. The list is an OptionList: it stays quick with
thousands of Wishlist cards.
"""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.dates import short_date
from store.models import Application
from store.plans import pipeline_counts
from tui.shell import keymap
from tui.today.actions import TodayActions
from widgets.usertext import clip


def wishlist_order(app: Application) -> tuple[int, str, str, str]:
    """Most exciting first, then the nearest deadline, then by company."""
    return (-(app.excitement or 0), app.deadline or "9999-99-99", app.company.casefold(), app.id)


class RefillResult(Enum):
    """Why the dialog closed (None: just closed)."""

    NEW = "new"  # go and add a new application to the Wishlist


class RefillDialog(ModalScreen[RefillResult | None]):
    """Dismisses with :attr:`RefillResult.NEW` (go add one on the board) or None. Applying goes
    through :meth:`TodayActions.send_to_applied`."""

    KEYMAP = "today.refill"
    BINDINGS = keymap.bindings(KEYMAP)

    DEFAULT_CSS = """
    RefillDialog { align: center middle; }
    RefillDialog #refill-list { height: auto; max-height: 14; text-wrap: nowrap; text-overflow: ellipsis; }
    RefillDialog #refill-keys { color: $foreground 70%; margin-top: 1; }
    """

    def __init__(self, actions: TodayActions) -> None:
        super().__init__()
        self.actions = actions
        self.store = actions.store
        self.sent: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="refill-box"):
            yield Static("Move on: refill the pipeline", classes="dialog-title")
            yield Static("", id="refill-status")
            yield OptionList(id="refill-list")
            yield Static(Content.assemble(("enter", "bold"), " I've applied (today) · ",
                                          ("n", "bold"), " new, in Wishlist · ",
                                          ("esc", "bold"), " close"), id="refill-keys")

    def on_mount(self) -> None:
        self.query_one("#refill-box").styles.width = 76  # wider than the shared dialog: titles fit
        self._fill()
        self.query_one(OptionList).focus()

    def _wishlist(self) -> list[Application]:
        return sorted((a for a in self.store.applications.all() if a.stage == "wishlist"), key=wishlist_order)

    def _fill(self) -> None:
        apps = self.store.applications.all()
        live, wish = pipeline_counts(apps)
        floor = self.store.settings.current().pipeline_floor
        if live < floor:
            status = Content.assemble(("Live applications ", "bold"), f"{live} of your floor {floor}. ",
                                      f"One good application this week makes {live + 1}.")
        else:
            status = Content.assemble(("Live applications ", "bold"), f"{live}, floor {floor} met. ",
                                      "Rest is part of the search too.")
        if self.sent:
            status = Content.assemble(status, "\n", (f"Applied from here: {len(self.sent)}.", "dim"))
        self.query_one("#refill-status", Static).update(status)
        ol = self.query_one("#refill-list", OptionList)
        keep = ol.highlighted or 0
        ol.clear_options()
        wishlist = self._wishlist()
        if not wishlist:
            ol.add_option(Option(Content.assemble(("Your Wishlist is empty — press n to add one to it.",
                                                   "dim")), id="empty", disabled=True))
            return
        for a in wishlist:
            stars = "★" * max(0, min(5, a.excitement or 0))
            parts: list[str | tuple[str, str]] = [(clip(a.company, 28), "bold")]
            if a.role:
                parts.append(f" — {clip(a.role, 30)}")
            if stars:
                parts.append((f"  {stars}", "dim"))
            if a.deadline:
                parts.append((f"  deadline {short_date(a.deadline)}", "dim"))
            ol.add_option(Option(Content.assemble(*parts), id=a.id))
        ol.highlighted = min(keep, len(wishlist) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        app_id = event.option.id
        if not app_id:
            return
        outcome = self.actions.send_to_applied(app_id)
        if outcome.changed:
            self.sent.append(app_id)
            self.notify(outcome.message, title=outcome.title, markup=False)
            self._fill()

    def action_new(self) -> None:
        self.dismiss(RefillResult.NEW)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
