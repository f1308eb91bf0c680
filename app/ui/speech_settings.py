"""The reading-aloud part of the Display settings dialog: speed and voice, remembered at
once, with a button to hear them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _
from app.speech import Voice
from app.ui.read_aloud import PAUSE_KEYS, READ_KEYS, STOP_KEYS, ReadAloud
from app.ui.settings import SPEECH_RATE, SPEECH_RATES, SPEECH_VOICE, Settings
from app.ui.wrapping import WrappingComboBox

TRY_IT = N_("This is how Roundtable reads aloud. The group agreed to meet again in March.")


class SpeechSettingsBox(QGroupBox):
    def __init__(
        self, read_aloud: ReadAloud, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Reading aloud"), parent)
        self.read_aloud = read_aloud
        self.settings = settings

        self.speed_label = QLabel(_("Reading s&peed:"))
        self.speed = QSpinBox()
        self.speed.setRange(SPEECH_RATES[0], SPEECH_RATES[-1])
        self.speed.setSingleStep(SPEECH_RATES[1] - SPEECH_RATES[0])
        self.speed.setSuffix(_(" words a minute"))
        self.speed.setKeyboardTracking(False)
        self.speed.setValue(settings.get(SPEECH_RATE))
        self.speed.setAccessibleName(_("Reading speed, in words a minute"))
        self.speed.setAccessibleDescription(_("175 is a usual speaking speed."))
        self.speed_label.setBuddy(self.speed)
        self.speed.valueChanged.connect(self._speed_chosen)

        self.voice_label = QLabel(_("&Voice:"))
        self.voice = WrappingComboBox()
        self.voice.setAccessibleName(_("Voice"))
        # As wide as the box whatever voices arrive later; a long name wraps.
        self.voice.setSizeAdjustPolicy(
            WrappingComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.voice.setMinimumContentsLength(12)
        self.voice.addItem(_("The usual voice"), "")
        self.voice_label.setBuddy(self.voice)
        self.voice.setEnabled(False)

        self.try_button = QPushButton(_("Hea&r it"))
        self.try_button.setAccessibleName(_("Hear it"))
        self.try_button.setAccessibleDescription(_("Reads a sentence at this speed and voice."))
        self.try_button.setAutoDefault(False)
        self.try_button.clicked.connect(lambda: read_aloud.speak(_(TRY_IT)))

        self.state = QLabel(_("Finding the voices on this computer…"))
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        keys = QLabel(
            _(
                "{read} reads the selected text, {pause} pauses, {stop} stops, in any window."
            ).format(read=READ_KEYS, pause=PAUSE_KEYS, stop=STOP_KEYS)
        )
        keys.setWordWrap(True)

        # Each label above its field, so that at large text sizes neither pushes the other
        # off the side of the window.
        column = QVBoxLayout(self)
        for widget in (self.speed_label, self.speed, self.voice_label, self.voice):
            column.addWidget(widget)
        column.addWidget(self.try_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.state)
        column.addWidget(keys)

        read_aloud.voices_ready.connect(self._show_voices)
        read_aloud.load_voices()

    def _speed_chosen(self, value: int) -> None:
        nearest = min(SPEECH_RATES, key=lambda rate: abs(rate - value))
        if nearest != value:
            self.speed.setValue(nearest)  # comes back here with a speed on offer
            return
        self.settings.set(SPEECH_RATE, value)
        self.settings.sync()
        self.read_aloud.status_line.announce(
            _("Reading speed {speed} words a minute.").format(speed=value)
        )

    def _show_voices(self, voices: list[Voice] | str) -> None:
        if isinstance(voices, str):  # no engine: say so, and how to get one
            self.state.setText(voices)
            self.try_button.setEnabled(False)
            return
        chosen = self.settings.get(SPEECH_VOICE)
        self.voice.blockSignals(True)
        for voice in sorted(voices, key=lambda v: v.name.casefold()):
            self.voice.addItem(voice.name, voice.id)
        index = self.voice.findData(chosen)
        self.voice.setCurrentIndex(max(index, 0))
        self.voice.blockSignals(False)
        self.voice.setEnabled(True)
        self.voice.currentIndexChanged.connect(self._voice_chosen)
        self.state.setText(_("{count} voices to choose from.").format(count=self.voice.count() - 1))

    def _voice_chosen(self, index: int) -> None:
        key = str(self.voice.itemData(index) or "")
        self.settings.set(SPEECH_VOICE, key)
        self.settings.sync()
        self.read_aloud.status_line.announce(
            _("Voice: {voice}.").format(voice=self.voice.itemText(index))
        )
