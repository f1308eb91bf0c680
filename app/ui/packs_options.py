"""The choices for one pack: which pack, which session, the style, size and font, and the
two private ticks. A plain form, one labelled field under another, so it reflows at any
text size."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from app.export.document import PackLook, PrintStyle
from app.export.pdf import allowed_sizes, default_size
from app.i18n import N_, _
from app.services import packs
from app.services.pack_defaults import READING_FONTS, PackDefaults
from app.services.packs import KIND_WORDS, PackKind, PrivacyChoice
from app.ui.decision_form import combo
from app.ui.packs_pages import PackRequest
from app.ui.packs_sessions import KindFollowsSession, SessionList
from app.ui.widgets import Rows
from app.ui.wrapping import WrappingCheckBox

STYLE_WORDS = (
    (PrintStyle.STANDARD, N_("Standard print")),
    (PrintStyle.LARGE, N_("Large print")),
    (PrintStyle.EASY_READ, N_("Easy Read")),
)


def starting_look(defaults: PackDefaults | None) -> PackLook:
    """The display settings turned into a pack's first look: 16 pt and up is large print."""
    if defaults is None:
        return PackLook(PrintStyle.STANDARD, default_size(PrintStyle.STANDARD))
    if defaults.large_print:
        return PackLook(PrintStyle.LARGE, defaults.body_pt, defaults.font.key)
    sizes = allowed_sizes(PrintStyle.STANDARD)
    size = min(max(defaults.body_pt, sizes.start), sizes.stop - 1)
    return PackLook(PrintStyle.STANDARD, size, defaults.font.key)


