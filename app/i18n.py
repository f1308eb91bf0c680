"""The one translation function every user-facing string goes through.

gettext rather than Qt's ``tr`` so that the command line, the services' error
messages, the exports and the screens all share a single catalogue.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def use_language(language: str | None) -> None:
    """Switch every later lookup to ``language`` (e.g. "cy"); unknown ones fall back to English."""
    global _translation
    languages = [language] if language else None
    _translation = gettext.translation(
        "roundtable", localedir=_LOCALE_DIR, languages=languages, fallback=True
    )


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a string declared now and translated later, where it is shown, with ``_``."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)
