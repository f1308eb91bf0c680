"""How the accessibility walker measures whether text fits its widget (see walker.py).

Each check returns "" when the text fits, or a reason in words when it does not.
"""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import QAbstractListModel, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QStyleOptionMenuItem,
    QTabBar,
    QToolButton,
    QWidget,
)

from app.ui.wrapping import WrappingCheckBox, WrappingComboBox

SLACK = 1  # pixels of rounding allowed between a measured need and a widget's size


def text_need(widget: QWidget) -> str | None:
    """ "" if the text fits, a reason if not, None if this is not a kind with text."""
    checks = (
        (QLabel, _label_fits),
        ((WrappingCheckBox, WrappingComboBox), _wrapping_fits),
        ((QCheckBox, QRadioButton, QPushButton), _button_fits),
        (QToolButton, _hint_fits),
        (QLineEdit, _line_edit_fits),
        (QComboBox, _combo_fits),
        (QGroupBox, _group_title_fits),
        (QTabBar, _tabs_fit),
        (QHeaderView, _header_fits),
        (QAbstractItemView, _cells_fit),
    )
    for kind, check in checks:
        if isinstance(widget, kind):
            return check(widget)  # type: ignore[operator]
    return None


def _plain(text: str) -> str:
    """Text as shown: a mnemonic's & removed, && shown as &."""
    return re.sub(r"&(.)", r"\1", text)


def _longest_word(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)


def _label_fits(label: QLabel) -> str:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return ""
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    indent = max(label.indent(), 0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if label.height() + SLACK < needed:
            return f"wrapped, it needs {needed} px of height and has {label.height()}"
        if not rich:
            longest = _longest_word(label.fontMetrics(), _plain(text))
            if longest > room.width() - indent + SLACK:
                return f"its longest word needs {longest} px and it has {room.width() - indent}"
        return ""
    hint = label.minimumSizeHint()
    if label.width() + SLACK < hint.width() or label.height() + SLACK < hint.height():
        return (
            f"it needs {hint.width()}×{hint.height()} px and has {label.width()}×{label.height()}"
        )
    return ""


def _button_fits(button: QAbstractButton) -> str:
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    else:
        element = QStyle.SubElement.SE_PushButtonContents
    room = button.style().subElementRect(element, option, button)
    metrics = button.fontMetrics()
    needed = metrics.size(Qt.TextFlag.TextShowMnemonic, button.text())
    width = needed.width()
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    if width > room.width() + SLACK or needed.height() > room.height() + SLACK:
        return f"its text needs {width}×{needed.height()} px and has {room.width()}×{room.height()}"
    return ""


def _wrapping_fits(box: WrappingCheckBox | WrappingComboBox) -> str:
    """Wrapped onto as many lines as its width needs, with room for its longest word."""
    if not box.hasHeightForWidth():  # a list that can be typed in keeps one line
        return _combo_fits(box) if isinstance(box, WrappingComboBox) else _button_fits(box)
    needed = box.heightForWidth(box.width())
    if box.height() + SLACK < needed:
        return (
            f"wrapped at {box.width()} px wide, it needs {needed} px of height "
            f"and has {box.height()}"
        )
    least = box.minimumSizeHint().width()
    if box.width() + SLACK < least:
        return f"its longest word needs {least} px in all and it has {box.width()}"
    return ""


def _hint_fits(widget: QWidget) -> str:
    hint = widget.minimumSizeHint()
    if widget.width() + SLACK < hint.width() or widget.height() + SLACK < hint.height():
        return (
            f"it needs {hint.width()}×{hint.height()} px and has {widget.width()}×{widget.height()}"
        )
    return ""


def _line_edit_fits(edit: QLineEdit) -> str:
    holder = edit.parentWidget()
    if isinstance(holder, QComboBox):
        return ""  # the choice list is checked as a whole
    in_spin_box = isinstance(holder, QAbstractSpinBox)
    option = QStyleOptionFrame()
    edit.initStyleOption(option)  # type: ignore[attr-defined]
    room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    metrics = edit.fontMetrics()
    if metrics.height() > room.height() + SLACK:
        return f"a line of text needs {metrics.height()} px of height and has {room.height()}"
    # A field's typed text may scroll; what it shows without typing must fit.
    shown = edit.text() if (edit.isReadOnly() or in_spin_box) else ""
    shown = shown or (edit.placeholderText() if not edit.text() else "")
    width = metrics.horizontalAdvance(shown) + 4  # the edit's own side margins
    if shown and width > room.width() + SLACK:
        return f"{shown[:40]!r} needs {width} px and it has {room.width()}"
    return ""


def _combo_fits(combo: QComboBox) -> str:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)  # type: ignore[attr-defined]
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    metrics = combo.fontMetrics()
    width = metrics.horizontalAdvance(option.currentText)
    if not option.currentIcon.isNull():
        width += option.iconSize.width() + 4
    if width > field.width() + SLACK or metrics.height() > field.height() + SLACK:
        return (
            f"{option.currentText[:40]!r} needs {width}×{metrics.height()} px and the "
            f"field has {field.width()}×{field.height()}"
        )
    return ""


