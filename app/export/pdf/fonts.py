"""The fonts a pack is printed in, and which of them draws each piece of text.

The reading font (Atkinson Hyperlegible unless someone chose another) draws everything it
can. Names and words in other scripts fall back, run by run, to bundled Noto fonts
(resources/fonts/noto, SIL Open Font License) so a name never turns into empty boxes. All
are TrueType (``glyf`` outlines): the only kind ReportLab can embed.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.services.pack_defaults import FONTS_FOLDER, SYSTEM_FONT, reading_font

NOTO = "noto"
# Fallbacks in the order they are tried: wide Latin, Greek and Cyrillic first, then the
# scripts most written by UK groups' members after English (Urdu, Arabic, Punjabi, Bengali,
# Gujarati, Hindi, Hebrew, Tamil). Files without a bold are drawn in their regular weight.
FALLBACK_FILES: tuple[tuple[str, str | None], ...] = (
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    ("NotoSansGurmukhi-Regular.ttf", None),
    ("NotoSansBengali-Regular.ttf", None),
    ("NotoSansGujarati-Regular.ttf", None),
    ("NotoSansDevanagari-Regular.ttf", None),
    ("NotoSansHebrew-Regular.ttf", None),
    ("NotoSansTamil-Regular.ttf", None),
)
_lock = threading.Lock()
NARROW_SPACE = "\u202f"


@dataclass(frozen=True)
class Face:
    """One font family as registered with ReportLab: a regular and a bold name."""

    regular: str
    bold: str
    characters: frozenset[int]

    def name(self, bold: bool) -> str:
        return self.bold if bold else self.regular


def _register(name: str, path: Path) -> TTFont:
    with _lock:
        try:
            return pdfmetrics.getFont(name)  # type: ignore[return-value]
        except KeyError:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            return font


def _face(stem: str, regular: Path, bold: Path | None) -> Face:
    regular_font = _register(stem, regular)
    bold_name = stem
    if bold is not None:
        bold_name = f"{stem}-Bold"
        _register(bold_name, bold)
    return Face(stem, bold_name, frozenset(regular_font.face.charToGlyph))


@cache
def reading_face(font_key: str) -> Face:
    """The reading font called ``font_key``; the computer's own font prints as Noto Sans."""
    font = reading_font(font_key)
    if font.key == SYSTEM_FONT or not font.files:
        return fallback_faces()[0]
    regular, bold = font.paths()
    return _face(f"Roundtable-{font.key}", regular, bold)


@cache
def fallback_faces() -> tuple[Face, ...]:
    faces = []
    for regular, bold in FALLBACK_FILES:
        stem = "Roundtable-" + regular.removesuffix("-Regular.ttf")
        folder = FONTS_FOLDER / NOTO
        faces.append(_face(stem, folder / regular, folder / bold if bold else None))
    return tuple(faces)


def _sticks_to_neighbour(character: str) -> bool:
    """Spaces, joiners and combining marks stay in the run around them, so a name in a
    right-to-left script is shaped as one piece rather than word by word."""
    category = unicodedata.category(character)
    return category[0] in "MZ" or category == "Cf" or 0xFE00 <= ord(character) <= 0xFE0F


def _face_for(word: str, faces: tuple[Face, ...]) -> Face | None:
    """The first face that draws every letter of ``word``; None if no one face does."""
    needed = {ord(c) for c in word if not _sticks_to_neighbour(c)}
    return next((face for face in faces if needed <= face.characters), None)


def _split_between_faces(word: str, faces: tuple[Face, ...]) -> list[tuple[Face | None, str]]:
    """A word no one face can draw (a bracket next to Arabic letters: the Arabic font has
    no brackets), cut where the face changes by a narrow space, so each part is shaped
    in its own font."""
    parts: list[tuple[Face | None, str]] = []
    for character in word:
        face = _face_for(character, faces) or faces[0]
        if parts and (parts[-1][0] is face or _sticks_to_neighbour(character)):
            parts[-1] = (parts[-1][0], parts[-1][1] + character)
            continue
        if parts:
            parts.append((None, NARROW_SPACE))
        parts.append((face, character))
    return parts


def runs(text: str, font_key: str) -> list[tuple[Face, str]]:
    """``text`` cut into runs, each with one face that can draw it.

    A word is kept in one face where one face can draw all of it (brackets round a name
    in Arabic script come from the Arabic font): ReportLab shapes a word as one piece and
    a word split between fonts turns into boxes.
    """
    faces = (reading_face(font_key), *fallback_faces())
    pieces: list[tuple[Face | None, str]] = []
    for word in re.split(r"(\s+)", text):
        if not word:
            continue
        if word.isspace():
            pieces.append((None, word))
            continue
        face = _face_for(word, faces)
        if face is not None:
            pieces.append((face, word))
        else:
            pieces.extend(_split_between_faces(word, faces))
    found: list[tuple[Face, str]] = []
    for face, piece in pieces:
        if found and (face is None or face is found[-1][0]):
            found[-1] = (found[-1][0], found[-1][1] + piece)
        else:
            found.append((face or faces[0], piece))
    return found


def markup(text: str, font_key: str, *, bold: bool = False) -> str:
    """``text`` as ReportLab paragraph markup, escaped, with a font change per run."""
    base = reading_face(font_key)
    parts = []
    for face, piece in runs(text, font_key):
        escaped = escape(piece)
        if face is base:
            parts.append(escaped)
        else:
            parts.append(f'<font face="{face.name(bold)}">{escaped}</font>')
    return "".join(parts)


def _needs_actual_text(character: str) -> bool:
    code = ord(character)
    simple = code <= 0x052F or 0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x2BFF
    return not simple


def needs_actual_text(text: str) -> bool:
    """True when the glyphs drawn cannot say which letters they are: shaped scripts
    (Arabic, Urdu, Hebrew, the Indian scripts…) whose letters join, reorder or merge, and
    emoji or other characters no bundled font draws."""
    return any(_needs_actual_text(character) for character in text)


def is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(character) in ("R", "AL") for character in text)
