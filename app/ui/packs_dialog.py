"""The pack dialog: choose a pack and how it looks, see its real pages, print it or save it.

The pack is made, drawn and printed on the worker thread; the dialog only shows what
comes back, so the window stays usable while a long pack is being made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ngettext
from app.services.groups import GroupSummary
from app.services.meetings import list_sessions
from app.services.pack_defaults import PackDefaults
from app.services.packs import PackKind
from app.services.people import list_members
from app.ui.data import DataSource
from app.ui.decision_form import announcer
from app.ui.display import base_point_size
from app.ui.file_chooser import file_chooser
from app.ui.formatting import window_title
from app.ui.packs_options import PackOptions
from app.ui.packs_pages import (
    RenderedPack,
    print_pages,
    render_pack,
    save_pdf,
    suggested_name,
    whole_pdf,
)
from app.ui.packs_preview import SCREEN_DPI, PagePreview, zoom_for_text_size
from app.ui.tasks import TaskRunner
from app.ui.titled_dialog import Dialog
from app.ui.widgets import StatusLine, fit_to_screen, scrolling

# Wait this long after the last change before making the preview again.
SETTLE_MS = 350
# Narrower than this many characters, the preview goes under the choices.
SIDE_BY_SIDE_CHARS = 110


class PackDialog(Dialog):
    def __init__(
        self,
        parent: QWidget | None,
        source: DataSource,
        runner: TaskRunner,
        group: GroupSummary,
        meeting_id: int | None = None,
        defaults: PackDefaults | None = None,
        kind: PackKind | None = None,
    ) -> None:
        super().__init__(parent)
        self.source, self.runner, self.group = source, runner, group
        self._wanted_meeting = meeting_id
        self.rendered: RenderedPack | None = None
        self._asked = 0  # the number of the newest preview asked for
        self._printer: QPrinter | None = None
        self._closed = False
        # Once the dialog is closed, a save or print still under way reports to the window.
        self._tell_window = announcer(parent) if parent is not None else None
        title = _("Pack for {group}").format(group=group.name)
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)

        self.options = PackOptions(defaults)
        if kind is not None:
            self.options.kind_box.setCurrentIndex(self.options.kind_box.findData(kind))
        options_page = QWidget()
        options_column = QVBoxLayout(options_page)
        group_label = QLabel(_("Group: {group}").format(group=group.name))
        group_label.setWordWrap(True)
        group_label.setTextFormat(Qt.TextFormat.PlainText)
        options_column.addWidget(group_label)
        options_column.addWidget(self.options)
        options_column.addStretch(1)
        options_scroller = scrolling(options_page, framed=True)

        self.preview = PagePreview()
        text_scale = QApplication.font().pointSizeF() / base_point_size()
        self.preview.set_zoom(zoom_for_text_size(text_scale))
        # Side by side when there is room; the preview under the choices when there is not.
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(options_scroller, 2)
        self.body.addWidget(self.preview, 3)

        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setAccessibleName(_("Print"))
        self.save_button = QPushButton(_("Save &as…"))
        self.save_button.setAccessibleName(_("Save as"))
        self.close_button = QPushButton(_("&Close"))
        self.close_button.setAccessibleName(_("Close"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_pack)
        self.save_button.clicked.connect(self.save_as)
        self.status_line = StatusLine()

        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.status_line)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # Enter in a choice saves the pack, once it is ready
        self._set_ready(False)

        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self.options.changed.connect(self._settle.start)
        self.options.said.connect(self._say)
        fit_to_screen(self, 150, 40)
        self.status_line.show_quietly(_("Loading the sessions…"))
        runner.run(source.call, list_members, group.id, on_done=self._members_loaded)
        runner.run(
            source.call,
            list_sessions,
            group.id,
            on_done=self._sessions_loaded,
            on_error=self._failed,
        )

    @classmethod
    def example(cls, window: Any) -> PackDialog:
        group = window.current_group() or GroupSummary(0, _("Example group"), "", "", 0, 120, 45, 0)
        sessions = next((p for p in window.panels if hasattr(p, "chosen_session")), None)
        chosen = sessions.chosen_session() if sessions is not None else None
        display = getattr(window, "display", None)
        defaults = display.pack_defaults() if display is not None else None
        meeting_id = chosen.id if chosen is not None else None
        return cls(window, window.source, window.runner, group, meeting_id, defaults)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        # One above the other, the choices get as much room as the pages.
        self.body.setStretch(0, 1 if narrow else 2)
        self.body.setStretch(1, 1 if narrow else 3)
        super().resizeEvent(event)

    def done(self, result: int) -> None:
        # Nothing more is asked of the worker once the dialog is closed.
        self._closed = True
        self._settle.stop()
        super().done(result)

    # -- making the preview ---------------------------------------------------------------

    def _members_loaded(self, rows: list) -> None:  # type: ignore[type-arg]
        if not self._closed:
            self.options.set_members(rows)

    def _sessions_loaded(self, rows: list) -> None:  # type: ignore[type-arg]
        if self._closed:
            return
        self.options.set_sessions(rows, self._wanted_meeting)
        self.refresh()

    def refresh(self) -> None:
        """Make the pack again with the choices as they are now, and show its pages."""
        self._settle.stop()
        if self._closed:
            return
        request = self.options.request(self.group.id)
        self._asked += 1
        self.rendered = None
        self._set_ready(False)
        if request is None:
            self.preview.show_message(_("This group has no sessions yet, so there is no pack."))
            return
        self.status_line.show_quietly(_("Making the preview…"))
        self.runner.run(
            self.source.call,
            render_pack,
            request,
            float(SCREEN_DPI),
            on_done=partial(self._rendered, self._asked),
            on_error=partial(self._preview_failed, self._asked),
        )

    def _rendered(self, asked: int, rendered: RenderedPack) -> None:
        if asked != self._asked or self._closed:
            return  # the choices changed while it was being made: a newer one is coming
        self.rendered = rendered
        self.preview.show_pages(
            rendered.pages, rendered.page_count, float(SCREEN_DPI), whole=rendered.complete
        )
        self._set_ready(True)
        if rendered.complete:
            words = ngettext(
                "Preview ready: {title}, {count} page.",
                "Preview ready: {title}, {count} pages.",
                rendered.page_count,
            )
        else:
            words = _("Preview ready: the start of {title}.")
        self.status_line.announce(words.format(title=rendered.title, count=rendered.page_count))

    def _preview_failed(self, asked: int, message: str) -> None:
        if asked == self._asked and not self._closed:
            self.preview.show_message(message)
            self._failed(message)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _failed(self, message: str) -> None:
        self._say(message, urgent=True)

    def _say(self, message: str, *, urgent: bool = False) -> None:
        if not self._closed:
            self.status_line.announce(message, urgent=urgent)
        elif self._tell_window is not None:
            self._tell_window(message, urgent=urgent)

    # -- printing and saving ------------------------------------------------------------

    def print_pack(self) -> QPrintDialog | None:
        """The system's print dialog; printing starts when the person chooses Print."""
        if self.rendered is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.rendered.title)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_with(printer))
        self._printer = printer
        dialog.open()
        return dialog

    def print_with(self, printer: QPrinter) -> None:
        if self.rendered is None:
            return
        self._printer = printer  # kept until printing is done
        self.status_line.announce(_("Printing…"))
        self._with_whole_pdf(
            lambda pdf: self.runner.run(
                print_pages, pdf, printer, on_done=self._printed, on_error=self._failed
            )
        )

    def _printed(self, count: int) -> None:
        self._say(
            ngettext(
                "Sent {count} page to the printer.", "Sent {count} pages to the printer.", count
            ).format(count=count)
        )

    def save_as(self) -> QFileDialog | None:
        """Asks where to save the pack (without stopping the window), then saves it there."""
        if self.rendered is None:
            return None
        request = self.rendered.request
        session = self.options.chosen_session() if request.kind != PackKind.DECISIONS else None
        name = suggested_name(
            request.kind, self.group.name, session.starts_at if session else None, request.look
        )
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = file_chooser(self, _("Save the pack as"), Path(folder) / name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(_("PDF files (*.pdf)"))
        dialog.fileSelected.connect(self.save_to)
        dialog.open()
        return dialog

    def save_to(self, path: str | Path) -> None:
        if self.rendered is None:
            return
        self.status_line.show_quietly(_("Saving…"))
        self._with_whole_pdf(
            lambda pdf: self.runner.run(
                save_pdf, pdf, Path(path), on_done=self._saved, on_error=self._failed
            )
        )

    def _with_whole_pdf(self, then: Callable[[bytes], object]) -> None:
        """``then(pdf)`` with the whole pack: made first if the preview showed only its start."""
        rendered = self.rendered
        if rendered is None:
            return
        if rendered.complete:
            then(rendered.pdf)
            return
        self.status_line.announce(_("Making the whole pack. A long one can take a minute…"))

        def made(pdf: bytes) -> None:
            if not self._closed and self.rendered is rendered:  # a second Save or Print is quick
                self.rendered = replace(rendered, pdf=pdf, complete=True)
            then(pdf)

        self.runner.run(
            self.source.call, whole_pdf, rendered.request, on_done=made, on_error=self._failed
        )

    def _saved(self, path: Path) -> None:
        self._say(_("Saved the pack as {path}.").format(path=path))
