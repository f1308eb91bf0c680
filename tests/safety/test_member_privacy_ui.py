"""The Members area's "Their data" menu: save everything held, or erase after a plain question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services import decision_log, example_data, people, privacy
from app.ui.data import DataSource
from app.ui.display import TextSize
from app.ui.main_window import MainWindow
from app.ui.members_panel import MembersPanel
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner

WHO = "Dafydd ap Ieuan"


@pytest.fixture
def members(qtbot, db, data_dir, styled_app):  # type: ignore[no-untyped-def]
    example_data.load_example_data(db)
    settings = Settings.in_folder(data_dir)
    runner = TaskRunner()
    window = MainWindow(DataSource(db), runner, settings, TextSize(settings))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.load_groups()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20_000)
    panel = window.panels[0]
    assert isinstance(panel, MembersPanel)
    row = next(n for n in range(panel.model.rowCount()) if panel.model.row_at(n).full_name == WHO)
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    assert panel.privacy.button.isEnabled()
    yield window, panel
    window.close()
    runner.shutdown(wait=True)


def test_everything_held_is_saved_from_the_menu(qtbot, members, tmp_path: Path) -> None:
    window, panel = members
    assert [a.text() for a in panel.privacy.menu.actions()] == [
        "&Save everything held about them…",
        "&Erase their personal details…",
    ]
    chooser = panel.privacy.choose_file()
    assert chooser is not None
    assert "Save everything held about Dai" in chooser.windowTitle()
    out = tmp_path / "dai.txt"
    chooser.fileSelected.emit(str(out))
    chooser.close()
    qtbot.waitUntil(lambda: out.exists() and window.runner.is_idle(), timeout=10_000)
    assert f"Full name: {WHO}" in out.read_text(encoding="utf-8")
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["details"]
    assert "Saved everything held about" in window.status_line.text()


def test_erasing_asks_plainly_first_and_keep_is_the_safe_choice(qtbot, members, db) -> None:
    _window, panel = members
    box = panel.privacy.confirm_erase()
    assert isinstance(box, QMessageBox)
    question = box.text()
    for promise in ("name, pronouns, contact details, access needs", "“a member”", "cannot be"):
        assert promise in question
    assert "Keep" in box.defaultButton().text()  # Enter keeps them
    box.defaultButton().click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert WHO in [name for _n, name in privacy.list_people(db)]


def test_erasing_from_the_menu_removes_them_everywhere(qtbot, members, db) -> None:
    window, panel = members
    group = window.current_group()
    box = panel.privacy.confirm_erase()
    erase = next(b for b in box.buttons() if "Erase" in b.text())
    erase.click()
    qtbot.waitUntil(lambda: "Erased" in window.status_line.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    shown = [panel.model.row_at(n).full_name for n in range(panel.model.rowCount())]
    assert WHO not in shown
    assert people.search_members(db, group.id, "Dafydd", include_left=True) == []
    raised = [r for r in decision_log.list_decisions(db, group.id) if r.raised_by == "A member"]
    assert raised
