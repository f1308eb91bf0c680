"""The main window: a group chooser, the four areas, the menus and a status line.

It holds no data logic. What it shows comes through a ``DataSource`` run on the
``TaskRunner``; the menus' maintenance work lives in ``app.ui.file_actions``.

It is made in two steps, so that a person sees it at once: first the frame (menus, group
chooser, status line), which needs Qt alone and is drawn straight away, then, once the
data file is open, ``attach`` adds the areas and everything else that reads data. This
module imports nothing of the data layer for that reason.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.i18n import _
from app.ui.display import Display, TextSize
from app.ui.formatting import window_title
from app.ui.group_purpose import PurposeToggle
from app.ui.settings import LAST_GROUP, Settings
from app.ui.size_keys import key_sequences, size_keys
from app.ui.tasks import TaskRunner
from app.ui.widgets import StatusLine, scrolling
from app.ui.wrapping import ChoiceBox

if TYPE_CHECKING:
    from app.services.groups import GroupSummary
    from app.ui.changes import News
    from app.ui.data import DataSource
    from app.ui.display_dialog import DisplayDialog
    from app.ui.file_actions import FileActions
    from app.ui.group_actions import GroupActions
    from app.ui.panels import RecordsPanel
    from app.ui.read_aloud import ReadAloud


class AreaList(QListWidget):
    """The navigation list: exactly as wide as its longest name, at any text size."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.sizeHintForColumn(0) + 2 * self.frameWidth() + 2 * self.spacing() + 8
        return QSize(max(width, 60), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())


def group_choice_text(group: GroupSummary) -> str:
    """A group as the chooser offers it: a finished one says so in words."""
    if group.finished_on is None:
        return group.name
    return _("{name} (finished)").format(name=group.name)


