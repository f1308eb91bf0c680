"""A table as a spreadsheet file (CSV) that Excel, LibreOffice and finance systems open.

The file is UTF-8 with a byte-order mark, so that Excel shows names in any script rightly.
A cell that begins as a formula would (``=``, ``+``, ``-``, ``@``) is kept as text, so a
name typed as ``=SUM(...)`` can never run as one when the file is opened. The file is
readable by its owner alone: what goes in it is about people.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from app.export.private_file import write_private_text

Cell = str | int
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_csv(table: Sequence[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in table:
        writer.writerow([_guarded(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def write_csv(table: Sequence[Sequence[Cell]], out: Path) -> Path:
    return write_private_text(out, as_csv(table), make_folder=True)


def _guarded(cell: Cell) -> Cell:
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
