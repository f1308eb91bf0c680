""" "About this group": the button that shows or hides what the chosen group is for.

Under the group's name the main window shows what the group is for. At large text sizes
that can take five lines or more on every area, leaving little room for the area itself,
so it is folded away by itself when it would take more than a few lines, until the
person chooses; their choice (shown or hidden) is then remembered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QWidget

from app.i18n import _
from app.ui.settings import (
    GROUP_PURPOSE,
    PURPOSE_AUTOMATIC,
    PURPOSE_HIDDEN,
    PURPOSE_SHOWN,
    Settings,
)

MOST_LINES_UNASKED = 3  # shown by itself while it takes no more lines than this


class PurposeToggle(QPushButton):
    """A button that can stay pressed: pressed, the ``label`` under it is shown."""

    def __init__(
        self,
        label: QLabel,
        settings: Settings,
        announce: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("A&bout this group"), parent)
        self.label = label
        self.settings = settings
        self.announce = announce
        self.setCheckable(True)
        self.setAccessibleName(_("About this group"))
        self.setToolTip(_("Shows or hides what the group is for."))
        self._watching: QWidget | None = None
        self._refit_soon = QTimer(self)  # once every widget has the new text size
        self._refit_soon.setSingleShot(True)
        self._refit_soon.setInterval(0)
        self._refit_soon.timeout.connect(self.refit)
        self.toggled.connect(self.label.setVisible)
        self.clicked.connect(self._chosen)
        self.show_purpose("")

    def show_purpose(self, purpose: str) -> None:
        """Show ``purpose`` (a group's own words) under the button, or nothing if empty."""
        self.label.setText(purpose)
        # Said with the button, so that a screen reader has it even while it is folded away.
        self.setAccessibleDescription(purpose)
        self.setVisible(bool(purpose))
        self.refit()

    def refit(self) -> None:
        """Show or hide the words as the person chose, or else by how many lines they take."""
        chosen = self.settings.get(GROUP_PURPOSE)
        if chosen == PURPOSE_AUTOMATIC:
            shown = self._lines() <= MOST_LINES_UNASKED
        else:
            shown = chosen == PURPOSE_SHOWN
        self.setChecked(shown and bool(self.label.text()))
        self.label.setVisible(self.isChecked())

    def _lines(self) -> int:
        # At the window's width less a scroll bar's, whether one shows or not: were it to
        # depend on the scroll bar, folding the words away could make it come and go.
        width = self.window().width()
        width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        page = self.label.parentWidget()
        if page is not None and page.layout() is not None:
            margins = page.layout().contentsMargins()
            width -= margins.left() + margins.right()
        line = max(self.label.fontMetrics().lineSpacing(), 1)
        return round(self.label.heightForWidth(max(width, 1)) / line)

    def _chosen(self, shown: bool) -> None:
        self.settings.set(GROUP_PURPOSE, PURPOSE_SHOWN if shown else PURPOSE_HIDDEN)
        self.settings.sync()
        if shown:
            self.announce(_("Showing what the group is for."))
        else:
            self.announce(_("Hid what the group is for. “About this group” shows it again."))

    # -- following the window's width and the text size -------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._watching:
            window.installEventFilter(self)
            self._watching = window
        self.refit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._refit_soon.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watching and event.type() == QEvent.Type.Resize:
            self._refit_soon.start()
        return super().eventFilter(watched, event)
