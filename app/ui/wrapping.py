"""A tick box and a drop-down list whose words wrap onto more lines when their line is too
narrow for them.

Qt's own draw their words on one line and ask for that whole line as their least width, so
at large text sizes a long one pushes its page sideways, and a magnifier user has to scroll
left and right to read every line of the form. These ask only for room for their longest
word and grow taller instead, as a word-wrapped label does. To the keyboard, mnemonics and
a screen reader they are still Qt's own, except that the drop-down list's open list carries
the list's name: Qt leaves it nameless, and a screen reader finds it even while it is shut.

Every drop-down list in the screens is a ``ChoiceBox`` (the wrapping one too), which
measures itself afresh when the text size or its lines change: Qt's own keeps its least size
from the first time it was asked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

_TALL = 1 << 20  # "as tall as the words need" for measuring wrapped text
_WIDE = 10_000  # a width at which the style's room for words is the width less its edges


def _flags(one_line: int, room: int, others: int = 0) -> int:
    """``others``, and word wrapping if words ``one_line`` pixels long need more than one
    line of ``room``.

    Measured as one line first, as Qt measures for its own size hints: wrapping words
    exactly as wide as their room can still break the last one off, as partial pixels round.
    """
    return others | (int(Qt.TextFlag.TextWordWrap) if one_line > room else 0)


class WrappingCheckBox(QCheckBox):
    """Given less than a line, it draws the box beside the first line and the words under
    each other after it; any of those lines can be clicked."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- measuring ---------------------------------------------------------------------

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _outer(self, words: QSize) -> QSize:
        """The whole control's size around words of size ``words`` (the style adds the box
        and its spacing)."""
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_CheckBox, self._option(), words, self
        )

    def _words_width(self, width: int) -> int:
        """How wide the words may be in a control ``width`` pixels wide: the room the style
        gives them there, which is where they are drawn."""
        option = self._option()
        option.rect = QRect(0, 0, width, self.fontMetrics().height())
        room = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        return max(1, room.width())

    def _flags(self, room: int) -> int:
        mnemonic = int(Qt.TextFlag.TextShowMnemonic)
        one_line = self.fontMetrics().size(mnemonic, self.text()).width()
        return _flags(one_line, room, mnemonic)

    def _words_size(self, width: int) -> QSize:
        room = QRect(0, 0, self._words_width(width), _TALL)
        flags = self._flags(room.width())
        return self.fontMetrics().boundingRect(room, flags, self.text()).size()

    def hasHeightForWidth(self) -> bool:
        return bool(self.text())

    def heightForWidth(self, width: int) -> int:
        return self._outer(self._words_size(width)).height()

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        plain = self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        longest = max((metrics.horizontalAdvance(word) for word in plain.split()), default=0)
        least = self._outer(QSize(longest, metrics.height()))
        return QSize(longest + _WIDE - self._words_width(_WIDE), least.height())

    # -- drawing -----------------------------------------------------------------------

    def hitButton(self, pos: QPoint) -> bool:
        # Every wrapped line can be clicked, not only the first line's width.
        return self.rect().contains(pos)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        style = self.style()
        words = option.text
        # The box beside the first line: draw the control without words in a band one line
        # high at the top, which also draws the style's own focus mark around the box.
        first_line = self._outer(QSize(0, self.fontMetrics().height())).height()
        band = QStyleOptionButton(option)
        band.text = ""
        band.rect = QRect(0, 0, self.width(), min(first_line, self.height()))
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, band)
        room = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, self)
        room.setTop(max(0, (band.rect.height() - self.fontMetrics().height()) // 2))
        alignment = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        flags = int(alignment) | self._flags(room.width())
        if not style.styleHint(QStyle.StyleHint.SH_UnderlineShortcut, option, self):
            flags |= int(Qt.TextFlag.TextHideMnemonic)
        style.drawItemText(
            painter,
            room,
            flags,
            option.palette,
            self.isEnabled(),
            words,
            QPalette.ColorRole.WindowText,
        )


class ChoiceBox(QComboBox):
    """Qt's drop-down list, whose least size follows its font and its lines.

    Qt works its least size out once and keeps it: a new font makes it forget its size
    hint but not that, nor do new lines. A list first measured at 300% then stayed three
    times as wide and as tall after Ctrl+0, and the page around it too wide for the window.
    A change of style is what makes Qt forget both, so a new font, or a line added, taken
    away or changed, is passed to Qt as one as well.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = self.model()
        for changed in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            changed.connect(self._measure_again)
        model.dataChanged.connect(self._measure_again)

    def _measure_again(self, *_args: object) -> None:
        super().changeEvent(QEvent(QEvent.Type.StyleChange))
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._measure_again()
        super().changeEvent(event)


class WrappingComboBox(ChoiceBox):
    """Closed, it shows the whole of the chosen line on as many lines as its width needs and
    asks only for its longest word; open, its list is as wide as its longest line, within
    the screen, and wraps any line that is still too long. A list that can be typed in
    keeps Qt's own one line, which it scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Not Fixed in height: a layout would then hold it to one line's height.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.currentIndexChanged.connect(self.updateGeometry)
        # Qt's own list for the pop-up draws lines as a menu does, on one line each.
        self.setItemDelegate(QStyledItemDelegate(self))
        view = self.view()
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        if isinstance(view, QListView):
            view.setWordWrap(True)
            view.setUniformItemSizes(False)
            view.setResizeMode(QListView.ResizeMode.Adjust)

    def showEvent(self, event: QShowEvent) -> None:
        name_choice_list(self)
        super().showEvent(event)

    def showPopup(self) -> None:
        name_choice_list(self)
        super().showPopup()

    def _option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return option

    def _outer(self, words: QSize) -> QSize:
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, self._option(), words, self
        )

    def _field_width(self, width: int) -> int:
        """How wide the chosen line may be in a list ``width`` pixels wide: the style's
        field for it there, which is where it is drawn."""
        option = self._option()
        option.rect = QRect(0, 0, width, self.fontMetrics().height() * 2)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return max(1, field.width())

    def _words_size(self, width: int) -> QSize:
        room = QRect(0, 0, self._field_width(width), _TALL)
        words = self.currentText()
        flags = _flags(self.fontMetrics().horizontalAdvance(words), room.width())
        return self.fontMetrics().boundingRect(room, flags, words).size()

    def hasHeightForWidth(self) -> bool:
        return not self.isEditable()

    def heightForWidth(self, width: int) -> int:
        if self.isEditable():
            return super().heightForWidth(width)
        line = self.fontMetrics().height()
        words = self._words_size(width)
        return self._outer(QSize(words.width(), max(words.height(), line))).height()

    def minimumSizeHint(self) -> QSize:
        if self.isEditable():
            return super().minimumSizeHint()
        metrics = self.fontMetrics()
        words = (self.itemText(n) for n in range(self.count()))
        longest = max(
            (metrics.horizontalAdvance(word) for text in words for word in text.split()),
            default=metrics.averageCharWidth() * 4,
        )
        least = self._outer(QSize(longest, metrics.height()))
        return QSize(longest + _WIDE - self._field_width(_WIDE), least.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = self._option()
        words = option.currentText
        option.currentText = ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)  # its picture
        style = self.style()
        field = style.subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        if not option.currentIcon.isNull():
            after_icon = field.adjusted(option.iconSize.width() + 4, 0, 0, 0)
            field = QStyle.visualRect(option.direction, field, after_icon)
        alignment = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        style.drawItemText(
            painter,
            field,
            int(alignment) | _flags(self.fontMetrics().horizontalAdvance(words), field.width()),
            option.palette,
            self.isEnabled(),
            words,
            QPalette.ColorRole.ButtonText,
        )


def name_choice_list(box: QComboBox) -> None:
    """Give ``box``'s open list the name ``box`` goes by (its own, or its label's)."""
    name = box.accessibleName()
    window = box.window()
    if not name and window is not None:
        label = next((found for found in window.findChildren(QLabel) if found.buddy() is box), None)
        name = label.text().replace("&", "").rstrip(":") if label is not None else ""
    if name:
        box.view().setAccessibleName(name)
