"""How the accessibility walker finds widgets drawn on top of one another (see walker.py).

A layout given less room than its widgets need squeezes them, but Qt never makes a widget
smaller than a least height set on it: such a widget keeps its height and the next one is
placed where the layout meant it to go, on top of it ("For a member:" drawn over the
fourth session of the pack dialog's list at 300%). So two widgets shown side by side in
the same parent must not share any pixels.

Some widgets are meant to lie over others, and are left out:
  * the focus ring, a see-through widget drawn over whatever has the focus;
  * windows of their own (menus, open drop-down lists, tooltips, other dialogs).
Hidden widgets (the pages of a stack not being shown) are never looked at. A scroll
area's viewport, scroll bars and corner sit side by side and are checked like anything
else.

Before looking, every layout is laid out again where it is, having first been asked for
its preferred size, as Qt asks at moments of its own (while sizing the page it is on, say):
a layout must come out the same whatever it was asked before. One that does not (Qt's
QFormLayout kept its rows' heights from its preferred width and laid itself out with them
at its real one) then shows it every time, not only when its data and its preview happened
to arrive in one order rather than another.

A page that scrolls must never be given less height than its layout needs at its width,
which would squeeze what is on it: it scrolls instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from app.ui.focus_ring import RING_OBJECT_NAME

# Pixels two neighbours may share, each way, before they count as drawn over each other:
# some styles let a frame's edge run a pixel into the next widget's.
SHARED_EDGE = 1


def lay_out_again(top: QWidget) -> None:
    """Ask each layout in ``top``'s window for its preferred and least sizes, then lay it
    out again in the room it has."""
    for widget in [top, *top.findChildren(QWidget)]:
        layout = widget.layout()
        if widget.window() is not top or not widget.isVisible() or layout is None:
            continue
        room = layout.geometry()
        if not room.isValid():
            continue
        layout.totalSizeHint()
        layout.totalMinimumSize()
        layout.setGeometry(room.adjusted(0, 0, 0, 1))  # a layout given the same room does nothing
        layout.setGeometry(room)


def overlaps(top: QWidget) -> Iterator[tuple[QWidget, QWidget, QWidget, QRect]]:
    """Each pair of visible widgets with the same parent in ``top``'s window that share
    pixels: (parent, first, second, the part they share in the parent's coordinates)."""
    for parent in [top, *top.findChildren(QWidget)]:
        if parent.window() is not top or not parent.isVisible():
            continue
        shown = [child for child in parent.children() if _laid_side_by_side(child)]
        for index, first in enumerate(shown):
            for second in shown[index + 1 :]:
                shared = first.geometry().intersected(second.geometry())
                if shared.width() > SHARED_EDGE and shared.height() > SHARED_EDGE:
                    yield parent, first, second, shared


def _laid_side_by_side(child: object) -> bool:
    return (
        isinstance(child, QWidget)
        and child.isVisible()
        and not child.isWindow()
        and child.objectName() != RING_OBJECT_NAME
        and not child.geometry().isEmpty()
    )


def squeezed_pages(top: QWidget) -> Iterator[tuple[QScrollArea, int]]:
    """Each scroll area in ``top``'s window whose page is shorter than its layout needs at
    the page's width, with the height it needs."""
    for area in top.findChildren(QScrollArea):
        page = area.widget()
        if area.window() is not top or page is None or not page.isVisible():
            continue
        layout = page.layout()
        if layout is None:
            continue
        if layout.hasHeightForWidth():
            need = layout.totalMinimumHeightForWidth(page.width())
        else:
            need = layout.totalMinimumSize().height()
        if page.height() + SHARED_EDGE < need:
            yield area, need