class MainWindow(QMainWindow):
    group_changed = Signal(object)  # the GroupSummary now shown, or None

    def __init__(
        self,
        source: DataSource | None,
        runner: TaskRunner,
        settings: Settings,
        text_size: TextSize,
        parent: QWidget | None = None,
        display: Display | None = None,
    ) -> None:
        super().__init__(parent)
        self.source: DataSource | None = None
        self.runner = runner
        self.settings = settings
        self.text_size = text_size
        self.display = display or Display(settings, text_size, self)
        self.groups: list[GroupSummary] = []
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)

        self.group_label = QLabel(_("&Group:"))
        self.group_chooser = ChoiceBox()
        self.group_chooser.setAccessibleName(_("Group"))
        self.group_chooser.view().setAccessibleName(_("Groups"))  # its open list
        self.group_chooser.setPlaceholderText(_("Opening your data…"))
        self.group_chooser.setEnabled(False)
        self.group_chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.group_label.setBuddy(self.group_chooser)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.purpose.setTextFormat(Qt.TextFormat.PlainText)

        self.areas = AreaList()
        self.areas.setAccessibleName(_("Areas"))
        self.areas.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget()
        self.panels: list[RecordsPanel] = []
        self.file_actions: FileActions | None = None
        self.group_actions: GroupActions | None = None
        self.read_aloud: ReadAloud | None = None
        self.areas.currentRowChanged.connect(self._show_area)
        self.group_chooser.currentIndexChanged.connect(self._choose_group)

        self.status_line = StatusLine()
        bar = self.statusBar()
        bar.addWidget(self.status_line, 1)
        bar.setSizeGripEnabled(False)
        # Qt's status bar is fixed at its size hint's height, which it works out for words
        # wrapped at a width of Qt's choosing, often narrower than the window: a one-line
        # message took two lines' room, a long one many more, a blank band under it. Not
        # fixed, it is as tall as what it says now needs at the window's width.
        bar.setSizePolicy(bar.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)
        runner.failed.connect(lambda message: self.status_line.announce(message, urgent=True))
        self.purpose_toggle = PurposeToggle(self.purpose, settings, self.status_line.announce)

        self._lay_out()
        self._build_menus()
        self.text_size.changed.connect(self._text_size_changed)
        if source is not None:
            self.attach(source)

    def attach(self, source: DataSource) -> None:
        """Add what reads the data in ``source``: the areas, the file, pack and read-aloud
        menus. Then ``load_groups`` fills them."""
        from app.ui.areas import AREAS
        from app.ui.file_actions import FileActions
        from app.ui.group_actions import GroupActions
        from app.ui.packs_menu import add_packs_menu
        from app.ui.read_aloud import ReadAloud

        self.source = source
        source.changes.changed.connect(self._heard)
        for area in AREAS:
            panel = area(source, self.runner)
            panel.failed.connect(self._area_failed)
            self.panels.append(panel)
            self.stack.addWidget(panel)
            self.areas.addItem(panel.title())
        # Its width comes from its names, and it had none when the window was laid out.
        self.areas.updateGeometry()
        self._chain_tab_order()
        self.file_actions = FileActions(self, source, self.runner, self.status_line)
        self.group_actions = GroupActions(self)
        first = self.file_menu.actions()[0]
        self.group_actions.add_to(self.file_menu, before=first)
        self.file_actions.add_to(self.file_menu, before=first)
        self.read_aloud = ReadAloud(self.settings, self.status_line, self)
        bar = self.menuBar()
        for add in (lambda: add_packs_menu(self, bar), lambda: self.read_aloud.add_menu(bar)):
            menu = add()
            bar.insertMenu(self.help_menu.menuAction(), menu)  # before Help, as on every app
        self.areas.setCurrentRow(0)

    # -- layout and menus --------------------------------------------------------------

    def _lay_out(self) -> None:
        chooser_row = QHBoxLayout()
        chooser_row.addWidget(self.group_label)
        chooser_row.addWidget(self.group_chooser, 1)

        body = QHBoxLayout()
        body.addWidget(self.areas)
        body.addWidget(self.stack, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(chooser_row)
        column.addWidget(self.purpose_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.purpose)
        column.addLayout(body, 1)

        # At very large text sizes the whole page scrolls rather than squashing.
        scroller = scrolling(page)
        self.setCentralWidget(scroller)
        self.scroller = scroller

    def _chain_tab_order(self) -> None:
        QWidget.setTabOrder(self.group_chooser, self.purpose_toggle)
        QWidget.setTabOrder(self.purpose_toggle, self.areas)
        previous: QWidget = self.areas
        for panel in self.panels:
            # An area may have a control above its table (a search field) that comes first.
            first = panel.first_control()
            QWidget.setTabOrder(previous, first)
            previous = first

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(_("&File"))
        file_menu.addSeparator()  # the data file's actions go above it once it is open
        # Windows has no standard key for Quit; Ctrl+Q is what people expect there too.
        self.quit_action = self._action(
            _("&Quit"), [QKeySequence.StandardKey.Quit, "Ctrl+Q"], self.close
        )
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(_("&View"))
        # The text size keys work in every window, dialogs included (app.ui.size_keys).
        keys = size_keys(self.text_size)
        keys.add_to(self, view_menu)
        self.larger_action, self.smaller_action, self.normal_action = keys.actions()
        view_menu.addSeparator()
        self.display_action = self._action(
            _("&Display settings…"),
            ["Ctrl+Shift+D", QKeySequence.StandardKey.Preferences],
            self.open_display_settings,
        )
        view_menu.addAction(self.display_action)

        self.help_menu = bar.addMenu(_("&Help"))
        self.help_menu.addAction(self._action(_("&About Roundtable"), [], self._about))

    def _about(self) -> None:
        if self.file_actions is not None:
            self.file_actions.about()

    def _action(self, text: str, keys: list, slot) -> QAction:  # type: ignore[no-untyped-def,type-arg]
        """A window-wide action; ``keys`` are standard keys or key names, the first kept
        as the one the menu shows, doubles left out."""
        action = QAction(text, self)
        action.setShortcuts(key_sequences(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even while the menu bar is hidden
        return action

    def open_display_settings(self) -> DisplayDialog:
        """Text size, look and reading font; the dialog opens without blocking."""
        from app.ui.display_dialog import DisplayDialog

        dialog = DisplayDialog(self.display, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- groups and areas -------------------------------------------------------------

    def load_groups(self, choose: int | None = None) -> None:
        """Fetch the list of groups, then show the group ``choose``, or else the one shown
        now, or the one chosen last time, or the first."""
        if self.source is None:
            return
        self.status_line.show_quietly(_("Loading the groups…"))
        self.runner.run(self.source.groups, on_done=partial(self._groups_loaded, choose))

    def _heard(self, news: News) -> None:
        """A group was added or changed, wherever that was done: list the groups again,
        showing the areas afresh only if the group shown is no longer as it was."""
        from app.services.changes import Change

        if Change.GROUPS in news.kinds and self.source is not None:
            self.runner.run(self.source.groups, on_done=self._groups_changed)

    def _groups_changed(self, groups: list[GroupSummary]) -> None:
        shown = self.current_group()
        if shown is not None and shown in groups:
            self._list_groups(groups, shown.id)
        else:
            self._groups_loaded(None, groups)

    def current_group(self) -> GroupSummary | None:
        index = self.group_chooser.currentIndex()
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def current_panel(self) -> RecordsPanel:
        return self.panels[self.stack.currentIndex()]

    def is_loading(self) -> bool:
        return not self.runner.is_idle() or any(panel.is_loading() for panel in self.panels)

    def _groups_loaded(self, choose: int | None, groups: list[GroupSummary]) -> None:
        shown = self.current_group()
        wanted = choose or (shown.id if shown else self.settings.get(LAST_GROUP))
        self._list_groups(groups, wanted)
        self._choose_group(self.group_chooser.currentIndex())
        if not self.groups:
            self.status_line.announce(
                _("There are no groups yet. To start one, choose New group in the File menu.")
            )

    def _list_groups(self, groups: list[GroupSummary], wanted: int | None) -> None:
        """Offer ``groups`` in the chooser, ``wanted`` chosen (or else the first), quietly."""
        self.groups = list(groups)
        self.group_chooser.blockSignals(True)
        self.group_chooser.clear()
        for group in self.groups:
            self.group_chooser.addItem(group_choice_text(group), group.id)
        index = next((n for n, g in enumerate(self.groups) if g.id == wanted), 0)
        self.group_chooser.setCurrentIndex(index if self.groups else -1)
        self.group_chooser.blockSignals(False)
        self.group_chooser.setPlaceholderText(_("No groups yet"))
        self.group_chooser.setEnabled(bool(self.groups))

    def _choose_group(self, _index: int) -> None:
        group = self.current_group()
        self.purpose_toggle.show_purpose(group.purpose if group else "")
        self.group_chooser.setAccessibleDescription(group.purpose if group else "")
        self.setWindowTitle(window_title(group.name) if group else APP_NAME)
        for panel in self.panels:
            panel.show_group(group)
        if group is not None:
            self.settings.set(LAST_GROUP, group.id)
            self.status_line.announce(_("Showing {group}.").format(group=group.name))
        self.group_changed.emit(group)

    def _show_area(self, row: int) -> None:
        if 0 <= row < len(self.panels):
            self.stack.setCurrentIndex(row)

    def _area_failed(self, message: str) -> None:
        self.status_line.announce(message, urgent=True)

    def reload(self) -> None:
        """Read everything again (after example data is added or a backup is restored)."""
        self.load_groups()

    def add_example_data(self) -> None:
        """Add the example groups in the background, then show them."""
        self.status_line.announce(_("Adding the example groups. This can take a minute…"))
        self.runner.run(
            self.source.add_example_data,
            on_done=self._example_data_added,
            on_error=self._example_data_failed,
        )

    def _example_data_added(self, _added: object) -> None:
        self.status_line.announce(_("Added the example groups."))
        self.reload()

    def _example_data_failed(self, message: str) -> None:
        self.status_line.announce(message, urgent=True)
        self.reload()

    # -- text size --------------------------------------------------------------------

    def _text_size_changed(self, _percent: int) -> None:
        # The new size is said where the person is, by the keys (app.ui.size_keys).
        self.areas.updateGeometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.sync()
        if self.read_aloud is not None:
            self.read_aloud.close()
        super().closeEvent(event)
