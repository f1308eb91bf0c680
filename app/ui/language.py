"""The screens in the language Roundtable's own words are in: Qt's words too (a text field's
Undo and Paste, a calendar's day names), dates spelled in it, and right to left for a
language written that way."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import WRITTEN_IN, language_tag, use_language

# Where gettext looks for the language asked for; Windows and macOS seldom set any of them.
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def choose_language(system_languages: Sequence[str]) -> None:
    """With none of the variables gettext reads set, the first of the system's own languages
    (``QLocale.system().uiLanguages()``, in the user's order) that Roundtable has words for;
    English stops the search, as the language the messages are written in."""
    if any(os.environ.get(name) for name in LANGUAGE_VARIABLES):
        return
    for code in system_languages:
        if code.split("-")[0].lower() == WRITTEN_IN.split("-")[0]:
            break
        use_language(code.replace("-", "_"))
        if language_tag() != WRITTEN_IN:
            return
    use_language()


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
