"""The preview of a pack's real pages: a scrolling column of page pictures, with zoom.

Each page is a focusable picture whose accessible name says which page it is and whose
description is the text on it, so a screen reader user can check a pack as well as a
sighted one. Plus and minus (or the buttons) zoom; Page Up and Page Down move a page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.ui.packs_pages import PageImage

ZOOMS = (25, 33, 50, 67, 75, 100, 125, 150, 200)
DEFAULT_ZOOM = 50
# Pictures are drawn at this many dots per inch at 100% zoom (a page's real size on screen).
SCREEN_DPI = 96


def zoom_for_text_size(text_scale: float) -> int:
    """The starting zoom: larger text on screen, larger pages, to the nearest zoom step."""
    wanted = DEFAULT_ZOOM * max(text_scale, 1.0)
    return min(ZOOMS, key=lambda zoom: abs(zoom - wanted))


class PagePicture(QLabel):
    """One page: focusable, so the keyboard can reach it and a reader names it.

    Only the first page is in the Tab order; the arrow keys and Page Up and Page Down move
    between pages, so Tab goes on to the buttons rather than through every page.
    """

    def __init__(self, number: int, total: int, page: PageImage, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = number
        self.page = page
        self.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if number == 1 else Qt.FocusPolicy.ClickFocus
        )
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(_("Page {number} of {total}").format(number=number, total=total))
        self.setAccessibleDescription(page.text or _("This page has no text."))
        self.setToolTip(self.accessibleName())

    def show_at(self, zoom: int, drawn_dpi: float) -> None:
        scale = zoom / 100 * SCREEN_DPI / drawn_dpi
        image: QImage = self.page.image
        size = image.size() * scale
        self.setPixmap(
            QPixmap.fromImage(image).scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        # A thicker frame, as well as the focus ring, shows which page has the focus.
        self.setLineWidth(5)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setLineWidth(2)
        super().focusOutEvent(event)


class PagePreview(QWidget):
    """Page count, zoom buttons and the scrolling pages."""

    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom = DEFAULT_ZOOM
        self.drawn_dpi = float(SCREEN_DPI)
        self.pictures: list[PagePicture] = []

        self.summary = QLabel(_("The preview appears here."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_out_button = QPushButton(_("Zoom &out (−)"))
        self.zoom_out_button.setAccessibleName(_("Zoom out"))
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = QPushButton(_("Zoom &in (+)"))
        self.zoom_in_button.setAccessibleName(_("Zoom in"))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setAutoDefault(False)  # they change the view: Enter elsewhere never zooms
        self.zoom_label = QLabel()
        controls = QHBoxLayout()
        controls.addWidget(self.zoom_out_button)
        controls.addWidget(self.zoom_label)
        controls.addWidget(self.zoom_in_button)
        controls.addStretch(1)

        self.column = QVBoxLayout()
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self.column)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(holder)
        self.scroller.setAccessibleName(_("Pages of the pack"))
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(controls)
        layout.addWidget(self.scroller, 1)
        self._show_zoom()

    def show_pages(
        self,
        pages: tuple[PageImage, ...],
        page_count: int,
        drawn_dpi: float,
        *,
        whole: bool = True,
    ) -> None:
        """``whole`` False: the pages are the start of a pack too long to preview whole."""
        self.clear()
        self.drawn_dpi = drawn_dpi
        for number, page in enumerate(pages, start=1):
            picture = PagePicture(number, page_count, page)
            picture.installEventFilter(self)
            picture.show_at(self.zoom, drawn_dpi)
            self.column.addWidget(picture)
            self.pictures.append(picture)
        words = ngettext("The pack has {count} page.", "The pack has {count} pages.", page_count)
        text = words.format(count=page_count)
        if not whole:
            text = _(
                "The first {shown} pages are shown. Save and Print make the whole pack, "
                "which can take a minute for a long decision log."
            ).format(shown=len(pages))
        elif len(pages) < page_count:
            text += " " + _(
                "The first {shown} are shown here; Save and Print give them all."
            ).format(shown=len(pages))
        self.summary.setText(text)
        self.setAccessibleDescription(text)

    def show_message(self, text: str) -> None:
        self.clear()
        self.summary.setText(text)

    def clear(self) -> None:
        for picture in self.pictures:
            picture.deleteLater()
        self.pictures = []

    def zoom_in(self) -> None:
        larger = [zoom for zoom in ZOOMS if zoom > self.zoom]
        if larger:
            self.set_zoom(larger[0])

    def zoom_out(self) -> None:
        smaller = [zoom for zoom in ZOOMS if zoom < self.zoom]
        if smaller:
            self.set_zoom(smaller[-1])

    def set_zoom(self, zoom: int) -> None:
        self.zoom = zoom
        for picture in self.pictures:
            picture.show_at(zoom, self.drawn_dpi)
        self._show_zoom()
        self.zoom_changed.emit(zoom)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(_("{zoom}%").format(zoom=self.zoom))
        self.zoom_label.setAccessibleName(_("Zoom {zoom}%").format(zoom=self.zoom))
        self.zoom_in_button.setEnabled(self.zoom < ZOOMS[-1])
        self.zoom_out_button.setEnabled(self.zoom > ZOOMS[0])

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            isinstance(watched, PagePicture)
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and self._page_key(watched, event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _page_key(self, picture: PagePicture, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down):
            self._move(picture.number)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            self._move(picture.number - 2)
        elif key == Qt.Key.Key_Home:
            self._move(0)
        elif key == Qt.Key.Key_End:
            self._move(len(self.pictures) - 1)
        else:
            return False
        return True

    def _move(self, index: int) -> None:
        if 0 <= index < len(self.pictures):
            picture = self.pictures[index]
            picture.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroller.ensureWidgetVisible(picture, 0, 0)
