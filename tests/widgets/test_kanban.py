"""The kanban on its own: what it draws, the messages its keys post, its virtualisation, and user
text drawn literally with control characters removed."""

from __future__ import annotations

from collections.abc import Sequence

from tests.harness import assert_shown_literally, mounted, unsafe_characters
from tests.hostile import HOSTILE
from widgets.kanban import CARD_HEIGHT, HEADER_HEIGHT, Card, Kanban
from widgets.kanban_draw import fit, flat

COLUMNS = [("wishlist", "Wishlist"), ("applied", "Applied"), ("closed", "Closed")]


def cards(*titles: str, column: str = "c") -> list[Card]:
    return [Card(id=f"{column}{i}", title=t, subtitle=f"sub {t}") for i, t in enumerate(titles)]


def kanban() -> Kanban:
    k = Kanban(COLUMNS)
    k.set_cards("wishlist", cards("Acme", "Bluefin", "Corvid", column="w"))
    k.set_cards("applied", cards("Delta", column="a"))
    return k


class CountingCards(Sequence[Card]):
    """Ten thousand cards, built only when asked for; remembers which were."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.built: set[int] = set()

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise AssertionError("the kanban must not slice a whole column")
        if not -self.n <= i < self.n:
            raise IndexError(i)
        self.built.add(i % self.n)
        return Card(id=f"k{i % self.n}", title=f"Card {i % self.n}")


# --------------------------------------------------------------------------- drawing


async def test_draws_headers_with_counts_cards_and_the_empty_text():
    k = kanban()
    k.set_empty_text("closed", "nothing closed yet")
    async with mounted(k) as h:
        lines = h.lines()
        assert "▸ Wishlist 3" in lines[0] and "Applied 1" in lines[0] and "Closed 0" in lines[0]
        assert "Acme" in lines[HEADER_HEIGHT] and "sub Acme" in lines[HEADER_HEIGHT + 1]
        assert "Bluefin" in lines[HEADER_HEIGHT + CARD_HEIGHT]
        assert "Delta" in lines[HEADER_HEIGHT]
        assert "nothing closed yet" in lines[HEADER_HEIGHT]
        assert lines[HEADER_HEIGHT].startswith("▌Acme")  # the cursor, visible without colour


async def test_an_empty_column_says_so_by_default():
    async with mounted(Kanban(COLUMNS)) as h:
        assert "(empty)" in h.lines()[HEADER_HEIGHT]
        assert h.widget.current_card is None


async def test_status_pieces_that_do_not_fit_are_dropped_from_the_end():
    k = Kanban([("a", "A")])
    k.set_cards("a", [Card(id="x", title="T", meta=(("first piece", "warn"), ("second", "dim"),
                                                    ("z" * 200, "star")))])
    async with mounted(k, size=(40, 10)) as h:
        status = h.lines()[HEADER_HEIGHT + 2]
        assert "first piece second" in status and "zzz" not in status


async def test_a_narrow_terminal_shows_a_window_of_columns_that_follows_the_cursor():
    k = Kanban([(f"c{i}", f"Col{i}") for i in range(6)])
    async with mounted(k, size=(45, 12)) as h:
        assert k.visible_columns() == ["c0", "c1"]
        assert h.lines()[0].rstrip().endswith("▸")  # more columns to the right
        await h.press("l", "l", "l")
        assert k.current_column == "c3" and k.visible_columns() == ["c2", "c3"]
        assert h.lines()[0].startswith("◂")


async def test_scroll_counts_under_the_header():
    k = Kanban([("a", "A")])
    k.set_cards("a", cards(*[f"T{i}" for i in range(20)], column="a"))
    async with mounted(k, size=(30, 2 + 3 * CARD_HEIGHT)) as h:
        assert "↓17" in h.lines()[1]
        await h.press("end")
        assert "↑17" in h.lines()[1] and "T19" in h.text()


# --------------------------------------------------------------------------- keys and messages


async def test_j_k_h_l_move_the_cursor_and_post_cursor_moved():
    async with mounted(kanban()) as h:
        h.forget()
        await h.press("j")
        moved = h.posted(Kanban.CursorMoved)
        assert [(m.column, m.card_id, m.index) for m in moved] == [("wishlist", "w1", 1)]
        await h.press("l")
        assert (h.posted(Kanban.CursorMoved)[-1].column, h.posted(Kanban.CursorMoved)[-1].card_id) == ("applied", "a0")
        await h.press("l")  # an empty column: no card under the cursor
        assert h.posted(Kanban.CursorMoved)[-1].card_id is None
        await h.press("h", "h")
        # each column remembers its own cursor
        assert h.widget.current_column == "wishlist" and h.widget.current_index == 1


async def test_no_message_when_the_cursor_cannot_move():
    async with mounted(kanban()) as h:
        h.forget()
        await h.press("k", "h")  # already first card, first column
        assert h.posted(Kanban.CursorMoved) == []
        await h.press("end")
        assert h.posted(Kanban.CursorMoved)[-1].index == 2
        h.forget()
        await h.press("down", "pagedown")
        assert h.posted(Kanban.CursorMoved) == []


async def test_enter_posts_opened_with_the_card_and_nothing_on_an_empty_column():
    async with mounted(kanban()) as h:
        await h.press("j", "enter")
        assert [(m.column, m.card_id) for m in h.posted(Kanban.Opened)] == [("wishlist", "w1")]
        await h.press("l", "l", "enter")
        assert len(h.posted(Kanban.Opened)) == 1


async def test_select_moves_the_cursor_and_can_stay_quiet():
    async with mounted(kanban()) as h:
        h.forget()
        h.widget.select("wishlist", 2, notify=False)
        await h.settle()
        card = h.widget.current_card
        assert h.posted(Kanban.CursorMoved) == [] and card is not None and card.id == "w2"
        h.widget.select("applied", 99)
        await h.settle()
        assert h.posted(Kanban.CursorMoved)[-1].card_id == "a0"  # clamped to the last card
        h.widget.select("no-such-column", 0)
        assert h.widget.current_column == "applied"


async def test_a_click_selects_and_a_double_click_opens():
    async with mounted(kanban(), size=(60, 20)) as h:
        await h.pilot.click(Kanban, offset=(25, HEADER_HEIGHT))  # the second column's first card
        await h.settle()
        assert h.widget.current_column == "applied" and h.posted(Kanban.Opened) == []
        await h.pilot.double_click(Kanban, offset=(2, HEADER_HEIGHT + CARD_HEIGHT))
        await h.settle()
        assert h.posted(Kanban.Opened)[-1].card_id == "w1"


# --------------------------------------------------------------------------- virtualised


async def test_ten_thousand_cards_are_built_only_as_far_as_they_are_seen():
    big = CountingCards(10_000)
    k = Kanban([("a", "A")])
    k.set_cards("a", big)
    async with mounted(k, size=(40, 24)) as h:
        assert "A 10000" in h.lines()[0]
        assert len(big.built) <= 10
        await h.press("end")
        assert "Card 9999" in h.text() and len(big.built) <= 20


# --------------------------------------------------------------------------- user text


def test_flat_removes_control_characters_and_bidi_overrides():
    assert flat("a\x1b[2Jb\x07c\nd\u202ee") == "a [2Jb c d e"
    assert flat(None) == "" and flat("plain [b]") == "plain [b]"
    assert not unsafe_characters(flat("".join(chr(c) for c in range(0x00, 0xA0))))


def test_fit_pads_and_cuts_to_the_exact_width():
    assert fit("abc", 5) == "abc  " and fit("abcdef", 4) == "abc…" and fit("x", 0) == ""
    assert fit("日本語の会社", 5) == "日本…"


async def test_every_hostile_string_is_drawn_literally_everywhere_on_a_card():
    """Markup is shown as typed; escape sequences, other controls and bidi overrides never reach the
    terminal (deleting the kanban's control-character stripping fails this test)."""
    k = Kanban([(f"c{i}", text) for i, text in enumerate(HOSTILE)] + [("empty", "Empty")])
    async with mounted(k, size=(40, 10)) as h:
        for i, hostile in enumerate(HOSTILE):
            k.set_cards(f"c{i}", [Card(id="x", title=hostile, subtitle=hostile, meta=((hostile, "warn"),))])
            k.set_empty_text("empty", hostile)
            k.select(f"c{i}", 0)
            await h.settle()
            lines = h.lines()
            for y in (0, HEADER_HEIGHT, HEADER_HEIGHT + 1, HEADER_HEIGHT + 2):
                assert_shown_literally(lines[y], hostile, width=12)
            k.select("empty", 0)
            await h.settle()
            assert_shown_literally(h.lines()[HEADER_HEIGHT], hostile, width=12)
        await h.press("h", "j", "k", "enter")
        assert h.app.is_running


async def test_a_frame_works_out_the_columns_once_and_a_change_redraws_from_the_new_state(monkeypatch):
    """Textual draws a line at a time; the columns on screen, their widths and the widget's size and
    style are worked out once for all the lines of a frame (issue 16: each line asking again was half
    a filter keystroke's frame at 10,000 cards), and any change forgets them."""
    k = kanban()
    async with mounted(k, size=(60, 14)) as h:
        asked: list[int] = []
        real = k.visible_columns
        monkeypatch.setattr(k, "visible_columns", lambda: asked.append(1) or real())
        k.refresh()
        lines = h.lines()
        assert len(asked) == 1
        assert "Acme" in lines[HEADER_HEIGHT]
        k.set_cards("wishlist", cards("Zephyr", column="w"))
        lines = h.lines()
        assert len(asked) == 2
        assert "Zephyr" in lines[HEADER_HEIGHT] and "Wishlist 1" in lines[0]
        k.select("applied", 0)
        assert "▸ Applied 1" in h.lines()[0]
