"""A computer without a speech engine, for tests: a stand-in ``pyttsx3`` put first on the
speech process's path, failing the way the real one does when espeak-ng is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# What pyttsx3's espeak binding raises when it cannot load the library.
MISSING_LIBRARY = (
    'raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")\n'
)
MISSING_PACKAGE = 'raise ImportError("No module named pyttsx3")\n'


def hide_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Make every speech process started from now on find no engine."""
    package = tmp_path / "no-engine" / "pyttsx3"
    (package / "drivers").mkdir(parents=True)
    if how == "package":
        (package / "__init__.py").write_text(MISSING_PACKAGE)
    else:
        (package / "__init__.py").write_text("")
        (package / "drivers" / "__init__.py").write_text("")
        (package / "drivers" / "_espeak.py").write_text(MISSING_LIBRARY)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(package.parent), str(REPO)]))
