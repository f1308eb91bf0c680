"""Tabs whose names are never cut and never make a window wider than the screen.

At very large text on a small screen the names of a window's parts may not fit on one line.
Then the row of tabs gives way to a choice of radio buttons above the same pages, which
wraps onto as many lines as it needs: the same names, the same Alt keys, one part always
chosen. Ctrl+Tab and Ctrl+Page Down move between the parts either way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QRadioButton,
    QStyle,
    QTabWidget,
    QWidget,
)

from app.ui.flow_layout import FlowLayout


def without_mnemonic(title: str) -> str:
    """A tab's name as it is read: "Ai&ms" is "Aims", "Fish && chips" is "Fish & chips"."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")


class PartTabs(QTabWidget):
    """A tab widget for a window's parts, added once each, in order with ``addTab``.

    Its ``chooser`` is the wrapping choice of parts; the owner lays it out directly above
    the tab widget, and it shows itself only when the tabs do not fit.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.tabBar().setAccessibleName(name)
        # A name is shown whole or not at all: no scroll arrows, no cut words.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.chooser = QWidget()
        self.chooser.setAccessibleName(name)
        self._flow = FlowLayout(self.chooser)
        self._choices = QButtonGroup(self.chooser)
        self._choices.idToggled.connect(self._chosen)
        self.currentChanged.connect(self._follow_current)
        self.chooser.hide()
        # Ctrl+Tab and the like reach a tab widget from its pages, but the chooser is not
        # inside it: give it the same keys.
        for keys, step in (
            ("Ctrl+Tab", 1),
            ("Ctrl+PgDown", 1),
            ("Ctrl+Shift+Tab", -1),
            ("Ctrl+PgUp", -1),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.chooser)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))
        self._wrapped = False

    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]
        index = super().addTab(page, title)
        choice = QRadioButton(title)
        choice.setAccessibleName(without_mnemonic(title))
        self._choices.addButton(choice, index)
        self._flow.addWidget(choice)
        choice.setChecked(index == self.currentIndex())
        return index

    def is_wrapped(self) -> bool:
        """Whether the parts are offered by the wrapping choice rather than by tabs."""
        return self._wrapped

    # -- following the chosen part ---------------------------------------------------------

    def _chosen(self, index: int, checked: bool) -> None:
        if checked:
            self.setCurrentIndex(index)

    def _step(self, step: int) -> None:
        """The next part (or the one before), round from the last to the first."""
        if self.count():
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            chosen = self._choices.checkedButton()
            if chosen is not None:
                chosen.setFocus()

    def _follow_current(self, index: int) -> None:
        choice = self._choices.button(index)
        if choice is not None and not choice.isChecked():
            choice.setChecked(True)

    # -- tabs or the wrapping choice -------------------------------------------------------

    def _frame(self) -> int:
        return 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)

    def minimumSizeHint(self) -> QSize:
        # Its narrowest is its narrowest page, since the names can always wrap.
        pages = QSize(0, 0)
        for index in range(self.count()):
            pages = pages.expandedTo(self.widget(index).minimumSizeHint())
        return QSize(pages.width() + self._frame(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose_layout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self.chooser.setEnabled(self.isEnabled())
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # After the tab bar has measured its names in the new font.
            QTimer.singleShot(0, self, self._choose_layout)

    def _choose_layout(self) -> None:
        wrapped = self.tabBar().sizeHint().width() + self._frame() > self.width()
        if wrapped == self._wrapped:
            return
        self._wrapped = wrapped
        focus = QApplication.focusWidget()
        had_focus = focus is self.tabBar() or focus in self._choices.buttons()
        self.tabBar().setVisible(not wrapped)
        self.chooser.setVisible(wrapped)
        # Tab would stop at the tab widget, whose keyboard goes to its hidden tab bar.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if wrapped else Qt.FocusPolicy.TabFocus)
        if had_focus:
            chosen = self._choices.checkedButton()
            (chosen if wrapped and chosen is not None else self.tabBar()).setFocus()
