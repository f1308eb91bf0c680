"""Writing a file that holds personal details: readable by its owner alone, and whole or
not there at all (it is written beside its place, then moved in)."""

from __future__ import annotations

import os
from pathlib import Path


def write_private_text(path: Path, text: str, *, make_folder: bool = False) -> Path:
    """A copy saved "elsewhere" must not make folders a person did not choose, so only
    callers that name a folder of their own ask for ``make_folder``."""
    path = path.expanduser()
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return path
