"""Text made safe to print: whatever was saved, the pack is still made.

Lone surrogates (half an emoji, from a broken paste) become U+FFFD, the replacement
character, and control characters, which have no picture and would upset the PDF's
text, are dropped. Everything else is printed as it was typed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.export import document as doc

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", _UNPRINTABLE.sub("", text))


def _block(block: doc.Block) -> doc.Block:
    match block:
        case doc.Paragraph(text=text):
            return replace(block, text=printable(text))
        case doc.Subheading(text=text):
            return replace(block, text=printable(text))
        case doc.BulletList(items=items):
            return replace(block, items=tuple(map(printable, items)))
        case doc.Table(caption=caption, headers=headers, rows=rows):
            return replace(
                block,
                caption=printable(caption),
                headers=tuple(map(printable, headers)),
                rows=tuple(tuple(map(printable, row)) for row in rows),
            )
    raise TypeError(f"not a block: {block!r}")


def printable_document(document: doc.Document) -> doc.Document:
    """``document`` with every piece of its text made ``printable``."""
    return replace(
        document,
        title=printable(document.title),
        subtitle=printable(document.subtitle),
        author=printable(document.author),
        keywords=tuple(map(printable, document.keywords)),
        sections=tuple(
            replace(
                section,
                heading=printable(section.heading),
                blocks=tuple(_block(block) for block in section.blocks),
            )
            for section in document.sections
        ),
    )
