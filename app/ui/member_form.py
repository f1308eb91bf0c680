"""The fields of the member editor, in three headed sections, labels above their fields
so that at 300% text nothing is squeezed side by side.

The third section holds the sensitive details and says so in words, with a frame around
it; its consent check box comes first, because nothing below it is kept without consent.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.i18n import _
from app.models.enums import AccessNeedKind, Delivery, PackFormat, Role
from app.services.people import DEFAULT_LARGE_PRINT_SIZE, LARGE_PRINT_SIZES, MemberDetails
from app.services.wording import label
from app.ui.member_fields import (
    LinesEdit,
    OptionalDateEdit,
    ProblemLine,
    agreed_sentence,
    name_field,
)
from app.ui.widgets import Heading, Rows
from app.ui.wrapping import WrappingCheckBox, WrappingComboBox


def _form(parent: QWidget) -> Rows:
    form = Rows(parent)
    form.setContentsMargins(0, 0, 0, 0)
    return form


def _combo(choices: list, name: str) -> QComboBox:  # type: ignore[type-arg]
    combo = WrappingComboBox()
    for choice in choices:
        combo.addItem(label(choice), choice)
    combo.setAccessibleName(name)
    return combo


class AccessNeedRow(QWidget):
    """One need in the checklist: a check box, and its details once it is ticked."""

    def __init__(self, kind: AccessNeedKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.check = WrappingCheckBox(label(kind))
        self.check.setAccessibleName(label(kind))
        self.details_label = QLabel(_("Details:"))
        self.details = QLineEdit()
        self.details.setAccessibleName(_("Details of {need}").format(need=label(kind)))
        self.details_label.setBuddy(self.details)
        details_row = QHBoxLayout()
        details_row.setContentsMargins(self.check.sizeHint().height(), 0, 0, 0)
        details_row.addWidget(self.details_label)
        details_row.addWidget(self.details, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.check)
        column.addLayout(details_row)
        self.check.toggled.connect(self._show_details)
        self._show_details(False)

    def _show_details(self, ticked: bool) -> None:
        # Hidden until ticked, so Tab passes through twelve check boxes, not twenty-four.
        self.details_label.setVisible(ticked)
        self.details.setVisible(ticked)


class MemberForm(QWidget):
    """Everything about one member, filled from and read back into ``MemberDetails``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: dict[str, ProblemLine] = {}
        self._consent_on: date | None = None
        column = QVBoxLayout(self)
        column.addWidget(self._about())
        column.addWidget(self._packs())
        column.addWidget(self._sensitive())
        column.addStretch(1)

    # -- the three sections ------------------------------------------------------------

    def _about(self) -> QWidget:
        section = QWidget()
        form = _form(section)
        form.add_row(Heading(_("About them")))
        self.full_name = self._line(form, _("&Full name (needed)"), _("Full name"), "full_name")
        self.preferred_name = self._line(
            form,
            _("&Preferred name (what they like to be called)"),
            _("Preferred name"),
            "preferred_name",
        )
        self.pronouns = self._line(
            form, _("Prono&uns (for example she/her, they/them)"), _("Pronouns"), "pronouns"
        )
        self.role = _combo(list(Role), _("Role in the group"))
        self._add(form, _("&Role in the group"), self.role, "role")
        self.joined_on = OptionalDateEdit()
        name_field(self.joined_on, _("Joined on"))
        self._add(form, _("&Joined on"), self.joined_on, "joined_on")
        self._add_problem(form, "left_on")
        return section

    def _packs(self) -> QWidget:
        section = QWidget()
        form = _form(section)
        form.add_row(Heading(_("How they like their packs")))
        self.preferred_format = _combo(list(PackFormat), _("Pack format"))
        self._add(form, _("Pack f&ormat"), self.preferred_format, "preferred_format")
        self.large_print_size = QSpinBox()
        self.large_print_size.setRange(LARGE_PRINT_SIZES.start, LARGE_PRINT_SIZES.stop - 1)
        self.large_print_size.setValue(DEFAULT_LARGE_PRINT_SIZE)
        name = _("Large print size, in points (16 to 28)")
        name_field(self.large_print_size, name)
        self._add(form, _("Large print si&ze, in points (16 to 28)"), self.large_print_size)
        self._add_problem(form, "large_print_size_pt")
        self.delivery = _combo(list(Delivery), _("How they get their packs"))
        self._add(form, _("How they get their packs (&delivery)"), self.delivery, "delivery")
        self.preferred_format.currentIndexChanged.connect(self._format_chosen)
        self._format_chosen()
        return section

    def _sensitive(self) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.Box)
        frame.setLineWidth(2)
        form = _form(frame)
        form.setContentsMargins(8, 8, 8, 8)
        form.add_row(Heading(_("Sensitive — contact details and access needs")))
        warning = QLabel(_("Only kept with their consent; left out of packs unless staff ask."))
        warning.setWordWrap(True)
        form.add_row(warning)
        self.consent = WrappingCheckBox(_("They &agree to us keeping these details"))
        self.consent.setAccessibleName(_("They agree to us keeping these details"))
        self.consent_when = QLabel()
        self.consent_when.setWordWrap(True)
        form.add_row(self.consent)
        form.add_row(self.consent_when)
        self._add_problem(form, "consent_to_store")
        self.consent.toggled.connect(self._describe_consent)

        self.email = self._line(form, _("&Email address"), _("Email address"), "email")
        self.phone = self._line(form, _("P&hone number"), _("Phone number"), "phone")
        self.postal_address = LinesEdit(3)
        self.postal_address.setAccessibleName(_("Postal address"))
        self._add(form, _("Pos&tal address"), self.postal_address, "postal_address")

        needs_label = QLabel(_("&Which access needs they have (tick all that apply)"))
        needs_label.setWordWrap(True)
        form.add_row(needs_label)
        self.needs = [AccessNeedRow(kind) for kind in AccessNeedKind]
        needs_label.setBuddy(self.needs[0].check)
        for row in self.needs:
            form.add_row(row)
        self._add_problem(form, "access_needs")
        self.access_needs_note = LinesEdit(3)
        self.access_needs_note.setAccessibleName(_("Other notes about access needs"))
        self._add(
            form, _("Other &notes about access needs"), self.access_needs_note, "access_needs_note"
        )
        return frame

    # -- building rows -----------------------------------------------------------------

    def _line(self, form: Rows, text: str, name: str, field: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        self._add(form, text, edit, field)
        return edit

    def _add(self, form: Rows, text: str, field: QWidget, problem: str = "") -> None:
        caption = QLabel(text)
        caption.setWordWrap(True)
        caption.setBuddy(field)
        form.add_row(caption, field)
        if problem:
            self._add_problem(form, problem)

    def _add_problem(self, form: Rows, field: str) -> None:
        line = ProblemLine()
        self.problems[field] = line
        form.add_row(line)

    def _format_chosen(self) -> None:
        large = self.preferred_format.currentData() == PackFormat.LARGE_PRINT
        self.large_print_size.setEnabled(large)

    def _describe_consent(self) -> None:
        on = self._consent_on if self.consent.isChecked() else None
        sentence = agreed_sentence(on, self.consent.isChecked())
        self.consent_when.setText(sentence)
        self.consent.setAccessibleDescription(sentence)

    # -- in and out --------------------------------------------------------------------

    def load(self, details: MemberDetails | None) -> None:
        details = details or MemberDetails(None, "", joined_on=clock.today())
        self.full_name.setText(details.full_name)
        self.preferred_name.setText(details.preferred_name)
        self.pronouns.setText(details.pronouns)
        self.role.setCurrentIndex(self.role.findData(details.role))
        self.joined_on.set_value(details.joined_on)
        self.preferred_format.setCurrentIndex(
            self.preferred_format.findData(details.preferred_format)
        )
        self.large_print_size.setValue(details.large_print_size_pt or DEFAULT_LARGE_PRINT_SIZE)
        self.delivery.setCurrentIndex(self.delivery.findData(details.delivery))
        self._consent_on = details.consent_recorded_on
        self.consent.setChecked(details.consent_to_store)
        self._describe_consent()
        self.email.setText(details.email)
        self.phone.setText(details.phone)
        self.postal_address.setPlainText(details.postal_address)
        needs = dict(details.access_needs)
        for row in self.needs:
            row.check.setChecked(row.kind in needs)
            row.details.setText(needs.get(row.kind, ""))
        self.access_needs_note.setPlainText(details.access_needs_note)

    def collect(self, person_id: int | None, left_on: date | None) -> MemberDetails:
        """What the form says now (unchecked: ``check_member`` does that)."""
        large = self.preferred_format.currentData() == PackFormat.LARGE_PRINT
        return MemberDetails(
            person_id=person_id,
            full_name=self.full_name.text(),
            preferred_name=self.preferred_name.text(),
            pronouns=self.pronouns.text(),
            role=self.role.currentData(),
            email=self.email.text(),
            phone=self.phone.text(),
            postal_address=self.postal_address.toPlainText(),
            access_needs=tuple(
                (row.kind, row.details.text()) for row in self.needs if row.check.isChecked()
            ),
            access_needs_note=self.access_needs_note.toPlainText(),
            preferred_format=self.preferred_format.currentData(),
            large_print_size_pt=self.large_print_size.value() if large else None,
            delivery=self.delivery.currentData(),
            consent_to_store=self.consent.isChecked(),
            consent_recorded_on=self._consent_on if self.consent.isChecked() else None,
            joined_on=self.joined_on.value(),
            left_on=left_on,
        )

    def field_widget(self, field: str) -> QWidget:
        """The control a refusal about ``field`` is about, to put the focus there."""
        return {
            "full_name": self.full_name,
            "preferred_name": self.preferred_name,
            "pronouns": self.pronouns,
            "role": self.role,
            "joined_on": self.joined_on,
            "left_on": self.joined_on,
            "preferred_format": self.preferred_format,
            "large_print_size_pt": self.large_print_size,
            "delivery": self.delivery,
            "consent_to_store": self.consent,
            "consent_recorded_on": self.consent,
            "email": self.email,
            "phone": self.phone,
            "postal_address": self.postal_address,
            "access_needs": self.needs[0].check,
            "access_needs_note": self.access_needs_note,
        }.get(field, self.full_name)

    def problem_line(self, field: str) -> ProblemLine:
        aliases = {"consent_recorded_on": "consent_to_store"}
        return self.problems.get(aliases.get(field, field), self.problems["full_name"])

    def clear_problems(self) -> None:
        for line in self.problems.values():
            line.clear()
        for field in self.problems:
            self.field_widget(field).setAccessibleDescription("")
        self._describe_consent()