class PackOptions(QWidget):
    """Emits ``changed`` whenever a choice changes."""

    changed = Signal()
    said = Signal(str)  # a change the person did not make themselves, in words

    def __init__(self, defaults: PackDefaults | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        look = starting_look(defaults)
        self.kind_box = combo([(_(KIND_WORDS[kind]), kind) for kind in PackKind], PackKind.BEFORE)
        self.session_box = SessionList()
        self.kind_follows = KindFollowsSession(self.session_box, self.kind_box, self.said.emit)
        self.member_box = combo([(_("No one in particular"), None)])
        self.member_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.member_box.setToolTip(
            _("A member's own pack: their format and size, with their name.")
        )
        self.member_box.setAccessibleDescription(self.member_box.toolTip())
        self.style_box = combo([(_(words), style) for style, words in STYLE_WORDS], look.style)
        self.size_box = QSpinBox()
        self.size_box.setSuffix(_(" pt"))
        self.font_box = combo([(_(font.title), font.key) for font in READING_FONTS], look.font_key)
        self.contact = WrappingCheckBox(_("Contact &details"))
        self.access_needs = WrappingCheckBox(_("Access &needs"))
        self._set_size_range(look.style, look.size_pt)

        # Each label above its field: one column, which magnifier users follow more easily.
        form = Rows(self)
        for text, field, name in (
            (_("&Kind of pack:"), self.kind_box, _("Kind of pack")),
            (_("&Session:"), self.session_box, _("Session")),
            (_("For a &member:"), self.member_box, _("For a member")),
            (_("St&yle:"), self.style_box, _("Style")),
            (_("Text si&ze:"), self.size_box, _("Text size in points")),
            (_("&Font:"), self.font_box, _("Font")),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(name)
            form.add_row(label, field)
        self.contact.setAccessibleName(_("Include contact details (private)"))
        self.access_needs.setAccessibleName(_("Include access needs (private)"))
        for box in (self.contact, self.access_needs):
            box.setAccessibleDescription(_("Private: for staff only."))
        # A check box cannot wrap its words: the warning is a label that can.
        private = QLabel(_("Private details, for staff only. Left out unless ticked:"))
        private.setWordWrap(True)
        form.add_row(private)
        form.add_row(self.contact)
        form.add_row(self.access_needs)

        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.member_box.currentIndexChanged.connect(self._member_changed)
        self.style_box.currentIndexChanged.connect(self._style_changed)
        self.font_box.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.session_box.chosen_changed.connect(self.changed.emit)
        self.size_box.valueChanged.connect(lambda _value: self.changed.emit())
        self.contact.toggled.connect(lambda _on: self.changed.emit())
        self.access_needs.toggled.connect(lambda _on: self.changed.emit())

    # -- a member's own pack -------------------------------------------------------------

    def set_members(self, rows: list) -> None:  # type: ignore[type-arg]
        """``rows`` are the group's members (``MemberRow``), offered for their own pack."""
        for row in rows:
            look = packs.look_for(row.preferred_format, row.large_print_size_pt)
            words = packs.format_words(row.preferred_format, look)
            self.member_box.addItem(
                _("{name} ({format})").format(name=row.display_name, format=words), row
            )

    def chosen_member(self):  # type: ignore[no-untyped-def]
        return self.member_box.currentData()

    def _member_changed(self, _index: int) -> None:
        member = self.chosen_member()
        if member is not None:
            # Audio is made elsewhere: on paper such a member gets standard print.
            look = packs.look_for(member.preferred_format, member.large_print_size_pt)
            look = look or PackLook(PrintStyle.STANDARD, default_size(PrintStyle.STANDARD))
            self.style_box.blockSignals(True)
            self.style_box.setCurrentIndex(self.style_box.findData(look.style))
            self.style_box.blockSignals(False)
            self.size_box.blockSignals(True)
            self._set_size_range(look.style, look.size_pt)
            self.size_box.blockSignals(False)
        self.changed.emit()

    # -- the sessions to choose from ---------------------------------------------------

    def set_sessions(self, rows: list, chosen_id: int | None) -> None:  # type: ignore[type-arg]
        """``rows`` are the group's sessions (newest first); ``chosen_id`` the one to show."""
        self.session_box.blockSignals(True)
        self.session_box.set_sessions(rows, chosen_id)
        self.session_box.blockSignals(False)
        self.kind_follows.follow()
        self._kind_changed()

    def chosen_session(self):  # type: ignore[no-untyped-def]
        return self.session_box.chosen()

    # -- what is asked for ---------------------------------------------------------------

    def chosen_kind(self) -> PackKind:
        return PackKind(self.kind_box.currentData())

    def look(self) -> PackLook:
        return PackLook(
            PrintStyle(self.style_box.currentData()),
            self.size_box.value(),
            self.font_box.currentData(),
        )

    def request(self, group_id: int | None) -> PackRequest | None:
        """What to make, or None when a session is needed and there is none to choose."""
        kind = self.chosen_kind()
        session = self.chosen_session()
        if kind != PackKind.DECISIONS and session is None:
            return None
        privacy = PrivacyChoice(self.contact.isChecked(), self.access_needs.isChecked())
        return PackRequest(
            kind,
            self.look(),
            meeting_id=session.id if session is not None else None,
            group_id=group_id,
            privacy=privacy if kind != PackKind.DECISIONS else PrivacyChoice(),
            for_member=member.display_name if (member := self.chosen_member()) else "",
        )

    def _kind_changed(self, _index: int = 0) -> None:
        for_a_session = self.chosen_kind() != PackKind.DECISIONS
        self.session_box.setEnabled(for_a_session)
        self.contact.setEnabled(for_a_session)
        self.access_needs.setEnabled(for_a_session)
        self.changed.emit()

    def _style_changed(self, _index: int) -> None:
        style = PrintStyle(self.style_box.currentData())
        self.size_box.blockSignals(True)
        self._set_size_range(style, self.size_box.value())
        self.size_box.blockSignals(False)
        self.changed.emit()

    def _set_size_range(self, style: PrintStyle, wanted: int) -> None:
        sizes = allowed_sizes(style)
        self.size_box.setRange(sizes.start, sizes.stop - 1)
        self.size_box.setValue(wanted if wanted in sizes else default_size(style))
        self.size_box.setToolTip(
            _("From {low} to {high} points in this style.").format(
                low=sizes.start, high=sizes.stop - 1
            )
        )
        self.size_box.setAccessibleDescription(self.size_box.toolTip())
