"""The screens in the language in use: chosen from the system's own languages where no
variable names one, with Qt's own words, dates and the direction of writing following
Roundtable's catalogue; English changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from app import i18n
from app.i18n import language_tag, use_language
from app.ui.formatting import format_date, window_title
from app.ui.language import LANGUAGE_VARIABLES, choose_language, follow_language
from tests.catalogues import TITLE_MISSING, WELSH, write_catalogue


@pytest.fixture
def catalogues(tmp_path, monkeypatch, qapp):  # type: ignore[no-untyped-def]
    locale = tmp_path / "locale"
    for language in ("cy", "ar"):
        write_catalogue(locale, language)
    monkeypatch.setattr(i18n, "_LOCALE_DIR", locale)
    before = QLocale()
    yield
    use_language("en")
    QLocale.setDefault(before)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_english_changes_nothing(qapp, catalogues):  # type: ignore[no-untyped-def]
    use_language("en")
    assert follow_language(qapp) is None
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window_title("Members") == "Members — Roundtable"


def test_dates_and_words_are_in_the_language_in_use(qapp, catalogues):  # type: ignore[no-untyped-def]
    use_language("cy")
    translator = follow_language(qapp)
    try:
        assert i18n._(TITLE_MISSING) == WELSH[TITLE_MISSING]
        assert QLocale().language() == QLocale.Language.Welsh
        assert format_date(date(2026, 12, 7)) == "7 Rhagfyr 2026"
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_a_language_written_right_to_left_turns_the_screens_round(qapp, catalogues):  # type: ignore[no-untyped-def]
    use_language("ar")
    translator = follow_language(qapp)
    try:
        assert QLocale().language() == QLocale.Language.Arabic
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Qt's own words (a text field's menu) come from the catalogue Qt ships for Arabic.
        assert translator is not None
        assert QCoreApplication.translate("QLineEdit", "&Undo") != "&Undo"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


@pytest.fixture
def no_language_variables(monkeypatch):  # type: ignore[no-untyped-def]
    """As on Windows and macOS, where gettext's variables are seldom set."""
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_the_systems_own_languages_are_followed_in_order(catalogues, no_language_variables):  # type: ignore[no-untyped-def]
    choose_language(["fr-FR", "cy-GB", "en-GB"])  # no French words: the next one
    assert language_tag() == "cy"
    assert i18n._(TITLE_MISSING) == WELSH[TITLE_MISSING]


def test_english_first_among_the_systems_languages_keeps_english(catalogues, no_language_variables):  # type: ignore[no-untyped-def]
    choose_language(["en-GB", "cy-GB"])
    assert language_tag() == "en-GB"
    choose_language(["fr-FR", "de-DE"])  # nothing Roundtable has words for
    assert language_tag() == "en-GB"
    assert i18n._(TITLE_MISSING) == TITLE_MISSING


def test_a_language_variable_outranks_the_systems_list(catalogues, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    use_language()
    choose_language(["cy-GB"])
    assert language_tag() == "en-GB"
