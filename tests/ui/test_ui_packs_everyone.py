"""Packs for everyone by keyboard: where to put them is asked, the progress and the result
stay in view and are heard, the folder can be opened, and one member's failure is said
without stopping the others."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QListWidget, QWidget
from ui_helpers import choose_folder, name_field, the_folder_chooser, wait_loaded

from app.errors import RoundtableError
from app.services import live_close, meetings
from app.ui.focus_ring import RING_WIDTH
from app.ui.folder_chooser import folder_chooser
from app.ui.formatting import title_width
from app.ui.packs_everyone import PacksForEveryoneDialog
from app.ui.settings import PACKS_FOLDER

ALT = Qt.KeyboardModifier.AltModifier


def open_dialog(qtbot, parts, group_id: int) -> PacksForEveryoneDialog:  # type: ignore[no-untyped-def]
    window = parts.window
    window.activateWindow()
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == group_id)
    )
    wait_loaded(qtbot, window)
    action = next(
        a
        for m in window.menuBar().actions()
        if m.text() == "&Packs"
        for a in m.menu().actions()
        if a.text() == "Packs for &everyone…"
    )
    action.trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PacksForEveryoneDialog) and w.isVisible()
    )
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=20_000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def wait_done(qtbot, dialog: PacksForEveryoneDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.open_folder_button.isVisible(), timeout=60_000)


def in_view(widget: QWidget, dialog: QWidget) -> bool:
    """Shown whole inside the dialog, without scrolling: nothing below its lower edge, and
    nothing hidden by what holds it."""
    area = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
    return (
        widget.isVisible()
        and dialog.rect().contains(area)
        and widget.visibleRegion().boundingRect() == widget.rect()
    )


def test_make_the_packs_asks_where_and_offers_to_open_the_folder(
    qtbot, open_window, sample, home, tmp_path
) -> None:
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    opened: list[QUrl] = []
    dialog.open_url = lambda url: opened.append(url) or True

    (home / "Documents").mkdir()
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    # The first time, the chooser opens in Documents offering a folder of its own there,
    # which is not made unless it is chosen.
    chooser = the_folder_chooser(qtbot)
    suggested = home / "Documents" / "Roundtable packs"
    assert Path(chooser.directory().absolutePath()) == home / "Documents"
    assert name_field(chooser).text() == "Roundtable packs"
    assert chooser.selectedFiles() == [str(suggested)]
    assert not suggested.exists()
    assert chooser.windowTitle() == "Choose the folder for the packs"
    out = tmp_path / "for the session"
    out.mkdir()
    choose_folder(qtbot, out)
    wait_done(qtbot, dialog)
    assert not suggested.exists()  # another folder was chosen

    total = len(sample.equipment_members)
    assert len(dialog.made) == total and all(path.parent == out for path in dialog.made)
    said = dialog.status_line.announced
    assert f"Made 1 of {total} packs: Aisha Bello, standard print 14pt." in said
    assert said[-1] == f"Done. Made {total} packs in {out}."
    assert dialog.progress_words.accessibleDescription() == said[-1]
    # The result offers the folder, as the button with the keyboard that Enter presses.
    button = dialog.open_folder_button
    assert dialog.focusWidget() is button and button.isDefault()
    dialog.activateWindow()  # as the window system does once the chooser has gone
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert opened == [QUrl.fromLocalFile(str(out))]
    qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)
    qtbot.waitUntil(lambda: len(opened) == 2)  # an Alt key presses its button a moment later

    # The folder is remembered: the next time, the chooser opens in it.
    assert parts.settings.get(PACKS_FOLDER) == str(out)
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    again = the_folder_chooser(qtbot)
    assert Path(again.directory().absolutePath()) == out
    again.reject()
    dialog.close()


def test_cancelling_the_chooser_makes_nothing_and_says_so(qtbot, open_window, sample, home) -> None:
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    chooser = the_folder_chooser(qtbot)
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow)
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: dialog.status_line.announced[-1:] == ["No folder was chosen, so nothing was made."]
    )
    assert parts.runner.wait_idle()
    assert dialog.made == [] and dialog.run_plan is None
    assert not list(home.rglob("Roundtable packs"))  # no folder for packs not made
    assert not dialog.open_folder_button.isVisible() and dialog.start_button.isEnabled()
    assert parts.settings.get(PACKS_FOLDER) == ""  # nothing chosen, nothing remembered
    dialog.close()


def test_the_offered_folder_is_made_once_chosen_by_enter(qtbot, open_window, sample, home) -> None:
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    chooser = the_folder_chooser(qtbot)
    # No Documents folder in this home: the chooser opens in the home folder itself.
    assert Path(chooser.directory().absolutePath()) == home
    assert not list(home.rglob("Roundtable packs"))
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow)
    qtbot.keyClick(chooser.focusWidget() or chooser, Qt.Key.Key_Return)
    wait_done(qtbot, dialog)
    made_in = home / "Roundtable packs"
    assert len(dialog.made) == len(sample.equipment_members)
    assert all(path.parent == made_in for path in dialog.made)
    assert parts.settings.get(PACKS_FOLDER) == str(made_in)
    dialog.close()


def test_only_the_offered_folder_may_be_chosen_before_it_exists(qtbot, home) -> None:
    chooser = folder_chooser(None, "Choose", home, "Roundtable packs")
    qtbot.addWidget(chooser)
    chooser.open()
    choose = chooser.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    assert choose.isEnabled()  # the offered folder, though not there yet
    name_field(chooser).setText("Roundtable pack")  # another name: Qt's usual refusal
    assert not choose.isEnabled()
    name_field(chooser).setText("Roundtable packs")
    assert choose.isEnabled()
    chooser.reject()
    assert not (home / "Roundtable packs").exists()


def a_planned_and_a_held_session(db, group_id: int) -> None:  # type: ignore[no-untyped-def]
    """Beside the sample's held 'Wheelchair repairs', a later one still planned (so first)."""
    repairs = next(
        s for s in meetings.list_sessions(db, group_id) if s.title == "Wheelchair repairs"
    )
    live_close.close_session(db, repairs.id)
    meetings.plan_meeting(db, group_id, "Planning day", datetime(2025, 5, 6, 10, 30), [])


