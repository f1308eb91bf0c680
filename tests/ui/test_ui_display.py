"""Display settings: text size, look and reading font, chosen by keyboard in the dialog
(View → Display settings…, Ctrl+Shift+D), applied at once to every window, remembered,
and handed on as the defaults for new packs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from app.services.pack_defaults import READING_FONTS
from app.ui.display import Display, TextSize, base_point_size
from app.ui.display_dialog import DisplayDialog
from app.ui.fonts import apply_reading_font, register_bundled_fonts, system_family
from app.ui.looks import LOOKS, BorderStyle, apply_look, contrast, palette_for
from app.ui.settings import (
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    LOOK,
    NORMAL_LOOK,
    READING_FONT,
    TEXT_SIZE,
    Settings,
)

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _normal_look_and_font_after() -> Iterator[None]:
    yield
    apply_look(NORMAL_LOOK)
    apply_reading_font("system")


def window_colour(widget: QWidget) -> str:
    return widget.palette().color(Role.Window).name()


def open_dialog(qtbot, window) -> DisplayDialog:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.areas.setFocus()
    qtbot.waitUntil(window.areas.hasFocus)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.findChild(DisplayDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press_mnemonic(qtbot, dialog, key, button) -> None:  # type: ignore[no-untyped-def]
    """Alt+key on a choice focuses it and, a moment later, chooses it (Qt animates the click)."""
    qtbot.keyClick(dialog, key, ALT)
    assert button.hasFocus()
    qtbot.waitUntil(button.isChecked)


def test_look_font_and_size_chosen_by_keyboard_apply_everywhere_and_are_kept(
    qtbot, open_window, sample, data_dir
):
    parts = open_window()
    window = parts.window
    other = QLabel("Another window, opened before the change")  # a second top-level window
    qtbot.addWidget(other)
    other.show()
    dialog = open_dialog(qtbot, window)

    # Look: Alt+D chooses "High contrast, dark" at once, in every window.
    press_mnemonic(qtbot, dialog, Qt.Key.Key_D, dialog.looks.button(2))
    for top in (window, dialog, other):
        assert window_colour(top) == "#000000"
        assert top.palette().color(Role.WindowText).name() == "#ffffff"
    assert "High contrast, dark look." in window.status_line.announced
    press_mnemonic(qtbot, dialog, Qt.Key.Key_H, dialog.looks.button(1))
    assert window_colour(other) == "#ffffff"

    # Reading font: Alt+A chooses Atkinson Hyperlegible for the whole application.
    press_mnemonic(qtbot, dialog, Qt.Key.Key_A, dialog.fonts.button(1))
    for top in (window, dialog, other, window.panels[0].summary):
        assert top.font().family() == "Atkinson Hyperlegible"
    assert window.panels[0].heading.font().family() == "Atkinson Hyperlegible"

    # Size: Alt+T goes to the size box; the Up key steps to the next size on offer.
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)
    assert dialog.size_box.hasFocus()
    qtbot.keyClick(dialog.size_box, Qt.Key.Key_Up)
    assert parts.text_size.percent == 125
    qtbot.keyClick(dialog, Qt.Key.Key_Plus, CTRL)  # the usual shortcut works in the dialog
    assert parts.text_size.percent == 150
    assert dialog.size_box.value() == 150
    qtbot.keyClick(dialog, Qt.Key.Key_L, ALT)  # the Larger button
    qtbot.waitUntil(lambda: parts.text_size.percent == 175)
    expected = base_point_size() * 1.75
    for top in (window, dialog, other):
        assert top.font().pointSizeF() == pytest.approx(expected, abs=0.06)
    assert (
        dialog.packs.text()
    ) == "New packs use these settings too: text at 24 pt in Atkinson Hyperlegible."

    # A fresh settings object, as on the next start, reads all three back.
    fresh = Settings.in_folder(data_dir)
    assert fresh.get(LOOK) == HIGH_CONTRAST_LIGHT
    assert fresh.get(READING_FONT) == "atkinson-hyperlegible"
    assert fresh.get(TEXT_SIZE) == 175

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_each_font_name_is_shown_in_its_own_font_at_the_chosen_size(qtbot, open_window, sample):
    parts = open_window()
    dialog = open_dialog(qtbot, parts.window)
    parts.text_size.choose(250)
    buttons = dialog.fonts.buttons()
    assert [button.font().family() for button in buttons] == [
        system_family(),
        "Atkinson Hyperlegible",
        "OpenDyslexic",
    ]
    for button in buttons:
        assert button.font().pointSizeF() == pytest.approx(base_point_size() * 2.5, abs=0.06)
        assert button.accessibleDescription()  # what each font is for, in words
    for button in dialog.looks.buttons():
        assert button.accessibleDescription()


def test_typing_a_size_between_steps_takes_the_nearest(qtbot, open_window, sample):
    parts = open_window()
    dialog = open_dialog(qtbot, parts.window)
    qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)
    dialog.size_box.selectAll()
    qtbot.keyClicks(dialog.size_box, "210")
    qtbot.keyClick(dialog.size_box, Qt.Key.Key_Return)
    assert parts.text_size.percent == 200
    assert dialog.size_box.value() == 200


def test_saved_choices_are_applied_at_start(qtbot, data_dir, qapp):
    settings = Settings.in_folder(data_dir)
    settings.set(LOOK, HIGH_CONTRAST_DARK)
    settings.set(READING_FONT, "opendyslexic")
    settings.set(TEXT_SIZE, 200)
    display = Display(settings, TextSize(settings))
    display.apply_saved()
    assert isinstance(qapp.style(), BorderStyle)
    assert qapp.palette().color(Role.Window).name() == "#000000"
    assert qapp.font().family() == "OpenDyslexic"
    assert qapp.font().pointSizeF() == pytest.approx(base_point_size() * 2, abs=0.06)
    later = QLabel("Opened afterwards")
    qtbot.addWidget(later)
    assert later.font().family() == "OpenDyslexic"
    assert display.pack_defaults().body_pt == 28


def test_changing_the_look_keeps_the_text_size(qapp):
    apply_reading_font("atkinson-hyperlegible")
    font = qapp.font()
    font.setPointSizeF(21.5)
    qapp.setFont(font)
    for entry in LOOKS:
        apply_look(entry.key)
        assert qapp.font().pointSizeF() == pytest.approx(21.5)
        assert qapp.font().family() == "Atkinson Hyperlegible"


@pytest.mark.parametrize("entry", LOOKS, ids=lambda entry: entry.key)
def test_each_look_meets_its_text_target(entry):
    palette = palette_for(entry.key)
    target = 4.5 if entry.key == NORMAL_LOOK else 7.0
    for front, back in ((Role.WindowText, Role.Window), (Role.Text, Role.Base)):
        assert contrast(palette.color(front), palette.color(back)) >= target


def test_the_bundled_fonts_are_truetype_with_their_licences():
    families = register_bundled_fonts()
    for font in READING_FONTS:
        if not font.files:
            continue
        assert families[font.key] == font.family
        assert font.family in QFontDatabase.families()
        for path in font.paths():
            assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{path.name} is not TrueType"
        folder = font.paths()[0].parent
        assert any(name.name.upper().startswith(("OFL", "LICENSE")) for name in folder.iterdir())
    assert (READING_FONTS[1].paths()[0].parents[1] / "README.md").is_file()
