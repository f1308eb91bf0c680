"""Where faults are written down: a small log file in the data folder, never on screen.

Only what is needed to find a fault goes in: record numbers, never names or notes.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FOLDER_NAME = "logs"


def configure_logging(folder: Path) -> Path | None:
    """Send log records to ``folder/logs/roundtable.log``; None if that cannot be written."""
    logs = folder / LOG_FOLDER_NAME
    try:
        logs.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = logs / "roundtable.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        if os.name == "posix":
            os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "roundtable", False)]:
        root.removeHandler(old)
        old.close()
    handler.roundtable = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
