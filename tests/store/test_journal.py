"""Journal rules: search semantics, filters, relief arithmetic, trends, lessons, funnel, drafts,
prompts and the Markdown export."""

from __future__ import annotations

from datetime import date

import pytest

from store import journal as J
from store import prompts as P
from store.journal_export import default_export_path, entry_markdown, export_store, to_markdown
from store.models import Application, JournalEntry
from tests.hostile import HOSTILE, stored_form

TODAY = date(2026, 3, 2)


def reframe(**kw) -> JournalEntry:
    base = dict(kind="reframe", entry_date="2026-03-01",
                emotions=[{"name": "sad", "before": 80, "after": 40}, {"name": "anxious", "before": 60, "after": 50}],
                thoughts=[{"text": "I'm unemployable.", "belief": 90, "hot": True}],
                hot_belief_after=40)
    base.update(kw)
    return JournalEntry(**base)


# --------------------------------------------------------------------------- search


def test_parse_query_words_phrases_and_case():
    assert J.parse_query("  Final   ROUND ") == ["final", "round"]
    assert J.parse_query('"final round" acme') == ["final round", "acme"]
    assert J.parse_query('unbalanced "quote') == ["unbalanced", "quote"]
    assert J.parse_query("a a A") == ["a"]
    assert J.parse_query("") == []


def test_every_term_must_match_across_fields():
    e1 = JournalEntry(kind="freewrite", title="After the panel", body="They asked about scaling.")
    e2 = JournalEntry(kind="freewrite", title="After lunch", body="Nothing about work.")
    e3 = reframe(evidence_against=["The panel liked my scaling story."])
    entries = [e1, e2, e3]
    assert J.search(entries, "panel scaling") == [e1, e3]  # terms in different fields still match
    assert J.search(entries, "after") == [e1, e2]
    assert J.search(entries, "after nothing") == [e2]
    assert J.search(entries, "after banana") == []
    assert J.search(entries, "") == entries
    assert J.search(entries, "PANEL") == [e1, e3]  # case-insensitive


def test_search_covers_every_text_field():
    e = JournalEntry(
        kind="reframe", title="t-title", body="t-body", situation="t-situation",
        emotions=[{"name": "t-emotion", "before": 50, "after": 20}],
        thoughts=[{"text": "t-thought", "belief": 70, "hot": True}], distortions=["labeling"],
        evidence_for=["t-for"], evidence_against=["t-against"], balanced_thought="t-balanced",
        self_compassion=["t-compassion"], lesson="t-lesson", next_action="t-action", tags=["t-tag"],
    )
    for term in ["t-title", "t-body", "t-situation", "t-emotion", "t-thought", "labeling", "t-for",
                 "t-against", "t-balanced", "t-compassion", "t-lesson", "t-action", "t-tag"]:
        assert J.search([e], term) == [e], term
    # a phrase never spans two fields
    assert J.search([e], '"t-title t-body"') == []


def test_search_extra_text_and_index_refresh():
    e = JournalEntry(kind="checkin", body="tired")
    assert J.search([e], "northwind", extras={e.id: "Northwind Labs — Data Engineer"}) == [e]
    idx = J.SearchIndex()
    assert J.search([e], "tired", index=idx) == [e]
    changed = e.copy()
    changed.body = "rested"
    changed.updated_at = "2099-01-01T00:00:00+00:00"
    assert J.search([changed], "tired", index=idx) == []
    assert J.search([changed], "rested", index=idx) == [changed]


def test_match_spans_merge_and_ignore_case():
    assert J.match_spans("Final round, final ROUND", ["round"]) == [(6, 11), (19, 24)]
    assert J.match_spans("abcdef", ["abc", "bcd"]) == [(0, 4)]
    assert J.match_spans("abc", []) == []
    assert J.match_spans("a[/]b", ["[/]"]) == [(1, 4)]  # regex characters are literal


def test_search_hostile_strings_are_plain_text():
    entries = [JournalEntry(kind="freewrite", title=s, body=s) for s in HOSTILE]
    for i, s in enumerate(HOSTILE[:6]):
        found = J.search(entries, f'"{s}"' if '"' not in s else s)
        assert entries[i] in found


# --------------------------------------------------------------------------- filters


def test_filters_by_kind_tag_application():
    a = JournalEntry(kind="checkin", tags=["Interview"])
    b = JournalEntry(kind="reframe", application_id="app1", tags=["sleep"])
    c = JournalEntry(kind="reframe", application_id="app2")
    entries = [a, b, c]
    assert J.apply_filter(entries, J.JournalFilter(kind="reframe")) == [b, c]
    assert J.apply_filter(entries, J.JournalFilter(tag="interview")) == [a]
    assert J.apply_filter(entries, J.JournalFilter(application_id="app2")) == [c]
    assert J.apply_filter(entries, J.JournalFilter(kind="reframe", application_id="app1")) == [b]
    assert J.apply_filter(entries, J.JournalFilter()) == entries
    assert J.all_tags(entries + [JournalEntry(tags=["interview"])]) == [("Interview", 2), ("sleep", 1)]
    assert J.linked_applications(entries) == [("app1", 1), ("app2", 1)]


