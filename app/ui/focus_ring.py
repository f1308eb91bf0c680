"""A thick, high-contrast ring around whichever control has the keyboard focus.

The styles' own focus marks are often a faint dotted line. This draws a 3-pixel ring with
a thin inner line of the opposite lightness (so it stands out on whatever the control is
drawn in) on top of the focused control, in every window, and follows it as layouts move
and areas scroll. Its colours follow the look (dark blue on the light looks, yellow on the
dark one). It is drawn by a small see-through widget, so it needs no style sheet and never
changes any control's size or font.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.settings import HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, NORMAL_LOOK

# (ring, inner line) for each look; the ring holds at least 3:1 against the look's window
# and field colours (the accessibility walker measures it).
RING_COLOURS: dict[str, tuple[str, str]] = {
    NORMAL_LOOK: ("#0b4fb3", "#ffffff"),  # 6.6:1 on the window, 7.5:1 on white
    HIGH_CONTRAST_LIGHT: ("#0b4fb3", "#ffffff"),
    HIGH_CONTRAST_DARK: ("#ffd700", "#000000"),  # 15:1 on black
}
RING_WIDTH = 3
RING_OBJECT_NAME = "roundtableFocusRing"
_current = {"look": NORMAL_LOOK}


def use_look(key: str) -> None:
    """Draw rings in the colours of the look ``key`` from now on."""
    if key not in RING_COLOURS:
        raise ValueError(f"There is no look called {key!r}")
    _current["look"] = key


def ring_colours(key: str | None = None) -> tuple[QColor, QColor]:
    """The ring's colour and its inner line's, for ``key`` or the look in use."""
    outer, inner = RING_COLOURS[key or _current["look"]]
    return QColor(outer), QColor(inner)


class _Ring(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(RING_OBJECT_NAME)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        ring_colour, inner_colour = ring_colours()
        outer = QPen(ring_colour, RING_WIDTH)
        outer.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(outer)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.setPen(QPen(inner_colour, 1))
        painter.drawRect(
            self.rect().adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH - 1, -RING_WIDTH - 1)
        )
        painter.end()


class FocusRing(QObject):
    """Follows the application's focus and keeps the ring on the focused control.

    Qt also reports a change of focus from inside a widget's destructor: a control deleted
    while it has the focus lets go of it as it is taken apart, perhaps with its window half
    gone around it (as when a file chooser is closed by Enter while its list of suggestions
    is open). Looking at either then crashed the whole program. So when the focus goes to
    nothing, the ring waits until control is back in the event loop and then goes to
    whatever has the focus by then; and the control the ring is on is only ever used while
    it is still the focus widget, which Qt lets go of before it deletes anything.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._rings: list[_Ring] = []  # one in each window that has had the focus
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._move_to_focus)
        app.focusChanged.connect(self._follow)

    def target(self) -> QWidget | None:
        """The control the ring is drawn on, while it has the focus."""
        if self._target is None or QApplication.focusWidget() is not self._target:
            return None
        return self._target

    def _follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            self._settle.start()  # perhaps from a destructor: see the class's note
        else:
            self._move_to(new)  # the focus widget, and so whole

    def _move_to_focus(self) -> None:
        self._move_to(QApplication.focusWidget())

    def _move_to(self, new: QWidget | None) -> None:
        if new is not None and new is self._target:
            self._place()
            return
        self._unwatch()
        self._hide_rings()
        self._target = None
        if new is None or new.window().windowType() == Qt.WindowType.Popup:
            return
        self._target = new
        widget: QWidget | None = new
        while widget is not None:
            widget.installEventFilter(self)
            self._watched.append(widget)
            if widget.isWindow():
                break
            widget = widget.parentWidget()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.LayoutRequest,
        ):
            self._place()
        return False

    def _place(self) -> None:
        target = self.target()
        if target is None:
            return
        window = target.window()
        ring = self._ring_in(window)
        visible = target.visibleRegion().boundingRect()
        if not target.isVisible() or visible.isEmpty():
            ring.hide()
            return
        top_left = target.mapTo(window, visible.topLeft())
        ring.setGeometry(QRect(top_left, visible.size()))
        ring.raise_()
        ring.show()
        ring.update()

    def _ring_in(self, window: QWidget) -> _Ring:
        # Kept in a list of our own rather than looked for among the window's children,
        # which Qt may be deleting one by one.
        self._rings = [ring for ring in self._rings if shiboken6.isValid(ring)]
        for ring in self._rings:
            if ring.parentWidget() is window:
                return ring
        ring = _Ring(window)
        self._rings.append(ring)
        return ring

    def _hide_rings(self) -> None:
        for ring in self._rings:
            if shiboken6.isValid(ring):  # a ring goes with its window
                ring.hide()

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):  # Qt drops the filters of a deleted widget itself
                widget.removeEventFilter(self)
        self._watched = []


def install_focus_ring(app: QApplication) -> FocusRing:
    """The application's focus ring, made the first time it is asked for."""
    existing = app.findChild(FocusRing)
    return existing if isinstance(existing, FocusRing) else FocusRing(app)
