"""Text size: Ctrl++ / Ctrl+- / Ctrl+0 change the application font at once, in steps from
100% to 300%, and the choice is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.display import apply_text_size, base_point_size
from app.ui.settings import TEXT_SIZE, TEXT_SIZES, Setting, Settings

CTRL = Qt.KeyboardModifier.ControlModifier


def point_size() -> float:
    return QApplication.font().pointSizeF()


def test_there_are_at_least_six_steps_from_100_to_300():
    assert TEXT_SIZES[0] == 100 and TEXT_SIZES[-1] == 300
    assert len(TEXT_SIZES) >= 6
    assert list(TEXT_SIZES) == sorted(set(TEXT_SIZES))


def test_keys_step_the_text_size_and_it_is_remembered(qtbot, open_window, sample, data_dir):
    parts = open_window()
    window = parts.window
    window.activateWindow()
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    base = base_point_size()
    assert point_size() == pytest.approx(base)
    label = window.panels[0].summary
    width_before = label.fontMetrics().horizontalAdvance("Members")

    seen = [parts.text_size.percent]
    for _step in range(len(TEXT_SIZES) + 2):  # two more presses than there are steps
        qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
        seen.append(parts.text_size.percent)
        assert point_size() == pytest.approx(base * seen[-1] / 100, abs=0.06)
    assert seen[: len(TEXT_SIZES)] == list(TEXT_SIZES)
    assert seen[-1] == 300
    assert not window.larger_action.isEnabled()

    # The open window follows at once: its text is now three times as wide.
    assert label.font().pointSizeF() == pytest.approx(base * 3, abs=0.06)
    assert label.fontMetrics().horizontalAdvance("Members") >= 2.5 * width_before
    assert window.panels[0].heading.font().pointSizeF() > label.font().pointSizeF()
    assert "Text size 300%." in window.status_line.announced

    # A fresh settings object (as on the next run) reads the choice back.
    assert Settings.in_folder(data_dir).get(TEXT_SIZE) == 300

    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert parts.text_size.percent == 250
    assert Settings.in_folder(data_dir).get(TEXT_SIZE) == 250

    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert parts.text_size.percent == 100
    assert point_size() == pytest.approx(base)
    assert Settings.in_folder(data_dir).get(TEXT_SIZE) == 100
    for _step in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert parts.text_size.percent == 100
    assert not window.smaller_action.isEnabled()


def test_ctrl_equals_also_makes_text_larger(qtbot, open_window, sample):
    parts = open_window()
    parts.window.activateWindow()
    parts.window.areas.setFocus()
    qtbot.waitUntil(parts.window.areas.hasFocus)
    qtbot.keyClick(parts.window, Qt.Key.Key_Equal, CTRL)
    assert parts.text_size.percent == 125


def test_windows_opened_later_use_the_size_too(qtbot, open_window, sample):
    parts = open_window()
    parts.text_size.choose(200)
    later = QLabel("Opened afterwards")
    qtbot.addWidget(later)
    assert later.font().pointSizeF() == pytest.approx(base_point_size() * 2, abs=0.06)


def test_a_saved_size_is_applied_at_start(open_window, sample, data_dir):
    Settings.in_folder(data_dir).set(TEXT_SIZE, 175)
    parts = open_window()
    assert parts.text_size.percent == 175
    parts.text_size.apply_saved()
    assert point_size() == pytest.approx(base_point_size() * 1.75, abs=0.06)


@pytest.mark.parametrize("stored", ["", "huge", "99", "301", "-5"])
def test_a_nonsense_stored_size_falls_back_to_normal(data_dir, stored):
    settings = Settings.in_folder(data_dir)
    settings._store.setValue(TEXT_SIZE.key, stored)
    assert settings.get(TEXT_SIZE) == 100


def test_settings_refuse_values_they_cannot_hold(data_dir):
    with pytest.raises(ValueError):
        Settings.in_folder(data_dir).set(TEXT_SIZE, 110)
    flag = Setting("test/flag", False, "A flag")
    assert flag.accept("true") is True and flag.accept("maybe") is False


def test_the_settings_file_is_in_the_data_folder(data_dir):
    settings = Settings.in_folder(data_dir)
    settings.set(TEXT_SIZE, 150)
    settings.sync()
    assert (data_dir / "settings.ini").read_text().count("text_size_percent=150") == 1


def test_applying_a_size_twice_does_not_compound():
    apply_text_size(200)
    apply_text_size(200)
    assert point_size() == pytest.approx(base_point_size() * 2, abs=0.06)
