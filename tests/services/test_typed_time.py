"""Times of day typed the ways people write them."""

from __future__ import annotations

import re
from datetime import time

import pytest

from app.errors import ValidationError
from app.services.typed_time import read_time


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("14:00", time(14, 0)),
        ("1400", time(14, 0)),
        ("14.05", time(14, 5)),
        ("2pm", time(14, 0)),
        ("2 PM", time(14, 0)),
        ("2.30", time(14, 30)),
        ("2:30 p.m.", time(14, 30)),
        ("2.30am", time(2, 30)),
        ("02:30", time(2, 30)),
        ("9:15", time(9, 15)),
        ("930", time(9, 30)),
        ("10", time(10, 0)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("  noon ", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("7", time(19, 0)),
        ("8", time(8, 0)),
        ("0", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_a_time_is_read_as_it_was_meant(typed: str, meant: time) -> None:
    assert read_time(typed) == meant


@pytest.mark.parametrize(
    "typed", ["", "teatime", "24:00", "14:60", "13pm", "0am", "2:3", "1:30:00", "-1", "٢:٣٠x"]
)
def test_what_is_not_a_time_is_refused_in_words(typed: str) -> None:
    with pytest.raises(
        ValidationError, match=re.escape("Please type a time such as 14:00, 2pm or 2.30.")
    ):
        read_time(typed)
