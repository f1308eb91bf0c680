"""A pack as plain content, before it is a PDF or a set of audio files.

Services build a ``Document`` from what is saved; each output format (``app.export.pdf``,
``app.export.audio``) turns the same ``Document`` into its own form, so a printed pack and
its audio version always say the same things in the same order.

A document has a title (the H1), then sections (each an H2, read aloud as one audio file),
each holding blocks: paragraphs, subheadings (H3), bulleted lists and tables. Text is plain
Unicode, never markup: the formats escape it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SectionIcon(StrEnum):
    """The picture beside a section in the Easy Read style (and a word for it everywhere)."""

    AGENDA = "agenda"
    AIMS = "aims"
    VENUE = "venue"
    PEOPLE = "people"
    NOTES = "notes"
    DECISIONS = "decisions"
    ACTIONS = "actions"
    PAYMENTS = "payments"
    FEEDBACK = "feedback"
    INFORMATION = "information"


@dataclass(frozen=True)
class Paragraph:
    text: str
    # A BCP 47 tag when this text is in another language from the document (a name in Urdu).
    language: str | None = None


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """Rows of cells under column headers; ``caption`` says what the table shows.

    Where a table is too wide for the page at a large text size, a format may show each row
    as a small list of "header: value" lines instead: so keep headers short and meaningful.
    """

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Paragraph | Subheading | BulletList | Table


@dataclass(frozen=True)
class Section:
    heading: str
    icon: SectionIcon
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    title: str
    language: str  # BCP 47, e.g. "en-GB"
    sections: tuple[Section, ...]
    # One line under the title: the group and the date, say.
    subtitle: str = ""
    # Who the document is about or for, for the PDF's metadata.
    author: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def all_text(self) -> list[str]:
        """Every piece of text in reading order (for checks that nothing went missing)."""
        texts = [self.title]
        if self.subtitle:
            texts.append(self.subtitle)
        for section in self.sections:
            texts.append(section.heading)
            for block in section.blocks:
                match block:
                    case Paragraph(text=text) | Subheading(text=text):
                        texts.append(text)
                    case BulletList(items=items):
                        texts.extend(items)
                    case Table(caption=caption, headers=headers, rows=rows):
                        texts.append(caption)
                        texts.extend(headers)
                        for row in rows:
                            texts.extend(row)
        return texts


class PrintStyle(StrEnum):
    """The three ways a pack can be printed (ACCESSIBILITY.md, "Printed packs")."""

    STANDARD = "standard"  # 14 pt by default, never under 12 pt
    LARGE = "large"  # 18 pt by default, any size from 16 to 28 pt
    EASY_READ = "easyread"  # 16 pt and up, an icon beside each section


@dataclass(frozen=True)
class PackLook:
    """How one pack is to look: its style, its body text size in points, its font.

    ``font_key`` is a ``ReadingFont.key`` from ``app.services.pack_defaults``.
    """

    style: PrintStyle
    size_pt: int
    font_key: str = "atkinson-hyperlegible"
