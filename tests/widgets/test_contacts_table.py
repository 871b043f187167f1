"""The contacts table on its own: columns that fit the width, badges in words, the cursor's
messages, rows replaced while keeping the cursor, and user text drawn literally."""

from __future__ import annotations

from tests.harness import (
    CONTROL_HOSTILE,
    MARKUP_HOSTILE,
    assert_shown_literally,
    mounted,
)
from widgets.contacts_table import BADGES, COLUMNS, MARK, ContactLine, ContactsTable, widths_for


def line(key: str, name: str, state: str = "ok", **kw: object) -> ContactLine:
    values: dict = dict(key=key, state=state, name=name, company="Acme", role="peer", cadence="3 mo",
                        last_touch="3d ago", due="in 2mo", reason="met at a meetup")
    values.update(kw)
    return ContactLine(**values)


PEOPLE = [line("a", "Ana Almeida", "overdue"), line("b", "Ben Brandt", "due"), line("c", "Cy Chen")]


# --------------------------------------------------------------------------- drawing


def test_widths_leave_out_the_reason_when_it_does_not_fit():
    narrow, wide = widths_for(80), widths_for(160)
    assert narrow["reason"] == 0 and wide["reason"] >= 30
    assert all(narrow[k] >= w for k, _label, w in COLUMNS if k != "reason")
    assert sum(wide.values()) <= 160


def test_at_80_columns_names_get_more_room_than_the_state_words():
    """Names were cut at 12 characters while the state column took 13: without the reason, one
    space between columns and the room goes to the names."""
    for total in (79, 80):
        w = widths_for(total)
        assert w["name"] >= 18 > w["state"] + 1 and w["gap"] == 1
        used = 2 + sum(w[k] for k, _label, _min in COLUMNS) + w["gap"] * (len(COLUMNS) - 2)
        assert used <= total
    assert widths_for(160)["gap"] == 2  # wide: as before


async def test_header_and_rows_with_state_badges_in_words():
    async with mounted(ContactsTable(), size=(120, 8)) as h:
        h.widget.set_lines(PEOPLE)
        await h.settle()
        lines = h.lines()
        for label in ("State", "Name", "Company", "Every", "Next", "Why now"):
            assert label in lines[0]
        assert "◆ reconnect" in lines[1] and "Ana Almeida" in lines[1] and "met at a meetup" in lines[1]
        assert "● reach out" in lines[2] and "✓ in touch" in lines[3]
        assert "overdue" not in h.text()
        assert h.widget.row_count == 3 and h.widget.current_key == "a"


async def test_a_marked_contact_carries_a_mark_unlike_any_state_and_narrow_state_words_shorten():
    assert MARK not in {symbol for symbol, _colour in BADGES.values()}  # "✓" is "in touch"
    async with mounted(ContactsTable(), size=(80, 6)) as h:
        h.widget.set_lines([line("a", "Ana", "do not contact", marked=True)])
        await h.settle()
        row = h.lines()[1]
        assert row.startswith(f"{MARK}⊘ no contact") and "Why now" not in h.lines()[0]
        h.widget.update_line(line("a", "Ana", "ok"))
        await h.settle()
        assert h.lines()[1].startswith(" ✓ in touch")


# --------------------------------------------------------------------------- keys and messages


async def test_keys_move_the_cursor_post_highlighted_and_enter_posts_selected():
    async with mounted(ContactsTable(), size=(100, 12)) as h:
        h.widget.set_lines(PEOPLE)
        await h.settle()
        h.forget()
        await h.press("j")
        assert [m.key for m in h.posted(ContactsTable.Highlighted)] == ["b"]
        await h.press("end")
        assert h.widget.current_key == "c"
        await h.press("home", "enter")
        assert [m.key for m in h.posted(ContactsTable.Selected)] == ["a"]
        h.forget()
        await h.press("k", "up")  # already on the first row
        assert h.posted(ContactsTable.Highlighted) == []


async def test_replacing_rows_keeps_the_cursor_on_the_same_contact_or_position():
    async with mounted(ContactsTable(), size=(100, 12)) as h:
        t = h.widget
        t.set_lines(PEOPLE)
        await h.press("j")
        assert t.current_key == "b"
        t.set_lines(list(reversed(PEOPLE)))
        assert t.current_key == "b" and t.cursor == 1
        t.set_lines([PEOPLE[0], PEOPLE[2]])  # b was dealt with: the cursor stays at its place
        assert t.current_key == "c"
        t.set_lines(PEOPLE, position=0)
        assert t.current_key == "a"
        assert t.select_key("c") and not t.select_key("nobody")
        t.set_lines([])
        assert t.current_key is None
        await h.press("enter")
        assert h.posted(ContactsTable.Selected) == []


async def test_a_click_moves_the_cursor_and_a_click_on_the_current_row_opens_it():
    async with mounted(ContactsTable(), size=(100, 12)) as h:
        h.widget.set_lines(PEOPLE)
        await h.settle()
        await h.pilot.click(ContactsTable, offset=(20, 3))
        await h.settle()
        assert h.widget.current_key == "c" and h.posted(ContactsTable.Selected) == []
        await h.pilot.click(ContactsTable, offset=(20, 3))
        await h.settle()
        assert [m.key for m in h.posted(ContactsTable.Selected)] == ["c"]


async def test_two_thousand_rows_scroll_with_the_cursor():
    many = [line(f"k{i}", f"Person {i}") for i in range(2000)]
    async with mounted(ContactsTable(), size=(100, 12)) as h:
        h.widget.set_lines(many)
        await h.press("end")
        assert h.widget.current_key == "k1999" and "Person 1999" in h.text()
        await h.press("pageup")
        assert h.widget.cursor < 1999 and f"Person {h.widget.cursor}" in h.text()


# --------------------------------------------------------------------------- user text


def hostile_lines(text: str) -> list[ContactLine]:
    return [line("x", text, company=text, role=text, reason=text),
            line("y", "Other", cadence=text, last_touch=text, due=text)]


async def test_markup_in_every_field_is_shown_as_typed():
    async with mounted(ContactsTable(), size=(160, 8)) as h:
        for hostile in MARKUP_HOSTILE:
            h.widget.set_lines(hostile_lines(hostile))
            await h.settle()
            assert_shown_literally(h.lines()[1], hostile, width=8)
        await h.press("j", "enter", "k")
        assert h.app.is_running


async def test_control_characters_in_user_text_never_reach_the_terminal():
    async with mounted(ContactsTable(), size=(160, 8)) as h:
        for hostile in CONTROL_HOSTILE:
            h.widget.set_lines(hostile_lines(hostile))
            await h.settle()
            assert_shown_literally(h.lines()[1], hostile, width=4)
            assert_shown_literally(h.lines()[2], "Other")


async def test_rows_replaced_whole_draw_again_only_the_lines_that_changed(monkeypatch):
    """A log replaces every row (set_lines) though one changed: the others keep their drawn strips."""
    async with mounted(ContactsTable()) as h:
        h.widget.set_lines(PEOPLE)
        await h.settle()
        built: list[str] = []
        row_segments = ContactsTable._row_segments

        def spy(self, line, base, on_cursor):
            built.append(line.name)
            return row_segments(self, line, base, on_cursor)

        monkeypatch.setattr(ContactsTable, "_row_segments", spy)
        logged = line("b", "Ben Brandt", "ok", last_touch="today")
        h.widget.set_lines([PEOPLE[0], PEOPLE[2], logged], keep="a")
        await h.settle()
        assert built == ["Ben Brandt"]
        assert "today" in h.text() and "Cy Chen" in h.text()
