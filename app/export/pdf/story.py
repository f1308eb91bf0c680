"""A pack ``Document`` as a list of ReportLab flowables, each tied to its structure element."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from app.export import document as doc
from app.export.pdf.bidi import is_right_to_left_language
from app.export.pdf.flowables import IconHeading, ListItem, TaggedParagraph
from app.export.pdf.fonts import markup
from app.export.pdf.icons import draw_icon
from app.export.pdf.layout import Layout
from app.export.pdf.tables import table_flowables
from app.export.pdf.tags import Element, Tagger


class SectionHeading(TaggedParagraph):
    """An H2 that also adds the section's bookmark where it is drawn."""

    bookmark: tuple[str, str] = ("", "")

    def draw(self) -> None:
        key, title = self.bookmark
        if key and not getattr(self, "later_part", False):
            self.canv.bookmarkHorizontal(key, 0, self.height)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)
        super().draw()


def _paragraph(
    text: str,
    style: ParagraphStyle,
    layout: Layout,
    tagger: Tagger,
    element: Element,
    *,
    bold: bool = False,
    language: str | None = None,
) -> TaggedParagraph:
    if language:
        element.attributes["Lang"] = language
    drawn = markup(
        text,
        layout.look.font_key,
        bold=bold,
        right_to_left=is_right_to_left_language(language or layout.language),
        # A little room spare: shaped Arabic is seldom wider than measured letter by letter.
        width=(layout.text_width - style.leftIndent) * 0.97,
        size=style.fontSize,
    )
    return TaggedParagraph(drawn, style).bind(tagger, element, text)


def build_story(document: doc.Document, layout: Layout, tagger: Tagger) -> list[Flowable]:
    key = layout.look.font_key
    root = tagger.root
    story: list[Flowable] = []
    title = _paragraph(document.title, layout.title, layout, tagger, root.add("H1"), bold=True)
    title.keepWithNext = True
    story.append(title)
    if document.subtitle:
        story.append(_paragraph(document.subtitle, layout.body, layout, tagger, root.add("P")))
    for number, section in enumerate(document.sections):
        part = root.add("Sect")
        heading = SectionHeading(markup(section.heading, key, bold=True), layout.section)
        heading.bind(tagger, part.add("H2"), section.heading)
        heading.bookmark = (f"section-{number}", section.heading)
        heading.keepWithNext = True
        if layout.icon_size:
            room = layout.frame_top - layout.frame_bottom
            icon = draw_icon(section.icon)
            story.append(IconHeading(heading, icon, layout.icon_size, tagger, room))
        else:
            story.append(heading)
        for block in section.blocks:
            story.extend(_block(block, layout, tagger, part))
    return story


def _block(block: doc.Block, layout: Layout, tagger: Tagger, part: Element) -> list[Flowable]:
    match block:
        case doc.Paragraph(text=text, language=language):
            right_to_left = is_right_to_left_language(language or layout.language)
            style = layout.body_right_to_left if right_to_left else layout.body
            return [_paragraph(text, style, layout, tagger, part.add("P"), language=language)]
        case doc.Subheading(text=text):
            heading = _paragraph(text, layout.subheading, layout, tagger, part.add("H3"), bold=True)
            heading.keepWithNext = True
            return [heading]
        case doc.BulletList(items=items):
            listing = part.add("L")
            flowables: list[Flowable] = []
            for number, text in enumerate(items):
                item = listing.add("LI")
                style = layout.item if number < len(items) - 1 else layout.item_last
                paragraph = ListItem(markup(text, layout.look.font_key), style)
                paragraph.bind(tagger, item.add("LBody"), text)
                paragraph.label = item.add("Lbl")
                # The label is drawn first, so it comes first among the item's children.
                item.kids.reverse()
                flowables.append(paragraph)
            return flowables
        case doc.Table():
            return table_flowables(block, layout, tagger, part)
    raise TypeError(f"not a block: {block!r}")
