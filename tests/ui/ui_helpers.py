"""Helpers the screen tests share (imported by name: tests/ui is on the path)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from app.models.enums import PackFormat, Role
from app.services import aims, decisions, groups, live_close, meetings, people
from app.storage import Database
from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class Sample:
    """Two groups with different people, sessions, aims, decisions and payments."""

    equipment: int
    panel: int
    equipment_members: tuple[str, ...]
    panel_members: tuple[str, ...]


def make_sample(db: Database) -> Sample:
    equipment = groups.create_group(
        db,
        "Kit That Works group",
        purpose="Equipment users and the equipment service, improving it together.",
    )
    panel = groups.create_group(db, "Digital Inclusion Panel")
    margaret = people.add_member(
        db,
        equipment.id,
        "Margaret O'Neill",
        Role.CHAMPION,
        pronouns="she/her",
        preferred_format=PackFormat.LARGE_PRINT,
        large_print_size_pt=24,
    )
    people.add_member(db, equipment.id, "Dev Sharma", Role.STAFF, preferred_name="Dev")
    people.add_member(db, equipment.id, "Aisha Bello", Role.FACILITATOR, pronouns="she/her")
    tomasz = people.add_member(
        db, panel.id, "Tomasz Nowak", Role.LIVED_EXPERIENCE, preferred_format=PackFormat.AUDIO
    )
    people.add_member(db, panel.id, "Grace Okafor", Role.CARER)

    repairs = meetings.plan_meeting(
        db,
        equipment.id,
        "Wheelchair repairs",
        datetime(2025, 3, 4, 10, 30),
        [("Welcome", 10), ("Repairs: what has changed", 45)],
        breaks=[(1, 15)],
    )
    forms = meetings.plan_meeting(db, panel.id, "Online forms", datetime(2025, 4, 1, 14, 0), [])
    live_close.confirm_payments(
        db, repairs.id, [(margaret.person_id, 70)], rate_pence_per_hour=1_500
    )
    live_close.confirm_payments(db, forms.id, [(tomasz.person_id, 60)], rate_pence_per_hour=1_000)

    aims.add_aim(db, equipment.id, "Repairs within two weeks", "Members tell us at each session")
    aims.add_aim(db, equipment.id, "Clear letters")
    aims.add_aim(db, panel.id, "Everyone can book a session online")

    decisions.record_decision(
        db,
        equipment.id,
        "Repair requests will be answered within two working days.",
        date(2025, 3, 4),
        raised_by_id=margaret.person_id,
    )
    decisions.record_decision(db, panel.id, "Forms will have a phone option.", date(2025, 4, 1))
    return Sample(
        equipment=equipment.id,
        panel=panel.id,
        equipment_members=("Aisha Bello", "Dev", "Margaret O'Neill"),
        panel_members=("Grace Okafor", "Tomasz Nowak"),
    )


def wait_loaded(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20_000)


def shown_names(window: MainWindow) -> list[str]:
    model = window.panels[0].model
    return [model.row_at(row).display_name for row in range(model.rowCount())]


def visit_every_area(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Show each area in turn (a hidden area loads when shown), then go back to the first."""
    for area in range(len(window.panels)):
        window.areas.setCurrentRow(area)
        wait_loaded(qtbot, window)
    window.areas.setCurrentRow(0)


def the_folder_chooser(qtbot) -> QFileDialog:  # type: ignore[no-untyped-def]
    """The folder chooser that has just opened (Qt's own, off screen)."""

    def shown() -> list[QFileDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(shown()))
    return shown()[0]


def name_field(chooser: QFileDialog) -> QLineEdit:
    """The chooser's field for a folder's name (where a new folder may be offered)."""
    field = chooser.findChild(QLineEdit, "fileNameEdit")
    assert field is not None
    return field


def choose_folder(qtbot, folder: Path) -> QFileDialog:  # type: ignore[no-untyped-def]
    """Go to ``folder`` in the folder chooser that has just opened, and press Enter there,
    having first cleared a new folder's name offered in it, as a person going elsewhere
    would."""
    chooser = the_folder_chooser(qtbot)
    chooser.activateWindow()
    qtbot.waitUntil(chooser.isActiveWindow)
    name_field(chooser).clear()
    chooser.setDirectory(str(folder))
    qtbot.keyClick(chooser.focusWidget() or chooser, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(chooser) or not chooser.isVisible())
    return chooser
