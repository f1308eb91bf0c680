"""A whole live session run by keyboard alone, then read back through the services:
check-in, aims, two agenda items with notes, fair turns, a decision, an action, a break,
closing aim reviews, the summary and payments confirmed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.models.enums import AimOutcome, AttendanceStatus, MeetingStatus
from app.services import live_close
from app.services.live import read_live
from app.ui.data import DataSource
from app.ui.live.start import open_live_window
from app.ui.live.voice import LiveVoice
from app.ui.tasks import TaskRunner
from tests.live_sample import make_live_session

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


class FakeSpeaker:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def test_a_whole_session_by_keyboard_alone(qtbot, db) -> None:
    sample = make_live_session(db)
    runner = TaskRunner()
    speaker = FakeSpeaker()
    window = open_live_window(
        DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(speaker)
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def focused() -> QWidget:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return QApplication.focusWidget()

    def press(key: Key, modifier=NONE, times: int = 1) -> None:  # type: ignore[no-untyped-def]
        for _ in range(times):
            qtbot.keyClick(focused(), key, modifier)
        assert runner.wait_idle(10_000)

    def type_text(text: str) -> None:
        qtbot.keyClicks(focused(), text)

    # The notes have the keyboard from the first moment, named for the item.
    assert focused() is window.notes
    assert window.notes.accessibleName() == "Notes for Welcome and check-in"
    # Aims first: shown, and read aloud with F3.
    assert "Repairs within two weeks" in window.screen_parts.aims_text.text()
    press(Key.Key_F3)
    assert "Clear letters" in speaker.said[-1]

    # Check-in, one key per person (in name order: Dev, Grace, Margaret, Tomasz): each key
    # moves on to the next person, and S is "present, with a supporter".
    press(Key.Key_C, ALT)
    assert focused() is window.screen_parts.check_in
    press(Key.Key_P)
    assert window.status_line.announced[-1] == "Dev Sharma: present. Next: Grace Okafor."
    press(Key.Key_S)
    press(Key.Key_P)
    press(Key.Key_A)
    assert window.status_line.announced[-1] == (
        "Tomasz Nowak: sent apologies. Everyone is checked in."
    )
    # Tomasz cannot come but wrote in: B counts what he sent (pressed twice by mistake, so
    # Shift+B takes one back). He is heard on every item, though absent.
    press(Key.Key_B, times=2)
    press(Key.Key_B, SHIFT)
    assert "One contribution sent in beforehand taken back for Tomasz Nowak." in (
        window.status_line.announced
    )
    assert window.screen_parts.check_in.currentItem().text() == (
        "Tomasz Nowak: sent apologies; sent in 1 contribution beforehand"
    )
    turns_shown = window.screen_parts.turns
    assert [turns_shown.item(row).text() for row in range(turns_shown.count())][-1] == (
        "4. Tomasz Nowak: sent in 1 contribution beforehand"
    )

    # Notes on the first item, and a decision from the words selected in them.
    press(Key.Key_N, ALT)
    type_text("Tea and names.")
    press(Key.Key_Return)
    type_text("Repairs will be booked by text.")
    press(Key.Key_Home, SHIFT)
    press(Key.Key_D, CTRL)
    decision = window.dialog
    assert decision is not None and decision.isVisible()
    assert decision.wording.toPlainText() == "Repairs will be booked by text."
    qtbot.waitUntil(decision.isActiveWindow)
    press(Key.Key_Tab)  # to "who raised it"
    press(Key.Key_Down, times=3)  # Dev, Grace, then Margaret
    press(Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not decision.isVisible())
    assert "Decision recorded." in window.status_line.announced

    # An action, from the next line of notes: who does it.
    press(Key.Key_End, CTRL)
    press(Key.Key_Return)
    type_text("Ask the service about texts")
    press(Key.Key_Home, SHIFT)
    press(Key.Key_A, CTRL | SHIFT)
    action = window.dialog
    assert action is not None and action is not decision and action.isVisible()
    qtbot.waitUntil(action.isActiveWindow)
    press(Key.Key_Tab)
    press(Key.Key_Down)  # Dev
    press(Key.Key_S, ALT)
    qtbot.waitUntil(lambda: not action.isVisible())

    # Fair turns: Dev and Grace speak; moving on first invites Margaret, not yet heard.
    press(Key.Key_T, ALT)
    assert focused() is window.screen_parts.turns
    press(Key.Key_Space)
    press(Key.Key_Down)
    press(Key.Key_Space)
    press(Key.Key_PageDown, CTRL)
    assert "Not yet heard on this item: Margaret O'Neill" in window.screen_parts.prompt.text()
    assert window.state.current_item_id == sample.items[0]  # type: ignore[union-attr]
    press(Key.Key_3)  # Margaret's number in the list: one key marks her turn
    assert "Turn marked for Margaret O'Neill." in window.status_line.announced
    press(Key.Key_PageDown, CTRL)
    assert window.state.current_item_id == sample.items[1]  # type: ignore[union-attr]
    assert any("15-minute break is planned" in words for words in window.status_line.announced)

    # The planned break, started and ended with one key.
    press(Key.Key_B, CTRL)
    assert window.state.running_break is not None  # type: ignore[union-attr]
    assert window.screen_parts.break_banner.isVisible()
    press(Key.Key_B, CTRL)
    assert window.state.running_break is None  # type: ignore[union-attr]

    # Notes on the second item.
    press(Key.Key_N, ALT)
    assert window.notes.accessibleName() == "Notes for Repairs: what has changed"
    type_text("Much better since May.")
    window.autosave.save_now()
    assert runner.wait_idle(10_000)

    # A late arrival: Tomasz, who had sent apologies, comes in and speaks at once.
    press(Key.Key_C, ALT)
    press(Key.Key_End)
    press(Key.Key_P)
    assert "Tomasz Nowak: present. Everyone is checked in." in window.status_line.announced
    press(Key.Key_T, ALT)
    press(Key.Key_4)  # the fourth person present

    # Closing: aim by aim, then the summary and the payments to confirm.
    press(Key.Key_E, CTRL)  # first, those not yet heard on this item are named
    assert "Not yet heard on this item: Dev Sharma, Grace Okafor, Margaret O'Neill" in (
        window.screen_parts.prompt.text()
    )
    press(Key.Key_E, CTRL)
    closing = window.dialog
    assert closing is not None and closing.isVisible()
    qtbot.waitUntil(closing.isActiveWindow)
    press(Key.Key_Down, times=2)  # aim 1: progressing
    press(Key.Key_Tab)
    type_text("Nearer")
    press(Key.Key_Tab)
    press(Key.Key_Down, times=3)  # aim 2: not yet
    press(Key.Key_C, ALT)
    qtbot.waitUntil(lambda: window.dialog is not closing and window.dialog.isVisible())
    summary = window.dialog
    qtbot.waitUntil(summary.isActiveWindow)
    text = summary.text.toPlainText()  # type: ignore[attr-defined]
    assert "Repairs will be booked by text. (raised by Margaret O'Neill)" in text
    assert "Dev Sharma: Ask the service about texts" in text
    # Payments, in the order people are listed: Grace chose not to be paid, and Tomasz
    # came late, so he is paid for 40 minutes rather than the planned 70.
    rows = [row.suggestion.name for row in summary.rows]  # type: ignore[attr-defined]
    assert rows == ["Grace Okafor", "Margaret O'Neill", "Tomasz Nowak"]
    press(Key.Key_Tab, times=3)  # past Grace's tick and minutes, to "chose not to be paid"
    assert focused().accessibleName() == "Grace Okafor chose not to be paid"
    press(Key.Key_Space)
    press(Key.Key_Tab, times=5)  # past Margaret's three, and Tomasz's tick
    assert focused().accessibleName() == "Minutes Tomasz Nowak gave"
    type_text("40")
    assert "Tomasz Nowak: £" in summary.rows[2].words.text()  # type: ignore[attr-defined]
    assert "40 minutes" in summary.rows[2].words.text()  # type: ignore[attr-defined]
    press(Key.Key_C, ALT)
    qtbot.waitUntil(lambda: not summary.isVisible())
    assert "2 payments confirmed. 1 person chose not to be paid." in (window.status_line.announced)

    state = read_live(db, sample.meeting_id)
    assert state.status == MeetingStatus.HELD
    first, second = sample.items
    assert state.item(first).notes == (  # type: ignore[union-attr]
        "Tea and names.\nRepairs will be booked by text.\nAsk the service about texts"
    )
    assert state.item(second).notes == "Much better since May."  # type: ignore[union-attr]
    statuses = {person.name: (person.status, person.with_supporter) for person in state.people}
    assert statuses == {
        "Dev Sharma": (AttendanceStatus.PRESENT, False),
        "Grace Okafor": (AttendanceStatus.PRESENT, True),
        "Margaret O'Neill": (AttendanceStatus.PRESENT, False),
        "Tomasz Nowak": (AttendanceStatus.PRESENT, False),
    }
    turns = {(t.person_id, t.agenda_item_id): t.spoken for t in state.turns}
    sent = {(t.person_id, t.agenda_item_id): t.sent_beforehand for t in state.turns}
    assert sent[(sample.people["Tomasz"], None)] == 1
    assert turns == {
        (sample.people["Tomasz"], None): 0,  # spoke on no item; sent one in beforehand
        (sample.people["Dev"], first): 1,
        (sample.people["Grace"], first): 1,
        (sample.people["Margaret"], first): 1,
        (sample.people["Tomasz"], second): 1,
    }
    assert [(d.wording, d.raised_by) for d in state.decisions] == [
        ("Repairs will be booked by text.", "Margaret O'Neill")
    ]
    assert [(a.description, a.owner) for a in state.actions] == [
        ("Ask the service about texts", "Dev Sharma")
    ]
    assert state.breaks[0].taken and state.running_break is None
    assert [(aim.outcome, aim.note) for aim in state.aims] == [
        (AimOutcome.PROGRESSING, "Nearer"),
        (AimOutcome.NOT_YET, ""),
    ]
    payments = live_close.suggest_payments(db, sample.meeting_id)
    assert {(p.name, p.confirmed, p.minutes, p.declined) for p in payments} == {
        ("Grace Okafor", True, 70, True),
        ("Margaret O'Neill", True, 70, False),
        ("Tomasz Nowak", True, 40, False),
    }
    window.close()
    runner.shutdown(wait=True)


def test_finishing_the_summary_asks_before_ticked_payments_go_unconfirmed(
    qtbot, open_window
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.ui.live.closing import SummaryDialog

    window = open_window().window
    summary = SummaryDialog.example(window)
    qtbot.addWidget(summary)
    summary.show()
    qtbot.waitUntil(summary.isVisible)
    margaret = summary.rows[0]
    # A slip of the keys (700 for 70) cannot become a payment for a whole day.
    margaret.minutes.selectAll()
    qtbot.keyClicks(margaret.minutes, "700")
    assert margaret.minutes.value() <= 190
    margaret.minutes.setValue(50)
    assert margaret.words.text() == "Margaret O'Neill: £12.50 for 50 minutes"
    assert margaret.declined.accessibleDescription() == margaret.words.text()

    def question() -> QMessageBox:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        return QApplication.activeModalWidget()  # type: ignore[return-value]

    qtbot.keyClick(summary, Key.Key_Escape)
    box = question()
    assert "not confirmed yet" in box.text()
    qtbot.keyClick(box, Key.Key_Return)  # the safe choice: back to the payments
    qtbot.waitUntil(lambda: not box.isVisible())
    assert summary.isVisible() and margaret.minutes.value() == 50

    summary.cancel_button.click()  # Finish
    box = question()
    finish = next(b for b in box.buttons() if b.text() == "&Finish without confirming")
    finish.click()
    qtbot.waitUntil(lambda: not summary.isVisible())

    # With nothing ticked, Finish closes at once.
    again = SummaryDialog.example(window)
    qtbot.addWidget(again)
    again.show()
    for row in again.rows:
        row.confirm.setChecked(False)
    assert not again.rows[0].minutes.isEnabled()
    again.cancel_button.click()
    qtbot.waitUntil(lambda: not again.isVisible())


def test_a_supporter_is_named_from_the_check_in_list_with_shift_s(qtbot, db) -> None:
    sample = make_live_session(db)
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(FakeSpeaker())
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    check_in = window.screen_parts.check_in
    qtbot.keyClick(window.notes, Key.Key_C, ALT)
    qtbot.keyClick(check_in, Key.Key_Down)  # Grace, not checked in yet
    qtbot.keyClick(check_in, Key.Key_S, SHIFT)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    dialog = window.dialog
    qtbot.waitUntil(dialog.supporter.hasFocus)
    assert dialog.supporter.accessibleName() == "The supporter's name"
    qtbot.keyClicks(dialog.supporter, "Ola Bello")
    qtbot.keyClick(dialog.supporter, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert runner.wait_idle(10_000)
    # Naming the supporter checked Grace in, so the list moves on, as after P.
    qtbot.waitUntil(
        lambda: (
            "Grace Okafor: present, supported by Ola Bello. Next: Margaret O'Neill."
            in window.status_line.announced
        )
    )
    qtbot.waitUntil(
        lambda: check_in.item(1).text() == "Grace Okafor: present, supported by Ola Bello"
    )
    qtbot.waitUntil(check_in.hasFocus)  # ready for the next person
    assert check_in.currentItem().text() == "Margaret O'Neill: not checked in yet"
    person = read_live(db, sample.meeting_id).person(sample.people["Grace"])
    assert person is not None
    assert (person.status, person.with_supporter, person.supporter_name) == (
        AttendanceStatus.PRESENT,
        True,
        "Ola Bello",
    )
    # Opened again, it shows the name kept; S alone then notes no supporter after all, and
    # the list stays on Grace (only her supporter changed).
    qtbot.keyClick(check_in, Key.Key_Up)
    qtbot.keyClick(check_in, Key.Key_S, SHIFT)
    qtbot.waitUntil(lambda: window.dialog is not dialog and window.dialog.isVisible())
    assert window.dialog.supporter.text() == "Ola Bello"
    qtbot.keyClick(window.dialog.supporter, Key.Key_Escape)
    qtbot.waitUntil(check_in.hasFocus)
    qtbot.keyClick(check_in, Key.Key_S)
    assert runner.wait_idle(10_000)
    qtbot.waitUntil(lambda: check_in.currentItem().text() == "Grace Okafor: present")
    assert window.status_line.announced[-1] == "Grace Okafor came without a supporter."
    runner.shutdown(wait=True)


def test_the_decision_dialog_shows_its_whole_title_and_says_agreed(qtbot, db) -> None:
    """At 100% its window bar read "Record a decis… — Roundtable"."""
    from PySide6.QtWidgets import QLabel

    from app.ui.titled_dialog import title_room

    sample = make_live_session(db)
    runner = TaskRunner()
    window = open_live_window(
        DataSource(db), runner, sample.meeting_id, full_screen=False, voice=LiveVoice(FakeSpeaker())
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.notes.hasFocus)
    qtbot.keyClicks(window.notes, "Repairs will be booked by text.")
    qtbot.keyClick(window.notes, Key.Key_Home, SHIFT)
    qtbot.keyClick(window.notes, Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    dialog = window.dialog
    assert dialog.windowTitle() == "Record a decision — Roundtable"
    assert dialog.width() >= title_room(dialog)
    label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.wording)
    assert label.text() == "&The decision, in the words the group agreed"
    qtbot.keyClick(dialog.wording, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.close()
    runner.shutdown(wait=True)
