"""The logical structure of a pack, recorded while ReportLab draws it.

ReportLab writes no structure tree, so each drawn piece is wrapped in marked content
(``/P <</MCID n>> BDC`` … ``EMC``) tied to a structure element recorded here; running
headers, footers, rules and pictures are wrapped as ``/Artifact``. ``finish`` then writes
the tree into the file. A paragraph split over two pages keeps its one element, which
simply gains a marked-content piece on each page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas


@dataclass(eq=False)
class Element:
    """One structure element: a role (``H1``, ``P``, ``TD``…), attributes and children
    in reading order: other elements, or (page index, MCID) pieces of drawn content."""

    role: str
    attributes: dict[str, str] = field(default_factory=dict)
    kids: list[Element | tuple[int, int]] = field(default_factory=list)

    def add(self, role: str, **attributes: str) -> Element:
        child = Element(role, {k: v for k, v in attributes.items() if v})
        self.kids.append(child)
        return child

    def has_content(self) -> bool:
        return any(not isinstance(kid, Element) or kid.has_content() for kid in self.kids)


def _pdf_string(text: str) -> str:
    """``text`` as a PDF text string literal in UTF-16 (safe for any script)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Tagger:
    """Hands out MCIDs per page and records which element each piece belongs to.

    With ``enabled`` false nothing is written into the page content, so the same drawing
    code makes an untagged file (used to measure what tagging costs).
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.root = Element("Document")
        self._next_mcid: dict[int, int] = {}

    @contextmanager
    def content(self, canv: Canvas, element: Element | None, **properties: str) -> Iterator[None]:
        """Everything drawn inside belongs to ``element`` (an artifact when it is None)."""
        if not self.enabled:
            yield
            return
        if element is None:
            canv.addLiteral("/Artifact BMC")
        else:
            page = canv.getPageNumber() - 1
            mcid = self._next_mcid.get(page, 0)
            self._next_mcid[page] = mcid + 1
            element.kids.append((page, mcid))
            canv.addLiteral(f"/{element.role} <</MCID {mcid}>> BDC")
        actual = properties.get("ActualText")
        if actual:
            # A Span of its own: where readers (poppler among them) look for ActualText.
            canv.addLiteral(f"/Span <</ActualText {_pdf_string(actual)}>> BDC")
        try:
            yield
        finally:
            canv.addLiteral("EMC EMC" if actual else "EMC")

    @contextmanager
    def artifact(self, canv: Canvas, kind: str = "", subtype: str = "") -> Iterator[None]:
        """Running headers, footers (``kind`` "Pagination"), rules and decoration."""
        if not self.enabled:
            yield
            return
        properties = " BMC"
        if kind:
            properties = (
                f" <</Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "") + ">> BDC"
            )
        canv.addLiteral(f"/Artifact{properties}")
        try:
            yield
        finally:
            canv.addLiteral("EMC")
