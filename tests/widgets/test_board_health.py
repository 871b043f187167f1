"""The board's health line: the most detailed wording that fits, status in words and symbols."""

from __future__ import annotations

from tests.harness import mounted
from widgets.board_health import HealthFigures, HealthLine, variants

FUNNEL = [("Applied", 20, None), ("Screening", 8, 0.4), ("Interviewing", 3, 0.375), ("Offer", 1, 1 / 3)]


def figures(**kw) -> HealthFigures:
    values: dict = dict(live=7, floor=10, sent_this_week=5, weekly_goal=5, funnel=FUNNEL,
                        median_reply_days=4.5, attention=2)
    values.update(kw)
    return HealthFigures(**values)


def test_variants_go_from_most_to_least_detailed():
    texts = [c.plain for c in variants(figures())]
    widths = [c.cell_length for c in variants(figures())]
    assert widths == sorted(widths, reverse=True)
    full, wide, medium, compact, tiny = texts
    assert "Live 7 · floor 10 below" in full and "Week 5 of 5 applied ✓" in full
    assert "Applied 20 ›40%› Screening 8" in full and "First reply ~4.5 days" in full
    assert "Sweep 2 need attention (s)" in full
    assert "Funnel 20 ›40%› 8" in wide and "Sweep 2 (s)" in wide
    assert "Live 7/10 below" in medium and "Funnel 20›8›3›1" in medium and "Reply ~4.5d" in medium
    assert "Reply" not in compact and "Funnel 20›8›3›1" in compact
    assert tiny == "Live 7/10 below  Week 5/5 ✓  Sweep 2"  # never a count to make up


def test_calm_and_met_are_said_in_words():
    full = variants(figures(live=12, attention=0, sent_this_week=1, median_reply_days=None))[0].plain
    assert "Live 12 · floor 10 ✓" in full and "nothing needs attention" in full
    assert "1 of 5 applied" in full and "✓" not in full.split("Week")[1].split("applied")[0]
    assert "First reply no replies yet" in full
    assert variants(figures(median_reply_days=1))[0].plain.count("~1 day ") == 1


async def test_the_line_shows_the_most_detailed_wording_that_fits():
    options = [c.plain for c in variants(figures())]
    for width in (200, 120, 80, 40, 20):
        async with mounted(HealthLine(), size=(width, 2)) as h:
            assert "counting…" in h.widget.plain()
            h.widget.show(figures())
            await h.settle()
            shown = h.widget.plain()
            i = options.index(shown)
            room = width - 2  # one cell of padding each side
            assert len(shown) <= room or i == len(options) - 1, width
            assert i == 0 or len(options[i - 1]) > room, width
            assert (shown if len(shown) <= room else shown[:9]) in h.lines()[0], width
