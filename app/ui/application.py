"""Starting and stopping the desktop app.

``run_application(folder, smoke=False)`` makes (or reuses) the QApplication, applies the
saved text size, opens the data file (explaining in plain words anything that stops it),
offers the example groups to a new user, shows the main window and, at the end, closes
the data file. Faults are logged, never shown as a traceback.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME, STARTED
from app.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseTooNew,
    RoundtableError,
    StorageError,
)
from app.i18n import N_, _
from app.ui.dialogs import ConsoleDialogs, Dialogs, MessageBoxDialogs, show_message
from app.ui.display import Display, TextSize
from app.ui.focus_ring import install_focus_ring
from app.ui.formatting import format_datetime
from app.ui.language import choose_language, follow_language
from app.ui.main_window import MainWindow
from app.ui.screens import keep_screens
from app.ui.settings import Settings
from app.ui.tasks import TaskRunner, fault_message

if TYPE_CHECKING:
    from app.storage import Database, Store
    from app.ui.data import DataSource

log = logging.getLogger(__name__)

EXAMPLE_QUESTION = N_(
    "This is a new, empty Roundtable. Would you like to add the example groups so you can "
    "try everything?"
)
SMOKE_TIMEOUT_MS = 60_000


def run_application(
    folder: Path, *, smoke: bool = False, live: str | None = None, database_url: str | None = None
) -> int:
    """Run the app on the data in ``folder`` (or, given ``database_url``, on that shared
    server, with the settings and log still in ``folder``); the exit code (0 fine, 1 could
    not run).

    With ``smoke``, nothing waits for a person: no dialog is shown (problems are printed
    to stderr), the main window is drawn once and closed, and no example data is offered.
    An existing QApplication (as in tests) is used rather than a new one, and is left as
    it was found: its font and ``sys.excepthook`` are put back.
    """
    app, made_here = _qt_application()
    previous_handler = qInstallMessageHandler(_log_qt_message)
    previous_hook = sys.excepthook
    previous_font = QFont(app.font())
    faults = FaultReporter(smoke=smoke)
    sys.excepthook = faults
    dialogs: Dialogs = ConsoleDialogs() if smoke else MessageBoxDialogs()
    try:
        return _run(app, folder, dialogs, faults, smoke=smoke, live=live, database_url=database_url)
    except Exception:
        log.exception("fault while starting or running")
        dialogs.tell(
            _("Roundtable stopped because of a fault of its own. Nothing you had saved was lost.")
            + _log_file_sentence(),
            problem=True,
        )
        return 1
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
        if not made_here:
            app.setFont(previous_font)


def _run(
    app: QApplication,
    folder: Path,
    dialogs: Dialogs,
    faults: FaultReporter,
    *,
    smoke: bool,
    live: str | None = None,
    database_url: str | None = None,
) -> int:
    settings = Settings.in_folder(folder)
    text_size = TextSize(settings)
    display = Display(settings, text_size)
    display.apply_saved()  # look, font and size before any dialog, so those use them too
    install_focus_ring(app)
    runner = TaskRunner()
    window: MainWindow | None = None
    if live is None:
        # The window's frame is drawn before the data layer is even imported, so a person
        # sees Roundtable at once; the areas fill in when the data file is open.
        window = MainWindow(None, runner, settings, text_size, display=display)
        window.resize(_starting_size())
        window.show()
        _draw_now(window)
        first_drawn = time.perf_counter()
    db = open_data(folder, dialogs, offer_restore=not smoke, database_url=database_url)
    if db is None:
        _finish(window, runner, None, daily_backup=False)
        return 1
    from app.ui.data import DataSource

    source = DataSource(db, folder)
    try:
        if live is not None:
            return _run_live(app, source, runner, live, dialogs, settings, text_size, smoke=smoke)
        assert window is not None
        wants_examples = False if smoke else offer_example_data(db, dialogs)
        window.attach(source)
        if smoke:
            return _draw_once(window, runner, faults, first_drawn)
        for warning in db.warnings:
            show_message(window, warning, problem=True)
            window.status_line.announce(warning, urgent=True)
        if source.on_server:
            window.status_line.announce(source.where())
        if wants_examples:
            window.add_example_data()
        else:
            window.load_groups()
        window.file_actions.check_at_start()
        runner.run(source.daily_backup, on_error=window.status_line.announce)
        return app.exec()
    finally:
        _finish(window, runner, source, daily_backup=not smoke)


def _run_live(
    app: QApplication,
    source: DataSource,
    runner: TaskRunner,
    reference: str,
    dialogs: Dialogs,
    settings: Settings,
    text_size: TextSize,
    *,
    smoke: bool = False,
) -> int:
    """Live session mode straight away: the session's window is the only one."""
    from app.ui.live.start import add_read_aloud, drawn_once, find_meeting_id, open_live_window

    try:
        meeting_id = find_meeting_id(source, reference)
    except RoundtableError as error:
        dialogs.tell(str(error), problem=True)
        return 1
    window = open_live_window(
        source, runner, meeting_id, full_screen=not smoke, text_size=text_size
    )
    add_read_aloud(window, settings)
    try:
        if smoke:
            problem = drawn_once(window, runner, SMOKE_TIMEOUT_MS)
            if problem:
                print(problem, file=sys.stderr)
            return 1 if problem else 0
        return app.exec()
    finally:
        window.close()
        window.deleteLater()


