"""A pack ``Document`` printed as an accessible, tagged PDF (PDF/UA-1).

``write_pdf`` lays the document out with ReportLab in the chosen print style and size,
then (``finish``) adds what ReportLab does not write: the structure tree screen readers
follow, correct Unicode mappings for every character, and the PDF/UA identifier.
"""

from __future__ import annotations

import errno
import io
from pathlib import Path

from app.errors import RoundtableError
from app.export.document import Document, PackLook
from app.export.pdf.sizes import allowed_sizes, check_look, default_size, smallest_size
from app.export.private_file import write_private_bytes
from app.i18n import _

__all__ = [
    "PdfNotMade",
    "PdfNotSaved",
    "allowed_sizes",
    "default_size",
    "render_pdf",
    "smallest_size",
    "write_pdf",
]


class PdfNotSaved(RoundtableError):
    """The pack was made but could not be saved where it was asked to go."""


class PdfNotMade(RoundtableError):
    """Something in the pack could not be laid out on a page (a safety net: every part
    of a pack can split over pages, so this is not expected)."""


def render_pdf(document: Document, look: PackLook, *, tagged: bool = True) -> bytes:
    """The finished PDF file's bytes."""
    # ReportLab and pikepdf load here, when a pack is first made, not when the window
    # opens: the sizes above are all a screen needs before then.
    from reportlab.platypus.doctemplate import LayoutError

    from app.export.pdf.finish import finish
    from app.export.pdf.layout import layout_for
    from app.export.pdf.pages import PackTemplate
    from app.export.pdf.story import build_story
    from app.export.pdf.tags import Tagger
    from app.export.pdf.text import printable_document

    check_look(look)
    document = printable_document(document)
    layout = layout_for(look, document.language)
    tagger = Tagger(enabled=tagged)
    drawn = io.BytesIO()
    try:
        PackTemplate(drawn, document, layout, tagger).build(build_story(document, layout, tagger))
    except LayoutError as error:
        raise PdfNotMade(
            _(
                "Part of this pack is too big to fit on a page at this text size. "
                "Try a smaller size, or shorten the longest notes, then try again."
            )
        ) from error
    return finish(drawn.getvalue(), document, tagger)


def write_pdf(document: Document, look: PackLook, out: Path, *, tagged: bool = True) -> Path:
    """Writes ``document`` to ``out`` as a PDF in ``look``; returns ``out``.

    The file appears whole or not at all, and readable by its owner alone, as every file
    about people is (``write_private_bytes``).
    """
    content = render_pdf(document, look, tagged=tagged)
    out = Path(out)
    try:
        return write_private_bytes(out, content)
    except OSError as error:
        raise PdfNotSaved(_saving_problem(error, out)) from error


def _saving_problem(error: OSError, out: Path) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return _(
            "There is no room left on the disk to save {name}. Free some space or "
            "choose another place, then try again."
        ).format(name=out.name)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _(
            "Roundtable may not save files in {folder}. Choose another folder, then try again."
        ).format(folder=out.parent)
    if error.errno == errno.ENOENT:
        return _(
            "The folder {folder} does not exist. Choose another folder, then try again."
        ).format(folder=out.parent)
    return _("The pack could not be saved as {path}. Choose another place, then try again.").format(
        path=out
    )
