"""The Decisions area, driven by keyboard: search, filters, a decision in full, changes."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import insert
from ui_helpers import wait_loaded

from app.models import Decision, Role
from app.services import aims, decisions, groups, meetings, people
from app.ui.comment_dialog import AddCommentDialog
from app.ui.decision_dialogs import (
    AddActionDialog,
    DecisionDialog,
    EditDecisionDialog,
    UpdateActionDialog,
)
from app.ui.decision_form import FormDialog
from app.ui.decisions_panel import DecisionsPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def log(db):
    return record_log(db)


def record_log(db) -> int:  # type: ignore[no-untyped-def]
    """A group's log of three decisions, the oldest with an action; the group's id."""
    group = groups.create_group(db, "Kit That Works group")
    tomasz = people.add_member(db, group.id, "Tomasz Nowak", Role.LIVED_EXPERIENCE).person_id
    dev = people.add_member(db, group.id, "Dev Sharma", Role.STAFF, preferred_name="Dev")
    repairs = aims.add_aim(db, group.id, "Repairs within two weeks")
    march = meetings.plan_meeting(db, group.id, "March session", datetime(2025, 3, 4, 10), [])
    first = decisions.record_decision(
        db,
        group.id,
        "Ramp requests will be answered within two working days.",
        date(2025, 3, 4),
        raised_by_id=tomasz,
        meeting_id=march.id,
        aim_ids=(repairs.id,),
        recorded_by="Aisha",
    )
    decisions.record_decision(
        db,
        group.id,
        "Letters will be in large print.",
        date(2025, 3, 5),
        raised_by_id=dev.person_id,
    )
    decisions.record_decision(db, group.id, "Żółte kartki dla wózków.", date(2025, 3, 6))
    decisions.add_action(db, first, "Phone the ramp fitters", owner_id=dev.person_id)
    return group.id


def open_decisions(qtbot, open_window) -> tuple[QWidget, DecisionsPanel]:  # type: ignore[no-untyped-def]
    window = open_window().window
    window.activateWindow()
    window.areas.setCurrentRow(3)
    wait_loaded(qtbot, window)
    panel = window.current_panel()
    assert isinstance(panel, DecisionsPanel)
    qtbot.waitUntil(lambda: panel.choices is not None)
    return window, panel


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` a key at a time, as a keyboard set up for its script would send it
    (QTest.keyClicks aborts on letters outside Latin-1)."""
    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter)
            )


def wordings(panel: DecisionsPanel) -> list[str]:
    return [panel.model.row_at(row).wording for row in range(panel.model.rowCount())]


def test_typing_a_search_shows_the_matches_and_says_how_many(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    assert len(wordings(panel)) == 3
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_S, ALT)  # "&Search decisions"
    assert panel.filters.search.hasFocus()
    qtbot.keyClicks(panel.filters.search, "RAMP")
    wait_loaded(qtbot, window)
    assert wordings(panel) == ["Ramp requests will be answered within two working days."]
    assert panel.summary.text() == "1 decision matches “RAMP”."
    assert "1 decision matches “RAMP”." in window.status_line.announced
    # Searching the words of an action, in another script, and for nothing.
    panel.filters.search.clear()
    qtbot.keyClicks(panel.filters.search, "fitters")
    wait_loaded(qtbot, window)
    assert len(wordings(panel)) == 1
    panel.filters.search.clear()
    type_text(panel.filters.search, "ŻÓŁTE")
    wait_loaded(qtbot, window)
    assert wordings(panel) == ["Żółte kartki dla wózków."]
    qtbot.keyClicks(panel.filters.search, ' "NEAR(')
    wait_loaded(qtbot, window)
    assert wordings(panel) == []
    assert panel.summary.text() == 'No decisions match “ŻÓŁTE "NEAR(”.'
    qtbot.keyClick(panel.filters.search, Qt.Key.Key_L, ALT)  # "C&lear filters"
    qtbot.waitUntil(lambda: panel.filters.search.text() == "")  # buttons click after a moment
    wait_loaded(qtbot, window)
    assert len(wordings(panel)) == 3
    assert panel.summary.text() == "3 decisions, the newest first."


