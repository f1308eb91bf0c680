"""The Display settings dialog: text size, look and reading font, each applied at once to
every window and remembered, with a sentence to try them on.

Every change is made through ``Display``, the same object the View menu's shortcuts use,
so the dialog and the shortcuts always agree; those keys work here as in every window
(app.ui.size_keys).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.services.pack_defaults import SYSTEM_FONT, reading_font
from app.ui.display import Display
from app.ui.fonts import available_fonts, sample_font
from app.ui.looks import LOOKS, look
from app.ui.settings import HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, NORMAL_LOOK, TEXT_SIZES
from app.ui.speech_settings import SpeechSettingsBox
from app.ui.titled_dialog import Dialog
from app.ui.widgets import Heading, scrolling

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# The names on the choices, with their mnemonics (the looks' and fonts' own titles have none).
LOOK_LABELS = {
    NORMAL_LOOK: N_("&Normal"),
    HIGH_CONTRAST_LIGHT: N_("&High contrast, light"),
    HIGH_CONTRAST_DARK: N_("High contrast, &dark"),
}
FONT_LABELS = {
    SYSTEM_FONT: N_("The computer's &usual font"),
    "atkinson-hyperlegible": N_("&Atkinson Hyperlegible"),
    "opendyslexic": N_("&OpenDyslexic"),
}
PREVIEW = N_(
    "The group agreed that every repair request will be answered within two working days. "
    "Margaret asked for the letters to use plain words."
)


class TextSizeBox(QSpinBox):
    """A spin box that steps through the text sizes on offer, and takes only those."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(TEXT_SIZES[0], TEXT_SIZES[-1])
        self.setSuffix("%")
        self.setKeyboardTracking(False)  # a half-typed number is not a choice yet
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)

    def stepBy(self, steps: int) -> None:
        index = TEXT_SIZES.index(nearest_size(self.value()))
        self.setValue(TEXT_SIZES[max(0, min(len(TEXT_SIZES) - 1, index + steps))])

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        enabled = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() > TEXT_SIZES[0]:
            enabled |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.value() < TEXT_SIZES[-1]:
            enabled |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return enabled


