"""Words put in the order the eye meets them, for text that mixes directions.

ReportLab shapes each word (HarfBuzz draws the letters of an Arabic-script word right to
left) but lays words out left to right in the order they were typed, and the bidi support
it has needs a library not installed here. So the order of words is settled here, before
ReportLab sees the text: a run of right-to-left words inside an English sentence (a name
in Urdu) is reversed; a paragraph in Urdu or Arabic is reversed as a whole,
with any run of left-to-right words (a place name in English, a time) kept in its own
order. A paragraph in a language written right to left is broken into lines here too,
since the order of words depends on where the lines break. What is read aloud or copied comes from
ActualText, in the order it was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

RIGHT_TO_LEFT = ("R", "AL")


def _direction(word: str) -> str:
    """ "rtl", "ltr" or "" (no strong direction: a number, a dash) for one word."""
    for character in word:
        kind = unicodedata.bidirectional(character)
        if kind in RIGHT_TO_LEFT:
            return "rtl"
        if kind == "L":
            return "ltr"
    return ""


# Languages written right to left (BCP 47 primary tags), as a member's own paragraph may
# be marked: Arabic, Urdu, Persian, Pashto, Sindhi, Kurdish (Sorani), Hebrew, Yiddish…
RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {"ar", "ur", "fa", "ps", "sd", "ckb", "ug", "dv", "ks", "he", "iw", "yi", "syr"}
)


def is_right_to_left_language(language: str | None) -> bool:
    """True for a language tag written right to left ("ur", "ar-EG", "pa-Arab")."""
    if not language:
        return False
    parts = language.replace("_", "-").split("-")
    return parts[0].lower() in RIGHT_TO_LEFT_LANGUAGES or any(
        part.title() in ("Arab", "Hebr", "Thaa", "Syrc") for part in parts[1:]
    )


def _runs(words: list[str], against: str) -> list[list[str]]:
    """``words`` in runs: each run of words going ``against`` the paragraph (with the
    words without a direction between them) as one run, every other word alone."""
    runs: list[list[str]] = []
    pending: list[str] = []  # words without a direction after a run going against
    for word in words:
        direction = _direction(word)
        if direction == against:
            if runs and _direction(" ".join(runs[-1])) == against and runs[-1]:
                runs[-1].extend(pending)
                runs[-1].append(word)
            else:
                runs.extend([w] for w in pending)
                runs.append([word])
            pending = []
        elif direction == "" and runs and _direction(runs[-1][-1]) == against:
            pending.append(word)
        else:
            runs.extend([w] for w in pending)
            pending = []
            runs.append([word])
    runs.extend([w] for w in pending)
    return runs


def _is_edge(character: str) -> bool:
    return _direction(character) == "" and not character.isdigit()


def _edges(word: str, at_start: bool) -> tuple[str, str]:
    """(the brackets and stops at one end of ``word``, the rest)."""
    letters = word if at_start else word[::-1]
    count = 0
    while count < len(letters) and _is_edge(letters[count]):
        count += 1
    if at_start:
        return word[:count], word[count:]
    return word[len(word) - count :], word[: len(word) - count]


def _reversed_run(run: list[str]) -> list[str]:
    """A right-to-left run inside a left-to-right line, reversed; a bracket or stop at its
    ends stays there: "(احمد خان)." is drawn as "(خان احمد)".
    """
    before, first = _edges(run[0], at_start=True)
    after, last = _edges(run[-1], at_start=False) if len(run) > 1 else ("", "")
    if len(run) == 1:
        after, first = _edges(first, at_start=False)
        return [before + first + after]
    core = [first, *run[1:-1], last]
    core.reverse()
    core[0], core[-1] = before + core[0], core[-1] + after
    return core


def visual_words(words: list[str], right_to_left: bool) -> list[str]:
    """One line's words, left to right as drawn."""
    if right_to_left:
        # Reversed as a whole; runs of English words keep their own order.
        return [word for run in reversed(_runs(words, "ltr")) for word in run]
    return [
        word
        for run in _runs(words, "rtl")
        for word in (_reversed_run(run) if _direction(run[0]) == "rtl" else run)
    ]


def visual_lines(
    text: str, right_to_left: bool, width: float | None, measure: Callable[[str], float]
) -> list[str] | None:
    """``text`` as drawn lines, left to right; None when it needs nothing done (it has no
    right-to-left letters). ``right_to_left``: the paragraph is in a language written
    right to left; ``width`` is then the room on a line (None: one line)."""
    if not any(unicodedata.bidirectional(c) in RIGHT_TO_LEFT for c in text):
        return None
    words = text.split()
    if not right_to_left:
        return [" ".join(visual_words(words, right_to_left=False))]
    lines: list[list[str]] = [[]]
    used = 0.0
    space = measure(" ")
    for word in words:
        wanted = measure(word)
        if lines[-1] and width is not None and used + space + wanted > width:
            lines.append([])
            used = 0.0
        used += (space if lines[-1] else 0.0) + wanted
        lines[-1].append(word)
    return [" ".join(visual_words(line, right_to_left=True)) for line in lines]
