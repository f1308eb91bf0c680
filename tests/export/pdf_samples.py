"""Pack documents for the PDF tests: names in several scripts, every kind of block."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from app.export.document import (
    BulletList,
    Document,
    Paragraph,
    Section,
    SectionIcon,
    Subheading,
    Table,
)

POLISH = "Zofia Łukasiewicz-Żółć"
URDU = "احمد خان"
URDU_SENTENCE = "احمد خان نے کہا کہ مرمت میں بہت وقت لگتا ہے۔"
ARABIC = "فاطمة الزهراء"
PUNJABI = "ਗੁਰਪ੍ਰੀਤ ਕੌਰ"
BENGALI = "সুমি বেগম"
EMOJI_NAME = "Siobhán O'Neill 😀"
WELSH = "Llŷr Gruffydd"
# A name in Arabic script starting an English sentence: the comma stays after the name.
SENTENCE_WITH_URDU_NAME = "شمیم, Bilal Baig (her grandson) came to help."
CHINESE = "王小明"
JAPANESE = "山田はなこ"
KOREAN = "김민준"
NAMES = (
    POLISH,
    PUNJABI,
    BENGALI,
    EMOJI_NAME,
    WELSH,
    SENTENCE_WITH_URDU_NAME,
    CHINESE,
    JAPANESE,
    KOREAN,
)
RIGHT_TO_LEFT_NAMES = (URDU, ARABIC, URDU_SENTENCE)
DECISION = "The repair service will ring people back within two working days."

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def sample_document(extra_paragraphs: int = 0) -> Document:
    long_text = " ".join(
        f"Point {number}: we agreed the waiting list is read out at each session."
        for number in range(1, 40)
    )
    return Document(
        title="Riverside equipment users: pack for 4 March 2027",
        language="en-GB",
        subtitle="Before the session on Thursday 4 March 2027",
        author="Riverside Equipment Users' Group",
        keywords=("pack", "agenda"),
        sections=(
            Section(
                "Agenda",
                SectionIcon.AGENDA,
                (
                    Paragraph("We meet at 10:30 in the Community Room."),
                    Table(
                        "What we will talk about",
                        ("Time", "Item", "Who leads"),
                        (
                            ("10:30", "Welcome", POLISH),
                            ("10:45", "Wheelchair repairs", f"Ahmed Khan ({URDU})"),
                            ("11:45", "Break", ""),
                        ),
                    ),
                ),
            ),
            Section("Who is coming", SectionIcon.PEOPLE, (BulletList((*NAMES, URDU, ARABIC)),)),
            Section(
                "Decisions",
                SectionIcon.DECISIONS,
                (
                    Subheading("From last time"),
                    Paragraph(DECISION),
                    Paragraph(URDU_SENTENCE, language="ur"),
                    *(Paragraph(long_text) for _ in range(extra_paragraphs)),
                ),
            ),
            Section("Payments", SectionIcon.PAYMENTS, (Paragraph("You can claim £20."),)),
        ),
    )


def run(*command: str | Path) -> str:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=True
    ).stdout


def extracted_text(pdf: Path, *, reading_order: bool = False) -> str:
    """pdftotext's reading of the file without bidi control marks: in content order
    (``-raw``), or with ``reading_order`` in its default mode, which puts lines written
    right to left (Urdu, Arabic) back into the order they are read."""
    mode = [] if reading_order else ["-raw"]
    text = run("pdftotext", *mode, pdf, "-")
    return _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", text))
