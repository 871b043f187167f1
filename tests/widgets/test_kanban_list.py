"""The kanban's list view on its own: every stage and whole roles at 80 columns, j/k through the
stages, a click, virtualisation, and user text drawn literally."""

from __future__ import annotations

from tests.harness import assert_shown_literally, mounted
from tests.hostile import HOSTILE
from tests.widgets.test_kanban import CountingCards, cards
from widgets.kanban import Kanban
from widgets.kanban_draw import Card
from widgets.kanban_list import LIST_HEADER, PipelineKanban

STAGES = [("wishlist", "Wishlist"), ("applied", "Applied"), ("screening", "Screening"),
          ("interviewing", "Interviewing"), ("offer", "Offer"), ("closed", "Closed")]
ROLE = "Senior Site Reliability Engineer"


def board() -> PipelineKanban:
    k = PipelineKanban(STAGES)
    k.set_cards("wishlist", cards("Acme", "Bluefin", column="w"))
    meta = (("12d", "dim"), ("★4", "star"))
    k.set_cards("applied", [Card(id="a0", title="Northwind Labs", subtitle=ROLE, meta=meta)])
    k.set_cards("closed", cards("Gone", column="c"))
    k.set_list_view(True)
    return k


async def test_every_stage_and_whole_roles_show_at_80_columns():
    async with mounted(board(), size=(80, 24)) as h:
        lines = h.lines()
        assert all(label in lines[0] for _key, label in STAGES)
        assert h.widget.visible_columns() == [key for key, _ in STAGES]
        row = next(line for line in lines if "Northwind Labs" in line)
        assert ROLE in row and "12d ★4" in row and len(row) <= 80
        assert any(line.strip().startswith("Offer 0") and "(empty)" in line for line in lines)
        assert lines[LIST_HEADER].strip().startswith("▸ Wishlist 2")


async def test_switching_to_the_list_paints_every_line_across_the_width():
    # the columns' heading was wider than the list's stage line; a line that stopped short left the
    # end of the old heading on screen ("Closed 13 ng 4  ▸", seen in tmux)
    k = board()
    k.set_list_view(False)
    async with mounted(k, size=(80, 24)) as h:
        k.set_list_view(True)
        await h.pilot.pause()
        assert [len(line) for line in h.lines()] == [80] * 24
        assert h.lines()[0].rstrip().endswith("Closed 1")


async def test_j_and_k_run_through_the_stages_and_h_l_jump_between_them():
    async with mounted(board(), size=(80, 24)) as h:
        k = h.widget
        await h.press("j", "j")  # Bluefin, then on to Applied's first card
        assert (k.current_column, k.current_card.id) == ("applied", "a0")
        assert h.posted(Kanban.CursorMoved)[-1].card_id == "a0"
        await h.press("j")  # past three empty stages to Closed
        assert (k.current_column, k.current_card.id) == ("closed", "c0")
        await h.press("j")  # the end: nothing moves
        assert k.current_card.id == "c0"
        await h.press("k", "k")
        assert k.current_card.id == "w1"
        await h.press("l")  # the next stage, as on the board
        assert k.current_column == "applied"
        await h.press("enter")
        assert h.posted(Kanban.Opened)[-1].card_id == "a0"


async def test_a_click_selects_the_card_on_that_line():
    async with mounted(board(), size=(80, 24)) as h:
        await h.pilot.click(PipelineKanban, offset=(10, LIST_HEADER + 4))  # heading, 2 cards, heading, a0
        await h.settle()
        assert h.widget.current_card.id == "a0"


async def test_ten_thousand_cards_are_built_only_as_far_as_they_are_seen():
    big = CountingCards(10_000)
    k = PipelineKanban([("a", "A"), ("b", "B")])
    k.set_cards("a", big)
    k.set_list_view(True)
    async with mounted(k, size=(60, 24)) as h:
        assert len(big.built) <= 25
        await h.press("end")
        assert "Card 9999" in h.text() and len(big.built) <= 50
        assert "↑" in h.lines()[1]


async def test_every_hostile_string_is_drawn_literally_in_the_list():
    k = PipelineKanban([("c", "Column"), ("empty", "Empty")])
    k.set_list_view(True)
    async with mounted(k, size=(60, 10)) as h:
        for hostile in HOSTILE:
            k.set_cards("c", [Card(id="x", title=hostile, subtitle=hostile, meta=((hostile, "warn"),))])
            k.set_empty_text("empty", hostile)
            await h.settle()
            lines = h.lines()
            assert_shown_literally(lines[LIST_HEADER + 1], hostile, width=12)
            assert_shown_literally(lines[LIST_HEADER + 2], hostile, width=12)
