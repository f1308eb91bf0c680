"""One lasting Python reference to each screen, for as long as Qt has that screen.

Now and then PySide makes a Python wrapper for a QScreen that it believes it owns; when
Python's cycle collector later frees that wrapper, it deletes Qt's screen, which Qt still
lists, and the next window that asks for its screen crashes the app (seen under a
debugger: ``QScreen::~QScreen`` called from the collector, then a crash in
``QScreen::virtualSiblings`` while painting). While a wrapper made here, which Python does
not own, is alive, PySide hands out that same wrapper every time, so no owning one is made.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QGuiApplication, QScreen

_kept: list[QScreen] = []


def keep_screens(app: QGuiApplication) -> None:
    """Hold every screen ``app`` has now and any added later; safe to call more than once."""
    if not _kept:
        app.screenAdded.connect(_keep)
        app.screenRemoved.connect(_let_go)
    for screen in app.screens():
        _keep(screen)


def _keep(screen: QScreen) -> None:
    if all(kept is not screen for kept in _kept):
        _kept.append(screen)


def _let_go(screen: QScreen) -> None:
    _kept[:] = [kept for kept in _kept if kept is not screen and shiboken6.isValid(kept)]
