"""The pack dialogs by keyboard: the real pages previewed, printed and saved; packs for everyone."""

from __future__ import annotations

import stat
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from test_ui_packs_everyone import open_dialog
from ui_helpers import choose_folder, wait_loaded

from app.export.document import PrintStyle
from app.services import example_data, live_close, meetings
from app.services.packs import PackKind
from app.ui.packs_dialog import PackDialog
from app.ui.packs_everyone import PacksForEveryoneDialog
from app.ui.packs_sessions import ROWS_SHOWN
from app.ui.sessions_panel import SessionsPanel

ALT = Qt.KeyboardModifier.AltModifier


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def open_sessions(qtbot, open_window, group_id: int):  # type: ignore[no-untyped-def]
    parts = open_window()
    window = parts.window
    window.activateWindow()
    window.group_chooser.setCurrentIndex(
        next(n for n, g in enumerate(window.groups) if g.id == group_id)
    )
    wait_loaded(qtbot, window)
    window.areas.setCurrentRow(
        next(n for n, p in enumerate(window.panels) if isinstance(p, SessionsPanel))
    )
    wait_loaded(qtbot, window)
    panel = window.current_panel()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.chosen_session() is not None
    return parts, panel


def the_open(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def wait_preview(qtbot, dialog: PackDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and bool(dialog.preview.pictures), timeout=30_000
    )


@pytest.fixture
def pack_dialog(qtbot, open_window, sample):  # type: ignore[no-untyped-def]
    parts, panel = open_sessions(qtbot, open_window, sample.equipment)
    qtbot.keyClick(panel, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: bool(the_open(PackDialog)))
    dialog = the_open(PackDialog)[0]
    wait_preview(qtbot, dialog)
    yield parts, panel, dialog
    dialog.close()


def test_the_pack_button_previews_the_chosen_sessions_real_pages(qtbot, pack_dialog) -> None:
    _parts, panel, dialog = pack_dialog
    chosen = panel.chosen_session()
    assert dialog.options.chosen_session().id == chosen.id
    rendered = dialog.rendered
    assert rendered.page_count >= 1
    first = dialog.preview.pictures[0]
    assert first.accessibleName() == f"Page 1 of {rendered.page_count}"
    # The page's own text, read from the PDF, is what a screen reader hears of the picture.
    assert chosen.title in first.accessibleDescription()
    assert f"{rendered.page_count} page" in dialog.preview.summary.text()
    assert first.pixmap() is not None and not first.pixmap().isNull()
    assert dialog.status_line.announced[-1].startswith("Preview ready: ")


def test_choices_by_keyboard_make_the_pack_again(qtbot, pack_dialog) -> None:
    _parts, _panel, dialog = pack_dialog
    options = dialog.options
    qtbot.keyClick(dialog, Qt.Key.Key_Y, ALT)
    assert options.style_box.hasFocus()
    options.style_box.setCurrentIndex(options.style_box.findData(PrintStyle.LARGE))
    assert (options.size_box.minimum(), options.size_box.maximum()) == (16, 28)
    qtbot.keyClick(dialog, Qt.Key.Key_Z, ALT)
    assert options.size_box.hasFocus()
    options.size_box.selectAll()
    qtbot.keyClicks(options.size_box, "24")
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)  # the private tick, by its mnemonic
    qtbot.waitUntil(options.contact.isChecked)
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and dialog.rendered.request.look.size_pt == 24,
        timeout=30_000,
    )
    request = dialog.rendered.request
    assert request.look.style == PrintStyle.LARGE
    assert request.privacy.include_contact and not request.privacy.include_access_needs
    options.kind_box.setCurrentIndex(options.kind_box.findData(PackKind.DECISIONS))
    assert not options.session_box.isEnabled() and not options.contact.isEnabled()
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and dialog.rendered.request.kind == PackKind.DECISIONS,
        timeout=30_000,
    )
    assert "Repair requests will be answered within two working days." in " ".join(
        picture.accessibleDescription() for picture in dialog.preview.pictures
    )


