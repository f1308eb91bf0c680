"""Dialogs that change a decision or its actions. Each change is kept in the decision's
history with who made it and why; a refusal keeps the dialog open with the text intact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.i18n import N_, _
from app.models.enums import ActionStatus, AgreementMethod, DecisionStatus, Role
from app.services import decisions
from app.services.decisions import (
    ActionDetails,
    Choice,
    DecisionChoices,
    DecisionDetails,
    HistoryEntry,
    PersonChoice,
)
from app.services.wording import label
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, OptionalDate, combo, text_box
from app.ui.tasks import TaskRunner


def person_words(person: PersonChoice) -> str:
    if person.role is None:
        return person.name
    return _("{name} ({role})").format(name=person.name, role=label(person.role))


def who_box(choices: DecisionChoices, who: str) -> QComboBox:
    """The name of who is making a change: one of the group, or any name typed."""
    box = combo([(person.name, person.id) for person in choices.members])
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setCurrentText(who)
    line = box.lineEdit()
    if isinstance(line, QLineEdit):
        line.setAccessibleName(_("Who is changing it"))
    completer = box.completer()
    if completer is not None:
        # Completed in the line itself: a pop-up list would take the focus mid-word.
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
    return box


def owner_box(choices: DecisionChoices, owner_id: int | None) -> QComboBox:
    people = [(_("No one yet"), None)] + [(person_words(p), p.id) for p in choices.members]
    return combo(people, owner_id)


class DecisionDialog(FormDialog):
    """Shared by the dialogs below: the decision they change and where to save it."""

    TITLE = N_("Change a decision")

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        details: DecisionDetails,
        choices: DecisionChoices,
        who: str = "",
    ) -> None:
        super().__init__(parent, _(self.TITLE), runner, source)
        self.who_box: QComboBox | None = None  # made where it comes in the reading order
        self.details = details
        self.choices = choices
        self.who_default = who

    def who(self) -> str:
        return self.who_box.currentText() if self.who_box is not None else ""

    @classmethod
    def example(cls, window: Any) -> DecisionDialog:
        """A representative dialog on the window's current data (for the accessibility
        walker): the decision shown in the Decisions area, or a made-up one."""
        panel = next((p for p in window.panels if hasattr(p, "details_view")), None)
        details = panel.details_view.details if panel is not None else None
        choices = panel.choices if panel is not None else None
        return cls(
            window,
            window.runner,
            window.source,
            details or EXAMPLE_DETAILS,
            choices or EXAMPLE_CHOICES,
        )


class EditDecisionDialog(DecisionDialog):
    TITLE = N_("Edit the decision")

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
        self.wording = text_box(5)
        self.wording.setPlainText(details.wording)
        self.add_field(
            _("&Wording the group agreed"), self.wording, _("Wording"), about=["wording"]
        )
        self.status = combo([(label(s), s) for s in DecisionStatus], details.status)
        self.add_field(_("S&tatus"), self.status, _("Status"))
        self.how = combo([(label(m), m) for m in AgreementMethod], details.how_agreed)
        self.add_field(_("&How it was agreed"), self.how, _("How it was agreed"))
        self.how_note = QLineEdit(details.how_agreed_note)
        self.add_field(
            _("&Note on how it was agreed"),
            self.how_note,
            _("Note on how it was agreed"),
            about=["how it was agreed"],
        )
        self.aims = QListWidget()
        chosen = {aim.id for aim in details.aims}
        for aim in choices.aims:
            item = QListWidgetItem(aim.text)
            item.setData(Qt.ItemDataRole.UserRole, aim.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if aim.id in chosen else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.aims.addItem(item)
        self.aims.setWordWrap(True)
        if self.aims.count():
            self.aims.setCurrentRow(0)
        self.aims.setMinimumHeight(self.aims.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field(
            _("A&ims it serves (Space ticks or unticks one)"),
            self.aims,
            _("Aims it serves"),
            about=["aims"],
        )
        self.who_box = who_box(choices, who)
        self.add_field(
            _("Who is chan&ging it"), self.who_box, _("Who is changing it"), about=["who is"]
        )
        self.reason = text_box(3)
        self.add_field(
            _("Wh&y it is changing"), self.reason, _("Why it is changing"), about=["reason"]
        )
        self.finish_layout()

    def chosen_aims(self) -> tuple[int, ...]:
        return tuple(
            int(self.aims.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.aims.count())
            if self.aims.item(row).checkState() == Qt.CheckState.Checked
        )

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            decisions.change_decision,
            changed_by=self.who(),
            reason=self.reason.toPlainText(),
            wording=self.wording.toPlainText(),
            status=self.status.currentData(),
            how_agreed=self.how.currentData(),
            how_agreed_note=self.how_note.text(),
            aim_ids=self.chosen_aims(),
            require_reason=True,
        ), (self.details.id,)


class AddActionDialog(DecisionDialog):
    TITLE = N_("Add an action")

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
        self.description = text_box(3)
        self.add_field(
            _("&What will be done"), self.description, _("What will be done"), about=["what will"]
        )
        self.owner = owner_box(choices, None)
        self.add_field(_("Who will &do it"), self.owner, _("Who will do it"), about=["person"])
        self.due = self.add_optional_date(
            _("It has a d&ue date"), _("Due da&te"), _("Due date"), None, "due date"
        )
        self.who_box = who_box(choices, who)
        self.add_field(
            _("Who is &recording it"), self.who_box, _("Who is recording it"), about=["who is"]
        )
        self.finish_layout()

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            decisions.add_action,
            description=self.description.toPlainText(),
            owner_id=self.owner.currentData(),
            due_on=self.due.value(),
            recorded_by=self.who(),
        ), (self.details.id,)


class UpdateActionDialog(DecisionDialog):
    """Move one of the decision's actions on: its owner, due date, status and "we did"."""

    TITLE = N_("Update an action")

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
        # The first action still to do, as that is the one most likely to move on.
        first = next((a for a in details.actions if a.is_open), None) or next(
            iter(details.actions), None
        )
        # A list rather than a drop-down: each action's words wrap and are read in full.
        self.action = QListWidget()
        self.action.setWordWrap(True)
        for action in details.actions:
            item = QListWidgetItem(action.description)
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            self.action.addItem(item)
        if first is not None:
            self.action.setCurrentRow(details.actions.index(first))
        self.action.setMinimumHeight(self.action.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field(_("&Action to update"), self.action, _("Action to update"))
        current = self.current_action()
        self.description = text_box(3)
        self.add_field(
            _("What will &be done"), self.description, _("What will be done"), about=["what will"]
        )
        self.owner = owner_box(choices, None)
        self.add_field(_("Who will &do it"), self.owner, _("Who will do it"), about=["person"])
        self.due = self.add_optional_date(
            _("It has a d&ue date"), _("Due da&te"), _("Due date"), None, "due date"
        )
        self.status = combo([(label(s), s) for s in ActionStatus])
        self.add_field(_("&Status"), self.status, _("Status"))
        self.outcome = text_box(3)
        self.add_field(_("What &we did"), self.outcome, _("What we did"), about=["what was done"])
        self.done_date = self.add_optional_date(
            _("It was done on a known dat&e"), _("Date do&ne"), _("Date done"), None, "date it was"
        )
        self.who_box = who_box(choices, who)
        self.add_field(
            _("Who is chan&ging it"), self.who_box, _("Who is changing it"), about=["who is"]
        )
        self.reason = text_box(2)
        self.add_field(_("Wh&y (if you want to say)"), self.reason, _("Why"), about=["reason"])
        self.save_button.setText(_("Sa&ve"))
        self.action.currentRowChanged.connect(self._show_action)
        if current is not None:
            self._show_action()
        self.finish_layout()

    def chosen_action_id(self) -> int | None:
        item = self.action.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def current_action(self) -> ActionDetails | None:
        wanted = self.chosen_action_id()
        return next((a for a in self.details.actions if a.id == wanted), None)

    def _show_action(self, *_args: object) -> None:
        action = self.current_action()
        if action is None:
            return
        self.description.setPlainText(action.description)
        self.owner.setCurrentIndex(max(self.owner.findData(action.owner_id), 0))
        _set_date(self.due, action.due_on)
        self.status.setCurrentIndex(max(self.status.findData(action.status), 0))
        self.outcome.setPlainText(action.outcome)
        _set_date(self.done_date, action.done_on)

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            decisions.update_action,
            changed_by=self.who(),
            description=self.description.toPlainText(),
            owner_id=self.owner.currentData(),
            due_on=self.due.value(),
            status=self.status.currentData(),
            outcome=self.outcome.toPlainText(),
            done_on=self.done_date.value(),
            reason=self.reason.toPlainText(),
        ), (self.chosen_action_id(),)


