"""The tone check's statistical backstop (store/tone_model.py) and properties of the whole check."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import tone, tone_model
from store.tone import check, hostile
from tests.hostile import HOSTILE

PROPERTIES = settings(derandomize=True, deadline=None, max_examples=60, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Neither line is in a corpus file, and no rule finds anything hostile in either: only the model reads them.
BITTER = "So the panel ignored my portfolio entirely, brilliant."
BENIGN = "Thanks so much for the update, I really enjoyed meeting the team last week."


def test_the_weights_file_loads_and_a_known_pair_scores_on_either_side():
    model = tone_model.load()
    assert model is not None
    assert 0.5 < model.threshold < 1 and len(model.weights) > 1000
    assert tone_model.score(BITTER)[0] > model.threshold > tone_model.score(BENIGN)[0]


def test_the_backstop_fires_only_when_no_rule_found_anything_hostile():
    assert not hostile(tone.check_rules(BITTER))  # the rules alone miss it…
    (f,) = [f for f in check(BITTER) if f.hostile]  # …the model reads it as a whole
    assert f.rule == "overall" and f.hostile and f.label == tone.RULES["overall"].label
    assert (f.start, f.end) == (0, len(BITTER)) and f.words == BITTER  # the span is the sentence
    assert f.why.startswith("Reads as bitter overall: \u2018") and "\n" not in f.why
    assert check(BENIGN) == []
    ruled = "Your loss. " + BITTER  # a rule finds something hostile: the backstop stays out of it
    assert "overall" not in {f.rule for f in check(ruled)}


def test_the_finding_points_at_the_sentence_not_the_greeting_or_sign_off():
    text = f"Hi Sam,\n\nThanks for letting me know. {BITTER}\n\nBest,\nAlex"
    (f,) = [f for f in check(text) if f.rule == "overall"]
    assert f.words == BITTER and text[f.start:f.end] == BITTER


def test_the_frame_of_a_message_carries_no_tone():
    text = "Dear Mr Patel,\nThe interview was fun.\nKind regards,\nAna"
    assert [text[s:e] for s, e in tone_model.sentences(text)] == ["The interview was fun."]
    assert tone_model.content("Hi Chris,\nThanks, I guess. Six weeks.\nNour") == "Thanks, I guess. Six weeks."
    assert tone_model.sentences("Thanks for nothing.") == [(0, 19)]  # a sarcastic thanks is not a sign-off


def test_negation_turns_a_judgement_round():
    names = {n for n, _ in tone_model.features("It wasn't a waste of time at all")}
    assert "u:!wast" in names and "u:wast" not in names and "c:neg" not in names


def test_without_weights_the_rules_work_alone(monkeypatch):
    monkeypatch.setattr(tone_model, "load", lambda: None)
    assert check(BITTER) == [] or not any(f.rule == "overall" for f in check(BITTER))
    assert hostile(check("Your loss."))


def test_a_broken_weights_file_is_refused_not_guessed():
    with pytest.raises(ValueError):
        tone_model.from_json({"bias": 0.1})
    with pytest.raises(ValueError):
        tone_model.from_json([1, 2])
    model = tone_model.from_json(json.loads('{"bias": -5, "threshold": 0.5, "weights": {"c:neg": "x", "c:mock": 1}}'))
    assert model.weights == {"c:mock": 1.0}


def test_the_why_names_only_plain_words():
    # words from the text go into the why line; only plain word characters, never quotes or escapes
    text = 'Wow, such a stellar "\x1b[31mteam\x1b[0m", six weeks of silence and then a form rejection!!!'
    for f in check(text):
        if f.rule == "overall":
            assert "\x1b" not in f.why


# ----------------------------------------------------------------------------- properties of check()

_TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from([BITTER, BENIGN, "Hi Sam,", "\n", "Best,\nAlex", "YOUR LOSS!!!", "\x1b[2J", "🎉",
                              "ur loss tbh", "\u202e", '"quote', "I'm sure", " ", "..."]), max_size=12).map("".join),
)


@PROPERTIES
@given(_TEXT, st.booleans())
def test_check_never_raises_and_every_span_is_inside_the_text(text, first_note):
    found = check(text, first_note=first_note, known_words=["ACME"])
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.words and f.why and "\n" not in f.why
        assert f.rule in tone.RULES
    assert found == sorted(found, key=lambda f: (f.start, f.end))


def test_a_huge_input_is_checked_without_raising():
    text = (BITTER + " ") * 3000 + "x" * 50_000
    for f in check(text):
        assert text[f.start:f.end] == f.words
