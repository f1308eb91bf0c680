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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from app.export.pdf.bidi import visual_lines
from app.services.pack_defaults import FONTS_FOLDER, SYSTEM_FONT, reading_font


@dataclass(frozen=True)
class Fallback:
    """A bundled fallback font (paths under resources/fonts) and the Unicode blocks it is
    for (none: anything else)."""

    regular: str
    bold: str | None
    blocks: tuple[tuple[int, int], ...] = ()

    def is_for(self, code: int) -> bool:
        return not self.blocks or any(low <= code <= high for low, high in self.blocks)


# Scripts most written by UK groups' members after English: Urdu and Arabic, Punjabi,
# Bengali, Gujarati, Hindi, Hebrew and Tamil; emoji (Noto Emoji, in black and white);
# Chinese and Japanese (Droid Sans Fallback) and Korean (Nanum Gothic); then Noto Sans for
# wider Latin, Greek, Cyrillic and Vietnamese. Each is loaded only when a pack has a
# letter it is for; files without a bold draw bold text in their regular weight.
FALLBACKS: tuple[Fallback, ...] = (
    Fallback(
        "noto/NotoNaskhArabic-Regular.ttf",
        "noto/NotoNaskhArabic-Bold.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    Fallback("noto/NotoSansGurmukhi-Regular.ttf", None, ((0x0A00, 0x0A7F),)),
    Fallback("noto/NotoSansBengali-Regular.ttf", None, ((0x0980, 0x09FF),)),
    Fallback("noto/NotoSansGujarati-Regular.ttf", None, ((0x0A80, 0x0AFF),)),
    Fallback("noto/NotoSansDevanagari-Regular.ttf", None, ((0x0900, 0x097F), (0xA8E0, 0xA8FF))),
    Fallback("noto/NotoSansHebrew-Regular.ttf", None, ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    Fallback("noto/NotoSansTamil-Regular.ttf", None, ((0x0B80, 0x0BFF),)),
    Fallback(
        "noto-emoji/NotoEmoji-Regular.ttf",
        None,
        ((0x2300, 0x23FF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F000, 0x1FAFF)),
    ),
    Fallback(
        "droid-sans-fallback/DroidSansFallbackFull.ttf",
        None,
        (
            (0x2E80, 0x2FDF),  # radicals
            (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
            (0x31F0, 0x31FF),
            (0x3400, 0x4DBF),  # ideographs, extension A
            (0x4E00, 0x9FFF),  # ideographs
            (0xF900, 0xFAFF),
            (0xFF00, 0xFFEF),  # full-width forms
        ),
    ),
    Fallback(
        "nanum/NanumGothic.ttf",
        None,
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),  # Hangul
    ),
    Fallback("noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
)
_lock = threading.Lock()
WORD_BREAK = " "  # ReportLab shapes each space-separated word in one font


@dataclass(frozen=True)
class Face:
    """One font family as registered with ReportLab: a regular and a bold name."""

    regular: str
    bold: str
    characters: frozenset[int]
    letters: frozenset[str]  # the same, as one-letter strings, for quick whole-text checks

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
    codes = frozenset(regular_font.face.charToGlyph)
    return Face(stem, bold_name, codes, frozenset(map(chr, codes)))


@cache
def reading_face(font_key: str) -> Face:
    """The reading font called ``font_key``; the computer's own font prints as Noto Sans."""
    font = reading_font(font_key)
    if font.key == SYSTEM_FONT or not font.files:
        return _fallback_face(FALLBACKS[-1])  # Noto Sans
    regular, bold = font.paths()
    return _face(f"Roundtable-{font.key}", regular, bold)


@cache
def _fallback_face(fallback: Fallback) -> Face:
    stem = "Roundtable-" + Path(fallback.regular).stem.removesuffix("-Regular")
    bold = FONTS_FOLDER / fallback.bold if fallback.bold else None
    return _face(stem, FONTS_FOLDER / fallback.regular, bold)


@cache
def fallback_for(code: int) -> Face | None:
    """The bundled face that draws the character ``code``, loading it on first use."""
    for fallback in FALLBACKS:
        if fallback.is_for(code):
            face = _fallback_face(fallback)
            if code in face.characters:
                return face
    return None


def _sticks_to_neighbour(character: str) -> bool:
    """Spaces, joiners and combining marks stay in the run around them, so a name in a
    right-to-left script is shaped as one piece rather than word by word."""
    category = unicodedata.category(character)
    return category[0] in "MZ" or category == "Cf" or 0xFE00 <= ord(character) <= 0xFE0F


def _face_for(word: str, reading: Face) -> Face | None:
    """The face that draws every letter of ``word``: the reading font where it can, else
    one fallback; None when no one face does."""
    needed = {ord(c) for c in word if not _sticks_to_neighbour(c)}
    missing = needed - reading.characters
    if not missing:
        return reading
    candidates = {fallback_for(code) for code in missing} - {None}
    return next((face for face in candidates if face and needed <= face.characters), None)


def _split_between_faces(word: str, reading: Face) -> list[tuple[Face | None, str]]:
    """A word no one face can draw (a bracket next to Arabic letters: the Arabic font has
    no brackets), cut by a space where the face changes, so each part is shaped
    in its own font."""
    parts: list[tuple[Face | None, str]] = []
    for character in word:
        face = _face_for(character, reading) or reading
        if parts and (parts[-1][0] is face or _sticks_to_neighbour(character)):
            parts[-1] = (parts[-1][0], parts[-1][1] + character)
            continue
        if parts:
            parts.append((None, WORD_BREAK))
        parts.append((face, character))
    return parts


_TRAILING_STOPS = re.compile(r"^(.*[^.,;:!?\u060c])([.,;:!?\u060c]+)$", re.DOTALL)


def _stop_after_right_to_left_word(word: str) -> str:
    """A comma or full stop after a name in Arabic script, in an English sentence, stays
    after the name (to its right). ReportLab shapes the word as one right-to-left piece,
    which would carry the comma to the name's left, so it is put first: drawn right to
    left, first is rightmost. What a screen reader hears comes from ActualText."""
    found = _TRAILING_STOPS.match(word)
    if found is None or not is_right_to_left(found.group(1)):
        return word
    return found.group(2) + found.group(1)


def runs(text: str, font_key: str, right_to_left: bool = False) -> list[tuple[Face, str]]:
    """``text`` cut into runs, each with one face that can draw it.

    A word is kept in one face where one face can draw all of it (brackets round a name
    in Arabic script come from the Arabic font): ReportLab shapes a word as one piece and
    a word split between fonts turns into boxes.
    """
    reading = reading_face(font_key)
    if reading.letters.issuperset(text) or not (set(text) - reading.letters - _SPACES):
        return [(reading, text)]
    pieces: list[tuple[Face | None, str]] = []
    for word in re.split(r"(\s+)", text):
        if not word:
            continue
        if word.isspace():
            pieces.append((None, word))
            continue
        if not right_to_left:
            word = _stop_after_right_to_left_word(word)
        face = _face_for(word, reading)
        if face is not None:
            pieces.append((face, word))
        else:
            pieces.extend(_split_between_faces(word, reading))
    found: list[tuple[Face, str]] = []
    for index, (face, piece) in enumerate(pieces):
        if face is None:
            # A space between two words in the same font stays in their run (so a name
            # in Arabic script is shaped and ordered as one); any other is the reading
            # font's, whose space is the width a reader expects.
            after = pieces[index + 1][0] if index + 1 < len(pieces) else None
            if found and after is found[-1][0]:
                face = after
        face = face or reading
        if found and face is found[-1][0]:
            found[-1] = (face, found[-1][1] + piece)
        else:
            found.append((face, piece))
    return found


def markup(
    text: str,
    font_key: str,
    *,
    bold: bool = False,
    right_to_left: bool = False,
    width: float | None = None,
    size: float = 0.0,
) -> str:
    """``text`` as ReportLab paragraph markup: escaped, with a font change per run, its
    words in the order they are seen (``bidi``). ``right_to_left``: the paragraph is in a
    language written right to left, broken into lines of ``width`` at ``size`` here."""
    base = reading_face(font_key)

    def measure(word: str) -> float:
        return sum(
            stringWidth(piece, face.name(bold), size)
            for face, piece in runs(word, font_key, right_to_left)
        )

    lines = visual_lines(text, right_to_left, width, measure) or [text]
    drawn = []
    for line in lines:
        parts = []
        for face, piece in runs(line, font_key, right_to_left):
            escaped = escape(piece)
            if face is base and not bold:
                parts.append(escaped)
            else:
                parts.append(f'<font face="{face.name(bold)}">{escaped}</font>')
        drawn.append("".join(parts))
    return "<br/>".join(drawn)


# Latin, Greek and Cyrillic, punctuation and common symbols: one glyph per letter, in order.
_NOT_SIMPLE = re.compile("[^\u0000-\u052f\u1e00-\u1eff\u2000-\u2bff]")
_SPACES = frozenset(" \t\n\u00a0\u202f")


def needs_actual_text(text: str) -> bool:
    """True when the glyphs drawn cannot say which letters they are: shaped scripts
    (Arabic, Urdu, Hebrew, the Indian scripts…) whose letters join, reorder or merge, and
    emoji or other characters beyond the basic plane."""
    return _NOT_SIMPLE.search(text) is not None


def is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(character) in ("R", "AL") for character in text)
