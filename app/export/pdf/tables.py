"""Tables: a real tagged table where it fits the page, else one short list per row.

A table with header cells (``TH``, scope Column) and data cells, its rules and shading
drawn as artifacts. Header rows repeated at the top of a later page are artifacts too, so
a screen reader hears each header once. When the columns cannot fit at the chosen text
size, each row becomes a list of "header: value" lines, which stays readable at 28 pt.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from app.export import document as doc
from app.export.pdf.flowables import TaggedParagraph
from app.export.pdf.fonts import markup
from app.export.pdf.layout import Layout
from app.export.pdf.tags import Element, Tagger

PADDING_EMS = 0.4
# A column narrower than this many average characters is too cramped to read.
NARROWEST_COLUMN_CHARACTERS = 8


class TaggedTable(Table):
    tagger: Tagger | None = None
    continued = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        for number, part in enumerate(parts):
            part.tagger = self.tagger
            part.continued = self.continued or number > 0
        return parts


class _Artifacts:
    """Table render callback: shading and rules as artifacts; repeated headers too."""

    def __init__(self) -> None:
        self.suppressed: list[tuple[TaggedParagraph, Element | None]] = []

    def __call__(self, table: TaggedTable, event: str, *args: object) -> None:
        tagger = table.tagger
        if tagger is None or not tagger.enabled:
            return
        canv = table.canv
        if event in ("startBG", "startLines"):
            canv.addLiteral("/Artifact BMC")
        elif event in ("endBG", "endLines"):
            canv.addLiteral("EMC")
        elif event == "startRow" and table.continued and args[0] < table.repeatRows:
            for cell in table._cellvalues[args[0]]:
                for paragraph in cell:
                    self.suppressed.append((paragraph, paragraph.element))
                    paragraph.element = None
        elif event == "endRow":
            for paragraph, element in self.suppressed:
                paragraph.element = element
            self.suppressed.clear()


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(word, font, size) for word in text.split()), default=0.0)


def _fits(table: doc.Table, layout: Layout, width: float) -> list[float] | None:
    """Column widths if every column can be readable within ``width``, else None."""
    size = layout.size
    padding = 2 * PADDING_EMS * size
    average = stringWidth("abcdefghijklmnopqrstuvwxyz", layout.face.regular, size) / 26
    needed, wanted = [], []
    for column, header in enumerate(table.headers):
        cells = [row[column] if column < len(row) else "" for row in table.rows]
        longest = max(
            _longest_word(header, layout.face.bold, size),
            *(_longest_word(cell, layout.face.regular, size) for cell in cells),
            NARROWEST_COLUMN_CHARACTERS * average,
        )
        natural = max(
            [
                stringWidth(header, layout.face.bold, size),
                *(stringWidth(cell, layout.face.regular, size) for cell in cells),
            ]
        )
        needed.append(longest + padding)
        wanted.append(max(longest, natural) + padding)
    if sum(needed) > width:
        return None
    if sum(wanted) <= width:
        return wanted
    spare = width - sum(needed)
    extra = [w - n for w, n in zip(wanted, needed, strict=True)]
    share = spare / sum(extra) if sum(extra) else 0.0
    return [n + e * share for n, e in zip(needed, extra, strict=True)]


def _rows_fit_a_page(table: doc.Table, layout: Layout, widths: list[float]) -> bool:
    """False when a row would be taller than half a page (a long note in a cell): a row
    cannot break over a page, and half a page of one cell is hard to follow anyway."""
    room = (layout.frame_top - layout.frame_bottom) / 2
    inner = [width - 2 * PADDING_EMS * layout.size for width in widths]
    for row in table.rows:
        for text, width in zip(row, inner, strict=False):
            drawn = stringWidth(text, layout.face.regular, layout.size)
            lines = drawn / width + 1 + text.count("\n")
            if lines * layout.leading > room:
                return False
    return True


def table_flowables(
    table: doc.Table, layout: Layout, tagger: Tagger, parent: Element
) -> list[Flowable]:
    key = layout.look.font_key
    width = layout.text_width - layout.body.leftIndent
    widths = _fits(table, layout, width) if table.headers else None
    if widths is None or not _rows_fit_a_page(table, layout, widths):
        return _as_lists(table, layout, tagger, parent)
    element = parent.add("Table")
    caption = element.add("Caption")
    flowables: list[Flowable] = [
        TaggedParagraph(markup(table.caption, key, bold=True), layout.subheading).bind(
            tagger, caption, table.caption
        )
    ]
    header_row = element.add("TR")
    data: list[list[list[TaggedParagraph]]] = [
        [
            [
                TaggedParagraph(markup(text, key, bold=True), layout.header_cell).bind(
                    tagger, header_row.add("TH", Scope="Column"), text
                )
            ]
            for text in table.headers
        ]
    ]
    for row in table.rows:
        row_element = element.add("TR")
        cells = list(row) + [""] * (len(table.headers) - len(row))
        data.append(
            [
                [
                    TaggedParagraph(markup(text, key), layout.cell).bind(
                        tagger, row_element.add("TD"), text
                    )
                ]
                for text in cells
            ]
        )
    padding = PADDING_EMS * layout.size
    rendered = TaggedTable(
        data,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        renderCB=_Artifacts(),
        spaceAfter=layout.body.spaceAfter,
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 1, "black"),
                ("LINEBELOW", (0, 0), (-1, 0), 2.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Only the cells' own paragraphs draw text; this keeps ReportLab's unembedded
                # Helvetica out of the file.
                ("FONT", (0, 0), (-1, -1), layout.face.regular, layout.size),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ("TOPPADDING", (0, 0), (-1, -1), padding / 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        ),
    )
    rendered.tagger = tagger
    flowables.append(_Indented(rendered, layout.body.leftIndent))
    return flowables


class _Indented(Flowable):
    """Moves a table right to line up with the text beside Easy Read pictures."""

    def __init__(self, content: Flowable, indent: float) -> None:
        super().__init__()
        self.content, self.indent = content, indent
        self.spaceAfter = getattr(content, "spaceAfter", 0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, self.height = self.content.wrap(availWidth - self.indent, availHeight)
        self.width = width + self.indent
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return [
            _Indented(part, self.indent)
            for part in self.content.split(availWidth - self.indent, availHeight)
        ]

    def draw(self) -> None:
        self.content.drawOn(self.canv, self.indent, 0)


def _as_lists(table: doc.Table, layout: Layout, tagger: Tagger, parent: Element) -> list[Flowable]:
    """Each row as a short list of "header: value" lines, with a blank line between rows."""
    key = layout.look.font_key
    flowables: list[Flowable] = [
        TaggedParagraph(markup(table.caption, key, bold=True), layout.subheading).bind(
            tagger, parent.add("H3"), table.caption
        )
    ]
    row_end = ParagraphStyle("RowEnd", parent=layout.line, spaceAfter=layout.body.spaceAfter)
    for row in table.rows:
        row_list = parent.add("L")
        # An empty cell says nothing, so it has no line.
        filled = [(column, value) for column, value in enumerate(row) if value.strip()]
        for number, (column, value) in enumerate(filled):
            header = table.headers[column] if column < len(table.headers) else ""
            item = row_list.add("LI")
            text = markup(value, key)
            line = value
            if header:
                text = markup(f"{header}: ", key, bold=True) + text
                line = f"{header}: {value}"
            style = row_end if number == len(filled) - 1 else layout.line
            # No bullet: the header at the start names the line.
            paragraph = TaggedParagraph(text, style).bind(tagger, item.add("LBody"), line)
            flowables.append(paragraph)
    return flowables
