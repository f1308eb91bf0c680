"""Words in the order the eye meets them, read back from the page with poppler's word
boxes: a paragraph in Urdu from right to left, a name in Urdu inside an English sentence
in its own right-to-left order, and English inside Urdu left to right."""

from __future__ import annotations

import re
from pathlib import Path

from app.export.document import Document, PackLook, Paragraph, PrintStyle, Section, SectionIcon
from app.export.pdf import write_pdf
from app.export.pdf.bidi import is_right_to_left_language, visual_lines
from tests.export.pdf_samples import run

URDU_LINE = "احمد خان نے کہا کہ مرمت میں وقت لگتا ہے۔"
MIXED_URDU = "میٹنگ 10:30 بجے Community Room میں ہوگی۔"
ENGLISH_WITH_NAME = "Ahmed Khan (احمد خان) said the repairs take too long."
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>')


def _rows(pack: Path) -> list[list[str]]:
    """Each line's words from left to right as poppler finds them on the page. Poppler
    gives an Arabic-script word's letters in drawn order, so they are turned back here."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, word in _WORD.findall(run("pdftotext", "-bbox", pack, "-")):
        line = next((key for key in rows if abs(key - float(y)) < 4), float(y))
        right_to_left = any("\u0600" <= c <= "\u06ff" for c in word)
        rows.setdefault(line, []).append((float(x), word[::-1] if right_to_left else word))
    return [[word for _x, word in sorted(words)] for _y, words in sorted(rows.items())]


def test_words_are_drawn_in_the_order_they_are_read(tmp_path: Path) -> None:
    blocks = (
        Paragraph(URDU_LINE, language="ur"),
        Paragraph(MIXED_URDU, language="ur"),
        Paragraph(ENGLISH_WITH_NAME),
    )
    document = Document("Order", "en-GB", (Section("Notes", SectionIcon.NOTES, blocks),))
    rows = _rows(write_pdf(document, PackLook(PrintStyle.STANDARD, 14), tmp_path / "o.pdf"))
    # Right to left: the first word is the rightmost.
    assert list(reversed(URDU_LINE.split())) in rows
    assert ["ہوگی۔", "میں", "Community", "Room", "بجے", "10:30", "میٹنگ"] in rows
    english = next(row for row in rows if row[:2] == ["Ahmed", "Khan"])
    assert english[2:6] == ["(", "خان", "احمد", ")"]


def test_a_long_urdu_paragraph_breaks_into_lines_read_from_the_right(tmp_path: Path) -> None:
    words = (URDU_LINE + " ") * 4
    document = Document(
        "Order", "en-GB", (Section("Notes", SectionIcon.NOTES, (Paragraph(words, language="ur"),)),)
    )
    rows = _rows(write_pdf(document, PackLook(PrintStyle.LARGE, 20), tmp_path / "l.pdf"))
    urdu_rows = [row for row in rows if any("\u0600" <= c <= "\u06ff" for c in "".join(row))]
    assert len(urdu_rows) >= 3
    read = [word for row in urdu_rows for word in reversed(row)]
    assert read == words.split()


def test_visual_lines() -> None:
    def measure(text: str) -> float:
        return 10.0 * len(text)

    assert visual_lines("Plain English.", False, None, measure) is None
    assert visual_lines("met احمد خان.", False, None, measure) == ["met خان احمد."]
    assert visual_lines("x (احمد خان) y", False, None, measure) == ["x (خان احمد) y"]
    assert visual_lines("ایک دو تین چار", True, 100, measure) == ["تین دو ایک", "چار"]
    assert visual_lines("ایک Big Room دو", True, None, measure) == ["دو Big Room ایک"]


def test_right_to_left_languages() -> None:
    assert is_right_to_left_language("ur")
    assert is_right_to_left_language("ar-EG")
    assert is_right_to_left_language("pa-Arab")
    assert not is_right_to_left_language("pa")
    assert not is_right_to_left_language("en-GB")
    assert not is_right_to_left_language(None)
