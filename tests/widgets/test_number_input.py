"""widgets.number_input on its own: digits in, anything else refused with one toast."""

from __future__ import annotations

from tests.harness import mounted
from tests.waiting import notified
from widgets.number_input import NumberInput


async def test_letters_and_other_digits_are_refused_and_said_once():
    async with mounted(NumberInput(lo=0, hi=100, what="Belief", percent=True), size=(40, 5)) as h:
        h.app.clear_notifications()
        await h.press("a", "b", "²", "5", "0", "%", "%")
        assert h.widget.value == "50%"
        assert notified(h.app, title="Numbers only") == ["Belief takes a number from 0 to 100: digits only."]


async def test_a_one_digit_range_refuses_the_digits_outside_it():
    async with mounted(NumberInput(lo=1, hi=5, what="Excitement"), size=(40, 5)) as h:
        await h.press("0", "9", "3", "4")
        assert h.widget.value == "3"
