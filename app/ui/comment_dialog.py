"""Comments in members' own words: the fields every comment has (whose it is, and what they
said), and the dialog that adds one to a decision."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from app.i18n import N_, _
from app.services import comments
from app.services.decisions import DecisionChoices, DecisionDetails, PersonChoice
from app.ui.data import DataSource
from app.ui.decision_dialogs import DecisionDialog, person_words
from app.ui.decision_form import FormDialog, combo, text_box
from app.ui.tasks import TaskRunner


def comment_fields(
    dialog: FormDialog, members: Sequence[PersonChoice], label: str
) -> tuple[QComboBox, QPlainTextEdit]:
    """Whose comment it is (a member, or not said) and its words; the dialog's save button
    becomes "Add the comment"."""
    author = combo([(_("Not said"), None)] + [(person_words(p), p.id) for p in members])
    dialog.add_field(_("&Whose comment is it?"), author, _("Whose comment"), about=["people in"])
    text = text_box(6)
    dialog.add_field(label, text, _("Comment"), about=["comment"])
    dialog.save_button.setText(_("&Add the comment"))
    dialog.save_button.setAccessibleName(_("Add the comment"))
    return author, text


class AddCommentDialog(DecisionDialog):
    TITLE = N_("Comment on the decision")

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        details: DecisionDetails,
        choices: DecisionChoices,
        who: str = "",
    ) -> None:
        super().__init__(parent, runner, source, details, choices, who)
        decision = QLabel(_("The decision: {wording}").format(wording=details.wording))
        decision.setWordWrap(True)
        decision.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.addWidget(decision)
        self.author, self.text = comment_fields(
            self, choices.members, _("The comme&nt, in their words")
        )
        self.finish_layout()

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            comments.add_comment, author_id=self.author.currentData(), text=self.text.toPlainText()
        ), (self.details.id,)
