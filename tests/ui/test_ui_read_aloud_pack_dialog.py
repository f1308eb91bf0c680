"""Save a pack as audio, from the Read aloud menu: by keyboard, asking where to put it, with
progress in words and the result in view, and the folder opened at the end."""

from __future__ import annotations

import wave
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from test_ui_packs_everyone import each_choice_is_seen_by_its_alt_key
from ui_helpers import choose_folder, the_folder_chooser
from walker import Walker

from app.services import live_close, meetings
from app.services.packs import PackKind
from app.ui.display_dialog import DisplayDialog
from app.ui.formatting import title_width
from app.ui.looks import apply_look
from app.ui.settings import AUDIO_PACKS_FOLDER, LOOK_KEYS, NORMAL_LOOK
from app.ui.speech_pack_dialog import AudioPackDialog
from tests.speech.no_engine import hide_engine

ALT = Qt.KeyboardModifier.AltModifier


def _dialog(qtbot, open_window) -> AudioPackDialog:  # type: ignore[no-untyped-def]
    window = open_window().window
    window.read_aloud.audio_pack_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AudioPackDialog))
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.session.count() > 0, timeout=20_000)
    return dialog


def test_a_session_pack_recorded_by_keyboard(
    qtbot, open_window, sample, home, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, open_window)
    assert dialog.windowTitle() == "Save a pack as audio — Roundtable"  # short, so whole
    assert dialog.width() >= title_width(dialog.windowTitle())
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # Record…, which first asks where
    chooser = the_folder_chooser(qtbot)
    # The first time: where sound files go, offering a folder of their own, not yet made.
    assert Path(chooser.directory().absolutePath()) == home
    assert chooser.selectedFiles() == [str(home / "Roundtable packs")]
    assert not list(home.rglob("Roundtable packs"))
    (tmp_path / "audio").mkdir()
    choose_folder(qtbot, tmp_path / "audio")
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    made = dialog.made
    assert made.folder.parent == tmp_path / "audio"
    assert dialog.settings.get(AUDIO_PACKS_FOLDER) == str(tmp_path / "audio")
    assert made.folder.name == "Before the session 2025-04-01 Online forms"  # the group shown
    names = sorted(path.name for path in made.folder.iterdir())
    assert names[0] == "00 Contents.wav" and len(names) == len(made.recordings) >= 3
    for path in made.folder.iterdir():
        with wave.open(str(path), "rb") as wav:
            assert wav.getnframes() > wav.getframerate()  # over a second each
    assert dialog.progress.value() == dialog.progress.maximum() == len(names)
    said = dialog.progress_words.announced
    assert f"Recorded 1 of {len(names)}: 00 Contents" in said
    assert said[-1].startswith(f"Done. Saved {len(names)} sound files")
    assert said[-1].endswith(f" in {made.folder}.")
    # The result offers the folder the files are in, as the button Enter presses.
    assert dialog.focusWidget() is dialog.open_folder_button
    assert dialog.open_folder_button.isDefault()
    qtbot.keyClick(dialog.open_folder_button, Qt.Key.Key_Return)
    assert opened == [QUrl.fromLocalFile(str(made.folder))]
    dialog.close()


def test_cancelling_the_chooser_records_nothing(qtbot, open_window, sample, home) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, open_window)
    dialog.start_button.click()
    the_folder_chooser(qtbot).reject()
    qtbot.waitUntil(
        lambda: (
            dialog.progress_words.announced[-1:] == ["No folder was chosen, so nothing was made."]
        )
    )
    assert dialog.made is None and dialog.start_button.isEnabled()
    assert not list(home.rglob("Roundtable packs"))  # nothing recorded, no folder made
    dialog.close()


