"""Snapshots of care at 80x24 on the demo data (frozen date 2026-03-02): the support panel after a free
write with heavy words, and Settings › Support filled in; each also with NO_COLOR."""

from __future__ import annotations

import pytest

HEAVY = "I keep thinking everyone would be better off without me"


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def _panel_after_free_write(pilot) -> None:
    await _settle(pilot)
    await pilot.press("3")
    await _settle(pilot)
    await pilot.press("w")
    await _settle(pilot)
    await pilot.press(*["space" if ch == " " else ch for ch in HEAVY], "ctrl+s")
    await _settle(pilot)


async def _settings_support(pilot) -> None:
    await _settle(pilot)
    pilot.app.action_support()
    await _settle(pilot)
    await pilot.press("tab", "tab", "enter")  # Close · Open Settings › Support
    await _settle(pilot)


@pytest.mark.parametrize("no_color", [False, True], ids=["color", "no_color"])
def test_support_panel_after_a_free_write_80x24(demo_store, make_app, snap_compare, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_panel_after_free_write)


@pytest.mark.parametrize("no_color", [False, True], ids=["color", "no_color"])
def test_settings_support_80x24(demo_store, make_app, snap_compare, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    demo_store.settings.update(support_line="Samaritans 116 123 (free, any time)",
                               support_person="Jo, my sister: 07700 900123",
                               support_helps="A walk round the block.\nText Jo, even just 'hi'.")
    app = make_app(demo_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settings_support)
