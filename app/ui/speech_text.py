"""What "read aloud" reads: the selected text, or else the text of the control that has the
keyboard focus (a field, a text box, a label, a table's current row, a list's current item,
a button, a choice)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

PARAGRAPH_SEPARATOR = "\u2029"  # how Qt joins paragraphs in a selection


def text_to_read(widget: QWidget | None = None) -> str:
    """The words to read for ``widget`` (by default the one with the keyboard focus)."""
    if widget is None:
        widget = QApplication.focusWidget()
    if widget is None:
        return ""
    selected = selected_text(widget)
    if selected:
        return selected
    return whole_text(widget).strip()


def selected_text(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal:
        text = widget.selectedText()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        text = widget.textCursor().selectedText()
    elif isinstance(widget, QLabel):
        text = widget.selectedText()
    return text.replace(PARAGRAPH_SEPARATOR, "\n").strip()


def whole_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            return ""  # never read out a hidden entry
        return _labelled(widget, widget.text() or widget.placeholderText())
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QLabel):
        return label_text(widget)
    if isinstance(widget, QAbstractItemView):
        return current_item_text(widget)
    if isinstance(widget, QComboBox):
        return _labelled(widget, widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return _labelled(widget, widget.text())
    if isinstance(widget, QAbstractButton):
        return widget.accessibleName() or widget.text().replace("&", "")
    return ". ".join(
        part for part in (widget.accessibleName(), widget.accessibleDescription()) if part
    )


def label_text(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    if label.buddy() is not None:  # "&Voice:" shows as "Voice:" with V underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def current_item_text(view: QAbstractItemView) -> str:
    """A table's current row as "header: value" sentences; a list's current item."""
    model = view.model()
    index = view.currentIndex()
    if model is None or not index.isValid():
        return view.accessibleName()
    row, parent = index.row(), index.parent()
    parts = []
    for column in range(model.columnCount(parent)):
        if _column_hidden(view, column):
            continue
        value = _shown(model.index(row, column, parent))
        if not value:
            continue
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if model.columnCount(parent) > 1 and header:
            parts.append(f"{header}: {value}")
        else:
            parts.append(value)
    return ". ".join(parts)


def _column_hidden(view: QAbstractItemView, column: int) -> bool:
    hidden = getattr(view, "isColumnHidden", None)
    return bool(hidden(column)) if hidden is not None else False


def _shown(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value).strip()


def _labelled(widget: QWidget, value: str) -> str:
    """``value`` after the control's name, so a listener knows which field it is."""
    name = widget.accessibleName()
    if name and value:
        return f"{name}: {value}"
    return value or name
