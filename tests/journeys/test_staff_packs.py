"""Staff make packs for everyone before a session, from the main window's Packs menu by
keyboard: asked where, the progress and the result in view and heard, each member's pack
named in words and made as they asked, and the folder offered to open."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from app.ui.formatting import title_width
from app.ui.packs_everyone import PacksForEveryoneDialog
from tests.journeys.conftest import ALT, Key, active
from tests.ui.ui_helpers import choose_folder


def test_packs_for_everyone_from_the_packs_menu(qtbot, journey, with_examples, tmp_path):
    opened = journey(size=(900, 700))
    window = opened.window
    active(qtbot, window)
    window.areas.setFocus()

    # Packs → Packs for everyone…, by the menu's access keys.
    qtbot.keyClick(window, Key.Key_P, ALT)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.title() == "&Packs"
    qtbot.keyClick(menu, Key.Key_E)  # "Packs for &everyone…"
    qtbot.waitUntil(lambda: any(isinstance(w, PacksForEveryoneDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))  # fmt: skip
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, PacksForEveryoneDialog) and w.isVisible())  # fmt: skip
    opened_folders: list[QUrl] = []
    dialog.open_url = lambda url: opened_folders.append(url) or True
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=20_000)
    active(qtbot, dialog)
    assert title_width(dialog.windowTitle()) <= dialog.width()  # the title is whole
    session = dialog.session.chosen()
    assert session is not None  # the next session is offered first

    # Make the packs…: where is asked first.
    qtbot.keyClick(dialog, Key.Key_M, ALT)
    out = tmp_path / "packs for the next session"
    out.mkdir()
    choose_folder(qtbot, out)
    qtbot.waitUntil(dialog.open_folder_button.isVisible, timeout=120_000)
    said = dialog.status_line.announced
    assert said[-1] == f"Done. Made {len(dialog.made)} packs in {out}."
    made = sorted(path.name for path in out.iterdir() if path.suffix == ".pdf")
    assert made and len(made) == len([p for p in dialog.made if p.suffix == ".pdf"])
    # Named in words: the date, the group, before or after, the member and the format.
    assert any(" - before - " in name and "large print" in name for name in made), made
    for name in made:
        pdf = out / name
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        assert "Tagged:          yes" in info.stdout, name

    # The result offers the folder, with the keyboard on it: Enter opens it.
    active(qtbot, dialog)  # as the window system does once the chooser has gone
    qtbot.waitUntil(dialog.open_folder_button.hasFocus)
    qtbot.keyClick(dialog.open_folder_button, Key.Key_Return)
    assert opened_folders == [QUrl.fromLocalFile(str(out))]
    assert Path(opened_folders[0].toLocalFile()) == out
    dialog.close()
