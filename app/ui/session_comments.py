"""A session's comments: its summary to comment on, the comments made so far (on the
summary, or sent in before the session), and a new one added in the member's own words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.i18n import _
from app.models.enums import Role
from app.services import comments
from app.services.comments import CommentRow, SessionComments
from app.services.decision_log import PersonChoice
from app.ui.comment_dialog import comment_fields
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog
from app.ui.formatting import format_date
from app.ui.tasks import TaskRunner


def comments_text(rows: tuple[CommentRow, ...]) -> str:
    if not rows:
        return _("No comments yet.")
    return "\n\n".join(
        _("{author}, {date}:\n{text}").format(
            author=row.author, date=format_date(row.written_at.date()), text=row.text
        )
        for row in rows
    )


def write_up_text(loaded: SessionComments) -> str:
    parts = []
    if loaded.summary.strip():
        parts.append(_("What happened:\n{text}").format(text=loaded.summary.strip()))
    if loaded.feedback.strip():
        parts.append(
            _("What people said about the session:\n{text}").format(text=loaded.feedback.strip())
        )
    return "\n\n".join(parts) or _("No summary has been written for this session yet.")


def read_only_box(text: str, lines: int) -> QPlainTextEdit:
    """Text to read, select and hear read aloud, but not change; Tab moves on."""
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines)
    return box


class SessionCommentsDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        loaded: SessionComments,
    ) -> None:
        super().__init__(
            parent, _("Comments on {title}").format(title=loaded.title), runner, source
        )
        self.loaded = loaded
        self.write_up = read_only_box(write_up_text(loaded), 4)
        self.add_field(
            _("The session's summar&y (read only)"), self.write_up, _("The session's summary")
        )
        self.so_far = read_only_box(comments_text(loaded.comments), 6)
        self.author, self.text = comment_fields(
            self,
            loaded.members,
            _("The comme&nt, in their words (on the summary, or sent in before the session)"),
        )
        self.add_field(_("Comments so &far (read only)"), self.so_far, _("Comments so far"))
        self.finish_layout()

    @classmethod
    def example(cls, window: Any) -> SessionCommentsDialog:  # type: ignore[override]
        loaded = SessionComments(
            meeting_id=0,
            title="Wheelchair repairs",
            comments=(
                CommentRow(
                    "Tomasz Nowak",
                    "Sent by post: texts are easier for me than letters.",
                    datetime(2025, 3, 1, 9, tzinfo=UTC),
                ),
            ),
            members=(PersonChoice(1, "Tomasz Nowak", Role.LIVED_EXPERIENCE),),
            summary="We heard how long repairs take. Repairs will be booked by text.",
            feedback="The room was warm and the hearing loop worked.",
        )
        return cls(window, window.runner, window.source, loaded)

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            comments.add_session_comment,
            author_id=self.author.currentData(),
            text=self.text.toPlainText(),
        ), (self.loaded.meeting_id,)
