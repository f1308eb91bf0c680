"""The timing warnings: plain sentences when a plan breaks the group's own limits."""

from __future__ import annotations

import pytest

from app.services.timing import check_plan, duration_words, plan_summary, plan_warnings

LIMIT, INTERVAL = 120, 45


def test_a_plan_within_the_limits_has_no_warnings() -> None:
    assert plan_warnings([30, 15, 30], [(2, 15)], LIMIT, INTERVAL) == []


def test_exactly_at_the_limits_is_fine() -> None:
    # 45 + 15 + 45 + 15 = 120 minutes: exactly the limit, so only the long stretch is named.
    assert plan_warnings([45, 45, 15], [(1, 15)], LIMIT, INTERVAL) == [
        "There is no break for 1 hour, from the start of item 2 to the end of item 3. "
        "The group asks for a break at least every 45 minutes."
    ]
    # Every stretch exactly 45 minutes or less, and 120 minutes in all: nothing to say.
    assert plan_warnings([45, 45, 15], [(1, 10), (2, 5)], LIMIT, INTERVAL) == []
    assert plan_warnings([45, 30, 15], [(1, 15), (2, 15)], LIMIT, INTERVAL) == []
    assert check_plan([60, 60], [], LIMIT, 60).too_long is False


def test_one_minute_over_the_limit_is_too_long() -> None:
    warnings = plan_warnings([40, 40, 41], [(1, 0), (2, 0)], LIMIT, INTERVAL)
    assert warnings == [
        "This session is planned to last 2 hours 1 minute, longer than the group's limit of "
        "2 hours."
    ]


def test_the_briefs_examples_word_for_word() -> None:
    titles = ["Welcome", "Repairs", "Next steps"]
    warnings = plan_warnings([10, 60, 60], [(2, 10)], LIMIT, INTERVAL, titles)
    assert warnings == [
        "This session is planned to last 2 hours 20 minutes, longer than the group's limit of "
        "2 hours.",
        "There is no break for 1 hour 10 minutes, from the start of “Welcome” to the end of "
        "“Repairs”. The group asks for a break at least every 45 minutes.",
        "There is no break for 1 hour, during “Next steps”. "
        "The group asks for a break at least every 45 minutes.",
    ]


def test_breaks_count_towards_the_length_but_not_towards_a_stretch() -> None:
    check = check_plan([40, 40], [(1, 50)], LIMIT, INTERVAL)
    assert check.total_minutes == 130 and check.too_long
    assert not check.needs_break


def test_a_break_at_the_start_or_the_end_splits_nothing() -> None:
    for after in (0, 2):
        check = check_plan([30, 30], [(after, 10)], LIMIT, INTERVAL)
        assert check.needs_break, after
        assert [(s.first, s.last, s.minutes) for s in check.long_stretches] == [(0, 1, 60)]
        assert check.break_count == 1


def test_a_break_placed_beyond_the_agenda_splits_nothing() -> None:
    assert check_plan([30, 30], [(5, 10)], LIMIT, INTERVAL).needs_break


def test_an_empty_agenda_has_nothing_to_warn_about() -> None:
    assert plan_warnings([], [], LIMIT, INTERVAL) == []
    assert plan_summary([], []) == "Nothing is planned yet."
    check = check_plan([], [], LIMIT, INTERVAL)
    assert check.total_minutes == 0 and not check.too_long and not check.needs_break


def test_breaks_alone_can_make_a_session_too_long() -> None:
    assert plan_warnings([], [(0, 130)], LIMIT, INTERVAL) == [
        "This session is planned to last 2 hours 10 minutes, longer than the group's limit of "
        "2 hours."
    ]


def test_titles_name_the_items_and_blank_titles_fall_back_to_numbers() -> None:
    warnings = plan_warnings([50], [], LIMIT, INTERVAL, ["  "])
    assert warnings == [
        "There is no break for 50 minutes, during item 1. "
        "The group asks for a break at least every 45 minutes."
    ]


def test_the_groups_own_limits_are_used() -> None:
    assert plan_warnings([30, 30], [], 90, 30, ["A", "B"]) == [
        "There is no break for 1 hour, from the start of “A” to the end of “B”. "
        "The group asks for a break at least every 30 minutes."
    ]
    assert plan_warnings([30, 30], [], 50, 60)[0].endswith("the group's limit of 50 minutes.")


@pytest.mark.parametrize(
    ("agenda", "breaks", "sentence"),
    [
        ([60, 35], [(1, 15)], "Planned length 1 hour 50 minutes, with 1 break."),
        ([30, 30, 20], [(1, 10), (2, 10)], "Planned length 1 hour 40 minutes, with 2 breaks."),
        ([45], [], "Planned length 45 minutes, with no breaks."),
    ],
)
def test_the_summary_says_the_length_and_the_breaks(agenda, breaks, sentence) -> None:
    assert plan_summary(agenda, breaks) == sentence


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0, "0 minutes"),
        (1, "1 minute"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (150, "2 hours 30 minutes"),
    ],
)
def test_durations_in_words(minutes, words) -> None:
    assert duration_words(minutes) == words
