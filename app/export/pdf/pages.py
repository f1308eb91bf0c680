"""The page: a running header (the pack's title) and footer (the page number), drawn at
the body text size in the same place on every page, as artifacts a screen reader skips."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from app.export import document as doc
from app.export.pdf.fonts import markup
from app.export.pdf.layout import Layout
from app.export.pdf.tags import Tagger
from app.i18n import _

TOTAL_FORM = "RoundtablePageTotal"
_TOTAL = "\x00"  # where the number of pages goes in the translated words


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
            number = canv.getPageNumber()
            before, marker, after = (
                _("Page {number} of {total}").format(number=number, total=_TOTAL).partition(_TOTAL)
            )
            if not marker or after.strip():
                # A translation with words after the total: the page number alone.
                canv.drawString(
                    layout.left, layout.footer_baseline, _("Page {number}").format(number=number)
                )
            else:
                canv.drawString(layout.left, layout.footer_baseline, before)
                canv.saveState()
                canv.translate(
                    layout.left + canv.stringWidth(before, layout.face.regular, layout.size),
                    layout.footer_baseline,
                )
                canv.doForm(TOTAL_FORM)
                canv.restoreState()
        canv.restoreState()

    def build(self, flowables: list[Flowable]) -> None:  # type: ignore[override]
        super().build(flowables, canvasmaker=self._make_canvas)

    def _make_canvas(self, *args: object, **options: object) -> PackCanvas:
        canvas = PackCanvas(*args, **options)
        canvas.total_font = (self.layout.face.regular, self.layout.size)
        return canvas


class PackCanvas(Canvas):
    """Writes the number of pages, known only at the end, once, into a form every page's
    footer shows: "Page 3 of 12"."""

    total_font: tuple[str, float] = ("", 0.0)

    def save(self) -> None:
        font, size = self.total_font
        self.beginForm(TOTAL_FORM, lowery=-size, uppery=2 * size)
        self.setFont(font, size)
        self.setFillColor("black")
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()
