"""Page geometry and text styles for one pack look (ACCESSIBILITY.md, "Printed packs").

Every style: A4 portrait, black on white, left aligned and ragged right, 1.5 line spacing,
a blank line between paragraphs, headings larger and bold, and no more than about 70
characters on a line: at small sizes the text column is narrowed rather than filled.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.export.document import PackLook, PrintStyle
from app.export.pdf.fonts import Face, reading_face

LINE_SPACING = 1.5
MOST_CHARACTERS_PER_LINE = 68
MARGIN = 2 * cm
# An everyday sentence, to measure how wide an average character of the font is.
_SAMPLE = "The group agreed to meet again in the library after the summer, with lunch."


@dataclass(frozen=True)
class Layout:
    look: PackLook
    language: str  # the document's, BCP 47
    face: Face
    page_width: float
    page_height: float
    left: float
    text_width: float
    icon_size: float  # 0 unless the style puts an icon beside each section
    body: ParagraphStyle
    body_right_to_left: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    subheading: ParagraphStyle
    item: ParagraphStyle
    item_last: ParagraphStyle
    line: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    running: ParagraphStyle

    @property
    def size(self) -> float:
        return float(self.look.size_pt)

    @property
    def leading(self) -> float:
        return self.size * LINE_SPACING

    @property
    def header_top(self) -> float:
        return self.page_height - MARGIN

    @property
    def footer_baseline(self) -> float:
        return MARGIN

    @property
    def frame_top(self) -> float:
        # The running header line, then a blank line, then the text.
        return self.header_top - 2.5 * self.leading

    @property
    def frame_bottom(self) -> float:
        return self.footer_baseline + 2 * self.leading


def _style(
    name: str,
    face: Face,
    size: float,
    *,
    bold: bool = False,
    after: float = 0.0,
    before: float = 0.0,
    indent: float = 0.0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=face.name(bold),
        fontSize=size,
        leading=size * LINE_SPACING,
        alignment=TA_LEFT,
        spaceBefore=before,
        spaceAfter=after,
        leftIndent=indent,
        textColor="black",
        shaping=0,  # turned on per paragraph where the script needs it
        allowWidows=1,
        allowOrphans=0,
    )


def layout_for(look: PackLook, language: str = "en-GB") -> Layout:
    face = reading_face(look.font_key)
    size = float(look.size_pt)
    page_width, page_height = A4
    icon_size = max(3.2 * size, 2 * cm) if look.style is PrintStyle.EASY_READ else 0.0
    left = MARGIN
    room = page_width - 2 * MARGIN
    average = stringWidth(_SAMPLE, face.regular, size) / len(_SAMPLE)
    gutter = icon_size + size if icon_size else 0.0
    text_width = min(room, gutter + MOST_CHARACTERS_PER_LINE * average)
    blank_line = size * LINE_SPACING
    return Layout(
        look=look,
        language=language,
        face=face,
        page_width=page_width,
        page_height=page_height,
        left=left,
        text_width=text_width,
        icon_size=icon_size,
        body=_style("Body", face, size, after=blank_line, indent=gutter),
        body_right_to_left=ParagraphStyle(
            "BodyRightToLeft",
            parent=_style("Body", face, size, after=blank_line, indent=gutter),
            alignment=TA_RIGHT,
        ),
        title=_style("Title", face, round(size * 1.6), bold=True, after=blank_line / 2),
        section=_style(
            "Section",
            face,
            round(size * 1.35),
            bold=True,
            before=blank_line / 2,
            after=blank_line / 2,
            indent=gutter,
        ),
        subheading=_style(
            "Subheading", face, round(size * 1.15), bold=True, after=blank_line / 3, indent=gutter
        ),
        item=_style("Item", face, size, after=size / 2, indent=gutter + 1.5 * size),
        item_last=_style("LastItem", face, size, after=blank_line, indent=gutter + 1.5 * size),
        line=_style("Line", face, size, after=size / 3, indent=gutter),
        cell=_style("Cell", face, size),
        header_cell=_style("HeaderCell", face, size, bold=True),
        running=_style("Running", face, size),
    )
