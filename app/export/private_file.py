"""Writing a file that holds personal details: readable by its owner alone, and whole or
not there at all (it is written beside its place, then moved in).

Packs are such files too: a member's own pack carries their name and what they asked to be
sent, a session's pack who came, and a pack for staff may hold contact details and access
needs. On a computer shared with others (a community centre's, say), other accounts must
not be able to read them; the owner can still print, attach or copy them as they like.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY = 0o600
OWNER_ONLY_FOLDER = 0o700
# Without it, Windows writes a file opened by number as text, turning each line end
# into two.
_BINARY = getattr(os, "O_BINARY", 0)


def write_private_bytes(path: Path, data: bytes, *, make_folder: bool = False) -> Path:
    """A copy saved "elsewhere" must not make folders a person did not choose, so only
    callers that name a folder of their own ask for ``make_folder``."""
    path = path.expanduser()
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)  # one left by a crash keeps its own, perhaps wider, mode
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, OWNER_ONLY)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return path


def write_private_text(path: Path, text: str, *, make_folder: bool = False) -> Path:
    """``text`` as UTF-8, its line ends as written (see ``write_private_bytes``)."""
    return write_private_bytes(path, text.encode("utf-8"), make_folder=make_folder)


def keep_private(path: Path) -> Path:
    """Make a file another program wrote (the speech engine's sound files) readable by its
    owner alone, before it is put where others might look."""
    os.chmod(path, OWNER_ONLY)
    return path
