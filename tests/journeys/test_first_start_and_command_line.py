"""A newcomer's first start, answered by keyboard, then the command line on the same data,
then the window again: the session numbers the commands take are the ones it shows."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.session_models import SessionListModel
from tests.test_cli import ROOT, roundtable

SESSIONS_AREA = 1

FIRST_START = """
import json, sys
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from app.ui import application
from app.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
seen = {}

def answer_the_question():
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(50, answer_the_question)
        return
    if not box.isActiveWindow():  # as a window system makes it; offscreen needs telling
        box.activateWindow()
        QTimer.singleShot(50, answer_the_question)
        return
    seen["question"] = box.text()
    seen["buttons"] = [button.text() for button in box.buttons()]
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    QTimer.singleShot(50, look_at_the_window)

def look_at_the_window():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = next((w for w in windows if w.isVisible()), None)
    if window is None or not window.groups or window.is_loading():
        QTimer.singleShot(50, look_at_the_window)
        return
    seen["groups"] = [group.name for group in window.groups]
    seen["chooser list"] = window.group_chooser.view().accessibleName()
    window.close()

QTimer.singleShot(0, answer_the_question)
seen["code"] = application.run_application(Path(sys.argv[1]))
print(json.dumps(seen))
"""


def first_start(folder: Path) -> dict:  # type: ignore[type-arg]
    finished = subprocess.run(
        [sys.executable, "-c", FIRST_START, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_first_start_then_the_command_line_then_the_window(qtbot, journey, data_dir, tmp_path):
    # 1. First start: the question is answered with its access key, Alt+A.
    seen = first_start(data_dir)
    assert seen["code"] == 0
    assert seen["question"].startswith("This is a new, empty Roundtable.")
    assert "&Add the example groups" in seen["buttons"]
    assert len(seen["groups"]) == 2
    assert seen["chooser list"] == "Groups"

    # 2. The command line lists the sessions with their numbers ...
    listed = roundtable("session", "list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    held = [line for line in listed.stdout.splitlines() if line.endswith("Held.")]
    assert held, listed.stdout
    number = int(re.match(r"Session (\d+):", held[-1])[1])  # type: ignore[index]
    # ... and a pack is made by one of them.
    pack = tmp_path / "after.pdf"
    made = roundtable(
        "export", "pack", "--session", str(number), "--kind", "after", "--out", str(pack),
        data_dir=data_dir,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert pack.stat().st_size > 0

    # A mistyped folder is said plainly, and nothing is made there.
    typo = data_dir.parent / "dataa"
    wrong = roundtable("session", "list", data_dir=typo)
    assert wrong.returncode == 1
    assert wrong.stderr.startswith(f"There is no Roundtable data in {typo}.")
    assert not typo.exists()
    # A session that is not a number is a misuse.
    misused = roundtable(
        "export", "pack", "--session", "abc", "--out", str(pack), data_dir=data_dir
    )
    assert misused.returncode == 2
    assert "“abc” is not a session" in misused.stderr

    # 3. The window again: the Sessions area shows the same number beside that session.
    opened = journey()
    window = opened.window
    window.areas.setFocus()
    qtbot.keyClick(window.areas, Qt.Key.Key_Down)  # Members → Sessions
    assert window.stack.currentIndex() == SESSIONS_AREA
    sessions = window.current_panel()
    opened.loaded(qtbot)
    group = held[-1].split(", ")[1]
    if window.current_group().name != group:
        window.group_chooser.setCurrentIndex(window.group_chooser.findText(group))
        opened.loaded(qtbot)
    row = sessions.model.row_of(number)
    assert row >= 0
    shown = sessions.model.index(row, SessionListModel.NUMBER).data()
    assert shown == str(number)
