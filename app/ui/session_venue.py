"""Adding a venue from the session editor: its name, address, a note about access and a
checklist of the access features it offers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.models.enums import VenueFeatureKind
from app.services.venues import VenueRow, save_venue
from app.services.wording import label
from app.ui.data import DataSource
from app.ui.formatting import window_title
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog
from app.ui.widgets import Heading, StatusLine, scrolling
from app.ui.wrapping import WrappingCheckBox


def features_sentence(venue: VenueRow | None) -> str:
    """What a venue offers, in words, for the line beneath the venue chooser."""
    if venue is None:
        return _("No venue is chosen yet.")
    if venue.features:
        sentence = _("Access at {venue}: {features}.").format(
            venue=venue.name, features=", ".join(label(kind) for kind in venue.features)
        )
    else:
        sentence = _("No access features are recorded for {venue}.").format(venue=venue.name)
    if venue.access_note.strip():
        sentence += " " + venue.access_note.strip()
    return sentence


def announce(line: StatusLine, text: str, *, urgent: bool = False) -> None:
    """Show ``text`` on ``line`` beside the fields, and have screen readers hear it from
    there. What a dialog says belongs to the dialog: told on the main window's status line
    too, it stayed there, behind the dialog and after it closed, no longer true."""
    line.show()
    line.announce(text, urgent=urgent)


def labelled(text: str, field: QWidget, name: str) -> QLabel:
    """A label above ``field`` that names it and carries its mnemonic."""
    caption = QLabel(text)
    caption.setWordWrap(True)
    caption.setBuddy(field)
    field.setAccessibleName(name)
    return caption


class VenueEditor(Dialog):
    """A small form for a new venue; ``saved`` carries the venue once it is kept."""

    saved = Signal(object)  # VenueRow

    def __init__(self, parent: QWidget | None, source: DataSource, runner: TaskRunner) -> None:
        super().__init__(parent)
        self.source = source
        self.runner = runner
        self._saving = False
        self.setWindowTitle(window_title(_("New venue")))
        self.setAccessibleName(_("New venue"))

        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.access_note = QPlainTextEdit()
        self.access_note.setTabChangesFocus(True)
        self.features: dict[VenueFeatureKind, QCheckBox] = {}
        feature_box = QGroupBox(_("Access features"))
        feature_layout = QVBoxLayout(feature_box)
        for kind in VenueFeatureKind:
            box = WrappingCheckBox(label(kind))
            box.setAccessibleName(label(kind))
            self.features[kind] = box
            feature_layout.addWidget(box)
        self.problem = StatusLine()
        self.problem.setAccessibleName(_("Problem"))
        self.problem.hide()

        form = QWidget()
        column = QVBoxLayout(form)
        column.addWidget(Heading(_("New venue")))
        column.addWidget(labelled(_("&Name:"), self.name, _("Name")))
        column.addWidget(self.name)
        column.addWidget(labelled(_("&Address:"), self.address, _("Address")))
        column.addWidget(self.address)
        column.addWidget(labelled(_("A note about ac&cess:"), self.access_note, _("Access note")))
        column.addWidget(self.access_note)
        column.addWidget(feature_box)
        column.addStretch(1)
        scroller = scrolling(form)

        self.save_button = QPushButton(_("&Save venue"))
        self.save_button.setAccessibleName(_("Save venue"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_("Cance&l"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)  # in the dialog now, so Enter in a field saves
        self.name.setFocus()

    @classmethod
    def example(cls, window) -> VenueEditor:  # type: ignore[no-untyped-def]
        editor = cls(window, window.source, window.runner)
        editor.name.setText(_("Riverside Community Centre"))
        editor.features[VenueFeatureKind.STEP_FREE].setChecked(True)
        return editor

    def chosen_features(self) -> list[VenueFeatureKind]:
        return [kind for kind, box in self.features.items() if box.isChecked()]

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.runner.run(
            self.source.call,
            save_venue,
            self.name.text(),
            self.address.toPlainText(),
            self.access_note.toPlainText(),
            self.chosen_features(),
            on_done=self._saved,
            on_error=self._refused,
        )

    def _saved(self, venue: VenueRow) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.saved.emit(venue)
        self.accept()

    def _refused(self, message: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        announce(self.problem, message, urgent=True)
        self.name.setFocus()
