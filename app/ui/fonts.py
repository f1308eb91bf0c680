"""The reading fonts: the bundled ones registered with Qt at start, and the one chosen
applied as the application font's family.

Only the family changes here; the size stays with ``app.ui.display`` (both go through
``QApplication.setFont``, so every window follows either change).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.services.pack_defaults import READING_FONTS, SYSTEM_FONT, ReadingFont, reading_font

log = logging.getLogger(__name__)

_registered: dict[str, str] = {}  # font key -> the family name Qt knows it by


def register_bundled_fonts() -> dict[str, str]:
    """Load the bundled font files (once); the family name of each font that loaded."""
    for font in READING_FONTS:
        if font.key in _registered or not font.files:
            continue
        families: list[str] = []
        for path in font.paths():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load the font file %s", path.name)
                continue
            families += QFontDatabase.applicationFontFamilies(font_id)
        if families:
            _registered[font.key] = font.family if font.family in families else families[0]
    return dict(_registered)


def system_family() -> str:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def family_for(key: str) -> str:
    """The family to draw text in for the reading font ``key`` (the system's if not loaded)."""
    if key == SYSTEM_FONT:
        return system_family()
    return register_bundled_fonts().get(key) or system_family()


def sample_font(key: str) -> QFont:
    """A font that sets only the family of ``key``: a widget given it keeps following the
    application's text size, because the size is left to be inherited."""
    font = QFont()
    font.setFamilies([family_for(key)])
    return font


def apply_reading_font(key: str) -> None:
    """Make ``key`` the application font's family, keeping its size; every window follows."""
    reading_font(key)  # refuses an unknown key before anything changes
    font = QFont(QApplication.font())
    font.setFamilies([family_for(key)])
    QApplication.setFont(font)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)


def available_fonts() -> tuple[ReadingFont, ...]:
    """The fonts to offer: the system's, and each bundled one whose files loaded."""
    loaded = register_bundled_fonts()
    return tuple(font for font in READING_FONTS if font.key == SYSTEM_FONT or font.key in loaded)
