"""The File menu's groups: start a new group, change the chosen group's settings.

Both open ``GroupDialog`` without blocking the window; once it saves, the window reads its
groups again and shows the one just saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.i18n import _
from app.services.groups import GroupSummary
from app.ui.group_dialog import GroupDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

NEW_GROUP_KEYS = "Ctrl+Shift+N"
GROUP_SETTINGS_KEYS = "Ctrl+Shift+G"


class GroupActions:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.new_action = self._make(_("&New group…"), NEW_GROUP_KEYS, self.start_group)
        self.settings_action = self._make(
            _("&Group settings…"), GROUP_SETTINGS_KEYS, self.change_group
        )
        self.settings_action.setEnabled(False)
        window.group_changed.connect(
            lambda group: self.settings_action.setEnabled(group is not None)
        )

    def add_to(self, menu: QMenu, before: QAction) -> None:
        for action in (self.new_action, self.settings_action):
            menu.insertAction(before, action)
        menu.insertSeparator(before)

    def _make(self, text: str, keys: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)  # the keys work while the menu is closed
        return action

    def start_group(self) -> GroupDialog:
        return self._open(None)

    def change_group(self) -> GroupDialog | None:
        group = self._window.current_group()
        return self._open(group) if group is not None else None

    def _open(self, group: GroupSummary | None) -> GroupDialog:
        window = self._window
        assert window.source is not None
        dialog = GroupDialog(window, window.runner, window.source, group)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved: self._saved(group is None, saved))
        dialog.open()
        return dialog

    def _saved(self, started: bool, group: GroupSummary) -> None:
        if started:
            message = _("Started the group “{group}”.")
        else:
            message = _("Saved the settings of “{group}”.")
        self._window.status_line.announce(message.format(group=group.name))
        self._window.load_groups(choose=group.id)
