"""Prepared search texts (issue 16): the same answers as testing every text, found sooner: a first
letter looked up, a growing query narrowing the last answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.textsearch import PreparedTexts


def brute(texts: list[str], terms: list[str]) -> list[int]:
    return [i for i, t in enumerate(texts) if all(term in t for term in terms)]


class Watched(list[str]):
    """The texts, noting which were read (by index or by a walk through them all)."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts)
        self.read: list[int | str] = []

    def __getitem__(self, i):  # type: ignore[override]
        self.read.append(i)
        return super().__getitem__(i)

    def __iter__(self):
        self.read.append("all")
        return super().__iter__()


TEXTS = ["unemployable\x00panel", "a good walk", "final round at acme", "panel interview", "quiet day", ""]


def test_a_first_letter_is_looked_up_and_a_longer_query_reads_only_what_the_last_let_through():
    texts = Watched(TEXTS)
    prepared = PreparedTexts(texts)
    prepared.prepare_letters()
    texts.read.clear()
    assert prepared.matching(["p"]) == brute(TEXTS, ["p"]) == [0, 3]
    assert texts.read == []  # no text read: the letter's answer was worked out ahead
    assert prepared.matching(["pa"]) == [0, 3]
    assert texts.read == [0, 3]
    texts.read.clear()
    assert prepared.matching(["pan", "in"]) == [3]  # "pan" holds "pa": still narrowing
    assert sorted(set(texts.read)) == [0, 3]
    texts.read.clear()
    assert prepared.matching(["a"]) == brute(TEXTS, ["a"])  # shorter again: looked up
    assert prepared.matching(["round"]) == [2]  # "a" is inside "round": narrowing
    assert prepared.matching(["quiet"]) == [4]  # not inside: every text read again
    assert "all" in texts.read
    assert prepared.matching([]) == list(range(len(TEXTS)))


def test_a_first_letter_picks_the_records_without_reading_a_text():
    texts = Watched(TEXTS)
    prepared = PreparedTexts(texts)
    prepared.prepare_letters()
    texts.read.clear()
    assert prepared.pick(["a", "b", "c", "d", "e", "f"], ["p"]) == ["a", "d"] and texts.read == []
    assert prepared.pick(["a", "b", "c", "d", "e", "f"], ["pane"]) == ["a", "d"] and texts.read == [0, 3]


def test_without_letters_prepared_the_first_letter_reads_every_text():
    texts = Watched(TEXTS)
    prepared = PreparedTexts(texts)
    assert prepared.matching(["p"]) == [0, 3] and texts.read == ["all"]
    assert prepared.matching(["é"]) == []  # a character outside the prepared ones: read, not looked up


@settings(max_examples=150, derandomize=True, deadline=None)
@given(texts=st.lists(st.text(alphabet="abcé1 \x00", max_size=12), max_size=12),
       queries=st.lists(st.lists(st.text(alphabet="abcé1 ", min_size=1, max_size=3), max_size=3), max_size=8),
       letters=st.booleans())
def test_every_answer_is_what_testing_every_text_finds(texts, queries, letters):
    prepared = PreparedTexts(texts)
    if letters:
        prepared.prepare_letters()
    items = [f"record {i}" for i in range(len(texts))]
    for n, terms in enumerate(queries):
        if n % 2:
            assert prepared.matching(terms) == brute(texts, terms)
        else:  # the records themselves, picked as the indices would
            assert prepared.pick(items, terms) == [items[i] for i in brute(texts, terms)]
