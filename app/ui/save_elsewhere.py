"""When a save fails, what was typed can still be kept: "Save a copy as a text file…".

A form that could not save (the disk is full, the folder became read-only, the data is in
use) keeps everything typed on screen. ``SaveElsewhere`` is a button, hidden until then,
that writes every field of the form, each under its name, to a plain text file the person
chooses: on another drive, a memory stick, the desktop. Nothing is lost while they sort
out the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QStandardPaths
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from app import APP_NAME, clock
from app.export.private_file import write_private_text
from app.i18n import _
from app.ui.file_chooser import file_chooser

Announce = Callable[..., None]


def typed_text(root: QWidget, title: str) -> str:
    """Every field in ``root`` that holds something, as "Name: value" (longer text below)."""
    stamp = clock.local_now().strftime("%d %B %Y, %H:%M")
    lines = [
        _("{app}: a copy of what was typed in “{title}”, {when}.").format(
            app=APP_NAME, title=title, when=stamp
        ),
        _("It could not be saved in Roundtable at the time. Type or paste it back in later."),
        "",
    ]
    for widget in root.findChildren(QWidget):
        value = _value(widget)
        if value is None or not value.strip():
            continue
        name = field_name(widget)
        if "\n" in value:
            lines += [f"{name}:", value, ""]
        else:
            lines.append(f"{name}: {value}")
    return "\n".join(lines).rstrip() + "\n"


def field_name(widget: QWidget) -> str:
    name = widget.accessibleName()
    if name:
        return name
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "")
    return widget.objectName() or _("Field")


def ask_where_to_save(
    parent: QWidget,
    title: str,
    suggested_name: str,
    on_chosen: Callable[[Path], object],
    *,
    kind: str = "",
) -> QFileDialog:
    """The computer's own Save dialog, opened in the Documents folder with a name in words
    already given; ``on_chosen`` gets the file chosen. ``kind`` is its filter, e.g.
    "Spreadsheets (*.csv)" (text files by default)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    kind = kind or _("Text files (*.txt)")
    dialog = file_chooser(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(kind)
    dialog.setDefaultSuffix(Path(suggested_name).suffix.lstrip("."))
    dialog.setDirectory(folder)
    dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(lambda chosen: on_chosen(Path(chosen)))
    dialog.open()
    return dialog


def write_copy(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` (readable by its owner only): whole, or not at all."""
    return write_private_text(path, text)


class SaveElsewhere(QPushButton):
    """ "Save a copy as a text file…": hidden until a save fails, then offered."""

    def __init__(self, form: QWidget, title: str, announce: Announce) -> None:
        super().__init__(_("Save a copy as a te&xt file…"))
        self._form = form
        self._title = title
        self._announce = announce
        self.saved_to: Path | None = None
        self.setAccessibleName(_("Save a copy as a text file"))
        self.setAccessibleDescription(
            _("Keeps what you typed in a file of your choice, while it cannot be saved here")
        )
        self.clicked.connect(self.choose_file)
        self.hide()

    def offer(self) -> None:
        self.show()

    def copy_text(self) -> str:
        return typed_text(self._form, self._title)

    def choose_file(self) -> QFileDialog:
        name = _("{title} — not yet saved {day}.txt").format(
            title=safe_file_name(self._title), day=clock.local_now().strftime("%Y-%m-%d %H%M")
        )
        return ask_where_to_save(
            self.window(),
            _("Save a copy of what you typed"),
            name,
            lambda chosen: self.save_to(chosen),
        )

    def save_to(self, path: Path) -> bool:
        try:
            self.saved_to = write_copy(path, self.copy_text())
        except OSError as error:
            self._announce(
                _(
                    "Could not save the copy to {path}: {reason}. Please choose another place."
                ).format(path=path, reason=error.strerror or error),
                urgent=True,
            )
            return False
        self._announce(_("Saved a copy of what you typed to {path}.").format(path=path))
        return True


def _value(widget: QWidget) -> str | None:
    if not widget.isEnabled() or (
        isinstance(widget, QAbstractButton) and not isinstance(widget, QCheckBox)
    ):
        return None
    if isinstance(widget, QLineEdit):
        # The text box inside a spin box, date or drop-down is read through its owner.
        owner = widget.parent()
        if isinstance(owner, QAbstractSpinBox | QComboBox):
            return None
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QCheckBox):
        return _("yes") if widget.isChecked() else None
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        return _table_text(widget.model())
    return None


def _table_text(model: QAbstractItemModel) -> str:
    """A list or table (an agenda, say): one line a row, its cells joined by " | "."""
    rows = []
    for row in range(model.rowCount()):
        cells = [model.index(row, column).data() for column in range(model.columnCount())]
        shown = [str(cell) for cell in cells if cell not in (None, "")]
        if shown:
            rows.append(" | ".join(shown))
    return "\n".join(rows) + ("\n" if len(rows) == 1 else "")


def safe_file_name(title: str) -> str:
    return "".join("-" if character in '\\/:*?"<>|' else character for character in title)
