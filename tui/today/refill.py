"""The "move on" step: get back above the pipeline floor from the Wishlist.

Shows live applications against the floor ("add 3 today") and the Wishlist, most exciting first.
``enter`` sends the highlighted one (it moves to Applied today, stamped in its history); ``n`` goes to
the board to add a new one; ``escape`` closes. The list is an OptionList: it stays quick with
thousands of Wishlist cards.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.models import Application
from store.plans import floor_need, pipeline_counts
from widgets.usertext import clip


def wishlist_order(app: Application) -> tuple:
    """Most exciting first, then the nearest deadline, then by company."""
    return (-(app.excitement or 0), app.deadline or "9999-99-99", app.company.casefold(), app.id)


class RefillDialog(ModalScreen[str | None]):
    """Dismisses with ``"new"`` (go add one on the board) or None."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="refill.close"),
        Binding("n", "new", "New on the board", id="refill.new"),
        Binding("j", "down", "Down", show=False, id="refill.down"),
        Binding("k", "up", "Up", show=False, id="refill.up"),
    ]

    DEFAULT_CSS = """
    RefillDialog { align: center middle; }
    RefillDialog #refill-list { height: auto; max-height: 14; text-wrap: nowrap; text-overflow: ellipsis; }
    RefillDialog #refill-keys { color: $foreground 70%; margin-top: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    @property
    def store(self):
        return self.app.store  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="refill-box"):
            yield Static("Move on: refill the pipeline", classes="dialog-title")
            yield Static("", id="refill-status")
            yield OptionList(id="refill-list")
            yield Static(Content.assemble(("enter", "bold"), " send (to Applied today) · ",
                                          ("n", "bold"), " new, on the board · ",
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
        need = floor_need(live, floor)
        if need:
            status = Content.assemble(("Live applications ", "bold"), f"{live} of your floor {floor}: ",
                                      (f"add {need} today", "bold"), " to get back to it.")
        else:
            status = Content.assemble(("Live applications ", "bold"), f"{live}, floor {floor} met. ",
                                      "Sending one more keeps the momentum.")
        if self.sent:
            status = Content.assemble(status, "\n", (f"Sent from here: {len(self.sent)}.", "dim"))
        self.query_one("#refill-status", Static).update(status)
        ol = self.query_one("#refill-list", OptionList)
        keep = ol.highlighted or 0
        ol.clear_options()
        wishlist = self._wishlist()
        if not wishlist:
            ol.add_option(Option(Content.assemble(("Your Wishlist is empty — press n to add one on the board.",
                                                   "dim")), id="empty", disabled=True))
            return
        for a in wishlist:
            stars = "★" * max(0, min(5, a.excitement or 0))
            parts: list = [(clip(a.company, 28), "bold")]
            if a.role:
                parts.append(f" — {clip(a.role, 30)}")
            if stars:
                parts.append((f"  {stars}", "dim"))
            if a.deadline:
                parts.append((f"  deadline {a.deadline}", "dim"))
            ol.add_option(Option(Content.assemble(*parts), id=a.id))
        ol.highlighted = min(keep, len(wishlist) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        app_id = event.option.id
        app = self.store.applications.get(app_id) if app_id else None
        if app is None or app.stage != "wishlist":
            return
        rapp = self.app
        if rapp.write(self.store.applications.move, app.id, "applied"):  # type: ignore[attr-defined]
            self.sent.append(app.id)
            self.notify(f"Sent: {app.title} is now in Applied.", title="Move on", markup=False)
            self._fill()

    def action_new(self) -> None:
        self.dismiss("new")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