def _group_title_fits(box: QGroupBox) -> str:
    if not box.title():
        return ""
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)  # type: ignore[attr-defined]
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    needed = box.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, box.title())
    # The style's label box can be a pixel or two tighter than the text it draws unclipped,
    # so measure the title against the group box itself.
    if label.left() + needed.width() > box.width() + SLACK or label.top() < 0:
        return f"the title needs {needed.width()} px and the box is {box.width()} px wide"
    if box.height() + SLACK < box.minimumSizeHint().height():
        return f"it needs {box.minimumSizeHint().height()} px of height and has {box.height()}"
    return ""


def _tabs_fit(bar: QTabBar) -> str:
    metrics = bar.fontMetrics()
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    cut = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        needed = metrics.horizontalAdvance(_plain(bar.tabText(index))) + space
        if bar.tabRect(index).width() + SLACK < needed:
            cut.append(bar.tabText(index))
    return f"tabs shortened or cut: {cut}" if cut else ""


def _header_fits(header: QHeaderView) -> str:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return ""
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        width = header.sectionSize(logical)
        label = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        if hasattr(header, "wrapped"):  # RecordsTable's heading wraps at word breaks
            lines = header.wrapped(logical, width)
            height = metrics.size(0, lines).height()
            if header.longest_word(logical) > width + SLACK or height > header.height() + SLACK:
                cut.append(label)
        elif metrics.horizontalAdvance(label) + margin > width + SLACK:
            cut.append(label)
    return f"column headings cut: {cut}" if cut else ""


def _cells_fit(view: QAbstractItemView) -> str:
    model = view.model()
    if model is None or not view.viewport().isVisible() or not model.rowCount():
        return ""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    wraps = bool(getattr(view, "wordWrap", lambda: False)())
    bounds = view.viewport().rect()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    cut = []
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            if not rect.isValid() or not rect.intersects(bounds):
                continue
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            if not text:
                continue
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else view.font())
            room = rect.width() - 2 * margin
            if wraps:
                needed = metrics.boundingRect(
                    QRect(0, 0, max(room, 1), 100_000), Qt.TextFlag.TextWordWrap, text
                )
                too_wide = _longest_word(metrics, text) > room + SLACK
                too_tall = needed.height() > rect.height() + SLACK
            else:
                too_wide = metrics.horizontalAdvance(text) > room + SLACK
                too_tall = metrics.height() > rect.height() + SLACK
            if too_wide or too_tall:
                cut.append(f"row {row} column {column} {text[:30]!r}")
        if len(cut) > 5:
            break
    return f"cells cut off: {cut}" if cut else ""


def menu_items_cut(menu: QMenu) -> list[str]:
    """The items of a shown ``menu`` whose words are drawn cut short (shortened with "…",
    as the style draws them where the row is too narrow) or whose keys are wider than the
    room kept for keys."""
    cut = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        row = menu.actionGeometry(action)
        option = QStyleOptionMenuItem()
        menu.initStyleOption(option, action)
        words, _tab, keys = option.text.partition("\t")
        option.text = words  # the words alone: drawn as wide as they like, they must match
        option.state &= ~QStyle.StateFlag.State_Selected
        if option.menuItemType == QStyleOptionMenuItem.MenuItemType.SubMenu:
            option.menuItemType = QStyleOptionMenuItem.MenuItemType.Normal  # no arrow at its edge
        as_drawn = _menu_item_image(menu, option, row.size())
        unbounded = _menu_item_image(menu, option, row.size() + QSize(2_000, 0))
        too_wide = unbounded.copy(QRect(QPoint(0, 0), row.size())) != as_drawn
        keys_cut = option.fontMetrics.horizontalAdvance(keys) > option.reservedShortcutWidth
        if too_wide or keys_cut:
            cut.append(_plain(action.text()))
    return cut


def _menu_item_image(menu: QMenu, option: QStyleOptionMenuItem, size: QSize) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(menu.palette().window().color())
    item = QStyleOptionMenuItem(option)
    item.rect = QRect(QPoint(0, 0), size)
    painter = QPainter(image)
    menu.style().drawControl(QStyle.ControlElement.CE_MenuItem, item, painter, menu)
    painter.end()
    return image
