"""The page: a running header (the pack's title) and footer (the page number), drawn at
the body text size in the same place on every page, as artifacts a screen reader skips."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from app.export import document as doc
from app.export.pdf.fonts import markup
from app.export.pdf.layout import Layout
from app.export.pdf.tags import Tagger
from app.i18n import _


def _header_text(title: str, layout: Layout) -> Paragraph:
    """The title on one line, cut short with "…" when it is too long for the page."""
    words = title.split()
    key = layout.look.font_key
    shown = title
    while True:
        paragraph = Paragraph(markup(shown, key), layout.running)
        _width, height = paragraph.wrap(layout.text_width, layout.page_height)
        if height <= layout.leading * 1.01 or len(words) <= 1:
            return paragraph
        words.pop()
        shown = " ".join(words) + "\u2026"


class PackTemplate(BaseDocTemplate):
    def __init__(
        self, out: BinaryIO, document: doc.Document, layout: Layout, tagger: Tagger
    ) -> None:
        super().__init__(
            out,
            pagesize=(layout.page_width, layout.page_height),
            leftMargin=layout.left,
            rightMargin=layout.page_width - layout.left - layout.text_width,
            topMargin=layout.page_height - layout.frame_top,
            bottomMargin=layout.frame_bottom,
            title=document.title,
            author=document.author,
            subject=document.subtitle,
            keywords=", ".join(document.keywords),
            creator="Roundtable",
            lang=document.language,
            displayDocTitle=1,
            initialFontName=layout.face.regular,
        )
        self.layout, self.tagger = layout, tagger
        self.header = _header_text(document.title, layout)
        frame = Frame(
            layout.left,
            layout.frame_bottom,
            layout.text_width,
            layout.frame_top - layout.frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def _decorate(self, canv: Canvas, _document: BaseDocTemplate) -> None:
        layout, tagger = self.layout, self.tagger
        if canv.getPageNumber() == 1:
            canv.showOutline()  # opens with the bookmarks, one per section, in view
        canv.saveState()
        with tagger.artifact(canv, "Pagination", "Header"):
            _width, height = self.header.wrap(layout.text_width, layout.page_height)
            self.header.drawOn(canv, layout.left, layout.header_top - height)
            rule = layout.header_top - height - layout.leading / 3
            canv.setLineWidth(1)
            canv.line(layout.left, rule, layout.left + layout.text_width, rule)
        with tagger.artifact(canv, "Pagination", "Footer"):
            canv.setFont(layout.face.regular, layout.size)
            canv.setFillColor("black")
            page = _("Page {number}").format(number=canv.getPageNumber())
            canv.drawString(layout.left, layout.footer_baseline, page)
        canv.restoreState()
