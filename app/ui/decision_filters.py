"""The Decisions area's filters and search box, and the sentence that says how many
decisions match them.

Each filter is a labelled list; the fields sit side by side while they fit and one under
another when they do not (at large text sizes). Any change waits a moment before it is
sent on, so typing a word or moving along a list runs one search, not one a key.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import N_, _, ngettext
from app.services.decisions import DecisionChoices, DecisionFilter, PersonChoice
from app.services.wording import label
from app.ui.formatting import format_date, shorten
from app.ui.wrapping import ChoiceBox

DEBOUNCE_MS = 250
RAISED_BY = (
    (N_("Anyone"), None),
    (N_("A member with lived experience"), "lived_experience"),
    (N_("Staff"), "staff"),
)


class FlowGrid(QWidget):
    """Label-and-field pairs in as many columns as fit the width, reading across then down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs: list[tuple[QLabel, QWidget]] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0

    def add_pair(self, label: QLabel, field: QWidget) -> None:
        self.pairs.append((label, field))
        self._arrange(force=True)

    def pair_width(self) -> int:
        spacing = self.grid.horizontalSpacing() if self.grid.horizontalSpacing() > 0 else 6
        return max(
            (lab.sizeHint().width() + f.sizeHint().width() + 3 * spacing for lab, f in self.pairs),
            default=1,
        )

    def _arrange(self, force: bool = False) -> None:
        columns = max(1, min(len(self.pairs), self.width() // max(self.pair_width(), 1)))
        if columns == self._columns and not force:
            return
        self._columns = columns
        for caption, field in self.pairs:
            self.grid.removeWidget(caption)
            self.grid.removeWidget(field)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for number, (caption, field) in enumerate(self.pairs):
            row, place = divmod(number, columns)
            self.grid.addWidget(caption, row, 2 * place)
            self.grid.addWidget(field, row, 2 * place + 1)
        for place in range(columns):
            self.grid.setColumnStretch(2 * place + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange(force=True)


def match_sentence(total: int, wanted: DecisionFilter) -> str:
    """How many decisions match what ``wanted`` asks for, in words."""
    if wanted.search and wanted.narrowed_by_choices():
        if not total:
            return _("No decisions match “{text}” and the filters.").format(text=wanted.search)
        return ngettext(
            "{total} decision matches “{text}” and the filters.",
            "{total} decisions match “{text}” and the filters.",
            total,
        ).format(total=total, text=wanted.search)
    if wanted.search:
        if not total:
            return _("No decisions match “{text}”.").format(text=wanted.search)
        return ngettext(
            "{total} decision matches “{text}”.", "{total} decisions match “{text}”.", total
        ).format(total=total, text=wanted.search)
    if not total:
        return _("No decisions match the filters.")
    return ngettext(
        "{total} decision matches the filters.", "{total} decisions match the filters.", total
    ).format(total=total)


def _combo(name: str) -> QComboBox:
    box = ChoiceBox()
    box.setAccessibleName(name)
    box.view().setAccessibleName(name)  # its open list
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def _person(person: PersonChoice) -> str:
    if person.role is None:
        return person.name
    return _("{name} ({role})").format(name=person.name, role=label(person.role))


class DecisionFilterBar(QWidget):
    """Filters and a search box; ``changed`` fires once the person pauses."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search decisions"))
        self.search.setAccessibleDescription(
            _("Finds words in a decision, its actions and what was done.")
        )
        self.search.setPlaceholderText(_("Words to find"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(_("&Search decisions"))
        search_label.setBuddy(self.search)
        self.clear_button = QPushButton(_("C&lear filters"))
        self.clear_button.setAccessibleName(_("Clear filters and search"))

        self.status = _combo(_("Status"))
        self.aim = _combo(_("Aim"))
        self.session = _combo(_("Session"))
        self.owner = _combo(_("Action owner"))
        self.raised_by = _combo(_("Raised by"))
        self.combos = (self.status, self.aim, self.session, self.owner, self.raised_by)
        self.grid = FlowGrid()
        labels = (_("S&tatus"), _("A&im"), _("Sessio&n"), _("Action o&wner"), _("&Raised by"))
        for text, box in zip(labels, self.combos, strict=True):
            field_label = QLabel(text)
            field_label.setBuddy(box)
            self.grid.add_pair(field_label, box)
        self.set_choices(None)

        # The label above the box, as on every form: beside it, at large text sizes the
        # three would be wider than the window.
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(search_label)
        layout.addLayout(search_row)
        layout.addWidget(self.grid)
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self.timer.start)
        self.search.returnPressed.connect(self.apply_now)
        for box in self.combos:
            box.currentIndexChanged.connect(self.timer.start)
        self.clear_button.clicked.connect(self.clear)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)

    def focus_chain(self) -> tuple[QWidget, ...]:
        """The controls in reading order."""
        return (self.search, self.clear_button, *self.combos)

    def apply_now(self) -> None:
        self.timer.stop()
        self.changed.emit()

    def set_choices(self, choices: DecisionChoices | None) -> None:
        """Fill the lists for a group, keeping what is chosen in each where it is still
        offered (the aims, sessions and people of another group never are)."""
        kept = [box.currentData() for box in self.combos]
        with (
            QSignalBlocker(self.status),
            QSignalBlocker(self.aim),
            QSignalBlocker(self.session),
            QSignalBlocker(self.owner),
            QSignalBlocker(self.raised_by),
        ):
            for box in self.combos:
                box.clear()
            self.status.addItem(_("Any status"), None)
            self.aim.addItem(_("Any aim"), None)
            self.session.addItem(_("Any session"), None)
            self.owner.addItem(_("Anyone"), None)
            for text, kind in RAISED_BY:
                self.raised_by.addItem(_(text), kind)
            if choices is not None:
                for decision_status in choices.statuses:
                    self.status.addItem(label(decision_status), decision_status)
                for aim in choices.aims:
                    self.aim.addItem(shorten(aim.text, 120), aim.id)
                for session in choices.sessions:
                    words = _("{date}: {title}").format(
                        date=format_date(session.starts_at.date()), title=session.title
                    )
                    self.session.addItem(words, session.id)
                for person in choices.owners:
                    self.owner.addItem(_person(person), person.id)
            for box, chosen in zip(self.combos, kept, strict=True):
                box.setCurrentIndex(max(box.findData(chosen), 0))

    def clear(self) -> None:
        with QSignalBlocker(self.search):
            self.search.clear()
        for box in self.combos:
            with QSignalBlocker(box):
                box.setCurrentIndex(0)
        self.apply_now()

    def current(self) -> DecisionFilter:
        status = self.status.currentData()
        return DecisionFilter(
            statuses=(status,) if status is not None else (),
            aim_id=self.aim.currentData(),
            meeting_id=self.session.currentData(),
            owner_id=self.owner.currentData(),
            raised_by_kind=self.raised_by.currentData(),
            text=self.search.text(),
        )
