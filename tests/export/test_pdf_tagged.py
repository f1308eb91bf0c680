"""The tagged structure, read back by tools that did not write the file."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from app.export.document import PackLook, PrintStyle
from app.export.pdf import allowed_sizes, default_size, write_pdf
from tests.export.pdf_samples import DECISION, POLISH, URDU_SENTENCE, run, sample_document

LOOKS = [
    PackLook(PrintStyle.STANDARD, 14),
    PackLook(PrintStyle.LARGE, 18),
    PackLook(PrintStyle.LARGE, 28),
    PackLook(PrintStyle.EASY_READ, 16),
    PackLook(PrintStyle.STANDARD, 12, "opendyslexic"),
]


@pytest.fixture(scope="module", params=LOOKS, ids=lambda look: f"{look.style}-{look.size_pt}")
def pack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "pack.pdf"
    return write_pdf(sample_document(), request.param, out)


def test_passes_the_pdfua_checks(pack: Path) -> None:
    report = validate(str(pack))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []


def test_an_untagged_file_fails_the_same_checks(tmp_path: Path) -> None:
    untagged = write_pdf(
        sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "u.pdf", tagged=False
    )
    assert validate(str(untagged)).findings


def _structure(pack: Path) -> list[str]:
    return [line.strip() for line in run("pdfinfo", "-struct-text", pack).splitlines()]


def test_structure_shows_headings_paragraphs_lists_and_cells_in_reading_order(pack: Path) -> None:
    lines = _structure(pack)
    joined = "\n".join(lines)
    assert lines[0] == "Document"
    order = [
        "H1 (block)",
        '"Before the session on Thursday 4 March 2027"',
        "H2 (block)",
        '"Agenda"',
        '"We meet at 10:30 in the Community Room."',
        '"What we will talk about"',
        "Welcome",
        '"Who is coming"',
        "L (block)",
        "LBody (block)",
        '"Decisions"',
        "H3 (block)",
        '"From last time"',
        f'"{DECISION}"',
        '"Payments"',
    ]
    position = 0
    for text in order:  # each found after the one before (ValueError if not)
        position = joined.index(text, position) + 1


def test_table_cells_with_column_headers(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    lines = _structure(pack)
    assert lines.count("TH:") == 3
    assert lines.count("/Scope /Column") == 3
    assert lines.count("TR") == 4
    cells = [lines[i + 1] for i, line in enumerate(lines) if line == "TD"]
    assert cells[:3] == ['"10:30"', '"Welcome"', f'"{POLISH}"']


def test_a_wide_table_at_28_points_becomes_header_value_lines(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.LARGE, 28), tmp_path / "p.pdf")
    lines = _structure(pack)
    assert "TH:" not in lines
    assert f'"Who leads: {POLISH}"' in lines


def test_catalogue_says_tagged_language_title_and_pdfua(pack: Path) -> None:
    with pikepdf.open(pack) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo.Title) == "Riverside equipment users: pack for 4 March 2027"
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == "Riverside equipment users: pack for 4 March 2027"
        for number, page in enumerate(pdf.pages):
            assert page.obj.Tabs == pikepdf.Name.S
            assert page.obj.StructParents == number
        outline = [item.title for item in pdf.open_outline().root]
        assert outline == ["Agenda", "Who is coming", "Decisions", "Payments"]


def test_urdu_paragraph_has_its_language_and_its_words_in_order(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    with pikepdf.open(pack) as pdf:
        found = []

        def walk(node: pikepdf.Object) -> None:
            if "/ActualText" in node:
                found.append((str(node.S), str(node.get("/Lang", "")), str(node.ActualText)))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K)
    assert ("/P", "ur", URDU_SENTENCE) in found


def test_running_header_footer_and_rules_are_artifacts(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    with pikepdf.open(pack) as pdf:
        content = pdf.pages[0].Contents.read_bytes()
    assert b"/Artifact <</Type /Pagination /Subtype /Header>> BDC" in content
    assert b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC" in content
    assert b"/Artifact BMC" in content  # table rules
    structure = run("pdfinfo", "-struct-text", pack)
    assert "Page 1" not in structure


def test_a_paragraph_split_over_pages_stays_one_element(tmp_path: Path) -> None:
    document = sample_document(extra_paragraphs=3)
    pack = write_pdf(document, PackLook(PrintStyle.LARGE, 20), tmp_path / "long.pdf")
    with pikepdf.open(pack) as pdf:
        assert len(pdf.pages) > 3
        split = 0

        def walk(node: pikepdf.Object) -> None:
            nonlocal split
            kids = node.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            pages = {
                kid.Pg.objgen
                for kid in kids
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR"
            }
            if str(node.get("/S")) == "/P" and len(pages) > 1:
                split += 1
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid)

        walk(pdf.Root.StructTreeRoot.K)
    assert split >= 2
    assert list(validate(str(pack)).findings) == []


def test_a_table_over_pages_repeats_its_header_for_the_eye_only(tmp_path: Path) -> None:
    from app.export.document import Document, Section, SectionIcon, Table

    rows = tuple((f"{9 + n // 4}:{n % 4 * 15:02d}", f"Item {n}", "Grace Nwosu") for n in range(60))
    table = Table("A long agenda", ("Time", "Item", "Who leads"), rows)
    document = Document("Long", "en-GB", (Section("Agenda", SectionIcon.AGENDA, (table,)),))
    pack = write_pdf(document, PackLook(PrintStyle.STANDARD, 14), tmp_path / "t.pdf")
    with pikepdf.open(pack) as pdf:
        assert len(pdf.pages) >= 2
    second_page = run("pdftotext", "-f", "2", "-l", "2", "-raw", pack, "-")
    assert "Time Item Who leads" in second_page  # seen at the top of each page
    lines = _structure(pack)
    assert lines.count("TH:") == 3  # but heard once
    assert lines.count("TR") == 61
    assert lines.count('"Grace Nwosu"') == 60
    assert list(validate(str(pack)).findings) == []


@pytest.mark.parametrize("style", list(PrintStyle))
def test_empty_parts_still_make_a_clean_pack(style: PrintStyle, tmp_path: Path) -> None:
    from app.export.document import (
        BulletList,
        Document,
        Paragraph,
        Section,
        SectionIcon,
        Table,
    )

    blocks = (
        Table("Nothing planned yet", ("Time", "Item"), ()),
        Table("No headers", (), (("a", "b"),)),
        BulletList(()),
        Paragraph(""),
    )
    document = Document(
        "Nearly empty",
        "en-GB",
        (Section("Empty", SectionIcon.AIMS, ()), Section("Odd", SectionIcon.NOTES, blocks)),
    )
    pack = write_pdf(document, PackLook(style, default_size(style)), tmp_path / "e.pdf")
    assert list(validate(str(pack)).findings) == []
    assert '"Nothing planned yet"' in _structure(pack)


HUGE = "Repairs and waiting lists and ringing people back. " * 60


@pytest.mark.parametrize("style", list(PrintStyle))
def test_parts_longer_than_a_page_still_print(style: PrintStyle, tmp_path: Path) -> None:
    from app.export.document import BulletList, Document, Paragraph, Section, SectionIcon, Table

    blocks = (
        Paragraph("x" * 3000),  # one word longer than any line
        BulletList((HUGE,)),
        Table("Notes", ("Item", "Note"), (("Repairs", HUGE * 2),)),
    )
    document = Document(HUGE, "en-GB", (Section(HUGE, SectionIcon.NOTES, blocks),))
    pack = write_pdf(document, PackLook(style, max(allowed_sizes(style))), tmp_path / "h.pdf")
    assert list(validate(str(pack)).findings) == []
    lines = _structure(pack)
    assert "Table (block)" not in lines  # the long note is read as lines, not a table cell
    assert '"Item: Repairs"' in lines
