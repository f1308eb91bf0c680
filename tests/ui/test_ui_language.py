"""The screens in the language in use: Qt's own words, dates and the direction of writing
follow Roundtable's catalogue, and English changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from app import i18n
from app.i18n import use_language
from app.ui.formatting import format_date, window_title
from app.ui.language import follow_language
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