def test_the_kind_of_pack_follows_the_session_until_chosen(
    qtbot, open_window, sample, db, tmp_path
) -> None:
    a_planned_and_a_held_session(db, sample.equipment)
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    said = dialog.status_line.announced
    assert dialog.session.chosen().title == "Planning day"
    assert dialog.kind.currentText() == "Before the session"
    assert said == []  # chosen quietly as the dialog opened

    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Down)  # to the held session
    assert dialog.session.chosen().title == "Wheelchair repairs"
    assert dialog.kind.currentText() == "After the session"
    assert said[-1] == "The kind of pack is now “After the session”, as this session has been held."
    qtbot.keyClick(dialog.session, Qt.Key.Key_Up)
    assert dialog.kind.currentText() == "Before the session"
    assert said[-1] == (
        "The kind of pack is now “Before the session”, as this session has not been held."
    )
    # Packs made for the held session are the ones sent after it.
    qtbot.keyClick(dialog.session, Qt.Key.Key_Down)
    dialog.make_in(tmp_path / "after")
    wait_done(qtbot, dialog)
    assert all(" - after - " in path.name for path in dialog.made), dialog.made

    # Once the person chooses the kind, moving between sessions keeps it.
    qtbot.keyClick(dialog, Qt.Key.Key_K, ALT)
    assert dialog.kind.hasFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Up)
    assert dialog.kind.currentText() == "Before the session"
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.session, Qt.Key.Key_Down)
    assert dialog.session.chosen().title == "Wheelchair repairs"
    assert dialog.kind.currentText() == "Before the session"
    assert "The kind of pack is now" not in said[-1]
    dialog.close()


def test_one_members_failure_is_said_and_the_others_are_made(
    qtbot, open_window, sample, tmp_path
) -> None:
    parts = open_window()
    window = parts.window
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == sample.panel)
    )
    wait_loaded(qtbot, window)

    def no_speech(_document, _out):  # type: ignore[no-untyped-def]
        raise RoundtableError("The computer's speech stopped part way.")

    dialog = PacksForEveryoneDialog(
        window,
        parts.source,
        parts.runner,
        window.current_group(),
        write_audio=no_speech,
        settings=parts.settings,
    )
    dialog.show()
    qtbot.waitUntil(dialog.start_button.isEnabled)
    dialog.make_in(tmp_path / "panel")
    wait_done(qtbot, dialog)
    assert [path.name.split(" - ")[-2] for path in dialog.made] == ["Grace Okafor"]
    said = dialog.status_line.announced
    failure = "Could not make the pack for Tomasz Nowak: The computer's speech stopped part way."
    assert failure in said  # when it happened
    assert said[-1] == f"Done. Made 1 of 2 packs in {tmp_path / 'panel'}. {failure}"
    dialog.close()


@pytest.mark.parametrize("percent", [100, 300])
def test_the_title_is_whole_and_the_result_stays_in_view(
    qtbot, open_window, sample, tmp_path, percent
) -> None:
    parts = open_window()
    parts.text_size.choose(percent)
    dialog = open_dialog(qtbot, parts, sample.equipment)
    # The window bar has a short title, all of it shown; the heading has the whole words.
    assert dialog.windowTitle() == "Packs for everyone — Roundtable"
    assert dialog.width() >= title_width(dialog.windowTitle())
    assert dialog.heading.text() == "Packs for everyone in Kit That Works group"
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()

    dialog.make_in(tmp_path / "a folder with a long name to wrap at the largest text size")
    qtbot.waitUntil(lambda: dialog.progress.isVisible())
    assert in_view(dialog.progress, dialog) and in_view(dialog.stop_button, dialog)
    assert dialog.stop_button.hasFocus()  # beside the progress, ready to stop it
    wait_done(qtbot, dialog)
    for part in (dialog.progress, dialog.progress_words, dialog.open_folder_button):
        assert in_view(part, dialog), part
    assert dialog.progress_words.text().startswith("Done. Made 3 packs in ")
    assert dialog.progress_words.height() >= dialog.progress_words.heightForWidth(
        dialog.progress_words.width()
    )
    dialog.close()
    parts.text_size.choose(100)


