"""A pack's real pages as pictures: made, drawn and printed on the worker thread.

The preview shows the very PDF that Save and Print give, drawn by PDFium, never a
second imitation of it. Every function here runs on the task runner's single worker
thread (PDFium must only ever be used from one thread at a time); ``QImage`` and
painting on a ``QPrinter`` are both allowed off the GUI thread.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from app.errors import RoundtableError
from app.export.document import Document, PackLook, PrintStyle
from app.export.pdf import render_pdf
from app.export.private_file import write_private_bytes
from app.i18n import _
from app.models.enums import PackFormat
from app.services import packs
from app.services.packs import PackKind, PrivacyChoice
from app.storage import Database

if TYPE_CHECKING:
    from pypdfium2 import PdfPage

POINTS_PER_INCH = 72
# Enough pages to judge a pack by; Save and Print always give them all.
MOST_PAGES_SHOWN = 20
PRINT_DPI_LIMIT = 300
# A preview of a decision log stops after about this many blocks (some 20 pages).
PREVIEW_LOG_BLOCKS = 240


class PackNotSaved(RoundtableError):
    """The pack could not be written where the person asked."""


@dataclass(frozen=True)
class PackRequest:
    """Which pack, and how it should look."""

    kind: PackKind
    look: PackLook
    meeting_id: int | None = None  # for before and after
    group_id: int | None = None  # for the decision log
    privacy: PrivacyChoice = field(default_factory=PrivacyChoice)
    for_member: str = ""  # a member's own pack carries the name they go by


@dataclass(frozen=True)
class PageImage:
    image: QImage
    text: str  # what the page says, for the picture's accessible description


@dataclass(frozen=True)
class RenderedPack:
    request: PackRequest
    title: str
    pdf: bytes
    page_count: int
    pages: tuple[PageImage, ...]  # at most MOST_PAGES_SHOWN
    complete: bool = True  # False: ``pdf`` is only the start of a long decision log


def build_document(db: Database, request: PackRequest) -> Document:
    """The whole pack asked for."""
    if request.kind == PackKind.DECISIONS:
        if request.group_id is None:
            raise RoundtableError(_("Please choose a group first."))
        document = packs.decision_log_pack(db, request.group_id, request.look.style)
    elif request.meeting_id is None:
        raise RoundtableError(_("Please choose a session first."))
    else:
        document = packs.session_pack(
            db, request.meeting_id, request.kind, request.look.style, request.privacy
        )
    return _member(document, request)


def preview_document(db: Database, request: PackRequest) -> tuple[Document, bool]:
    """The pack to preview, and whether it is whole: of a long decision log only its
    first sections, some pages' worth, as a group with thousands of decisions would
    otherwise keep the worker busy for a minute at every change of a choice."""
    if request.kind != PackKind.DECISIONS or request.group_id is None:
        return build_document(db, request), True
    head, rest = packs.decision_log_in_parts(db, request.group_id, request.look.style)
    sections = list(head.sections)
    blocks, whole = 0, True
    try:
        for section in rest:
            sections.append(section)
            blocks += len(section.blocks)
            if blocks >= PREVIEW_LOG_BLOCKS:
                whole = False
                break
    finally:
        rest.close()  # ends its unit of work
    return _member(replace(head, sections=tuple(sections)), request), whole


def _member(document: Document, request: PackRequest) -> Document:
    return packs.for_member(document, request.for_member) if request.for_member else document


def render_pack(db: Database, request: PackRequest, dpi: float) -> RenderedPack:
    """The pack as a PDF and as pictures of its first pages at ``dpi``."""
    document, whole = preview_document(db, request)
    pdf = render_pdf(document, request.look)
    count, pages = draw_pages(pdf, dpi)
    return RenderedPack(request, document.title, pdf, count, pages, whole)


def whole_pdf(db: Database, request: PackRequest) -> bytes:
    """The whole pack as a PDF, for Save and Print when the preview showed only its start."""
    return render_pdf(build_document(db, request), request.look)


def draw_pages(pdf: bytes, dpi: float) -> tuple[int, tuple[PageImage, ...]]:
    """The page count, and pictures (with their text) of the first pages."""
    import pypdfium2 as pdfium  # only when a pack is first shown: it is slow to load

    document = pdfium.PdfDocument(pdf)
    try:
        count = len(document)
        pages = []
        for index in range(min(count, MOST_PAGES_SHOWN)):
            page = document[index]
            try:
                text_page = page.get_textpage()
                text = " ".join(text_page.get_text_range().split())
                text_page.close()
                pages.append(PageImage(_page_image(page, dpi), text))
            finally:
                page.close()
        return count, tuple(pages)
    finally:
        document.close()


def _page_image(page: PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
    try:
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
        )
        return image.copy()  # its own memory: the bitmap's goes when it is closed
    finally:
        bitmap.close()


def print_pages(pdf: bytes, printer: QPrinter) -> int:
    """Paints every page onto ``printer``, each fitted to the paper; returns the count."""
    import pypdfium2 as pdfium

    resolution = min(printer.resolution(), PRINT_DPI_LIMIT)
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RoundtableError(_("The printer could not be started. Please check it is ready."))
        count = len(document)
        for index in range(count):
            if index:
                printer.newPage()
            page = document[index]
            try:
                image = _page_image(page, resolution)
            finally:
                page.close()
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
        return count
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def save_pdf(pdf: bytes, out: Path) -> Path:
    """Writes the pack to ``out`` whole or not at all; refuses in words a person can act on."""
    out = Path(out)
    try:
        write_private_bytes(out, pdf)  # readable by its owner alone, as every pack is
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            message = _("There is no room left on the disk. Free some space, then try again.")
        elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            message = _("Roundtable may not save files in {folder}. Please choose another folder.")
        else:
            message = _("The pack could not be saved in {folder}. Please choose another place.")
        raise PackNotSaved(message.format(folder=out.parent)) from error
    return out


def suggested_name(kind: PackKind, group: str, when: datetime | None, look: PackLook) -> str:
    """A file name in words, e.g. "2026-12-03 Equipment group - before - large print 20pt.pdf"."""
    kind_words = {
        PackKind.BEFORE: _("before"),
        PackKind.AFTER: _("after"),
        PackKind.DECISIONS: _("decision log"),
    }[kind]
    style = packs.format_words(_format_of(look), look)
    date_words = f"{when:%Y-%m-%d} " if when is not None else ""
    return packs.safe_file_name(f"{date_words}{group} - {kind_words} - {style}") + ".pdf"


def _format_of(look: PackLook) -> PackFormat:
    return {
        PrintStyle.STANDARD: PackFormat.STANDARD,
        PrintStyle.LARGE: PackFormat.LARGE_PRINT,
        PrintStyle.EASY_READ: PackFormat.EASY_READ,
    }[look.style]
