"""The prefilter needs shipped in ``store/tone_needs.json`` are those a fresh analysis of the rules gives
(the findings themselves are compared with and without the prefilter in test_tone.py)."""

from __future__ import annotations

import json
from pathlib import Path

from store import tone


def test_the_stored_needs_are_a_fresh_analysis_of_every_rule() -> None:
    stored = json.loads((Path(tone.__file__).parent / tone.NEEDS_FILE).read_text(encoding="utf-8"))
    fresh = tone.fresh_needs()
    assert stored == fresh, ("a rule changed since store/tone_needs.json was written: run "
                             "python -c \"from store import tone; tone.write_needs()\"")

