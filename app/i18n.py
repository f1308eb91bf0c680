"""The one translation function every user-facing string goes through.

gettext rather than Qt's ``tr`` so that the command line, the services' error
messages, the exports and the screens all share a single catalogue. A language is added by
putting its compiled catalogue at ``resources/locale/<code>/LC_MESSAGES/roundtable.mo``
(README: "Other languages"); Roundtable then speaks it wherever the computer asks for it.
"""

from __future__ import annotations

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
# The language the messages are written in, as documents are tagged with it.
WRITTEN_IN = "en-GB"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def use_language(language: str | None = None) -> None:
    """Switch every later lookup to ``language`` (e.g. "cy"), or with none given to the
    language the computer asks for (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, as
    gettext reads them). A language with no catalogue falls back to English."""
    global _translation
    languages = [language] if language else None
    _translation = gettext.translation(
        "roundtable", localedir=_LOCALE_DIR, languages=languages, fallback=True
    )


def language_tag() -> str:
    """The language of the words in use, as documents are tagged: "en-GB", "cy", "pa-IN"."""
    if isinstance(_translation, gettext.GNUTranslations):
        code = _translation.info().get("language", "").strip()
        if code:
            return code.split(".")[0].split("@")[0].replace("_", "-")
    return WRITTEN_IN


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark a string declared now and translated later, where it is shown, with ``_``."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)