def test_choosing_filters_with_the_keyboard(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_R, ALT)  # "&Raised by"
    assert panel.filters.raised_by.hasFocus()
    qtbot.keyClick(panel.filters.raised_by, Qt.Key.Key_Down)
    assert panel.filters.raised_by.currentText() == "A member with lived experience"
    wait_loaded(qtbot, window)
    assert wordings(panel) == ["Ramp requests will be answered within two working days."]
    assert panel.summary.text() == "1 decision matches the filters."
    # Tab moves on through the filters in reading order.
    qtbot.keyClick(panel.filters.raised_by, Qt.Key.Key_Tab)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_W, ALT)  # "Action o&wner"
    assert panel.filters.owner.hasFocus()
    qtbot.keyClick(panel.filters.owner, Qt.Key.Key_Down)
    assert panel.filters.owner.currentText() == "Dev (Staff)"
    wait_loaded(qtbot, window)
    assert len(wordings(panel)) == 1
    qtbot.keyClick(panel.filters.owner, Qt.Key.Key_R, ALT)
    qtbot.keyClick(panel.filters.raised_by, Qt.Key.Key_Down)  # staff
    wait_loaded(qtbot, window)
    assert wordings(panel) == []
    assert panel.summary.text() == "No decisions match the filters."


def test_tab_order_reads_filters_then_log_then_details(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    window.resize(1400, 1100)  # room for the log and the decision together
    qtbot.waitUntil(lambda: panel.together)
    focus(qtbot, window.areas)
    seen = []
    filters = panel.filters
    expected = [filters.search, filters.clear_button, *filters.combos, panel.table]
    for _step in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
    # The table chose its first row on taking the focus; once that decision is read in,
    # Tab goes on through the buttons that act on it, then into it.
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    seen = []
    for _step in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    # The newest decision has no actions, so "Update action" is not there to reach.
    assert seen[:5] == [
        panel.read_button,
        panel.edit_button,
        panel.add_action_button,
        panel.comment_button,
        panel.details_view,
    ]


def open_first_decision(qtbot, window, panel: DecisionsPanel) -> None:  # type: ignore[no-untyped-def]
    """Go to the oldest decision (the ramp one) in the log and press Enter to read it."""
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(panel.table, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.details_view.hasFocus)
    qtbot.waitUntil(lambda: panel.shown_details() is not None)
    wait_loaded(qtbot, window)


def test_a_decision_in_full(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    open_first_decision(qtbot, window, panel)
    text = panel.details_view.toPlainText()
    assert "Ramp requests will be answered within two working days." in text
    assert "Raised by: Tomasz Nowak (Member with lived experience)" in text
    assert "How it was agreed: Everyone agreed" in text
    assert "Session: March session, 4 March 2025" in text
    assert "Aims it serves: Repairs within two weeks" in text
    assert "Phone the ramp fitters" in text and "Who will do it: Dev" in text
    assert "Recorded by Aisha" in text
    assert panel.details_view.accessibleName() == "The chosen decision in full"
    assert panel.details_view.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert panel.edit_button.isEnabled() and panel.update_action_button.isEnabled()


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def active_dialog(qtbot, kind):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go to it only once it has the keyboard
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_editing_the_wording_asks_why_and_keeps_the_history(qtbot, open_window, log, db):
    window, panel = open_decisions(qtbot, open_window)
    open_first_decision(qtbot, window, panel)
    before = len(panel.details_view.details.history)
    qtbot.keyClick(panel.details_view, Qt.Key.Key_E, ALT)  # "&Edit decision…"
    dialog = active_dialog(qtbot, EditDecisionDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_W, ALT)
    assert dialog.wording.hasFocus()
    qtbot.keyClick(dialog.wording, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(dialog.wording, "Ramp requests will be answered within one working day.")
    qtbot.keyClick(dialog.wording, Qt.Key.Key_G, ALT)
    qtbot.keyClicks(QApplication.focusWidget(), "Aisha Bello")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, ALT)  # save, with no reason
    qtbot.waitUntil(
        lambda: "Please write the reason for the change." in window.status_line.announced
    )
    assert dialog.isVisible()
    assert dialog.reason.hasFocus()
    assert "Please write the reason for the change." in window.status_line.announced
    assert dialog.wording.toPlainText() == "Ramp requests will be answered within one working day."

    qtbot.keyClicks(dialog.reason, "We agreed a faster answer in April.")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: len(panel.details_view.details.history) == before + 1)
    wait_loaded(qtbot, window)
    text = panel.details_view.toPlainText()
    assert (
        "Wording changed by Aisha Bello from “Ramp requests will be answered within two "
        "working days.” to “Ramp requests will be answered within one working day.”"
    ) in text
    assert "Why: We agreed a faster answer in April." in text
    assert "Saved the change. The decision's history shows it." in window.status_line.announced
    row = panel.model.row_number(panel.details_view.details.id)
    assert panel.model.row_at(row).wording.endswith("within one working day.")
    assert panel.who == "Aisha Bello"


def test_adding_and_updating_an_action(qtbot, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    open_first_decision(qtbot, window, panel)
    qtbot.keyClick(panel.details_view, Qt.Key.Key_A, ALT)  # "Add &action…"
    dialog = active_dialog(qtbot, AddActionDialog)
    qtbot.waitUntil(dialog.description.hasFocus)  # the first field has the keyboard
    qtbot.keyClicks(dialog.description, "Write to every member about the change")
    qtbot.keyClick(dialog.description, Qt.Key.Key_D, ALT)  # who will do it
    qtbot.keyClick(dialog.owner, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.owner, Qt.Key.Key_U, ALT)  # it has a due date
    qtbot.keyClick(dialog.due.check, Qt.Key.Key_Space)
    assert dialog.due.value() is not None
    qtbot.keyClick(dialog.due.check, Qt.Key.Key_R, ALT)
    qtbot.keyClicks(QApplication.focusWidget(), "Aisha")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: len(panel.details_view.details.actions) == 2)
    assert "Write to every member about the change" in panel.details_view.toPlainText()
    assert "Who will do it: Dev" in panel.details_view.toPlainText()

    window.activateWindow()  # the offscreen platform does not give it back by itself
    qtbot.waitUntil(window.isActiveWindow)
    focus(qtbot, panel.details_view)
    qtbot.keyClick(panel.details_view, Qt.Key.Key_U, ALT)  # "&Update action…"
    dialog = active_dialog(qtbot, UpdateActionDialog)
    assert dialog.action.currentItem().text() == "Phone the ramp fitters"
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # "&Status"
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)
    assert dialog.status.currentText() == "Done"
    qtbot.keyClick(dialog.status, Qt.Key.Key_W, ALT)  # "What &we did"
    qtbot.keyClicks(dialog.outcome, "The fitters start on Monday.")
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_G, ALT)
    qtbot.keyClicks(QApplication.focusWidget(), "Dev")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, ALT)  # "Sa&ve"
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: panel.details_view.details.actions[0].outcome != "")
    text = panel.details_view.toPlainText()
    assert "What we did: The fitters start on Monday." in text
    assert "Action status changed by Dev from “Not started” to “Done”." in text
    fields = [entry.field for entry in panel.details_view.details.history]
    assert fields[-2:] == ["action status", "action outcome"]