class ChoiceDescription(QLabel):
    """The words under a choice, lined up with its name past the round mark at any size."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._line_up()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._line_up()

    def _line_up(self) -> None:
        style = self.style()
        mark = style.pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
        gap = style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self)
        self.setIndent(mark + gap)


def nearest_size(percent: int) -> int:
    return min(TEXT_SIZES, key=lambda size: (abs(size - percent), size))


class DisplayDialog(Dialog):
    def __init__(self, display: Display, window: MainWindow) -> None:
        super().__init__(window)
        self.display = display
        self.main_window = window
        self.setWindowTitle(_("Display settings"))
        self.setAccessibleName(_("Display settings"))

        self.size_label = QLabel(_("&Text size:"))
        self.size_box = TextSizeBox()
        self.size_box.setAccessibleName(_("Text size"))
        self.size_box.setAccessibleDescription(_("From 100% to 300%."))
        self.size_label.setBuddy(self.size_box)
        self.smaller = self._button(_("&Smaller"), _("Ctrl+Minus does this anywhere."))
        self.larger = self._button(_("&Larger"), _("Ctrl+Plus does this anywhere."))
        self.normal = self._button(_("Normal si&ze"), _("Ctrl+0 does this anywhere."))
        self.smaller.clicked.connect(display.text_size.smaller)
        self.larger.clicked.connect(display.text_size.larger)
        self.normal.clicked.connect(display.text_size.normal)
        self.size_box.valueChanged.connect(self._size_chosen)

        self.looks = QButtonGroup(self)
        looks_box = self._choices(
            _("Look"),
            self.looks,
            [(entry.key, _(LOOK_LABELS[entry.key]), _(entry.description)) for entry in LOOKS],
        )
        self.looks.idToggled.connect(self._look_toggled)

        self.fonts = QButtonGroup(self)
        self._font_keys = [font.key for font in available_fonts()]
        fonts_box = self._choices(
            _("Reading font"),
            self.fonts,
            [
                (font.key, _(FONT_LABELS.get(font.key, font.title)), _(font.description))
                for font in available_fonts()
            ],
        )
        for key, button in zip(self._font_keys, self.fonts.buttons(), strict=True):
            button.setFont(sample_font(key))  # each name shown in its own font
        self.fonts.idToggled.connect(self._font_toggled)

        self.preview = QLabel(_(PREVIEW))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        preview_box = QGroupBox(_("How text looks now"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        self.packs = QLabel()
        self.packs.setWordWrap(True)
        self.speech_box = SpeechSettingsBox(window.read_aloud, window.settings)

        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(_("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self._lay_out(looks_box, fonts_box, preview_box, buttons)
        display.changed.connect(self._show_choices)
        self._show_choices()

    @classmethod
    def example(cls, window: MainWindow) -> DisplayDialog:
        return cls(window.display, window)

    # -- building -----------------------------------------------------------------------

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setAutoDefault(False)
        return button

    def _choices(
        self, title: str, group: QButtonGroup, choices: list[tuple[str, str, str]]
    ) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for number, (_key, label, description) in enumerate(choices):
            button = QRadioButton(label)
            button.setAccessibleName(label.replace("&", ""))
            button.setAccessibleDescription(description)
            group.addButton(button, number)
            words = ChoiceDescription(description)
            column.addWidget(button)
            column.addWidget(words)
        return box

    def _lay_out(self, *boxes: QWidget) -> None:
        looks_box, fonts_box, preview_box, buttons = boxes
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_label)
        size_row.addWidget(self.size_box)
        size_row.addStretch(1)
        steps = QHBoxLayout()
        for button in (self.smaller, self.larger, self.normal):
            steps.addWidget(button)
        steps.addStretch(1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(Heading(_("Display settings")))
        intro = QLabel(_("Changes show at once in every window, and are remembered."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(size_row)
        column.addLayout(steps)
        for box in (looks_box, fonts_box, preview_box):
            column.addWidget(box)
        column.addWidget(self.packs)
        column.addWidget(self.speech_box)
        column.addStretch(1)
        scroller = scrolling(page)
        outer = QVBoxLayout(self)
        outer.addWidget(scroller, 1)
        outer.addWidget(buttons)
        self.resize(640, 720)

    # -- following the choices ----------------------------------------------------------

    def _show_choices(self) -> None:
        display = self.display
        self.size_box.blockSignals(True)
        self.size_box.setValue(display.text_size.percent)
        self.size_box.blockSignals(False)
        self.smaller.setEnabled(display.text_size.can_shrink())
        self.larger.setEnabled(display.text_size.can_grow())
        for number, entry in enumerate(LOOKS):
            if entry.key == display.look:
                self._check(self.looks, number)
        if display.reading_font in self._font_keys:
            self._check(self.fonts, self._font_keys.index(display.reading_font))
        defaults = display.pack_defaults()
        font_name = (
            _("the computer's usual font")
            if defaults.font.key == SYSTEM_FONT
            else _(defaults.font.title)
        )
        self.packs.setText(
            _("New packs use these settings too: text at {size} pt in {font}.").format(
                size=defaults.body_pt, font=font_name
            )
        )

    @staticmethod
    def _check(group: QButtonGroup, number: int) -> None:
        button = group.button(number)
        if not button.isChecked():
            group.blockSignals(True)
            button.setChecked(True)
            group.blockSignals(False)

    def _size_chosen(self, value: int) -> None:
        size = nearest_size(value)
        if size != value:
            self.size_box.setValue(size)  # comes back here with a size on offer
            return
        self.display.text_size.choose(size)

    def _look_toggled(self, number: int, checked: bool) -> None:
        if checked and self.display.choose_look(LOOKS[number].key):
            self.tell(_("{look} look.").format(look=_(look(LOOKS[number].key).title)))

    def _font_toggled(self, number: int, checked: bool) -> None:
        key = self._font_keys[number]
        if checked and self.display.choose_reading_font(key):
            self.tell(_("Reading font: {font}.").format(font=_(reading_font(key).title)))

    def tell(self, message: str, *, urgent: bool = False) -> None:
        """What changes here (a new size too, by key or button) is said on the main
        window's line, beneath this dialog, where it shows without covering a choice."""
        self.main_window.status_line.announce(message, urgent=urgent)
