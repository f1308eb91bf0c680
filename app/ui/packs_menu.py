"""The Packs menu, and opening the pack dialogs from anywhere in the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from app.i18n import _
from app.services.packs import PackKind
from app.ui.packs_dialog import PackDialog
from app.ui.packs_everyone import PacksForEveryoneDialog


def add_packs_menu(window: Any, bar: QMenuBar) -> QMenu:
    """Adds "Packs" to the main window's menu bar."""
    menu = bar.addMenu(_("&Packs"))
    for text, keys, slot in (
        (_("&Pack for a session…"), "Ctrl+P", lambda: open_pack_dialog(window)),
        (
            _("&Decision log pack…"),
            "",
            lambda: open_pack_dialog(window, kind=PackKind.DECISIONS),
        ),
        (_("Packs for &everyone…"), "", lambda: open_packs_for_everyone(window)),
    ):
        action = QAction(text, window)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        window.addAction(action)
        menu.addAction(action)
    return menu


def _chosen_session_id(window: Any) -> int | None:
    panel = next((p for p in getattr(window, "panels", []) if hasattr(p, "chosen_session")), None)
    chosen = panel.chosen_session() if panel is not None else None
    return chosen.id if chosen is not None else None


def _group_or_say(window: Any):  # type: ignore[no-untyped-def]
    group = window.current_group()
    if group is None:
        window.status_line.announce(_("Please choose a group first."))
    return group


def open_pack_dialog(
    window: Any, *, kind: PackKind | None = None, meeting_id: int | None = None
) -> PackDialog | None:
    """The pack dialog for the group shown, on ``meeting_id`` or the session chosen."""
    group = _group_or_say(window)
    if group is None:
        return None
    display = getattr(window, "display", None)
    dialog = PackDialog(
        window,
        window.source,
        window.runner,
        group,
        meeting_id if meeting_id is not None else _chosen_session_id(window),
        display.pack_defaults() if display is not None else None,
        kind,
    )
    return _show(dialog)


def open_packs_for_everyone(
    window: Any, meeting_id: int | None = None
) -> PacksForEveryoneDialog | None:
    group = _group_or_say(window)
    if group is None:
        return None
    display = getattr(window, "display", None)
    font = display.pack_defaults().font.key if display is not None else "atkinson-hyperlegible"
    # Members who asked for audio get it, made by the window's speech (app.ui.read_aloud).
    read_aloud = getattr(window, "read_aloud", None)
    dialog = PacksForEveryoneDialog(
        window,
        window.source,
        window.runner,
        group,
        meeting_id if meeting_id is not None else _chosen_session_id(window),
        font,
        read_aloud.member_audio_writer() if read_aloud is not None else None,
        settings=window.settings,
    )
    return _show(dialog)


def _show(dialog: QWidget):  # type: ignore[no-untyped-def]
    # Not modal: the main window stays usable while a pack is made or looked at.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    return dialog
