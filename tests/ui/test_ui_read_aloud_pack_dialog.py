"""Save a pack as audio, from the Read aloud menu: by keyboard, with progress in words."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from walker import Walker

from app.services.packs import PackKind
from app.ui.display_dialog import DisplayDialog
from app.ui.looks import apply_look
from app.ui.settings import LOOK_KEYS, NORMAL_LOOK
from app.ui.speech_pack_dialog import AudioPackDialog
from tests.speech.no_engine import hide_engine

ALT = Qt.KeyboardModifier.AltModifier


def _dialog(qtbot, open_window, folder: Path) -> AudioPackDialog:  # type: ignore[no-untyped-def]
    window = open_window().window
    window.read_aloud.audio_pack_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AudioPackDialog))
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.session.count() > 0, timeout=20_000)
    dialog.folder.setText(str(folder))
    return dialog


def test_a_session_pack_recorded_by_keyboard(qtbot, open_window, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, open_window, tmp_path / "audio")
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # Record
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    made = dialog.made
    assert made.folder.parent == tmp_path / "audio"
    assert made.folder.name == "Before the session 2025-04-01 Online forms"  # the group shown
    names = sorted(path.name for path in made.folder.iterdir())
    assert names[0] == "00 Contents.wav" and len(names) == len(made.recordings) >= 3
    for path in made.folder.iterdir():
        with wave.open(str(path), "rb") as wav:
            assert wav.getnframes() > wav.getframerate()  # over a second each
    assert dialog.progress.value() == dialog.progress.maximum() == len(names)
    assert dialog.progress_words.announced[-1].startswith(f"Done. Saved {len(names)} sound files")
    dialog.close()


def test_the_decision_log_needs_no_session(qtbot, open_window, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, open_window, tmp_path / "audio")
    dialog.kind.setCurrentIndex(dialog.kind.findData(PackKind.DECISIONS))
    assert not dialog.session.isEnabled()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=60_000)
    assert dialog.made.folder.name == "Decision log"
    dialog.close()


def test_no_engine_says_how_to_get_one(
    qtbot, open_window, sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hide_engine(tmp_path, monkeypatch, "library")
    dialog = _dialog(qtbot, open_window, tmp_path / "audio")
    dialog.start()
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