def open_data(
    folder: Path, dialogs: Dialogs, *, offer_restore: bool, database_url: str | None = None
) -> Store | None:
    """The open data (the file, or a shared server at ``database_url``), or None once the
    person has been told why it cannot be opened."""
    from app.storage import open_database, open_store

    if database_url:
        try:
            return open_store(folder, database_url)
        except StorageError as error:
            dialogs.tell(str(error), problem=True)
            return None
    try:
        # The quick check reads every page; the window runs it once it is up.
        return open_database(folder, quick_check_later=True)
    except DatabaseDamaged as error:
        if not offer_restore:
            dialogs.tell(str(error), problem=True)
            return None
        return _offer_restore(folder, error, dialogs)
    except (DatabaseInUse, DatabaseTooNew, StorageError) as error:
        dialogs.tell(str(error), problem=True)
        return None


def _offer_restore(folder: Path, error: DatabaseDamaged, dialogs: Dialogs) -> Database | None:
    from app.services import maintenance
    from app.storage import open_database

    log.warning("data file damaged; looking for a backup")
    try:
        backup = maintenance.latest_good_backup(folder)
    except (OSError, RoundtableError):
        log.exception("could not look for backups")
        backup = None
    if backup is None:
        dialogs.tell(
            str(error)
            + "\n\n"
            + _(
                "There is no good backup to put back, so Roundtable will close now. "
                "Please ask for help with the file; it has not been changed."
            ),
            problem=True,
        )
        return None
    when = format_datetime(backup.made_at.astimezone())
    question = _(
        "Roundtable's data file looks damaged, so it cannot be opened.\n\n"
        "The latest good backup was made on {when}. Roundtable can put it back in place. "
        "The damaged file will not be deleted: it will be kept in the backups folder, "
        "{folder}.\n\nPut back the backup from {when}?"
    ).format(when=when, folder=folder / "backups")
    if not dialogs.ask(question, yes=_("Put back the backup"), no=_("Quit")):
        return None
    try:
        restored = maintenance.restore(folder, backup.path)
        db = open_database(folder)
    except StorageError as problem:
        dialogs.tell(str(problem), problem=True)
        return None
    kept = restored.replaced_copy or folder / "backups"
    dialogs.tell(
        _(
            "Put back the backup from {when}. Anything saved after that time is not in it. "
            "The damaged file is kept at {path}."
        ).format(when=when, path=kept)
    )
    return db


def offer_example_data(db: Store, dialogs: Dialogs) -> bool:
    """Ask a new user whether to add the example groups; True if they would like them."""
    try:
        from app.services import example_data
    except ImportError:
        log.warning("example data is not available in this copy")
        return False
    if not example_data.is_empty(db):
        return False
    return dialogs.ask(_(EXAMPLE_QUESTION), yes=_("Add the example groups"), no=_("Start empty"))


class FaultReporter:
    """``sys.excepthook`` while the app runs: log the fault, tell the person plainly."""

    def __init__(self, *, smoke: bool) -> None:
        self.smoke = smoke
        self.count = 0
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.count += 1
        if isinstance(error, RoundtableError):
            message = str(error)
            log.warning("refused: %s", kind.__name__)
        else:
            log.error("unexpected fault", exc_info=(kind, error, trace))
            message = fault_message() + _log_file_sentence()
        app = QApplication.instance()
        if self.smoke or app is None or self._showing:
            print(message, file=sys.stderr)
            return
        self._showing = True
        box = show_message(QApplication.activeWindow(), message, problem=True)
        box.finished.connect(self._shown)

    def _shown(self, *_args: object) -> None:
        self._showing = False


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not into the person's terminal."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _log_file_sentence() -> str:
    for handler in logging.getLogger().handlers:
        path = getattr(handler, "baseFilename", None)
        if path and getattr(handler, "roundtable", False):
            return " " + _("Details are in {path}.").format(path=path)
    return ""


def _qt_application() -> tuple[QApplication, bool]:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app, made_here = existing, False
    else:
        app, made_here = QApplication(sys.argv[:1]), True
    keep_screens(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    if made_here:
        choose_language(QLocale.system().uiLanguages())
        follow_language(app)
    return app, made_here


def _starting_size() -> QSize:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1100, 750)
    available = screen.availableGeometry().size()
    return QSize(min(1200, available.width() * 9 // 10), min(800, available.height() * 9 // 10))


def _draw_now(window: MainWindow) -> None:
    """Paint the window now, rather than when the event loop next runs."""
    QCoreApplication.processEvents()
    window.repaint()


def _draw_once(
    window: MainWindow, runner: TaskRunner, faults: FaultReporter, first_drawn: float
) -> int:
    window.load_groups()
    if not runner.wait_idle(SMOKE_TIMEOUT_MS):
        print(_("Roundtable's window did not finish loading within a minute."), file=sys.stderr)
        return 1
    QCoreApplication.processEvents()
    if window.grab().isNull():
        print(_("Roundtable could not draw its window."), file=sys.stderr)
        return 1
    print(
        _(
            "Drew the window {drawn:.2f} s after starting, and the data in it after {ready:.2f} s."
        ).format(drawn=first_drawn - STARTED, ready=time.perf_counter() - STARTED)
    )
    return 1 if faults.count else 0


def _finish(
    window: MainWindow | None,
    runner: TaskRunner,
    source: DataSource | None,
    *,
    daily_backup: bool,
) -> None:
    """Stop cleanly: finish the jobs already asked for, back up if due, close the file."""
    if window is not None:
        window.close()
    try:
        if daily_backup and source is not None:
            runner.run(source.daily_backup)
        runner.shutdown(wait=True)
    except Exception:
        log.exception("fault while finishing the last jobs")
    finally:
        if source is not None:
            source.close()
        if window is not None:
            window.deleteLater()