def _set_date(field: OptionalDate, value: date | None) -> None:
    field.check.setChecked(value is not None)
    if value is not None:
        field.editor.setDate(QDate(value.year, value.month, value.day))


EXAMPLE_CHOICES = DecisionChoices(
    statuses=tuple(DecisionStatus),
    aims=(Choice(1, "Repairs within two weeks"), Choice(2, "Letters in plain words")),
    sessions=(),
    owners=(),
    members=(
        PersonChoice(1, "Margaret O'Neill", Role.CHAMPION),
        PersonChoice(2, "Dev", Role.STAFF),
    ),
)
EXAMPLE_DETAILS = DecisionDetails(
    id=0,
    group_id=0,
    wording="Repair requests will be answered within two working days.",
    decided_on=date(2025, 3, 4),
    status=DecisionStatus.IN_PROGRESS,
    how_agreed=AgreementMethod.CONSENSUS,
    how_agreed_note="",
    raised_by_id=1,
    raised_by="Margaret O'Neill",
    raised_by_role=Role.CHAMPION,
    meeting_id=None,
    meeting_title="",
    meeting_starts_at=None,
    aims=(Choice(1, "Repairs within two weeks"),),
    actions=(
        ActionDetails(
            id=0,
            description="Ask the provider for its repair figures each month.",
            owner_id=2,
            owner="Dev",
            due_on=date(2025, 4, 1),
            status=ActionStatus.IN_PROGRESS,
            outcome="",
            done_on=None,
        ),
    ),
    comments=(),
    history=(
        HistoryEntry(
            datetime(2025, 3, 4, 12).astimezone(),
            "Aisha",
            "recorded",
            "",
            "Repair requests will be answered within two working days.",
            "",
            None,
        ),
    ),
)
