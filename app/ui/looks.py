"""The three looks: normal, high contrast on white, high contrast on black.

Each is a complete QPalette of our own, so every colour pair on screen is known and
measured (the accessibility walker checks each against ACCESSIBILITY.md's targets). They
are drawn with the Fusion style, the one style that paints with the palette everywhere,
wrapped in ``BorderStyle`` so that the edges of controls and menus are drawn in the
palette's ``Mid`` colour, which holds 3:1 against what surrounds them (Fusion's own edges
are a pale shade of the window colour, about 2:1), and menus are as wide as the words they
draw. No style sheet is used, so nothing here can touch a font or a text size.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionMenuItem,
    QToolTip,
    QWidget,
)

from app.i18n import N_
from app.ui import focus_ring
from app.ui.settings import HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT, NORMAL_LOOK

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

TEXT_TARGET = {NORMAL_LOOK: 4.5, HIGH_CONTRAST_LIGHT: 7.0, HIGH_CONTRAST_DARK: 7.0}
EDGE_TARGET = 3.0  # focus rings and the edges of controls, in every look


@dataclass(frozen=True)
class Look:
    key: str
    title: str  # untranslated; shown with _()
    description: str  # untranslated; shown with _()
    colours: dict[str, str]  # palette role name -> colour, for the active and inactive groups
    disabled: dict[str, str]  # the same for the disabled group (greyed, but still readable)


_NORMAL = Look(
    NORMAL_LOOK,
    N_("Normal"),
    N_("Dark text on light grey and white, with blue for the chosen row."),
    {
        "Window": "#f0f0f0",
        "WindowText": "#1a1a1a",
        "Base": "#ffffff",
        "AlternateBase": "#f5f5f5",
        "Text": "#1a1a1a",
        "Button": "#e8e8e8",
        "ButtonText": "#1a1a1a",
        "BrightText": "#ffffff",
        "Highlight": "#1c5fb8",
        "HighlightedText": "#ffffff",
        "PlaceholderText": "#5c5c5c",
        "ToolTipBase": "#ffffe1",
        "ToolTipText": "#1a1a1a",
        "Link": "#0a4fb0",
        "LinkVisited": "#5c2d91",
        "Light": "#ffffff",
        "Midlight": "#f8f8f8",
        "Mid": "#757575",
        "Dark": "#5c5c5c",
        "Shadow": "#404040",
    },
    {"WindowText": "#5f5f5f", "Text": "#5f5f5f", "ButtonText": "#5f5f5f", "Highlight": "#5f5f5f"},
)
_LIGHT = Look(
    HIGH_CONTRAST_LIGHT,
    N_("High contrast, light"),
    N_("Black text on white, with black edges and dark blue for the chosen row."),
    {
        "Window": "#ffffff",
        "WindowText": "#000000",
        "Base": "#ffffff",
        "AlternateBase": "#f0f0f0",
        "Text": "#000000",
        "Button": "#ffffff",
        "ButtonText": "#000000",
        "BrightText": "#ffffff",
        "Highlight": "#003c8f",
        "HighlightedText": "#ffffff",
        "PlaceholderText": "#3d3d3d",
        "ToolTipBase": "#ffffff",
        "ToolTipText": "#000000",
        "Link": "#00339a",
        "LinkVisited": "#551a8b",
        "Light": "#ffffff",
        "Midlight": "#ffffff",
        "Mid": "#000000",
        "Dark": "#000000",
        "Shadow": "#000000",
    },
    {"WindowText": "#4a4a4a", "Text": "#4a4a4a", "ButtonText": "#4a4a4a", "Highlight": "#4a4a4a"},
)
_DARK = Look(
    HIGH_CONTRAST_DARK,
    N_("High contrast, dark"),
    N_("White text on black, with white edges and yellow for the chosen row."),
    {
        "Window": "#000000",
        "WindowText": "#ffffff",
        "Base": "#000000",
        "AlternateBase": "#1a1a1a",
        "Text": "#ffffff",
        "Button": "#000000",
        "ButtonText": "#ffffff",
        "BrightText": "#000000",
        "Highlight": "#ffd700",
        "HighlightedText": "#000000",
        "PlaceholderText": "#c8c8c8",
        "ToolTipBase": "#000000",
        "ToolTipText": "#ffffff",
        "Link": "#8cc8ff",
        "LinkVisited": "#e0b0ff",
        "Light": "#ffffff",
        "Midlight": "#333333",
        "Mid": "#ffffff",
        "Dark": "#ffffff",
        "Shadow": "#ffffff",
    },
    {"WindowText": "#a6a6a6", "Text": "#a6a6a6", "ButtonText": "#a6a6a6", "Highlight": "#a6a6a6"},
)

LOOKS: tuple[Look, ...] = (_NORMAL, _LIGHT, _DARK)


def look(key: str) -> Look:
    for candidate in LOOKS:
        if candidate.key == key:
            return candidate
    raise ValueError(f"There is no look called {key!r}")


def palette_for(key: str) -> QPalette:
    chosen = look(key)
    palette = QPalette()
    for name, colour in chosen.colours.items():
        for group in (Group.Active, Group.Inactive, Group.Disabled):
            palette.setColor(group, getattr(Role, name), QColor(colour))
    for name, colour in chosen.disabled.items():
        palette.setColor(Group.Disabled, getattr(Role, name), QColor(colour))
    return palette


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio; a see-through foreground is first laid over the background."""
    alpha = foreground.alphaF()
    if alpha < 1:
        foreground = QColor.fromRgbF(
            *(
                alpha * f + (1 - alpha) * b
                for f, b in zip(
                    (foreground.redF(), foreground.greenF(), foreground.blueF()),
                    (background.redF(), background.greenF(), background.blueF()),
                    strict=True,
                )
            )
        )
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class BorderStyle(QProxyStyle):
    """Fusion, with the edge of every control redrawn in the palette's ``Mid`` colour."""

    _BOXES = (
        QStyle.PrimitiveElement.PE_FrameLineEdit,
        QStyle.PrimitiveElement.PE_Frame,
        QStyle.PrimitiveElement.PE_PanelButtonCommand,
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        # Menus: Fusion edges them in a shade of the window colour, 2.6:1 on the light
        # looks and black on black, where a menu ran into the window behind it. (A drop-down
        # list's open list is a frame, which PE_Frame edges.)
        QStyle.PrimitiveElement.PE_FrameMenu,
        QStyle.PrimitiveElement.PE_PanelMenu,
    )
    _INDICATORS = (
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    )
    _COMPLEX = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)
    # Fusion draws a menu's tick column 0.79 of a row's height wide, but measures it as
    # this many pixels (at 96 dots an inch), whatever the text size.
    _MENU_TICK_COLUMN = 21
    _MENU_TICK_SHARE = 0.79

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("roundtableBorderStyle")

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # type: ignore[no-untyped-def,override]
        """Tick boxes and round choice marks grow with the text, not stay 13 pixels at 300%."""
        base = super().pixelMetric(metric, option, widget)
        if metric in self._INDICATORS:
            metrics = widget.fontMetrics() if widget is not None else None
            if metrics is None and option is not None:
                metrics = option.fontMetrics
            if metrics is not None:
                return max(base, round(metrics.height() * 0.8))
        return base

    def sizeFromContents(self, kind, option, contents, widget=None) -> QSize:  # type: ignore[no-untyped-def,override]
        """A menu item as wide as Fusion draws it, so no words are cut short ("Packs
        fo…veryone…") at large text sizes."""
        if kind != QStyle.ContentsType.CT_MenuItem or not isinstance(option, QStyleOptionMenuItem):
            return super().sizeFromContents(kind, option, contents, widget)
        # QMenu adds the widest shortcut to every row itself, and asks here with the widest
        # one of the rows above: adding it again only widens the menu by chance of order,
        # past a small screen's edge at 300% (the File menu).
        measured = QStyleOptionMenuItem(option)
        measured.reservedShortcutWidth = 0
        size = super().sizeFromContents(kind, measured, contents, widget)
        if option.menuItemType != QStyleOptionMenuItem.MenuItemType.Separator:
            scale = option.fontMetrics.fontDpi() / 96 if option.fontMetrics.fontDpi() else 1
            measured_column = max(option.maxIconWidth, round(self._MENU_TICK_COLUMN * scale))
            drawn_column = int(size.height() * self._MENU_TICK_SHARE)
            size.setWidth(size.width() + max(0, drawn_column - measured_column))
        return size

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def,override]
        super().drawPrimitive(element, option, painter, widget)
        if element in self._BOXES:
            _edge(option, painter)
        elif element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            _edge(option, painter, round_shape=True)

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # type: ignore[no-untyped-def,override]
        super().drawComplexControl(control, option, painter, widget)
        if control in self._COMPLEX:
            _edge(option, painter)


def _edge(option: QStyleOption, painter: QPainter, *, round_shape: bool = False) -> None:
    if option.rect.width() < 4 or option.rect.height() < 4:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_shape)
    painter.setPen(QPen(option.palette.color(Role.Mid), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    box = option.rect.adjusted(0, 0, -1, -1)
    if round_shape:
        painter.drawEllipse(box)
    else:
        painter.drawRect(box)
    painter.restore()


def apply_look(key: str) -> None:
    """Put the look ``key`` on every window at once (the application font is kept)."""
    palette = palette_for(key)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    if not isinstance(app.style(), BorderStyle):
        app.setStyle(BorderStyle())
    app.setPalette(palette)
    QToolTip.setPalette(palette)
    focus_ring.use_look(key)
    # Changing style can reset fonts to the style's own; put the chosen one back.
    QApplication.setFont(font)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    for widget in QApplication.allWidgets():
        if isinstance(widget, QWidget) and widget.isVisible():
            widget.update()
