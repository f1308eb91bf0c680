"""Packs for everyone, opened from the window: members who asked for audio get audio."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import wait_loaded

from app.ui.packs_menu import open_packs_for_everyone
from tests.speech.no_engine import hide_engine


def _panel_dialog(qtbot, open_window, sample, folder: Path):  # type: ignore[no-untyped-def]
    window = open_window().window
    panel_index = next(n for n, g in enumerate(window.groups) if g.id == sample.panel)
    window.group_chooser.setCurrentIndex(panel_index)
    wait_loaded(qtbot, window)
    dialog = open_packs_for_everyone(window)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=20_000)
    dialog.make_in(folder)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=120_000)
    return window, dialog


def test_audio_for_those_who_asked(qtbot, open_window, sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, dialog = _panel_dialog(qtbot, open_window, sample, tmp_path / "all")
    assert dialog.waiting_for_audio == []
    audio = [path for path in dialog.made if path.is_dir()]
    assert [path.name.split(" - ")[-2:] for path in audio] == [["Tomasz Nowak", "audio"]]
    parts = sorted(path.name for path in audio[0].iterdir())
    assert parts[0] == "00 Contents.wav" and len(parts) >= 3
    assert any(path.suffix == ".pdf" for path in dialog.made)  # the printed ones too
    dialog.close()


def test_no_engine_leaves_audio_waiting_and_says_why(
    qtbot, open_window, sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hide_engine(tmp_path, monkeypatch, "library")
    window, dialog = _panel_dialog(qtbot, open_window, sample, tmp_path / "all")
    assert dialog.waiting_for_audio == ["Tomasz Nowak"]
    assert any(path.suffix == ".pdf" for path in dialog.made)
    qtbot.waitUntil(
        lambda: any("Install espeak-ng" in said for said in window.status_line.announced)
    )
    dialog.close()