def test_a_members_own_pack_takes_their_format_and_name(qtbot, pack_dialog) -> None:
    _parts, _panel, dialog = pack_dialog
    options = dialog.options
    qtbot.waitUntil(lambda: options.member_box.count() == 4)  # no one, and three members
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    assert options.member_box.hasFocus()
    margaret = options.member_box.findText("Margaret O'Neill (large print 24pt)")
    assert margaret > 0
    options.member_box.setCurrentIndex(margaret)
    assert options.style_box.currentData() == PrintStyle.LARGE
    assert options.size_box.value() == 24
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and dialog.rendered.request.for_member != "",
        timeout=30_000,
    )
    assert dialog.rendered.request.look.size_pt == 24
    assert "For Margaret O'Neill." in dialog.preview.pictures[0].accessibleDescription()


def test_zoom_and_page_keys_in_the_preview(qtbot, pack_dialog) -> None:
    _parts, _panel, dialog = pack_dialog
    first = dialog.preview.pictures[0]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    width = first.pixmap().width()
    zoom = dialog.preview.zoom
    qtbot.keyClick(first, Qt.Key.Key_Plus)
    assert dialog.preview.zoom > zoom
    assert first.pixmap().width() > width
    qtbot.keyClick(first, Qt.Key.Key_Minus)
    assert dialog.preview.zoom == zoom
    qtbot.keyClick(dialog, Qt.Key.Key_I, ALT)  # the Zoom in button
    qtbot.waitUntil(lambda: dialog.preview.zoom > zoom)
    if len(dialog.preview.pictures) > 1:
        qtbot.keyClick(first, Qt.Key.Key_PageDown)
        assert dialog.preview.pictures[1].hasFocus()


def test_save_and_print_give_the_same_pages(qtbot, pack_dialog, tmp_path) -> None:
    _parts, panel, dialog = pack_dialog
    saved = tmp_path / "pack.pdf"
    dialog.save_to(saved)
    qtbot.waitUntil(
        lambda: any("Saved the pack as" in said for said in dialog.status_line.announced)
    )
    assert saved.read_bytes() == dialog.rendered.pdf
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600  # as every file about people is
    assert panel.chosen_session().title in pdf_text(saved)

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setResolution(72)
    dialog.print_with(printer)
    qtbot.waitUntil(lambda: any("to the printer" in said for said in dialog.status_line.announced))
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True)
    assert f"Pages:           {dialog.rendered.page_count}" in info.stdout


def test_the_kind_follows_the_session_chosen_in_the_pack_dialog(
    qtbot, open_window, sample, db
) -> None:
    repairs = meetings.list_sessions(db, sample.equipment)[0]
    live_close.close_session(db, repairs.id)
    meetings.plan_meeting(db, sample.equipment, "Planning day", datetime(2025, 5, 6, 10, 30), [])
    _parts, panel = open_sessions(qtbot, open_window, sample.equipment)
    assert panel.chosen_session().title == "Planning day"
    qtbot.keyClick(panel, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: bool(the_open(PackDialog)))
    dialog = the_open(PackDialog)[0]
    wait_preview(qtbot, dialog)
    options = dialog.options
    assert options.chosen_kind() == PackKind.BEFORE
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)
    qtbot.keyClick(options.session_box, Qt.Key.Key_Down)
    assert options.chosen_session().title == "Wheelchair repairs"
    assert options.chosen_kind() == PackKind.AFTER
    assert "The kind of pack is now “After the session”, as this session has been held." in (
        dialog.status_line.announced
    )
    # The preview is made again, of that pack.
    qtbot.waitUntil(
        lambda: dialog.rendered is not None and dialog.rendered.request.kind == PackKind.AFTER,
        timeout=30_000,
    )
    dialog.close()


