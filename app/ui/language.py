"""The screens in the language Roundtable's own words are in: Qt's words too (a text field's
Undo and Paste, a calendar's day names), dates spelled in it, and right to left for a
language written that way."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import WRITTEN_IN, language_tag


def follow_language(app: QApplication) -> QTranslator | None:
    """Set ``app`` to the language in use; nothing changes for English. Returns Qt's own
    catalogue for that language, if Qt has one."""
    tag = language_tag()
    if tag == WRITTEN_IN:
        return None
    locale = QLocale(tag)
    QLocale.setDefault(locale)
    app.setLayoutDirection(locale.textDirection())
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(locale, "qtbase", "_", folder):
        return None
    app.installTranslator(translator)
    return translator