def test_parse_tags():
    assert J.parse_tags("work, #prep  interview,work") == ["work", "prep", "interview"]
    assert J.parse_tags("") == []


def test_newest_first_and_headline():
    old = JournalEntry(kind="checkin", entry_date="2026-01-01", body="\n  first line\nsecond")
    new = reframe(entry_date="2026-03-01")
    assert J.newest_first([old, new]) == [new, old]
    assert J.headline(old) == "first line"
    assert J.headline(new) == "I'm unemployable."
    assert J.headline(JournalEntry(kind="reframe", situation="The email came")) == "The email came"
    assert J.headline(JournalEntry(kind="freewrite", title="T", body="B")) == "T"


# --------------------------------------------------------------------------- relief arithmetic


def test_relief_is_mean_drop_of_rerated_emotions():
    assert J.relief([{"before": 80, "after": 40}, {"before": 60, "after": 50}]) == 25
    # only re-rated emotions count
    assert J.relief([{"before": 80, "after": 40}, {"before": 60, "after": -1}]) == 40
    assert J.relief([{"before": 80, "after": None}, {"before": 60}]) is None
    assert J.relief([]) is None
    # feeling worse is a negative relief, not hidden
    assert J.relief([{"before": 20, "after": 50}]) == -30
    assert J.relief([{"before": 70, "after": 70}]) == 0
    # fractional means are kept
    assert J.relief([{"before": 50, "after": 40}, {"before": 50, "after": 45}]) == 7.5
    # junk values are ignored, never crash
    assert J.relief([{"before": "x", "after": 3}, {"before": True, "after": 0}]) is None


def test_belief_shift_uses_the_hot_thought():
    e = reframe(thoughts=[{"text": "a", "belief": 50}, {"text": "b", "belief": 90, "hot": True}],
                hot_belief_after=30)
    assert J.belief_shift(e) == 60
    e2 = reframe(thoughts=[{"text": "a", "belief": 50}], hot_belief_after=70)  # first = hot by default
    assert J.belief_shift(e2) == -20
    assert J.belief_shift(reframe(hot_belief_after=-1)) is None
    assert J.belief_shift(reframe(thoughts=[])) is None
    assert J.belief_shift(reframe(thoughts=[{"text": "a", "belief": -1, "hot": True}])) is None


def test_relief_and_shift_words_read_the_right_way_round():
    assert J.describe_relief(25) == "Your feelings eased 25 of 100 on average."
    assert J.describe_relief(-5) == "Your feelings rose 5 of 100. That happens; noticing it is a start."
    assert "not re-rated" in J.describe_relief(None)
    assert J.describe_shift(60) == "Your belief in the hot thought eased 60 of 100."
    assert J.describe_shift(-10) == "Your belief in the hot thought rose 10 of 100."
    assert J.describe_shift(0) == "Your belief in the hot thought held steady."
    for worse in (J.describe_relief(-10), J.describe_shift(-10)):
        assert "relief rose" not in worse.casefold() and "pts" not in worse


def test_parse_rating():
    assert J.parse_rating("70") == 70
    assert J.parse_rating(" 70% ") == 70
    assert J.parse_rating("") is None
    for bad in ["-3", "101", "seventy", "7.5"]:
        with pytest.raises(ValueError):
            J.parse_rating(bad)


# --------------------------------------------------------------------------- trends


def test_mood_by_day_and_trends():
    entries = [
        JournalEntry(kind="checkin", entry_date="2026-03-02", mood=4),
        JournalEntry(kind="checkin", entry_date="2026-03-02", mood=2),
        JournalEntry(kind="checkin", entry_date="2026-02-01", mood=5),  # day 30 back (inside)
        JournalEntry(kind="checkin", entry_date="2026-01-31", mood=1),  # outside 30, inside 90
        JournalEntry(kind="checkin", entry_date="2026-03-01", mood=1, is_draft=True),  # drafts ignored
        reframe(entry_date="2026-02-10", mood=0),
        reframe(entry_date="2026-02-20"),
    ]
    m30 = J.mood_by_day(entries, 30, TODAY)
    assert len(m30) == 30 and m30[-1] == 3.0 and m30[0] == 5.0
    assert sum(v is not None for v in m30) == 2
    t = J.trends(entries, TODAY)
    assert t.mood30_avg == 4.0
    assert t.mood90_avg == pytest.approx((3 + 5 + 1) / 3)
    assert t.records == 2
    assert [d for d, _ in t.relief] == ["2026-02-10", "2026-02-20"]  # oldest first
    assert t.relief_avg == 25 and t.shift_avg == 50
    assert J.bucket([1, None, 3, None, None, None], 2) == [1, 3, None]


