"""What people might type, at its worst, and the rule every service keeps with it.

The rule: a text either saves and reads back exactly (short one-line fields, such as names
and titles, lose only the spaces around them), or it is refused with one plain sentence
and nothing in the file changes. NUL, other control characters and broken characters
(lone surrogates) are always refused; ordinary words in any script are always kept.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.errors import ValidationError

# Typed as a search or a name by someone who knows (or fears) how databases work.
SEARCH_SYNTAX = [
    '"',
    '""',
    "*",
    "NEAR(",
    "NEAR(a b)",
    "AND",
    "a AND b OR NOT c",
    "^",
    "col:val",
    "%",
    "_",
    "\\",
    "'",
    "'; DROP TABLE people; --",
    "Robert'); DELETE FROM decisions;--",
    "1 OR 1=1",
    "/* */",
    "[a-z]*",
    "(",
    ")",
]
# Scripts, marks and spacing that break naive text handling.
HARD_TEXT = [
    "",
    " ",
    "\t",
    "\n",
    "  Aoife Ní Bhriain  ",
    "Zoë Ødegård-Łukasiewicz",
    "محمد عبد الله",  # Arabic, right to left
    "\u202eevil override\u202c",
    "שלום עליכם",
    "e\u0301\u0301\u0301 Zalgo\u0336\u0336",
    "👩🏽\u200d🦽 wheelchair user 🦯",
    "🏳️\u200d🌈",
    "\ufeffbyte order mark",
    "zero\u200bwidth",
    "ﬁ ligature",
    "İstanbul ß ΣΊΣΥΦΟΣ",
    "\u2028line separator\u2029",
    "\x85next line",
    "tab\tinside",
    "two\nlines",
    "nul\x00inside",
    "bell\x07",
    "escape\x1b[31m",
    "\x7fdelete",
    "\ud800 lone surrogate",
    "\U0010ffff last code point",
    "ſ long s",
]
MEGABYTE = "Notes from a very long session. " * (1_000_000 // 32)
TOO_LONG = MEGABYTE + "x" * 64

any_character = st.characters(exclude_categories=())  # surrogates and controls included


def any_text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(any_character, max_size=max_size),
        st.sampled_from(HARD_TEXT + SEARCH_SYNTAX),
        st.lists(st.sampled_from(HARD_TEXT + SEARCH_SYNTAX), max_size=4).map("".join),
        st.text(st.characters(categories=("L", "M", "N", "P", "Zs", "So")), max_size=max_size),
    )


def examples(count: int) -> settings:
    """Fixed and repeatable in CI: the same cases every run, no time limit per case."""
    return settings(
        max_examples=count,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def must_refuse(text: str) -> bool:
    """Text no field may keep: control characters (bar tab and line breaks) or broken ones."""
    return any(
        (unicodedata.category(c) == "Cc" and c not in "\t\n\r\x85")
        or unicodedata.category(c) == "Cs"
        for c in text
    )


def ordinary(text: str, limit: int = 200) -> bool:
    """Words in any script that a one-line field must keep."""
    return (
        bool(text.strip())
        and len(text.strip()) <= limit
        and all(unicodedata.category(c)[0] in "LMNPS" or c == " " for c in text)
    )


def assert_plain(error: ValidationError) -> None:
    message = str(error)
    assert message.strip(), "an empty refusal"
    assert message[-1] in ".?!”", message
    for jargon in ("Traceback", "sqlite", "IntegrityError", "NoneType", "Error:", "\\x"):
        assert jargon not in message, message
    assert len(message) < 400, message
