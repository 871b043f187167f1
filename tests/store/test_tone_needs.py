"""The prefilter needs shipped in ``store/tone_needs.json`` are those a fresh analysis of the rules gives,
and the rules' patterns compile only when a text could match them."""

from __future__ import annotations

import json
from pathlib import Path

from store import care, tone


def test_the_stored_needs_are_a_fresh_analysis_of_every_rule() -> None:
    stored = json.loads((Path(tone.__file__).parent / tone.NEEDS_FILE).read_text(encoding="utf-8"))
    fresh = tone.fresh_needs()
    assert stored == fresh, ("a rule changed since store/tone_needs.json was written: run "
                             "python -c \"from store import tone; tone.write_needs()\"")


def test_a_pattern_missing_from_the_file_is_analysed_as_before(monkeypatch) -> None:
    pre = tone._Prefilter(r"\bzebra crossing\b")
    try:
        assert pre.needs() == tone.literal_prefixes(r"\bzebra crossing\b")
    finally:
        tone._INDEX.registry.remove(pre)


def test_rules_compile_on_first_use_and_find_the_same() -> None:
    fresh = tone._Rx(r"\b(?:rude|useless)\b")
    assert fresh._rx is None  # nothing compiled at definition
    assert [m.span() for m in fresh.finditer("you were rude")] == [(9, 13)]
    assert fresh._rx is not None
    tone._INDEX.registry.remove(fresh.pre)
    pattern = care._Pattern(r"\bend it all\b")
    assert pattern._rx is None
    assert [m.span() for m in pattern.finditer("i want to end it all")] == [(10, 20)]
    tone._INDEX.registry.remove(pattern.pre)
