"""The finance spreadsheet: opens rightly in Excel and LibreOffice, never runs a formula,
and is readable by its owner alone."""

from __future__ import annotations

import csv
import io
import stat

from app.export.spreadsheet import as_csv, write_csv


def test_names_in_any_script_and_commas_come_back_as_typed() -> None:
    table = [["Name", "To pay (£)"], ["Siân O'Neill, Jr", "12.00"], ["محمد", 3]]
    text = as_csv(table)
    assert text.startswith("\ufeff") and "\r\n" in text
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == [
        ["Name", "To pay (£)"],
        ["Siân O'Neill, Jr", "12.00"],
        ["محمد", "3"],
    ]


def test_a_cell_that_looks_like_a_formula_is_kept_as_text() -> None:
    text = as_csv([["=SUM(A1:A9)", "+44 1234", "-2", "@cmd", "plain", -2]])
    cells = next(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert cells == ["'=SUM(A1:A9)", "'+44 1234", "'-2", "'@cmd", "plain", "-2"]


def test_the_file_is_whole_private_and_in_a_folder_made_for_it(tmp_path) -> None:
    out = write_csv([["Name"], ["Amina Yusuf"]], tmp_path / "finance" / "payments.csv")
    assert out.read_bytes() == "\ufeffName\r\nAmina Yusuf\r\n".encode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["payments.csv"]
