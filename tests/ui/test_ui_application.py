"""Starting the app: ``--smoke`` runs, plain words for every problem with the data file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import DatabaseInUse
from app.services import example_data
from app.storage import open_database
from app.storage.backups import BackupKind
from app.ui import application
from app.ui.application import EXAMPLE_QUESTION, open_data, run_application
from app.ui.settings import TEXT_SIZE, Settings

DAMAGED = b"this is not a database" * 100


class Answering:
    """Stands in for the person at start-up: records what they were told, answers as set."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.told: list[str] = []
        self.asked: list[str] = []

    def tell(self, text: str, *, problem: bool = False) -> None:
        self.told.append(text)

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        self.asked.append(text)
        return self.answer


def assert_plain(text: str) -> None:
    assert text.strip()
    assert "Traceback" not in text and "Error:" not in text and 'File "' not in text


def test_smoke_on_an_empty_folder(qapp, data_dir, capsys):
    hook = sys.excepthook
    assert run_application(data_dir, smoke=True) == 0
    assert (data_dir / "roundtable.sqlite3").exists()
    assert sys.excepthook is hook  # put back as it was
    assert QApplication.instance() is qapp and qapp.applicationName() == "Roundtable"
    assert not QApplication.topLevelWidgets() or all(
        not widget.isVisible() for widget in QApplication.topLevelWidgets()
    )
    # The file was closed: it can be opened again at once.
    open_database(data_dir).close()


def test_smoke_on_the_example_data(qapp, data_dir):
    db = open_database(data_dir)
    try:
        example_data.load_example_data(db)
    finally:
        db.close()
    assert run_application(data_dir, smoke=True) == 0


def test_smoke_applies_the_saved_text_size_and_puts_the_font_back(qapp, data_dir):
    before = qapp.font().pointSizeF()
    Settings.in_folder(data_dir).set(TEXT_SIZE, 300)
    assert run_application(data_dir, smoke=True) == 0
    assert qapp.font().pointSizeF() == before


def test_smoke_on_a_damaged_file_fails_plainly_and_changes_nothing(qapp, data_dir, capsys):
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "roundtable.sqlite3"
    path.write_bytes(DAMAGED)
    assert run_application(data_dir, smoke=True) == 1
    error = capsys.readouterr().err
    assert "looks damaged" in error
    assert_plain(error)
    assert path.read_bytes() == DAMAGED


def test_a_file_in_use_is_explained(qapp, db, data_dir, capsys):
    assert run_application(data_dir, smoke=True) == 1
    error = capsys.readouterr().err
    assert "in use" in error
    assert_plain(error)
    person = Answering(True)
    assert open_data(data_dir, person, offer_restore=True) is None
    assert "in use" in person.told[0] and person.asked == []


def make_backup_then_damage(folder: Path) -> Path:
    db = open_database(folder)
    try:
        example_data.load_example_data(db)
        backup = db.backup_now(BackupKind.DAILY)
    finally:
        db.close()
    (folder / "roundtable.sqlite3").write_bytes(DAMAGED)
    return backup


