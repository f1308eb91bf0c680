"""Every name comes back out of the file as written, in fonts that are embedded."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.export.document import PackLook, PrintStyle
from app.export.pdf import PdfNotSaved, allowed_sizes, default_size, write_pdf
from tests.export.pdf_samples import (
    DECISION,
    NAMES,
    PUNJABI,
    RIGHT_TO_LEFT_NAMES,
    extracted_text,
    run,
    sample_document,
)


@pytest.mark.parametrize(
    "look",
    [PackLook(PrintStyle.STANDARD, 14), PackLook(PrintStyle.EASY_READ, 20)],
    ids=["standard", "easyread"],
)
def test_every_name_and_decision_comes_back_exactly(look: PackLook, tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), look, tmp_path / "pack.pdf")
    text = " ".join(extracted_text(pack).split())  # lines wrap where the page needs
    for name in (*NAMES, DECISION):
        assert name in text
    in_reading_order = " ".join(extracted_text(pack, reading_order=True).split())
    for name in RIGHT_TO_LEFT_NAMES:
        assert name in in_reading_order


def test_every_font_is_embedded_and_none_is_helvetica(tmp_path: Path) -> None:
    pack = write_pdf(sample_document(), PackLook(PrintStyle.EASY_READ, 16), tmp_path / "p.pdf")
    rows = run("pdffonts", pack).splitlines()[2:]
    assert len(rows) >= 5  # reading font, its bold, Arabic, Gurmukhi, Bengali
    for row in rows:
        _name, kind, _encoding, embedded, subset, unicode, *_ = row.split()
        assert (kind, embedded, subset, unicode) == ("TrueType", "yes", "yes", "yes"), row
    assert "Helvetica" not in "\n".join(rows)


def test_sizes_each_style_allows() -> None:
    assert default_size(PrintStyle.STANDARD) == 14
    assert default_size(PrintStyle.LARGE) == 18
    assert default_size(PrintStyle.EASY_READ) == 16
    assert list(allowed_sizes(PrintStyle.LARGE)) == list(range(16, 29))
    assert min(allowed_sizes(PrintStyle.STANDARD)) == 12
    assert min(allowed_sizes(PrintStyle.EASY_READ)) == 16


def test_a_size_the_style_does_not_allow_is_refused_in_words(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="from 16 to 28 points"):
        write_pdf(sample_document(), PackLook(PrintStyle.LARGE, 14), tmp_path / "p.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(PdfNotSaved, match="does not exist"):
        write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "no" / "p.pdf")


def test_a_full_disk_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.export.private_file as private_file

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(private_file.os, "fsync", full)
    with pytest.raises(PdfNotSaved, match="no room left on the disk"):
        write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    out.write_bytes(b"old")
    write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["p.pdf"]


def test_a_pack_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    """A pack names people (a member's own, what they asked for too), as a backup does."""
    out = tmp_path / "p.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)  # one saved before, readable by everyone, is replaced by a private one
    write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    fresh = write_pdf(sample_document(), PackLook(PrintStyle.LARGE, 18), tmp_path / "new.pdf")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def _pack_with_filler(filler: int, tmp_path: Path, sentence: str) -> Path:
    from app.export.document import Document, Paragraph, Section, SectionIcon

    blocks = [Paragraph(f"Filler paragraph number {n} that takes a line.") for n in range(filler)]
    document = Document(
        "Names near a page break",
        "en-GB",
        (Section("Notes", SectionIcon.NOTES, (*blocks, Paragraph(sentence))),),
    )
    return write_pdf(document, PackLook(PrintStyle.LARGE, 24), tmp_path / f"p{filler}.pdf")


def test_text_given_whole_is_never_cut_or_doubled_at_a_page_break(tmp_path: Path) -> None:
    sentence = " ".join([PUNJABI, "ਨੇ ਕਿਹਾ ਕਿ ਮੁਰੰਮਤ ਵਿੱਚ ਬਹੁਤ ਸਮਾਂ ਲੱਗਦਾ ਹੈ।"] * 5)
    # With 4 filler paragraphs the sentence meets the foot of page 1 (measured: cut there,
    # each part carrying the whole ActualText, it came out twice).
    for filler in range(10):
        text = " ".join(extracted_text(_pack_with_filler(filler, tmp_path, sentence)).split())
        assert text.count(sentence) == 1, filler


def test_text_given_whole_taller_than_a_page_still_prints(tmp_path: Path) -> None:
    sentence = " ".join([f"{PUNJABI} 😀"] * 200)
    pack = _pack_with_filler(0, tmp_path, sentence)
    assert extracted_text(pack).count(PUNJABI) >= 200


def test_easy_read_pictures_add_no_text(tmp_path: Path) -> None:
    from app.export.document import Document, Paragraph, Section, SectionIcon

    document = Document(
        "Pictures",
        "en-GB",
        tuple(Section(f"About {icon}", icon, (Paragraph("One idea."),)) for icon in SectionIcon),
    )
    pack = write_pdf(document, PackLook(PrintStyle.EASY_READ, 16), tmp_path / "e.pdf")
    lines = [line.strip() for line in extracted_text(pack).splitlines() if line.strip()]
    headings = [line for line in lines if line.startswith("About")]
    assert headings == [f"About {icon}" for icon in SectionIcon]


HARD = (
    "half an emoji \ud83d here",
    "nul\x00 and bell\x07 and escape\x1b",
    "<b>not bold</b> & <font face='x'>not a font</font> &amp;",
    "\u202eright-to-left override",
    "Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o",
    "family 👨\u200d👩\u200d👧 and thumbs 👍🏽",
    "x" * 300,
)


@pytest.mark.parametrize("style", list(PrintStyle))
def test_the_worst_text_still_makes_a_clean_pack(style: PrintStyle, tmp_path: Path) -> None:
    from pdfua import validate

    from app.export.document import BulletList, Document, Paragraph, Section, SectionIcon, Table

    blocks = (
        *(Paragraph(text) for text in HARD),
        BulletList(HARD),
        Table("Hard", ("What", "More"), tuple((text, text[::-1]) for text in HARD)),
    )
    document = Document(HARD[0], "en-GB", (Section(HARD[2], SectionIcon.NOTES, blocks),))
    pack = write_pdf(document, PackLook(style, default_size(style)), tmp_path / "hard.pdf")
    assert list(validate(str(pack)).findings) == []
    text = extracted_text(pack)
    assert "<b>not bold</b> & <font face='x'>not a font</font> &amp;" in text
    assert "nul and bell and escape" in text
    assert "half an emoji \ufffd here" in text


def test_a_layout_failure_is_told_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.platypus.doctemplate import LayoutError

    from app.export.pdf import PdfNotMade
    from app.export.pdf.pages import PackTemplate

    def cannot_fit(*_args: object, **_options: object) -> None:
        raise LayoutError("Flowable too large")

    monkeypatch.setattr(PackTemplate, "build", cannot_fit)
    with pytest.raises(PdfNotMade, match="too big to fit on a page"):
        write_pdf(sample_document(), PackLook(PrintStyle.STANDARD, 14), tmp_path / "p.pdf")
    assert list(tmp_path.iterdir()) == []
