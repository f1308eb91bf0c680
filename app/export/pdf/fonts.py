"""The fonts a pack is printed in, and which of them draws each piece of text.

The reading font (Atkinson Hyperlegible unless someone chose another) draws everything it
can. Names and words in other scripts fall back, run by run, to bundled Noto fonts
(resources/fonts/noto, SIL Open Font License) so a name never turns into empty boxes. All
are TrueType (``glyf`` outlines): the only kind ReportLab can embed.
"""

from __future__ import annotations

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


def runs(text: str, font_key: str) -> list[tuple[Face, str]]:
    """``text`` cut into runs, each with the first face that can draw all of it."""
    faces = (reading_face(font_key), *fallback_faces())
    found: list[tuple[Face, str]] = []
    current: Face | None = None
    start = 0
    for index, character in enumerate(text):
        if current is not None and (
            _sticks_to_neighbour(character) or ord(character) in current.characters
        ):
            continue
        face = next((f for f in faces if ord(character) in f.characters), faces[0])
        if face is not current:
            if current is not None:
                found.append((current, text[start:index]))
            current, start = face, index
    if current is not None:
        found.append((current, text[start:]))
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


def is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
