"""How big the text is, applied to every window at once through the application font.

There is exactly one mechanism: ``QApplication.setFont`` with a scaled point size. Nothing
else in the screens sets a font size (and no style sheet mentions one, because a style
sheet's font size would override this), so every label, table and dialog follows it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.ui.settings import TEXT_SIZE, TEXT_SIZES, Settings

HEADING_SCALE = 1.25


def base_point_size() -> float:
    """The system's normal text size: what 100% means."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 10.0


def apply_text_size(percent: int) -> None:
    """Set the application font to ``percent`` of the normal size; every window follows."""
    font = QFont(QApplication.font())
    font.setPointSizeF(round(base_point_size() * percent / 100, 1))
    QApplication.setFont(font)
    # Qt posts the change to each widget; deliver it now so every window shows it at once.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)


def heading_font() -> QFont:
    """A bold, somewhat larger version of the current application font, for headings."""
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(round(font.pointSizeF() * HEADING_SCALE, 1))
    return font


class TextSize(QObject):
    """The chosen text size: larger, smaller, back to normal; remembered in the settings."""

    changed = Signal(int)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._percent = settings.get(TEXT_SIZE)

    @property
    def percent(self) -> int:
        return self._percent

    def apply_saved(self) -> None:
        """Apply the remembered size (used once at start)."""
        apply_text_size(self._percent)

    def larger(self) -> bool:
        """One step larger; False (and no change) when already at the largest size."""
        index = TEXT_SIZES.index(self._percent)
        return index + 1 < len(TEXT_SIZES) and self.choose(TEXT_SIZES[index + 1])

    def smaller(self) -> bool:
        index = TEXT_SIZES.index(self._percent)
        return index > 0 and self.choose(TEXT_SIZES[index - 1])

    def normal(self) -> bool:
        return self.choose(TEXT_SIZE.default)

    def can_grow(self) -> bool:
        return self._percent < TEXT_SIZES[-1]

    def can_shrink(self) -> bool:
        return self._percent > TEXT_SIZES[0]

    def choose(self, percent: int) -> bool:
        if percent not in TEXT_SIZES:
            raise ValueError(f"{percent}% is not one of the text sizes {TEXT_SIZES}")
        if percent == self._percent:
            return False
        self._percent = percent
        apply_text_size(percent)
        self._settings.set(TEXT_SIZE, percent)
        self._settings.sync()
        self.changed.emit(percent)
        return True
