"""Print rules read back from the file with pdfminer.six: sizes, one place for the page
furniture on every page, short lines, A4 portrait."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTFigure, LTPage, LTTextContainer, LTTextLine

from app.export.document import PackLook, PrintStyle
from app.export.pdf import smallest_size, write_pdf
from tests.export.pdf_samples import sample_document

LOOKS = [
    PackLook(PrintStyle.STANDARD, 12),
    PackLook(PrintStyle.STANDARD, 14),
    PackLook(PrintStyle.LARGE, 18),
    PackLook(PrintStyle.LARGE, 28),
    PackLook(PrintStyle.EASY_READ, 16),
]


def _lines(page: object) -> list[LTTextLine]:
    """Every line of text, also those inside forms (the page total is one)."""
    found = []
    for box in page:  # type: ignore[attr-defined]
        if isinstance(box, LTTextContainer):
            found.extend(line for line in box if isinstance(line, LTTextLine))
        elif isinstance(box, LTFigure):
            found.extend(_lines(box))
    return found


def _pages(pack: Path) -> list[LTPage]:
    return list(extract_pages(pack, laparams=LAParams(all_texts=True)))


def _size(line: LTTextLine) -> float:
    return max(round(c.size, 1) for c in line if isinstance(c, LTChar))


@pytest.mark.parametrize("look", LOOKS, ids=lambda look: f"{look.style}-{look.size_pt}")
def test_print_rules_hold_on_every_page(look: PackLook, tmp_path: Path) -> None:
    pack = write_pdf(sample_document(extra_paragraphs=1), look, tmp_path / "p.pdf")
    pages = _pages(pack)
    assert len(pages) >= 2
    footers, headers = set(), set()
    for number, page in enumerate(pages, start=1):
        assert (round(page.width), round(page.height)) == (595, 842)  # A4 portrait
        lines = _lines(page)
        for line in lines:
            assert _size(line) >= smallest_size(look.style)
            assert _size(line) >= look.size_pt
            assert len(line.get_text().strip()) <= 72, line.get_text()
        footer = min(lines, key=lambda line: line.y0)
        header = max(lines, key=lambda line: line.y1)
        footer_line = sorted(
            (line for line in lines if abs(line.y0 - footer.y0) < 1), key=lambda line: line.x0
        )
        footer_text = " ".join(line.get_text().strip() for line in footer_line)
        assert footer_text == f"Page {number} of {len(pages)}"
        assert {_size(line) for line in footer_line} == {look.size_pt}
        assert _size(footer) == look.size_pt  # page numbers as big as the body text
        assert _size(header) == look.size_pt
        footers.add((round(footer.x0), round(footer.y0)))
        headers.add((round(header.x0), round(header.y1)))
    assert len(footers) == 1 and len(headers) == 1  # same place on every page


def test_headings_are_larger_than_body_text(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    sizes: dict[str, float] = {}
    for page in _pages(pack):
        for line in _lines(page):
            text = line.get_text().strip()
            sizes[text] = max(sizes.get(text, 0.0), _size(line))  # the title is also the header
    assert sizes["Agenda"] > sizes["We meet at 10:30 in the Community Room."] == 14
    assert sizes["From last time"] > 14
    title = max(size for text, size in sizes.items() if text.startswith("Riverside"))
    assert title > sizes["Agenda"]


def test_a_paragraph_in_urdu_lines_up_on_the_right(tmp_path: Path) -> None:
    from app.export.pdf.layout import layout_for

    look = PackLook(PrintStyle.STANDARD, 14)
    pack = write_pdf(sample_document(), look, tmp_path / "p.pdf")
    layout = layout_for(look)
    lines = [line for page in _pages(pack) for line in _lines(page)]
    urdu = next(line for line in lines if "\u06d4" in line.get_text())  # the Urdu full stop
    assert abs(urdu.x1 - (layout.left + layout.text_width)) < 1  # at the column's right edge
    assert urdu.x0 > layout.left + 100  # ragged on the left
