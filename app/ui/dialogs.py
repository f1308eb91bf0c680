"""Messages and questions, in plain words, through one small service.

Start-up uses a ``Dialogs`` object (message boxes for people, plain lines on stderr for
``--smoke``), so tests can stand in for the person answering. Once the window is open,
``show_message`` and ``ask`` are non-blocking: they return the box, and the answer arrives
by callback, so nothing waits on ``exec()``.

Every button in these boxes gets its own Alt key (``give_access_keys``), whether or not
the words it was given mark one, so a question can be answered without hunting for the
button with Tab.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

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
        _only_ok(box)
        box.exec()
        box.deleteLater()

    def ask(self, text: str, *, yes: str, no: str) -> bool:
        box, yes_button, _no_button = question_box(None, text, yes=yes, no=no)
        box.setDefaultButton(yes_button)
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
    _only_ok(box)
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
    box, yes_button, no_button = question_box(parent, text, yes=yes, no=no)
    box.setDefaultButton(no_button)  # the safe choice is the one Enter picks
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered() -> None:
        if box.clickedButton() is yes_button:
            on_yes()

    box.finished.connect(answered)
    _keep_until_closed(box)
    box.open()
    return box


def question_box(
    parent: QWidget | None, text: str, *, yes: str, no: str
) -> tuple[QMessageBox, QPushButton, QPushButton]:
    """A box asking ``text``, with a button for each answer (Escape gives ``no``)."""
    box = _box(parent, text, problem=False, question=True)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(no_button)
    give_access_keys([yes_button, no_button])
    return box, yes_button, no_button


# An &-letter that makes an Alt key ("&&" is an ampersand shown as it is).
_MARKED = re.compile(r"(?<!&)&(\w)")


def give_access_keys(buttons: Sequence[QAbstractButton]) -> None:
    """Give each button an Alt key of its own: the letter its words mark, if no button
    before it has that letter, or else the first free letter, at the start of a word if
    possible ("Start empty" becomes "&Start empty"). Screen readers speak the words
    without the "&"."""
    taken: set[str] = set()
    for button in buttons:
        text = button.text()
        marked = _MARKED.search(text)
        if marked and marked.group(1).casefold() not in taken:
            taken.add(marked.group(1).casefold())
        else:
            if marked:
                text = text[: marked.start()] + text[marked.start() + 1 :]
            position = _free_letter(text, taken)
            if position is not None:
                taken.add(text[position].casefold())
                text = text[:position] + "&" + text[position:]
            button.setText(text)
        button.setAccessibleName(_MARKED.sub(r"\1", button.text()).replace("&&", "&"))


def _free_letter(text: str, taken: set[str]) -> int | None:
    """Where in ``text`` the first letter no other button has is: a word's first letter
    before any other."""
    starts = [m.start() for m in re.finditer(r"(?<![\w&])\w", text)]
    others = [n for n, character in enumerate(text) if character.isalnum() and n not in starts]
    return next((n for n in starts + others if text[n].casefold() not in taken), None)


def _only_ok(box: QMessageBox) -> None:
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    give_access_keys(box.buttons())


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
