"""Leaving live mode, by keyboard at any time: Escape asks first, Ctrl+W and the Session
menu do not (as the main window's Quit does not), since saving is automatic and nothing is
lost either way. Leaving never closes the session: one left open carries on where it was when
live mode starts on it again; closing it is Ctrl+E."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from app.i18n import _
from app.models.enums import MeetingStatus
from app.ui.dialogs import ask


class LeavingCommands:
    """Part of ``LiveWindow``: uses its state and the main window it goes back to (None when
    live mode was started alone, where leaving ends the program)."""

    state: Any
    main_window: Any
    close: Any  # QWidget.close (an annotation only, so it hides nothing)

    def ask_to_leave(self) -> QMessageBox:
        """Escape asks first: it is easily pressed by mistake in front of a group."""
        closed = self.state is not None and self.state.status == MeetingStatus.HELD
        question = (
            _("Leave live mode? Everything is saved.")
            if closed or self.state is None
            else _(
                "Leave live mode? Everything is saved. The session stays open: start live "
                "mode on it again to carry on, or close it first with Ctrl+E."
            )
        )
        return ask(
            self,  # type: ignore[arg-type]
            question,
            yes=_("&Leave live mode"),
            no=_("&Stay in live mode"),
            on_yes=self.leave,
        )

    def leave(self) -> None:
        """Close live mode at once (nothing is lost: everything is saved as it is typed) and
        bring the main window forward, if there is one."""
        main = self.main_window
        self.close()
        if main is not None and isValid(main) and main.isVisible():
            if main.isMinimized():
                main.showNormal()
            main.raise_()
            main.activateWindow()

    def leave_words(self) -> tuple[str, str]:
        """The button out of a closed session, and its name."""
        if self.main_window is None:  # started alone: leaving ends the program
            return _("Close &live mode"), _("Close live mode")
        return _("&Back to the main window"), _("Back to the main window")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Only what no control took: a dialog, a list or a text box keep their own Escape.
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.ask_to_leave()
            return
        super().keyPressEvent(event)  # type: ignore[misc]
