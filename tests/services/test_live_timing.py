"""Time boxes in words and numbers, and the gentle warning near the end."""

from __future__ import annotations

import pytest

from app.services.live_timing import break_time, item_time, warning_words


@pytest.mark.parametrize(
    ("box", "elapsed", "words", "warn"),
    [
        (20, 0, "20 minutes left of 20", False),
        (20, 8 * 60 + 1, "12 minutes left of 20", False),
        (20, 18 * 60 + 30, "2 minutes left of 20", True),
        (20, 19 * 60 + 59, "1 minute left of 20", True),
        (20, 20 * 60, "Time is up: 20 minutes used", True),
        (20, 23 * 60 + 10, "3 minutes over the 20 planned", True),
        (4, 2 * 60 + 30, "2 minutes left of 4", False),  # short items warn at a quarter
        (4, 3 * 60 + 5, "1 minute left of 4", True),
    ],
)
def test_time_left_in_words(box: int, elapsed: float, words: str, warn: bool) -> None:
    time = item_time(box, elapsed)
    assert (time.words, time.warn) == (words, warn)


def test_warnings_are_plain_sentences_that_never_say_to_stop() -> None:
    assert warning_words(item_time(20, 18 * 60 + 30)) == "2 minutes left on this item."
    assert warning_words(item_time(20, 20 * 60 + 5)) == (
        "This item's time is up. Move on when the group is ready."
    )
    assert break_time(15, 60).words == "14 minutes of the break left, of 15"
    assert warning_words(break_time(15, 16 * 60), of_break=True) == (
        "The break's time is up. Carry on when everyone is ready."
    )