MORE_SESSIONS = (
    "Walk test session",
    "Planning the learning event",
    "Testing the new survey",
    "Delivery and collection days",
    "How the feedback survey works now, and a look round the warehouse with the drivers",
    "Writing the new survey together",
    "Learning event: final run-through",
    "Getting started: who we are and what we want",
)


def rows_in_sight(listing: QListWidget) -> list[int]:
    """The rows seen in the list, each of which must be seen whole."""
    view = listing.viewport().rect()
    seen = []
    for row in range(listing.count()):
        rect = listing.visualItemRect(listing.item(row))
        if rect.intersects(view):
            assert view.contains(rect), f"row {row} is cut: {rect} in {view}"
            seen.append(row)
    return seen


@pytest.mark.parametrize("percent", [100, 300])
def test_the_sessions_are_whole_rows_clear_of_the_focus_ring(
    qtbot, open_window, sample, db, percent
) -> None:
    for day, title in enumerate(MORE_SESSIONS, start=1):
        meetings.plan_meeting(db, sample.equipment, title, datetime(2025, 6, day, 10, 30), [])
    parts = open_window()
    parts.text_size.choose(percent)
    dialog = open_dialog(qtbot, parts, sample.equipment)
    listing = dialog.session
    # Once the sessions are in, the list asks for room for them, which it gets once the
    # page is laid out again (a person cannot type faster than that).
    qtbot.waitUntil(lambda: listing.height() == listing.sizeHint().height())
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    assert listing.hasFocus()
    # The ring drawn over the list's edges covers no row.
    inner = listing.viewport().geometry()
    edge = RING_WIDTH + 1
    assert inner.top() >= edge and inner.left() >= edge
    assert listing.width() - inner.right() - 1 >= edge
    assert listing.height() - inner.bottom() - 1 >= edge
    # A few lines tall at any size; where there is room, every session.
    assert listing.height() >= 4 * listing.fontMetrics().lineSpacing()
    if percent == 100:
        assert rows_in_sight(listing) == list(range(listing.count()))
    # Only whole rows, wherever the keyboard takes the list.
    for _row in range(listing.count()):
        assert listing.currentRow() in rows_in_sight(listing)
        qtbot.keyClick(listing, Qt.Key.Key_Down)
    for _row in range(listing.count()):
        qtbot.keyClick(listing, Qt.Key.Key_Up)
        assert listing.currentRow() in rows_in_sight(listing)
    dialog.close()
    parts.text_size.choose(100)


def each_choice_is_seen_by_its_alt_key(qtbot, dialog, keys) -> None:  # type: ignore[no-untyped-def]
    """Each of ``keys`` ((Alt letter, field)) puts the keyboard on its field, scrolled into
    view whole with its label, and no field is squeezed below the height its words need."""
    # Qt sizes a drop-down list to its words for a moment after its items change, until
    # the page is laid out again; a person cannot type faster than that.
    qtbot.waitUntil(lambda: len({field.width() for _key, field in keys}) == 1)
    for key, field in keys:
        qtbot.keyClick(dialog, key, ALT)
        assert field.hasFocus(), field
        label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is field)
        assert in_view(field, dialog) and in_view(label, dialog), label.text()
        if field.hasHeightForWidth():
            assert field.height() >= field.heightForWidth(field.width()), label.text()


def test_every_choice_is_seen_at_300_percent_before_and_after_making_the_packs(
    qtbot, open_window, sample, tmp_path
) -> None:
    parts = open_window()
    parts.text_size.choose(300)
    dialog = open_dialog(qtbot, parts, sample.equipment)
    choices = [(Qt.Key.Key_K, dialog.kind), (Qt.Key.Key_S, dialog.session)]
    each_choice_is_seen_by_its_alt_key(qtbot, dialog, choices)
    dialog.make_in(tmp_path / "packs")
    wait_done(qtbot, dialog)  # the progress and the result now take more of the window
    each_choice_is_seen_by_its_alt_key(qtbot, dialog, choices)
    dialog.close()
    parts.text_size.choose(100)


def test_a_folder_that_cannot_be_opened_is_said(qtbot, open_window, sample, tmp_path) -> None:
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    dialog.open_url = lambda _url: False
    dialog.make_in(tmp_path)
    wait_done(qtbot, dialog)
    result = f"Done. Made 3 packs in {tmp_path}."
    assert dialog.status_line.announced[-1] == result
    qtbot.keyClick(dialog.open_folder_button, Qt.Key.Key_Space)
    problem = f"The folder could not be opened here. It is {tmp_path}."
    assert dialog.status_line.announced[-1] == problem  # heard, without the result again
    # In view, the result stays, with the problem after it, however often it is tried.
    for _again in range(2):
        shown = dialog.progress_words.text().replace("\u200b", "")
        assert shown == f"{result} {problem}"
        qtbot.keyClick(dialog.open_folder_button, Qt.Key.Key_Space)
    assert in_view(dialog.progress_words, dialog) and dialog.open_folder_button.isVisible()
    dialog.close()