def test_a_champion_s_comment_added_by_keyboard(qtbot, open_window, log, db):
    window, panel = open_decisions(qtbot, open_window)
    open_first_decision(qtbot, window, panel)
    panel.who = "Aisha Bello"  # as if she had just changed something
    assert "No comments yet." in panel.details_view.toPlainText()
    qtbot.keyClick(panel.details_view, Qt.Key.Key_M, ALT)  # "Add co&mment…"
    dialog = active_dialog(qtbot, AddCommentDialog)
    assert "Ramp requests will be answered within two working days." in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    assert dialog.author.hasFocus() and dialog.author.currentText() == "Not said"
    qtbot.keyClick(dialog.author, Qt.Key.Key_Down)  # the first in the group: Dev
    qtbot.keyClick(dialog.author, Qt.Key.Key_Down)  # then Tomasz
    assert dialog.author.currentText() == "Tomasz Nowak (Member with lived experience)"
    qtbot.keyClick(dialog.author, Qt.Key.Key_A, ALT)  # add it, with nothing written
    qtbot.waitUntil(lambda: "Please write the comment." in window.status_line.announced)
    assert dialog.isVisible() and dialog.text.hasFocus()
    type_text(dialog.text, "Two days is good. Will it be a phone call?")
    qtbot.keyClick(dialog.text, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: len(panel.details_view.details.comments) == 1)
    text = panel.details_view.toPlainText()
    assert "Tomasz Nowak" in text and "Two days is good. Will it be a phone call?" in text
    assert "Added the comment. It is under Comments." in window.status_line.announced
    assert panel.who == "Aisha Bello"  # whose comment it was is not who changes things