def test_a_damaged_file_offers_the_latest_good_backup(qapp, data_dir):
    make_backup_then_damage(data_dir)
    person = Answering(True)
    db = open_data(data_dir, person, offer_restore=True)
    assert db is not None
    try:
        assert not example_data.is_empty(db)
    finally:
        db.close()
    question = person.asked[0]
    assert "latest good backup was made on" in question
    assert str(data_dir / "backups") in question
    kept = [p for p in (data_dir / "backups").iterdir() if p.name.startswith("damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGED
    assert str(kept[0]) in person.told[-1]
    for text in person.asked + person.told:
        assert_plain(text)


def test_choosing_quit_leaves_the_damaged_file_alone(qapp, data_dir):
    make_backup_then_damage(data_dir)
    person = Answering(False)
    assert open_data(data_dir, person, offer_restore=True) is None
    assert (data_dir / "roundtable.sqlite3").read_bytes() == DAMAGED
    assert len(person.asked) == 1 and person.told == []


def test_a_damaged_file_with_no_backup_is_explained(qapp, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "roundtable.sqlite3").write_bytes(DAMAGED)
    person = Answering(True)
    assert open_data(data_dir, person, offer_restore=True) is None
    assert person.asked == []
    assert "no good backup" in person.told[0]


def test_a_file_from_a_newer_version_is_explained(qapp, db):
    import sqlite3

    db.close()
    connection = sqlite3.connect(db.path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    person = Answering(True)
    assert open_data(db.folder, person, offer_restore=True) is None
    assert len(person.told) == 1
    assert "saved by a newer version of Roundtable" in person.told[0]


def test_a_new_user_is_offered_the_example_groups(db):
    person = Answering(True)
    assert application.offer_example_data(db, person) is True
    assert person.asked == [EXAMPLE_QUESTION]
    example_data.load_example_data(db)
    again = Answering(True)
    assert application.offer_example_data(db, again) is False
    assert again.asked == []


@pytest.mark.parametrize(("key", "wanted"), [(Qt.Key.Key_A, True), (Qt.Key.Key_S, False)])
def test_the_first_start_question_is_answered_with_its_alt_keys(qtbot, db, key, wanted):
    """The real question box, answered from the keyboard as a person would: Alt+A adds
    the example groups, Alt+S starts empty."""
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            if box is not None:
                box.activateWindow()  # Alt keys work in the window that has the keyboard
            QTimer.singleShot(20, answer)
            return
        seen["shown"] = [button.text() for button in box.buttons()]
        seen["spoken"] = [
            QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
            for button in box.buttons()
        ]
        qtbot.keyClick(box, key, Qt.KeyboardModifier.AltModifier)

    def give_up() -> None:  # so that a key that does nothing fails the test, not hangs it
        seen["stuck"] = True
        box = QApplication.activeModalWidget()
        if box is not None:
            box.close()

    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(give_up)
    safety.start(10_000)
    QTimer.singleShot(0, answer)
    chosen = application.offer_example_data(db, application.MessageBoxDialogs())
    safety.stop()
    assert "stuck" not in seen
    assert chosen is wanted
    assert sorted(seen["shown"]) == ["&Add the example groups", "&Start empty"]
    assert sorted(seen["spoken"]) == ["Add the example groups", "Start empty"]


def test_the_fault_hook_logs_and_speaks_plainly(qapp, capsys, caplog):
    hook = application.FaultReporter(smoke=True)
    try:
        raise KeyError("internal detail")
    except KeyError as error:
        hook(type(error), error, error.__traceback__)
    error_text = capsys.readouterr().err
    assert "Nothing you had saved was lost" in error_text
    assert "internal detail" not in error_text and "KeyError" not in error_text
    assert hook.count == 1
    assert any(record.exc_info for record in caplog.records)


def test_the_fault_hook_shows_a_message_box_when_not_smoke(qtbot, qapp):
    hook = application.FaultReporter(smoke=False)
    refusal = DatabaseInUse("Roundtable's data is in use by another copy of Roundtable.")
    hook(DatabaseInUse, refusal, None)
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and hasattr(w, "text")]
    assert any(box.text() == str(refusal) for box in boxes)
    for box in boxes:
        box.close()


@pytest.mark.parametrize("smoke", [True])
def test_run_application_never_raises_on_a_folder_it_cannot_use(qapp, tmp_path, capsys, smoke):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    assert run_application(blocker, smoke=smoke) == 1
    assert_plain(capsys.readouterr().err)


def test_a_fault_while_starting_is_told_plainly_and_the_file_closed(
    qapp, data_dir, monkeypatch, capsys
):
    def broken(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(application, "MainWindow", broken)
    assert run_application(data_dir, smoke=True) == 1
    error = capsys.readouterr().err
    assert "fault of its own" in error and "internal detail" not in error
    open_database(data_dir).close()  # it was closed again


WHOLE_RUN = """
import json, sys
from PySide6.QtCore import QTimer
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.ui import application
from app.ui.main_window import MainWindow

class Person:
    asked = []
    told = []
    def ask(self, text, *, yes, no):
        self.asked.append(text)
        return True
    def tell(self, text, *, problem=False):
        self.told.append(text)

person = Person()
application.MessageBoxDialogs = lambda: person
app = QApplication(sys.argv[:1])
shown = []

def close_when_ready():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = next((w for w in windows if w.isVisible()), None)
    if window is None or not window.groups or window.is_loading():
        QTimer.singleShot(50, close_when_ready)
        return
    shown.extend(group.name for group in window.groups)
    window.close()  # the last window: the app quits as it does for a person

QTimer.singleShot(0, close_when_ready)
code = application.run_application(Path(sys.argv[1]))
print(json.dumps({"code": code, "asked": person.asked, "told": person.told, "shown": shown}))
"""


@pytest.mark.slow
def test_a_whole_run_adds_the_examples_backs_up_and_closes_the_file(data_dir):
    """The run a person makes (in its own process, since it runs the event loop to the
    end), with the start-up question answered "yes" for them."""
    finished = subprocess.run(
        [sys.executable, "-c", WHOLE_RUN, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["asked"] == [EXAMPLE_QUESTION]
    assert result["told"] == []
    assert len(result["shown"]) >= 2
    assert "Traceback" not in finished.stderr
    assert list((data_dir / "backups").glob("daily-*.sqlite3"))
    db = open_database(data_dir)  # closed at the end of the run
    try:
        assert not example_data.is_empty(db)
    finally:
        db.close()
