"""Every text field of every form dialog, given the worst text: saved, or refused plainly
with everything typed still on screen. Never a fault."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

import pytest
from bad_input import any_text, examples
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
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
from app.ui.time_field import TimeField

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
            # A spin box's, date's or time's text is a number, a date or a time (times
            # typed are checked in tests/services/test_typed_time.py); an editable
            # drop-down (who is recording it, say) is typed into like any text field.
            if isinstance(widget, TimeField):
                continue
            owner = widget.parent()
            if isinstance(owner, QAbstractSpinBox) or widget.isReadOnly():
                continue
            if isinstance(owner, QComboBox) and not owner.isEditable():
                continue
            fields.append(widget)
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and not widget.isReadOnly():
            fields.append(widget)
    return [field for field in fields if field.isEnabled()]


def typed(field: QWidget) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def type_into(field: QWidget, text: str) -> None:
    """Put ``text`` in as typing would: a line edit also says it was edited and left."""
    if isinstance(field, QLineEdit):
        field.setText(text)
        field.textEdited.emit(field.text())
        field.editingFinished.emit()
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
    # Show each area once: the Decisions area then holds a real decision, whose dialogs save.
    for area in range(len(main.panels)):
        main.areas.setCurrentRow(area)
        assert runner.wait_idle(20_000)
    decisions_area = next(
        n for n, panel in enumerate(main.panels) if hasattr(panel, "details_view")
    )
    main.areas.setCurrentRow(decisions_area)
    panel = main.panels[decisions_area]
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert runner.wait_idle(20_000)
    QApplication.processEvents()
    assert runner.wait_idle(20_000)
    assert panel.details_view.details is not None
    yield main
    main.close()
    runner.shutdown(wait=True)
    db.close()


def test_the_forms_are_found() -> None:
    names = {kind.__name__ for kind in FORMS}
    assert {"MemberEditor", "AimDialog", "AddActionDialog", "VenueEditor", "SessionEditor"} <= names
    assert {"AddCommentDialog", "SessionCommentsDialog"} <= names


OUTCOMES: dict[str, Counter[str]] = defaultdict(Counter)
ORDINARY = itertools.count(1)
# Their examples work on a made-up session, so every save is refused ("that session no
# longer exists"). Their text fields are still checked to be kept and refused plainly, and
# what they save is fed the same text through its service (test_bad_input_records.py).
EXAMPLES_ON_MADE_UP_RECORDS = {
    "ClosingDialog",
    "LiveDecisionDialog",
    "SessionCommentsDialog",
    "SupporterDialog",
}


def ordinary_value(field: QWidget) -> str:
    """Something every field of its kind accepts, so the one given the hard text decides."""
    name = field.accessibleName().lower()
    if "mail" in name:
        return "ada@example.org"
    if "phone" in name:
        return "01234 567890"
    # A new value each time, so that saving always changes something.
    return f"Ada Lovelace {next(ORDINARY)}"


@pytest.mark.parametrize("kind", FORMS, ids=lambda kind: kind.__name__)
@examples(25)
@given(text=any_text(80), which=st.integers(min_value=0, max_value=99), every=st.booleans())
def test_every_text_field_saves_or_refuses_plainly(
    qtbot, window, kind, text: str, which: int, every: bool
) -> None:
    dialog = kind.example(window)
    try:
        dialog.show()
        window.runner.wait_idle(10_000)
        fields = text_fields(dialog)
        if not fields:
            pytest.skip(f"{kind.__name__} has no text to type")
        # Contact details and access needs are kept only with consent: given, so that
        # what decides is the text.
        for box in dialog.findChildren(QCheckBox):
            if "agree" in box.accessibleName().lower():
                box.setChecked(True)
        # The hard text in one field (the others ordinary), or in every field at once.
        chosen = fields[which % len(fields)]
        for field in fields:
            type_into(field, text if every or field is chosen else ordinary_value(field))
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
            OUTCOMES[kind.__name__]["refused"] += 1
        else:
            # Saved: what was typed is in the file (each field's exact rule is checked
            # through its service in test_bad_input_services.py). A reason typed for a change
            # that changed nothing is not kept, so not every field need be there.
            saved = every_text_in(window.source.db)
            kept = [value for value in shown if value.strip() and value.strip() in saved]
            assert kept or not any(value.strip() for value in shown), (kind.__name__, shown)
            OUTCOMES[kind.__name__]["saved"] += 1
    finally:
        if isValid(dialog):  # a dialog that deletes itself on closing may be gone already
            dialog.close()
            dialog.deleteLater()


def test_the_cases_both_saved_and_were_refused() -> None:
    """The cases above are only worth something if they reach both ends of the rule."""
    assert OUTCOMES, "the dialog cases have not run"
    for name, seen in OUTCOMES.items():
        if name in EXAMPLES_ON_MADE_UP_RECORDS:
            continue
        assert seen["saved"] > 0, f"{name}: no case was saved: {dict(seen)}"
    assert sum(seen["refused"] for seen in OUTCOMES.values()) > 0