# --------------------------------------------------------------------------- lessons


def test_lessons_list_skips_drafts_and_outside_control():
    e1 = reframe(entry_date="2026-02-01", lesson="Practise the scaling story.")
    e2 = reframe(entry_date="2026-02-15", lesson="They froze the budget", lesson_outside_control=True)
    e3 = reframe(entry_date="2026-02-20", lesson="Unfinished", is_draft=True)
    e4 = reframe(entry_date="2026-02-25", lesson="Ask about team size early.", application_id="a1")
    found = J.lessons([e1, e2, e3, e4])
    assert [lesson.text for lesson in found] == ["Ask about team size early.", "Practise the scaling story."]
    assert found[0].entry_id == e4.id and found[0].entry_date == "2026-02-25"
    assert found[0].application_id == "a1" and found[0].source == "I'm unemployable."
    assert J.outside_control_count([e1, e2, e3, e4]) == 1


# --------------------------------------------------------------------------- applications


def _app(**kw) -> Application:
    return Application(company=kw.pop("company", "Acme"), **kw)


def test_latest_rejection():
    a = _app(outcome="rejected", outcome_on="2026-02-01", stage="closed")
    b = _app(outcome="rejected", outcome_on="2026-02-20", stage="closed")
    c = _app(outcome="ghosted", outcome_on="2026-03-01", stage="closed")
    d = _app(stage="applied")
    assert J.latest_rejection([a, b, c, d]) is b
    assert J.latest_rejection([c, d]) is None


def test_funnel_counts_own_applications():
    apps = [
        _app(stage="applied", applied_on="2026-02-20"),
        _app(stage="screening", applied_on="2026-02-10"),
        _app(stage="interviewing", applied_on="2026-01-10"),
        _app(stage="closed", closed_from_stage="interviewing", outcome="rejected", applied_on="2026-01-05"),
        _app(stage="offer", applied_on="2025-12-20"),  # 73 days before today: inside 90
        _app(stage="closed", closed_from_stage="screening", applied_on="2025-06-01"),  # outside 90
        _app(stage="wishlist"),  # never sent
        # no applied_on: the move to applied in the history counts
        _app(stage="screening", stage_history=[{"from": "wishlist", "to": "applied", "at": "2026-02-25T10:00:00+00:00"},
                                               {"from": "applied", "to": "screening",
                                                "at": "2026-02-27T10:00:00+00:00"}]),
    ]
    f = J.funnel(apps, TODAY, 90)
    assert (f.applied, f.screening, f.interviewing, f.offer) == (6, 5, 3, 1)
    assert f.sentence() == "3 interviews from 6 applications in the last 90 days (5 reached a screen, 1 an offer)."
    total = J.funnel(apps, TODAY, None)
    assert total.applied == 7
    lines = J.funnel_lines(apps, TODAY)
    assert len(lines) == 2 and "whole search" in lines[1]
    assert J.funnel([], TODAY).sentence() == "No applications logged in the last 90 days yet."
    one = J.funnel([_app(stage="applied", applied_on="2026-03-01")], TODAY)
    assert one.sentence().startswith("0 interviews from 1 application in")


# --------------------------------------------------------------------------- repository & drafts


def test_drafts_save_resume_finish(store):
    d = JournalEntry(kind="reframe", situation="draft text", wizard_step=3, application_id="app9")
    store.journal.save_draft(d)
    assert store.journal.latest_draft("reframe").id == d.id
    assert store.journal.latest_draft("reframe", application_id="other") is None
    assert store.journal.latest_draft("reframe", application_id="app9").wizard_step == 3
    assert store.journal.entries(include_drafts=False) == []
    done = store.journal.get(d.id).copy()
    store.journal.finish(done)
    assert store.journal.drafts() == []
    assert store.journal.get(d.id).is_draft is False
    assert len(store.journal.all()) == 1


def test_repo_lessons_and_trends(store):
    store.journal.save(reframe(lesson="Breathe before answering."))
    assert [lesson.text for lesson in store.journal.lessons()] == ["Breathe before answering."]
    assert store.journal.trends(TODAY).records == 1


def test_hostile_text_is_stored_clean(store):
    for s in HOSTILE:
        e = reframe(title=s, situation=s, evidence_for=[s], lesson=s,
                    emotions=[{"name": s, "before": 50, "after": 10}])
        saved = store.journal.save(e)
        assert saved.title == stored_form(s)
        assert saved.evidence_for == [stored_form(s)]
        assert saved.emotions[0]["name"] == stored_form(s)


# --------------------------------------------------------------------------- prompts


