"""Every text field of every form dialog, given the worst text: saved, or refused plainly
with everything typed still on screen. Never a fault."""

from __future__ import annotations

import pytest
from bad_input import any_text, examples
from hypothesis import given
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from app.services import example_data
from app.ui.data import DataSource
from app.ui.dialog_catalogue import every_dialog_class
from app.ui.display import TextSize
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner, fault_message

# Shapes that other dialogs are built from: they have no service of their own to save to.
NOT_FORMS = {"FormDialog", "DecisionDialog"}


def has_save_button(kind: type[QDialog]) -> bool:
    inits = [vars(base)["__init__"] for base in kind.__mro__ if "__init__" in vars(base)]
    return any(
        "save_button" in getattr(init, "__code__", compile("", "", "exec")).co_names
        for init in inits
    )


FORMS = [
    kind
    for kind in every_dialog_class()
    if kind.__name__ not in NOT_FORMS and has_save_button(kind)
]


def text_fields(dialog: QDialog) -> list[QWidget]:
    fields = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            if isinstance(widget.parent(), QAbstractSpinBox | QComboBox) or widget.isReadOnly():
                continue
            fields.append(widget)
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            fields.append(widget)
    return [field for field in fields if field.isEnabled()]


def typed(field: QWidget) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def type_into(field: QWidget, text: str) -> None:
    if isinstance(field, QLineEdit):
        field.setText(text)
    else:
        field.setPlainText(text)


def every_text_in(db) -> str:  # type: ignore[no-untyped-def]
    with db.sqlite_connection() as connection:
        found = []
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found += [value for value in row if isinstance(value, str)]
        return "\n".join(found)


@pytest.fixture(scope="module")
def window(tmp_path_factory, _styled_once):  # type: ignore[no-untyped-def]
    from app.storage import open_database

    folder = tmp_path_factory.mktemp("dialogs")
    db = open_database(folder)
    with db.sqlite_connection() as connection:
        connection.execute("PRAGMA synchronous=OFF")
    example_data.load_example_data(db)
    settings = Settings.in_folder(folder)
    runner = TaskRunner()
    main = MainWindow(DataSource(db), runner, settings, TextSize(settings))
    main.resize(1200, 800)
    main.show()
    main.load_groups()
    assert runner.wait_idle(20_000)
    yield main
    main.close()
    runner.shutdown(wait=True)
    db.close()


def test_the_forms_are_found() -> None:
    names = {kind.__name__ for kind in FORMS}
    assert {"MemberEditor", "AimDialog", "AddActionDialog", "VenueEditor", "SessionEditor"} <= names


@pytest.mark.parametrize("kind", FORMS, ids=lambda kind: kind.__name__)
@examples(25)
@given(text=any_text(80))
def test_every_text_field_saves_or_refuses_plainly(qtbot, window, kind, text: str) -> None:
    dialog = kind.example(window)
    try:
        dialog.show()
        window.runner.wait_idle(10_000)
        fields = text_fields(dialog)
        if not fields:
            pytest.skip(f"{kind.__name__} has no text to type")
        for field in fields:
            type_into(field, text)
        # What each field shows is what was typed (Qt itself drops a leading byte-order mark).
        shown = [typed(field) for field in fields]
        if not dialog.save_button.isEnabled():
            return  # nothing to save yet (a dialog still loading)
        announced = len(window.status_line.announced)
        dialog.save_button.click()
        qtbot.waitUntil(
            lambda: (
                window.runner.is_idle()
                and not getattr(dialog, "saving", False)
                and not getattr(dialog, "_saving", False)
            ),
            timeout=15_000,
        )
        said = " ".join(window.status_line.announced[announced:])
        assert fault_message() not in said, (kind.__name__, text, said)
        if isValid(dialog) and dialog.isVisible():
            # Refused (or waiting on a question): every field still holds what was typed.
            assert [typed(field) for field in fields] == shown
        else:
            saved = every_text_in(window.source.db)
            for value in shown:
                assert value.strip() in saved, (kind.__name__, value)
    finally:
        if isValid(dialog):  # a dialog that deletes itself on closing may be gone already
            dialog.close()
            dialog.deleteLater()