def test_save_as_suggests_a_name_in_words(qtbot, pack_dialog) -> None:
    _parts, panel, dialog = pack_dialog
    chooser = dialog.save_as()
    assert chooser is not None
    chosen = panel.chosen_session()
    name = Path(chooser.selectedFiles()[0]).name
    assert (
        name
        == f"{chosen.starts_at:%Y-%m-%d} Kit That Works group - before - standard print 14pt.pdf"
    )
    chooser.reject()


def test_packs_for_everyone_while_the_window_stays_usable(
    qtbot, open_window, sample, tmp_path, home
) -> None:
    parts = open_window()
    dialog = open_dialog(qtbot, parts, sample.equipment)
    order: list[str] = []
    dialog.progress.valueChanged.connect(lambda value: order.append(f"pack {value}"))
    qtbot.keyClick(dialog, Qt.Key.Key_M, ALT)
    (tmp_path / "packs").mkdir()
    choose_folder(qtbot, tmp_path / "packs")
    qtbot.waitUntil(lambda: not dialog.start_button.isEnabled())
    # Other work asked for meanwhile runs between two members' packs, not after them all.
    parts.runner.run(lambda: None, on_done=lambda _none: order.append("other work"))
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
    total = len(sample.equipment_members)
    assert order.index("other work") < order.index(f"pack {total}")
    assert len(dialog.made) == total
    assert dialog.progress.value() == dialog.progress.maximum() == total
    assert dialog.progress.accessibleDescription().startswith(f"Made {total} of {total} packs: ")
    assert dialog.status_line.announced[-1] == f"Done. Made {total} packs in {tmp_path / 'packs'}."
    margaret = next(path for path in dialog.made if "Margaret O'Neill" in path.name)
    assert margaret.name.endswith("large print 24pt.pdf")
    assert "For Margaret O'Neill." in pdf_text(margaret)
    dialog.close()


def test_packs_for_everyone_can_be_stopped_and_leave_audio_to_its_format(
    qtbot, open_window, sample, tmp_path
) -> None:
    parts = open_window()
    window = parts.window
    panel_index = next(n for n, g in enumerate(window.groups) if g.id == sample.panel)
    window.group_chooser.setCurrentIndex(panel_index)
    wait_loaded(qtbot, window)
    dialog = PacksForEveryoneDialog(
        window, parts.source, parts.runner, window.current_group(), settings=parts.settings
    )
    dialog.show()
    qtbot.waitUntil(dialog.start_button.isEnabled)
    dialog.make_in(tmp_path / "all")
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
    assert dialog.waiting_for_audio == ["Tomasz Nowak"]
    assert (
        "Not made here, as they asked for audio: Tomasz Nowak." in dialog.status_line.announced[-1]
    )

    dialog.make_in(tmp_path / "stopped")
    dialog.stop()
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=60_000)
    assert dialog.status_line.announced[-1].startswith("Stopped. Made 0 of 2 packs")
    assert not list((tmp_path / "stopped").glob("*.pdf"))


def test_each_pack_dialog_builds_its_example(qtbot, open_window, sample) -> None:
    window = open_window().window
    for kind in (PackDialog, PacksForEveryoneDialog):
        dialog = kind.example(window)
        assert dialog.accessibleName()
        window.runner.wait_idle()
        dialog.hide()


@pytest.mark.parametrize("percent", [100, 300])
def test_the_pack_dialogs_pass_the_accessibility_walker(
    qtbot, open_window, sample, percent
) -> None:
    from walker import Walker

    parts = open_window()
    window = parts.window
    parts.text_size.choose(percent)
    walker = Walker(qtbot)
    for kind in (PackDialog, PacksForEveryoneDialog):
        dialog = kind.example(window)
        dialog.show()
        qtbot.waitExposed(dialog)
        parts.runner.wait_idle()
        if isinstance(dialog, PackDialog):
            wait_preview(qtbot, dialog)
        qtbot.wait(10)
        walker.check_screen(dialog, f"{kind.__name__} at {percent}%")
        dialog.hide()  # then gone with the window: a child is never deleted twice
    parts.text_size.choose(100)
    assert not walker.problems, "\n".join(walker.problems)


