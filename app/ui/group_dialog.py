"""Starting a group, or changing its name, purpose and its own rules: how long a session
may run, how long between breaks, and the hourly rate members are offered for their time;
and, for a group that exists, whether it has finished its work."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from app.i18n import _
from app.services import groups
from app.services.groups import GroupDetails, GroupSummary
from app.services.timing import duration_words
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, OptionalDate, text_box
from app.ui.money_fields import pence_in, pounds_box
from app.ui.tasks import TaskRunner


class GroupDialog(FormDialog):
    """A new group (``group`` None) or the settings of one that exists."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        group: GroupSummary | None = None,
    ) -> None:
        title = _("Start a new group") if group is None else _("Group settings")
        super().__init__(parent, title, runner, source)
        self.group = group
        chosen = GroupDetails.of(group) if group is not None else GroupDetails("")

        self.name = QLineEdit(chosen.name)
        self.add_field(
            _("Group &name"), self.name, _("Group name"), about=["name", "already a group"]
        )
        self.purpose = text_box(3)
        self.purpose.setPlainText(chosen.purpose)
        self.add_field(
            _("What the group is &for"), self.purpose, _("What the group is for"), about=["purpose"]
        )
        self.partner = QLineEdit(chosen.partner_organisation)
        self.add_field(
            _("&Partner organisation (if any)"),
            self.partner,
            _("Partner organisation"),
            about=["partner"],
        )

        self.session_limit = self._minutes_box(
            chosen.session_limit_minutes,
            groups.SHORTEST_SESSION_LIMIT,
            groups.LONGEST_SESSION_LIMIT,
        )
        self._add_minutes(
            _("&Longest a session should run, in minutes"),
            self.session_limit,
            _("Longest a session should run, in minutes"),
            "session should run",
            _("Sessions planned longer than this are pointed out: {length}."),
        )
        self.break_interval = self._minutes_box(
            chosen.break_interval_minutes,
            groups.SHORTEST_BREAK_INTERVAL,
            groups.LONGEST_BREAK_INTERVAL,
        )
        self._add_minutes(
            _("Longest time &without a break, in minutes"),
            self.break_interval,
            _("Longest time without a break, in minutes"),
            "without a break",
            _("Plans that go longer than this without a break are pointed out: {length}."),
        )

        self.rate = pounds_box(chosen.hourly_rate_pence, groups.HIGHEST_RATE_PENCE)
        self.rate.setSingleStep(0.5)
        self.add_number(
            _("&Hourly rate offered to members, in pounds"),
            self.rate,
            _("Hourly rate offered to members, in pounds"),
            about=["hourly rate"],
        )
        self._note(
            _(
                "Members with lived experience, champions and carers who come are offered this "
                "rate for their time at the end of a session; staff confirm each payment. "
                "Leave it at £0.00 if the group does not pay."
            )
        )
        self.finished: OptionalDate | None = None
        if group is not None:
            self.finished = self.add_optional_date(
                _("This group has finished its wor&k"),
                _("Da&te it finished"),
                _("Date the group finished"),
                chosen.finished_on,
                "group finished",
            )
            self._note(
                _(
                    "A finished group keeps all its members, sessions and decisions. It is "
                    "listed after the groups still going, marked “finished”. Untick this to "
                    "start it again."
                )
            )
        self.finish_layout()

    @classmethod
    def example(cls, window: Any) -> GroupDialog:  # type: ignore[override]
        return cls(window, window.runner, window.source, window.current_group())

    def details(self) -> GroupDetails:
        return GroupDetails(
            name=self.name.text(),
            purpose=self.purpose.toPlainText(),
            partner_organisation=self.partner.text(),
            session_limit_minutes=self.session_limit.value(),
            break_interval_minutes=self.break_interval.value(),
            hourly_rate_pence=pence_in(self.rate),
            finished_on=self.finished.value() if self.finished is not None else None,
        )

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        group_id = self.group.id if self.group is not None else None
        return partial(groups.save_group, group_id=group_id), (self.details(),)

    # -- minutes, said in hours too -------------------------------------------------------

    @staticmethod
    def _minutes_box(value: int, low: int, high: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSingleStep(5)
        box.setSuffix(_(" minutes"))
        box.setValue(value)
        box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        return box

    def _add_minutes(self, text: str, box: QSpinBox, name: str, about: str, sentence: str) -> None:
        self.add_number(text, box, name, about=[about])
        said = self._note("")

        def say(minutes: int) -> None:
            words = sentence.format(length=duration_words(minutes))
            said.setText(words)
            box.setAccessibleDescription(words)
            box.lineEdit().setAccessibleDescription(words)

        box.valueChanged.connect(say)
        say(box.value())

    def _note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.fields.addWidget(note)
        return note
