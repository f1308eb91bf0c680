"""A session's comments: those made so far (on its summary, or sent in before it), and a
new one added in the member's own words."""

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
        self.so_far = QPlainTextEdit(comments_text(loaded.comments))
        self.so_far.setReadOnly(True)
        self.so_far.setTabChangesFocus(True)
        self.so_far.setMinimumHeight(self.so_far.fontMetrics().lineSpacing() * 6)
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
        )
        return cls(window, window.runner, window.source, loaded)

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            comments.add_session_comment,
            author_id=self.author.currentData(),
            text=self.text.toPlainText(),
        ), (self.loaded.meeting_id,)
