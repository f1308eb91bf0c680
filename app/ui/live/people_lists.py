"""The two lists of people on the live screen: check-in (everyone expected) and fair turns
(the people present). Each takes one key per person, shown in its heading."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from app.i18n import _, ngettext
from app.models.enums import AttendanceStatus
from app.services.live import LivePerson, LiveState

PERSON_ROLE = Qt.ItemDataRole.UserRole

CHECK_IN_KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_A: AttendanceStatus.APOLOGIES,
    Qt.Key.Key_X: AttendanceStatus.ABSENT,
}


def status_words(person: LivePerson, sent_beforehand: int = 0) -> str:
    words = {
        None: _("not checked in yet"),
        AttendanceStatus.PRESENT: _("present"),
        AttendanceStatus.APOLOGIES: _("sent apologies"),
        AttendanceStatus.ABSENT: _("absent"),
    }[person.status]
    if person.with_supporter and person.supporter_name:
        words = _("{status}, supported by {supporter}").format(
            status=words, supporter=person.supporter_name
        )
    elif person.with_supporter:
        words = _("{status}, with a supporter").format(status=words)
    if sent_beforehand:
        words = _("{status}; {sent}").format(status=words, sent=sent_words(sent_beforehand))
    return words


def sent_words(count: int) -> str:
    return ngettext(
        "sent in {count} contribution beforehand",
        "sent in {count} contributions beforehand",
        count,
    ).format(count=count)


def sent_to_session(state: LiveState) -> dict[int, int]:
    """How many contributions each person sent in before the session, on any item."""
    sent: dict[int, int] = {}
    for turns in state.turns:
        sent[turns.person_id] = sent.get(turns.person_id, 0) + turns.sent_beforehand
    return sent


class _PeopleList(QListWidget):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def current_person(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(PERSON_ROLE))

    def _fill(self, lines: list[tuple[int, str]]) -> None:
        keep = self.current_person()
        self.clear()
        for person_id, text in lines:
            item = QListWidgetItem(text)
            item.setData(PERSON_ROLE, person_id)
            self.addItem(item)
            if person_id == keep:
                self.setCurrentItem(item)
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)


class CheckInList(_PeopleList):
    """Everyone expected. P present, A apologies, X absent, S present with a supporter
    (Shift+S asks who, in a dialog); B they sent something in beforehand (a letter, an
    email, a word with staff), Shift+B takes it back. Someone who cannot come is heard that
    way too. The window moves the current row on to the next person after a check-in."""

    checked = Signal(int, object)  # person id, AttendanceStatus
    supporter_toggled = Signal(int)
    supporter_to_name = Signal(int)
    sent_beforehand = Signal(int)
    take_back_sent = Signal(int)

    def __init__(self) -> None:
        super().__init__(
            _(
                "Check-in: P present, A apologies, X absent, S present with a supporter, "
                "Shift+S names the supporter, B sent something in beforehand, "
                "Shift+B takes that back"
            )
        )
        self._people: dict[int, LivePerson] = {}
        # Checked in by a key whose write has not come back yet: keys come faster than the
        # worker, and the next person must not be someone just checked in.
        self._keyed: set[int] = set()

    def person(self, person_id: int) -> LivePerson | None:
        return self._people.get(person_id)

    def move_on_from(self, person_id: int) -> LivePerson | None:
        """After ``person_id`` is checked in, make the next person not yet checked in the
        current row (looking down the list, then from the top); returns them, or None when
        everyone is checked in (the row then stays where it is)."""
        self._keyed.add(person_id)
        ids = [int(self.item(row).data(PERSON_ROLE)) for row in range(self.count())]
        start = ids.index(person_id) if person_id in ids else -1
        for step in range(1, len(ids) + 1):
            row = (start + step) % len(ids)
            person = self._people.get(ids[row])
            if person is not None and person.status is None and person.id not in self._keyed:
                self.setCurrentRow(row)
                return person
        return None

    def forget_keyed(self) -> None:
        """A write was refused: what was keyed may not have been kept."""
        self._keyed.clear()

    def show_people(self, state: LiveState) -> None:
        self._people = {person.id: person for person in state.people}
        self._keyed -= {person.id for person in state.people if person.status is not None}
        sent = sent_to_session(state)
        self._fill(
            [
                (
                    person.id,
                    _("{name}: {status}").format(
                        name=person.name, status=status_words(person, sent.get(person.id, 0))
                    ),
                )
                for person in state.people
            ]
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        person = self.current_person()
        key = Qt.Key(event.key())
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if person is not None and plain and key in CHECK_IN_KEYS:
            self.checked.emit(person, CHECK_IN_KEYS[key])
            return
        shifted = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == (
            Qt.KeyboardModifier.ShiftModifier
        )
        if person is not None and key == Qt.Key.Key_S and (plain or shifted):
            (self.supporter_toggled if plain else self.supporter_to_name).emit(person)
            return
        if person is not None and key == Qt.Key.Key_B and (plain or shifted):
            (self.sent_beforehand if plain else self.take_back_sent).emit(person)
            return
        super().keyPressEvent(event)


class TurnsList(_PeopleList):
    """The people present and whether each has been heard on this item. Space (or T) marks
    a turn for the chosen person, and a number key for the person with that number;
    Backspace takes one back."""

    turn = Signal(int)
    take_back = Signal(int)

    def __init__(self) -> None:
        super().__init__(
            _("Fair turns: Space or a person's number marks a turn, Backspace takes one back")
        )

    def show_turns(self, state: LiveState) -> list[str]:
        """Fill the list; returns the names of those present not yet heard on this item."""
        item_id = state.current_item_id
        spoken: dict[int, int] = {}
        sent: dict[int, int] = {}
        for turns in state.turns:
            if turns.agenda_item_id == item_id:
                spoken[turns.person_id] = spoken.get(turns.person_id, 0) + turns.spoken
            if turns.agenda_item_id in (item_id, None):
                sent[turns.person_id] = sent.get(turns.person_id, 0) + turns.sent_beforehand
        lines, unheard = [], []
        for person in state.people:
            if person.status != AttendanceStatus.PRESENT and not sent.get(person.id):
                continue
            count, beforehand = spoken.get(person.id, 0), sent.get(person.id, 0)
            parts = []
            if count:
                parts.append(
                    ngettext(
                        "spoke once on this item", "spoke {count} times on this item", count
                    ).format(count=count)
                )
            if beforehand:
                parts.append(sent_words(beforehand))
            if not parts:
                parts.append(_("not yet heard on this item"))
                unheard.append(person.name)
            words = _(", and ").join(parts)
            number = len(lines) + 1
            shown = _("{name}: {turns}").format(name=person.name, turns=words)
            if number <= 9:  # its number key marks a turn for this person at once
                shown = _("{number}. {line}").format(number=number, line=shown)
            lines.append((person.id, shown))
        self._fill(lines)
        return unheard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        person = self.current_person()
        key = Qt.Key(event.key())
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            if row < self.count():
                self.setCurrentRow(row)
                self.turn.emit(int(self.item(row).data(PERSON_ROLE)))
            return
        if person is not None and not event.modifiers():
            if key in (Qt.Key.Key_Space, Qt.Key.Key_T, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.turn.emit(person)
                return
            if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                self.take_back.emit(person)
                return
        super().keyPressEvent(event)