def test_no_choice_is_drawn_over_another_in_a_pack_dialog_wider_than_it_asks(
    qtbot, open_window, db
) -> None:
    """At 300% on a 1280 × 800 screen the pack dialog opens 1152 px wide, wider than its
    choices ask for, and "For a member:" was drawn over the fourth session in the list: the
    form they were in laid itself out with the rows' heights for its preferred width."""
    from walker import Walker

    example_data.load_example_data(db)
    parts = open_window()
    parts.text_size.choose(300)
    dialog = PackDialog.example(parts.window)
    dialog.resize(1152, 720)  # as fit_to_screen makes it on that screen
    dialog.show()
    qtbot.waitExposed(dialog)
    parts.runner.wait_idle()
    wait_preview(qtbot, dialog)
    assert dialog.options.session_box.count() >= ROWS_SHOWN
    walker = Walker(qtbot)
    walker.check_overlap(dialog, "the pack dialog at 300%, 1152 px wide")
    dialog.hide()
    parts.text_size.choose(100)
    assert walker.problems == []


def test_a_long_decision_log_previews_its_start_and_saves_whole(
    qtbot, open_window, sample, db, tmp_path, monkeypatch
) -> None:
    from datetime import date

    from app.services import decisions
    from app.ui import packs_pages

    for year in range(2015, 2020):
        decisions.record_decision(
            db, sample.equipment, f"Decision made in {year}.", date(year, 5, 1)
        )
    monkeypatch.setattr(packs_pages, "PREVIEW_LOG_BLOCKS", 2)  # a long log, in small
    parts, _panel = open_sessions(qtbot, open_window, sample.equipment)
    dialog = PackDialog(
        parts.window,
        parts.source,
        parts.runner,
        parts.window.current_group(),
        kind=PackKind.DECISIONS,
    )
    dialog.show()
    wait_preview(qtbot, dialog)
    assert not dialog.rendered.complete
    assert dialog.preview.summary.text().startswith("The first ")
    shown = " ".join(p.accessibleDescription() for p in dialog.preview.pictures)
    assert "Repair requests will be answered" in shown  # the newest come first
    assert "Decision made in 2015." not in shown
    saved = tmp_path / "log.pdf"
    dialog.save_to(saved)
    qtbot.waitUntil(lambda: saved.exists(), timeout=30_000)
    text = pdf_text(saved)
    assert "Decision made in 2015." in text and "Repair requests will be answered" in text
    assert dialog.rendered.complete  # kept: a second save needs no second making
    dialog.hide()


def test_closing_packs_for_everyone_stops_it_and_says_so_in_the_window(
    qtbot, open_window, sample, tmp_path
) -> None:
    parts, _panel = open_sessions(qtbot, open_window, sample.equipment)
    window = parts.window
    dialog = PacksForEveryoneDialog(
        window, parts.source, parts.runner, window.current_group(), settings=parts.settings
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    qtbot.waitUntil(dialog.start_button.isEnabled)
    dialog.make_in(tmp_path / "closed")
    dialog.close()
    qtbot.waitUntil(
        lambda: any(s.startswith("Stopped making packs.") for s in window.status_line.announced),
        timeout=30_000,
    )
    assert parts.runner.wait_idle()
    said = next(s for s in window.status_line.announced if s.startswith("Stopped making packs."))
    made = len(list((tmp_path / "closed").glob("*.pdf")))
    assert f"Made {made} of 3" in said
    assert made < 3


def test_closing_the_pack_dialog_while_its_preview_is_made(qtbot, open_window, sample) -> None:
    from app.ui.packs_menu import open_pack_dialog

    parts, _panel = open_sessions(qtbot, open_window, sample.equipment)
    dialog = open_pack_dialog(parts.window)
    dialog.close()  # deleted on close: what comes back afterwards must not reach it
    assert parts.runner.wait_idle()
    qtbot.wait(50)
    assert not the_open(PackDialog)