def test_the_kind_of_pack_follows_the_session_until_chosen(qtbot, open_window, sample, db) -> None:  # type: ignore[no-untyped-def]
    forms = meetings.list_sessions(db, sample.panel)[0]
    live_close.close_session(db, forms.id)
    meetings.plan_meeting(db, sample.panel, "Booking help", datetime(2025, 5, 6, 14, 0), [])
    dialog = _dialog(qtbot, open_window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    said = dialog.progress_words.announced
    assert dialog.session.chosen().title == "Booking help"
    assert dialog.kind.currentText() == "Before the session" and said == []
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Down)
    assert dialog.session.chosen().title == "Online forms"
    assert dialog.kind.currentText() == "After the session"
    assert said[-1] == "The kind of pack is now “After the session”, as this session has been held."
    # Chosen by the person, the kind stays as they chose it.
    qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Up)
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Before the session"
    dialog.close()


def test_a_held_session_first_shown_wants_the_pack_after_it(qtbot, open_window, sample, db) -> None:  # type: ignore[no-untyped-def]
    live_close.close_session(db, meetings.list_sessions(db, sample.panel)[0].id)
    dialog = _dialog(qtbot, open_window)
    assert dialog.kind.currentText() == "After the session"
    assert dialog.progress_words.announced == []  # chosen quietly as it opened
    dialog.close()


def test_every_choice_is_seen_at_300_percent(qtbot, open_window, sample, tmp_path) -> None:  # type: ignore[no-untyped-def]
    parts = open_window()
    parts.text_size.choose(300)
    parts.window.read_aloud.audio_pack_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AudioPackDialog))
    qtbot.waitUntil(lambda: dialog.session.count() > 0, timeout=20_000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    choices = [(Qt.Key.Key_S, dialog.session), (Qt.Key.Key_K, dialog.kind)]
    each_choice_is_seen_by_its_alt_key(qtbot, dialog, choices)
    dialog.record_in(tmp_path / "audio")
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    each_choice_is_seen_by_its_alt_key(qtbot, dialog, choices)
    dialog.close()
    parts.text_size.choose(100)


def test_the_decision_log_needs_no_session(qtbot, open_window, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, open_window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(PackKind.DECISIONS))
    assert not dialog.session.isEnabled()
    dialog.record_in(tmp_path / "audio")
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    assert dialog.made.folder.name == "Decision log"
    dialog.close()


def test_no_engine_says_how_to_get_one(
    qtbot, open_window, sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hide_engine(tmp_path, monkeypatch, "library")
    dialog = _dialog(qtbot, open_window)
    dialog.record_in(tmp_path / "audio")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    assert (
        "Install espeak-ng: sudo apt-get install espeak-ng" in (dialog.progress_words.announced[-1])
    )
    assert dialog.made is None
    dialog.close()


@pytest.mark.parametrize("kind", [AudioPackDialog, DisplayDialog])
def test_the_dialogs_with_speech_pass_the_walker(qtbot, open_window, sample, kind) -> None:  # type: ignore[no-untyped-def]
    """Names, Tab order and text that fits at 100-300%, and contrast in every look."""
    parts = open_window()
    window = parts.window
    walker = Walker(qtbot)
    try:
        for percent in (100, 200, 300):
            parts.text_size.choose(percent)
            dialog = kind.example(window)
            dialog.show()
            qtbot.waitExposed(dialog)
            qtbot.wait(200)  # sessions and voices arrive
            walker.check_screen(dialog, f"{kind.__name__} at {percent}%")
            dialog.hide()
            dialog.deleteLater()
        parts.text_size.choose(100)
        for look in LOOK_KEYS:
            window.display.choose_look(look)
            dialog = kind.example(window)
            dialog.show()
            qtbot.waitExposed(dialog)
            walker.check_contrast(dialog, look, f"{kind.__name__} in {look}")
            dialog.hide()
            dialog.deleteLater()
    finally:
        window.display.choose_look(NORMAL_LOOK)
        apply_look(NORMAL_LOOK)
    assert not walker.problems, "\n".join(walker.problems)
