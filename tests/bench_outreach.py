"""Benchmark section: the outreach composer on the heavy dataset (200 drafts, 2,000 contacts,
10,000 applications) against the same on the 50-record dataset (``ctx.copy("small")``), and the
sandboxed renderer against plain Jinja2.

* open the Outreach screen (key ``5`` until painted: drafts listed, the first one previewed);
* one keystroke in the editor (render in the sandbox, count, tone check, cool-off, panel redrawn);
* rendering and checking a message: our sandboxed render + tone check vs a plain Jinja2 render;
* mark sent: touchpoint + contact + application + draft in one atomic write, vs the same changes
  saved as three separate writes on the same data.

Headless ``App.run_test`` at 80x24; each figure is the median of several runs.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import date
from pathlib import Path

from bench import Row, open_app, time_screen_open


async def _open(data_dir: Path) -> float:
    return await time_screen_open(data_dir, "5")


async def _keystroke(data_dir: Path, repeat: int) -> float:
    from textual.widgets import TextArea

    from tui.outreach.editor import DraftEditor

    store, app = open_app(data_dir)
    times = []
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("5")
            await pilot.pause()
            contact = store.contacts.all()[0]
            rejected = [a for a in store.applications.all() if a.outcome == "rejected"][0]
            app.open_composer(kind="rejection reply", contact_ids=[contact.id], application_id=rejected.id)
            await pilot.pause()
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, DraftEditor)
            area = editor.query_one("#ed-body", TextArea)
            for _ in range(repeat):
                t = time.perf_counter()
                area.insert("x")  # fires Changed → the live check
                await pilot.pause()
                times.append(time.perf_counter() - t)
    finally:
        store.close()
    return statistics.median(times)


def _render_rows(ctx) -> list[Row]:
    from jinja2 import Environment

    from store.models import Application, Contact, Draft, Settings
    from store.outreach import assess_with, build_context
    from store.templates import BUILTIN_BY_KIND

    t = BUILTIN_BY_KIND["thank-you"]
    filled = t.body.replace("ask(", "(")  # the same text and shape, slots as plain strings
    contact = Contact(first_name="Ana", last_name="Almeida", company="Northwind", emails=["a@x.org"])
    application = Application(company="Northwind", role="Data Engineer",
                              activity=[{"on": "2026-03-01", "what": "interview"}])
    settings = Settings(my_name="Alex Morgan")
    c = build_context(contacts=[contact], application=application, settings=settings)
    n = [0]

    def ours() -> None:
        n[0] += 1
        d = Draft(kind="thank-you", channel="email", subject=t.subject, body=t.body + f" {n[0]}")
        assess_with(d, c, application=application, settings=settings)

    env = Environment()
    plain_ctx = {"contact": {"first_name": "Ana", "company": "Northwind"},
                 "app": {"role": "Data Engineer", "company": "Northwind", "interview_when": "yesterday"},
                 "me": {"signature": "Alex Morgan", "name": "Alex Morgan"}}

    def plain() -> None:
        n[0] += 1
        env.from_string(filled + f" {n[0]}").render(ask=lambda x: x, **plain_ctx)

    ours_t = ctx.measure(ours, repeat=50)
    plain_t = ctx.measure(plain, repeat=50)
    return [Row("render + count + tone check of a thank-you (uncached template)", ours_t,
                "plain Jinja2 render of the same text", plain_t, "well under a frame (16 ms)")]


def _mark_rows(ctx) -> list[Row]:
    from store.db import Store
    from store.models import Touchpoint
    from store.outreach import new_draft
    from store.templates import BUILTIN_BY_KIND

    store = Store.open(ctx.copy("heavy"))
    try:
        people = store.contacts.all()[:14]
        apps = [a for a in store.applications.all() if a.outcome == "rejected"][:14]
        drafts = [store.drafts.save(new_draft(BUILTIN_BY_KIND["feedback request"], contacts=[p],
                                              application_id=a.id)) for p, a in zip(people, apps, strict=False)]
        assert len(drafts) >= 14, "the heavy dataset has enough rejected applications"
        queue = list(drafts)

        def ours() -> None:
            d = queue.pop()
            store.drafts.mark_sent(d.id, channel="email", on=date(2026, 3, 2), subject="s", body="b")

        ours_t = ctx.measure(ours, repeat=min(7, len(queue)))

        def separately() -> None:
            # the same changes as three separate saves (what a non-atomic version would do)
            d = queue.pop()
            store.touchpoints.log(Touchpoint(date="2026-03-02", contact_ids=list(d.contact_ids),
                                               draft_id=d.id, kind=d.kind))
            a = store.applications.get(d.application_id).copy()
            a.feedback_requested_on = "2026-03-02"
            store.applications.save(a)
            sent = d.copy()
            sent.status = "sent"
            store.drafts.save(sent)

        base_t = ctx.measure(separately, repeat=min(7, len(queue)))
    finally:
        store.close()
    return [Row("mark sent (touchpoint + contact + application + draft), heavy", ours_t,
                "the same changes as three separate writes", base_t, "<= 1.0x (one write, not three)")]


def run(ctx) -> list[Row]:
    rows: list[Row] = []
    repeat = 3 if ctx.quick else 5
    heavy = statistics.median(asyncio.run(_open(ctx.copy("heavy"))) for _ in range(repeat))
    small = statistics.median(asyncio.run(_open(ctx.copy("small"))) for _ in range(repeat))
    rows.append(Row("open Outreach (key 5 to painted), heavy", heavy, "same, 50-record dataset", small, "<= 1.5x"))
    k_heavy = asyncio.run(_keystroke(ctx.copy("heavy"), 10 if ctx.quick else 20))
    k_small = asyncio.run(_keystroke(ctx.copy("small"), 10 if ctx.quick else 20))
    rows.append(Row("one keystroke in the editor (live check redrawn), heavy", k_heavy, "same, 50-record dataset",
                    k_small, "<= 1.5x"))
    rows += _render_rows(ctx)
    rows += _mark_rows(ctx)
    return rows
