"""How big the text is, applied to every window at once through the application font,
and ``Display``: the text size, look and reading font together, as the Display settings
dialog and the start-up change them.

There is exactly one mechanism for size: ``QApplication.setFont`` with a scaled point size.
Nothing else in the screens sets a font size, and no style sheet is used at all (a style
sheet's font size would override this, and once one is set a later ``setFont`` stops
reaching widgets), so every label, table and dialog follows it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.services.pack_defaults import PackDefaults, pack_defaults
from app.ui.fonts import apply_reading_font, register_bundled_fonts
from app.ui.looks import apply_look
from app.ui.settings import LOOK, READING_FONT, TEXT_SIZE, TEXT_SIZES, Settings

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


class Display(QObject):
    """The text size, look and reading font: applied to every window at once, remembered.

    ``changed`` is emitted after any of the three changes.
    """

    changed = Signal()

    def __init__(
        self, settings: Settings, text_size: TextSize, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.text_size = text_size
        self._look = settings.get(LOOK)
        self._font = settings.get(READING_FONT)
        text_size.changed.connect(lambda _percent: self.changed.emit())

    @property
    def look(self) -> str:
        return self._look

    @property
    def reading_font(self) -> str:
        return self._font

    def apply_saved(self) -> None:
        """Apply the remembered look, font and size (once, at start, before any window)."""
        register_bundled_fonts()
        apply_look(self._look)
        apply_reading_font(self._font)
        self.text_size.apply_saved()

    def choose_look(self, key: str) -> bool:
        if key == self._look:
            return False
        apply_look(key)
        self._look = key
        self._remember(LOOK, key)
        return True

    def choose_reading_font(self, key: str) -> bool:
        if key == self._font:
            return False
        apply_reading_font(key)
        self._font = key
        self._remember(READING_FONT, key)
        return True

    def pack_defaults(self) -> PackDefaults:
        """What new packs start with: these choices turned into print."""
        return pack_defaults(self.text_size.percent, self._font)

    def _remember(self, setting, value: str) -> None:  # type: ignore[no-untyped-def]
        self._settings.set(setting, value)
        self._settings.sync()
        self.changed.emit()
