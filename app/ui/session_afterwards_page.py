"""The session editor's "Afterwards" page: what happened, in a few lines, and what people
said about the session. Both are written after it and go into the pack sent afterwards, the
first at its start and the second at its end; left empty, they are left out."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import _
from app.services.meetings import SessionDetails
from app.ui.member_fields import LinesEdit
from app.ui.session_venue import labelled

BOX_LINES = 6


class AfterwardsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        about = QLabel(
            _(
                "Write these after the session. The pack sent afterwards starts with what "
                "happened and ends with what people said. Anything left empty is left out."
            )
        )
        about.setWordWrap(True)
        self.summary = LinesEdit(BOX_LINES)
        self.feedback = LinesEdit(BOX_LINES)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(
            labelled(
                _("What &happened, in a few lines:"), self.summary, _("What happened, in short")
            )
        )
        layout.addWidget(self.summary)
        layout.addWidget(
            labelled(
                _("What people sa&id about the session:"),
                self.feedback,
                _("What people said about the session"),
            )
        )
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        for box in (self.summary, self.feedback):
            box.setAccessibleDescription(_("Tab moves on; Enter starts a new line."))

    def load(self, details: SessionDetails) -> None:
        for box, text in ((self.summary, details.summary), (self.feedback, details.feedback)):
            box.blockSignals(True)
            box.setPlainText(text)
            box.blockSignals(False)

    def values(self) -> dict[str, str]:
        return {"summary": self.summary.toPlainText(), "feedback": self.feedback.toPlainText()}
