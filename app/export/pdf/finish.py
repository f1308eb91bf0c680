"""The second pass over the file ReportLab drew (with pikepdf).

It adds what ReportLab does not write: the structure tree recorded by ``Tagger`` with its
ParentTree and each page's ``/StructParents`` and ``/Tabs /S``; ``/MarkInfo``; the XMP
metadata that names the file PDF/UA-1; and correct Unicode mappings for characters
outside the basic plane (ReportLab writes them as five hex digits instead of UTF-16).
"""

from __future__ import annotations

import io
import re
import unicodedata

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from app.export.document import Document
from app.export.pdf.tags import Element, Tagger

_ENTRY = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]{4,6})>")


def _is_presentation_form(value: int) -> bool:
    return 0xFB50 <= value <= 0xFDFF or 0xFE70 <= value <= 0xFEFF


def _unicode_entry(match: re.Match[bytes]) -> bytes:
    value = int(match.group(2), 16)
    if value <= 0xFFFF and not _is_presentation_form(value):
        return match.group(0)
    # Beyond U+FFFF: UTF-16 surrogates. Arabic joining forms: the letters themselves.
    text = unicodedata.normalize("NFKC", chr(value)) if value <= 0xFFFF else chr(value)
    return b"<" + match.group(1) + b"> <" + text.encode("utf-16-be").hex().upper().encode() + b">"


def fix_unicode_maps(pdf: pikepdf.Pdf) -> None:
    """Rewrites ToUnicode entries for emoji and other characters beyond U+FFFF as UTF-16
    surrogate pairs, and shaped Arabic-script glyphs (mapped by ReportLab to joining
    "presentation forms") as the letters they are, so text copies and reads as itself."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
        for _name, font in fonts.items():
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None or to_unicode.objgen in seen:
                continue
            seen.add(to_unicode.objgen)
            data = to_unicode.read_bytes()
            fixed = _ENTRY.sub(_unicode_entry, data)
            if fixed != data:
                to_unicode.write(fixed)


def _write_structure(pdf: pikepdf.Pdf, tagger: Tagger) -> None:
    pages = [page.obj for page in pdf.pages]
    parents: dict[int, dict[int, pikepdf.Object]] = {}
    root_dictionary = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))

    def build(element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        node = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role)))
        node.P = parent
        for key, value in element.attributes.items():
            if key == "Scope":
                node.A = Dictionary(O=Name.Table, Scope=Name("/" + value))
            else:
                node[Name("/" + key)] = String(value)
        kids: list[pikepdf.Object | int] = []
        content_pages = {kid[0] for kid in element.kids if not isinstance(kid, Element)}
        own_page = next(iter(content_pages)) if len(content_pages) == 1 else None
        if own_page is not None:
            node.Pg = pages[own_page]
        for kid in element.kids:
            if isinstance(kid, Element):
                if kid.has_content():
                    kids.append(build(kid, node))
                continue
            page, mcid = kid
            parents.setdefault(page, {})[mcid] = node
            if own_page is not None:
                kids.append(mcid)
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=pages[page], MCID=mcid))
        # One marked-content piece goes in the compact form: /K as a bare number.
        node.K = kids[0] if len(kids) == 1 else Array(kids)
        return node

    document = build(tagger.root, root_dictionary)
    root_dictionary.K = document
    numbers = Array()
    for index, page in enumerate(pages):
        page.StructParents = index
        page.Tabs = Name.S
        by_mcid = parents.get(index, {})
        numbers.append(index)
        numbers.append(Array([by_mcid[mcid] for mcid in range(len(by_mcid))]))
    root_dictionary.ParentTree = pdf.make_indirect(Dictionary(Nums=numbers))
    root_dictionary.ParentTreeNextKey = len(pages)
    pdf.Root.StructTreeRoot = root_dictionary
    pdf.Root.MarkInfo = Dictionary(Marked=True)


def _write_metadata(pdf: pikepdf.Pdf, document: Document, tagged: bool) -> None:
    if "/Trapped" in pdf.docinfo:
        del pdf.docinfo["/Trapped"]  # has no XMP equivalent
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["dc:title"] = document.title
        if document.subtitle:
            meta["dc:description"] = document.subtitle
        meta["dc:language"] = [document.language]
        if tagged:
            meta["pdfuaid:part"] = "1"


def finish(content: bytes, document: Document, tagger: Tagger) -> bytes:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        fix_unicode_maps(pdf)
        if tagger.enabled:
            _write_structure(pdf, tagger)
        _write_metadata(pdf, document, tagger.enabled)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        out = io.BytesIO()
        pdf.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
