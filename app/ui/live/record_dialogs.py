"""Turning words from the notes into a decision (in the wording the group agrees on screen,
with who raised it) or an action (who does it, by when)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.i18n import _
from app.services import live_actions
from app.services.live import LiveDecision, LivePerson
from app.ui.data import DataSource
from app.ui.decision_form import FormDialog, combo, text_box
from app.ui.formatting import shorten
from app.ui.live.screen import NotesBox
from app.ui.tasks import TaskRunner


def people_choices(people: Sequence[LivePerson], nobody: str) -> list[tuple[str, Any]]:
    return [(nobody, None), *((person.name, person.id) for person in people)]


def _example_people() -> list[LivePerson]:
    from app.models.enums import AttendanceStatus, Role

    return [
        LivePerson(1, "Margaret O'Neill", Role.CHAMPION, AttendanceStatus.PRESENT, False, ""),
        LivePerson(2, "Dev Sharma", Role.STAFF, AttendanceStatus.PRESENT, False, ""),
    ]


class LiveDecisionDialog(FormDialog):
    """The decision in the group's agreed words, and who raised it."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        meeting_id: int,
        wording: str,
        people: Sequence[LivePerson],
        raised_by: int | None = None,
    ) -> None:
        super().__init__(parent, _("Record a decision"), runner, source)
        self.meeting_id = meeting_id
        # Large, as the notes are: the group reads and agrees these words on the screen.
        self.wording = NotesBox()
        self.wording.setPlainText(wording.strip())
        self.add_field(
            _("&The decision, in the words the group agreed"),
            self.wording,
            _("The decision's wording"),
            about=["wording"],
        )
        self.raised_by = combo(people_choices(people, _("Not recorded")), raised_by)
        self.add_field(_("&Who raised it"), self.raised_by, _("Who raised it"), about=["raised"])
        self.finish_layout()
        self.wording.setFocus()

    @classmethod
    def example(cls, window: Any) -> LiveDecisionDialog:  # type: ignore[override]
        return cls(
            window,
            window.runner,
            window.source,
            0,
            "Repairs will be booked by phone or by text.",
            _example_people(),
            1,
        )

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            live_actions.record_decision,
            wording=self.wording.toPlainText(),
            raised_by_id=self.raised_by.currentData(),
        ), (self.meeting_id,)


class LiveActionDialog(FormDialog):
    """Who will do what next, and by when."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        meeting_id: int,
        description: str,
        people: Sequence[LivePerson],
        decisions: Sequence[LiveDecision] = (),
    ) -> None:
        super().__init__(parent, _("Record an action"), runner, source)
        self.meeting_id = meeting_id
        self.description = text_box(3)
        self.description.setPlainText(description.strip())
        self.add_field(
            _("&What will be done"), self.description, _("What will be done"), about=["done"]
        )
        self.owner = combo(people_choices(people, _("Nobody yet")))
        self.add_field(_("Who will do &it"), self.owner, _("Who will do it"), about=["doing"])
        self.due = self.add_optional_date(
            _("It has a &due date"), _("D&ue by"), _("Due date"), None, "due"
        )
        latest = decisions[-1].id if decisions else None
        self.follows = combo(
            [(_("No decision"), None), *((shorten(d.wording, 80), d.id) for d in decisions)],
            latest,
        )
        self.add_field(
            _("It &follows from the decision"), self.follows, _("The decision it follows from")
        )
        self.finish_layout()
        self.description.setFocus()

    @classmethod
    def example(cls, window: Any) -> LiveActionDialog:  # type: ignore[override]
        return cls(
            window,
            window.runner,
            window.source,
            0,
            "Ask the service about booking by text.",
            _example_people(),
            [LiveDecision(1, "Repairs will be booked by phone or by text.", "Margaret O'Neill")],
        )

    def due_on(self) -> date | None:
        return self.due.value()

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(
            live_actions.record_action,
            description=self.description.toPlainText(),
            owner_id=self.owner.currentData(),
            due_on=self.due.value(),
            decision_id=self.follows.currentData(),
        ), (self.meeting_id,)


class SupporterDialog(FormDialog):
    """Who came to support a member: a name, or none if it was not given."""

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        source: DataSource,
        meeting_id: int,
        person: LivePerson,
    ) -> None:
        super().__init__(parent, _("{name}'s supporter").format(name=person.name), runner, source)
        self.meeting_id = meeting_id
        self.person_id = person.id
        self.supporter = QLineEdit(person.supporter_name)
        self.supporter.setMaxLength(200)
        self.add_field(
            _("&Name of the person supporting {name} (leave it empty if it was not given)").format(
                name=person.name
            ),
            self.supporter,
            _("The supporter's name"),
            about=["supporter"],
        )
        self.finish_layout()
        self.supporter.selectAll()

    @classmethod
    def example(cls, window: Any) -> SupporterDialog:  # type: ignore[override]
        return cls(window, window.runner, window.source, 0, _example_people()[0])

    def save_call(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return partial(live_actions.name_supporter, supporter_name=self.supporter.text()), (
            self.meeting_id,
            self.person_id,
        )
