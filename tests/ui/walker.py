"""The accessibility walker: visits a window and lists everything that breaks
ACCESSIBILITY.md's rules there.

``Walker.check_screen`` checks, in the window as it is now:
  * names: every visible, enabled control that Tab can reach has a non-empty name
    through ``QAccessible`` (what a screen reader says; a tooltip is not a name), and so
    has the open list of every drop-down list among them (a screen reader finds that
    list inside the drop-down even while it is shut);
  * Tab: pressing Tab from the first control visits every control and comes back round
    (an unchecked round choice counts as reached when a choice of its group is, since the
    arrow keys move between them);
  * fit: no label, button, field, choice list, group title, tab, column heading or
    visible cell is narrower or shorter than its text needs (word-wrapped text is measured
    at its width; anything cut off by the widget holding it counts too, except inside a
    scroll area, which may scroll);
  * reflow: nothing with text is so wide at its least that it reaches past the right edge
    of the scrolling page that holds it, which would make a reader scroll sideways along
    every line (lists and tables may scroll sideways inside themselves);
  * style sheets: none sets a font, which would override the chosen text size;
  * Alt keys: no two menus, labelled fields, buttons or tabs share an &-letter;
  * title: a dialog is wide enough for its window bar to show its whole title (within
    its screen), rather than "Record a decis… — Roundtable";
  * overlap: no two visible widgets with the same parent are drawn over each other, as
    where a layout is given less room than a widget's least height, and no page that
    scrolls is shorter than its layout needs (see walker_overlap);
``Walker.check_menus`` opens each menu of a window's menu bar, and each menu within, and
lists every item whose words or keys are cut short.
``Walker.check_contrast`` measures the palette roles the screen is drawn with, the focus
ring and the controls' edges against the targets of the look in use, and the edges of
menus and open drop-down lists as drawn against the window they open over.

Every problem found is kept (not only the first), each with where it was and what to fix.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QToolTip,
    QWidget,
)
from walker_fit import SLACK, menu_items_cut, text_need
from walker_overlap import lay_out_again, overlaps, squeezed_pages

from app.ui.focus_ring import ring_colours
from app.ui.looks import EDGE_TARGET, TEXT_TARGET, BorderStyle, contrast
from app.ui.packs_preview import PagePicture
from app.ui.titled_dialog import title_room

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
# What the offscreen test platform says when a menu pops up (it has no window system to
# raise a window in or to hand the keyboard to); tests that open menus ignore these.
MENU_OFFSCREEN_WARNINGS = (
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
Role = QPalette.ColorRole
Group = QPalette.ColorGroup

TEXT_PAIRS = (
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("PlaceholderText", "Base"),
    ("ToolTipText", "ToolTipBase"),
    ("Link", "Base"),
    ("LinkVisited", "Base"),
)
DISABLED_PAIRS = (("WindowText", "Window"), ("Text", "Base"), ("ButtonText", "Button"))
EDGE_BACKGROUNDS = ("Window", "Base", "Button")


def describe(widget: QWidget) -> str:
    name = widget.objectName()
    text = _own_text(widget)
    parts = [type(widget).__name__]
    if name:
        parts.append(f"objectName={name!r}")
    if text:
        parts.append(f"text={text!r}")
    return " ".join(parts)


def _own_text(widget: QWidget) -> str:
    for getter in ("text", "title", "currentText", "placeholderText"):
        method = getattr(widget, getter, None)
        if callable(method):
            try:
                value = method()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                return value[:60]
    return ""


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says the control is called: its name, or (as on Linux, where a
    choice list's name is its current text) the name of the label that labels it."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    name = interface.text(QAccessible.Text.Name).strip()
    if name:
        return name
    # The label that names it. Found through the labels' buddies rather than through
    # QAccessibleInterface.relations(): the interfaces that call hands to Python are freed
    # by Python while Qt's accessibility cache still holds them, which crashes later.
    window = widget.window()
    for label in window.findChildren(QLabel) if window is not None else []:
        if label.buddy() is widget and label.text().strip():
            return label.text().replace("&", "").strip()
    return ""


def _own_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget`` itself, with no label to fall back on."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def tab_stops(top: QWidget) -> list[QWidget]:
    """The visible, enabled controls Tab should reach, in the order Qt chains them."""
    found: list[QWidget] = []
    widget = top.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and id(widget) not in seen and widget is not top:
        seen.add(id(widget))
        if _is_stop(widget, top):
            found.append(widget)
        widget = widget.nextInFocusChain()
    for widget in top.findChildren(QWidget):  # anything left out of the chain altogether
        if _is_stop(widget, top) and widget not in found:
            found.append(widget)
    return found


def _is_stop(widget: QWidget, top: QWidget) -> bool:
    tab = Qt.FocusPolicy.TabFocus
    return (
        widget.window() is top
        and (widget.focusPolicy() & tab) == tab
        and widget.isEnabled()
        and widget.isVisible()
        and widget.focusProxy() is None
    )


def _neighbours(widget: QWidget) -> str:
    parent = widget.parentWidget()
    labels = [label for label in parent.findChildren(QLabel) if label.text()] if parent else []
    buddies = [label.text() for label in labels if label.buddy() is widget]
    if buddies:
        return f"labels naming it as buddy: {buddies}"
    centre = widget.geometry().center()
    near = sorted(
        (label for label in labels if label.parentWidget() is parent),
        key=lambda label: (label.geometry().center() - centre).manhattanLength(),
    )
    return f"nearest labels: {[label.text()[:40] for label in near[:2]]}"


class Walker:
    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.problems: list[str] = []

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"[{where}] {text}")

    # -- one screen ---------------------------------------------------------------------

    def check_screen(self, top: QWidget, where: str) -> None:
        stops = tab_stops(top)
        for widget in stops:
            if not accessible_name(widget):
                self.problem(
                    where, f"no accessible name: {describe(widget)}; {_neighbours(widget)}"
                )
            if isinstance(widget, QComboBox) and not _own_name(widget.view()):
                self.problem(
                    where,
                    f"its open list has no accessible name: {describe(widget)} "
                    "(name it with view().setAccessibleName, or use WrappingComboBox)",
                )
        self.check_tab_order(top, stops, where)
        self.check_fit(top, where)
        self.check_overlap(top, where)
        self.check_style_sheets(top, where)
        self.check_mnemonics(top, where)
        self.check_title(top, where)

    def check_title(self, top: QWidget, where: str) -> None:
        if not isinstance(top, QDialog) or not top.windowTitle():
            return
        wanted = title_room(top)
        if top.width() < wanted:
            self.problem(
                where,
                f"its title is cut in the window bar: {top.windowTitle()!r} needs the window "
                f"{wanted} px wide, not {top.width()} (derive it from titled_dialog.Dialog)",
            )

    def check_mnemonics(self, top: QWidget, where: str) -> None:
        """No two Alt+letter keys in one window alike: with two, Alt+letter only moves
        between them, and a key typed next may press a button (Cancel) by mistake."""
        owners: dict[str, list[str]] = {}
        for text, owner in _mnemonic_texts(top):
            found = MNEMONIC.search(text)
            if found:
                owners.setdefault(found.group(1).lower(), []).append(owner)
        for letter, named in sorted(owners.items()):
            if len(named) > 1:
                self.problem(where, f"Alt+{letter.upper()} is shared by " + ", ".join(named))

    def check_tab_order(self, top: QWidget, stops: list[QWidget], where: str) -> None:
        if not stops:
            return
        top.activateWindow()
        self.qtbot.waitUntil(top.isActiveWindow, timeout=5000)
        first = stops[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        self.qtbot.waitUntil(first.hasFocus, timeout=5000)
        visited = [first]
        back_round = False
        for _press in range(2 * len(stops) + 4):
            current = QApplication.focusWidget()
            if current is None or current.window() is not top:
                self.problem(where, f"Tab leaves the window after {describe(visited[-1])}")
                return
            self.qtbot.keyClick(current, Qt.Key.Key_Tab)
            now = QApplication.focusWidget()
            if now is first:
                back_round = True
                break
            if now is not None:
                visited.append(now)
        if not back_round:
            tail = " → ".join(describe(widget) for widget in visited[-4:])
            self.problem(
                where,
                f"keyboard trap: Tab never comes back to {describe(first)}; it ends going "
                f"round {tail} (a text box taking Tab needs setTabChangesFocus(True))",
            )
        reached = {id(widget) for widget in visited}
        for widget in stops:
            if id(widget) not in reached and not _reached_by_arrows(widget, reached):
                self.problem(where, f"Tab never reaches {describe(widget)}")

    def check_style_sheets(self, top: QWidget, where: str) -> None:
        app = QApplication.instance()
        sheets = [("the application", app.styleSheet() if app else "")]
        sheets += [(describe(w), w.styleSheet()) for w in [top, *top.findChildren(QWidget)]]
        for owner, sheet in sheets:
            if sheet and re.search(r"\bfont\s*(-size)?\s*:", sheet):
                self.problem(
                    where,
                    f"a style sheet sets a font on {owner}: sizes must come "
                    "only from the application font",
                )

    # -- fit ------------------------------------------------------------------------------

    def check_fit(self, top: QWidget, where: str) -> None:
        # As it will be drawn: a list filled while Tab was walked may have asked to relayout.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.window() is not top or not widget.isVisible():
                continue
            need = text_need(widget)
            if need:
                self.problem(where, f"text does not fit: {describe(widget)}: {need}")
            if need is not None and widget is not top and _clipped_by_parent(widget, top):
                self.problem(where, f"cut off by what holds it: {describe(widget)}")
            past = _past_page_edge(widget) if need is not None else 0
            if past > SLACK:
                self.problem(
                    where,
                    f"pushes its page sideways: {describe(widget)} needs {past} px more "
                    "than the page's width, even at its narrowest",
                )

    def check_overlap(self, top: QWidget, where: str) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # as drawn
        lay_out_again(top)
        for parent, first, second, shared in overlaps(top):
            self.problem(
                where,
                f"drawn over each other: {describe(first)} and {describe(second)} share "
                f"{shared.width()}×{shared.height()} px at ({shared.x()}, {shared.y()}) in "
                f"{describe(parent)} (a layout given less room than they need)",
            )
        for area, need in squeezed_pages(top):
            self.problem(
                where,
                f"a page that scrolls is squeezed: {describe(area.widget())} in "
                f"{describe(area)} is {area.widget().height()} px high and its layout needs "
                f"{need} at its width",
            )

    # -- menus --------------------------------------------------------------------------

    def check_menus(self, top: QWidget, where: str) -> int:
        """Open each menu of ``top``'s menu bar in turn; returns how many were opened."""
        bar = top.findChild(QMenuBar)
        menus = [a.menu() for a in bar.actions() if a.menu() is not None] if bar else []
        opened = 0
        while menus:
            menu = menus.pop(0)
            if not isinstance(menu, QMenu) or not menu.menuAction().isVisible():
                continue
            menu.popup(top.mapToGlobal(QPoint(0, 0)))
            self.qtbot.waitUntil(menu.isVisible, timeout=5000)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            opened += 1
            for text in menu_items_cut(menu):
                self.problem(where, f"menu item cut short: {text!r} in the {menu.title()!r} menu")
            # Qt cuts a menu at its screen's edge. The test screen is narrower than the
            # windows tested on it, which no real screen is: the room is the wider of the two.
            screen = menu.screen().availableGeometry().width() if menu.screen() else 0
            room = max(screen, top.width())
            if menu.sizeHint().width() > room + SLACK:
                self.problem(
                    where,
                    f"the {menu.title()!r} menu needs {menu.sizeHint().width()} px, "
                    f"wider than its screen ({room} px): its words are cut at the edge",
                )
            menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
            menu.hide()
        return opened

    # -- contrast -------------------------------------------------------------------------

    def check_contrast(self, top: QWidget, look: str, where: str) -> None:
        target = TEXT_TARGET[look]
        app = QApplication.instance()
        if not isinstance(app.style(), BorderStyle):  # type: ignore[union-attr]
            self.problem(
                where,
                "the controls' edges are not drawn by BorderStyle, so their "
                "colour is not the palette's Mid that is measured here",
            )
        palettes: dict[int, tuple[str, QPalette]] = {}
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                palettes.setdefault(
                    widget.palette().cacheKey(), (describe(widget), widget.palette())
                )
        palettes.setdefault(-1, ("tooltips", QToolTip.palette()))
        ring, _inner = ring_colours(look)
        for owner, palette in palettes.values():
            for group in (Group.Active, Group.Inactive):
                for front, back in TEXT_PAIRS:
                    self._pair(where, owner, palette, group, front, back, target)
                for back in EDGE_BACKGROUNDS:
                    self._pair(where, owner, palette, group, "Mid", back, EDGE_TARGET, "edge")
                    ratio = contrast(ring, palette.color(group, getattr(Role, back)))
                    if ratio < EDGE_TARGET:
                        self.problem(
                            where,
                            f"focus ring {ring.name()} on {back} of {owner}: "
                            f"{ratio:.2f}:1, needs {EDGE_TARGET}:1",
                        )
            for front, back in DISABLED_PAIRS:
                self._pair(where, owner, palette, Group.Disabled, front, back, target, "disabled")
        self.check_popup_edges(top, where)

    def check_popup_edges(self, top: QWidget, where: str) -> None:
        """Menus and the open lists of drop-down lists, as drawn, are edged at 3:1 against
        the window they open over (in the dark look a menu once ran into it)."""
        behind = top.palette().color(Group.Active, Role.Window)
        bar = top.findChild(QMenuBar)
        menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)] if bar else []
        popups: list[tuple[str, QWidget]] = []
        while menus:
            menu = menus.pop(0)
            popups.append((f"the {menu.title()!r} menu", menu))
            menus += [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
        popups += [
            (f"the open list of {describe(box)}", box.view().window())
            for box in top.findChildren(QComboBox)
            if box.window() is top and box.isVisible()
        ]
        for owner, popup in popups:
            if not popup.isVisible():
                popup.resize(popup.sizeHint().expandedTo(QSize(40, 40)))
            image = popup.grab().toImage()
            edge = image.pixelColor(0, image.height() // 2)
            ratio = contrast(edge, behind)
            if ratio < EDGE_TARGET - 1e-6:
                self.problem(
                    where,
                    f"{owner} has no edge to be seen: {edge.name()} on the window's "
                    f"{behind.name()} is {ratio:.2f}:1, needs {EDGE_TARGET}:1",
                )

    def _pair(self, where, owner, palette, group, front, back, target, kind="text"):  # type: ignore[no-untyped-def]
        fore = palette.color(group, getattr(Role, front))
        behind = palette.color(group, getattr(Role, back))
        ratio = contrast(fore, behind)
        if ratio < target - 1e-6:
            self.problem(
                where,
                f"{kind} contrast {front} {fore.name()} on {back} {behind.name()} "
                f"({group.name}) of {owner}: {ratio:.2f}:1, needs {target}:1",
            )


def _mnemonic_texts(top: QWidget) -> list[tuple[str, str]]:
    """The texts whose &-letter makes an Alt key in ``top``: its menu bar's menus, and the
    labels (with a control to go to), buttons, group boxes and tabs showing in it."""
    found: list[tuple[str, str]] = []
    bar = top.findChild(QMenuBar)
    if bar is not None and bar.window() is top and bar.isVisible():
        found += [(a.text(), f"the {a.text()!r} menu") for a in bar.actions() if a.isVisible()]
    for widget in top.findChildren(QWidget):
        if widget.window() is not top or not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((widget.text(), describe(widget)))
        elif isinstance(widget, QAbstractButton | QGroupBox):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            found.append((text, describe(widget)))
        elif isinstance(widget, QTabBar):
            found += [
                (widget.tabText(i), f"the {widget.tabText(i)!r} tab")
                for i in range(widget.count())
                if widget.isTabVisible(i) and widget.isTabEnabled(i)
            ]
    return found


def _reached_by_arrows(widget: QWidget, reached: set[int]) -> bool:
    """An unchecked choice in a group of round choices is reached with the arrow keys
    from the group's checked one, which Tab stops on."""
    if not isinstance(widget, QRadioButton) or widget.isChecked():
        return False
    group = widget.group()
    siblings = (
        group.buttons()
        if group is not None
        else (
            [w for w in widget.parentWidget().findChildren(QRadioButton) if w.autoExclusive()]
            if widget.autoExclusive() and widget.parentWidget()
            else []
        )
    )
    return any(id(sibling) in reached for sibling in siblings)


def _past_page_edge(widget: QWidget) -> int:
    """How far ``widget`` at its least width reaches past the right edge of the scroll
    area's page that holds it (0 if it does not, or is in none)."""
    if isinstance(widget, (QAbstractItemView, QHeaderView, PagePicture)):
        return 0  # lists and tables scroll inside themselves; a page's picture is zoomed
    parent = widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(holder, QScrollArea) and holder.viewport() is parent:
            page = holder.widget()
            if page is None or not page.isAncestorOf(widget):
                return 0
            left = widget.mapTo(page, QPoint(0, 0)).x()
            least = max(widget.minimumSizeHint().width(), widget.minimumWidth())
            return max(0, left + least - parent.width())
        parent = holder
    return 0


def _clipped_by_parent(widget: QWidget, top: QWidget) -> bool:
    area = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and holder.viewport() is parent:
            return False  # inside a scroll area: it may scroll
        box = (
            QRect(parent.mapTo(top, QPoint(0, 0)), parent.size())
            if parent is not top
            else (top.rect())
        )
        if not box.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(area):
            return True
        if parent is top:
            return False
        parent = holder
    return False
