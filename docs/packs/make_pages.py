"""Makes the page pictures in this folder: one sample pack in each print style.

    .venv/bin/python docs/packs/make_pages.py

Each PDF is written with ``app.export.pdf.write_pdf`` and its first page turned into a
small PNG by poppler's ``pdftoppm`` at 50 dots per inch.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from app.export.document import PackLook, PrintStyle  # noqa: E402
from app.export.pdf import write_pdf  # noqa: E402
from tests.export.pdf_samples import sample_document  # noqa: E402

LOOKS = {
    "standard-14pt": PackLook(PrintStyle.STANDARD, 14),
    "large-print-18pt": PackLook(PrintStyle.LARGE, 18),
    "large-print-28pt": PackLook(PrintStyle.LARGE, 28),
    "easy-read-16pt": PackLook(PrintStyle.EASY_READ, 16),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, look in LOOKS.items():
            pdf = write_pdf(sample_document(), look, Path(folder) / f"{name}.pdf")
            for page in (1, 2):
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "50",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        "-singlefile",
                        str(pdf),
                        str(HERE / f"{name}-page{page}"),
                    ],
                    check=True,
                )


if __name__ == "__main__":
    main()
