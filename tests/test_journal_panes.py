"""The Journal's text, rendered directly (no running app): the reader's sections in order with search
matches marked, the pane's cut of a very long entry, the status and drafts lines, and hostile text
shown literally everywhere."""

from __future__ import annotations

from store.journal import JournalFilter
from store.models import JournalEntry
from tests.hostile import HOSTILE, stored_form
from tui.journal.panes import PANE_LIMIT, drafts_text, entry_row, pane_content, rating_text, status_text
from tui.journal.reader import render_entry


def record(text: str = "") -> JournalEntry:
    return JournalEntry(
        kind="reframe", entry_date="2026-03-01", title=f"title {text}", situation=f"situation {text}",
        emotions=[{"name": f"sad {text}", "before": 80, "after": 30}, {"name": "stuck", "before": 50, "after": -1}],
        thoughts=[{"text": f"hot {text}", "belief": 90, "hot": True}, {"text": "cold", "belief": 20, "hot": False}],
        distortions=["overgeneralization"], evidence_for=[f"for {text}"], evidence_against=["against\ntwo lines"],
        balanced_thought=f"balanced {text}", balanced_belief=60, hot_belief_after=40,
        self_compassion=[f"hurts {text}", "", "kind"], lesson=f"lesson {text}", next_action=f"act {text}",
        next_action_date="2026-03-06", body=f"notes {text}", tags=[f"tag {text}"])


def test_a_thought_record_reads_section_by_section():
    plain = render_entry(record(), app_title="Acme — Dev").plain
    order = ["Sun 1 Mar 2026 · Reframe", "Application: Acme — Dev", "Tags: tag ", "title ", "Situation\n  situation",
             "Emotions (0-100: before → after)\n  sad   80 → 30\n  stuck  50 → –",
             "Thoughts (belief 0-100)\n  ★ hot hot   (90 → 40)\n  · cold  (20)", "Thinking patterns\n  Overgeneral",
             "Evidence for\n  • for ", "Evidence against\n  • against\n    two lines",
             "Balanced thought (belief 60)\n  balanced", "How it shifted\n  ", "Self-compassion\n  This hurts: hurts",
             "  A kind word: kind", "Lesson\n  lesson", "Next action\n  act   (by 6 Mar, ", "Notes\nnotes"]
    at = [plain.find(part) for part in order]
    assert -1 not in at, [p for p, i in zip(order, at, strict=True) if i < 0]
    assert at == sorted(at)


def test_search_matches_are_marked_in_every_field():
    content = render_entry(record("zebra"), terms=["zebra"])
    marked = [content.plain[s.start:s.end] for s in content.spans if "reverse" in str(s.style)]
    assert len(marked) >= 10 and all(m.lower() == "zebra" for m in marked)


def test_a_check_in_and_a_draft():
    plain = render_entry(JournalEntry(kind="checkin", entry_date="2026-03-01", mood=2, energy=4, body="tired")).plain
    assert "Mood 2/5 (low) · energy 4/5" in plain and plain.endswith("\n\ntired") and "Situation" not in plain
    draft = render_entry(JournalEntry(kind="reframe", is_draft=True, wizard_step=3)).plain
    assert "Unfinished draft (step 3 of 8: " in draft


def test_hostile_text_is_shown_literally():
    for raw in HOSTILE:
        s = stored_form(raw)  # what is in the data: control characters already gone
        plain = render_entry(record(s), app_title=s, terms=[s[:5]]).plain
        for field in ("situation", "hot", "balanced", "lesson", "act", "notes"):
            assert f"{field} {s[:40]}" in plain, (field, raw[:20])
        assert f"Application: {s[:40]}" in plain
        status = status_text(1, 2, s, JournalFilter("reframe", s, "a1"), lambda _id, s=s: s).plain
        assert f"search: {s}" in status and f"tag: {s}" in status and f"application: {s}" in status
        row = entry_row(JournalEntry(kind="freewrite", title=s), [s[:3]], s)
        assert row.app == s and row.title.startswith(s[:40].strip())


def test_the_pane_cuts_a_very_long_entry():
    long = JournalEntry(kind="freewrite", body="w" * (PANE_LIMIT + 50))
    plain = pane_content(long, "", ()).plain
    assert plain.endswith("(enter shows the whole entry)") and "w" * (PANE_LIMIT + 1) not in plain
    assert long.body == "w" * (PANE_LIMIT + 50)  # the entry itself is untouched
    assert "enter shows" not in pane_content(JournalEntry(kind="freewrite", body="short"), "", ()).plain


def test_status_drafts_and_rating_lines():
    assert status_text(3, 3, "", JournalFilter(), lambda _id: "").plain.startswith("3 entries  · n new")
    assert status_text(1, 1, "", JournalFilter(), lambda _id: "").plain.startswith("1 entry ")
    narrowed = status_text(1, 3, "walk", JournalFilter(kind="checkin"), lambda _id: "").plain
    assert narrowed == "1 of 3 entries · search: walk · kind: Check-in  (escape clears)"
    assert drafts_text(1, None).plain.startswith("✎ 1 unfinished draft, ")
    reframe = JournalEntry(kind="reframe", entry_date="2026-02-28", wizard_step=3, is_draft=True)
    text = drafts_text(2, reframe).plain
    assert "Unfinished reframe from 28 Feb (step 3 of 8" in text and "2 drafts in all" in text
    assert rating_text(reframe) == "draft"
    assert rating_text(JournalEntry(kind="checkin", mood=4)) == "mood 4/5"
    assert rating_text(record()) == "eased 50"  # the right way round: feelings eased
    worse = record()
    worse.emotions = [{"name": "sad", "before": 50, "after": 80}]
    assert rating_text(worse) == "rose 30"  # feelings got worse: never "relief 30"


def test_a_row_shows_its_date_from_the_day_it_is_given():
    """The list gives its rows the day once (each row asked the clock: issue 16)."""
    from datetime import date

    entry = JournalEntry(kind="freewrite", title="A walk", entry_date="2025-03-02")
    assert entry_row(entry, [], "", date(2025, 6, 1)).date == "2 Mar"
    assert entry_row(entry, [], "", date(2026, 6, 1)).date == "2 Mar 2025"
