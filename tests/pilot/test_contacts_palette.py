"""Issue 17 item 5: a contact whose name looks like markup, selected, then ctrl+p. The palette's
commands about the contact ("Edit <name>"…) used to be markup strings: ``[/]`` crashed the app,
``[Recruiter] Bob`` lost its first word, ``[link=…]`` made a live link. They are plain Content now.

Searching the palette (typing after ctrl+p) needs the app's palette provider to match on the plain
text of a Content title; the stock one calls ``str`` methods on it. :class:`PlainTextCommands` here
is that provider, as proposed for ``tui/app.py``; the strict xfail flips when the app has it.
"""

from __future__ import annotations

import pytest

from store.models import Contact
from tests.screens import open_contacts
from tests.waiting import palette_prompts

MARKUP_NAMES = ["[/]", "[Recruiter] Bob", "Ann [link=https://x]x[/link]", "[@click=app.quit]Eve[/]"]


async def _open_on(store, make_app, name: str):
    store.contacts.save(Contact(first_name=name, role="recruiter"))
    app = make_app(store)
    quit_called: list[int] = []
    app.action_quit = lambda: quit_called.append(1)
    return app, quit_called


@pytest.mark.parametrize("name", MARKUP_NAMES)
async def test_palette_titles_with_a_markup_like_name_are_plain_text(store, make_app, name):
    app, quit_called = await _open_on(store, make_app, name)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_contacts(pilot)
        assert screen.current_row() is not None
        prompts = await palette_prompts(pilot)
        edit = [p for p in prompts if p.plain.startswith(f"Edit {name}")]
        assert edit, [p.plain for p in prompts]
        # the name is shown as typed, unstyled: no link, no action, no bold from the user's brackets
        title_line = edit[0].plain.split("\n")[0]
        assert title_line == f"Edit {name}"
        for span in edit[0].spans:
            if span.start < len(title_line):
                assert "link" not in str(span.style) and "click" not in str(span.style), span
        for wanted in ("Delete", "Snooze", "Archive", "Do not contact", "Make", "Open", "Compose"):
            assert any(p.plain.startswith(wanted) and name in p.plain for p in prompts), wanted
    assert not quit_called


@pytest.mark.parametrize("name", MARKUP_NAMES)
async def test_palette_search_finds_a_markup_like_name_and_runs_it(store, make_app, name):
    app, quit_called = await _open_on(store, make_app, name)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_contacts(pilot)
        prompts = await palette_prompts(pilot, "edit")
        assert any(p.plain.startswith(f"Edit {name}") for p in prompts), [p.plain for p in prompts]
        await pilot.press("enter")  # the best hit: "Edit <name>" opens the form
        await pilot.pause()
        assert type(app.screen).__name__ == "ContactForm"
    assert not quit_called
