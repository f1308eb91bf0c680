"""Pages that scroll keep whatever has the keyboard wholly in view.

Qt scrolls a scroll area to a control only when Tab moves into it: an access key (Alt+C), a
shortcut, or a window putting the focus somewhere itself left the control out of sight, or
only its foot in sight, so at 300% a person worked blind. Every page that scrolls is a
``FocusScroller`` (``widgets.scrolling`` makes them), and one follower for the whole
program, made with the first of them, tells the scrollers around each newly focused
control. Each scrolls as little as it can so that all of the control shows where it fits,
with its label where that fits too; where it does not (a big box of text, a long list), its
top and its text cursor or current row where both fit, and otherwise the cursor. It looks
again once the control is laid out, and whenever its view or its page changes size (a
status message of several lines makes the view shorter; a new item makes the page taller).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget


def view_start(
    start: int, room: int, whole: tuple[int, int], cursor: tuple[int, int] | None
) -> int:
    """Where a view ``room`` long, now beginning at ``start``, should begin to show a control
    spanning ``whole`` with its text cursor or current row at ``cursor`` (None where it has
    none)."""
    top, bottom = whole
    if cursor is None:
        if bottom - top > room and top <= start and bottom >= start + room:
            return start  # already filled by a control too big for it
        cursor = (top, min(bottom, top + room))  # its top
    if bottom - top <= room:
        wanted = whole
    elif cursor[1] - top <= room:  # its top and the cursor, with as much of it as fits
        return start if top >= start and cursor[1] <= start + room else top
    else:
        wanted = cursor
    if wanted[0] < start or wanted[1] - wanted[0] > room:
        return wanted[0]
    if wanted[1] > start + room:
        return wanted[1] - room
    return start


def shown_part(focused: QWidget) -> QWidget:
    """The control a person sees for ``focused``: a date or number box, say, rather than
    the line of text inside it that takes the focus for it."""
    parent = focused.parentWidget()
    while parent is not None and parent.focusProxy() is focused:
        focused, parent = parent, parent.parentWidget()
    return focused


def labelled_by(control: QWidget, page: QWidget) -> QLabel | None:
    """The label on ``page`` that names ``control`` (its buddy), if one is shown."""
    for label in page.findChildren(QLabel):
        if label.buddy() is control and label.isVisible():
            return label
    return None


def cursor_rect(focused: QWidget) -> QRect | None:
    """``focused``'s text cursor or current cell, in its own coordinates, where it has one
    of its own (as Qt's ensureWidgetVisible decides)."""
    query = Qt.InputMethodQuery.ImCursorRectangle
    own = focused.inputMethodQuery(query)
    default = QWidget.inputMethodQuery(focused, query)
    if not isinstance(own, QRect) or own.isNull() or own == default:
        return None
    return own


class FocusScroller(QScrollArea):
    """A frameless area that scrolls ``page``, keeping what has the focus in view."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        self._again = QTimer(self)
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.keep_focus_in_view)
        _follow_focus()

    def keep_focus_in_view(self) -> None:
        """Scroll to what has the focus, if it is on this page."""
        focused = QApplication.focusWidget()
        if focused is not None and self._holds(focused):
            self._show(focused)

    def focus_came(self, focused: QWidget) -> None:
        if self._holds(focused):  # not, say, a scroll bar of its own
            self._show(focused)
            self._again.start()  # and again once it has been laid out

    def _holds(self, widget: QWidget) -> bool:
        page = self.widget()
        return page is not None and page.isAncestorOf(widget)

    def _show(self, focused: QWidget) -> None:
        page, view = self.widget(), self.viewport()
        control = shown_part(focused)
        if not page.isAncestorOf(control):
            control = focused
        whole = QRect(control.mapTo(page, QPoint(0, 0)), control.size())
        label = labelled_by(control, page)
        if label is not None:  # its label too where both fit, to say what it is
            both = whole.united(QRect(label.mapTo(page, QPoint(0, 0)), label.size()))
            if both.height() <= view.height() and both.width() <= view.width():
                whole = both
        cursor = cursor_rect(focused)
        if cursor is not None:
            cursor = QRect(focused.mapTo(page, cursor.topLeft()), cursor.size())
        for bar, room, near, far, cursor_span in (
            (
                self.verticalScrollBar(),
                view.height(),
                whole.top(),
                whole.bottom() + 1,
                None if cursor is None else (cursor.top(), cursor.bottom() + 1),
            ),
            (
                self.horizontalScrollBar(),
                view.width(),
                whole.left(),
                whole.right() + 1,
                None if cursor is None else (cursor.left(), cursor.right() + 1),
            ),
        ):
            bar.setValue(view_start(bar.value(), room, (near, far), cursor_span))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._again.start()
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # QScrollArea watches its page; a page that grows may push the focus out of sight.
        if watched is self.widget() and event.type() == QEvent.Type.Resize:
            self._again.start()
        return super().eventFilter(watched, event)


class _FocusFollower(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Only what has just taken the focus is touched: it is whole, whereas what lost it
        # may be in the middle of being deleted (see focus_ring).
        if new is None:
            return
        widget = new.parentWidget()
        while widget is not None:  # the innermost page first
            if isinstance(widget, FocusScroller):
                widget.focus_came(new)
            widget = widget.parentWidget()


def _follow_focus() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(_FocusFollower) is None:
        _FocusFollower(app)
