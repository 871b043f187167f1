"""The support check: crisis words in a journal entry are noticed; the strong words of a job search are not.

The corpora under ``tests/corpus/`` were written for these tests (one line each, ``#`` comments).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from store.care import Signal, normalise, ratings_signal, support_signal

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _lines(pattern: str) -> list[str]:
    """Every line of the corpus files matching ``pattern`` (the first corpus and each held-out round)."""
    out: list[str] = []
    for path in sorted(CORPUS.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        out += [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return out


TRIGGER = _lines("care_trigger*.txt")
QUIET = _lines("care_quiet*.txt")


def test_the_corpora_are_big_enough_and_distinct():
    assert len(TRIGGER) >= 100 and len(QUIET) >= 100
    assert not set(TRIGGER) & set(QUIET)


def test_recall_on_the_must_trigger_corpus():
    missed = [line for line in TRIGGER if not support_signal(line)]
    assert len(missed) <= 0.05 * len(TRIGGER), missed


def test_false_positives_on_the_must_not_trigger_corpus():
    noisy = [line for line in QUIET if support_signal(line)]
    assert len(noisy) <= 0.03 * len(QUIET), noisy


@pytest.mark.parametrize("text", [
    "I keep thinking everyone would be better off without me",
    "I keep thinking about ending it",
    "i wanna die",
    "i want to kms",
    "im kinda sucidal ngl",
    "I\u2019m thinking about ending it all",  # a curly apostrophe
    "I don\u2019t want to wake up tomorrow",
    "there's no reason to go on",
    "I can't go on like this",
    "there is no way out",
    "I want to hurt myself",
    "I wrote a goodbye letter",
    "I've been saving up my pills",
    "I stood on the bridge for an hour tonight",
    "I bought a rope",
    "I wrote a note to my family",
    "I'M NOT SUICIDAL, JUST TIRED",  # a denial still shows the panel (see the module doc)
    "Long day. Two rejections and a ghosting. I made pasta and thought everyone would be better off "
    "without me, then I watched something dumb and went to bed.",
])
def test_must_always_trigger(text):
    assert support_signal(text)


@pytest.mark.parametrize("text", [
    "this commute is killing me",
    "I'd kill for that job",
    "I killed it in the interview",
    "my laptop died",
    "dying to hear back",
    "stuck in a dead-end job",
    "the deadline is Friday",
    "a suicide mission of a take-home",
    "their killer app",
    "the drop-dead date for the offer",
    "I'd rather die than write another cover letter, ha",  # the judgment call: a comparison with a chore
    "I'm not going to kill myself over one rejection",
    "Is this really the hill I want to die on?",
    "I don't want to die in this dead-end job",
])
def test_must_always_stay_quiet(text):
    assert support_signal(text) is None


def test_a_signal_points_at_the_words_and_says_why_without_a_diagnosis():
    text = "Rough week. Honestly i wanna   die and I don\u2019t know why."
    sig = support_signal(text)
    assert isinstance(sig, Signal)
    s, e = sig.span
    assert text[s:e] == "wanna   die"
    assert sig.kind and sig.reason
    for word in ("depress", "risk", "disorder", "suicid", "ideation", "patient"):
        assert word not in sig.reason.casefold()


def test_the_signal_is_frozen_and_nothing_is_falsy():
    sig = support_signal("I want to end my life")
    assert sig
    with pytest.raises(AttributeError):
        sig.kind = "x"  # type: ignore[misc]
    assert support_signal("") is None
    assert support_signal("   \n ") is None


def test_a_phrase_buried_in_a_long_entry_is_found():
    filler = "I updated my portfolio, sent two applications and walked the dog. " * 40
    text = filler + "some nights i think no one would miss me. " + filler
    sig = support_signal(text)
    assert sig and "no one would miss me" in text[sig.span[0]:sig.span[1]]


def test_sentences_do_not_join_across_a_full_stop():
    # "want to. Die Hard" is not "want to die"
    assert support_signal("I want to. Die Hard is on tonight, so that's my evening sorted.") is None


def test_normalising_spells_out_shorthand_contractions_and_typos():
    assert normalise("Im gonna kms").text == "i am going to kill myself"
    assert normalise("I don\u2019t wanna").text == "i do not want to"
    assert normalise("sucidal, suicdal").text == "suicidal suicidal"
    assert normalise("k*ll myslef").text == "kill myself"
    assert normalise("No.  WAY!").text == "no | way |"


@pytest.mark.parametrize("text", ["su1cidal", "s*icidal", "i want to diiiie", "kill my self", "unalive myself"])
def test_spellings_people_use_to_get_past_filters(text):
    assert support_signal(text)


def test_hostile_strings_never_crash():
    from tests.hostile import HOSTILE

    for s in HOSTILE:
        sig = support_signal(s)
        if sig:
            assert 0 <= sig.span[0] <= sig.span[1] <= len(s)


# ----------------------------------------------------------------------------- ratings

TODAY = date(2026, 3, 2)


def _days(*offsets_and_moods: tuple[int, int]) -> list[tuple[date, int]]:
    return [(TODAY - timedelta(days=o), m) for o, m in offsets_and_moods]


def test_mood_one_on_three_of_the_last_seven_days():
    moods = _days((0, 1), (2, 1), (6, 1), (1, 3))
    sig = ratings_signal(moods, {}, today=TODAY)
    assert sig and sig.kind == "low moods" and sig.span == (0, 0)


def test_two_low_days_or_three_check_ins_on_one_day_are_not_enough():
    assert ratings_signal(_days((0, 1), (3, 1), (4, 2)), {}, today=TODAY) is None
    assert ratings_signal(_days((0, 1), (0, 1), (0, 1)), {}, today=TODAY) is None


def test_days_outside_the_week_do_not_count_when_today_is_given():
    moods = _days((0, 1), (2, 1), (7, 1), (10, 1))
    assert ratings_signal(moods, {}, today=TODAY) is None
    assert ratings_signal(moods, {}) is not None  # without today, the caller already chose the days


@pytest.mark.parametrize("ratings, fires", [
    ({"hopeless": 80}, True),
    ({"Worthless ": 95}, True),
    ({"hopeless": 79, "worthless": 10}, False),
    ({"sad": 100, "anxious": 100}, False),
    ({}, False),
])
def test_heavy_feelings(ratings, fires):
    assert bool(ratings_signal([], ratings, today=TODAY)) is fires


def test_patterns_match_whole_words_only():
    assert support_signal("I want to upskill myself this year") is None
    assert support_signal("We ran a bootcamp to reskill myself and others") is None
    assert support_signal("I want to kill myself")


# ----------------------------------------------------------------------------- context (held-out rounds)

@pytest.mark.parametrize("text", [
    "\"I wanted to die\" is what my friend said after her interview went badly; we laughed about it",
    "My brother's friend died by suicide last year and I've been thinking about him",
    "The novel I'm reading deals with suicide in a thoughtful way",
    "I used to self-harm as a teenager; it's been ten years and I'm proud of that",
    "I feel like a burden asking my references again",
    "I'd jump off a cliff for a chance at that role, haha",
])
def test_someone_elses_words_a_topic_or_a_past_that_is_over_stay_quiet(text):
    assert support_signal(text) is None


@pytest.mark.parametrize("text", [
    "I used to self-harm and lately the urge is back",  # the past, but it is back
    "I said \"I want to die\" to my therapist",  # the writer's own words, quoted
    "I've said my goodbyes",  # a plural is not a typo
    "I'd rather be dead than keep living like this",  # not a chore after "than"
    "i don't think i want to be alive anymore",
    "honestly everyone would be fine if i just wasnt here",
])
def test_the_writers_own_present_thought_still_shows_the_panel(text):
    assert support_signal(text)


# ----------------------------------------------------------------------------- the broader net (after round 13)

@pytest.mark.parametrize("text", [
    "honestly i think i deserve to just die",  # a few free words between the wish and the act
    "there is truly no reason at all left for me to live",
    "i've been hiding razor blades in my desk drawer",
    "i keep hitting my head until it hurts",
    "i won't be here for much longer, i've decided",
])
def test_the_broader_net_reads_fresh_wordings(text):
    assert support_signal(text)


@pytest.mark.parametrize("text", [
    "I hurt my wrist typing cover letters all week",
    "I'm going to die if I don't hear back by Friday",
    "I'm thinking about dying my hair before the interview",
    "My friend said she wants to die after that interview, we laughed",
    "I won't be around much next week, I'm travelling",
    "I was so embarrassed I wanted to die, but it's fine now",
])
def test_the_broader_net_stays_quiet_on_idioms_and_other_people(text):
    assert support_signal(text) is None
