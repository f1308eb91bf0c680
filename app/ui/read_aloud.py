"""Read aloud, in every window and dialog: the selected text or the focused control's text,
pause and carry on, stop at once, all from the keyboard; what is happening is announced.

``ReadAloud`` is made once, by the main window (``window.read_aloud``, or
``ReadAloud.current()`` from anywhere). Other screens use it through two calls:

- ``speak(text)`` reads any text aloud (the aims at the start of a session, say);
- ``warn(phrase)`` says a short warning (a timer running out) and shows it; where speech is
  not available it beeps instead, so the warning is never lost.

What it says (reading, paused, no speech engine…) goes to the status line of the window the
person is in (live mode's own full-screen window, say), not only to the main window's, which
may be hidden behind it; ``speak`` can be told where instead.

Speech runs on its own thread and process (``app.speech.SpeechService``), never on the GUI
thread: the window stays responsive however long the reading.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMenuBar, QWidget
from shiboken6 import isValid

from app.i18n import _
from app.speech import SpeechService, SpeechState, Voice
from app.ui.every_window_keys import every_window_keys
from app.ui.settings import SPEECH_RATE, SPEECH_VOICE, Settings
from app.ui.speech_text import text_to_read

if TYPE_CHECKING:
    from app.export.audio import MemberAudioWriter
    from app.ui.widgets import StatusLine

READ_KEYS = "Ctrl+Shift+R"
PAUSE_KEYS = "Ctrl+Shift+P"
STOP_KEYS = "Ctrl+Shift+S"


class ReadAloud(QObject):
    """The read-aloud actions and their state; ``state_changed`` carries a ``SpeechState``
    value and, for a failure, the plain message."""

    state_changed = Signal(str, str)
    voices_ready = Signal(object)  # a list of Voice, or a plain message if there are none
    _heard = Signal(str, str)  # from the speech thread, delivered on the GUI thread
    _voices_heard = Signal(object)
    _problem_heard = Signal(str)

    _current: ClassVar[ReadAloud | None] = None

    def __init__(
        self,
        settings: Settings,
        status_line: StatusLine,
        window: QWidget,
        service_factory: Callable[..., SpeechService] = SpeechService,
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.status_line = status_line
        self._telling: StatusLine = status_line  # where the reading now under way is told
        self._factory = service_factory
        self._service: SpeechService | None = None
        self._speech_failed = False
        self._heard.connect(self._on_state, Qt.ConnectionType.QueuedConnection)
        self._voices_heard.connect(self.voices_ready, Qt.ConnectionType.QueuedConnection)
        self._problem_heard.connect(
            lambda message: self.status_line.announce(message, urgent=True),
            Qt.ConnectionType.QueuedConnection,
        )

        self.read_action = self._action(_("&Read aloud"), READ_KEYS, self.read_current, window)
        self.pause_action = self._action(
            _("&Pause or carry on"), PAUSE_KEYS, self.toggle_pause, window
        )
        self.stop_action = self._action(_("&Stop reading"), STOP_KEYS, self.stop, window)
        ReadAloud._current = self

    @classmethod
    def current(cls) -> ReadAloud | None:
        """The main window's read aloud, if a window is open."""
        current = cls._current
        return current if current is not None and isValid(current) else None

    def add_menu(self, bar: QMenuBar) -> QMenu:
        menu = bar.addMenu(_("Read al&oud"))
        for action in (self.read_action, self.pause_action, self.stop_action):
            menu.addAction(action)
        if hasattr(self.parent(), "current_group"):  # a window that shows a group's packs
            menu.addSeparator()
            self.audio_pack_action = QAction(_("Save a pack as &audio…"), self)
            self.audio_pack_action.triggered.connect(lambda _checked=False: self.save_as_audio())
            menu.addAction(self.audio_pack_action)
        return menu

    def save_as_audio(self) -> QDialog | None:
        """Open "Save a pack as audio" for the group shown (it opens without blocking)."""
        from app.ui.speech_pack_dialog import AudioPackDialog

        window = self.parent()
        group = window.current_group()
        if group is None:
            self.status_line.announce(_("Choose a group first."))
            return None
        dialog = AudioPackDialog(window, group)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.activateWindow()
        return dialog

    # -- what other screens call ---------------------------------------------------------

    def speak(self, text: str, *, tell: StatusLine | None = None) -> bool:
        """Read ``text`` aloud (replacing any reading now), telling how it goes on ``tell``
        (by default, the status line where the person is); False if there was nothing to
        read."""
        text = text.strip()
        if not text:
            return False
        self._telling = tell if tell is not None else self.where_person_is()
        rate = self.settings.get(SPEECH_RATE)
        voice = self.settings.get(SPEECH_VOICE) or None
        self._watch(self.service().say(text, rate, voice))
        return True

    def warn(self, phrase: str) -> None:
        """Say and show a short warning; a beep stands in when speech is not available."""
        self.where_person_is().announce(phrase, urgent=True)
        if self._speech_failed:
            QApplication.beep()
        else:
            self.speak(phrase)

    def read_current(self) -> bool:
        """Read the selected text, or else the text of the control with the focus."""
        text = text_to_read()
        if not text:
            self.where_person_is().announce(
                _("There is nothing here to read. Select some text, or move to it, first.")
            )
            return False
        return self.speak(text)

    def toggle_pause(self) -> None:
        service = self._service
        if service is None or not service.is_speaking():
            self.where_person_is().announce(_("Nothing is being read aloud."))
        elif service.is_paused():
            service.resume()
        else:
            service.pause()

    def stop(self) -> None:
        if self._service is None or not self._service.stop():
            self.where_person_is().announce(_("Nothing is being read aloud."))

    def where_person_is(self) -> StatusLine:
        """The status line of the main window the person is in (for a dialog, the window
        it belongs to); this window's when there is no other."""
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        while widget is not None:
            window = widget.window()
            line = getattr(window, "status_line", None)
            if isinstance(window, QMainWindow) and line is not None:
                return line  # type: ignore[no-any-return]
            widget = window.parentWidget()
        return self.status_line

    def is_speaking(self) -> bool:
        return self._service is not None and self._service.is_speaking()

    def load_voices(self) -> None:
        """Ask the engine for its voices; ``voices_ready`` brings them (or a plain message)."""
        future = self.service().voices_later()
        future.add_done_callback(self._voices_done)

    def member_audio_writer(self) -> MemberAudioWriter:
        """The ``write_audio`` for packs for everyone: audio packs made by this window's
        speech, at the usual speed; with no engine, the reason is announced once and those
        members are listed as waiting."""
        from app.export.audio import MemberAudioWriter  # the pack builders: only when used

        return MemberAudioWriter(self.service(), on_problem=self._problem_heard.emit)

    def service(self) -> SpeechService:
        if self._service is None:
            self._service = self._factory(
                lambda state, message: self._heard.emit(state.value, message)
            )
        return self._service

    def close(self) -> None:
        """Stop speaking and end the speech thread (when the window closes)."""
        keys_everywhere = every_window_keys()
        for action in (self.read_action, self.pause_action, self.stop_action):
            if keys_everywhere is not None:
                keys_everywhere.remove(action)
        if self._service is not None:
            self._service.listener = None
            self._service.close()
            self._service = None
        if ReadAloud._current is self:
            ReadAloud._current = None

    # -- inside ------------------------------------------------------------------------

    def _action(self, text: str, keys: str, slot: Callable[[], object], window: QWidget) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        # In every window, and in the dialogs that block them (app.ui.every_window_keys).
        keys_everywhere = every_window_keys()
        if keys_everywhere is not None:
            keys_everywhere.add(action)
        return action

    def _watch(self, future: Future[None]) -> None:
        # The outcome is told through the listener; this only keeps errors from going unseen.
        future.add_done_callback(lambda done: done.exception())

    def _voices_done(self, future: Future[list[Voice]]) -> None:
        problem = future.exception()
        self._voices_heard.emit(str(problem) if problem is not None else future.result())

    def _on_state(self, value: str, message: str) -> None:
        state = SpeechState(value)
        # Told where the reading was asked for, unless that window has gone since.
        line = self._telling if isValid(self._telling) else self.status_line
        if state is SpeechState.FAILED:
            self._speech_failed = True
            line.announce(message, urgent=True)
        else:
            self._speech_failed = False
            line.announce(self._words_for(state))
        self.state_changed.emit(value, message)

    @staticmethod
    def _words_for(state: SpeechState) -> str:
        pause = QKeySequence(PAUSE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        stop = QKeySequence(STOP_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        return {
            SpeechState.SPEAKING: _("Reading aloud. {pause} pauses, {stop} stops."),
            SpeechState.PAUSED: _("Reading paused. {pause} carries on."),
            SpeechState.RESUMED: _("Reading aloud again."),
            SpeechState.FINISHED: _("Finished reading aloud."),
            SpeechState.STOPPED: _("Stopped reading aloud."),
        }[state].format(pause=pause, stop=stop)
