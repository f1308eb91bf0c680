"""Every real pack, in every style, as a PDF checked by tools that did not make it:
pdfua for PDF/UA, poppler for the structure and the text, pdfminer for the text sizes."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer
from pdfua import validate

from app.export.document import PackLook, PrintStyle
from app.export.pdf import write_pdf
from app.services import groups, packs
from app.services.example_data import load_example_data
from app.services.session_lookup import find_session
from app.storage import open_database

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0)
LOOKS = (
    PackLook(PrintStyle.STANDARD, 14),
    PackLook(PrintStyle.LARGE, 28),
    PackLook(PrintStyle.EASY_READ, 16),
)
KINDS = ("before", "after", "decisions")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path_factory.mktemp("data"))
    try:
        load_example_data(db, today=TODAY)
        group = groups.find_group(db, "Tech at Home Residents' Panel")
        upcoming = find_session(db, "next", group=group.id, now=NOW)
        last = find_session(db, "last", group=group.id, now=NOW)
        made = {}
        for look in LOOKS:
            made["before", look.style] = packs.before_session_pack(db, upcoming.id, look.style)
            made["after", look.style] = packs.after_session_pack(db, last.id, look.style)
            made["decisions", look.style] = packs.decision_log_pack(db, group.id, look.style)
        return made
    finally:
        db.close()


@pytest.fixture(scope="module")
def pdfs(documents, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("pdf")
    return {
        (kind, look.style): write_pdf(
            documents[kind, look.style], look, folder / f"{kind}-{look.style}.pdf"
        )
        for kind in KINDS
        for look in LOOKS
    }


CASES = [(kind, look) for kind in KINDS for look in LOOKS]
IDS = [f"{kind}-{look.style}-{look.size_pt}" for kind, look in CASES]


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@pytest.mark.parametrize(("kind", "look"), CASES, ids=IDS)
def test_passes_pdfua(pdfs, kind: str, look: PackLook) -> None:
    report = validate(str(pdfs[kind, look.style]))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []


@pytest.mark.parametrize(("kind", "look"), CASES, ids=IDS)
def test_every_heading_and_decision_comes_back(pdfs, documents, kind, look) -> None:
    pdf = pdfs[kind, look.style]
    document = documents[kind, look.style]
    text = _text(pdf)
    for section in document.sections:
        assert " ".join(section.heading.split()) in text
    structure = subprocess.run(
        ["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert "H1" in structure and "H2" in structure
    if kind != "before":
        assert (
            "We decided: " in text if look.style == PrintStyle.EASY_READ else "Agreed on " in text
        )


@pytest.mark.parametrize(("kind", "look"), CASES, ids=IDS)
def test_no_text_is_smaller_than_the_body_size(pdfs, kind: str, look: PackLook) -> None:
    sizes = set()
    for page in extract_pages(pdfs[kind, look.style]):
        for element in page:
            if isinstance(element, LTTextContainer):
                for line in element:
                    for char in line if hasattr(line, "__iter__") else ():
                        if isinstance(char, LTChar) and char.get_text().strip():
                            sizes.add(round(char.size, 1))
    assert sizes
    assert min(sizes) >= look.size_pt - 0.1, sorted(sizes)
