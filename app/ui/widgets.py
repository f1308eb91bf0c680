"""Small widgets the screens share: headings that follow the text size, a status line
that screen readers hear, a page that scrolls, the column a form's fields go in, a row of
buttons that wraps, and windows sized for their text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QFont,
    QGuiApplication,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.ui.display import heading_font
from app.ui.focus_scroller import FocusScroller


class Heading(QLabel):
    """A bold heading a little larger than the text around it, at every text size."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(heading_font())
        # A font of its own stops the application font reaching it, so follow that by hand.
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self._follow_text_size)

    @Slot(QFont)
    def _follow_text_size(self, _font: QFont) -> None:
        self.setFont(heading_font())


class StatusLine(QLabel):
    """The line at the foot of the window; what it says is also announced to screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAccessibleName(_("Status"))
        self.announced: list[str] = []  # what was said, newest last (for tests and the log)

    def show_quietly(self, message: str) -> None:
        """Show ``message`` without interrupting a screen reader (e.g. "Loading…")."""
        self.setText(message)

    def announce(self, message: str, *, urgent: bool = False, shown: str | None = None) -> None:
        """Show ``message`` and have screen readers say it (at once, if ``urgent``). A
        ``shown`` text is shown instead, where the screen already shows the rest."""
        self.setText(message if shown is None else shown)
        # Screen readers that only read the label still find all of it.
        self.setAccessibleDescription("" if shown is None else message)
        self.announced.append(message)
        del self.announced[:-50]
        announce_to_screen_readers(self, message, urgent=urgent)
        # Older screen readers ignore announcements but hear a label's name change.
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


def announce_to_screen_readers(source: QWidget, message: str, *, urgent: bool = False) -> None:
    """Have screen readers say ``message``, from ``source`` (at once, if ``urgent``)."""
    announcement = QAccessibleAnnouncementEvent(source, message)
    announcement.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(announcement)


def window_person_is_in() -> QWidget | None:
    """The window that has the keyboard: for a drop-down list or calendar open in front of
    it, the window it belongs to."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    window = widget.window() if widget is not None else None
    while window is not None and window.windowType() in (
        Qt.WindowType.Popup,
        Qt.WindowType.ToolTip,
    ):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    return window if window is not None and window.isVisible() else None


def say_in(window: QWidget, message: str, *, urgent: bool = False) -> None:
    """Say ``message`` in ``window`` the way it says things: by its own ``tell`` where it
    has one (a dialog that keeps a result in view, or tells things on its main window's
    line), else on its status line, else to screen readers from the window itself (whose
    own text may be all that changed)."""
    tell = getattr(window, "tell", None)
    line = getattr(window, "status_line", None)
    if callable(tell):
        tell(message, urgent=urgent)
    elif isinstance(line, StatusLine):
        line.show()
        line.announce(message, urgent=urgent)
    else:
        announce_to_screen_readers(window, message, urgent=urgent)


def scrolling(page: QWidget, *, framed: bool = False) -> FocusScroller:
    """``page`` in an area that scrolls (with no frame unless ``framed``), so that at large
    text sizes a screen scrolls rather than squashing what is on it; Tab goes straight to
    the controls, and whatever gets the focus, by any key, is scrolled wholly into view
    (see focus_scroller)."""
    scroller = FocusScroller(page)
    if framed:
        scroller.setFrameShape(QFrame.Shape.StyledPanel)
    return scroller


class Rows(QVBoxLayout):
    """A form's fields one under another, each label above its field, so that at 300% text
    nothing is squeezed side by side; every form on every screen is laid out in one.

    Not a QFormLayout. That works out its rows' heights for two widths, its preferred one and
    the last one asked about, but keeps one set of rows for both: once asked about its
    preferred width (as Qt does while sizing the page it is on), it lays itself out at its
    real width with the rows of the other. Wrapped words then get a height meant for another
    width, and where those rows come to more than the room it has, a control with a least
    height of its own keeps that height and the next label is drawn on top of it ("For a
    member:" over the fourth session in the pack dialog, at 300% on a 1280-pixel screen). A
    column makes each field as wide as itself and works out each row's height for that
    width, every time.
    """

    def add_row(self, first: QWidget, field: QWidget | None = None) -> None:
        """``first`` (a label, or anything else as wide as the page), then its ``field``."""
        self.addWidget(first)
        if field is not None:
            self.addWidget(field)


def fit_to_screen(window: QWidget, chars_wide: int, lines_high: int) -> None:
    """Size ``window`` for about ``chars_wide`` by ``lines_high`` of text, but never larger
    than the screen it is on (at large text sizes its parts scroll instead)."""
    metrics = window.fontMetrics()
    width = metrics.averageCharWidth() * chars_wide
    height = metrics.lineSpacing() * lines_high
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10)
    window.resize(width, height)


def named_button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    """A button whose spoken name (``name``) says what it acts on, which its short label
    (``text``, with its access key) may leave to the eye."""
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class ButtonRow(QWidget):
    """Buttons side by side while they fit, one above the other when they do not (at large
    text sizes), so the row never makes the page wider than the window."""

    def __init__(self, buttons: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        # Its own minimum (the widest button) stands, not the whole row's width.
        self._box.setSizeConstraint(QBoxLayout.SizeConstraint.SetNoConstraint)
        for button in buttons:
            self._box.addWidget(button)
        self._box.addStretch(1)

    def _side_by_side_width(self) -> int:
        shown = [button for button in self._buttons if not button.isHidden()]
        spacing = self._box.spacing() * max(len(shown) - 1, 0)
        return sum(button.sizeHint().width() for button in shown) + spacing

    def minimumSizeHint(self) -> QSize:
        widest = max((b.sizeHint().width() for b in self._buttons), default=0)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        fits = self._side_by_side_width() <= self.width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self._box.direction() != direction:
            self._box.setDirection(direction)
            self.updateGeometry()
