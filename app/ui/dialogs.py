"""Messages and questions, in plain words, through one small service.

Start-up uses a ``Dialogs`` object (message boxes for people, plain lines on stderr for
``--smoke``), so tests can stand in for the person answering. Once the window is open,
``show_message`` and ``ask`` are non-blocking: they return the box, and the answer arrives
by callback, so nothing waits on ``exec()``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app import APP_NAME

# Boxes with no parent window are owned by Python: keep each until it is closed.
_open_boxes: set[QMessageBox] = set()


class Dialogs(Protocol):
    def tell(self, text: str, *, problem: bool = False) -> None:
        """Tell the person something and wait until they have read it."""

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        """Ask a question; True if they chose ``yes``."""


class MessageBoxDialogs:
    """Blocking message boxes, for start-up before the window exists."""

    def tell(self, text: str, *, problem: bool = False) -> None:
        box = _box(None, text, problem=problem)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
        box.deleteLater()

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        box = _box(None, text, problem=False, question=True)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes_button)
        box.setEscapeButton(no_button)
        box.exec()
        chosen = box.clickedButton() is yes_button
        box.deleteLater()
        return chosen


class ConsoleDialogs:
    """No windows at all (``--smoke``): messages go to stderr and every question is "no"."""

    def tell(self, text: str, *, problem: bool = False) -> None:
        print(text, file=sys.stderr)

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        return False


def show_message(parent: QWidget | None, text: str, *, problem: bool = False) -> QMessageBox:
    """Show ``text`` in a box that does not stop the window behind it; returns the box."""
    box = _box(parent, text, problem=problem)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    _keep_until_closed(box)
    box.show()
    return box


def ask(
    parent: QWidget | None,
    text: str,
    *,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
) -> QMessageBox:
    """Ask without waiting: ``on_yes`` runs only if the person chooses ``yes``."""
    box = _box(parent, text, problem=False, question=True)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)  # the safe choice is the one Enter picks
    box.setEscapeButton(no_button)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is yes_button:
            on_yes()

    box.finished.connect(answered)
    _keep_until_closed(box)
    box.open()
    return box


def _keep_until_closed(box: QMessageBox) -> None:
    if box.parent() is None:
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))


def _box(
    parent: QWidget | None, text: str, *, problem: bool, question: bool = False
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if question:
        box.setIcon(QMessageBox.Icon.Question)
    else:
        box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
    box.setAccessibleName(APP_NAME)
    box.setAccessibleDescription(text)
    return box
