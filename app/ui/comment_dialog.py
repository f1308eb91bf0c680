"""Adding a comment to a decision: whose it is and what they said, in their own words."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import N_, _
from app.services import comments
from app.services.decisions import DecisionChoices, DecisionDetails
from app.ui.data import DataSource
from app.ui.decision_dialogs import DecisionDialog, person_words
from app.ui.decision_form import combo, text_box
from app.ui.tasks import TaskRunner


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
        self.author = combo(
            [(_("Not said"), None)] + [(person_words(p), p.id) for p in choices.members]
        )
        self.add_field(
            _("&Whose comment is it?"), self.author, _("Whose comment"), about=["people in"]
        )
        self.text = text_box(6)
        self.add_field(
            _("The comme&nt, in their words"), self.text, _("Comment"), about=["comment"]
        )
        self.save_button.setText(_("&Add the comment"))
        self.save_button.setAccessibleName(_("Add the comment"))
        self.finish_layout()

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            comments.add_comment, author_id=self.author.currentData(), text=self.text.toPlainText()
        ), (self.details.id,)
