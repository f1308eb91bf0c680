"""ReportLab flowables that say which structure element their text belongs to."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscent
from reportlab.platypus import Flowable, Paragraph

from app.export.pdf.fonts import is_right_to_left, needs_actual_text
from app.export.pdf.tags import Element, Tagger

_SHAPED: dict[int, ParagraphStyle] = {}


def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` with shaping (HarfBuzz) on: only text in joining or reordering scripts
    needs it, and shaping every English word would make long packs much slower."""
    shaped = _SHAPED.get(id(style))
    if shaped is None or shaped.parent is not style:
        shaped = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
        _SHAPED[id(style)] = shaped
    return shaped


class TaggedParagraph(Paragraph):
    """A paragraph drawn as marked content of ``element``; both halves of a paragraph
    split over a page break keep the same element, so it stays one paragraph when read."""

    tagger: Tagger | None = None
    element: Element | None = None
    properties: dict[str, str] | None = None

    def bind(self, tagger: Tagger, element: Element | None, text: str = "") -> TaggedParagraph:
        """Ties the paragraph to ``element``; ``text`` is what it says, letter for letter.

        Right-to-left text (Arabic script) gets an ``ActualText`` on its structure element:
        its glyphs are drawn in visual order but map to their letters, so text extraction
        can put them back in order, while screen readers that follow the tags read the
        letters in reading order. Other text whose glyphs cannot say which letters they
        are (Indian scripts whose letters reorder or merge, emoji) gets an ``ActualText``
        around its drawn content.
        """
        self.tagger, self.element = tagger, element
        self.properties = {}
        if not needs_actual_text(text):
            return self
        self.style = _shaped(self.style)
        if not is_right_to_left(text):
            self.properties["ActualText"] = text
        elif element is not None:
            element.attributes["ActualText"] = text
        return self

    def _copy_binding(self, part: TaggedParagraph) -> None:
        part.tagger, part.element = self.tagger, self.element
        part.properties = dict(self.properties or {})

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        actual = (self.properties or {}).get("ActualText")
        if actual and not getattr(self, "_postponed", False):
            # Its letters are given whole in ActualText, which cannot be cut in two where
            # the page breaks: so it moves whole to the next page, as a name should.
            return []
        parts = super().split(availWidth, availHeight)
        for number, part in enumerate(parts):
            if isinstance(part, TaggedParagraph) and part is not self:
                self._copy_binding(part)
                if actual and number > 0:
                    # Taller than a page: the first part carries all the letters.
                    part.properties.pop("ActualText", None)
                part.later_part = number > 0 or getattr(self, "later_part", False)
        return parts

    def _keep_line_end_spaces(self) -> None:
        """ReportLab leaves out the space at the end of each wrapped line; put it back
        (it is blank), so text read from the tags does not run two words together.
        Done as the lines are drawn, after the page layout no longer measures them."""
        lines = getattr(self, "blPara", None)
        if lines is None:
            return
        for line in lines.lines[:-1]:
            if lines.kind == 0:
                words = line[1]
                if words and not words[-1].endswith(" "):
                    words[-1] += " "
                continue
            last = line.words[-1] if line.words else None
            text = getattr(last, "text", None)
            # Shaped text (a ShapedStr) keeps its glyph positions: left alone.
            if type(text) is str and not text.endswith(" "):
                last.text = text + " "

    def draw(self) -> None:
        self._keep_line_end_spaces()
        if self.tagger is None:
            super().draw()
            return
        with self.tagger.content(self.canv, self.element, **(self.properties or {})):
            super().draw()


class ListItem(TaggedParagraph):
    """A list item: a bullet (the item's label) and then its text (the item's body)."""

    label: Element | None = None
    later_part = False

    def draw(self) -> None:
        if not self.later_part:
            style: ParagraphStyle = self.style
            size = style.fontSize
            baseline = self.height - getAscent(style.fontName, size)
            with self.tagger.content(self.canv, self.label) if self.tagger else nullcontext():
                self.canv.setFont(style.fontName, size)
                self.canv.drawString(style.leftIndent - 1.1 * size, baseline, "\u2022")
        super().draw()


class IconHeading(Flowable):
    """A section heading with a picture to its left (the Easy Read style).

    The picture repeats what the heading says, so it is drawn as an artifact: a screen
    reader then says the heading once rather than "agenda, picture of agenda"."""

    def __init__(
        self,
        heading: TaggedParagraph,
        draw_icon: Callable[[object, float, float, float], None],
        icon_size: float,
        tagger: Tagger,
        page_room: float,
    ) -> None:
        super().__init__()
        self.page_room = page_room  # the height of the text on a page
        self.heading, self.draw_icon, self.icon_size, self.tagger = (
            heading,
            draw_icon,
            icon_size,
            tagger,
        )
        self.keepWithNext = True
        self.spaceBefore = heading.style.spaceBefore
        self.spaceAfter = heading.style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _width, self.heading_height = self.heading.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, max(self.heading_height, self.icon_size)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Only a heading too long for a whole page is cut (else it moves to the next
        page whole); the picture stays with its start."""
        if self.height <= self.page_room:
            return []
        parts = self.heading.split(availWidth, availHeight)
        if len(parts) < 2:
            return []
        first = IconHeading(parts[0], self.draw_icon, self.icon_size, self.tagger, self.page_room)
        return [first, *parts[1:]]

    def draw(self) -> None:
        with self.tagger.artifact(self.canv):
            self.draw_icon(self.canv, 0, self.height - self.icon_size, self.icon_size)
        # The heading sits level with the middle of its picture.
        self.heading.drawOn(self.canv, 0, (self.height - self.heading_height) / 2)