def test_prompt_library_is_large_grouped_and_voiced():
    assert len(P.PROMPTS) >= 20
    counts = P.group_counts()
    assert set(counts) == set(P.GROUPS) and all(n >= 1 for n in counts.values()), counts
    assert len({p.key for p in P.PROMPTS}) == len(P.PROMPTS)
    for p in P.PROMPTS:
        assert "{name}" in p.named, p.key
        assert "{name}" not in p.you, p.key
    for step in range(1, 9):
        assert P.prompts_for(step), step
        assert P.prompts_for(step, rejection=True), step
    assert P.prompts_for(0) and P.prompts_for(9)
    # rejection variants come first for a rejection-linked entry, never otherwise
    assert P.prompts_for(1, rejection=True)[0].rejection
    assert not any(p.rejection for p in P.prompts_for(1))


def test_prompt_cycling_and_distanced_voice():
    first = P.prompt_text(1, 0)
    assert P.prompt_text(1, len(P.prompts_for(1))) == first  # wraps around
    assert P.prompt_text(1, 1) != first
    named = P.prompt_text(8, 0, name="Alex Morgan", use_name=True)
    assert "Alex" in named and "Morgan" not in named and "{name}" not in named
    assert "Alex" not in P.prompt_text(8, 0, name="Alex Morgan", use_name=False)
    # use_name without a name falls back to "you"
    assert P.prompt_text(8, 0, name="", use_name=True) == P.prompt_text(8, 0)
    d = P.PROMPTS_BY_KEY["distancing-third-person"]
    assert d.text("Alex", True) == "Tell what happened using 'Alex' instead of 'I'. What does Alex need right now?"
    assert P.prompt_of_the_day(TODAY)


def test_twelve_distortions_with_explanation_and_example():
    assert len(P.DISTORTIONS) == 12
    assert len({d.slug for d in P.DISTORTIONS}) == 12
    for d in P.DISTORTIONS:
        assert d.name and d.explanation and d.example
    names = [d.name.lower() for d in P.DISTORTIONS]
    for wanted in ["all-or-nothing", "overgeneralization", "mental filter", "discounting the positive",
                   "mind reading", "fortune telling", "catastrophizing", "emotional reasoning",
                   "should statements", "labeling", "personalization", "blame"]:
        assert any(n.startswith(wanted) for n in names), wanted
    assert set(P.FUNNEL_DISTORTIONS) <= set(P.DISTORTIONS_BY_SLUG)
    assert P.distortion_name("unknown thing") == "unknown thing"


# --------------------------------------------------------------------------- export


def test_markdown_one_section_per_entry_and_control_chars_stripped():
    e1 = reframe(title="", situation="Email \x1b]52;c;aGFja2Vk\x07 came", lesson="Ask early.",
                 evidence_for=["one"], evidence_against=["two\nlines"], balanced_thought="Fair.",
                 balanced_belief=60, self_compassion=["It hurts", "", "Be kind"], next_action="Apply",
                 next_action_date="2026-03-03", distortions=["labeling"])
    e2 = JournalEntry(kind="checkin", entry_date="2026-02-01", mood=3, energy=2, body="ok \x1b[2Jday")
    e3 = JournalEntry(kind="freewrite", title="Draft", is_draft=True)
    md = to_markdown([e2, e1, e3], lambda _id: "", today=TODAY)
    assert md.count("\n## ") == 3  # two entries + the lessons list; the draft is left out
    assert md.index("2026-03-01") < md.index("2026-02-01")
    assert "\x1b" not in md and "\x07" not in md
    assert "### Evidence against" in md and "- two\n  lines" in md
    assert "Labeling" in md and "eased 25 of 100" in md and "Apply (by 2026-03-03)" in md
    assert "This hurts: It hurts" in md and "A kind word: Be kind" in md
    assert "Mood: 3/5 (okay)" in md
    assert "- 2026-03-01: Ask early." in md
    with_drafts = to_markdown([e3], include_drafts=True, today=TODAY)
    assert "Unfinished draft" in with_drafts


def test_markdown_hostile_every_field():
    for s in HOSTILE:
        e = reframe(title=s, body=s, situation=s, evidence_for=[s], evidence_against=[s],
                    balanced_thought=s, lesson=s, next_action=s, tags=[s], self_compassion=[s, s, s],
                    emotions=[{"name": s, "before": 70, "after": 20}],
                    thoughts=[{"text": s, "belief": 80, "hot": True}])
        md = entry_markdown(e, s)
        assert "\x1b" not in md and "\u202e" not in md and "\x07" not in md


def test_export_store_writes_private_file(store):
    store.journal.save(reframe())
    path, n = export_store(store)
    assert path == default_export_path(store.data_dir)
    assert n == 1 and path.read_text().startswith("# Rebound journal")
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
