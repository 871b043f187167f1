"""How Rebound names another window that has the data open, and how it greets at any hour."""

from __future__ import annotations

import socket

from store.lock import LockHolder
from store.today import greeting


def test_the_holder_is_named_in_words_with_a_time_not_a_pid_or_a_timestamp():
    here = LockHolder(4242, socket.gethostname(), "2026-03-02T01:04:00")
    assert here.describe() == "Rebound in another window (since 01:04)"
    assert here.describe(detail=True) == "Rebound in another window (since 01:04; process 4242)"
    elsewhere = LockHolder(7, "laptop", "2026-02-27T23:10:00")
    assert elsewhere.describe() == "Rebound on laptop (since 27 Feb, 23:10)"
    assert LockHolder(None, "", "not a time").describe() == "Rebound in another window"


def test_no_good_evening_after_midnight():
    assert greeting(0, "Alex Doe") == "Hello, Alex."
    assert greeting(4) == "Hello."
    assert greeting(5).startswith("Good morning")
    assert greeting(13).startswith("Good afternoon")
    assert greeting(23).startswith("Good evening")
