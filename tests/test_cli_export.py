"""``roundtable export``, run as a person would run it: separate processes, real PDF files
read back with poppler's tools."""

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def roundtable(*arguments: str, data_dir: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "app", *arguments, "--data-dir", str(data_dir)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=180, cwd=ROOT, env=environment
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("example")
    made = roundtable("demo", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def test_a_before_pack_in_large_print(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "before.pdf"
    result = roundtable(
        "export", "pack", "--session", "next", "--group", "everyday equipment users' group",
        "--kind", "before", "--style", "large", "--size", "20", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Saved the pack for “Learning event: final run-through”" in result.stdout
    assert out.is_file()
    assert "Tagged:          yes" in pdf_info(out)
    text = pdf_text(out)
    assert "Before the session: Learning event: final run-through" in text
    assert "Thistlecombe Community Hub" in text
    assert "Equipment users will plan and lead every part of the learning event." in text
    assert "@example.org" not in text  # private details stay out by default


def test_an_after_pack_in_easy_read_with_contact_details_asked_for(
    example_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "after.pdf"
    result = roundtable(
        "export", "pack", "--session", "last", "--group", "Everyday Equipment Users' Group",
        "--kind", "after", "--style", "easyread", "--include-contact", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "We decided: Equipment users will plan and lead every part" in text
    assert "Siobhán Kavanagh" in text
    assert "marj.ellison@example.org" in text
    assert "Dial-a-ride" not in text  # access needs were not asked for


def test_a_members_own_pack(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "marj.pdf"
    result = roundtable(
        "export", "pack", "--session", "next", "--group", "Everyday Equipment Users' Group",
        "--kind", "before", "--for-member", "MARJ", "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "For Marj." in pdf_text(out)
    # Marj asked for large print at 24 pt: the body text is that size.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTTextContainer

    sizes = {
        round(char.size)
        for page in extract_pages(out)
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if hasattr(line, "__iter__")
        for char in line
        if isinstance(char, LTChar)
    }
    assert min(sizes) == 24
    refused = roundtable(
        "export", "pack", "--session", "next", "--group", "Everyday Equipment Users' Group",
        "--kind", "before", "--for-member", "Marj", "--include-contact", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "never carries contact details" in refused.stderr


def test_names_in_every_script_come_back_from_the_pdf(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "after.pdf"
    result = roundtable(
        "export", "pack", "--session", "last", "--group", "Tech at Home Residents' Panel",
        "--kind", "after", "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # Direction marks around right-to-left text are for layout, not part of the name.
    text = "".join(ch for ch in pdf_text(out) if ch not in "\u202a\u202b\u202c\u200e\u200f")
    for name in ("شمیم", "Jamie Cartwright", "Rosa Menezes", "Winston Alleyne", "Krysia"):
        assert name in text
    assert "Jamie Cartwright, supported by Lewis Armitage (support worker)" in text


def test_the_decision_log_by_group_name(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.pdf"
    result = roundtable(
        "export", "decisions", "--group", "TECH AT HOME RESIDENTS' PANEL", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Saved the decision log of Tech at Home Residents' Panel" in result.stdout
    text = pdf_text(out)
    assert "Decision log: you said, we did." in text
    assert "The group has made 7 decisions." in text


def test_payments_for_finance_as_a_spreadsheet(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "payments.csv"
    result = roundtable(
        "export", "payments", "--group", "Tech at Home Residents' Panel", "--not-paid-only",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "payments of Tech at Home Residents' Panel to" in result.stdout
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Session date", "Session", "Name"]
    assert rows[-1][1] == "Total"
    assert all(row[11] == "" for row in rows[1:-1]), "none of them paid yet"
    owed = sum(Decimal(row[7]) for row in rows[1:-1])
    assert Decimal(rows[-1][7]) == owed > 0
    assert f"£{owed} still to pay." in result.stdout


def test_attendance_for_finance_as_a_spreadsheet(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "attendance.csv"
    result = roundtable(
        "export", "attendance", "--group", "Tech at Home Residents' Panel",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Session date", "Session", "Name", "Role in the group", "Attendance", "With a supporter"
    ]  # fmt: skip
    sessions = {row[1] for row in rows[1:-1]}
    assert f"Saved the attendance at {len(sessions)} sessions of Tech at Home" in result.stdout
    dates = [row[0] for row in rows[1:-1]]
    assert dates == sorted(dates, reverse=True)
    present = sum(row[4] == "Present" for row in rows[1:-1])
    assert rows[-1][1] == "Total" and rows[-1][4].startswith(f"Present: {present};")
    assert present > 0


def test_packs_for_everyone(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "packs"
    result = roundtable(
        "export", "member-packs", "--session", "next", "--group", "Tech at Home Residents' Panel",
        "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    files = sorted(path.name for path in out.glob("*.pdf"))
    assert "Made 1 of 9 packs:" in result.stdout
    assert len(files) == 8
    # The member who asked for audio has theirs: a folder of sound files, named in words.
    audio = out / (files[0].split(" - before - ")[0] + " - before - Shamim Ara Baig - audio")
    assert (audio / "00 Contents.wav").is_file()
    winston = next(name for name in files if "Winston Alleyne" in name)
    assert winston.endswith(" - before - Winston Alleyne - large print 28pt.pdf")
    easy = next(name for name in files if "Jamie Cartwright" in name)
    assert easy.endswith("Easy Read 16pt.pdf")
    assert "Our next meeting:" in pdf_text(out / easy)


def test_packs_for_everyone_in_print_only(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "print only"
    result = roundtable(
        "export", "member-packs", "--session", "next", "--group", "Tech at Home Residents' Panel",
        "--no-audio", "--out", str(out), data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Not made here, as they asked for audio: شمیم." in result.stdout
    assert sorted(path.suffix for path in out.iterdir()) == [".pdf"] * 8


@pytest.mark.parametrize(
    ("arguments", "code", "words"),
    [
        (("pack", "--session", "yesterday", "--kind", "before"), 2, "is not a session"),
        (("pack", "--session", "99999", "--kind", "after"), 1, "no session number 99999"),
        (("pack", "--session", "next", "--kind", "during"), 2, "invalid choice"),
        (("pack", "--session", "next", "--kind", "before", "--size", "40"), 2, "12 to 15 points"),
        (("pack", "--kind", "before"), 2, "--session"),
        (("decisions", "--group", "Nobody's group"), 1, "no group called"),
        (("decisions", "--group", "1", "--for-member", "Nobody"), 1, "No one in the group"),
        (("decisions", "--group", "1", "--for-member", "Marj", "--size", "20"), 2, "own style"),
        (("member-packs", "--session", "last", "--group", "Nobody's group"), 1, "no group called"),
        (("payments", "--group", "Nobody's group"), 1, "no group called"),
    ],
)
def test_mistakes_are_explained(
    example_dir: Path, tmp_path: Path, arguments: tuple[str, ...], code: int, words: str
) -> None:
    out = tmp_path / "out.pdf"
    result = roundtable("export", *arguments, "--out", str(out), data_dir=example_dir)
    assert result.returncode == code
    assert words in result.stderr
    assert not out.exists()


def test_export_alone_shows_its_usage(example_dir: Path) -> None:
    result = roundtable("export", data_dir=example_dir)
    assert result.returncode == 2
    assert "usage: roundtable export" in result.stderr


def test_a_folder_that_does_not_exist_is_explained(example_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "no such folder" / "pack.pdf"
    result = roundtable(
        "export", "pack", "--session", "next", "--kind", "before", "--out", str(out),
        data_dir=example_dir,
    )  # fmt: skip
    assert result.returncode == 1
    assert "does not exist" in result.stderr