def test_every_model_passes_the_tester_filtered_and_not(qtbot, qtmodeltester, open_window, log):
    window, panel = open_decisions(qtbot, open_window)
    qtmodeltester.check(panel.model, force_py=True)
    panel.filters.search.setText("ramp")
    wait_loaded(qtbot, window)
    qtmodeltester.check(panel.model, force_py=True)
    for box in panel.filters.combos:
        qtmodeltester.check(box.model(), force_py=True)


def test_a_log_of_20000_opens_with_its_first_window_only(qtbot, open_window, db):
    group = groups.create_group(db, "Busy group")
    with db.transaction() as session:
        session.execute(
            insert(Decision),
            [
                {
                    "group_id": group.id,
                    "wording": f"Decision {n}: ramp repairs",
                    "decided_on": date(2000, 1, 1).fromordinal(730_000 + n // 5),
                }
                for n in range(20_000)
            ],
        )
    window = open_window().window
    window.areas.setCurrentRow(3)
    panel = window.current_panel()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    # How quickly is for the benchmark (bench/views.py); this checks how much is read.
    assert panel.model.total == 20_000
    assert panel.model.rowCount() == panel.model.WINDOW  # not all 20,000
    assert "20000 decisions, the newest first." in panel.summary.text()
    assert panel.model.row_at(0).wording == "Decision 19999: ramp repairs"
    # Moving to the end brings the rest a window at a time.
    focus(qtbot, panel.table)
    while panel.model.rowCount() < 20_000:
        count = panel.model.rowCount()
        qtbot.keyClick(panel.table, Qt.Key.Key_End, CTRL)
        qtbot.waitUntil(lambda c=count: panel.model.rowCount() > c, timeout=10_000)
    assert panel.model.row_at(19_999).wording == "Decision 0: ramp repairs"
    assert len({panel.model.row_at(n).id for n in range(20_000)}) == 20_000


@pytest.mark.parametrize(
    "kind",
    [
        EditDecisionDialog,
        AddActionDialog,
        UpdateActionDialog,
        AddCommentDialog,
        DecisionDialog,
        FormDialog,
    ],
)
def test_each_dialog_has_an_example_with_every_control_named(qtbot, open_window, log, kind):
    window, panel = open_decisions(qtbot, open_window)
    for with_details in (False, True):
        if with_details:
            open_first_decision(qtbot, window, panel)
        dialog = kind.example(window)
        assert isinstance(dialog, kind)
        unnamed = [
            type(widget).__name__
            for widget in dialog.findChildren(QWidget)
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            and widget.isVisibleTo(dialog)
            and not widget.accessibleName().strip()
        ]
        assert unnamed == []
        dialog.deleteLater()


def read_the_only_decision(qtbot, open_window) -> str:  # type: ignore[no-untyped-def]
    """The text of the group's one decision, read in full by keyboard."""
    window, panel = open_decisions(qtbot, open_window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    open_first_decision(qtbot, window, panel)
    return panel.details_view.toPlainText()


def test_a_decision_with_no_changes_recorded_says_so(qtbot, open_window, db):
    """As the example decisions were made: no history at all, where the heading stood last
    with nothing under it."""
    group = groups.create_group(db, "Kit That Works group")
    with db.transaction() as session:
        session.execute(
            insert(Decision),
            [
                {
                    "group_id": group.id,
                    "wording": "Letters in large print.",
                    "decided_on": date(2025, 3, 5),
                }
            ],
        )
    text = read_the_only_decision(qtbot, open_window)
    assert text.rstrip().endswith("History of changes, oldest first\nNo changes yet.")


def test_a_decision_from_live_mode_says_the_session_it_was_recorded_in(qtbot, open_window, db):
    """Live mode is run from one laptop, so who recorded it is not known: the history says
    where, not "Recorded by Live session"."""
    from app.services import live_actions
    from tests.live_sample import make_live_session

    sample = make_live_session(db)
    decision = live_actions.record_decision(
        db,
        sample.meeting_id,
        "Repairs will be booked by text.",
        raised_by_id=sample.people["Margaret"],
    )
    live_actions.record_action(
        db,
        sample.meeting_id,
        "Ask about texts",
        owner_id=sample.people["Dev"],
        decision_id=decision,
    )
    text = read_the_only_decision(qtbot, open_window)
    session = "the session “Wheelchair repairs” of 4 March 2025"
    assert f"Recorded in {session}: Repairs will be booked by text." in text
    assert f"Action added in {session}: Ask about texts" in text
    assert f"Who will do the action changed in {session} from “(nothing)” to “Dev Sharma”." in text
    assert "Live session" not in text and "someone not named" not in text
