"""A ``Document`` as words to be heard: what each section file says, in which voice.

Tables are read as sentences, a row at a time ("Time: 10:30, Item: Welcome."), since a
listener cannot glance back at a header. A paragraph in another language (a name or a
sentence in Urdu, say) is read by a voice for that language when the engine has one, and
otherwise by the document's own voice, as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.export.document import BulletList, Document, Paragraph, Section, Subheading, Table
from app.i18n import _, ngettext
from app.speech.interface import Segment, Voice

SENTENCE_ENDS = ".!?:;\u061f\u06d4\u3002"


class VoiceChooser:
    """Picks the voice for each language from those the engine has."""

    def __init__(self, voices: Sequence[Voice], document_language: str, preferred: str | None):
        self._voices = list(voices)
        self.default = preferred or self.for_language(document_language)

    def for_language(self, language: str | None) -> str | None:
        if not language:
            return None
        exact = [v for v in self._voices if language.lower() in (x.lower() for x in v.languages)]
        close = exact or [v for v in self._voices if v.speaks(language)]
        return close[0].id if close else None

    def voice_for(self, language: str | None) -> str | None:
        return (self.for_language(language) if language else None) or self.default


def sentence(text: str) -> str:
    """``text`` with an ending, so the engine pauses after it as after a sentence."""
    text = " ".join(text.split())
    if text and text[-1] not in SENTENCE_ENDS:
        text += "."
    return text


def table_sentences(table: Table) -> list[str]:
    spoken = [sentence(table.caption)] if table.caption else []
    for row in table.rows:
        parts = []
        for header, value in zip(table.headers, row, strict=False):
            value = value.strip()
            if value:
                parts.append(f"{header}: {value}" if header else value)
        if parts:
            spoken.append(sentence(", ".join(parts)))
    return spoken


def section_segments(section: Section, voices: VoiceChooser) -> list[Segment]:
    """What one section's file says: its heading, then each block in order."""
    segments: list[Segment] = []

    def add(text: str, voice: str | None) -> None:
        text = sentence(text)
        if not text:
            return
        if segments and segments[-1].voice == voice:
            segments[-1] = Segment(segments[-1].text + " " + text, voice)
        else:
            segments.append(Segment(text, voice))

    add(section.heading, voices.default)
    for block in section.blocks:
        match block:
            case Paragraph(text=text, language=language):
                add(text, voices.voice_for(language))
            case Subheading(text=text):
                add(text, voices.default)
            case BulletList(items=items):
                for item in items:
                    add(item, voices.default)
            case Table():
                for line in table_sentences(block):
                    add(line, voices.default)
    return segments


def contents_segments(
    document: Document, titles: Sequence[str], voices: VoiceChooser
) -> list[Segment]:
    """The short spoken contents: the title, then each part by its number."""
    lines = [sentence(document.title)]
    if document.subtitle:
        lines.append(sentence(document.subtitle))
    lines.append(
        ngettext(
            "This recording has {count} part after this one.",
            "This recording has {count} parts after this one.",
            len(titles),
        ).format(count=len(titles))
    )
    # One flowing list, not a sentence each: a sentence's pause after every title would
    # make the contents longer than a listener wants to wait.
    parts = [
        _("{number}, {title}").format(number=number, title=" ".join(title.split()).rstrip("."))
        for number, title in enumerate(titles, start=1)
    ]
    if parts:
        lines.append(sentence("; ".join(parts)))
    return [Segment(" ".join(lines), voices.default)]
