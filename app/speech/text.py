"""Text as speech needs it: split into sentences (so speech can pause between them) and
counted in words (so the length of a recording can be checked)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (or their full-width and Arabic/Urdu forms) followed by a space,
# or at a line break. Abbreviations may split early: that only adds a short pause.
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002\uff01\uff1f\u06d4\u061f])\s+|\s*\n+\s*")
_WORD = re.compile(r"\w+", re.UNICODE)
# Longer pieces are cut at commas and spaces so that one pause point is never far away.
LONGEST_PIECE = 400


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each stripped, none empty."""
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        while len(sentence) > LONGEST_PIECE:
            cut = _cut_point(sentence)
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    return pieces


def _cut_point(sentence: str) -> int:
    for mark in (", ", "; ", " "):
        cut = sentence.rfind(mark, 0, LONGEST_PIECE)
        if cut > LONGEST_PIECE // 2:
            return cut + len(mark)
    return LONGEST_PIECE


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
